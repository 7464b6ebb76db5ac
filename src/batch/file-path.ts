/**
 * Paths that Batch resolves against a task directory on Linux or Windows nodes. Both `/` and `\`
 * are treated as separators because the same body may run on either OS.
 */

const ABSOLUTE_PATH = /^(?:[/\\]|[A-Za-z]:|~(?:[/\\]|$))/;

/** `/x`, `\x`, `\\server\x`, `C:\x`, `C:/x`, `C:x` (drive-relative) and `~`, `~/x`. */
export function isAbsoluteFilePath(path: string): boolean {
  return ABSOLUTE_PATH.test(path);
}

export type RelativePathResolution =
  | { readonly escapes: false; /** Segments after resolving `.` and `..`; empty for the directory itself. */ readonly segments: readonly string[] }
  | { readonly escapes: true };

/** Resolve `.` and `..` in a relative path without touching the file system. */
export function resolveRelativePath(path: string): RelativePathResolution {
  const segments: string[] = [];
  for (const segment of path.split(/[/\\]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { escapes: true };
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return { escapes: false, segments };
}
