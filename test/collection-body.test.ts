import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectionByteLength, COLLECTION_SIZE_MEASURED_UP_TO, compactJsonByteLength, compactJsonFitsWithin } from '../src/batch/collection-body.js';
import { lintText } from '../src/index.js';
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

test('collectionByteLength is exact up to 8 MiB and a lower bound past it', () => {
  const small: JsonValue[] = [{ id: 'a' }, { id: 'b', commandLine: 'é' }];
  assert.deepEqual(collectionByteLength(small), { bytes: serializedLength(small), exact: true });
  const task = { id: 'x', commandLine: 'y'.repeat(1000) };
  const justUnder = Array.from({ length: Math.floor(COLLECTION_SIZE_MEASURED_UP_TO / (serializedLength(task) + 1)) }, () => task);
  assert.ok(serializedLength(justUnder) <= COLLECTION_SIZE_MEASURED_UP_TO);
  assert.deepEqual(collectionByteLength(justUnder), { bytes: serializedLength(justUnder), exact: true });
  const over = [...justUnder, task, task];
  assert.ok(serializedLength(over) > COLLECTION_SIZE_MEASURED_UP_TO);
  assert.deepEqual(collectionByteLength(over), { bytes: COLLECTION_SIZE_MEASURED_UP_TO, exact: false });
});

test('collection-too-large says "more than 8388608 bytes" for a collection past the measuring cap', async () => {
  const task = { id: 'x', commandLine: 'y'.repeat(1000) };
  const tasks = Array.from({ length: 9000 }, (_, index) => ({ ...task, id: `t${index}` }));
  const result = await lintText(JSON.stringify({ value: tasks }), {
    useConfigLookup: false,
    config: { content: { extends: [], rules: { 'collection-too-large': 'error', 'collection-size-near-limit': 'warn' } }, directory: process.cwd() },
  });
  assert.deepEqual(
    result.messages.map((message) => [message.ruleId, message.messageId, message.message]),
    [['collection-too-large', 'collectionFarTooLarge', 'The add-collection tasks serialize to more than 8388608 bytes; the service rejects 1 MB (1048576 bytes) or more']],
  );
});
