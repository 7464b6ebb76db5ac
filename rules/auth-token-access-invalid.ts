import { arrayMember, defineRule, hasMember, objectMember } from '../src/rule-api.js';

export default defineRule({
  id: 'auth-token-access-invalid',
  summary: 'Require authenticationTokenSettings to grant the "job" access scope',
  rationale:
    '`authenticationTokenSettings.access` lists what the token in `AZ_BATCH_AUTHENTICATION_TOKEN` may do; "Currently ' +
    "the only supported value for the access property is 'job'\" (S19 `AuthenticationTokenSettings`). Settings with " +
    'no `access`, or an empty list, request a token that grants nothing, which is almost surely a mistake.\n\n' +
    'A value other than `job` in the list is reported by `enum-value-invalid` (the schema lists `job` as the only ' +
    'member), and `Job`-style casing by `enum-value-noncanonical-case`; this rule does not repeat them, so each ' +
    'problem is reported once.',
  howToFix:
    'Write `"authenticationTokenSettings": {"access": ["job"]}` when the task calls the Batch API for its job, or ' +
    'remove `authenticationTokenSettings` when it does not.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    missingAccess: 'authenticationTokenSettings has no access list; the token grants nothing',
    emptyAccess: 'authenticationTokenSettings.access is empty; the token grants nothing',
  },
  references: ['S19 AuthenticationTokenSettings', 'S19 AccessScope'],
  check(context) {
    const settings = objectMember(context.task.value, 'authenticationTokenSettings');
    if (settings === undefined) return;
    if (!hasMember(settings, 'access')) {
      context.report({ messageId: 'missingAccess', pointer: '/authenticationTokenSettings', target: 'key' });
    } else if (arrayMember(settings, 'access')?.length === 0) {
      context.report({ messageId: 'emptyAccess', pointer: '/authenticationTokenSettings/access' });
    }
  },
});
