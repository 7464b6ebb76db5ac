import fs from 'node:fs';
import path from 'node:path';
import { forEachEntryBelow, SKIPPED_DIRECTORIES } from '../files/walk-directory.js';

export const JOB_FILE_NAME = 'job.json';

/**
 * The `job.json` that task files in `directory` belong to: the nearest one in that directory or
 * an ancestor, not above `root` (the lint root). Memoised per directory.
 */
export function createJobFileFinder(root: string): (directory: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  const stop = path.resolve(root);
  const isWithinRoot = (directory: string) => directory === stop || directory.startsWith(stop + path.sep);
  const find = (directory: string): string | undefined => {
    if (cache.has(directory)) return cache.get(directory);
    const candidate = path.join(directory, JOB_FILE_NAME);
    const parent = path.dirname(directory);
    const found = isFile(candidate) ? candidate : directory !== stop && parent !== directory && isWithinRoot(parent) ? find(parent) : undefined;
    cache.set(directory, found);
    return found;
  };
  // Asked once per linted file, mostly with the same few directories: skip resolving those again.
  const byAsked = new Map<string, string | undefined>();
  return (directory) => {
    if (byAsked.has(directory)) return byAsked.get(directory);
    const found = find(path.resolve(directory));
    byAsked.set(directory, found);
    return found;
  };
}

/**
 * Every `.json` file in a job's folder tree, except the job file itself and folders that hold a
 * job file of their own (their tasks belong to that job). Lets a run over a few changed files
 * (a pre-commit hook) still see every task of the job.
 */
export function listJobFolderFiles(jobFile: string): string[] {
  const files: string[] = [];
  forEachEntryBelow(
    path.dirname(jobFile),
    (entry, fullPath) => {
      if (entry.isFile() && entry.name.endsWith('.json') && fullPath !== jobFile) files.push(fullPath);
    },
    (entry, fullPath) => !SKIPPED_DIRECTORIES.has(entry.name) && !isFile(path.join(fullPath, JOB_FILE_NAME)),
  );
  return files.sort();
}

function isFile(filePath: string): boolean {
  try {
    return fs.statSync(filePath).isFile();
  } catch {
    return false;
  }
}
