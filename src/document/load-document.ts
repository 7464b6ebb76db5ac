import fs from 'node:fs';
import { Buffer } from 'node:buffer';
import { decodeText } from './decode-text.js';
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
  let stats: fs.Stats;
  try {
    stats = fs.statSync(absolutePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT' && isSymbolicLink(absolutePath)) {
      throw new UnreadableFileError('is a symbolic link to a file that does not exist');
    }
    throw new UnreadableFileError(describeFsError(error));
  }
  if (stats.isDirectory()) throw new UnreadableFileError('is a directory, not a file');
  if (!stats.isFile()) throw new UnreadableFileError('is not a regular file (FIFO, socket or device)');
  try {
    return fs.readFileSync(absolutePath);
  } catch (error) {
    throw new UnreadableFileError(describeFsError(error));
  }
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
  const duplicateKeys = mayHaveDuplicateKeys(text, parsed.value) ? findDuplicateKeys(text) : [];
  return {
    ...base,
    text,
    encoding: decoded.encoding,
    value: parsed.value,
    problem: undefined,
    duplicateKeys,
    recognised: recogniseDocument(parsed.value, filePath),
  };
}
