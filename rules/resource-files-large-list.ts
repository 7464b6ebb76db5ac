import { compactJsonByteLength, compactJsonFitsWithin, defineRule, resourceFileLists } from '../src/rule-api.js';
import type { JsonValue } from '../src/rule-api.js';

interface Options {
  maxFiles: number;
  maxBytes: number;
}

export default defineRule({
  id: 'resource-files-large-list',
  summary: 'Limit the number and size of resource files in one task',
  rationale: [
    '"There is a maximum size for the list of resource files. When the max size is exceeded, the request will',
    'fail and the response error code will be RequestEntityTooLarge. If this occurs, the collection of',
    'ResourceFiles must be reduced in size" (S19 `resourceFiles`, `commonResourceFiles`). The limit itself is not',
    'documented, so this rule warns at configurable thresholds: more than `maxFiles` entries (default 500) or a',
    'serialized list larger than `maxBytes` UTF-8 bytes (default 65536). Long SAS URLs fill the budget fastest.',
  ].join('\n'),
  howToFix: [
    'Download a whole container (or a `blobPrefix` of it) with one `storageContainerUrl` entry instead of many',
    '`httpUrl` entries, ship the files as a .zip and unpack it in the command line, or use application packages',
    'or a container image.',
  ].join('\n'),
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'medium',
  scope: 'task',
  messages: {
    tooManyFiles: '"{list}" has {count} entries, more than {max}; the service rejects overlong lists with RequestEntityTooLarge',
    tooManyBytes: '"{list}" serializes to {bytes} bytes, more than {max}; the service rejects overlong lists with RequestEntityTooLarge',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        maxFiles: { type: 'integer', minimum: 1, description: 'Report a resource file list with more entries than this.' },
        maxBytes: { type: 'integer', minimum: 1, description: 'Report a resource file list whose compact JSON is longer than this many UTF-8 bytes.' },
      },
      additionalProperties: false,
    },
    defaults: { maxFiles: 500, maxBytes: 65536 } as Options,
  },
  references: ['S19 `TaskAddParameter.resourceFiles`'],
  check(context) {
    const { maxFiles, maxBytes } = context.options;
    for (const list of resourceFileLists(context.task.value)) {
      if (list.items.length > maxFiles) {
        context.report({
          messageId: 'tooManyFiles',
          pointer: list.pointer,
          target: 'key',
          data: { list: list.name, count: list.items.length, max: maxFiles },
        });
        continue;
      }
      if (compactJsonFitsWithin(list.items as JsonValue[], maxBytes)) continue;
      const bytes = compactJsonByteLength(list.items as JsonValue[]);
      if (bytes > maxBytes) {
        context.report({ messageId: 'tooManyBytes', pointer: list.pointer, target: 'key', data: { list: list.name, bytes, max: maxBytes } });
      }
    }
  },
});
