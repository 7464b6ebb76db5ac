import { parseArguments } from '../cli/parse-arguments.js';

/**
 * The entry of dist/bundle/cli-script.cjs: the command line as one classic script, so that
 * dist/src/bin.js can hand V8 the code it compiled on an earlier run (see run-cli-script.ts).
 */
export { main } from '../cli.js';

/**
 * Whether a run with these arguments lints, and so compiles the functions that later runs need.
 * Only such a run writes the code cache: one made by `--help` would hold little more than the
 * top level, and being valid it would never be replaced.
 */
export function lintsFiles(argv: readonly string[]): boolean {
  try {
    const options = parseArguments(argv);
    return !options.help && !options.version && !options.listRules && options.printConfig === undefined && options.printContext === undefined;
  } catch {
    return false;
  }
}
