import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Readers (an upload-sarif step, a parallel pre-commit process) see the old file or the new one,
 * never half of it: the content goes to a temporary file beside the target, reaches the disk,
 * and is renamed over the target in one step.
 */
export async function writeOutputAtomically(filePath: string, content: string): Promise<void> {
  const target = path.resolve(filePath);
  const directory = path.dirname(target);
  await fs.mkdir(directory, { recursive: true });
  // Same directory, so the rename never crosses file systems; unique, so parallel runs never share it.
  const temporaryPath = path.join(directory, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temporaryPath, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporaryPath, target);
  } catch (error) {
    await fs.rm(temporaryPath, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}

/** Makes the rename itself durable on POSIX; Windows cannot open a directory, and needs no such step. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the file content is already safe.
  } finally {
    await handle?.close();
  }
}
