import type { DocumentShape, EntityDefinition, EntityRef, JsonValue, TaskRole } from '../engine/rule-types.js';
import { arrayMember, hasMember, isJsonObject, member, objectMember, stringMember } from '../engine/untrusted-json.js';
import { pointerTo } from './json-pointer.js';

/** Why a document that is valid JSON holds nothing to lint (reference Part D, "not in scope"). */
export type NotBatchReason = 'arm-template' | 'saved-response' | 'batch-shipyard' | 'unrecognised';

export interface RecognisedDocument {
  shape: DocumentShape;
  entities: EntityRef[];
  /** `parameters.jobId` of a spec example: the job its tasks are added to. */
  jobIdHint?: string;
  /** `parameters["api-version"]` of a spec example. */
  apiVersionHint?: string;
  notBatchReason?: NotBatchReason;
}

const JOB_TASK_ROLES: ReadonlyArray<[TaskRole, EntityDefinition]> = [
  ['jobManagerTask', 'JobManagerTask'],
  ['jobPreparationTask', 'JobPreparationTask'],
  ['jobReleaseTask', 'JobReleaseTask'],
];
const ALWAYS_TEMPLATE_KEYS = new Set(['taskFactory', 'applicationTemplateInfo', 'packageReferences']);
const RESPONSE_KEYS = ['odata.metadata', 'url', 'eTag', 'state', 'creationTime', 'executionInfo'];

class EntityCollector {
  readonly entities: EntityRef[] = [];
  constructor(
    private readonly filePath: string,
    private readonly shape: DocumentShape,
    private readonly isTemplate: boolean,
  ) {}

  add(kind: EntityRef['kind'], role: EntityRef['role'], definition: EntityDefinition, value: JsonValue, pointer: string): void {
    this.entities.push({
      kind,
      role,
      definition,
      value,
      pointer,
      filePath: this.filePath,
      isTemplate: this.isTemplate,
      documentShape: this.shape,
      id: stringMember(value, 'id'),
    });
  }

  task(value: JsonValue | undefined, pointer: string): void {
    if (isJsonObject(value)) this.add('task', 'task', 'TaskAddParameter', value, pointer);
  }

  tasks(list: JsonValue[] | undefined, pointer: string): void {
    list?.forEach((item, index) => this.task(item, `${pointer}/${index}`));
  }

  pool(value: JsonValue, pointer: string, definition: 'PoolAddParameter' | 'PoolSpecification'): void {
    this.add('pool', 'pool', definition, value, pointer);
    const startTask = objectMember(value, 'startTask');
    if (startTask) this.add('task', 'startTask', 'StartTask', startTask, `${pointer}/startTask`);
  }

  job(value: JsonValue, pointer: string, definition: 'JobAddParameter' | 'JobSpecification'): void {
    this.add('job', 'job', definition, value, pointer);
    this.jobContents(value, pointer);
    const autoPool = objectMember(objectMember(objectMember(value, 'poolInfo'), 'autoPoolSpecification'), 'pool');
    if (autoPool) this.pool(autoPool, `${pointer}/poolInfo/autoPoolSpecification/pool`, 'PoolSpecification');
  }

  /** The task-like bodies a job (or an application template) carries. */
  jobContents(value: JsonValue, pointer: string): void {
    for (const [role, definition] of JOB_TASK_ROLES) {
      const body = objectMember(value, role);
      if (body) this.add('task', role, definition, body, `${pointer}/${role}`);
    }
    const factory = objectMember(value, 'taskFactory');
    const factoryType = stringMember(factory, 'type');
    if (factoryType === 'taskCollection') {
      this.tasks(arrayMember(factory, 'tasks'), `${pointer}/taskFactory/tasks`);
    } else if (factoryType === 'parametricSweep' || factoryType === 'taskPerFile') {
      // Bodies the extension copies into every generated task (and the one merge task) it adds.
      for (const role of ['repeatTask', 'mergeTask'] as const) {
        const body = objectMember(factory, role);
        if (body) this.add('task', role, 'TaskAddParameter', body, `${pointer}/taskFactory/${role}`);
      }
    }
  }
}

/** Recognise which Batch body a parsed document holds (first match wins, reference Part D.2). */
export function recogniseDocument(value: unknown, filePath: string): RecognisedDocument {
  if (Array.isArray(value)) {
    // Every element task-like, and at least one with a command line: catalogues of templates are arrays of {id, name} too.
    const allTasks =
      value.length > 0 &&
      value.every((item) => isJsonObject(item) && (hasMember(item, 'commandLine') || hasMember(item, 'id'))) &&
      value.some((item) => hasMember(item, 'commandLine'));
    if (!allTasks) return notBatch('unrecognised');
    const collector = new EntityCollector(filePath, 'task-array', false);
    collector.tasks(value as JsonValue[], '');
    return { shape: 'task-array', entities: collector.entities };
  }
  if (!isJsonObject(value)) return notBatch('unrecognised');

  const parameters = objectMember(value, 'parameters');
  if (parameters && (hasMember(value, 'responses') || hasMember(parameters, 'api-version'))) {
    const example = recogniseSpecExample(parameters, filePath);
    if (example) return example;
  }

  for (const [key, shape, definition] of [
    ['job', 'job-template', 'jobs'],
    ['pool', 'pool-template', 'pools'],
  ] as const) {
    const wrapped = objectMember(value, key);
    if (wrapped && (hasMember(wrapped, 'properties') || stringMember(wrapped, 'type')?.startsWith('Microsoft.Batch/batchAccounts/'))) {
      const collector = new EntityCollector(filePath, shape, true);
      const properties = objectMember(wrapped, 'properties');
      if (properties && definition === 'jobs') collector.job(properties, '/job/properties', 'JobAddParameter');
      if (properties && definition === 'pools') collector.pool(properties, '/pool/properties', 'PoolAddParameter');
      return { shape, entities: collector.entities };
    }
    // Batch Explorer's pool templates put the body straight under "pool", beside parameters and variables.
    if (wrapped && definition === 'pools' && (hasMember(value, 'parameters') || hasMember(value, 'variables')) && (hasMember(wrapped, 'vmSize') || hasMember(wrapped, 'virtualMachineConfiguration'))) {
      const collector = new EntityCollector(filePath, shape, true);
      collector.pool(wrapped, '/pool', 'PoolAddParameter');
      return { shape, entities: collector.entities };
    }
  }

  const schema = stringMember(value, '$schema');
  if ((schema && schema.includes('deploymentTemplate')) || Array.isArray(member(value, 'resources'))) return notBatch('arm-template');
  if (hasMember(value, 'job_specifications') || hasMember(value, 'pool_specification')) return notBatch('batch-shipyard');

  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((key) => { const entry = value[key]; return isJsonObject(entry) && Object.keys(entry).length === 1 && hasMember(entry, 'value'); })) {
    return { shape: 'parameter-file', entities: [] };
  }

  const list = arrayMember(value, 'value');
  if (list) {
    if (list.some((item) => isJsonObject(item) && (hasMember(item, 'state') || hasMember(item, 'url'))) || hasMember(value, 'odata.nextLink')) {
      return notBatch('saved-response');
    }
    const collector = new EntityCollector(filePath, 'task-collection', false);
    collector.tasks(list, '/value');
    return { shape: 'task-collection', entities: collector.entities };
  }

  if (objectMember(value, 'jobSpecification') && hasMember(value, 'schedule')) {
    const collector = new EntityCollector(filePath, 'job-schedule', false);
    collector.job(value.jobSpecification as JsonValue, '/jobSpecification', 'JobSpecification');
    return { shape: 'job-schedule', entities: collector.entities };
  }

  // Only application templates have templateMetadata: one that also sets job-only keys (id, poolInfo) is still a template, with findings.
  if (hasMember(value, 'templateMetadata') && !hasMember(value, 'applicationTemplateInfo')) {
    const collector = new EntityCollector(filePath, 'application-template', true);
    collector.jobContents(value, '');
    return { shape: 'application-template', entities: collector.entities };
  }

  const isExtended = hasMember(value, 'taskFactory') || hasMember(value, 'applicationTemplateInfo');
  if (hasMember(value, 'poolInfo') || (isExtended && hasMember(value, 'id'))) {
    const shape = isExtended || containsTemplateOnlyKey(value) ? 'extended-job' : 'job';
    const collector = new EntityCollector(filePath, shape, shape === 'extended-job');
    collector.job(value, '', 'JobAddParameter');
    return { shape, entities: collector.entities };
  }

  if (hasMember(value, 'vmSize') || hasMember(value, 'virtualMachineConfiguration') || hasMember(value, 'cloudServiceConfiguration')) {
    const collector = new EntityCollector(filePath, 'pool', false);
    collector.pool(value, '', 'PoolAddParameter');
    return { shape: 'pool', entities: collector.entities };
  }

  if (hasMember(value, 'taskFactory') || hasMember(value, 'templateMetadata')) {
    const collector = new EntityCollector(filePath, 'application-template', true);
    collector.jobContents(value, '');
    return { shape: 'application-template', entities: collector.entities };
  }

  if (hasMember(value, 'commandLine')) {
    if (RESPONSE_KEYS.some((key) => hasMember(value, key))) return notBatch('saved-response');
    const collector = new EntityCollector(filePath, 'task', false);
    collector.task(value, '');
    return { shape: 'task', entities: collector.entities };
  }
  return notBatch('unrecognised');
}

function recogniseSpecExample(parameters: Record<string, JsonValue>, filePath: string): RecognisedDocument | undefined {
  const collector = new EntityCollector(filePath, 'spec-example', false);
  const task = objectMember(parameters, 'task');
  const collection = objectMember(parameters, 'taskCollection');
  const job = objectMember(parameters, 'job');
  const pool = objectMember(parameters, 'pool');
  const schedule = objectMember(parameters, 'cloudJobSchedule') ?? objectMember(parameters, 'jobSchedule');
  if (task) collector.task(task, '/parameters/task');
  else if (collection) collector.tasks(arrayMember(collection, 'value'), '/parameters/taskCollection/value');
  else if (job) collector.job(job, '/parameters/job', 'JobAddParameter');
  else if (pool) collector.pool(pool, '/parameters/pool', 'PoolAddParameter');
  else if (schedule && objectMember(schedule, 'jobSpecification')) {
    const key = objectMember(parameters, 'cloudJobSchedule') ? 'cloudJobSchedule' : 'jobSchedule';
    collector.job(schedule.jobSpecification as JsonValue, pointerTo('parameters', key, 'jobSpecification'), 'JobSpecification');
  } else return undefined;
  return {
    shape: 'spec-example',
    entities: collector.entities,
    jobIdHint: stringMember(parameters, 'jobId'),
    apiVersionHint: stringMember(parameters, 'api-version'),
  };
}

function notBatch(reason: NotBatchReason): RecognisedDocument {
  return { shape: 'not-batch', entities: [], notBatchReason: reason };
}

/**
 * CLI-extension-only keys anywhere in a job body mark it as an extended (template) job. `source`
 * counts only on resource files and `autoStorage` only on output destinations: pools use `source`
 * for mounts and containers for bind mounts.
 */
function containsTemplateOnlyKey(root: JsonValue): boolean {
  const stack: Array<{ value: JsonValue; arrayKey: string | undefined }> = [{ value: root, arrayKey: undefined }];
  while (stack.length > 0) {
    const { value, arrayKey } = stack.pop()!;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push({ value: item, arrayKey });
    } else if (isJsonObject(value)) {
      for (const key of Object.keys(value)) {
        if (ALWAYS_TEMPLATE_KEYS.has(key)) return true;
        if (key === 'source' && (arrayKey === 'resourceFiles' || arrayKey === 'commonResourceFiles')) return true;
        if (key === 'autoStorage' && arrayKey === 'outputFiles') return true;
        const child = value[key];
        if (child !== null && typeof child === 'object') {
          stack.push({ value: child as JsonValue, arrayKey: Array.isArray(child) ? key : arrayKey });
        }
      }
    }
  }
  return false;
}
