import { arrayMember, defineRule, isTemplateExpression, member, pointerTo, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'env-overrides-common',
  summary: "Report task environment settings that override the job's commonEnvironmentSettings",
  rationale:
    'A job\'s `commonEnvironmentSettings` apply to all its tasks, and "Individual Tasks can override an environment ' +
    'setting specified here by specifying the same setting name with a different value" (S19 `JobAddParameter`). ' +
    'That is allowed, but easy to miss when reading either file; a task that repeats the job\'s value adds nothing. ' +
    'Names compare exactly, and case-insensitively for Windows pools.',
  howToFix: "Delete the task's setting if the job's value is right; otherwise keep it and consider this informational.",
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'task',
  messages: {
    overridesCommon: 'Environment variable "{name}" overrides the value the job sets in commonEnvironmentSettings',
    repeatsCommon: 'Environment variable "{name}" repeats the value the job already sets in commonEnvironmentSettings',
  },
  references: ['S19 JobAddParameter.commonEnvironmentSettings'],
  check(context) {
    const job = context.job;
    if (job === undefined || context.task.role === 'startTask') return;
    const ignoreCase = context.pool?.os === 'windows';
    const keyOf = (name: string): string => (ignoreCase ? name.toUpperCase() : name);
    const common = new Map<string, { index: number; value: unknown }>();
    arrayMember(job.value, 'commonEnvironmentSettings')?.forEach((setting, index) => {
      const name = stringMember(setting, 'name');
      if (name !== undefined && name !== '' && !isTemplateExpression(name) && !common.has(keyOf(name))) {
        common.set(keyOf(name), { index, value: member(setting, 'value') ?? '' });
      }
    });
    if (common.size === 0) return;
    arrayMember(context.task.value, 'environmentSettings')?.forEach((setting, index) => {
      const name = stringMember(setting, 'name');
      const jobSetting = name === undefined ? undefined : common.get(keyOf(name));
      if (name === undefined || jobSetting === undefined) return;
      const sameValue = (member(setting, 'value') ?? '') === jobSetting.value;
      context.report({
        messageId: sameValue ? 'repeatsCommon' : 'overridesCommon',
        pointer: pointerTo('environmentSettings', index, 'name'),
        data: { name },
        related: [{ entity: job.entity, pointer: pointerTo('commonEnvironmentSettings', jobSetting.index, 'name'), label: 'set for the job here' }],
      });
    });
  },
});
