import { defineRule, isTemplateExpression, objectMember, pointerTo, stringMember } from '../src/rule-api.js';

const MAX_PREFIX_LENGTH = 20;

export default defineRule({
  id: 'auto-pool-prefix-too-long',
  summary: 'Limit autoPoolIdPrefix to 20 characters',
  rationale:
    'The service builds each auto pool id from `autoPoolIdPrefix` and a unique suffix. "The prefix can be up to ' +
    '20 characters long" (S19 `AutoPoolSpecification.autoPoolIdPrefix`); a longer prefix is rejected.',
  howToFix: 'Shorten `autoPoolIdPrefix` to at most 20 characters.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'job',
  messages: {
    prefixTooLong: 'autoPoolIdPrefix "{prefix}" is {length} characters long; the limit is 20',
  },
  references: ['S19 AutoPoolSpecification.autoPoolIdPrefix'],
  check(context) {
    const autoPool = objectMember(objectMember(context.job.value, 'poolInfo'), 'autoPoolSpecification');
    const prefix = stringMember(autoPool, 'autoPoolIdPrefix');
    if (prefix === undefined || isTemplateExpression(prefix)) return;
    const length = [...prefix].length;
    if (length <= MAX_PREFIX_LENGTH) return;
    context.report({
      messageId: 'prefixTooLong',
      pointer: pointerTo('poolInfo', 'autoPoolSpecification', 'autoPoolIdPrefix'),
      data: { prefix, length },
    });
  },
});
