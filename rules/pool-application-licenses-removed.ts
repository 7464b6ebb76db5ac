import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'pool-application-licenses-removed',
  summary: 'Disallow the pool applicationLicenses property removed in 2024-07-01.20.0',
  rationale:
    'Pool `applicationLicenses` (pay-per-use licenses for rendering applications) was removed from pool bodies in ' +
    'api-version 2024-07-01.20.0 and is absent from 2025-06-01.21.0 (reference Part A.1, S20, S21); those ' +
    'api-versions reject it.',
  howToFix:
    'Remove `applicationLicenses` and license the software on the node image or through the vendor, or keep ' +
    'api-version 2024-02-01.19.0 for this pool.',
  category: 'compatibility',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['pool-application-licenses-removed'],
  references: ['Reference Part A.1', 'S20', 'S21 BatchPoolCreateOptions'],
  check(context) {
    reportSchemaIssues(context, 'pool-application-licenses-removed');
  },
});
