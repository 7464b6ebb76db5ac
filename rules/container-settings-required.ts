import { defineRule, hasMember, isJsonObject, member, objectMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'container-settings-required',
  summary: 'Require containerSettings on tasks that run on a container-enabled pool',
  rationale:
    'On a pool whose `virtualMachineConfiguration` has a `containerConfiguration`, "All regular Tasks and Job ' +
    'manager Tasks run on this Pool must specify the containerSettings property" (S19 ' +
    '`VirtualMachineConfiguration.containerConfiguration`; the task\'s `containerSettings` says "If the Pool that ' +
    'will run this Task has containerConfiguration set, this must be set as well"). Start, preparation and ' +
    'release tasks may run on the host, so they are not checked.',
  howToFix:
    'Add `containerSettings` with the `imageName` the task runs in (ideally one the pool prefetches through ' +
    '`containerImageNames`), or run the task on a pool without `containerConfiguration`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    containerSettingsMissing: 'Pool "{poolId}" runs tasks in containers, but this {role} has no containerSettings',
  },
  references: ['S19 VirtualMachineConfiguration.containerConfiguration', 'S19 TaskAddParameter.containerSettings', 'D-ctr'],
  check(context) {
    const { task, pool } = context;
    if (pool === undefined || (task.role !== 'task' && task.role !== 'jobManagerTask')) return;
    const containerConfiguration = member(objectMember(pool.value, 'virtualMachineConfiguration'), 'containerConfiguration');
    if (!isJsonObject(containerConfiguration) || hasMember(task.value, 'containerSettings')) return;
    context.report({
      messageId: 'containerSettingsMissing',
      pointer: '',
      target: 'key',
      data: { poolId: pool.entity.id ?? '(auto pool)', role: task.role === 'task' ? 'task' : 'job manager task' },
      related: [
        {
          entity: pool.entity,
          pointer: pointerTo('virtualMachineConfiguration', 'containerConfiguration'),
          target: 'key',
          label: 'container configuration of the pool',
        },
      ],
    });
  },
});
