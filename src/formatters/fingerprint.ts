import { createHash } from 'node:crypto';

export interface FingerprintInput {
  ruleId: string;
  /** Repository-relative path of the document. */
  filePath: string;
  /**
   * JSON location anchored on the enclosing entity's id rather than its array index, e.g.
   * `task[render-0042]/resourceFiles/0/httpUrl`, so that inserting a task or re-indenting the
   * file leaves every other fingerprint alone.
   */
  anchor: string;
  /** The offending value, normalised by the pipeline. */
  value: string;
}

/**
 * Bumped only when the digest recipe changes: every baseline entry and every GitHub alert is
 * keyed by these digests, so a silent change would reopen all of them at once.
 */
const FINGERPRINT_RECIPE = 'batchlint-fingerprint/1';

/**
 * The identity shared by the baseline, suppressions and SARIF's `primaryLocationLineHash`:
 * the first 32 hex digits of a SHA-256 over the parts.
 */
export function computeFingerprint(input: FingerprintInput): string {
  // A JSON array keeps the parts apart whatever characters they hold: no separator can be
  // forged by a value that happens to contain it.
  const parts = [FINGERPRINT_RECIPE, input.ruleId, normaliseRepositoryPath(input.filePath), input.anchor, input.value];
  return createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex').slice(0, 32);
}

/** A Windows checkout and a Linux runner must agree on the same file's fingerprints. */
function normaliseRepositoryPath(filePath: string): string {
  let normalised = filePath.replace(/\\/g, '/');
  while (normalised.startsWith('./')) normalised = normalised.slice(2);
  return normalised;
}
