export { measure } from './measure.js';
export type { MeasureOptions, Shard } from './options.js';
export type { ErrorCode, PageWeight, RecordError, RequestEntry, ResourceType, SizeRecord, Timings, TypeTotals } from './record.js';
