import { defineRule, objectMember, pointerTo, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'auto-pool-lifetime-invalid',
  summary: 'Disallow poolLifetimeOption "jobschedule" in a job body',
  rationale:
    'An auto pool with `poolLifetimeOption: jobschedule` lives as long as a job schedule: "You may apply this ' +
    'option only to Job Schedules, not to Jobs" (S19 `PoolLifetimeOption`). A job added with it is rejected.',
  howToFix:
    'Use `"poolLifetimeOption": "job"` for a job, or move the auto-pool specification into a job schedule\'s ' +
    '`jobSpecification` if the pool should outlive single jobs.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'job',
  messages: {
    jobScheduleLifetimeOnJob: 'poolLifetimeOption "{value}" applies only to job schedules, not to jobs; use "job"',
  },
  references: ['S19 PoolLifetimeOption'],
  check(context) {
    if (context.job.definition !== 'JobAddParameter') return;
    const autoPool = objectMember(objectMember(context.job.value, 'poolInfo'), 'autoPoolSpecification');
    const value = stringMember(autoPool, 'poolLifetimeOption');
    if (value === undefined || value.toLowerCase() !== 'jobschedule') return;
    context.report({
      messageId: 'jobScheduleLifetimeOnJob',
      pointer: pointerTo('poolInfo', 'autoPoolSpecification', 'poolLifetimeOption'),
      data: { value },
    });
  },
});
