export { measure } from './measure.js';
export type { CrawlReport, DeviceName, MeasureOptions, PreviousPage, Shard, StoppedBy } from './options.js';
export type { ErrorCode, PageWeight, RecordError, RequestEntry, ResourceType, SizeRecord, Timings, TypeTotals } from './record.js';
