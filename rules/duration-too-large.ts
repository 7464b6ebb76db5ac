import { defineRule, durationFieldsOf, parseDuration, TIMESPAN_MAX_TEXT, TIMESPAN_MAX_TICKS } from '../src/rule-api.js';

export default defineRule({
  id: 'duration-too-large',
  summary: `Limit durations to ${TIMESPAN_MAX_TEXT}, the largest the service can store`,
  rationale:
    'The service stores durations as a .NET `TimeSpan`, whose largest value is `P10675199DT2H48M5.4775807S` ' +
    '(about 29,000 years); a longer duration overflows and the body is rejected. That largest value is also what ' +
    'the service returns for "unlimited" (I-Azure/azure-rest-api-specs#15198), so it is valid; ' +
    '`duration-explicit-unlimited` suggests omitting it.',
  howToFix:
    'Give a realistic duration. For `maxWallClockTime`, omitting the property means no limit; for `retentionTime`, ' +
    '`P10675199DT2H48M5.4775807S` itself keeps the files until the job is deleted.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: {
    durationTooLarge: `{name} "{value}" is longer than ${TIMESPAN_MAX_TEXT}, the longest duration the service can store`,
  },
  references: ['I-Azure/azure-rest-api-specs#15198', 'X-bex constants.ts'],
  check(context) {
    for (const field of durationFieldsOf(context.entity)) {
      const parsed = parseDuration(field.text);
      if (!parsed.ok || parsed.ticks <= TIMESPAN_MAX_TICKS) continue;
      context.report({ messageId: 'durationTooLarge', pointer: field.pointer, data: { name: field.name, value: field.text } });
    }
  },
});
