import { defineRule, dependencyIdEntries, dependencyRangeEntries, findOverlaps } from '../src/rule-api.js';
import type { DependencyIdEntry } from '../src/rule-api.js';

export default defineRule({
  id: 'depends-on-duplicate',
  summary: 'Report task ids listed twice and overlapping ranges in dependsOn',
  rationale:
    'Task ids compare case-insensitively (S19 `TaskAddParameter.id`), so `Prepare` and `prepare` name the same ' +
    'parent. A repeated id or two overlapping ranges change nothing, but they lengthen the body (and the 64000 ' +
    'character `taskIds` budget) and often point at a generator bug: an off-by-one range, or the wrong id typed twice.',
  howToFix: 'Remove the repeated id, or merge the overlapping ranges into one.',
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'task',
  messages: {
    duplicateId: 'Task id "{id}" is already listed in dependsOn.taskIds (ids compare case-insensitively)',
    overlappingRange: 'Task id range {start}..{end} overlaps range {otherStart}..{otherEnd} listed earlier',
  },
  references: ['S19 TaskAddParameter.id', 'D-deps'],
  check(context) {
    if (context.task.role !== 'task') return;
    const firstByKey = new Map<string, DependencyIdEntry>();
    for (const entry of dependencyIdEntries(context.task.value)) {
      const key = entry.id.toUpperCase();
      const first = firstByKey.get(key);
      if (first === undefined) {
        firstByKey.set(key, entry);
        continue;
      }
      context.report({
        messageId: 'duplicateId',
        pointer: entry.pointer,
        data: { id: entry.id },
        related: [{ pointer: first.pointer, label: 'first listed here' }],
      });
    }
    const ranges = dependencyRangeEntries(context.task.value).filter((range) => range.start <= range.end);
    for (const { later, earlier } of findOverlaps(ranges)) {
      context.report({
        messageId: 'overlappingRange',
        pointer: later.pointer,
        data: { start: later.start, end: later.end, otherStart: earlier.start, otherEnd: earlier.end },
        related: [{ pointer: earlier.pointer, label: 'first listed here' }],
      });
    }
  },
});
