import { defineRule, isTemplateExpression, pointerTo, stringMember } from '../src/rule-api.js';

const MAX_DISPLAY_NAME_LENGTH = 1024;

export default defineRule({
  id: 'display-name-too-long',
  summary: 'Limit task, job and pool display names to 1024 characters',
  rationale:
    'The `displayName` of tasks, Job Manager tasks, jobs and pools "can contain any Unicode characters up to a ' +
    'maximum length of 1024" (S19/S21 `displayName`); the service rejects a longer one when the body is submitted.',
  howToFix: 'Shorten the display name to at most 1024 characters; keep longer descriptions in job or pool `metadata`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: {
    displayNameTooLong: 'displayName is {length} characters long; the limit is 1024',
  },
  references: ['S19 TaskAddParameter.displayName', 'S21 BatchTaskCreateOptions.displayName'],
  check(context) {
    const displayName = stringMember(context.entity.value, 'displayName');
    if (displayName === undefined || displayName.length <= MAX_DISPLAY_NAME_LENGTH || isTemplateExpression(displayName)) return;
    // Characters are Unicode code points: a surrogate pair (an emoji, say) is one character.
    let length = 0;
    for (const _codePoint of displayName) length++;
    if (length <= MAX_DISPLAY_NAME_LENGTH) return;
    context.report({ messageId: 'displayNameTooLong', pointer: pointerTo('displayName'), data: { length } });
  },
});
