import { defineRule, hasMember, member, objectMember, pointerTo } from '../src/rule-api.js';

const ENTITY_TYPES = { job: 'Microsoft.Batch/batchAccounts/jobs', pool: 'Microsoft.Batch/batchAccounts/pools' } as const;

export default defineRule({
  id: 'template-type-invalid',
  summary: 'Require a job or pool template to wrap one entity with the right type and properties',
  rationale:
    'A CLI-extension template (`az batch job create --template`, `az batch pool create --template`) wraps one ' +
    'entity: `{"job": {"type": "Microsoft.Batch/batchAccounts/jobs", "properties": {…}}}` or the same with `pool` ' +
    'and `Microsoft.Batch/batchAccounts/pools`. Without `properties` the extension reads the wrapper itself as ' +
    'the job or pool body, which then lacks every required property; a template holding both a job and a pool ' +
    'has one of them ignored by each command (X-ext `doc/templates.md`, `job_operations.py`).',
  howToFix: 'Give the entity its `type` and put its body under `properties`; keep the job and the pool in separate templates.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'document',
  messages: {
    typeMissing: 'The template\'s "{entity}" has no "type"; write "{expected}"',
    typeWrong: 'The template\'s "{entity}" has type "{type}"; write "{expected}"',
    propertiesMissing: 'The template\'s "{entity}" has no "properties" object holding its body',
    twoEntities: 'A template holds one entity: "az batch job create" ignores its "pool" and "az batch pool create" its "job"',
  },
  references: ['X-ext `doc/templates.md`', 'X-ext `operations/job_operations.py`'],
  check(context) {
    const { value, documentShape } = context.document;
    if (documentShape !== 'job-template' && documentShape !== 'pool-template') return;
    const entity = documentShape === 'job-template' ? 'job' : 'pool';
    const expected = ENTITY_TYPES[entity];
    const wrapper = objectMember(value, entity);
    if (wrapper === undefined) return;
    // Batch Explorer's templates put the pool body itself under "pool", with no type or properties.
    if (entity === 'pool' && !hasMember(wrapper, 'properties') && !hasMember(wrapper, 'type') && (hasMember(wrapper, 'vmSize') || hasMember(wrapper, 'virtualMachineConfiguration'))) return;
    const type = member(wrapper, 'type');
    if (type === undefined) context.report({ messageId: 'typeMissing', pointer: pointerTo(entity), target: 'key', data: { entity, expected } });
    else if (type !== expected) context.report({ messageId: 'typeWrong', pointer: pointerTo(entity, 'type'), data: { entity, type: quotedValue(type), expected } });
    if (objectMember(wrapper, 'properties') === undefined) {
      context.report({ messageId: 'propertiesMissing', pointer: pointerTo(entity), target: 'key', data: { entity } });
    }
    if (entity === 'job' && hasMember(value, 'pool')) context.report({ messageId: 'twoEntities', pointer: pointerTo('pool'), target: 'key' });
  },
});

/** How a message quotes a value: containers are summarised, since String() of a deeply nested array recurses until the stack overflows. */
function quotedValue(value: unknown): string {
  return value !== null && typeof value === 'object' ? (Array.isArray(value) ? 'an array' : 'an object') : String(value);
}
