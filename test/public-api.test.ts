import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RuleTester, builtInRules, defineRule, lintText, lint } from '../src/index.js';

const taskIdTooLong = builtInRules.find((rule) => rule.id === 'task-id-too-long')!;
const noFoo = defineRule({
  id: 'no-foo',
  summary: 'Disallow a foo property',
  rationale: 'An example plugin rule.',
  howToFix: 'Remove foo.',
  category: 'style',
  defaultSeverity: 'warn',
  recommended: false,
  scope: 'task',
  messages: { foo: 'Property foo is {value}' },
  check({ task, report }) {
    const value = (task.value as Record<string, unknown>).foo;
    if (value !== undefined) report({ messageId: 'foo', pointer: '/foo', data: { value: String(value) } });
  },
});

describe('RuleTester', () => {
  it('passes a built-in rule whose cases match, with exact positions', async () => {
    await new RuleTester().run(taskIdTooLong, {
      valid: [{ code: { id: 'render-1', commandLine: 'x' } }],
      invalid: [{ code: { id: 'x'.repeat(70), commandLine: 'x' }, errors: [{ messageId: 'idTooLong', pointer: '/id', line: 2, column: 9, endColumn: 81 }] }],
    });
  });

  it('runs a plugin rule that is not built in', async () => {
    await new RuleTester().run(noFoo, {
      valid: ['{"id":"a","commandLine":"b"}'],
      invalid: [{ code: '{"id":"a","commandLine":"b","foo":1}', errors: [{ messageId: 'foo', line: 1, column: 35, message: 'Property foo is 1' }] }],
    });
  });

  it('fails when a finding is missing, misplaced or has an unknown message id', async () => {
    await assert.rejects(new RuleTester().run(noFoo, { valid: ['{"id":"a","commandLine":"b","foo":1}'], invalid: [] }), /expected no findings/);
    await assert.rejects(
      new RuleTester().run(noFoo, { valid: [], invalid: [{ code: '{"id":"a","commandLine":"b","foo":1}', errors: [{ messageId: 'foo', column: 3 }] }] }),
      /finding 1 of invalid case #1/,
    );
    await assert.rejects(
      new RuleTester().run(noFoo, { valid: [], invalid: [{ code: '{"id":"a","commandLine":"b"}', errors: [{ messageId: 'bar' }] }] }),
      /has no message id "bar"/,
    );
  });
});

describe('lintText', () => {
  it('lints a buffer with the recommended rules and returns its result', async () => {
    const result = await lintText('{"id": "a.b", "commandLine": "/bin/sh -c x"}', { filePath: 'task.json', useConfigLookup: false });
    assert.deepEqual(result.messages.map((message) => [message.ruleId, message.line, message.column]), [['task-id-invalid-chars', 1, 8]]);
    assert.equal(result.errorCount, 1);
  });

  it('is the same as lint() with stdin', async () => {
    const text = '{"id": "a", "commandLine": "echo $HOME"}';
    const viaLint = await lint({ stdin: { text, filePath: 'task.json' }, useConfigLookup: false });
    assert.deepEqual(await lintText(text, { filePath: 'task.json', useConfigLookup: false }), viaLint.results[0]);
  });
});
