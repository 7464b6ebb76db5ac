import { defineRule, environmentVariablesOf, findVariableReferences, isTemplateExpression } from '../src/rule-api.js';

/** Values of these settings are credentials: never echo a piece of them in a message. */
const SECRET_LIKE_NAME = /pass|secret|token|key|pwd|sas|credential|conn/i;
/** `$HOME`-style references: conventional upper-case names only, so `pa$word` is not taken for one. */
const CONVENTIONAL_POSIX_REFERENCE = /^\$(?:[A-Z_][A-Z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})$/;

export default defineRule({
  id: 'env-value-shell-syntax',
  summary: 'Report environment values that contain variable references or command substitutions',
  rationale:
    'Batch sets environment values literally; nothing expands them. `PATH=$PATH:/opt/tool/bin` gives the task a ' +
    'PATH that is exactly that text, and `%AZ_BATCH_NODE_SHARED_DIR%\\data` stays unexpanded (the same trap as ' +
    'I-Azure/Batch#130 for output paths). A shell started by the command line does not expand them either: it reads ' +
    'the variable, it does not re-evaluate its value.',
  howToFix:
    'Build the value in the command line instead, under a shell: `/bin/sh -c \'export PATH="$PATH:/opt/tool/bin"; tool\'` ' +
    'or `cmd /c "set DATA=%AZ_BATCH_NODE_SHARED_DIR%\\data && tool"`. Or write the literal value you want.',
  category: 'correctness',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'entity',
  messages: {
    literalReference: 'Environment variable "{name}" has "{reference}" in its value, which Batch sets literally without expanding it',
    literalSubstitution: 'Environment variable "{name}" has a command substitution in its value, which Batch sets literally without running it',
  },
  references: ['S19 EnvironmentSetting', 'I-Azure/Batch#130'],
  check(context) {
    for (const { name, value, valuePointer: pointer } of environmentVariablesOf(context.entity)) {
      if (name === undefined || value === undefined) continue;
      // Every reference starts with `$`, a backtick or `%`: values without one need no further look.
      if (value.indexOf('$') === -1 && value.indexOf('%') === -1 && value.indexOf('`') === -1) continue;
      if (isTemplateExpression(value) || SECRET_LIKE_NAME.test(name)) continue;
      const reference = findVariableReferences(value).find(
        (found) =>
          found.kind === 'windows-variable' ||
          found.kind === 'backtick' ||
          found.kind === 'command-substitution' ||
          CONVENTIONAL_POSIX_REFERENCE.test(found.text),
      );
      if (reference === undefined) continue;
      if (reference.kind === 'backtick' || reference.kind === 'command-substitution') {
        context.report({ messageId: 'literalSubstitution', pointer, data: { name } });
      } else {
        context.report({ messageId: 'literalReference', pointer, data: { name, reference: reference.text } });
      }
    }
  },
});
