import type { LintRun } from '../lint.js';
import type { TaskSet } from '../project/build-project.js';
import { findBlockedTasks, findDependencyCycles, taskGraphOf } from '../project/task-graph.js';

/** Above this many selected tasks a range is drawn as one node with a count, not an edge per task. */
const RANGE_EDGE_LIMIT = 25;

/**
 * `batchlint graph`: each job's dependency graph as a Mermaid flowchart. Arrows point from a task
 * to the tasks that wait for it (the order things run in); tasks on a cycle are red, tasks that can
 * never start because they wait on a cycle or on a missing task are grey, missing tasks dashed.
 */
export function printGraph(run: LintRun): string {
  const charts = run.project.taskSets
    .filter((set) => set.tasks.some((task) => task.kind === 'task'))
    .filter((set) => taskGraphOf(set.tasks).dependencies.some((entry) => entry.taskIds.length > 0 || entry.ranges.length > 0))
    .map(chartFor);
  if (charts.length === 0) return 'No task dependencies found in the linted files.\n';
  return charts.join('\n');
}

function chartFor(set: TaskSet): string {
  const { tasks } = set;
  const { index, dependencies } = taskGraphOf(tasks);
  const cycles = findDependencyCycles(index, dependencies);
  const onCycle = new Set(cycles.flat());
  const missing = new Map<string, string>();
  const waitsForMissing: number[] = [];
  dependencies.forEach((entry, taskIndex) => {
    for (const { id } of entry.taskIds) {
      if (index.byLowerId.has(id.toLowerCase())) continue;
      if (!missing.has(id.toLowerCase())) missing.set(id.toLowerCase(), id);
      waitsForMissing.push(taskIndex);
    }
  });
  const blocked = findBlockedTasks(index, dependencies, [...onCycle, ...waitsForMissing]);

  const title = set.job.isAnonymous ? `tasks of ${set.job.entity.filePath}` : `job ${set.job.entity.id ?? '(no id)'} (${set.job.entity.filePath})`;
  const lines = [`%% ${escapeComment(title)}`, 'flowchart LR'];
  tasks.forEach((task, taskIndex) => lines.push(`  t${taskIndex}["${label(task.id ?? '(no id)')}"]`));
  [...missing.values()].forEach((id, missingIndex) => lines.push(`  m${missingIndex}["${label(id)} (missing)"]`));
  const missingNode = new Map([...missing.keys()].map((key, missingIndex) => [key, `m${missingIndex}`]));
  let rangeCount = 0;
  dependencies.forEach((entry, dependent) => {
    for (const { id } of entry.taskIds) {
      const targets = index.byLowerId.get(id.toLowerCase());
      if (!targets) lines.push(`  ${missingNode.get(id.toLowerCase())} -.-> t${dependent}`);
      else for (const target of targets) if (target !== dependent) lines.push(`  t${target} --> t${dependent}`);
    }
    for (const { start, end } of entry.ranges) {
      const [first, last] = index.rangeSpan(start, end);
      const selected = last - first;
      if (selected <= RANGE_EDGE_LIMIT) {
        for (let position = first; position < last; position++) {
          const target = index.addressed[position]!;
          if (target !== dependent) lines.push(`  t${target} -->|${start}..${end}| t${dependent}`);
        }
        if (selected === 0) lines.push(`  r${rangeCount}[["${start}..${end}: no task"]] -.-> t${dependent}`);
      } else {
        lines.push(`  r${rangeCount}[["${start}..${end}: ${selected} tasks"]] --> t${dependent}`);
      }
      rangeCount++;
    }
  });
  lines.push('  classDef cycle fill:#fdd,stroke:#c00,stroke-width:2px');
  lines.push('  classDef blocked fill:#eee,stroke:#888,color:#666');
  lines.push('  classDef missing fill:#fff,stroke:#c00,stroke-dasharray:4 3');
  if (onCycle.size > 0) lines.push(`  class ${[...onCycle].sort((a, b) => a - b).map((n) => `t${n}`).join(',')} cycle`);
  const onlyBlocked = [...blocked].filter((n) => !onCycle.has(n)).sort((a, b) => a - b);
  if (onlyBlocked.length > 0) lines.push(`  class ${onlyBlocked.map((n) => `t${n}`).join(',')} blocked`);
  if (missing.size > 0) lines.push(`  class ${[...missingNode.values()].join(',')} missing`);
  return `${lines.join('\n')}\n`;
}

/** Mermaid labels: quotes and markup characters as entity codes; control characters dropped. */
function label(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;');
}

function escapeComment(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
