import {
  defineRule,
  dependencyIdEntries,
  dependencyRangeEntries,
  isTemplateExpression,
  rangeAddressableNumber,
  stringMember,
} from '../src/rule-api.js';

export default defineRule({
  id: 'depends-on-self',
  summary: 'Disallow a task that depends on itself',
  rationale:
    'A dependent task runs only after every task it depends on has completed (D-deps). A task that lists its own ' +
    'id in `taskIds` (ids compare case-insensitively), or whose `taskIdRanges` cover its own number, waits for ' +
    'itself: it stays `active` forever, and so does every task that depends on it. Ranges select a task by the ' +
    'integer its id spells, leading zeros ignored, so task `007` is inside the range 1..10.',
  howToFix: 'Remove the task from its own dependencies; for a range, end it before or start it after the task\'s number.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    listsItself: 'Task "{id}" lists itself in dependsOn.taskIds, so it waits for itself and never runs',
    rangeCoversItself: 'Task id range {start}..{end} includes task "{id}" itself, so it waits for itself and never runs',
  },
  references: ['D-deps', 'S19 TaskAddParameter.id'],
  check(context) {
    if (context.task.role !== 'task') return;
    const id = stringMember(context.task.value, 'id');
    if (id === undefined || id === '' || isTemplateExpression(id)) return;
    const key = id.toUpperCase();
    for (const entry of dependencyIdEntries(context.task.value)) {
      if (entry.id.toUpperCase() === key) context.report({ messageId: 'listsItself', pointer: entry.pointer, data: { id } });
    }
    const number = rangeAddressableNumber(id);
    if (number === undefined) return;
    for (const range of dependencyRangeEntries(context.task.value)) {
      if (range.start <= number && number <= range.end) {
        context.report({ messageId: 'rangeCoversItself', pointer: range.pointer, data: { start: range.start, end: range.end, id } });
      }
    }
  },
});
