import { defineRule, isTemplateExpression, maskSecrets, member, outputFileObjects, pointerTo, urlWithoutQuery } from '../src/rule-api.js';
import type { EntityRef } from '../src/rule-api.js';

const WILDCARD = /[*?[]/;
const VARIABLE_REFERENCE = /\$\{?[A-Za-z_]|%[A-Za-z_][A-Za-z0-9_()]*%/;

interface Upload {
  readonly task: EntityRef;
  readonly pointer: string;
  readonly condition: string | undefined;
}

export default defineRule({
  id: 'output-path-collision',
  summary: 'Disallow two uploads of a single file to the same blob',
  rationale: [
    'For a `filePattern` without wildcards, `path` "is the name of the blob to which to upload that file"; without',
    '`path` the blob is named after the file (S19 `OutputFileBlobContainerDestination.path`). Two output files that',
    'resolve to the same container and blob name, in one task or in different tasks of the job, overwrite each',
    'other: only the last upload survives. D-out recommends putting the task id into `path` ("Disambiguate files',
    'with the same name"); a common case is every task uploading `../stdout.txt` to the container root.',
    '',
    'Containers are compared without their query (SAS tokens differ between tasks), and blob names exactly.',
    'Within one task, uploads on `tasksuccess` and on `taskfailure` never both happen and are not reported. Paths',
    'built from environment variables in `filePattern` (without a `path`) are skipped: they differ per task.',
  ].join('\n'),
  howToFix: 'Include the task id (or another distinguishing value) in `destination.container.path`, e.g. `"path": "logs/task-7/stdout.txt"`.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'taskSet',
  messages: {
    sameBlob: 'Output file uploads to blob "{blob}" in "{container}", which an earlier output file also writes; one overwrites the other',
  },
  references: ['S19 `OutputFileBlobContainerDestination.path`', 'D-out'],
  check(context) {
    const firstUploads = new Map<string, Upload[]>();
    for (const task of context.tasks) {
      for (const entry of outputFileObjects(task.value)) {
        const pattern = member(entry.file, 'filePattern');
        const container = member(member(entry.file, 'destination'), 'container');
        const url = member(container, 'containerUrl');
        const path = member(container, 'path');
        if (typeof pattern !== 'string' || typeof url !== 'string' || WILDCARD.test(pattern)) continue;
        if (isTemplateExpression(pattern) || isTemplateExpression(url) || isTemplateExpression(path)) continue;
        let blob: string;
        let pointer: string;
        if (typeof path === 'string' && path !== '') {
          blob = path.replace(/^\/+/, '');
          pointer = entry.pointer + pointerTo('destination', 'container', 'path');
        } else {
          if (VARIABLE_REFERENCE.test(pattern)) continue;
          blob = pattern.split(/[/\\]/).pop() ?? '';
          pointer = entry.pointer + pointerTo('filePattern');
        }
        if (blob === '') continue;
        const containerUrl = urlWithoutQuery(url).replace(/\/+$/, '');
        const key = `${containerUrl.toLowerCase()}\n${blob}`;
        const condition = member(member(entry.file, 'uploadOptions'), 'uploadCondition');
        const upload: Upload = { task, pointer, condition: typeof condition === 'string' ? condition.toLowerCase() : undefined };
        const earlier = firstUploads.get(key) ?? [];
        const clash = earlier.find((other) => !exclusive(other, upload));
        if (clash !== undefined) {
          context.report({
            entity: task,
            messageId: 'sameBlob',
            pointer,
            data: { blob, container: maskSecrets(containerUrl) },
            related: [{ entity: clash.task, pointer: clash.pointer, label: 'earlier upload to the same blob' }],
          });
        }
        earlier.push(upload);
        firstUploads.set(key, earlier);
      }
    }
  },
});

/** Two uploads of one task whose conditions can never both hold. */
function exclusive(first: Upload, second: Upload): boolean {
  if (first.task !== second.task) return false;
  const conditions = new Set([first.condition, second.condition]);
  return conditions.size === 2 && conditions.has('tasksuccess') && conditions.has('taskfailure');
}
