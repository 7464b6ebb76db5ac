import { defineRule, isTemplateExpression, maskSecrets, member, outputFileObjects, pointerTo, whyNotAContainerUrl } from '../src/rule-api.js';

export default defineRule({
  id: 'output-container-url-not-container',
  summary: 'Require an output containerUrl to name a blob container',
  rationale: [
    '`containerUrl` is "the URL of the container within Azure Blob Storage to which to upload the file(s)" (S19',
    '`OutputFileBlobContainerDestination`). A URL with a blob path after the container, an account URL ("A SAS URL',
    'to your entire storage account will not work", X-ext `doc/outputFiles.md`), or a SAS scoped to one blob',
    '(`sr=b`) does not name a container the upload can write into. The blob name or virtual directory belongs in',
    '`path`.',
  ].join('\n'),
  howToFix: 'Cut the URL after the container name and put the rest into `destination.container.path`; generate a container SAS (`sr=c`).',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'medium',
  scope: 'task',
  messages: {
    blobPath: 'Output "containerUrl" "{url}" has a path below the container; use the container URL and move the rest into "path"',
    accountRoot: 'Output "containerUrl" "{url}" names no container; add the container name',
    blobSas: 'Output "containerUrl" carries a blob-scoped SAS ("sr=b"); uploads need a container SAS ("sr=c")',
  },
  references: ['S19 `OutputFileBlobContainerDestination.containerUrl`', 'X-ext `doc/outputFiles.md`'],
  check(context) {
    for (const entry of outputFileObjects(context.task.value)) {
      const url = member(member(member(entry.file, 'destination'), 'container'), 'containerUrl');
      if (typeof url !== 'string' || isTemplateExpression(url)) continue;
      const pointer = entry.pointer + pointerTo('destination', 'container', 'containerUrl');
      const reason = whyNotAContainerUrl(url);
      if (reason === 'blobSas') context.report({ messageId: reason, pointer });
      else if (reason !== undefined) context.report({ messageId: reason, pointer, data: { url: maskSecrets(url) } });
    }
  },
});
