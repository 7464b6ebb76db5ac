import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BatchlintError, UsageError } from '../errors.js';
import type { Formatter } from './lint-result.js';

/** Imported on demand, so a run pays only for the formatter it prints with. */
const BUILT_IN_FORMATTERS: Record<string, () => Promise<unknown>> = {
  github: () => import('./github.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  stylish: () => import('./stylish.js'),
};

export const BUILT_IN_FORMATTER_NAMES: readonly string[] = Object.keys(BUILT_IN_FORMATTERS).sort();

const PACKAGE_PREFIXES = ['batchlint-formatter', 'eslint-formatter'] as const;

export class FormatterNotFoundError extends UsageError {
  constructor(
    readonly formatterName: string,
    readonly triedPackages: readonly string[],
    readonly triedPath: string,
  ) {
    const packages = triedPackages.length > 0 ? `the packages ${triedPackages.join(', ')} and ` : '';
    super(
      `Formatter "${formatterName}" not found. Built-in formatters: ${BUILT_IN_FORMATTER_NAMES.join(', ')}. ` +
        `Tried ${packages}the file ${triedPath}.`,
    );
  }
}

/** The formatter exists but cannot be used: it throws while loading or exports no function. */
export class FormatterLoadError extends BatchlintError {}

/** `-f name:output-file` names a formatter and where its output goes. */
export class FormatSpecError extends UsageError {}

/**
 * Resolve a formatter the way ESLint does, so `eslint-formatter-*` packages work unchanged:
 * a built-in name, then `batchlint-formatter-<name>` and `eslint-formatter-<name>` (scoped forms
 * too) resolved from `cwd`, then a file path relative to `cwd`.
 */
export async function loadFormatter(name: string, cwd: string): Promise<Formatter> {
  const builtIn = Object.hasOwn(BUILT_IN_FORMATTERS, name) ? BUILT_IN_FORMATTERS[name] : undefined;
  if (builtIn !== undefined) return formatterExport(await builtIn(), name);

  const candidates = looksLikePath(name) ? [] : packageCandidates(name);
  const requireFromCwd = createRequire(path.join(cwd, 'noop.js'));
  for (const candidate of candidates) {
    const entry = resolvePackageEntry(requireFromCwd, candidate);
    if (entry !== undefined) return importFormatter(entry, name);
  }
  const filePath = path.resolve(cwd, name);
  if (isFile(filePath)) return importFormatter(filePath, name);
  throw new FormatterNotFoundError(name, candidates, filePath);
}

function looksLikePath(name: string): boolean {
  if (name.startsWith('@')) return false;
  return name.startsWith('.') || path.isAbsolute(name) || /[\\/]/.test(name) || /\.[cm]?js$/.test(name);
}

/** `x` → `batchlint-formatter-x`, `eslint-formatter-x`; `@s/x` → `@s/…-x`; `@s` → `@s/…`. */
export function packageCandidates(name: string): string[] {
  const scoped = /^(@[^/]+)(?:\/(.+))?$/.exec(name);
  const scope = scoped ? `${scoped[1]}/` : '';
  const bareName = scoped ? scoped[2] : name;
  if (bareName === undefined) return PACKAGE_PREFIXES.map((prefix) => `${scope}${prefix}`);
  if (PACKAGE_PREFIXES.some((prefix) => bareName === prefix || bareName.startsWith(`${prefix}-`))) return [name];
  return PACKAGE_PREFIXES.map((prefix) => `${scope}${prefix}-${bareName}`);
}

function resolvePackageEntry(requireFromCwd: NodeRequire, packageName: string): string | undefined {
  try {
    return requireFromCwd.resolve(packageName);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // An ESM-only package has no "require" export; find its "import" entry ourselves, because
    // import.meta.resolve cannot resolve from another directory on Node 20.
    if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return resolveImportEntry(requireFromCwd, packageName);
    if (code === 'MODULE_NOT_FOUND' && isMissingPackage(requireFromCwd, packageName)) return undefined;
    throw new FormatterLoadError(`Formatter package ${packageName} cannot be resolved: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function packageDirectory(requireFromCwd: NodeRequire, packageName: string): string | undefined {
  for (const nodeModules of requireFromCwd.resolve.paths(packageName) ?? []) {
    const directory = path.join(nodeModules, packageName);
    if (isFile(path.join(directory, 'package.json'))) return directory;
  }
  return undefined;
}

/** A package whose main file is missing is broken, not absent: say so instead of "not found". */
function isMissingPackage(requireFromCwd: NodeRequire, packageName: string): boolean {
  return packageDirectory(requireFromCwd, packageName) === undefined;
}

function resolveImportEntry(requireFromCwd: NodeRequire, packageName: string): string | undefined {
  const directory = packageDirectory(requireFromCwd, packageName);
  if (directory === undefined) return undefined;
  const manifest: unknown = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8'));
  let target: unknown = (manifest as { exports?: unknown }).exports;
  if (isRecord(target) && Object.hasOwn(target, '.')) target = target['.'];
  // Conditions nest (`{ node: { import: … } }`); a few levels cover every real package.
  for (let depth = 0; depth < 8 && isRecord(target); depth += 1) {
    const condition = ['import', 'node', 'default'].find((key) => Object.hasOwn(target as object, key));
    target = condition === undefined ? undefined : (target as Record<string, unknown>)[condition];
  }
  if (typeof target !== 'string') {
    throw new FormatterLoadError(`Formatter package ${packageName} exports no entry point that can be imported`);
  }
  return path.join(directory, target);
}

async function importFormatter(filePath: string, name: string): Promise<Formatter> {
  let module: unknown;
  try {
    module = await import(pathToFileURL(filePath).href);
  } catch (error) {
    throw new FormatterLoadError(`Formatter "${name}" (${filePath}) failed to load: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return formatterExport(module, name);
}

/** ESM default export, CommonJS `module.exports = fn`, or a transpiled `exports.default = fn`. */
function formatterExport(module: unknown, name: string): Formatter {
  const defaultExport = isRecord(module) ? module.default : undefined;
  if (typeof defaultExport === 'function') return defaultExport as Formatter;
  const nestedDefault = isRecord(defaultExport) ? defaultExport.default : undefined;
  if (typeof nestedDefault === 'function') return nestedDefault as Formatter;
  throw new FormatterLoadError(`Formatter "${name}" does not export a function as its default export`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}

function isFile(filePath: string): boolean {
  try {
    return fs.statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/**
 * Split `-f sarif:reports/out.sarif` into the formatter name and its output file. The first colon
 * separates them, except the one of a Windows drive letter that starts a formatter path
 * (`C:\fmt.js:out.txt`); scoped package names contain no colon.
 */
export function parseFormatSpec(
  spec: string,
  { isWindows = process.platform === 'win32' }: { isWindows?: boolean } = {},
): { name: string; outputFile?: string } {
  const startsWithDrive = isWindows ? /^[A-Za-z]:[\\/]/.test(spec) : /^[A-Za-z]:\\/.test(spec);
  const colon = spec.indexOf(':', startsWithDrive ? 2 : 0);
  const name = colon < 0 ? spec : spec.slice(0, colon);
  if (name.trim() === '') throw new FormatSpecError(`Format "${spec}" names no formatter: use -f <name>[:<output-file>]`);
  if (colon < 0) return { name };
  const outputFile = spec.slice(colon + 1);
  if (outputFile.trim() === '') {
    throw new FormatSpecError(`Format "${spec}" ends with ":" but names no output file: use -f ${name}:<output-file>`);
  }
  return { name, outputFile };
}
