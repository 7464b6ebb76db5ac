import { defineRule, isJsonObject, member } from '../src/rule-api.js';

export default defineRule({
  id: 'command-line-empty',
  summary: 'Disallow an empty or blank commandLine on a task that runs no container',
  rationale:
    'Every task-like body must name a program: `commandLine` is required (S19 `TaskAddParameter`, `JobManagerTask`, ' +
    '`JobPreparationTask`, `JobReleaseTask`, `StartTask`), and an empty or whitespace-only command gives the node nothing ' +
    'to start. Container tasks are the exception: there `""` deliberately means "use the image ENTRYPOINT" (D-ctr), so ' +
    'this rule does not look at tasks with `containerSettings` at all rather than guessing what a blank command means there. ' +
    'A missing `commandLine` is reported by `required-property-missing`.',
  howToFix:
    'Write the command to run, for example `/bin/sh -c "python3 render.py"` or `cmd /c render.cmd`. To run a container ' +
    "image's ENTRYPOINT, add `containerSettings` and keep `\"commandLine\": \"\"`.",
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    empty: 'commandLine is empty; the task has no program to run',
    blank: 'commandLine contains only whitespace; the task has no program to run',
  },
  references: ['S19 TaskAddParameter.commandLine', 'D-ctr'],
  check(context) {
    const commandLine = member(context.task.value, 'commandLine');
    if (typeof commandLine !== 'string') return;
    // A printable ASCII first character settles it without copying the line.
    const first = commandLine.charCodeAt(0);
    if ((first > 32 && first < 127) || commandLine.trim() !== '') return;
    if (isJsonObject(member(context.task.value, 'containerSettings'))) return;
    context.report({ messageId: commandLine === '' ? 'empty' : 'blank', pointer: '/commandLine' });
  },
});
