import { defineRule, maskSecrets, parseSasTime, sasUrls } from '../src/rule-api.js';

export default defineRule({
  id: 'sas-expired',
  summary: 'Disallow SAS URLs whose expiry (se) has passed',
  rationale: [
    'Azure Storage refuses a shared access signature after its expiry time `se`, so every download',
    '(`BlobAccessDenied`, the task fails before it starts) and upload (file upload error) through it fails. The',
    'time is compared with the lint clock: the current time, or the `now` setting in the configuration, which CI',
    'should fix for reproducible results. `se` may be a date (`2026-01-01`, midnight UTC) or a UTC date-time;',
    'a value in neither form is left alone. A SAS bound to a stored access policy (`si=`) without `se` takes its',
    'expiry from the policy, which a linter cannot see.',
  ].join('\n'),
  howToFix: 'Generate a new SAS (better: switch to `identityReference` or inject the URL at submit time) and replace the expired one.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: {
    expired: 'SAS in "{field}" for "{host}" expired at "{expiry}"; requests with it are refused, generate a new one',
  },
  references: ['Azure Storage SAS semantics'],
  check(context) {
    for (const found of sasUrls(context.entity)) {
      const expiry = found.sas.expiry;
      const expiresAt = expiry === undefined ? undefined : parseSasTime(expiry);
      if (expiry === undefined || expiresAt === undefined || expiresAt.getTime() > context.now.getTime()) continue;
      context.report({
        messageId: 'expired',
        pointer: found.pointer,
        data: { field: found.field, host: found.parts.host || '(no host)', expiry },
        fingerprintValue: maskSecrets(found.url),
      });
    }
  },
});
