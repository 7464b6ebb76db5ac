import { defineRule, hasMember, member, objectMember, pointerTo, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'job-manager-kills-job',
  summary: 'Require killJobOnCompletion false when onAllTasksComplete or onTaskFailure ends the job',
  rationale:
    'A job manager task ends its job when it completes, because `killJobOnCompletion` defaults to `true`. A job ' +
    'that also sets `onAllTasksComplete: terminatejob` or `onTaskFailure: performexitoptionsjobaction` expects ' +
    'its tasks to decide when it ends, yet the job is terminated the moment the job manager finishes, killing ' +
    'tasks still running. The specification warns: "If you are using the onAllTasksComplete and onTaskFailure ' +
    'attributes to control Job lifetime, and using the Job Manager Task only to create the Tasks for the Job ' +
    '(not to monitor progress), then it is important to set killJobOnCompletion to false" (S19 ' +
    '`JobManagerTask.killJobOnCompletion`).',
  howToFix: 'Set `"killJobOnCompletion": false` on the `jobManagerTask`.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'job',
  messages: {
    killsJobByDefault:
      'jobManagerTask leaves killJobOnCompletion at its default true while {setting} "{value}" controls the job lifetime',
    killsJobExplicitly:
      'killJobOnCompletion is true while {setting} "{value}" controls the job lifetime; the job ends with the job manager',
  },
  references: ['S19 JobManagerTask.killJobOnCompletion'],
  check(context) {
    const job = context.job.value;
    const jobManager = objectMember(job, 'jobManagerTask');
    if (jobManager === undefined) return;
    const lifetime = lifetimeSetting(job);
    if (lifetime === undefined) return;
    const kill = member(jobManager, 'killJobOnCompletion');
    if (kill === true) {
      context.report({
        messageId: 'killsJobExplicitly',
        pointer: pointerTo('jobManagerTask', 'killJobOnCompletion'),
        data: lifetime,
      });
    } else if (!hasMember(jobManager, 'killJobOnCompletion')) {
      context.report({ messageId: 'killsJobByDefault', pointer: pointerTo('jobManagerTask'), target: 'key', data: lifetime });
    }
  },
});

function lifetimeSetting(job: unknown): { setting: string; value: string } | undefined {
  const onAllTasksComplete = stringMember(job, 'onAllTasksComplete');
  if (onAllTasksComplete?.toLowerCase() === 'terminatejob') {
    return { setting: 'onAllTasksComplete', value: onAllTasksComplete };
  }
  const onTaskFailure = stringMember(job, 'onTaskFailure');
  if (onTaskFailure?.toLowerCase() === 'performexitoptionsjobaction') {
    return { setting: 'onTaskFailure', value: onTaskFailure };
  }
  return undefined;
}
