import {
  defineRule,
  findShellFeatures,
  findShellInvocation,
  isTemplateExpression,
  maskTemplateExpressions,
  taskCommandLines,
} from '../src/rule-api.js';

export default defineRule({
  id: 'shell-features-without-shell',
  summary: 'Require a shell invocation for command lines that use shell syntax',
  rationale:
    'Batch starts the program directly: "The command line does not run under a shell, and therefore cannot take ' +
    'advantage of shell features such as environment variable expansion. If you want to take advantage of such ' +
    'features, you should invoke the shell in the command line, for example using `cmd /c MyCommand` in Windows or ' +
    '`/bin/sh -c MyCommand` in Linux" (S19 `commandLine`; D-env). Without a shell, `&&`, `|`, `>`, `;`, `$VAR`, ' +
    '`%VAR%`, globs and builtins such as `cd` or `export` reach the program as literal arguments, or the first word names ' +
    'a program that does not exist (`CommandProgramNotFound`). The same holds for a multi-instance ' +
    '`coordinationCommandLine`.\n\n' +
    'Only syntax outside quotes counts (variables also inside double quotes), URLs are left alone, and when the pool OS ' +
    "is known only that OS's shell syntax is considered (`;` and `$VAR` for Linux, `%VAR%` for Windows). In CLI-extension " +
    'templates `commandLine` is not checked because the extension adds the shell itself (see `cli-ext-auto-prefix`).',
  howToFix:
    "Start the command line with the node's shell: `/bin/sh -c '…'` (or `/bin/bash -c '…'` for bash syntax) on Linux, " +
    '`cmd /c "…"` on Windows, quoting the whole script as one argument. Or remove the shell syntax and pass plain ' +
    'arguments.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    missingShell: '{property} uses shell syntax "{feature}" but no shell runs it; start it with {wrapper}',
  },
  references: ['S19 TaskAddParameter.commandLine', 'D-env'],
  check(context) {
    const os = context.pool?.os;
    for (const commandLine of taskCommandLines(context.task.value)) {
      if (context.task.isTemplate && commandLine.property === 'commandLine') continue;
      if (isTemplateExpression(commandLine.text)) continue;
      const text = context.task.isTemplate ? maskTemplateExpressions(commandLine.text) : commandLine.text;
      if (findShellInvocation(text) !== undefined) continue;
      const features = findShellFeatures(text, os);
      const first = features[0];
      if (first === undefined) continue;
      const linuxShell = features.some((feature) => feature.text === 'source') ? "/bin/bash -c '…'" : "/bin/sh -c '…'";
      const wrapper =
        os === 'linux' ? linuxShell : os === 'windows' ? 'cmd /c "…"' : `${linuxShell} on Linux or cmd /c "…" on Windows`;
      context.report({
        messageId: 'missingShell',
        pointer: commandLine.pointer,
        data: { property: commandLine.property, feature: first.text, wrapper },
      });
    }
  },
});
