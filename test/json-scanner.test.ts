import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { escapePointerSegment, resolvePointer } from '../src/document/json-pointer.js';
import {
  SYNTAX_MESSAGES,
  findDuplicateKeys,
  findSyntaxError,
  mayHaveDuplicateKeys,
  scanSpans,
  type SyntaxMessageId,
} from '../src/document/json-scanner.js';
import { locateSpans } from '../src/document/locate-spans.js';

const DEEP = 100_000;

function syntaxError(text: string): [SyntaxMessageId, number, number, Record<string, string>] | undefined {
  const problem = findSyntaxError(text);
  return problem === undefined ? undefined : [problem.messageId, problem.offset, problem.endOffset, problem.data];
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findSyntaxError', () => {
  const cases: Array<[string, SyntaxMessageId, number, number, Record<string, string>]> = [
    ['', 'emptyDocument', 0, 0, {}],
    [' \r\n\t', 'emptyDocument', 0, 0, {}],
    ['{"a":1,}', 'trailingComma', 6, 7, {}],
    ['[1, 2 ,\n]', 'trailingComma', 6, 7, {}],
    ['// x\n{}', 'comment', 0, 4, {}],
    ['{"a": 1 // note\r\n}', 'comment', 8, 15, {}],
    ['{ /* a\nb */ "a": 1}', 'comment', 2, 11, {}],
    ['[1 /* open', 'comment', 3, 10, {}],
    ["{'a': 1}", 'singleQuotedString', 1, 4, {}],
    ["['it\\'s']", 'singleQuotedString', 1, 8, {}],
    ["['open\n]", 'singleQuotedString', 1, 2, {}],
    ['{id: 1}', 'unquotedPropertyName', 1, 3, { name: 'id' }],
    ['{"a": 1, b_2: 2}', 'unquotedPropertyName', 9, 12, { name: 'b_2' }],
    ['"abc', 'unterminatedString', 0, 4, {}],
    ['["a\\', 'unterminatedString', 1, 4, {}],
    ['"a\\xb"', 'invalidEscape', 2, 4, { escape: '\\x' }],
    ['"\\u00G0"', 'invalidEscape', 1, 6, { escape: '\\u00G' }],
    ['"\\\t"', 'invalidEscape', 1, 3, { escape: '\\<U+0009 (tab)>' }],
    ['"a\nb"', 'controlCharacterInString', 2, 3, { character: 'U+000A (line feed)', escape: '\\n' }],
    ['"\u0001"', 'controlCharacterInString', 1, 2, { character: 'U+0001', escape: '\\u0001' }],
    ['[01]', 'invalidNumber', 1, 3, { number: '01', hint: 'leading zeros are not allowed, so remove them or quote the value as a string' }],
    ['[+1]', 'invalidNumber', 1, 3, { number: '+1', hint: "JSON numbers have no leading '+', so remove it" }],
    ['[.5]', 'invalidNumber', 1, 3, { number: '.5', hint: "write a digit before the decimal point, as in '0.5'" }],
    ['[1.]', 'invalidNumber', 1, 3, { number: '1.', hint: "write a digit after the decimal point, or remove the '.'" }],
    ['[1.e5]', 'invalidNumber', 1, 5, { number: '1.e5', hint: "write a digit after the decimal point, or remove the '.'" }],
    ['[1e]', 'invalidNumber', 1, 3, { number: '1e', hint: 'write the digits of the exponent' }],
    ['[NaN]', 'invalidNumber', 1, 4, { number: 'NaN', hint: 'JSON has no NaN or Infinity, so use null or a string' }],
    ['{"a": -Infinity}', 'invalidNumber', 6, 15, { number: '-Infinity', hint: 'JSON has no NaN or Infinity, so use null or a string' }],
    ['[0x1F]', 'invalidNumber', 1, 5, { number: '0x1F', hint: 'JSON numbers are decimal, so write it in decimal' }],
    ['[-]', 'invalidNumber', 1, 2, { number: '-', hint: "write a decimal number such as '42', '-1.5' or '1e6'" }],
    ['[1.2.3]', 'invalidNumber', 1, 6, { number: '1.2.3', hint: "write a decimal number such as '42', '-1.5' or '1e6'" }],
    ['{"a":1 "b":2}', 'missingComma', 7, 8, { between: 'properties' }],
    ['[1\n2]', 'missingComma', 3, 4, { between: 'array elements' }],
    ['[{} {}]', 'missingComma', 4, 5, { between: 'array elements' }],
    ['{"a" 1}', 'missingColon', 5, 6, { name: '"a"' }],
    ['{} []', 'unexpectedContentAfterValue', 3, 5, {}],
    ['1 2 \n', 'unexpectedContentAfterValue', 2, 3, {}],
    ['{"startTask": <Task start value>}', 'placeholder', 14, 32, { placeholder: '<Task start value>' }],
    ['[<>]', 'unexpectedCharacter', 1, 2, { character: "'<'", expected: "a value or ']'" }],
    ['{"a":1', 'unexpectedEnd', 6, 6, { expected: "',' or '}'" }],
    ['[1,', 'unexpectedEnd', 3, 3, { expected: 'a value' }],
    ['{"a"', 'unexpectedEnd', 4, 4, { expected: "':'" }],
    ['{', 'unexpectedEnd', 1, 1, { expected: "a property name or '}'" }],
    ['[tru', 'unexpectedEnd', 4, 4, { expected: "'true'" }],
    ['[nul]', 'unexpectedCharacter', 4, 5, { character: "']'", expected: "'null'" }],
    ['[True]', 'unexpectedCharacter', 1, 5, { character: "'T'", expected: "a value or ']'" }],
    ['[1}', 'unexpectedCharacter', 2, 3, { character: "'}'", expected: "',' or ']'" }],
    ['{"a":1]', 'unexpectedCharacter', 6, 7, { character: "']'", expected: "',' or '}'" }],
    ['[1,,2]', 'unexpectedCharacter', 3, 4, { character: "','", expected: 'a value' }],
    ['{"a":}', 'unexpectedCharacter', 5, 6, { character: "'}'", expected: 'a value' }],
    ['{"a" = 1}', 'unexpectedCharacter', 5, 6, { character: "'='", expected: "':'" }],
    ['\uFEFF{}', 'unexpectedCharacter', 0, 1, { character: 'U+FEFF (byte order mark)', expected: 'a value' }],
    ['{"a":\u00A01}', 'unexpectedCharacter', 5, 6, { character: 'U+00A0 (no-break space)', expected: 'a value' }],
    ['[\u201Ca\u201D]', 'unexpectedCharacter', 1, 2, { character: "'\u201C'", expected: "a value or ']'" }],
    ['[\u{1F600}]', 'unexpectedCharacter', 1, 3, { character: "'\u{1F600}'", expected: "a value or ']'" }],
    ["{\"a\":1, 'b'}", 'singleQuotedString', 8, 11, {}],
    ['[1]\f', 'unexpectedContentAfterValue', 3, 4, {}],
    ['\v[]', 'unexpectedCharacter', 0, 1, { character: 'U+000B (vertical tab)', expected: 'a value' }],
  ];
  for (const [text, messageId, offset, endOffset, data] of cases) {
    it(`${JSON.stringify(text)} → ${messageId} at ${offset}..${endOffset}`, () => {
      assert.equal(parses(text), false, 'the case must be invalid JSON');
      assert.deepEqual(syntaxError(text), [messageId, offset, endOffset, data]);
    });
  }

  it('accepts exactly the whitespace JSON.parse accepts', () => {
    assert.equal(findSyntaxError(' \t\r\n[ 1 ,\t2 ]\r\n '), undefined);
  });

  it('accepts every valid JSON scalar edge case', () => {
    for (const text of ['0', '-0', '0.5e-7', '1E+2', '"\\u00e9\\/\\b"', '"\uD800"', 'true', 'null', '[]', '{}', '[[],{}]']) {
      assert.equal(parses(text), true, text);
      assert.equal(findSyntaxError(text), undefined, text);
    }
  });

  it(`validates ${DEEP}-deep arrays and finds an error at the bottom without recursion`, () => {
    const valid = '['.repeat(DEEP) + ']'.repeat(DEEP);
    assert.equal(findSyntaxError(valid), undefined);
    const broken = '['.repeat(DEEP) + '1,' + ']'.repeat(DEEP);
    assert.deepEqual(syntaxError(broken), ['trailingComma', DEEP + 1, DEEP + 2, {}]);
    const unclosed = '{"a":'.repeat(DEEP) + '1';
    assert.deepEqual(syntaxError(unclosed), ['unexpectedEnd', unclosed.length, unclosed.length, { expected: "',' or '}'" }]);
  });

  it('agrees with JSON.parse on every mutation of valid documents', () => {
    const interesting = [',', ':', '{', '}', '[', ']', '"', "'", '\\', '/', ' ', '0', '-', '+', '.', 'e', 'a', 'u', '\u0000', '\n', '\t', '\u00a0'];
    fc.assert(
      fc.property(
        documentArbitrary,
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...interesting),
        fc.constantFrom('delete', 'insert', 'replace'),
        (document, where, seed, character, mutation) => {
          const text = render(document, seed);
          const at = where % (text.length + 1);
          const mutated =
            mutation === 'delete'
              ? text.slice(0, at) + text.slice(at + 1)
              : mutation === 'insert'
                ? text.slice(0, at) + character + text.slice(at)
                : text.slice(0, at) + character + text.slice(at + 1);
          const problem = findSyntaxError(mutated);
          assert.equal(problem === undefined, parses(mutated), JSON.stringify(mutated));
          if (problem !== undefined) {
            assert.ok(problem.offset >= 0 && problem.offset <= problem.endOffset && problem.endOffset <= mutated.length);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with JSON.parse on arbitrary short texts', () => {
    const jsonish = fc.string({ unit: fc.constantFrom(...'{}[],:"\\ \n01-.eE+tfnrulsa/*\'<>'), maxLength: 12 });
    fc.assert(
      fc.property(jsonish, (text) => {
        assert.equal(findSyntaxError(text) === undefined, parses(text), JSON.stringify(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('never throws or hangs in the valid-JSON-only scanners when handed invalid text', () => {
    const jsonish = fc.string({ unit: fc.constantFrom(...'{}[],:"\\ 0au/~'), maxLength: 16 });
    fc.assert(
      fc.property(jsonish, (text) => {
        scanSpans(text, ['', '/a', '/0', '/a/0', '/0/a']);
        findDuplicateKeys(text);
      }),
      { numRuns: 5000 },
    );
  });

  it('has a one-sentence template without a trailing period for every message id', () => {
    for (const [id, template] of Object.entries(SYNTAX_MESSAGES)) {
      assert.ok(!template.endsWith('.'), id);
      assert.ok(!/\.\s/.test(template), `${id} has one sentence`);
    }
  });

  it('only uses placeholders the problems fill', () => {
    const filled = new Map<SyntaxMessageId, Set<string>>();
    const samples = cases.map(([text]) => findSyntaxError(text)!);
    for (const sample of samples) {
      const keys = filled.get(sample.messageId) ?? new Set<string>();
      for (const key of Object.keys(sample.data)) keys.add(key);
      filled.set(sample.messageId, keys);
    }
    for (const [id, keys] of filled) {
      const wanted = [...SYNTAX_MESSAGES[id].matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      assert.deepEqual([...new Set(wanted)].sort(), [...keys].sort(), id);
    }
  });
});

describe('findDuplicateKeys', () => {
  it('compares keys by decoded value and points every repeat at the first occurrence', () => {
    const text = '{"a":1,"b":{"x/y":[{"k":1,"\\u006b":2,"k":3}]},"a":2}';
    assert.deepEqual(findDuplicateKeys(text), [
      { pointer: '/b/x~1y/0/k', keyStart: 26, keyEnd: 34, firstKeyStart: 20, firstKeyEnd: 23 },
      { pointer: '/b/x~1y/0/k', keyStart: 37, keyEnd: 40, firstKeyStart: 20, firstKeyEnd: 23 },
      { pointer: '/a', keyStart: 46, keyEnd: 49, firstKeyStart: 1, firstKeyEnd: 4 },
    ]);
  });

  it('finds "a" and "\\u0061" to be the same key', () => {
    assert.deepEqual(findDuplicateKeys('{"a": 1, "\\u0061": 2}'), [
      { pointer: '/a', keyStart: 9, keyEnd: 17, firstKeyStart: 1, firstKeyEnd: 4 },
    ]);
  });

  it('treats equal keys in different objects as distinct', () => {
    assert.deepEqual(findDuplicateKeys('[{"a":1},{"a":2}]'), []);
    assert.deepEqual(findDuplicateKeys('{"a":{"a":{"a":1}}}'), []);
  });

  it('handles "__proto__" and keys with quotes and backslashes', () => {
    const text = '{"__proto__":1,"q\\"\\\\":2,"__proto__":3,"q\\"\\u005c":4}';
    assert.deepEqual(
      findDuplicateKeys(text).map((duplicate) => [duplicate.pointer, text.slice(duplicate.keyStart, duplicate.keyEnd)]),
      [
        ['/__proto__', '"__proto__"'],
        ['/q"\\', '"q\\"\\u005c"'],
      ],
    );
  });

  it(`finds a duplicate at the bottom of ${DEEP}-deep nesting`, () => {
    const text = '{"a":'.repeat(DEEP) + '{"z":1,"z":2}' + '}'.repeat(DEEP);
    const [duplicate, ...rest] = findDuplicateKeys(text);
    assert.deepEqual(rest, []);
    assert.equal(duplicate?.pointer, '/a'.repeat(DEEP) + '/z');
    assert.equal(duplicate?.keyStart, 5 * DEEP + 7);
  });

  it('matches an independent oracle on generated documents', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.nat(), (document, seed) => {
        const text = render(document, seed);
        const found = findDuplicateKeys(text);
        assert.deepEqual(
          found.map((duplicate) => duplicate.pointer),
          expectedDuplicatePointers(document),
        );
        for (const duplicate of found) {
          const key = JSON.parse(text.slice(duplicate.keyStart, duplicate.keyEnd)) as string;
          assert.equal(JSON.parse(text.slice(duplicate.firstKeyStart, duplicate.firstKeyEnd)), key);
          assert.ok(duplicate.pointer.endsWith('/' + escapePointerSegment(key)));
          assert.ok(duplicate.firstKeyStart < duplicate.keyStart);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('mayHaveDuplicateKeys', () => {
  it('is false for documents without duplicates, including colons in keys and strings', () => {
    const text = '{"a:b": "c:d:e", "list": [{"x": "http://host:80"}, ":"], "n": 1}';
    assert.equal(mayHaveDuplicateKeys(text, JSON.parse(text)), false);
    assert.equal(mayHaveDuplicateKeys('[1, "a", null]', [1, 'a', null]), false);
    assert.equal(mayHaveDuplicateKeys('"a:b"', 'a:b'), false);
  });

  it('is true for a duplicate anywhere', () => {
    const text = '{"a": 1, "b": {"c": 1, "c": 2}}';
    assert.equal(mayHaveDuplicateKeys(text, JSON.parse(text)), true);
    const emptyDuplicate = '[{"": 1, "": 1}]';
    assert.equal(mayHaveDuplicateKeys(emptyDuplicate, JSON.parse(emptyDuplicate)), true);
  });

  it('answers true when an escaped colon could hide a duplicate', () => {
    // The first member's value carries a ':' the text count cannot see, hiding the lost member.
    const text = '{"a": "\\u003a", "a": 1}';
    assert.equal(mayHaveDuplicateKeys(text, JSON.parse(text)), true);
    const upper = '{"k\\u003A": 1}';
    assert.equal(mayHaveDuplicateKeys(upper, JSON.parse(upper)), true);
  });

  it(`walks ${DEEP}-deep values without recursion`, () => {
    const text = '{"a":'.repeat(DEEP) + '[[]]' + '}'.repeat(DEEP);
    assert.equal(mayHaveDuplicateKeys(text, JSON.parse(text)), false);
    const arrays = '['.repeat(DEEP) + '{"a":1,"a":2}' + ']'.repeat(DEEP);
    assert.equal(mayHaveDuplicateKeys(arrays, JSON.parse(arrays)), true);
  });

  it('never misses a duplicate, and is exact when no colon is escaped', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.nat(), (document, seed) => {
        const text = render(document, seed);
        const hasDuplicates = findDuplicateKeys(text).length > 0;
        const answer = mayHaveDuplicateKeys(text, JSON.parse(text));
        if (hasDuplicates) assert.equal(answer, true);
        if (!text.includes('\\u003')) assert.equal(answer, hasDuplicates);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('scanSpans', () => {
  it('finds keys and values, skipping unrequested subtrees', () => {
    const text = '{"skip": {"a": [1, "]}"]}, "a": [1, {"b" : "x"}], "c": {}}';
    assert.deepEqual(
      Object.fromEntries(scanSpans(text, ['', '/a', '/a/1/b', '/c', '/zz', '/a/5', '/a/1/b/0'])),
      {
        '': { valueStart: 0, valueEnd: 58 },
        '/a': { keyStart: 27, keyEnd: 30, valueStart: 32, valueEnd: 48 },
        '/a/1/b': { keyStart: 37, keyEnd: 40, valueStart: 43, valueEnd: 46 },
        '/c': { keyStart: 50, keyEnd: 53, valueStart: 55, valueEnd: 57 },
      },
    );
  });

  it('uses the last occurrence of a duplicate key, as JSON.parse does', () => {
    const text = '{"a": {"b": 1}, "a": {"c": 2}}';
    assert.deepEqual(Object.fromEntries(scanSpans(text, ['/a', '/a/b', '/a/c'])), {
      '/a': { keyStart: 16, keyEnd: 19, valueStart: 21, valueEnd: 29 },
      '/a/c': { keyStart: 22, keyEnd: 25, valueStart: 27, valueEnd: 28 },
    });
  });

  it('treats pointers with bad escapes or no leading slash as absent', () => {
    assert.deepEqual([...scanSpans('{"~2": 1, "a": 2}', ['/~2', 'a', '/~'])], []);
  });

  it(`reaches the bottom of ${DEEP}-deep arrays`, () => {
    const text = '['.repeat(DEEP) + '7' + ']'.repeat(DEEP);
    const bottom = '/0'.repeat(DEEP);
    assert.deepEqual(Object.fromEntries(scanSpans(text, [bottom, '/0'])), {
      [bottom]: { valueStart: DEEP, valueEnd: DEEP + 1 },
      '/0': { valueStart: 1, valueEnd: text.length - 1 },
    });
  });

  it('agrees with the json-source-map path for every pointer of generated documents', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.nat(), (document, seed) => {
        const text = render(document, seed);
        const value: unknown = JSON.parse(text);
        const present = allPointers(value);
        const absent = ['/absent', '/0/absent', '/~2', 'no-slash', ...present.slice(0, 3).map((pointer) => pointer + '/not-generated')];
        const requested = [...present, ...absent];
        const scanned = scanSpans(text, requested);
        const sourceMapped = locateSpans(text, requested);
        assert.deepEqual(sorted(scanned), sorted(sourceMapped));
        assert.deepEqual([...scanned.keys()].sort(), [...present].sort());
        for (const [pointer, span] of scanned) {
          assert.deepEqual(JSON.parse(text.slice(span.valueStart, span.valueEnd)), resolvePointer(value, pointer));
          if (span.keyStart !== undefined) {
            const key = JSON.parse(text.slice(span.keyStart, span.keyEnd)) as string;
            assert.ok(pointer.endsWith('/' + escapePointerSegment(key)));
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('scans a 50 MB single-line collection in about the time of JSON.parse', () => {
    const text = generatedCollection(50_000_000);
    const pointers = ['/value', '/value/0/id', '/value/123/commandLine', '/value/9999/resourceFiles/0/httpUrl', '/value/99999999'];
    let started = performance.now();
    JSON.parse(text);
    const parseMs = performance.now() - started;
    started = performance.now();
    const spans = scanSpans(text, pointers);
    const scanMs = performance.now() - started;
    assert.equal(text.slice(spans.get('/value/0/id')!.valueStart, spans.get('/value/0/id')!.valueEnd), '"task-0"');
    assert.ok(spans.has('/value/9999/resourceFiles/0/httpUrl'));
    assert.ok(!spans.has('/value/99999999'));
    // Generous bound: this checks the algorithm is a single linear pass, not machine speed.
    assert.ok(scanMs < parseMs * 3 + 500, `scanSpans took ${scanMs.toFixed(0)} ms, JSON.parse ${parseMs.toFixed(0)} ms`);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated documents: a tree keeps the member order and repeated keys that a parsed value loses.

type DocumentNode =
  | { kind: 'object'; members: Array<[string, DocumentNode]> }
  | { kind: 'array'; elements: DocumentNode[] }
  | { kind: 'scalar'; json: string };

const keyArbitrary = fc.oneof(
  fc.constantFrom('a', 'b', 'id', 'a/b', '~', '~1', 'x:y', '', 'é', '\u{1F600}', '__proto__', '"', '\\', '0'),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

const scalarArbitrary = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }).map((text) => JSON.stringify(text)),
  fc.constantFrom('"a:b"', '"http://x:1"', '"tab\\there"', '"\\ud83d\\ude00"'),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((number) => JSON.stringify(number)),
  fc.constantFrom('true', 'false', 'null', '-0', '1e+5', '0.25E-3'),
);

const documentArbitrary: fc.Arbitrary<DocumentNode> = fc.letrec<{ node: DocumentNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArbitrary.map((json): DocumentNode => ({ kind: 'scalar', json })),
    fc
      .array(fc.tuple(keyArbitrary, tie('node')), { maxLength: 5 })
      .map((members): DocumentNode => ({ kind: 'object', members })),
    fc.array(tie('node'), { maxLength: 5 }).map((elements): DocumentNode => ({ kind: 'array', elements })),
  ),
})).node;

const WHITESPACE = ['', '', ' ', '\t', '\n', '\r\n', '\r', '  \t', '\n\t\t'];

/** Serialise with whitespace and string escapes varied by a seeded generator. */
function render(document: DocumentNode, seed: number): string {
  let state = seed >>> 0 || 1;
  const next = (range: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % range;
  };
  const space = (): string => WHITESPACE[next(WHITESPACE.length)]!;
  /** Re-escape some unescaped code units of a string token as \\uXXXX, in upper or lower case hex. */
  const stringToken = (json: string): string => {
    let token = '"';
    for (let pos = 1; pos < json.length - 1; pos++) {
      const character = json.charAt(pos);
      if (character === '\\') {
        const escapeLength = json.charAt(pos + 1) === 'u' ? 6 : 2;
        token += json.slice(pos, pos + escapeLength);
        pos += escapeLength - 1;
      } else if (next(6) === 0) {
        const hex = character.charCodeAt(0).toString(16).padStart(4, '0');
        token += '\\u' + (next(2) === 0 ? hex : hex.toUpperCase());
      } else {
        token += character;
      }
    }
    return token + '"';
  };
  const write = (node: DocumentNode): string => {
    switch (node.kind) {
      case 'scalar':
        return node.json.startsWith('"') ? stringToken(node.json) : node.json;
      case 'array':
        return '[' + space() + node.elements.map((element) => write(element) + space()).join(',' + space()) + ']';
      case 'object':
        return (
          '{' +
          space() +
          node.members
            .map(([key, value]) => stringToken(JSON.stringify(key)) + space() + ':' + space() + write(value) + space())
            .join(',' + space()) +
          '}'
        );
    }
  };
  return space() + write(document) + space();
}

function expectedDuplicatePointers(document: DocumentNode): string[] {
  const pointers: string[] = [];
  const visit = (node: DocumentNode, pointer: string): void => {
    if (node.kind === 'array') node.elements.forEach((element, index) => visit(element, `${pointer}/${index}`));
    if (node.kind !== 'object') return;
    const seen = new Set<string>();
    for (const [key, value] of node.members) {
      const memberPointer = pointer + '/' + escapePointerSegment(key);
      if (seen.has(key)) pointers.push(memberPointer);
      seen.add(key);
      visit(value, memberPointer);
    }
  };
  visit(document, '');
  return pointers;
}

function allPointers(value: unknown): string[] {
  const pointers: string[] = [];
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length > 0) {
    const [current, pointer] = pending.pop()!;
    pointers.push(pointer);
    if (Array.isArray(current)) current.forEach((element, index) => pending.push([element, `${pointer}/${index}`]));
    else if (current !== null && typeof current === 'object') {
      for (const [key, member] of Object.entries(current)) pending.push([member, pointer + '/' + escapePointerSegment(key)]);
    }
  }
  return pointers;
}

function sorted<T>(map: Map<string, T>): Array<[string, T]> {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A `{"value":[...]}` add-collection body of about `size` characters, on one line. */
function generatedCollection(size: number): string {
  const tasks: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index++) {
    const task = JSON.stringify({
      id: `task-${index}`,
      commandLine: `/bin/bash -c "echo {\\"n\\": ${index}} && sleep 1"`,
      resourceFiles: [{ httpUrl: `https://account.blob.core.windows.net/c/input-${index}.dat?sv=2024&sig=abc%3D`, filePath: `in/${index}.dat` }],
      environmentSettings: [{ name: 'MODE', value: '[fast]' }],
      constraints: { maxTaskRetryCount: 2, maxWallClockTime: 'PT1H' },
    });
    tasks.push(task);
    length += task.length + 1;
  }
  return '{"value":[' + tasks.join(',') + ']}';
}
