import assert from 'node:assert/strict';
import path from 'node:path';
import { lint } from './lint.js';
import type { Rule } from './engine/rule-types.js';
import type { LintMessage } from './formatters/lint-result.js';

/** One test case: a document (text, or a value serialised with two-space indentation) and how to lint it. */
export interface RuleTestCase {
  /** The document: JSON text, or a value that is serialised for you. */
  code: string | object;
  /** Where the document pretends to live (relative to `cwd`): matters for config overrides and job binding. */
  filename?: string;
  /** A .batchlintrc fragment: `apiVersion`, `now`, `jobs`, rule options under `rules`… */
  config?: Record<string, unknown>;
  /** Directory the case is linted from (default: the process's working directory). */
  cwd?: string;
  name?: string;
}

/** What one expected finding must match; omitted fields are not compared. */
export interface ExpectedError {
  messageId: string;
  pointer?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
}

export interface InvalidRuleTestCase extends RuleTestCase {
  errors: ExpectedError[];
}

type TestFunction = (name: string, body: () => Promise<void>) => unknown;

/**
 * Test a rule the way the engine runs it: each case is linted with only that rule enabled (syntax
 * errors are still reported), and its findings are compared with the expected ones, in order.
 * Pass `it` from node:test (or another runner) to get one test per case; without it `run` resolves
 * when every case passed and rejects on the first failure.
 */
export class RuleTester {
  constructor(private readonly test?: TestFunction) {}

  async run(rule: Rule, cases: { valid: Array<RuleTestCase | string>; invalid: InvalidRuleTestCase[] }): Promise<void> {
    const pending: Array<Promise<unknown> | unknown> = [];
    const register = (name: string, body: () => Promise<void>) => {
      if (this.test) pending.push(this.test(name, body));
      else pending.push(body());
    };
    cases.valid.forEach((testCase, index) => {
      const normalised = typeof testCase === 'string' ? { code: testCase } : testCase;
      register(normalised.name ?? `${rule.id} valid #${index + 1}`, async () => {
        const messages = await lintCase(rule, normalised);
        assert.deepEqual(messages.map(describe), [], `expected no findings for valid case #${index + 1}`);
      });
    });
    cases.invalid.forEach((testCase, index) => {
      register(testCase.name ?? `${rule.id} invalid #${index + 1}`, async () => {
        assert.ok(testCase.errors.length > 0, `invalid case #${index + 1} must expect at least one finding`);
        for (const expected of testCase.errors) {
          assert.ok(Object.prototype.hasOwnProperty.call(rule.messages, expected.messageId), `rule ${rule.id} has no message id "${expected.messageId}"`);
        }
        const messages = await lintCase(rule, testCase);
        assert.equal(messages.length, testCase.errors.length, `expected ${testCase.errors.length} finding(s), got ${messages.length}: ${messages.map(describe).join('; ')}`);
        testCase.errors.forEach((expected, position) => {
          const actual = messages[position]!;
          const picked: Record<string, unknown> = { messageId: actual.messageId };
          for (const key of ['pointer', 'line', 'column', 'endLine', 'endColumn'] as const) if (expected[key] !== undefined) picked[key] = actual[key];
          const wanted: Record<string, unknown> = { ...expected };
          delete wanted.message;
          assert.deepEqual(picked, wanted, `finding ${position + 1} of invalid case #${index + 1}`);
          if (expected.message instanceof RegExp) assert.match(actual.message, expected.message);
          else if (expected.message !== undefined) assert.equal(actual.message, expected.message);
        });
      });
    });
    await Promise.all(pending);
  }
}

async function lintCase(rule: Rule, testCase: RuleTestCase): Promise<LintMessage[]> {
  const cwd = path.resolve(testCase.cwd ?? process.cwd());
  const text = typeof testCase.code === 'string' ? testCase.code : JSON.stringify(testCase.code, null, 2);
  const fragment = testCase.config ?? {};
  const fragmentRules = (fragment.rules ?? {}) as Record<string, unknown>;
  const run = await lint({
    cwd,
    stdin: { text, filePath: testCase.filename ?? 'task.json' },
    config: { content: { extends: [], ...fragment, rules: { [rule.id]: rule.defaultSeverity, ...fragmentRules } }, directory: cwd },
    extraRules: isBuiltIn(rule) ? [] : [rule],
    ...(fragment.now === undefined && { now: new Date('2026-01-01T00:00:00Z') }),
  });
  if (run.failures.length > 0) throw new assert.AssertionError({ message: `lint failed: ${run.failures.join('; ')}` });
  return run.results.flatMap((result) => result.messages);
}

function isBuiltIn(rule: Rule): boolean {
  return builtInIds.has(rule.id);
}

const builtInIds = new Set((await import('../rules/index.js')).builtInRules.map((rule) => rule.id));

function describe(message: LintMessage): string {
  return `${message.line}:${message.column} ${message.ruleId}/${message.messageId} ${message.pointer}`;
}
