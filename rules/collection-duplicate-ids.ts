import { arrayMember, defineRule, isJsonObject, member, objectMember, pointerTo } from '../src/rule-api.js';
import type { JsonValue } from '../src/rule-api.js';

export default defineRule({
  id: 'collection-duplicate-ids',
  summary: 'Disallow two tasks with the same id in one add-collection request',
  rationale:
    'The Add Task Collection operation requires that "each Task must have a unique ID". Ids compare ignoring case, so `Frame-1` and `frame-1` in the same `{"value": [...]}` body collide: one of them fails with `TaskExists`.',
  howToFix: 'Make the ids in the collection unique, for example by including the frame or shard number.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'document',
  references: ['Batch REST Task_AddCollection'],
  messages: {
    duplicateInCollection: 'Task id "{id}" appears again in this collection (first at item {firstIndex}, ids compare ignoring case); each task of a collection needs a unique id',
  },
  check({ document, report }) {
    const located = collectionItems(document.value, document.documentShape);
    if (!located) return;
    const seen = new Map<string, number>();
    located.items.forEach((item, index) => {
      const id = member(item, 'id');
      if (typeof id !== 'string' || id === '') return;
      const key = id.toLowerCase();
      const firstIndex = seen.get(key);
      if (firstIndex === undefined) {
        seen.set(key, index);
        return;
      }
      report({
        messageId: 'duplicateInCollection',
        pointer: `${located.pointer}${pointerTo(index, 'id')}`,
        data: { id, firstIndex },
        related: [{ pointer: `${located.pointer}${pointerTo(firstIndex, 'id')}`, label: 'first used here' }],
      });
    });
  },
});

function collectionItems(value: JsonValue, shape: string): { items: JsonValue[]; pointer: string } | undefined {
  if (shape === 'task-collection') {
    const items = arrayMember(value, 'value');
    return items ? { items, pointer: '/value' } : undefined;
  }
  if (shape === 'spec-example') {
    const items = arrayMember(objectMember(objectMember(value, 'parameters'), 'taskCollection'), 'value');
    return items && isJsonObject(value) ? { items, pointer: '/parameters/taskCollection/value' } : undefined;
  }
  return undefined;
}
