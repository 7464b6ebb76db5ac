import { defineRule, taskGraphOf } from '../src/rule-api.js';

export default defineRule({
  id: 'depends-on-unknown-task',
  summary: 'Report dependencies on task ids that no task of the job has',
  rationale:
    'A task that depends on an id no task has waits until a task with that id is added and completes: if it is never added, the dependent stays `active` forever. Usually the id is a typo or a task was renamed. batchlint compares ids ignoring case, across every task bound to the job. With `--complete-task-set` (the linted files hold every task of the job) this is an error.',
  howToFix: 'Correct the id, or add the missing task. If the task is added later by other means, suppress the finding for this file with a reason.',
  category: 'reliability',
  defaultSeverity: 'warn',
  completeTaskSetSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'taskSet',
  references: ['Create task dependencies (Azure Batch docs)'],
  messages: {
    unknownTask: 'Task "{id}" depends on "{dependency}", but no task of {job} has that id; the task waits until one is added',
    unknownTaskInCompleteSet: 'Task "{id}" depends on "{dependency}", but no task of {job} has that id; as the task set is complete, the task can never start',
  },
  check({ job, tasks, completeTaskSet, report }) {
    const { index, dependencies } = taskGraphOf(tasks);
    const jobName = job.isAnonymous ? `the tasks of ${job.entity.filePath}` : `job "${job.entity.id ?? '(no id)'}"`;
    dependencies.forEach((taskDependencies, taskIndex) => {
      const task = tasks[taskIndex]!;
      for (const { id, pointer } of taskDependencies.taskIds) {
        if (index.byLowerId.has(id.toLowerCase()) || id === '') continue;
        const messageId = completeTaskSet ? 'unknownTaskInCompleteSet' : 'unknownTask';
        report({ messageId, entity: task, pointer, data: { id: task.id ?? '(no id)', dependency: id, job: jobName } });
      }
    });
  },
});
