import { defineRule, environmentVariablesOf, isTemplateExpression } from '../src/rule-api.js';

/** Variables the Batch service sets on nodes (D-env; reference B.8). */
const BATCH_VARIABLES = new Set([
  'AZ_BATCH_ACCOUNT_NAME', 'AZ_BATCH_ACCOUNT_URL', 'AZ_BATCH_AUTHENTICATION_TOKEN', 'AZ_BATCH_CERTIFICATES_DIR',
  'AZ_BATCH_HOST_LIST', 'AZ_BATCH_IS_CURRENT_NODE_MASTER', 'AZ_BATCH_JOB_ID', 'AZ_BATCH_JOB_PREP_DIR',
  'AZ_BATCH_JOB_PREP_WORKING_DIR', 'AZ_BATCH_MASTER_NODE', 'AZ_BATCH_NODE_ID', 'AZ_BATCH_NODE_IS_DEDICATED',
  'AZ_BATCH_NODE_LIST', 'AZ_BATCH_NODE_MOUNTS_DIR', 'AZ_BATCH_NODE_ROOT_DIR', 'AZ_BATCH_NODE_SHARED_DIR',
  'AZ_BATCH_NODE_STARTUP_DIR', 'AZ_BATCH_POOL_ID', 'AZ_BATCH_TASK_DIR', 'AZ_BATCH_TASK_ID', 'AZ_BATCH_TASK_SHARED_DIR',
  'AZ_BATCH_TASK_WORKING_DIR', 'AZ_BATCH_TASK_RESERVED_EPHEMERAL_DISK_SPACE_BYTES', 'AZ_BATCH_SOFTWARE_ENTITLEMENT_TOKEN',
  'CCP_NODES',
]);
const BATCH_PREFIX = 'AZ_BATCH_';
const APP_PACKAGE_PREFIX = 'AZ_BATCH_APP_PACKAGE_';

export default defineRule({
  id: 'env-reserved-name',
  summary: 'Disallow environment settings that override variables the Batch service sets',
  rationale:
    'Batch sets `AZ_BATCH_*` variables (task and node directories, `AZ_BATCH_HOST_LIST`, ' +
    '`AZ_BATCH_AUTHENTICATION_TOKEN`, `AZ_BATCH_APP_PACKAGE_*`, …) and `CCP_NODES` on every node (D-env). What ' +
    'happens when a task sets one of them is undocumented, and features depend on them: changing ' +
    '`AZ_BATCH_SOFTWARE_ENTITLEMENT_TOKEN` or `AZ_BATCH_ACCOUNT_URL` breaks rendering licence activation ' +
    '(azure-docs PR #7402). Names compare exactly, and case-insensitively for Windows pools, whose variable names ' +
    'ignore case.',
  howToFix: 'Rename the variable (for example drop the `AZ_BATCH_` prefix) and read the value Batch provides instead of setting it.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: {
    batchVariable: 'Environment variable "{name}" is set by the Batch service; overriding it is undocumented',
    batchPrefix: 'Environment variable "{name}" uses the AZ_BATCH_ prefix of the variables the Batch service sets',
  },
  references: ['D-env', 'azure-docs PR #7402'],
  check(context) {
    const ignoreCase = context.pool?.os === 'windows';
    for (const { name, namePointer: pointer } of environmentVariablesOf(context.entity)) {
      if (name === undefined || isTemplateExpression(name)) continue;
      const compared = ignoreCase ? name.toUpperCase() : name;
      if (BATCH_VARIABLES.has(compared) || compared.startsWith(APP_PACKAGE_PREFIX)) {
        context.report({ messageId: 'batchVariable', pointer, data: { name } });
      } else if (compared.startsWith(BATCH_PREFIX)) {
        context.report({ messageId: 'batchPrefix', pointer, data: { name } });
      }
    }
  },
});
