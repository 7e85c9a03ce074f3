import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for the CLI's own process, applied before undici is loaded.
 * Optimising undici's llhttp WebAssembly parser with TurboFan takes ~35 MB of
 * memory that is never given back, and the parser was no faster for it on the
 * benchmark than with the baseline compiler. A flag set at run time takes
 * effect here because the wasm module has not been compiled yet.
 */
export function tuneEngineForCli(): void {
  setFlagsFromString('--liftoff-only');
}
