import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactJsonByteLength, compactJsonFitsWithin } from '../src/batch/collection-body.js';
import type { JsonValue } from '../src/engine/rule-types.js';

const serializedLength = (value: JsonValue): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

test('compactJsonByteLength is the UTF-8 length of JSON.stringify, element by element for arrays', () => {
  const values: JsonValue[] = [
    [],
    [1],
    [{ id: 'a', commandLine: 'echo é 😀 "quoted" \\ back' }, null, true, 1e21, -0.5, 'x\u0000y', [[], {}]],
    { value: [{ id: '1' }, { id: '2', dependsOn: { taskIds: ['1'] } }] },
    'text with \u2028 and \ud83d',
    12345,
    null,
  ];
  for (const value of values) assert.equal(compactJsonByteLength(value), serializedLength(value), JSON.stringify(value));
});

test('compactJsonByteLength measures nesting too deep for the native serializer', () => {
  let deep: JsonValue = 'leaf';
  for (let level = 0; level < 200_000; level++) deep = [deep];
  const collection: JsonValue = [{ id: 'a' }, deep];
  // 200,000 brackets on each side of "leaf", plus the collection's own brackets, comma and first task.
  assert.equal(compactJsonByteLength(collection), 2 + 1 + serializedLength({ id: 'a' }) + 400_000 + 6);
});

test('compactJsonByteLength answers again for another array, and the same for the same one', () => {
  const first: JsonValue = [{ id: 'a' }];
  const second: JsonValue = [{ id: 'bb' }];
  assert.equal(compactJsonByteLength(first), 12);
  assert.equal(compactJsonByteLength(second), 13);
  assert.equal(compactJsonByteLength(first), 12);
});

test('compactJsonFitsWithin never claims a fit the exact length contradicts', () => {
  const values: JsonValue[] = [
    [{ httpUrl: 'https://a.blob.core.windows.net/c/f?sv=1&sig=x%2B', filePath: 'f' }],
    ['\u0000\u001f"\\', '😀é', -1.7976931348623157e308, 5e-324, 1e21, true, null, false],
    { '\u0001key': [[[]], {}], other: -0 },
  ];
  for (const value of values) {
    const exact = serializedLength(value);
    for (let limit = 0; limit <= exact * 7; limit++) {
      if (compactJsonFitsWithin(value, limit)) assert.ok(exact <= limit, `${JSON.stringify(value)} at ${limit}`);
    }
    assert.equal(compactJsonFitsWithin(value, exact * 6 + 200), true);
    assert.equal(compactJsonFitsWithin(value, exact - 1), false);
  }
});
