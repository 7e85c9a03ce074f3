import { co2 } from '@tgwf/co2';
import type { SizeRecord } from '../record.js';

// The model and its version are pinned, not CO2.js's default, which changes
// between its releases: the same page keeps the same figure after an update.
const sustainableWebDesign = new co2({ model: 'swd', version: 4 });

/**
 * Grams of CO2e for one first visit that transfers `transferBytes`, by the
 * Sustainable Web Design model v4 (global grid intensity, hosting not known to
 * be green), to 0.1 mg.
 */
export function co2Grams(transferBytes: number): number {
  return Math.round(sustainableWebDesign.perVisit(transferBytes) * 10_000) / 10_000;
}

/** Adds `page.co2` to a record that has a `page`, as its last key. */
export function addCo2(record: SizeRecord): SizeRecord {
  if (record.page !== undefined) record.page.co2 = co2Grams(record.page.transferBytes);
  return record;
}
