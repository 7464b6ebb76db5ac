import { after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type WorkspaceFiles = Record<string, string | Uint8Array>;

/**
 * A maker of temporary directories holding `files`, all removed when the test file ends (chmod 000
 * files and FIFOs included). The `.git` directory stops the config lookup there, so a stray
 * .batchlintrc above the temp dir cannot change the outcome, and makes it the SARIF root.
 */
export function temporaryWorkspaces(prefix: string): (files?: WorkspaceFiles) => string {
  const directories: string[] = [];
  after(() => {
    for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
  });
  return (files = {}) => {
    const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    directories.push(directory);
    fs.mkdirSync(path.join(directory, '.git'));
    for (const [relative, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(directory, relative)), { recursive: true });
      fs.writeFileSync(path.join(directory, relative), content);
    }
    return directory;
  };
}
