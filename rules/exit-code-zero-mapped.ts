import { defineRule, exitCodeEntries, exitCodeRangeEntries } from '../src/rule-api.js';

export default defineRule({
  id: 'exit-code-zero-mapped',
  summary: 'Report exit conditions that change what happens when a task succeeds',
  rationale:
    'Exit code 0 means success: by default it satisfies dependent tasks and leaves the job alone. ' +
    '`exitConditions.default` covers only nonzero codes: "If you want non-default behavior on exit code 0, you ' +
    'must list it explicitly" (S19 `ExitConditions.default`). Listing 0, or a range that includes it, changes ' +
    'success handling, e.g. `dependencyAction: "block"` on 0 blocks the dependents of a task that succeeded. ' +
    'That is sometimes intended; often the range was meant to start at 1.',
  howToFix: 'Start the range at 1 (or end it at -1), or keep the mapping if success really should act differently.',
  category: 'reliability',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'task',
  messages: {
    zeroListed: 'Exit code 0 (success) is mapped in exitCodes, which replaces the default handling of a successful task',
    zeroInRange:
      'Exit code range {start}..{end} includes 0 (success), which replaces the default handling of a successful task',
  },
  references: ['S19 ExitConditions.default'],
  check(context) {
    for (const entry of exitCodeEntries(context.task.value)) {
      if (entry.code === 0) context.report({ messageId: 'zeroListed', pointer: entry.codePointer });
    }
    for (const range of exitCodeRangeEntries(context.task.value)) {
      if (range.start <= 0 && range.end >= 0) {
        context.report({ messageId: 'zeroInRange', pointer: range.pointer, data: { start: range.start, end: range.end } });
      }
    }
  },
});
