/** Whether a line names its scheme (`https://…`); SPEC: a line without one means https, an argument with one is a URL. */
export function hasScheme(text: string): boolean {
  return text.includes('://');
}
