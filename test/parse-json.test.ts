import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJson } from '../src/document/parse-json.js';

describe('parseJson', () => {
  it('returns the parsed value', () => {
    assert.deepEqual(parseJson('{"value": [{"id": "t1"}]}'), { ok: true, value: { value: [{ id: 't1' }] } });
  });

  it('keeps "__proto__" as an own member, not a prototype', () => {
    const parsed = parseJson('{"__proto__": {"polluted": true}}');
    assert.ok(parsed.ok);
    const value = parsed.value as Record<string, unknown>;
    assert.ok(Object.prototype.hasOwnProperty.call(value, '__proto__'));
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
  });

  it('explains a failure with the scanner, never with the engine text', () => {
    assert.deepEqual(parseJson('{"a": 1,}'), {
      ok: false,
      problem: { offset: 7, endOffset: 8, messageId: 'trailingComma', data: {} },
    });
    assert.deepEqual(parseJson(''), { ok: false, problem: { offset: 0, endOffset: 0, messageId: 'emptyDocument', data: {} } });
    assert.deepEqual(parseJson('// comment\n{}'), {
      ok: false,
      problem: { offset: 0, endOffset: 10, messageId: 'comment', data: {} },
    });
  });

  it('parses 100,000-deep nesting (V8 parses iteratively, so nothing is too deep)', () => {
    const depth = 100_000;
    const parsed = parseJson('['.repeat(depth) + ']'.repeat(depth));
    assert.equal(parsed.ok, true);
    const broken = parseJson('['.repeat(depth) + '}');
    assert.deepEqual(broken, {
      ok: false,
      problem: { offset: depth, endOffset: depth + 1, messageId: 'unexpectedCharacter', data: { character: "'}'", expected: "a value or ']'" } },
    });
  });
});
