import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'unknown-property',
  summary: 'Disallow properties the request body does not define at the configured api-version',
  rationale:
    'A property the request definition does not have is rejected with `UnsupportedProperty` ("One of the properties ' +
    'specified in the request body is not supported", D-err; seen for `dependsOn` in I-Azure/azure-sdk-for-python#27859). ' +
    'Property names are case-sensitive (inferred, like OData), so `requiredSLots` (a misspelling in the official ' +
    'documentation) is unknown too. Common sources: SDK client names that differ from the wire names (`userName` for ' +
    '`username`, `nodeAgentSkuId` for `nodeAgentSKUId`, `allTasksCompleteMode` for `onAllTasksComplete`, ' +
    '`taskFailureMode` for `onTaskFailure`; S19/S21 `x-ms-client-name`), snake_case from Python SDK dumps ' +
    '(`command_line`), read-only fields of a saved GET response (`url`, `eTag`, `state`, `creationTime`, ' +
    '`executionInfo`, `stats`, `nodeInfo`), and Batch CLI-extension properties (`taskFactory`, `packageReferences`, ' +
    '`resourceFiles[].source`, `outputFiles[].destination.autoStorage`) outside a template.',
  howToFix:
    'Rename the property to the wire name the message suggests, or remove it. Strip read-only fields before ' +
    're-submitting a body saved from `az batch task show`; use extension-only properties only in templates expanded ' +
    'by `az batch job create --template`.',
  category: 'schema',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['unknown-property'],
  references: ['D-err UnsupportedProperty', 'S19/S21 x-ms-client-name', 'I-Azure/azure-sdk-for-python#27859', 'X-ext'],
  check(context) {
    reportSchemaIssues(context, 'unknown-property');
  },
});
