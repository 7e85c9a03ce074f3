import { describe, expect, it } from 'vitest';
import { parseShard } from '../../src/option-values.js';
import { resolveOptions } from '../../src/options.js';
import { inShard } from '../../src/input/shard.js';
import { range, urlList, useTempFolder } from '../helpers/files.js';
import { collect, parseLines, runCli } from '../helpers/run.js';
import { useServers, type Handler } from '../helpers/servers.js';

const files = useTempFolder('shard');
const serve = useServers();

const page: Handler = (_request, response) => {
  response.end('ok');
};

describe('parseShard', () => {
  it('parses k/n with 1 <= k <= n', () => {
    expect(parseShard('1/1')).toEqual({ k: 1, n: 1 });
    expect(parseShard('3/8')).toEqual({ k: 3, n: 8 });
  });

  it.each(['4/3', '0/3', '1/0', '1', '1/2/3', 'a/b', '-1/3', '1.5/3', ''])('rejects %j', (value) => {
    expect(() => parseShard(value)).toThrow(TypeError);
  });

  it('measure() checks the shard option too', () => {
    expect(() => resolveOptions({ shard: { k: 2, n: 1 } }, 'ua')).toThrow(/shard/);
  });
});

describe('inShard', () => {
  // Fixed here so that a change of hash, which would reshuffle every split list, fails.
  // Each is the first 8 hex digits of `printf %s LINE | sha256sum`, modulo n, plus 1.
  it.each([
    ['https://example.com/', 7, 3],
    ['example.org/a', 4, 4],
    ['http://127.0.0.1:8080/x', 10, 10],
  ])('puts %s in shard %i-of-%i as computed with sha256sum', (line, n, k) => {
    for (let shard = 1; shard <= n; shard++) expect(inShard(line, { k: shard, n })).toBe(shard === k);
  });

  it('spreads lines about evenly', () => {
    const counts = [0, 0, 0, 0];
    for (const index of range(4000)) {
      const k = counts.findIndex((_, slot) => inShard(`https://host${index}.example/page`, { k: slot + 1, n: 4 }));
      counts[k] = (counts[k] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });
});

describe('measure() with shard and skip', () => {
  it('measures only the shard and keeps the index of the whole input', async () => {
    const server = await serve.http(page);
    const urls = range(20).map((index) => `${server.origin}/${index}`);
    const shard = { k: 2, n: 3 };
    const records = await collect(urls, { shard });
    const expected = urls.flatMap((url, index) => (inShard(url, shard) ? [{ url, index }] : []));
    expect(expected.length).toBeGreaterThan(0);
    expect(records.map(({ url, index }) => ({ url, index }))).toEqual(expected);
    expect(server.requests).toHaveLength(expected.length);
  });

  it('skips the URLs the predicate names, by index and url', async () => {
    const server = await serve.http(page);
    const urls = range(6).map((index) => `${server.origin}/${index}`);
    const records = await collect(urls, { skip: (index, url) => index % 2 === 0 && url === urls[index] });
    expect(records.map((record) => record.index)).toEqual([1, 3, 5]);
    expect(server.requests).toHaveLength(3);
  });
});

describe('sitesize --shard k/n', () => {
  it('shards 1..n are disjoint, their union is the input, and their outputs merge by cat', async () => {
    const server = await serve.http(page);
    const urls = range(40).map((index) => `${server.origin}/page/${index}`);
    const input = files.write('list.txt', `# a comment\n${urlList(urls)}\n`);
    const n = 3;
    const outputs = await Promise.all(range(n).map((slot) => runCli([input, '--shard', `${slot + 1}/${n}`, '-q'])));
    for (const result of outputs) expect(result.code, result.stderr).toBe(0);

    const shards = outputs.map((result) => parseLines(result.stdout));
    for (const records of shards) expect(records.length).toBeGreaterThan(0);
    const merged = parseLines(outputs.map((result) => result.stdout).join(''));
    expect(merged.map((record) => record.index).sort((a, b) => a - b)).toEqual(range(urls.length));
    for (const record of merged) expect(record.url).toBe(urls[record.index]);
    expect(server.requests).toHaveLength(urls.length);
  });

  it.each(['4/3', '0/2', 'half'])('--shard %s is a one-line usage error', async (value) => {
    const server = await serve.http(page);
    const result = await runCli([`${server.origin}/a`, '--shard', value]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^[^\n]+\n$/);
    expect(server.requests).toHaveLength(0);
  });
});
