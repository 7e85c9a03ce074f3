import type { SizeRecord } from './record.js';

/** A record as one JSON line, newline included. */
export function toJsonLine(record: SizeRecord): string {
  return `${JSON.stringify(record)}\n`;
}

const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes in powers of 1024, as people read them: `512 B`, `1.5 KiB`, `12.3 MiB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit] ?? ''}`;
}
