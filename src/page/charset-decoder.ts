// Decodes an HTML body as it streams, in the encoding a browser would choose:
// the BOM, then the Content-Type charset, then a <meta> in the first 1024
// bytes, then the HTML standard's default, windows-1252, except that a head
// that is valid UTF-8 with non-ASCII bytes is read as UTF-8, as Chromium's
// encoding detector would find it.
import { TextDecoder } from 'node:util';
import { charsetParameter, encodingForLabel } from './charset-label.js';
import { PRESCAN_BYTES, prescanCharset } from './charset-prescan.js';

/** Where the encoding came from. */
export type CharsetSource = 'bom' | 'header' | 'meta' | 'detected' | 'default';

/** A streaming decoder of one body. */
export interface BodyDecoder {
  /** Text decoded so far from this chunk; empty while the first bytes are held for the prescan. */
  write(chunk: Uint8Array): string;
  /** The rest of the text. */
  end(): string;
  /** The encoding chosen, once the first bytes have decided it. */
  readonly encoding: string | undefined;
  readonly source: CharsetSource | undefined;
}

const BOMS: readonly [readonly number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** The encoding of a byte order mark at the start of `head`, or undefined. */
export function bomEncoding(head: Uint8Array): string | undefined {
  return BOMS.find(([bom]) => bom.every((byte, i) => head[i] === byte))?.[1];
}

function detect(head: Uint8Array): { encoding: string; source: CharsetSource } {
  const bom = bomEncoding(head);
  if (bom !== undefined) return { encoding: bom, source: 'bom' };
  const meta = prescanCharset(head);
  if (meta !== undefined) return { encoding: meta, source: 'meta' };
  if (head.some((byte) => byte >= 0x80)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
      return { encoding: 'utf-8', source: 'detected' };
    } catch {
      // Not UTF-8: the default below applies.
    }
  }
  return { encoding: 'windows-1252', source: 'default' };
}

/** A decoder for a body served with this Content-Type. */
export function createBodyDecoder(contentType: string | null | undefined): BodyDecoder {
  const label = contentType == null ? undefined : charsetParameter(contentType);
  const declared = label === undefined ? undefined : encodingForLabel(label);
  let decoder: TextDecoder | undefined;
  let source: CharsetSource | undefined;
  let held: Uint8Array[] = [];
  let heldBytes = 0;

  const start = (head: Uint8Array): string => {
    const bom = bomEncoding(head);
    const choice = bom === undefined && declared !== undefined ? { encoding: declared, source: 'header' as const } : detect(head);
    source = choice.source;
    // TextDecoder drops the BOM of its own encoding, as browsers do.
    decoder = new TextDecoder(choice.encoding);
    held = [];
    return decoder.decode(head, { stream: true });
  };

  return {
    write(chunk) {
      if (decoder !== undefined) return decoder.decode(chunk, { stream: true });
      held.push(chunk);
      heldBytes += chunk.length;
      // Three bytes settle a BOM; a header charset needs nothing more.
      const decided = heldBytes >= PRESCAN_BYTES || (declared !== undefined && heldBytes >= 3);
      return decided ? start(Buffer.concat(held)) : '';
    },
    end() {
      const text = decoder === undefined ? start(Buffer.concat(held)) : '';
      return text + (decoder?.decode() ?? '');
    },
    get encoding() {
      return decoder?.encoding;
    },
    get source() {
      return source;
    },
  };
}
