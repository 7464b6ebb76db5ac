/**
 * batchlint's programmatic API: lint files or text, define rules and test them, load formatters.
 */
import { lint, type LintOptions, type LintRun } from './lint.js';
import type { LintResult } from './formatters/lint-result.js';

export { lint } from './lint.js';
export type { LintOptions, LintRun, LintedDocument } from './lint.js';
export { defineRule, RuleDefinitionError } from './engine/define-rule.js';
export { RuleTester } from './rule-tester.js';
export type { RuleTestCase, InvalidRuleTestCase, ExpectedError } from './rule-tester.js';
export { loadFormatter } from './formatters/load-formatter.js';
export { builtInRules } from '../rules/index.js';
export { BatchlintError, UsageError, ConfigError, PluginError } from './errors.js';
export { API_VERSIONS, NEWEST_API_VERSION } from './project/api-versions.js';
export type { ApiVersion } from './project/api-versions.js';
export type { LintResult, LintMessage, RelatedLocation, Formatter, FormatterContext } from './formatters/lint-result.js';
export * from './rule-api.js';

/**
 * Lint one document given as text (an editor buffer, say). `filePath` places it for config
 * overrides and job binding; other files of its job are read from disk as context.
 */
export async function lintText(text: string, options: Omit<LintOptions, 'stdin' | 'patterns'> & { filePath?: string } = {}): Promise<LintResult> {
  const { filePath, ...rest } = options;
  const run: LintRun = await lint({ ...rest, stdin: { text, ...(filePath !== undefined && { filePath }) } });
  if (run.failures.length > 0) throw new Error(run.failures.join('\n'));
  return run.results[0]!;
}
