import { defineRule, taskGraphOf } from '../src/rule-api.js';

export default defineRule({
  id: 'depends-on-range-empty',
  summary: 'Report taskIdRanges that select no task of the job',
  rationale:
    'A range selects only tasks whose ids are decimal integers: "the range 1..10 will select tasks 3 and 7, but not 5flamingoes". A range over a job whose tasks are named `render-1`, `render-2`… selects nothing, and the dependent does not wait for the tasks its author meant.',
  howToFix: 'Use numeric task ids (`1`, `2`, …) for tasks that ranges should select, or list the ids in `taskIds` instead.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'taskSet',
  references: ['Create task dependencies (Azure Batch docs): task id ranges'],
  messages: {
    noIntegerIds: 'Range {start}..{end} selects no task: none of the job\'s task ids is a decimal integer, and ranges select only those',
    noTaskInRange: 'Range {start}..{end} selects no task of the job: no task has an integer id in it',
  },
  check({ tasks, report }) {
    const { index, dependencies } = taskGraphOf(tasks);
    dependencies.forEach((taskDependencies, taskIndex) => {
      for (const { start, end, pointer } of taskDependencies.ranges) {
        const [first, last] = index.rangeSpan(start, end);
        if (first < last) continue;
        report({
          messageId: index.addressed.length === 0 ? 'noIntegerIds' : 'noTaskInRange',
          entity: tasks[taskIndex]!,
          pointer,
          data: { start, end },
        });
      }
    });
  },
});
