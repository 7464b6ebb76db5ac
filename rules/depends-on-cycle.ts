import { defineRule, findDependencyCycles, taskGraphOf } from '../src/rule-api.js';

const NAMES_IN_MESSAGE = 8;

export default defineRule({
  id: 'depends-on-cycle',
  summary: 'Disallow cycles in the dependency graph of a job\'s tasks',
  rationale:
    'Task dependencies must form a directed acyclic graph. Tasks on a cycle each wait for another member of the cycle, so none of them ever starts: they stay `active` until the job is terminated, with no error from the service. batchlint follows `taskIds` (ignoring case) and `taskIdRanges` across every task bound to the job, without expanding ranges.',
  howToFix: 'Remove one dependency of the cycle; the message lists its members in dependency order.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'taskSet',
  references: ['Create task dependencies (Azure Batch docs)'],
  messages: {
    cycle: 'Task "{id}" is on a dependency cycle ({path}), so none of its {count} tasks can ever start',
  },
  check({ tasks, report }) {
    const { index, dependencies } = taskGraphOf(tasks);
    for (const cycle of findDependencyCycles(index, dependencies)) {
      const first = tasks[cycle[0]!]!;
      const names = cycle.slice(0, NAMES_IN_MESSAGE).map((member) => `"${tasks[member]!.id}"`);
      const path = `${names.join(' → ')}${cycle.length > NAMES_IN_MESSAGE ? ` → … ${cycle.length - NAMES_IN_MESSAGE} more` : ''} → "${first.id}"`;
      report({
        messageId: 'cycle',
        entity: first,
        pointer: '/dependsOn',
        target: 'key',
        data: { id: first.id!, path, count: cycle.length },
        fingerprintValue: cycle.map((member) => tasks[member]!.id!.toLowerCase()).sort().join(','),
        related: cycle.slice(1, 10).map((member) => ({ entity: tasks[member]!, pointer: '/dependsOn', target: 'key' as const, label: `"${tasks[member]!.id}" is on the cycle` })),
      });
    }
  },
});
