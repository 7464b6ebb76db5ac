import { createRequire } from 'node:module';

/** The installed package's own manifest (dist/src/ → package root). */
const manifest = createRequire(import.meta.url)('../../package.json') as { version: string; name: string };

export const BATCHLINT_VERSION: string = manifest.version;

const DOCS_BASE = 'https://github.com/batchlint/batchlint/blob';

/** Rule docs pinned to the release that produced a finding, so links match the rule's behaviour. */
export function docsUrl(ruleId: string): string {
  return ruleId === '' ? `${DOCS_BASE}/v${BATCHLINT_VERSION}/README.md` : `${DOCS_BASE}/v${BATCHLINT_VERSION}/docs/rules/${ruleId}.md`;
}
