import {
  defineRule,
  isAbsoluteFilePath,
  isTemplateExpression,
  member,
  pointerTo,
  resolveRelativePath,
  resourceFileLists,
} from '../src/rule-api.js';

/** Sources that download one file to exactly `filePath`; container sources treat it as a directory. */
const SINGLE_FILE_SOURCES = ['httpUrl', 'blobSource'];

export default defineRule({
  id: 'resource-file-path-duplicate',
  summary: 'Disallow two single-file downloads to the same filePath in one list',
  rationale: [
    'Each `httpUrl` (or legacy `blobSource`) entry downloads one file to its `filePath`. Two entries of the same',
    'list with the same path download into the same file, so one silently overwrites the other and the task runs',
    'with whichever finished last. Paths are compared after resolving `.`/`..` with `/` and `\\` as separators,',
    'and case-insensitively when the pool runs Windows. `commonResourceFiles` land in the task root directory,',
    'one level above `resourceFiles`, so the two lists are checked separately. Container downloads are not',
    'compared: their `filePath` is a directory that several containers may share.',
  ].join('\n'),
  howToFix: 'Give each download its own `filePath`, or remove the entry that is not needed.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'task',
  messages: {
    duplicatePath: 'Resource file "filePath" "{path}" is also the target of an earlier entry; one download overwrites the other',
  },
  references: ['S19 ResourceFile.filePath'],
  check(context) {
    const caseInsensitive = context.pool?.os === 'windows';
    for (const list of resourceFileLists(context.task.value)) {
      const firstByPath = new Map<string, string>();
      list.items.forEach((file, index) => {
        if (!SINGLE_FILE_SOURCES.some((source) => member(file, source) !== undefined)) return;
        const path = member(file, 'filePath');
        if (typeof path !== 'string' || isTemplateExpression(path) || isAbsoluteFilePath(path)) return;
        const resolved = resolveRelativePath(path);
        if (resolved.escapes || resolved.segments.length === 0) return;
        const joined = resolved.segments.join('/');
        const key = caseInsensitive ? joined.toLowerCase() : joined;
        const pointer = `${list.pointer}/${index}${pointerTo('filePath')}`;
        const first = firstByPath.get(key);
        if (first === undefined) {
          firstByPath.set(key, pointer);
          return;
        }
        context.report({
          messageId: 'duplicatePath',
          pointer,
          data: { path },
          related: [{ pointer: first, label: 'first download to this path' }],
        });
      });
    }
  },
});
