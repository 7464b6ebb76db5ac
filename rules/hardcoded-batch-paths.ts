import { defineRule, maskTemplateExpressions, taskCommandLines } from '../src/rule-api.js';

const LINUX_NODE_ROOT = /\/mnt(?:\/resource)?\/batch\/tasks(?:\/[^\s"'/;&|]+)?/;
const WINDOWS_NODE_ROOT = /\b[CD]:[\\/]+(?:batch(?:[\\/]+tasks)?|user[\\/]+tasks)(?:[\\/]+[^\s"'\\/;&|]+)?/i;

/** The Batch variable that names the directory under the node root the path points into. */
function variableFor(path: string): string {
  const below = /tasks[\\/]+([^\\/]+)/i.exec(path)?.[1]?.toLowerCase();
  if (below === 'shared') return 'AZ_BATCH_NODE_SHARED_DIR';
  if (below === 'startup') return 'AZ_BATCH_NODE_STARTUP_DIR';
  if (below === 'applications') return 'AZ_BATCH_APP_PACKAGE_<application>';
  if (below === 'fsmounts') return 'AZ_BATCH_NODE_MOUNTS_DIR';
  if (below === 'workitems') return 'AZ_BATCH_TASK_WORKING_DIR or AZ_BATCH_JOB_PREP_WORKING_DIR';
  return 'AZ_BATCH_NODE_ROOT_DIR';
}

export default defineRule({
  id: 'hardcoded-batch-paths',
  summary: 'Report literal node directories where a Batch environment variable belongs',
  rationale:
    'The node root differs between images and OS versions (`/mnt/batch/tasks`, `/mnt/resource/batch/tasks`, ' +
    '`D:\\batch\\tasks`, …) and the directories below it carry generated job and task names. "If the command line ' +
    'refers to file paths, it should use a relative path (relative to the Task working directory), or use the Batch ' +
    'provided environment variable" (S19 `commandLine`); D-mpi: "Do not attempt to construct the paths manually".',
  howToFix:
    'Use the variable Batch sets on every node (D-env): `AZ_BATCH_NODE_ROOT_DIR`, `AZ_BATCH_NODE_SHARED_DIR`, ' +
    '`AZ_BATCH_NODE_STARTUP_DIR`, `AZ_BATCH_TASK_WORKING_DIR`, `AZ_BATCH_JOB_PREP_WORKING_DIR`, ' +
    '`AZ_BATCH_APP_PACKAGE_<app>`, expanded by a shell (`$VAR` under `/bin/sh -c`, `%VAR%` under `cmd /c`).',
  category: 'reliability',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'high',
  scope: 'task',
  messages: {
    hardcodedPath: '{property} hard-codes the node path "{path}"; use {variable} instead',
  },
  references: ['S19 TaskAddParameter.commandLine', 'D-mpi', 'D-env'],
  check(context) {
    for (const commandLine of taskCommandLines(context.task.value)) {
      const text = context.task.isTemplate ? maskTemplateExpressions(commandLine.text) : commandLine.text;
      // The Linux root is spelled `/mnt…`, a Windows one `C:…`/`D:…`: lines with neither are not searched.
      const linuxPath = text.includes('/mnt') ? LINUX_NODE_ROOT.exec(text)?.[0] : undefined;
      const path = linuxPath ?? (text.includes(':') ? WINDOWS_NODE_ROOT.exec(text)?.[0] : undefined);
      if (path === undefined) continue;
      context.report({
        messageId: 'hardcodedPath',
        pointer: commandLine.pointer,
        data: { property: commandLine.property, path, variable: variableFor(path) },
      });
    }
  },
});
