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
  /** The documents whose own rules run here (default: every linted one); the others run in a worker. */
  checkDocument?: (document: RunnableDocument) => boolean;
  /** Run the task-set rules (default true); a worker leaves them to the main thread, which sees every task. */
  runTaskSets?: boolean;
}

/** What checking one document (or all task sets, `documentIndex` undefined) produced, in run order. */
export interface RuleRunUnit {
  documentIndex: number | undefined;
  findings: RawFinding[];
  failures: RuleFailure[];
}

export interface RuleRunResult {
  findings: RawFinding[];
  failures: RuleFailure[];
  /** The same findings and failures by checked unit: output order must not depend on which thread checked a unit. */
  units: RuleRunUnit[];
}

/** The one object shape behind every scope's check context. */
interface RuleContextObject {
  apiVersion: ApiVersion;
  options: unknown;
  now: Date;
  completeTaskSet: boolean;
  report: (input: unknown) => void;
  document: EntityRef | undefined;
  byteLength: number | undefined;
  entity: EntityRef | undefined;
  task: EntityRef | undefined;
  job: unknown;
  pool: unknown;
  tasks: readonly EntityRef[] | undefined;
}

/** Run every enabled rule on its scope; a rule that throws loses its findings for that unit only. */
export function runRules(request: RuleRunRequest): RuleRunResult {
  const units: RuleRunUnit[] = [];
  let unit: RuleRunUnit = { documentIndex: undefined, findings: [], failures: [] };
  const startUnit = (documentIndex: number | undefined) => {
    unit = { documentIndex, findings: [], failures: [] };
    units.push(unit);
  };
  const documentOf = new Map<EntityRef, RunnableDocument>();
  // A worker holds only some of the run's documents: address them by index, not by array position.
  const documentAt = new Map<number, RunnableDocument>();
  for (const document of request.documents) {
    documentAt.set(document.index, document);
    documentOf.set(document.asEntity, document);
    for (const entity of document.entities) documentOf.set(entity, document);
  }
  // Rules enabled for a settings map, by scope: documents share settings maps, so this is computed once per distinct config.
  const enabledCache = new WeakMap<RunnableDocument['settings'], Map<Rule['scope'], Rule[]>>();
  const enabled = (settings: RunnableDocument['settings'], scope: Rule['scope']): readonly Rule[] => {
    let byScope = enabledCache.get(settings);
    if (!byScope) {
      byScope = new Map();
      for (const rule of request.rules) {
        if (!settings.has(rule.id)) continue;
        const list = byScope.get(rule.scope) ?? [];
        list.push(rule);
        byScope.set(rule.scope, list);
      }
      enabledCache.set(settings, byScope);
    }
    return byScope.get(scope) ?? [];
  };

  // One context object per checked unit, reused across its rules: only `options` changes between them.
  let currentRule: Rule | undefined;
  let currentSubject: EntityRef | undefined;
  let pending: RawFinding[] | undefined;
  const report = (input: unknown) => {
    (pending ??= []).push(toRawFinding(currentRule!, currentSubject!, input, documentOf));
  };
  // Each rule's options for a settings map, looked up once rather than once per rule and entity.
  const optionsCache = new WeakMap<RunnableDocument['settings'], WeakMap<readonly Rule[], unknown[]>>();
  const optionsOf = (settings: RunnableDocument['settings'], rules: readonly Rule[]): unknown[] => {
    let byList = optionsCache.get(settings);
    if (!byList) optionsCache.set(settings, (byList = new WeakMap()));
    let options = byList.get(rules);
    if (!options) byList.set(rules, (options = rules.map((rule) => settings.get(rule.id)!.options)));
    return options;
  };
  const { timings } = request;
  const runAll = (rules: readonly Rule[], home: RunnableDocument, subject: EntityRef, context: RuleContextObject) => {
    const options = optionsOf(home.settings, rules);
    currentSubject = subject;
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index]!;
      context.options = options[index];
      currentRule = rule;
      pending = undefined;
      const started = timings ? performance.now() : 0;
      try {
        (rule.check as (context: object) => void)(context);
        if (pending) keep(rule, pending);
      } catch (error) {
        unit.failures.push({ ruleId: rule.id, filePath: home.filePath, message: error instanceof Error ? error.message : String(error) });
      }
      if (timings) timings.set(rule.id, (timings.get(rule.id) ?? 0) + performance.now() - started);
    }
  };
  const keep = (rule: Rule, reported: RawFinding[]) => {
    for (const finding of reported) {
      const target = documentAt.get(finding.documentIndex)!;
      const targetSetting = target.settings.get(rule.id);
      if (target.isContextOnly || !targetSetting) continue;
      finding.severity =
        request.completeTaskSet && rule.completeTaskSetSeverity && targetSetting.severity === rule.defaultSeverity
          ? rule.completeTaskSetSeverity
          : targetSetting.severity;
      unit.findings.push(finding);
    }
  };
  // Every context has the same fields in the same order (undefined where a scope has none), so that
  // rules read them through one object shape rather than a handful.
  const contextFor = (
    document: RunnableDocument,
    fields: { document?: EntityRef; entity?: EntityRef; task?: EntityRef; job?: unknown; pool?: unknown; tasks?: readonly EntityRef[] },
  ): RuleContextObject => ({
    apiVersion: document.apiVersion,
    options: undefined,
    now: request.now,
    completeTaskSet: request.completeTaskSet,
    report,
    document: fields.document,
    byteLength: fields.document === undefined ? undefined : document.byteLength,
    entity: fields.entity,
    task: fields.task,
    job: fields.job,
    pool: fields.pool,
    tasks: fields.tasks,
  });

  const { project } = request;
  const jobPools = new Map(project.jobs.map((entry) => [entry.job, entry]));
  for (const document of request.documents) {
    if (document.isContextOnly || (request.checkDocument && !request.checkDocument(document))) continue;
    startUnit(document.index);
    const { settings } = document;
    const documentRules = enabled(settings, 'document');
    if (documentRules.length > 0) {
      runAll(documentRules, document, document.asEntity, contextFor(document, { document: document.asEntity }));
    }
    const entityRules = enabled(settings, 'entity');
    const taskRules = enabled(settings, 'task');
    const jobRules = enabled(settings, 'job');
    const poolRules = enabled(settings, 'pool');
    for (const entity of document.entities) {
      const set = project.taskSetOf.get(entity);
      const job: JobContext | undefined = set?.job;
      const pool: PoolContext | undefined = entity.kind === 'job' ? jobPools.get(entity)?.pool : set?.pool ?? project.poolOf.get(entity);
      if (entityRules.length > 0) {
        runAll(entityRules, document, entity, contextFor(document, { entity, job: entity.kind === 'task' ? job : undefined, pool }));
      }
      if (entity.kind === 'task') {
        if (taskRules.length > 0) runAll(taskRules, document, entity, contextFor(document, { task: entity, job, pool }));
      } else if (entity.kind === 'job') {
        const entry = jobPools.get(entity);
        if (jobRules.length > 0) runAll(jobRules, document, entity, contextFor(document, { job: entity, pool: entry?.pool, tasks: entry?.tasks ?? [] }));
      } else if (poolRules.length > 0) {
        runAll(poolRules, document, entity, contextFor(document, { pool: entity }));
      }
    }
  }
  if (request.runTaskSets !== false) startUnit(undefined);
  for (const set of request.runTaskSets === false ? [] : project.taskSets) {
    const home = homeDocument(set, documentOf);
    if (!home) continue;
    const setRules = enabled(home.settings, 'taskSet');
    if (setRules.length > 0) runAll(setRules, home, set.tasks[0] ?? set.job.entity, contextFor(home, { job: set.job, pool: set.pool, tasks: set.tasks }));
  }
  return { findings: units.flatMap((each) => each.findings), failures: units.flatMap((each) => each.failures), units };
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
