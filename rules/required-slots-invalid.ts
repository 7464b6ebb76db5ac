import { defineRule, numberMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'required-slots-invalid',
  summary: 'Require requiredSlots to be at least 1',
  rationale:
    '`requiredSlots` is the number of the node\'s task slots a task occupies; "The default is 1" and a task "can ' +
    'only be scheduled to run on a compute node if the node has enough free scheduling slots available" (S19 ' +
    '`TaskAddParameter.requiredSlots`). A value below 1 has no meaning; the error the service returns for it is ' +
    'not documented.',
  howToFix: 'Use 1 (the default) or more, up to the pool\'s `taskSlotsPerNode`, or remove `requiredSlots`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    slotsBelowOne: 'requiredSlots {slots} is less than 1; a task occupies at least one slot',
  },
  references: ['S19 TaskAddParameter.requiredSlots'],
  check(context) {
    const slots = numberMember(context.task.value, 'requiredSlots');
    if (slots === undefined || slots >= 1) return;
    context.report({ messageId: 'slotsBelowOne', pointer: pointerTo('requiredSlots'), data: { slots } });
  },
});
