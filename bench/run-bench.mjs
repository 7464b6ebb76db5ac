#!/usr/bin/env node
// `npm run bench`: batchlint against the floor (bench/floor.mjs: read + JSON.parse, nothing else)
// on generated Azure Batch corpora, in one invocation, so that ratios compare like with like.
//
//   node bench/run-bench.mjs [--quick] [--runs N] [--runs-b N] [--cases A,B,C,D] [--no-scaling]
//                            [--seed S] [--budget SEC] [--timeout SEC] [--rss-method time|preload]
//                            [--floor-only] [--peers [--peers-from DIR]] [--strict]
//
// For each corpus the commands run in alternation (node -e 0, floor, batchlint, then again), one
// warm-up round and N counted rounds, so that machine drift hits every row alike. Each command is
// a fresh child process with NODE_OPTIONS removed and the default V8 heap. The report gives the
// median wall time (hrtime around the spawn) and the peak resident set of the child.
// Corpora are generated into bench/.work/ and reused while the generator's bytes and the
// arguments are unchanged. Results are also written to bench/.work/results.json.

import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(benchDir, '..');
const workDir = path.join(benchDir, '.work');
let cliPath = path.join(projectRoot, 'dist', 'src', 'bin.js');
const generatorPath = path.join(benchDir, 'gen-corpus.mjs');
const floorPath = path.join(benchDir, 'floor.mjs');
const rssPreloadPath = path.join(benchDir, 'max-rss-preload.cjs');

const TARGETS = {
  A: { base: 'floor', wall: 1.5, text: '<= 1.5x floor' },
  B: { base: 'floor', wall: 2, rss: 1.5, text: '<= 2x floor, RSS <= 1.5x' },
  C: { base: 'floor', wall: 2, text: '<= 2x floor' },
  D: { base: 'node -e 0', wall: 2, text: '<= 2x node -e 0' },
};
const CASE_ORDER = ['D', 'C', 'A', 'B'];

// ---------- options ----------

function parseOptions(argv) {
  const options = {
    quick: false, runs: undefined, runsB: undefined, cases: CASE_ORDER, scaling: true, seed: 'batchlint',
    budget: 150, timeout: 120, rssMethod: undefined, floorOnly: false, peers: false, peersFrom: projectRoot, strict: false,
  };
  const valueOf = (k) => {
    if (argv[k + 1] === undefined) usage(`${argv[k]} needs a value`);
    return argv[k + 1];
  };
  const count = (text, flag) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) usage(`${flag} needs a positive integer`);
    return n;
  };
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k];
    switch (flag) {
      case '--quick': options.quick = true; break;
      case '--runs': options.runs = count(valueOf(k++), flag); break;
      case '--runs-b': options.runsB = count(valueOf(k++), flag); break;
      case '--cases': {
        const cases = valueOf(k++).toUpperCase().split(',').filter(Boolean);
        if (cases.some((c) => !(c in TARGETS))) usage('--cases takes a comma-separated subset of A,B,C,D');
        options.cases = CASE_ORDER.filter((c) => cases.includes(c));
        break;
      }
      case '--no-scaling': options.scaling = false; break;
      case '--seed': options.seed = valueOf(k++); break;
      case '--budget': options.budget = count(valueOf(k++), flag); break;
      case '--timeout': options.timeout = count(valueOf(k++), flag); break;
      case '--rss-method': {
        options.rssMethod = valueOf(k++);
        if (!['time', 'preload'].includes(options.rssMethod)) usage('--rss-method is time or preload');
        break;
      }
      case '--floor-only': options.floorOnly = true; break;
      case '--peers': options.peers = true; break;
      case '--peers-from': options.peersFrom = path.resolve(valueOf(k++)); break;
      case '--strict': options.strict = true; break;
      case '--cli': cliPath = path.resolve(valueOf(k++)); break;
      case '--help': case '-h': usage(); break;
      default: usage(`unknown option ${flag}`);
    }
  }
  options.runs ??= options.quick ? 2 : 5;
  options.runsB ??= options.quick ? 1 : 3;
  options.sizes = options.quick ? { A: 2_000, B: 10_000, C: 2_000, D: 1 } : { A: 10_000, B: 100_000, C: 2_000, D: 1 };
  options.scalingSizes = options.quick ? [1_000, 3_000, 10_000] : [10_000, 30_000, 100_000];
  return options;
}

function usage(problem) {
  if (problem) console.error(`run-bench: ${problem}`);
  console.error(`usage: node bench/run-bench.mjs [options]
  --quick              smaller A and B, fewer runs: a smoke check in well under a minute
  --runs N             counted runs per command (default 5; 2 with --quick), after 1 warm-up
  --runs-b N           counted runs on B and the scaling corpora (default 3; 1 with --quick)
  --cases A,B,C,D      which corpora (default all)
  --no-scaling         skip the 10k/30k/100k scaling rows
  --seed S             corpus seed (default "batchlint")
  --budget SEC         seconds one case may take: fewer counted runs when rounds are slow (default 150)
  --timeout SEC        kill a run after SEC seconds and stop running that command (default 120)
  --rss-method M       "time" (GNU time %M) or "preload" (process.resourceUsage in the child); default: time if it works
  --floor-only         measure node -e 0 and the floor only (no batchlint needed)
  --peers              also run ESLint + @eslint/json and Spectral when resolvable (not on B)
  --peers-from DIR     resolve the peers from DIR/node_modules instead of the project
  --strict             exit 1 when a target is missed
  --cli FILE           measure this CLI instead of dist/src/bin.js (e.g. another build)`);
  process.exit(problem ? 2 : 0);
}

// ---------- corpora ----------

function sha256(content) {
  return crypto.createHash('sha256').update(content).digest('hex');
}

// Paths given to children and printed: short when inside the project, absolute otherwise.
function relative(file) {
  const inside = path.relative(projectRoot, file);
  return inside.startsWith('..') || path.isAbsolute(inside) ? file : inside || '.';
}

function prepareCorpus(caseName, tasks, options) {
  const name = `${caseName}-${tasks}`;
  const dir = path.join(workDir, 'corpus', name);
  const stampFile = `${dir}.stamp.json`;
  const problemsFile = `${dir}.problems.jsonl`;
  const stamp = JSON.stringify({ generatorSha256: sha256(fs.readFileSync(generatorPath)), case: caseName, tasks, seed: options.seed });
  const current = fs.existsSync(stampFile) && fs.existsSync(dir) && fs.readFileSync(stampFile, 'utf8') === stamp;
  if (!current) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(stampFile, { force: true });
    process.stderr.write(`generating ${name} ... `);
    const generated = spawnSync(process.execPath, [generatorPath, '--out', dir, '--case', caseName, '--tasks', String(tasks),
      '--seed', options.seed, '--manifest', problemsFile], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (generated.status !== 0) throw new Error(`gen-corpus.mjs failed for ${name} (exit ${generated.status})`);
    fs.writeFileSync(stampFile, stamp);
  }
  const files = listJsonFiles(dir);
  const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
  const problems = fs.readFileSync(problemsFile, 'utf8').split('\n').filter(Boolean).length;
  const target = caseName === 'D' ? path.join(dir, 'task.json') : dir;
  return { name, caseName, tasks, dir: relative(dir), target: relative(target), files: files.length, bytes, problems };
}

function listJsonFiles(root) {
  return fs.readdirSync(root, { recursive: true }).filter((name) => name.endsWith('.json')).map((name) => path.join(root, name));
}

// ---------- running one child ----------

const childEnvironment = { ...process.env };
delete childEnvironment.NODE_OPTIONS;
let runningChild = null;

function gnuTimeWorks() {
  const report = path.join(workDir, 'rss-probe.txt');
  const probe = spawnSync('/usr/bin/time', ['-f', TIME_FORMAT, '-o', report, process.execPath, '-e', '0'], { stdio: 'ignore', env: childEnvironment });
  const usage = probe.status === 0 ? parseUsage(readIfExists(report)) : null;
  fs.rmSync(report, { force: true });
  return usage !== null && usage.rssKiB > 1000;
}

function readIfExists(file) {
  try { return fs.readFileSync(file, 'utf8'); } catch { return ''; }
}

// "<max RSS KiB> <user s> <system s>", from GNU time or from max-rss-preload.cjs. GNU time puts
// "Command exited with non-zero status N" on a line before it when the child fails.
const TIME_FORMAT = '%M %U %S';

function parseUsage(text) {
  const lines = text.trim().split('\n');
  const match = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(lines[lines.length - 1]?.trim() ?? '');
  return match ? { rssKiB: Number(match[1]), cpuSeconds: Number(match[2]) + Number(match[3]) } : null;
}

function tail(chunks) {
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length > 2000 ? '...' + text.slice(-2000) : text;
}

async function runOnce(nodeArguments, options) {
  const rssReport = path.join(workDir, 'max-rss.txt');
  fs.rmSync(rssReport, { force: true });
  let file;
  let args;
  let env = childEnvironment;
  if (options.rssMethod === 'time') {
    file = '/usr/bin/time';
    args = ['-f', TIME_FORMAT, '-o', rssReport, process.execPath, ...nodeArguments];
  } else {
    file = process.execPath;
    args = ['--require', rssPreloadPath, ...nodeArguments];
    env = { ...childEnvironment, BENCH_MAX_RSS_FILE: rssReport };
  }
  const stdout = [];
  const stderr = [];
  const started = process.hrtime.bigint();
  // Its own process group, so a timeout can end the node process under /usr/bin/time as well.
  const child = spawn(file, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  runningChild = child;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }, options.timeout * 1000);
  child.stdout.on('data', (chunk) => { stdout.push(chunk); if (stdout.length > 64) stdout.shift(); });
  child.stderr.on('data', (chunk) => { stderr.push(chunk); if (stderr.length > 64) stderr.shift(); });
  const closed = new Promise((resolve) => child.on('close', resolve));
  const [code, signal] = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearTimeout(timer);
  runningChild = null;
  await closed;
  const usage = parseUsage(readIfExists(rssReport));
  return { seconds, rssKiB: usage?.rssKiB ?? null, cpuSeconds: usage?.cpuSeconds ?? null, code, signal, timedOut, stdout: tail(stdout), stderr: tail(stderr) };
}

function failureText(result) {
  if (result.timedOut) return 'timed out';
  if (result.code === null || result.code >= 128) return `crashed (${result.signal ?? `exit ${result.code}`})`;
  return `exit ${result.code}`;
}

// ---------- measuring a set of commands in alternation ----------

// command: { what, args (after `node`), okExit: Set of exit codes that mean "ran fine" }
async function measure(label, commands, runs, options) {
  const rows = new Map(commands.map((command) => [command.what, { what: command.what, samples: [], warmUp: null, failure: null }]));
  let counted = runs;
  for (let round = 0; round < 1 + counted; round++) {
    const roundStarted = process.hrtime.bigint();
    for (const command of commands) {
      const row = rows.get(command.what);
      if (row.failure) continue;
      if (command.output) fs.rmSync(command.output, { force: true });
      const result = await runOnce(command.args, options);
      // Node exits 1 on an uncaught exception too, so exit 1 counts only with an output file.
      const wroteOutput = !command.output || fs.existsSync(command.output);
      if (!command.okExit.has(result.code) || result.timedOut || !wroteOutput) {
        row.failure = wroteOutput ? failureText(result) : `${failureText(result)}, no output`;
        row.failureDetail = (result.stderr || result.stdout).trim();
        console.error(`\n${label}: ${command.what} ${row.failure}\n${row.failureDetail}`);
        continue;
      }
      if (round > 0) row.samples.push(result);
      else row.warmUp = result;
      if (round === 0 && command.afterFirstRun) command.afterFirstRun(result);
    }
    if (round === 0) {
      const roundSeconds = Number(process.hrtime.bigint() - roundStarted) / 1e9;
      // A round slower than half the budget is not repeated: the warm-up becomes the one sample.
      counted = Math.min(runs, Math.floor(options.budget / Math.max(roundSeconds, 1e-3)) - 1);
      if (counted < runs) console.error(`\n${label}: one round takes ${roundSeconds.toFixed(1)} s, so ${Math.max(counted, 0)} counted run(s) instead of ${runs}`);
      if (counted <= 0) {
        for (const row of rows.values()) {
          if (row.warmUp && !row.failure) row.samples.push(row.warmUp);
          row.warmUpOnly = true;
        }
        break;
      }
    }
    process.stderr.write(round === 0 ? `${label}: warm-up done` : ` · run ${round}/${counted}`);
  }
  process.stderr.write('\n');
  return [...rows.values()].map(summarise);
}

function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summarise(row) {
  const times = row.samples.map((s) => s.seconds).sort((a, b) => a - b);
  const rss = row.samples.map((s) => s.rssKiB).filter((v) => v !== null);
  const cpu = row.samples.map((s) => s.cpuSeconds).filter((v) => v !== null);
  return {
    what: row.what,
    runs: times.length,
    medianSeconds: median(times),
    medianCpuSeconds: median(cpu),
    minSeconds: times[0] ?? null,
    maxSeconds: times[times.length - 1] ?? null,
    peakRssMiB: rss.length === 0 ? null : Math.max(...rss) / 1024,
    warmUpOnly: row.warmUpOnly === true,
    failure: row.failure,
  };
}

// ---------- batchlint and peers as commands ----------

function batchlintCommand(corpus, extraFlags, outputName, cliFlags) {
  const output = path.join(workDir, outputName);
  const args = [cliPath, corpus.target, '-f', 'json', '-o', relative(output)];
  // Keep the project's own config (if any) out of the measurement: the default is the recommended rules.
  if (cliFlags.has('--no-config-lookup')) args.push('--no-config-lookup');
  return { what: 'batchlint', args: [...args, ...extraFlags], okExit: new Set([0, 1]), output };
}

function cliHelp() {
  const help = spawnSync(process.execPath, [cliPath, '--help'], { cwd: projectRoot, env: childEnvironment, encoding: 'utf8', timeout: 30_000 });
  const text = `${help.stdout ?? ''}\n${help.stderr ?? ''}`;
  return new Set(text.match(/--[a-z][a-z-]*/g) ?? []);
}

function peerCommands(corpus, options) {
  const resolveFrom = createRequire(path.join(options.peersFrom, 'package.json'));
  const binOf = (packageName, binName) => {
    try {
      const manifestPath = resolveFrom.resolve(`${packageName}/package.json`);
      const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
      const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName];
      return bin ? path.join(path.dirname(manifestPath), bin) : null;
    } catch {
      return null;
    }
  };
  const commands = [];
  const eslintBin = binOf('eslint', 'eslint');
  let eslintJson = null;
  try { eslintJson = resolveFrom.resolve('@eslint/json'); } catch { /* not installed */ }
  if (eslintBin && eslintJson) {
    // ESLint ignores files outside its config's folder, so the config sits at the top of .work.
    const config = path.join(workDir, 'eslint.config.mjs');
    fs.writeFileSync(config, `import json from ${JSON.stringify(pathToFileURL(eslintJson).href)};\n` +
      `export default [{ files: ['**/*.json'], plugins: { json }, language: 'json/json', rules: json.configs.recommended.rules }];\n`);
    commands.push({ what: 'eslint + @eslint/json', args: [eslintBin, '--config', relative(config), corpus.target], okExit: new Set([0, 1]) });
  } else {
    console.error(`peers: eslint and @eslint/json are not both resolvable from ${options.peersFrom}; skipped`);
  }
  const spectralBin = binOf('@stoplight/spectral-cli', 'spectral');
  if (spectralBin) {
    const ruleset = path.join(workDir, 'spectral-ruleset.yaml');
    fs.writeFileSync(ruleset, [
      'rules:',
      '  task-id-chars:',
      '    description: Task ids are 1-64 letters, digits, hyphens or underscores.',
      '    severity: error',
      '    given: "$..id"',
      '    then:',
      '      function: pattern',
      '      functionOptions:',
      '        match: "^[A-Za-z0-9_-]{1,64}$"',
      '',
    ].join('\n'));
    const pattern = corpus.caseName === 'D' ? corpus.target : `${corpus.target}/**/*.json`;
    commands.push({ what: 'spectral', args: [spectralBin, 'lint', '--ruleset', relative(ruleset), pattern], okExit: new Set([0, 1]) });
  } else {
    console.error(`peers: @stoplight/spectral-cli is not resolvable from ${options.peersFrom}; skipped`);
  }
  return commands;
}

function summariseFindings(outputFile) {
  try {
    const results = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
    const totals = { files: results.length, withFindings: 0, errors: 0, warnings: 0, infos: 0, byRule: {} };
    for (const result of results) {
      if (result.messages.length > 0) totals.withFindings++;
      totals.errors += result.errorCount ?? 0;
      totals.warnings += result.warningCount ?? 0;
      totals.infos += result.infoCount ?? 0;
      for (const message of result.messages) totals.byRule[message.ruleId] = (totals.byRule[message.ruleId] ?? 0) + 1;
    }
    return totals;
  } catch (error) {
    return { unreadable: error.message };
  }
}

// ---------- "findings identical whatever the speed path" ----------

async function checkSpeedPaths(corpus, cliFlags, options) {
  const variants = [{ label: 'default', flags: [] }];
  if (cliFlags.has('--concurrency')) variants.push({ label: 'concurrency off', flags: ['--concurrency', 'off'] }, { label: 'concurrency 2', flags: ['--concurrency', '2'] });
  if (cliFlags.has('--cache') && cliFlags.has('--cache-location')) {
    const cacheFile = path.join(workDir, `cache-${corpus.name}`);
    fs.rmSync(cacheFile, { recursive: true, force: true });
    const cacheFlags = ['--cache', '--cache-location', relative(cacheFile)];
    variants.push({ label: 'cache, cold', flags: cacheFlags }, { label: 'cache, warm', flags: cacheFlags });
  }
  if (variants.length === 1) return { corpus: corpus.name, skipped: 'the CLI offers neither --concurrency nor --cache yet' };
  const outcomes = [];
  for (const [k, variant] of variants.entries()) {
    const command = batchlintCommand(corpus, variant.flags, `out-${corpus.name}-path-${k}.json`, cliFlags);
    fs.rmSync(command.output, { force: true });
    const result = await runOnce(command.args, options);
    const ok = command.okExit.has(result.code) && !result.timedOut && fs.existsSync(command.output);
    const bytes = ok ? fs.readFileSync(command.output) : null;
    outcomes.push({ label: variant.label, seconds: result.seconds, failure: ok ? null : failureText(result), sha256: bytes && sha256(bytes), size: bytes?.length ?? null });
  }
  const reference = outcomes[0];
  const identical = outcomes.every((o) => o.failure === null && o.sha256 === reference.sha256);
  return { corpus: corpus.name, identical, outcomes };
}

// ---------- reporting ----------

function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const fixed = (value, digits) => (value === null || value === undefined || !Number.isFinite(value) ? '' : value.toFixed(digits));

function caseRows(result) {
  const byWhat = new Map(result.rows.map((row) => [row.what, row]));
  const floor = byWhat.get('floor');
  const startup = byWhat.get('node -e 0');
  const target = TARGETS[result.corpus.caseName];
  return result.rows.map((row) => {
    const wallVsFloor = floor?.medianSeconds && row.medianSeconds !== null ? row.medianSeconds / floor.medianSeconds : null;
    const rssVsFloor = floor?.peakRssMiB && row.peakRssMiB !== null ? row.peakRssMiB / floor.peakRssMiB : null;
    const wallVsStartup = startup?.medianSeconds && row.medianSeconds !== null ? row.medianSeconds / startup.medianSeconds : null;
    const cpuVsFloor = floor?.medianCpuSeconds && row.medianCpuSeconds !== null ? row.medianCpuSeconds / floor.medianCpuSeconds : null;
    let verdict = null;
    if (row.what === 'batchlint') {
      if (row.failure) verdict = row.failure;
      else {
        const wallRatio = target.base === 'floor' ? wallVsFloor : wallVsStartup;
        const met = wallRatio !== null && wallRatio <= target.wall && (target.rss === undefined || (rssVsFloor !== null && rssVsFloor <= target.rss));
        verdict = met ? 'met' : 'MISSED';
      }
      row.target = target.text;
      row.verdict = verdict;
    }
    row.wallVsFloor = wallVsFloor;
    row.rssVsFloor = rssVsFloor;
    row.wallVsStartup = wallVsStartup;
    row.cpuVsFloor = cpuVsFloor;
    return [result.corpus.caseName, row.what, row.warmUpOnly ? `${row.runs} (warm-up)` : row.runs, row.failure ?? fixed(row.medianSeconds, 3),
      row.failure ? '' : `${fixed(row.minSeconds, 3)}-${fixed(row.maxSeconds, 3)}`, fixed(row.medianCpuSeconds, 2), fixed(row.peakRssMiB, 0),
      fixed(wallVsFloor, 2), fixed(rssVsFloor, 2), fixed(wallVsStartup, 2), fixed(cpuVsFloor, 2), row.what === 'batchlint' ? target.text : '', verdict];
  });
}

function scalingRows(points) {
  let previous = null;
  return points.map((point) => {
    const perTask = (seconds) => (seconds === null ? null : (seconds / point.tasks) * 1e6);
    const marginal = (key) => (previous && point[key] !== null && previous[key] !== null
      ? ((point[key] - previous[key]) / (point.tasks - previous.tasks)) * 1e6 : null);
    const row = [point.tasks, fixed(point.bytes / 1e6, 1), fixed(point.floor, 3), fixed(perTask(point.floor), 1), fixed(marginal('floor'), 1),
      fixed(point.batchlint, 3), fixed(perTask(point.batchlint), 1), fixed(marginal('batchlint'), 1),
      point.floor && point.batchlint ? fixed(point.batchlint / point.floor, 2) : ''];
    previous = point;
    return row;
  });
}

// Other work on the machine inflates wall times unevenly; CPU seconds and the ratios of rows
// measured in alternation suffer less, so say when that is the situation.
function reportLoad(when) {
  const load = os.loadavg()[0];
  if (load > os.cpus().length * 0.5) {
    console.log(`note: load average ${load.toFixed(1)} on ${os.cpus().length} cores ${when}: wall times are inflated; prefer the ratios and cpu s`);
  }
}

// ---------- main ----------

async function main() {
  const options = parseOptions(process.argv.slice(2));
  fs.mkdirSync(workDir, { recursive: true });
  options.rssMethod ??= gnuTimeWorks() ? 'time' : 'preload';
  process.on('SIGINT', () => {
    if (runningChild) try { process.kill(-runningChild.pid, 'SIGKILL'); } catch { /* already gone */ }
    process.exit(130);
  });

  let exitCode = 0;
  const haveCli = !options.floorOnly && fs.existsSync(cliPath);
  if (!options.floorOnly && !haveCli) {
    console.error(`run-bench: ${relative(cliPath)} does not exist, so batchlint cannot be measured.\n` +
      '  Build it first (npm run bench does: npm run build), or pass --floor-only to measure node -e 0 and the floor alone.\n' +
      '  Continuing with the floor rows only; the exit code will be 2.');
    exitCode = 2;
  }
  const cliFlags = haveCli ? cliHelp() : new Set();

  console.log(`batchlint bench: node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; peak RSS by ${options.rssMethod === 'time' ? 'GNU time %M' : 'process.resourceUsage() in a --require preload'}; ` +
    `1 warm-up + ${options.runs} runs (B and scaling: ${options.runsB})${options.quick ? '; --quick' : ''}`);

  reportLoad('at start');
  const corpora = {};
  for (const caseName of options.cases) corpora[caseName] = prepareCorpus(caseName, options.sizes[caseName], options);
  console.log('\n' + table(['case', 'path', 'tasks', 'files', 'MB', 'planted'], Object.values(corpora).map((c) =>
    [c.caseName, c.target, c.tasks, c.files, fixed(c.bytes / 1e6, 1), c.problems])));

  const caseResults = [];
  const findings = {};
  for (const caseName of options.cases) {
    const corpus = corpora[caseName];
    const commands = [
      { what: 'node -e 0', args: ['-e', '0'], okExit: new Set([0]) },
      { what: 'floor', args: [floorPath, corpus.target], okExit: new Set([0]),
        afterFirstRun: (result) => {
          const expected = `${corpus.files} files, ${corpus.bytes} bytes`;
          if (result.stdout.trim() !== expected) console.error(`floor read "${result.stdout.trim()}", expected "${expected}"`);
        } },
    ];
    if (haveCli) {
      const command = batchlintCommand(corpus, [], `out-${corpus.name}.json`, cliFlags);
      command.afterFirstRun = () => { findings[caseName] = summariseFindings(command.output); };
      commands.push(command);
    }
    if (options.peers && caseName !== 'B') commands.push(...peerCommands(corpus, options));
    const runs = caseName === 'B' ? options.runsB : options.runs;
    const rows = await measure(`${caseName} (${corpus.name})`, commands, runs, options);
    caseResults.push({ corpus, rows });
  }

  console.log('\nWhole child process: median wall seconds, median CPU seconds (user + system), peak RSS over the counted runs;\n' +
    'ratios to the floor (read + JSON.parse) and to node -e 0 on the same corpus in this invocation. Targets judge wall time.\n');
  console.log(table(['case', 'what', 'runs', 'median s', 'min-max s', 'cpu s', 'peak MiB', 'x floor', 'x floor RSS', 'x node -e 0', 'x floor cpu', 'target', 'result'],
    caseResults.flatMap(caseRows)));
  for (const [caseName, totals] of Object.entries(findings)) {
    if (totals.unreadable) { console.log(`findings ${caseName}: output unreadable (${totals.unreadable})`); continue; }
    const top = Object.entries(totals.byRule).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 6).map(([rule, n]) => `${rule} ${n}`).join(', ');
    console.log(`findings ${caseName}: ${totals.errors} errors, ${totals.warnings} warnings, ${totals.infos} info in ${totals.withFindings} of ${totals.files} files${top ? ` (${top})` : ''}`);
  }
  // A peer that times out or crashes is a finding about the peer, not a failure of the bench.
  const ownRows = new Set(['node -e 0', 'floor', 'batchlint']);
  for (const result of caseResults) for (const row of result.rows) if (row.failure && ownRows.has(row.what)) exitCode = 2;
  const missed = caseResults.some((result) => result.rows.some((row) => row.verdict === 'MISSED'));

  let scaling = null;
  if (options.scaling && options.cases.includes('B')) {
    const points = [];
    for (const tasks of options.scalingSizes) {
      const reuse = tasks === options.sizes.B ? caseResults.find((r) => r.corpus.caseName === 'B') : null;
      let corpus;
      let rows;
      if (reuse) ({ corpus, rows } = reuse);
      else {
        corpus = prepareCorpus('B', tasks, options);
        const commands = [{ what: 'floor', args: [floorPath, corpus.target], okExit: new Set([0]) }];
        if (haveCli) commands.push(batchlintCommand(corpus, [], `out-${corpus.name}.json`, cliFlags));
        rows = await measure(`scaling ${corpus.name}`, commands, options.runsB, options);
      }
      const medianOf = (what) => rows.find((row) => row.what === what && !row.failure)?.medianSeconds ?? null;
      points.push({ tasks, bytes: corpus.bytes, floor: medianOf('floor'), batchlint: medianOf('batchlint') });
    }
    scaling = points;
    console.log('\nscaling: B-style collections; us/task = whole-process median / tasks (start-up included); marginal = extra time per extra task since the row above\n');
    console.log(table(['tasks', 'MB', 'floor s', 'floor us/task', 'floor marginal', 'batchlint s', 'batchlint us/task', 'batchlint marginal', 'x floor'], scalingRows(points)));
  }

  let speedPaths = null;
  if (haveCli && options.cases.includes('A')) {
    speedPaths = await checkSpeedPaths(corpora.A, cliFlags, options);
    console.log(`\nfindings identical whatever the speed path (${corpora.A.name}): ` + (speedPaths.skipped ? `not checked: ${speedPaths.skipped}` :
      `${speedPaths.identical ? 'yes' : 'NO'}\n` + speedPaths.outcomes.map((o) =>
        `  ${o.label.padEnd(16)} ${o.failure ?? `${fixed(o.seconds, 3)} s  ${o.size} bytes  sha256 ${o.sha256.slice(0, 16)}`}`).join('\n')));
    if (!speedPaths.skipped && !speedPaths.identical) exitCode = 2;
  }

  reportLoad('at end');
  fs.writeFileSync(path.join(workDir, 'results.json'), JSON.stringify({
    node: process.version, cpus: os.cpus().length, rssMethod: options.rssMethod, runs: options.runs, runsB: options.runsB, quick: options.quick,
    cases: caseResults.map((r) => ({ corpus: r.corpus, rows: r.rows, findings: findings[r.corpus.caseName] ?? null })), scaling, speedPaths,
  }, null, 2) + '\n');
  console.log(`\nresults: ${relative(path.join(workDir, 'results.json'))}; batchlint output: ${relative(workDir)}/out-<corpus>.json`);
  if (exitCode === 0 && missed && options.strict) exitCode = 1;
  process.exitCode = exitCode;
}

main().catch((error) => {
  console.error(`run-bench: ${error.stack ?? error}`);
  process.exitCode = 2;
});
