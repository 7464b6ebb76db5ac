import {
  arrayMember,
  defineRule,
  isTemplateExpression,
  member,
  objectMember,
  pointerTo,
  resourceFileObjects,
  stringMember,
} from '../src/rule-api.js';

export default defineRule({
  id: 'resource-file-identity-not-on-pool',
  summary: 'Require resource file identities to be assigned to the pool',
  rationale: [
    '`identityReference` is "the reference to a user assigned identity associated with the Batch pool which a',
    'compute node will use" (S19 `ComputeNodeIdentityReference`). Nodes only hold the identities listed in the',
    'pool\'s `identity.userAssignedIdentities`; any other resource id cannot be used, and the download fails at',
    'task start. ARM resource ids are compared case-insensitively.',
    '',
    'The data-plane pool add body cannot assign identities (that happens through Azure Resource Manager), so the',
    'rule only judges pools whose body lists `identity.userAssignedIdentities`, as pool bodies saved from a GET or',
    'an ARM export do; otherwise it stays silent rather than guess.',
  ].join('\n'),
  howToFix: 'Assign the identity to the pool (`identity.userAssignedIdentities[].resourceId`), or reference one that is already assigned.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    notOnPool: 'Resource file identity "{resourceId}" is not assigned to {pool}; add it to the pool\'s "identity.userAssignedIdentities"',
  },
  references: ['S19 `ComputeNodeIdentityReference`', 'S19 `BatchPoolIdentity`'],
  check(context) {
    const pool = context.pool;
    if (pool === undefined) return;
    const identities = arrayMember(objectMember(pool.value, 'identity'), 'userAssignedIdentities');
    if (identities === undefined) return;
    const assigned = new Set<string>();
    for (const identity of identities) {
      const resourceId = stringMember(identity, 'resourceId');
      if (resourceId !== undefined) assigned.add(resourceId.toLowerCase());
    }
    const poolLabel = pool.entity.id === undefined ? 'the auto pool' : `pool "${pool.entity.id}"`;
    for (const entry of resourceFileObjects(context.task.value)) {
      const resourceId = member(member(entry.file, 'identityReference'), 'resourceId');
      if (typeof resourceId !== 'string' || isTemplateExpression(resourceId)) continue;
      if (assigned.has(resourceId.toLowerCase())) continue;
      context.report({
        messageId: 'notOnPool',
        pointer: entry.pointer + pointerTo('identityReference', 'resourceId'),
        data: { resourceId, pool: poolLabel },
        related: [{ entity: pool.entity, pointer: '', label: 'pool the task runs on' }],
      });
    }
  },
});
