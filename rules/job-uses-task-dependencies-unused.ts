import { booleanMember, defineRule, hasMember, taskGraphOf } from '../src/rule-api.js';

export default defineRule({
  id: 'job-uses-task-dependencies-unused',
  summary: 'Report jobs that enable task dependencies that no task uses',
  rationale:
    '`usesTaskDependencies: true` costs nothing by itself, but on a job none of whose tasks has `dependsOn` it usually means dependencies were meant and lost (a renamed property, a task file bound to another job).',
  howToFix: 'Add the intended `dependsOn` to the tasks, or remove `usesTaskDependencies`.',
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'taskSet',
  messages: {
    unused: 'Job "{id}" sets usesTaskDependencies, but none of its {count} tasks has dependsOn',
  },
  references: ['S19 JobAddParameter.usesTaskDependencies'],
  check({ job, tasks, report }) {
    if (job.isAnonymous || booleanMember(job.value, 'usesTaskDependencies') !== true) return;
    // Tasks a job manager adds at run time are invisible here: stay silent rather than guess.
    if (tasks.length === 0 || hasMember(job.value, 'jobManagerTask')) return;
    const { dependencies } = taskGraphOf(tasks);
    if (dependencies.some((entry) => entry.taskIds.length > 0 || entry.ranges.length > 0)) return;
    if (tasks.some((task) => hasMember(task.value, 'dependsOn'))) return;
    report({ messageId: 'unused', entity: job.entity, pointer: '/usesTaskDependencies', data: { id: job.entity.id ?? '(no id)', count: tasks.length } });
  },
});
