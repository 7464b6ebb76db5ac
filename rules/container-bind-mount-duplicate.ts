import { arrayMember, defineRule, isTemplateExpression, objectMember, pointerTo, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'container-bind-mount-duplicate',
  summary: 'Report the same containerHostBatchBindMounts source listed twice',
  rationale:
    'The service accepts a `containerHostBatchBindMounts` list that names the same `source` twice (the S21 ' +
    'example `…DuplicateSources.json` is answered with 201), so only one of the entries can decide how the ' +
    'directory is mounted; which one, and with which `isReadOnly`, is not documented.',
  howToFix: 'Keep one entry per source, with the `isReadOnly` value you intend.',
  category: 'correctness',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'high',
  scope: 'task',
  messages: {
    duplicateSource: 'Bind mount source "{source}" is already listed at index {firstIndex}',
  },
  references: ['S21 ContainerHostBatchBindMountEntry'],
  check(context) {
    const mounts = arrayMember(objectMember(context.task.value, 'containerSettings'), 'containerHostBatchBindMounts') ?? [];
    const firstIndexBySource = new Map<string, number>();
    mounts.forEach((mount, index) => {
      const source = stringMember(mount, 'source');
      if (source === undefined || isTemplateExpression(source)) return;
      const key = source.toLowerCase();
      const firstIndex = firstIndexBySource.get(key);
      if (firstIndex === undefined) {
        firstIndexBySource.set(key, index);
        return;
      }
      context.report({
        messageId: 'duplicateSource',
        pointer: pointerTo('containerSettings', 'containerHostBatchBindMounts', index, 'source'),
        data: { source, firstIndex },
        related: [
          {
            pointer: pointerTo('containerSettings', 'containerHostBatchBindMounts', firstIndex, 'source'),
            label: 'first listed here',
          },
        ],
      });
    });
  },
});
