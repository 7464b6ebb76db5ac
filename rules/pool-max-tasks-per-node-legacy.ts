import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'pool-max-tasks-per-node-legacy',
  summary: 'Disallow the pool maxTasksPerNode property replaced by taskSlotsPerNode in 2020-09-01.12.0',
  rationale:
    'Api-version 2020-09-01.12.0 replaced the pool property `maxTasksPerNode` with `taskSlotsPerNode` and added ' +
    '`requiredSlots` to tasks (reference Part A.1). Newer api-versions reject `maxTasksPerNode`.',
  howToFix:
    'Rename `maxTasksPerNode` to `taskSlotsPerNode`. With every task at the default `requiredSlots` of 1 the pool runs ' +
    'as many tasks per node as before.',
  category: 'compatibility',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['pool-max-tasks-per-node-legacy'],
  references: ['Reference Part A.1', 'S2020-09-01.12.0 PoolAddParameter'],
  check(context) {
    reportSchemaIssues(context, 'pool-max-tasks-per-node-legacy');
  },
});
