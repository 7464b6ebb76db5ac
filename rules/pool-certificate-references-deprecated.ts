import { defineRule, member, pointerTo } from '../src/rule-api.js';

export default defineRule({
  id: 'pool-certificate-references-deprecated',
  summary: 'Disallow certificateReferences on pools: Batch certificates are retired',
  rationale:
    'Batch account certificates are deprecated: `certificateReferences` "is deprecated and will be removed after ' +
    'February, 2024. Please use the Azure KeyVault Extension instead" (S19/S21 `PoolAddParameter.certificateReferences`). ' +
    'Pools that still rely on it stop receiving their certificates once the feature is removed.',
  howToFix:
    'Install certificates with the Azure Key Vault VM extension (`virtualMachineConfiguration.extensions`) and a ' +
    'pool managed identity, following the Batch certificate migration guide, then remove `certificateReferences`.',
  category: 'compatibility',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'very-high',
  scope: 'pool',
  messages: {
    certificateReferencesDeprecated:
      'certificateReferences is deprecated (removed after February 2024); use the Azure Key Vault extension instead',
  },
  references: ['S19 PoolAddParameter.certificateReferences', 'https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide'],
  check(context) {
    const certificates = member(context.pool.value, 'certificateReferences');
    if (certificates === undefined || (Array.isArray(certificates) && certificates.length === 0)) return;
    context.report({ messageId: 'certificateReferencesDeprecated', pointer: pointerTo('certificateReferences'), target: 'key' });
  },
});
