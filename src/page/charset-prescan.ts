// The encoding a document declares in its first bytes (<meta charset> or
// <meta http-equiv=content-type>), found as the HTML standard's prescan finds
// it: by the markup's own rules, so comments and attribute values do not fool it.
import { Parser } from 'htmlparser2';
import { charsetFromMetaContent, encodingForLabel } from './charset-label.js';

/** How many bytes the prescan reads, as the HTML standard says. */
export const PRESCAN_BYTES = 1024;

const metaTag = /<meta/i;

/** The encoding declared by a <meta> in `head` (the body's first bytes), or undefined. */
export function prescanCharset(head: Uint8Array): string | undefined {
  // Latin-1 keeps every byte as one character, which is all the prescan needs:
  // the markup it looks for is ASCII.
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, PRESCAN_BYTES)).toString('latin1');
  // Most documents declare nothing: without a tag named meta there is nothing to parse for.
  if (!metaTag.test(text)) return undefined;
  let found: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (found !== undefined || name !== 'meta') return;
        const label = Object.hasOwn(attributes, 'charset')
          ? attributes.charset
          : attributes['http-equiv']?.trim().toLowerCase() === 'content-type' && attributes.content !== undefined
            ? charsetFromMetaContent(attributes.content)
            : undefined;
        const encoding = label === undefined ? undefined : encodingForLabel(label);
        // A declared UTF-16 cannot be right in a document read as ASCII so far.
        if (encoding !== undefined) found = encoding.startsWith('utf-16') ? 'utf-8' : encoding;
      },
    },
    { decodeEntities: false },
  );
  parser.end(text);
  return found;
}
