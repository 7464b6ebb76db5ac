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
 * Overlapping intervals as (later, earlier) pairs in list order, each later interval once. A sweep by
 * start that keeps the interval reaching furthest so far: O(n log n), and every group of mutually
 * overlapping intervals yields at least one pair, though not every member of a group is named (fix one
 * overlap and the next run names the next).
 */
export function findOverlaps<T extends Interval>(intervals: readonly T[]): Array<IntervalOverlap<T>> {
  const byStart = [...intervals].sort((a, b) => a.start - b.start || a.index - b.index);
  const earliestPartner = new Map<number, T>();
  const remember = (later: T, earlier: T): void => {
    const known = earliestPartner.get(later.index);
    if (known === undefined || earlier.index < known.index) earliestPartner.set(later.index, earlier);
  };
  let reach: T | undefined;
  for (const interval of byStart) {
    if (reach !== undefined && interval.start <= reach.end) {
      if (interval.index > reach.index) remember(interval, reach);
      else remember(reach, interval);
    }
    if (reach === undefined || interval.end > reach.end) reach = interval;
  }
  return pairsInListOrder(intervals, earliestPartner);
}

function pairsInListOrder<T extends Interval>(intervals: readonly T[], partners: Map<number, T>): Array<IntervalOverlap<T>> {
  const pairs: Array<IntervalOverlap<T>> = [];
  for (const interval of intervals) {
    const earlier = partners.get(interval.index);
    if (earlier !== undefined) pairs.push({ later: interval, earlier });
  }
  return pairs;
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
