import {
  defineRule,
  findShellInvocation,
  isTemplateExpression,
  maskTemplateExpressions,
  objectMember,
  pointerTo,
  programName,
  splitCommandSegments,
  stringMember,
} from '../src/rule-api.js';
import type { CommandWord, ShellFamily } from '../src/rule-api.js';

type ArgumentTest = (args: readonly string[]) => boolean;

/** Services that keep running in the foreground unless started in the background. */
const FOREGROUND_SERVICES: ReadonlyMap<string, ArgumentTest> = new Map<string, ArgumentTest>([
  ['smpd', () => true],
  ['vray', (args) => args.some((arg) => arg.toLowerCase() === '-server')],
  ['sshd', (args) => args.includes('-D')],
  ['mpd', (args) => !args.some((arg) => arg === '-d' || arg === '--daemon')],
  ['redis-server', (args) => !args.join(' ').includes('--daemonize yes')],
  ['dask-scheduler', () => true],
  ['dask-worker', () => true],
  ['dask', (args) => args[0] === 'scheduler' || args[0] === 'worker'],
  ['ray', (args) => args[0] === 'start' && args.includes('--block')],
  ['jupyter', (args) => ['notebook', 'lab', 'server'].includes(args[0] ?? '')],
  ['sleep', (args) => args[0] === 'infinity'],
  ['tail', (args) => args.includes('-f') || args.includes('-F')],
  ['python', (args) => args[0] === '-m' && args[1] === 'http.server'],
  ['python3', (args) => args[0] === '-m' && args[1] === 'http.server'],
]);
const DETACHING_LAUNCHERS = new Set(['nohup', 'setsid', 'daemonize']);
const TRANSPARENT_LAUNCHERS = new Set(['sudo', 'exec', 'call', 'time', 'nice']);
const MAX_NESTED_SHELLS = 4;

/** The index of the first word at or after `from` that is not an option. */
function skipOptions(words: readonly CommandWord[], from: number, optionPrefix: string): number {
  let index = from;
  while (index < words.length && (words[index] as CommandWord).value.startsWith(optionPrefix)) index += 1;
  return index;
}

/**
 * The first service the text starts in the foreground. `&` backgrounds under sh but only
 * sequences under cmd, so the shell family decides; `start` (cmd) and `nohup`/`setsid` detach.
 * Launchers are stepped over by index, so a hostile line of many `sudo`s stays linear.
 */
function foregroundService(text: string, family: ShellFamily | undefined, detached: boolean, depth: number): string | undefined {
  for (const segment of splitCommandSegments(text)) {
    const words = segment.words;
    /** Where the command the launchers so far start begins. */
    let from = 0;
    let isDetached = detached || (segment.separator === '&' && family === 'posix');
    for (let head = words[from]; head !== undefined; head = words[from]) {
      const name = programName(head.value);
      if (name === 'start') {
        const programAt = skipOptions(words, from + 1, '/');
        // `/wait` among the options (or as the program word itself) keeps the program in the foreground.
        isDetached = true;
        for (let index = from + 1; index <= programAt && index < words.length; index += 1) {
          if ((words[index] as CommandWord).value.toLowerCase() === '/wait') isDetached = false;
        }
        from = programAt;
        // `start "title" program`: cmd takes the first quoted argument as the window title.
        if (words.length - from > 1 && words[from]?.pieces[0]?.quote === 'double') from += 1;
      } else if (DETACHING_LAUNCHERS.has(name)) {
        isDetached = true;
        from = skipOptions(words, from + 1, '-');
      } else if (TRANSPARENT_LAUNCHERS.has(name)) {
        from = skipOptions(words, from + 1, '-');
      } else {
        break;
      }
    }
    const first = words[from];
    if (first === undefined) continue;
    const rest = text.slice(first.start, (words[words.length - 1] ?? first).end);
    const invocation = findShellInvocation(rest);
    if (invocation !== undefined) {
      if (depth >= MAX_NESTED_SHELLS) continue;
      const found = foregroundService(invocation.script, invocation.family, isDetached, depth + 1);
      if (found !== undefined) return found;
      continue;
    }
    const isForeground = FOREGROUND_SERVICES.get(programName(first.value));
    if (!isDetached && isForeground?.(words.slice(from + 1).map((word) => word.value))) return first.value;
  }
  return undefined;
}

export default defineRule({
  id: 'coordination-command-blocks',
  summary: 'Disallow coordination commands that keep a service running in the foreground',
  rationale:
    'A multi-instance task runs its `coordinationCommandLine` on every node first, and "Batch does not execute the ' +
    'application command until the coordination command has returned successfully for all subtasks" (D-mpi). A ' +
    'coordination command that starts a daemon such as `smpd`, `vray -server` or `sshd -D` in the foreground never ' +
    'returns, so the application command never runs. D-mpi\'s own example detaches it: ' +
    '`cmd /c start cmd /c smpd.exe -d`. The rule recognises a small list of well-known services; others pass unnoticed.',
  howToFix:
    'Start the service in the background and return: `cmd /c start <service>` on Windows, ' +
    "`/bin/sh -c 'nohup <service> >/dev/null 2>&1 &'` (or the service's own daemon option) on Linux.",
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'medium',
  scope: 'task',
  messages: {
    blocks: 'Coordination command runs "{service}" in the foreground; the application command starts only after every coordination command returns',
  },
  references: ['D-mpi', 'S19 MultiInstanceSettings.coordinationCommandLine'],
  check(context) {
    const settings = objectMember(context.task.value, 'multiInstanceSettings');
    const coordination = stringMember(settings, 'coordinationCommandLine');
    if (coordination === undefined || isTemplateExpression(coordination)) return;
    const text = context.task.isTemplate ? maskTemplateExpressions(coordination) : coordination;
    const family = findShellInvocation(text)?.family ?? (context.pool?.os === 'windows' ? 'cmd' : context.pool?.os === 'linux' ? 'posix' : undefined);
    const service = foregroundService(text, family, false, 0);
    if (service === undefined) return;
    context.report({
      messageId: 'blocks',
      pointer: pointerTo('multiInstanceSettings', 'coordinationCommandLine'),
      data: { service },
    });
  },
});
