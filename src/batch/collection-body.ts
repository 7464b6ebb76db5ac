import { pointerTo } from '../document/json-pointer.js';
import { arrayMember, objectMember } from '../engine/untrusted-json.js';
import type { EntityRef, JsonValue } from '../engine/rule-types.js';
import { rememberLast } from './remembered-answers.js';

/** "1MB" read as 2^20 bytes: the reading under which an error is certain; collection-size-near-limit covers the margin. */
export const COLLECTION_SIZE_LIMIT = 1_048_576;
/**
 * Re-serialising never lengthens strings or keys (escapes only shrink) and drops all whitespace;
 * only numbers can grow, at most about 5.25 times (`1e20` becomes `100000000000000000000`). So a
 * document under a sixth of a threshold cannot reach it, and small files skip the walk.
 */
export const COMPACT_JSON_MAX_GROWTH = 6;

/**
 * Beyond this a collection is not measured to the byte: "more than 8 MiB" says all a fix needs,
 * and measuring a 300 MB collection exactly would cost a second.
 */
export const COLLECTION_SIZE_MEASURED_UP_TO = 8 * COLLECTION_SIZE_LIMIT;

/** A collection's compact serialised size: exact, or a lower bound when it passed the measuring cap. */
export interface CollectionSize {
  readonly bytes: number;
  /** False when the collection is larger than `bytes` (COLLECTION_SIZE_MEASURED_UP_TO). */
  readonly exact: boolean;
}

/**
 * The UTF-8 length of the compact JSON of an add-collection's tasks, measured task by task up to
 * COLLECTION_SIZE_MEASURED_UP_TO. Both collection size rules ask about the same array one after
 * the other: the last answer is remembered.
 */
export const collectionByteLength: (tasks: readonly JsonValue[]) => CollectionSize = rememberLast((tasks: readonly JsonValue[]) => {
  const bytes = elementsByteLength(tasks, COLLECTION_SIZE_MEASURED_UP_TO);
  return bytes > COLLECTION_SIZE_MEASURED_UP_TO ? { bytes: COLLECTION_SIZE_MEASURED_UP_TO, exact: false } : { bytes, exact: true };
});

/** The `value` array of an add-collection body, bare or inside a copied spec example. */
export function addCollectionTasks(document: EntityRef): { tasks: JsonValue[]; pointer: string } | undefined {
  const { value, documentShape } = document;
  if (documentShape === 'task-collection') {
    const tasks = arrayMember(value, 'value');
    return tasks === undefined ? undefined : { tasks, pointer: pointerTo('value') };
  }
  if (documentShape === 'spec-example') {
    const tasks = arrayMember(objectMember(objectMember(value, 'parameters'), 'taskCollection'), 'value');
    return tasks === undefined ? undefined : { tasks, pointer: pointerTo('parameters', 'taskCollection', 'value') };
  }
  return undefined;
}

/** UTF-8 length of `JSON.stringify(root)`. */
export function compactJsonByteLength(root: JsonValue): number {
  return Array.isArray(root) ? elementsByteLength(root, Infinity) : measureCompactValue(root);
}

/**
 * An array's compact length measured element by element (serialising a 300 MB collection whole
 * would hold a second copy of it in memory at once); stops as soon as it passes `cap`.
 */
function elementsByteLength(items: readonly JsonValue[], cap: number): number {
  let bytes = 2 + Math.max(0, items.length - 1);
  for (const item of items) {
    bytes += measureCompactValue(item);
    if (bytes > cap) break;
  }
  return bytes;
}

function measureCompactValue(value: JsonValue): number {
  if (value === null || typeof value !== 'object') return walkedCompactJsonByteLength(value);
  try {
    // The native serializer is many times faster than the walk; it throws on nesting deeper than its stack.
    return Buffer.byteLength(JSON.stringify(value), 'utf8');
  } catch {
    return walkedCompactJsonByteLength(value);
  }
}

/**
 * True when `JSON.stringify(root)` is certainly at most `limit` UTF-8 bytes, judged from an upper
 * bound that needs no serialising: a UTF-16 code unit never takes more than 6 bytes (`\u001f`),
 * a number at most 24 (`-1.7976931348623157e+308`). False means "maybe more": measure exactly.
 */
export function compactJsonFitsWithin(root: JsonValue, limit: number): boolean {
  let bound = 0;
  const stack: JsonValue[] = [root];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (typeof value === 'string') bound += 6 * value.length + 2;
    else if (typeof value === 'number') bound += 24;
    else if (Array.isArray(value)) {
      bound += 2 + value.length;
      for (const element of value) stack.push(element);
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) {
        bound += 6 * key.length + 4;
        stack.push(value[key]!);
      }
      bound += 2;
    } else bound += 5;
    if (bound > limit) return false;
  }
  return true;
}

/** The same length, walked with an explicit stack so that deep nesting cannot overflow. */
function walkedCompactJsonByteLength(root: JsonValue): number {
  let bytes = 0;
  const stack: JsonValue[] = [root];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (Array.isArray(value)) {
      bytes += 2 + Math.max(0, value.length - 1);
      for (let index = value.length - 1; index >= 0; index -= 1) stack.push(value[index]!);
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      bytes += 2 + Math.max(0, keys.length - 1);
      for (const key of keys) {
        bytes += utf8Length(JSON.stringify(key)) + 1;
        stack.push(value[key]!);
      }
    } else {
      // Strings and scalars stringify without recursion.
      bytes += utf8Length(JSON.stringify(value) ?? 'null');
    }
  }
  return bytes;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
