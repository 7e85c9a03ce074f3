import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../helpers/files.js';
import { outcomeOf } from '../helpers/run.js';
import { okRecord, pageWeight, requestEntry } from '../helpers/records.js';

const temp = useTempFolder('har-memory');
const count = 100_000;

// Writes `count` pages of one request each through the built HarWriter into a
// file, in a process whose heap is capped at 32 MiB: the entries alone come to
// about 70 MB of JSON and the pages to 15 MB, so a writer that held either
// would run out of memory instead of finishing.
const script = `
const [distUrl, path, directory, count, entryJson, recordJson] = process.argv.slice(1);
const { createWriteStream } = await import('node:fs');
const { finished } = await import('node:stream/promises');
const { HarWriter } = await import(distUrl + 'output/har-writer.js');
const { LineWriter } = await import(distUrl + 'output/line-writer.js');
const entry = JSON.parse(entryJson);
const record = JSON.parse(recordJson);
const stream = createWriteStream(path);
const har = new HarWriter(new LineWriter(stream), { pages: true, directory });
await har.begin();
for (let index = 0; index < Number(count); index++) {
  har.onRequest({ ...entry, index, url: entry.url + index });
  await har.write({ ...record, index });
}
await har.end();
stream.end();
await finished(stream);
`;

async function* lines(path: string): AsyncGenerator<string> {
  yield* createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
}

describe('HarWriter memory', () => {
  it(`writes ${count} entries and pages in flat memory`, async () => {
    const path = temp.path('big.har');
    const distUrl = new URL('../../dist/', import.meta.url).href;
    const entry = JSON.stringify(requestEntry({ resourceType: 'document', url: 'http://127.0.0.1:8080/page-' }));
    const record = JSON.stringify(okRecord({ page: pageWeight({ document: { requests: 1, transferBytes: 400, bytes: 900 } }) }));
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=32', '--input-type=module', '-e', script, distUrl, path, temp.path(''), String(count), entry, record],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const result = await outcomeOf(child, 100_000);
    expect(result.code, result.stderr).toBe(0);

    // The document is read back a line at a time: each entry and each page is one line.
    let entries = 0;
    let pages = 0;
    let part: 'head' | 'entries' | 'pages' | 'tail' = 'head';
    for await (const line of lines(path)) {
      if (part === 'head') {
        expect(line).toMatch(/^\{"log":\{"version":"1\.2","creator":\{"name":"sitesize","version":"[^"]+"\},"entries":\[$/);
        part = 'entries';
      } else if (line === '],"pages":[') {
        part = 'pages';
      } else if (line === ']}}') {
        part = 'tail';
      } else {
        const value = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as { pageref?: string; id?: string };
        if (part === 'entries') expect(value.pageref).toBe(`page_${entries++}`);
        else expect(value.id).toBe(`page_${pages++}`);
      }
    }
    expect({ entries, pages, part }).toEqual({ entries: count, pages: count, part: 'tail' });
  }, 120_000);
});
