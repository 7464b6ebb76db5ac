/** File bytes → text: UTF-8 (BOM stripped) or BOM-marked UTF-16; binary and broken UTF-8 are refused. */

import { Buffer, isUtf8 } from 'node:buffer';

export interface TextProblem {
  messageId: 'invalidUtf8' | 'binaryContent';
  /** Character offset, in the text decoded so far (the valid prefix), where the bad byte sits. */
  offset: number;
  data: Record<string, string>;
}

export type DecodedText =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; hadBom: boolean }
  | { ok: false; problem: TextProblem };

/** How much of the file the control-byte heuristic samples. */
const BINARY_SAMPLE_BYTES = 8192;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3), true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  return decodeUtf8(bytes, false);
}

/**
 * The text of valid UTF-8 bytes (BOM stripped), without the binary-content check: for a caller
 * that parses the text as JSON next, since JSON admits no raw control character. When the text
 * does not parse, the caller must use decodeText to tell binary content from a syntax error.
 */
export function decodeValidUtf8(bytes: Uint8Array): string | undefined {
  // A UTF-16 byte-order mark is never valid UTF-8, so those files fail isUtf8 and take decodeText's path.
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return isUtf8(body) ? asBuffer(body).toString('utf8') : undefined;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function hexByte(byte: number): string {
  return '0x' + byte.toString(16).toUpperCase().padStart(2, '0');
}

function decodeUtf8(body: Uint8Array, hadBom: boolean): DecodedText {
  const valid = isUtf8(body);
  const binaryAt = findBinaryByte(body);
  if (binaryAt === -1 && valid) return { ok: true, text: asBuffer(body).toString('utf8'), encoding: 'utf-8', hadBom };

  const invalid = valid ? undefined : firstInvalidUtf8(body);
  if (binaryAt !== -1 && (invalid === undefined || binaryAt < invalid.byteOffset)) {
    return {
      ok: false,
      problem: {
        messageId: 'binaryContent',
        offset: asBuffer(body.subarray(0, binaryAt)).toString('utf8').length,
        data: { byte: hexByte(body[binaryAt]!) },
      },
    };
  }
  const { byteOffset, charOffset } = invalid!;
  return {
    ok: false,
    problem: {
      messageId: binaryAt === -1 ? 'invalidUtf8' : 'binaryContent',
      offset: charOffset,
      data: { byte: hexByte(body[byteOffset]!) },
    },
  };
}

/**
 * Where the bytes stop looking like text: a NUL anywhere, or the first control byte (other than
 * tab, line feed, carriage return) when such bytes are common near the start. -1 for text.
 */
function findBinaryByte(body: Uint8Array): number {
  const nul = body.indexOf(0);
  if (nul !== -1) return nul;
  const sampleEnd = Math.min(body.length, BINARY_SAMPLE_BYTES);
  let controlBytes = 0;
  let firstControl = -1;
  for (let i = 0; i < sampleEnd; i++) {
    const byte = body[i]!;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) {
      controlBytes++;
      if (firstControl === -1) firstControl = i;
    }
  }
  // A stray control character in a text file is a JSON error the parser explains; many mean binary.
  return controlBytes >= 4 && controlBytes * 10 >= sampleEnd ? firstControl : -1;
}

/** The first ill-formed sequence (its lead byte) and how many UTF-16 units precede it. */
function firstInvalidUtf8(body: Uint8Array): { byteOffset: number; charOffset: number } {
  let pos = 0;
  let chars = 0;
  const length = body.length;
  while (pos < length) {
    const lead = body[pos]!;
    if (lead < 0x80) {
      pos++;
      chars++;
      continue;
    }
    const size = sequenceLength(body, pos);
    if (size === 0) return { byteOffset: pos, charOffset: chars };
    pos += size;
    chars += size === 4 ? 2 : 1;
  }
  return { byteOffset: length, charOffset: chars };
}

/** Length of the well-formed UTF-8 sequence at `pos` (Unicode Table 3-7), or 0. */
function sequenceLength(body: Uint8Array, pos: number): number {
  const lead = body[pos]!;
  const isContinuation = (at: number, low = 0x80, high = 0xbf): boolean => {
    const byte = body[at];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return isContinuation(pos + 1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return isContinuation(pos + 1, low, high) && isContinuation(pos + 2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return isContinuation(pos + 1, low, high) && isContinuation(pos + 2) && isContinuation(pos + 3) ? 4 : 0;
  }
  return 0;
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  let littleEndian = asBuffer(body);
  if (encoding === 'utf-16be') {
    // swap16 works in place; copy so the caller's bytes stay untouched.
    littleEndian = Buffer.from(body.subarray(0, body.length - (body.length % 2)));
    littleEndian.swap16();
  }
  const text = littleEndian.toString('utf16le', 0, body.length - (body.length % 2));
  if (body.length % 2 === 1) {
    // Half a code unit at the end: the file is truncated or not UTF-16 at all.
    return { ok: false, problem: { messageId: 'binaryContent', offset: text.length, data: { byte: hexByte(body[body.length - 1]!), encoding } } };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) return { ok: false, problem: { messageId: 'binaryContent', offset: nul, data: { byte: '0x00', encoding } } };
  return { ok: true, text, encoding, hadBom: true };
}
