import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findOverlaps, IntervalIndex } from '../src/batch/integer-intervals.js';
import type { Interval } from '../src/batch/integer-intervals.js';

function intervals(...bounds: Array<[number, number]>): Interval[] {
  return bounds.map(([start, end], index) => ({ start, end, index }));
}

function pairs(list: Interval[]): Array<[number, number]> {
  return findOverlaps(list).map(({ later, earlier }) => [later.index, earlier.index]);
}

describe('findOverlaps', () => {
  it('finds nothing among disjoint or adjacent-but-separate intervals', () => {
    assert.deepEqual(pairs(intervals([1, 9], [10, 19], [20, 20])), []);
  });

  it('treats bounds as inclusive: sharing one value is an overlap', () => {
    assert.deepEqual(pairs(intervals([1, 10], [10, 20])), [[1, 0]]);
  });

  it('names the later-listed interval even when it starts first', () => {
    assert.deepEqual(pairs(intervals([5, 6], [0, 10])), [[1, 0]]);
  });

  it('reports containment and keeps list order', () => {
    assert.deepEqual(pairs(intervals([100, 199], [1, 10], [120, 129], [5, 5])), [
      [2, 0],
      [3, 1],
    ]);
  });

  it('pairs a later interval with the earliest-listed partner the sweep meets', () => {
    assert.deepEqual(pairs(intervals([0, 3], [2, 2], [1, 100])), [
      [1, 0],
      [2, 0],
    ]);
  });

  it('agrees with the quadratic definition on random lists', () => {
    let seed = 12345;
    const random = (limit: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    for (let round = 0; round < 500; round++) {
      const list = intervals(
        ...Array.from({ length: 1 + random(12) }, (): [number, number] => {
          const start = random(40) - 10;
          return [start, start + random(8)];
        }),
      );
      const expected: Array<[number, number]> = [];
      list.forEach((later, position) => {
        const earlier = list.slice(0, position).find((candidate) => candidate.start <= later.end && later.start <= candidate.end);
        if (earlier !== undefined) expected.push([later.index, earlier.index]);
      });
      assert.deepEqual(pairs(list), expected, JSON.stringify(list));
    }
  });

  it('never expands ranges: the whole int32 span costs the same as a short one', () => {
    const started = process.hrtime.bigint();
    assert.deepEqual(pairs(intervals([0, 2147483647], [-2147483648, 2147483647])), [[1, 0]]);
    assert.ok(process.hrtime.bigint() - started < 50_000_000n);
  });

  it('handles 100,000 identical intervals in well under a second', () => {
    const many = intervals(...Array.from({ length: 100_000 }, (): [number, number] => [0, 2147483647]));
    const started = process.hrtime.bigint();
    const found = findOverlaps(many);
    assert.equal(found.length, 99_999);
    assert.equal(found[0]?.earlier.index, 0);
    assert.ok(process.hrtime.bigint() - started < 1_000_000_000n);
  });
});

describe('IntervalIndex', () => {
  const index = new IntervalIndex(intervals([10, 19], [1, 2], [15, 100], [-5, -1]));

  it('finds an interval containing the value, bounds included', () => {
    assert.equal(index.containing(1)?.index, 1);
    assert.equal(index.containing(2)?.index, 1);
    assert.equal(index.containing(10)?.index, 0);
    assert.equal(index.containing(-5)?.index, 3);
  });

  it('prefers the interval reaching furthest when several contain the value', () => {
    assert.equal(index.containing(16)?.index, 2);
  });

  it('answers undefined in gaps and beyond the ends', () => {
    assert.equal(index.containing(0), undefined);
    assert.equal(index.containing(5), undefined);
    assert.equal(index.containing(101), undefined);
    assert.equal(index.containing(-6), undefined);
  });

  it('answers undefined when empty', () => {
    assert.equal(new IntervalIndex([]).containing(0), undefined);
  });
});
