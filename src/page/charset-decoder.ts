// Decodes an HTML body as it streams, in the encoding a browser would choose:
// the BOM, then the Content-Type charset, then a <meta> in the first 1024
// bytes, then the HTML standard's default, windows-1252, except that a head
// that is valid UTF-8 with non-ASCII bytes is read as UTF-8, as Chromium's
// encoding detector would find it.
import { isAscii } from 'node:buffer';
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
  if (!isAscii(head)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
      return { encoding: 'utf-8', source: 'detected' };
    } catch {
      // Not UTF-8: the default below applies.
    }
  }
  return { encoding: 'windows-1252', source: 'default' };
}

// The encodings in which every byte below 0x80 stands for that ASCII character
// whatever came before it, so a run of such bytes reads the same in Latin-1:
// all but the UTF-16s and ISO-2022-JP, whose escapes switch the meaning of ASCII bytes.
const asciiIncompatible = new Set(['utf-16be', 'utf-16le', 'iso-2022-jp']);

// ASCII bytes as text: what any ASCII-compatible decoder would make of them,
// without building one (a TextDecoder for a legacy encoding opens an ICU
// converter, which costs more than decoding a small page).
function asciiText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** A decoder for a body served with this Content-Type. */
export function createBodyDecoder(contentType: string | null | undefined): BodyDecoder {
  const label = contentType == null ? undefined : charsetParameter(contentType);
  const declared = label === undefined ? undefined : encodingForLabel(label);
  let encoding: string | undefined;
  let source: CharsetSource | undefined;
  // Made at the first byte that is not ASCII (or at once for the encodings that are not ASCII-compatible).
  let decoder: TextDecoder | undefined;
  let asciiBytes = 0;
  let held: Uint8Array[] = [];
  let heldBytes = 0;

  const decode = (bytes: Uint8Array): string => {
    if (decoder === undefined && encoding !== undefined) {
      if (!asciiIncompatible.has(encoding) && isAscii(bytes)) {
        asciiBytes += bytes.length;
        return asciiText(bytes);
      }
      // TextDecoder drops the BOM of its own encoding, as browsers do, at the
      // start of the body only: past ASCII text, U+FEFF is a character.
      decoder = new TextDecoder(encoding, { ignoreBOM: asciiBytes > 0 });
    }
    return decoder?.decode(bytes, { stream: true }) ?? '';
  };

  const start = (head: Uint8Array): string => {
    const bom = bomEncoding(head);
    const choice = bom === undefined && declared !== undefined ? { encoding: declared, source: 'header' as const } : detect(head);
    encoding = choice.encoding;
    source = choice.source;
    held = [];
    return decode(head);
  };

  return {
    write(chunk) {
      if (encoding !== undefined) return decode(chunk);
      held.push(chunk);
      heldBytes += chunk.length;
      // Three bytes settle a BOM; a header charset needs nothing more.
      const decided = heldBytes >= PRESCAN_BYTES || (declared !== undefined && heldBytes >= 3);
      return decided ? start(Buffer.concat(held)) : '';
    },
    end() {
      const text = encoding === undefined ? start(Buffer.concat(held)) : '';
      return text + (decoder?.decode() ?? '');
    },
    get encoding() {
      return encoding;
    },
    get source() {
      return source;
    },
  };
}
