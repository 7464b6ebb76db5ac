import { arrayMember, defineRule, objectMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'depends-on-many-ranges',
  summary: 'Limit the number of dependsOn.taskIdRanges entries',
  rationale:
    'The service rejects a task with too many task id ranges with `TaskDependencyRangesTooLong`: "the issue is not ' +
    'with the size of ranges, but with the number of ranges" (D-err). The limit is undocumented, so the rule ' +
    'reports lists longer than a threshold (default 1000) as a warning.',
  howToFix:
    'Merge adjacent or overlapping ranges (`1..10` and `11..20` are `1..20`), number the parent tasks so that ' +
    'they form fewer runs, or make the dependent wait on an intermediate task.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'medium',
  scope: 'task',
  messages: {
    manyRanges:
      'dependsOn.taskIdRanges has {count} ranges, more than {threshold}; the service rejects lists with too many ranges (TaskDependencyRangesTooLong, limit undocumented)',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        threshold: { type: 'integer', minimum: 1, description: 'Report lists with more ranges than this.' },
      },
      additionalProperties: false,
    },
    defaults: { threshold: 1000 },
  },
  references: ['D-err TaskDependencyRangesTooLong'],
  check(context) {
    if (context.task.role !== 'task') return;
    const ranges = arrayMember(objectMember(context.task.value, 'dependsOn'), 'taskIdRanges');
    if (ranges === undefined || ranges.length <= context.options.threshold) return;
    context.report({ messageId: 'manyRanges', pointer: pointerTo('dependsOn', 'taskIdRanges'), data: { count: ranges.length, threshold: context.options.threshold } });
  },
});
