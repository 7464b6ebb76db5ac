// A local batchlint plugin: list it under "plugins" in the config, relative to the config file.
// A plugin exports plain rule objects; batchlint checks each one with defineRule when it loads them,
// so a plugin needs no import from batchlint. The rule id must not clash with a built-in rule.
export default {
  rules: [
    {
      id: 'team-task-display-name',
      summary: 'Require a displayName on every task, so the portal and task lists say what each task does',
      rationale: 'A team convention: task ids are generated (`frame-0001`), so operators rely on `displayName` to find the task that failed.',
      howToFix: 'Add a `displayName` (up to 1024 characters) that says what the task does.',
      category: 'style',
      defaultSeverity: 'warn',
      recommended: false,
      scope: 'task',
      messages: { missing: 'Task "{id}" has no displayName' },
      check({ task, report }) {
        const body = task.value;
        // Rules also run on schema-invalid input: check the type before reading a member.
        if (body === null || typeof body !== 'object' || Array.isArray(body) || task.role !== 'task') return;
        if (typeof body.displayName === 'string' && body.displayName.trim() !== '') return;
        report({ messageId: 'missing', pointer: task.id === undefined ? '' : '/id', data: { id: task.id ?? '(no id)' } });
      },
    },
  ],
};
