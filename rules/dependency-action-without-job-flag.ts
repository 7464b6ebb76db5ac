import { defineRule, exitOptionsPlaces, hasMember, isAtMost, member, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'dependency-action-without-job-flag',
  summary: 'Disallow exitOptions.dependencyAction in a job without task dependencies',
  rationale:
    '`dependencyAction` decides whether the tasks that depend on this one may run after it exits, which only ' +
    'means something in a job with `usesTaskDependencies: true`. Up to api-version 2019-06-01.9.0 the spec says ' +
    'that otherwise "specifying the dependencyAction property returns an error and the add task request fails ' +
    'with an invalid property value error" (S2017-01-01.4.0 … S2019-06-01.9.0 `ExitOptions.dependencyAction`). ' +
    'From 2019-08-01.10.0 that sentence is gone, and the setting is expected to be accepted and ignored ' +
    '(inferred). The rule reports both with different messages at one severity: either the task is rejected, or ' +
    'the author expects dependency behaviour that the job cannot give. It needs the job body and is silent for ' +
    'task files that are not bound to a job.',
  howToFix:
    'Set `"usesTaskDependencies": true` on the job if tasks are meant to depend on this one, or remove ' +
    '`dependencyAction` from the exit options.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    rejected:
      'dependencyAction is set but {job} does not use task dependencies; api-version {apiVersion} rejects the task (InvalidPropertyValue)',
    ignored: 'dependencyAction has no effect because {job} does not set usesTaskDependencies to true',
  },
  references: ['S2019-06-01.9.0 ExitOptions.dependencyAction', 'S19 JobAddParameter.usesTaskDependencies'],
  check(context) {
    const job = context.job;
    if (context.task.role !== 'task' || job === undefined || job.isAnonymous) return;
    const flag = member(job.value, 'usesTaskDependencies');
    if (flag !== undefined && flag !== false) return;
    const jobLabel = job.entity.id === undefined ? 'the job' : `job "${job.entity.id}"`;
    const rejected = isAtMost(context.apiVersion, '2019-06-01.9.0');
    for (const place of exitOptionsPlaces(context.task.value)) {
      if (!hasMember(place.options, 'dependencyAction')) continue;
      const pointer = `${place.pointer}${pointerTo('dependencyAction')}`;
      if (rejected) {
        context.report({ messageId: 'rejected', pointer, target: 'key', data: { job: jobLabel, apiVersion: context.apiVersion } });
      } else {
        context.report({ messageId: 'ignored', pointer, target: 'key', data: { job: jobLabel } });
      }
    }
  },
});
