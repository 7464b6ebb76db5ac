import { defineRule, durationFieldsOf, parseDuration } from '../src/rule-api.js';

const SHOWN_PREFIX = 40;

export default defineRule({
  id: 'duration-invalid',
  summary: 'Require durations in the ISO 8601 day-time form the service parses, such as PT1H',
  rationale:
    'Durations (`maxWallClockTime`, `retentionTime`, a job\'s `maxWallClockTime`, a pool\'s `resizeTimeout` and ' +
    '`autoScaleEvaluationInterval`) are ISO 8601 strings (S19 `format: duration`). The service reads them as OData ' +
    'day-time durations: days, hours, minutes and seconds only (reference A.4, inferred from the OData parser). ' +
    'Years (`P1Y`), months (`P1M`: `M` before `T` means months), weeks (`P1W`), an empty `P` or `PT`, the .NET ' +
    '`hh:mm:ss` form and bare numbers of seconds are rejected with `InvalidRequestBody` or `InvalidPropertyValue`.',
  howToFix:
    'Write `P[nD][T[nH][nM][nS]]` with upper-case designators: `PT30M` for 30 minutes, `PT1H30M` for an hour and a ' +
    'half, `P2D` for two days, `PT1.5S` for fractional seconds.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: {
    invalidDuration: '{name} "{value}" is not an ISO 8601 day-time duration: {reason}',
  },
  references: ['S19 TaskConstraints.maxWallClockTime', 'OData EdmValueParser.ParseDuration'],
  check(context) {
    for (const field of durationFieldsOf(context.entity)) {
      const parsed = parseDuration(field.text);
      if (parsed.ok) continue;
      const value = field.text.length > SHOWN_PREFIX ? `${field.text.slice(0, SHOWN_PREFIX)}…` : field.text;
      context.report({ messageId: 'invalidDuration', pointer: field.pointer, data: { name: field.name, value, reason: parsed.reason } });
    }
  },
});
