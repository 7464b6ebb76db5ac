import { defineRule, isTemplateExpression, parseDuration, pointerTo, stringMember, TICKS_PER_MINUTE } from '../src/rule-api.js';

const RELEASE_LIMIT_TICKS = 15n * TICKS_PER_MINUTE;

export default defineRule({
  id: 'job-release-timeout-too-long',
  summary: 'Limit a Job Release Task maxWallClockTime to 15 minutes',
  rationale:
    'A Job Release Task runs on each node when the job ends, and its `maxWallClockTime` is capped: "The default ' +
    'value is 15 minutes. You may not specify a timeout longer than 15 minutes. If you do, the Batch service ' +
    'rejects it with an error" (S19 `JobReleaseTask.maxWallClockTime`).',
  howToFix:
    'Use `PT15M` or less. Move long clean-up work elsewhere, for example into a final task of the job that the ' +
    'others depend on.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    releaseTimeoutTooLong: 'jobReleaseTask maxWallClockTime "{value}" is longer than 15 minutes (PT15M), the most the service allows',
  },
  references: ['S19 JobReleaseTask.maxWallClockTime'],
  check(context) {
    if (context.task.role !== 'jobReleaseTask') return;
    const value = stringMember(context.task.value, 'maxWallClockTime');
    if (value === undefined || isTemplateExpression(value)) return;
    const parsed = parseDuration(value);
    if (!parsed.ok || parsed.ticks <= RELEASE_LIMIT_TICKS) return;
    context.report({ messageId: 'releaseTimeoutTooLong', pointer: pointerTo('maxWallClockTime'), data: { value } });
  },
});
