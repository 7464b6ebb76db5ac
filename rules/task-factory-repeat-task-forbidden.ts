import { defineRule, hasMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'task-factory-repeat-task-forbidden',
  summary: 'Disallow id and dependsOn on task-factory repeat and merge tasks',
  rationale:
    'A `parametricSweep` or `taskPerFile` task factory generates its tasks from `repeatTask`: their ids are ' +
    '`"0"` to `"N-1"`. Its `mergeTask` always gets the id `merge` and a dependency on the whole range `0…N-1`. ' +
    'An `id` or `dependsOn` written on either is not what the job ends up with: the extension replaces or drops ' +
    'it, so a task that other tasks expect under that id never exists (X-ext `doc/taskFactories.md`, ' +
    '`_template_utils.py`).',
  howToFix: 'Remove `id` and `dependsOn`; refer to the generated tasks as `0`…`N-1` and to the merge task as `merge`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'task',
  messages: {
    repeatTaskId: 'The task factory names the tasks it generates "0" to "N-1"; remove "id" from the repeatTask',
    repeatTaskDependsOn: 'The tasks a task factory generates carry no dependencies; remove "dependsOn" from the repeatTask',
    mergeTaskId: 'The task factory names the merge task "merge"; remove "id" from the mergeTask',
    mergeTaskDependsOn: 'The task factory makes the merge task depend on every generated task; remove "dependsOn" from the mergeTask',
  },
  references: ['X-ext `doc/taskFactories.md`', 'X-ext `_template_utils.py` (`_expand_parametric_sweep`, `_expand_task_per_file`)'],
  check(context) {
    const { role, value } = context.task;
    if (role !== 'repeatTask' && role !== 'mergeTask') return;
    if (hasMember(value, 'id')) {
      context.report({ messageId: role === 'repeatTask' ? 'repeatTaskId' : 'mergeTaskId', pointer: pointerTo('id'), target: 'key' });
    }
    if (hasMember(value, 'dependsOn')) {
      context.report({ messageId: role === 'repeatTask' ? 'repeatTaskDependsOn' : 'mergeTaskDependsOn', pointer: pointerTo('dependsOn'), target: 'key' });
    }
  },
});
