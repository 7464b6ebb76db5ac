import { defineRule, hasMember, isAtMost, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'pool-config-exclusive',
  summary: 'Require exactly one of virtualMachineConfiguration and cloudServiceConfiguration on a pool',
  rationale:
    'Up to api-version 2024-02-01.19.0 a pool is built either from a Cloud Services OS family or from a ' +
    'virtual machine image: the two properties "are mutually exclusive and one of the properties must be ' +
    'specified" (S19 `PoolAddParameter`). The service rejects a pool with both or neither. From 2024-07-01.20.0 on ' +
    '`cloudServiceConfiguration` is gone and `virtualMachineConfiguration` is simply required (S21), which ' +
    '`required-property-missing` and `pool-cloud-service-configuration` report, so this rule is silent there.',
  howToFix:
    'Describe the nodes with `virtualMachineConfiguration` (an `imageReference` and a matching `nodeAgentSKUId`) ' +
    'and remove `cloudServiceConfiguration`, which the platform retired on 29 February 2024.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'pool',
  messages: {
    bothConfigurations: 'Pool sets both cloudServiceConfiguration and virtualMachineConfiguration; set exactly one',
    neitherConfiguration: 'Pool sets neither virtualMachineConfiguration nor cloudServiceConfiguration; set one',
  },
  references: ['S19 PoolAddParameter.virtualMachineConfiguration', 'S19 PoolAddParameter.cloudServiceConfiguration'],
  check(context) {
    if (!isAtMost(context.apiVersion, '2024-02-01.19.0')) return;
    const pool = context.pool.value;
    const hasVirtualMachine = hasMember(pool, 'virtualMachineConfiguration');
    const hasCloudService = hasMember(pool, 'cloudServiceConfiguration');
    if (hasVirtualMachine && hasCloudService) {
      context.report({
        messageId: 'bothConfigurations',
        pointer: pointerTo('cloudServiceConfiguration'),
        target: 'key',
        related: [{ pointer: pointerTo('virtualMachineConfiguration'), target: 'key', label: 'virtualMachineConfiguration set here' }],
      });
    } else if (!hasVirtualMachine && !hasCloudService) {
      context.report({ messageId: 'neitherConfiguration', pointer: '', target: 'key' });
    }
  },
});
