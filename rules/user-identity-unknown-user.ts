import { arrayMember, defineRule, isTemplateExpression, objectMember, pointerTo, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'user-identity-unknown-user',
  summary: "Require userIdentity.username to name one of the pool's user accounts",
  rationale:
    '`userIdentity.username` must be "the name of the user identity under which the Task is run", one of the pool\'s ' +
    '`userAccounts` (S19 `UserIdentity.username`, `PoolAddParameter.userAccounts`). A name the pool does not define ' +
    'leaves the task without an account to run as. Whether the service compares names case-insensitively is ' +
    'undocumented, so names are compared exactly and a match that differs only in case is reported with its own ' +
    'message. The rule needs the pool body (a linted pool or an auto pool) and stays silent without it.',
  howToFix: "Use the exact `name` of an entry in the pool's `userAccounts`, or add the account to the pool.",
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    unknownUser: 'userIdentity.username "{username}" names no user account of the pool',
    caseOnlyMatch: 'userIdentity.username "{username}" matches the pool user account "{account}" only when case is ignored',
  },
  references: ['S19 UserIdentity.username', 'S19 PoolAddParameter.userAccounts'],
  check(context) {
    const pool = context.pool;
    const username = stringMember(objectMember(context.task.value, 'userIdentity'), 'username');
    if (pool === undefined || username === undefined || isTemplateExpression(username)) return;
    const names = (arrayMember(pool.value, 'userAccounts') ?? []).map((account) => stringMember(account, 'name'));
    if (names.some((name) => name === username || (name !== undefined && isTemplateExpression(name)))) return;
    const pointer = pointerTo('userIdentity', 'username');
    const caseIndex = names.findIndex((name) => name?.toLowerCase() === username.toLowerCase());
    const account = names[caseIndex];
    if (account !== undefined) {
      context.report({
        messageId: 'caseOnlyMatch',
        pointer,
        data: { username, account },
        related: [{ entity: pool.entity, pointer: pointerTo('userAccounts', caseIndex, 'name'), label: 'pool user account' }],
      });
      return;
    }
    context.report({ messageId: 'unknownUser', pointer, data: { username } });
  },
});
