import type { Writable } from 'node:stream';
import type { WriteStream } from 'node:tty';

/**
 * Whether to colour what goes to `stream`: only a terminal, and only when the
 * environment allows it (`hasColors()` honours NO_COLOR, FORCE_COLOR and TERM).
 */
export function canColor(stream: Writable): boolean {
  return isTerminal(stream) && (stream as Partial<WriteStream>).hasColors?.() === true;
}

export type Hue = 'red' | 'green' | 'yellow' | 'cyan';

// Written out rather than util.styleText, whose Node 20 releases differ on
// whether it checks process.stdout itself; the caller has decided already.
const hueCodes: Record<Hue, number> = { red: 31, green: 32, yellow: 33, cyan: 36 };

/** `text` in a foreground colour (ANSI SGR), reset to the default colour after it. */
export function paint(hue: Hue, text: string): string {
  return `\u001b[${hueCodes[hue]}m${text}\u001b[39m`;
}

export function isTerminal(stream: Writable): boolean {
  return (stream as Partial<WriteStream>).isTTY === true;
}
