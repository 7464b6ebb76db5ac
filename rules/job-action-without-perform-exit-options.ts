import { defineRule, exitOptionsPlaces, hasMember, isTemplateExpression, member, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'job-action-without-perform-exit-options',
  summary: 'Disallow exitOptions.jobAction unless the job performs exit options actions',
  rationale:
    '`exitOptions.jobAction` only acts when the job\'s `onTaskFailure` is `performexitoptionsjobaction`. "If the ' +
    "Job's onTaskFailed property is noaction, then specifying this property returns an error and the add Task " +
    'request fails with an invalid property value error" (S19/S21 `ExitOptions.jobAction`; the job property is ' +
    'really named `onTaskFailure`, and `noaction` is its default). This includes `jobAction: "none"`. The rule ' +
    'needs the job body and is silent for task files that are not bound to a job.',
  howToFix:
    'Set `"onTaskFailure": "performexitoptionsjobaction"` on the job if task exits should disable or terminate ' +
    'it, or remove `jobAction` from the task.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    jobActionWithNoAction:
      'jobAction is set but {job} has onTaskFailure "{onTaskFailure}"; the service rejects the task (InvalidPropertyValue)',
    jobActionWithDefault:
      'jobAction is set but {job} does not set onTaskFailure (default "noaction"); the service rejects the task (InvalidPropertyValue)',
  },
  references: ['S19 ExitOptions.jobAction', 'S19 JobAddParameter.onTaskFailure'],
  check(context) {
    const job = context.job;
    if (context.task.role !== 'task' || job === undefined || job.isAnonymous) return;
    const onTaskFailure = member(job.value, 'onTaskFailure');
    const isDefault = onTaskFailure === undefined;
    const isNoAction = typeof onTaskFailure === 'string' && !isTemplateExpression(onTaskFailure) && onTaskFailure.toLowerCase() === 'noaction';
    if (!isDefault && !isNoAction) return;
    const jobLabel = job.entity.id === undefined ? 'the job' : `job "${job.entity.id}"`;
    for (const place of exitOptionsPlaces(context.task.value)) {
      if (!hasMember(place.options, 'jobAction')) continue;
      const pointer = `${place.pointer}${pointerTo('jobAction')}`;
      if (isNoAction) {
        context.report({
          messageId: 'jobActionWithNoAction',
          pointer,
          target: 'key',
          data: { job: jobLabel, onTaskFailure: String(onTaskFailure) },
          related: [{ entity: job.entity, pointer: pointerTo('onTaskFailure'), label: 'the job ignores exit options here' }],
        });
      } else {
        context.report({ messageId: 'jobActionWithDefault', pointer, target: 'key', data: { job: jobLabel } });
      }
    }
  },
});
