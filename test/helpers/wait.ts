import type { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { setTimeout as delay } from 'node:timers/promises';

/** Resolves once `condition` holds; fails the test with `what` if it does not within `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(10);
  }
}

/** Resolves once `stream` has carried text that includes `text` (or it ends). */
export function waitForOutput(stream: Readable, text: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    const onData = (chunk: Buffer | string): void => {
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes(text)) done();
    };
    const done = (): void => {
      stream.off('data', onData);
      resolve();
    };
    stream.on('data', onData);
    stream.once('end', done);
  });
}

/** Lets the event loop run `turns` times: enough for work that needs no timer to happen, if it is going to. */
export async function settle(turns = 20): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await nextTurn();
}
