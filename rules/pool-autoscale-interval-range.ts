import {
  defineRule,
  isTemplateExpression,
  parseDuration,
  pointerTo,
  stringMember,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
} from '../src/rule-api.js';

const MINIMUM_TICKS = 5n * TICKS_PER_MINUTE;
const MAXIMUM_TICKS = 168n * TICKS_PER_HOUR;

export default defineRule({
  id: 'pool-autoscale-interval-range',
  summary: 'Limit autoScaleEvaluationInterval to between 5 minutes and 168 hours',
  rationale:
    'The auto-scale formula is evaluated every `autoScaleEvaluationInterval`. "The minimum and maximum value are ' +
    '5 minutes and 168 hours respectively. If you specify a value less than 5 minutes or greater than 168 hours, ' +
    'the Batch service returns an error" (S19 `PoolAddParameter.autoScaleEvaluationInterval`).',
  howToFix: 'Use a value from `PT5M` to `PT168H` (7 days), or omit it to get the default of 15 minutes.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'pool',
  messages: {
    intervalTooShort: 'autoScaleEvaluationInterval "{value}" is shorter than the minimum of 5 minutes (PT5M)',
    intervalTooLong: 'autoScaleEvaluationInterval "{value}" is longer than the maximum of 168 hours (PT168H)',
  },
  references: ['S19 PoolAddParameter.autoScaleEvaluationInterval'],
  check(context) {
    const value = stringMember(context.pool.value, 'autoScaleEvaluationInterval');
    if (value === undefined || isTemplateExpression(value)) return;
    const duration = parseDuration(value);
    // Malformed, zero and negative durations belong to duration-invalid and duration-not-positive.
    if (!duration.ok || duration.ticks <= 0n) return;
    const pointer = pointerTo('autoScaleEvaluationInterval');
    if (duration.ticks < MINIMUM_TICKS) context.report({ messageId: 'intervalTooShort', pointer, data: { value } });
    else if (duration.ticks > MAXIMUM_TICKS) context.report({ messageId: 'intervalTooLong', pointer, data: { value } });
  },
});
