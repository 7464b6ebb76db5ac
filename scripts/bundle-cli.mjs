#!/usr/bin/env node
// Bundle the command line after `tsc`: resolving and compiling ~230 ES modules cost more start-up
// than linting one file (DESIGN §6). Two outputs:
//
// - dist/bundle/cli-script.cjs: the command line as one classic script, wrapped in a function
//   expression, that dist/src/bin.js runs through vm.Script with a V8 code cache
//   (src/startup/run-cli-script.ts). Its first line carries the SHA-256 of the rest: the cache key.
// - dist/bundle/engine/lint-worker.js: the worker thread entry, ES modules with shared code in
//   dist/bundle/*.js, at the depth of dist/src/*.js as in tsc's output.
//
// dist/src/bin.js (tsc's) uses the script when it is at least as new as tsc's output.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(projectRoot, 'dist', 'bundle');
fs.rmSync(outdir, { recursive: true, force: true });

// Loaded only when a config file, a rule option or a TypeScript config needs them: keep them out.
const external = ['cosmiconfig', 'ajv', 'typescript'];
const common = {
  absWorkingDir: projectRoot,
  bundle: true,
  platform: 'node',
  target: 'node20',
  external,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: { 'engine/lint-worker': 'src/engine/lint-worker.ts' },
  outdir,
  splitting: true,
  format: 'esm',
  chunkNames: '[name]-[hash]',
  // Bundled CommonJS dependencies (fast-glob) call require() for Node built-ins.
  banner: { js: "import { createRequire as __batchlintCreateRequire } from 'node:module'; const require = __batchlintCreateRequire(import.meta.url);" },
});

// The parameters are those that run-cli-script.ts passes: `import.meta.url` becomes the script's
// own URL, so that package.json and the worker resolve as from dist/src/.
const SCRIPT_PARAMETERS = 'exports, require, module, __batchlintModuleUrl, __batchlintImport';
const script = await build({
  ...common,
  entryPoints: ['src/startup/cli-script.ts'],
  write: false,
  outfile: path.join(outdir, 'cli-script.cjs'),
  format: 'cjs',
  // ASCII lets bin.js read the script as latin1, without UTF-8 decoding.
  charset: 'ascii',
  define: { 'import.meta.url': '__batchlintModuleUrl' },
  // import('node:…') becomes require(), which bin.js answers with process.getBuiltinModule: no ES module facade.
  supported: { 'dynamic-import': false },
  banner: { js: `(function (${SCRIPT_PARAMETERS}) {` },
  footer: { js: '})' },
  plugins: [hostImports()],
});
// esbuild's `charset: 'ascii'` leaves regular expression literals alone; there \uXXXX means the same.
const text = script.outputFiles[0].text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
if (/(?<!['"\w])import\(/.test(text)) throw new Error('cli-script.cjs calls import(): a script whose code came from a cache cannot');
const hash = crypto.createHash('sha256').update(text).digest('hex');
fs.writeFileSync(path.join(outdir, 'cli-script.cjs'), `// batchlint-script ${hash}\n${text}`);

/**
 * Node 20 loses a script's dynamic-import callback when its code comes from a cache, so `import()`
 * of what stays outside the bundle (the external packages, plugins and formatters by file URL)
 * becomes a call of `__batchlintImport`, which bin.js supplies. `import()` of the project's own
 * modules and of Node built-ins stays, for esbuild to bundle or turn into require().
 */
function hostImports() {
  const dynamicImport = /(?<!typeof\s+)\bimport\((\s*(['"`])([^'"`]*)\2)?/g;
  const staysOutside = (specifier) => specifier === undefined || external.includes(specifier);
  return {
    name: 'host-imports',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/](src|rules)[\\/].*\.ts$/ }, async (args) => {
        const source = await fs.promises.readFile(args.path, 'utf8');
        const contents = source.replace(dynamicImport, (call, literal, quote, specifier) =>
          staysOutside(specifier) ? `__batchlintImport(${literal ?? ''}` : call,
        );
        return { contents, loader: 'ts' };
      });
    },
  };
}
