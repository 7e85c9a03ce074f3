/**
 * The optional keys that a run's records carry, known before the first
 * record: the CSV columns and the HAR pages are decided by them.
 */
export interface RecordShape {
  /** `page` (with `--page`). */
  page: boolean;
  /** `depth` and `linkedFrom` (with `--crawl`). */
  crawl: boolean;
}
