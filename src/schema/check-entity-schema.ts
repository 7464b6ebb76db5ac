import { escapePointerSegment, resolvePointer, splitPointer } from '../document/json-pointer.js';
import type { EntityRef, JsonValue } from '../engine/rule-types.js';
import { isJsonObject, isTemplateExpression } from '../engine/untrusted-json.js';
import { compareApiVersions, isApiVersion, isAtLeast, type ApiVersion } from '../project/api-versions.js';
import type { CompiledValidatorError, DerivedSchemaIndex } from './generated-artifacts.js';
import { propertyIndex } from './generated/property-index.js';
import {
  DOCKER_CONTAINER_TYPE_RENAMED_IN,
  isExtensionOnlyProperty,
  legacyProperty,
  type LegacyProperty,
} from './legacy-properties.js';
import { suggestPropertyName } from './property-suggestions.js';
import { SCHEMA_RULE_MESSAGES, type SchemaRuleId } from './schema-messages.js';
import { derivedSchemaIndex, entityValidator, newerDerivedSchemas } from './schema-versions.js';

export { SCHEMA_RULE_MESSAGES, type SchemaRuleId } from './schema-messages.js';
export { loadEntitySchemas } from './schema-versions.js';

type MessageOf<Id extends SchemaRuleId> = keyof (typeof SCHEMA_RULE_MESSAGES)[Id] & string;

/** One schema finding, ready for `context.report` of the rule named by `ruleId`. */
export type SchemaIssue = {
  [Id in SchemaRuleId]: {
    readonly ruleId: Id;
    readonly messageId: MessageOf<Id>;
    /** JSON Pointer relative to the entity. */
    readonly pointer: string;
    readonly target: 'key' | 'value';
    readonly data: Readonly<Record<string, string | number>>;
  };
}[SchemaRuleId];

const ROOT_LABELS: Readonly<Record<EntityRef['role'], string>> = {
  task: 'the task',
  jobManagerTask: 'the job manager task',
  jobPreparationTask: 'the job preparation task',
  jobReleaseTask: 'the job release task',
  startTask: 'the start task',
  repeatTask: 'the repeat task',
  mergeTask: 'the merge task',
  job: 'the job',
  pool: 'the pool',
};

/** The last entity checked and its issues: the schema rules run one after another on each entity. */
let lastChecked:
  | { entity: EntityRef; value: JsonValue; apiVersion: ApiVersion; issues: readonly SchemaIssue[] }
  | undefined;

/**
 * Validates an entity against the schema derived for `apiVersion` and turns the validator's
 * errors into issues for the C.1 rules and the removed-property rules. The answer for the last
 * entity is remembered, so the schema rules, which run one after another on each entity, pay for
 * one validation between them, and no memory is held across entities. Issues come in document order.
 */
export function checkEntitySchema(entity: EntityRef, apiVersion: ApiVersion): readonly SchemaIssue[] {
  const last = lastChecked;
  if (last !== undefined && last.entity === entity && last.value === entity.value && last.apiVersion === apiVersion) return last.issues;
  const issues = collectIssues(entity, apiVersion);
  lastChecked = { entity, value: entity.value, apiVersion, issues };
  return issues;
}

/** The issues of one rule, for the thin rule modules. */
export function schemaIssuesFor<Id extends SchemaRuleId>(
  entity: EntityRef,
  apiVersion: ApiVersion,
  ruleId: Id,
): Array<Extract<SchemaIssue, { ruleId: Id }>> {
  return checkEntitySchema(entity, apiVersion).filter(
    (issue): issue is Extract<SchemaIssue, { ruleId: Id }> => issue.ruleId === ruleId,
  );
}

/** What reportSchemaIssues needs of a rule context (any scope that carries the entity). */
export interface SchemaReportingContext {
  readonly entity: EntityRef;
  readonly apiVersion: ApiVersion;
  report(input: {
    messageId: string;
    pointer: string;
    target?: 'key' | 'value';
    data?: Readonly<Record<string, string | number>>;
  }): void;
}

/**
 * Reports the issues of one rule. The rule declares `SCHEMA_RULE_MESSAGES[ruleId]` as its
 * messages, so each issue's message id and placeholders are the rule's own.
 */
export function reportSchemaIssues(context: SchemaReportingContext, ruleId: SchemaRuleId): void {
  for (const issue of schemaIssuesFor(context.entity, context.apiVersion, ruleId)) {
    context.report({ messageId: issue.messageId, pointer: issue.pointer, target: issue.target, data: issue.data });
  }
}

function collectIssues(entity: EntityRef, apiVersion: ApiVersion): readonly SchemaIssue[] {
  const validate = entityValidator(apiVersion, entity.definition);
  const issues: SchemaIssue[] = [];
  if (!validate(entity.value)) {
    const errors = validate.errors ?? [];
    const typeErrorPaths = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
    const interpreter = new ErrorInterpreter(entity, apiVersion, typeErrorPaths);
    for (const error of errors) {
      const issue = interpreter.interpret(error);
      if (issue !== undefined) issues.push(issue);
    }
  }
  // Cloud Services pools are retired whatever the api-version; the schema still allows them before 20.0.
  if (entity.kind === 'pool' && isJsonObject(entity.value) && hasOwn(entity.value, 'cloudServiceConfiguration')) {
    if (!issues.some((issue) => issue.ruleId === 'pool-cloud-service-configuration')) {
      issues.push({
        ruleId: 'pool-cloud-service-configuration',
        messageId: 'retired',
        pointer: '/cloudServiceConfiguration',
        target: 'key',
        data: {},
      });
    }
  }
  return sortInDocumentOrder(entity.value, issues);
}

class ErrorInterpreter {
  private readonly schemaIndex: DerivedSchemaIndex;

  constructor(
    private readonly entity: EntityRef,
    private readonly apiVersion: ApiVersion,
    private readonly typeErrorPaths: ReadonlySet<string>,
  ) {
    this.schemaIndex = derivedSchemaIndex(apiVersion);
  }

  interpret(error: CompiledValidatorError): SchemaIssue | undefined {
    switch (error.keyword) {
      case 'required':
        return this.missingProperty(error.instancePath, String(error.params.missingProperty));
      case 'additionalProperties':
        return this.extraProperty(error.instancePath, String(error.params.additionalProperty));
      case 'x-since':
        return this.gatedProperty(error.instancePath, String(error.params.since));
      case 'type':
        return this.wrongType(error.instancePath, String(error.params.type));
      case 'x-int32':
        return this.outOfRange(error.instancePath);
      case 'enum':
        return this.enumValue(error.instancePath, error.params.allowedValues);
      default:
        return undefined;
    }
  }

  private missingProperty(objectPointer: string, property: string): SchemaIssue | undefined {
    const object = resolvePointer(this.entity.value, objectPointer);
    const definition = this.definitionAt(objectPointer);
    if (this.entity.isTemplate) {
      // An application template is merged into the job that references it, which supplies these.
      if (objectPointer === '' && this.entity.documentShape === 'application-template' && (property === 'id' || property === 'poolInfo')) {
        return undefined;
      }
      // The task factory generates the ids of the tasks it expands (task-factory-repeat-task-forbidden reports a written one).
      if (objectPointer === '' && property === 'id' && (this.entity.role === 'repeatTask' || this.entity.role === 'mergeTask')) return undefined;
      // The extension turns `source` into resource files with the required members.
      if (definition === 'ResourceFile' && hasOwn(object, 'source')) return undefined;
    }
    // The removed-property rule already names virtualMachineConfiguration as the replacement.
    if (property === 'virtualMachineConfiguration' && hasOwn(object, 'cloudServiceConfiguration')) return undefined;
    return {
      ruleId: 'required-property-missing',
      messageId: 'missing',
      pointer: objectPointer,
      target: 'key',
      data: { property, object: this.objectLabel(objectPointer) },
    };
  }

  private extraProperty(objectPointer: string, property: string): SchemaIssue | undefined {
    const pointer = `${objectPointer}/${escapePointerSegment(property)}`;
    const definition = this.definitionAt(objectPointer);
    if (definition !== undefined) {
      const legacy = legacyProperty(definition, property);
      if (legacy !== undefined) return this.legacyIssue(legacy, pointer);
      if (isExtensionOnlyProperty(definition, property)) {
        if (this.entity.isTemplate) return undefined;
        return { ruleId: 'unknown-property', messageId: 'extensionOnly', pointer, target: 'key', data: { property } };
      }
      const newer = this.newerVersionIssue(definition, property, pointer);
      if (newer !== undefined) return newer;
    }
    if (propertyIndex.responseOnly.includes(property)) {
      return { ruleId: 'unknown-property', messageId: 'responseField', pointer, target: 'key', data: { property } };
    }
    const object = this.objectLabel(objectPointer);
    const candidates = definition === undefined ? [] : Object.keys(this.schemaIndex.properties[definition] ?? {});
    const suggestion = suggestPropertyName(property, candidates, propertyIndex.clientNames);
    if (suggestion !== undefined) {
      return { ruleId: 'unknown-property', messageId: 'unknownDidYouMean', pointer, target: 'key', data: { property, object, suggestion } };
    }
    return { ruleId: 'unknown-property', messageId: 'unknown', pointer, target: 'key', data: { property, object, apiVersion: this.apiVersion } };
  }

  private legacyIssue(legacy: LegacyProperty, pointer: string): SchemaIssue | undefined {
    // Before its removal the property is valid; an older schema simply does not list it.
    if (!isAtLeast(this.apiVersion, legacy.removedIn)) return undefined;
    return { ruleId: legacy.ruleId, messageId: legacy.messageId, pointer, target: 'key', data: {} } as SchemaIssue;
  }

  private newerVersionIssue(definition: string, property: string, pointer: string): SchemaIssue | undefined {
    const since = propertyIndex.since[definition]?.[property];
    if (since !== undefined && isApiVersion(since) && compareApiVersions(since, this.apiVersion) > 0) {
      return {
        ruleId: 'property-requires-newer-api-version',
        messageId: 'requiresNewer',
        pointer,
        target: 'key',
        data: { property, since, apiVersion: this.apiVersion },
      };
    }
    for (const [newerVersion, index] of newerDerivedSchemas(this.apiVersion)) {
      if (index.properties[definition]?.[property] !== undefined) {
        return {
          ruleId: 'property-requires-newer-api-version',
          messageId: 'notInVersion',
          pointer,
          target: 'key',
          data: { property, apiVersion: this.apiVersion, knownIn: newerVersion },
        };
      }
    }
    return undefined;
  }

  private gatedProperty(pointer: string, since: string): SchemaIssue | undefined {
    if (!isApiVersion(since) || compareApiVersions(since, this.apiVersion) <= 0) return undefined;
    const property = splitPointer(pointer).at(-1) ?? '';
    return {
      ruleId: 'property-requires-newer-api-version',
      messageId: 'requiresNewer',
      pointer,
      target: 'key',
      data: { property, since, apiVersion: this.apiVersion },
    };
  }

  private wrongType(pointer: string, expected: string): SchemaIssue | undefined {
    const value = resolvePointer(this.entity.value, pointer);
    if (this.entity.isTemplate && isTemplateExpression(value)) return undefined;
    // OData reads null on an optional property as "not set" (the SDKs send it, and so does an official example).
    if (value === null && !this.isRequired(pointer)) return undefined;
    // The CLI extension converts "1" or "true" to the slot's type when it fills in a template.
    if (this.entity.isTemplate && typeof value === 'string' && fitsAfterConversion(value, expected)) return undefined;
    const property = this.displayPath(pointer);
    // 1e400 parses to Infinity: an integer literal far outside the slot, not a wrong JSON type.
    if (expected === 'integer' && typeof value === 'number' && !Number.isFinite(value)) return this.outOfRange(pointer);
    return {
      ruleId: 'json-type-mismatch',
      messageId: 'wrongType',
      pointer,
      target: 'value',
      data: { property, expected: describeExpectedType(expected), actual: describeJsonType(value) },
    };
  }

  private outOfRange(pointer: string): SchemaIssue {
    return { ruleId: 'int32-out-of-range', messageId: 'outOfRange', pointer, target: 'value', data: { property: this.displayPath(pointer) } };
  }

  private enumValue(pointer: string, allowedValues: unknown): SchemaIssue | undefined {
    const value = resolvePointer(this.entity.value, pointer);
    // A non-string already has its type error.
    if (typeof value !== 'string' || this.typeErrorPaths.has(pointer)) return undefined;
    if (this.entity.isTemplate && isTemplateExpression(value)) return undefined;
    const allowed = Array.isArray(allowedValues) ? allowedValues.filter((item): item is string => typeof item === 'string') : [];
    const property = this.displayPath(pointer);
    const parentPointer = pointer.slice(0, pointer.lastIndexOf('/'));
    if (value.toLowerCase() === 'docker' && pointer.endsWith('/type') && this.definitionAt(parentPointer) === 'ContainerConfiguration') {
      if (!isAtLeast(this.apiVersion, DOCKER_CONTAINER_TYPE_RENAMED_IN)) return undefined;
      return { ruleId: 'pool-container-type-docker-legacy', messageId: 'docker', pointer, target: 'value', data: { value } };
    }
    const canonical = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (canonical !== undefined) {
      return {
        ruleId: 'enum-value-noncanonical-case',
        messageId: 'noncanonicalCase',
        pointer,
        target: 'value',
        data: { value, property, canonical, apiVersion: this.apiVersion },
      };
    }
    return {
      ruleId: 'enum-value-invalid',
      messageId: 'invalid',
      pointer,
      target: 'value',
      data: { value, property, allowed: allowed.map((candidate) => `"${candidate}"`).join(', ') },
    };
  }

  /** The REST definition the object at `pointer` follows, walked through the property index. */
  private isRequired(pointer: string): boolean {
    const cut = pointer.lastIndexOf('/');
    const definition = this.definitionAt(pointer.slice(0, cut));
    const property = splitPointer(pointer).pop();
    return definition === undefined || property === undefined || (this.schemaIndex.required[definition]?.includes(property) ?? false);
  }

  private definitionAt(pointer: string): string | undefined {
    let shape: string = this.entity.definition;
    for (const segment of splitPointer(pointer)) {
      if (shape.endsWith('[]')) {
        if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
        shape = shape.slice(0, -2);
        continue;
      }
      const properties = this.schemaIndex.properties[shape];
      if (properties === undefined || !hasOwn(properties, segment)) return undefined;
      const next = properties[segment];
      if (next === undefined || next === '*' || next === '@entity') return undefined;
      shape = next;
    }
    return shape.endsWith('[]') ? undefined : shape;
  }

  private objectLabel(pointer: string): string {
    return pointer === '' ? ROOT_LABELS[this.entity.role] : `"${this.displayPath(pointer)}"`;
  }

  /** `/exitConditions/exitCodes/0/code` → `exitConditions.exitCodes[0].code`. */
  private displayPath(pointer: string): string {
    let path = '';
    for (const segment of splitPointer(pointer)) {
      path += /^(0|[1-9][0-9]*)$/.test(segment) ? `[${segment}]` : path === '' ? segment : `.${segment}`;
    }
    return path === '' ? this.entity.kind : path;
  }
}

function hasOwn(object: unknown, key: string): boolean {
  return isJsonObject(object) && Object.prototype.hasOwnProperty.call(object, key);
}

/** ajv names union types as "object,string". */
function describeExpectedType(type: string): string {
  return type.split(',').join(' or ');
}

function fitsAfterConversion(text: string, expected: string): boolean {
  if (expected === 'integer') return /^-?\d+$/.test(text.trim());
  if (expected === 'number') return text.trim() !== '' && Number.isFinite(Number(text));
  if (expected === 'boolean') return text === 'true' || text === 'false';
  return false;
}

export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Orders issues as their places appear in the document: by the member positions along each
 * pointer (JSON.parse keeps key order), a containing object before what is inside it, a key
 * before its value, then by rule and message id.
 */
function sortInDocumentOrder(root: JsonValue, issues: SchemaIssue[]): SchemaIssue[] {
  if (issues.length < 2) return issues;
  const keyed = issues.map((issue) => ({ issue, position: documentPosition(root, issue.pointer) }));
  keyed.sort((a, b) => {
    const length = Math.min(a.position.length, b.position.length);
    for (let index = 0; index < length; index++) {
      const difference = (a.position[index] ?? 0) - (b.position[index] ?? 0);
      if (difference !== 0) return difference;
    }
    if (a.position.length !== b.position.length) return a.position.length - b.position.length;
    if (a.issue.target !== b.issue.target) return a.issue.target === 'key' ? -1 : 1;
    return compareText(`${a.issue.ruleId}/${a.issue.messageId}/${JSON.stringify(a.issue.data)}`, `${b.issue.ruleId}/${b.issue.messageId}/${JSON.stringify(b.issue.data)}`);
  });
  return keyed.map(({ issue }) => issue);
}

function documentPosition(root: JsonValue, pointer: string): number[] {
  const position: number[] = [];
  let current: unknown = root;
  for (const segment of splitPointer(pointer)) {
    if (Array.isArray(current)) {
      const index = Number(segment);
      position.push(index);
      current = current[index];
    } else if (isJsonObject(current)) {
      position.push(Object.keys(current).indexOf(segment));
      current = hasOwn(current, segment) ? current[segment] : undefined;
    } else {
      position.push(-1);
      current = undefined;
    }
  }
  return position;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
