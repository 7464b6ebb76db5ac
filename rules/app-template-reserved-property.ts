import { defineRule, hasMember, pointerTo, templateJobBody } from '../src/rule-api.js';

/** Properties only an application template may set (X-ext `PROPS_RESERVED_FOR_TEMPLATES`). */
const RESERVED_FOR_TEMPLATES = ['jobManagerTask', 'jobPreparationTask', 'jobReleaseTask', 'usesTaskDependencies', 'onAllTasksComplete', 'onTaskFailure', 'taskFactory'];
/** Properties only the job that uses a template may set (X-ext `PROPS_RESERVED_FOR_JOBS`). */
const RESERVED_FOR_JOBS = ['id', 'displayName', 'priority', 'constraints', 'poolInfo', 'applicationTemplateInfo'];
/** What an application template may hold (reference Part D, T4). */
const PERMITTED_ON_TEMPLATES = new Set([...RESERVED_FOR_TEMPLATES, 'templateMetadata', 'parameters', 'metadata', 'commonEnvironmentSettings']);

export default defineRule({
  id: 'app-template-reserved-property',
  summary: 'Disallow job properties in application templates and template properties beside applicationTemplateInfo',
  rationale:
    'A CLI-extension application template describes the work of a job (`taskFactory`, job manager, preparation ' +
    'and release tasks, `usesTaskDependencies`, `onAllTasksComplete`, `onTaskFailure`), and the job that uses it ' +
    'through `applicationTemplateInfo` says where and how it runs (`id`, `displayName`, `priority`, ' +
    '`constraints`, `poolInfo`). The extension rejects a template that sets the job\'s properties ("Application ' +
    'templates may not specify these properties") or anything outside its permitted set ("may not use these ' +
    'properties"), and a job that sets the template\'s properties next to `applicationTemplateInfo` (X-ext ' +
    '`models/constants.py`, `_validate_generated_job`).',
  howToFix: 'Move each property to the side that owns it: work into the application template, placement and identity into the job.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'document',
  messages: {
    reservedForTemplate: 'A job with applicationTemplateInfo may not set "{property}"; it belongs in the application template',
    reservedForJob: 'An application template may not set "{property}"; it belongs to the job that uses the template',
    notPermitted: 'An application template may not use "{property}"',
  },
  references: ['X-ext `models/constants.py`', 'X-ext `_template_utils.py` (`_validate_generated_job`)', 'X-ext `doc/application-templates.md`'],
  check(context) {
    const { value, documentShape } = context.document;
    const job = templateJobBody(value, documentShape);
    if (job === undefined) return;
    if (documentShape === 'application-template') {
      for (const property of Object.keys(job.body)) {
        if (PERMITTED_ON_TEMPLATES.has(property)) continue;
        const messageId = RESERVED_FOR_JOBS.includes(property) ? 'reservedForJob' : 'notPermitted';
        context.report({ messageId, pointer: pointerTo(property), target: 'key', data: { property } });
      }
      return;
    }
    if (!hasMember(job.body, 'applicationTemplateInfo')) return;
    for (const property of RESERVED_FOR_TEMPLATES) {
      if (hasMember(job.body, property)) context.report({ messageId: 'reservedForTemplate', pointer: `${job.pointer}${pointerTo(property)}`, target: 'key', data: { property } });
    }
  },
});
