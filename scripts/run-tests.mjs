#!/usr/bin/env node
// Runs the compiled *.test.js suites (and the benchmark generator's tests) with node:test. Node 20
// treats every .js file under a folder named `test` as a test file when given the folder, which
// would also run the fixture harness modules and the long fuzz runner: list the suites explicitly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const suites = [];
const pending = [path.join(root, 'dist', 'test'), path.join(root, 'bench')];
while (pending.length > 0) {
  const directory = pending.pop();
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory() && entry.name !== '.work' && entry.name !== 'node_modules') pending.push(full);
    else if (/\.test\.(js|mjs)$/.test(entry.name)) suites.push(path.relative(root, full));
  }
}
suites.sort();
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...process.argv.slice(2), ...suites], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
