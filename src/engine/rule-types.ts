import type { ApiVersion } from '../project/api-versions.js';

export type Severity = 'error' | 'warn' | 'info';
export type SeveritySetting = Severity | 'off';
/**
 * What a rule checks: one task-like body, one job, one pool, every entity of any kind (schema-style
 * checks), all tasks bound to one job, or a whole document.
 */
export type RuleScope = 'task' | 'job' | 'pool' | 'entity' | 'taskSet' | 'document';
export type RuleCategory =
  | 'syntax'
  | 'schema'
  | 'correctness'
  | 'reliability'
  | 'security'
  | 'compatibility'
  | 'style';

/** Untrusted JSON as the document holds it: rules must check every type they rely on. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * The role an entity plays: which task-like slot of a job or pool it fills. `repeatTask` and
 * `mergeTask` are the bodies of a CLI-extension `parametricSweep` or `taskPerFile` task factory
 * (reference Part D, T3): task add bodies without `id` and `dependsOn`, which the extension
 * generates (ids "0"…"N-1"; the merge task "merge", depending on all of them). They are not part
 * of any task set, so rules limited to role `task` leave them alone.
 */
export type TaskRole = 'task' | 'jobManagerTask' | 'jobPreparationTask' | 'jobReleaseTask' | 'startTask' | 'repeatTask' | 'mergeTask';

type PlaceholderNames<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholderNames<Rest>
  : never;

export type MessageData<Template extends string> = [PlaceholderNames<Template>] extends [never]
  ? { data?: Record<string, never> }
  : { data: Record<PlaceholderNames<Template>, string | number> };

/** A place in some entity's document: `pointer` is relative to the entity it belongs to. */
export interface PlaceRef {
  /** The entity the pointer is relative to; defaults to the entity being checked. */
  entity?: EntityRef;
  pointer: string;
  /** Highlight the member's key rather than its value (for misplaced or unknown properties). */
  target?: 'key' | 'value';
}

export interface RelatedPlace extends PlaceRef {
  /** Short label shown with the related location, e.g. "first defined here". */
  label: string;
}

export type ReportInput<Messages extends Record<string, string>> = {
  [Id in keyof Messages & string]: {
    messageId: Id;
    related?: RelatedPlace[];
    /** The offending value used for the stable fingerprint when it is not the value at `pointer`. */
    fingerprintValue?: string;
  } & PlaceRef &
    MessageData<Messages[Id]>;
}[keyof Messages & string];

/** An entity as rules see it: a task, job or pool body inside some document. */
export interface EntityRef {
  readonly kind: 'task' | 'job' | 'pool';
  readonly role: TaskRole | 'job' | 'pool';
  readonly value: JsonValue;
  /** JSON Pointer of the entity body inside its document. */
  readonly pointer: string;
  /** Repository-relative path of the document, forward slashes. */
  readonly filePath: string;
  /** True inside a CLI-extension template or application template, where `[parameters('x')]` may stand anywhere. */
  readonly isTemplate: boolean;
  /** The shape of the document that holds it (Part D ids). */
  readonly documentShape: DocumentShape;
  /**
   * The Batch REST definition the body follows: TaskAddParameter, JobManagerTask,
   * JobPreparationTask, JobReleaseTask, StartTask, JobAddParameter, JobSpecification,
   * PoolAddParameter or PoolSpecification.
   */
  readonly definition: EntityDefinition;
  /** The id the body carries, when it is a string (used to anchor fingerprints and messages). */
  readonly id: string | undefined;
}

export type EntityDefinition =
  | 'TaskAddParameter'
  | 'JobManagerTask'
  | 'JobPreparationTask'
  | 'JobReleaseTask'
  | 'StartTask'
  | 'JobAddParameter'
  | 'JobSpecification'
  | 'PoolAddParameter'
  | 'PoolSpecification';

export type DocumentShape =
  | 'task'
  | 'task-collection'
  | 'task-array'
  | 'job'
  | 'job-schedule'
  | 'pool'
  | 'spec-example'
  | 'job-template'
  | 'pool-template'
  | 'extended-job'
  | 'application-template'
  | 'parameter-file'
  | 'not-batch';

export interface JobContext {
  readonly entity: EntityRef;
  readonly value: JsonObject;
  /** True when the job was synthesised for a folder of task files that have no job body. */
  readonly isAnonymous: boolean;
}

export interface PoolContext {
  readonly entity: EntityRef;
  readonly value: JsonObject;
  /** 'linux' | 'windows' from nodeAgentSKUId / image; undefined when it cannot be told. */
  readonly os: 'linux' | 'windows' | undefined;
}

interface CommonContext<Options> {
  readonly apiVersion: ApiVersion;
  readonly options: Options;
  /** The lint clock (ISO instant) for time-dependent rules such as SAS expiry. */
  readonly now: Date;
  /** The user declared that the linted files hold every task of their jobs (--complete-task-set). */
  readonly completeTaskSet: boolean;
}

export interface TaskCheckContext<Messages extends Record<string, string>, Options> extends CommonContext<Options> {
  readonly task: EntityRef;
  readonly job: JobContext | undefined;
  readonly pool: PoolContext | undefined;
  report(input: ReportInput<Messages>): void;
}

export interface JobCheckContext<Messages extends Record<string, string>, Options> extends CommonContext<Options> {
  readonly job: EntityRef;
  readonly pool: PoolContext | undefined;
  /** Every task bound to this job (job manager task included), in a stable order. */
  readonly tasks: readonly EntityRef[];
  report(input: ReportInput<Messages>): void;
}

export interface PoolCheckContext<Messages extends Record<string, string>, Options> extends CommonContext<Options> {
  readonly pool: EntityRef;
  report(input: ReportInput<Messages>): void;
}

export interface EntityCheckContext<Messages extends Record<string, string>, Options> extends CommonContext<Options> {
  /** A task-like body, a job or a pool: check `entity.kind` and `entity.definition`. */
  readonly entity: EntityRef;
  /** For tasks and jobs: the job they belong to, when known. */
  readonly job: JobContext | undefined;
  /** For tasks and jobs: the pool they run on, when known. */
  readonly pool: PoolContext | undefined;
  report(input: ReportInput<Messages>): void;
}

export interface TaskSetCheckContext<Messages extends Record<string, string>, Options> extends CommonContext<Options> {
  /** The job the tasks are bound to (synthesised, with `isAnonymous`, for a folder without a job body). */
  readonly job: JobContext;
  readonly pool: PoolContext | undefined;
  /** Every task bound to this job across all files (job manager task included), in a stable order. */
  readonly tasks: readonly EntityRef[];
  report(input: ReportInput<Messages>): void;
}

export interface DocumentCheckContext<Messages extends Record<string, string>, Options> extends CommonContext<Options> {
  /** The whole document as an entity-like reference (kind 'task' is meaningless here; use `documentShape`). */
  readonly document: EntityRef;
  /** Length of the document text in UTF-8 bytes. */
  readonly byteLength: number;
  report(input: ReportInput<Messages>): void;
}

interface RuleDefinitionBase<Messages extends Record<string, string>, Options> {
  /** Kebab-case, the same in the file name, fixture folder, docs page, config key and SARIF ruleId. */
  id: string;
  /** One sentence, shown in --list-rules, the docs lead line, the README table and SARIF shortDescription. */
  summary: string;
  /** Why it matters in Azure Batch (Markdown): docs "Why" and SARIF fullDescription. */
  rationale: string;
  /** What to do about it (Markdown): docs "How to fix" and SARIF help. */
  howToFix: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** In batchlint:recommended. Rules are in batchlint:all regardless. */
  recommended: boolean;
  /** SARIF precision: how often a finding is a true problem. */
  precision?: 'very-high' | 'high' | 'medium' | 'low';
  /** SARIF security-severity ("0.0"-"10.0"), only for real security rules. */
  securitySeverity?: string;
  messages: Messages;
  /** The default severity when the user declares the task set complete (--complete-task-set). */
  completeTaskSetSeverity?: Severity;
  options?: { schema: object; defaults: Options };
  /** Sources in the Batch documentation or specification, shown on the docs page. */
  references?: readonly string[];
}

export type RuleDefinition<Messages extends Record<string, string>, Options> =
  | (RuleDefinitionBase<Messages, Options> & { scope: 'task'; check(context: TaskCheckContext<Messages, Options>): void })
  | (RuleDefinitionBase<Messages, Options> & { scope: 'job'; check(context: JobCheckContext<Messages, Options>): void })
  | (RuleDefinitionBase<Messages, Options> & { scope: 'pool'; check(context: PoolCheckContext<Messages, Options>): void })
  | (RuleDefinitionBase<Messages, Options> & {
      scope: 'entity';
      check(context: EntityCheckContext<Messages, Options>): void;
    })
  | (RuleDefinitionBase<Messages, Options> & {
      scope: 'taskSet';
      check(context: TaskSetCheckContext<Messages, Options>): void;
    })
  | (RuleDefinitionBase<Messages, Options> & {
      scope: 'document';
      check(context: DocumentCheckContext<Messages, Options>): void;
    });

/** A rule after definition: the engine treats every scope through this erased shape. */
export type Rule = RuleDefinition<Record<string, string>, any>;
