/**
 * Inclusive integer intervals (exit-code ranges, task-id ranges). A range is only ever compared by
 * its bounds, never expanded, so `{start: 0, end: 2147483647}` costs the same as `{start: 1, end: 2}`.
 */

export interface Interval {
  readonly start: number;
  readonly end: number;
  /** Position in the list it came from: "earlier" and "later" mean list order. */
  readonly index: number;
}

export interface IntervalOverlap<T extends Interval> {
  readonly later: T;
  readonly earlier: T;
}

/**
 * Every interval that overlaps one listed before it, paired with the earliest-listed interval it
 * overlaps, in list order. "Listed" is the order of `intervals`. O(n log n): with the intervals sorted
 * by start, an earlier-listed partner either starts no later (found among those already swept, by the
 * smallest list position whose end reaches this start) or starts later but within this interval (found
 * by a range minimum over the following starts).
 */
export function findOverlaps<T extends Interval>(intervals: readonly T[]): Array<IntervalOverlap<T>> {
  const count = intervals.length;
  if (count < 2) return [];
  const byStart = intervals.map((_, position) => position);
  byStart.sort((a, b) => (intervals[a] as T).start - (intervals[b] as T).start || a - b);
  const startAt = (sorted: number): number => (intervals[byStart[sorted] as number] as T).start;
  const laterStarts = new RangeMinimum(byStart);
  const endsDescending = [...new Set(intervals.map((interval) => interval.end))].sort((a, b) => b - a);
  const swept = new PrefixMinimum(endsDescending.length);

  const partnerOf = new Array<number>(count).fill(count);
  for (let sorted = 0; sorted < count; sorted++) {
    const position = byStart[sorted] as number;
    const interval = intervals[position] as T;
    // Swept intervals all start no later than this one; those whose end reaches its start overlap it.
    const reaching = lastIndexWhere(endsDescending, (end) => end >= interval.start);
    let partner = reaching === -1 ? count : swept.minimum(reaching);
    // Intervals sorted after this one start no earlier; those starting within it overlap it.
    const lastWithin = lastIndexWhere(byStart.length, (candidate) => startAt(candidate) <= interval.end);
    if (lastWithin > sorted) partner = Math.min(partner, laterStarts.minimum(sorted + 1, lastWithin));
    if (partner < position) partnerOf[position] = partner;
    swept.lower(indexOfDescending(endsDescending, interval.end), position);
  }
  const pairs: Array<IntervalOverlap<T>> = [];
  partnerOf.forEach((partner, position) => {
    if (partner < count) pairs.push({ later: intervals[position] as T, earlier: intervals[partner] as T });
  });
  return pairs;
}

/** The last index `i` in `0..length-1` (or of the array) for which `holds(i)` is true, given that it holds on a prefix. */
function lastIndexWhere(range: readonly number[] | number, holds: (value: number) => boolean): number {
  const length = typeof range === 'number' ? range : range.length;
  const valueAt = (index: number): number => (typeof range === 'number' ? index : (range[index] as number));
  let low = 0;
  let high = length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (holds(valueAt(middle))) {
      last = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return last;
}

function indexOfDescending(values: readonly number[], value: number): number {
  return lastIndexWhere(values, (candidate) => candidate >= value);
}

/** Fenwick tree over positions 0..size-1 answering "smallest value stored at positions 0..i". */
class PrefixMinimum {
  private readonly tree: number[];
  constructor(size: number) {
    this.tree = new Array<number>(size + 1).fill(Number.POSITIVE_INFINITY);
  }
  lower(position: number, value: number): void {
    for (let node = position + 1; node < this.tree.length; node += node & -node) {
      if (value < (this.tree[node] as number)) this.tree[node] = value;
    }
  }
  minimum(position: number): number {
    let result = Number.POSITIVE_INFINITY;
    for (let node = position + 1; node > 0; node -= node & -node) result = Math.min(result, this.tree[node] as number);
    return result;
  }
}

/** Sparse table answering "smallest value in values[from..to]" in O(1) after O(n log n) set-up. */
class RangeMinimum {
  private readonly levels: number[][];
  constructor(values: readonly number[]) {
    this.levels = [[...values]];
    for (let width = 2; width <= values.length; width *= 2) {
      const previous = this.levels[this.levels.length - 1] as number[];
      const half = width / 2;
      const level: number[] = [];
      for (let start = 0; start + width <= values.length; start++) {
        level.push(Math.min(previous[start] as number, previous[start + half] as number));
      }
      this.levels.push(level);
    }
  }
  minimum(from: number, to: number): number {
    const level = 31 - Math.clz32(to - from + 1);
    const row = this.levels[level] as number[];
    return Math.min(row[from] as number, row[to - (1 << level) + 1] as number);
  }
}

/** Answers "which interval contains this value?" in O(log n) after an O(n log n) build. */
export class IntervalIndex<T extends Interval> {
  private readonly byStart: T[];
  /** `reaching[i]`: among byStart[0..i], the interval with the greatest end (earliest listed on ties). */
  private readonly reaching: T[];

  constructor(intervals: readonly T[]) {
    this.byStart = [...intervals].sort((a, b) => a.start - b.start || a.index - b.index);
    this.reaching = [];
    let best: T | undefined;
    for (const interval of this.byStart) {
      if (best === undefined || interval.end > best.end || (interval.end === best.end && interval.index < best.index)) {
        best = interval;
      }
      this.reaching.push(best);
    }
  }

  /** An interval containing `value`, or undefined. */
  containing(value: number): T | undefined {
    let low = 0;
    let high = this.byStart.length - 1;
    let last = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.byStart[middle] as T).start <= value) {
        last = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    const candidate = last === -1 ? undefined : this.reaching[last];
    return candidate !== undefined && candidate.end >= value ? candidate : undefined;
  }
}
