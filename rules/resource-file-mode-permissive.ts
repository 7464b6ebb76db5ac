import { defineRule, isTemplateExpression, member, pointerTo, resourceFileObjects } from '../src/rule-api.js';

const OCTAL_MODE = /^[0-7]{3,4}$/;
const SETUID = 0o4000;
const SETGID = 0o2000;
const OTHERS_WRITE = 0o002;

export default defineRule({
  id: 'resource-file-mode-permissive',
  summary: 'Disallow world-writable or setuid/setgid resource file modes',
  rationale: [
    'Batch applies `fileMode` to downloaded files on Linux nodes (S19 `ResourceFile.fileMode`). A mode that lets',
    'every user write the file (`0666`, `0777`, any mode ending in 2, 3, 6 or 7) lets any other task or user on a',
    'shared node replace a program before it runs. The setuid and setgid bits (`4xxx`, `2xxx`) make a downloaded',
    'program run with its owner\'s or group\'s rights, which Batch downloads rarely need and attackers like.',
  ].join('\n'),
  howToFix: 'Drop the write bit for others (`0755` for programs, `0644` for data) and the setuid/setgid digit.',
  category: 'security',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    worldWritable: 'Resource file "fileMode" "{mode}" lets every user on the node write the file; drop the write bit for others, e.g. "{suggestion}"',
    setuidOrSetgid: 'Resource file "fileMode" "{mode}" sets {bits}; downloaded files should not run with raised rights',
  },
  references: ['S19 ResourceFile.fileMode'],
  check(context) {
    for (const entry of resourceFileObjects(context.task.value)) {
      const mode = member(entry.file, 'fileMode');
      if (typeof mode !== 'string' || isTemplateExpression(mode) || !OCTAL_MODE.test(mode)) continue;
      const bits = parseInt(mode, 8);
      const pointer = entry.pointer + pointerTo('fileMode');
      if ((bits & OTHERS_WRITE) !== 0) {
        const suggestion = '0' + (bits & 0o775 & ~SETUID & ~SETGID).toString(8).padStart(3, '0');
        context.report({ messageId: 'worldWritable', pointer, data: { mode, suggestion } });
      }
      const special = [(bits & SETUID) !== 0 ? 'setuid' : '', (bits & SETGID) !== 0 ? 'setgid' : ''].filter(Boolean);
      if (special.length > 0) {
        context.report({ messageId: 'setuidOrSetgid', pointer, data: { mode, bits: special.length === 1 ? `the ${special[0]} bit` : 'the setuid and setgid bits' } });
      }
    }
  },
});
