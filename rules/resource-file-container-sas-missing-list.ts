import { defineRule, hasMember, isTemplateExpression, member, parseSas, pointerTo, resourceFileObjects } from '../src/rule-api.js';

export default defineRule({
  id: 'resource-file-container-sas-missing-list',
  summary: 'Require read and list permissions in a storageContainerUrl SAS',
  rationale: [
    'Batch lists the container and then reads each blob, so "the URL must be readable and listable from compute',
    'nodes" (S19 `ResourceFile.storageContainerUrl`): a SAS needs both `r` (read) and `l` (list) in its `sp`',
    'permissions. A read-only SAS, the usual blob-download SAS, fails at task start with a resource file error.',
    'The rule only judges SAS URLs that carry their own permissions: with a stored access policy (`si=`) the',
    'permissions live on the container, and with `identityReference` the identity\'s role decides.',
  ].join('\n'),
  howToFix: 'Generate the container SAS with read and list permissions (`sp=rl`), or use `identityReference` with a managed identity that has Storage Blob Data Reader on the container.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    missingPermissions: 'Container SAS in "storageContainerUrl" has permissions "sp={permissions}" without {missing}; container downloads need read and list ("sp=rl")',
  },
  references: ['S19 `ResourceFile.storageContainerUrl`'],
  check(context) {
    for (const entry of resourceFileObjects(context.task.value)) {
      const url = member(entry.file, 'storageContainerUrl');
      if (typeof url !== 'string' || isTemplateExpression(url) || hasMember(entry.file, 'identityReference')) continue;
      const sas = parseSas(url);
      if (sas === undefined || !sas.hasSignature || sas.policyId !== undefined) continue;
      const permissions = sas.permissions ?? '';
      const missing = [
        permissions.includes('r') ? '' : 'read ("r")',
        permissions.includes('l') ? '' : 'list ("l")',
      ].filter(Boolean);
      if (missing.length === 0) continue;
      context.report({
        messageId: 'missingPermissions',
        pointer: entry.pointer + pointerTo('storageContainerUrl'),
        data: { permissions, missing: missing.join(' and ') },
      });
    }
  },
});
