export { measure } from './measure.js';
export type { MeasureOptions } from './options.js';
export type { ErrorCode, RecordError, SizeRecord, Timings } from './record.js';
