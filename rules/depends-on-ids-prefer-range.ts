import { defineRule, dependencyIdEntries } from '../src/rule-api.js';
import type { DependencyIdEntry } from '../src/rule-api.js';

/** Only ids written the way a range would select them: no sign, no leading zeros, within int32. */
const CANONICAL_INTEGER_ID = /^(0|[1-9][0-9]{0,9})$/;
const INT32_MAX = 2147483647;

export default defineRule({
  id: 'depends-on-ids-prefer-range',
  summary: 'Report long runs of consecutive integer ids in dependsOn.taskIds',
  rationale:
    'A task that waits for tasks `1` to `5000` can list 5000 ids in `taskIds` or one entry in `taskIdRanges`. The ' +
    'list costs tens of kilobytes per task and counts against the 64000-character `taskIds` limit ' +
    '(`TaskDependencyListTooLong`); the spec itself advises "consider using Task ID ranges instead" ' +
    '(S19 `TaskDependencies.taskIds`). One difference to keep in mind: a range also selects ids with leading ' +
    'zeros (`007` is task 7, D-deps).',
  howToFix: 'Replace the run with one `taskIdRanges` entry, e.g. `{"start": 1, "end": 5000}`.',
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'high',
  scope: 'task',
  messages: {
    preferRange:
      '{count} consecutive task ids "{first}" to "{last}" can be written as one taskIdRanges entry with start {first} and end {last}',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        minRun: { type: 'integer', minimum: 2, description: 'Report runs of at least this many consecutive integer ids.' },
      },
      additionalProperties: false,
    },
    defaults: { minRun: 100 },
  },
  references: ['S19 TaskDependencies.taskIds', 'D-deps'],
  check(context) {
    if (context.task.role !== 'task') return;
    const firstByNumber = new Map<number, DependencyIdEntry>();
    for (const entry of dependencyIdEntries(context.task.value)) {
      if (!CANONICAL_INTEGER_ID.test(entry.id)) continue;
      const value = Number(entry.id);
      if (value <= INT32_MAX && !firstByNumber.has(value)) firstByNumber.set(value, entry);
    }
    const numbers = [...firstByNumber.keys()].sort((a, b) => a - b);
    let runStart = 0;
    for (let position = 1; position <= numbers.length; position++) {
      if (position < numbers.length && numbers[position] === (numbers[position - 1] as number) + 1) continue;
      const count = position - runStart;
      const first = numbers[runStart] as number;
      if (count >= context.options.minRun) {
        context.report({
          messageId: 'preferRange',
          pointer: (firstByNumber.get(first) as DependencyIdEntry).pointer,
          data: { count, first, last: first + count - 1 },
        });
      }
      runStart = position;
    }
  },
});
