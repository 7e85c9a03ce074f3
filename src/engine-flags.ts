import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for the CLI's own process, applied before undici is loaded.
 * Optimising undici's llhttp WebAssembly parser with TurboFan takes ~35 MB of
 * memory that is never given back, and it did not parse measurably faster on
 * the benchmark than the baseline compiler; letting the young generation grow
 * past its first size costs another ~30 MB on long lists, again for no speed.
 * Flags set at run time take effect here because neither the wasm module nor
 * the heap's growth has happened yet.
 */
export function tuneEngineForCli(): void {
  setFlagsFromString('--liftoff-only');
  setFlagsFromString('--semi-space-growth-factor=1');
}
