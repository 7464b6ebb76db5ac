import { addCollectionTasks, COLLECTION_SIZE_LIMIT, COMPACT_JSON_MAX_GROWTH, collectionByteLength, defineRule } from '../src/rule-api.js';

export default defineRule({
  id: 'collection-size-near-limit',
  summary: 'Report add-collection requests whose serialized size nears the 1 MB limit',
  rationale:
    'An add-collection request must serialize to less than 1 MB or it fails with `RequestBodyTooLarge` (S19 ' +
    '`TaskAddCollectionParameter.value`; see `collection-too-large`, which errors from 1 MiB). A collection close ' +
    'to the limit breaks as soon as a few tasks grow (a longer SAS token, one more resource file), and whether ' +
    '"1MB" means 1,000,000 or 1,048,576 bytes is not documented, so this warns from the `thresholdBytes` option ' +
    '(default 900 KiB, 921,600 bytes) up to the limit.',
  howToFix: 'Split the tasks over more add-collection requests, or slim the tasks down as `collection-too-large` explains.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'medium',
  scope: 'document',
  messages: {
    collectionNearLimit: 'The add-collection tasks serialize to {size} bytes, close to the 1 MB ({limit} bytes) request limit',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        thresholdBytes: {
          type: 'integer',
          minimum: 1,
          description: 'Warn from this compact serialized size of the collection, in bytes.',
        },
      },
      additionalProperties: false,
    },
    defaults: { thresholdBytes: 921_600 },
  },
  references: ['S19 TaskAddCollectionParameter.value'],
  check(context) {
    const threshold = context.options.thresholdBytes;
    const collection = addCollectionTasks(context.document);
    if (collection === undefined || context.byteLength * COMPACT_JSON_MAX_GROWTH < threshold) return;
    const measured = collectionByteLength(collection.tasks);
    const size = measured.bytes;
    if (!measured.exact || size < threshold || size >= COLLECTION_SIZE_LIMIT) return;
    context.report({ messageId: 'collectionNearLimit', pointer: collection.pointer, target: 'key', data: { size, limit: COLLECTION_SIZE_LIMIT } });
  },
});
