import os from 'node:os';
import type { Project } from '../project/build-project.js';
import type { EntityRef } from './rule-types.js';
import type { RunnableDocument } from './run-rules.js';
import type { EntityAddress, EntityBinding, ShardDocument, ShardRequest, ShardResult } from './lint-shard.js';

/** `--concurrency`: `auto`, `off`, or a number of worker threads. */
export type Concurrency = 'auto' | 'off' | number;

/** Below this many files a worker's start-up (loading every rule) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 200;
/** `auto` uses workers only on machines with at least this many CPUs. */
const MIN_CPUS_FOR_AUTO = 4;
/** Each worker should get at least this many files. */
const MIN_FILES_PER_WORKER = 200;

/** How many worker threads to start for `candidates` files that a worker could check. */
export function workerCount(concurrency: Concurrency, candidates: number): number {
  if (concurrency === 'off' || candidates === 0) return 0;
  if (concurrency !== 'auto') return Math.max(0, Math.min(Math.floor(concurrency), candidates));
  if (candidates < MIN_FILES_FOR_WORKERS) return 0;
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // On 2 cores one worker cost 1.4 CPU s more on 10,000 files (re-reading, re-parsing, loading the
  // rules) and did not shorten the run: below MIN_CPUS_FOR_AUTO, auto stays single-threaded.
  if (cpus < MIN_CPUS_FOR_AUTO) return 0;
  // Half the CPUs: the main thread keeps working (its share, task sets, locating) while the workers run.
  return Math.max(0, Math.min(Math.floor(cpus / 2), Math.floor(candidates / MIN_FILES_PER_WORKER)));
}

/** What the planner needs of a document beyond what the rule runner sees. */
export interface ShardableDocument extends RunnableDocument {
  absolutePath: string;
  /** Text of a document that is not a file (an inline body from the config). */
  inlineText?: string;
}

export interface ShardPlan {
  /** One request per worker. */
  requests: ShardRequest[];
  /** Documents left to the main thread's own share. */
  offloaded: Set<number>;
}

/**
 * Split the documents a worker may check (files without a job entity) into `workers + 1`
 * contiguous parts of about equal bytes; the main thread keeps the first.
 */
export function planShards(
  documents: readonly ShardableDocument[],
  candidates: readonly ShardableDocument[],
  workers: number,
  project: Project,
  base: Omit<ShardRequest, 'documents' | 'checked' | 'bindings' | 'settings'>,
): ShardPlan {
  const settingsIds = new Map<RunnableDocument['settings'], number>();
  const settings: ShardRequest['settings'] = [];
  const settingsId = (map: RunnableDocument['settings']) => {
    let id = settingsIds.get(map);
    if (id === undefined) {
      settingsIds.set(map, (id = settings.length));
      settings.push([...map]);
    }
    return id;
  };
  const addressOf = new Map<EntityRef, EntityAddress>();
  for (const document of documents) document.entities.forEach((entity, entityIndex) => addressOf.set(entity, { documentIndex: document.index, entityIndex }));

  const totalBytes = candidates.reduce((sum, document) => sum + document.byteLength, 0);
  const parts: ShardableDocument[][] = Array.from({ length: workers + 1 }, () => []);
  let bytesSoFar = 0;
  for (const document of candidates) {
    const part = Math.min(workers, Math.floor((bytesSoFar / Math.max(1, totalBytes)) * (workers + 1)));
    parts[part]!.push(document);
    bytesSoFar += document.byteLength;
  }

  const offloaded = new Set<number>();
  const requests = parts.slice(1).filter((part) => part.length > 0).map((part): ShardRequest => {
    const needed = new Set<number>();
    const bindings: EntityBinding[] = [];
    const need = (entity: EntityRef | undefined): EntityAddress | undefined => {
      const address = entity && addressOf.get(entity);
      if (address) needed.add(address.documentIndex);
      return address;
    };
    for (const document of part) {
      offloaded.add(document.index);
      needed.add(document.index);
      document.entities.forEach((entity, entityIndex) => {
        const binding: EntityBinding = { entity: { documentIndex: document.index, entityIndex } };
        const set = project.taskSetOf.get(entity);
        if (set) {
          const job = set.job.isAnonymous ? { anonymousLabel: set.job.entity.filePath } : need(set.job.entity);
          if (job === undefined) throw new Error(`task set ${set.key}: its job is not a document of this run`);
          binding.set = { key: set.key, job, pool: set.pool ? need(set.pool.entity) : undefined };
        }
        const poolOf = project.poolOf.get(entity);
        if (poolOf) binding.poolOf = need(poolOf.entity);
        if (binding.set || binding.poolOf) bindings.push(binding);
      });
    }
    const shardDocuments: ShardDocument[] = documents
      .filter((document) => needed.has(document.index))
      .map((document) => ({
        index: document.index,
        absolutePath: document.absolutePath,
        filePath: document.filePath,
        apiVersion: document.apiVersion,
        isContextOnly: document.isContextOnly,
        settingsId: settingsId(document.settings),
        ...(document.inlineText !== undefined && { inlineText: document.inlineText }),
        byteLength: document.byteLength,
        entityCount: document.entities.length,
      }));
    return { ...base, documents: shardDocuments, checked: part.map((document) => document.index), bindings, settings: settings.slice() };
  });
  return { requests, offloaded };
}

/** Run one shard in a worker thread; an Error when the worker failed (the caller checks the shard itself). */
export async function runShardInWorker(workerUrl: URL, request: ShardRequest): Promise<ShardResult | Error> {
  // Loading worker_threads costs about 9 ms: only runs that start workers pay it.
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: ShardResult | Error) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    let worker: InstanceType<typeof Worker>;
    try {
      // The parent's --cpu-prof and similar flags stay with the parent.
      worker = new Worker(workerUrl, { workerData: request, execArgv: [] });
    } catch (error) {
      settle(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    worker.on('message', (result: ShardResult) => {
      settle(result);
      void worker.terminate();
    });
    worker.on('error', (error) => settle(error));
    worker.on('exit', (code) => settle(new Error(`worker exited with code ${code} before it answered`)));
  });
}
