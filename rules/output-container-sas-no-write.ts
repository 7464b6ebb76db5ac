import { defineRule, hasMember, isTemplateExpression, member, outputFileObjects, parseSas, pointerTo } from '../src/rule-api.js';

interface Options {
  allowCreateOnly: boolean;
}

export default defineRule({
  id: 'output-container-sas-no-write',
  summary: 'Require write permission in the SAS of an output container URL',
  rationale: [
    'Without a managed identity, "the URL must include a Shared Access Signature (SAS) granting write permissions',
    'to the container" (S19 `OutputFileBlobContainerDestination.containerUrl`; D-out uses a write-only SAS). A SAS',
    'whose `sp` has neither `w` (write) nor `c` (create) can never upload: the task completes with a file upload',
    'failure.',
    '',
    'A SAS with `c` but no `w` uploads new blobs but cannot overwrite existing ones, so the upload fails as soon',
    'as a blob name repeats: on every task retry, job re-run or rerun of the same task id. It is reported with its',
    'own message at the same (error) severity because retries are routine in Batch; set the option',
    '`allowCreateOnly: true` for write-once pipelines that never reuse a blob name. The rule only judges SAS URLs',
    'that carry their own permissions: with a stored access policy (`si=`) or an `identityReference` it is silent.',
  ].join('\n'),
  howToFix: 'Generate the container SAS with write permission (`sp=w`, or `sp=cw`), or use `identityReference` with an identity that has Storage Blob Data Contributor on the container.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    noWrite: 'Output container SAS has permissions "sp={permissions}" without write ("w") or create ("c"); uploads will fail, grant "w"',
    createOnly: 'Output container SAS has create ("c") but not write ("w") permission; uploads fail when a blob already exists (task retries, re-runs), grant "w"',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        allowCreateOnly: {
          type: 'boolean',
          description: 'Accept a SAS with create ("c") but not write ("w") permission, for uploads that never overwrite a blob.',
        },
      },
      additionalProperties: false,
    },
    defaults: { allowCreateOnly: false } as Options,
  },
  references: ['S19 `OutputFileBlobContainerDestination.containerUrl`', 'D-out'],
  check(context) {
    for (const entry of outputFileObjects(context.task.value)) {
      const container = member(member(entry.file, 'destination'), 'container');
      const url = member(container, 'containerUrl');
      if (typeof url !== 'string' || isTemplateExpression(url) || hasMember(container, 'identityReference')) continue;
      const sas = parseSas(url);
      if (sas === undefined || !sas.hasSignature || sas.policyId !== undefined) continue;
      const permissions = sas.permissions ?? '';
      const pointer = entry.pointer + pointerTo('destination', 'container', 'containerUrl');
      if (permissions.includes('w')) continue;
      if (!permissions.includes('c')) {
        context.report({ messageId: 'noWrite', pointer, data: { permissions } });
      } else if (!context.options.allowCreateOnly) {
        context.report({ messageId: 'createOnly', pointer });
      }
    }
  },
});
