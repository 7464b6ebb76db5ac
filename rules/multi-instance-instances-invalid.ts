import { defineRule, numberMember, objectMember } from '../src/rule-api.js';

export default defineRule({
  id: 'multi-instance-instances-invalid',
  summary: 'Require numberOfInstances to be at least 1',
  rationale:
    '`numberOfInstances` is "the number of Compute Nodes required by the Task" (S19 `MultiInstanceSettings`); a task ' +
    'cannot run on zero or a negative number of nodes. The service error for such a value is undocumented.',
  howToFix: 'Set `numberOfInstances` to the number of nodes the MPI job spans (at least 1), or remove it for the default of 1.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    tooFew: 'numberOfInstances is {numberOfInstances}; a multi-instance task needs at least 1 node',
  },
  references: ['S19 MultiInstanceSettings.numberOfInstances'],
  check(context) {
    const numberOfInstances = numberMember(objectMember(context.task.value, 'multiInstanceSettings'), 'numberOfInstances');
    if (numberOfInstances === undefined || !Number.isInteger(numberOfInstances) || numberOfInstances >= 1) return;
    context.report({ messageId: 'tooFew', pointer: '/multiInstanceSettings/numberOfInstances', data: { numberOfInstances } });
  },
});
