import { defineRule, isTemplateExpression, member, pointerTo } from '../src/rule-api.js';

/** `$VAR`, `${VAR}` (Linux) and `%VAR%` (Windows): the forms `filePattern` expands. */
const VARIABLE_REFERENCE = /\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_()]*%/g;

/**
 * The Batch File Conventions standard names its virtual folders with a literal `$` (`{taskId}/$TaskOutput`,
 * `$JobOutput`): Batch Explorer and the conventions libraries look for exactly these names, so a path
 * segment spelled this way is meant literally.
 */
const FILE_CONVENTIONS_FOLDER = /^\$(TaskOutput|TaskPreview|TaskLog|TaskIntermediate|JobOutput|JobPreview)$/;

function firstVariableReference(path: string): string | undefined {
  for (const match of path.matchAll(VARIABLE_REFERENCE)) {
    const end = match.index + match[0].length;
    const isWholeSegment = (match.index === 0 || path[match.index - 1] === '/') && (end === path.length || path[end] === '/');
    if (isWholeSegment && FILE_CONVENTIONS_FOLDER.test(match[0])) continue;
    return match[0];
  }
  return undefined;
}

export default defineRule({
  id: 'output-path-env-var',
  summary: 'Disallow environment variable references in an output destination path',
  rationale: [
    'Batch expands environment variables in `filePattern` ("Environment variables (%var% on Windows or $var on',
    'Linux) are expanded prior to the pattern being applied", S19 `OutputFile.filePattern`), but not in',
    '`destination.container.path`: a path such as `logs/$AZ_BATCH_TASK_ID` uploads to a blob literally named',
    '`logs/$AZ_BATCH_TASK_ID` (I-Azure/Batch#130), so every task writes to the same blob.',
    '',
    'The folder names of the Batch File Conventions standard (`$TaskOutput`, `$TaskLog`, `$TaskPreview`,',
    '`$TaskIntermediate`, `$JobOutput`, `$JobPreview`) are meant literally and are not reported when they form a',
    'whole path segment (D-out, "Use the Batch File Conventions standard").',
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
    const files = member(context.task.value, 'outputFiles');
    if (!Array.isArray(files)) return;
    for (let index = 0; index < files.length; index += 1) {
      const path = member(member(member(files[index], 'destination'), 'container'), 'path');
      if (typeof path !== 'string' || isTemplateExpression(path)) continue;
      // Every reference starts with `$` or `%`: most paths have neither and need no search.
      if (path.indexOf('$') === -1 && path.indexOf('%') === -1) continue;
      const reference = firstVariableReference(path);
      if (reference === undefined) continue;
      context.report({ messageId: 'variableInPath', pointer: pointerTo('outputFiles', index) + pointerTo('destination', 'container', 'path'), data: { reference } });
    }
  },
});
