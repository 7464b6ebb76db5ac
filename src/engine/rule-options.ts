import { ConfigError } from '../errors.js';
import type { Rule } from './rule-types.js';

const validated = new WeakMap<object, object>();

/**
 * A rule's effective options: its defaults with the configured options laid over them. Configured
 * options are validated against the rule's schema; ajv is loaded only when some config actually
 * sets options, so ordinary runs never compile a schema.
 */
export async function effectiveOptions(rule: Rule, configured: object | undefined): Promise<unknown> {
  const defaults = rule.options?.defaults;
  if (configured === undefined) return defaults;
  if (!rule.options) throw new ConfigError(`Rule "${rule.id}" takes no options, but the config gives ${JSON.stringify(configured)}`);
  const cached = validated.get(configured);
  if (cached) return cached;
  const { default: Ajv } = await import('ajv');
  const ajv = new (Ajv as unknown as typeof import('ajv').default)({ allErrors: true, strict: false });
  const validate = ajv.compile(rule.options.schema);
  if (!validate(configured)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath ? `"${first.instancePath.slice(1).replace(/\//g, '.')}" ` : '';
    const detail = first?.keyword === 'additionalProperties' ? `has an unknown option "${String(first.params.additionalProperty)}"` : first?.message ?? 'is invalid';
    throw new ConfigError(`Invalid options for rule "${rule.id}": ${where}${detail}`);
  }
  const merged = isPlainObject(defaults) && isPlainObject(configured) ? { ...defaults, ...configured } : configured;
  validated.set(configured, merged);
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
