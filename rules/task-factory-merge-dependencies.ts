import { defineRule, member, objectMember, templateTaskFactory } from '../src/rule-api.js';

export default defineRule({
  id: 'task-factory-merge-dependencies',
  summary: 'Report that a task factory merge task turns on task dependencies',
  rationale:
    'When a `parametricSweep` or `taskPerFile` factory has a `mergeTask`, the CLI extension gives it the id ' +
    '`merge`, makes it depend on every generated task, and sets the job\'s `usesTaskDependencies` to `true` ' +
    'whatever the job says. The job body in the repository then differs from the job that runs, which matters ' +
    'when reading its settings or re-submitting it without the extension (X-ext `job_operations.py`).',
  howToFix: 'Nothing to fix; set `"usesTaskDependencies": true` on the job to make the file say what runs.',
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'document',
  messages: {
    dependenciesEnabled: 'The CLI extension sets "usesTaskDependencies": true on this job because the task factory has a mergeTask',
  },
  references: ['X-ext `operations/job_operations.py`', 'X-ext `doc/taskFactories.md`'],
  check(context) {
    const factory = templateTaskFactory(context.document.value, context.document.documentShape);
    if (factory === undefined) return;
    const type = member(factory.body, 'type');
    if ((type !== 'parametricSweep' && type !== 'taskPerFile') || objectMember(factory.body, 'mergeTask') === undefined) return;
    context.report({ messageId: 'dependenciesEnabled', pointer: `${factory.pointer}/mergeTask`, target: 'key' });
  },
});
