import { defineRule, isJsonObject, member, objectMember } from '../src/rule-api.js';

export default defineRule({
  id: 'multi-instance-single-instance',
  summary: 'Report multi-instance tasks that run on a single node',
  rationale:
    '`numberOfInstances` defaults to 1 (S19 `MultiInstanceSettings`), so `multiInstanceSettings` without it, or with ' +
    '1, runs the coordination and application commands on one node: a multi-instance task in name only, still ' +
    'bound by the multi-instance pool requirements (inter-node communication, one slot per node). Usually the count ' +
    'was forgotten.',
  howToFix: 'Set `numberOfInstances` to the number of nodes the job spans, or drop `multiInstanceSettings` for a single-node task.',
  category: 'correctness',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'task',
  messages: {
    defaultSingleInstance: 'multiInstanceSettings has no numberOfInstances, so the task runs on 1 node',
    singleInstance: 'numberOfInstances is 1, so the multi-instance task runs on a single node',
  },
  references: ['S19 MultiInstanceSettings.numberOfInstances'],
  check(context) {
    if (context.task.role !== 'task') return;
    const settings = objectMember(context.task.value, 'multiInstanceSettings');
    if (settings === undefined) return;
    const numberOfInstances = member(settings, 'numberOfInstances');
    if (numberOfInstances === undefined) {
      context.report({ messageId: 'defaultSingleInstance', pointer: '/multiInstanceSettings', target: 'key' });
    } else if (numberOfInstances === 1) {
      context.report({ messageId: 'singleInstance', pointer: '/multiInstanceSettings/numberOfInstances' });
    }
  },
});
