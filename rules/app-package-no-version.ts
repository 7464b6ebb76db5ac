import { arrayMember, defineRule, hasMember, isJsonObject, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'app-package-no-version',
  summary: 'Report application package references that rely on the default version',
  rationale:
    'A package reference without `version` deploys the application\'s default version. "If this is omitted on a ' +
    'Pool, and no default version is specified for this application, the request fails with the error code ' +
    'InvalidApplicationPackageReferences and HTTP status code 409. If this is omitted on a Task, and no default ' +
    'version is specified for this application, the Task fails with a pre-processing error" (S19 ' +
    '`ApplicationPackageReference.version`). Even with a default, which version runs changes whenever someone ' +
    'changes the default, so runs are not reproducible from the request body.',
  howToFix: 'Pin the version, e.g. `{"applicationId": "ffmpeg", "version": "6.1"}`.',
  category: 'reliability',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'medium',
  scope: 'entity',
  messages: {
    taskPackageWithoutVersion:
      'Package reference has no version; without a default version for the application the task fails with a pre-processing error',
    poolPackageWithoutVersion:
      'Package reference has no version; without a default version for the application the pool is rejected with InvalidApplicationPackageReferences',
  },
  references: ['S19 ApplicationPackageReference.version'],
  check(context) {
    const references = arrayMember(context.entity.value, 'applicationPackageReferences') ?? [];
    const messageId = context.entity.kind === 'pool' ? 'poolPackageWithoutVersion' : 'taskPackageWithoutVersion';
    references.forEach((reference, index) => {
      if (!isJsonObject(reference) || hasMember(reference, 'version')) return;
      context.report({ messageId, pointer: pointerTo('applicationPackageReferences', index) });
    });
  },
});
