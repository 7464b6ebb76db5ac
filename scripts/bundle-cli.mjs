#!/usr/bin/env node
// Bundle the command line into a few files after `tsc`: resolving and compiling ~230 ES modules
// cost more start-up than linting one file (DESIGN §6). The entry points overwrite tsc's output at
// the same paths (dist/src/bin.js, dist/src/engine/lint-worker.js), so `bin` in package.json, the
// bench and the worker URL stay as they are; the library entry (dist/src/index.js) is not bundled.
// Shared code goes to dist/src/chunk-*.js: the same depth as package-info.js, whose runtime
// `require('../../package.json')` must still find the manifest.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(projectRoot, 'dist', 'src');

for (const name of fs.existsSync(outdir) ? fs.readdirSync(outdir) : []) {
  if (/-[A-Z0-9]{8}\.js$/.test(name)) fs.rmSync(path.join(outdir, name));
}

await build({
  absWorkingDir: projectRoot,
  entryPoints: { bin: 'src/bin.ts', 'engine/lint-worker': 'src/engine/lint-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  allowOverwrite: true,
  // Loaded only when a config file, a rule option or a TypeScript config needs them: keep them out.
  external: ['cosmiconfig', 'ajv', 'typescript'],
  // Bundled CommonJS dependencies (fast-glob) call require() for Node built-ins.
  banner: { js: "import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);" },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
