import { defineRule, dependencyRangeEntries } from '../src/rule-api.js';

export default defineRule({
  id: 'depends-on-range-inverted',
  summary: 'Disallow a taskIdRanges entry whose start is greater than its end',
  rationale:
    'A task id range selects the tasks whose integer ids lie from `start` to `end`, inclusive (D-deps). With ' +
    '`start` above `end` it selects nothing, so the dependency it was meant to express silently disappears. The ' +
    '.NET SDK refuses such a range before sending it ("End task id must be greater than or equal to the start task ' +
    'id", C-net `TaskIdRange.cs`); what the service does with a raw REST body is undocumented.',
  howToFix: 'Swap `start` and `end`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    rangeInverted: 'Task id range {start}..{end} starts after it ends, so it selects no task; swap the bounds',
  },
  references: ['D-deps', 'C-net TaskIdRange.cs'],
  check(context) {
    if (context.task.role !== 'task') return;
    for (const range of dependencyRangeEntries(context.task.value)) {
      if (range.start > range.end) {
        context.report({ messageId: 'rangeInverted', pointer: range.pointer, data: { start: range.start, end: range.end } });
      }
    }
  },
});
