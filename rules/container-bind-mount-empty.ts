import { defineRule, member, objectMember, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'container-bind-mount-empty',
  summary: 'Report an empty containerHostBatchBindMounts list, which mounts nothing',
  rationale:
    'When `containerHostBatchBindMounts` is absent, Batch mounts the whole Batch directory tree (the temporary ' +
    'disk on Windows, `AZ_BATCH_NODE_ROOT_DIR` on Linux) into the container; an empty list mounts nothing at all, ' +
    'not even the task directory (S21 `BatchTaskContainerSettings.containerHostBatchBindMounts`). Resource files, ' +
    'output files and the working directory are then invisible inside the container.',
  howToFix:
    'Remove the empty list to get the default mounts, or list the sources the task needs, e.g. ' +
    '`[{"source": "Task", "isReadOnly": false}]`.',
  category: 'reliability',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'high',
  scope: 'task',
  messages: {
    emptyBindMounts: 'containerHostBatchBindMounts is empty, so not even the task directory is mounted into the container',
  },
  references: ['S21 BatchTaskContainerSettings.containerHostBatchBindMounts'],
  check(context) {
    const mounts = member(objectMember(context.task.value, 'containerSettings'), 'containerHostBatchBindMounts');
    if (!Array.isArray(mounts) || mounts.length !== 0) return;
    context.report({ messageId: 'emptyBindMounts', pointer: pointerTo('containerSettings', 'containerHostBatchBindMounts') });
  },
});
