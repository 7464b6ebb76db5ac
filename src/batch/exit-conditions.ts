import { pointerTo } from '../document/json-pointer.js';
import type { JsonObject, JsonValue } from '../engine/rule-types.js';
import { arrayMember, isJsonObject, member, objectMember } from '../engine/untrusted-json.js';
import type { Interval } from './integer-intervals.js';

/** The single-option members of `exitConditions`; `schedulingError` is the pre-2017-05 name of `preProcessingError`. */
const CONDITION_MEMBERS = ['preProcessingError', 'fileUploadError', 'default', 'schedulingError'] as const;

export interface ExitOptionsPlace {
  /** Pointer of the exitOptions object, relative to the task. */
  readonly pointer: string;
  readonly options: JsonObject;
  /** True inside an `exitCodes`/`exitCodeRanges` entry, where exitOptions is required. */
  readonly inEntry: boolean;
}

export interface ExitCodeEntry {
  readonly code: number;
  readonly index: number;
  /** Pointer of the entry's `code` value, relative to the task. */
  readonly codePointer: string;
}

export interface ExitCodeRangeEntry extends Interval {
  /** Pointer of the range entry object, relative to the task. */
  readonly pointer: string;
}

/** Every exitOptions object a task's exitConditions holds, in document order of the schema. */
export function exitOptionsPlaces(task: JsonValue): ExitOptionsPlace[] {
  const conditions = objectMember(task, 'exitConditions');
  if (conditions === undefined) return [];
  const places: ExitOptionsPlace[] = [];
  for (const list of ['exitCodes', 'exitCodeRanges'] as const) {
    (arrayMember(conditions, list) ?? []).forEach((entry, index) => {
      const options = objectMember(entry, 'exitOptions');
      if (options !== undefined) places.push({ pointer: pointerTo('exitConditions', list, index, 'exitOptions'), options, inEntry: true });
    });
  }
  for (const name of CONDITION_MEMBERS) {
    const options = objectMember(conditions, name);
    if (options !== undefined) places.push({ pointer: pointerTo('exitConditions', name), options, inEntry: false });
  }
  return places;
}

/** `exitCodes` entries whose `code` is an integer; other values are for the schema rules. */
export function exitCodeEntries(task: JsonValue): ExitCodeEntry[] {
  const entries: ExitCodeEntry[] = [];
  (arrayMember(objectMember(task, 'exitConditions'), 'exitCodes') ?? []).forEach((entry, index) => {
    const code = member(entry, 'code');
    if (typeof code === 'number' && Number.isInteger(code)) {
      entries.push({ code, index, codePointer: pointerTo('exitConditions', 'exitCodes', index, 'code') });
    }
  });
  return entries;
}

/** `exitCodeRanges` entries whose bounds are both integers, inverted ones included. */
export function exitCodeRangeEntries(task: JsonValue): ExitCodeRangeEntry[] {
  const entries: ExitCodeRangeEntry[] = [];
  (arrayMember(objectMember(task, 'exitConditions'), 'exitCodeRanges') ?? []).forEach((entry, index) => {
    if (!isJsonObject(entry)) return;
    const start = member(entry, 'start');
    const end = member(entry, 'end');
    if (typeof start === 'number' && Number.isInteger(start) && typeof end === 'number' && Number.isInteger(end)) {
      entries.push({ start, end, index, pointer: pointerTo('exitConditions', 'exitCodeRanges', index) });
    }
  });
  return entries;
}
