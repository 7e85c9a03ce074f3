import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressLine, renderProgress, type ProgressState } from '../../src/report/progress.js';

const state: ProgressState = { done: 120, total: 1000, ok: 118, failed: 2, bytes: 1.5 * 1024 * 1024, seconds: 4 };

describe('renderProgress', () => {
  it('shows done/total, rate, ok, failed, bytes and ETA', () => {
    expect(renderProgress(state, { color: false, width: Infinity })).toBe(
      'sitesize: 120/1000 (12%), 30.0 URLs/s, 118 ok, 2 failed, 1.5 MiB, ETA 30s',
    );
    expect(renderProgress({ ...state, total: 100_000 }, { color: false, width: Infinity })).toContain('ETA 55m30s');
    expect(renderProgress({ ...state, total: 1_000_000 }, { color: false, width: Infinity })).toContain('ETA 9h15m');
  });

  it('shows what is known while the total is not', () => {
    expect(renderProgress({ ...state, total: undefined }, { color: false, width: Infinity })).toBe(
      'sitesize: 120 done, 30.0 URLs/s, 118 ok, 2 failed, 1.5 MiB',
    );
    expect(renderProgress({ ...state, done: 0, seconds: 0 }, { color: false, width: Infinity })).toMatch(
      /0\/1000 \(0%\), 0\.0 URLs\/s, .* ETA \?$/,
    );
  });

  it('never gets wider than the terminal, and colours the failures only when asked to', () => {
    expect(renderProgress(state, { color: false, width: 30 })).toBe('sitesize: 120/1000 (12%), 30.0');
    expect(renderProgress(state, { color: true, width: Infinity })).toContain('\u001b[31m2 failed\u001b[39m');
    expect(renderProgress({ ...state, failed: 0 }, { color: true, width: Infinity })).not.toContain('\u001b[');
  });
});

describe('ProgressLine', () => {
  it('draws at start, clears the line on hide() only when drawn, and leaves nothing on stop()', () => {
    const stream = new PassThrough();
    let written = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
    const line = new ProgressLine(stream, () => state, { color: false });
    line.start();
    line.hide();
    line.hide();
    line.stop();
    stream.end();
    expect(written).toBe('\r\u001b[Ksitesize: 120/1000 (12%), 30.0 URLs/s, 118 ok, 2 failed, 1.5 MiB, ETA 30s\r\u001b[K');
  });
});
