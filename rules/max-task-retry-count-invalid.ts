import { defineRule, member, objectMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'max-task-retry-count-invalid',
  summary: 'Disallow a maxTaskRetryCount below -1',
  rationale:
    '`maxTaskRetryCount` is a number of retries: 0 for none, a positive count, or -1 for "retries the Task ' +
    'without limit" (S19 `TaskConstraints`, `JobConstraints`, `StartTask`). Values below -1 have no documented ' +
    'meaning; the service is expected to reject them (the .NET SDK knows an `InvalidConstraintValue` error).',
  howToFix: 'Use -1 for unlimited retries (rarely wise), 0 for none, or a small positive count such as 3.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: {
    belowMinusOne: 'maxTaskRetryCount is {value}; use -1 for unlimited retries, 0 for none or a positive count',
  },
  references: ['S19 TaskConstraints.maxTaskRetryCount', 'S19 StartTask.maxTaskRetryCount', 'C-net BatchErrorCodeStrings'],
  check(context) {
    const { definition, value } = context.entity;
    // A Start Task holds the count directly; a Job Release Task has none; every other body has `constraints`.
    if (definition === 'JobReleaseTask' || definition === 'PoolAddParameter' || definition === 'PoolSpecification') return;
    const onStartTask = definition === 'StartTask';
    const count = onStartTask ? member(value, 'maxTaskRetryCount') : member(objectMember(value, 'constraints'), 'maxTaskRetryCount');
    if (typeof count !== 'number' || !Number.isInteger(count) || count >= -1) return;
    context.report({
      messageId: 'belowMinusOne',
      pointer: onStartTask ? pointerTo('maxTaskRetryCount') : pointerTo('constraints', 'maxTaskRetryCount'),
      data: { value: count },
    });
  },
});
