import { defineRule, isJsonObject, member, numberMember, stringMember } from '../src/rule-api.js';

const LOW_PRIORITY_TARGET = /\$TargetLowPriorityNodes\s*=(?!\s*0\s*(;|$))/m;

export default defineRule({
  id: 'multi-instance-spot',
  summary: 'Report multi-instance tasks on pools that use Spot or low-priority nodes',
  rationale:
    'A multi-instance task fails as a whole when any subtask fails: "the entire multi-instance Task fails … ' +
    'terminated and retried, up to its retry limit" (S19, D-mpi). Spot (low-priority) nodes can be pre-empted at ' +
    'any time, so every eviction of one node restarts the whole MPI job; Batch Shipyard docs advise against it. The ' +
    'rule looks at `targetLowPriorityNodes` and, for auto-scale pools, at an assignment to ' +
    '`$TargetLowPriorityNodes` in the formula; it needs the pool body.',
  howToFix: 'Run multi-instance tasks on a pool of dedicated nodes (`targetLowPriorityNodes: 0`).',
  category: 'reliability',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'task',
  messages: {
    spotNodes: 'Multi-instance task on a pool with {nodes} Spot/low-priority nodes: one pre-emption restarts the whole task',
    spotAutoScale: 'Multi-instance task on a pool whose auto-scale formula sets $TargetLowPriorityNodes: one pre-emption restarts the whole task',
  },
  references: ['D-mpi', 'S19 MultiInstanceSettings'],
  check(context) {
    const pool = context.pool;
    if (pool === undefined || context.task.role !== 'task' || !isJsonObject(member(context.task.value, 'multiInstanceSettings'))) return;
    const nodes = numberMember(pool.value, 'targetLowPriorityNodes');
    if (nodes !== undefined && nodes > 0 && member(pool.value, 'enableAutoScale') !== true) {
      context.report({
        messageId: 'spotNodes',
        pointer: '/multiInstanceSettings',
        target: 'key',
        data: { nodes },
        related: [{ entity: pool.entity, pointer: '/targetLowPriorityNodes', label: 'pool setting' }],
      });
      return;
    }
    const formula = stringMember(pool.value, 'autoScaleFormula');
    if (member(pool.value, 'enableAutoScale') === true && formula !== undefined && LOW_PRIORITY_TARGET.test(formula)) {
      context.report({
        messageId: 'spotAutoScale',
        pointer: '/multiInstanceSettings',
        target: 'key',
        related: [{ entity: pool.entity, pointer: '/autoScaleFormula', label: 'auto-scale formula' }],
      });
    }
  },
});
