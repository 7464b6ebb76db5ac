import { defineRule, hasMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'job-release-without-preparation',
  summary: 'Disallow a jobReleaseTask on a job that has no jobPreparationTask',
  rationale:
    'The Batch service rejects a job whose `jobReleaseTask` has no `jobPreparationTask` beside it: a Job Release ' +
    'Task "cannot be specified without also specifying a Job Preparation Task" (S19 `JobAddParameter.jobReleaseTask`).',
  howToFix:
    'Add a `jobPreparationTask` (a no-op such as `/bin/sh -c "true"` or `cmd /c exit 0` is enough), or move the ' +
    'clean-up work out of `jobReleaseTask`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'job',
  messages: {
    releaseWithoutPreparation: 'jobReleaseTask is set but jobPreparationTask is not; the service rejects the job',
  },
  references: ['S19 JobAddParameter.jobReleaseTask'],
  check(context) {
    const job = context.job.value;
    if (hasMember(job, 'jobReleaseTask') && !hasMember(job, 'jobPreparationTask')) {
      context.report({ messageId: 'releaseWithoutPreparation', pointer: pointerTo('jobReleaseTask'), target: 'key' });
    }
  },
});
