import type { Writable } from 'node:stream';
import { formatBytes } from './human-units.js';
import { paint } from './terminal.js';

/** What the progress line shows; `total` is undefined while it is not known. */
export interface ProgressState {
  done: number;
  total: number | undefined;
  ok: number;
  failed: number;
  bytes: number;
  seconds: number;
}

// Ten frames a second at most: live enough to watch, cheap on a slow terminal.
const frameMs = 100;
const clearLine = '\r\u001b[K';

function formatDuration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor(s / 60) % 60).padStart(2, '0')}m`;
}

/**
 * One line such as `sitesize: 120/1000 (12%), 45.2 URLs/s, 118 ok, 2 failed, 1.2 MiB, ETA 19s`,
 * cut to `width` columns so that it never wraps (a wrapped line cannot be cleared with `\r`).
 */
export function renderProgress(state: ProgressState, { color, width }: { color: boolean; width: number }): string {
  const rate = state.seconds > 0 ? state.done / state.seconds : 0;
  const { total } = state;
  const parts = [
    total === undefined ? `${state.done} done` : `${state.done}/${total} (${total > 0 ? Math.floor((100 * state.done) / total) : 100}%)`,
    `${rate.toFixed(1)} URLs/s`,
    `${state.ok} ok`,
    `${state.failed} failed`,
    formatBytes(state.bytes),
    ...(total === undefined ? [] : [`ETA ${rate > 0 ? formatDuration(Math.max(0, total - state.done) / rate) : '?'}`]),
  ];
  const plain = `sitesize: ${parts.join(', ')}`;
  if (plain.length > width) return plain.slice(0, Math.max(0, width));
  return color && state.failed > 0 ? plain.replace(`${state.failed} failed`, paint('red', `${state.failed} failed`)) : plain;
}

/**
 * A live line on a terminal, redrawn from `read()` at a bounded rate. Anything
 * else written to the same terminal must call `hide()` first; the next frame
 * draws the line again below it. `stop()` leaves the terminal as it was.
 */
export class ProgressLine {
  readonly #stream: Writable & { columns?: number };
  readonly #read: () => ProgressState;
  readonly #color: boolean;
  #timer: NodeJS.Timeout | undefined;
  #visible = false;

  constructor(stream: Writable, read: () => ProgressState, { color }: { color: boolean }) {
    this.#stream = stream;
    this.#read = read;
    this.#color = color;
  }

  start(): void {
    this.#draw();
    this.#timer = setInterval(this.#draw, frameMs);
    // The line must never be what keeps the process alive.
    this.#timer.unref();
  }

  hide(): void {
    if (!this.#visible) return;
    this.#visible = false;
    this.#stream.write(clearLine);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.hide();
  }

  readonly #draw = (): void => {
    // A terminal's last column would wrap the cursor on some terminals, so it stays free;
    // a pseudo-terminal without a size reports 0 columns.
    const columns = this.#stream.columns ?? 0;
    const width = columns > 0 ? columns - 1 : Infinity;
    this.#stream.write(`${clearLine}${renderProgress(this.#read(), { color: this.#color, width })}`);
    this.#visible = true;
  };
}
