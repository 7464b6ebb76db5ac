import { defineRule, hasMember, isAtLeast, pointerTo, resourceFileObjects } from '../src/rule-api.js';

export default defineRule({
  id: 'resource-file-http-needs-path',
  summary: 'Require filePath on a resource file downloaded from httpUrl',
  rationale: [
    'A resource file taken from `httpUrl` is one file, and Batch needs to know what to call it on the node:',
    '"If the httpUrl property is specified, the filePath is required and describes the path which the file will be',
    'downloaded to, including the filename" (S19 `ResourceFile.filePath`). Only container sources may omit it.',
  ].join('\n'),
  howToFix: 'Add `"filePath"` with the relative path and file name the download should get, e.g. `"filePath": "input/data.csv"`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    missingFilePath: 'Resource file downloads "httpUrl" but has no "filePath"; add the relative path, file name included',
  },
  references: ['S19 `ResourceFile.filePath`'],
  check(context) {
    if (!isAtLeast(context.apiVersion, '2018-12-01.8.0')) return;
    for (const entry of resourceFileObjects(context.task.value)) {
      if (hasMember(entry.file, 'httpUrl') && !hasMember(entry.file, 'filePath')) {
        context.report({ messageId: 'missingFilePath', pointer: entry.pointer + pointerTo('httpUrl'), target: 'key' });
      }
    }
  },
});
