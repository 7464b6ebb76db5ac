import { defineRule, isTemplateExpression, objectMember, parseDuration, pointerTo, stringMember, TICKS_PER_HOUR } from '../src/rule-api.js';

export default defineRule({
  id: 'retention-time-short-for-debugging',
  summary: 'Report a retentionTime under an hour, which deletes task files soon after they finish',
  rationale:
    '`retentionTime` is how long the task directory (stdout.txt, stderr.txt, outputs) stays on the node after the ' +
    'task completes; "the default is 7 days" (S19 `TaskConstraints.retentionTime`). Under an hour, the logs of a ' +
    'failed task are usually gone by the time anyone looks. That can be right for disk-heavy tasks that upload ' +
    'their outputs, so this is only a hint.',
  howToFix:
    'Keep `retentionTime` at an hour or more, or upload stdout and stderr with `outputFiles` so that the logs ' +
    'outlive the node files.',
  category: 'reliability',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'task',
  messages: {
    shortRetention: 'retentionTime "{value}" deletes the task directory less than an hour after the task completes, leaving little time to read its logs',
  },
  references: ['S19 TaskConstraints.retentionTime', 'S19 JobReleaseTask.retentionTime'],
  check(context) {
    const { role, value: task } = context.task;
    if (role === 'startTask') return;
    // A Job Release Task holds its durations directly; the others under `constraints`.
    const path = role === 'jobReleaseTask' ? ['retentionTime'] : ['constraints', 'retentionTime'];
    const value = role === 'jobReleaseTask' ? stringMember(task, 'retentionTime') : stringMember(objectMember(task, 'constraints'), 'retentionTime');
    if (value === undefined || isTemplateExpression(value)) return;
    const parsed = parseDuration(value);
    // Zero and negative values are duration-not-positive's.
    if (!parsed.ok || parsed.ticks <= 0n || parsed.ticks >= TICKS_PER_HOUR) return;
    context.report({ messageId: 'shortRetention', pointer: pointerTo(...path), data: { value } });
  },
});
