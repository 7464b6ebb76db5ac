import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../formatters/lint-result.js';

/**
 * `--cache`: the results of a whole run, reused when nothing it depended on has changed.
 *
 * A run depends on its key (batchlint version, resolved config, rules and their options, plugins,
 * api-version, options, and the clock when a time-dependent rule is on), on the bytes of every file
 * it read (linted files and context: job.json above them, sibling task files, pool and job files
 * named in the config), and on what it found on disk without reading (which job.json is nearest,
 * which files a job folder or a config glob holds). The cache stores all three; a later run with the
 * same key and the same linted file list re-asks the disk questions, checks every input by size and
 * mtime (hashing only files whose stat changed, or that changed too close to the write to trust
 * the stat), and returns the stored results without reading or parsing a linted file.
 */

export const CACHE_FORMAT = 'batchlint-run-cache';
const CACHE_FORMAT_VERSION = 1;
/** Distinct runs remembered (a pre-commit run over a few files, the full run, another config…). */
const RUNS_KEPT = 4;
/** The hash recorded for a file that could not be read: it still must not be readable for a cached run to hold. */
export const UNREADABLE = '(unreadable)';
/** A file modified this close before the cache was written may change again within the same mtime tick. */
const MTIME_TRUST_MARGIN_MS = 2_000;

export interface InputFile {
  path: string;
  size: number;
  /** -1: too recent to trust; always compare the hash. */
  mtimeMs: number;
  hash: string;
}

/** A question the run asked of the disk without reading a file, and the answer it got. */
export type DiskProbe =
  | { kind: 'job-file'; directory: string; answer: string | null }
  | { kind: 'job-folder'; jobFile: string; answer: string[] }
  | { kind: 'glob'; directory: string; patterns: string[]; answer: string[] };

export interface CachedRun {
  key: string;
  /** The linted files, in run order. */
  files: string[];
  inputs: InputFile[];
  probes: DiskProbe[];
  results: LintResult[];
  enabledRules: Array<{ id: string; severity: 'error' | 'warn' | 'info' }>;
  failures: string[];
  suppressedCount: number;
  writtenAt: number;
}

interface CacheFile {
  format: typeof CACHE_FORMAT;
  version: number;
  runs: CachedRun[];
}

/** A stable key for any JSON-like value: object keys sorted, functions left out, Maps as entries, Dates as ISO text. */
export function stableKey(value: unknown): string {
  const seen = new Set<object>();
  const normalise = (input: unknown): unknown => {
    if (input === null || typeof input !== 'object') return typeof input === 'function' ? undefined : input;
    if (input instanceof Date) return input.toISOString();
    if (input instanceof RegExp) return String(input);
    if (seen.has(input)) throw new Error('cycle in cache key');
    seen.add(input);
    let normalised: unknown;
    if (input instanceof Map) normalised = [...input].map(([key, entry]) => [normalise(key), normalise(entry)]);
    else if (input instanceof Set) normalised = [...input].map(normalise);
    else if (Array.isArray(input)) normalised = input.map(normalise);
    else {
      const object: Record<string, unknown> = {};
      for (const key of Object.keys(input).sort()) {
        const entry = normalise((input as Record<string, unknown>)[key]);
        if (entry !== undefined) object[key] = entry;
      }
      normalised = object;
    }
    seen.delete(input);
    return normalised;
  };
  return createHash('sha256').update(JSON.stringify(normalise(value))).digest('hex');
}

export function hashContent(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** The cache file's runs; a missing, corrupt or foreign file is an empty cache, never an error. */
export function readCache(location: string): CachedRun[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(location, 'utf8'));
  } catch {
    return [];
  }
  const file = parsed as Partial<CacheFile> | null;
  if (file === null || typeof file !== 'object' || file.format !== CACHE_FORMAT || file.version !== CACHE_FORMAT_VERSION || !Array.isArray(file.runs)) return [];
  return file.runs.filter(isCachedRun);
}

function isCachedRun(run: unknown): run is CachedRun {
  const candidate = run as Partial<CachedRun> | null;
  return (
    candidate !== null &&
    typeof candidate === 'object' &&
    typeof candidate.key === 'string' &&
    Array.isArray(candidate.files) &&
    Array.isArray(candidate.inputs) &&
    Array.isArray(candidate.probes) &&
    Array.isArray(candidate.results) &&
    Array.isArray(candidate.enabledRules) &&
    Array.isArray(candidate.failures) &&
    typeof candidate.suppressedCount === 'number'
  );
}

/** How a cached run's disk questions are asked again now. */
export interface ProbeAnswerer {
  jobFile(directory: string): string | undefined;
  jobFolder(jobFile: string): string[];
  glob(directory: string, patterns: string[]): Promise<string[]>;
}

/**
 * The stored run for this key and file list if nothing it depended on changed. `refreshed` is true
 * when some inputs were re-hashed (same bytes, new stat): the caller writes the cache back so the
 * next run trusts the new stat.
 */
export async function findReusableRun(
  runs: readonly CachedRun[],
  key: string,
  files: readonly string[],
  answer: ProbeAnswerer,
): Promise<{ run: CachedRun; refreshed: boolean } | undefined> {
  const run = runs.find((candidate) => candidate.key === key && sameList(candidate.files, files));
  if (!run) return undefined;
  for (const probe of run.probes) {
    if (probe.kind === 'job-file') {
      if ((answer.jobFile(probe.directory) ?? null) !== probe.answer) return undefined;
    } else if (probe.kind === 'job-folder') {
      if (!sameList(answer.jobFolder(probe.jobFile), probe.answer)) return undefined;
    } else if (!sameList(await answer.glob(probe.directory, probe.patterns), probe.answer)) {
      return undefined;
    }
  }
  let refreshed = false;
  const inputs: InputFile[] = [];
  for (const input of run.inputs) {
    let stats: fs.Stats;
    try {
      stats = fs.statSync(input.path);
    } catch {
      if (input.hash === UNREADABLE) {
        inputs.push(input);
        continue;
      }
      return undefined;
    }
    if (input.hash === UNREADABLE) {
      // It exists now: readable or not, the run that cached it saw something else.
      return undefined;
    }
    if (stats.size === input.size && stats.mtimeMs === input.mtimeMs) {
      inputs.push(input);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(input.path);
    } catch {
      return undefined;
    }
    if (hashContent(bytes) !== input.hash) return undefined;
    refreshed = true;
    inputs.push({ ...input, size: stats.size, mtimeMs: trustedMtime(stats.mtimeMs, Date.now()) });
  }
  return { run: { ...run, inputs }, refreshed };
}

/** Records what a run read and asked, for the cache entry written after it. */
export class RunRecorder {
  readonly probes: DiskProbe[] = [];
  private readonly inputs = new Map<string, InputFile>();

  /** Stat before reading: if the file changes after the stat, the next run sees another stat and re-hashes. */
  statBeforeRead(absolutePath: string): fs.Stats | undefined {
    try {
      return fs.statSync(absolutePath);
    } catch {
      return undefined;
    }
  }

  recordRead(absolutePath: string, stats: fs.Stats | undefined, bytes: Uint8Array): void {
    if (this.inputs.has(absolutePath)) return;
    this.inputs.set(absolutePath, { path: absolutePath, size: stats?.size ?? -1, mtimeMs: stats?.mtimeMs ?? -1, hash: hashContent(bytes) });
  }

  recordUnreadable(absolutePath: string): void {
    if (!this.inputs.has(absolutePath)) this.inputs.set(absolutePath, { path: absolutePath, size: -1, mtimeMs: -1, hash: UNREADABLE });
  }

  inputFiles(writtenAt: number): InputFile[] {
    return [...this.inputs.values()].map((input) => ({ ...input, mtimeMs: trustedMtime(input.mtimeMs, writtenAt) }));
  }
}

function trustedMtime(mtimeMs: number, writtenAt: number): number {
  return mtimeMs < 0 || mtimeMs > writtenAt - MTIME_TRUST_MARGIN_MS ? -1 : mtimeMs;
}

/** Put `run` first (replacing a run with the same key and files) and write atomically: temp file, then rename. */
export function writeCache(location: string, previous: readonly CachedRun[], run: CachedRun): void {
  const runs = [run, ...previous.filter((candidate) => !(candidate.key === run.key && sameList(candidate.files, run.files)))].slice(0, RUNS_KEPT);
  const file: CacheFile = { format: CACHE_FORMAT, version: CACHE_FORMAT_VERSION, runs };
  const directory = path.dirname(location);
  const temporaryPath = path.join(directory, `.${path.basename(location)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(temporaryPath, JSON.stringify(file), { flag: 'wx' });
    fs.renameSync(temporaryPath, location);
  } catch {
    // A cache that cannot be written only costs the next run its shortcut.
    fs.rmSync(temporaryPath, { force: true });
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
