import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'json-type-mismatch',
  summary: 'Require each property to have the JSON type the specification gives it',
  rationale:
    'The Batch front end is OData-based and converts JSON values strictly: a number where a string is expected fails ' +
    'with `InvalidRequestBody` "Cannot convert a primitive value to the expected type \'Edm.String\'" ' +
    '(I-Azure/azure-powershell#12147). `fileMode` and durations such as `maxWallClockTime` are strings (`"0755"`, ' +
    '`"PT1H"`), `code`, `start`, `end`, `maxTaskRetryCount`, `requiredSlots` and `numberOfInstances` are integers, ' +
    'flags are JSON booleans, and lists are arrays (S19 types).',
  howToFix:
    'Write the value with the expected JSON type: quote strings, drop quotes around numbers and booleans, wrap a ' +
    'single item in `[...]`. In CLI-extension templates a `[parameters(...)]` expression is accepted anywhere, since ' +
    'substitution decides the final type.',
  category: 'schema',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['json-type-mismatch'],
  references: ['I-Azure/azure-powershell#12147', 'S19 types'],
  check(context) {
    reportSchemaIssues(context, 'json-type-mismatch');
  },
});
