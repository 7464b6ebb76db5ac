import {
  defineRule,
  isAbsoluteFilePath,
  isTemplateExpression,
  member,
  pointerTo,
  resolveRelativePath,
  resourceFileObjects,
} from '../src/rule-api.js';

export default defineRule({
  id: 'resource-file-path-escapes',
  summary: 'Disallow resource file paths that climb out of the task directory',
  rationale: [
    'The specification is explicit: "The specified relative path cannot break out of the Task\'s working directory',
    '(for example by using \'..\')" (S19 `ResourceFile.filePath`). The check resolves `.` and `..` with both `/`',
    'and `\\` as separators, so `a/../b` is fine (it stays inside) while `../b` and `a/../../b` are not.',
  ].join('\n'),
  howToFix: [
    'Remove the `..` segments so the path stays inside the working directory. Files every task of a job needs can',
    'be downloaded once by the job preparation task into `AZ_BATCH_JOB_PREP_WORKING_DIR`.',
  ].join('\n'),
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    pathEscapes: 'Resource file "filePath" "{path}" leaves the task directory through ".."; keep it inside',
  },
  references: ['S19 `ResourceFile.filePath`'],
  check(context) {
    for (const entry of resourceFileObjects(context.task.value)) {
      const path = member(entry.file, 'filePath');
      if (typeof path !== 'string' || isTemplateExpression(path) || isAbsoluteFilePath(path)) continue;
      if (resolveRelativePath(path).escapes) {
        context.report({ messageId: 'pathEscapes', pointer: entry.pointer + pointerTo('filePath'), data: { path } });
      }
    }
  },
});
