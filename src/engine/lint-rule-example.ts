import fs from 'node:fs';
import path from 'node:path';
import { lint, type LintRun } from '../lint.js';
import type { Rule } from './rule-types.js';

/** The lint clock of every example unless its config says otherwise: SAS expiry must not depend on the day it runs. */
export const EXAMPLE_NOW = new Date('2026-01-01T00:00:00Z');

/** One rule example: a fixture case, which is also what the rule's docs page shows. */
export interface RuleExample {
  /** A JSON file, or a folder whose files are linted together as one project. */
  inputPath: string;
  isFolder: boolean;
  /** A config fragment in `.batchlintrc` format; used when the file exists. */
  configPath: string;
}

/**
 * Lint one example through the real pipeline with only its rule enabled (at its default severity
 * unless the fragment says otherwise), plus `json-syntax`, which always reports. The fixture tests
 * and the generated docs share this, so the docs cannot show findings the tests do not check.
 */
export async function lintRuleExample(example: RuleExample, rule: Rule): Promise<{ cwd: string; run: LintRun }> {
  const fragment: Record<string, unknown> = fs.existsSync(example.configPath) ? JSON.parse(fs.readFileSync(example.configPath, 'utf8')) : {};
  const fragmentRules = (fragment.rules ?? {}) as Record<string, unknown>;
  const content = { extends: [], ...fragment, rules: { [rule.id]: rule.defaultSeverity, ...fragmentRules } };
  const cwd = example.isFolder ? example.inputPath : path.dirname(example.inputPath);
  const run = await lint({
    cwd,
    patterns: [example.isFolder ? '.' : path.basename(example.inputPath)],
    config: { content, directory: cwd },
    ...(fragment.now === undefined && { now: EXAMPLE_NOW }),
  });
  if (run.failures.length > 0) throw new Error(`lint failed: ${run.failures.join('; ')}`);
  return { cwd, run };
}
