// The part of CO2.js (@tgwf/co2, which ships no types) that sitesize uses.
declare module '@tgwf/co2' {
  export class co2 {
    constructor(options: { model: 'swd'; version: 3 | 4 });
    /** Grams of CO2e for one visit that transfers `bytes` (a number unless segment or rating results are asked for). */
    perVisit(bytes: number, green?: boolean): number;
  }
}
