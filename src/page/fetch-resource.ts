import { TextDecoder } from 'node:util';
import { MeasureError } from '../errors.js';
import type { AddressSpace } from '../fetch/address-space.js';
import { fetchWithRetries, type FetchRun } from '../fetch/fetch-with-retries.js';
import type { ScannedResponse } from '../fetch/measure-context.js';
import { toTarget } from '../input/targets.js';
import type { FetchedResource } from './asset-cache.js';
import { charsetParameter, encodingForLabel } from './charset-label.js';
import { scanStylesheet } from './css-scanner.js';
import { StylesheetText } from './css-text-buffer.js';
import type { Device } from './media-query.js';

/** The media type of a Content-Type value, lower-case, without parameters. */
export function mediaType(contentType: string | null): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase();
}

/** One subresource request of a page: what it is fetched as, and for which page record. */
export interface ResourceRequest {
  url: string;
  /** The `index` of the page's record. */
  index: number;
  accept: string;
  /** The address space of the response that named it: it may lead no more private than that. */
  initiator: AddressSpace;
  /** Read the body as a stylesheet and scan it. */
  stylesheet: boolean;
  /** For a document in a frame: its scanner (see Frame). */
  scan?: (response: ScannedResponse) => ((decoded: Buffer) => void) | undefined;
}

// A stylesheet applies only when it is served as CSS (Chromium, outside quirks mode) and with a 2xx.
function isStylesheet(response: ScannedResponse): boolean {
  const type = mediaType(response.contentType);
  return response.status >= 200 && response.status < 300 && (type === undefined || type === '' || type === 'text/css');
}

interface SheetReader {
  baseUrl: string;
  decoder: TextDecoder;
  text: StylesheetText;
}

// A stylesheet's text, decoded by its Content-Type charset (UTF-8 otherwise, as for almost every sheet) and
// kept up to the scanner's cap; the rest of a huge body is only counted.
function readSheet(response: ScannedResponse): SheetReader {
  const label = response.contentType === null ? undefined : charsetParameter(response.contentType);
  const encoding = (label === undefined ? undefined : encodingForLabel(label)) ?? 'utf-8';
  return { baseUrl: response.url, decoder: new TextDecoder(encoding), text: new StylesheetText() };
}

/** Fetches one subresource (with the run's retries and limits) and, for a stylesheet, scans what it loads. */
export async function fetchResource(run: FetchRun, device: Device, request: ResourceRequest): Promise<FetchedResource> {
  const target = toTarget(request.url);
  if (target instanceof MeasureError) return { exchanges: [], error: { code: target.code, message: target.message } };
  let sheet: SheetReader | undefined;
  const scan =
    request.scan ??
    (request.stylesheet
      ? (response: ScannedResponse) => {
          const reader = isStylesheet(response) ? readSheet(response) : undefined;
          sheet = reader;
          return (
            reader &&
            ((decoded: Buffer) => {
              reader.text.push(reader.decoder.decode(decoded, { stream: true }));
            })
          );
        }
      : undefined);
  const attempt = await fetchWithRetries(run, target, {
    url: request.url,
    index: request.index,
    initiator: request.initiator,
    exchanges: true,
    headers: { accept: request.accept },
    ...(scan === undefined ? {} : { scan }),
  });
  const { record } = attempt;
  const resource: FetchedResource = { exchanges: attempt.exchanges ?? [], error: record.error };
  if (attempt.addressSpace !== undefined) resource.addressSpace = attempt.addressSpace;
  if (sheet !== undefined && record.error === null) {
    sheet.text.push(sheet.decoder.decode());
    resource.stylesheet = scanStylesheet(sheet.text.text(), { baseUrl: sheet.baseUrl, device });
  }
  return resource;
}
