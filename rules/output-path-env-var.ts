import { defineRule, isTemplateExpression, member, pointerTo } from '../src/rule-api.js';
import { outputFileObjects } from '../src/rule-api.js';

/** `$VAR`, `${VAR}` (Linux) and `%VAR%` (Windows): the forms `filePattern` expands. */
const VARIABLE_REFERENCE = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_()]*%/;

export default defineRule({
  id: 'output-path-env-var',
  summary: 'Disallow environment variable references in an output destination path',
  rationale: [
    'Batch expands environment variables in `filePattern` ("Environment variables (%var% on Windows or $var on',
    'Linux) are expanded prior to the pattern being applied", S19 `OutputFile.filePattern`), but not in',
    '`destination.container.path`: a path such as `logs/$AZ_BATCH_TASK_ID` uploads to a blob literally named',
    '`logs/$AZ_BATCH_TASK_ID` (I-Azure/Batch#130), so every task writes to the same blob.',
  ].join('\n'),
  howToFix: 'Write the value itself into `path` when the task body is generated (for example the task id: `logs/task-42/stdout.txt`).',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    variableInPath: 'Output "path" contains "{reference}", but environment variables are not expanded in "path"; write the value itself',
  },
  references: ['S19 `OutputFile.filePattern`', 'I-Azure/Batch#130'],
  check(context) {
    for (const entry of outputFileObjects(context.task.value)) {
      const path = member(member(member(entry.file, 'destination'), 'container'), 'path');
      if (typeof path !== 'string' || isTemplateExpression(path)) continue;
      const reference = VARIABLE_REFERENCE.exec(path)?.[0];
      if (reference === undefined) continue;
      context.report({ messageId: 'variableInPath', pointer: entry.pointer + pointerTo('destination', 'container', 'path'), data: { reference } });
    }
  },
});
