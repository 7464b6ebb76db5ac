import { defineRule, member, numberMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'pool-internode-too-large',
  summary: 'Limit pools with inter-node communication to 100 target nodes',
  rationale:
    '"Enabling inter-node communication limits the maximum size of the Pool due to deployment restrictions on ' +
    'the Compute Nodes of the Pool. This may result in the Pool not reaching its desired size" (S19 ' +
    '`enableInterNodeCommunication`). The quota page puts the limit at 100 nodes for Batch-service pool ' +
    'allocation mode and 80 in user-subscription mode (D-quota); a larger target leaves the pool short of nodes.',
  howToFix:
    'Lower `targetDedicatedNodes` + `targetLowPriorityNodes` to the limit, split the work over several pools, or ' +
    'turn off `enableInterNodeCommunication` if no multi-instance (MPI) task needs it. In user-subscription mode ' +
    'set the `maxNodes` option to 80.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'pool',
  messages: {
    tooManyNodes: 'Pool enables inter-node communication and targets {total} nodes; such pools stop at {maxNodes}',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        maxNodes: {
          type: 'integer',
          minimum: 1,
          description: 'Largest pool with inter-node communication: 100 (Batch service mode) or 80 (user subscription).',
        },
      },
      additionalProperties: false,
    },
    defaults: { maxNodes: 100 },
  },
  references: ['S19 PoolAddParameter.enableInterNodeCommunication', 'D-quota'],
  check(context) {
    const pool = context.pool.value;
    if (member(pool, 'enableInterNodeCommunication') !== true) return;
    const dedicated = numberMember(pool, 'targetDedicatedNodes');
    const lowPriority = numberMember(pool, 'targetLowPriorityNodes');
    const total = (dedicated ?? 0) + (lowPriority ?? 0);
    if (total <= context.options.maxNodes) return;
    const property = dedicated !== undefined ? 'targetDedicatedNodes' : 'targetLowPriorityNodes';
    context.report({
      messageId: 'tooManyNodes',
      pointer: pointerTo(property),
      data: { total, maxNodes: context.options.maxNodes },
    });
  },
});
