import { defineRule, maskSecrets, sasUrls } from '../src/rule-api.js';

export default defineRule({
  id: 'sas-http-not-allowed',
  summary: 'Disallow http:// URLs whose SAS only permits https',
  rationale: [
    'A shared access signature with `spr=https` may only be used over HTTPS; Azure Storage refuses the same SAS',
    'on an `http://` URL, so the download or upload fails. (`spr=https,http` allows both.)',
  ].join('\n'),
  howToFix: 'Change the URL scheme to `https://`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: {
    httpsOnly: '"{field}" uses "http://" but its SAS allows only HTTPS ("spr=https"); change the scheme to "https://"',
  },
  references: ['Azure Storage SAS semantics'],
  check(context) {
    for (const found of sasUrls(context.entity)) {
      const protocol = found.sas.protocol?.replace(/\s/g, '').toLowerCase();
      if (found.parts.scheme !== 'http' || protocol !== 'https') continue;
      context.report({ messageId: 'httpsOnly', pointer: found.pointer, data: { field: found.field }, fingerprintValue: maskSecrets(found.url) });
    }
  },
});
