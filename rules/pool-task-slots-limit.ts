import { defineRule, hasMember, numberMember, pointerTo, stringMember } from '../src/rule-api.js';

const MAXIMUM_SLOTS = 256;
const SLOTS_PER_CORE = 4;
/**
 * Size families whose name states the vCPU count (Standard_D4s_v3: 4, Standard_E16as_v5: 16,
 * Standard_F8s_v2: 8). Older families (Standard_D11_v2, Standard_A8) and constrained sizes
 * (Standard_E64-16s_v3) do not, so they are left unchecked rather than guessed.
 */
const CORES_IN_NAME = [/^standard_[de](\d+)[a-z]*_v[3-6]$/i, /^standard_f(\d+)s?(?:_v2)?$/i];

export default defineRule({
  id: 'pool-task-slots-limit',
  summary: 'Limit taskSlotsPerNode to between 1 and the smaller of 256 and 4 per vCPU',
  rationale:
    '`taskSlotsPerNode` sets how many task slots each node offers. "The maximum value is the smaller of 4 times ' +
    'the number of cores of the vmSize of the pool or 256" (S19 `PoolAddParameter.taskSlotsPerNode`); the ' +
    'default is 1, and fewer than one slot would leave the node unable to run anything. The vCPU limit is ' +
    'checked for VM sizes whose name states their vCPU count (D/E-series v3 and later, F-series).',
  howToFix:
    'Use a value from 1 to 256 that is at most four times the vCPU count of `vmSize`, or choose a larger VM size.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'pool',
  messages: {
    slotsBelowOne: '{property} {slots} is less than 1',
    slotsAboveMaximum: '{property} {slots} is more than the maximum of 256',
    slotsAboveCoreLimit: '{property} {slots} is more than 4 per vCPU: "{vmSize}" has {cores} vCPUs, so the limit is {limit}',
  },
  references: ['S19 PoolAddParameter.taskSlotsPerNode', 'D-par'],
  check(context) {
    const pool = context.pool.value;
    // Pools written for api-versions up to 2020-03-01.11.0 name the same setting maxTasksPerNode.
    const property = hasMember(pool, 'taskSlotsPerNode') ? 'taskSlotsPerNode' : 'maxTasksPerNode';
    const slots = numberMember(pool, property);
    if (slots === undefined) return;
    const pointer = pointerTo(property);
    if (slots < 1) {
      context.report({ messageId: 'slotsBelowOne', pointer, data: { property, slots } });
      return;
    }
    if (slots > MAXIMUM_SLOTS) {
      context.report({ messageId: 'slotsAboveMaximum', pointer, data: { property, slots } });
      return;
    }
    const vmSize = stringMember(pool, 'vmSize');
    const cores = vmSize === undefined ? undefined : coresFromName(vmSize);
    if (vmSize === undefined || cores === undefined || slots <= cores * SLOTS_PER_CORE) return;
    context.report({
      messageId: 'slotsAboveCoreLimit',
      pointer,
      data: { property, slots, vmSize, cores, limit: cores * SLOTS_PER_CORE },
      related: [{ pointer: pointerTo('vmSize'), label: 'VM size' }],
    });
  },
});

function coresFromName(vmSize: string): number | undefined {
  for (const pattern of CORES_IN_NAME) {
    const digits = pattern.exec(vmSize)?.[1];
    if (digits !== undefined) return Number(digits);
  }
  return undefined;
}
