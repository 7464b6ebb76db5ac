import path from 'node:path';
import type { EntityRef, JobContext, JsonObject, PoolContext } from '../engine/rule-types.js';
import { isJsonObject, isTemplateExpression, objectMember, stringMember } from '../engine/untrusted-json.js';
import type { JobBinding } from '../config/resolve-config.js';
import { poolOperatingSystem } from './pool-os.js';

/** What the project builder needs to know of a loaded document. */
export interface ProjectDocument {
  absolutePath: string;
  /** Path relative to the cwd, forward slashes. */
  filePath: string;
  entities: readonly EntityRef[];
  jobIdHint?: string;
  /** Loaded only to give context (a bound job or pool file); its own findings are not reported. */
  isContextOnly: boolean;
}

/** All tasks bound to one job, across files. */
export interface TaskSet {
  /** Stable identity for ordering: the job's file and pointer, or the anonymous key. */
  key: string;
  job: JobContext;
  pool: PoolContext | undefined;
  tasks: EntityRef[];
  /** Why these tasks were bound here (for --print-context). */
  reason: string;
  poolReason: string;
}

export interface Project {
  taskSets: TaskSet[];
  /** Job entities with their pool, in document order. */
  jobs: Array<{ job: EntityRef; pool: PoolContext | undefined; tasks: EntityRef[] }>;
  pools: EntityRef[];
  /** For every task-like entity (start tasks included): its set, when it belongs to a job. */
  taskSetOf: Map<EntityRef, TaskSet>;
  /** Pool context of start tasks and of auto-pool specifications. */
  poolOf: Map<EntityRef, PoolContext>;
}

export interface ProjectRequest {
  documents: readonly ProjectDocument[];
  jobBindings: readonly JobBinding[];
  /** Load a job or pool file named by a binding or found as job.json; undefined when absent or unreadable. */
  loadContextDocument(absolutePath: string): ProjectDocument | undefined;
  /** The job.json that standalone task files in a directory belong to (nearest, walking up). */
  findJobFile(directory: string): string | undefined;
  /** Turn an inline job or pool body from the config into an entity. */
  inlineEntity(body: JsonObject, kind: 'job' | 'pool', source: string): EntityRef;
}

/** Bind tasks to their job and jobs to their pool (DESIGN §1.4, reference Part D.3). */
export function buildProject(request: ProjectRequest): Project {
  const poolsById = new Map<string, EntityRef>();
  const jobsById = new Map<string, EntityRef>();
  const documents = [...request.documents];
  const pools: EntityRef[] = [];
  const jobEntities: EntityRef[] = [];
  const jobTasks = new Map<EntityRef, EntityRef[]>();
  const autoPools = new Map<EntityRef, EntityRef>();

  const addDocument = (document: ProjectDocument) => {
    let currentJob: EntityRef | undefined;
    for (const entity of document.entities) {
      if (entity.kind === 'pool' && entity.definition === 'PoolAddParameter') {
        pools.push(entity);
        if (bindsById(entity) && !poolsById.has(entity.id!.toLowerCase())) poolsById.set(entity.id!.toLowerCase(), entity);
      } else if (entity.kind === 'pool' && currentJob) {
        autoPools.set(currentJob, entity);
      } else if (entity.kind === 'job') {
        currentJob = entity;
        jobEntities.push(entity);
        jobTasks.set(entity, []);
        if (bindsById(entity) && !jobsById.has(entity.id!.toLowerCase())) jobsById.set(entity.id!.toLowerCase(), entity);
      }
    }
  };
  documents.forEach(addDocument);

  const documentsByPath = new Map(documents.map((document) => [document.absolutePath, document]));
  const lintedJobs = new Set(jobEntities);
  const contextCache = new Map<string, ProjectDocument | undefined>();
  const contextDocument = (absolutePath: string): ProjectDocument | undefined => {
    const known = documentsByPath.get(absolutePath);
    if (known) return known;
    if (!contextCache.has(absolutePath)) {
      const loaded = request.loadContextDocument(absolutePath);
      contextCache.set(absolutePath, loaded);
      if (loaded) addDocument(loaded);
    }
    return contextCache.get(absolutePath);
  };
  const firstJobOf = (document: ProjectDocument | undefined) => document?.entities.find((entity) => entity.kind === 'job');

  const anonymousSets = new Map<string, TaskSet>();
  const setsByJob = new Map<EntityRef, TaskSet>();
  const taskSetOf = new Map<EntityRef, TaskSet>();
  const poolOf = new Map<EntityRef, PoolContext>();
  const explicitPools = new Map<EntityRef, { pool: EntityRef; reason: string }>();

  const setForJob = (job: EntityRef, reason: string): TaskSet => {
    let set = setsByJob.get(job);
    if (!set) {
      set = { key: `${job.filePath}#${job.pointer}`, job: jobContext(job, false), pool: undefined, tasks: [], reason, poolReason: '' };
      setsByJob.set(job, set);
    }
    return set;
  };
  const anonymousSet = (key: string, label: string, reason: string): TaskSet => {
    let set = anonymousSets.get(key);
    if (!set) {
      const placeholder: EntityRef = {
        kind: 'job', role: 'job', definition: 'JobAddParameter', value: {}, pointer: '', filePath: label,
        isTemplate: false, documentShape: 'job', id: undefined,
      };
      set = { key: `~${key}`, job: jobContext(placeholder, true), pool: undefined, tasks: [], reason, poolReason: 'no pool: the job is not known' };
      anonymousSets.set(key, set);
    }
    return set;
  };

  for (const document of request.documents) {
    let ownJob: EntityRef | undefined;
    // Where standalone tasks bind depends on their document only: decided once per document, not per task.
    let standaloneSet: TaskSet | undefined;
    for (const entity of document.entities) {
      if (entity.kind === 'job') {
        ownJob = entity;
        continue;
      }
      if (entity.kind !== 'task' || entity.role === 'startTask') continue;
      if (ownJob && entity.pointer.startsWith(ownJob.pointer)) {
        const set = setForJob(ownJob, `inside the job body of ${ownJob.filePath}`);
        if (entity.role === 'task' || entity.role === 'jobManagerTask') set.tasks.push(entity);
        jobTasks.get(ownJob)!.push(entity);
        taskSetOf.set(entity, set);
        continue;
      }
      const set = (standaloneSet ??= bindStandaloneTask(document, entity.documentShape));
      set.tasks.push(entity);
      taskSetOf.set(entity, set);
    }
  }

  function bindStandaloneTask(document: ProjectDocument, documentShape: EntityRef['documentShape']): TaskSet {
    if (documentShape === 'application-template') {
      return anonymousSet(`template:${document.absolutePath}`, document.filePath, `inside the application template ${document.filePath}`);
    }
    // A spec example is one request on its own: its placeholder job id ("jobId") means nothing across files.
    if (documentShape === 'spec-example') {
      return anonymousSet(`example:${document.absolutePath}`, document.filePath, `the request in the spec example ${document.filePath}`);
    }
    if (document.jobIdHint !== undefined) {
      const job = jobsById.get(document.jobIdHint.toLowerCase());
      if (job) return setForJob(job, `parameters.jobId "${document.jobIdHint}" of ${document.filePath}`);
      return anonymousSet(`job-id:${document.jobIdHint.toLowerCase()}`, document.filePath, `parameters.jobId "${document.jobIdHint}" (no job body with that id is linted)`);
    }
    const binding = request.jobBindings.find((candidate) => candidate.matcher.matches(document.filePath, document.absolutePath));
    if (binding) {
      const job = typeof binding.job === 'string' ? firstJobOf(contextDocument(binding.job)) : request.inlineEntity(binding.job, 'job', binding.source);
      if (job) {
        const set = setForJob(job, `config ${binding.source}: ${typeof binding.job === 'string' ? path.relative(process.cwd(), binding.job) : 'inline job body'}`);
        if (binding.pool !== undefined && !explicitPools.has(job)) {
          const pool = typeof binding.pool === 'string'
            ? contextDocument(binding.pool)?.entities.find((candidate) => candidate.kind === 'pool')
            : request.inlineEntity(binding.pool, 'pool', binding.source);
          if (pool) explicitPools.set(job, { pool, reason: `config ${binding.source}` });
        }
        return set;
      }
    }
    const directory = path.dirname(document.absolutePath);
    const jobFile = request.findJobFile(directory);
    if (jobFile !== undefined && jobFile !== document.absolutePath) {
      const job = firstJobOf(contextDocument(jobFile));
      if (job) return setForJob(job, `${path.relative(directory, jobFile).split(path.sep).join('/')} is the nearest job.json above ${document.filePath}`);
    }
    const folder = path.dirname(document.filePath);
    return anonymousSet(`dir:${directory}`, folder, `the tasks of folder ${folder} (no job.json and no config binding)`);
  }

  for (const job of jobEntities) {
    if (!setsByJob.has(job) && lintedJobs.has(job)) setForJob(job, `the job body ${job.filePath}`);
  }

  const poolContextFor = (job: EntityRef): { pool: PoolContext | undefined; reason: string } => {
    const auto = autoPools.get(job);
    if (auto) return { pool: poolContext(auto), reason: 'poolInfo.autoPoolSpecification.pool' };
    const explicit = explicitPools.get(job);
    if (explicit) return { pool: poolContext(explicit.pool), reason: explicit.reason };
    const poolId = stringMember(objectMember(job.value, 'poolInfo'), 'poolId');
    if (poolId === undefined) return { pool: undefined, reason: 'no poolInfo.poolId' };
    if (isTemplateExpression(poolId)) return { pool: undefined, reason: `poolInfo.poolId is the template expression ${poolId}` };
    if (job.documentShape === 'spec-example') return { pool: undefined, reason: 'spec examples stand alone' };
    const pool = poolsById.get(poolId.toLowerCase());
    if (pool) return { pool: poolContext(pool), reason: `poolInfo.poolId "${poolId}" → ${pool.filePath}` };
    return { pool: undefined, reason: `poolInfo.poolId "${poolId}" names no linted or configured pool` };
  };

  const jobs: Project['jobs'] = [];
  for (const job of jobEntities) {
    const { pool, reason } = poolContextFor(job);
    const set = setsByJob.get(job);
    if (set) {
      (set as { pool: PoolContext | undefined }).pool = pool;
      set.poolReason = reason;
    }
    jobs.push({ job, pool, tasks: set?.tasks ?? jobTasks.get(job) ?? [] });
    for (const task of jobTasks.get(job) ?? []) if (!taskSetOf.has(task) && set) taskSetOf.set(task, set);
    const auto = autoPools.get(job);
    if (auto) poolOf.set(auto, poolContext(auto));
  }
  for (const document of [...request.documents, ...[...contextCache.values()].filter((d): d is ProjectDocument => d !== undefined)]) {
    for (const entity of document.entities) {
      if (entity.role !== 'startTask') continue;
      const owner = document.entities.find((candidate) => candidate.kind === 'pool' && entity.pointer === `${candidate.pointer}/startTask`);
      if (owner) poolOf.set(entity, poolContext(owner));
    }
  }

  const taskSets = [...setsByJob.values(), ...anonymousSets.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { taskSets, jobs, pools, taskSetOf, poolOf };
}

/**
 * Only literal ids bind across files: a template expression such as `[parameters('poolId')]` names
 * no particular pool, and the spec's examples reuse placeholder ids that mean nothing outside
 * their own file.
 */
function bindsById(entity: EntityRef): boolean {
  return entity.id !== undefined && entity.id !== '' && !isTemplateExpression(entity.id) && entity.documentShape !== 'spec-example';
}

function jobContext(entity: EntityRef, isAnonymous: boolean): JobContext {
  return { entity, value: isJsonObject(entity.value) ? entity.value : {}, isAnonymous };
}

export function poolContext(entity: EntityRef): PoolContext {
  return { entity, value: isJsonObject(entity.value) ? entity.value : {}, os: poolOperatingSystem(entity.value) };
}
