import { defineRule, member, objectMember } from '../src/rule-api.js';

/** JSON null is how clients serialise an unset member, so it counts as absent. */
const isSet = (value: unknown): boolean => value !== undefined && value !== null;

export default defineRule({
  id: 'user-identity-exclusive',
  summary: 'Require exactly one of username and autoUser in userIdentity',
  rationale:
    '`userIdentity` names the account a task runs as: either a pool user account (`username`) or an automatic ' +
    'user (`autoUser`). "The userName and autoUser properties are mutually exclusive; you must specify one but not ' +
    'both" (S19 `UserIdentity`). An empty `userIdentity: {}` specifies neither.',
  howToFix:
    'Keep `username` to run as a pool `userAccounts` entry, or `autoUser` (`scope`, `elevationLevel`) to run as an ' +
    'automatic user. To run as the default non-admin automatic user, delete `userIdentity` altogether.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    both: 'userIdentity sets both username and autoUser; specify one but not both',
    neither: 'userIdentity sets neither username nor autoUser; specify one, or remove userIdentity',
  },
  references: ['S19 UserIdentity'],
  check(context) {
    const identity = objectMember(context.task.value, 'userIdentity');
    if (identity === undefined) return;
    const hasUsername = isSet(member(identity, 'username'));
    const hasAutoUser = isSet(member(identity, 'autoUser'));
    if (hasUsername && hasAutoUser) context.report({ messageId: 'both', pointer: '/userIdentity', target: 'key' });
    else if (!hasUsername && !hasAutoUser) context.report({ messageId: 'neither', pointer: '/userIdentity', target: 'key' });
  },
});
