/** Where a JSON Pointer's key and value sit in the text: the step that turns findings into positions. */

import sourceMap from 'json-source-map';
import { parentPointer } from './json-pointer.js';
import { isWellFormedPointer, scanSpans, type JsonSpan } from './json-scanner.js';

/**
 * Above this size json-source-map (which maps every node) costs too much time and memory; the
 * pruned scan reads only the requested paths.
 */
const SOURCE_MAP_LIMIT = 200_000;

/** Spans of the requested pointers in valid JSON; pointers that do not exist are absent. */
export function locateSpans(text: string, pointers: readonly string[]): Map<string, JsonSpan> {
  if (text.length <= SOURCE_MAP_LIMIT) {
    const spans = spansFromSourceMap(text, pointers);
    if (spans !== undefined) return spans;
  }
  return scanSpans(text, pointers);
}

type PointerLocations = ReturnType<typeof sourceMap.parse>['pointers'];

function spansFromSourceMap(text: string, pointers: readonly string[]): Map<string, JsonSpan> | undefined {
  let locations: PointerLocations;
  try {
    locations = sourceMap.parse(text).pointers;
  } catch {
    // Its parser is recursive: a deeply nested document overflows the stack.
    return undefined;
  }
  const spans = new Map<string, JsonSpan>();
  for (const pointer of pointers) {
    if (!isWellFormedPointer(pointer)) continue;
    const span = currentSpan(locations, pointer);
    if (span !== undefined) spans.set(pointer, span);
  }
  return spans;
}

/**
 * json-source-map keeps locations from an earlier occurrence of a duplicate key, which
 * `JSON.parse` discarded: whole members under it, and even the old key of a member that is now an
 * array element. A location is current when it lies inside its parent's current location, all
 * the way up (an earlier occurrence precedes the later one, so never lies inside it).
 */
function currentSpan(locations: PointerLocations, pointer: string): JsonSpan | undefined {
  if (!Object.prototype.hasOwnProperty.call(locations, pointer)) return undefined;
  const location = locations[pointer]!;
  if (pointer === '') return { valueStart: location.value.pos, valueEnd: location.valueEnd.pos };

  let child = location;
  let current = pointer;
  while (current !== '') {
    current = parentPointer(current);
    const parent = locations[current];
    if (parent === undefined) return undefined;
    if (child.value.pos < parent.value.pos || child.valueEnd.pos > parent.valueEnd.pos) return undefined;
    child = parent;
  }
  const parentStart = locations[parentPointer(pointer)]!.value.pos;
  const { key, keyEnd } = location;
  return key !== undefined && keyEnd !== undefined && key.pos > parentStart
    ? { keyStart: key.pos, keyEnd: keyEnd.pos, valueStart: location.value.pos, valueEnd: location.valueEnd.pos }
    : { valueStart: location.value.pos, valueEnd: location.valueEnd.pos };
}
