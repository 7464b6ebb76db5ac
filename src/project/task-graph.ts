import type { EntityRef } from '../engine/rule-types.js';
import { isInt32 } from '../engine/untrusted-json.js';
import { dependencyIdEntries, dependencyRangeEntries, rangeAddressableNumber } from '../batch/task-dependencies.js';

/** Tasks with their ids indexed: by lower-cased id, and by range address in sorted order. */
export class TaskIndex {
  readonly byLowerId = new Map<string, number[]>();
  /** Task indexes of range-addressable tasks, sorted by address (then by index). */
  readonly addressed: number[] = [];
  readonly addressOf: Array<number | undefined>;

  constructor(readonly tasks: readonly EntityRef[]) {
    this.addressOf = tasks.map((task) => (task.id === undefined ? undefined : rangeAddressableNumber(task.id)));
    tasks.forEach((task, index) => {
      if (task.id === undefined) return;
      const key = task.id.toLowerCase();
      const list = this.byLowerId.get(key);
      if (list) list.push(index);
      else this.byLowerId.set(key, [index]);
      if (this.addressOf[index] !== undefined) this.addressed.push(index);
    });
    this.addressed.sort((a, b) => this.addressOf[a]! - this.addressOf[b]! || a - b);
  }

  /** Positions in `addressed` of the tasks a range selects: [first, last) — empty when first === last. */
  rangeSpan(start: number, end: number): [number, number] {
    return [this.lowerBound(start), this.lowerBound(end + 1)];
  }

  private lowerBound(value: number): number {
    let low = 0;
    let high = this.addressed.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.addressOf[this.addressed[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** The `dependsOn` of a task as the graph reads it: ids, and int32 ranges with start ≤ end. */
export interface TaskDependencies {
  taskIds: Array<{ id: string; pointer: string }>;
  ranges: Array<{ start: number; end: number; pointer: string }>;
}

/** The dependencies that select tasks: string ids, and int32 ranges with 0 ≤ start ≤ end (others are other rules' findings). */
export function readDependencies(task: EntityRef): TaskDependencies {
  return {
    taskIds: dependencyIdEntries(task.value),
    ranges: dependencyRangeEntries(task.value).filter(({ start, end }) => isInt32(start) && isInt32(end) && start >= 0 && start <= end),
  };
}

/**
 * Dependency cycles among tasks, found without ever expanding a range. Returns each cycle as
 * task indexes in dependency order (a → b means a waits for b), one per strongly connected
 * component that holds at least two tasks.
 */
export function findDependencyCycles(index: TaskIndex, dependencies: readonly TaskDependencies[]): number[][] {
  const { adjacency, taskCount } = buildDependencyGraph(index, dependencies);
  const components = stronglyConnectedComponents(adjacency);
  const cycles: number[][] = [];
  for (const component of components) {
    const taskMembers = component.filter((node) => node < taskCount);
    if (taskMembers.length < 2) continue;
    const first = taskMembers.reduce((lowest, node) => (node < lowest ? node : lowest));
    cycles.push(cycleThrough(first, new Set(component), adjacency, taskCount));
  }
  return cycles.sort((a, b) => a[0]! - b[0]!);
}

/**
 * Tasks that can never start because they wait, directly or through other tasks, for one of
 * `sources` (tasks on a cycle, or waiting for a task that does not exist). Sources included.
 */
export function findBlockedTasks(index: TaskIndex, dependencies: readonly TaskDependencies[], sources: Iterable<number>): Set<number> {
  const { adjacency, taskCount } = buildDependencyGraph(index, dependencies);
  const dependents: number[][] = Array.from({ length: adjacency.length }, () => []);
  adjacency.forEach((targets, node) => {
    for (const target of targets) dependents[target]!.push(node);
  });
  const seen = new Uint8Array(adjacency.length);
  const queue = [...sources];
  for (const source of queue) seen[source] = 1;
  for (let head = 0; head < queue.length; head++) {
    for (const dependent of dependents[queue[head]!]!) {
      if (!seen[dependent]) {
        seen[dependent] = 1;
        queue.push(dependent);
      }
    }
  }
  const blocked = new Set<number>();
  for (const node of queue) if (node < taskCount) blocked.add(node);
  return blocked;
}

/**
 * The dependency graph, edges from a dependent to what it waits for. Range edges go to the
 * O(log n) nodes of a segment tree over the range-addressable tasks, so the graph has
 * O(n log n + edges) nodes and edges however wide the ranges are. Node ids below `taskCount`
 * are tasks.
 */
function buildDependencyGraph(index: TaskIndex, dependencies: readonly TaskDependencies[]): { adjacency: number[][]; taskCount: number } {
  const taskCount = index.tasks.length;
  const leafCount = index.addressed.length;
  let size = 1;
  while (size < leafCount) size <<= 1;
  const segmentBase = taskCount;
  const nodeCount = taskCount + (leafCount > 0 ? 2 * size : 0);
  const adjacency: number[][] = Array.from({ length: nodeCount }, () => []);
  if (leafCount > 0) {
    for (let heap = 1; heap < size; heap++) {
      adjacency[segmentBase + heap]!.push(segmentBase + 2 * heap, segmentBase + 2 * heap + 1);
    }
    for (let leaf = 0; leaf < leafCount; leaf++) adjacency[segmentBase + size + leaf]!.push(index.addressed[leaf]!);
  }
  dependencies.forEach((taskDependencies, from) => {
    const edges = adjacency[from]!;
    for (const { id } of taskDependencies.taskIds) {
      for (const target of index.byLowerId.get(id.toLowerCase()) ?? []) if (target !== from) edges.push(target);
    }
    for (const { start, end } of taskDependencies.ranges) {
      const [first, last] = index.rangeSpan(start, end);
      if (first >= last) continue;
      let low = first + size;
      let high = last - 1 + size;
      while (low <= high) {
        if (low & 1) edges.push(segmentBase + low++);
        if (!(high & 1)) edges.push(segmentBase + high--);
        low >>= 1;
        high >>= 1;
      }
    }
  });
  return { adjacency, taskCount };
}

/** Tarjan's algorithm with an explicit stack: graphs of 100,000 tasks must not overflow the call stack. */
function stronglyConnectedComponents(adjacency: readonly number[][]): number[][] {
  const count = adjacency.length;
  const order = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const work: Array<{ node: number; edge: number }> = [];
  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    work.push({ node: root, edge: 0 });
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = adjacency[frame.node]!;
      if (frame.edge < edges.length) {
        const next = edges[frame.edge++]!;
        if (order[next] === -1) {
          order[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          work.push({ node: next, edge: 0 });
        } else if (onStack[next]) {
          low[frame.node] = Math.min(low[frame.node]!, order[next]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] === order[frame.node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) components.push(component);
      }
    }
  }
  return components;
}

/** A shortest cycle from `start` back to itself inside one component, as task indexes only. */
function cycleThrough(start: number, component: ReadonlySet<number>, adjacency: readonly number[][], taskCount: number): number[] {
  const parent = new Map<number, number>();
  const queue: number[] = [start];
  let reachedBack = false;
  for (let head = 0; head < queue.length && !reachedBack; head++) {
    const node = queue[head]!;
    for (const next of adjacency[node]!) {
      if (!component.has(next)) continue;
      if (next === start) {
        parent.set(start, node);
        reachedBack = true;
        break;
      }
      if (!parent.has(next)) {
        parent.set(next, node);
        queue.push(next);
      }
    }
  }
  const path: number[] = [];
  let node = parent.get(start)!;
  while (node !== start) {
    if (node < taskCount) path.push(node);
    node = parent.get(node)!;
  }
  path.push(start);
  return path.reverse();
}

const indexes = new WeakMap<readonly EntityRef[], { index: TaskIndex; dependencies: TaskDependencies[] }>();

/** One index and dependency reading per task set, shared by every rule that checks the set. */
export function taskGraphOf(tasks: readonly EntityRef[]): { index: TaskIndex; dependencies: TaskDependencies[] } {
  let graph = indexes.get(tasks);
  if (!graph) {
    graph = { index: new TaskIndex(tasks), dependencies: tasks.map(readDependencies) };
    indexes.set(tasks, graph);
  }
  return graph;
}
