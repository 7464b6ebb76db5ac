import { defineRule } from '../src/rule-api.js';

export default defineRule({
  id: 'task-count-per-job-large',
  summary: 'Report jobs whose task files add a very large number of tasks',
  rationale:
    'Every task is a separate object the client adds (100 per add-collection request) and the service stores, ' +
    'schedules and reports on. Hundreds of thousands of task bodies kept in a repository make submission slow ' +
    'and fragile (a failure part-way leaves a half-added job) and the files hard to review. Generating the tasks ' +
    'at submission time scales better.',
  howToFix:
    'Generate the tasks instead of storing them: a CLI-extension task factory (`parametricSweep`, `taskPerFile`), ' +
    'or a `jobManagerTask` that adds them from inside the job. Or raise the `threshold` option if the volume is ' +
    'intended.',
  category: 'reliability',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'taskSet',
  messages: {
    tooManyTasks: 'Job "{jobId}" has {count} task bodies in the linted files, more than {threshold}',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        threshold: { type: 'integer', minimum: 1, description: 'Report a job with more task bodies than this.' },
      },
      additionalProperties: false,
    },
    defaults: { threshold: 100_000 },
  },
  references: ['S19 TaskAddCollectionParameter.value'],
  check(context) {
    const { tasks, job } = context;
    const threshold = context.options.threshold;
    const firstBeyond = tasks[threshold];
    if (firstBeyond === undefined) return;
    context.report({
      messageId: 'tooManyTasks',
      entity: firstBeyond,
      pointer: '',
      target: 'key',
      data: { jobId: job.entity.id ?? '(tasks of this folder)', count: tasks.length, threshold },
    });
  },
});
