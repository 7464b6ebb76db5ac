import { defineRule, hasMember, isAtLeast, objectMember } from '../src/rule-api.js';

const DEFAULT_CHANGED_IN = '2019-08-01.10.0';

export default defineRule({
  id: 'auto-user-scope-default-changed',
  summary: 'Report auto-users that rely on the default scope, which changed in 2019-08-01.10.0',
  rationale:
    '[Breaking] in 2019-08-01.10.0: the default `autoUser.scope` became `pool`; it was `task` before (D-ver; reference ' +
    'A.1). The same body therefore runs as a per-task account or as an account shared across the node depending on ' +
    'the api-version the client sends, which changes file ownership and what tasks can see of each other.',
  howToFix: 'Write the scope you mean: `"scope": "task"` for an account of its own, `"scope": "pool"` to share one.',
  category: 'compatibility',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'task',
  messages: {
    defaultsToPool: `autoUser has no scope, so it is "pool" at {apiVersion}; before ${DEFAULT_CHANGED_IN} the same body meant "task"`,
    defaultsToTask: `autoUser has no scope, so it is "task" at {apiVersion}; from ${DEFAULT_CHANGED_IN} the same body means "pool"`,
  },
  references: ['D-ver', 'S19 AutoUserSpecification.scope'],
  check(context) {
    const autoUser = objectMember(objectMember(context.task.value, 'userIdentity'), 'autoUser');
    if (autoUser === undefined || hasMember(autoUser, 'scope')) return;
    const messageId = isAtLeast(context.apiVersion, DEFAULT_CHANGED_IN) ? 'defaultsToPool' : 'defaultsToTask';
    context.report({ messageId, pointer: '/userIdentity/autoUser', target: 'key', data: { apiVersion: context.apiVersion } });
  },
});
