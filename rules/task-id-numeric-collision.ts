import { defineRule, taskGraphOf } from '../src/rule-api.js';

export default defineRule({
  id: 'task-id-numeric-collision',
  summary: 'Report task ids that differ only by leading zeros',
  rationale:
    'For `taskIdRanges`, "leading zeroes are not significant": tasks `4`, `04` and `004` are distinct tasks but all count as task 4, and "the first one to complete will satisfy the dependency". A dependent may start before the task it was really waiting for.',
  howToFix: 'Use one numbering scheme for the job: either always zero-padded to a fixed width, or never padded.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'taskSet',
  references: ['Create task dependencies (Azure Batch docs): leading zeroes'],
  messages: {
    sameNumber: 'Task id "{id}" has the same number ({number}) as task "{otherId}" for taskIdRanges; whichever completes first satisfies range dependencies on {number}',
  },
  check({ tasks, report }) {
    const { index } = taskGraphOf(tasks);
    let previous: number | undefined;
    for (const taskIndex of index.addressed) {
      const number = index.addressOf[taskIndex]!;
      const task = tasks[taskIndex]!;
      if (previous !== undefined && index.addressOf[previous] === number) {
        const first = tasks[previous]!;
        if (first.id !== task.id) {
          report({
            messageId: 'sameNumber',
            entity: task,
            pointer: '/id',
            data: { id: task.id!, number, otherId: first.id! },
            related: [{ entity: first, pointer: '/id', label: `also task ${number}` }],
          });
          continue;
        }
      }
      previous = taskIndex;
    }
  },
});
