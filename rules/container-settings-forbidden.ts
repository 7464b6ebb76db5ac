import { defineRule, hasMember, isJsonObject, member, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'container-settings-forbidden',
  summary: 'Disallow containerSettings on tasks whose pool has no containerConfiguration',
  rationale:
    'A task runs in a container only on a pool prepared for containers: "If the Pool that will run this Task ' +
    'doesn\'t have containerConfiguration set, this must not be set" (S19 `TaskAddParameter.containerSettings`, ' +
    'the same for `JobManagerTask`). The rule checks tasks and job manager tasks whose pool is known and has a ' +
    '`virtualMachineConfiguration` without `containerConfiguration` (or is a Cloud Services pool).',
  howToFix:
    'Add a `containerConfiguration` (with `type` `dockerCompatible` and the images to prefetch) to the pool\'s ' +
    '`virtualMachineConfiguration`, or remove `containerSettings` to run the task on the host.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    containerSettingsWithoutContainerPool:
      'containerSettings is set, but pool "{poolId}" has no containerConfiguration to run containers',
  },
  references: ['S19 TaskAddParameter.containerSettings', 'S19 JobManagerTask.containerSettings'],
  check(context) {
    const { task, pool } = context;
    if (pool === undefined || (task.role !== 'task' && task.role !== 'jobManagerTask')) return;
    if (!hasMember(task.value, 'containerSettings')) return;
    const virtualMachine = member(pool.value, 'virtualMachineConfiguration');
    const runsContainers = isJsonObject(virtualMachine)
      ? hasMember(virtualMachine, 'containerConfiguration')
      : // A template expression or a missing configuration leaves the pool's abilities unknown.
        virtualMachine !== undefined || !isJsonObject(member(pool.value, 'cloudServiceConfiguration'));
    if (runsContainers) return;
    context.report({
      messageId: 'containerSettingsWithoutContainerPool',
      pointer: pointerTo('containerSettings'),
      target: 'key',
      data: { poolId: pool.entity.id ?? '(auto pool)' },
    });
  },
});
