import path from 'node:path';
import { defineRule } from '../src/rule-api.js';
import type { Rule, Severity } from '../src/engine/rule-types.js';
import { computeFingerprint } from '../src/formatters/fingerprint.js';
import type { FormatterContext, LintMessage, LintResult } from '../src/formatters/lint-result.js';

/** A fixed set of findings for formatter tests: hand-made so formatters are tested alone. */

export const repositoryRoot = path.resolve('/repo');
export const docsBase = 'https://example.com/batchlint/docs/rules/';

export const taskIdUnique = defineRule({
  id: 'task-id-unique',
  summary: 'Require task ids to be unique within a job, ignoring case.',
  rationale:
    'The Batch service compares task ids **case-insensitively**, so `Render-1` and `render-1`\n' +
    'collide. The second add request fails with `TaskExists`; see\n' +
    '[Task ids](https://learn.microsoft.com/rest/api/batchservice/task/add).',
  howToFix: 'Give every task of the job a distinct id:\n\n- append a sequence number\n- or derive it from the input file name',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  scope: 'taskSet',
  messages: { duplicateTaskId: 'Task id "{id}" is already used by another task of this job' },
  check() {},
});

export const plaintextSecret = defineRule({
  id: 'environment-settings-no-plaintext-secret',
  summary: 'Disallow plain-text secrets in environmentSettings.',
  rationale: 'Environment settings are stored with the task and visible to anyone who can read it.',
  howToFix: 'Fetch the secret at run time, for example from Azure Key Vault.',
  category: 'security',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'medium',
  securitySeverity: '7.5',
  scope: 'task',
  messages: { plaintextSecret: 'Environment setting "{name}" looks like a secret stored in plain text' },
  check() {},
});

const longRationaleParagraph =
  'A Batch `commandLine` is not run under a shell, so `$VAR`, `%VAR%`, pipes, `&&` and redirects are passed to the program as literal text. ';

export const requireShell = defineRule({
  id: 'command-line-require-shell',
  summary: 'Require a shell wrapper when the command line uses shell syntax.',
  // Long enough to exercise the 1024-character limit of fullDescription.
  rationale: `## Shell syntax\n\n${longRationaleParagraph.repeat(9)}`,
  howToFix: 'Wrap the command in `/bin/sh -c` on Linux pools or `cmd /c` on Windows pools.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  scope: 'task',
  messages: { missingShell: 'Command line uses "{syntax}" but is not run under a shell' },
  check() {},
});

export const sampleRules: ReadonlyArray<{ rule: Rule; severity: Severity }> = [
  { rule: requireShell, severity: 'info' },
  { rule: plaintextSecret, severity: 'warn' },
  { rule: taskIdUnique, severity: 'error' },
];

export function sampleContext(overrides: Partial<FormatterContext['batchlint']> = {}): FormatterContext {
  return {
    cwd: repositoryRoot,
    color: false,
    rulesMeta: {},
    batchlint: {
      version: '0.1.0',
      rules: sampleRules,
      repositoryRoot,
      executionSuccessful: true,
      docsUrl: (ruleId) => `${docsBase}${ruleId}.md`,
      ...overrides,
    },
  };
}

function message(fields: Omit<LintMessage, 'severity'> & { severity?: 1 | 2 }): LintMessage {
  return { severity: fields.level === 'error' ? 2 : 1, ...fields };
}

export function result(relativePath: string, messages: LintMessage[], suppressedMessages: LintMessage[] = []): LintResult {
  return {
    filePath: path.join(repositoryRoot, ...relativePath.split('/')),
    messages,
    suppressedMessages,
    errorCount: messages.filter((m) => m.level === 'error').length,
    warningCount: messages.filter((m) => m.level === 'warn').length,
    infoCount: messages.filter((m) => m.level === 'info').length,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

export const duplicateIdMessage = message({
  ruleId: 'task-id-unique',
  level: 'error',
  message: 'Task id "render-1" is already used by another task of this job',
  messageId: 'duplicateTaskId',
  line: 12,
  column: 11,
  endLine: 12,
  endColumn: 21,
  pointer: '/value/1/id',
  fingerprint: computeFingerprint({
    ruleId: 'task-id-unique',
    filePath: 'tasks/render.json',
    anchor: 'task[render-1]/id',
    value: 'render-1',
  }),
  relatedLocations: [
    {
      filePath: path.join(repositoryRoot, 'tasks', 'render.json'),
      line: 4,
      column: 11,
      endLine: 4,
      endColumn: 21,
      pointer: '/value/0/id',
      message: 'first defined here',
    },
  ],
});

export const secretMessage = message({
  ruleId: 'environment-settings-no-plaintext-secret',
  level: 'warn',
  message: 'Environment setting "DB_PASSWORD" looks like a secret stored in plain text',
  messageId: 'plaintextSecret',
  line: 8,
  column: 41,
  endLine: 8,
  endColumn: 50,
  pointer: '/value/0/environmentSettings/1/value',
  fingerprint: computeFingerprint({
    ruleId: 'environment-settings-no-plaintext-secret',
    filePath: 'tasks/render.json',
    anchor: 'task[render-1]/environmentSettings[DB_PASSWORD]/value',
    value: 'hunter2',
  }),
});

/** A message quoting hostile text from the linted file: control characters, newlines, brackets. */
export const hostileShellMessage = message({
  ruleId: 'command-line-require-shell',
  level: 'info',
  message: 'Command line uses "a && b\n\u001b[31mred%,:[x](1)" but is not run under a shell',
  messageId: 'missingShell',
  line: 3,
  column: 18,
  endLine: 3,
  endColumn: 43,
  pointer: '/commandLine',
  fingerprint: computeFingerprint({
    ruleId: 'command-line-require-shell',
    filePath: 'tasks/my tasks #1/100%.json',
    anchor: 'task[nightly]/commandLine',
    value: 'a && b',
  }),
});

export const unicodePathMessage = message({
  ruleId: 'command-line-require-shell',
  level: 'info',
  message: 'Command line uses "$HOME" but is not run under a shell',
  messageId: 'missingShell',
  line: 5,
  column: 20,
  endLine: 5,
  endColumn: 32,
  pointer: '/jobManagerTask/commandLine',
  fingerprint: computeFingerprint({
    ruleId: 'command-line-require-shell',
    filePath: 'jobs/überjob.json',
    anchor: 'job[über]/jobManagerTask/commandLine',
    value: 'echo $HOME',
  }),
});

export function sampleResults(): LintResult[] {
  return [
    result('jobs/überjob.json', [unicodePathMessage]),
    result('tasks/clean.json', [], [{ ...secretMessage, message: 'suppressed: must never be printed' }]),
    result('tasks/my tasks #1/100%.json', [hostileShellMessage]),
    result('tasks/render.json', [secretMessage, duplicateIdMessage]),
  ];
}
