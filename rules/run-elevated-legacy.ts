import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'run-elevated-legacy',
  summary: 'Disallow the runElevated task property replaced by userIdentity in 2017-01-01.4.0',
  rationale:
    'Tasks (and start, Job Manager, preparation and release tasks) chose elevation with a boolean `runElevated` up to ' +
    'api-version 2016-07-01.3.1; 2017-01-01.4.0 replaced it with `userIdentity` (`username` or `autoUser` with ' +
    '`scope` and `elevationLevel`) (reference Part A.1). Newer api-versions reject `runElevated`, which still appears ' +
    'in CLI-extension docs (X-ext `doc/taskFactories.md`).',
  howToFix:
    'Replace `"runElevated": true` with `"userIdentity": {"autoUser": {"elevationLevel": "admin"}}` (add ' +
    '`"scope": "task"` to keep the old per-task account), and drop `"runElevated": false`: a non-admin auto-user is the ' +
    'default.',
  category: 'compatibility',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['run-elevated-legacy'],
  references: ['Reference Part A.1', 'S2017-01-01.4.0 UserIdentity'],
  check(context) {
    reportSchemaIssues(context, 'run-elevated-legacy');
  },
});
