import path from 'node:path';
import { findConfigFile } from '../config/load-config.js';
import { apiVersionForFile, resolveConfig, ruleSettingsForFile } from '../config/resolve-config.js';
import { builtInRules } from '../../rules/index.js';
import { loadPlugins } from '../config/load-plugins.js';
import { lint } from '../lint.js';
import type { CliOptions } from './parse-arguments.js';

/** `--print-config FILE`: the configuration that applies to FILE, as JSON. */
export async function printConfig(cwd: string, options: CliOptions): Promise<string> {
  const file = path.resolve(cwd, options.printConfig!);
  const config = await resolveConfig({
    cwd,
    ...(options.configFile !== undefined && { configFile: options.configFile }),
    ...(options.useConfigLookup && options.configFile === undefined && { found: findConfigFile(cwd) }),
    ...(Object.keys(options.rules).length > 0 && { ruleOverrides: options.rules }),
    ...(options.apiVersion !== undefined && { apiVersion: options.apiVersion }),
  });
  const rules = [...builtInRules, ...(await loadPlugins(config.plugins)).flatMap((plugin) => plugin.rules)];
  const settings = ruleSettingsForFile(config, rules, file);
  const printed = {
    file: path.relative(cwd, file).split(path.sep).join('/'),
    configFile: config.filePath ? path.relative(cwd, config.filePath).split(path.sep).join('/') : null,
    apiVersion: apiVersionForFile(config, file),
    now: config.now?.toISOString() ?? null,
    completeTaskSet: config.completeTaskSet,
    plugins: config.plugins.map((plugin) => plugin.specifier),
    rules: Object.fromEntries(
      [...settings].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, setting]) => [id, setting.options === undefined ? setting.severity : [setting.severity, setting.options]]),
    ),
  };
  return `${JSON.stringify(printed, null, 2)}\n`;
}

/** `--print-context FILE`: which job and pool each task of FILE is bound to, and why. */
export async function printContext(cwd: string, options: CliOptions): Promise<string> {
  const file = path.resolve(cwd, options.printContext!);
  const run = await lint({
    cwd,
    patterns: options.patterns.length > 0 ? options.patterns : [options.printContext!],
    ...(options.configFile !== undefined && { configFile: options.configFile }),
    useConfigLookup: options.useConfigLookup,
    ...(options.apiVersion !== undefined && { apiVersion: options.apiVersion }),
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
  });
  const document = run.documents.find((candidate) => candidate.absolutePath === file);
  if (!document) return `${options.printContext}: not among the linted files\n`;
  const lines = [`${document.filePath}: ${document.loaded.recognised.shape} (api-version ${document.apiVersion})`];
  for (const entity of document.entities) {
    const label = `${entity.kind === 'task' ? entity.role : entity.kind} ${entity.id !== undefined ? `"${entity.id}"` : '(no id)'} at ${entity.pointer || '/'}`;
    const set = run.project.taskSetOf.get(entity);
    if (entity.kind === 'job') {
      const entry = run.project.jobs.find((candidate) => candidate.job === entity);
      const poolSet = run.project.taskSets.find((candidate) => candidate.job.entity === entity);
      lines.push(`  ${label}: ${entry?.tasks.length ?? 0} task(s); pool: ${entry?.pool ? describePool(entry.pool.entity.id, entry.pool.entity.filePath, entry.pool.os) : 'unknown'}${poolSet ? ` (${poolSet.poolReason})` : ''}`);
    } else if (set) {
      const job = set.job.isAnonymous ? `anonymous job of ${set.job.entity.filePath}` : `job "${set.job.entity.id ?? '(no id)'}" in ${set.job.entity.filePath}`;
      lines.push(`  ${label}: ${job}, because ${set.reason}; pool: ${set.pool ? describePool(set.pool.entity.id, set.pool.entity.filePath, set.pool.os) : 'unknown'} (${set.poolReason})`);
    } else {
      const pool = run.project.poolOf.get(entity);
      lines.push(`  ${label}${pool ? `: pool ${describePool(pool.entity.id, pool.entity.filePath, pool.os)}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function describePool(id: string | undefined, filePath: string, os: string | undefined): string {
  return `"${id ?? '(auto pool)'}" in ${filePath}${os ? ` (${os})` : ''}`;
}
