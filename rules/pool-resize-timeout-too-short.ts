import { defineRule, isTemplateExpression, parseDuration, pointerTo, stringMember, TICKS_PER_MINUTE } from '../src/rule-api.js';

const MINIMUM_TICKS = 5n * TICKS_PER_MINUTE;

export default defineRule({
  id: 'pool-resize-timeout-too-short',
  summary: 'Require a pool resizeTimeout of at least 5 minutes',
  rationale:
    '`resizeTimeout` bounds how long the service tries to allocate nodes. "The minimum value is 5 minutes. If you ' +
    'specify a value less than 5 minutes, the Batch service returns an error" (S19 `PoolAddParameter.resizeTimeout`).',
  howToFix: 'Use `PT5M` or longer, or omit `resizeTimeout` to get the default of 15 minutes.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'pool',
  messages: {
    resizeTimeoutTooShort: 'resizeTimeout "{value}" is shorter than the minimum of 5 minutes (PT5M)',
  },
  references: ['S19 PoolAddParameter.resizeTimeout'],
  check(context) {
    const value = stringMember(context.pool.value, 'resizeTimeout');
    if (value === undefined || isTemplateExpression(value)) return;
    const duration = parseDuration(value);
    // Malformed, zero and negative durations belong to duration-invalid and duration-not-positive.
    if (!duration.ok || duration.ticks <= 0n || duration.ticks >= MINIMUM_TICKS) return;
    context.report({ messageId: 'resizeTimeoutTooShort', pointer: pointerTo('resizeTimeout'), data: { value } });
  },
});
