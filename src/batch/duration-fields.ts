import { pointerTo } from '../document/json-pointer.js';
import type { EntityDefinition, EntityRef } from '../engine/rule-types.js';
import { isTemplateExpression, member } from '../engine/untrusted-json.js';

/** Where each REST definition keeps its durations (S19): a Job Release Task holds them directly, not under `constraints`. */
const DURATION_PATHS: Record<EntityDefinition, ReadonlyArray<readonly string[]>> = {
  TaskAddParameter: [
    ['constraints', 'maxWallClockTime'],
    ['constraints', 'retentionTime'],
  ],
  JobManagerTask: [
    ['constraints', 'maxWallClockTime'],
    ['constraints', 'retentionTime'],
  ],
  JobPreparationTask: [
    ['constraints', 'maxWallClockTime'],
    ['constraints', 'retentionTime'],
  ],
  JobReleaseTask: [['maxWallClockTime'], ['retentionTime']],
  StartTask: [],
  JobAddParameter: [['constraints', 'maxWallClockTime']],
  JobSpecification: [['constraints', 'maxWallClockTime']],
  PoolAddParameter: [['resizeTimeout'], ['autoScaleEvaluationInterval']],
  PoolSpecification: [['resizeTimeout'], ['autoScaleEvaluationInterval']],
};

export interface DurationField {
  /** The property name, e.g. `maxWallClockTime`. */
  readonly name: string;
  /** Pointer relative to the entity. */
  readonly pointer: string;
  readonly text: string;
}

/**
 * The duration strings an entity carries. Values of other types are json-type-mismatch's to report,
 * and unresolved template expressions are not durations yet.
 */
export function durationFieldsOf(entity: EntityRef): DurationField[] {
  const fields: DurationField[] = [];
  for (const path of DURATION_PATHS[entity.definition] ?? []) {
    let value: unknown = entity.value;
    for (const key of path) value = member(value, key);
    if (typeof value !== 'string' || isTemplateExpression(value)) continue;
    fields.push({ name: path[path.length - 1] ?? '', pointer: pointerTo(...path), text: value });
  }
  return fields;
}
