import { arrayMember, defineRule, isJsonObject, member, objectMember, pointerTo, taskGraphOf } from '../src/rule-api.js';

const SINGLE_OPTIONS = ['preProcessingError', 'fileUploadError', 'default'] as const;

export default defineRule({
  id: 'dependency-action-unused',
  summary: 'Report dependencyAction on tasks that no task depends on',
  rationale:
    '`exitOptions.dependencyAction` decides whether tasks that depend on this one may start. On a task nothing depends on it has no effect, which usually means the dependency it was written for is missing or points elsewhere.',
  howToFix: 'Remove the `dependencyAction`, or add the dependency it was meant for.',
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'taskSet',
  messages: {
    noDependents: 'Task "{id}" sets dependencyAction, but no task of the job depends on it',
  },
  references: ['S19 ExitOptions.dependencyAction'],
  check({ job, tasks, report }) {
    if (hasDynamicTasks(job.value)) return;
    const { index, dependencies } = taskGraphOf(tasks);
    const dependedOn = new Uint8Array(tasks.length);
    const rangeMarks = new Int32Array(index.addressed.length + 1);
    for (const entry of dependencies) {
      for (const { id } of entry.taskIds) for (const target of index.byLowerId.get(id.toLowerCase()) ?? []) dependedOn[target] = 1;
      for (const { start, end } of entry.ranges) {
        const [first, last] = index.rangeSpan(start, end);
        rangeMarks[first]!++;
        rangeMarks[last]!--;
      }
    }
    let open = 0;
    index.addressed.forEach((taskIndex, position) => {
      open += rangeMarks[position]!;
      if (open > 0) dependedOn[taskIndex] = 1;
    });
    tasks.forEach((task, taskIndex) => {
      if (dependedOn[taskIndex]) return;
      const pointer = firstDependencyAction(task.value);
      if (pointer) report({ messageId: 'noDependents', entity: task, pointer, data: { id: task.id ?? '(no id)' } });
    });
  },
});

function hasDynamicTasks(job: unknown): boolean {
  return isJsonObject(job) && member(job, 'jobManagerTask') !== undefined;
}

function firstDependencyAction(task: unknown): string | undefined {
  const exitConditions = objectMember(task, 'exitConditions');
  for (const list of ['exitCodes', 'exitCodeRanges'] as const) {
    const entries = arrayMember(exitConditions, list) ?? [];
    for (const [index, entry] of entries.entries()) {
      if (member(objectMember(entry, 'exitOptions'), 'dependencyAction') !== undefined) return pointerTo('exitConditions', list, index, 'exitOptions', 'dependencyAction');
    }
  }
  for (const key of SINGLE_OPTIONS) {
    if (member(objectMember(exitConditions, key), 'dependencyAction') !== undefined) return pointerTo('exitConditions', key, 'dependencyAction');
  }
  return undefined;
}
