#!/usr/bin/env node
import { runCliScript } from './startup/run-cli-script.js';

/**
 * `npm run build` bundles the CLI into one script, dist/bundle/cli-script.cjs (scripts/bundle-cli.mjs):
 * resolving and compiling ~230 separate modules cost more start-up than linting a file, and a
 * script lets V8 reuse its compiled code (startup/run-cli-script.ts). The bundle is used only when
 * it is at least as new as tsc's output, so a plain `tsc` never runs a stale bundle: it runs the
 * modules. So does Node before 20.16, which lacks `process.getBuiltinModule`.
 */
tuneCompilerForShortRuns();
const script = new URL('../bundle/cli-script.cjs', import.meta.url);
const modules = new URL('./cli.js', import.meta.url);
process.exitCode = isFresh(script, modules)
  ? await runCliScript(script, process.argv.slice(2))
  : await ((await import(modules.href)) as typeof import('./cli.js')).main(process.argv.slice(2));

function isFresh(bundle: URL, tscOutput: URL): boolean {
  if (typeof process.getBuiltinModule !== 'function') return false;
  const fs = process.getBuiltinModule('node:fs');
  const bundled = fs.statSync(bundle, { throwIfNoEntry: false });
  return bundled !== undefined && bundled.mtimeMs >= (fs.statSync(tscOutput, { throwIfNoEntry: false })?.mtimeMs ?? Infinity);
}

/**
 * A lint run is short and runs ~130 rules over every task: most of a run happens before V8's
 * optimising compiler, one background thread, has worked through its queue, and inlining makes
 * each function slower to compile. Without inlining optimised code arrives sooner: on 2,000 tasks
 * a quarter less time, and the same speed once warm. The CLI only: an application
 * that imports batchlint keeps its own settings.
 */
function tuneCompilerForShortRuns(): void {
  if (typeof process.getBuiltinModule !== 'function') return;
  // V8 prints "unrecognized flag" for a flag it no longer has: set it only on the V8 releases of
  // Node 20 to 24, which have it.
  const v8Major = Number(process.versions.v8.split('.')[0]);
  if (v8Major < 11 || v8Major > 13) return;
  process.getBuiltinModule('node:v8').setFlagsFromString('--no-turbo-inlining');
}
