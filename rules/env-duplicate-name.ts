import { defineRule, environmentVariablesOf, isTemplateExpression } from '../src/rule-api.js';

export default defineRule({
  id: 'env-duplicate-name',
  summary: 'Disallow setting the same environment variable twice in one list',
  rationale:
    'Which of two settings with the same name wins is undocumented (S19 `EnvironmentSetting`), so one value is lost ' +
    'without notice. Windows variable names are case-insensitive, so for a Windows pool `Path` and `PATH` are the same ' +
    'variable too; on Linux (or when the pool is unknown) only exact duplicates are reported. Overriding a job\'s ' +
    '`commonEnvironmentSettings` from a task is documented and reported separately by `env-overrides-common`.',
  howToFix: 'Keep one setting per variable name and delete the others.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: {
    duplicateName: 'Environment variable "{name}" is already set at index {firstIndex} of this list',
    duplicateNameIgnoringCase: 'Environment variable "{name}" is the same Windows variable as "{firstName}" at index {firstIndex}',
  },
  references: ['S19 EnvironmentSetting'],
  check(context) {
    const ignoreCase = context.pool?.os === 'windows';
    const firstByKey = new Map<string, { name: string; index: number; pointer: string }>();
    for (const { name, index, namePointer: pointer } of environmentVariablesOf(context.entity)) {
      if (name === undefined || name === '' || isTemplateExpression(name)) continue;
      const key = ignoreCase ? name.toUpperCase() : name;
      const first = firstByKey.get(key);
      if (first === undefined) {
        firstByKey.set(key, { name, index, pointer });
        continue;
      }
      const related = [{ pointer: first.pointer, label: 'first set here' }];
      if (first.name === name) {
        context.report({ messageId: 'duplicateName', pointer, data: { name, firstIndex: first.index }, related });
      } else {
        context.report({ messageId: 'duplicateNameIgnoringCase', pointer, data: { name, firstName: first.name, firstIndex: first.index }, related });
      }
    }
  },
});
