/** Where a JSON Pointer's key and value sit in the text: the step that turns findings into positions. */

import sourceMap from 'json-source-map';
import { parentPointer } from './json-pointer.js';
import { isWellFormedPointer, scanSpans, type JsonSpan } from './json-scanner.js';

/**
 * Above this size json-source-map (which maps every node) costs too much time and memory; the
 * pruned scan reads only the requested paths.
 */
const SOURCE_MAP_LIMIT = 2_000_000;

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
    if (!isWellFormedPointer(pointer) || !isCurrentLocation(locations, pointer)) continue;
    const location = locations[pointer]!;
    const span: JsonSpan =
      location.key !== undefined && location.keyEnd !== undefined
        ? {
            keyStart: location.key.pos,
            keyEnd: location.keyEnd.pos,
            valueStart: location.value.pos,
            valueEnd: location.valueEnd.pos,
          }
        : { valueStart: location.value.pos, valueEnd: location.valueEnd.pos };
    spans.set(pointer, span);
  }
  return spans;
}

/**
 * json-source-map keeps the locations of members under an earlier occurrence of a duplicate key,
 * which `JSON.parse` discarded. A location is current when it lies inside its parent's current
 * location, all the way up: earlier occurrences precede the later one, so never lie inside it.
 */
function isCurrentLocation(locations: PointerLocations, pointer: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(locations, pointer)) return false;
  let child = locations[pointer]!;
  let current = pointer;
  while (current !== '') {
    current = parentPointer(current);
    const parent = locations[current];
    if (parent === undefined) return false;
    if (child.value.pos < parent.value.pos || child.valueEnd.pos > parent.valueEnd.pos) return false;
    child = parent;
  }
  return true;
}
