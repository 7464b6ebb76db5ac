import {
  defineRule,
  findShellInvocation,
  findVariableReferences,
  firstCommandWord,
  isTemplateExpression,
  maskTemplateExpressions,
  objectMember,
  programName,
  splitCommandWords,
  stringMember,
  taskCommandLines,
} from '../src/rule-api.js';
import type { CommandWord, RelatedPlace } from '../src/rule-api.js';

const WINDOWS_DRIVE_PATH = /^(?:[A-Za-z]:\\|\.\.?\\)/;
const LINUX_PROGRAM_PATH = /^\/(?:bin|usr|opt|etc|mnt|home|sbin)\//;
const WINDOWS_PROGRAM = /\.exe$/i;
/** A word whose program name is `powershell` or `pwsh`: any directory, optional `.exe`, any case. */
const POWERSHELL_WORD = /(?:^|[\\/])(?:powershell|pwsh)(?:\.exe)?$/i;

/**
 * The first reference of the other OS's shell, outside URLs. Quoting does not matter here: no shell
 * on the node expands the other OS's variables anywhere. `%VAR%` needs a `%` and `$VAR`/`$(…)` a `$`,
 * so words without that character are not searched.
 */
function firstForeignReference(words: readonly CommandWord[], os: 'linux' | 'windows'): string | undefined {
  const marker = os === 'linux' ? '%' : '$';
  for (const word of words) {
    const value = word.value;
    if (value.indexOf(marker) === -1 || value.includes('://')) continue;
    for (const reference of findVariableReferences(value)) {
      const isForeign = os === 'linux' ? reference.kind === 'windows-variable' : reference.kind === 'posix-variable' || reference.kind === 'command-substitution';
      if (isForeign) return reference.text;
    }
  }
  return undefined;
}

/**
 * The first piece of syntax that only the other OS understands, if any. The words are read only
 * when the line holds a character the remaining checks need (`%`, `$`, a backslash): most lines
 * are settled by their first word.
 */
function foreignSyntax(text: string, os: 'linux' | 'windows'): string | undefined {
  const invocation = findShellInvocation(text);
  const program = firstCommandWord(text);
  if (os === 'linux') {
    if (invocation?.family === 'cmd') return invocation.executable;
    if (invocation?.family === 'powershell' && programName(invocation.executable) === 'powershell') return invocation.executable;
    if (text.indexOf('%') !== -1) {
      const windowsVariable = firstForeignReference(splitCommandWords(text), os);
      if (windowsVariable !== undefined) return windowsVariable;
    }
    if (WINDOWS_PROGRAM.test(program)) return program;
    // A drive or relative Windows path needs a backslash, which quote removal never adds.
    if (text.indexOf('\\') === -1) return undefined;
    for (const word of splitCommandWords(text)) if (WINDOWS_DRIVE_PATH.test(word.value)) return word.value;
    return undefined;
  }
  if (invocation?.family === 'posix') return invocation.executable;
  if (LINUX_PROGRAM_PATH.test(program)) return program;
  if (text.indexOf('$') === -1) return undefined;
  const words = splitCommandWords(text);
  // PowerShell's own `$variables` are Windows syntax.
  for (const word of words) if (POWERSHELL_WORD.test(word.value)) return undefined;
  return firstForeignReference(words, os);
}

export default defineRule({
  id: 'shell-os-mismatch',
  summary: "Disallow command-line syntax of the other OS than the pool's nodes run",
  rationale:
    'The pool OS follows from its `nodeAgentSKUId` (`batch.node.windows amd64` versus `batch.node.ubuntu 22.04`, …). A ' +
    'Linux node has no `cmd`, does not expand `%VAR%` and has no `C:\\` paths; a Windows node has no `/bin/bash` and ' +
    'does not expand `$VAR`. The task then fails at run time with `CommandProgramNotFound`, or runs with literal ' +
    '`%VAR%`/`$VAR` arguments (D-err scheduling codes). The rule needs the pool body and stays silent without it.',
  howToFix:
    'Write the command for the pool\'s OS: `/bin/sh -c \'…\'` with `$VAR` and `/` paths on Linux, `cmd /c "…"` with ' +
    '`%VAR%` and `\\` paths on Windows — or bind the job to the pool you meant.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    windowsSyntaxOnLinux: '{property} uses Windows syntax "{syntax}" but the pool runs Linux',
    linuxSyntaxOnWindows: '{property} uses Linux syntax "{syntax}" but the pool runs Windows',
  },
  references: ['S19 VirtualMachineConfiguration.nodeAgentSKUId', 'D-err'],
  check(context) {
    const pool = context.pool;
    if (pool?.os === undefined) return;
    const related: RelatedPlace[] = [];
    const configuration = objectMember(pool.value, 'virtualMachineConfiguration');
    if (stringMember(configuration, 'nodeAgentSKUId') !== undefined) {
      related.push({ entity: pool.entity, pointer: '/virtualMachineConfiguration/nodeAgentSKUId', label: 'pool OS' });
    }
    for (const commandLine of taskCommandLines(context.task.value)) {
      if (isTemplateExpression(commandLine.text)) continue;
      const text = context.task.isTemplate ? maskTemplateExpressions(commandLine.text) : commandLine.text;
      const syntax = foreignSyntax(text, pool.os);
      if (syntax === undefined) continue;
      context.report({
        messageId: pool.os === 'linux' ? 'windowsSyntaxOnLinux' : 'linuxSyntaxOnWindows',
        pointer: commandLine.pointer,
        data: { property: commandLine.property, syntax },
        related,
      });
    }
  },
});
