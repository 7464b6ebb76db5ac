import { defineRule, member, objectMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'retries-attempts-explained',
  summary: 'Explain what a high maxTaskRetryCount does and does not retry',
  rationale:
    '"If the maximum retry count is 3, Batch tries the Task up to 4 times (one initial try and 3 retries)" ' +
    '(S19 `TaskConstraints.maxTaskRetryCount`). Retries happen only when the task exits with a nonzero code: ' +
    '"pre-processing errors … and file upload errors are not retried" (S21 `BatchTaskExecutionInfo.retryCount`), ' +
    'so a high count does not help with a missing resource file or a bad output container. Retries after node ' +
    'recovery do not count, so tasks must be idempotent either way.',
  howToFix:
    'Nothing to fix: keep the count if the task fails transiently. Turn this rule off once the team knows the ' +
    'semantics.',
  category: 'reliability',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'task',
  messages: {
    attemptsExplained:
      'maxTaskRetryCount {count} allows up to {tries} runs; only nonzero exit codes are retried, not pre-processing or file upload errors',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        minRetryCount: { type: 'integer', minimum: 1, description: 'Explain counts of at least this many retries.' },
      },
      additionalProperties: false,
    },
    defaults: { minRetryCount: 3 },
  },
  references: ['S19 TaskConstraints.maxTaskRetryCount', 'S21 BatchTaskExecutionInfo.retryCount'],
  check(context) {
    const { role, value } = context.task;
    if (role === 'jobReleaseTask') return;
    const onStartTask = role === 'startTask';
    const count = onStartTask ? member(value, 'maxTaskRetryCount') : member(objectMember(value, 'constraints'), 'maxTaskRetryCount');
    if (typeof count !== 'number' || !Number.isInteger(count) || count < context.options.minRetryCount) return;
    context.report({
      messageId: 'attemptsExplained',
      pointer: onStartTask ? pointerTo('maxTaskRetryCount') : pointerTo('constraints', 'maxTaskRetryCount'),
      data: { count, tries: count + 1 },
    });
  },
});
