import { defineRule, isAtLeast, objectMember, stringMember } from '../src/rule-api.js';

const REQUIRED_SINCE = '2017-09-01.6.0';

export default defineRule({
  id: 'multi-instance-missing-coordination',
  summary: 'Require a non-blank coordinationCommandLine on multi-instance tasks',
  rationale:
    `Since ${REQUIRED_SINCE} \`coordinationCommandLine\` is required in \`multiInstanceSettings\` (S2017-09-01.6.0 ` +
    '`required`); it runs on every node before the primary runs the application command (D-mpi). A missing member is ' +
    'already reported by `required-property-missing` from the schema, so this rule reports only what the schema ' +
    'accepts: an empty or whitespace-only string, which gives the nodes no program to start (the service response to ' +
    'it is undocumented).',
  howToFix:
    'Write the command that prepares each node (for example `cmd /c start cmd /c smpd.exe -d` for MS-MPI), or a no-op ' +
    'such as `/bin/sh -c true` when nothing needs preparing.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    blankCoordination: 'coordinationCommandLine is blank; every node of a multi-instance task runs it before the application command',
  },
  references: ['S2017-09-01.6.0 MultiInstanceSettings', 'D-mpi'],
  check(context) {
    if (!isAtLeast(context.apiVersion, REQUIRED_SINCE)) return;
    const coordination = stringMember(objectMember(context.task.value, 'multiInstanceSettings'), 'coordinationCommandLine');
    if (coordination === undefined || coordination.trim() !== '') return;
    context.report({ messageId: 'blankCoordination', pointer: '/multiInstanceSettings/coordinationCommandLine' });
  },
});
