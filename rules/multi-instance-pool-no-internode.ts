import { defineRule, hasMember, isJsonObject, isTemplateExpression, member, type RelatedPlace } from '../src/rule-api.js';

export default defineRule({
  id: 'multi-instance-pool-no-internode',
  summary: 'Require inter-node communication on pools that run multi-instance tasks',
  rationale:
    'D-mpi: "If you try to run a multi-instance task in a pool with internode communication disabled, or with a ' +
    'taskSlotsPerNode value greater than 1, the task is never scheduled--it remains indefinitely in the \'active\' ' +
    'state." `enableInterNodeCommunication` defaults to false and can only be set when the pool is created. The rule ' +
    'needs the pool body and stays silent without it.',
  howToFix: 'Create the pool with `"enableInterNodeCommunication": true` (and `"taskSlotsPerNode": 1`), or run the task without `multiInstanceSettings`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    interNodeDisabled: 'Multi-instance task on a pool without enableInterNodeCommunication: it is never scheduled',
  },
  references: ['D-mpi', 'S19 PoolAddParameter.enableInterNodeCommunication'],
  check(context) {
    const pool = context.pool;
    if (pool === undefined || context.task.role !== 'task' || !isJsonObject(member(context.task.value, 'multiInstanceSettings'))) return;
    const enabled = member(pool.value, 'enableInterNodeCommunication');
    if (enabled === true || isTemplateExpression(enabled)) return;
    const related: RelatedPlace[] = hasMember(pool.value, 'enableInterNodeCommunication')
      ? [{ entity: pool.entity, pointer: '/enableInterNodeCommunication', label: 'pool setting' }]
      : [];
    context.report({ messageId: 'interNodeDisabled', pointer: '/multiInstanceSettings', target: 'key', related });
  },
});
