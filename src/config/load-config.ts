import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import validateConfig from './generated/validate-config.js';
import { ConfigError } from '../errors.js';
import { suggestNearMiss } from './suggest-near-miss.js';
import type { SeveritySetting, JsonObject } from '../engine/rule-types.js';

/** The config keys a file may hold, exactly as users write them. */
export interface ConfigFileContent {
  extends?: string | string[];
  rules?: Record<string, RuleSettingInput>;
  overrides?: Array<{ files: string | string[]; excludedFiles?: string | string[]; rules?: Record<string, RuleSettingInput>; apiVersion?: string }>;
  ignores?: string[];
  apiVersion?: string;
  jobs?: Array<{ files: string | string[]; job: string | JsonObject; pool?: string | JsonObject }>;
  pools?: string[];
  plugins?: string[];
  now?: string;
  completeTaskSet?: boolean;
  suppressions?: SuppressionInput[];
}

export type RuleSettingInput = SeveritySetting | [SeveritySetting] | [SeveritySetting, object];

export interface SuppressionInput {
  files: string | string[];
  rules?: string | string[];
  pointer?: string;
  taskId?: string;
  reason: string;
  expires?: string;
}

/** One config file after validation, with the directory its relative paths are resolved against. */
export interface LoadedConfigFile {
  filePath: string;
  directory: string;
  content: ConfigFileContent;
}

/** File names searched in each directory, in cosmiconfig's order for module name `batchlint`. */
export const CONFIG_FILE_NAMES = [
  'package.json',
  '.batchlintrc',
  '.batchlintrc.json',
  '.batchlintrc.yaml',
  '.batchlintrc.yml',
  '.batchlintrc.js',
  '.batchlintrc.cjs',
  '.batchlintrc.mjs',
  'batchlint.config.js',
  'batchlint.config.cjs',
  'batchlint.config.mjs',
] as const;

const TOP_LEVEL_KEYS = [
  '$schema', 'extends', 'rules', 'overrides', 'ignores', 'apiVersion', 'jobs', 'pools', 'plugins', 'now',
  'completeTaskSet', 'suppressions',
];

/**
 * Find the config that applies to `startDirectory`: the nearest directory (walking up to the
 * filesystem root, stopping after a directory that holds `.git`) with a config file. The search
 * itself only checks for files, so runs without a config never load cosmiconfig.
 */
export function findConfigFile(startDirectory: string): string | undefined {
  let directory = path.resolve(startDirectory);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(directory, name);
      if (!fs.existsSync(candidate)) continue;
      if (name !== 'package.json') return candidate;
      if (packageJsonHasConfig(candidate)) return candidate;
    }
    const parent = path.dirname(directory);
    if (parent === directory || fs.existsSync(path.join(directory, '.git'))) return undefined;
    directory = parent;
  }
}

function packageJsonHasConfig(filePath: string): boolean {
  try {
    const content: unknown = JSON.parse(fs.readFileSync(filePath, 'utf8'));
    return content !== null && typeof content === 'object' && Object.prototype.hasOwnProperty.call(content, 'batchlint');
  } catch {
    return false;
  }
}

/** Load and validate one config file (any format cosmiconfig reads). */
export async function loadConfigFile(filePath: string): Promise<LoadedConfigFile> {
  const absolute = path.resolve(filePath);
  if (!fs.existsSync(absolute)) throw new ConfigError(`Config file not found: ${filePath}`);
  let loaded: { config: unknown } | null;
  try {
    const { cosmiconfig } = await import('cosmiconfig');
    loaded = await cosmiconfig('batchlint', { cache: false }).load(absolute);
  } catch (error) {
    throw new ConfigError(`Cannot read config file ${relativeForMessage(absolute)}: ${describeLoadError(error)}`);
  }
  const content = loaded?.config ?? {};
  validateContent(content, absolute);
  return { filePath: absolute, directory: path.dirname(absolute), content: content as ConfigFileContent };
}

/** Resolve an `extends` entry that names a file or a package, relative to the config that extends it. */
export function resolveExtendsTarget(specifier: string, fromDirectory: string): string {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return path.resolve(fromDirectory, specifier);
  try {
    return createRequire(path.join(fromDirectory, 'noop.js')).resolve(specifier);
  } catch {
    throw new ConfigError(`Cannot find the config "${specifier}" named in "extends" (looked in ${relativeForMessage(fromDirectory)})`);
  }
}

export function validateConfigContent(content: unknown, filePath: string): ConfigFileContent {
  validateContent(content, filePath);
  return content as ConfigFileContent;
}

function validateContent(content: unknown, filePath: string): void {
  const shapeProblem = findShapeProblem(content);
  if (shapeProblem !== undefined) throw new ConfigError(`Invalid config ${relativeForMessage(filePath)}: ${shapeProblem}`);
  if (validateConfig(content)) return;
  const errors = validateConfig.errors ?? [];
  throw new ConfigError(`Invalid config ${relativeForMessage(filePath)}: ${describeConfigError(pickMostSpecific(errors), content)}`);
}

/**
 * Far deeper than any real config (an inline job body is a handful of levels). Config values are
 * later serialised and printed by recursive JSON tools, which a deeper or circular value (possible
 * in a JS config) would overflow.
 */
const MAX_CONFIG_DEPTH = 256;

/** A circular reference or nesting beyond MAX_CONFIG_DEPTH, found with an explicit stack. */
function findShapeProblem(content: unknown): string | undefined {
  const isContainer = (value: unknown): value is object => value !== null && typeof value === 'object';
  if (!isContainer(content)) return undefined;
  const onPath = new Set<object>();
  const finished = new Set<object>();
  const stack: Array<{ node: object; depth: number; leaving: boolean }> = [{ node: content, depth: 1, leaving: false }];
  while (stack.length > 0) {
    const { node, depth, leaving } = stack.pop()!;
    if (leaving) {
      onPath.delete(node);
      finished.add(node);
      continue;
    }
    // A value shared by two keys (one options object for two rules) is fine; only a cycle is not.
    if (finished.has(node)) continue;
    if (depth > MAX_CONFIG_DEPTH) return `it nests more than ${MAX_CONFIG_DEPTH} levels deep`;
    onPath.add(node);
    stack.push({ node, depth, leaving: true });
    for (const child of Object.values(node)) {
      if (!isContainer(child)) continue;
      if (onPath.has(child)) return 'it contains a circular reference; config values must be plain JSON data';
      stack.push({ node: child, depth: depth + 1, leaving: false });
    }
  }
  return undefined;
}

/** ajv reports every failed branch of an anyOf; the deepest, non-anyOf error is the one to show. */
function pickMostSpecific(errors: ErrorObject[]): ErrorObject {
  const ranked = [...errors].sort((a, b) => {
    const depth = b.instancePath.split('/').length - a.instancePath.split('/').length;
    if (depth !== 0) return depth;
    return Number(a.keyword === 'anyOf') - Number(b.keyword === 'anyOf');
  });
  return ranked[0]!;
}

function describeConfigError(error: ErrorObject, content: unknown): string {
  const keyPath = breadcrumb(error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const where = keyPath ? `key "${keyPath}" has` : 'the config has';
      const known = keyPath === '' ? TOP_LEVEL_KEYS : knownKeysAt(error);
      const near = suggestNearMiss(key, known);
      return `${where} an unknown key "${key}"${near ? `; did you mean "${near}"?` : ''} (valid keys: ${known.join(', ')})`;
    }
    case 'propertyNames':
    case 'pattern': {
      // ajv names the bad key in `params` on the propertyNames error, on the error itself on the pattern error.
      const propertyName = error.propertyName ?? error.params.propertyName;
      if (propertyName !== undefined) {
        return `key "${keyPath ? keyPath + '.' : ''}${String(propertyName)}" is not a valid rule id (rule ids are kebab-case, like "task-id-too-long")`;
      }
      return `key "${keyPath}" must match ${String(error.params.pattern)} (got ${JSON.stringify(valueAt(content, error.instancePath))})`;
    }
    case 'enum':
      return `key "${keyPath}" must be one of ${(error.params.allowedValues as unknown[]).map((v) => `"${String(v)}"`).join(', ')} (got ${JSON.stringify(valueAt(content, error.instancePath))})`;
    case 'required':
      return `key "${keyPath || '(root)'}" is missing the required key "${String(error.params.missingProperty)}"`;
    case 'type':
      return `key "${keyPath || '(root)'}" must be ${String(error.params.type)}`;
    default:
      return `key "${keyPath || '(root)'}" ${error.message ?? 'is invalid'}`;
  }
}

function knownKeysAt(error: ErrorObject): string[] {
  const schemaPath = error.schemaPath;
  if (schemaPath.includes('overrides')) return ['files', 'excludedFiles', 'rules', 'apiVersion'];
  if (schemaPath.includes('jobBinding')) return ['files', 'job', 'pool'];
  if (schemaPath.includes('suppression')) return ['files', 'rules', 'pointer', 'taskId', 'reason', 'expires'];
  return TOP_LEVEL_KEYS;
}

/** `/overrides/0/rules` → `overrides[0].rules` */
function breadcrumb(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((text, segment) => (/^\d+$/.test(segment) ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment), '');
}

function valueAt(content: unknown, instancePath: string): unknown {
  let current = content;
  for (const segment of instancePath.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    current = Object.prototype.hasOwnProperty.call(current, key) ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

function describeLoadError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

export function relativeForMessage(filePath: string): string {
  const relative = path.relative(process.cwd(), filePath);
  return relative && !relative.startsWith('..') ? relative : filePath;
}
