import { defineRule, numberMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'job-max-parallel-tasks-invalid',
  summary: 'Require maxParallelTasks to be -1 or greater than 0',
  rationale:
    '`maxParallelTasks` caps how many of the job\'s tasks run at once. "The value of maxParallelTasks must be -1 ' +
    'or greater than 0 if specified" (S19 `JobAddParameter.maxParallelTasks`): 0 would never run a task, and ' +
    'the service rejects it and any value below -1.',
  howToFix: 'Use a positive limit, or -1 (the default) for no limit.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'job',
  messages: {
    maxParallelTasksInvalid: 'maxParallelTasks {value} is invalid; use -1 (unlimited) or a number greater than 0',
  },
  references: ['S19 JobAddParameter.maxParallelTasks'],
  check(context) {
    const value = numberMember(context.job.value, 'maxParallelTasks');
    if (value === undefined || value === -1 || value > 0) return;
    context.report({ messageId: 'maxParallelTasksInvalid', pointer: pointerTo('maxParallelTasks'), data: { value } });
  },
});
