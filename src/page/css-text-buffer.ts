import { maxStylesheetLength } from './css-scanner.js';

/**
 * Collects a stylesheet's decoded text as it streams, keeping no more than scanStylesheet reads, so a
 * 20 MB stylesheet holds 2 Mi characters while the rest of its body is only counted.
 */
export class StylesheetText {
  readonly #chunks: string[] = [];
  #length = 0;
  #truncated = false;

  /** Adds the next decoded chunk; what lies past the cap is dropped. */
  push(chunk: string): void {
    const room = maxStylesheetLength - this.#length;
    if (chunk.length > room) this.#truncated = true;
    if (room <= 0) return;
    const kept = chunk.length > room ? chunk.slice(0, room) : chunk;
    this.#chunks.push(kept);
    this.#length += kept.length;
  }

  /** Whether text past the cap was dropped. */
  get truncated(): boolean {
    return this.#truncated;
  }

  /** The text kept so far. */
  text(): string {
    return this.#chunks.join('');
  }
}
