import { defineRule, isTemplateExpression, maskSecrets, parseUrl, rememberRecent, urlFields } from '../src/rule-api.js';

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
      const problem = urlProblem(url);
      if (problem === undefined) continue;
      const data = { field: field.field, url: maskSecrets(url) };
      const place = { pointer: field.pointer, fingerprintValue: data.url };
      if (problem.id === 'unsupportedScheme') context.report({ ...place, messageId: problem.id, data: { ...data, scheme: problem.scheme } });
      else context.report({ ...place, messageId: problem.id, data });
    }
  },
});

type UrlProblem = { id: 'whitespace' | 'notAbsolute' | 'noHost' } | { id: 'unsupportedScheme'; scheme: string };

/** What is wrong with a URL, if anything; the same container URLs recur across thousands of tasks. */
const urlProblem: (url: string) => UrlProblem | undefined = rememberRecent((url) => {
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return { id: 'whitespace' };
  const parts = parseUrl(url);
  if (parts.scheme === undefined) return { id: 'notAbsolute' };
  if (parts.scheme !== 'https' && parts.scheme !== 'http') return { id: 'unsupportedScheme', scheme: parts.scheme };
  if (parts.host === undefined || parts.host === '' || !isValidHost(url)) return { id: 'noHost' };
  return undefined;
});

/**
 * The authority of most Storage URLs: optional user info, DNS labels of letters, digits and
 * hyphens whose last one holds a letter and does not start `0x` (so it cannot be read as an IPv4
 * number), no punycode label (the WHATWG parser validates those), an optional port.
 */
const PLAIN_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?!(?:[^/?#:]*\.)?xn--)(?:[a-z0-9-]+\.)*(?!0x)[a-z0-9-]*[a-z][a-z0-9-]*(?::(\d{1,5}))?(?:[/?#]|$)/i;

function isValidHost(url: string): boolean {
  // new URL() is the judge; the common shape is answered without it (tested to agree).
  const plain = PLAIN_AUTHORITY.exec(url);
  if (plain !== null && (plain[1] === undefined || Number(plain[1]) <= 65535)) return true;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}
