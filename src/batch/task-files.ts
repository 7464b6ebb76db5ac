import { pointerTo } from '../document/json-pointer.js';
import { isJsonObject, member } from '../engine/untrusted-json.js';
import type { JsonValue } from '../engine/rule-types.js';
import { rememberLast } from './remembered-answers.js';

/**
 * The file lists of one task-like body (task, job manager, preparation, release or start task).
 * Job and pool bodies hold no files of their own: their task-like members are separate entities
 * that task rules already see, so these walkers take only task bodies.
 */

/**
 * `resourceFiles` download into the task working directory; `commonResourceFiles` into the task
 * root directory (one level above), so their paths never collide with each other.
 */
export type ResourceFileListName = 'resourceFiles' | 'commonResourceFiles';

export interface ResourceFileList {
  readonly name: ResourceFileListName;
  /** Pointer of the array, relative to the task body. */
  readonly pointer: string;
  readonly items: readonly JsonValue[];
}

export interface ResourceFileEntry {
  /** The untrusted entry: usually an object, but a broken body may hold anything. */
  readonly file: JsonValue;
  /** Pointer of the entry, relative to the task body. */
  readonly pointer: string;
  readonly list: ResourceFileListName;
  readonly index: number;
}

export interface OutputFileEntry {
  readonly file: JsonValue;
  readonly pointer: string;
  readonly index: number;
}

/** Every resource-file array the task body holds, in document order of meaning. */
export const resourceFileLists: (task: JsonValue) => readonly ResourceFileList[] = rememberLast(collectResourceFileLists);

function collectResourceFileLists(task: JsonValue): ResourceFileList[] {
  const lists: ResourceFileList[] = [];
  const own = member(task, 'resourceFiles');
  if (Array.isArray(own)) lists.push({ name: 'resourceFiles', pointer: pointerTo('resourceFiles'), items: own });
  const common = member(member(task, 'multiInstanceSettings'), 'commonResourceFiles');
  if (Array.isArray(common)) {
    lists.push({
      name: 'commonResourceFiles',
      pointer: pointerTo('multiInstanceSettings', 'commonResourceFiles'),
      items: common,
    });
  }
  return lists;
}

/** Every resource-file entry of the task body, whatever its type. */
export const resourceFileEntries: (task: JsonValue) => readonly ResourceFileEntry[] = rememberLast(collectResourceFileEntries);

function collectResourceFileEntries(task: JsonValue): ResourceFileEntry[] {
  const entries: ResourceFileEntry[] = [];
  for (const list of resourceFileLists(task)) {
    list.items.forEach((file, index) => {
      entries.push({ file, pointer: `${list.pointer}/${index}`, list: list.name, index });
    });
  }
  return entries;
}

/** Resource-file entries that are objects, the only ones whose members a rule can read. */
export const resourceFileObjects: (task: JsonValue) => readonly ResourceFileEntry[] = rememberLast((task: JsonValue) =>
  resourceFileEntries(task).filter((entry) => isJsonObject(entry.file)),
);

/** Every `outputFiles` entry that is an object. */
export const outputFileObjects: (task: JsonValue) => readonly OutputFileEntry[] = rememberLast(collectOutputFileObjects);

function collectOutputFileObjects(task: JsonValue): OutputFileEntry[] {
  const files = member(task, 'outputFiles');
  if (!Array.isArray(files)) return [];
  const entries: OutputFileEntry[] = [];
  files.forEach((file, index) => {
    if (isJsonObject(file)) entries.push({ file, pointer: pointerTo('outputFiles', index), index });
  });
  return entries;
}
