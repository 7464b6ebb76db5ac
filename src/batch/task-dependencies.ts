import { pointerTo } from '../document/json-pointer.js';
import type { JsonValue } from '../engine/rule-types.js';
import type { Interval } from './integer-intervals.js';
import { arrayMember, isJsonObject, member, objectMember } from '../engine/untrusted-json.js';

export interface DependencyIdEntry {
  readonly id: string;
  readonly index: number;
  /** Pointer of the `taskIds` entry, relative to the task. */
  readonly pointer: string;
}

export interface DependencyRangeEntry extends Interval {
  /** Pointer of the `taskIdRanges` entry object, relative to the task. */
  readonly pointer: string;
}

const INT32_MAX = 2147483647;

/**
 * The number a task id answers to in `taskIdRanges`, or undefined when no range can select it
 * (reference A.5, D-deps): only `^[0-9]+$` ids, leading zeros ignored ("4", "04" and "004" are all
 * task 4), and only values that fit the int32 bounds of a range.
 */
export function rangeAddressableNumber(id: string): number | undefined {
  if (!/^[0-9]+$/.test(id)) return undefined;
  const digits = id.replace(/^0+(?=[0-9])/, '');
  if (digits.length > 10) return undefined;
  const value = Number(digits);
  return value <= INT32_MAX ? value : undefined;
}

/** `dependsOn.taskIds` entries that are strings; other values are for the schema rules. */
export function dependencyIdEntries(task: JsonValue): DependencyIdEntry[] {
  const entries: DependencyIdEntry[] = [];
  (arrayMember(objectMember(task, 'dependsOn'), 'taskIds') ?? []).forEach((id, index) => {
    if (typeof id === 'string') entries.push({ id, index, pointer: pointerTo('dependsOn', 'taskIds', index) });
  });
  return entries;
}

/** `dependsOn.taskIdRanges` entries whose bounds are both integers, inverted and negative ones included. */
export function dependencyRangeEntries(task: JsonValue): DependencyRangeEntry[] {
  const entries: DependencyRangeEntry[] = [];
  (arrayMember(objectMember(task, 'dependsOn'), 'taskIdRanges') ?? []).forEach((entry, index) => {
    if (!isJsonObject(entry)) return;
    const start = member(entry, 'start');
    const end = member(entry, 'end');
    if (typeof start === 'number' && Number.isInteger(start) && typeof end === 'number' && Number.isInteger(end)) {
      entries.push({ start, end, index, pointer: pointerTo('dependsOn', 'taskIdRanges', index) });
    }
  });
  return entries;
}
