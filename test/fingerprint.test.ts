import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFingerprint, type FingerprintInput } from '../src/formatters/fingerprint.js';

const base: FingerprintInput = {
  ruleId: 'resource-file-http-needs-path',
  filePath: 'tasks/render.json',
  anchor: 'task[render-0042]/resourceFiles/0/httpUrl',
  value: 'https://example.blob.core.windows.net/in/scene.blend',
};

describe('computeFingerprint', () => {
  it('is 32 lowercase hex digits and pinned for a known input', () => {
    // Pinned: a change here reopens every GitHub alert and invalidates every baseline.
    assert.equal(computeFingerprint(base), computeFingerprint({ ...base }));
    assert.match(computeFingerprint(base), /^[0-9a-f]{32}$/);
    assert.equal(computeFingerprint(base), 'a54cda03b3e7229bee872d6578a008ce');
  });

  it('changes when any part changes', () => {
    const fingerprints = new Set([
      computeFingerprint(base),
      computeFingerprint({ ...base, ruleId: 'resource-file-path-absolute' }),
      computeFingerprint({ ...base, filePath: 'tasks/other.json' }),
      computeFingerprint({ ...base, anchor: 'task[render-0043]/resourceFiles/0/httpUrl' }),
      computeFingerprint({ ...base, value: 'https://example.blob.core.windows.net/in/other.blend' }),
    ]);
    assert.equal(fingerprints.size, 5);
  });

  it('cannot be forged by moving characters between parts', () => {
    const a = computeFingerprint({ ruleId: 'r', filePath: 'a', anchor: 'b/c', value: 'd' });
    const b = computeFingerprint({ ruleId: 'r', filePath: 'a', anchor: 'b', value: 'c/d' });
    const c = computeFingerprint({ ruleId: 'r', filePath: 'a"', anchor: ',"b/c', value: 'd' });
    assert.equal(new Set([a, b, c]).size, 3);
  });

  it('depends on the id-anchored location, so inserting a task before it or re-indenting changes nothing', () => {
    // The same finding before and after a task was inserted ahead of it: its array index moved
    // from 0 to 1 and its line moved, but the anchor the pipeline builds names the task by id.
    const before = computeFingerprint({ ...base, anchor: 'task[render-0042]/resourceFiles/0/httpUrl' });
    const after = computeFingerprint({ ...base, anchor: 'task[render-0042]/resourceFiles/0/httpUrl' });
    assert.equal(before, after);
    assert.notEqual(before, computeFingerprint({ ...base, anchor: '/value/1/resourceFiles/0/httpUrl' }));
  });

  it('is the same for Windows and POSIX spellings of the repository path', () => {
    assert.equal(computeFingerprint({ ...base, filePath: 'tasks\\render.json' }), computeFingerprint(base));
    assert.equal(computeFingerprint({ ...base, filePath: './tasks/render.json' }), computeFingerprint(base));
  });
});
