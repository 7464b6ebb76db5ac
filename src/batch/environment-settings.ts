import type { EntityRef, JsonValue } from '../engine/rule-types.js';
import { arrayMember } from '../engine/untrusted-json.js';

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
