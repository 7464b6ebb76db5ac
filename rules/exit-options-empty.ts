import { defineRule, exitOptionsPlaces } from '../src/rule-api.js';

export default defineRule({
  id: 'exit-options-empty',
  summary: 'Report empty exitOptions objects, which change nothing',
  rationale:
    'An `exitOptions` object without `jobAction` and `dependencyAction` leaves both at their defaults (S19 ' +
    '`ExitOptions`), so the exit condition it belongs to behaves exactly as if it were absent. It usually marks ' +
    'an unfinished edit: the author meant to set an action.',
  howToFix: 'Set `jobAction` or `dependencyAction`, or remove the exit condition.',
  category: 'style',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  scope: 'task',
  messages: {
    emptyEntryOptions: 'This entry\'s exitOptions is empty, so the entry changes nothing; set an action or remove the entry',
    emptyConditionOptions: 'exitOptions is empty and changes nothing; set jobAction or dependencyAction, or remove it',
  },
  references: ['S19 ExitOptions'],
  check(context) {
    for (const place of exitOptionsPlaces(context.task.value)) {
      if (Object.keys(place.options).length !== 0) continue;
      context.report({ messageId: place.inEntry ? 'emptyEntryOptions' : 'emptyConditionOptions', pointer: place.pointer });
    }
  },
});
