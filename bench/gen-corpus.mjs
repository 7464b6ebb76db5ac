#!/usr/bin/env node
// Deterministic generator of Azure Batch request bodies for `npm run bench`.
//
//   node bench/gen-corpus.mjs --out DIR --case A|B|C|D [--tasks N] [--seed S] [--defects RATE] [--manifest FILE]
//
//   A  one task a file (REST TaskAddParameter), spread over 40 job folders, each with a job.json;
//      one pool.json at DIR that every job names in poolInfo.poolId. Default 10,000 tasks.
//   B  DIR/tasks.json = {"value": [...]} of numeric-id tasks with dependencies, plus job.json and
//      pool.json beside it. Exactly one dependency cycle and one dependency on a task id that no
//      task has are planted. Default 100,000 tasks.
//   C  like B without the planted cycle and missing id: the editor-on-save case. Default 2,000 tasks.
//   D  DIR/task.json, one small clean task and nothing else: the start-up case.
//
// --defects RATE (default 0.02 for A-C, 0 for D) is the share of tasks given one realistic mistake;
// --manifest FILE lists every planted problem as JSON lines {file, index, id, kind, detail}.
// Same arguments, same bytes: all variation comes from one PRNG seeded by seed, case and size.
//
// Apart from the planted problems the bodies aim to be clean under the rule catalogue, so that
// the benchmark measures the usual situation (most files have no findings). Deliberate exceptions:
// about SAS_SHARE of tasks carry storage SAS URLs (realistic, and flagged as committed
// credentials), and a B or C file holds far more than the 100 tasks one add-collection call takes.

import fs from 'node:fs';
import path from 'node:path';

const DEFAULT_TASKS = { A: 10_000, B: 100_000, C: 2_000, D: 1 };
const JOB_FOLDERS_IN_A = 40;
const SAS_SHARE = 0.03;
const POOL_ID = 'bench-linux-pool';
const REGISTRY = 'contosoacr.azurecr.io';
const IDENTITY = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/batch-rg/providers/' +
  'Microsoft.ManagedIdentity/userAssignedIdentities/batch-tasks';
const INT32_MAX = 2147483647;

// ---------- arguments ----------

function parseArguments(argv) {
  const flags = { '--out': 'out', '--case': 'case', '--tasks': 'tasks', '--seed': 'seed',
    '--defects': 'defects', '--manifest': 'manifest' };
  const options = { seed: 'batchlint' };
  for (let k = 0; k < argv.length; k += 2) {
    const key = flags[argv[k]];
    if (key === undefined || argv[k + 1] === undefined) fail(`bad argument: ${argv[k]}`);
    options[key] = argv[k + 1];
  }
  if (!options.out || !(options.case in DEFAULT_TASKS)) fail('need --out DIR and --case A|B|C|D');
  options.tasks = options.tasks === undefined ? DEFAULT_TASKS[options.case] : Number(options.tasks);
  options.defects = options.defects === undefined ? (options.case === 'D' ? 0 : 0.02) : Number(options.defects);
  if (!Number.isInteger(options.tasks) || options.tasks < 1) fail('--tasks must be a positive integer');
  if (options.case === 'B' && options.tasks < 100) fail('case B needs --tasks >= 100 to plant its cycle');
  if (!(options.defects >= 0 && options.defects <= 1)) fail('--defects must be between 0 and 1');
  return options;
}

function fail(message) {
  console.error(`${message}\nusage: node bench/gen-corpus.mjs --out DIR --case A|B|C|D ` +
    '[--tasks N] [--seed S] [--defects RATE] [--manifest FILE]');
  process.exit(2);
}

// ---------- seeded randomness: xoshiro128** seeded from an FNV-1a hash through splitmix32 ----------

function createRandom(seedText) {
  let state = 0x811c9dc5;
  for (let k = 0; k < seedText.length; k++) state = Math.imul(state ^ seedText.charCodeAt(k), 0x01000193);
  const splitmix = () => {
    state = (state + 0x9e3779b9) | 0;
    let z = Math.imul(state ^ (state >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix(), s1 = splitmix(), s2 = splitmix(), s3 = splitmix();
  const rotate = (x, bits) => (x << bits) | (x >>> (32 - bits));
  const fraction = () => {
    const word = Math.imul(rotate(Math.imul(s1, 5), 7), 9) >>> 0;
    const shifted = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= shifted; s3 = rotate(s3, 11);
    return word / 4294967296;
  };
  const int = (low, high) => low + Math.floor(fraction() * (high - low + 1));
  const pick = (list) => list[Math.floor(fraction() * list.length)];
  const chance = (probability) => fraction() < probability;
  const text = (alphabet, length) => {
    let out = '';
    for (let k = 0; k < length; k++) out += alphabet[Math.floor(fraction() * alphabet.length)];
    return out;
  };
  // Distinct elements in the order drawn; callers keep count well below list.length.
  const sample = (list, count) => {
    const chosen = new Set();
    while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(fraction() * list.length));
    return [...chosen].map((index) => list[index]);
  };
  return { fraction, int, pick, chance, text, sample };
}

// ---------- vocabulary ----------

const WORKLOADS = ['render', 'encode', 'align', 'train', 'score', 'ingest', 'etl', 'simulate'];
const STAGES = ['prep', 'render', 'encode', 'merge', 'validate', 'shard', 'score', 'ingest'];
const ACCOUNTS = ['contosobatchdata', 'fabrikamrender', 'northwindml01', 'adatumgenomics'];
const CONTAINERS = ['inputs', 'scenes', 'models', 'reference-genome', 'shared-tools'];
const IMAGES = WORKLOADS.map((workload, k) => `${REGISTRY}/batch/${workload}:2.${k}.1`);
const VALID_DURATIONS = ['PT30M', 'PT1H', 'PT2H', 'PT1H30M', 'PT6H', 'P1D', 'PT45M', 'P2DT12H', 'PT90M'];
const BAD_DURATIONS = ['1h', 'PT1H30', '01:30:00', 'P1H', 'PT', 'P1W', '2 hours', 'PT-5M'];
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX = '0123456789abcdef';
const pad = (number, width) => String(number).padStart(width, '0');

function sasQuery(random, resource, permissions, expiryYear) {
  const day = pad(random.int(1, 28), 2);
  const signature = encodeURIComponent(random.text(BASE64, 43) + '=');
  return `?sv=2022-11-02&sr=${resource}&sp=${permissions}&st=2025-01-${day}T00:00:00Z` +
    `&se=${expiryYear}-06-${day}T23:59:59Z&spr=https&sig=${signature}`;
}

function commandLine(random, stage, number) {
  const padded = pad(number, 6);
  return random.pick([
    `/bin/bash -c 'python3 /app/${stage}.py --part ${number} --threads "$OMP_NUM_THREADS"'`,
    `/bin/sh -c "blender -b inputs/scene_${padded}.blend -s $FRAME_START -e $FRAME_END -o output/frame_#### -F OPEN_EXR"`,
    `python3 /app/${stage}.py --part ${number} --config config/${stage}.json`,
    `/bin/bash -c 'set -euo pipefail; bwa mem -t "$OMP_NUM_THREADS" ref/genome.fa inputs/sample_${padded}.fastq.gz | gzip > results/aln_${padded}.sam.gz'`,
    `ffmpeg -hide_banner -i inputs/clip_${padded}.mp4 -c:v libx264 -preset slow -crf 20 output/clip_${padded}.mp4`,
    `/usr/bin/env bash -c "python3 -m worker.${stage} --shard ${number} && touch results/${stage}.done"`,
  ]);
}

// `slot` keeps file paths distinct within one task (two downloads to one path overwrite each other).
function resourceFile(random, job, number, slot, withSas) {
  const account = random.pick(ACCOUNTS);
  const roll = random.fraction();
  if (roll < 0.45) {
    return { autoStorageContainerName: random.pick(CONTAINERS), blobPrefix: `${job.id}/common/`, filePath: `common${slot}` };
  }
  if (roll < 0.85) {
    const name = `${random.pick(['scene', 'chunk', 'sample', 'weights', 'config'])}_${pad(number, 6)}_${slot}.` +
      random.pick(['blend', 'tar.gz', 'fastq.gz', 'bin', 'json']);
    const url = `https://${account}.blob.core.windows.net/${withSas ? 'private-inputs' : 'public-inputs'}/${job.id}/${name}`;
    const file = { httpUrl: withSas ? url + sasQuery(random, 'b', 'r', 2035) : url, filePath: `inputs/${name}` };
    if (random.chance(0.3)) file.fileMode = random.pick(['0755', '0644', '0700']);
    return file;
  }
  const container = random.pick(CONTAINERS);
  return {
    storageContainerUrl: `https://${account}.blob.core.windows.net/${container}` + (withSas ? sasQuery(random, 'c', 'rl', 2035) : ''),
    blobPrefix: `${random.pick(['bin', 'lib', 'ref'])}/`,
    filePath: `${container}${slot}`,
  };
}

const OUTPUT_PATTERNS = ['../std*.txt', 'output/**/*.exr', 'results/*.csv', 'logs/*.log', 'out.parquet'];

function outputFiles(random, job, taskId, withSas) {
  return random.sample(OUTPUT_PATTERNS, random.int(1, 3)).map((filePattern) => {
    const container = {
      path: filePattern === 'out.parquet' ? `${job.id}/${taskId}/out.parquet` : `${job.id}/${taskId}/${filePattern.split('/')[0].replace('..', 'std')}`,
      containerUrl: `https://${random.pick(ACCOUNTS)}.blob.core.windows.net/job-outputs`,
    };
    if (withSas) container.containerUrl += sasQuery(random, 'c', 'rwl', 2035);
    else container.identityReference = { resourceId: IDENTITY };
    return { filePattern, destination: { container }, uploadOptions: { uploadCondition: random.pick(['taskcompletion', 'tasksuccess', 'taskfailure']) } };
  });
}

const ENVIRONMENT = [
  (random, number) => ({ name: 'FRAME_START', value: String(number * 10) }),
  (random, number) => ({ name: 'FRAME_END', value: String(number * 10 + 9) }),
  (random) => ({ name: 'OMP_NUM_THREADS', value: String(random.pick([1, 2, 4, 8])) }),
  () => ({ name: 'PYTHONUNBUFFERED', value: '1' }),
  (random) => ({ name: 'LOG_LEVEL', value: random.pick(['info', 'debug', 'warning']) }),
  (random, number) => ({ name: 'INPUT_PREFIX', value: `inputs/part-${pad(number, 6)}` }),
  (random) => ({ name: 'RUN_ID', value: random.text(HEX, 32) }),
  (random) => ({ name: 'MODEL_VERSION', value: `v${random.int(1, 9)}.${random.int(0, 20)}` }),
  (random) => ({ name: 'REGION', value: random.pick(['westeurope', 'eastus2', 'australiaeast']) }),
  (random, number) => ({ name: 'SHARD_INDEX', value: String(number) }),
];

// Exit codes below 64 and ranges from 64 up never overlap, so no precedence question arises.
function exitConditions(random, job) {
  const codes = random.sample([1, 2, 3, 4, 5, 9], random.int(1, 2));
  if (job.performsExitOptions) {
    const conditions = {
      exitCodes: codes.map((code) => ({ code, exitOptions: { jobAction: random.pick(['none', 'terminate', 'disable']) } })),
    };
    if (random.chance(0.5)) conditions.exitCodeRanges = [{ start: 128, end: 255, exitOptions: { jobAction: 'none', dependencyAction: 'block' } }];
    if (random.chance(0.4)) conditions.preProcessingError = { jobAction: 'disable' };
    if (random.chance(0.3)) conditions.fileUploadError = { jobAction: 'none', dependencyAction: 'satisfy' };
    conditions.default = { jobAction: 'none', dependencyAction: random.pick(['block', 'satisfy']) };
    return conditions;
  }
  if (!random.chance(0.5)) return undefined;
  return {
    exitCodes: codes.map((code) => ({ code, exitOptions: { dependencyAction: 'satisfy' } })),
    default: { dependencyAction: 'block' },
  };
}

// ---------- one valid task ----------

// job: { id, workload, numericIds, performsExitOptions, dependencies, collection }
// referable: ids a later task may depend on (valid, unique, and not a merge task).
function makeTask(random, job, index, taskId, referable, stage = random.pick(STAGES)) {
  const number = index + 1;
  const withSas = random.chance(SAS_SHARE);
  const task = { id: taskId, displayName: `${stage} part ${number} of ${job.id}`, commandLine: commandLine(random, stage, number) };
  task.containerSettings = { imageName: IMAGES[WORKLOADS.indexOf(job.workload)] };
  if (random.chance(0.5)) task.containerSettings.containerRunOptions = random.pick(['--rm --shm-size=2g', '--rm --ulimit nofile=65536:65536']);
  if (random.chance(0.4)) task.containerSettings.workingDirectory = 'taskWorkingDirectory';
  task.resourceFiles = Array.from({ length: random.int(1, 3) }, (_, slot) => resourceFile(random, job, number, slot, withSas));
  task.environmentSettings = random.sample(ENVIRONMENT, random.int(2, 6)).map((make) => make(random, number));
  task.constraints = { maxWallClockTime: random.pick(VALID_DURATIONS), retentionTime: random.pick(['P7D', 'P1D', 'PT12H', 'P3D']),
    maxTaskRetryCount: random.pick([0, 0, 1, 2, 3, -1]) };
  const conditions = exitConditions(random, job);
  if (conditions) task.exitConditions = conditions;
  if (job.dependencies && referable.length > 0 && random.chance(0.45)) task.dependsOn = dependencies(random, job, index, referable);
  if (random.chance(0.6)) task.userIdentity = { autoUser: { scope: random.pick(['task', 'pool']), elevationLevel: 'nonadmin' } };
  task.outputFiles = outputFiles(random, job, taskId, withSas);
  if (random.chance(0.2)) task.requiredSlots = random.int(1, 4);
  if (random.chance(0.25)) {
    task.applicationPackageReferences = [{ applicationId: random.pick(['ffmpeg', 'blender', 'samtools']), version: `${random.int(1, 6)}.${random.int(0, 9)}` }];
  }
  if (random.chance(0.03)) task.affinityInfo = { affinityId: `TVM:tvm-${random.text(HEX, 10)}_${random.int(1, 20)}-20250101t000000z` };
  return task;
}

function dependencies(random, job, index, referable) {
  const dependsOn = {};
  // Long explicit lists (a gather step naming its shards) are sampled sparsely, so they never
  // look like a run of consecutive ids that a range should replace.
  if (job.collection && referable.length >= 2000 && random.chance(0.01)) {
    dependsOn.taskIds = random.sample(referable, random.int(100, 400)).sort(byNumber);
    return dependsOn;
  }
  const withRange = job.numericIds && index > 5 && random.chance(0.4);
  if (!withRange || random.chance(0.5)) dependsOn.taskIds = random.sample(referable, random.int(1, 3)).sort(byNumber);
  if (withRange) {
    if (job.collection && random.chance(0.05)) {
      dependsOn.taskIdRanges = [{ start: 0, end: index }]; // every earlier task
    } else {
      // Starting on a task that exists keeps the range from selecting nothing.
      const start = Number(random.pick(referable));
      dependsOn.taskIdRanges = [{ start, end: random.int(start, Math.min(index, start + 50)) }];
    }
  }
  return dependsOn;
}

const byNumber = (a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);

// ---------- defects: each turns a valid task into a realistic mistake, or returns null when it
// cannot apply to this task (the caller then draws another kind) ----------

const DEFECTS = {
  'id-invalid': (random, task) => {
    task.id = random.chance(0.4)
      ? `${task.id}-resample-and-reproject-tile-${'0123456789abcdef'.repeat(4)}`.slice(0, random.int(65, 90))
      : random.pick([`frame.${task.id}`, `frame ${task.id}`, `task#${task.id}`, `tâche-${task.id}`, `job/${task.id}`]);
    return `id ${JSON.stringify(task.id)}`;
  },
  'id-duplicate': (random, task, job, referable) => {
    if (referable.length === 0) return null;
    const earlier = random.pick(referable);
    task.id = job.numericIds ? earlier : earlier.toUpperCase();
    // A duplicate that kept its dependencies could close a cycle through the task it copies.
    delete task.dependsOn;
    return `id ${JSON.stringify(task.id)} repeats ${JSON.stringify(earlier)}`;
  },
  'duration-invalid': (random, task) => {
    const field = random.pick(['maxWallClockTime', 'retentionTime']);
    task.constraints[field] = random.pick(BAD_DURATIONS);
    return `constraints.${field} ${JSON.stringify(task.constraints[field])}`;
  },
  'retry-count-invalid': (random, task) => {
    task.constraints.maxTaskRetryCount = -2;
    return 'constraints.maxTaskRetryCount -2';
  },
  'range-inverted': (random, task, job, referable, index) => {
    if (!job.numericIds || !job.dependencies || index < 4) return null;
    const end = random.int(1, index - 2);
    const range = { start: random.int(end + 1, index), end };
    task.dependsOn ??= {};
    task.dependsOn.taskIdRanges = [...(task.dependsOn.taskIdRanges ?? []), range];
    return `taskIdRanges start ${range.start} > end ${range.end}`;
  },
  'string-in-integer-slot': (random, task) => {
    const choices = [() => { task.constraints.maxTaskRetryCount = String(Math.max(0, task.constraints.maxTaskRetryCount)); return 'constraints.maxTaskRetryCount'; },
      () => { task.requiredSlots = '2'; return 'requiredSlots'; }];
    if (task.exitConditions) choices.push(() => { task.exitConditions.exitCodes[0].code = String(task.exitConditions.exitCodes[0].code); return 'exitConditions.exitCodes[0].code'; });
    if (task.dependsOn?.taskIdRanges) choices.push(() => { const range = task.dependsOn.taskIdRanges[0]; range.end = String(range.end); return 'dependsOn.taskIdRanges[0].end'; });
    return `${random.pick(choices)()} is a string`;
  },
  'identity-both': (random, task) => {
    task.userIdentity = { username: 'batchuser', autoUser: { scope: 'task', elevationLevel: 'nonadmin' } };
    return 'userIdentity has username and autoUser';
  },
  // Values no casing rescues: the service compares enum values ignoring case.
  'enum-invalid': (random, task) => {
    const where = random.pick(['elevationLevel', 'scope', 'uploadCondition', 'workingDirectory', 'dependencyAction']);
    if (where === 'elevationLevel' || where === 'scope') {
      task.userIdentity = { autoUser: { scope: 'task', elevationLevel: 'nonadmin' } };
      task.userIdentity.autoUser[where] = where === 'scope' ? 'node' : random.pick(['root', 'superuser']);
      return `userIdentity.autoUser.${where} ${JSON.stringify(task.userIdentity.autoUser[where])}`;
    }
    if (where === 'uploadCondition') {
      task.outputFiles[0].uploadOptions.uploadCondition = 'onsuccess';
      return 'outputFiles[0].uploadOptions.uploadCondition "onsuccess"';
    }
    if (where === 'workingDirectory') {
      task.containerSettings.workingDirectory = 'containerWorkingDirectory';
      return 'containerSettings.workingDirectory "containerWorkingDirectory"';
    }
    task.exitConditions = { ...task.exitConditions, default: { ...task.exitConditions?.default, dependencyAction: 'skip' } };
    return 'exitConditions.default.dependencyAction "skip"';
  },
  'shell-syntax-without-shell': (random, task, job, referable, index) => {
    const number = pad(index + 1, 6);
    task.commandLine = random.pick([
      `python3 /app/run.py --part ${index + 1} > logs/run.log 2>&1`,
      `cd inputs && ./process.sh scene_${number}.blend`,
      `tar -xzf inputs/*.tar.gz -C work`,
      `python3 /app/run.py --input $INPUT_PREFIX --part ${index + 1}`,
      `sort results/part_${number}.csv | uniq -c`,
    ]);
    return `commandLine ${JSON.stringify(task.commandLine)}`;
  },
  'sas-expired': (random, task, job) => {
    const name = `chunk_${random.text(HEX, 8)}.tar.gz`;
    const url = `https://${random.pick(ACCOUNTS)}.blob.core.windows.net/private-inputs/${job.id}/${name}` + sasQuery(random, 'b', 'r', 2024);
    task.resourceFiles[0] = { httpUrl: url, filePath: `inputs/expired-${name}` };
    return 'resourceFiles[0].httpUrl SAS expired in 2024';
  },
};
const DEFECT_KINDS = Object.keys(DEFECTS);

function plantDefect(random, rate, task, job, referable, index) {
  if (!(rate > 0 && random.chance(rate))) return null;
  for (;;) {
    const kind = random.pick(DEFECT_KINDS);
    const detail = DEFECTS[kind](random, task, job, referable, index);
    if (detail !== null) return { kind, detail };
  }
}

// ---------- task streams ----------

// B's planted problems sit at fixed fractions of the collection: a -> c -> b -> a (task a names c,
// a later task, in its taskIds) and one task naming an id past the end.
function plantedIndices(count) {
  const first = Math.floor(count * 0.4);
  return { cycle: [first, first + 7, first + 18], missing: Math.floor(count * 0.7) };
}

// Merge tasks (non-numeric ids, so outside every range) depend on the widest legal range.
const isMergeSlot = (index, count) => index === count - 1 || (index + 1) % 10_000 === 0;

function* collectionTasks(random, job, count, rate, plantCycle) {
  const referable = [];
  const planted = plantCycle ? plantedIndices(count) : { cycle: [], missing: -1 };
  const [cycleA, cycleB, cycleC] = planted.cycle;
  for (let index = 0; index < count; index++) {
    if (isMergeSlot(index, count) && index > 0) {
      const task = makeTask(random, { ...job, dependencies: false }, index, `merge-${pad(Math.ceil((index + 1) / 10_000), 3)}`, referable);
      task.dependsOn = { taskIdRanges: [{ start: 0, end: INT32_MAX }] };
      yield { task, index, problem: null };
      continue;
    }
    const taskId = String(index + 1);
    const task = makeTask(random, job, index, taskId, referable);
    let problem = null;
    if (index === cycleA || index === cycleB || index === cycleC) {
      const target = index === cycleA ? cycleC : index === cycleB ? cycleA : cycleB;
      addTaskId(task, String(target + 1));
      if (index === cycleA) problem = { kind: 'planted-dependency-cycle', detail: `${cycleA + 1} -> ${cycleC + 1} -> ${cycleB + 1} -> ${cycleA + 1}` };
    } else if (index === planted.missing) {
      addTaskId(task, String(count + 1));
      problem = { kind: 'planted-missing-dependency', detail: `taskIds names ${count + 1}, which no task has` };
    } else {
      problem = plantDefect(random, rate, task, job, referable, index);
    }
    if (problem === null || !['id-invalid', 'id-duplicate'].includes(problem.kind)) referable.push(task.id);
    yield { task, index, problem };
  }
}

function addTaskId(task, id) {
  task.dependsOn ??= {};
  task.dependsOn.taskIds = [...(task.dependsOn.taskIds ?? []), id];
}

function* jobTasks(random, job, count, rate) {
  const referable = [];
  for (let index = 0; index < count; index++) {
    const stage = random.pick(STAGES);
    const taskId = job.numericIds ? String(index + 1) : `${stage}-${pad(index + 1, 5)}`;
    const task = makeTask(random, job, index, taskId, referable, stage);
    const problem = plantDefect(random, rate, task, job, referable, index);
    if (problem === null || !['id-invalid', 'id-duplicate'].includes(problem.kind)) referable.push(task.id);
    yield { task, index, problem };
  }
}

// ---------- job and pool bodies ----------

function poolBody() {
  return {
    id: POOL_ID,
    displayName: 'Linux container pool shared by the benchmark jobs',
    vmSize: 'standard_d8s_v3',
    virtualMachineConfiguration: {
      imageReference: { publisher: 'microsoft-azure-batch', offer: 'ubuntu-server-container', sku: '20-04-lts', version: 'latest' },
      nodeAgentSKUId: 'batch.node.ubuntu 20.04',
      containerConfiguration: {
        type: 'dockerCompatible',
        containerImageNames: IMAGES,
        containerRegistries: [{ registryServer: REGISTRY, identityReference: { resourceId: IDENTITY } }],
      },
    },
    resizeTimeout: 'PT15M',
    targetDedicatedNodes: 20,
    targetLowPriorityNodes: 0,
    enableAutoScale: false,
    taskSlotsPerNode: 4,
    taskSchedulingPolicy: { nodeFillType: 'pack' },
    startTask: {
      commandLine: "/bin/bash -c 'mkdir -p $AZ_BATCH_NODE_SHARED_DIR/cache && docker image prune --force'",
      userIdentity: { autoUser: { scope: 'task', elevationLevel: 'admin' } },
      maxTaskRetryCount: 2,
      waitForSuccess: true,
    },
    metadata: [{ name: 'owner', value: 'batch-platform' }],
  };
}

function jobBody(random, job) {
  const body = {
    id: job.id,
    displayName: `${job.workload} workload ${job.id}`,
    priority: random.pick([0, 100, 200, -100]),
    constraints: { maxWallClockTime: random.pick(['P2D', 'P7D', 'P1D']), maxTaskRetryCount: random.pick([1, 2, 3]) },
    poolInfo: { poolId: POOL_ID },
    usesTaskDependencies: true,
    onAllTasksComplete: job.terminatesItself ? 'terminatejob' : 'noaction',
    onTaskFailure: job.performsExitOptions ? 'performexitoptionsjobaction' : 'noaction',
    commonEnvironmentSettings: [{ name: 'JOB_WORKLOAD', value: job.workload }],
    metadata: [{ name: 'team', value: `${job.workload}-team` }],
  };
  if (random.chance(0.5)) body.maxParallelTasks = random.pick([16, 64, 256]);
  // Without a job manager, terminatejob could end the job before its tasks are added.
  if (job.terminatesItself) {
    body.jobManagerTask = {
      id: 'job-manager',
      displayName: 'submits and watches the tasks',
      commandLine: `/bin/bash -c 'python3 /app/submit.py --job "$AZ_BATCH_JOB_ID"'`,
      containerSettings: { imageName: IMAGES[WORKLOADS.indexOf(job.workload)] },
      killJobOnCompletion: false,
      runExclusive: false,
    };
  }
  return body;
}

// ---------- writers ----------

function writeJson(file, value) {
  const text = JSON.stringify(value, null, 2) + '\n';
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

function generateA(random, options, record) {
  let bytes = writeJson(path.join(options.out, 'pool.json'), poolBody());
  const folders = Math.min(JOB_FOLDERS_IN_A, options.tasks);
  let written = 0;
  for (let folder = 0; folder < folders; folder++) {
    const count = Math.floor(options.tasks / folders) + (folder < options.tasks % folders ? 1 : 0);
    const workload = WORKLOADS[folder % WORKLOADS.length];
    const job = { id: `${workload}-${pad(folder, 2)}`, workload, numericIds: random.chance(0.6),
      performsExitOptions: folder % 2 === 0, terminatesItself: folder % 3 === 0, dependencies: true, collection: false };
    fs.mkdirSync(path.join(options.out, job.id), { recursive: true });
    bytes += writeJson(path.join(options.out, job.id, 'job.json'), jobBody(random, job));
    for (const { task, index, problem } of jobTasks(random, job, count, options.defects)) {
      const file = `${job.id}/task-${pad(index, 5)}.json`;
      bytes += writeJson(path.join(options.out, file), task);
      if (problem) record({ file, index, id: task.id, ...problem });
      written++;
    }
  }
  return { tasks: written, bytes };
}

// {"value": [...]} written task by task in the layout JSON.stringify(whole, null, 2) gives,
// so that 100,000 tasks never sit in memory at once.
function generateCollection(random, options, record) {
  const job = { id: options.case === 'B' ? 'align-genomes' : 'encode-clips', workload: options.case === 'B' ? 'align' : 'encode',
    numericIds: true, performsExitOptions: true, terminatesItself: false, dependencies: true, collection: true };
  let bytes = writeJson(path.join(options.out, 'pool.json'), poolBody());
  bytes += writeJson(path.join(options.out, 'job.json'), jobBody(random, job));
  const descriptor = fs.openSync(path.join(options.out, 'tasks.json'), 'w');
  let chunk = '{\n  "value": [\n';
  let written = 0;
  for (const { task, index, problem } of collectionTasks(random, job, options.tasks, options.defects, options.case === 'B')) {
    chunk += (index > 0 ? ',\n    ' : '    ') + JSON.stringify(task, null, 2).replaceAll('\n', '\n    ');
    if (chunk.length > 1 << 20) { bytes += fs.writeSync(descriptor, chunk); chunk = ''; }
    if (problem) record({ file: 'tasks.json', index, id: task.id, ...problem });
    written++;
  }
  bytes += fs.writeSync(descriptor, chunk + '\n  ]\n}\n');
  fs.closeSync(descriptor);
  return { tasks: written, bytes };
}

function generateD(random, options, record) {
  const job = { id: 'single', workload: 'encode', numericIds: false, performsExitOptions: false, dependencies: false, collection: false };
  let written = 0;
  let bytes = 0;
  for (const { task, index, problem } of jobTasks(random, job, options.tasks, options.defects)) {
    const file = options.tasks === 1 ? 'task.json' : `task-${pad(index, 5)}.json`;
    bytes += writeJson(path.join(options.out, file), task);
    if (problem) record({ file, index, id: task.id, ...problem });
    written++;
  }
  return { tasks: written, bytes };
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const random = createRandom(`${options.seed}/${options.case}/${options.tasks}/${options.defects}`);
  fs.mkdirSync(options.out, { recursive: true });
  const problems = [];
  const record = (entry) => problems.push(JSON.stringify(entry));
  const generate = { A: generateA, B: generateCollection, C: generateCollection, D: generateD }[options.case];
  const { tasks, bytes } = generate(random, options, record);
  if (options.manifest) fs.writeFileSync(options.manifest, problems.length ? problems.join('\n') + '\n' : '');
  console.error(`case ${options.case}: ${tasks} tasks, ${(bytes / 1e6).toFixed(1)} MB, ${problems.length} planted problems, in ${options.out}`);
}

main();
