import { defineRule, dependencyRangeEntries, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'depends-on-range-negative',
  summary: 'Disallow negative bounds in dependsOn.taskIdRanges',
  rationale:
    'Only task ids made of decimal digits are selected by ranges (D-deps), so no task answers to a negative ' +
    'number: a task id such as `-3` is legal but is never range-addressable. The .NET SDK rejects negative bounds ' +
    'before sending ("First task id must be greater or equal to 0", C-net); the service behaviour is undocumented.',
  howToFix: 'Start the range at 0 or above. To depend on a task whose id starts with `-`, list it in `taskIds`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    negativeBound: 'Task id range {bound} is {value}; ranges select only non-negative integer task ids',
  },
  references: ['D-deps', 'C-net TaskIdRange.cs'],
  check(context) {
    if (context.task.role !== 'task') return;
    for (const range of dependencyRangeEntries(context.task.value)) {
      // One finding per range: a range with both bounds negative is one mistake.
      const bound = range.start < 0 ? 'start' : range.end < 0 ? 'end' : undefined;
      if (bound === undefined) continue;
      context.report({
        messageId: 'negativeBound',
        pointer: pointerTo('dependsOn', 'taskIdRanges', range.index, bound),
        data: { bound, value: range[bound] },
      });
    }
  },
});
