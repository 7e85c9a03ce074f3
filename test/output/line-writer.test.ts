import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LineWriter } from '../../src/output/line-writer.js';

function recordingStream(): { stream: Writable; writes: string[] } {
  const writes: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(chunk.toString());
      callback();
    },
  });
  return { stream, writes };
}

describe('LineWriter', () => {
  it('joins the lines of one turn of the event loop into one write at its end', async () => {
    const { stream, writes } = recordingStream();
    const writer = new LineWriter(stream);
    for (let i = 0; i < 100; i++) await writer.write(`line ${i}\n`);
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toHaveLength(1);
    expect(writes[0]?.split('\n')).toHaveLength(101);
    await writer.write('later\n');
    await nextTurn();
    expect(writes).toEqual([expect.any(String), 'later\n']);
  });

  it('writes a batch at once when it reaches 64 KiB', async () => {
    const { stream, writes } = recordingStream();
    const writer = new LineWriter(stream);
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 64; i++) await writer.write(line);
    expect(writes).toEqual([line.repeat(64)]);
  });

  it('writes each line as it comes when asked not to batch, and what is batched on flush', async () => {
    const { stream, writes } = recordingStream();
    const unbatched = new LineWriter(stream, { batch: false });
    await unbatched.write('a\n');
    expect(writes).toEqual(['a\n']);
    const batched = new LineWriter(stream);
    await batched.write('b\n');
    batched.dispose();
    expect(writes).toEqual(['a\n', 'b\n']);
  });
});
