import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { toMeasureOptions } from '../../src/cli/measure-options.js';
import { createProgram } from '../../src/cli/program.js';

function libraryOptions(...args: string[]): ReturnType<typeof toMeasureOptions> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), signals: new EventEmitter() };
  const program = createProgram(io).parse(['node', 'sitesize', ...args, 'https://example.com/']);
  return toMeasureOptions(program.opts(), new AbortController().signal, { shard: undefined, skip: undefined });
}

describe('toMeasureOptions', () => {
  it('turns --allow-private into allowPrivate, off by default', () => {
    expect(libraryOptions('--allow-private').allowPrivate).toBe(true);
    expect(libraryOptions().allowPrivate).toBe(false);
  });
});
