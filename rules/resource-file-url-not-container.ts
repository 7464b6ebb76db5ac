import { defineRule, isTemplateExpression, maskSecrets, member, pointerTo, resourceFileObjects, whyNotAContainerUrl } from '../src/rule-api.js';

export default defineRule({
  id: 'resource-file-url-not-container',
  summary: 'Require storageContainerUrl to name a blob container, not a blob or an account',
  rationale: [
    '`storageContainerUrl` is "the URL of the blob container within Azure Blob Storage" (S19 `ResourceFile`):',
    'Batch lists it and downloads every blob (filtered by `blobPrefix`). A URL with a blob path after the',
    'container, or a SAS scoped to one blob (`sr=b`), cannot be listed, and an account URL names no container.',
    'A single file belongs in `httpUrl`; a sub-folder of a container belongs in `blobPrefix`.',
  ].join('\n'),
  howToFix: [
    'Cut the URL after the container name and move the rest of the path into `blobPrefix`',
    '(`https://acct.blob.core.windows.net/input` + `"blobPrefix": "run1/"`), or download one file with',
    '`httpUrl` and `filePath`. Container SAS tokens have `sr=c`.',
  ].join('\n'),
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'medium',
  scope: 'task',
  messages: {
    blobPath: '"storageContainerUrl" "{url}" has a path below the container; use the container URL and move the rest into "blobPrefix"',
    accountRoot: '"storageContainerUrl" "{url}" names no container; add the container name to the path',
    blobSas: '"storageContainerUrl" carries a blob-scoped SAS ("sr=b"); a container download needs a container SAS ("sr=c")',
  },
  references: ['S19 `ResourceFile.storageContainerUrl`', 'S19 `ResourceFile.blobPrefix`'],
  check(context) {
    for (const entry of resourceFileObjects(context.task.value)) {
      const url = member(entry.file, 'storageContainerUrl');
      if (typeof url !== 'string' || isTemplateExpression(url)) continue;
      const pointer = entry.pointer + pointerTo('storageContainerUrl');
      const reason = whyNotAContainerUrl(url);
      if (reason === 'blobSas') context.report({ messageId: reason, pointer });
      else if (reason !== undefined) context.report({ messageId: reason, pointer, data: { url: maskSecrets(url) } });
    }
  },
});
