import fs from 'node:fs';

/**
 * The installed package's own manifest (dist/src/ → package root), read as a file: going through
 * require() would load the CommonJS loader's machinery for one JSON file at every start.
 */
const manifest = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  name: string;
  repository: { url: string };
};

export const BATCHLINT_VERSION: string = manifest.version;

/** The repository's web address, from package.json: the one place that names where batchlint lives. */
const REPOSITORY = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const DOCS_BASE = `${REPOSITORY}/blob`;

/** Rule docs pinned to the release that produced a finding, so links match the rule's behaviour. */
export function docsUrl(ruleId: string): string {
  return ruleId === '' ? `${DOCS_BASE}/v${BATCHLINT_VERSION}/README.md` : `${DOCS_BASE}/v${BATCHLINT_VERSION}/docs/rules/${ruleId}.md`;
}
