export { measure } from './measure.js';
export type { CrawlReport, MeasureOptions, PreviousPage, Shard, StoppedBy } from './options.js';
export type { ErrorCode, RecordError, SizeRecord, Timings } from './record.js';
