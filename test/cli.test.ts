import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInRules } from '../rules/index.js';
import { temporaryWorkspaces } from './support/temp-workspace.js';

// End-to-end: the built CLI in a child process, each case in its own temporary directory.

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binPath = path.join(projectRoot, 'dist', 'src', 'bin.js');
const packageVersion = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

const CLEAN_TASK = '{\n  "id": "frame-0001",\n  "commandLine": "blender -b scene.blend -f 1"\n}\n';
/** task-id-invalid-chars (error) at 2:9. */
const BROKEN_TASK = '{\n  "id": "encode.final",\n  "commandLine": "ffmpeg -i in.mkv out.mp4"\n}\n';
/** shell-features-without-shell (warning) at 3:18. */
const RISKY_TASK = '{\n  "id": "build",\n  "commandLine": "make && make install"\n}\n';
/** A dependency on an unknown task: depends-on-unknown-task (warning) at 1:57. */
const DEPENDENT_TASK = '{"id":"t2","commandLine":"echo","dependsOn":{"taskIds":["t1"]}}\n';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  cwd: string;
  stdin?: string;
  env?: Record<string, string>;
}

/** A clean environment: the caller's colour variables must not leak into the assertions. */
function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'NODE_DISABLE_COLORS', 'BATCHLINT_DEBUG', 'NODE_OPTIONS']) delete env[name];
  return { ...env, ...extra };
}

function runCli(args: readonly string[], options: RunOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { cwd: options.cwd, env: childEnvironment(options.env), stdio: 'pipe' });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
    child.stdin.end(options.stdin ?? '');
  });
}

const workspace = temporaryWorkspaces('batchlint-cli-');

function assertNoStackTrace(run: CliRun): void {
  assert.doesNotMatch(run.stderr, /^\s+at .+(:\d+:\d+\)?|\(native\))$/m, `stderr holds a stack trace:\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, /internal error/, run.stderr);
}

/** A usage/config failure: exit 2, nothing on stdout, exactly this one line on stderr. */
function assertUsageFailure(run: CliRun, stderrLine: string): void {
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, `batchlint: ${stderrLine}\n`);
  assertNoStackTrace(run);
}

const ANSI = /\u001b\[/;

describe('batchlint CLI (built, spawned)', { concurrency: 8 }, () => {
  test('a clean file: exit 0, no output', async () => {
    const cwd = workspace({ 'clean.json': CLEAN_TASK });
    const run = await runCli(['clean.json'], { cwd });
    assert.deepEqual(run, { code: 0, stdout: '', stderr: '' });
  });

  test('an error finding: exit 1, stylish report on stdout with the exact position, nothing on stderr', async () => {
    const cwd = workspace({ 'broken.json': BROKEN_TASK });
    const run = await runCli(['broken.json'], { cwd });
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      [
        '',
        'broken.json',
        '  broken.json:2:9  error  Id "encode.final" contains "."; use only letters, digits, "-" and "_"  task-id-invalid-chars',
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 info)',
        '',
      ].join('\n'),
    );
  });

  test('only warnings: exit 0; more warnings than --max-warnings: exit 1 with a note', async () => {
    const cwd = workspace({ 'risky.json': RISKY_TASK });
    const warnOnly = await runCli(['risky.json'], { cwd });
    assert.equal(warnOnly.code, 0);
    assert.match(warnOnly.stdout, /^ +risky\.json:3:18 +warning +.* +shell-features-without-shell$/m);
    assert.equal(warnOnly.stderr, '');

    const atLimit = await runCli(['--max-warnings', '1', 'risky.json'], { cwd });
    assert.equal(atLimit.code, 0);
    assert.equal(atLimit.stdout, warnOnly.stdout);

    const overLimit = await runCli(['--max-warnings', '0', 'risky.json'], { cwd });
    assert.equal(overLimit.code, 1);
    assert.match(overLimit.stdout, /batchlint found too many warnings \(maximum: 0, found: 1\)\.\n$/);
    assert.equal(overLimit.stderr, '');
  });

  test('--quiet prints only errors, and a warnings-only run prints nothing', async () => {
    const cwd = workspace({ 'broken.json': BROKEN_TASK, 'risky.json': RISKY_TASK });
    const both = await runCli(['--quiet', 'broken.json', 'risky.json'], { cwd });
    assert.equal(both.code, 1);
    assert.match(both.stdout, /broken\.json:2:9 +error/);
    assert.doesNotMatch(both.stdout, /risky\.json| warning /);
    const warningsOnly = await runCli(['--quiet', 'risky.json'], { cwd });
    assert.deepEqual(warningsOnly, { code: 0, stdout: '', stderr: '' });
  });

  test('an unknown flag: exit 2, the message names it and suggests the near miss', async () => {
    const cwd = workspace({ 'clean.json': CLEAN_TASK });
    assertUsageFailure(
      await runCli(['--max-warning', '3', 'clean.json'], { cwd }),
      'Unknown option --max-warning; did you mean --max-warnings? (batchlint --help lists the options)',
    );
    assertUsageFailure(
      await runCli(['--formt', 'json', 'clean.json'], { cwd }),
      'Unknown option --formt; did you mean --format? (batchlint --help lists the options)',
    );
  });

  test('a missing explicit file: exit 2', async () => {
    const cwd = workspace({ 'clean.json': CLEAN_TASK });
    assertUsageFailure(await runCli(['clean.json', 'missing.json'], { cwd }), 'No such file or directory: missing.json');
  });

  test('a glob that matches nothing: exit 2, or 0 with --no-error-on-unmatched-pattern', async () => {
    const cwd = workspace({ 'clean.json': CLEAN_TASK });
    assertUsageFailure(await runCli(['jobs/**/*.json'], { cwd }), 'No files matching the pattern "jobs/**/*.json" were found');
    const optedOut = await runCli(['--no-error-on-unmatched-pattern', 'jobs/**/*.json', 'clean.json'], { cwd });
    assert.deepEqual(optedOut, { code: 0, stdout: '', stderr: '' });
  });

  test('a config with an invalid key: exit 2, the key named with its near miss', async () => {
    const cwd = workspace({ 'clean.json': CLEAN_TASK, '.batchlintrc.json': '{ "rulez": {} }\n' });
    const run = await runCli(['clean.json'], { cwd });
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^batchlint: Invalid config .*\.batchlintrc\.json: the config has an unknown key "rulez"; did you mean "rules"\?/);
    assert.equal(run.stderr.split('\n').length, 2, 'one line');
    assertNoStackTrace(run);
  });

  test('an unknown rule in --rule: exit 2 with the near miss', async () => {
    const cwd = workspace({ 'clean.json': CLEAN_TASK });
    assertUsageFailure(
      await runCli(['--rule', 'task-id-to-long:off', 'clean.json'], { cwd }),
      '--rule: unknown rule "task-id-to-long"; did you mean "task-id-too-long"? (batchlint --list-rules lists them)',
    );
  });

  test('an unknown formatter: exit 2, naming the built-ins and the packages tried', async () => {
    const cwd = workspace({ 'clean.json': CLEAN_TASK });
    assertUsageFailure(
      await runCli(['-f', 'nope', 'clean.json'], { cwd }),
      `Formatter "nope" not found. Built-in formatters: github, json, sarif, stylish. Tried the packages batchlint-formatter-nope, eslint-formatter-nope and the file ${path.join(cwd, 'nope')}.`,
    );
  });

  test('an unreadable input (a directory named x.json that a glob lists): exit 2, other files still reported', async () => {
    const cwd = workspace({ 'broken.json': BROKEN_TASK });
    fs.mkdirSync(path.join(cwd, 'x.json'));
    const run = await runCli(['*.json'], { cwd });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'batchlint: x.json: is a directory, not a file\n');
    assert.match(run.stdout, /broken\.json:2:9 +error/);
    assertNoStackTrace(run);
  });

  test(
    'an explicitly named directory that holds no JSON file (x.json/): exit 2 like an unmatched pattern',
    async () => {
      const cwd = workspace({});
      fs.mkdirSync(path.join(cwd, 'x.json'));
      const run = await runCli(['x.json'], { cwd });
      assert.equal(run.code, 2);
    },
  );

  test('--exit-zero: exit 0 with error findings, still 2 when batchlint fails', async () => {
    const cwd = workspace({ 'broken.json': BROKEN_TASK });
    fs.mkdirSync(path.join(cwd, 'x.json'));
    const findings = await runCli(['--exit-zero', 'broken.json'], { cwd });
    assert.equal(findings.code, 0);
    assert.match(findings.stdout, /broken\.json:2:9 +error/);
    assertUsageFailure(await runCli(['--exit-zero', 'broken.json', 'missing.json'], { cwd }), 'No such file or directory: missing.json');
    const unreadable = await runCli(['--exit-zero', '*.json'], { cwd });
    assert.equal(unreadable.code, 2);
    assert.equal(unreadable.stderr, 'batchlint: x.json: is a directory, not a file\n');
  });

  test('--stdin without a file name reports <stdin>', async () => {
    const cwd = workspace({});
    const run = await runCli(['--stdin'], { cwd, stdin: BROKEN_TASK });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^<stdin>\n +<stdin>:2:9 +error +.* +task-id-invalid-chars$/m);
    assert.equal(run.stderr, '');
  });

  test('--stdin-filename inside a folder with job.json binds the input to that job', async () => {
    const cwd = workspace({ 'render/job.json': '{"id":"render-job","poolInfo":{"poolId":"render-pool"}}\n' });
    const bound = await runCli(['--stdin', '--stdin-filename', 'render/t2.json'], { cwd, stdin: DEPENDENT_TASK });
    assert.equal(bound.code, 1, bound.stdout);
    assert.match(
      bound.stdout,
      /^ +render\/t2\.json:1:33 +error +The task depends on other tasks but job "render-job" does not set usesTaskDependencies to true; .* +depends-on-without-job-flag$/m,
    );
    assert.match(bound.stdout, /^ +render\/t2\.json:1:57 +warning +Task "t2" depends on "t1", but no task of job "render-job" has that id; .* +depends-on-unknown-task$/m);

    // Outside the folder nothing binds it to a job: no job flag to miss.
    const unbound = await runCli(['--stdin', '--stdin-filename', 'elsewhere/t2.json'], { cwd, stdin: DEPENDENT_TASK });
    assert.equal(unbound.code, 0);
    assert.doesNotMatch(unbound.stdout, /depends-on-without-job-flag/);
    assert.match(unbound.stdout, /^ +elsewhere\/t2\.json:1:57 +warning .* +depends-on-unknown-task$/m);
  });

  test('-o writes exactly the stdout form, atomically (no temp file left), and prints nothing', async () => {
    const cwd = workspace({ 'broken.json': BROKEN_TASK, 'risky.json': RISKY_TASK });
    const printed = await runCli(['broken.json', 'risky.json'], { cwd });
    const written = await runCli(['-o', 'reports/lint.txt', 'broken.json', 'risky.json'], { cwd, env: { FORCE_COLOR: '1' } });
    assert.equal(written.code, 1);
    assert.equal(written.stdout, '');
    assert.equal(written.stderr, '');
    // A file never gets colours, even when FORCE_COLOR asks for them on the terminal.
    assert.equal(fs.readFileSync(path.join(cwd, 'reports', 'lint.txt'), 'utf8'), printed.stdout);
    assert.deepEqual(fs.readdirSync(path.join(cwd, 'reports')), ['lint.txt']);
  });

  test('colours: --color on, --no-color off, NO_COLOR off, FORCE_COLOR on without a TTY, default off', async () => {
    const cwd = workspace({ 'broken.json': BROKEN_TASK });
    const [forced, disabled, noColor, forceColor, plain, flagBeatsEnv] = await Promise.all([
      runCli(['--color', 'broken.json'], { cwd }),
      runCli(['--no-color', 'broken.json'], { cwd, env: { FORCE_COLOR: '1' } }),
      runCli(['broken.json'], { cwd, env: { NO_COLOR: '1' } }),
      runCli(['broken.json'], { cwd, env: { FORCE_COLOR: '1' } }),
      runCli(['broken.json'], { cwd }),
      runCli(['--color', 'broken.json'], { cwd, env: { NO_COLOR: '1' } }),
    ]);
    assert.match(forced.stdout, ANSI);
    assert.doesNotMatch(disabled.stdout, ANSI);
    assert.doesNotMatch(noColor.stdout, ANSI);
    assert.match(forceColor.stdout, ANSI);
    assert.doesNotMatch(plain.stdout, ANSI);
    assert.match(flagBeatsEnv.stdout, ANSI);
    // Colour is decoration only: stripped, the text is the plain text.
    assert.equal(forced.stdout.replace(/\u001b\[\d+(;\d+)*m/g, ''), plain.stdout);
    for (const run of [forced, disabled, noColor, forceColor, plain]) assert.equal(run.code, 1);
  });

  test('--list-rules lists every rule id with its severity and category', async () => {
    const run = await runCli(['--list-rules'], { cwd: workspace({}) });
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    const ruleRows = run.stdout.split('\n').filter((line) => /^[a-z0-9-]+ +(error|warn|info) /.test(line));
    const rows = new Map(
      ruleRows.map((line) => {
        const [id, severity, category] = line.split(/\s+/);
        return [id!, { severity, category }];
      }),
    );
    assert.equal(ruleRows.length, builtInRules.length, 'one row per rule');
    for (const rule of builtInRules) {
      assert.deepEqual(rows.get(rule.id), { severity: rule.defaultSeverity, category: rule.category }, rule.id);
    }
  });

  test('--print-config prints the resolved configuration of a file as JSON', async () => {
    const cwd = workspace({ 'clean.json': CLEAN_TASK });
    const run = await runCli(['--print-config', 'clean.json', '--rule', 'task-id-invalid-chars:warn', '--api-version', '2024-02-01.19.0'], { cwd });
    assert.equal(run.code, 0, run.stderr);
    const printed = JSON.parse(run.stdout) as { file: string; configFile: unknown; apiVersion: string; rules: Record<string, unknown> };
    assert.equal(printed.file, 'clean.json');
    assert.equal(printed.configFile, null);
    assert.equal(printed.apiVersion, '2024-02-01.19.0');
    assert.equal(printed.rules['task-id-invalid-chars'], 'warn');
    assert.equal(printed.rules['task-id-too-long'], 'error');
  });

  test('--print-context names the job and pool of a task file and why', async () => {
    const cwd = workspace({
      'render/job.json': '{"id":"render-job","poolInfo":{"poolId":"render-pool"}}\n',
      'render/pool.json':
        '{"id":"render-pool","vmSize":"standard_d2s_v3","targetDedicatedNodes":1,"virtualMachineConfiguration":' +
        '{"imageReference":{"publisher":"canonical","offer":"ubuntu","sku":"22_04-lts"},"nodeAgentSKUId":"batch.node.ubuntu 22.04"}}\n',
      'render/t2.json': DEPENDENT_TASK,
      'loose/t2.json': DEPENDENT_TASK,
    });
    const bound = await runCli(['--print-context', 'render/t2.json'], { cwd });
    assert.equal(bound.code, 0, bound.stderr);
    const [header, binding, ...rest] = bound.stdout.split('\n');
    assert.equal(header, 'render/t2.json: task (api-version 2025-06-01.21.0)');
    assert.match(
      binding!,
      /^ +task "t2" at \/: job "render-job" in render\/job\.json, because [^;]*job\.json[^;]*render\/t2\.json; pool: "render-pool" in render\/pool\.json \(linux\) \(poolInfo\.poolId "render-pool" → render\/pool\.json\)$/,
    );
    assert.deepEqual(rest, ['']);

    const loose = await runCli(['--print-context', 'loose/t2.json'], { cwd });
    assert.match(loose.stdout, /^ +task "t2" at \/: anonymous job of loose, because [^;]+; pool: unknown \(no pool: the job is not known\)$/m);
  });

  test('--version matches package.json; --help prints the usage', async () => {
    const cwd = workspace({});
    assert.deepEqual(await runCli(['--version'], { cwd }), { code: 0, stdout: `${packageVersion}\n`, stderr: '' });
    assert.deepEqual(await runCli(['-v'], { cwd }), { code: 0, stdout: `${packageVersion}\n`, stderr: '' });
    const help = await runCli(['--help'], { cwd });
    assert.equal(help.code, 0);
    assert.equal(help.stderr, '');
    assert.match(help.stdout, /^batchlint \[options\] \[file\|dir\|glob\]\.\.\.\n/);
    for (const flag of ['--format', '--output-file', '--max-warnings', '--stdin-filename', '--print-context', '--api-version', '--exit-zero']) {
      assert.ok(help.stdout.includes(flag), flag);
    }
    assert.match(help.stdout, /Exit codes: 0 clean, 1 error findings \(or too many warnings\), 2 usage, config or internal failure\.\n$/);
  });

  test('three outputs in one run: stylish on stdout, SARIF and JSON files that parse and agree', async () => {
    const cwd = workspace({ 'broken.json': BROKEN_TASK, 'risky.json': RISKY_TASK });
    const run = await runCli(['-f', 'stylish', '-f', 'sarif:reports/out.sarif', '-f', 'json:reports/out.json', 'broken.json', 'risky.json'], { cwd });
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /✖ 2 problems \(1 error, 1 warning, 0 info\)/);
    assert.deepEqual(fs.readdirSync(path.join(cwd, 'reports')).sort(), ['out.json', 'out.sarif']);

    const json = JSON.parse(fs.readFileSync(path.join(cwd, 'reports', 'out.json'), 'utf8')) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string; severity: number; line: number; column: number }>;
    }>;
    assert.deepEqual(
      json.map((result) => [path.basename(result.filePath), result.messages.map((m) => `${m.ruleId} ${m.severity} ${m.line}:${m.column}`)]),
      [
        ['broken.json', ['task-id-invalid-chars 2 2:9']],
        ['risky.json', ['shell-features-without-shell 1 3:18']],
      ],
    );

    const sarif = JSON.parse(fs.readFileSync(path.join(cwd, 'reports', 'out.sarif'), 'utf8')) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string } };
        results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
      }>;
    };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0]!.tool.driver.name, 'batchlint');
    assert.deepEqual(
      sarif.runs[0]!.results.map((result) => {
        const location = result.locations[0]!.physicalLocation;
        return `${result.ruleId} ${result.level} ${location.artifactLocation.uri}:${location.region.startLine}:${location.region.startColumn}`;
      }),
      ['task-id-invalid-chars error broken.json:2:9', 'shell-features-without-shell warning risky.json:3:18'],
    );
  });

  test('-f junit and -f checkstyle load the eslint-formatter packages', async () => {
    const cwd = workspace({ 'broken.json': BROKEN_TASK, 'risky.json': RISKY_TASK });
    // Formatter packages resolve from the working directory, as in a project that installed them.
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(cwd, 'node_modules'), 'dir');
    const [junit, checkstyle] = await Promise.all([
      runCli(['-f', 'junit', 'broken.json', 'risky.json'], { cwd }),
      runCli(['-f', 'checkstyle', 'broken.json', 'risky.json'], { cwd }),
    ]);
    assert.equal(junit.code, 1, junit.stderr);
    assert.match(junit.stdout, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<testsuites>\n/);
    assert.ok(junit.stdout.includes(`<testsuite package="org.eslint" time="0" tests="1" errors="1" name="${path.join(cwd, 'broken.json')}">`));
    assert.ok(junit.stdout.includes('<testcase time="0" name="org.eslint.task-id-invalid-chars"'));
    assert.ok(junit.stdout.includes('<![CDATA[line 3, col 18, Warning - '));
    assert.equal(checkstyle.code, 1, checkstyle.stderr);
    assert.ok(
      checkstyle.stdout.includes(
        `<file name="${path.join(cwd, 'broken.json')}"><error line="2" column="9" severity="error" message="Id &quot;encode.final&quot; contains &quot;.&quot;; use only letters, digits, &quot;-&quot; and &quot;_&quot; (task-id-invalid-chars)" source="eslint.rules.task-id-invalid-chars" /></file>`,
      ),
    );
    assert.ok(checkstyle.stdout.includes('<error line="3" column="18" severity="warning"'));
  });

  test('--api-version 2017-05-01.5.0 changes the findings (application packages on an IaaS auto pool)', async () => {
    const cwd = workspace({ 'job.json': fs.readFileSync(path.join(projectRoot, 'fixtures', 'app-package-on-iaas-pool-legacy', 'invalid.json'), 'utf8') });
    const newest = await runCli(['-f', 'json', 'job.json'], { cwd });
    const legacy = await runCli(['-f', 'json', '--api-version', '2017-05-01.5.0', 'job.json'], { cwd });
    const rulesAt = (run: CliRun) =>
      (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number }> }>)[0]!.messages
        .filter((message) => message.ruleId === 'app-package-on-iaas-pool-legacy')
        .map((message) => `${message.line}:${message.column}`);
    assert.deepEqual(rulesAt(newest), []);
    assert.deepEqual(rulesAt(legacy), ['19:5']);
    assert.equal(legacy.code, 1);
  });

  test('--complete-task-set turns an unknown dependency from a warning into an error', async () => {
    const cwd = workspace({ 'tasks.json': fs.readFileSync(path.join(projectRoot, 'fixtures', 'depends-on-unknown-task', 'invalid.json'), 'utf8') });
    const partial = await runCli(['tasks.json'], { cwd });
    const complete = await runCli(['--complete-task-set', 'tasks.json'], { cwd });
    assert.equal(partial.code, 0);
    assert.match(partial.stdout, /^ +tasks\.json:3:97 +warning +Task "render" depends on "prepare-assets".* +depends-on-unknown-task$/m);
    assert.equal(complete.code, 1);
    assert.match(complete.stdout, /^ +tasks\.json:3:97 +error +Task "render" depends on "prepare-assets".* +depends-on-unknown-task$/m);
  });

  test("the README's first command: linting examples/ prints stylish findings and exits 1", async () => {
    const run = await runCli(['examples/'], { cwd: projectRoot });
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    for (const expected of [
      /^ +examples\/render\/tasks\/encode\.json:10:13 +error +Id "encode\.final" contains "\."; .* +task-id-invalid-chars$/m,
      /^ +examples\/render\/tasks\/encode\.json:12:39 +error +.* +depends-on-range-inverted$/m,
      /^ +examples\/render\/tasks\/frame-0002\.json:2:9 +error +Task id "Frame-0001" is already used by task "frame-0001" .* +task-id-duplicate$/m,
      /^ +examples\/render\/tasks\/frame-0002\.json:4:18 +warning +.* +shell-features-without-shell$/m,
    ]) {
      assert.match(run.stdout, expected);
    }
    assert.match(run.stdout, /^✖ \d+ problems \(\d+ errors, \d+ warnings?, \d+ info\)$/m);
  });
});
