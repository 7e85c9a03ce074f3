import { createHtmlScanner, type FoundResource, type HtmlScanResult } from '../../src/page/html-scanner.js';
import { devices, type Device } from '../../src/page/media-query.js';

export interface ScanOutput {
  resources: string[];
  deferred: string[];
  styles: string[];
  styleAttributes: string[];
  text: string;
  result: HtmlScanResult;
}

const show = ({ url, destination }: FoundResource): string => `${destination} ${url}`;

/** Scans `chunks` as one document and collects every callback, in order. */
export function scan(
  chunks: string | readonly string[],
  {
    device = devices.mobile,
    documentUrl = 'https://example.com/dir/page.html',
    maxResources,
  }: {
    device?: Device;
    documentUrl?: string;
    maxResources?: number;
  } = {},
): ScanOutput {
  const output: Omit<ScanOutput, 'result'> = { resources: [], deferred: [], styles: [], styleAttributes: [], text: '' };
  const scanner = createHtmlScanner({
    documentUrl,
    device,
    ...(maxResources === undefined ? {} : { maxResources }),
    onResource: (resource) => output.resources.push(show(resource)),
    onDeferred: (resource) => output.deferred.push(show(resource)),
    onStyleText: (css, baseUrl, media) => output.styles.push(`${baseUrl} ${media ?? '-'} ${css}`),
    onStyleAttribute: (declarations, baseUrl) => output.styleAttributes.push(`${baseUrl} ${declarations}`),
    onText: (text) => (output.text += text),
  });
  for (const chunk of typeof chunks === 'string' ? [chunks] : chunks) scanner.write(chunk);
  return { ...output, result: scanner.end() };
}
