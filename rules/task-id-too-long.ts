import { defineRule, literalOwnId, pointerTo, shownId } from '../src/rule-api.js';

const MAX_ID_LENGTH = 64;

export default defineRule({
  id: 'task-id-too-long',
  summary: 'Limit task, job and pool ids to 64 characters',
  rationale:
    'Task ids "cannot contain more than 64 characters" (S19 `TaskAddParameter.id`); Job Manager, Preparation and ' +
    'Release Task ids, job ids and pool ids carry the same limit. The service rejects a longer id when the body is ' +
    'submitted, typically after a generator has already produced thousands of them.',
  howToFix:
    'Shorten the id to at most 64 characters, for example by dropping a repeated prefix, and keep a longer ' +
    'human-readable name in `displayName` (up to 1024 characters).',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: {
    idTooLong: 'Id "{id}" is {length} characters long; the limit is 64',
  },
  references: ['S19 TaskAddParameter.id', 'S19 JobAddParameter.id', 'S19 PoolAddParameter.id'],
  check(context) {
    const id = literalOwnId(context.entity);
    if (id === undefined) return;
    // The service counts UTF-16 code units (.NET string length), as JavaScript does.
    if (id.length <= MAX_ID_LENGTH) return;
    context.report({
      messageId: 'idTooLong',
      pointer: pointerTo('id'),
      data: { id: shownId(id), length: id.length },
    });
  },
});
