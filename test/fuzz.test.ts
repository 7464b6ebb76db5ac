import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { applyMutation, caseBytes, checkPipeline, createWorkspace, fuzzCase, loadSeedTexts } from './fuzz/fuzz-pipeline.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Fixed, so CI is repeatable; BATCHLINT_FUZZ_SEED explores elsewhere. `npm run fuzz` runs long. */
const SEED = Number(process.env.BATCHLINT_FUZZ_SEED ?? 20261129);

describe('fuzzing the pipeline (short run)', () => {
  const seeds = loadSeedTexts(projectRoot);

  test('seeds come from the fixtures (and ../shared when present)', () => {
    assert.ok(seeds.length >= 100, `only ${seeds.length} seed files`);
    assert.ok(seeds.every((text) => text.length <= 256 * 1024));
  });

  test('mutations do what they say', () => {
    const bytes = Buffer.from('{"id":"a","value":[1,2]}');
    assert.equal(applyMutation(bytes, { kind: 'truncate', at: 5 }).toString(), '{"id"');
    assert.equal(applyMutation(bytes, { kind: 'flipByte', at: 0, byte: 0x5b }).toString(), '["id":"a","value":[1,2]}');
    assert.equal(applyMutation(bytes, { kind: 'duplicateKey', at: 0, key: 'id', value: '1e400' }).toString(), '{"id":1e400,"id":"a","value":[1,2]}');
    assert.equal(applyMutation(bytes, { kind: 'replaceValue', at: 1, replacement: '-0' }).toString(), '{"id":"a","value":-0}');
    assert.equal(applyMutation(bytes, { kind: 'renameKey', at: 1, key: '__proto__' }).toString(), '{"id":"a","__proto__":[1,2]}');
    assert.equal(applyMutation(bytes, { kind: 'nestDeep', at: 0, depth: 2, brackets: '[]' }).toString(), '{"id":[["a"]],"value":[1,2]}');
    assert.deepEqual([...applyMutation(Buffer.from('{}'), { kind: 'encode', encoding: 'utf16be' })], [0xfe, 0xff, 0, 0x7b, 0, 0x7d]);
  });

  test('200 mutated and generated bodies: no throw, no rule crash, positions inside the document, valid JSON/SARIF, terminal-safe text', async () => {
    const workspace = createWorkspace();
    try {
      await fc.assert(
        fc.asyncProperty(fuzzCase(seeds.length), async (fuzz) => {
          await checkPipeline(caseBytes(fuzz, seeds), fuzz.siblingJob, workspace);
        }),
        { numRuns: 200, seed: SEED, endOnFailure: false },
      );
    } finally {
      workspace.remove();
    }
  });
});
