// The HTML side of page discovery: a streaming scan of the decoded document
// that reports each subresource once, as the SPEC's discovery rules say,
// without ever holding the document whole.
import { Parser } from 'htmlparser2';
import { StylesheetText } from './css-text-buffer.js';
import type { Destination } from './destinations.js';
import type { DocumentIndex } from './document-index.js';
import { ElementContext, MAX_DEPTH } from './element-context.js';
import { attribute, type Attributes } from './html-attributes.js';
import { discoverFromElement } from './html-element-rules.js';
import type { Discovery } from './html-link-rules.js';
import { createPictureTracker } from './html-picture.js';
import type { Device } from './media-query.js';
import { resolveUrl } from './resolve-url.js';

/** A subresource the document names, resolved. */
export interface FoundResource {
  url: string;
  destination: Destination;
}

/** What the scanner reads the document for, and where it reports what it finds. */
export interface HtmlScannerOptions {
  /** The document's URL (after redirects), against which its URLs resolve until a `<base href>`. */
  documentUrl: string;
  device: Device;
  /** Subresources reported at most; past them the scan result is `incomplete`. Default 500. */
  maxResources?: number;
  /** Filled with the tags, ids, classes, attribute names and text the document renders. */
  index?: Pick<DocumentIndex, 'addElement' | 'addText'>;
  onResource: (resource: FoundResource) => void;
  /** A resource left out of the weight (lazy images and iframes, media bodies), once per URL. */
  onDeferred?: (resource: FoundResource) => void;
  /** The CSS of a `<style>` block, with the URL its relative URLs resolve against and its `media`. */
  onStyleText?: (css: string, baseUrl: string, media: string | undefined) => void;
  /** The declarations of a `style` attribute. */
  onStyleAttribute?: (declarations: string, baseUrl: string) => void;
  /** Rendered text, in pieces as it arrives (not that of scripts, styles or the title). */
  onText?: (text: string) => void;
}

/** What a finished scan knows about the whole document. */
export interface HtmlScanResult {
  deferred: number;
  incomplete: boolean;
  /** The base URL in effect at the end: the first `<base href>`'s, else the document's. */
  baseUrl: string;
}

/** A scan under way: feed it decoded text in chunks of any size, then end it. */
export interface HtmlScanner {
  write(chunk: string): void;
  end(): HtmlScanResult;
}

// Raw-text elements whose text is not rendered in the page's fonts.
const UNRENDERED = new Set(['script', 'style', 'title', 'iframe', 'noembed', 'noframes']);
// Bounds the per-URL check for deferred resources on a hostile page; past it they are still counted.
const MAX_DEFERRED_TRACKED = 10_000;

/** Starts a scan of one document. */
export function createHtmlScanner(options: HtmlScannerOptions): HtmlScanner {
  const { device, index } = options;
  const maxResources = options.maxResources ?? 500;
  const seen = new Set<string>();
  const seenDeferred = new Set<string>();
  const context = new ElementContext(options.documentUrl);
  let deferred = 0;
  let incomplete = false;
  let stopped = false;
  // The <video> or <audio> whose <source>s are open, with its depth: nested media do not occur.
  let mediaKind: 'video' | 'audio' | undefined;
  let mediaDepth = 0;
  let rawText: string | undefined;
  // A <style> block's text, kept up to what the CSS scanner reads, so a huge block is not held whole.
  let styleText: { css: StylesheetText; media: string | undefined } | undefined;
  const pictures = createPictureTracker(device);

  const report = ({ reference, destination, deferred: isDeferred }: Discovery): void => {
    // Once full, nothing more is taken: a page of a million images need not resolve each URL.
    if (!isDeferred && incomplete) return;
    const url = resolveUrl(reference, context.baseUrl);
    if (url === undefined || seen.has(url)) return;
    if (isDeferred) {
      if (seenDeferred.has(url)) return;
      if (seenDeferred.size < MAX_DEFERRED_TRACKED) seenDeferred.add(url);
      deferred += 1;
      options.onDeferred?.({ url, destination });
    } else if (seen.size >= maxResources) {
      incomplete = true;
    } else {
      seen.add(url);
      options.onResource({ url, destination });
    }
  };

  const discover = (name: string, attributes: Attributes): Discovery[] => {
    const fromPicture = pictures.open(name, attributes, context.depth);
    if (fromPicture !== undefined) return fromPicture;
    if (name !== 'source') return discoverFromElement(name, attributes, device);
    // A <source> of <video> or <audio> names a media body; elsewhere it names nothing.
    const src = attribute(attributes, 'src');
    return src === undefined || mediaKind === undefined ? [] : [{ reference: src, destination: mediaKind, deferred: true }];
  };

  // An element that counts (not in a noscript or template).
  const onOpen = (name: string, attributes: Attributes): void => {
    index?.addElement(name, attributes);
    for (const discovery of discover(name, attributes)) report(discovery);
    if ((name === 'video' || name === 'audio') && mediaKind === undefined) {
      mediaKind = name;
      mediaDepth = context.depth;
    }
    if (name === 'style') styleText = { css: new StylesheetText(), media: attribute(attributes, 'media') };
    const style = attribute(attributes, 'style');
    if (style !== undefined && style.trim() !== '') options.onStyleAttribute?.(style, context.baseUrl);
  };

  // The end of an element that counts.
  const onClose = (name: string): void => {
    pictures.close(name, context.depth);
    if (name === mediaKind && context.depth === mediaDepth) mediaKind = undefined;
    if (name === 'style' && styleText !== undefined) {
      options.onStyleText?.(styleText.css.text(), context.baseUrl, styleText.media);
      styleText = undefined;
    }
  };

  const parser = new Parser({
    onopentag(name, attributes) {
      const counts = context.open(name, attributes);
      // Past MAX_DEPTH the rest of the document is not scanned and the scan is incomplete.
      if (context.depth > MAX_DEPTH && !stopped) {
        stopped = true;
        incomplete = true;
        parser.pause();
      }
      if (UNRENDERED.has(name) || name === 'textarea' || name === 'xmp') rawText = name;
      if (counts) onOpen(name, attributes);
    },
    onclosetag(name) {
      if (!context.skipped) onClose(name);
      if (rawText === name) rawText = undefined;
      context.close(name);
    },
    ontext(text) {
      if (context.skipped) return;
      if (styleText !== undefined) styleText.css.push(text);
      else if (rawText === undefined || !UNRENDERED.has(rawText)) {
        index?.addText(text);
        options.onText?.(text);
      }
    },
  });

  return {
    write(chunk) {
      if (!stopped) parser.write(chunk);
    },
    end() {
      if (!stopped) parser.end();
      return { deferred, incomplete, baseUrl: context.baseUrl };
    },
  };
}
