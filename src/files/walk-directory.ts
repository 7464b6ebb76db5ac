import fs from 'node:fs';
import path from 'node:path';

/** Folders no walk enters: installed packages and git's own store hold no task files of the project. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);

/**
 * Calls `visit` for every entry below `root`, entering the folders `enter` accepts (never a
 * symbolic link to one: a Dirent of a link is not a directory). Unreadable folders are skipped.
 * An explicit stack, so that a deep tree cannot overflow the call stack.
 */
export function forEachEntryBelow(
  root: string,
  visit: (entry: fs.Dirent, fullPath: string) => void,
  enter: (entry: fs.Dirent, fullPath: string) => boolean,
): void {
  const pending = [root];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const fullPath = path.join(current, entry.name);
      visit(entry, fullPath);
      if (entry.isDirectory() && enter(entry, fullPath)) pending.push(fullPath);
    }
  }
}
