import { defineRule, isTemplateExpression, maskSecrets, sasPlaceholderKind, urlFields } from '../src/rule-api.js';

export default defineRule({
  id: 'sas-placeholder',
  summary: 'Disallow SAS placeholders such as ?sas or <sas-token> left in URLs',
  rationale: [
    'Documentation and the specification\'s own examples write SAS URLs as `…/myprogram.exe?sas` (EX19),',
    '`?<sas-token>` or `&sig=<signature>`. Copied into a real body, such a URL reaches Azure Storage without a',
    'valid signature and the download or upload is refused at run time. Substitution syntax that a pipeline',
    'fills in before submitting (`${SAS}`, `$(sas)`, `#{Sas}#`, `{{ sas }}`) is not reported.',
  ].join('\n'),
  howToFix: 'Substitute a real SAS at submit time, or drop the query and use `identityReference` (managed identity) or `autoStorageContainerName`.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: {
    placeholderQuery: '"{field}" "{url}" ends in a SAS placeholder, not a SAS; substitute a real token or use a managed identity',
    placeholderSignature: '"{field}" has a placeholder "sig" value; substitute a real SAS or use a managed identity',
  },
  references: ['EX19'],
  check(context) {
    for (const field of urlFields(context.entity)) {
      if (isTemplateExpression(field.url)) continue;
      const kind = sasPlaceholderKind(field.url);
      if (kind === 'query') {
        context.report({ messageId: 'placeholderQuery', pointer: field.pointer, data: { field: field.field, url: maskSecrets(field.url) } });
      } else if (kind === 'signature') {
        context.report({ messageId: 'placeholderSignature', pointer: field.pointer, data: { field: field.field } });
      }
    }
  },
});
