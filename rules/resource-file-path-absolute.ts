import { defineRule, isAbsoluteFilePath, isTemplateExpression, member, pointerTo, resourceFileObjects } from '../src/rule-api.js';

export default defineRule({
  id: 'resource-file-path-absolute',
  summary: 'Require resource file filePath to be relative to the task directory',
  rationale: [
    '`filePath` is "the location on the Compute Node to which to download the file(s), relative to the Task\'s',
    'working directory" (S19 `ResourceFile.filePath`). Absolute paths (`/data/x`, `C:\\data\\x`, `\\\\server\\share`,',
    '`~/x`) are not a place Batch downloads to: files land only under the task directory, which Batch creates and',
    'cleans up. `commonResourceFiles` are relative to the task root directory in the same way.',
  ].join('\n'),
  howToFix: [
    'Write a path relative to the working directory (`input/data.csv`) and let the command line find it there, or',
    'through `AZ_BATCH_TASK_WORKING_DIR`. To place files in a shared location, download them in a start task or',
    'job preparation task and copy them with the command line.',
  ].join('\n'),
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    absolutePath: 'Resource file "filePath" "{path}" is absolute; write it relative to the task working directory',
  },
  references: ['S19 `ResourceFile.filePath`'],
  check(context) {
    for (const entry of resourceFileObjects(context.task.value)) {
      const path = member(entry.file, 'filePath');
      if (typeof path !== 'string' || isTemplateExpression(path) || !isAbsoluteFilePath(path)) continue;
      context.report({ messageId: 'absolutePath', pointer: entry.pointer + pointerTo('filePath'), data: { path } });
    }
  },
});
