import { addCollectionTasks, defineRule } from '../src/rule-api.js';

export default defineRule({
  id: 'collection-empty',
  summary: 'Disallow an add-collection body with no tasks',
  rationale:
    'An add-collection body `{"value": []}` adds nothing. In a repository it is usually a generator that produced ' +
    'no tasks or a file that lost its content in a merge, and a pipeline that submits it reports success while no ' +
    'work is queued.',
  howToFix: 'Add the tasks, or delete the file and the step that submits it.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'document',
  messages: {
    emptyCollection: 'The add-collection body holds no tasks',
  },
  references: ['S19 TaskAddCollectionParameter.value'],
  check(context) {
    const collection = addCollectionTasks(context.document);
    if (collection === undefined || collection.tasks.length > 0) return;
    context.report({ messageId: 'emptyCollection', pointer: collection.pointer });
  },
});
