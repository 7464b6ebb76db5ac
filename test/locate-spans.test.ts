import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../src/document/line-index.js';
import { scanSpans } from '../src/document/json-scanner.js';
import { locateSpans } from '../src/document/locate-spans.js';

// The differential property test of both locateSpans paths lives in json-scanner.test.ts, next to
// the document generator it shares with the duplicate-key tests.

describe('locateSpans', () => {
  const text = '{\n\t"id": "t1",\n\t"a/b": {"~x": [10, {"k": null}]}\n}';

  it('gives key and value spans by RFC 6901 pointer, with tabs counted as one unit', () => {
    assert.deepEqual(Object.fromEntries(locateSpans(text, ['', '/id', '/a~1b/~0x/1/k', '/a~1b/~0x/0'])), {
      '': { valueStart: 0, valueEnd: 50 },
      '/id': { keyStart: 3, keyEnd: 7, valueStart: 9, valueEnd: 13 },
      '/a~1b/~0x/1/k': { keyStart: 36, keyEnd: 39, valueStart: 41, valueEnd: 45 },
      '/a~1b/~0x/0': { valueStart: 31, valueEnd: 33 },
    });
  });

  it('leaves out pointers that do not exist or are malformed', () => {
    const spans = locateSpans(text, ['/missing', '/id/0', '/a~1b/~0x/2', 'id', '/a~2b', '/__proto__', '/constructor']);
    assert.deepEqual([...spans], []);
  });

  it('reports the member JSON.parse keeps when a key repeats', () => {
    const repeated = '{"a": {"b": 1}, "a": [2]}';
    assert.deepEqual(Object.fromEntries(locateSpans(repeated, ['/a', '/a/b', '/a/0'])), {
      '/a': { keyStart: 16, keyEnd: 19, valueStart: 21, valueEnd: 24 },
      '/a/0': { valueStart: 22, valueEnd: 23 },
    });
  });

  it('falls back to the scan for nesting too deep for json-source-map', () => {
    const depth = 100_000;
    const deep = '['.repeat(depth) + '"x"' + ']'.repeat(depth);
    const bottom = '/0'.repeat(depth);
    assert.deepEqual(Object.fromEntries(locateSpans(deep, [bottom])), {
      [bottom]: { valueStart: depth, valueEnd: depth + 3 },
    });
  });

  it('scans documents above 2,000,000 characters with the same result', () => {
    const big = '{"pad": "' + 'x'.repeat(2_000_000) + '", "tasks": [{"id": "a"}, {"id": "b"}]}';
    const pointers = ['/tasks/1/id', '/pad'];
    assert.deepEqual(Object.fromEntries(locateSpans(big, pointers)), Object.fromEntries(scanSpans(big, pointers)));
    assert.deepEqual(locateSpans(big, pointers).get('/tasks/1/id'), {
      keyStart: 2_000_036,
      keyEnd: 2_000_040,
      valueStart: 2_000_042,
      valueEnd: 2_000_045,
    });
  });
});

describe('LineIndex', () => {
  it('counts 1-based lines and UTF-16 columns, a tab as one column', () => {
    const index = new LineIndex('{\n\t"a": 1\n}');
    assert.deepEqual(index.position(0), { line: 1, column: 1 });
    assert.deepEqual(index.position(1), { line: 1, column: 2 });
    assert.deepEqual(index.position(2), { line: 2, column: 1 });
    assert.deepEqual(index.position(3), { line: 2, column: 2 });
    assert.deepEqual(index.position(10), { line: 3, column: 1 });
  });

  it('treats CRLF as one break and a lone CR as a break', () => {
    const index = new LineIndex('a\r\nb\rc\n\nd');
    assert.deepEqual(index.position(1), { line: 1, column: 2 }); // the CR
    assert.deepEqual(index.position(2), { line: 1, column: 3 }); // the LF of CRLF
    assert.deepEqual(index.position(3), { line: 2, column: 1 });
    assert.deepEqual(index.position(5), { line: 3, column: 1 });
    assert.deepEqual(index.position(7), { line: 4, column: 1 });
    assert.deepEqual(index.position(8), { line: 5, column: 1 });
  });

  it('counts an astral character as two columns', () => {
    const index = new LineIndex('"\u{1F600}": x');
    assert.deepEqual(index.position(3), { line: 1, column: 4 });
    assert.deepEqual(index.position(5), { line: 1, column: 6 });
  });

  it('accepts the offset at the end of the text and clamps beyond it', () => {
    const index = new LineIndex('ab\n');
    assert.deepEqual(index.position(3), { line: 2, column: 1 });
    assert.deepEqual(index.position(99), { line: 2, column: 1 });
    assert.deepEqual(index.position(-5), { line: 1, column: 1 });
    assert.deepEqual(new LineIndex('').position(0), { line: 1, column: 1 });
  });

  it('indexes many thousands of lines', () => {
    const text = '\t"x",\r\n'.repeat(5000);
    const index = new LineIndex(text);
    assert.deepEqual(index.position(7 * 4321 + 2), { line: 4322, column: 3 });
    assert.deepEqual(index.position(text.length), { line: 5001, column: 1 });
  });

  for (const stride of [1, 2, 3, 128]) {
    it(`agrees with a naive line count on mixed line breaks, keeping every ${stride === 1 ? '' : `${stride}th `}line start`, () => {
      agreesWithNaiveCount('x\r\n\r\ry\n\t\u{1F600}\rz\r\n', stride);
      agreesWithNaiveCount('a\nbb\n\nccc\n'.repeat(50), stride);
      agreesWithNaiveCount('\r\r\n\n\r'.repeat(40) + 'end', stride);
    });
  }
});

function agreesWithNaiveCount(text: string, stride: number): void {
  const index = new LineIndex(text, stride);
  let line = 1;
  let column = 1;
  for (let offset = 0; offset <= text.length; offset++) {
    assert.deepEqual(index.position(offset), { line, column }, `offset ${offset}`);
    const code = text.charCodeAt(offset);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(offset + 1) !== 0x0a)) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
}
