import { defineRule, durationFieldsOf, parseDuration } from '../src/rule-api.js';

export default defineRule({
  id: 'duration-not-positive',
  summary: 'Disallow zero and negative durations',
  rationale:
    'The duration grammar allows a leading `-` and zero values, but no Batch duration has a meaning for them: a ' +
    '`maxWallClockTime` of zero would end the task before it starts, a negative `retentionTime` cannot be ' +
    'honoured. The service is expected to reject them; the error code is undocumented (reference Part E).',
  howToFix: 'Give a positive duration such as `PT1H`, or omit the property to get its default.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: {
    zeroDuration: '{name} "{value}" is zero; use a positive duration or omit it for the default',
    negativeDuration: '{name} "{value}" is negative; use a positive duration or omit it for the default',
  },
  references: ['S19 TaskConstraints', 'reference A.4'],
  check(context) {
    for (const field of durationFieldsOf(context.entity)) {
      const parsed = parseDuration(field.text);
      if (!parsed.ok || parsed.ticks > 0n) continue;
      context.report({
        messageId: parsed.ticks === 0n ? 'zeroDuration' : 'negativeDuration',
        pointer: field.pointer,
        data: { name: field.name, value: field.text },
      });
    }
  },
});
