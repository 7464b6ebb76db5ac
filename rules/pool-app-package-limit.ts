import { arrayMember, defineRule, pointerTo } from '../src/rule-api.js';

const MAX_REFERENCES = 10;

export default defineRule({
  id: 'pool-app-package-limit',
  summary: 'Limit a pool to 10 application package references',
  rationale:
    '"There is a maximum of 10 Package references on any given Pool" (S19 ' +
    '`PoolAddParameter.applicationPackageReferences`; D-quota). A pool with more is rejected.',
  howToFix:
    'Reference at most 10 packages on the pool. Move packages only some tasks need onto those tasks\' ' +
    '`applicationPackageReferences`, or combine related packages into one.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'pool',
  messages: {
    tooManyPackages: 'Pool references {count} application packages; the limit is 10',
  },
  references: ['S19 PoolAddParameter.applicationPackageReferences', 'D-quota'],
  check(context) {
    const references = arrayMember(context.pool.value, 'applicationPackageReferences');
    if (references === undefined || references.length <= MAX_REFERENCES) return;
    context.report({
      messageId: 'tooManyPackages',
      pointer: pointerTo('applicationPackageReferences'),
      target: 'key',
      data: { count: references.length },
    });
  },
});
