import { pointerTo } from '../document/json-pointer.js';
import type { EntityRef, JsonValue } from '../engine/rule-types.js';
import { arrayMember, stringMember } from '../engine/untrusted-json.js';
import { rememberLast } from './remembered-answers.js';

/**
 * The environment settings an entity carries: a task's `environmentSettings`, a job's
 * `commonEnvironmentSettings` (which every task of the job inherits). Pools have none of their own:
 * their start task is a task entity.
 */
export function environmentSettingsOf(entity: EntityRef): { listName: string; settings: JsonValue[] } | undefined {
  const listName = entity.kind === 'job' ? 'commonEnvironmentSettings' : entity.kind === 'task' ? 'environmentSettings' : undefined;
  if (listName === undefined) return undefined;
  const settings = arrayMember(entity.value, listName);
  return settings ? { listName, settings } : undefined;
}

/** One entry of an entity's environment settings, as every environment rule reads it. */
export interface EnvironmentVariable {
  /** `environmentSettings` or `commonEnvironmentSettings`. */
  readonly listName: string;
  readonly index: number;
  /** `name` when it is a string (other types are the schema rules' to report). */
  readonly name: string | undefined;
  /** `value` when it is a string. */
  readonly value: string | undefined;
  /** Pointers of the entry's `name` and `value`, relative to the entity. */
  readonly namePointer: string;
  readonly valuePointer: string;
}

/** The entries of environmentSettingsOf, read once per entity for all the environment rules. */
export const environmentVariablesOf: (entity: EntityRef) => readonly EnvironmentVariable[] = rememberLast((entity: EntityRef) => {
  const environment = environmentSettingsOf(entity);
  if (environment === undefined) return [];
  const { listName, settings } = environment;
  return settings.map((setting, index) => ({
    listName,
    index,
    name: stringMember(setting, 'name'),
    value: stringMember(setting, 'value'),
    namePointer: pointerTo(listName, index, 'name'),
    valuePointer: pointerTo(listName, index, 'value'),
  }));
});
