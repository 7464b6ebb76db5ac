import { arrayMember, defineRule, hasMember, stringMember, templateJobBody } from '../src/rule-api.js';

export default defineRule({
  id: 'metadata-reserved-prefix',
  summary: 'Disallow metadata names starting with az_batch in application templates and the jobs using them',
  rationale:
    'When the CLI extension merges an application template into a job it records the template path as job ' +
    'metadata `az_batch:template_filepath`, and it rejects any metadata of the template or the job whose name ' +
    'starts with `az_batch` ("the prefix \'az_batch:\' is reserved for Batch use") (X-ext `_validate_metadata`).',
  howToFix: 'Rename the metadata item; any other prefix works.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'document',
  messages: {
    reservedPrefix: 'Metadata name "{name}" starts with "az_batch", which the CLI extension reserves; rename it',
  },
  references: ['X-ext `_template_utils.py` (`_validate_metadata`)', 'X-ext `doc/application-templates.md`'],
  check(context) {
    const { value, documentShape } = context.document;
    const job = templateJobBody(value, documentShape);
    // The check runs only where an application template is merged into a job.
    if (job === undefined || (documentShape !== 'application-template' && !hasMember(job.body, 'applicationTemplateInfo'))) return;
    (arrayMember(job.body, 'metadata') ?? []).forEach((item, index) => {
      const name = stringMember(item, 'name');
      if (name?.startsWith('az_batch')) context.report({ messageId: 'reservedPrefix', pointer: `${job.pointer}/metadata/${index}/name`, data: { name } });
    });
  },
});
