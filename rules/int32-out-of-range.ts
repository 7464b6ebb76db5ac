import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'int32-out-of-range',
  summary: 'Limit integer properties to the signed 32-bit range the specification declares',
  rationale:
    'Exit codes, exit code ranges, retry counts, slots, priorities and node counts are `format: int32` in the ' +
    'specification (S19), so the service cannot hold a value outside -2147483648…2147483647 and rejects the body. ' +
    'Very large literals are also not exact: JSON parsers read `9007199254740993` as 9007199254740992, and `1e400` ' +
    'as infinity.',
  howToFix:
    'Use a value inside the 32-bit range. An exit code reported by a Windows process as an unsigned number (for example ' +
    '`3221225477`) is the negative int32 with the same bits (`-1073741819`).',
  category: 'schema',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['int32-out-of-range'],
  references: ['S19 format: int32'],
  check(context) {
    reportSchemaIssues(context, 'int32-out-of-range');
  },
});
