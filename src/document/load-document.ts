import fs from 'node:fs';
import { Buffer } from 'node:buffer';
import { decodeText, decodeValidUtf8 } from './decode-text.js';
import { parseJson } from './parse-json.js';
import { findDuplicateKeys, mayHaveDuplicateKeys, type DuplicateKey } from './json-scanner.js';
import { recogniseDocument, type RecognisedDocument } from './recognise-shape.js';

/** Why a file produced no JSON value: a `json-syntax` finding at `offset`. */
export interface LoadProblem {
  messageId: string;
  data: Record<string, string>;
  offset: number;
  endOffset: number;
}

export interface LoadedText {
  /** Decoded text (BOM stripped); for bytes that are not valid text, a lossy decoding used only to place the problem. */
  text: string;
  byteLength: number;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | undefined;
  value: unknown;
  problem: LoadProblem | undefined;
  duplicateKeys: DuplicateKey[];
  recognised: RecognisedDocument;
}

/** A file that could not be read at all (it vanished, is a directory, a FIFO, unreadable…). */
export class UnreadableFileError extends Error {}

/** Read a file's bytes, refusing what is not a regular file so a FIFO or device never blocks the run. */
export function readFileBytes(absolutePath: string): Uint8Array {
  let descriptor: number;
  try {
    // Non-blocking, so that opening a FIFO without a writer returns at once; fstat then refuses it.
    descriptor = fs.openSync(absolutePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT' && isSymbolicLink(absolutePath)) {
      throw new UnreadableFileError('is a symbolic link to a file that does not exist');
    }
    throw new UnreadableFileError(describeFsError(error));
  }
  try {
    const stats = fs.fstatSync(descriptor);
    if (stats.isDirectory()) throw new UnreadableFileError('is a directory, not a file');
    if (!stats.isFile()) throw new UnreadableFileError('is not a regular file (FIFO, socket or device)');
    return readToEnd(descriptor, stats.size);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(describeFsError(error));
  } finally {
    fs.closeSync(descriptor);
  }
}

/** One open, one fstat and reads into a buffer of the stated size: cheaper than stat plus readFileSync. */
function readToEnd(descriptor: number, expectedSize: number): Uint8Array {
  // The file may grow or shrink after fstat: read until end of file whatever the stated size (one
  // spare byte, so that an unchanged file ends with a read of 0 bytes rather than a reallocation).
  let buffer = Buffer.allocUnsafe(expectedSize + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return length === buffer.length ? buffer : buffer.subarray(0, length);
}

function isSymbolicLink(absolutePath: string): boolean {
  try {
    return fs.lstatSync(absolutePath).isSymbolicLink();
  } catch {
    return false;
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no longer exists (it was removed or renamed while batchlint ran)';
    case 'EACCES':
    case 'EPERM': return 'cannot be read: permission denied';
    case 'ELOOP': return 'cannot be read: too many levels of symbolic links (a symlink loop)';
    case 'EISDIR': return 'is a directory, not a file';
    default: return `cannot be read: ${code ?? (error instanceof Error ? error.message : String(error))}`;
  }
}

/** Decode, parse, find duplicate keys and recognise the shape of one document. */
export function loadText(bytes: Uint8Array, filePath: string): LoadedText {
  const quick = decodeValidUtf8(bytes);
  if (quick !== undefined) {
    let value: unknown;
    try {
      value = JSON.parse(quick);
    } catch {
      return loadTextCarefully(bytes, filePath);
    }
    // Parsed JSON holds no raw control character, so the binary-content check has nothing to find.
    return parsedDocument(bytes, quick, 'utf-8', value, filePath);
  }
  return loadTextCarefully(bytes, filePath);
}

/** The full path: tells binary from broken UTF-8 from a syntax error, and places each. */
function loadTextCarefully(bytes: Uint8Array, filePath: string): LoadedText {
  const decoded = decodeText(bytes);
  const base = { byteLength: bytes.byteLength, duplicateKeys: [] as DuplicateKey[] };
  if (!decoded.ok) {
    const { problem } = decoded;
    return {
      ...base,
      // The lossy decoding matches the valid prefix the problem's offset counts in: enough to place it.
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
      encoding: undefined,
      value: undefined,
      problem: { messageId: problem.messageId, data: problem.data, offset: problem.offset, endOffset: problem.offset },
      recognised: { shape: 'not-batch', entities: [] },
    };
  }
  const { text } = decoded;
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { problem } = parsed;
    return {
      ...base,
      text,
      encoding: decoded.encoding,
      value: undefined,
      problem: { messageId: problem.messageId, data: problem.data, offset: problem.offset, endOffset: problem.endOffset },
      recognised: { shape: 'not-batch', entities: [] },
    };
  }
  return parsedDocument(bytes, text, decoded.encoding, parsed.value, filePath);
}

function parsedDocument(bytes: Uint8Array, text: string, encoding: LoadedText['encoding'], value: unknown, filePath: string): LoadedText {
  return {
    text,
    byteLength: bytes.byteLength,
    encoding,
    value,
    problem: undefined,
    duplicateKeys: mayHaveDuplicateKeys(text, value) ? findDuplicateKeys(text) : [],
    recognised: recogniseDocument(value, filePath),
  };
}
