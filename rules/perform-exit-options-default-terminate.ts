import { defineRule, hasMember, isTemplateExpression, member, objectMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'perform-exit-options-default-terminate',
  summary: 'Report tasks whose failure terminates a job that performs exit options actions',
  rationale:
    'When the job\'s `onTaskFailure` is `performexitoptionsjobaction`, each task\'s `exitOptions.jobAction` ' +
    'applies, and its default "is none for exit code 0 and terminate for all other exit conditions" (S19 ' +
    '`ExitOptions.jobAction`). A task without `exitConditions.default.jobAction` therefore terminates the whole ' +
    'job the first time it fails, killing every other running task; users meet this as jobs that end with ' +
    '`TaskFailed` after one bad input (I-Azure/Batch#55). The rule needs the job body and is silent for task ' +
    'files that are not bound to a job.',
  howToFix:
    'Add `"exitConditions": {"default": {"jobAction": "none"}}` to tasks whose failure should not end the job, ' +
    'and keep `terminate` (explicitly) only on the tasks that must stop it.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'medium',
  scope: 'task',
  messages: {
    defaultTerminates:
      'An unmapped nonzero exit of this task terminates {job}: onTaskFailure is "performexitoptionsjobaction" and exitConditions.default.jobAction is not set (default "terminate")',
  },
  references: ['S19 ExitOptions.jobAction', 'S19 JobAddParameter.onTaskFailure', 'I-Azure/Batch#55'],
  check(context) {
    const job = context.job;
    if (context.task.role !== 'task' || job === undefined || job.isAnonymous) return;
    const onTaskFailure = member(job.value, 'onTaskFailure');
    if (typeof onTaskFailure !== 'string' || isTemplateExpression(onTaskFailure)) return;
    if (onTaskFailure.toLowerCase() !== 'performexitoptionsjobaction') return;
    const conditions = objectMember(context.task.value, 'exitConditions');
    const fallback = objectMember(conditions, 'default');
    if (hasMember(fallback, 'jobAction')) return;
    // Point where the missing setting belongs: the default options, else exitConditions, else the task.
    const pointer = fallback !== undefined ? pointerTo('exitConditions', 'default') : conditions !== undefined ? pointerTo('exitConditions') : '';
    context.report({
      messageId: 'defaultTerminates',
      pointer,
      target: 'key',
      data: { job: job.entity.id === undefined ? 'the job' : `job "${job.entity.id}"` },
      related: [{ entity: job.entity, pointer: pointerTo('onTaskFailure'), label: 'the job applies task exit options here' }],
    });
  },
});
