import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import fastGlob from 'fast-glob';
import { discoverFiles } from '../src/files/discover-files.js';

test('a directory argument finds exactly what the equivalent fast-glob pattern finds', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-discover-'));
  const files = [
    'a.json', 'b.txt', 'UPPER.JSON', '.hidden.json', 'nested/deeper/c.json', '.github/d.json',
    'node_modules/pkg/e.json', 'nested/node_modules/f.json', '.git/g.json', 'sub/.git/h.json', 'tasks.json.bak',
  ];
  for (const file of files) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '{}');
  }
  fs.mkdirSync(path.join(root, 'folder.json'));
  fs.writeFileSync(path.join(root, 'folder.json', 'inner.json'), '{}');
  fs.mkdirSync(path.join(root, 'outside'));
  fs.writeFileSync(path.join(root, 'outside', 'linked.json'), '{}');
  fs.symlinkSync(path.join(root, 'outside'), path.join(root, 'nested', 'link-to-outside'));
  fs.symlinkSync(path.join(root, 'a.json'), path.join(root, 'nested', 'alias.json'));
  try {
    const found = await discoverFiles({ cwd: root, patterns: ['.'], ignores: [], errorOnUnmatchedPattern: true });
    const globbed = await fastGlob('./**/*.json', {
      cwd: root, absolute: true, dot: true, onlyFiles: false, followSymbolicLinks: false, suppressErrors: true,
      ignore: ['**/node_modules/**', '**/.git/**'],
    });
    const expected = globbed.map((file) => path.normalize(file)).sort();
    assert.deepEqual(found, expected);
    assert.deepEqual(found.map((file) => path.relative(root, file).split(path.sep).join('/')), [
      '.github/d.json', '.hidden.json', 'a.json', 'folder.json', 'folder.json/inner.json', 'nested/alias.json',
      'nested/deeper/c.json', 'outside/linked.json',
    ]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('files named explicitly are skipped under node_modules and .git segments only', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-discover-'));
  const names = [
    'node_modules/a.json', 'x/node_modules/b.json', '.git/c.json', 'x/.git/d.json',
    'my_node_modules/e.json', 'node_modules_x/f.json', '.github/g.json', '.gitignore.json', 'x/node_modules.json',
  ];
  for (const name of names) {
    fs.mkdirSync(path.join(root, path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), '{}');
  }
  try {
    const found = await discoverFiles({ cwd: root, patterns: names, ignores: [], errorOnUnmatchedPattern: true });
    assert.deepEqual(found.map((file) => path.relative(root, file).split(path.sep).join('/')), [
      '.github/g.json', '.gitignore.json', 'my_node_modules/e.json', 'node_modules_x/f.json', 'x/node_modules.json',
    ]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
