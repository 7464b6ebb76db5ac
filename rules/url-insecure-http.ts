import { defineRule, isTemplateExpression, parseUrl, urlFields } from '../src/rule-api.js';

export default defineRule({
  id: 'url-insecure-http',
  summary: 'Disallow http:// in URL properties of tasks, jobs and pools',
  rationale: [
    'Resource files, output containers, container registries and file shares reached over plain `http://` travel',
    'unencrypted: programs and data a node downloads can be tampered with on the way, and any SAS token in the URL',
    'is readable by anyone on the path. The specification\'s own examples use `http://…?sas` placeholders, so the',
    'pattern is often copied by accident. Azure Storage accounts require secure transfer by default.',
  ].join('\n'),
  howToFix: 'Use `https://`. For a private registry or server without TLS, put TLS in front of it.',
  category: 'security',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'very-high',
  securitySeverity: '5.3',
  scope: 'entity',
  messages: {
    insecure: '"{field}" uses "http://" to reach "{host}"; use "https://"',
  },
  references: ['EX19 `TaskAdd_Basic`-style `http://…?sas` examples'],
  check(context) {
    for (const field of urlFields(context.entity)) {
      if (isTemplateExpression(field.url)) continue;
      const parts = parseUrl(field.url.trim());
      if (parts.scheme !== 'http') continue;
      context.report({ messageId: 'insecure', pointer: field.pointer, data: { field: field.field, host: parts.host || '(no host)' } });
    }
  },
});
