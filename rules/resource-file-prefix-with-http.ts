import { defineRule, hasMember, isAtLeast, pointerTo, resourceFileObjects } from '../src/rule-api.js';

export default defineRule({
  id: 'resource-file-prefix-with-http',
  summary: 'Disallow blobPrefix on a resource file downloaded from httpUrl',
  rationale: [
    '`blobPrefix` filters the blobs of a container: "The property is valid only when autoStorageContainerName or',
    'storageContainerUrl is used" (S19 `ResourceFile.blobPrefix`). With `httpUrl` there is nothing to filter, so the',
    'body is invalid; it usually means the entry was meant to be a container download.',
  ].join('\n'),
  howToFix: [
    'Either remove `blobPrefix`, or download a container: replace `httpUrl` with `storageContainerUrl` (the',
    'container URL, without the blob name) and keep `blobPrefix` to select the blobs.',
  ].join('\n'),
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    prefixWithHttp: '"blobPrefix" only applies to container sources, not "httpUrl"; remove it or use "storageContainerUrl"',
  },
  references: ['S19 `ResourceFile.blobPrefix`'],
  check(context) {
    if (!isAtLeast(context.apiVersion, '2018-12-01.8.0')) return;
    for (const entry of resourceFileObjects(context.task.value)) {
      const hasContainerSource = hasMember(entry.file, 'storageContainerUrl') || hasMember(entry.file, 'autoStorageContainerName');
      if (hasMember(entry.file, 'httpUrl') && hasMember(entry.file, 'blobPrefix') && !hasContainerSource) {
        context.report({ messageId: 'prefixWithHttp', pointer: entry.pointer + pointerTo('blobPrefix'), target: 'key' });
      }
    }
  },
});
