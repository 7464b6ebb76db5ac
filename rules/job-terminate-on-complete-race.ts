import { defineRule, hasMember, pointerTo, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'job-terminate-on-complete-race',
  summary: 'Report onAllTasksComplete "terminatejob" on a job created without a job manager task',
  rationale:
    'With `onAllTasksComplete: terminatejob` the job ends as soon as all its tasks are complete, and "if a Job ' +
    'contains no Tasks, then all Tasks are considered complete" (S19 `onAllTasksComplete`). A job created with ' +
    'this setting and no job manager task can therefore complete before the first task is added, and every ' +
    'later task add fails because the job is already completed. The Batch CLI extensions avoid the race by ' +
    'creating the job with `noaction` and patching it to `terminatejob` after adding the tasks, so the rule stays ' +
    'silent for CLI-extension templates and task factories.',
  howToFix:
    'Create the job with `onAllTasksComplete: noaction`, add the tasks, then update the job to `terminatejob`. ' +
    'Alternatively add a `jobManagerTask` that adds the tasks: the job cannot complete while it runs.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'job',
  messages: {
    terminatesBeforeTasksAdded:
      'onAllTasksComplete "{value}" on a job without jobManagerTask can end the job before its tasks are added',
  },
  references: ['S19 JobAddParameter.onAllTasksComplete', 'X-ext job_operations.py'],
  check(context) {
    const job = context.job.value;
    if (context.job.isTemplate || hasMember(job, 'taskFactory') || hasMember(job, 'applicationTemplateInfo')) return;
    const value = stringMember(job, 'onAllTasksComplete');
    if (value === undefined || value.toLowerCase() !== 'terminatejob' || hasMember(job, 'jobManagerTask')) return;
    context.report({ messageId: 'terminatesBeforeTasksAdded', pointer: pointerTo('onAllTasksComplete'), data: { value } });
  },
});
