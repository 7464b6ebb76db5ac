import {
  defineRule,
  isAbsoluteFilePath,
  isTemplateExpression,
  member,
  pointerTo,
  resolveRelativePath,
  resourceFileEntries,
} from '../src/rule-api.js';

/** Characters after which a path starts a new token in a command line. */
const TOKEN_BOUNDARY = /[\s"'=(;&|<>,]/;

export default defineRule({
  id: 'common-resource-files-in-root',
  summary: 'Report command lines that look for commonResourceFiles in the working directory',
  rationale: [
    '`multiInstanceSettings.commonResourceFiles` are downloaded "to the Task root directory"',
    '(`AZ_BATCH_TASK_SHARED_DIR`), one level above the working directory where the command lines start and where',
    '`resourceFiles` land (S19 `MultiInstanceSettings.commonResourceFiles`; D-mpi). A command line that names such',
    'a file by its plain relative path looks in the wrong directory and fails with "file not found". The rule',
    'reports a common resource file whose `filePath` appears as a bare relative token in `commandLine` or',
    '`coordinationCommandLine`; references through `AZ_BATCH_TASK_SHARED_DIR`, `AZ_BATCH_TASK_DIR` or `../` pass.',
  ].join('\n'),
  howToFix: [
    'Refer to the file through the shared directory variable: `$AZ_BATCH_TASK_SHARED_DIR/setup.sh` on Linux',
    '(inside `/bin/bash -c`), `%AZ_BATCH_TASK_SHARED_DIR%\\setup.cmd` on Windows (inside `cmd /c`), or move the',
    'file to `resourceFiles` if only the primary needs it in its working directory.',
  ].join('\n'),
  category: 'correctness',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'task',
  messages: {
    relativeReference:
      '"{path}" from "commonResourceFiles" lands in the task root directory, but "{field}" looks for it in the working directory; use "{reference}"',
  },
  references: ['S19 `MultiInstanceSettings.commonResourceFiles`', 'D-mpi'],
  check(context) {
    const task = context.task.value;
    const commandLines = [
      { field: 'commandLine', pointer: pointerTo('commandLine'), text: member(task, 'commandLine') },
      {
        field: 'coordinationCommandLine',
        pointer: pointerTo('multiInstanceSettings', 'coordinationCommandLine'),
        text: member(member(task, 'multiInstanceSettings'), 'coordinationCommandLine'),
      },
    ];
    for (const entry of resourceFileEntries(task)) {
      if (entry.list !== 'commonResourceFiles') continue;
      const path = member(entry.file, 'filePath');
      if (typeof path !== 'string' || isTemplateExpression(path) || isAbsoluteFilePath(path)) continue;
      const resolved = resolveRelativePath(path);
      if (resolved.escapes || resolved.segments.length === 0) continue;
      const forward = resolved.segments.join('/');
      const backward = resolved.segments.join('\\');
      for (const commandLine of commandLines) {
        const text = commandLine.text;
        if (typeof text !== 'string' || isTemplateExpression(text)) continue;
        if (!hasBareToken(text, forward) && !hasBareToken(text, backward)) continue;
        const windowsStyle = context.pool?.os === 'windows' || (context.pool?.os === undefined && /%\w+%|^\s*cmd(\.exe)?\s/i.test(text));
        const reference = windowsStyle ? `%AZ_BATCH_TASK_SHARED_DIR%\\${backward}` : `$AZ_BATCH_TASK_SHARED_DIR/${forward}`;
        context.report({
          messageId: 'relativeReference',
          pointer: entry.pointer + pointerTo('filePath'),
          data: { path, field: commandLine.field, reference },
          related: [{ pointer: commandLine.pointer, label: 'command line that uses the file' }],
        });
        break;
      }
    }
  },
});

/** True when `path` starts a token of `text` and ends at a token or path boundary. */
function hasBareToken(text: string, path: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(path, from);
    if (at === -1) return false;
    const before = at === 0 ? ' ' : (text[at - 1] as string);
    const after = text[at + path.length] ?? ' ';
    const dotSlash = before === '/' && text.slice(Math.max(0, at - 2), at) === './' && (at < 3 || TOKEN_BOUNDARY.test(text[at - 3] as string));
    if ((TOKEN_BOUNDARY.test(before) || dotSlash) && /[\s"'/\\;&|<>),]/.test(after)) return true;
    from = at + 1;
  }
}
