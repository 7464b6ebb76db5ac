import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { forEachEntryBelow, SKIPPED_DIRECTORIES } from './walk-directory.js';
import { UsageError } from '../errors.js';

export interface IgnorePattern {
  pattern: string;
  /** Directory the pattern is relative to (the config file's, or the cwd for --ignore-pattern). */
  directory: string;
}

export interface DiscoveryRequest {
  cwd: string;
  patterns: readonly string[];
  ignores: readonly IgnorePattern[];
  errorOnUnmatchedPattern: boolean;
}

const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**'];

/**
 * Patterns and paths → sorted, de-duplicated absolute file paths. A directory means the `.json`
 * files below it. A missing explicit path, or a glob that matches nothing, is a usage error unless
 * the caller opts out; an explicitly named file that an ignore pattern covers is skipped silently.
 */
export async function discoverFiles(request: DiscoveryRequest): Promise<string[]> {
  const isIgnored = createIgnoreMatcher(request.cwd, request.ignores);
  const found = new Set<string>();
  const unmatched: string[] = [];
  const emptyDirectories: string[] = [];
  for (const pattern of request.patterns.length > 0 ? request.patterns : ['.']) {
    const absolute = path.resolve(request.cwd, pattern);
    const stats = statOrUndefined(absolute);
    // A symlink that cannot be followed (a loop, a missing target) exists: the loader says why it cannot be read.
    const isBrokenLink = stats === undefined && isSymbolicLink(absolute);
    if (stats?.isFile() || stats?.isFIFO() || stats?.isCharacterDevice() || isBrokenLink) {
      if (!isIgnored(absolute)) found.add(absolute);
      continue;
    }
    const isDirectory = stats?.isDirectory() === true;
    let matches: string[];
    if (isDirectory) {
      matches = jsonEntriesBelow(absolute);
    } else {
      // fast-glob loads only when a pattern needs it: one file named on the command line (an editor's save) does not.
      const fastGlob = (await import('fast-glob')).default;
      if (!fastGlob.isDynamicPattern(pattern)) {
        if (!request.errorOnUnmatchedPattern) continue;
        throw new UsageError(`No such file or directory: ${pattern}`);
      }
      matches = await fastGlob(toGlobPath(pattern), {
        cwd: request.cwd,
        absolute: true,
        dot: true,
        onlyFiles: false,
        followSymbolicLinks: false,
        suppressErrors: true,
        ignore: DEFAULT_IGNORES,
      });
    }
    let matchedAny = false;
    for (const match of matches) {
      // The walk joins normalised paths already; the glob engine's need normalising.
      const file = isDirectory ? match : path.normalize(match);
      if (isIgnored(file)) continue;
      // A directory whose name ends in .json is listed by the glob: it is an input the user must hear about.
      matchedAny = true;
      found.add(file);
    }
    if (!matchedAny) (isDirectory ? emptyDirectories : unmatched).push(pattern);
  }
  const ignoreNote = request.ignores.length > 0 ? ` (ignore patterns in effect: ${request.ignores.map((i) => i.pattern).join(', ')})` : '';
  if (emptyDirectories.length > 0 && request.errorOnUnmatchedPattern) {
    // ESLint fails here too: a named directory without inputs is a mistyped path, not a clean run.
    throw new UsageError(`No .json files were found in the director${emptyDirectories.length > 1 ? 'ies' : 'y'} ${emptyDirectories.map((p) => `"${p}"`).join(', ')}${ignoreNote}`);
  }
  if (unmatched.length > 0 && request.errorOnUnmatchedPattern) {
    throw new UsageError(`No files matching the pattern${unmatched.length > 1 ? 's' : ''} ${unmatched.map((p) => `"${p}"`).join(', ')} were found${ignoreNote}`);
  }
  return sortPaths(found);
}

/**
 * What a recursive glob for `*.json` below the directory finds, walked directly (a directory
 * argument is the common case, and a plain walk is several times cheaper than the glob engine):
 * every entry whose name ends in `.json` (a directory of that name too: the caller reports it),
 * hidden ones included, without following symbolic links or entering node_modules and .git;
 * unreadable folders are skipped.
 */
function jsonEntriesBelow(directory: string): string[] {
  const found: string[] = [];
  forEachEntryBelow(
    directory,
    (entry, fullPath) => {
      if (entry.name.endsWith('.json')) found.push(fullPath);
    },
    (entry) => !SKIPPED_DIRECTORIES.has(entry.name),
  );
  return found;
}

/**
 * DEFAULT_IGNORES as picomatch reads them on a normalised relative path (or that path plus `/`):
 * any segment that is node_modules or .git. Asked for every file, so tested without the glob engine.
 */
const DEFAULT_IGNORED_SEGMENT = /(^|\/)(node_modules|\.git)(\/|$)/;

function createIgnoreMatcher(cwd: string, ignores: readonly IgnorePattern[]): (absolute: string) => boolean {
  const matchers = [
    { directory: cwd, test: (relative: string) => DEFAULT_IGNORED_SEGMENT.test(relative) },
    ...ignores.map((ignore) => ({ directory: ignore.directory, test: picomatch(ignore.pattern, { dot: true }) })),
  ];
  return (absolute) =>
    matchers.some(({ directory, test }) => {
      const relative = relativeGlobPath(directory, absolute);
      return !relative.startsWith('../') && (test(relative) || test(`${relative}/`));
    });
}

/**
 * `path.relative` in forward-slash form, without its general machinery in the common case of a
 * normalised path below the directory (asked for every file of a run).
 */
export function relativeGlobPath(directory: string, absolute: string): string {
  const prefix = directory.endsWith(path.sep) ? directory : directory + path.sep;
  if (absolute.startsWith(prefix) && !absolute.includes(`${path.sep}..`, prefix.length - 1) && !absolute.includes(`${path.sep}.${path.sep}`)) {
    return toGlobPath(absolute.slice(prefix.length));
  }
  return toGlobPath(path.relative(directory, absolute));
}

function statOrUndefined(filePath: string): fs.Stats | undefined {
  try {
    return fs.statSync(filePath);
  } catch {
    return undefined;
  }
}

function isSymbolicLink(filePath: string): boolean {
  try {
    return fs.lstatSync(filePath).isSymbolicLink();
  } catch {
    return false;
  }
}

function toGlobPath(filePath: string): string {
  return path.sep === '/' ? filePath : filePath.split(path.sep).join('/');
}

/** Code-unit order of the forward-slash form, the same on every platform and locale; each path converted once. */
function sortPaths(paths: Iterable<string>): string[] {
  const keyed = Array.from(paths, (original) => ({ original, key: toGlobPath(original) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((entry) => entry.original);
}
