import { defineRule, member, objectMember, pointerTo } from '../src/rule-api.js';

/** The newest template apiVersion the extension's vendored models are known to load (reference Part E.11). */
const NEWEST_CHECKED = '2018-12-01';

export default defineRule({
  id: 'template-api-version',
  summary: 'Report template apiVersion values newer than the CLI extension is known to load',
  rationale:
    'A job or pool template may name the Batch API its body follows in `apiVersion` (`YYYY-MM-DD`). The CLI ' +
    'extension maps it to vendored SDK models; for a version it does not list, some releases warn "Invalid ' +
    'apiVersion, defaulting to latest" and others stop with "This SDK does not have template API version … ' +
    'implemented", while the extension\'s own samples declare `2022-06-01`. Versions after `2018-12-01` are ' +
    'therefore worth checking against the extension release in use (X-ext `job_operations.py`, samples; reference ' +
    'Part E.11).',
  howToFix: 'Check that your `azure-batch-cli-extensions` release accepts the version, or declare `2018-12-01`.',
  category: 'compatibility',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'document',
  messages: {
    newerThanChecked: 'Template apiVersion "{apiVersion}" is newer than "{newest}"; check that your CLI extension release accepts it',
  },
  references: ['X-ext `operations/job_operations.py`', 'X-ext samples'],
  check(context) {
    const { value, documentShape } = context.document;
    if (documentShape !== 'job-template' && documentShape !== 'pool-template') return;
    const entity = documentShape === 'job-template' ? 'job' : 'pool';
    const apiVersion = member(objectMember(value, entity), 'apiVersion');
    if (typeof apiVersion !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(apiVersion) || apiVersion <= NEWEST_CHECKED) return;
    context.report({ messageId: 'newerThanChecked', pointer: pointerTo(entity, 'apiVersion'), data: { apiVersion, newest: NEWEST_CHECKED } });
  },
});
