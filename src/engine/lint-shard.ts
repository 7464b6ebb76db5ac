import { Buffer } from 'node:buffer';
import type { ApiVersion } from '../project/api-versions.js';
import type { Project } from '../project/build-project.js';
import { poolContext } from '../project/build-project.js';
import { loadText, readFileBytes, UnreadableFileError, type LoadedText } from '../document/load-document.js';
import { locateFindings, type LocatableDocument } from '../document/locate-findings.js';
import type { LintMessage } from '../formatters/lint-result.js';
import { loadEntitySchemas } from '../schema/check-entity-schema.js';
import type { RawFinding, RuleFailure } from './finding.js';
import { runRules, type RunnableDocument } from './run-rules.js';
import type { EntityRef, JobContext, PoolContext, Rule, Severity } from './rule-types.js';
import { isJsonObject } from './untrusted-json.js';

/**
 * A shard of a run checked in a worker thread: the main thread has read, parsed and bound every
 * document; a worker re-reads the shard's files (re-parsing small files is cheaper than cloning
 * their values), rebuilds the job and pool contexts each entity was bound to, runs the per-document
 * rules (document, entity, task, job and pool scopes), locates and renders the findings, and sends
 * back, per checked document, its messages in run order. Task-set rules, which need every task of
 * a job, stay on the main thread, as do documents that hold a job (their job rules see all tasks).
 */

export interface ShardDocument {
  index: number;
  absolutePath: string;
  filePath: string;
  apiVersion: ApiVersion;
  isContextOnly: boolean;
  /** Index into `ShardRequest.settings`. */
  settingsId: number;
  /** Set for documents that are not files (inline job or pool bodies from the config). */
  inlineText?: string;
  /** What the main thread read, to notice a file that changed since. */
  byteLength: number;
  entityCount: number;
}

/** An entity as `document index / entity index`: entities are recognised in the same order everywhere. */
export interface EntityAddress {
  documentIndex: number;
  entityIndex: number;
}

/** The contexts the main thread bound one entity of a checked document to. */
export interface EntityBinding {
  entity: EntityAddress;
  /** The entity belongs to a task set: its job (a placeholder for an anonymous one) and pool. */
  set?: { key: string; job: EntityAddress | { anonymousLabel: string }; pool: EntityAddress | undefined };
  /** Pool context of a start task or auto-pool specification. */
  poolOf?: EntityAddress;
}

export interface ShardRequest {
  documents: ShardDocument[];
  /** Indexes of the documents whose rules this shard runs. */
  checked: number[];
  bindings: EntityBinding[];
  settings: Array<Array<[string, { severity: Severity; options: unknown }]>>;
  /** Ids of the rules to run (enabled somewhere, loader rules excluded). */
  ruleIds: string[];
  plugins: Array<{ specifier: string; directory: string }>;
  now: string;
  completeTaskSet: boolean;
  collectStats: boolean;
}

/** A located message and the document it belongs to (a rule may report in the job's or pool's file). */
export type PlacedMessage = [documentIndex: number, message: LintMessage];

export interface ShardResult {
  units: Array<{ documentIndex: number; messages: PlacedMessage[]; failures: RuleFailure[] }>;
  timings: Array<[string, number]>;
  stages: Record<string, number>;
  /** Set when a file no longer matches what the main thread read: the main thread checks the shard itself. */
  changed?: string;
}

/** The whole document as an entity-like reference, for document-scope rules. */
export function documentEntity(loaded: LoadedText, filePath: string): EntityRef {
  return {
    kind: 'task', role: 'task', definition: 'TaskAddParameter', value: (loaded.value ?? null) as EntityRef['value'], pointer: '', filePath,
    isTemplate: false, documentShape: loaded.recognised.shape, id: undefined,
  };
}

/**
 * Locate findings and return one message per finding, in the findings' order. locateFindings
 * groups messages by document but keeps each document's messages in input order, so walking the
 * findings with one cursor per document pairs them up again.
 */
export function locateInRunOrder(findings: readonly RawFinding[], documents: readonly LocatableDocument[]): PlacedMessage[] {
  const byDocument = locateFindings(findings, documents);
  const cursor = new Map<number, number>();
  return findings.map((finding) => {
    const position = cursor.get(finding.documentIndex) ?? 0;
    cursor.set(finding.documentIndex, position + 1);
    return [finding.documentIndex, byDocument.get(finding.documentIndex)![position]!];
  });
}

/** Check one shard with the given rules (built-ins and plugins, loaded by the caller). */
export async function checkShard(request: ShardRequest, allRules: readonly Rule[]): Promise<ShardResult> {
  const stages: Record<string, number> = {};
  let started = performance.now();
  const settings = request.settings.map((entries) => new Map(entries));
  const documents: Array<RunnableDocument & LocatableDocument> = [];
  const located: Array<LocatableDocument | undefined> = [];
  const entitiesOf = new Map<number, readonly EntityRef[]>();
  for (const shardDocument of request.documents) {
    let loaded: LoadedText;
    try {
      const bytes = shardDocument.inlineText !== undefined ? Buffer.from(shardDocument.inlineText, 'utf8') : readFileBytes(shardDocument.absolutePath);
      loaded = loadText(bytes, shardDocument.filePath);
    } catch (error) {
      if (error instanceof UnreadableFileError) return { units: [], timings: [], stages, changed: `${shardDocument.filePath}: ${error.message}` };
      throw error;
    }
    if (loaded.byteLength !== shardDocument.byteLength || loaded.recognised.entities.length !== shardDocument.entityCount) {
      return { units: [], timings: [], stages, changed: `${shardDocument.filePath} changed during the run` };
    }
    const document = {
      index: shardDocument.index,
      absolutePath: shardDocument.absolutePath,
      filePath: shardDocument.filePath,
      text: loaded.text,
      value: loaded.value,
      entities: loaded.recognised.entities,
      asEntity: documentEntity(loaded, shardDocument.filePath),
      byteLength: loaded.byteLength,
      apiVersion: shardDocument.apiVersion,
      isContextOnly: shardDocument.isContextOnly,
      settings: settings[shardDocument.settingsId]!,
    };
    documents.push(document);
    located[document.index] = document;
    entitiesOf.set(document.index, document.entities);
  }
  documents.sort((a, b) => a.index - b.index);
  stages['worker load'] = performance.now() - started;

  started = performance.now();
  const entityAt = (address: EntityAddress): EntityRef => entitiesOf.get(address.documentIndex)![address.entityIndex]!;
  const jobContexts = new Map<string, JobContext>();
  const poolContexts = new Map<EntityRef, PoolContext>();
  const poolAt = (address: EntityAddress): PoolContext => {
    const entity = entityAt(address);
    let context = poolContexts.get(entity);
    if (!context) poolContexts.set(entity, (context = poolContext(entity)));
    return context;
  };
  const project: Project = { taskSets: [], jobs: [], pools: [], taskSetOf: new Map(), poolOf: new Map() };
  for (const binding of request.bindings) {
    const entity = entityAt(binding.entity);
    if (binding.set) {
      const { key, job: jobAddress, pool } = binding.set;
      let job = jobContexts.get(key);
      if (!job) {
        const jobEntity: EntityRef = 'anonymousLabel' in jobAddress
          ? { kind: 'job', role: 'job', definition: 'JobAddParameter', value: {}, pointer: '', filePath: jobAddress.anonymousLabel, isTemplate: false, documentShape: 'job', id: undefined }
          : entityAt(jobAddress);
        job = { entity: jobEntity, value: isJsonObject(jobEntity.value) ? jobEntity.value : {}, isAnonymous: 'anonymousLabel' in jobAddress };
        jobContexts.set(key, job);
      }
      project.taskSetOf.set(entity, { key, job, pool: pool === undefined ? undefined : poolAt(pool), tasks: [], reason: '', poolReason: '' });
    }
    if (binding.poolOf) project.poolOf.set(entity, poolAt(binding.poolOf));
  }
  const wanted = new Set(request.ruleIds);
  for (const version of new Set(documents.map((document) => document.apiVersion))) await loadEntitySchemas(version);
  const checked = new Set(request.checked);
  const timings = request.collectStats ? new Map<string, number>() : undefined;
  const { units } = runRules({
    documents,
    project,
    rules: allRules.filter((rule) => wanted.has(rule.id)),
    now: new Date(request.now),
    completeTaskSet: request.completeTaskSet,
    checkDocument: (document) => checked.has(document.index),
    runTaskSets: false,
    ...(timings && { timings }),
  });
  stages['worker rules'] = performance.now() - started;

  started = performance.now();
  const messages = locateInRunOrder(units.flatMap((unit) => unit.findings), located as LocatableDocument[]);
  let offset = 0;
  const result: ShardResult = {
    units: units.map((unit) => {
      const placed = messages.slice(offset, (offset += unit.findings.length));
      return { documentIndex: unit.documentIndex!, messages: placed, failures: unit.failures };
    }),
    timings: timings ? [...timings] : [],
    stages,
  };
  stages['worker locate'] = performance.now() - started;
  return result;
}
