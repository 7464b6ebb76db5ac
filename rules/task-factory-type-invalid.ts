import { defineRule, isTemplateExpression, member, TASK_FACTORY_TYPES, templateTaskFactory } from '../src/rule-api.js';

export default defineRule({
  id: 'task-factory-type-invalid',
  summary: 'Require a task factory type the CLI extension knows',
  rationale:
    'The Azure Batch CLI extension expands a job\'s `taskFactory` into tasks according to its `type`: ' +
    '`taskCollection`, `parametricSweep` or `taskPerFile` (names are case-sensitive). Any other value, or none, ' +
    'stops the submission with "\'…\' is not a valid Task Factory type" (X-ext `_template_utils.py` ' +
    '`expand_task_factory`, `doc/taskFactories.md`).',
  howToFix: 'Set `type` to `taskCollection` (a list of tasks), `parametricSweep` (tasks from number ranges) or `taskPerFile` (a task per input file).',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'document',
  messages: {
    typeMissing: 'The taskFactory has no "type"; use "taskCollection", "parametricSweep" or "taskPerFile"',
    typeUnknown: 'Task factory type "{type}" is not one the CLI extension knows; use "taskCollection", "parametricSweep" or "taskPerFile"',
  },
  references: ['X-ext `_template_utils.py` (`expand_task_factory`)', 'X-ext `doc/taskFactories.md`'],
  check(context) {
    const factory = templateTaskFactory(context.document.value, context.document.documentShape);
    if (factory === undefined) return;
    const type = member(factory.body, 'type');
    if (type === undefined) context.report({ messageId: 'typeMissing', pointer: factory.pointer, target: 'key' });
    else if (typeof type !== 'string' || (!TASK_FACTORY_TYPES.includes(type) && !isTemplateExpression(type))) {
      context.report({ messageId: 'typeUnknown', pointer: `${factory.pointer}/type`, data: { type: quotedValue(type) } });
    }
  },
});

/** How a message quotes a value: containers are summarised, since String() of a deeply nested array recurses until the stack overflows. */
function quotedValue(value: unknown): string {
  return value !== null && typeof value === 'object' ? (Array.isArray(value) ? 'an array' : 'an object') : String(value);
}
