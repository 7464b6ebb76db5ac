import { defineRule, exitCodeRangeEntries, findOverlaps } from '../src/rule-api.js';

export default defineRule({
  id: 'exit-code-range-overlap',
  summary: 'Disallow overlapping exitCodeRanges entries',
  rationale:
    'When an exit code falls in two `exitCodeRanges` entries, which entry\'s `exitOptions` apply is undocumented ' +
    '(S19 `ExitConditions` says nothing about precedence), so the task\'s effect on the job and on its dependents ' +
    'depends on service internals.',
  howToFix: 'Split the ranges so that each exit code falls in at most one of them.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    rangesOverlap:
      'Exit code range {start}..{end} overlaps range {otherStart}..{otherEnd} listed earlier; which one applies is undocumented',
  },
  references: ['S19 ExitConditions'],
  check(context) {
    const ranges = exitCodeRangeEntries(context.task.value).filter((range) => range.start <= range.end);
    for (const { later, earlier } of findOverlaps(ranges)) {
      context.report({
        messageId: 'rangesOverlap',
        pointer: later.pointer,
        data: { start: later.start, end: later.end, otherStart: earlier.start, otherEnd: earlier.end },
        related: [{ pointer: earlier.pointer, label: 'first listed here' }],
      });
    }
  },
});
