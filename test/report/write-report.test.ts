import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReportPath, writeReportFile } from '../../src/report/write-report.js';
import { useTempFolder } from '../helpers/files.js';

const folder = useTempFolder('write-report');

describe('writeReportFile', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    mkdirSync(folder.path('replace'));
    const path = folder.path('replace/report.html');
    writeFileSync(path, 'the old report');
    await writeReportFile(path, '<!doctype html><p>new</p>');
    expect(readFileSync(path, 'utf8')).toBe('<!doctype html><p>new</p>');
    expect(readdirSync(folder.path('replace'))).toEqual(['report.html']);
  });

  it('removes its temporary file when the rename fails, leaving what was there', async () => {
    mkdirSync(folder.path('fail/report.html'), { recursive: true });
    await expect(writeReportFile(folder.path('fail/report.html'), 'x')).rejects.toThrow();
    expect(readdirSync(folder.path('fail'))).toEqual(['report.html']);
  });
});

describe('checkReportPath', () => {
  it('accepts a new file in a writable folder and refuses a missing folder or a directory', async () => {
    await expect(checkReportPath(folder.path('new.html'))).resolves.toBeUndefined();
    await expect(checkReportPath(folder.path('no-such-folder/report.html'))).rejects.toThrow(/ENOENT/);
    mkdirSync(folder.path('dir.html'));
    await expect(checkReportPath(folder.path('dir.html'))).rejects.toThrow(/is a directory/);
  });
});
