import path from 'node:path';
import picomatch from 'picomatch';
import { ConfigError } from '../errors.js';
import type { JsonObject, Rule, Severity, SeveritySetting } from '../engine/rule-types.js';
import { isApiVersion, NEWEST_API_VERSION, API_VERSIONS, type ApiVersion } from '../project/api-versions.js';
import {
  validateConfigContent,
  loadConfigFile,
  resolveExtendsTarget,
  relativeForMessage,
  type ConfigFileContent,
  type LoadedConfigFile,
  type RuleSettingInput,
  type SuppressionInput,
} from './load-config.js';
import { suggestNearMiss } from './suggest-near-miss.js';

export const PRESETS = ['batchlint:recommended', 'batchlint:all'] as const;
export type PresetName = (typeof PRESETS)[number];

export interface RuleSetting {
  severity: SeveritySetting;
  options?: object;
}

/** One layer of rule settings, applied in order: a preset, or an explicit rules map. */
type RuleLayer = { preset: PresetName } | { rules: Map<string, RuleSetting>; source: string };

export interface FileMatcher {
  /** Directory the globs are relative to. */
  directory: string;
  matches(relativeToCwd: string, absolute: string): boolean;
}

export interface ResolvedOverride {
  matcher: FileMatcher;
  rules: Map<string, RuleSetting>;
  apiVersion?: ApiVersion;
}

export interface JobBinding {
  matcher: FileMatcher;
  /** The `files` globs, relative to `matcher.directory`. */
  patterns: string[];
  /** A job file (absolute path) or an inline job body. */
  job: string | JsonObject;
  pool?: string | JsonObject;
  /** Where the binding was declared, for --print-context. */
  source: string;
}

export interface Suppression {
  matcher: FileMatcher;
  rules: Set<string> | undefined;
  pointer?: string;
  taskId?: string;
  reason: string;
  expires?: string;
  source: string;
}

export interface ResolvedConfig {
  filePath: string | undefined;
  directory: string;
  layers: RuleLayer[];
  /** --rule settings: they beat every layer and every override. */
  commandLineRules: Map<string, RuleSetting> | undefined;
  /** --api-version: beats the config and its overrides. */
  commandLineApiVersion: ApiVersion | undefined;
  overrides: ResolvedOverride[];
  ignores: Array<{ pattern: string; directory: string }>;
  apiVersion: ApiVersion;
  jobs: JobBinding[];
  pools: Array<{ pattern: string; directory: string }>;
  plugins: Array<{ specifier: string; directory: string }>;
  now: Date | undefined;
  completeTaskSet: boolean;
  suppressions: Suppression[];
}

export interface ConfigRequest {
  cwd: string;
  /** A config file given with --config, or undefined to use `found`. */
  configFile?: string;
  /** The config file found by lookup (undefined with --no-config-lookup or when none exists). */
  found?: string;
  /** A config given as data (API callers, tests); relative paths in it resolve against `directory`. */
  inline?: { content: unknown; directory: string; source: string };
  /** --rule settings, applied last. */
  ruleOverrides?: Record<string, RuleSettingInput>;
  apiVersion?: string;
}

/** Load the config chain (extends included) and merge it into one resolved config. */
export async function resolveConfig(request: ConfigRequest): Promise<ResolvedConfig> {
  const resolved: ResolvedConfig = {
    filePath: undefined,
    directory: request.cwd,
    layers: [],
    commandLineRules: undefined,
    commandLineApiVersion: undefined,
    overrides: [],
    ignores: [],
    apiVersion: NEWEST_API_VERSION,
    jobs: [],
    pools: [],
    plugins: [],
    now: undefined,
    completeTaskSet: false,
    suppressions: [],
  };
  const file = request.configFile ?? request.found;
  let top: LoadedConfigFile | undefined;
  if (request.inline) {
    const filePath = path.join(request.inline.directory, request.inline.source);
    top = { filePath, directory: request.inline.directory, content: validateConfigContent(request.inline.content, filePath) };
  } else if (file) {
    top = await loadConfigFile(path.resolve(request.cwd, file));
    resolved.filePath = top.filePath;
  }
  if (top) {
    resolved.directory = top.directory;
    // A config that says nothing about presets builds on the recommended rules; `extends: []` starts from none.
    if (top.content.extends === undefined) resolved.layers.push({ preset: 'batchlint:recommended' });
    await applyConfigFile(resolved, top, new Set());
  } else {
    resolved.layers.push({ preset: 'batchlint:recommended' });
  }
  if (request.ruleOverrides) resolved.commandLineRules = toRuleMap(request.ruleOverrides);
  if (request.apiVersion !== undefined) resolved.commandLineApiVersion = checkApiVersion(request.apiVersion, '--api-version');
  return resolved;
}

async function applyConfigFile(target: ResolvedConfig, file: LoadedConfigFile, seen: Set<string>): Promise<void> {
  if (seen.has(file.filePath)) throw new ConfigError(`Config ${relativeForMessage(file.filePath)} extends itself (circular "extends")`);
  seen.add(file.filePath);
  const content: ConfigFileContent = file.content;
  const source = relativeForMessage(file.filePath);
  const extendsList = content.extends === undefined ? [] : Array.isArray(content.extends) ? content.extends : [content.extends];
  for (const entry of extendsList) {
    if ((PRESETS as readonly string[]).includes(entry)) {
      target.layers.push({ preset: entry as PresetName });
    } else if (entry.startsWith('batchlint:')) {
      const near = suggestNearMiss(entry, PRESETS);
      throw new ConfigError(`${source}: unknown preset "${entry}" in "extends"${near ? `; did you mean "${near}"?` : ''} (presets: ${PRESETS.join(', ')})`);
    } else {
      await applyConfigFile(target, await loadConfigFile(resolveExtendsTarget(entry, file.directory)), seen);
    }
  }
  const directory = file.directory;
  if (content.rules) target.layers.push({ rules: toRuleMap(content.rules), source });
  for (const [index, override] of (content.overrides ?? []).entries()) {
    target.overrides.push({
      matcher: createFileMatcher(directory, override.files, override.excludedFiles),
      rules: toRuleMap(override.rules ?? {}),
      ...(override.apiVersion !== undefined && { apiVersion: checkApiVersion(override.apiVersion, `${source} overrides[${index}].apiVersion`) }),
    });
  }
  for (const pattern of content.ignores ?? []) target.ignores.push({ pattern, directory });
  if (content.apiVersion !== undefined) target.apiVersion = checkApiVersion(content.apiVersion, `${source} apiVersion`);
  for (const binding of content.jobs ?? []) {
    target.jobs.push({
      matcher: createFileMatcher(directory, binding.files),
      patterns: Array.isArray(binding.files) ? binding.files : [binding.files],
      job: typeof binding.job === 'string' ? path.resolve(directory, binding.job) : binding.job,
      ...(binding.pool !== undefined && { pool: typeof binding.pool === 'string' ? path.resolve(directory, binding.pool) : binding.pool }),
      source: `${source} jobs`,
    });
  }
  for (const pattern of content.pools ?? []) target.pools.push({ pattern, directory });
  for (const specifier of content.plugins ?? []) target.plugins.push({ specifier, directory });
  if (content.now !== undefined) {
    const now = new Date(content.now);
    if (Number.isNaN(now.getTime())) throw new ConfigError(`${source}: key "now" is not a valid date-time (${content.now})`);
    target.now = now;
  }
  if (content.completeTaskSet !== undefined) target.completeTaskSet = content.completeTaskSet;
  for (const suppression of content.suppressions ?? []) target.suppressions.push(toSuppression(suppression, directory, source));
}

function toSuppression(input: SuppressionInput, directory: string, source: string): Suppression {
  const rules = input.rules === undefined ? undefined : new Set(Array.isArray(input.rules) ? input.rules : [input.rules]);
  return {
    matcher: createFileMatcher(directory, input.files),
    rules,
    ...(input.pointer !== undefined && { pointer: input.pointer }),
    ...(input.taskId !== undefined && { taskId: input.taskId }),
    reason: input.reason,
    ...(input.expires !== undefined && { expires: input.expires }),
    source,
  };
}

function checkApiVersion(value: string, where: string): ApiVersion {
  if (isApiVersion(value)) return value;
  const near = suggestNearMiss(value, API_VERSIONS);
  throw new ConfigError(`${where}: unknown Batch api-version "${value}"${near ? `; did you mean "${near}"?` : ''} (newest known: ${NEWEST_API_VERSION})`);
}

function toRuleMap(input: Record<string, RuleSettingInput>): Map<string, RuleSetting> {
  const map = new Map<string, RuleSetting>();
  for (const ruleId of Object.keys(input)) {
    const setting = input[ruleId]!;
    if (Array.isArray(setting)) {
      map.set(ruleId, setting[1] === undefined ? { severity: setting[0] } : { severity: setting[0], options: setting[1] });
    } else {
      map.set(ruleId, { severity: setting });
    }
  }
  return map;
}

export function createFileMatcher(directory: string, include: string | string[], exclude?: string | string[]): FileMatcher {
  const toList = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const isIncluded = picomatch(toList(include), { dot: true });
  const excluded = toList(exclude);
  const isExcluded = excluded.length > 0 ? picomatch(excluded, { dot: true }) : () => false;
  return {
    directory,
    matches(_relativeToCwd: string, absolute: string): boolean {
      const relative = path.relative(directory, absolute).split(path.sep).join('/');
      if (relative.startsWith('../')) return false;
      return isIncluded(relative) && !isExcluded(relative);
    },
  };
}

/** Severity and options of every rule for one file: layers, then matching overrides. */
export function ruleSettingsForFile(
  config: ResolvedConfig,
  rules: readonly Rule[],
  /** Undefined for the settings before any override: what a rule is configured to overall. */
  absolutePath: string | undefined,
): Map<string, { severity: Severity; options: object | undefined }> {
  const settings = new Map<string, RuleSetting>();
  const applyLayer = (layer: RuleLayer) => {
    if ('preset' in layer) {
      for (const rule of rules) {
        if (layer.preset === 'batchlint:all' || rule.recommended) settings.set(rule.id, { severity: rule.defaultSeverity });
        else if (!settings.has(rule.id)) settings.set(rule.id, { severity: 'off' });
      }
    } else {
      for (const [ruleId, setting] of layer.rules) {
        const previous = settings.get(ruleId);
        settings.set(ruleId, setting.options === undefined && previous?.options !== undefined ? { ...setting, options: previous.options } : setting);
      }
    }
  };
  config.layers.forEach(applyLayer);
  for (const override of config.overrides) {
    if (absolutePath !== undefined && override.matcher.matches('', absolutePath)) applyLayer({ rules: override.rules, source: 'override' });
  }
  if (config.commandLineRules) applyLayer({ rules: config.commandLineRules, source: '--rule' });
  const result = new Map<string, { severity: Severity; options: object | undefined }>();
  for (const rule of rules) {
    const setting = settings.get(rule.id);
    if (!setting || setting.severity === 'off') continue;
    result.set(rule.id, { severity: setting.severity, options: setting.options });
  }
  return result;
}

/** The api-version for one file: the last matching override's, else the config's. */
export function apiVersionForFile(config: ResolvedConfig, absolutePath: string): ApiVersion {
  if (config.commandLineApiVersion) return config.commandLineApiVersion;
  let version = config.apiVersion;
  for (const override of config.overrides) {
    if (override.apiVersion && override.matcher.matches('', absolutePath)) version = override.apiVersion;
  }
  return version;
}

/** Rule ids named anywhere in the config that no loaded rule has. */
export function unknownRuleIds(config: ResolvedConfig, rules: readonly Rule[]): Array<{ ruleId: string; source: string }> {
  const known = new Set(rules.map((rule) => rule.id));
  const unknown: Array<{ ruleId: string; source: string }> = [];
  for (const layer of config.layers) {
    if ('rules' in layer) for (const ruleId of layer.rules.keys()) if (!known.has(ruleId)) unknown.push({ ruleId, source: layer.source });
  }
  for (const override of config.overrides) {
    for (const ruleId of override.rules.keys()) if (!known.has(ruleId)) unknown.push({ ruleId, source: 'overrides' });
  }
  for (const ruleId of config.commandLineRules?.keys() ?? []) if (!known.has(ruleId)) unknown.push({ ruleId, source: '--rule' });
  return unknown;
}
