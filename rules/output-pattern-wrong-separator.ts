import { defineRule, isTemplateExpression, member, outputFileObjects, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'output-pattern-wrong-separator',
  summary: 'Disallow backslash separators in output filePattern on Linux pools',
  rationale: [
    '"Both \\ and / are treated as directory separators on Windows, but only / is on Linux" (S19',
    '`OutputFile.filePattern`). On a Linux pool `logs\\*.txt` matches a file literally named `logs\\…` in the',
    'working directory, so nothing is uploaded. The pool\'s OS is read from its `nodeAgentSKUId`; without a known',
    'Linux pool the rule stays silent.',
  ].join('\n'),
  howToFix: 'Use `/` as the separator; it works on Windows pools too.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    backslash: 'Output "filePattern" "{pattern}" uses "\\" but {pool} runs Linux, where only "/" separates directories; write "{suggestion}"',
  },
  references: ['S19 `OutputFile.filePattern`'],
  check(context) {
    const pool = context.pool;
    if (pool?.os !== 'linux') return;
    for (const entry of outputFileObjects(context.task.value)) {
      const pattern = member(entry.file, 'filePattern');
      if (typeof pattern !== 'string' || isTemplateExpression(pattern) || !pattern.includes('\\')) continue;
      context.report({
        messageId: 'backslash',
        pointer: entry.pointer + pointerTo('filePattern'),
        data: { pattern, pool: pool.entity.id === undefined ? 'the auto pool' : `pool "${pool.entity.id}"`, suggestion: pattern.replace(/\\/g, '/') },
      });
    }
  },
});
