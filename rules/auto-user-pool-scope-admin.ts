import { defineRule, hasMember, isAtLeast, objectMember, stringMember } from '../src/rule-api.js';

const POOL_SCOPE_DEFAULT_SINCE = '2019-08-01.10.0';

export default defineRule({
  id: 'auto-user-pool-scope-admin',
  summary: 'Disallow task auto-users that are both pool-scoped and administrators',
  rationale:
    'An auto-user with `scope: "pool"` is one account shared by every task on the node that asks for the same ' +
    'pool-scoped auto-user (S19 `AutoUserSpecification.scope`). With `elevationLevel: "admin"` that shared account ' +
    'is an administrator: one task can change files, processes and credentials of every other task using it, on ' +
    'every job sharing the pool. Since 2019-08-01.10.0 `pool` is also the default scope, so an admin auto-user without ' +
    'a `scope` is pool-scoped too. Only tasks and job manager tasks are checked: start tasks and job preparation and ' +
    'release tasks set nodes up and tear them down, and use a shared pool admin on purpose (a mount made by the ' +
    'preparation task is undone by the release task under the same account).',
  howToFix: 'Set `"scope": "task"` for an admin auto-user, or drop `elevationLevel: "admin"`.',
  category: 'security',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  securitySeverity: '5.0',
  scope: 'task',
  messages: {
    poolScopeAdmin: 'The admin auto-user has scope "{scope}": every task using it shares one administrator account',
    defaultPoolScopeAdmin: `The admin auto-user has no scope, which defaults to "pool" since ${POOL_SCOPE_DEFAULT_SINCE}: every task using it shares one administrator account`,
  },
  references: ['S19 AutoUserSpecification', 'D-ver'],
  check(context) {
    if (context.task.role !== 'task' && context.task.role !== 'jobManagerTask') return;
    const autoUser = objectMember(objectMember(context.task.value, 'userIdentity'), 'autoUser');
    if (stringMember(autoUser, 'elevationLevel')?.toLowerCase() !== 'admin') return;
    const scope = stringMember(autoUser, 'scope');
    if (scope !== undefined) {
      if (scope.toLowerCase() === 'pool') context.report({ messageId: 'poolScopeAdmin', pointer: '/userIdentity/autoUser/scope', data: { scope } });
      return;
    }
    if (hasMember(autoUser, 'scope') || !isAtLeast(context.apiVersion, POOL_SCOPE_DEFAULT_SINCE)) return;
    context.report({ messageId: 'defaultPoolScopeAdmin', pointer: '/userIdentity/autoUser', target: 'key' });
  },
});
