import { defineRule, objectMember, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'auto-user-admin',
  summary: 'Disallow tasks and job manager tasks that run as an administrator auto-user',
  rationale:
    '`autoUser.elevationLevel: "admin"` runs the task "with full Administrator permissions" (S19 `ElevationLevel`): ' +
    'root on Linux. Everything the task downloads and runs — resource files, application packages, the command ' +
    'line — then controls the node. Ordinary tasks and job manager tasks rarely need it. Start tasks and job ' +
    'preparation and release tasks are exempt: installing software and mounting storage is what they are for, and ' +
    'they commonly need admin (D-mpi\'s own start task example does); the catalogue rates those "info" at most, so ' +
    'this rule leaves them alone rather than carry a second severity.',
  howToFix:
    'Drop `elevationLevel` (the default is `nonadmin`), and move the steps that need admin into the pool start task ' +
    'or the job preparation task.',
  category: 'security',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  securitySeverity: '6.0',
  scope: 'task',
  messages: {
    adminAutoUser: 'The {role} runs as an administrator auto-user (elevationLevel "{elevationLevel}")',
  },
  references: ['S19 ElevationLevel', 'D-mpi'],
  check(context) {
    const { role } = context.task;
    if (role !== 'task' && role !== 'jobManagerTask') return;
    const autoUser = objectMember(objectMember(context.task.value, 'userIdentity'), 'autoUser');
    const elevationLevel = stringMember(autoUser, 'elevationLevel');
    if (elevationLevel?.toLowerCase() !== 'admin') return;
    context.report({
      messageId: 'adminAutoUser',
      pointer: '/userIdentity/autoUser/elevationLevel',
      data: { role: role === 'task' ? 'task' : 'job manager task', elevationLevel },
    });
  },
});
