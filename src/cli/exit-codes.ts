// The CLI's exit codes (SPEC "exit codes"): kept apart so that --help and
// --version can use them without loading the run.
export const exitOk = 0;
/** Some record has an `error`. */
export const exitFailed = 1;
export const exitUsage = 2;
/** Some page (or URL) was over `--budget`; this takes precedence over exitFailed. */
export const exitOverBudget = 3;
export const exitInterrupted = 130;
