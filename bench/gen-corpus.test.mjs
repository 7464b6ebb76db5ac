// Checks that the benchmark corpora are what the benchmark claims: deterministic, the planted
// problems and only those, and readable by the floor. Run: node --test bench/
// No timing assertions here: speed is reported by run-bench.mjs, never asserted.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-bench-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function generate(name, ...args) {
  const out = path.join(scratch, name);
  const manifest = `${out}.problems.jsonl`;
  const run = spawnSync(process.execPath, [path.join(benchDir, 'gen-corpus.mjs'), '--out', out, '--manifest', manifest, ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const problems = fs.readFileSync(manifest, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return { out, problems };
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DURATION = /^P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const SHELL_PREFIX = /^(\/bin\/(ba)?sh -c |\/usr\/bin\/env bash -c )/;
const SHELL_SYNTAX = /[|&;<>$`*?]/;
const DEFECT_KINDS = ['id-invalid', 'id-duplicate', 'duration-invalid', 'retry-count-invalid', 'range-inverted',
  'string-in-integer-slot', 'identity-both', 'enum-invalid', 'shell-syntax-without-shell', 'sas-expired'];

// What every task outside the manifest must satisfy: the mistakes the generator can plant, absent.
function assertClean(task, where) {
  assert.match(task.id, ID, where);
  assert.match(task.constraints.maxWallClockTime, DURATION, where);
  assert.match(task.constraints.retentionTime, DURATION, where);
  assert.ok(Number.isInteger(task.constraints.maxTaskRetryCount) && task.constraints.maxTaskRetryCount >= -1, where);
  if ('requiredSlots' in task) assert.ok(Number.isInteger(task.requiredSlots) && task.requiredSlots >= 1 && task.requiredSlots <= 4, where);
  if (task.dependsOn) assert.ok(task.dependsOn.taskIds?.length > 0 || task.dependsOn.taskIdRanges?.length > 0, where);
  for (const range of task.dependsOn?.taskIdRanges ?? []) {
    assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end) && range.start <= range.end, where);
  }
  for (const exit of task.exitConditions?.exitCodes ?? []) assert.ok(Number.isInteger(exit.code), where);
  if (task.userIdentity) {
    assert.deepEqual(Object.keys(task.userIdentity), ['autoUser'], where);
    assert.ok(['task', 'pool'].includes(task.userIdentity.autoUser.scope), where);
    assert.equal(task.userIdentity.autoUser.elevationLevel, 'nonadmin', where);
  }
  for (const output of task.outputFiles) assert.ok(['taskcompletion', 'tasksuccess', 'taskfailure'].includes(output.uploadOptions.uploadCondition), where);
  if ('workingDirectory' in task.containerSettings) assert.equal(task.containerSettings.workingDirectory, 'taskWorkingDirectory', where);
  for (const exitOptions of Object.values(task.exitConditions ?? {}).flatMap((v) => (Array.isArray(v) ? v.map((e) => e.exitOptions) : [v]))) {
    if ('dependencyAction' in exitOptions) assert.ok(['satisfy', 'block'].includes(exitOptions.dependencyAction), where);
  }
  if (!SHELL_PREFIX.test(task.commandLine)) assert.doesNotMatch(task.commandLine, SHELL_SYNTAX, where);
  for (const year of JSON.stringify(task).matchAll(/se=(\d{4})-/g)) assert.ok(Number(year[1]) >= 2030, where);
  const filePaths = task.resourceFiles.map((file) => file.filePath);
  assert.equal(new Set(filePaths).size, filePaths.length, where);
}

// Dependency edges as the service reads them: taskIds case-insensitively, ranges over ids that
// are decimal integers. Also returns the taskIds entries that name no task, and the valid ranges
// that select none.
function dependencyGraph(tasks) {
  const byId = new Map();
  const numeric = [];
  tasks.forEach((task, index) => {
    const key = String(task.id).toLowerCase();
    byId.set(key, [...(byId.get(key) ?? []), index]);
    if (/^[0-9]+$/.test(task.id)) numeric.push([Number(task.id), index]);
  });
  numeric.sort((a, b) => a[0] - b[0]);
  const firstAtLeast = (value) => {
    let low = 0;
    let high = numeric.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (numeric[middle][0] < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const edges = tasks.map(() => []);
  const unknown = [];
  const emptyRanges = [];
  tasks.forEach((task, index) => {
    for (const id of task.dependsOn?.taskIds ?? []) {
      const targets = byId.get(id.toLowerCase());
      if (targets) edges[index].push(...targets);
      else unknown.push({ from: task.id, to: id });
    }
    for (const { start, end } of task.dependsOn?.taskIdRanges ?? []) {
      if (!Number.isInteger(start) || !Number.isInteger(end) || start > end) continue;
      const before = edges[index].length;
      for (let k = firstAtLeast(start); k < numeric.length && numeric[k][0] <= end; k++) edges[index].push(numeric[k][1]);
      if (edges[index].length === before) emptyRanges.push({ from: task.id, start, end });
    }
  });
  return { edges, unknown, emptyRanges };
}

// Strongly connected components with more than one member or a self edge (iterative Tarjan).
function cycles(edges) {
  const order = new Array(edges.length).fill(-1);
  const low = new Array(edges.length).fill(0);
  const onStack = new Array(edges.length).fill(false);
  const stack = [];
  const found = [];
  let counter = 0;
  for (let root = 0; root < edges.length; root++) {
    if (order[root] !== -1) continue;
    const work = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, next] = frame;
      if (next < edges[node].length) {
        frame[1]++;
        const target = edges[node][next];
        if (order[target] === -1) {
          order[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = true;
          work.push([target, 0]);
        } else if (onStack[target]) {
          low[node] = Math.min(low[node], order[target]);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[node]);
      }
      if (low[node] === order[node]) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack[member] = false;
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || edges[node].includes(node)) found.push(component.sort((a, b) => a - b));
      }
    }
  }
  return found;
}

describe('gen-corpus', () => {
  it('writes the same bytes for the same arguments, and other bytes for another seed', () => {
    const first = generate('C1', '--case', 'C', '--tasks', '300');
    const second = generate('C2', '--case', 'C', '--tasks', '300');
    const reseeded = generate('C3', '--case', 'C', '--tasks', '300', '--seed', 'other');
    assert.deepEqual(fs.readdirSync(first.out).sort(), ['job.json', 'pool.json', 'tasks.json']);
    for (const name of fs.readdirSync(first.out)) {
      assert.ok(fs.readFileSync(path.join(first.out, name)).equals(fs.readFileSync(path.join(second.out, name))), name);
    }
    assert.ok(!fs.readFileSync(path.join(first.out, 'tasks.json')).equals(fs.readFileSync(path.join(reseeded.out, 'tasks.json'))));
  });

  it('lays a collection out exactly as JSON.stringify(value, null, 2) would', () => {
    const { out } = generate('C4', '--case', 'C', '--tasks', '50');
    const text = fs.readFileSync(path.join(out, 'tasks.json'), 'utf8');
    assert.equal(JSON.stringify(JSON.parse(text), null, 2) + '\n', text);
  });

  it('rejects bad arguments with exit code 2', () => {
    const run = (...args) => spawnSync(process.execPath, [path.join(benchDir, 'gen-corpus.mjs'), ...args], { encoding: 'utf8' }).status;
    assert.equal(run(), 2);
    assert.equal(run('--out', path.join(scratch, 'x'), '--case', 'E'), 2);
    assert.equal(run('--out', path.join(scratch, 'x'), '--case', 'B', '--tasks', '50'), 2);
    assert.equal(run('--out', path.join(scratch, 'x'), '--case', 'A', '--defects', '2'), 2);
  });

  describe('case B', () => {
    let tasks;
    let problems;
    before(() => {
      const generated = generate('B', '--case', 'B', '--tasks', '3000');
      tasks = readJson(path.join(generated.out, 'tasks.json')).value;
      problems = generated.problems;
      const job = readJson(path.join(generated.out, 'job.json'));
      assert.equal(job.usesTaskDependencies, true);
      assert.equal(job.poolInfo.poolId, readJson(path.join(generated.out, 'pool.json')).id);
    });

    it('has exactly one dependency cycle, the planted one', () => {
      const planted = problems.filter((p) => p.kind === 'planted-dependency-cycle');
      assert.deepEqual(planted.map((p) => p.detail), ['1201 -> 1219 -> 1208 -> 1201']);
      const found = cycles(dependencyGraph(tasks).edges).map((component) => component.map((index) => tasks[index].id));
      assert.deepEqual(found, [['1201', '1208', '1219']]);
    });

    it('has exactly one dependency on a task id that no task has, the planted one', () => {
      assert.deepEqual(dependencyGraph(tasks).unknown, [{ from: '2101', to: '3001' }]);
      assert.deepEqual(problems.filter((p) => p.kind === 'planted-missing-dependency').map((p) => p.id), ['2101']);
    });

    it('has no range that selects no task', () => {
      assert.deepEqual(dependencyGraph(tasks).emptyRanges, []);
    });

    it('plants about 2% defects, every kind, and leaves the other tasks clean', () => {
      const defects = problems.filter((p) => !p.kind.startsWith('planted-'));
      assert.ok(defects.length >= 0.01 * tasks.length && defects.length <= 0.03 * tasks.length, `${defects.length} defects`);
      assert.deepEqual([...new Set(defects.map((p) => p.kind))].sort(), [...DEFECT_KINDS].sort());
      const defective = new Set(defects.map((p) => p.index));
      tasks.forEach((task, index) => {
        if (!defective.has(index)) assertClean(task, `task ${index}`);
      });
      for (const problem of defects) assert.equal(tasks[problem.index].id, problem.id);
    });

    it('repeats an id only where an id-duplicate defect says so', () => {
      const seen = new Map();
      const repeats = [];
      tasks.forEach((task, index) => {
        const key = String(task.id).toLowerCase();
        if (seen.has(key)) repeats.push(index);
        else seen.set(key, index);
      });
      assert.deepEqual(repeats, problems.filter((p) => p.kind === 'id-duplicate').map((p) => p.index));
    });

    it('includes the widest legal range and long explicit taskIds lists', () => {
      const widest = tasks.filter((task) => task.dependsOn?.taskIdRanges?.some((r) => r.start === 0 && r.end === 2147483647));
      assert.deepEqual(widest.map((task) => task.id), ['merge-001']);
      assert.ok(tasks.some((task) => (task.dependsOn?.taskIds?.length ?? 0) >= 100));
    });
  });

  describe('case A', () => {
    let out;
    let problems;
    before(() => ({ out, problems } = generate('A', '--case', 'A', '--tasks', '400')));

    it('writes 40 job folders of task files, each with a job.json naming the root pool.json', () => {
      const pool = readJson(path.join(out, 'pool.json'));
      const folders = fs.readdirSync(out).filter((name) => name !== 'pool.json');
      assert.equal(folders.length, 40);
      for (const folder of folders) {
        const job = readJson(path.join(out, folder, 'job.json'));
        assert.equal(job.id, folder);
        assert.equal(job.poolInfo.poolId, pool.id);
        assert.equal(job.usesTaskDependencies, true);
        assert.equal(fs.readdirSync(path.join(out, folder)).filter((name) => name.startsWith('task-')).length, 10);
      }
    });

    it('keeps task files between 1 and 4 KB and clean outside the manifest, dependencies inside their job', () => {
      const defective = new Set(problems.map((p) => p.file));
      for (const folder of fs.readdirSync(out).filter((name) => name !== 'pool.json')) {
        const files = fs.readdirSync(path.join(out, folder)).filter((name) => name.startsWith('task-')).sort();
        const tasks = files.map((name) => readJson(path.join(out, folder, name)));
        const ids = new Set(tasks.map((task) => task.id.toLowerCase()));
        files.forEach((name, k) => {
          const size = fs.statSync(path.join(out, folder, name)).size;
          assert.ok(size >= 1024 && size <= 4096, `${folder}/${name}: ${size} bytes`);
          if (defective.has(`${folder}/${name}`)) return;
          assertClean(tasks[k], `${folder}/${name}`);
          for (const id of tasks[k].dependsOn?.taskIds ?? []) assert.ok(ids.has(id.toLowerCase()), `${folder}/${name} -> ${id}`);
        });
      }
    });
  });

  it('writes case D as one small clean task and nothing else', () => {
    const { out, problems } = generate('D', '--case', 'D');
    assert.deepEqual(fs.readdirSync(out), ['task.json']);
    assert.deepEqual(problems, []);
    const task = readJson(path.join(out, 'task.json'));
    assertClean(task, 'D');
    assert.equal(task.dependsOn, undefined);
  });
});

describe('floor', () => {
  it('reads and parses every .json file under the given paths', () => {
    const { out } = generate('floor', '--case', 'A', '--tasks', '80');
    const expectedBytes = fs.readdirSync(out, { recursive: true }).filter((name) => name.endsWith('.json'))
      .reduce((sum, name) => sum + fs.statSync(path.join(out, name)).size, 0);
    const run = spawnSync(process.execPath, [path.join(benchDir, 'floor.mjs'), out], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `${80 + 40 + 1} files, ${expectedBytes} bytes\n`);
  });

  it('exits 2 on a file that is not JSON', () => {
    const file = path.join(scratch, 'broken.json');
    fs.writeFileSync(file, '{"id": ');
    const run = spawnSync(process.execPath, [path.join(benchDir, 'floor.mjs'), file], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^floor: /);
  });
});
