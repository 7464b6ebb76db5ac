import { defineRule, member, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'start-task-unlimited-retries',
  summary: 'Disallow unlimited retries of a pool start task',
  rationale:
    'With `maxTaskRetryCount: -1` a start task is retried without limit, which the spec calls "not recommended ' +
    'for a start task" (S19 `StartTask.maxTaskRetryCount`). A start task that always fails (a bad install script, ' +
    'an unreachable package feed) then keeps every node busy retrying: with `waitForSuccess` the nodes never ' +
    'become idle, the pool runs no tasks, and the nodes are billed all the same.',
  howToFix:
    'Use a small count such as 3, so that a broken start task leaves the node in the `starttaskfailed` state ' +
    'where it can be seen and fixed.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    unlimitedStartTaskRetries: 'The start task retries without limit (maxTaskRetryCount -1), so a start task that always fails keeps its nodes from ever running tasks',
  },
  references: ['S19 StartTask.maxTaskRetryCount'],
  check(context) {
    if (context.task.role !== 'startTask') return;
    if (member(context.task.value, 'maxTaskRetryCount') !== -1) return;
    context.report({ messageId: 'unlimitedStartTaskRetries', pointer: pointerTo('maxTaskRetryCount') });
  },
});
