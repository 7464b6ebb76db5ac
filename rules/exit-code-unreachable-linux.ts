import { defineRule, exitCodeEntries, exitCodeRangeEntries } from '../src/rule-api.js';

const LOWEST_STATUS = 0;
const HIGHEST_STATUS = 255;

export default defineRule({
  id: 'exit-code-unreachable-linux',
  summary: 'Disallow exit codes outside 0-255 for tasks on Linux pools',
  rationale:
    'On Linux a process exit status is 8 bits: `exit 256` is seen as 0 and `exit -1` as 255 (POSIX). An ' +
    '`exitCodes` entry or an `exitCodeRanges` range wholly outside 0-255 therefore never matches on a Linux pool, ' +
    'and the exit falls through to `exitConditions.default`; Windows exit codes are 32-bit, which is where such ' +
    'values usually come from. That Batch reports the 8-bit status unchanged is inferred. The rule needs the ' +
    'pool body (recognised as Linux from `nodeAgentSKUId`) and is silent otherwise.',
  howToFix:
    'Use the code the shell sees: `exit 300` arrives as 44 and a signal N as 128+N. Map codes in 0-255, or drop ' +
    'the entry if it was written for Windows.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    codeUnreachable: 'Exit code {code} never occurs on a Linux pool, where exit statuses are 0 to 255',
    rangeUnreachable: 'Exit code range {start}..{end} never matches on a Linux pool, where exit statuses are 0 to 255',
  },
  references: ['POSIX exit status', 'S19 ExitConditions'],
  check(context) {
    if (context.pool?.os !== 'linux') return;
    for (const entry of exitCodeEntries(context.task.value)) {
      if (entry.code < LOWEST_STATUS || entry.code > HIGHEST_STATUS) {
        context.report({ messageId: 'codeUnreachable', pointer: entry.codePointer, data: { code: entry.code } });
      }
    }
    for (const range of exitCodeRangeEntries(context.task.value)) {
      // Inverted ranges are exit-code-range-inverted's to report.
      if (range.start > range.end) continue;
      if (range.end < LOWEST_STATUS || range.start > HIGHEST_STATUS) {
        context.report({ messageId: 'rangeUnreachable', pointer: range.pointer, data: { start: range.start, end: range.end } });
      }
    }
  },
});
