import { defineRule, isTemplateExpression, member, pointerTo, resourceFileObjects } from '../src/rule-api.js';

/** Three permission digits, optionally after a leading 0, or four digits with the special bits first. */
const OCTAL_MODE = /^[0-7]{3,4}$/;

export default defineRule({
  id: 'resource-file-mode-invalid',
  summary: 'Require resource file fileMode to be an octal permission string',
  rationale: [
    '`fileMode` is "the file permission mode attribute in octal format" that Batch applies on Linux nodes; the',
    'default is `0770` (S19 `ResourceFile.fileMode`). A value such as `"0855"`, `"rwxr-xr-x"`, `"755 "` or',
    '`"0o755"` is not an octal mode, so the file cannot get the permissions the task expects. (A number such as',
    '`755` instead of the string `"0755"` is a JSON type error, reported by `json-type-mismatch`.)',
  ].join('\n'),
  howToFix: 'Write three octal digits, optionally with a leading `0` (`"0755"`, `"644"`), or four digits when special bits are meant (`"1777"`).',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    notOctal: 'Resource file "fileMode" "{mode}" is not an octal mode; write e.g. "0755" or "0644"',
  },
  references: ['S19 `ResourceFile.fileMode`'],
  check(context) {
    for (const entry of resourceFileObjects(context.task.value)) {
      const mode = member(entry.file, 'fileMode');
      if (typeof mode !== 'string' || isTemplateExpression(mode) || OCTAL_MODE.test(mode)) continue;
      context.report({ messageId: 'notOctal', pointer: entry.pointer + pointerTo('fileMode'), data: { mode } });
    }
  },
});
