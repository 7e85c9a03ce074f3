import { randomBytes } from 'node:crypto';
import { access, constants, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { renderReport, type RunFacts } from './render-report.js';
import type { ReportAggregate } from './report-aggregate.js';

/**
 * Checks, before a run, that the report can be written at `path`: a run of
 * hours should not end in a folder that was never there.
 */
export async function checkReportPath(path: string): Promise<void> {
  await access(dirname(path), constants.W_OK);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory() === true) throw new Error(`${path} is a directory`);
}

/**
 * Writes `html` to `path` whole or not at all: into a temporary file in the
 * same folder (so that the rename stays on one file system, where it is
 * atomic), flushed to disk, then renamed over `path`. A reader, or a run
 * killed halfway, never sees half a report.
 */
export async function writeReportFile(path: string, html: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(html, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Renders the report of `aggregate` and writes it to `path` (whole or not at all); resolves to its size in bytes. */
export async function saveReport(path: string, aggregate: ReportAggregate, facts: RunFacts): Promise<number> {
  const html = renderReport(aggregate, facts);
  await writeReportFile(path, html);
  return Buffer.byteLength(html);
}
