#!/usr/bin/env node
// Bundle the command line into a few files after `tsc`: resolving and compiling ~230 ES modules
// cost more start-up than linting one file (DESIGN §6). Output: dist/bundle/cli.js (main) and
// dist/bundle/engine/lint-worker.js, beside each other as in tsc's output so that the worker URL
// resolves the same way; shared code in dist/bundle/chunk-*.js, at the depth of dist/src/*.js, so
// that package-info's runtime `require('../../package.json')` still finds the manifest.
// dist/src/bin.js (tsc's) loads the bundle when it is at least as new as tsc's output.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(projectRoot, 'dist', 'bundle');
fs.rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: projectRoot,
  entryPoints: { cli: 'src/cli.ts', 'engine/lint-worker': 'src/engine/lint-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  // Loaded only when a config file, a rule option or a TypeScript config needs them: keep them out.
  external: ['cosmiconfig', 'ajv', 'typescript'],
  // Bundled CommonJS dependencies (fast-glob) call require() for Node built-ins.
  banner: { js: "import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
