import { defineRule } from '../src/rule-api.js';
import { SYNTAX_MESSAGES } from '../src/document/json-scanner.js';

/**
 * Reported by the document loader, not by `check`: a file that is not strict UTF-8 JSON yields
 * exactly one finding here and no other rule runs on it.
 */
export default defineRule({
  id: 'json-syntax',
  summary: 'Require every linted file to be strict, UTF-8 encoded JSON',
  rationale:
    'The Batch service parses request bodies as strict JSON: comments, trailing commas, single quotes, truncated files and text in other encodings are rejected with `InvalidRequestBody` before any property is looked at. batchlint stops at the first such problem in a file, so none of the other rules can vouch for it.',
  howToFix:
    'Fix the problem at the reported position. Save files as UTF-8 (a byte order mark is tolerated), remove comments and trailing commas, and replace sample placeholders such as `<Task start value>` with real values.',
  category: 'syntax',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'document',
  messages: {
    ...SYNTAX_MESSAGES,
    invalidUtf8: 'The file is not valid UTF-8 (byte {byte} here); save it as UTF-8',
    binaryContent: 'The file holds binary data ({byte} here), not JSON text',
  },
  check() {},
});
