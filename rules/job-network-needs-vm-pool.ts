import { defineRule, hasMember, isJsonObject, member, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'job-network-needs-vm-pool',
  summary: 'Disallow a job networkConfiguration on a cloudServiceConfiguration pool',
  rationale:
    'A job `networkConfiguration` puts the nodes running its tasks into a subnet for the duration of each task. ' +
    '"This will only work with a VirtualMachineConfiguration Pool" (S19 `JobNetworkConfiguration.subnetId`): on a ' +
    'pool built from `cloudServiceConfiguration` the setting cannot take effect.',
  howToFix:
    'Run the job on a pool that uses `virtualMachineConfiguration` (Cloud Services pools are retired anyway), or ' +
    'remove the job\'s `networkConfiguration`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'job',
  messages: {
    networkOnCloudServicePool:
      'Job networkConfiguration needs a virtualMachineConfiguration pool, but pool "{poolId}" uses cloudServiceConfiguration',
  },
  references: ['S19 JobNetworkConfiguration.subnetId'],
  check(context) {
    const pool = context.pool;
    if (pool === undefined || !hasMember(context.job.value, 'networkConfiguration')) return;
    if (!isJsonObject(member(pool.value, 'cloudServiceConfiguration'))) return;
    if (hasMember(pool.value, 'virtualMachineConfiguration')) return;
    context.report({
      messageId: 'networkOnCloudServicePool',
      pointer: pointerTo('networkConfiguration'),
      target: 'key',
      data: { poolId: pool.entity.id ?? '(auto pool)' },
      related: [{ entity: pool.entity, pointer: pointerTo('cloudServiceConfiguration'), target: 'key', label: 'pool configuration' }],
    });
  },
});
