import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'pool-cloud-service-configuration',
  summary: 'Disallow Cloud Services Configuration pools, retired in 2024 and removed in 2024-07-01.20.0',
  rationale:
    'Pools built on Azure Cloud Services (`cloudServiceConfiguration`) were retired on 29 February 2024: new ones can ' +
    'no longer be created whatever the api-version (azure-deprecation/dashboard#128). Api-version 2024-07-01.20.0 ' +
    'removed the property from pool bodies altogether (S20, S21), so it is rejected as unsupported there.',
  howToFix:
    'Describe the nodes with `virtualMachineConfiguration`: an `imageReference` (for example a Windows Server ' +
    'marketplace image) and the matching `nodeAgentSKUId`.',
  category: 'compatibility',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['pool-cloud-service-configuration'],
  references: ['Reference Part A.1', 'S20', 'S21', 'azure-deprecation/dashboard#128'],
  check(context) {
    reportSchemaIssues(context, 'pool-cloud-service-configuration');
  },
});
