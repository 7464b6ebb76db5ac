import { arrayMember, defineRule, isJsonObject, isTemplateExpression, member, objectMember, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'windows-container-needs-admin',
  summary: 'Require elevationLevel admin for container tasks on Windows pools',
  rationale:
    'D-ctr: "For Windows, tasks must be run with ElevationLevel set to admin" when they run in a container. A ' +
    'Windows container task without it runs as the default non-admin auto-user and fails to start its container. ' +
    'The rule needs the pool (to know it is Windows) and, for a `username`, that account\'s `elevationLevel`; it ' +
    'stays silent when either is unknown.',
  howToFix: 'Set `"userIdentity": {"autoUser": {"scope": "task", "elevationLevel": "admin"}}` on the container task.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    defaultUser: 'Windows container tasks must run with elevationLevel "admin"; this one runs as the default non-admin auto-user',
    nonAdminAutoUser: 'Windows container tasks must run with elevationLevel "admin", not "{elevationLevel}"',
    nonAdminAccount: 'Windows container tasks must run with elevationLevel "admin"; pool user account "{username}" is not an administrator',
  },
  references: ['D-ctr'],
  check(context) {
    const pool = context.pool;
    const task = context.task.value;
    if (pool?.os !== 'windows' || !isJsonObject(member(task, 'containerSettings'))) return;
    const identity = objectMember(task, 'userIdentity');
    if (identity === undefined) {
      if (member(task, 'userIdentity') === undefined) context.report({ messageId: 'defaultUser', pointer: '/containerSettings', target: 'key' });
      return;
    }
    const username = stringMember(identity, 'username');
    if (username !== undefined) {
      const account = arrayMember(pool.value, 'userAccounts')?.find((candidate) => stringMember(candidate, 'name') === username);
      const accountLevel = stringMember(account, 'elevationLevel');
      if (account !== undefined && accountLevel?.toLowerCase() !== 'admin' && !isTemplateExpression(accountLevel)) {
        context.report({ messageId: 'nonAdminAccount', pointer: '/userIdentity/username', data: { username } });
      }
      return;
    }
    const autoUser = objectMember(identity, 'autoUser');
    if (autoUser === undefined) return;
    const elevationLevel = stringMember(autoUser, 'elevationLevel');
    if (elevationLevel === undefined) {
      if (member(autoUser, 'elevationLevel') === undefined) context.report({ messageId: 'defaultUser', pointer: '/userIdentity/autoUser', target: 'key' });
      return;
    }
    if (elevationLevel.toLowerCase() === 'admin' || isTemplateExpression(elevationLevel)) return;
    context.report({ messageId: 'nonAdminAutoUser', pointer: '/userIdentity/autoUser/elevationLevel', data: { elevationLevel } });
  },
});
