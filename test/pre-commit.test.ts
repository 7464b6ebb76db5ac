import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The real pre-commit tool installs this repository's hook the way a user's pre-commit would
// (npm install, npm pack, a global install of the tarball) and runs it in a throwaway git repository.
// Each `pre-commit try-repo` installs from scratch: about two minutes, so the test is opt-in.

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OPT_IN = 'BATCHLINT_TEST_PRE_COMMIT';

const GOOD_TASK = '{\n  "id": "frame-0001",\n  "commandLine": "blender -b scene.blend -f 1"\n}\n';
const BAD_TASK = '{\n  "id": "encode.final",\n  "commandLine": "ffmpeg -i in.mkv out.mp4"\n}\n';

function whyNotRunnable(): string | undefined {
  if (process.env[OPT_IN] !== '1') return `slow (a fresh npm install and build per run, about 2 minutes): set ${OPT_IN}=1 to run it`;
  if (spawnSync('pre-commit', ['--version'], { stdio: 'ignore' }).error) return 'the pre-commit tool is not installed (Debian: apt-get install -y pre-commit)';
  if (!fs.existsSync(path.join(projectRoot, '.git'))) return 'the project is not a git checkout, and pre-commit installs hooks from git';
  return undefined;
}

/** A git repository holding one committed task file. */
function repositoryWith(fileName: string, content: string): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-pre-commit-'));
  fs.writeFileSync(path.join(directory, fileName), content);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=batchlint test', '-c', 'user.email=test@example.invalid', ...args], { cwd: directory, stdio: 'ignore' });
  git('init', '--quiet');
  git('add', fileName);
  git('commit', '--quiet', '--message', 'task file');
  return directory;
}

function tryRepo(repository: string, fileName: string, ref: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // --ref: the committed hook, never the shared working tree's uncommitted edits.
    const child = spawn('pre-commit', ['try-repo', projectRoot, 'batchlint', '--ref', ref, '--files', fileName], {
      cwd: repository,
      env: { ...process.env, PRE_COMMIT_HOME: path.join(repository, '.pre-commit-home'), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

test('pre-commit try-repo: the batchlint hook fails on a bad task file and passes on a good one', { timeout: 15 * 60_000 }, async (t) => {
  const reason = whyNotRunnable();
  if (reason !== undefined) {
    t.skip(reason);
    return;
  }
  const ref = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
  const badRepository = repositoryWith('bad.json', BAD_TASK);
  const goodRepository = repositoryWith('good.json', GOOD_TASK);
  t.after(() => {
    for (const directory of [badRepository, goodRepository]) fs.rmSync(directory, { recursive: true, force: true });
  });
  const started = performance.now();
  const [bad, good] = await Promise.all([tryRepo(badRepository, 'bad.json', ref), tryRepo(goodRepository, 'good.json', ref)]);
  t.diagnostic(`both pre-commit runs took ${Math.round((performance.now() - started) / 1000)} s`);

  assert.equal(bad.code, 1, bad.output);
  assert.match(bad.output, /^batchlint\.+Failed$/m);
  assert.match(bad.output, /^ {2}bad\.json:2:9 +error +Id "encode\.final" contains "\."; .* +task-id-invalid-chars$/m);

  assert.equal(good.code, 0, good.output);
  assert.match(good.output, /^batchlint\.+Passed$/m);
});
