import { arrayMember, defineRule, objectMember, pointerTo, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'container-working-dir-resource-files',
  summary: 'Disallow workingDirectory "containerImageDefault" on a task that downloads resource files',
  rationale:
    'Batch downloads `resourceFiles` into the task working directory. With `containerSettings.workingDirectory: ' +
    'containerImageDefault` the command runs in the image\'s own working directory instead, and "Beware that this ' +
    'directory will not contain the Resource Files downloaded by Batch" (S19 `ContainerWorkingDirectory`): ' +
    'relative paths to the downloaded files no longer resolve.',
  howToFix:
    'Keep the default `taskWorkingDirectory`, or refer to the files through `$AZ_BATCH_TASK_WORKING_DIR` in the ' +
    'command line.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    resourceFilesOutsideWorkingDirectory:
      'workingDirectory "{value}" runs the task outside the directory its {count} resource files are downloaded to',
  },
  references: ['S19 ContainerWorkingDirectory'],
  check(context) {
    const task = context.task.value;
    const value = stringMember(objectMember(task, 'containerSettings'), 'workingDirectory');
    if (value === undefined || value.toLowerCase() !== 'containerimagedefault') return;
    const resourceFiles = arrayMember(task, 'resourceFiles') ?? [];
    if (resourceFiles.length === 0) return;
    context.report({
      messageId: 'resourceFilesOutsideWorkingDirectory',
      pointer: pointerTo('containerSettings', 'workingDirectory'),
      data: { value, count: resourceFiles.length },
      related: [{ pointer: pointerTo('resourceFiles'), target: 'key', label: 'resource files' }],
    });
  },
});
