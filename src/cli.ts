import fs from 'node:fs';
import path from 'node:path';
import { parseArguments, HELP_TEXT, type CliOptions } from './cli/parse-arguments.js';
import { BatchlintError, UsageError } from './errors.js';
import { lint, type LintRun } from './lint.js';
import type { Concurrency } from './engine/worker-pool.js';
import { BATCHLINT_VERSION, docsUrl } from './package-info.js';
import { loadFormatter, parseFormatSpec } from './formatters/load-formatter.js';
import { writeOutputAtomically } from './formatters/write-output-atomically.js';
import type { FormatterContext, LintResult, RuleMeta } from './formatters/lint-result.js';
import { terminalSafeLine } from './formatters/terminal-safe-text.js';

/** argv → options → lint() → formatters → exit code. No linting logic lives here. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const options = parseArguments(argv);
    if (options.help) return io.out(HELP_TEXT), 0;
    if (options.version) return io.out(`${BATCHLINT_VERSION}\n`), 0;
    if (options.listRules) return io.out(await (await import('./cli/list-rules.js')).listRules(io.cwd, options)), 0;
    if (options.printConfig !== undefined) return io.out(await (await import('./cli/print-config.js')).printConfig(io.cwd, options)), 0;
    if (options.printContext !== undefined) return io.out(await (await import('./cli/print-config.js')).printContext(io.cwd, options)), 0;
    if (options.stdin && options.stdinFilename === undefined && options.patterns.length > 0) {
      throw new UsageError('--stdin lints standard input: give no file patterns with it (use --stdin-filename to name the input)');
    }
    const run = await lint({
      cwd: io.cwd,
      patterns: options.patterns,
      ignorePatterns: options.ignorePatterns,
      errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
      ...(options.configFile !== undefined && { configFile: options.configFile }),
      useConfigLookup: options.useConfigLookup,
      ...(Object.keys(options.rules).length > 0 && { ruleOverrides: options.rules }),
      ...(options.apiVersion !== undefined && { apiVersion: options.apiVersion }),
      ...(options.stdin && { stdin: { text: await io.readStdin(), ...(options.stdinFilename !== undefined && { filePath: options.stdinFilename }) } }),
      ...(options.now !== undefined && { now: parseNow(options.now) }),
      completeTaskSet: options.completeTaskSet,
      collectStats: options.stats,
      concurrency: parseConcurrency(options.concurrency),
      // `graph` prints the bound project, which a cached run does not rebuild.
      ...(options.cache && options.command === 'lint' && { cache: { ...(options.cacheLocation !== undefined && { location: options.cacheLocation }) } }),
    });
    if (options.command === 'graph') {
      io.out((await import('./cli/print-graph.js')).printGraph(run));
      return reportFailures(run, io) ? 2 : 0;
    }
    return await report(run, options, io);
  } catch (error) {
    if (error instanceof BatchlintError) {
      io.err(`batchlint: ${terminalSafeLine(error.message)}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    io.err(`batchlint: internal error: ${terminalSafeLine(error instanceof Error ? error.message : String(error))}\n`);
    if (process.env.BATCHLINT_DEBUG) io.err(`${detail}\n`);
    return 2;
  }
}

export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Standard input as bytes: decoded like a file (BOM, UTF-16, invalid UTF-8 reported), not as text here. */
  readStdin(): Promise<Uint8Array>;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

function processIo(): CliIo {
  // process.stdout is made on first use (for a pipe that loads Node's net and stream modules): a run that writes only -o files never needs it.
  let stdoutReady = false;
  const stdout = () => {
    if (!stdoutReady) {
      stdoutReady = true;
      // A reader that stops early (`batchlint … | head`) closes the pipe: finish quietly, as other CLIs do.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
      });
    }
    return process.stdout;
  };
  return {
    cwd: process.cwd(),
    out: (text) => void stdout().write(text),
    err: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    get isTty() {
      return stdout().isTTY === true;
    },
    env: process.env,
  };
}

async function report(run: LintRun, options: CliOptions, io: CliIo): Promise<number> {
  const results = options.quiet ? run.results.map(onlyErrors) : run.results;
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  const maxWarningsExceeded = options.maxWarnings >= 0 && warnings > options.maxWarnings;
  const failed = reportFailures(run, io);
  const context: FormatterContext = {
    cwd: io.cwd,
    color: false,
    ...(maxWarningsExceeded && { maxWarningsExceeded: { maxWarnings: options.maxWarnings, foundWarnings: warnings } }),
    rulesMeta: rulesMeta(run, results),
    batchlint: {
      version: BATCHLINT_VERSION,
      rules: run.enabledRules,
      repositoryRoot: repositoryRoot(io.cwd),
      ...(options.sarifCategory !== undefined && { sarifCategory: options.sarifCategory }),
      executionSuccessful: !failed,
      docsUrl,
    },
  };
  const specs = (options.formats.length > 0 ? options.formats : ['stylish']).map((spec) => parseFormatSpec(spec));
  const withoutFile = specs.filter((spec) => spec.outputFile === undefined);
  if (options.outputFile !== undefined && withoutFile.length > 1) {
    throw new UsageError('-o/--output-file names one file, but several formats have no :FILE of their own; write -f NAME:FILE for each');
  }
  const formatStarted = performance.now();
  for (const spec of specs) {
    const formatter = await loadFormatter(spec.name, io.cwd);
    const target = spec.outputFile ?? options.outputFile;
    // Colour is for the terminal only; asking whether stdout is one would make process.stdout.
    const text = await formatter(results, target === undefined ? { ...context, color: useColor(options, io) } : context);
    if (target !== undefined) await writeOutputAtomically(path.resolve(io.cwd, target), text);
    else if (text !== '') io.out(text.endsWith('\n') ? text : `${text}\n`);
  }
  if (run.stats) {
    run.stats.stages.format = performance.now() - formatStarted;
    // Everything since the process started, Node start-up and imports included.
    run.stats.stages['process total'] = process.uptime() * 1000;
    io.err((await import('./cli/print-stats.js')).formatStats(run.stats));
  }
  if (failed) return 2;
  if (options.exitZero) return 0;
  return errors > 0 || maxWarningsExceeded ? 1 : 0;
}

/** Unreadable files and crashing rules go to stderr, one line each; any of them means exit 2. */
function reportFailures(run: LintRun, io: CliIo): boolean {
  for (const failure of run.failures) io.err(`batchlint: ${terminalSafeLine(failure)}\n`);
  return run.failures.length > 0;
}

function onlyErrors(result: LintResult): LintResult {
  const messages = result.messages.filter((message) => message.level === 'error');
  return { ...result, messages, warningCount: 0, infoCount: 0 };
}

function useColor(options: CliOptions, io: CliIo): boolean {
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTty;
}

function rulesMeta(run: LintRun, results: readonly LintResult[]): Record<string, RuleMeta> {
  const used = new Set(results.flatMap((result) => result.messages.map((message) => message.ruleId)));
  const meta: Record<string, RuleMeta> = {};
  for (const { rule } of run.enabledRules) {
    if (!used.has(rule.id)) continue;
    meta[rule.id] = {
      type: rule.defaultSeverity === 'info' ? 'suggestion' : 'problem',
      docs: { description: rule.summary, url: docsUrl(rule.id), recommended: rule.recommended },
      messages: { ...rule.messages },
    };
  }
  return meta;
}

/** SARIF URIs are relative to the repository root: the nearest directory with `.git`, else the cwd. */
function repositoryRoot(cwd: string): string {
  let directory = cwd;
  for (;;) {
    if (fs.existsSync(path.join(directory, '.git'))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return cwd;
    directory = parent;
  }
}

function parseConcurrency(text: string | undefined): Concurrency {
  if (text === undefined || text === 'auto') return 'auto';
  if (text === 'off') return 'off';
  if (/^\d+$/.test(text)) return Number(text) === 0 ? 'off' : Number(text);
  throw new UsageError(`--concurrency needs auto, off or a number of worker threads, not "${text}"`);
}

function parseNow(text: string): Date {
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) throw new UsageError(`--now needs an ISO 8601 date or date-time, not "${text}"`);
  return date;
}
