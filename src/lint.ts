import path from 'node:path';
import { builtInRules } from '../rules/index.js';
import { discoverFiles, relativeGlobPath } from './files/discover-files.js';
import { findConfigFile, type RuleSettingInput } from './config/load-config.js';
import {
  apiVersionForFile,
  resolveConfig,
  ruleSettingsForFile,
  unknownRuleIds,
  type ResolvedConfig,
} from './config/resolve-config.js';
import { loadPlugins, type LoadedPlugin } from './config/load-plugins.js';
import { suggestNearMiss } from './config/suggest-near-miss.js';
import { ConfigError } from './errors.js';
import { loadText, readFileBytes, UnreadableFileError, type LoadedText } from './document/load-document.js';
import { LineIndex } from './document/line-index.js';
import { buildProject, type Project, type ProjectDocument } from './project/build-project.js';
import { isApiVersion } from './project/api-versions.js';
import { runRules, type RunnableDocument } from './engine/run-rules.js';
import { effectiveOptions } from './engine/rule-options.js';
import type { RawFinding, RuleFailure } from './engine/finding.js';
import { documentEntity, locateInRunOrder, type PlacedMessage } from './engine/lint-shard.js';
import { planShards, runShardInWorker, workerCount, type Concurrency } from './engine/worker-pool.js';
import type { EntityRef, JsonObject, Rule, Severity } from './engine/rule-types.js';
import { applySuppressions } from './suppress/apply-suppressions.js';
import type { LintMessage, LintResult } from './formatters/lint-result.js';
import { recogniseDocument } from './document/recognise-shape.js';
import { createJobFileFinder, listJobFolderFiles } from './project/job-folders.js';
import { loadEntitySchemas } from './schema/check-entity-schema.js';
import { BATCHLINT_VERSION } from './package-info.js';
import type { CachedRun, RunRecorder } from './cache/run-cache.js';

export interface LintOptions {
  cwd?: string;
  patterns?: readonly string[];
  ignorePatterns?: readonly string[];
  errorOnUnmatchedPattern?: boolean;
  configFile?: string;
  /** Configuration given as data instead of a file; relative paths in it resolve against `directory`. */
  config?: { content: unknown; directory: string };
  useConfigLookup?: boolean;
  ruleOverrides?: Record<string, RuleSettingInput>;
  apiVersion?: string;
  /** Lint this text instead of (or besides) files. */
  /** Text to lint instead of (or besides) files: a string, or raw bytes decoded exactly as a file's would be. */
  stdin?: { text: string | Uint8Array; filePath?: string };
  /** The lint clock; defaults to the config's `now`, else the current time. */
  now?: Date;
  /** Treat the linted task files as every task of their job (unknown dependencies become errors). */
  completeTaskSet?: boolean;
  /** Collect per-rule and per-stage times. */
  collectStats?: boolean;
  /** Rules to load besides the built-in ones and the config's plugins (RuleTester, API callers). */
  extraRules?: readonly Rule[];
  /**
   * Reuse the results of an earlier run when nothing it depended on changed (`--cache`); `location`
   * defaults to `.batchlintcache` in the cwd. Not used with `stdin`.
   */
  cache?: { location?: string };
  /** Check files in worker threads (`--concurrency`); default `off` for API callers. Output is the same either way. */
  concurrency?: Concurrency;
}

/** The worker entry: beside this module both in tsc's output and in the bundle (dist/src/). */
const WORKER_URL = new URL('./engine/lint-worker.js', import.meta.url);

export interface LintRun {
  results: LintResult[];
  /** Every rule enabled for at least one file, sorted by id, with the severity of the base config. */
  enabledRules: Array<{ rule: Rule; severity: Severity }>;
  /** One line each: unreadable files, crashing rules. Any of them makes the run exit 2. */
  failures: string[];
  suppressedCount: number;
  config: ResolvedConfig;
  project: Project;
  documents: readonly LintedDocument[];
  stats?: { stages: Record<string, number>; rules: Map<string, number> };
  /** True when the results came from the cache: then `project` is empty and `documents` holds none. */
  fromCache?: boolean;
}

export interface LintedDocument extends ProjectDocument, RunnableDocument {
  loaded: LoadedText;
}

/** The pipeline: discover → load → recognise → bind → run rules → locate → suppress → results. */
export async function lint(options: LintOptions = {}): Promise<LintRun> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const stages: Record<string, number> = {};
  const stage = <T>(name: string, work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      stages[name] = (stages[name] ?? 0) + performance.now() - started;
    }
  };

  let started = performance.now();
  const config = await resolveConfig({
    cwd,
    ...(options.configFile !== undefined && { configFile: options.configFile }),
    ...(options.config !== undefined && { inline: { ...options.config, source: '(config given to lint())' } }),
    ...(options.useConfigLookup !== false && options.configFile === undefined && options.config === undefined && { found: findConfigFile(cwd) }),
    ...(options.ruleOverrides !== undefined && { ruleOverrides: options.ruleOverrides }),
    ...(options.apiVersion !== undefined && { apiVersion: options.apiVersion }),
  });
  const plugins = await loadPlugins(config.plugins);
  const rules = allRules([...plugins, ...(options.extraRules ? [{ specifier: '(extraRules)', version: undefined, rules: [...options.extraRules] }] : [])]);
  checkRuleIds(config, rules);
  stages.config = performance.now() - started;

  started = performance.now();
  const cacheLocation = options.cache && !options.stdin ? path.resolve(cwd, options.cache.location ?? '.batchlintcache') : undefined;
  const discovered = options.stdin && (options.patterns ?? []).length === 0
    ? []
    : await discoverFiles({
        cwd,
        patterns: options.patterns ?? [],
        ignores: [...config.ignores, ...(options.ignorePatterns ?? []).map((pattern) => ({ pattern, directory: cwd }))],
        errorOnUnmatchedPattern: options.errorOnUnmatchedPattern !== false,
      });

  // A cache file named *.json inside the linted tree is not a Batch file of this run.
  const files = cacheLocation === undefined ? discovered : discovered.filter((file) => file !== cacheLocation);
  stages.discover = performance.now() - started;
  const now = options.now ?? config.now ?? new Date();
  // Only runs with --cache load the cache module (and hashing).
  const runCache = cacheLocation !== undefined ? await import('./cache/run-cache.js') : undefined;
  const recorder: RunRecorder | undefined = runCache ? new runCache.RunRecorder() : undefined;
  const findJobFileOnDisk = createJobFileFinder(cwd);
  const askedJobFiles = new Set<string>();
  const findJobFile = (directory: string): string | undefined => {
    const answer = findJobFileOnDisk(directory);
    const key = path.resolve(directory);
    if (recorder && !askedJobFiles.has(key)) {
      askedJobFiles.add(key);
      recorder.probes.push({ kind: 'job-file', directory: key, answer: answer ?? null });
    }
    return answer;
  };
  const listJobFolder = (jobFile: string): string[] => {
    const answer = listJobFolderFiles(jobFile);
    recorder?.probes.push({ kind: 'job-folder', jobFile, answer });
    return answer;
  };
  const discoverContext = async (directory: string, patterns: string[]): Promise<string[]> => {
    const answer = await discoverFiles({ cwd: directory, patterns, ignores: [], errorOnUnmatchedPattern: false });
    recorder?.probes.push({ kind: 'glob', directory, patterns, answer });
    return answer;
  };
  const readInput = (absolutePath: string): Uint8Array => {
    const stats = recorder?.statBeforeRead(absolutePath);
    try {
      const bytes = readFileBytes(absolutePath);
      recorder?.recordRead(absolutePath, stats, bytes);
      return bytes;
    } catch (error) {
      if (error instanceof UnreadableFileError) recorder?.recordUnreadable(absolutePath);
      throw error;
    }
  };

  let runKey: string | undefined;
  let cachedRuns: CachedRun[] = [];
  if (cacheLocation !== undefined && runCache) {
    const started = performance.now();
    runKey = cacheKey(runCache.stableKey, options, config, plugins, rules, cwd, now);
    cachedRuns = runKey === undefined ? [] : runCache.readCache(cacheLocation);
    const reusable = runKey === undefined
      ? undefined
      : await runCache.findReusableRun(cachedRuns, runKey, files, {
          jobFile: findJobFileOnDisk,
          jobFolder: listJobFolderFiles,
          glob: (directory, patterns) => discoverFiles({ cwd: directory, patterns, ignores: [], errorOnUnmatchedPattern: false }),
        });
    stages['cache-check'] = performance.now() - started;
    if (reusable) {
      if (reusable.refreshed) runCache.writeCache(cacheLocation, cachedRuns, { ...reusable.run, writtenAt: Date.now() });
      return {
        results: reusable.run.results,
        enabledRules: reusable.run.enabledRules.flatMap(({ id, severity }) => rules.filter((rule) => rule.id === id).map((rule) => ({ rule, severity }))),
        failures: reusable.run.failures,
        suppressedCount: reusable.run.suppressedCount,
        config,
        project: { taskSets: [], jobs: [], pools: [], taskSetOf: new Map(), poolOf: new Map() },
        documents: [],
        fromCache: true,
        ...(options.collectStats && { stats: { stages, rules: new Map<string, number>() } }),
      };
    }
  }

  const failures: string[] = [];
  const documents: LintedDocument[] = [];
  const settingsCache = new Map<string, RunnableDocument['settings']>();
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]));
  const settingsFor = async (absolutePath: string) => {
    const key = config.overrides.map((override) => (override.matcher.matches('', absolutePath) ? '1' : '0')).join('');
    let settings = settingsCache.get(key);
    if (!settings) {
      const resolved = new Map<string, { severity: Severity; options: unknown }>();
      for (const [ruleId, setting] of ruleSettingsForFile(config, rules, absolutePath)) {
        const rule = rulesById.get(ruleId)!;
        resolved.set(ruleId, { severity: setting.severity, options: await effectiveOptions(rule, setting.options) });
      }
      settings = resolved;
      settingsCache.set(key, settings);
    }
    return settings;
  };
  const noSettings: RunnableDocument['settings'] = new Map();

  const addDocument = (absolutePath: string, displayPath: string, loaded: LoadedText, settings: RunnableDocument['settings'], isContextOnly: boolean) => {
    const hinted = loaded.recognised.apiVersionHint;
    const document: LintedDocument = {
      index: documents.length,
      absolutePath,
      filePath: displayPath,
      loaded,
      value: loaded.value,
      entities: loaded.recognised.entities,
      ...(loaded.recognised.jobIdHint !== undefined && { jobIdHint: loaded.recognised.jobIdHint }),
      asEntity: documentEntity(loaded, displayPath),
      byteLength: loaded.byteLength,
      apiVersion: isApiVersion(hinted) ? hinted : apiVersionForFile(config, absolutePath),
      isContextOnly,
      settings,
    };
    documents.push(document);
    return document;
  };
  const displayPathOf = (absolutePath: string) => relativeGlobPath(cwd, absolutePath) || path.basename(absolutePath);

  await stageAsync(stages, 'load', async () => {
    for (const absolutePath of files) {
      const displayPath = displayPathOf(absolutePath);
      let bytes: Uint8Array;
      try {
        bytes = readInput(absolutePath);
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        failures.push(`${displayPath}: ${error.message}`);
        continue;
      }
      addDocument(absolutePath, displayPath, loadText(bytes, displayPath), await settingsFor(absolutePath), false);
    }
    if (options.stdin) {
      const stdinPath = path.resolve(cwd, options.stdin.filePath ?? '<stdin>');
      const displayPath = options.stdin.filePath ? displayPathOf(stdinPath) : '<stdin>';
      addDocument(stdinPath, displayPath, loadText(typeof options.stdin.text === 'string' ? Buffer.from(options.stdin.text, 'utf8') : options.stdin.text, displayPath), await settingsFor(stdinPath), false);
    }
  });
  const lintedCount = documents.length;
  const lintedPaths = new Set(documents.map((document) => document.absolutePath));
  for (const pool of config.pools) {
    // Pools named in the config are context: bound by id, never reported on unless also linted.
    const matches = await discoverContext(pool.directory, [pool.pattern]);
    for (const absolutePath of matches) {
      if (lintedPaths.has(absolutePath)) continue;
      try {
        addDocument(absolutePath, displayPathOf(absolutePath), loadText(readInput(absolutePath), displayPathOf(absolutePath)), noSettings, true);
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        failures.push(`${displayPathOf(absolutePath)} (pool named in the config): ${error.message}`);
      }
    }
  }

  const inlineDocuments = new Set<number>();
  await stageAsync(stages, 'complete', () => completeTaskSetsFromDisk(documents.slice(0, lintedCount), lintedPaths));
  const project = stage('bind', () =>
    buildProject({
      documents: documents.slice(),
      jobBindings: config.jobs,
      findJobFile,
      loadContextDocument(absolutePath) {
        try {
          return addDocument(absolutePath, displayPathOf(absolutePath), loadText(readInput(absolutePath), displayPathOf(absolutePath)), noSettings, true);
        } catch (error) {
          if (!(error instanceof UnreadableFileError)) throw error;
          // A job file the tasks bind to but that cannot be read must not pass silently as "no job".
          failures.push(`${displayPathOf(absolutePath)} (job file of linted tasks): ${error.message}`);
          return undefined;
        }
      },
      inlineEntity(body: JsonObject, kind, source) {
        const loaded = loadText(Buffer.from(JSON.stringify(body), 'utf8'), source);
        const recognised = recogniseDocument(body, source);
        const entity = recognised.entities.find((candidate) => candidate.kind === kind);
        const document = addDocument(path.resolve(cwd, source), source, { ...loaded, recognised }, noSettings, true);
        inlineDocuments.add(document.index);
        return entity ?? document.asEntity;
      },
    }),
  );
  // Compiled schema validators are ES modules: import the ones this run's api-versions need before rules run synchronously.
  started = performance.now();
  for (const version of new Set(documents.map((document) => document.apiVersion))) await loadEntitySchemas(version);
  stages.schemas = performance.now() - started;
  /**
   * A run over some of a job's files (a pre-commit hook passes only the changed ones) must still see
   * every task of the job: the other files of a job folder, and of a config binding's globs, join
   * the run as context. Their own findings are not reported.
   */
  async function completeTaskSetsFromDisk(linted: readonly LintedDocument[], known: Set<string>): Promise<void> {
    const addContext = (absolutePath: string) => {
      if (known.has(absolutePath)) return;
      known.add(absolutePath);
      try {
        addDocument(absolutePath, displayPathOf(absolutePath), loadText(readInput(absolutePath), displayPathOf(absolutePath)), noSettings, true);
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
      }
    };
    const jobFiles = new Set<string>();
    const usedBindings = new Set<(typeof config.jobs)[number]>();
    for (const document of linted) {
      if (!STANDALONE_TASK_SHAPES.has(document.loaded.recognised.shape) || document.jobIdHint !== undefined) continue;
      const binding = config.jobs.find((candidate) => candidate.matcher.matches(document.filePath, document.absolutePath));
      if (binding) usedBindings.add(binding);
      else {
        const jobFile = findJobFile(path.dirname(document.absolutePath));
        if (jobFile) jobFiles.add(jobFile);
      }
    }
    for (const jobFile of jobFiles) listJobFolder(jobFile).forEach(addContext);
    for (const binding of usedBindings) {
      const files = await discoverContext(binding.matcher.directory, [...binding.patterns]);
      files.filter((file) => binding.matcher.matches('', file)).forEach(addContext);
    }
  }

  if (options.completeTaskSet) config.completeTaskSet = true;
  const timings = options.collectStats ? new Map<string, number>() : undefined;
  const enabledAnywhere = rules.filter((rule) => documents.some((document) => document.settings.has(rule.id)));
  const checkedRules = enabledAnywhere.filter((rule) => !LOADER_RULES.has(rule.id));

  // Documents without a job entity may be checked in worker threads; job documents and task sets stay here.
  const offloadable = options.extraRules || options.stdin
    ? []
    : documents.slice(0, lintedCount).filter((document) => document.entities.every((entity) => entity.kind !== 'job'));
  const workers = workerCount(options.concurrency ?? 'off', offloadable.length);
  const plan = workers === 0
    ? { requests: [], offloaded: new Set<number>() }
    : stage('plan-shards', () =>
        planShards(
          documents.map((document) => (inlineDocuments.has(document.index) ? { ...document, inlineText: document.loaded.text } : document)),
          offloadable,
          workers,
          project,
          {
            ruleIds: checkedRules.map((rule) => rule.id),
            plugins: config.plugins,
            now: now.toISOString(),
            completeTaskSet: config.completeTaskSet,
            collectStats: timings !== undefined,
          },
        ),
      );
  const workersStarted = performance.now();
  const shardResults = plan.requests.map((request) => runShardInWorker(WORKER_URL, request));
  const ownRun = stage('rules', () =>
    runRules({
      documents,
      project,
      rules: checkedRules,
      now,
      completeTaskSet: config.completeTaskSet,
      checkDocument: (document) => !plan.offloaded.has(document.index),
      ...(timings && { timings }),
    }),
  );
  const ownUnits = [...ownRun.units];
  const workerUnits = new Map<number, { messages: PlacedMessage[]; failures: RuleFailure[] }>();
  for (const [shard, outcome] of (await Promise.all(shardResults)).entries()) {
    const request = plan.requests[shard]!;
    if (outcome instanceof Error || outcome.changed !== undefined) {
      // A worker that failed or saw a changed file: check its documents here, as without workers.
      const retry = new Set(request.checked);
      ownUnits.push(...stage('rules', () =>
        runRules({ documents, project, rules: checkedRules, now, completeTaskSet: config.completeTaskSet, checkDocument: (document) => retry.has(document.index), runTaskSets: false, ...(timings && { timings }) }),
      ).units);
      continue;
    }
    for (const unit of outcome.units) workerUnits.set(unit.documentIndex, unit);
    if (timings) for (const [ruleId, time] of outcome.timings) timings.set(ruleId, (timings.get(ruleId) ?? 0) + time);
    for (const [name, time] of Object.entries(outcome.stages)) stages[name] = (stages[name] ?? 0) + time;
  }
  if (plan.requests.length > 0) stages['workers (wall)'] = performance.now() - workersStarted;
  const loaderFound = stage('loader-findings', () => loaderFindings(documents.slice(0, lintedCount), rules));

  // Every message in run order: per checked document (whichever thread checked it), then task sets, then the loader's.
  const ownFindings = ownUnits.flatMap((unit) => unit.findings);
  const ownMessages = stage('locate', () =>
    locateInRunOrder([...ownFindings, ...loaderFound], documents.map((document) => ({ ...document, text: document.loaded.text }))),
  );
  const ownByDocument = new Map<number | undefined, { messages: PlacedMessage[]; failures: RuleFailure[] }>();
  let offset = 0;
  for (const unit of ownUnits) {
    ownByDocument.set(unit.documentIndex, { messages: ownMessages.slice(offset, (offset += unit.findings.length)), failures: unit.failures });
  }
  const inRunOrder = [
    ...documents.map((document) => ownByDocument.get(document.index) ?? workerUnits.get(document.index)),
    ownByDocument.get(undefined),
    { messages: ownMessages.slice(offset), failures: [] },
  ];
  const located = new Map<number, LintMessage[]>();
  for (const unit of inRunOrder) {
    if (!unit) continue;
    for (const failure of unit.failures) failures.push(`${failure.filePath}: rule "${failure.ruleId}" failed: ${failure.message}`);
    for (const [documentIndex, message] of unit.messages) {
      const list = located.get(documentIndex);
      if (list) list.push(message);
      else located.set(documentIndex, [message]);
    }
  }
  const today = now.toISOString().slice(0, 10);
  let suppressedCount = 0;
  const results: LintResult[] = [];
  stage('suppress', () => {
    for (const document of documents.slice(0, lintedCount)) {
      const messages = (located.get(document.index) ?? []).sort(compareMessages);
      const { kept, suppressed } = applySuppressions(messages, document, config.suppressions, today);
      suppressedCount += suppressed.length;
      results.push(toLintResult(document.absolutePath, kept, suppressed));
    }
  });

  const baseSettings = ruleSettingsForFile(config, rules, undefined);
  const enabledRules = enabledAnywhere.map((rule) => ({ rule, severity: baseSettings.get(rule.id)?.severity ?? rule.defaultSeverity }));
  if (cacheLocation !== undefined && runCache && recorder && runKey !== undefined && failures.length === 0) {
    // A run that failed (unreadable file, crashing rule) is not kept: the next run reports it afresh.
    stage('cache-write', () => {
      const writtenAt = Date.now();
      runCache.writeCache(cacheLocation, cachedRuns, {
        key: runKey!,
        files: [...files],
        inputs: recorder.inputFiles(writtenAt),
        probes: recorder.probes,
        results,
        enabledRules: enabledRules.map(({ rule, severity }) => ({ id: rule.id, severity })),
        failures,
        suppressedCount,
        writtenAt,
      });
    });
  }
  return {
    results,
    enabledRules,
    failures,
    suppressedCount,
    config,
    project,
    documents,
    ...(timings && { stats: { stages, rules: timings } }),
  };
}

const STANDALONE_TASK_SHAPES = new Set(['task', 'task-collection', 'task-array']);

/**
 * Everything besides file contents and the disk's answers that decides a run's results. Rules enter
 * by id, scope, severity, messages, option defaults and the source of `check`, so a plugin edited in
 * place (no version) or a development build invalidates the cache too. The clock enters as given
 * (`--now`, config `now`), else as the UTC day: SAS expiry rules and suppression `expires` compare
 * against it, so a cached result is at most one day behind a token that expires later that day.
 * Undefined when the run cannot be keyed (rules given as objects by an API caller).
 */
function cacheKey(stableKey: (value: unknown) => string, options: LintOptions, config: ResolvedConfig, plugins: readonly LoadedPlugin[], rules: readonly Rule[], cwd: string, now: Date): string | undefined {
  if (options.extraRules && options.extraRules.length > 0) return undefined;
  const explicitClock = options.now ?? config.now;
  try {
    return stableKey({
      batchlint: BATCHLINT_VERSION,
      node: process.versions.node,
      cwd,
      config,
      plugins: plugins.map(({ specifier, version }) => ({ specifier, version })),
      rules: rules.map((rule) => ({
        id: rule.id, scope: rule.scope, severity: rule.defaultSeverity, completeTaskSetSeverity: rule.completeTaskSetSeverity,
        messages: rule.messages, defaults: rule.options?.defaults, check: String(rule.check),
      })),
      ignorePatterns: options.ignorePatterns ?? [],
      completeTaskSet: options.completeTaskSet === true,
      clock: explicitClock !== undefined ? explicitClock.toISOString() : now.toISOString().slice(0, 10),
    });
  } catch {
    return undefined;
  }
}

/** Rules whose findings the loader produces rather than a `check`. */
const LOADER_RULES = new Set(['json-syntax', 'json-duplicate-key', 'not-a-batch-file']);

function loaderFindings(documents: readonly LintedDocument[], rules: readonly Rule[]): RawFinding[] {
  const findings: RawFinding[] = [];
  const rule = (id: string) => rules.find((candidate) => candidate.id === id)!;
  for (const document of documents) {
    const { loaded } = document;
    const base = { documentIndex: document.index, related: [], fingerprintValue: undefined, target: 'value' as const };
    if (loaded.problem) {
      // A file that is not JSON is always reported: nothing else vouches for it.
      findings.push({
        ...base,
        rule: rule('json-syntax'),
        messageId: loaded.problem.messageId,
        severity: document.settings.get('json-syntax')?.severity ?? 'error',
        data: loaded.problem.data,
        pointer: '',
        anchor: 'document',
        offsets: { start: loaded.problem.offset, end: loaded.problem.endOffset },
        fingerprintValue: loaded.problem.messageId,
      });
      continue;
    }
    const duplicates = document.settings.get('json-duplicate-key');
    if (duplicates && loaded.duplicateKeys.length > 0) {
      const lines = new LineIndex(loaded.text);
      for (const duplicate of loaded.duplicateKeys) {
        const name = decodeKey(loaded.text.slice(duplicate.keyStart, duplicate.keyEnd));
        findings.push({
          ...base,
          rule: rule('json-duplicate-key'),
          messageId: 'duplicateKey',
          severity: duplicates.severity,
          data: { name, firstLine: lines.position(duplicate.firstKeyStart).line },
          pointer: duplicate.pointer,
          anchor: `document${duplicate.pointer}`,
          offsets: { start: duplicate.keyStart, end: duplicate.keyEnd },
          fingerprintValue: name,
        });
      }
    }
    const notBatch = document.settings.get('not-a-batch-file');
    const reason = loaded.recognised.notBatchReason;
    if (notBatch && reason) {
      const messageId = { 'arm-template': 'armTemplate', 'saved-response': 'savedResponse', 'batch-shipyard': 'batchShipyard', unrecognised: 'unrecognised' }[reason];
      findings.push({ ...base, rule: rule('not-a-batch-file'), messageId, severity: notBatch.severity, data: {}, pointer: '', anchor: 'document', fingerprintValue: reason });
    }
  }
  return findings;
}

function decodeKey(token: string): string {
  try {
    return String(JSON.parse(token));
  } catch {
    return token;
  }
}


function allRules(plugins: readonly LoadedPlugin[]): Rule[] {
  const rules = [...builtInRules];
  const seen = new Map(rules.map((rule) => [rule.id, 'batchlint']));
  for (const plugin of plugins) {
    for (const rule of plugin.rules) {
      const owner = seen.get(rule.id);
      if (owner) throw new ConfigError(`Plugin "${plugin.specifier}" defines rule "${rule.id}", which ${owner === 'batchlint' ? 'is a built-in rule' : `plugin "${owner}" already defines`}`);
      seen.set(rule.id, plugin.specifier);
      rules.push(rule);
    }
  }
  return rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function checkRuleIds(config: ResolvedConfig, rules: readonly Rule[]): void {
  const [unknown] = unknownRuleIds(config, rules);
  if (!unknown) return;
  const near = suggestNearMiss(unknown.ruleId, rules.map((rule) => rule.id));
  throw new ConfigError(`${unknown.source}: unknown rule "${unknown.ruleId}"${near ? `; did you mean "${near}"?` : ''} (batchlint --list-rules lists them)`);
}

function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0) || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

function toLintResult(filePath: string, messages: LintMessage[], suppressedMessages: LintMessage[]): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fatalErrorCount = 0;
  for (const message of messages) {
    if (message.level === 'error') errorCount++;
    else if (message.level === 'warn') warningCount++;
    else infoCount++;
    if (message.fatal) fatalErrorCount++;
  }
  return {
    filePath, messages, suppressedMessages, errorCount, warningCount, infoCount, fatalErrorCount,
    fixableErrorCount: 0, fixableWarningCount: 0, usedDeprecatedRules: [],
  };
}

async function stageAsync(stages: Record<string, number>, name: string, work: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await work();
  stages[name] = (stages[name] ?? 0) + performance.now() - started;
}
