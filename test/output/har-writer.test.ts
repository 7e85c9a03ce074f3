import { readdirSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HarWriter } from '../../src/output/har-writer.js';
import { LineWriter } from '../../src/output/line-writer.js';
import { failedRecord } from '../../src/record.js';
import { useTempFolder } from '../helpers/files.js';
import { harSchemaErrors, importAsDevTools, parseHar } from '../helpers/har-checks.js';
import { okRecord, pageWeight, requestEntry } from '../helpers/records.js';

const temp = useTempFolder('har-writer');

function harOutput(pages: boolean, directory?: string): { har: HarWriter; text: () => string; stream: PassThrough } {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const har = new HarWriter(new LineWriter(stream), { pages, ...(directory === undefined ? {} : { directory }) });
  return { har, text: () => text, stream };
}

describe('HarWriter without pages', () => {
  it('makes one entry of each fetched record, with what the record knows', async () => {
    const { har, text } = harOutput(false);
    await har.begin();
    await har.write(okRecord());
    await har.write(failedRecord('http://127.0.0.1:9/x', 4, 'CONNECT_REFUSED', 'connect ECONNREFUSED 127.0.0.1:9', 1));
    await har.write(failedRecord('not a url', 5, 'INVALID_URL', 'not a valid URL'));
    await har.end();

    const { entries, pages } = parseHar(text());
    expect(pages).toEqual([]);
    expect(entries).toHaveLength(2);
    const [ok, refused] = entries;
    expect(ok).not.toHaveProperty('pageref');
    expect(ok).toMatchObject({
      request: { method: 'GET', url: 'http://127.0.0.1:8080/a', httpVersion: 'HTTP/1.1', cookies: [], headers: [], bodySize: 0 },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        headers: [
          { name: 'content-type', value: 'text/html; charset=utf-8' },
          { name: 'content-encoding', value: 'gzip' },
        ],
        content: { size: 1536, compression: 1024, mimeType: 'text/html; charset=utf-8' },
        redirectURL: '',
        headersSize: 120,
        bodySize: 512,
        _transferSize: 632,
      },
      cache: {},
      _resourceType: 'document',
    });
    expect(ok?.timings).toEqual({ dns: -1, connect: 0.4, ssl: -1, send: 0, wait: 2.1, receive: 0.6 });
    expect(ok?.time).toBe(3.1);
    expect(refused?.response).toMatchObject({ status: 0, _error: 'CONNECT_REFUSED', comment: 'connect ECONNREFUSED 127.0.0.1:9' });
    expect(refused?.response).toMatchObject({ headersSize: -1, bodySize: -1, _transferSize: 0, content: { size: 0, mimeType: '' } });
  });

  it('shows a line without a scheme as the https URL that was fetched, without its password', async () => {
    const { har, text } = harOutput(false);
    await har.begin();
    await har.write(okRecord({ url: 'user:***@example.test/a?q=1&q=2' }));
    await har.end();
    const [entry] = parseHar(text()).entries;
    expect(entry?.request).toMatchObject({
      url: 'https://example.test/a?q=1&q=2',
      queryString: [
        { name: 'q', value: '1' },
        { name: 'q', value: '2' },
      ],
    });
  });

  it('uses the requests it is told of instead of the record', async () => {
    const { har, text } = harOutput(false);
    await har.begin();
    har.onRequest(requestEntry({ index: 3, resourceType: 'document', url: 'http://127.0.0.1:8080/a' }));
    await har.write(okRecord());
    await har.end();
    const { entries } = parseHar(text());
    expect(entries).toHaveLength(1);
    expect(entries[0]?.request).toMatchObject({
      headers: [
        { name: 'user-agent', value: 'sitesize/test' },
        { name: 'accept', value: 'text/css,*/*;q=0.1' },
      ],
    });
  });
});

describe('HarWriter with pages', () => {
  it('writes a page per record and an entry per request, each with its pageref', async () => {
    const { har, text } = harOutput(true);
    const start = Date.UTC(2026, 11, 1, 12, 0, 0, 0);
    await har.begin();
    har.onRequest(requestEntry({ index: 0, url: 'http://127.0.0.1:8080/', resourceType: 'document', startedAt: start }));
    har.onRequest(requestEntry({ index: 1, url: 'http://127.0.0.1:8080/other', resourceType: 'document', startedAt: start + 5 }));
    har.onRequest(requestEntry({ index: 0, startedAt: start + 20, timings: { dns: null, connect: null, tls: null, ttfb: 4, total: 30 } }));
    har.onRequest(
      requestEntry({ index: 0, url: 'http://127.0.0.1:8080/logo.png', resourceType: 'image', fromCache: true, startedAt: start + 21 }),
    );
    await har.write(
      okRecord({
        index: 0,
        url: 'http://127.0.0.1:8080/',
        page: pageWeight({ document: { requests: 1, transferBytes: 400, bytes: 900 } }),
      }),
    );
    await har.write(okRecord({ index: 1, url: 'http://127.0.0.1:8080/other', page: pageWeight({}) }));
    await har.end();

    const { entries, pages } = parseHar(text());
    expect(entries.map((entry) => entry.pageref)).toEqual(['page_0', 'page_1', 'page_0', 'page_0']);
    expect(entries.map((entry) => entry._resourceType)).toEqual(['document', 'document', 'stylesheet', 'image']);
    expect(entries.map((entry) => entry._fromCache)).toEqual([undefined, undefined, undefined, true]);
    expect(entries[2]?.timings).toMatchObject({ dns: -1, connect: -1, ssl: -1, wait: 4, receive: 26 });
    expect(pages).toEqual([
      {
        startedDateTime: new Date(start).toISOString(),
        id: 'page_0',
        title: 'http://127.0.0.1:8080/',
        pageTimings: { onContentLoad: -1, onLoad: 50 },
      },
      {
        startedDateTime: new Date(start + 5).toISOString(),
        id: 'page_1',
        title: 'http://127.0.0.1:8080/other',
        pageTimings: { onContentLoad: -1, onLoad: 12.5 },
      },
    ]);
  });

  it('gives an interrupted page, whose record never came, its page too', async () => {
    const { har, text } = harOutput(true);
    await har.begin();
    har.onRequest(requestEntry({ index: 7, url: 'http://127.0.0.1:8080/cut', resourceType: 'document' }));
    await har.end();
    const { entries, pages } = parseHar(text());
    expect(entries).toHaveLength(1);
    expect(pages.map((page) => [page.id, page.title])).toEqual([['page_7', 'http://127.0.0.1:8080/cut']]);
  });

  it('keeps the pages of a long run in a temporary file, in order, and removes it at the end', async () => {
    const directory = temp.path('');
    const { har, text } = harOutput(true, directory);
    await har.begin();
    for (let index = 0; index < 1000; index++) await har.write(okRecord({ index, page: pageWeight({}) }));
    expect(readdirSync(directory).filter((name) => name.startsWith('sitesize-har-'))).toHaveLength(1);
    await har.end();
    const { entries, pages } = parseHar(text());
    expect(entries).toHaveLength(1000);
    expect(pages.map((page) => page.id)).toEqual(Array.from({ length: 1000 }, (_, index) => `page_${index}`));
    expect(readdirSync(directory).filter((name) => name.startsWith('sitesize-har-'))).toEqual([]);
  });

  it('stops quietly when the stream has closed, and still removes its file', async () => {
    const directory = temp.path('');
    const { har, stream } = harOutput(true, directory);
    await har.begin();
    for (let index = 0; index < 300; index++) await har.write(okRecord({ index, page: pageWeight({}) }));
    stream.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await har.write(okRecord({ index: 300, page: pageWeight({}) }))).toBe(false);
    await har.end();
    expect(readdirSync(directory).filter((name) => name.startsWith('sitesize-har-'))).toEqual([]);
  });
});

describe('the HAR checks of these tests', () => {
  it('refuse what is not HAR 1.2 or what DevTools cannot import', async () => {
    const { har, text } = harOutput(false);
    await har.begin();
    await har.write(okRecord());
    await har.end();
    const valid = JSON.parse(text()) as { log: { entries: Record<string, unknown>[] } };
    expect(harSchemaErrors(valid)).toEqual([]);
    const [entry] = valid.log.entries;
    expect(harSchemaErrors({ log: { ...valid.log, entries: [{ ...entry, timings: { send: 0 } }] } })).not.toEqual([]);
    expect(harSchemaErrors({ log: { ...valid.log, entries: [{ ...entry, startedDateTime: 'yesterday' }] } })).not.toEqual([]);
    expect(() => importAsDevTools({ log: { ...valid.log, entries: [{ ...entry, time: 'slow' }] } })).toThrow(/time is not a number/);
  });
});
