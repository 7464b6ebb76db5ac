import { defineRule, member, objectMember, outputFileObjects, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'output-file-autostorage',
  summary: 'Report output files that upload to a CLI-extension file group',
  rationale:
    '`outputFiles[].destination.autoStorage` (`fileGroup`, optional `path`) exists only in CLI-extension ' +
    'templates: before submitting, the extension replaces it with a `container` destination whose ' +
    '`containerUrl` is a SAS URL for the container `fgrp-<fileGroup>` of the Batch account\'s linked storage ' +
    'account. The body works only through the extension; sent through the REST API or an SDK it is rejected, ' +
    'and the SAS the extension creates decides how long uploads can succeed (X-ext `doc/outputFiles.md`).',
  howToFix: 'Nothing to fix while the extension submits the job; outside it, use `destination.container` with a container URL and a SAS or managed identity.',
  category: 'compatibility',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'task',
  messages: {
    autoStorage: 'Output file group "{fileGroup}" works only through the CLI extension, which turns it into a container SAS URL',
  },
  references: ['X-ext `doc/outputFiles.md`', 'X-ext `_template_utils.py` (`_parse_task_output_files`)'],
  check(context) {
    if (!context.task.isTemplate) return;
    for (const entry of outputFileObjects(context.task.value)) {
      const autoStorage = member(member(entry.file, 'destination'), 'autoStorage');
      if (objectMember(member(entry.file, 'destination'), 'autoStorage') === undefined) continue;
      context.report({ messageId: 'autoStorage', pointer: `${entry.pointer}/destination/autoStorage`, target: 'key', data: { fileGroup: stringMember(autoStorage, 'fileGroup') ?? '(none)' } });
    }
  },
});
