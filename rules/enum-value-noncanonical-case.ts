import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'enum-value-noncanonical-case',
  summary: 'Report enum values written in a casing other than the wire value of the api-version',
  rationale:
    'Enum wire values were lower-cased in 2017-09-01.6.0 (`nonAdmin` became `nonadmin`, `taskCompletion` ' +
    '`taskcompletion`, `terminateJob` `terminatejob`), while some stay camelCase (`workingDirectory`, ' +
    '`containerConfiguration.type`) or PascalCase (bind-mount `source`); templates and docs still write `TaskSuccess` ' +
    'or `nonAdmin` (reference Part A.2, D.4). The service is inferred to accept any casing, which no document ' +
    'confirms (Part E.1), so this is information, not an error.',
  howToFix: 'Write the canonical wire value the message names for the configured api-version.',
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['enum-value-noncanonical-case'],
  references: ['Reference Part A.2', 'azure-rest-api-specs PR #2008'],
  check(context) {
    reportSchemaIssues(context, 'enum-value-noncanonical-case');
  },
});
