import { defineRule, exitCodeEntries, exitCodeRangeEntries, IntervalIndex } from '../src/rule-api.js';

export default defineRule({
  id: 'exit-code-in-range-and-list',
  summary: 'Disallow an exit code that is listed in exitCodes and covered by exitCodeRanges',
  rationale:
    'When an exit code is both listed in `exitCodes` and inside an `exitCodeRanges` entry, which `exitOptions` ' +
    'apply is undocumented (S19 `ExitConditions`), so what the failure does to the job and to dependent tasks ' +
    'depends on service internals.',
  howToFix: 'Remove the code from the range (split the range around it) or drop the `exitCodes` entry.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    codeAlsoInRange:
      'Exit code {code} is listed in exitCodes and also falls in exitCodeRanges range {start}..{end}; which one applies is undocumented',
  },
  references: ['S19 ExitConditions'],
  check(context) {
    const ranges = exitCodeRangeEntries(context.task.value).filter((range) => range.start <= range.end);
    if (ranges.length === 0) return;
    const index = new IntervalIndex(ranges);
    for (const entry of exitCodeEntries(context.task.value)) {
      const range = index.containing(entry.code);
      if (range === undefined) continue;
      context.report({
        messageId: 'codeAlsoInRange',
        pointer: entry.codePointer,
        data: { code: entry.code, start: range.start, end: range.end },
        related: [{ pointer: range.pointer, label: 'range that also covers it' }],
      });
    }
  },
});
