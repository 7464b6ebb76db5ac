import { defineRule, dependencyIdEntries, pointerTo } from '../src/rule-api.js';

const SERVICE_LIMIT = 64000;

export default defineRule({
  id: 'depends-on-task-ids-too-long',
  summary: 'Limit the combined length of dependsOn.taskIds to 64000 characters',
  rationale:
    'The ids in `dependsOn.taskIds` may hold at most 64000 characters together; a longer list fails with ' +
    '`TaskDependencyListTooLong` (S19 `TaskDependencies.taskIds`, D-err). The documentation adds that "the total ' +
    'length of task ids must be slightly less than this to allow for internal storage overhead", so a list just ' +
    'under 64000 characters may fail too. The rule therefore also reports lists above `nearLimitAbove` characters ' +
    '(default 60000), with a message of its own; both findings mean the add may be rejected, so they share the ' +
    "rule's severity. Set `nearLimitAbove` to 64000 to report only lists that are certainly too long.",
  howToFix:
    'Express runs of integer ids as `taskIdRanges` (`{"start": 1, "end": 5000}` costs a few bytes however many ' +
    'tasks it selects), or make the dependent wait on fewer tasks, for example through an intermediate task.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    overLimit:
      'dependsOn.taskIds holds {length} characters of task ids; the service rejects more than 64000 (TaskDependencyListTooLong)',
    nearLimit:
      'dependsOn.taskIds holds {length} characters of task ids, close enough to the 64000 limit that storage overhead may push it over',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        nearLimitAbove: {
          type: 'integer',
          minimum: 0,
          maximum: SERVICE_LIMIT,
          description: 'Also report lists longer than this many characters, which the service may reject because of storage overhead.',
        },
      },
      additionalProperties: false,
    },
    defaults: { nearLimitAbove: 60000 },
  },
  references: ['S19 TaskDependencies.taskIds', 'D-err TaskDependencyListTooLong'],
  check(context) {
    if (context.task.role !== 'task') return;
    let length = 0;
    for (const entry of dependencyIdEntries(context.task.value)) length += entry.id.length;
    const pointer = pointerTo('dependsOn', 'taskIds');
    if (length > SERVICE_LIMIT) {
      context.report({ messageId: 'overLimit', pointer, data: { length } });
    } else if (length > context.options.nearLimitAbove) {
      context.report({ messageId: 'nearLimit', pointer, data: { length } });
    }
  },
});
