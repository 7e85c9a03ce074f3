import { describe, expect, it } from 'vitest';
import { failedRecord, type SizeRecord } from '../../src/record.js';
import { RunSummary } from '../../src/report/summary.js';

function response(bytes: number, total: number): SizeRecord {
  return {
    ...failedRecord('http://127.0.0.1/', 0, 'DNS', ''),
    error: null,
    status: 200,
    bytes,
    encodedBytes: bytes,
    attempts: 1,
    timings: { dns: null, connect: null, tls: null, ttfb: null, total },
  };
}

describe('RunSummary', () => {
  it('counts failures by code, most frequent first, and spreads bytes and total', () => {
    const summary = new RunSummary();
    for (let i = 1; i <= 100; i++) summary.add(response(i * 1024, i * 10));
    summary.add({
      ...failedRecord('http://a.invalid/', 1, 'DNS', 'no such host'),
      attempts: 1,
      timings: { dns: null, connect: null, tls: null, ttfb: null, total: 3 },
    });
    summary.add({ ...failedRecord('http://a.invalid/', 2, 'DNS', 'no such host'), attempts: 1 });
    summary.add(failedRecord('ftp://x', 3, 'UNSUPPORTED_PROTOCOL', 'unsupported protocol ftp'));

    const [counts, spreads] = summary.format();
    expect(counts).toMatch(
      /^103 URLs in [\d.]+ s \([\d.]+ URLs\/s\): 100 ok, 3 failed \(2 DNS, 1 UNSUPPORTED_PROTOCOL\); 4\.9 MiB decoded, 4\.9 MiB transferred$/,
    );
    // p50 of 1..100 KiB is 50 KiB and p95 is 95 KiB, to within 1%.
    expect(spreads).toMatch(
      /^bytes p50 (49\.\d|50\.\d) KiB, p95 (94\.\d|95\.\d) KiB, max 100\.0 KiB; total p50 [\d.]+ ms, p95 [\d.]+ ms, max 1\.0 s$/,
    );
  });

  it('has no spread line when nothing was fetched', () => {
    const summary = new RunSummary();
    summary.add(failedRecord('not a url', 0, 'INVALID_URL', 'not a valid URL'));
    expect(summary.format()).toHaveLength(1);
  });
});
