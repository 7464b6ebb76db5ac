import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'enum-value-invalid',
  summary: 'Disallow enum values that match no allowed value, even ignoring case',
  rationale:
    'Enumerated properties such as `uploadCondition`, `elevationLevel`, `scope`, `jobAction`, `dependencyAction`, ' +
    '`onAllTasksComplete`, `onTaskFailure`, `workingDirectory`, `poolLifetimeOption`, `nodeFillType` and ' +
    '`containerConfiguration.type` accept only the values of the specification (S19/S21 enums). Values are compared ' +
    'ignoring case here, because the service is inferred to accept other casings (reference Part A.2); a value that ' +
    'matches nothing even then is rejected.',
  howToFix: 'Use one of the values the message lists.',
  category: 'schema',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['enum-value-invalid'],
  references: ['S19 enums', 'S21 enums', 'Reference Part A.2'],
  check(context) {
    reportSchemaIssues(context, 'enum-value-invalid');
  },
});
