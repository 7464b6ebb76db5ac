import { defineRule, numberMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'pool-low-priority-is-spot',
  summary: 'Report targetLowPriorityNodes, which now allocates Spot nodes',
  rationale:
    'Batch-managed low-priority VMs were migrated to Azure Spot VMs: "any use of Low-priority properties … will ' +
    'automatically translate into Spot-based compute node allocations" (Azure/Batch#196). A pool that asks for ' +
    '`targetLowPriorityNodes` therefore gets Spot nodes, with Spot pricing and Spot eviction behaviour, which ' +
    'may differ from what the pool was sized and budgeted for.',
  howToFix:
    'Nothing has to change for the pool to keep working. Review the Spot pricing and eviction behaviour, and make ' +
    'sure tasks on these nodes can be preempted and retried (idempotent tasks, `maxTaskRetryCount` above 0).',
  category: 'compatibility',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'high',
  scope: 'pool',
  messages: {
    lowPriorityIsSpot: 'targetLowPriorityNodes {count} allocates Spot nodes: low-priority VMs are now Spot VMs',
  },
  references: ['https://github.com/Azure/Batch/issues/196'],
  check(context) {
    const count = numberMember(context.pool.value, 'targetLowPriorityNodes');
    if (count === undefined || count <= 0) return;
    context.report({ messageId: 'lowPriorityIsSpot', pointer: pointerTo('targetLowPriorityNodes'), data: { count } });
  },
});
