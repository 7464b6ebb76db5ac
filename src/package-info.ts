import { createRequire } from 'node:module';

/** The installed package's own manifest (dist/src/ → package root). */
const manifest = createRequire(import.meta.url)('../../package.json') as { version: string; name: string; repository: { url: string } };

export const BATCHLINT_VERSION: string = manifest.version;

/** The repository's web address, from package.json: the one place that names where batchlint lives. */
const REPOSITORY = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const DOCS_BASE = `${REPOSITORY}/blob`;

/** Rule docs pinned to the release that produced a finding, so links match the rule's behaviour. */
export function docsUrl(ruleId: string): string {
  return ruleId === '' ? `${DOCS_BASE}/v${BATCHLINT_VERSION}/README.md` : `${DOCS_BASE}/v${BATCHLINT_VERSION}/docs/rules/${ruleId}.md`;
}
