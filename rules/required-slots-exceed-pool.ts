import { defineRule, hasMember, member, numberMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'required-slots-exceed-pool',
  summary: 'Disallow requiredSlots above the taskSlotsPerNode of the pool',
  rationale:
    'A task needs `requiredSlots` free slots on one node, and a node has `taskSlotsPerNode` slots (default 1). ' +
    'If the task needs more than any node has, "the task never runs. The Batch Service doesn\'t currently validate ' +
    'this conflict" (D-par): the add succeeds and the task waits in the active state forever. Pools written for ' +
    'api-versions up to 2020-03-01.11.0 call the setting `maxTasksPerNode`.',
  howToFix:
    'Lower `requiredSlots` to at most the pool\'s `taskSlotsPerNode`, or raise `taskSlotsPerNode` when creating the ' +
    'pool (it cannot be changed afterwards).',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    slotsExceedPool: 'requiredSlots {slots} exceeds the {poolSlots} task slots per node of pool "{poolId}"; the task never runs',
  },
  references: ['D-par', 'S19 TaskAddParameter.requiredSlots', 'S19 PoolAddParameter.taskSlotsPerNode'],
  check(context) {
    const { task, pool } = context;
    const slots = numberMember(task.value, 'requiredSlots');
    if (pool === undefined || slots === undefined) return;
    const property = hasMember(pool.value, 'taskSlotsPerNode') ? 'taskSlotsPerNode' : 'maxTasksPerNode';
    const declared = member(pool.value, property);
    // A template parameter or a wrong type leaves the slot count unknown.
    if (declared !== undefined && typeof declared !== 'number') return;
    const poolSlots = declared ?? 1;
    if (slots <= poolSlots) return;
    context.report({
      messageId: 'slotsExceedPool',
      pointer: pointerTo('requiredSlots'),
      data: { slots, poolSlots, poolId: pool.entity.id ?? '(auto pool)' },
      related:
        declared === undefined
          ? [{ entity: pool.entity, pointer: '', target: 'key', label: 'pool without taskSlotsPerNode (1 slot per node)' }]
          : [{ entity: pool.entity, pointer: pointerTo(property), label: 'task slots per node' }],
    });
  },
});
