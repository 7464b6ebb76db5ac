import { defineRule, isTemplateExpression, stringMember } from '../src/rule-api.js';

/** The extension's own test, `_is_prefixed` in X-ext `_template_utils.py`: exact and case-sensitive. */
const EXTENSION_PREFIXES = ['cmd.exe /c', 'cmd /c', '/bin/bash -c'];
const LINUX_WRAPPER = "/bin/bash -c 'set -e; set -o pipefail; …; wait'";
const WINDOWS_WRAPPER = 'cmd /c "…"';

export default defineRule({
  id: 'cli-ext-auto-prefix',
  summary: 'Report template command lines the CLI extension will wrap in a shell',
  rationale:
    'The Azure Batch CLI extension (`az batch job create --template`, task factories, application templates) adds a ' +
    'shell to every task, job manager, preparation, release and start task command line that does not start with ' +
    'exactly `cmd /c`, `cmd.exe /c` or `/bin/bash -c`: `cmd /c "<cmd>"` for Windows pools and ' +
    "`/bin/bash -c 'set -e; set -o pipefail; <cmd>; wait'` for Linux pools (X-ext `_add_cmd_prefix`, `_is_prefixed`). " +
    'What runs is therefore not what the template says: `set -e` stops at the first failing command, and a single ' +
    "quote inside `<cmd>` ends the wrapper's quoting (I-Azure/azure-batch-cli-extensions#43). Coordination command " +
    'lines are not wrapped. This rule only looks at CLI-extension templates.',
  howToFix:
    'Write the shell yourself so the template says what runs: start Linux command lines with `/bin/bash -c \'…\'` ' +
    '(no unescaped single quotes inside) and Windows ones with `cmd /c "…"`.',
  category: 'compatibility',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'task',
  messages: {
    wrappedLinux: `The CLI extension will run this command line as ${LINUX_WRAPPER}`,
    wrappedWindows: `The CLI extension will run this command line as ${WINDOWS_WRAPPER}`,
    wrapped: `The CLI extension will run this command line as ${WINDOWS_WRAPPER} on Windows or ${LINUX_WRAPPER} on Linux`,
    singleQuoteBreaksWrapper: `On Linux the CLI extension wraps this command line in ${LINUX_WRAPPER}, and its single quotes end that quoting`,
  },
  references: ['X-ext _template_utils.py _add_cmd_prefix, _is_prefixed', 'I-Azure/azure-batch-cli-extensions#43'],
  check(context) {
    if (!context.task.isTemplate) return;
    const commandLine = stringMember(context.task.value, 'commandLine');
    if (commandLine === undefined || commandLine === '' || isTemplateExpression(commandLine)) return;
    if (EXTENSION_PREFIXES.some((prefix) => commandLine.startsWith(prefix))) return;
    const os = context.pool?.os;
    const quoteOutsideExpressions = commandLine.replace(/\[(parameters|variables)\('[^']*'\)\]/g, '').includes("'");
    const messageId =
      os === 'windows' ? 'wrappedWindows' : quoteOutsideExpressions ? 'singleQuoteBreaksWrapper' : os === 'linux' ? 'wrappedLinux' : 'wrapped';
    context.report({ messageId, pointer: '/commandLine' });
  },
});
