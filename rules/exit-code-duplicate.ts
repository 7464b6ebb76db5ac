import { defineRule, exitCodeEntries } from '../src/rule-api.js';
import type { ExitCodeEntry } from '../src/rule-api.js';

export default defineRule({
  id: 'exit-code-duplicate',
  summary: 'Disallow the same code twice in exitConditions.exitCodes',
  rationale:
    'When `exitCodes` maps one code twice, which entry\'s `exitOptions` apply is undocumented (S19 ' +
    '`ExitConditions`). Usually one of the entries was meant for another code.',
  howToFix: 'Keep one entry per exit code, with the `exitOptions` you intend.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    duplicateCode: 'Exit code {code} is already listed in exitCodes; which entry applies is undocumented',
  },
  references: ['S19 ExitConditions'],
  check(context) {
    const firstByCode = new Map<number, ExitCodeEntry>();
    for (const entry of exitCodeEntries(context.task.value)) {
      const first = firstByCode.get(entry.code);
      if (first === undefined) {
        firstByCode.set(entry.code, entry);
        continue;
      }
      context.report({
        messageId: 'duplicateCode',
        pointer: entry.codePointer,
        data: { code: entry.code },
        related: [{ pointer: first.codePointer, label: 'first listed here' }],
      });
    }
  },
});
