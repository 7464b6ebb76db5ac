/** Parse with `JSON.parse`; explain a failure with our own scanner, never with V8's message text. */

import { findSyntaxError, type SyntaxProblem } from './json-scanner.js';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: SyntaxProblem };

export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // V8's JSON.parse is iterative today; a RangeError would mean an engine that nests on the stack.
    if (error instanceof RangeError) {
      return { ok: false, problem: { offset: 0, endOffset: 0, messageId: 'tooDeep', data: {} } };
    }
    const problem = findSyntaxError(text) ?? {
      offset: 0,
      endOffset: 0,
      messageId: 'unexpectedCharacter',
      data: { character: 'unknown', expected: 'valid JSON' },
    };
    return { ok: false, problem };
  }
}
