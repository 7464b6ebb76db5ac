import { arrayMember, defineRule, isTemplateExpression, pointerTo, stringMember } from '../src/rule-api.js';

const MAX_NAME_LENGTH = 20;

export default defineRule({
  id: 'pool-user-account-name-too-long',
  summary: 'Limit pool user account names to 20 characters',
  rationale:
    'A pool user account name "can contain any Unicode characters up to a maximum length of 20" (S19/S21 ' +
    '`UserAccount.name`); the service rejects a pool with a longer name.',
  howToFix: 'Shorten the account name, and update the tasks whose `userIdentity.username` refers to it.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'pool',
  messages: {
    nameTooLong: 'User account name "{name}" is {length} characters long; the limit is 20',
  },
  references: ['S19 UserAccount.name'],
  check(context) {
    const accounts = arrayMember(context.pool.value, 'userAccounts') ?? [];
    accounts.forEach((account, index) => {
      const name = stringMember(account, 'name');
      if (name === undefined || isTemplateExpression(name)) return;
      const length = [...name].length;
      if (length <= MAX_NAME_LENGTH) return;
      context.report({ messageId: 'nameTooLong', pointer: pointerTo('userAccounts', index, 'name'), data: { name, length } });
    });
  },
});
