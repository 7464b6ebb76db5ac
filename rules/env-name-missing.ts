import { defineRule, environmentVariablesOf } from '../src/rule-api.js';

export default defineRule({
  id: 'env-name-missing',
  summary: 'Disallow environment settings with an empty name',
  rationale:
    '`environmentSettings[].name` (and the job\'s `commonEnvironmentSettings[].name`) is required (S19 ' +
    '`EnvironmentSetting`), and an empty string names no variable a process could read. A setting without any ' +
    '`name` member is already reported by `required-property-missing` from the schema, so this rule reports only ' +
    'the empty string, once.',
  howToFix: 'Give the setting the variable name the program reads, or delete the entry.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: {
    emptyName: '{list}[{index}] has an empty name; no variable can carry its value',
  },
  references: ['S19 EnvironmentSetting'],
  check(context) {
    for (const variable of environmentVariablesOf(context.entity)) {
      if (variable.name !== '') continue;
      context.report({ messageId: 'emptyName', pointer: variable.namePointer, data: { list: variable.listName, index: variable.index } });
    }
  },
});
