import { addCollectionTasks, COLLECTION_SIZE_LIMIT, COMPACT_JSON_MAX_GROWTH, collectionByteLength, defineRule } from '../src/rule-api.js';

export default defineRule({
  id: 'collection-too-large',
  summary: 'Limit the serialized size of an add-collection request to under 1 MB',
  rationale:
    '"The total serialized size of this collection must be less than 1MB. If it is greater than 1MB (for example ' +
    'if each Task has 100\'s of resource files or environment variables), the request will fail with code ' +
    '\'RequestBodyTooLarge\'" (S19 `TaskAddCollectionParameter.value`). Clients send the collection as compact ' +
    'JSON, so batchlint measures the UTF-8 bytes of the compact serialization of `value`, not the file size with ' +
    'its indentation. The limit is read as 1 MiB (1,048,576 bytes); `collection-size-near-limit` warns from 900 KiB. ' +
    'A collection larger than 8 MiB is reported as "more than 8,388,608 bytes" without being measured to the end. ' +
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
    collectionFarTooLarge: 'The add-collection tasks serialize to more than {size} bytes; the service rejects 1 MB ({limit} bytes) or more',
  },
  references: ['S19 TaskAddCollectionParameter.value'],
  check(context) {
    const collection = addCollectionTasks(context.document);
    if (collection === undefined || context.byteLength * COMPACT_JSON_MAX_GROWTH < COLLECTION_SIZE_LIMIT) return;
    const size = collectionByteLength(collection.tasks);
    if (size.bytes < COLLECTION_SIZE_LIMIT) return;
    context.report({
      messageId: size.exact ? 'collectionTooLarge' : 'collectionFarTooLarge',
      pointer: collection.pointer,
      target: 'key',
      data: { size: size.bytes, limit: COLLECTION_SIZE_LIMIT },
    });
  },
});
