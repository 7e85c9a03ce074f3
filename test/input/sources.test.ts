import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/input/sources.js';

const folder = mkdtempSync(join(tmpdir(), 'sitesize-sources-'));

function file(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

async function lines(sources: string[], stdin: Readable = Readable.from([])): Promise<string[]> {
  const read: string[] = [];
  for await (const line of readLines(sources, stdin)) read.push(line);
  return read;
}

describe('readLines', () => {
  it('drops a leading BOM and splits LF and CRLF lines', async () => {
    const path = file('bom.txt', '\uFEFFa.example\r\nb.example\nc.example');
    expect((await lines([path])).map((line) => line.trim())).toEqual(['a.example', 'b.example', 'c.example']);
  });

  it('reads files, stdin and URL arguments in the order given', async () => {
    const first = file('first.txt', 'one\ntwo\n');
    const stdin = Readable.from(['three\nfo', 'ur\n']);
    expect(await lines(['https://zero.example/', first, '-', 'https://five.example/'], stdin)).toEqual([
      'https://zero.example/',
      'one',
      'two',
      'three',
      'four',
      'https://five.example/',
    ]);
  });

  it('keeps multi-byte characters split across chunks whole', async () => {
    const bytes = Buffer.from('https://例え.jp/\n');
    const stdin = Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]);
    expect(await lines(['-'], stdin)).toEqual(['https://例え.jp/']);
  });

  it('reads stdin only as lines are pulled', async () => {
    const stdin = new PassThrough();
    stdin.write('a\nb\n');
    const reader = readLines(['-'], stdin);
    expect((await reader.next()).value).toBe('a');
    expect((await reader.next()).value).toBe('b');
    const third = reader.next();
    stdin.end('c\n');
    expect((await third).value).toBe('c');
    expect((await reader.next()).done).toBe(true);
  });

  it('fails when a file cannot be read', async () => {
    await expect(lines([join(folder, 'missing.txt')])).rejects.toThrow(/ENOENT/);
  });
});
