import { Ajv, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import ajvFormats from 'ajv-formats';
import harSchemas from 'har-schema';

let validate: ValidateFunction | undefined;

// The HAR 1.2 JSON schema (har-schema) with Ajv, formats (date-time) checked.
function harValidator(): ValidateFunction {
  if (validate) return validate;
  // strict: false, since har-schema uses keywords no draft defines (min, optional, unique).
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its function is the module's default, and also its `default`.
  ajvFormats.default(ajv);
  ajv.addMetaSchema(draft06);
  for (const schema of Object.values(harSchemas)) ajv.addSchema(schema);
  validate = ajv.getSchema('har.json#');
  if (!validate) throw new Error('har-schema has no har.json');
  return validate;
}

/** The HAR 1.2 schema's complaints about `document` (none when it is valid). */
export function harSchemaErrors(document: unknown): string[] {
  const check = harValidator();
  if (check(document)) return [];
  return (check.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null) throw new Error(`${what} is expected to be an object`);
  return value as Json;
}

function number(value: unknown, what: string): number {
  if (Number.isNaN(Number(value))) throw new Error(`${what} is not a number`);
  return Number(value);
}

// What toISOString() writes; DevTools' importer takes any Date.parse-able text, viewers want this.
const isoDate = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function date(value: unknown, what: string): number {
  if (typeof value !== 'string' || !isoDate.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`${what} is not an ISO date`);
  return Date.parse(value);
}

// The resource type names DevTools knows (Common.ResourceType); others fall back to the MIME type.
const devToolsTypes = new Set([
  'document',
  'stylesheet',
  'image',
  'media',
  'font',
  'script',
  'fetch',
  'xhr',
  'websocket',
  'manifest',
  'other',
]);

/**
 * Reads a HAR document the way Chromium DevTools' importer does (its
 * HARFormat classes throw on a missing object, a NaN number or a bad date),
 * and returns the entries and pages it would show.
 */
export function importAsDevTools(document: unknown): { entries: Json[]; pages: Json[] } {
  const log = object(object(document, 'the HAR').log, 'log');
  object(log.creator, 'log.creator');
  if (!Array.isArray(log.entries)) throw new Error('log.entries is expected to be an array');
  const pages = Array.isArray(log.pages) ? (log.pages as unknown[]).map((page, at) => object(page, `log.pages[${at}]`)) : [];
  for (const [at, page] of pages.entries()) {
    date(page.startedDateTime, `log.pages[${at}].startedDateTime`);
    const timings = object(page.pageTimings, `log.pages[${at}].pageTimings`);
    if (timings.onLoad !== undefined) number(timings.onLoad, 'onLoad');
  }
  const entries = (log.entries as unknown[]).map((value, at) => {
    const entry = object(value, `log.entries[${at}]`);
    date(entry.startedDateTime, `entry ${at} startedDateTime`);
    number(entry.time, `entry ${at} time`);
    const request = object(entry.request, `entry ${at} request`);
    number(request.headersSize, 'request.headersSize');
    number(request.bodySize, 'request.bodySize');
    const response = object(entry.response, `entry ${at} response`);
    for (const key of ['status', 'headersSize', 'bodySize']) number(response[key], `response.${key}`);
    number(object(response.content, 'response.content').size, 'content.size');
    const timings = object(entry.timings, `entry ${at} timings`);
    for (const key of ['send', 'wait', 'receive']) number(timings[key], `timings.${key}`);
    if (typeof entry._resourceType === 'string' && !devToolsTypes.has(entry._resourceType)) {
      throw new Error(`entry ${at} has a _resourceType DevTools does not know: ${entry._resourceType}`);
    }
    return entry;
  });
  return { entries, pages };
}

/** Parses a HAR document and checks it both ways: against the schema and as DevTools reads it. */
export function parseHar(text: string): { entries: Json[]; pages: Json[] } {
  const document = JSON.parse(text) as unknown;
  const errors = harSchemaErrors(document);
  if (errors.length > 0) throw new Error(`not valid HAR 1.2: ${errors.join('; ')}`);
  return importAsDevTools(document);
}
