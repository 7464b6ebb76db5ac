import { addCollectionTasks, defineRule } from '../src/rule-api.js';

const MAX_TASKS = 100;

export default defineRule({
  id: 'collection-too-many-tasks',
  summary: 'Limit an add-collection request body to 100 tasks',
  rationale:
    'One add-collection request carries at most 100 tasks: "The maximum count of Tasks is 100" (`maxItems: 100`, ' +
    'S19 `TaskAddCollectionParameter.value`; S21 `BatchTaskGroup.value`). A `{"value": [...]}` body with more is ' +
    'rejected as a whole. A bare array of tasks is not a REST body: `az batch task create --json-file` and the ' +
    'SDK helpers split it into requests of at most 100 tasks themselves (C-cli, C-py), as does the CLI extension ' +
    'for task factories, so those are not reported.',
  howToFix:
    'Split the file into bodies of at most 100 tasks, or store the tasks as a bare JSON array and let ' +
    '`az batch task create --json-file` or the SDK\'s add-collection helper submit them in chunks.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'document',
  messages: {
    tooManyTasks: 'The add-collection body holds {count} tasks; one request accepts at most 100',
  },
  references: ['S19 TaskAddCollectionParameter.value', 'C-cli', 'C-py'],
  check(context) {
    const collection = addCollectionTasks(context.document);
    if (collection === undefined || collection.tasks.length <= MAX_TASKS) return;
    context.report({ messageId: 'tooManyTasks', pointer: collection.pointer, target: 'key', data: { count: collection.tasks.length } });
  },
});
