import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'pool-target-dedicated-legacy',
  summary: 'Disallow the pool targetDedicated property replaced in 2017-05-01.5.0',
  rationale:
    'Api-version 2017-05-01.5.0 replaced the pool property `targetDedicated` with `targetDedicatedNodes` and ' +
    '`targetLowPriorityNodes` (reference Part A.1). Newer api-versions reject `targetDedicated`; the Batch docs also ' +
    'show a non-REST spelling `targetDedicatedComputeNodes` (Part A.3).',
  howToFix:
    'Rename `targetDedicated` to `targetDedicatedNodes`, and add `targetLowPriorityNodes` for Spot capacity.',
  category: 'compatibility',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['pool-target-dedicated-legacy'],
  references: ['Reference Part A.1', 'S5.0 PoolAddParameter'],
  check(context) {
    reportSchemaIssues(context, 'pool-target-dedicated-legacy');
  },
});
