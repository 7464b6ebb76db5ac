import { arrayMember, defineRule, hasMember, member, objectMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'depends-on-without-job-flag',
  summary: 'Require usesTaskDependencies on the job of a task that has dependencies',
  rationale:
    'Task dependencies work only in a job created with `usesTaskDependencies: true` (S19 ' +
    '`TaskAddParameter.dependsOn`). Otherwise the service rejects the task: `TaskDependenciesNotSpecifiedOnJob` ' +
    'is documented, and add-collection results have been seen to report `UnsupportedProperty` per task ' +
    '(I-Azure/azure-sdk-for-python#27859). The flag can only be set when the job is created. An empty `dependsOn` ' +
    '(no ids, no ranges) was reported to pass and is left alone. The rule needs the job body: it is silent for ' +
    'task files that are not bound to a job.',
  howToFix:
    'Set `"usesTaskDependencies": true` in the job body (a new job is needed for jobs that already exist), or ' +
    'remove `dependsOn` from the task.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    jobFlagMissing:
      'The task depends on other tasks but {job} does not set usesTaskDependencies to true; the service rejects the task (TaskDependenciesNotSpecifiedOnJob)',
  },
  references: ['S19 TaskAddParameter.dependsOn', 'S19 JobAddParameter.usesTaskDependencies', 'I-Azure/azure-sdk-for-python#27859'],
  check(context) {
    const job = context.job;
    if (context.task.role !== 'task' || job === undefined || job.isAnonymous) return;
    const flag = member(job.value, 'usesTaskDependencies');
    // A template expression or a mistyped value is not known to be false.
    if (flag !== undefined && flag !== false) return;
    const dependsOn = objectMember(context.task.value, 'dependsOn');
    const hasDependencies =
      (arrayMember(dependsOn, 'taskIds')?.length ?? 0) > 0 || (arrayMember(dependsOn, 'taskIdRanges')?.length ?? 0) > 0;
    if (!hasDependencies) return;
    context.report({
      messageId: 'jobFlagMissing',
      pointer: pointerTo('dependsOn'),
      target: 'key',
      data: { job: job.entity.id === undefined ? 'the job' : `job "${job.entity.id}"` },
      related: hasMember(job.value, 'usesTaskDependencies')
        ? [{ entity: job.entity, pointer: pointerTo('usesTaskDependencies'), label: 'the job turns task dependencies off here' }]
        : [],
    });
  },
});
