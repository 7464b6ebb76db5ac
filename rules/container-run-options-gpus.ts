import { defineRule, objectMember, pointerTo, stringMember } from '../src/rule-api.js';

const GPUS_FLAG = /(^|\s)--gpus(?=[\s=]|$)/;

export default defineRule({
  id: 'container-run-options-gpus',
  summary: 'Disallow --gpus in containerRunOptions: Batch enables GPUs itself',
  rationale:
    'On GPU pools Batch gives containers access to the GPUs on its own; "you shouldn\'t include the –gpus ' +
    'argument" in `containerRunOptions` (D-ctr). Passing it again can make `docker create` fail or pin the ' +
    'container to a different set of devices than Batch assigned.',
  howToFix: 'Remove `--gpus …` from `containerRunOptions`.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    gpusFlag: 'containerRunOptions passes --gpus; Batch already gives containers on GPU pools access to the GPUs',
  },
  references: ['D-ctr'],
  check(context) {
    const options = stringMember(objectMember(context.task.value, 'containerSettings'), 'containerRunOptions');
    if (options === undefined || !GPUS_FLAG.test(options)) return;
    context.report({ messageId: 'gpusFlag', pointer: pointerTo('containerSettings', 'containerRunOptions') });
  },
});
