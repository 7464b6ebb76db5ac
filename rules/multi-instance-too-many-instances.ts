import { defineRule, member, numberMember, objectMember, type RelatedPlace } from '../src/rule-api.js';

interface Options {
  maxInterNodePoolNodes: number;
}

/** A node count the pool body fixes, or undefined when it is not a plain number (template, absent auto-scale…). */
function fixedNodeCount(pool: unknown): number | undefined {
  if (member(pool, 'enableAutoScale') === true) return undefined;
  let total = 0;
  for (const property of ['targetDedicatedNodes', 'targetLowPriorityNodes', 'targetDedicated']) {
    const value = member(pool, property);
    if (value === undefined) continue;
    if (typeof value !== 'number') return undefined;
    total += value;
  }
  return total;
}

export default defineRule({
  id: 'multi-instance-too-many-instances',
  summary: 'Limit numberOfInstances to the nodes an inter-node pool can have',
  rationale:
    'Each instance of a multi-instance task needs its own node, and inter-node communication pools are capped at ' +
    '100 nodes in Batch-service allocation mode (80 in user-subscription mode; D-quota). A larger ' +
    '`numberOfInstances` can never be satisfied and the task waits forever (D-mpi). When the pool body fixes its size ' +
    '(auto-scale off), a task asking for more nodes than `targetDedicatedNodes + targetLowPriorityNodes` also waits ' +
    'until someone resizes the pool; a pool created with 0 nodes is assumed to be resized later and not compared.',
  howToFix:
    'Lower `numberOfInstances`, or grow the pool (`targetDedicatedNodes`) to at least that many nodes. Set the option ' +
    '`maxInterNodePoolNodes` to 80 for a user-subscription Batch account.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    exceedsInterNodeLimit: 'numberOfInstances {numberOfInstances} exceeds the {limit} nodes an inter-node communication pool can have',
    exceedsPoolSize: 'numberOfInstances {numberOfInstances} exceeds the {nodes} nodes the pool requests; the task waits until the pool grows',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        maxInterNodePoolNodes: {
          type: 'integer',
          minimum: 1,
          description: 'Most nodes an inter-node communication pool may have: 100 (Batch-service allocation mode) or 80 (user subscription).',
        },
      },
      additionalProperties: false,
    },
    defaults: { maxInterNodePoolNodes: 100 },
  },
  references: ['D-quota', 'D-mpi'],
  check(context) {
    if (context.task.role !== 'task') return;
    const numberOfInstances = numberMember(objectMember(context.task.value, 'multiInstanceSettings'), 'numberOfInstances');
    // Non-integers and 1e400 are json-type-mismatch and int32-out-of-range findings.
    if (numberOfInstances === undefined || !Number.isInteger(numberOfInstances)) return;
    const pointer = '/multiInstanceSettings/numberOfInstances';
    const limit = context.options.maxInterNodePoolNodes;
    if (numberOfInstances > limit) {
      context.report({ messageId: 'exceedsInterNodeLimit', pointer, data: { numberOfInstances, limit } });
      return;
    }
    const pool = context.pool;
    const nodes = pool === undefined ? undefined : fixedNodeCount(pool.value);
    if (pool === undefined || nodes === undefined || nodes === 0 || numberOfInstances <= nodes) return;
    const related: RelatedPlace[] = member(pool.value, 'targetDedicatedNodes') === undefined
      ? []
      : [{ entity: pool.entity, pointer: '/targetDedicatedNodes', label: 'pool size' }];
    context.report({ messageId: 'exceedsPoolSize', pointer, data: { numberOfInstances, nodes }, related });
  },
});
