import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for the CLI's own process, applied before undici is loaded.
 *
 * Optimising undici's llhttp WebAssembly parser with TurboFan takes ~35 MB of
 * memory that is never given back, and the parser was no faster for it on the
 * benchmark than with the baseline compiler. A flag set at run time takes
 * effect here because the wasm module has not been compiled yet.
 *
 * The old generation may grow to 1.3 times what is live after a full
 * collection, not the up to 4 times V8 allows a process that spends little
 * time collecting. A crawl promotes its queue's entries (some 600 bytes a
 * page) and little else lives on, so with V8's own factor its heap grew with
 * the site: 107 MB of peak RSS at 20 000 pages, 150 MB at 200 000, for
 * 14 MB live. Now about 105 and 120 MB, for twenty full collections instead of
 * eight (0.15 s of pauses in 28 s). V8 reads the flag at each collection.
 */
export function tuneEngineForCli(): void {
  setFlagsFromString('--liftoff-only');
  setFlagsFromString('--heap-growing-percent=30');
}
