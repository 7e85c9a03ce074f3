import { createBodyDecoder } from '../page/charset-decoder.js';
import { createHtmlLinkScanner } from './html-links.js';

// The documents whose links a crawl follows (SPEC "Whole sites").
const htmlTypes = new Set(['text/html', 'application/xhtml+xml']);

/** Whether a Content-Type is one of an HTML document, whose links are followed. */
export function isHtml(contentType: string | null | undefined): boolean {
  const type = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return type !== undefined && htmlTypes.has(type);
}

/** The links of one document, read from its decoded body as it streams. */
export interface LinkScan {
  write(decoded: Buffer): void;
  /** Reads what the decoder still holds; nothing is reported after it. */
  end(): void;
  /** Ends the scan without reading the rest (the links are no longer wanted). */
  stop(): void;
}

/**
 * Scans an HTML body for its `<a href>` and `<area href>` links, resolved
 * against the document's URL (or its `<base href>`) and normalised
 * (normalizeUrl), in the charset a browser would pick. The document is never
 * held whole: the decoder keeps at most the bytes of its charset prescan and
 * the scanner the tag being parsed.
 */
export function createLinkScan(documentUrl: string, contentType: string | null, onLink: (url: string) => void): LinkScan {
  const decoder = createBodyDecoder(contentType);
  const scanner = createHtmlLinkScanner(documentUrl, onLink);
  let open = true;
  return {
    write(decoded) {
      if (!open) return;
      const text = decoder.write(decoded);
      if (text !== '') scanner.write(text);
    },
    end() {
      if (!open) return;
      open = false;
      const text = decoder.end();
      if (text !== '') scanner.write(text);
      scanner.end();
    },
    stop() {
      open = false;
    },
  };
}
