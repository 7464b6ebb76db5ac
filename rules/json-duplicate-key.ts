import { defineRule } from '../src/rule-api.js';

/** Reported by the document loader, which alone sees the text that `JSON.parse` merged. */
export default defineRule({
  id: 'json-duplicate-key',
  summary: 'Disallow the same property name twice in one JSON object',
  rationale:
    'JSON parsers keep only one of two members with the same name, and which one differs between parsers: the value batchlint, your editor and the Batch service each read may not be the one you meant. A duplicated `commandLine` or `constraints` silently changes what the task does.',
  howToFix: 'Delete one of the two members, keeping the value you mean.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'document',
  messages: {
    duplicateKey: 'Property "{name}" is defined again here (first on line {firstLine}); only one of the two values survives parsing, so remove one',
  },
  check() {},
});
