/**
 * Property-based fuzzing of the whole pipeline: real and generated task, job and pool bodies,
 * mutated at the byte and at the JSON level, go through `lint()` with every rule enabled. Whatever
 * the input, the run must not throw, no rule may crash, every position must lie inside the
 * document, and the formatters must produce valid JSON/SARIF and terminal-safe text.
 *
 * Used by test/fuzz.test.ts (a short run in `npm test`) and test/fuzz/run-fuzz.ts (the long run).
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { lint, type LintRun } from '../../src/lint.js';
import type { FormatterContext, LintMessage, LintResult } from '../../src/formatters/lint-result.js';
import { json } from '../../src/formatters/json.js';
import { sarif } from '../../src/formatters/sarif.js';
import { stylish } from '../../src/formatters/stylish.js';
import { github } from '../../src/formatters/github.js';
import { BATCHLINT_VERSION, docsUrl } from '../../src/package-info.js';

// ---------------------------------------------------------------------------------------------
// Seeds: real files.

/** Task, job and pool bodies from the fixtures, and from ../shared when it is present. */
export function loadSeedTexts(projectRoot: string): string[] {
  const roots = [
    path.join(projectRoot, 'fixtures'),
    path.resolve(projectRoot, '..', 'shared', 'corpus', 'real'),
    path.resolve(projectRoot, '..', 'shared', 'spec', 'examples'),
  ];
  const texts: string[] = [];
  for (const root of roots) {
    const pending = [root];
    while (pending.length > 0) {
      const directory = pending.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(directory, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) pending.push(full);
        else if (entry.isFile() && entry.name.endsWith('.json') && fs.statSync(full).size <= 256 * 1024) texts.push(fs.readFileSync(full, 'utf8'));
      }
    }
  }
  return texts;
}

// ---------------------------------------------------------------------------------------------
// Generated bodies.

const EDGE_NUMBERS = ['1e400', '-1e400', '-0', '9007199254740993', '2147483647', '2147483648', '-2147483649', '-1', '0', '1.5', '1E2', '0.0000001'];
const SAS_QUERY = 'sv=2022-11-02&ss=b&srt=co&sp=rwl&se=2030-01-01T00:00:00Z&st=2020-01-01&spr=https&sig=FUZZSIGNATURE%3D';
const URLS = [
  `https://acct.blob.core.windows.net/container?${SAS_QUERY}`,
  `https://acct.blob.core.windows.net/container/dir/blob.txt?${SAS_QUERY}`,
  'http://acct.blob.core.windows.net/container/blob.txt?sp=r&se=2000-01-01&sig=x',
  'https://acct.blob.core.windows.net/container?sig=<signature>',
  'https://acct.blob.core.windows.net/',
  'acct.blob.core.windows.net/c',
  'ftp://host/x',
  'https:// spaced .net/x',
  "[parameters('url')]",
  '${SAS_URL}',
  'https://acct.blob.core.windows.net/c?se=not-a-date&sp=&sig=',
  'https://[::1/c',
  '',
];
const DURATIONS = ['PT1H', 'P1D', 'PT0S', '-PT1H', 'P10675199DT2H48M5.4775807S', 'P99999999D', '1:00:00', 'PT', 'bad', ''];
const COMMAND_LINES = [
  'cmd /c "echo %AZ_BATCH_NODE_SHARED_DIR% && dir"',
  '/bin/bash -c "echo $HOME && ls | wc -l > out.txt"',
  'echo hi && rm -rf /',
  'python script.py $AZ_BATCH_TASK_WORKING_DIR',
  'D:\\batch\\tasks\\app.exe',
  '/mnt/batch/tasks/shared/app',
  '',
  '   ',
];
const SHORT_STRINGS = ['', ' ', 'a', 'task-1', 'Task-1', 'job', '__proto__', 'constructor', 'prototype', 'toString', '\u001b[31mred', '\u202eevil', 'x'.repeat(65), '1', '007'];

const shortString = fc.oneof(fc.constantFrom(...SHORT_STRINGS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }));
/** A raw JSON number token, spliced in as text so 1e400 and -0 survive serialisation. */
const rawNumber = fc.oneof(fc.constantFrom(...EDGE_NUMBERS).map((token) => new RawToken(token)), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const anyJson = fc.jsonValue({ maxDepth: 3 });

class RawToken {
  constructor(readonly token: string) {}
}

/** Either a plausible value for the slot or anything at all. */
function slot<T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: plausible as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: anyJson as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: rawNumber as fc.Arbitrary<unknown> });
}

const url = fc.oneof(fc.constantFrom(...URLS), fc.webUrl());
const exitOptions = fc.record(
  {
    jobAction: slot(fc.constantFrom('none', 'disable', 'terminate', 'requeue', 'Terminate')),
    dependencyAction: slot(fc.constantFrom('satisfy', 'block')),
  },
  { requiredKeys: [] },
);
const environmentSetting = fc.record(
  { name: slot(fc.constantFrom('PATH', 'DB_PASSWORD', 'AZ_BATCH_NODE_ROOT_DIR', 'MY_VAR', 'bad name', '', 'STORAGE_KEY')), value: slot(fc.oneof(shortString, url, fc.constant('$(whoami) ${HOME}'))) },
  { requiredKeys: [] },
);
const resourceFile = fc.record(
  {
    httpUrl: slot(url),
    storageContainerUrl: slot(url),
    autoStorageContainerName: slot(shortString),
    blobPrefix: slot(shortString),
    filePath: slot(fc.constantFrom('in/data.txt', '/abs/path', '../escape', 'C:\\x', '', 'a/./b', 'a//b')),
    fileMode: slot(fc.constantFrom('0755', '777', '0o644', '12345', 'rwx')),
    identityReference: slot(fc.record({ resourceId: shortString })),
  },
  { requiredKeys: [] },
);
const exitConditions = fc.record(
  {
    exitCodes: slot(fc.array(fc.record({ code: slot(rawNumber), exitOptions: slot(exitOptions) }, { requiredKeys: [] }), { maxLength: 4 })),
    exitCodeRanges: slot(fc.array(fc.record({ start: slot(rawNumber), end: slot(rawNumber), exitOptions: slot(exitOptions) }, { requiredKeys: [] }), { maxLength: 4 })),
    preProcessingError: slot(exitOptions),
    fileUploadError: slot(exitOptions),
    default: slot(exitOptions),
  },
  { requiredKeys: [] },
);
const taskId = slot(fc.oneof(fc.constantFrom('task-1', 'task-2', 'Task-1', '1', '01', 'a.b'), shortString));
const taskBody = fc.record(
  {
    id: taskId,
    displayName: slot(shortString),
    commandLine: slot(fc.oneof(fc.constantFrom(...COMMAND_LINES), fc.string({ maxLength: 40 }))),
    resourceFiles: slot(fc.array(resourceFile, { maxLength: 4 })),
    outputFiles: slot(
      fc.array(
        fc.record(
          {
            filePattern: slot(fc.constantFrom('*.txt', '**\\*.log', '../out/*', '$AZ_BATCH_TASK_DIR/x', 'file.txt')),
            destination: slot(fc.record({ container: slot(fc.record({ containerUrl: slot(url), path: slot(shortString), identityReference: slot(fc.record({ resourceId: shortString })) }, { requiredKeys: [] })) })),
            uploadOptions: slot(fc.record({ uploadCondition: slot(fc.constantFrom('taskCompletion', 'taskFailure', 'tasksuccess', 'never')) })),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    environmentSettings: slot(fc.array(environmentSetting, { maxLength: 5 })),
    constraints: slot(fc.record({ maxWallClockTime: slot(fc.constantFrom(...DURATIONS)), retentionTime: slot(fc.constantFrom(...DURATIONS)), maxTaskRetryCount: slot(rawNumber) }, { requiredKeys: [] })),
    exitConditions: slot(exitConditions),
    dependsOn: slot(fc.record({ taskIds: slot(fc.array(taskId, { maxLength: 5 })), taskIdRanges: slot(fc.array(fc.record({ start: slot(rawNumber), end: slot(rawNumber) }, { requiredKeys: [] }), { maxLength: 3 })) }, { requiredKeys: [] })),
    multiInstanceSettings: slot(fc.record({ numberOfInstances: slot(rawNumber), coordinationCommandLine: slot(fc.constantFrom(...COMMAND_LINES)), commonResourceFiles: slot(fc.array(resourceFile, { maxLength: 2 })) }, { requiredKeys: [] })),
    containerSettings: slot(
      fc.record(
        {
          imageName: slot(fc.constantFrom('ubuntu', 'myregistry.azurecr.io/app:1', '')),
          containerRunOptions: slot(fc.constantFrom('--gpus all', '--rm', '')),
          workingDirectory: slot(fc.constantFrom('taskWorkingDirectory', 'containerImageDefault', 'other')),
          registry: slot(fc.record({ registryServer: slot(shortString), username: slot(shortString), password: slot(fc.constantFrom('FUZZPASSWORD', '${PASSWORD}', '')) }, { requiredKeys: [] })),
        },
        { requiredKeys: [] },
      ),
    ),
    userIdentity: slot(fc.record({ autoUser: slot(fc.record({ scope: slot(fc.constantFrom('task', 'pool')), elevationLevel: slot(fc.constantFrom('admin', 'nonadmin')) }, { requiredKeys: [] })), username: slot(shortString) }, { requiredKeys: [] })),
    requiredSlots: slot(rawNumber),
    applicationPackageReferences: slot(fc.array(fc.record({ applicationId: slot(shortString), version: slot(shortString) }, { requiredKeys: [] }), { maxLength: 3 })),
    authenticationTokenSettings: slot(fc.record({ access: slot(fc.array(fc.constantFrom('job', 'pool'))) })),
  },
  { requiredKeys: [] },
);
const poolBody = fc.record(
  {
    id: slot(shortString),
    vmSize: slot(fc.constantFrom('STANDARD_D2s_v3', 'standard_a1', '')),
    virtualMachineConfiguration: slot(
      fc.record(
        {
          imageReference: slot(fc.record({ publisher: slot(fc.constantFrom('canonical', 'MicrosoftWindowsServer')), offer: slot(shortString), sku: slot(shortString) }, { requiredKeys: [] })),
          nodeAgentSKUId: slot(fc.constantFrom('batch.node.ubuntu 22.04', 'batch.node.windows amd64')),
          containerConfiguration: slot(fc.record({ type: slot(fc.constantFrom('dockerCompatible', 'docker', 'criCompatible')), containerImageNames: slot(fc.array(shortString, { maxLength: 2 })) }, { requiredKeys: [] })),
        },
        { requiredKeys: [] },
      ),
    ),
    cloudServiceConfiguration: slot(fc.record({ osFamily: slot(shortString) })),
    taskSlotsPerNode: slot(rawNumber),
    targetDedicatedNodes: slot(rawNumber),
    targetLowPriorityNodes: slot(rawNumber),
    enableInterNodeCommunication: slot(fc.boolean()),
    startTask: slot(taskBody),
    userAccounts: slot(fc.array(fc.record({ name: slot(shortString), password: slot(fc.constantFrom('FUZZPASSWORD', '')), elevationLevel: slot(fc.constantFrom('admin', 'nonadmin')) }, { requiredKeys: [] }), { maxLength: 2 })),
    mountConfiguration: slot(fc.array(fc.record({ azureBlobFileSystemConfiguration: slot(fc.record({ accountName: slot(shortString), containerName: slot(shortString), accountKey: slot(fc.constantFrom('FUZZACCOUNTKEY==', '')), relativeMountPath: slot(shortString) }, { requiredKeys: [] })) }, { requiredKeys: [] }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);
const jobBody = fc.record(
  {
    id: slot(shortString),
    priority: slot(rawNumber),
    usesTaskDependencies: slot(fc.boolean()),
    onAllTasksComplete: slot(fc.constantFrom('noaction', 'terminatejob')),
    onTaskFailure: slot(fc.constantFrom('noaction', 'performexitoptionsjobaction')),
    constraints: slot(fc.record({ maxWallClockTime: slot(fc.constantFrom(...DURATIONS)), maxTaskRetryCount: slot(rawNumber) }, { requiredKeys: [] })),
    poolInfo: slot(
      fc.oneof(
        fc.record({ poolId: slot(shortString) }),
        fc.record({ autoPoolSpecification: slot(fc.record({ autoPoolIdPrefix: slot(shortString), poolLifetimeOption: slot(fc.constantFrom('job', 'jobschedule')), pool: slot(poolBody) }, { requiredKeys: [] })) }),
      ),
    ),
    jobManagerTask: slot(taskBody),
    jobPreparationTask: slot(taskBody),
    jobReleaseTask: slot(taskBody),
    commonEnvironmentSettings: slot(fc.array(environmentSetting, { maxLength: 3 })),
  },
  { requiredKeys: [] },
);

/** Generated documents in every shape batchlint recognises. */
const generatedDocument: fc.Arbitrary<unknown> = fc.oneof(
  taskBody,
  fc.array(taskBody, { maxLength: 5 }),
  fc.record({ value: fc.array(taskBody, { maxLength: 5 }) }),
  jobBody,
  poolBody,
  fc.record({ parameters: fc.record({ 'api-version': fc.constantFrom('2024-02-01.19.0', '2025-06-01.21.0', 'x'), jobId: shortString, task: taskBody }) }),
  fc.record({ job: fc.record({ type: fc.constant('Microsoft.Batch/batchAccounts/jobs'), properties: fc.record({ id: shortString, taskFactory: fc.record({ type: fc.constant('taskCollection'), tasks: fc.array(taskBody, { maxLength: 3 }) }) }) }) }),
);

/** Serialise with RawToken values spliced in as bare number tokens. */
function serialise(value: unknown, indent: number | undefined): string {
  const raws: string[] = [];
  const text = JSON.stringify(
    value,
    (_key, member: unknown) => {
      if (member instanceof RawToken) {
        raws.push(member.token);
        return `\u0000RAW${raws.length - 1}\u0000`;
      }
      return member;
    },
    indent,
  );
  return (text ?? 'null').replace(/"\\u0000RAW(\d+)\\u0000"/g, (_match, index: string) => raws[Number(index)]!);
}

// ---------------------------------------------------------------------------------------------
// Mutations.

export type Mutation =
  | { kind: 'flipByte'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'deleteRange'; at: number; length: number }
  | { kind: 'insertText'; at: number; text: string }
  | { kind: 'insertBytes'; at: number; bytes: number[] }
  | { kind: 'duplicateKey'; at: number; key: string; value: string }
  | { kind: 'replaceValue'; at: number; replacement: string }
  | { kind: 'renameKey'; at: number; key: string }
  | { kind: 'nestDeep'; at: number; depth: number; brackets: '[]' | '{}' }
  | { kind: 'encode'; encoding: 'utf8-bom' | 'utf16le' | 'utf16be' };

const position = fc.nat({ max: 1_000_000 });
const REPLACEMENT_VALUES = ['null', 'true', 'false', '0', '-0', '1e400', '-1e400', '9007199254740993', '2147483648', '""', '"x"', '{}', '[]', '[[]]', '{"__proto__":{}}', '"\\u001b[2J"', '"\\ud800"', '-1', '1.5'];

/** JSON-level edits weigh more: they keep the text parseable, so the rules (not just the parser) see the result. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flipByte' as const), at: position, byte: fc.nat({ max: 255 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteRange' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insertText' as const), at: position, text: fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(',', ']', '}', '{', '[', '"', '\\', ':', '//c\n', '/*', '\u2028', '\ufeff', '\r')) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insertBytes' as const), at: position, bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 6 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('duplicateKey' as const), at: position, key: fc.constantFrom('id', 'commandLine', 'value', 'name', 'code', '__proto__', 'constraints'), value: fc.constantFrom(...REPLACEMENT_VALUES) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replaceValue' as const), at: position, replacement: fc.constantFrom(...REPLACEMENT_VALUES) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('renameKey' as const), at: position, key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'Id', 'ID', 'valueOf', '') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('nestDeep' as const), at: position, depth: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 50 }) }, { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }) }), brackets: fc.constantFrom('[]' as const, '{}' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('encode' as const), encoding: fc.constantFrom('utf8-bom' as const, 'utf16le' as const, 'utf16be' as const) }) },
);

/** Offsets of value starts (after ':' or '[' or ',') in the text: where JSON-level edits apply. */
function valueStarts(text: string): number[] {
  const starts: number[] = [];
  for (let index = 0; index < text.length && starts.length < 4096; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x3a || code === 0x5b) starts.push(index + 1);
  }
  return starts;
}

/** End of the JSON value starting at `start` (approximate for broken text; never past the end). */
function valueEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length && /\s/.test(text[index]!)) index++;
  let depth = 0;
  let inString = false;
  for (; index < text.length; index++) {
    const character = text[index]!;
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') {
        inString = false;
        if (depth === 0) return index + 1;
      }
      continue;
    }
    if (character === '"') inString = true;
    else if (character === '{' || character === '[') depth++;
    else if (character === '}' || character === ']') {
      if (depth === 0) return index;
      depth--;
      if (depth === 0) return index + 1;
    } else if (character === ',' && depth === 0) return index;
  }
  return text.length;
}

function keyStarts(text: string): number[] {
  const starts: number[] = [];
  const pattern = /"(?:[^"\\]|\\.)*"\s*:/g;
  for (let match = pattern.exec(text); match !== null && starts.length < 4096; match = pattern.exec(text)) starts.push(match.index);
  return starts;
}

function pick<T>(list: readonly T[], at: number): T | undefined {
  return list.length === 0 ? undefined : list[at % list.length];
}

export function applyMutation(bytes: Buffer, mutation: Mutation): Buffer {
  const at = bytes.length === 0 ? 0 : mutation.kind === 'encode' ? 0 : (mutation as { at: number }).at % (bytes.length + 1);
  switch (mutation.kind) {
    case 'flipByte':
      if (bytes.length === 0) return bytes;
      return Buffer.concat([bytes.subarray(0, at % bytes.length), Buffer.from([mutation.byte]), bytes.subarray((at % bytes.length) + 1)]);
    case 'truncate':
      return bytes.subarray(0, at);
    case 'deleteRange':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + mutation.length)]);
    case 'insertText':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(mutation.text, 'utf8'), bytes.subarray(at)]);
    case 'insertBytes':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(mutation.bytes), bytes.subarray(at)]);
    case 'encode': {
      if (mutation.encoding === 'utf8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);
      if (mutation.encoding === 'utf16be') littleEndian.swap16();
      return littleEndian;
    }
    default:
      break;
  }
  // Text-level edits that keep the JSON structure plausible.
  const text = bytes.toString('utf8');
  const edit = (start: number, end: number, replacement: string) => Buffer.from(text.slice(0, start) + replacement + text.slice(end), 'utf8');
  switch (mutation.kind) {
    case 'duplicateKey': {
      const brace = pick([...text.matchAll(/\{/g)].map((match) => match.index), mutation.at);
      return brace === undefined ? bytes : edit(brace + 1, brace + 1, `"${mutation.key}":${mutation.value},`);
    }
    case 'replaceValue': {
      const start = pick(valueStarts(text), mutation.at);
      return start === undefined ? bytes : edit(start, valueEnd(text, start), mutation.replacement);
    }
    case 'renameKey': {
      const start = pick(keyStarts(text), mutation.at);
      if (start === undefined) return bytes;
      const end = text.indexOf(':', start);
      return edit(start, text.lastIndexOf('"', end) + 1, JSON.stringify(mutation.key));
    }
    case 'nestDeep': {
      const start = pick(valueStarts(text), mutation.at);
      if (start === undefined) return bytes;
      const end = valueEnd(text, start);
      const [open, close] = mutation.brackets === '[]' ? ['[', ']'] : ['{"k":', '}'];
      return edit(start, end, open.repeat(mutation.depth) + text.slice(start, end) + close.repeat(mutation.depth));
    }
  }
}

export interface FuzzCase {
  base: { source: 'seed'; index: number } | { source: 'generated'; text: string };
  /** A job body written beside the task file, so cross-file binding runs too. */
  siblingJob: string | undefined;
  mutations: Mutation[];
}

export function fuzzCase(seedCount: number): fc.Arbitrary<FuzzCase> {
  const generatedText = fc.tuple(generatedDocument, fc.constantFrom(undefined, 2)).map(([value, indent]) => serialise(value, indent));
  const base = seedCount > 0
    ? fc.oneof(
        fc.nat({ max: seedCount - 1 }).map((index) => ({ source: 'seed' as const, index })),
        generatedText.map((text) => ({ source: 'generated' as const, text })),
      )
    : generatedText.map((text) => ({ source: 'generated' as const, text }));
  return fc.record({
    base,
    siblingJob: fc.option(jobBody.map((job) => serialise(job, undefined)), { nil: undefined, freq: 4 }),
    mutations: fc.array(mutation, { maxLength: 4 }),
  });
}

export function caseBytes(fuzz: FuzzCase, seeds: readonly string[]): Buffer {
  let bytes: Buffer = Buffer.from(fuzz.base.source === 'seed' ? seeds[fuzz.base.index]! : fuzz.base.text, 'utf8');
  for (const step of fuzz.mutations) bytes = applyMutation(bytes, step);
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// The property.

/** Every rule on, so every rule sees every input. */
const ALL_RULES_CONFIG = { extends: 'batchlint:all' };
const NOW = new Date('2026-01-15T00:00:00Z');
/** Raw control characters that must never reach a terminal (LF is the line separator). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export class FuzzFailure extends Error {}

function fail(reason: string): never {
  throw new FuzzFailure(reason);
}

/** Lines of `text` as the LineIndex counts them: breaks are LF, CRLF and a lone CR. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function checkRange(where: string, range: { line: number; column: number; endLine: number; endColumn: number }, lengths: readonly number[]): void {
  const { line, column, endLine, endColumn } = range;
  const describe = `${where} ${line}:${column}-${endLine}:${endColumn}`;
  for (const value of [line, column, endLine, endColumn]) if (!Number.isInteger(value)) fail(`${describe}: not an integer position`);
  if (line < 1 || column < 1) fail(`${describe}: starts before 1:1`);
  if (line > lengths.length) fail(`${describe}: line beyond the ${lengths.length} lines of the document`);
  if (column > lengths[line - 1]! + 1) fail(`${describe}: column beyond line ${line} (${lengths[line - 1]} characters)`);
  if (endLine < line || (endLine === line && endColumn < column)) fail(`${describe}: ends before it starts`);
  if (endLine > lengths.length) fail(`${describe}: end line beyond the document`);
  if (endColumn > lengths[endLine - 1]! + 1) fail(`${describe}: end column beyond line ${endLine}`);
}

export interface Workspace {
  directory: string;
  remove(): void;
}

export function createWorkspace(): Workspace {
  const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-fuzz-')));
  fs.mkdirSync(path.join(directory, '.git'));
  return { directory, remove: () => fs.rmSync(directory, { recursive: true, force: true }) };
}

/**
 * Lint one fuzz case as a file (byte-level mutations need real bytes) and check the properties.
 * Throws FuzzFailure, or whatever the pipeline threw, with the reason.
 */
export async function checkPipeline(bytes: Buffer, siblingJob: string | undefined, workspace: Workspace): Promise<void> {
  const taskPath = path.join(workspace.directory, 'task.json');
  const jobPath = path.join(workspace.directory, 'job.json');
  fs.writeFileSync(taskPath, bytes);
  if (siblingJob === undefined) fs.rmSync(jobPath, { force: true });
  else fs.writeFileSync(jobPath, siblingJob);

  let run: LintRun;
  try {
    run = await lint({ cwd: workspace.directory, patterns: ['task.json'], config: { content: ALL_RULES_CONFIG, directory: workspace.directory }, now: NOW });
  } catch (error) {
    fail(`lint() threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  if (run.failures.length > 0) fail(`failures: ${run.failures.join(' | ')}`);
  if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') || ({} as Record<string, unknown>).polluted !== undefined) fail('Object.prototype was polluted');

  const textByPath = new Map(run.documents.map((document) => [document.absolutePath, document.loaded.text]));
  const lengthsOf = (filePath: string) => {
    const text = textByPath.get(filePath);
    if (text === undefined) fail(`a message points into ${filePath}, which is not a document of the run`);
    return lineLengths(text);
  };
  for (const result of run.results) {
    const lengths = lengthsOf(result.filePath);
    for (const message of [...result.messages, ...result.suppressedMessages]) {
      checkRange(`${message.ruleId}/${message.messageId} at ${message.pointer}`, message, lengths);
      if (message.message.trim() === '') fail(`${message.ruleId}/${message.messageId}: empty message`);
      for (const related of message.relatedLocations ?? []) checkRange(`${message.ruleId} related ${related.pointer}`, related, lengthsOf(related.filePath));
    }
  }
  await checkFormatters(run, workspace.directory);
}

async function checkFormatters(run: LintRun, cwd: string): Promise<void> {
  const results: LintResult[] = run.results;
  const reported = new Set(results.flatMap((result) => result.messages.map((message) => message.ruleId)));
  const context: FormatterContext = {
    cwd,
    color: false,
    rulesMeta: {},
    // Only the rules that reported: describing all ~150 rules in every SARIF log would be most of the run's time.
    batchlint: { version: BATCHLINT_VERSION, rules: run.enabledRules.filter(({ rule }) => reported.has(rule.id)), repositoryRoot: cwd, executionSuccessful: true, docsUrl },
  };
  const jsonText = await json(results, context);
  try {
    const parsed = JSON.parse(jsonText) as LintResult[];
    if (parsed.length !== results.length) fail('json formatter lost results');
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    fail(`json formatter output is not JSON: ${String(error)}`);
  }
  const sarifText = await sarif(results, context);
  try {
    const log = JSON.parse(sarifText) as { runs: Array<{ results: unknown[] }> };
    const count = results.reduce((sum, result) => sum + result.messages.length, 0);
    if (log.runs[0]!.results.length !== Math.min(count, 25_000)) fail('sarif formatter lost results');
  } catch (error) {
    if (error instanceof FuzzFailure) throw error;
    fail(`sarif formatter output is not JSON: ${String(error)}`);
  }
  for (const [name, formatter] of [['stylish', stylish], ['github', github]] as const) {
    const text = await formatter(results, context);
    const raw = RAW_CONTROL.exec(text);
    if (raw) fail(`${name} output carries a raw U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
}

export function describeMessages(messages: readonly LintMessage[]): string {
  return messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`).join(', ');
}
