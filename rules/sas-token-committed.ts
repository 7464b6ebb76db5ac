import { defineRule, maskSecrets, sasPlaceholderKind, sasUrls } from '../src/rule-api.js';

export default defineRule({
  id: 'sas-token-committed',
  summary: 'Disallow URLs that carry a live SAS signature in committed files',
  rationale: [
    'A URL with a `sig=` query parameter is a shared access signature: anyone who reads the file can use it, with',
    'its permissions, until it expires, and a repository keeps every version of the file forever. Batch offers',
    'alternatives that keep credentials out of task, job and pool bodies: a managed identity on the pool',
    '(`identityReference` on resource files, output containers and container registries, since 2021-06-01.14.0),',
    'the account\'s linked auto-storage (`autoStorageContainerName`), or a URL injected when the body is',
    'submitted. The rule scans every URL-bearing property (reference C.8) and URLs inside command lines and',
    'environment variable values. Messages never repeat the signature.',
  ].join('\n'),
  howToFix: [
    'Remove the SAS from the file and rotate it (or revoke its stored access policy): it has been disclosed.',
    'Then use `identityReference` or `autoStorageContainerName`, or generate the SAS at submit time (for example',
    '`az storage container generate-sas` in the pipeline) and substitute it into the body.',
  ].join('\n'),
  category: 'security',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'very-high',
  securitySeverity: '7.5',
  scope: 'entity',
  messages: {
    committedSas: '"{field}" holds a SAS token for "{host}" ("sig=***"); use a managed identity or inject the URL at submit time',
  },
  references: ['S19 `ComputeNodeIdentityReference`', 'S19 `ResourceFile.autoStorageContainerName`'],
  check(context) {
    for (const found of sasUrls(context.entity)) {
      const signature = found.parts.params.get('sig');
      if (signature === undefined || signature.trim() === '' || sasPlaceholderKind(found.url) === 'signature') continue;
      context.report({
        messageId: 'committedSas',
        pointer: found.pointer,
        data: { field: found.field, host: found.parts.host || '(no host)' },
        fingerprintValue: maskSecrets(found.url),
      });
    }
  },
});
