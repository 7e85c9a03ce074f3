import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';
import { useServers, type Handler } from '../helpers/servers.js';

const folder = mkdtempSync(join(tmpdir(), 'sitesize-formats-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const serve = useServers();

const page: Handler = (request, response) => {
  if (request.url === '/missing') response.writeHead(404, { 'content-type': 'text/plain' }).end('nope');
  else response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('x'.repeat(2048));
};

async function inputFile(name: string): Promise<{ path: string; origin: string }> {
  const server = await serve.http(page);
  const path = join(folder, name);
  writeFileSync(path, `${server.origin}/big\n${server.origin}/missing\nftp://example.invalid/x\n`);
  return { path, origin: server.origin };
}

describe('-f csv and -f tsv', () => {
  it('writes the header row, then one row per URL', async () => {
    const { path, origin } = await inputFile('csv.txt');
    const result = await runCli([path, '-f', 'csv', '--ordered']);
    expect(result.code, result.stderr).toBe(1);
    const rows = result.stdout.split('\n');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^url,index,finalUrl,status,bytes,.*,errorCode,errorMessage$/);
    expect(rows[1]).toMatch(new RegExp(`^${origin}/big,0,${origin}/big,200,2048,2048,\\d+,text/plain; charset=utf-8,,1\\.1,0,1,false,`));
    expect(rows[1]).toMatch(/,,$/);
    expect(rows[2]).toMatch(new RegExp(`^${origin}/missing,1,${origin}/missing,404,4,`));
    expect(rows[3]).toBe('ftp://example.invalid/x,2,,,,,,,,,0,0,false,,,,,0,UNSUPPORTED_PROTOCOL,unsupported protocol ftp');
    expect(rows[4]).toBe('');
    expect(result.stderr).toMatch(/^sitesize: 3 URLs /);
  });

  it('tsv has the same rows with tabs', async () => {
    const { path } = await inputFile('tsv.txt');
    const result = await runCli([path, '-f', 'tsv', '--ordered', '-q']);
    const rows = result.stdout
      .trimEnd()
      .split('\n')
      .map((row) => row.split('\t'));
    expect(rows.map((row) => row.length)).toEqual([20, 20, 20, 20]);
    expect(rows.map((row) => row[3])).toEqual(['status', '200', '404', '']);
  });
});

describe('-f table', () => {
  it('aligns the columns, with human sizes and no colour when stdout is not a terminal', async () => {
    const { path, origin } = await inputFile('table.txt');
    const result = await runCli([path, '-f', 'table', '--ordered', '-q']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(result.stdout).not.toContain('\u001b[');
    expect(lines[0]).toMatch(/^ +INDEX +STATUS +SIZE +WIRE +TIME +URL$/);
    expect(lines[1]).toMatch(new RegExp(`^ +0  200 +2\\.0 KiB +2\\.0 KiB +[\\d.]+ m?s  ${origin}/big$`));
    expect(lines[2]).toMatch(/^ +1 {2}404 +4 B +4 B /);
    expect(lines[3]).toMatch(/ftp:\/\/example\.invalid\/x {2}UNSUPPORTED_PROTOCOL: unsupported protocol ftp$/);
    const urlColumns = new Set(lines.map((line) => line.search(/URL$|http|ftp/)));
    expect(urlColumns.size).toBe(1);
  });
});

describe('bad -f', () => {
  it('-f xml is a one-line usage error with exit 2', async () => {
    const server = await serve.http(page);
    const result = await runCli([`${server.origin}/a`, '-f', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^[^\n]*xml[^\n]*\n$/);
    expect(server.requests).toHaveLength(0);
  });
});
