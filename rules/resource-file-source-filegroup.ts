import { defineRule, objectMember, resourceFileObjects, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'resource-file-source-filegroup',
  summary: 'Report resource files that name a CLI-extension file group or container listing',
  rationale:
    '`resourceFiles[].source` (`fileGroup` or `containerUrl`, optional `prefix`) exists only in CLI-extension ' +
    'templates: before submitting, the extension lists the blobs of the file group (container `fgrp-<name>` in ' +
    'the linked storage account) or container and writes one `httpUrl` resource file per blob, with a SAS it ' +
    'creates. The body works only through the extension; through the REST API or an SDK it is rejected. A large ' +
    'file group can also push the task past the size limit of a task (X-ext `doc/inputFiles.md`).',
  howToFix: 'Nothing to fix while the extension submits the job; outside it, use `storageContainerUrl` or `autoStorageContainerName` with `blobPrefix`.',
  category: 'compatibility',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'task',
  messages: {
    fileGroupSource: 'Resource files from file group "{name}" work only through the CLI extension, which lists the blobs and adds one resource file per blob',
    containerSource: 'Resource files from a container listing work only through the CLI extension, which lists the blobs and adds one resource file per blob',
  },
  references: ['X-ext `doc/inputFiles.md`', 'X-ext `_file_utils.py`'],
  check(context) {
    if (!context.task.isTemplate) return;
    for (const entry of resourceFileObjects(context.task.value)) {
      const source = objectMember(entry.file, 'source');
      if (source === undefined) continue;
      const fileGroup = stringMember(source, 'fileGroup');
      const pointer = `${entry.pointer}/source`;
      if (fileGroup !== undefined) context.report({ messageId: 'fileGroupSource', pointer, target: 'key', data: { name: fileGroup } });
      else context.report({ messageId: 'containerSource', pointer, target: 'key' });
    }
  },
});
