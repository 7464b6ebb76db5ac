import { defineRule, isTemplateExpression, member, outputFileObjects, pointerTo } from '../src/rule-api.js';

const WILDCARD = /[*?[]/;
/** A last segment such as `result.txt`: a name, a dot, and a short extension. */
const FILE_NAME = /[^/.][^/]*\.[A-Za-z][A-Za-z0-9]{0,7}$/;

export default defineRule({
  id: 'output-path-file-with-wildcard',
  summary: 'Report a file-like output path used as the prefix for a wildcard pattern',
  rationale: [
    'When `filePattern` has wildcards, `path` "is the name of the blob virtual directory (which is prepended to',
    'each blob name) to which to upload the file(s)" (S19 `OutputFileBlobContainerDestination.path`). A path that',
    'looks like a file name (`results/output.csv`) then becomes a directory: the blobs are named',
    '`results/output.csv/<file>`, not `results/output.csv`.',
  ].join('\n'),
  howToFix: 'Use a directory-like `path` (`results/`) for wildcard patterns, or name the single file in `filePattern` without wildcards.',
  category: 'correctness',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'task',
  messages: {
    fileLikePrefix: 'Output "path" "{path}" looks like a file name, but "filePattern" "{pattern}" has wildcards, so it is used as a directory prefix',
  },
  references: ['S19 `OutputFileBlobContainerDestination.path`'],
  check(context) {
    for (const entry of outputFileObjects(context.task.value)) {
      const pattern = member(entry.file, 'filePattern');
      const path = member(member(member(entry.file, 'destination'), 'container'), 'path');
      if (typeof pattern !== 'string' || typeof path !== 'string') continue;
      if (isTemplateExpression(pattern) || isTemplateExpression(path)) continue;
      if (!WILDCARD.test(pattern) || !FILE_NAME.test(path)) continue;
      context.report({ messageId: 'fileLikePrefix', pointer: entry.pointer + pointerTo('destination', 'container', 'path'), data: { path, pattern } });
    }
  },
});
