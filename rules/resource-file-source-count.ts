import { defineRule, isAtLeast, member, pointerTo, resourceFileObjects } from '../src/rule-api.js';

const SOURCES = ['httpUrl', 'storageContainerUrl', 'autoStorageContainerName'] as const;

export default defineRule({
  id: 'resource-file-source-count',
  summary: 'Require exactly one of httpUrl, storageContainerUrl or autoStorageContainerName',
  rationale: [
    'From api-version 2018-12-01.8.0 a `ResourceFile` names its source with one of three properties, and the',
    'specification says: "The autoStorageContainerName, storageContainerUrl and httpUrl properties are mutually',
    'exclusive and one of them must be specified" (S19 `ResourceFile`). A resource file with none of them, or with',
    'two, is rejected when the task is added.',
    '',
    'Older api-versions have a single source, `blobSource`; the rule is silent there, and an entry that still',
    'uses `blobSource` alone is left to `resource-file-blob-source-legacy`. Azure Batch CLI-extension entries with',
    '`source` (`fileGroup`, `containerUrl`) are expanded into `httpUrl` entries by the CLI, so they count as sourced.',
  ].join('\n'),
  howToFix: [
    'Keep exactly one source: `httpUrl` for one file (with `filePath`), `storageContainerUrl` for a container',
    'reachable by SAS or managed identity, or `autoStorageContainerName` for a container in the account\'s linked',
    'auto-storage account. Split an entry that names two sources into two entries.',
  ].join('\n'),
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    noSource: 'Resource file has no source; set one of "httpUrl", "storageContainerUrl" or "autoStorageContainerName"',
    manySources: 'Resource file sets {sources}; these are mutually exclusive, keep exactly one',
  },
  references: ['S19 `ResourceFile`', 'batch-spec.md A.1 (blobSource replaced in 2018-12-01.8.0)'],
  check(context) {
    if (!isAtLeast(context.apiVersion, '2018-12-01.8.0')) return;
    for (const entry of resourceFileObjects(context.task.value)) {
      const present = SOURCES.filter((name) => member(entry.file, name) !== undefined);
      if (present.length === 0) {
        // Legacy `blobSource` is resource-file-blob-source-legacy's finding; CLI-extension `source`
        // (fileGroup / containerUrl) is expanded into httpUrl entries by the CLI before submission.
        if (member(entry.file, 'blobSource') !== undefined || member(entry.file, 'source') !== undefined) continue;
        context.report({ messageId: 'noSource', pointer: entry.pointer });
      } else if (present.length > 1) {
        context.report({
          messageId: 'manySources',
          pointer: entry.pointer + pointerTo(present[1] as string),
          target: 'key',
          data: { sources: quotedList(present) },
        });
      }
    }
  },
});

function quotedList(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return quoted.length <= 2 ? quoted.join(' and ') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
