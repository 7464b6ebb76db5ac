import { defineRule, hasMember, objectMember, stringMember } from '../src/rule-api.js';

const RESERVED = [
  { role: 'jobPreparationTask', defaultId: 'jobpreparation', errorCode: 'TaskIdSameAsJobPreparationTask' },
  { role: 'jobReleaseTask', defaultId: 'jobrelease', errorCode: 'TaskIdSameAsJobReleaseTask' },
] as const;

export default defineRule({
  id: 'task-id-reserved',
  summary: 'Disallow task ids equal to the job preparation or release task id',
  rationale:
    'A job\'s preparation and release tasks own their ids (by default `jobpreparation` and `jobrelease`): "No other Task in the Job can have the same ID". Adding such a task fails with `TaskIdSameAsJobPreparationTask` or `TaskIdSameAsJobReleaseTask` (409). Ids compare ignoring case.',
  howToFix: 'Rename the task, or give the preparation or release task an explicit id that no task uses.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'taskSet',
  references: ['Batch REST JobPreparationTask.id, JobReleaseTask.id'],
  messages: {
    reservedId: 'Task id "{id}" is the id of the job\'s {role} ("{reservedId}"); adding this task fails with {errorCode}',
  },
  check({ job, tasks, report }) {
    if (job.isAnonymous) return;
    for (const reserved of RESERVED) {
      if (!hasMember(job.value, reserved.role)) continue;
      const reservedId = stringMember(objectMember(job.value, reserved.role), 'id') ?? reserved.defaultId;
      for (const task of tasks) {
        if (task.id === undefined || task.id.toLowerCase() !== reservedId.toLowerCase()) continue;
        report({
          messageId: 'reservedId',
          entity: task,
          pointer: '/id',
          data: { id: task.id, role: reserved.role, reservedId, errorCode: reserved.errorCode },
        });
      }
    }
  },
});
