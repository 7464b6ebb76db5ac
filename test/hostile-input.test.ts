import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../src/lint.js';
import type { LintResult } from '../src/formatters/lint-result.js';

/*
 * Hostile input: files batchlint did not write, run through the BUILT CLI in a child process with
 * a timeout. Every case must end in findings or one-line errors naming the file, with the exit
 * code DESIGN.md §7 gives, and never a stack trace, an internal error, a hang or raw control
 * characters on a terminal. Inputs are generated here into temporary directories.
 */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binPath = path.join(projectRoot, 'dist', 'src', 'bin.js');
/** Generous: CI machines are slow and shared; a hang still fails, just later. */
const TIMEOUT_MS = 120_000;
/** The clock for SAS expiry rules, so outputs do not change with the date. */
const NOW = '2026-01-15T00:00:00Z';

const workspaces: string[] = [];
after(() => {
  for (const directory of workspaces) {
    // chmod 000 files and FIFOs must not stop the clean-up.
    fs.rmSync(directory, { recursive: true, force: true });
  }
});

/** A temporary directory with `files`; `.git` stops the config lookup and is the SARIF root. */
function workspace(files: Record<string, string | Uint8Array> = {}): string {
  const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-hostile-')));
  workspaces.push(directory);
  fs.mkdirSync(path.join(directory, '.git'));
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, relative)), { recursive: true });
    fs.writeFileSync(path.join(directory, relative), content);
  }
  return directory;
}

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

function childEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'BATCHLINT_DEBUG', 'NODE_OPTIONS']) delete env[name];
  return env;
}

function runCli(args: readonly string[], cwd: string, stdin = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { cwd, env: childEnvironment(), stdio: 'pipe' });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

/** No hang, no crash, no stack trace; every stderr line is one `batchlint: …` line. */
function assertWellBehaved(run: CliRun, expectedCode: number): void {
  assert.equal(run.timedOut, false, `batchlint did not finish within ${TIMEOUT_MS} ms`);
  assert.equal(run.signal, null, `batchlint was killed by ${run.signal}`);
  assert.doesNotMatch(run.stderr, /^\s+at /m, `stderr holds a stack trace:\n${run.stderr}`);
  assert.doesNotMatch(run.stderr + run.stdout, /internal error/i);
  for (const line of run.stderr.split('\n').filter((text) => text !== '')) {
    assert.match(line, /^batchlint: /, `stderr line is not a batchlint error line: ${JSON.stringify(line)}`);
  }
  assert.equal(run.code, expectedCode, `exit code; stderr:\n${run.stderr}\nstdout:\n${run.stdout.slice(0, 2000)}`);
}

interface Seen {
  file: string;
  at: string;
  rule: string;
}

/** `-f json` output as `file` (relative to `cwd`), `line:column` and `ruleId/messageId`, in output order. */
function findingsOf(run: CliRun, cwd: string): Seen[] {
  const results = JSON.parse(run.stdout) as LintResult[];
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(cwd, result.filePath).split(path.sep).join('/'),
      at: `${message.line}:${message.column}`,
      rule: `${message.ruleId}/${message.messageId}`,
    })),
  );
}

/** 1-based line and column (UTF-16 units) of the first `needle` in `text`. */
function positionOf(text: string, needle: string, occurrence = 1): string {
  let offset = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    offset = text.indexOf(needle, offset + 1);
    assert.notEqual(offset, -1, `${needle} not in the test input`);
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${column}`;
}

const JSON_ARGS = ['--no-config-lookup', '--no-color', '--now', NOW, '-f', 'json'];

async function lintFiles(cwd: string, files: readonly string[], expectedCode: number, extra: readonly string[] = []): Promise<{ run: CliRun; findings: Seen[] }> {
  const run = await runCli([...JSON_ARGS, ...extra, ...files], cwd);
  assertWellBehaved(run, expectedCode);
  return { run, findings: findingsOf(run, cwd) };
}

/** task-id-invalid-chars at the id's value: a known finding for checking positions after decoding. */
const INVALID_ID_TASK = '{"id":"a b","commandLine":"echo ü"}';

describe('hostile input through the built CLI', () => {
  test('an empty file and a whitespace-only file are json-syntax errors at 1:1', async () => {
    const cwd = workspace({ 'empty.json': '', 'blank.json': '   \n\t \r\n ' });
    const { findings } = await lintFiles(cwd, ['empty.json', 'blank.json'], 1);
    assert.deepEqual(findings, [
      { file: 'blank.json', at: '1:1', rule: 'json-syntax/emptyDocument' },
      { file: 'empty.json', at: '1:1', rule: 'json-syntax/emptyDocument' },
    ]);
  });

  test('a UTF-8 BOM and UTF-16 LE/BE with a BOM are decoded and linted, columns never counting the BOM', async () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(INVALID_ID_TASK, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    utf16be.swap16();
    // One directory each: tasks in one directory form one job, and four copies of one id would collide.
    const cwd = workspace({
      'plain/task.json': INVALID_ID_TASK,
      'bom/task.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(INVALID_ID_TASK, 'utf8')]),
      'utf16le/task.json': utf16le,
      'utf16be/task.json': utf16be,
    });
    const files = ['bom/task.json', 'plain/task.json', 'utf16be/task.json', 'utf16le/task.json'];
    const { findings } = await lintFiles(cwd, files, 1);
    const at = positionOf(INVALID_ID_TASK, '"a b"');
    assert.equal(at, '1:7');
    assert.deepEqual(findings, files.map((file) => ({ file, at, rule: 'task-id-invalid-chars/invalidCharacter' })));
  });

  test('invalid UTF-8, NUL bytes and a truncated UTF-16 file are json-syntax errors at the bad byte', async () => {
    const cwd = workspace({
      'invalid-utf8.json': Buffer.concat([Buffer.from('{"id":"ab'), Buffer.from([0xff]), Buffer.from('","commandLine":"x"}')]),
      'nul.json': Buffer.from('{"id":"a\u0000","commandLine":"x"}'),
      'odd-utf16.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le'), Buffer.from([0x20])]),
    });
    const { findings } = await lintFiles(cwd, ['invalid-utf8.json', 'nul.json', 'odd-utf16.json'], 1);
    assert.deepEqual(findings, [
      { file: 'invalid-utf8.json', at: '1:10', rule: 'json-syntax/invalidUtf8' },
      { file: 'nul.json', at: '1:9', rule: 'json-syntax/binaryContent' },
      { file: 'odd-utf16.json', at: '1:3', rule: 'json-syntax/binaryContent' },
    ]);
  });

  test('100,000-deep arrays and objects: no recursion overflow, positions at the bottom of the nesting', async () => {
    const depth = 100_000;
    const files = {
      'deep-arrays.json': '['.repeat(depth) + ']'.repeat(depth),
      'deep-objects.json': '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
      'deep-truncated.json': '['.repeat(depth),
      'deep-duplicate.json': '{"a":'.repeat(depth) + '{"k":1,"k":2}' + '}'.repeat(depth),
      'deep-task.json': '{"id":"deep-array","commandLine":"x","environmentSettings":' + '['.repeat(depth) + ']'.repeat(depth) + '}',
      'deep-task-objects.json': '{"id":"deep-object","commandLine":"x","constraints":' + '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) + '}',
    };
    const cwd = workspace(files);
    const { findings } = await lintFiles(cwd, Object.keys(files), 1, ['--rule', 'not-a-batch-file:info']);
    assert.deepEqual(findings, [
      { file: 'deep-arrays.json', at: '1:1', rule: 'not-a-batch-file/unrecognised' },
      { file: 'deep-duplicate.json', at: '1:1', rule: 'not-a-batch-file/unrecognised' },
      { file: 'deep-duplicate.json', at: `1:${5 * depth + 8}`, rule: 'json-duplicate-key/duplicateKey' },
      { file: 'deep-objects.json', at: '1:1', rule: 'not-a-batch-file/unrecognised' },
      { file: 'deep-task-objects.json', at: positionOf(files['deep-task-objects.json'], '"a"'), rule: 'unknown-property/unknown' },
      // environmentSettings[0]: the second bracket.
      { file: 'deep-task.json', at: `1:${files['deep-task.json'].indexOf('[') + 2}`, rule: 'json-type-mismatch/wrongType' },
      { file: 'deep-truncated.json', at: `1:${depth + 1}`, rule: 'json-syntax/unexpectedEnd' },
    ]);
  });

  test('a 50 MB single-line add-collection body is linted in one pass, with positions on its one line', async () => {
    const tasks: string[] = [];
    const padding = 'x'.repeat(52_500);
    for (let index = 0; index < 1000; index++) tasks.push(`{"id":"task-${index}","commandLine":"/bin/sh -c \\"echo ${padding}\\""}`);
    tasks[999] = '{"id":"last task","commandLine":"echo"}';
    const text = `{"value":[${tasks.join(',')}]}`;
    assert.ok(text.length > 50 * 1024 * 1024);
    const cwd = workspace({ 'huge.json': text });
    const { findings } = await lintFiles(cwd, ['huge.json'], 1);
    assert.deepEqual(findings, [
      { file: 'huge.json', at: '1:2', rule: 'collection-too-large/collectionTooLarge' },
      { file: 'huge.json', at: '1:2', rule: 'collection-too-many-tasks/tooManyTasks' },
      { file: 'huge.json', at: positionOf(text, '"last task"'), rule: 'task-id-invalid-chars/invalidCharacter' },
    ]);
  });

  test('1e400, -0 and 9007199254740993 in integer slots: int32 checks judge the parsed number exactly', async () => {
    const text = [
      '{',
      '  "id": "numbers",',
      '  "commandLine": "x",',
      '  "requiredSlots": 9007199254740993,',
      '  "constraints": { "maxTaskRetryCount": 1e400 },',
      '  "exitConditions": { "exitCodes": [',
      '    { "code": -0, "exitOptions": { "jobAction": "none" } },',
      '    { "code": 2147483647, "exitOptions": { "jobAction": "none" } },',
      '    { "code": 2147483648, "exitOptions": { "jobAction": "none" } },',
      '    { "code": -2147483648, "exitOptions": { "jobAction": "none" } },',
      '    { "code": -2147483649, "exitOptions": { "jobAction": "none" } },',
      '    { "code": 2147483646.5, "exitOptions": { "jobAction": "none" } }',
      '  ] }',
      '}',
    ].join('\n');
    const negativeZero = '{"id":"negative-zero","commandLine":"x","requiredSlots":-0,"constraints":{"maxTaskRetryCount":-0}}';
    const cwd = workspace({ 'numbers.json': text, 'negative-zero.json': negativeZero });
    const { run, findings } = await lintFiles(cwd, ['numbers.json', 'negative-zero.json'], 1);
    assert.deepEqual(findings, [
      { file: 'negative-zero.json', at: positionOf(negativeZero, '-0'), rule: 'required-slots-invalid/slotsBelowOne' },
      { file: 'numbers.json', at: positionOf(text, '9007199254740993'), rule: 'int32-out-of-range/outOfRange' },
      { file: 'numbers.json', at: positionOf(text, '1e400'), rule: 'int32-out-of-range/outOfRange' },
      { file: 'numbers.json', at: positionOf(text, '2147483648'), rule: 'int32-out-of-range/outOfRange' },
      { file: 'numbers.json', at: positionOf(text, '-2147483649'), rule: 'int32-out-of-range/outOfRange' },
      { file: 'numbers.json', at: positionOf(text, '2147483646.5'), rule: 'json-type-mismatch/wrongType' },
    ]);
    // The message quotes what the user wrote, never Infinity or a rounded 9007199254740992.
    assert.doesNotMatch(run.stdout, /Infinity|9007199254740992/);
  });

  test('duplicate keys are findings at the repeated key, with the line of the first', async () => {
    const text = '{\n  "id": "a",\n  "commandLine": "x",\n  "id": "b",\n  "constraints": { "maxTaskRetryCount": 1, "maxTaskRetryCount": 2 }\n}';
    const cwd = workspace({ 'duplicates.json': text });
    const { run, findings } = await lintFiles(cwd, ['duplicates.json'], 1);
    assert.deepEqual(findings, [
      { file: 'duplicates.json', at: '4:3', rule: 'json-duplicate-key/duplicateKey' },
      { file: 'duplicates.json', at: positionOf(text, '"maxTaskRetryCount"', 2), rule: 'json-duplicate-key/duplicateKey' },
    ]);
    assert.match(run.stdout, /first on line 2/);
  });

  test('comments and trailing commas (JSONC) are json-syntax errors that say the Batch service needs strict JSON', async () => {
    const comment = '{\n  // the render task\n  "id": "a",\n  "commandLine": "x"\n}';
    const trailing = '{\n  "id": "a",\n  "commandLine": "x",\n}';
    const cwd = workspace({ 'comment.json': comment, 'trailing.json': trailing });
    const { run, findings } = await lintFiles(cwd, ['comment.json', 'trailing.json'], 1);
    assert.deepEqual(findings, [
      { file: 'comment.json', at: '2:3', rule: 'json-syntax/comment' },
      { file: 'trailing.json', at: positionOf(trailing, ',\n}'), rule: 'json-syntax/trailingComma' },
    ]);
    const messages = (JSON.parse(run.stdout) as LintResult[]).map((result) => result.messages[0]!.message);
    for (const message of messages) assert.match(message, /the Batch service accepts strict JSON only/);
  });
});

describe('inputs that cannot be read', () => {
  test('a directory named x.json: matched by a glob it is a one-line error (exit 2), named explicitly a usage error', async () => {
    const cwd = workspace({ 'task.json': INVALID_ID_TASK });
    fs.mkdirSync(path.join(cwd, 'x.json'));
    const globbed = await runCli([...JSON_ARGS, '*.json'], cwd);
    assertWellBehaved(globbed, 2);
    assert.equal(globbed.stderr, 'batchlint: x.json: is a directory, not a file\n');
    assert.deepEqual(findingsOf(globbed, cwd), [{ file: 'task.json', at: '1:7', rule: 'task-id-invalid-chars/invalidCharacter' }]);

    const explicit = await runCli([...JSON_ARGS, 'x.json'], cwd);
    assertWellBehaved(explicit, 2);
    assert.equal(explicit.stderr, 'batchlint: No .json files were found in the directory "x.json"\n');
    assert.equal(explicit.stdout, '');
  });

  test('a symlink loop and a dangling symlink, named and globbed: one line each, other files still linted', async () => {
    const cwd = workspace({ 'task.json': INVALID_ID_TASK });
    fs.symlinkSync('loop-b.json', path.join(cwd, 'loop-a.json'));
    fs.symlinkSync('loop-a.json', path.join(cwd, 'loop-b.json'));
    fs.symlinkSync('missing-target.json', path.join(cwd, 'dangling.json'));
    const expectedErrors = [
      'batchlint: dangling.json: is a symbolic link to a file that does not exist',
      'batchlint: loop-a.json: cannot be read: too many levels of symbolic links (a symlink loop)',
      'batchlint: loop-b.json: cannot be read: too many levels of symbolic links (a symlink loop)',
      '',
    ].join('\n');
    for (const patterns of [['*.json'], ['task.json', 'loop-a.json', 'loop-b.json', 'dangling.json']]) {
      const run = await runCli([...JSON_ARGS, ...patterns], cwd);
      assertWellBehaved(run, 2);
      assert.equal(run.stderr, expectedErrors);
      assert.deepEqual(findingsOf(run, cwd), [{ file: 'task.json', at: '1:7', rule: 'task-id-invalid-chars/invalidCharacter' }]);
    }
  });

  test('a FIFO is refused without being opened, so the run never blocks on it', async (t) => {
    const cwd = workspace({ 'task.json': INVALID_ID_TASK });
    const made = spawnSync('mkfifo', [path.join(cwd, 'pipe.json')]);
    if (made.status !== 0) {
      t.skip('mkfifo is not available');
      return;
    }
    for (const patterns of [['pipe.json', 'task.json'], ['*.json']]) {
      const run = await runCli([...JSON_ARGS, ...patterns], cwd);
      assertWellBehaved(run, 2);
      assert.equal(run.stderr, 'batchlint: pipe.json: is not a regular file (FIFO, socket or device)\n');
      assert.deepEqual(findingsOf(run, cwd), [{ file: 'task.json', at: '1:7', rule: 'task-id-invalid-chars/invalidCharacter' }]);
    }
  });

  test('a chmod 000 file: permission denied (exit 2) for a normal user; root reads it anyway and lints it', async () => {
    const cwd = workspace({ 'locked.json': INVALID_ID_TASK });
    fs.chmodSync(path.join(cwd, 'locked.json'), 0o000);
    // Root bypasses file modes, so whether the read fails is decided by who runs the test.
    let readable = true;
    try {
      fs.readFileSync(path.join(cwd, 'locked.json'));
    } catch {
      readable = false;
    }
    const run = await runCli([...JSON_ARGS, 'locked.json'], cwd);
    if (readable) {
      assertWellBehaved(run, 1);
      assert.deepEqual(findingsOf(run, cwd), [{ file: 'locked.json', at: '1:7', rule: 'task-id-invalid-chars/invalidCharacter' }]);
    } else {
      assertWellBehaved(run, 2);
      assert.equal(run.stderr, 'batchlint: locked.json: cannot be read: permission denied\n');
    }
  });

  test('a file that vanishes between discovery and reading is a one-line failure; the others are linted (lint() API)', async () => {
    const cwd = workspace({ 'a-task.json': INVALID_ID_TASK, 'b-vanishing.json': INVALID_ID_TASK });
    const vanishing = path.join(cwd, 'b-vanishing.json');
    // The loader stats each file before reading it: delete the file at exactly that moment.
    const mutableFs = fs as unknown as { statSync: typeof fs.statSync };
    const originalStat = fs.statSync;
    let deleted = false;
    mutableFs.statSync = ((target: fs.PathLike, ...rest: unknown[]) => {
      if (target === vanishing && !deleted) {
        deleted = true;
        fs.unlinkSync(vanishing);
      }
      return (originalStat as (...args: unknown[]) => unknown)(target, ...rest);
    }) as typeof fs.statSync;
    let run;
    try {
      run = await lint({ cwd, patterns: ['*.json'], useConfigLookup: false, now: new Date(NOW) });
    } finally {
      mutableFs.statSync = originalStat;
    }
    assert.equal(deleted, true, 'the loader never looked at the vanishing file');
    assert.deepEqual(run.failures, ['b-vanishing.json: no longer exists (it was removed or renamed while batchlint ran)']);
    assert.deepEqual(
      run.results.map((result) => [path.basename(result.filePath), result.messages.map((message) => message.ruleId)]),
      [['a-task.json', ['task-id-invalid-chars']]],
    );
  });
});

describe('prototype pollution', () => {
  const PROTO_TASK = [
    '{',
    '  "id": "proto",',
    '  "commandLine": "x",',
    '  "__proto__": { "polluted": "task", "id": "hidden" },',
    '  "constructor": { "prototype": { "polluted": "task" } },',
    '  "prototype": { "polluted": "task" },',
    '  "constraints": { "__proto__": { "maxTaskRetryCount": -5 } },',
    '  "environmentSettings": [{ "__proto__": { "name": "A" }, "value": "v" }]',
    '}',
  ].join('\n');

  function assertNotPolluted(): void {
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    assert.equal(Object.prototype.hasOwnProperty.call(Array.prototype, 'polluted'), false);
  }

  test('__proto__, constructor and prototype keys in a task body are unknown properties, and pollute nothing', async () => {
    const cwd = workspace({ 'proto.json': PROTO_TASK });
    const run = await lint({ cwd, patterns: ['proto.json'], useConfigLookup: false, now: new Date(NOW) });
    assertNotPolluted();
    assert.deepEqual(run.failures, []);
    assert.deepEqual(
      run.results[0]!.messages.map((message) => ({ at: `${message.line}:${message.column}`, rule: `${message.ruleId}/${message.messageId}` })),
      [
        { at: '4:3', rule: 'unknown-property/unknown' },
        { at: '5:3', rule: 'unknown-property/unknown' },
        { at: '6:3', rule: 'unknown-property/unknown' },
        { at: '7:20', rule: 'unknown-property/unknown' },
        { at: '8:27', rule: 'required-property-missing/missing' },
        { at: '8:29', rule: 'unknown-property/unknown' },
      ],
    );
  });

  test('__proto__ keys in inline config and config files are rejected by name, and pollute nothing', async () => {
    const cwd = workspace({ 'task.json': INVALID_ID_TASK });
    const inline = JSON.parse('{"extends":"batchlint:recommended","__proto__":{"polluted":"config"}}') as unknown;
    await assert.rejects(
      lint({ cwd, patterns: ['task.json'], config: { content: inline, directory: cwd } }),
      /unknown key "__proto__"/,
    );
    const inRules = JSON.parse('{"rules":{"__proto__":{"polluted":"rules"}}}') as unknown;
    await assert.rejects(lint({ cwd, patterns: ['task.json'], config: { content: inRules, directory: cwd } }), /key "rules.__proto__" must be one of "off"/);
    const ruleNamedProto = JSON.parse('{"rules":{"__proto__":"off"}}') as unknown;
    await assert.rejects(lint({ cwd, patterns: ['task.json'], config: { content: ruleNamedProto, directory: cwd } }), /key "rules.__proto__" is not a valid rule id/);
    const inOptions = JSON.parse('{"rules":{"collection-size-near-limit":["warn",{"__proto__":{"polluted":"options"}}]}}') as unknown;
    await assert.rejects(lint({ cwd, patterns: ['task.json'], config: { content: inOptions, directory: cwd } }), /unknown option "__proto__"/);
    assertNotPolluted();

    for (const [name, content] of [
      ['.batchlintrc.json', '{"extends":"batchlint:recommended","__proto__":{"polluted":"file"},"overrides":[{"files":"*.json","__proto__":{"polluted":"file"}}]}'],
      ['.batchlintrc.yaml', 'extends: batchlint:recommended\n__proto__:\n  polluted: yaml\n'],
    ] as const) {
      const configDirectory = workspace({ 'task.json': INVALID_ID_TASK, [name]: content });
      const run = await runCli([...JSON_ARGS.filter((arg) => arg !== '--no-config-lookup'), 'task.json'], configDirectory);
      assertWellBehaved(run, 2);
      assert.match(run.stderr, /^batchlint: Invalid config .*: (the config|key "overrides\[0\]") has an unknown key "__proto__"/);
    }
    assertNotPolluted();
  });

  test('after a config with __proto__ values in legal places, rules still report correctly', async () => {
    const cwd = workspace({ 'proto.json': PROTO_TASK, 'task.json': INVALID_ID_TASK });
    const content = JSON.parse(
      '{"extends":"batchlint:recommended","rules":{"unknown-property":"off"},' +
        '"suppressions":[{"files":"__proto__","taskId":"__proto__","reason":"__proto__"}],' +
        '"ignores":["__proto__/**"],"overrides":[{"files":["__proto__"],"rules":{"task-id-invalid-chars":"off"}}]}',
    ) as unknown;
    const run = await lint({ cwd, patterns: ['*.json'], config: { content, directory: cwd }, now: new Date(NOW) });
    assertNotPolluted();
    assert.deepEqual(run.failures, []);
    assert.deepEqual(
      run.results.map((result) => [path.basename(result.filePath), result.messages.map((message) => message.ruleId)]),
      [
        ['proto.json', ['required-property-missing']],
        ['task.json', ['task-id-invalid-chars']],
      ],
    );
  });
});
