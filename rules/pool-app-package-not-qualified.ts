import { arrayMember, defineRule, isAtLeast, isTemplateExpression, pointerTo, stringMember } from '../src/rule-api.js';

const QUALIFIED_APPLICATION_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Batch\/batchAccounts\/[^/]+\/applications\/[^/]+$/i;

export default defineRule({
  id: 'pool-app-package-not-qualified',
  summary: 'Require fully qualified application ids in pool application package references',
  rationale:
    'From api-version 2022-10-01.16.0 the specification says: "When creating a pool, the package\'s application ID ' +
    'must be fully qualified (/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/' +
    'Microsoft.Batch/batchAccounts/{accountName}/applications/{applicationName})" (S2022-10-01.16.0+ ' +
    '`ApplicationPackageReference.applicationId`). Older api-versions documented the short name, and how strictly ' +
    'the data-plane service enforces the new text is not documented, so this is a warning and is silent for ' +
    'older api-versions. Task references keep the short name.',
  howToFix:
    'Write the ARM resource id of the application: ' +
    '`/subscriptions/<sub>/resourceGroups/<group>/providers/Microsoft.Batch/batchAccounts/<account>/applications/<name>`.',
  category: 'compatibility',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'medium',
  scope: 'pool',
  messages: {
    applicationIdNotQualified:
      'Pool package reference "{applicationId}" is not a fully qualified application resource id, which api-version {apiVersion} asks for',
  },
  references: ['S19 ApplicationPackageReference.applicationId'],
  check(context) {
    const { apiVersion } = context;
    if (!isAtLeast(apiVersion, '2022-10-01.16.0')) return;
    const references = arrayMember(context.pool.value, 'applicationPackageReferences') ?? [];
    references.forEach((reference, index) => {
      const applicationId = stringMember(reference, 'applicationId');
      if (applicationId === undefined || isTemplateExpression(applicationId)) return;
      if (QUALIFIED_APPLICATION_ID.test(applicationId)) return;
      context.report({
        messageId: 'applicationIdNotQualified',
        pointer: pointerTo('applicationPackageReferences', index, 'applicationId'),
        data: { applicationId, apiVersion },
      });
    });
  },
});
