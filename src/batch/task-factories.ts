import { pointerTo } from '../document/json-pointer.js';
import type { DocumentShape, JsonObject, JsonValue } from '../engine/rule-types.js';
import { arrayMember, isJsonObject, member, objectMember } from '../engine/untrusted-json.js';

/**
 * CLI-extension task factories (reference Part D, T3; X-ext `_template_utils.py`,
 * `doc/taskFactories.md`): where a document keeps its job body and factory, the fields whose
 * placeholders the extension substitutes, and the placeholders themselves.
 */

export const TASK_FACTORY_TYPES: readonly string[] = ['taskCollection', 'parametricSweep', 'taskPerFile'];

/** The extension substitutes into these of a taskPerFile repeat task, in this order. */
export const FILE_PLACEHOLDERS: readonly string[] = ['url', 'filePath', 'fileName', 'fileNameWithoutExtension'];

export interface JobBodyPlace {
  readonly body: JsonObject;
  /** Absolute pointer of the body in the document. */
  readonly pointer: string;
}

/** The job-like body of a template document: T1 `job.properties`, a T3 job, or a T4 application template. */
export function templateJobBody(document: JsonValue, shape: DocumentShape): JobBodyPlace | undefined {
  if (shape === 'job-template') {
    const body = objectMember(objectMember(document, 'job'), 'properties');
    return body && { body, pointer: '/job/properties' };
  }
  if ((shape === 'extended-job' || shape === 'application-template') && isJsonObject(document)) return { body: document, pointer: '' };
  return undefined;
}

/** The task factory of a template document's job body, with its absolute pointer. */
export function templateTaskFactory(document: JsonValue, shape: DocumentShape): JobBodyPlace | undefined {
  const job = templateJobBody(document, shape);
  const factory = objectMember(job?.body, 'taskFactory');
  return job && factory && { body: factory, pointer: `${job.pointer}/taskFactory` };
}

export interface PlaceholderField {
  /** Pointer relative to the repeat task. */
  readonly pointer: string;
  readonly text: string;
}

/**
 * The strings of a repeat task the extension substitutes placeholders in (`_transform_repeat_task`):
 * every other field is copied as written.
 */
export function placeholderFields(task: JsonValue): PlaceholderField[] {
  const fields: PlaceholderField[] = [];
  const add = (object: JsonValue | undefined, key: string, ...path: Array<string | number>) => {
    const value = member(object, key);
    if (typeof value === 'string' && value !== '') fields.push({ pointer: pointerTo(...path, key), text: value });
  };
  add(task, 'commandLine');
  add(task, 'displayName');
  (arrayMember(task, 'resourceFiles') ?? []).forEach((file, index) => {
    add(file, 'filePath', 'resourceFiles', index);
    add(file, 'httpUrl', 'resourceFiles', index);
    const source = member(file, 'source');
    for (const key of ['fileGroup', 'prefix', 'containerUrl', 'url']) add(source, key, 'resourceFiles', index, 'source');
  });
  (arrayMember(task, 'environmentSettings') ?? []).forEach((setting, index) => {
    add(setting, 'name', 'environmentSettings', index);
    add(setting, 'value', 'environmentSettings', index);
  });
  (arrayMember(task, 'outputFiles') ?? []).forEach((file, index) => {
    add(file, 'filePattern', 'outputFiles', index);
    const destination = member(file, 'destination');
    for (const key of ['path', 'containerUrl']) add(member(destination, 'container'), key, 'outputFiles', index, 'destination', 'container');
    for (const key of ['path', 'fileGroup']) add(member(destination, 'autoStorage'), key, 'outputFiles', index, 'destination', 'autoStorage');
  });
  return fields;
}

export interface SweepPlaceholder {
  /** As written, e.g. `{0}` or `{1:4}`. */
  readonly text: string;
  readonly setIndex: number;
  /** The zero-padding width of `{n:m}`, undefined for `{n}`. */
  readonly padding: number | undefined;
}

export interface PlaceholderReading {
  readonly sweep: SweepPlaceholder[];
  readonly file: string[];
  /** A `{` or `}` left after the escapes `{{`/`}}` and the factory's placeholders: the extension rejects the task. */
  readonly strayBrace: string | undefined;
}

const SWEEP_PLACEHOLDER = /\{(\d+)(?::(\d+))?\}/g;
const FILE_PLACEHOLDER = new RegExp(`\\{(${FILE_PLACEHOLDERS.join('|')})\\}`, 'g');

/**
 * Reads the placeholders of one string as `_replacement_transform` does: `{{` pairs from the left
 * and `}}` pairs from the right are escapes, then the factory's placeholders are replaced, and any
 * brace still standing is an error ("Invalid use of bracket characters").
 */
export function readPlaceholders(text: string, factoryType: 'parametricSweep' | 'taskPerFile'): PlaceholderReading {
  const escaped = escapeBracePairs(text);
  const sweep: SweepPlaceholder[] = [];
  const file: string[] = [];
  let rest: string;
  if (factoryType === 'parametricSweep') {
    rest = escaped.replace(SWEEP_PLACEHOLDER, (match: string, index: string, padding: string | undefined) => {
      sweep.push({ text: match, setIndex: Number(index), padding: padding === undefined ? undefined : Number(padding) });
      return '';
    });
  } else {
    rest = escaped.replace(FILE_PLACEHOLDER, (match: string) => {
      file.push(match);
      return '';
    });
  }
  const stray = /[{}]/.exec(rest);
  return { sweep, file, strayBrace: stray === null ? undefined : strayContext(text, factoryType) };
}

/** `{{` from the left and `}}` from the right become placeholders for literal braces. */
function escapeBracePairs(text: string): string {
  const left = text.replace(/\{\{/g, '\uE800');
  let result = '';
  let index = left.length - 1;
  while (index >= 0) {
    if (left[index] === '}' && left[index - 1] === '}') {
      result = '\uE801' + result;
      index -= 2;
    } else {
      result = left[index] + result;
      index--;
    }
  }
  return result;
}

/** The first brace of the original text that is neither an escape nor a placeholder, with a little context. */
function strayContext(text: string, factoryType: 'parametricSweep' | 'taskPerFile'): string {
  const escaped = escapeBracePairs(text);
  const placeholder = new RegExp((factoryType === 'parametricSweep' ? SWEEP_PLACEHOLDER : FILE_PLACEHOLDER).source, 'y');
  for (let index = 0; index < escaped.length; index++) {
    const char = escaped[index];
    if (char !== '{' && char !== '}') continue;
    placeholder.lastIndex = index;
    const match = char === '{' ? placeholder.exec(escaped) : null;
    if (match !== null) {
      index += match[0].length - 1;
      continue;
    }
    return snippetAround(escaped, index).replace(/\uE800/g, '{{').replace(/\uE801/g, '}}');
  }
  return '';
}

function snippetAround(text: string, index: number): string {
  const start = Math.max(0, index - 4);
  const end = Math.min(text.length, index + 16);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** An integer as Python's `int()` reads the value (the extension's ParameterSet does so), else undefined. */
export function pythonInteger(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && /^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) return Number(value.replace(/_/g, '').trim());
  return undefined;
}

export interface SweepRange {
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

/** A parameter set whose `start`, `end` and `step` are all known integers with a usable step. */
export function sweepRange(parameterSet: JsonValue | undefined): SweepRange | undefined {
  const start = pythonInteger(member(parameterSet, 'start'));
  const end = pythonInteger(member(parameterSet, 'end'));
  const step = member(parameterSet, 'step') === undefined ? 1 : pythonInteger(member(parameterSet, 'step'));
  if (start === undefined || end === undefined || step === undefined || step === 0) return undefined;
  if ((start > end && step > 0) || (start < end && step < 0)) return undefined;
  return { start, end, step };
}

/** The smallest value a sweep produces (`range(start, end ± 1, step)`). */
export function smallestSweepValue({ start, end, step }: SweepRange): number {
  if (step > 0) return start;
  return start + step * Math.floor((start - end) / -step);
}
