import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'resource-file-blob-source-legacy',
  summary: 'Disallow the ResourceFile blobSource property removed in 2018-12-01.8.0',
  rationale:
    'Up to api-version 2018-08-01.7.0 a resource file named its blob with `blobSource`; 2018-12-01.8.0 replaced it with ' +
    '`httpUrl`, `storageContainerUrl` and `autoStorageContainerName` (plus `blobPrefix`) and dropped the ' +
    '`required: [blobSource, filePath]` constraint (reference Part A.1). Later api-versions reject `blobSource` as an ' +
    'unsupported property, yet it survives in old templates and Batch Explorer samples (Part D.4).',
  howToFix:
    'Rename `blobSource` to `httpUrl` for a single blob (keep `filePath`), or use `storageContainerUrl` / ' +
    '`autoStorageContainerName` with an optional `blobPrefix` to download a whole container.',
  category: 'compatibility',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['resource-file-blob-source-legacy'],
  references: ['Reference Part A.1', 'S2018-12-01.8.0 ResourceFile'],
  check(context) {
    reportSchemaIssues(context, 'resource-file-blob-source-legacy');
  },
});
