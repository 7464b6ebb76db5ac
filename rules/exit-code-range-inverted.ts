import { defineRule, exitCodeRangeEntries } from '../src/rule-api.js';

export default defineRule({
  id: 'exit-code-range-inverted',
  summary: 'Disallow an exitCodeRanges entry whose start is greater than its end',
  rationale:
    'An `exitCodeRanges` entry applies when the exit code is "in the range start to end (inclusive)" (S19 ' +
    '`ExitCodeRangeMapping`). With `start` above `end` no exit code is in it, so its `exitOptions` never apply and ' +
    'the task falls back to `exitConditions.default`.',
  howToFix: 'Swap `start` and `end`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    rangeInverted: 'Exit code range {start}..{end} starts after it ends, so it never matches; swap the bounds',
  },
  references: ['S19 ExitCodeRangeMapping'],
  check(context) {
    for (const range of exitCodeRangeEntries(context.task.value)) {
      if (range.start > range.end) {
        context.report({ messageId: 'rangeInverted', pointer: range.pointer, data: { start: range.start, end: range.end } });
      }
    }
  },
});
