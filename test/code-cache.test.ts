import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { temporaryWorkspaces } from './support/temp-workspace.js';

// dist/src/bin.js runs the bundled script with a V8 code cache (src/startup/run-cli-script.ts).
// Each case copies the built entry and bundle into a package of its own, so that the cache it
// writes and spoils is that package's, never the project's.

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scriptPath = path.join(projectRoot, 'dist', 'bundle', 'cli-script.cjs');
const hasBundle = fs.existsSync(scriptPath);
const workspace = temporaryWorkspaces('batchlint-code-cache-');

/** task-id-invalid-chars (error) at 2:9. */
const BROKEN_TASK = '{\n  "id": "encode.final",\n  "commandLine": "ffmpeg -i in.mkv out.mp4"\n}\n';
const LINT_ARGS = ['broken.json', '-f', 'json'];

interface Package {
  root: string;
  firstStdout?: string;
  cacheFile: string;
  run(args: readonly string[], env?: Record<string, string>): { code: number | null; stdout: string; stderr: string };
}

function installedPackage(): Package {
  const root = workspace({ 'broken.json': BROKEN_TASK });
  fs.copyFileSync(path.join(projectRoot, 'package.json'), path.join(root, 'package.json'));
  fs.cpSync(path.join(projectRoot, 'dist', 'src'), path.join(root, 'dist', 'src'), { recursive: true });
  fs.cpSync(path.join(projectRoot, 'dist', 'bundle'), path.join(root, 'dist', 'bundle'), { recursive: true });
  // bin.js takes the bundle only when it is at least as new as tsc's output.
  const now = new Date();
  fs.utimesSync(path.join(root, 'dist', 'bundle', 'cli-script.cjs'), now, now);
  const hash = /^\/\/ batchlint-script ([0-9a-f]{64})\n/.exec(fs.readFileSync(scriptPath, 'latin1'))![1]!;
  return {
    root,
    cacheFile: path.join(root, 'node_modules', '.cache', 'batchlint', `${hash}.${process.version}-${process.arch}.v8cache`),
    run(args, env = {}) {
      const child = spawnSync(process.execPath, [path.join(root, 'dist', 'src', 'bin.js'), ...args], {
        cwd: root,
        env: { ...withoutColour(process.env), ...env },
        encoding: 'utf8',
      });
      return { code: child.status, stdout: child.stdout, stderr: child.stderr };
    },
  };
}

function withoutColour(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'BATCHLINT_DEBUG', 'NODE_OPTIONS']) delete copy[name];
  return copy;
}

/** Lints broken.json: the package's first run is checked, and every later run must print the same bytes. */
function assertLintOutput(pkg: Package, env: Record<string, string> = {}): void {
  const result = pkg.run(LINT_ARGS, env);
  assert.deepEqual({ code: result.code, stderr: result.stderr }, { code: 1, stderr: '' });
  if (pkg.firstStdout === undefined) {
    const [file] = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }>;
    assert.equal(file?.filePath, path.join(pkg.root, 'broken.json'));
    assert.deepEqual(file.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column })), [{ ruleId: 'task-id-invalid-chars', line: 2, column: 9 }]);
    pkg.firstStdout = result.stdout;
  }
  assert.equal(result.stdout, pkg.firstStdout);
}

/** A cache file as run-cli-script.ts writes it: magic, SHA-256 of the data, the data. */
function cacheFileOf(data: Buffer): Buffer {
  return Buffer.concat([Buffer.from('BLVC'), crypto.createHash('sha256').update(data).digest(), data]);
}

function assertValidCache(file: string): void {
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'BLVC');
  const data = bytes.subarray(36);
  assert.ok(data.length > 0);
  assert.deepEqual(bytes.subarray(4, 36), crypto.createHash('sha256').update(data).digest());
}

describe('V8 code cache of the bundled CLI', { skip: hasBundle ? false : 'no dist/bundle/cli-script.cjs: run npm run build' }, () => {
  test('a lint run writes the cache, and a later run uses it without rewriting it, with the same output', () => {
    const pkg = installedPackage();
    assert.equal(fs.existsSync(pkg.cacheFile), false);
    assertLintOutput(pkg);
    assertValidCache(pkg.cacheFile);
    const written = fs.readFileSync(pkg.cacheFile);
    // Whole seconds: every file system stores them exactly.
    const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    fs.utimesSync(pkg.cacheFile, past, past);
    assertLintOutput(pkg);
    assert.equal(fs.statSync(pkg.cacheFile).mtimeMs, past.getTime(), 'an accepted cache is not written again');
    assert.deepEqual(fs.readFileSync(pkg.cacheFile), written);
  });

  test('--version and --help write no cache: it would hold too little to be worth keeping', () => {
    const pkg = installedPackage();
    const version = pkg.run(['--version']);
    assert.equal(version.code, 0);
    assert.equal(pkg.run(['--help']).code, 0);
    assert.equal(fs.existsSync(pkg.cacheFile), false);
    assert.equal(version.stdout, `${(JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  const spoiled: Record<string, (valid: Buffer) => Buffer> = {
    'an empty file': () => Buffer.alloc(0),
    'a header and no data': (valid) => valid.subarray(0, 36),
    'a truncated file': (valid) => valid.subarray(0, valid.length - 1000),
    'zeros of the right length': (valid) => Buffer.alloc(valid.length),
    'flipped bytes in the data (V8 itself would crash on them)': (valid) => {
      const copy = Buffer.from(valid);
      for (let offset = 100; offset < copy.length; offset += 997) copy[offset]! ^= 0x5a;
      return copy;
    },
    'a checked cache of another script (foreign V8 data)': () => cacheFileOf(new vm.Script('(function () { return 1 + 1; })').createCachedData()),
  };
  for (const [name, spoil] of Object.entries(spoiled)) {
    test(`${name}: the output is unchanged and the cache is written afresh`, () => {
      const pkg = installedPackage();
      assertLintOutput(pkg);
      fs.writeFileSync(pkg.cacheFile, spoil(fs.readFileSync(pkg.cacheFile)));
      assertLintOutput(pkg);
      assertValidCache(pkg.cacheFile);
      assertLintOutput(pkg);
    });
  }

  test('caches of other builds are removed when this build writes its own', () => {
    const pkg = installedPackage();
    const directory = path.dirname(pkg.cacheFile);
    fs.mkdirSync(directory, { recursive: true });
    const otherBuild = path.join(directory, `${'0'.repeat(64)}.${process.version}-${process.arch}.v8cache`);
    const unrelated = path.join(directory, 'notes.txt');
    fs.writeFileSync(otherBuild, 'old');
    fs.writeFileSync(unrelated, 'kept');
    assertLintOutput(pkg);
    assertValidCache(pkg.cacheFile);
    assert.equal(fs.existsSync(otherBuild), false);
    assert.equal(fs.readFileSync(unrelated, 'utf8'), 'kept');
  });

  test('when the package cannot hold the cache, a private directory under the temp dir does; one open to others is never used', { skip: typeof process.getuid !== 'function' }, () => {
    const pkg = installedPackage();
    // A file where node_modules/.cache should be: the package directory is unusable.
    fs.mkdirSync(path.join(pkg.root, 'node_modules'));
    fs.writeFileSync(path.join(pkg.root, 'node_modules', '.cache'), '');
    const temporary = workspace();
    const privateDirectory = path.join(temporary, `batchlint-${process.getuid!()}`);
    const privateFile = path.join(privateDirectory, path.basename(pkg.cacheFile));
    assertLintOutput(pkg, { TMPDIR: temporary });
    assertValidCache(privateFile);
    assert.equal(fs.statSync(privateDirectory).mode & 0o777, 0o700);

    // Spoiled data in a directory that others may write is neither read nor replaced.
    fs.chmodSync(privateDirectory, 0o777);
    fs.writeFileSync(privateFile, cacheFileOf(Buffer.from('planted')));
    assertLintOutput(pkg, { TMPDIR: temporary });
    assert.deepEqual(fs.readFileSync(privateFile), cacheFileOf(Buffer.from('planted')));
  });
});
