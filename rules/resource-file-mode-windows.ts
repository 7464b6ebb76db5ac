import { defineRule, hasMember, pointerTo, resourceFileObjects } from '../src/rule-api.js';

export default defineRule({
  id: 'resource-file-mode-windows',
  summary: 'Report fileMode on resource files of tasks that run on a Windows pool',
  rationale: [
    '`fileMode` "is ignored if it is specified for a resourceFile which will be downloaded to a Windows Compute',
    'Node" (S19 `ResourceFile.fileMode`). On a Windows pool it has no effect, which usually means the task body',
    'was copied from a Linux workload and may carry other Linux assumptions. The pool\'s OS is read from its',
    '`nodeAgentSKUId`; without a known pool the rule stays silent.',
  ].join('\n'),
  howToFix: 'Remove `fileMode`, and set file permissions on Windows through the command line (`icacls`) if they matter.',
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'task',
  messages: {
    ignoredOnWindows: '"fileMode" is ignored on Windows nodes, and {pool} runs Windows; remove it',
  },
  references: ['S19 `ResourceFile.fileMode`'],
  check(context) {
    const pool = context.pool;
    if (pool?.os !== 'windows') return;
    const poolLabel = pool.entity.id === undefined ? 'the auto pool' : `pool "${pool.entity.id}"`;
    for (const entry of resourceFileObjects(context.task.value)) {
      if (hasMember(entry.file, 'fileMode')) {
        context.report({ messageId: 'ignoredOnWindows', pointer: entry.pointer + pointerTo('fileMode'), target: 'key', data: { pool: poolLabel } });
      }
    }
  },
});
