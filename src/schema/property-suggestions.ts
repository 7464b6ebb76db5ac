import { editDistance } from '../config/suggest-near-miss.js';

/**
 * "Did you mean" for property names, in order of confidence: a case variant, an SDK client name
 * (reference Part A.3), a snake_case spelling from SDK dumps, then a near miss by edit distance.
 */
export function suggestPropertyName(
  name: string,
  candidates: readonly string[],
  clientNames: Readonly<Record<string, string>>,
): string | undefined {
  const lower = name.toLowerCase();
  const caseVariant = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (caseVariant !== undefined) return caseVariant;

  const wireName = Object.prototype.hasOwnProperty.call(clientNames, name) ? clientNames[name] : undefined;
  if (wireName !== undefined && candidates.includes(wireName)) return wireName;

  if (name.includes('_')) {
    const camel = lower.replace(/_+([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()).toLowerCase();
    const fromSnake = candidates.find((candidate) => candidate.toLowerCase() === camel);
    if (fromSnake !== undefined) return fromSnake;
  }

  // Short names need a tighter bound, or every three-letter typo would "match" something.
  const limit = Math.min(2, Math.floor(name.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
