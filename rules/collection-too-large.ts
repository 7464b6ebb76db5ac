import { arrayMember, defineRule, objectMember, pointerTo } from '../src/rule-api.js';
import type { EntityRef, JsonValue } from '../src/rule-api.js';

/** "1MB" read as 2^20 bytes: the reading under which an error is certain; collection-size-near-limit covers the margin. */
export const COLLECTION_SIZE_LIMIT = 1_048_576;
/**
 * Re-serialising never lengthens strings or keys (escapes only shrink) and drops all whitespace;
 * only numbers can grow, at most about 5.25 times (`1e20` becomes `100000000000000000000`). So a
 * document under a sixth of a threshold cannot reach it, and small files skip the walk.
 */
export const MAX_GROWTH = 6;

export default defineRule({
  id: 'collection-too-large',
  summary: 'Limit the serialized size of an add-collection request to under 1 MB',
  rationale:
    '"The total serialized size of this collection must be less than 1MB. If it is greater than 1MB (for example ' +
    'if each Task has 100\'s of resource files or environment variables), the request will fail with code ' +
    '\'RequestBodyTooLarge\'" (S19 `TaskAddCollectionParameter.value`). Clients send the collection as compact ' +
    'JSON, so batchlint measures the UTF-8 bytes of the compact serialization of `value`, not the file size with ' +
    'its indentation. The limit is read as 1 MiB (1,048,576 bytes); `collection-size-near-limit` warns from 900 KiB. ' +
    'Bare arrays of tasks are not checked: `az batch task create --json-file` and the SDK helpers send them in ' +
    'chunks, and the Python SDK splits a chunk again when the service answers `RequestBodyTooLarge` (C-py).',
  howToFix:
    'Split the tasks over several add-collection requests, or shrink each task: move shared `resourceFiles` and ' +
    '`environmentSettings` to the job (`jobPreparationTask`, `commonEnvironmentSettings`) or use a ' +
    '`storageContainerUrl` with `blobPrefix` instead of one entry per blob.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'document',
  messages: {
    collectionTooLarge: 'The add-collection tasks serialize to {size} bytes; the service rejects 1 MB ({limit} bytes) or more',
  },
  references: ['S19 TaskAddCollectionParameter.value'],
  check(context) {
    const collection = addCollectionTasks(context.document);
    if (collection === undefined || context.byteLength * MAX_GROWTH < COLLECTION_SIZE_LIMIT) return;
    const size = compactJsonByteLength(collection.tasks);
    if (size < COLLECTION_SIZE_LIMIT) return;
    context.report({ messageId: 'collectionTooLarge', pointer: collection.pointer, target: 'key', data: { size, limit: COLLECTION_SIZE_LIMIT } });
  },
});

/** The `value` array of an add-collection body, bare or inside a copied spec example. */
export function addCollectionTasks(document: EntityRef): { tasks: JsonValue[]; pointer: string } | undefined {
  const { value, documentShape } = document;
  if (documentShape === 'task-collection') {
    const tasks = arrayMember(value, 'value');
    return tasks === undefined ? undefined : { tasks, pointer: pointerTo('value') };
  }
  if (documentShape === 'spec-example') {
    const tasks = arrayMember(objectMember(objectMember(value, 'parameters'), 'taskCollection'), 'value');
    return tasks === undefined ? undefined : { tasks, pointer: pointerTo('parameters', 'taskCollection', 'value') };
  }
  return undefined;
}

/** Both collection size rules measure the same array: measure it once per run. */
const measured = new WeakMap<object, number>();

/** UTF-8 length of `JSON.stringify(root)`. */
export function compactJsonByteLength(root: JsonValue): number {
  if (root === null || typeof root !== 'object') return walkedCompactJsonByteLength(root);
  let bytes = measured.get(root);
  if (bytes === undefined) {
    try {
      // The native serializer is many times faster than the walk; it throws on nesting deeper than its stack.
      bytes = Buffer.byteLength(JSON.stringify(root), 'utf8');
    } catch {
      bytes = walkedCompactJsonByteLength(root);
    }
    measured.set(root, bytes);
  }
  return bytes;
}

/** The same length, walked with an explicit stack so that deep nesting cannot overflow. */
function walkedCompactJsonByteLength(root: JsonValue): number {
  let bytes = 0;
  const stack: JsonValue[] = [root];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (Array.isArray(value)) {
      bytes += 2 + Math.max(0, value.length - 1);
      for (let index = value.length - 1; index >= 0; index -= 1) stack.push(value[index]!);
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      bytes += 2 + Math.max(0, keys.length - 1);
      for (const key of keys) {
        bytes += utf8Length(JSON.stringify(key)) + 1;
        stack.push(value[key]!);
      }
    } else {
      // Strings and scalars stringify without recursion.
      bytes += utf8Length(JSON.stringify(value) ?? 'null');
    }
  }
  return bytes;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
