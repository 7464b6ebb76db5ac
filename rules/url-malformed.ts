import { defineRule, isTemplateExpression, maskSecrets, parseUrl, urlFields } from '../src/rule-api.js';

/** Filled in before submission by a shell, pipeline or template engine: not this rule's business. */
const SUBSTITUTION = /\$\{|\$\(|^\$[A-Za-z_]|#\{|\{\{|%[A-Za-z_][A-Za-z0-9_]*%/;

export default defineRule({
  id: 'url-malformed',
  summary: 'Require URL properties to hold absolute http(s) URLs',
  rationale: [
    'Resource file sources, output containers and Azure file share URLs must be absolute URLs; the 2025-06-01.21.0',
    'specification marks them `format: uri` (S21). Batch downloads and uploads over HTTP(S), so a relative path,',
    'a missing scheme (`myaccount.blob.core.windows.net/…`), whitespace inside the URL, an empty host or another',
    'scheme fails when the task starts. Container registry servers are host names (`myregistry.azurecr.io`) and',
    'are not checked. CLI-extension template expressions and substitution placeholders (`${URL}`, `$(url)`) are',
    'skipped: they are filled in before submission.',
  ].join('\n'),
  howToFix: 'Write the full URL, `https://<account>.blob.core.windows.net/<container>/<blob>`, without spaces (percent-encode them as `%20`).',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: {
    notAbsolute: '"{field}" "{url}" is not an absolute URL; write it with "https://" and the host',
    whitespace: '"{field}" "{url}" contains whitespace; remove it or percent-encode spaces as "%20"',
    noHost: '"{field}" "{url}" has no valid host name',
    unsupportedScheme: '"{field}" "{url}" uses scheme "{scheme}"; Batch transfers files over "https" (or "http")',
  },
  references: ['S21 `format: uri`'],
  check(context) {
    for (const field of urlFields(context.entity)) {
      if (field.kind === 'registryServer') continue;
      const url = field.url;
      if (isTemplateExpression(url) || SUBSTITUTION.test(url)) continue;
      if (context.entity.isTemplate && /\[(parameters|variables|concat)\(|\{[A-Za-z0-9:]+\}/.test(url)) continue;
      const base = { pointer: field.pointer, fingerprintValue: maskSecrets(url) };
      const data = { field: field.field, url: maskSecrets(url) };
      if (/[\s\u0000-\u001f\u007f]/.test(url)) {
        context.report({ ...base, messageId: 'whitespace', data });
        continue;
      }
      const parts = parseUrl(url);
      if (parts.scheme === undefined) {
        context.report({ ...base, messageId: 'notAbsolute', data });
      } else if (parts.scheme !== 'https' && parts.scheme !== 'http') {
        context.report({ ...base, messageId: 'unsupportedScheme', data: { ...data, scheme: parts.scheme } });
      } else if (parts.host === undefined || parts.host === '' || !isValidHost(url)) {
        context.report({ ...base, messageId: 'noHost', data });
      }
    }
  },
});

function isValidHost(url: string): boolean {
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}
