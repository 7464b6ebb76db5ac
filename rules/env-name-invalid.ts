import { defineRule, environmentVariablesOf } from '../src/rule-api.js';

export default defineRule({
  id: 'env-name-invalid',
  summary: 'Disallow environment variable names that contain "=" or a NUL character',
  rationale:
    'An environment block stores each variable as `NAME=value` terminated by NUL, on Linux and Windows alike, so a ' +
    'name containing `=` or NUL cannot be represented: the program would see a different name and value, or none. ' +
    'The Batch documentation does not say what the service does with such a name; this follows from OS semantics ' +
    '(inferred).',
  howToFix: 'Rename the variable to letters, digits and underscores (`MY_SETTING`), and move any `=…` part into `value`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: {
    containsEquals: 'Environment variable name "{name}" contains "="; a process environment cannot hold it',
    containsNul: 'Environment variable name "{name}" contains a NUL character; a process environment cannot hold it',
  },
  references: ['S19 EnvironmentSetting'],
  check(context) {
    for (const { name, namePointer: pointer } of environmentVariablesOf(context.entity)) {
      if (name === undefined) continue;
      if (name.includes('\u0000')) {
        context.report({ messageId: 'containsNul', pointer, data: { name: name.replace(/\u0000/g, '\\0') } });
      } else if (name.includes('=')) {
        context.report({ messageId: 'containsEquals', pointer, data: { name } });
      }
    }
  },
});
