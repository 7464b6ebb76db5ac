import { defineRule, literalOwnId, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'task-id-empty',
  summary: 'Disallow an empty string as a task, job or pool id',
  rationale:
    'Ids are 1 to 64 letters, digits, hyphens and underscores (S19 `TaskAddParameter.id`, and the same wording for ' +
    'Job Manager, Preparation and Release tasks, jobs and pools). An empty id is not a missing id: the schema check ' +
    'passes, and the service rejects the body with `InvalidPropertyValue`.',
  howToFix:
    'Give the body a meaningful id, such as `render-frame-0001`. A Job Preparation or Release Task may omit `id` ' +
    'altogether (defaults `jobpreparation` and `jobrelease`), but must not set it to `""`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: {
    emptyId: 'The id is empty; use 1 to 64 letters, digits, "-" or "_"',
  },
  references: ['S19 TaskAddParameter.id', 'S19 JobAddParameter.id', 'S19 PoolAddParameter.id'],
  check(context) {
    if (literalOwnId(context.entity) === '') context.report({ messageId: 'emptyId', pointer: pointerTo('id') });
  },
});
