import { arrayMember, defineRule, objectMember } from '../src/rule-api.js';

export default defineRule({
  id: 'auth-token-granted',
  summary: 'Report tasks that receive a job-scoped Batch authentication token',
  rationale:
    'With `authenticationTokenSettings.access: ["job"]` the task receives a token in `AZ_BATCH_AUTHENTICATION_TOKEN` ' +
    'that "grants access to all operations related to the Job" (S19 `AuthenticationTokenSettings`): adding, ' +
    'changing and deleting its tasks, terminating the job. Any code the task runs, including downloaded resource ' +
    'files and packages, can use it. That is often intended (a job manager that adds tasks), but worth a review.',
  howToFix: 'Keep it for tasks that call the Batch API for their job; remove `authenticationTokenSettings` from the others.',
  category: 'security',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'very-high',
  securitySeverity: '3.0',
  scope: 'task',
  messages: {
    jobTokenGranted: 'The task receives a Batch token in AZ_BATCH_AUTHENTICATION_TOKEN that can add, change and delete the tasks of its job',
  },
  references: ['S19 AuthenticationTokenSettings'],
  check(context) {
    const access = arrayMember(objectMember(context.task.value, 'authenticationTokenSettings'), 'access');
    const index = access?.findIndex((scope) => typeof scope === 'string' && scope.toLowerCase() === 'job') ?? -1;
    if (index === -1) return;
    context.report({ messageId: 'jobTokenGranted', pointer: `/authenticationTokenSettings/access/${index}` });
  },
});
