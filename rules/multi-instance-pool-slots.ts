import { defineRule, isJsonObject, member, numberMember } from '../src/rule-api.js';

export default defineRule({
  id: 'multi-instance-pool-slots',
  summary: 'Require taskSlotsPerNode 1 on pools that run multi-instance tasks',
  rationale:
    'D-mpi: a multi-instance task in a pool "with a taskSlotsPerNode value greater than 1 … is never scheduled--it ' +
    "remains indefinitely in the 'active' state\". Pools before 2020-09-01.12.0 call the setting `maxTasksPerNode`. " +
    'The rule needs the pool body and stays silent without it.',
  howToFix: 'Run multi-instance tasks on a pool created with `"taskSlotsPerNode": 1` (the default).',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    slotsAboveOne: 'Multi-instance task on a pool with {property} {slots}: it is never scheduled; the pool needs 1',
  },
  references: ['D-mpi', 'S19 PoolAddParameter.taskSlotsPerNode'],
  check(context) {
    const pool = context.pool;
    if (pool === undefined || context.task.role !== 'task' || !isJsonObject(member(context.task.value, 'multiInstanceSettings'))) return;
    const property = numberMember(pool.value, 'taskSlotsPerNode') !== undefined ? 'taskSlotsPerNode' : 'maxTasksPerNode';
    const slots = numberMember(pool.value, property);
    if (slots === undefined || slots <= 1) return;
    context.report({
      messageId: 'slotsAboveOne',
      pointer: '/multiInstanceSettings',
      target: 'key',
      data: { property, slots },
      related: [{ entity: pool.entity, pointer: `/${property}`, label: 'pool setting' }],
    });
  },
});
