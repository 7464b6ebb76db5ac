import { arrayMember, defineRule, isTemplateExpression, pointerTo, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'app-package-duplicate',
  summary: 'Disallow referencing the same application package twice',
  rationale:
    'Application ids are case-insensitive, and all versions of one application unpack under names derived from ' +
    'the application id (`AZ_BATCH_APP_PACKAGE_<APP>_<VER>`, D-env). Listing one application twice on a task or ' +
    'pool is at best redundant; with two different versions it is unclear which one the command line ends up ' +
    'using. A fully qualified pool reference (`/subscriptions/…/applications/<name>`) and a short name count as ' +
    'the same application.',
  howToFix: 'Keep one reference per application, with the version the task needs.',
  category: 'correctness',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: {
    duplicateApplication: 'Application "{applicationId}" is already referenced at index {firstIndex}',
  },
  references: ['S19 ApplicationPackageReference', 'D-env AZ_BATCH_APP_PACKAGE'],
  check(context) {
    const references = arrayMember(context.entity.value, 'applicationPackageReferences') ?? [];
    const firstIndexByApplication = new Map<string, number>();
    references.forEach((reference, index) => {
      const applicationId = stringMember(reference, 'applicationId');
      if (applicationId === undefined || isTemplateExpression(applicationId)) return;
      const key = applicationName(applicationId);
      const firstIndex = firstIndexByApplication.get(key);
      if (firstIndex === undefined) {
        firstIndexByApplication.set(key, index);
        return;
      }
      context.report({
        messageId: 'duplicateApplication',
        pointer: pointerTo('applicationPackageReferences', index, 'applicationId'),
        data: { applicationId, firstIndex },
        related: [{ pointer: pointerTo('applicationPackageReferences', firstIndex, 'applicationId'), label: 'first referenced here' }],
      });
    });
  },
});

/** The application name, whether written short (`ffmpeg`) or as an ARM id (`/subscriptions/…/applications/ffmpeg`). */
function applicationName(applicationId: string): string {
  const lower = applicationId.trim().toLowerCase();
  const marker = '/applications/';
  const at = lower.lastIndexOf(marker);
  return at === -1 ? lower : lower.slice(at + marker.length).replace(/\/+$/, '');
}
