#!/usr/bin/env node
// `--version` alone is answered before the CLI and its option parser are loaded.
const [flag, ...rest] = process.argv.slice(2);
if ((flag === '--version' || flag === '-V') && rest.length === 0) {
  const { version } = await import('../dist/version.js');
  process.stdout.write(`${version}\n`);
} else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv);
}
