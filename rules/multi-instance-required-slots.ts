import { defineRule, isJsonObject, member, numberMember } from '../src/rule-api.js';

export default defineRule({
  id: 'multi-instance-required-slots',
  summary: 'Require requiredSlots 1 on multi-instance tasks',
  rationale:
    '`requiredSlots`: "For multi-instance Tasks, this must be 1" (S19/S21 `TaskAddParameter.requiredSlots`). Each ' +
    'instance occupies one whole node of a pool that itself must have `taskSlotsPerNode: 1`. Note that the official ' +
    'example `TaskAddCollection_Complex.json` sets `requiredSlots: 2` on a multi-instance task.',
  howToFix: 'Remove `requiredSlots` (the default is 1) or set it to 1.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    requiredSlotsNotOne: 'Multi-instance tasks must have requiredSlots 1, not {requiredSlots}',
  },
  references: ['S19 TaskAddParameter.requiredSlots'],
  check(context) {
    const task = context.task.value;
    if (context.task.role !== 'task' || !isJsonObject(member(task, 'multiInstanceSettings'))) return;
    const requiredSlots = numberMember(task, 'requiredSlots');
    if (requiredSlots === undefined || requiredSlots === 1) return;
    context.report({ messageId: 'requiredSlotsNotOne', pointer: '/requiredSlots', data: { requiredSlots } });
  },
});
