import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'property-requires-newer-api-version',
  summary: 'Disallow properties introduced after the configured api-version',
  rationale:
    'Each api-version accepts the properties of its own specification only; a property added later is unknown to ' +
    'an older version and is rejected (`UnsupportedProperty`, D-err). Reference Part A.1 lists when they arrived: ' +
    '`dependencyAction`, `userIdentity` and `authenticationTokenSettings` in 2017-01-01.4.0, `outputFiles` in ' +
    '2017-05-01.5.0, `containerSettings` in 2017-09-01.6.0, `httpUrl`/`storageContainerUrl`/`autoStorageContainerName`/' +
    '`blobPrefix` in 2018-12-01.8.0, `containerSettings.workingDirectory` in 2019-06-01.9.0, `requiredSlots` in ' +
    '2020-09-01.12.0, `identityReference` in 2021-06-01.14.0, `uploadHeaders` in 2022-01-01.15.0 and ' +
    '`containerHostBatchBindMounts` in 2024-07-01.20.0.',
  howToFix: 'Raise `apiVersion` in the batchlint configuration (and in the client that submits the body), or remove the property.',
  category: 'compatibility',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['property-requires-newer-api-version'],
  references: ['Reference Part A.1', 'D-ver'],
  check(context) {
    reportSchemaIssues(context, 'property-requires-newer-api-version');
  },
});
