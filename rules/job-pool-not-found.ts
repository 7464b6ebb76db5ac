import { defineRule, isTemplateExpression, objectMember, pointerTo, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'job-pool-not-found',
  summary: 'Report a poolInfo.poolId that names no pool body in the linted files',
  rationale:
    'The service accepts a job whose pool does not exist: "it will simply not run Tasks until the Pool exists" ' +
    '(S19 `PoolInformation.poolId`). A misspelt pool id therefore fails silently: the job sits idle. ' +
    'batchlint can only tell when every pool the jobs use is kept in the repository, so the rule stays silent ' +
    'unless the `completePoolSet` option says the linted pool bodies are the complete set.',
  howToFix:
    'Correct `poolInfo.poolId` to the id of a pool body in the repository (ids compare case-insensitively), add the ' +
    'pool body, or turn `completePoolSet` off when pools are created elsewhere.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: false,
  precision: 'medium',
  scope: 'job',
  messages: {
    poolNotFound: 'poolInfo.poolId "{poolId}" matches no pool in the linted files; the job will wait for that pool forever',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        completePoolSet: {
          type: 'boolean',
          description: 'The linted pool bodies are every pool jobs may use, so an unknown poolId is a mistake.',
        },
      },
      additionalProperties: false,
    },
    defaults: { completePoolSet: false },
  },
  references: ['S19 PoolInformation.poolId'],
  check(context) {
    if (!context.options.completePoolSet || context.pool !== undefined) return;
    const poolId = stringMember(objectMember(context.job.value, 'poolInfo'), 'poolId');
    if (poolId === undefined || poolId === '' || isTemplateExpression(poolId)) return;
    context.report({ messageId: 'poolNotFound', pointer: pointerTo('poolInfo', 'poolId'), data: { poolId } });
  },
});
