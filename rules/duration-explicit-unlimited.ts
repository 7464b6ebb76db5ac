import { defineRule, durationFieldsOf, parseDuration, TIMESPAN_MAX_TEXT, TIMESPAN_MAX_TICKS } from '../src/rule-api.js';

export default defineRule({
  id: 'duration-explicit-unlimited',
  summary: `Report a maxWallClockTime of ${TIMESPAN_MAX_TEXT}, which means the same as omitting it`,
  rationale:
    '`P10675199DT2H48M5.4775807S` is .NET `TimeSpan.MaxValue`: what the service reports for an unlimited ' +
    'duration (I-Azure/azure-rest-api-specs#15198). It usually arrives by copying a `GET` response into a request ' +
    'body. For `maxWallClockTime` it is accepted, but omitting the property says the same thing, and one extra ' +
    'tick would overflow (`duration-too-large`). Other durations are left alone: an absent `retentionTime` means ' +
    '7 days, not forever.',
  howToFix: 'Remove the property; an absent `maxWallClockTime` is unlimited.',
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'entity',
  messages: {
    explicitUnlimited: 'maxWallClockTime "{value}" is the service\'s spelling of "unlimited"; omit maxWallClockTime instead',
  },
  references: ['I-Azure/azure-rest-api-specs#15198', 'X-bex constants.ts'],
  check(context) {
    for (const field of durationFieldsOf(context.entity)) {
      if (field.name !== 'maxWallClockTime') continue;
      const parsed = parseDuration(field.text);
      if (!parsed.ok || parsed.ticks !== TIMESPAN_MAX_TICKS) continue;
      context.report({ messageId: 'explicitUnlimited', pointer: field.pointer, data: { value: field.text } });
    }
  },
});
