import type { ApiVersion } from '../project/api-versions.js';
import type { Project, TaskSet } from '../project/build-project.js';
import { resolvePointer } from '../document/json-pointer.js';
import type { DocumentPlace, RawFinding, RuleFailure } from './finding.js';
import { renderMessage } from './finding.js';
import type { EntityRef, JobContext, PoolContext, Rule, RelatedPlace, Severity } from './rule-types.js';

/** A document as the rule runner sees it. */
export interface RunnableDocument {
  index: number;
  filePath: string;
  value: unknown;
  entities: readonly EntityRef[];
  /** The whole document as an entity-like reference, for document-scope rules. */
  asEntity: EntityRef;
  byteLength: number;
  apiVersion: ApiVersion;
  isContextOnly: boolean;
  /** Enabled rules for this document: id → severity and options (defaults merged). */
  settings: ReadonlyMap<string, { severity: Severity; options: unknown }>;
}

export interface RuleRunRequest {
  documents: readonly RunnableDocument[];
  project: Project;
  rules: readonly Rule[];
  now: Date;
  completeTaskSet: boolean;
  /** Per-rule time, when --stats asks for it. */
  timings?: Map<string, number>;
}

export interface RuleRunResult {
  findings: RawFinding[];
  failures: RuleFailure[];
}

/** Run every enabled rule on its scope; a rule that throws loses its findings for that unit only. */
export function runRules(request: RuleRunRequest): RuleRunResult {
  const findings: RawFinding[] = [];
  const failures: RuleFailure[] = [];
  const documentOf = new Map<EntityRef, RunnableDocument>();
  for (const document of request.documents) {
    documentOf.set(document.asEntity, document);
    for (const entity of document.entities) documentOf.set(entity, document);
  }
  const byScope = new Map<Rule['scope'], Rule[]>();
  for (const rule of request.rules) {
    const list = byScope.get(rule.scope) ?? [];
    list.push(rule);
    byScope.set(rule.scope, list);
  }
  const scopeRules = (scope: Rule['scope']) => byScope.get(scope) ?? [];

  const invoke = (rule: Rule, home: RunnableDocument, subject: EntityRef, makeContext: (report: (input: unknown) => void) => object) => {
    const setting = home.settings.get(rule.id);
    if (!setting) return;
    const pending: RawFinding[] = [];
    const started = request.timings ? performance.now() : 0;
    try {
      const report = (input: unknown) => pending.push(toRawFinding(rule, subject, input, documentOf));
      (rule.check as (context: object) => void)(makeContext(report));
      for (const finding of pending) {
        const target = request.documents[finding.documentIndex]!;
        const targetSetting = target.settings.get(rule.id);
        if (target.isContextOnly || !targetSetting) continue;
        finding.severity =
          request.completeTaskSet && rule.completeTaskSetSeverity && targetSetting.severity === rule.defaultSeverity
            ? rule.completeTaskSetSeverity
            : targetSetting.severity;
        findings.push(finding);
      }
    } catch (error) {
      failures.push({ ruleId: rule.id, filePath: home.filePath, message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (request.timings) request.timings.set(rule.id, (request.timings.get(rule.id) ?? 0) + performance.now() - started);
    }
  };
  const common = (document: RunnableDocument, rule: Rule) => ({
    apiVersion: document.apiVersion,
    options: document.settings.get(rule.id)?.options,
    now: request.now,
    completeTaskSet: request.completeTaskSet,
  });

  const { project } = request;
  const jobPools = new Map(project.jobs.map((entry) => [entry.job, entry]));
  for (const document of request.documents) {
    if (document.isContextOnly) continue;
    for (const rule of scopeRules('document')) {
      invoke(rule, document, document.asEntity, (report) => ({ ...common(document, rule), document: document.asEntity, byteLength: document.byteLength, report }));
    }
    for (const entity of document.entities) {
      const set = project.taskSetOf.get(entity);
      const job: JobContext | undefined = set?.job;
      const pool: PoolContext | undefined = entity.kind === 'job' ? jobPools.get(entity)?.pool : set?.pool ?? project.poolOf.get(entity);
      for (const rule of scopeRules('entity')) {
        invoke(rule, document, entity, (report) => ({ ...common(document, rule), entity, job: entity.kind === 'task' ? job : undefined, pool, report }));
      }
      if (entity.kind === 'task') {
        for (const rule of scopeRules('task')) {
          invoke(rule, document, entity, (report) => ({ ...common(document, rule), task: entity, job, pool, report }));
        }
      } else if (entity.kind === 'job') {
        const entry = jobPools.get(entity);
        for (const rule of scopeRules('job')) {
          invoke(rule, document, entity, (report) => ({ ...common(document, rule), job: entity, pool: entry?.pool, tasks: entry?.tasks ?? [], report }));
        }
      } else {
        for (const rule of scopeRules('pool')) {
          invoke(rule, document, entity, (report) => ({ ...common(document, rule), pool: entity, report }));
        }
      }
    }
  }
  for (const set of project.taskSets) {
    const home = homeDocument(set, documentOf);
    if (!home) continue;
    for (const rule of scopeRules('taskSet')) {
      invoke(rule, home, set.tasks[0] ?? set.job.entity, (report) => ({ ...common(home, rule), job: set.job, pool: set.pool, tasks: set.tasks, report }));
    }
  }
  return { findings, failures };
}

/** The document whose settings govern a task set's rules: the job's, else its first linted task's. */
function homeDocument(set: TaskSet, documentOf: Map<EntityRef, RunnableDocument>): RunnableDocument | undefined {
  const jobDocument = documentOf.get(set.job.entity);
  if (jobDocument && !jobDocument.isContextOnly) return jobDocument;
  for (const task of set.tasks) {
    const document = documentOf.get(task);
    if (document && !document.isContextOnly) return document;
  }
  return undefined;
}

function toRawFinding(rule: Rule, subject: EntityRef, input: unknown, documentOf: Map<EntityRef, RunnableDocument>): RawFinding {
  const report = input as {
    messageId?: unknown;
    pointer?: unknown;
    target?: unknown;
    entity?: EntityRef;
    data?: Record<string, string | number>;
    related?: RelatedPlace[];
    fingerprintValue?: unknown;
  };
  const messageId = String(report.messageId);
  const template = rule.messages[messageId];
  if (template === undefined) throw new Error(`reported unknown message id "${messageId}"`);
  const data = report.data ?? {};
  renderMessage(template, data);
  const place = toPlace(report.entity ?? subject, report.pointer, report.target, documentOf);
  const entity = report.entity ?? subject;
  const related = (report.related ?? []).map((relatedPlace) => ({
    ...toPlace(relatedPlace.entity ?? subject, relatedPlace.pointer, relatedPlace.target, documentOf),
    label: String(relatedPlace.label),
  }));
  const relative = typeof report.pointer === 'string' ? report.pointer : '';
  return {
    rule,
    messageId,
    severity: rule.defaultSeverity,
    data,
    ...place,
    related,
    anchor: anchorFor(entity, relative),
    fingerprintValue: typeof report.fingerprintValue === 'string' ? report.fingerprintValue : undefined,
  };
}

function toPlace(entity: EntityRef, pointer: unknown, target: unknown, documentOf: Map<EntityRef, RunnableDocument>): DocumentPlace {
  const document = documentOf.get(entity);
  if (!document) throw new Error('reported a place in an entity that is not part of this run');
  if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) throw new Error(`reported an invalid JSON Pointer ${JSON.stringify(pointer)}`);
  const absolute = entity.pointer + pointer;
  if (resolvePointer(document.value, absolute) === undefined) throw new Error(`reported a pointer that does not exist in ${document.filePath}: "${absolute}"`);
  return { documentIndex: document.index, pointer: absolute, target: target === 'key' ? 'key' : 'value' };
}

/** `task[render-0042]/resourceFiles/0/httpUrl`: survives re-indentation and tasks inserted before. */
export function anchorFor(entity: EntityRef, relativePointer: string): string {
  const identity = entity.id !== undefined ? `[${entity.id}]` : entity.kind === 'task' && entity.role === 'task' ? `@${entity.pointer}` : '';
  const role = entity.kind === 'task' && entity.role !== 'task' ? entity.role : entity.kind;
  return `${role}${identity}${relativePointer}`;
}
