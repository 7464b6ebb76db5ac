import { arrayMember, defineRule, hasMember, isAtLeast, isAtMost, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'app-package-on-iaas-pool-legacy',
  summary: 'Disallow application packages on virtualMachineConfiguration pools before 2017-06-01.5.1',
  rationale:
    'Up to api-version 2017-05-01.5.0 application packages worked only on Cloud Services pools. For tasks and job ' +
    'manager tasks: "This property is currently not supported on jobs running on pools created using the ' +
    'virtualMachineConfiguration (IaaS) property. If a task specifying applicationPackageReferences runs on such ' +
    'a pool, it fails with a scheduling error with code TaskSchedulingConstraintFailed"; for pools: "This ' +
    'property is currently not supported on pools created using the virtualMachineConfiguration (IaaS) property" ' +
    '(S2016-07-01.3.1 … S5.0). From 2017-06-01.5.1 on the restriction is gone (application packages are ' +
    '"supported on all Batch pools created after 5 July 2017", D-app). The rule needs the pool, so it is silent ' +
    'for tasks whose pool is unknown.',
  howToFix:
    'Target api-version 2017-06-01.5.1 or later (set `apiVersion` in the batchlint configuration to what your ' +
    'client sends), or install the software with a start task or resource files instead of application packages.',
  category: 'compatibility',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: {
    taskPackagesOnVirtualMachinePool:
      'At api-version {apiVersion} a {role} with applicationPackageReferences fails with TaskSchedulingConstraintFailed on pool "{poolId}", which uses virtualMachineConfiguration',
    poolPackagesOnVirtualMachinePool:
      'At api-version {apiVersion} applicationPackageReferences are not supported on a pool that uses virtualMachineConfiguration',
  },
  references: ['S2017-05-01.5.0 JobManagerTask.applicationPackageReferences', 'S2017-05-01.5.0 PoolAddParameter.applicationPackageReferences', 'D-app'],
  check(context) {
    const { entity, apiVersion } = context;
    // Application packages arrived in 2016-07-01.3.1 and stopped being restricted in 2017-06-01.5.1.
    if (!isAtLeast(apiVersion, '2016-07-01.3.1') || !isAtMost(apiVersion, '2017-05-01.5.0')) return;
    const references = arrayMember(entity.value, 'applicationPackageReferences');
    if (references === undefined || references.length === 0) return;
    const pointer = pointerTo('applicationPackageReferences');
    if (entity.kind === 'pool') {
      if (!hasMember(entity.value, 'virtualMachineConfiguration')) return;
      context.report({ messageId: 'poolPackagesOnVirtualMachinePool', pointer, target: 'key', data: { apiVersion } });
      return;
    }
    const pool = context.pool;
    if (pool === undefined || (entity.role !== 'task' && entity.role !== 'jobManagerTask')) return;
    if (!hasMember(pool.value, 'virtualMachineConfiguration')) return;
    context.report({
      messageId: 'taskPackagesOnVirtualMachinePool',
      pointer,
      target: 'key',
      data: { apiVersion, role: entity.role === 'task' ? 'task' : 'job manager task', poolId: pool.entity.id ?? '(auto pool)' },
      related: [{ entity: pool.entity, pointer: pointerTo('virtualMachineConfiguration'), target: 'key', label: 'pool uses virtualMachineConfiguration' }],
    });
  },
});
