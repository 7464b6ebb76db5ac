import { defineRule, hasMember, member, objectMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'unlimited-retries-without-timeout',
  summary: 'Require a maxWallClockTime on tasks that retry without limit',
  rationale:
    'With `maxTaskRetryCount: -1` "the Batch service retries the Task without limit, however this is not ' +
    'recommended for a start task or any task" (S19 `TaskConstraints.maxTaskRetryCount`). A task that fails ' +
    'deterministically (a bad argument, a missing file) then reruns, and is billed, until the 180-day task ' +
    'lifetime ends, unless a `maxWallClockTime` on the task or its job stops it. A task without its own count ' +
    'inherits the job\'s `constraints.maxTaskRetryCount`. The rule needs the job body, since the job\'s ' +
    '`maxWallClockTime` also bounds the task, and is silent for task files that are not bound to a job.',
  howToFix:
    'Use a finite `maxTaskRetryCount` such as 3, or set `constraints.maxWallClockTime` on the task or the job ' +
    'to bound the retries.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    ownUnlimited:
      'maxTaskRetryCount -1 retries this task without limit and neither the task nor {job} sets maxWallClockTime',
    inheritedUnlimited:
      'This task inherits maxTaskRetryCount -1 from {job}, so it retries without limit, and neither sets maxWallClockTime',
  },
  references: ['S19 TaskConstraints.maxTaskRetryCount', 'S19 JobConstraints'],
  check(context) {
    const { role, value } = context.task;
    const job = context.job;
    if (role !== 'task' && role !== 'jobManagerTask' && role !== 'jobPreparationTask') return;
    if (job === undefined || job.isAnonymous) return;
    const taskConstraints = objectMember(value, 'constraints');
    const jobConstraints = objectMember(job.value, 'constraints');
    if (hasMember(taskConstraints, 'maxWallClockTime') || hasMember(jobConstraints, 'maxWallClockTime')) return;
    const jobLabel = job.entity.id === undefined ? 'the job' : `job "${job.entity.id}"`;
    const ownCount = member(taskConstraints, 'maxTaskRetryCount');
    if (ownCount !== undefined) {
      if (ownCount === -1) {
        context.report({ messageId: 'ownUnlimited', pointer: pointerTo('constraints', 'maxTaskRetryCount'), data: { job: jobLabel } });
      }
      return;
    }
    // Only ordinary tasks are documented to take the job's count as their default.
    if (role !== 'task' || member(jobConstraints, 'maxTaskRetryCount') !== -1) return;
    context.report({
      messageId: 'inheritedUnlimited',
      pointer: taskConstraints !== undefined ? pointerTo('constraints') : '',
      target: 'key',
      data: { job: jobLabel },
      related: [{ entity: job.entity, pointer: pointerTo('constraints', 'maxTaskRetryCount'), label: 'unlimited retries set here' }],
    });
  },
});
