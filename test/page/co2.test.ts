import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/options.js';
import { addCo2, co2Grams } from '../../src/page/co2.js';
import { okRecord, pageWeight } from '../helpers/records.js';
import { measureOne } from '../helpers/run.js';
import { useServers } from '../helpers/servers.js';

const serve = useServers();

// Sustainable Web Design v4: 0.055 + 0.059 + 0.08 kWh/GB operational (data
// centre, network, device) and 0.012 + 0.013 + 0.081 embodied, 0.3 kWh/GB in
// all, at the global grid intensity of 494 g/kWh: 148.2 g per GB (10^9 bytes).
const gramsPerByte = (0.3 * 494) / 1e9;

describe('co2Grams', () => {
  it('is the SWD v4 figure for one first visit, to 0.1 mg', () => {
    expect(co2Grams(1e9)).toBe(148.2);
    expect(co2Grams(2_000_000)).toBe(Math.round(2_000_000 * gramsPerByte * 10_000) / 10_000);
    expect(co2Grams(2_000_000)).toBe(0.2964);
    expect(co2Grams(0)).toBe(0);
  });
});

describe('addCo2', () => {
  it("adds page.co2 from the page's transfer bytes, as the page's last key", () => {
    const record = addCo2(okRecord({ page: pageWeight({ image: { requests: 2, transferBytes: 1_000_000, bytes: 1_000_000 } }) }));
    expect(record.page?.co2).toBe(0.1482);
    expect(Object.keys(record.page ?? {}).at(-1)).toBe('co2');
  });

  it('leaves a record without a page as it is', () => {
    const record = addCo2(okRecord());
    expect(record).not.toHaveProperty('page');
    expect(record).toEqual(okRecord());
  });
});

describe('the co2 option', () => {
  it('is a boolean, off by default', () => {
    expect(resolveOptions({}, 'ua').co2).toBe(false);
    expect(() => resolveOptions({ co2: 'yes' as unknown as boolean }, 'ua')).toThrow(/Expected `co2` to be a boolean/);
  });

  it('adds no page to a record measured without the page mode', async () => {
    const server = await serve.http((_request, response) => response.end('hello'));
    const record = await measureOne(`${server.origin}/`, { co2: true });
    expect(record.bytes).toBe(5);
    expect(record).not.toHaveProperty('page');
  });
});
