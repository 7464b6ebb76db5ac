/**
 * The one module a rule may import. Plugin authors use the same surface through the package
 * entry point.
 */
export { defineRule, RuleDefinitionError } from './engine/define-rule.js';
export { pointerTo, escapePointerSegment, splitPointer, parentPointer } from './document/json-pointer.js';
export {
  isJsonObject,
  member,
  hasMember,
  stringMember,
  numberMember,
  booleanMember,
  objectMember,
  arrayMember,
  isTemplateExpression,
  isInt32,
} from './engine/untrusted-json.js';
export { API_VERSIONS, NEWEST_API_VERSION, compareApiVersions, isAtLeast, isAtMost, isApiVersion } from './project/api-versions.js';
export type { ApiVersion } from './project/api-versions.js';
export { taskGraphOf, findDependencyCycles, findBlockedTasks } from './project/task-graph.js';
export type { TaskIndex, TaskDependencies } from './project/task-graph.js';
export type {
  Rule,
  RuleDefinition,
  RuleScope,
  RuleCategory,
  Severity,
  SeveritySetting,
  JsonValue,
  JsonObject,
  EntityRef,
  EntityDefinition,
  JobContext,
  PoolContext,
  TaskRole,
  DocumentShape,
  PlaceRef,
  RelatedPlace,
  TaskCheckContext,
  JobCheckContext,
  PoolCheckContext,
  EntityCheckContext,
  TaskSetCheckContext,
  DocumentCheckContext,
} from './engine/rule-types.js';
export { reportSchemaIssues, SCHEMA_RULE_MESSAGES } from './schema/check-entity-schema.js';
export type { SchemaRuleId } from './schema/check-entity-schema.js';

// Batch domain knowledge shared by rules: durations, SAS URLs, command lines, resource and output files…
export * from './batch/collection-body.js';
export * from './batch/command-line.js';
export * from './batch/duration-fields.js';
export * from './batch/entity-ids.js';
export * from './batch/entity-urls.js';
export * from './batch/environment-settings.js';
export * from './batch/exit-conditions.js';
export * from './batch/file-path.js';
export * from './batch/integer-intervals.js';
export * from './batch/odata-duration.js';
export * from './batch/sas-url.js';
export { rememberLast, rememberRecent } from './batch/remembered-answers.js';
export * from './batch/task-dependencies.js';
export * from './batch/task-files.js';
export * from './batch/task-factories.js';
export * from './batch/template-expressions.js';
