import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type CliIo } from '../src/cli.js';
import { lint } from '../src/lint.js';
import { CACHE_FORMAT } from '../src/cache/run-cache.js';
import { workerCount } from '../src/engine/worker-pool.js';

// The speed paths (worker threads, the run cache) must never change a byte of the output. A
// multi-job corpus with planted problems (bench/gen-corpus.mjs, 300 tasks in 40 job folders) is
// linted every way and compared with a plain run; no timing is asserted.

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const generator = path.join(projectRoot, 'bench', 'gen-corpus.mjs');
const temporaryDirectories: string[] = [];
const HOUR_AGO = new Date(Date.now() - 3_600_000);

/** A fresh copy of the corpus, with mtimes an hour old so the cache may trust them. */
function corpusCopy(source: string): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-speed-'));
  temporaryDirectories.push(directory);
  fs.cpSync(source, directory, { recursive: true });
  for (const file of listFiles(directory)) fs.utimesSync(file, HOUR_AGO, HOUR_AGO);
  return directory;
}

function listFiles(directory: string): string[] {
  const files: string[] = [];
  const pending = [directory];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else files.push(full);
    }
  }
  return files.sort();
}

interface Outputs {
  code: number;
  json: string;
  sarif: string;
  stderr: string;
}

/** The CLI in-process, writing JSON and SARIF; `--no-config-lookup` unless the case needs the config. */
async function runCli(cwd: string, flags: string[], { configLookup = false } = {}): Promise<Outputs> {
  const outDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-speed-out-'));
  temporaryDirectories.push(outDirectory);
  const jsonFile = path.join(outDirectory, 'out.json');
  const sarifFile = path.join(outDirectory, 'out.sarif');
  let stderr = '';
  const io: CliIo = {
    cwd,
    out: () => undefined,
    err: (text) => void (stderr += text),
    readStdin: async () => new Uint8Array(),
    isTty: false,
    env: {},
  };
  const code = await main(['.', '-f', `json:${jsonFile}`, '-f', `sarif:${sarifFile}`, ...(configLookup ? [] : ['--no-config-lookup']), ...flags], io);
  return { code, json: fs.readFileSync(jsonFile, 'utf8'), sarif: fs.readFileSync(sarifFile, 'utf8'), stderr };
}

function assertSame(actual: Outputs, expected: Outputs, label: string): void {
  assert.equal(actual.code, expected.code, `${label}: exit code`);
  assert.equal(actual.stderr, expected.stderr, `${label}: stderr`);
  assert.equal(actual.json, expected.json, `${label}: JSON output`);
  assert.equal(actual.sarif, expected.sarif, `${label}: SARIF output`);
}

let corpus: string;

before(() => {
  corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-speed-corpus-'));
  temporaryDirectories.push(corpus);
  const generated = spawnSync(process.execPath, [generator, '--out', corpus, '--case', 'A', '--tasks', '300', '--defects', '0.1'], { encoding: 'utf8' });
  assert.equal(generated.status, 0, generated.stderr);
});

after(() => {
  for (const directory of temporaryDirectories) fs.rmSync(directory, { recursive: true, force: true });
});

describe('--concurrency', () => {
  test('off, 1, 2 and auto give the plain run\'s JSON and SARIF, byte for byte', async () => {
    const cwd = corpusCopy(corpus);
    const plain = await runCli(cwd, []);
    const parsed = JSON.parse(plain.json) as Array<{ messages: unknown[] }>;
    assert.equal(parsed.length, 341, 'every file of the corpus is a result');
    assert.ok(parsed.filter((result) => result.messages.length > 0).length >= 20, 'the corpus has findings in many files');
    assert.equal(plain.code, 1);
    for (const setting of ['off', '1', '2', 'auto']) assertSame(await runCli(cwd, ['--concurrency', setting]), plain, `--concurrency ${setting}`);
  });

  test('a rule that throws in a worker is reported like one that throws in the main thread, and plugins load in workers', async () => {
    const cwd = corpusCopy(corpus);
    fs.writeFileSync(
      path.join(cwd, 'crashing-plugin.mjs'),
      `export default [{
        id: 'crash-on-render', summary: 'Throws on some tasks', rationale: 'Test.', howToFix: 'Test.',
        category: 'correctness', defaultSeverity: 'warn', recommended: true, scope: 'task',
        messages: { seen: 'Task {id} seen' },
        check(context) {
          const id = context.task.id ?? '';
          if (id.endsWith('7')) throw new Error('boom on ' + id);
          if (id.endsWith('3')) context.report({ messageId: 'seen', pointer: '/id', data: { id } });
        },
      }];\n`,
    );
    fs.writeFileSync(path.join(cwd, '.batchlintrc.json'), JSON.stringify({ plugins: ['./crashing-plugin.mjs'], rules: { 'crash-on-render': 'warn' } }));
    const plain = await runCli(cwd, ['--concurrency', 'off'], { configLookup: true });
    assert.equal(plain.code, 2);
    assert.match(plain.stderr, /rule "crash-on-render" failed: boom on /);
    assert.match(plain.json, /crash-on-render/);
    assertSame(await runCli(cwd, ['--concurrency', '2'], { configLookup: true }), plain, 'crashing plugin rule with 2 workers');
  });

  test('auto: no workers below 200 files, and never more workers than files', () => {
    assert.equal(workerCount('auto', 199), 0);
    assert.equal(workerCount('off', 10_000), 0);
    assert.equal(workerCount(3, 2), 2);
    assert.equal(workerCount(2, 300), 2);
  });
});

describe('--cache', () => {
  test('first run, second run, one file edited, config changed: always the plain run\'s output', async () => {
    const cwd = corpusCopy(corpus);
    const cacheFile = path.join(cwd, '.batchlintcache');
    const plain = await runCli(cwd, []);
    assert.equal(fs.existsSync(cacheFile), false, 'a run without --cache writes no cache');

    assertSame(await runCli(cwd, ['--cache']), plain, 'first cached run');
    const written = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { format: string; runs: unknown[] };
    assert.equal(written.format, CACHE_FORMAT);
    assert.equal(written.runs.length, 1);
    assertSame(await runCli(cwd, ['--cache']), plain, 'second cached run');

    // A planted problem made worse in one file: the cache must notice and give the new plain output.
    const edited = listFiles(cwd).find((file) => file.endsWith('.json') && !file.endsWith('job.json') && !file.endsWith('pool.json'))!;
    const task = JSON.parse(fs.readFileSync(edited, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(edited, JSON.stringify({ ...task, id: 'has spaces and $ signs' }, null, 2));
    const plainAfterEdit = await runCli(cwd, []);
    assert.notEqual(plainAfterEdit.json, plain.json);
    assertSame(await runCli(cwd, ['--cache']), plainAfterEdit, 'cached run after an edit');
    assertSame(await runCli(cwd, ['--cache']), plainAfterEdit, 'second cached run after an edit');

    fs.writeFileSync(path.join(cwd, '.batchlintrc.json'), JSON.stringify({ rules: { 'task-id-invalid-chars': 'off', 'sas-token-committed': 'info' } }));
    const plainWithConfig = await runCli(cwd, [], { configLookup: true });
    assert.notEqual(plainWithConfig.json, plainAfterEdit.json);
    assertSame(await runCli(cwd, ['--cache'], { configLookup: true }), plainWithConfig, 'cached run after a config change');
    assertSame(await runCli(cwd, ['--cache'], { configLookup: true }), plainWithConfig, 'second cached run after a config change');
  });

  test('a cache hit reads no linted file: bytes changed behind an unchanged size and mtime go unseen', async () => {
    const cwd = corpusCopy(corpus);
    const location = path.join(cwd, 'cache', 'runs.json');
    const first = await lint({ cwd, patterns: ['.'], useConfigLookup: false, cache: { location } });
    assert.equal(first.fromCache, undefined);
    const target = listFiles(cwd).find((file) => path.basename(file).startsWith('task-'))!;
    const original = fs.readFileSync(target);
    // Same length, other bytes, the old mtime: only reading the file could tell.
    fs.writeFileSync(target, Buffer.alloc(original.length, 0x20));
    fs.utimesSync(target, HOUR_AGO, HOUR_AGO);
    const second = await lint({ cwd, patterns: ['.'], useConfigLookup: false, cache: { location } });
    assert.equal(second.fromCache, true);
    assert.deepEqual(second.results, first.results);
    assert.equal(second.documents.length, 0, 'nothing was loaded');
    // A different mtime makes the cache hash the file and notice: the blank file is a syntax error now.
    fs.utimesSync(target, new Date(), new Date());
    const third = await lint({ cwd, patterns: ['.'], useConfigLookup: false, cache: { location } });
    assert.equal(third.fromCache, undefined);
    const result = third.results.find((candidate) => candidate.filePath === target)!;
    assert.deepEqual(result.messages.map((message) => message.ruleId), ['json-syntax']);
  });

  test('same bytes under a new mtime still hit (the file is hashed, not re-linted)', async () => {
    const cwd = corpusCopy(corpus);
    const location = path.join(cwd, '.batchlintcache');
    const first = await lint({ cwd, patterns: ['.'], useConfigLookup: false, cache: { location } });
    const touched = listFiles(cwd).filter((file) => file.endsWith('job.json'))[0]!;
    fs.utimesSync(touched, new Date(), new Date());
    const second = await lint({ cwd, patterns: ['.'], useConfigLookup: false, cache: { location } });
    assert.equal(second.fromCache, true);
    assert.deepEqual(second.results, first.results);
  });

  test('a new job.json above linted task files is noticed (the binding changes), though no linted file changed', async () => {
    const cwd = corpusCopy(corpus);
    const folder = fs.readdirSync(cwd).find((name) => fs.existsSync(path.join(cwd, name, 'job.json')))!;
    const sibling = fs.readdirSync(path.join(cwd, folder)).find((name) => name !== 'job.json')!;
    const siblingId = (JSON.parse(fs.readFileSync(path.join(cwd, folder, sibling), 'utf8')) as { id: string }).id;
    const nested = path.join(cwd, folder, 'nested');
    fs.mkdirSync(nested);
    // It depends on a task of the folder's job: known there, unknown once a nearer job.json claims it.
    fs.writeFileSync(path.join(nested, 'extra.json'), JSON.stringify({ id: 'extra-1', commandLine: 'echo', dependsOn: { taskIds: [siblingId] } }));
    fs.utimesSync(path.join(nested, 'extra.json'), HOUR_AGO, HOUR_AGO);
    const options = { cwd, patterns: [path.join(folder, 'nested', 'extra.json')], useConfigLookup: false, cache: {} };
    const first = await lint(options);
    fs.writeFileSync(path.join(nested, 'job.json'), '{"id":"other-job","poolInfo":{"poolId":"missing-pool"},"usesTaskDependencies":true}\n');
    const afterNewJob = await lint(options);
    assert.equal(afterNewJob.fromCache, undefined);
    const { cache: _cache, ...uncached } = options;
    const plain = await lint(uncached);
    assert.deepEqual(afterNewJob.results, plain.results);
    assert.notDeepEqual(plain.results, first.results);
  });

  test('a corrupt or foreign cache file is ignored and replaced; --cache-location names the file', async () => {
    const cwd = corpusCopy(corpus);
    const plain = await runCli(cwd, []);
    for (const content of ['{not json', '{"format":"something-else","runs":[]}', '[]', '{"format":"batchlint-run-cache","version":1,"runs":[{"key":1}]}']) {
      fs.writeFileSync(path.join(cwd, 'my-cache'), content);
      assertSame(await runCli(cwd, ['--cache', '--cache-location', 'my-cache']), plain, `cache file ${content}`);
      assert.equal((JSON.parse(fs.readFileSync(path.join(cwd, 'my-cache'), 'utf8')) as { format: string }).format, CACHE_FORMAT);
    }
    assert.equal(fs.existsSync(path.join(cwd, '.batchlintcache')), false);
  });

  test('a run without --cache leaves an existing cache alone', async () => {
    const cwd = corpusCopy(corpus);
    await runCli(cwd, ['--cache']);
    const before = fs.readFileSync(path.join(cwd, '.batchlintcache'));
    fs.writeFileSync(path.join(cwd, 'align-02', 'extra.json'), '{"id":"x y","commandLine":"echo"}');
    await runCli(cwd, []);
    assert.deepEqual(fs.readFileSync(path.join(cwd, '.batchlintcache')), before);
  });
});
