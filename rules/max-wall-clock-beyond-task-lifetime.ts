import {
  defineRule,
  isTemplateExpression,
  objectMember,
  parseDuration,
  pointerTo,
  stringMember,
  TICKS_PER_DAY,
  TIMESPAN_MAX_TICKS,
} from '../src/rule-api.js';

const TASK_LIFETIME_TICKS = 180n * TICKS_PER_DAY;

export default defineRule({
  id: 'max-wall-clock-beyond-task-lifetime',
  summary: 'Report a task maxWallClockTime longer than the 180-day task lifetime',
  rationale:
    '"If a Task has not completed within 180 days of being added it will be terminated by the Batch service" ' +
    '(S19 Task_Add and Task_AddCollection; D-quota). A `maxWallClockTime` beyond 180 days therefore never takes ' +
    'effect, and it suggests the author expects the task to be able to run longer than it can.',
  howToFix:
    'Shorten `maxWallClockTime` to what the task really needs, or omit it; split work that needs more than 180 ' +
    'days into tasks that checkpoint and resume.',
  category: 'reliability',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'task',
  messages: {
    beyondLifetime:
      'maxWallClockTime "{value}" exceeds 180 days, but the service terminates every task 180 days after it is added',
  },
  references: ['S19 Task_Add', 'D-quota'],
  check(context) {
    if (context.task.role !== 'task' && context.task.role !== 'jobManagerTask') return;
    const value = stringMember(objectMember(context.task.value, 'constraints'), 'maxWallClockTime');
    if (value === undefined || isTemplateExpression(value)) return;
    const parsed = parseDuration(value);
    // TimeSpan.MaxValue and beyond belong to duration-explicit-unlimited and duration-too-large.
    if (!parsed.ok || parsed.ticks <= TASK_LIFETIME_TICKS || parsed.ticks >= TIMESPAN_MAX_TICKS) return;
    context.report({ messageId: 'beyondLifetime', pointer: pointerTo('constraints', 'maxWallClockTime'), data: { value } });
  },
});
