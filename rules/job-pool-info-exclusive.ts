import { defineRule, hasMember, objectMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'job-pool-info-exclusive',
  summary: 'Require poolInfo to name exactly one of poolId and autoPoolSpecification',
  rationale:
    'A job runs either on an existing pool (`poolInfo.poolId`) or on a pool the service creates for it ' +
    '(`poolInfo.autoPoolSpecification`). "You must specify either the Pool ID or the auto Pool specification, ' +
    'but not both" (S19 `PoolInformation`): the service rejects a `poolInfo` with both or with neither.',
  howToFix:
    'Keep `poolId` to run on a pool you manage, or keep `autoPoolSpecification` to let the job create its own pool; ' +
    'remove the other.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'job',
  messages: {
    bothPoolIdAndAutoPool: 'poolInfo sets both poolId and autoPoolSpecification; set exactly one',
    neitherPoolIdNorAutoPool: 'poolInfo sets neither poolId nor autoPoolSpecification; set exactly one',
  },
  references: ['S19 PoolInformation'],
  check(context) {
    const poolInfo = objectMember(context.job.value, 'poolInfo');
    if (poolInfo === undefined) return;
    const hasPoolId = hasMember(poolInfo, 'poolId');
    const hasAutoPool = hasMember(poolInfo, 'autoPoolSpecification');
    if (hasPoolId && hasAutoPool) {
      context.report({
        messageId: 'bothPoolIdAndAutoPool',
        pointer: pointerTo('poolInfo', 'autoPoolSpecification'),
        target: 'key',
        related: [{ pointer: pointerTo('poolInfo', 'poolId'), target: 'key', label: 'poolId set here' }],
      });
    } else if (!hasPoolId && !hasAutoPool) {
      context.report({ messageId: 'neitherPoolIdNorAutoPool', pointer: pointerTo('poolInfo'), target: 'key' });
    }
  },
});
