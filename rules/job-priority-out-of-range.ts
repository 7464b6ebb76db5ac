import { defineRule, numberMember, pointerTo } from '../src/rule-api.js';

const LOWEST = -1000;
const HIGHEST = 1000;

export default defineRule({
  id: 'job-priority-out-of-range',
  summary: 'Limit job priority to the range -1000 to 1000',
  rationale:
    '"Priority values can range from -1000 to 1000, with -1000 being the lowest priority and 1000 being the highest ' +
    'priority" ' +
    '(S19 `JobAddParameter.priority`); the service rejects other values with `OutOfRangePriority` (C-net).',
  howToFix: 'Use a priority between -1000 and 1000 (the default is 0).',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'job',
  messages: {
    priorityOutOfRange: 'Job priority {priority} is outside the range -1000 to 1000',
  },
  references: ['S19 JobAddParameter.priority', 'C-net BatchErrorCodeStrings OutOfRangePriority'],
  check(context) {
    const priority = numberMember(context.job.value, 'priority');
    if (priority === undefined || (priority >= LOWEST && priority <= HIGHEST)) return;
    context.report({ messageId: 'priorityOutOfRange', pointer: pointerTo('priority'), data: { priority } });
  },
});
