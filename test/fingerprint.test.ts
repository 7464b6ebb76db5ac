import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('survives inserting a task before the finding and re-indenting the file, when anchored on the task id', () => {
    const original = '{"value":[{"id":"render-0042","resourceFiles":[{"httpUrl":"https://x.test/a.blend"}]}]}';
    const edited = JSON.stringify(
      { value: [{ id: 'prepare-0001', commandLine: 'true' }, ...JSON.parse(original).value] },
      null,
      4,
    );
    const fingerprintsOf = (text: string) => {
      const tasks: Array<{ id: string; resourceFiles: Array<{ httpUrl: string }> }> = JSON.parse(text).value;
      const index = tasks.findIndex((task) => task.id === 'render-0042');
      const value = tasks[index]!.resourceFiles[0]!.httpUrl;
      return {
        byId: computeFingerprint({ ...base, anchor: 'task[render-0042]/resourceFiles/0/httpUrl', value }),
        byIndex: computeFingerprint({ ...base, anchor: `/value/${index}/resourceFiles/0/httpUrl`, value }),
      };
    };
    const before = fingerprintsOf(original);
    const after = fingerprintsOf(edited);
    assert.equal(after.byId, before.byId);
    // The index-based pointer is what the anchor protects against: it moves with the insertion.
    assert.notEqual(after.byIndex, before.byIndex);
  });

  it('is the same for Windows and POSIX spellings of the repository path', () => {
    assert.equal(computeFingerprint({ ...base, filePath: 'tasks\\render.json' }), computeFingerprint(base));
    assert.equal(computeFingerprint({ ...base, filePath: './tasks/render.json' }), computeFingerprint(base));
  });
});

describe('fingerprints through the whole pipeline', () => {
  const inverted = { id: 'render-0042', commandLine: '/bin/sh -c true', dependsOn: { taskIdRanges: [{ start: 5, end: 2 }] } };

  async function lintCollection(tasks: object[], indent: number, lineEnding = '\n') {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-fingerprint-'));
    try {
      const text = JSON.stringify({ value: tasks }, null, indent).replace(/\n/g, lineEnding);
      fs.writeFileSync(path.join(directory, 'tasks.json'), text);
      // Imported here so that a pipeline broken mid-edit fails this test only.
      const { lint } = await import('../src/lint.js');
      const run = await lint({ cwd: directory, patterns: ['tasks.json'], useConfigLookup: false });
      return run.results.flatMap((result) => result.messages).filter((message) => message.ruleId === 'depends-on-range-inverted');
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  }

  it('keeps a finding\'s fingerprint when a task is inserted before it and the file is re-indented', async () => {
    const [original] = await lintCollection([inverted], 0);
    const edited = await lintCollection([{ id: 'prepare-0001', commandLine: '/bin/sh -c true' }, inverted], 4, '\r\n');
    assert.ok(original, 'the unedited file has the finding');
    assert.equal(edited.length, 1);
    // The position and the pointer moved; the identity did not.
    assert.notEqual(edited[0]!.line, original.line);
    assert.equal(edited[0]!.pointer, '/value/1/dependsOn/taskIdRanges/0');
    assert.equal(edited[0]!.fingerprint, original.fingerprint);
    const renamed = await lintCollection([{ ...inverted, id: 'render-0043' }], 0);
    assert.notEqual(renamed[0]!.fingerprint, original.fingerprint);
  });
});
