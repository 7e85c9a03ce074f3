import type { AddressSpace } from '../fetch/address-space.js';
import type { ScannedResponse } from '../fetch/measure-context.js';
import { createBodyDecoder, type BodyDecoder } from './charset-decoder.js';
import type { StylesheetScan } from './css-scan-result.js';
import { scanStyleAttribute, scanStylesheet } from './css-scanner.js';
import type { Destination } from './destinations.js';
import { DocumentIndex } from './document-index.js';
import { mediaType } from './fetch-resource.js';
import { createHtmlScanner, type HtmlScanner, type HtmlScanResult } from './html-scanner.js';
import { matchesMedia, type Device } from './media-query.js';

/** Where a frame sends what its document names. */
export interface FrameHost {
  readonly device: Device;
  readonly maxResources: number;
  request(url: string, destination: Destination, frame: Frame): void;
  /** A stylesheet (or `<style>` block) of the frame, scanned, from `space`: its imports are fetched at `depth` + 1. */
  addStylesheet(frame: Frame, scan: StylesheetScan, depth: number, space: AddressSpace): void;
}

const htmlTypes = new Set(['text/html', 'application/xhtml+xml']);
// Scans kept per document: a page of a million style attributes must not keep a million.
const maxScans = 10_000;

const privacy: Readonly<Record<AddressSpace, number>> = { public: 0, private: 1, local: 2 };

function morePublic(a: AddressSpace, b: AddressSpace): AddressSpace {
  return privacy[a] <= privacy[b] ? a : b;
}

function isEmpty(scan: StylesheetScan): boolean {
  return (
    scan.imports.length +
      scan.images.length +
      scan.faces.length +
      scan.families.length +
      scan.variableImages.length +
      scan.variableUses.length ===
    0
  );
}

interface Reading {
  decoder: BodyDecoder;
  scanner: HtmlScanner;
}

/**
 * One document of a page, the top one or an iframe's: scans its HTML as it
 * streams (decoded as a browser would), sends each subresource to the host at
 * once, and keeps what decides its CSS resources later: the document's index
 * and the scans of its stylesheets.
 */
export class Frame {
  readonly index = new DocumentIndex();
  readonly #scans: StylesheetScan[] = [];
  /** Whether its `<iframe>`s are fetched: only the top document's are. */
  readonly allowsFrames: boolean;
  readonly #host: FrameHost;
  #reading: Reading | undefined;
  /** The address space of its document: the initiator of what the HTML names. */
  space: AddressSpace = 'public';
  /**
   * The initiator of what its CSS loads once decided, when which sheet named
   * which URL is no longer known: the most public of the spaces its document
   * and stylesheets came from, the strictest.
   */
  cssSpace: AddressSpace = 'local';

  constructor(host: FrameHost, allowsFrames: boolean) {
    this.#host = host;
    this.allowsFrames = allowsFrames;
    // Every document has these, written or not: the HTML parser of a browser makes them.
    for (const tag of ['html', 'head', 'body']) this.index.addElement(tag);
  }

  /** The measurement's scan hook: a reader of the decoded body when it is HTML, else none. */
  readonly scan = (response: ScannedResponse): ((decoded: Buffer) => void) | undefined => {
    // A browser renders an error page, but never the body of a redirect (kept with --no-follow).
    const redirect = response.status >= 300 && response.status < 400;
    if (redirect || !htmlTypes.has(mediaType(response.contentType) ?? '')) return undefined;
    // A retried attempt reads the document again; what the first one found stays found.
    this.#reading?.scanner.end();
    this.space = response.addressSpace;
    this.cssSpace = morePublic(this.cssSpace, response.addressSpace);
    const reading = { decoder: createBodyDecoder(response.contentType), scanner: this.#createScanner(response.url) };
    this.#reading = reading;
    return (decoded) => {
      reading.scanner.write(reading.decoder.write(decoded));
    };
  };

  /** The scans of the document's CSS, to decide its CSS resources once every stylesheet is in. */
  get scans(): readonly StylesheetScan[] {
    return this.#scans;
  }

  /** Keeps a scan of the document's CSS; false when there are too many to keep (the page is then incomplete). */
  keep(scan: StylesheetScan, space: AddressSpace): boolean {
    if (isEmpty(scan)) return true;
    this.cssSpace = morePublic(this.cssSpace, space);
    if (this.#scans.length >= maxScans) return false;
    this.#scans.push(scan);
    return true;
  }

  /** Ends the scan once the document is read; undefined when it was not HTML. */
  finish(): HtmlScanResult | undefined {
    const reading = this.#reading;
    if (reading === undefined) return undefined;
    this.#reading = undefined;
    reading.scanner.write(reading.decoder.end());
    return reading.scanner.end();
  }

  #createScanner(documentUrl: string): HtmlScanner {
    const host = this.#host;
    const { device } = host;
    return createHtmlScanner({
      documentUrl,
      device,
      maxResources: host.maxResources,
      index: this.index,
      onResource: ({ url, destination }) => {
        if (destination !== 'iframe' || this.allowsFrames) host.request(url, destination, this);
      },
      onStyleText: (css, baseUrl, media) => {
        if (media === undefined || matchesMedia(media, device))
          host.addStylesheet(this, scanStylesheet(css, { baseUrl, device }), 0, this.space);
      },
      onStyleAttribute: (declarations, baseUrl) => {
        host.addStylesheet(this, scanStyleAttribute(declarations, { baseUrl, device }), 0, this.space);
      },
    });
  }
}
