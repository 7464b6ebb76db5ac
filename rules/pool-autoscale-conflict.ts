import { defineRule, hasMember, member, pointerTo } from '../src/rule-api.js';

const TARGET_PROPERTIES = ['targetDedicatedNodes', 'targetLowPriorityNodes', 'targetDedicated'] as const;

export default defineRule({
  id: 'pool-autoscale-conflict',
  summary: 'Require a pool to size itself either by auto-scale formula or by fixed targets, not both',
  rationale:
    'A pool is sized either by a formula or by fixed node counts. With `enableAutoScale: true` the ' +
    '`autoScaleFormula` "is required" and `targetDedicatedNodes`/`targetLowPriorityNodes` "must not be specified"; ' +
    'with auto-scaling off (the default) the formula "must not be specified" and "you must set either ' +
    'targetDedicatedNodes, targetLowPriorityNodes, or both" (S19 `PoolAddParameter`). The service rejects a pool ' +
    'that mixes the two.',
  howToFix:
    'For a fixed-size pool remove `autoScaleFormula` and set `targetDedicatedNodes` and/or ' +
    '`targetLowPriorityNodes`. For an auto-scaling pool set `"enableAutoScale": true`, give an `autoScaleFormula` ' +
    'and remove the targets (the formula sets `$TargetDedicatedNodes` instead).',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'pool',
  messages: {
    targetWithAutoScale: '{property} must not be set when enableAutoScale is true; the formula sets the pool size',
    formulaMissing: 'enableAutoScale is true but autoScaleFormula is missing',
    formulaWithoutAutoScale: 'autoScaleFormula is set but auto-scaling is off; set enableAutoScale to true or remove the formula',
    targetMissing: 'Auto-scaling is off and neither targetDedicatedNodes nor targetLowPriorityNodes is set',
  },
  references: ['S19 PoolAddParameter.enableAutoScale', 'S19 PoolAddParameter.autoScaleFormula', 'S19 PoolAddParameter.targetDedicatedNodes'],
  check(context) {
    const pool = context.pool.value;
    const enableAutoScale = member(pool, 'enableAutoScale');
    // A template parameter or a wrong type leaves the mode unknown: guessing would report the wrong half.
    if (enableAutoScale !== undefined && typeof enableAutoScale !== 'boolean') return;
    if (enableAutoScale === true) {
      for (const property of TARGET_PROPERTIES) {
        if (hasMember(pool, property)) {
          context.report({ messageId: 'targetWithAutoScale', pointer: pointerTo(property), target: 'key', data: { property } });
        }
      }
      if (!hasMember(pool, 'autoScaleFormula')) {
        context.report({ messageId: 'formulaMissing', pointer: pointerTo('enableAutoScale') });
      }
      return;
    }
    if (hasMember(pool, 'autoScaleFormula')) {
      // Without targets the likelier slip is a forgotten enableAutoScale, which this message already names.
      context.report({ messageId: 'formulaWithoutAutoScale', pointer: pointerTo('autoScaleFormula'), target: 'key' });
    } else if (!TARGET_PROPERTIES.some((property) => hasMember(pool, property))) {
      context.report({ messageId: 'targetMissing', pointer: '', target: 'key' });
    }
  },
});
