import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'pool-container-type-docker-legacy',
  summary: 'Disallow containerConfiguration.type "docker", renamed dockerCompatible in 2018-08-01.7.0',
  rationale:
    'Container-enabled pools named their container technology `docker` in api-versions 2017-09-01.6.0 and ' +
    '2018-03-01.6.1; 2018-08-01.7.0 renamed the value `dockerCompatible` (and 2023-05-01.17.0 added `criCompatible`) ' +
    '(reference Part A.1). Newer api-versions reject `docker`.',
  howToFix:
    'Write `"type": "dockerCompatible"`.',
  category: 'compatibility',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['pool-container-type-docker-legacy'],
  references: ['Reference Part A.1', 'S2018-08-01.7.0 ContainerConfiguration'],
  check(context) {
    reportSchemaIssues(context, 'pool-container-type-docker-legacy');
  },
});
