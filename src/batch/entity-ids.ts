import { isTemplateExpression, stringMember } from '../engine/untrusted-json.js';
import type { EntityDefinition, EntityRef } from '../engine/rule-types.js';

/** The bodies that carry an id of their own; job specifications, pool specifications and start tasks have none. */
const DEFINITIONS_WITH_ID: ReadonlySet<EntityDefinition> = new Set<EntityDefinition>([
  'TaskAddParameter',
  'JobManagerTask',
  'JobPreparationTask',
  'JobReleaseTask',
  'JobAddParameter',
  'PoolAddParameter',
]);

/** Long enough to recognise an id, short enough to keep a message on one line. */
const SHOWN_ID_LENGTH = 40;

/**
 * The entity's own `id` as the service will check it: undefined for bodies without an id of their
 * own, for a missing or non-string id, and for a template expression filled in later.
 */
export function literalOwnId(entity: EntityRef): string | undefined {
  if (!DEFINITIONS_WITH_ID.has(entity.definition)) return undefined;
  const id = stringMember(entity.value, 'id');
  return id === undefined || isTemplateExpression(id) ? undefined : id;
}

/** An id as a message quotes it: its first 40 characters and "…" when it is longer. */
export function shownId(id: string): string {
  return id.length > SHOWN_ID_LENGTH ? `${id.slice(0, SHOWN_ID_LENGTH)}…` : id;
}
