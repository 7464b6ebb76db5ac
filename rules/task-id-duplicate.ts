import { defineRule, taskGraphOf } from '../src/rule-api.js';
import type { EntityRef } from '../src/rule-api.js';

export default defineRule({
  id: 'task-id-duplicate',
  summary: 'Disallow two tasks of one job whose ids are equal ignoring case',
  rationale:
    'Task ids are "case-preserving and case-insensitive": within a job, `Render-01` and `render-01` are the same id. The second task added fails with `TaskExists` (409), and when the tasks live in different files nothing but a whole-job check can see it. batchlint compares every task bound to the job, across all files, including the job manager task.',
  howToFix: 'Give one of the two tasks a different id. Generated ids should include a zero-padded sequence number so they stay unique.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'taskSet',
  references: ['Batch REST TaskAddParameter.id', 'Batch error code TaskExists'],
  messages: {
    duplicateId: 'Task id "{id}" is already used by task "{firstId}" in {firstFile} (ids are compared ignoring case); adding this task fails with TaskExists',
  },
  check({ tasks, report }) {
    const { index } = taskGraphOf(tasks);
    for (const members of index.byLowerId.values()) {
      if (members.length < 2) continue;
      const first = tasks[members[0]!]!;
      for (const member of members.slice(1)) {
        const task = tasks[member]!;
        if (sameCollection(first, task)) continue;
        report({
          messageId: 'duplicateId',
          entity: task,
          pointer: '/id',
          data: { id: task.id!, firstId: first.id!, firstFile: first.filePath },
          related: [{ entity: first, pointer: '/id', label: 'first used here' }],
        });
      }
    }
  },
});

/** Duplicates inside one add-collection body are collection-duplicate-ids findings. */
function sameCollection(a: EntityRef, b: EntityRef): boolean {
  const isCollection = a.documentShape === 'task-collection' || a.documentShape === 'spec-example';
  return isCollection && a.filePath === b.filePath && a.role === 'task' && b.role === 'task';
}
