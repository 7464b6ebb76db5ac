import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'exit-conditions-legacy-scheduling-error',
  summary: 'Disallow exitConditions.schedulingError, renamed preProcessingError in 2017-05-01.5.0',
  rationale:
    'The exit condition for a task that fails before its command line runs was called `schedulingError` up to ' +
    'api-version 2017-01-01.4.0 and was renamed `preProcessingError` in 2017-05-01.5.0, which also added ' +
    '`fileUploadError` (reference Part A.1). Newer api-versions reject `schedulingError`.',
  howToFix:
    'Rename `schedulingError` to `preProcessingError`; its value (`jobAction`, `dependencyAction`) keeps the same shape.',
  category: 'compatibility',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['exit-conditions-legacy-scheduling-error'],
  references: ['Reference Part A.1', 'S5.0 ExitConditions'],
  check(context) {
    reportSchemaIssues(context, 'exit-conditions-legacy-scheduling-error');
  },
});
