export { measure } from './measure.js';
export type { MeasureOptions, Shard } from './options.js';
export type { ErrorCode, RecordError, SizeRecord, Timings } from './record.js';
