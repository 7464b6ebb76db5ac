import {
  defineRule,
  hasMember,
  isTemplateExpression,
  maskSecrets,
  member,
  outputFileObjects,
  parseSas,
  parseUrl,
  pointerTo,
  sasPlaceholderKind,
} from '../src/rule-api.js';

/** A query filled in at submit time by a shell, pipeline or template (`?${SAS}`, `?$(sas)`, `?#{Sas}#`). */
const SUBSTITUTION = /\$|%\w+%|#\{|\{\{/;

export default defineRule({
  id: 'output-container-no-auth',
  summary: 'Require a SAS or identityReference for output container uploads',
  rationale: [
    'Batch uploads output files with whatever the destination grants: "If not using a managed identity, the URL',
    'must include a Shared Access Signature (SAS) granting write permissions to the container" (S19',
    '`OutputFileBlobContainerDestination.containerUrl`). A bare container URL with no `identityReference` could',
    'only work for a container that accepts anonymous writes, which Azure Blob Storage does not offer, so the',
    'upload is expected to fail (inferred). URLs whose query is a placeholder are left to `sas-placeholder`, and a',
    'query filled in at submit time (`?${SAS_TOKEN}`, `?$(sas)`) counts as a SAS.',
  ].join('\n'),
  howToFix: [
    'Prefer `"identityReference": {"resourceId": "…"}` with a pool identity that can write to the container;',
    'otherwise inject a container SAS URL with write permission at submit time.',
  ].join('\n'),
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    noAuth: 'Output container URL "{url}" has no SAS and the destination has no "identityReference"; the upload cannot authenticate',
  },
  references: ['S19 `OutputFileBlobContainerDestination`'],
  check(context) {
    for (const entry of outputFileObjects(context.task.value)) {
      const container = member(member(entry.file, 'destination'), 'container');
      const url = member(container, 'containerUrl');
      if (typeof url !== 'string' || isTemplateExpression(url) || hasMember(container, 'identityReference')) continue;
      const parts = parseUrl(url);
      if (parts.scheme === undefined || parseSas(parts) !== undefined || sasPlaceholderKind(url) !== undefined) continue;
      if (SUBSTITUTION.test(parts.query ?? '')) continue;
      context.report({
        messageId: 'noAuth',
        pointer: entry.pointer + pointerTo('destination', 'container', 'containerUrl'),
        data: { url: maskSecrets(url) },
      });
    }
  },
});
