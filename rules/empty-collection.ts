import { arrayMember, defineRule, objectMember, pointerTo } from '../src/rule-api.js';

/** List-valued task properties where `[]` means the same as leaving the property out. */
const LIST_PATHS: ReadonlyArray<readonly string[]> = [
  ['resourceFiles'],
  ['outputFiles'],
  ['environmentSettings'],
  ['applicationPackageReferences'],
  ['dependsOn', 'taskIds'],
  ['dependsOn', 'taskIdRanges'],
  ['exitConditions', 'exitCodes'],
  ['exitConditions', 'exitCodeRanges'],
  ['multiInstanceSettings', 'commonResourceFiles'],
];

export default defineRule({
  id: 'empty-collection',
  summary: 'Report empty lists that have no effect on a task',
  rationale:
    'An empty `resourceFiles`, `outputFiles`, `environmentSettings` or `dependsOn.taskIds` list does nothing, but ' +
    'it reads as if something were configured and is often the trace of a generator that produced no items. An ' +
    'empty `taskIds` list was even reported to be accepted on a job without `usesTaskDependencies`, where a ' +
    'non-empty one is rejected (I-Azure/azure-sdk-for-python#27859), so an empty list can hide a problem that ' +
    'appears once the list fills.',
  howToFix: 'Remove the empty property, or check why the generator produced no items.',
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'high',
  scope: 'task',
  messages: {
    emptyList: '"{property}" is an empty list, which has no effect; remove it',
  },
  references: ['I-Azure/azure-sdk-for-python#27859'],
  check(context) {
    for (const path of LIST_PATHS) {
      let holder: unknown = context.task.value;
      for (const segment of path.slice(0, -1)) holder = objectMember(holder, segment);
      const last = path[path.length - 1] ?? '';
      const list = arrayMember(holder, last);
      if (list === undefined || list.length > 0) continue;
      context.report({ messageId: 'emptyList', pointer: pointerTo(...path), data: { property: path.join('.') } });
    }
  },
});
