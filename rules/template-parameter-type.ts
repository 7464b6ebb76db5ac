import { defineRule, isExpandedTemplate, isJsonObject, member, objectMember, pointerTo } from '../src/rule-api.js';
import type { JsonValue } from '../src/rule-api.js';

const TYPES = ['int', 'string', 'bool'];

export default defineRule({
  id: 'template-parameter-type',
  summary: 'Require template parameters to declare a supported type their default satisfies',
  rationale:
    'The Azure Batch CLI extension requires every template parameter to declare `type` `int`, `string` or `bool` ' +
    '("Parameter … does not have type defined", "specifies an unsupported type"; job and pool templates also ' +
    'pass `object` through). When a caller supplies no value, the `defaultValue` is checked like any value: an ' +
    '`int` must read back as the same integer (`"05"`, `1.5` and `true` fail), a `bool` must be `true`/`false` ' +
    '(or the strings), and `minValue`/`maxValue`, `minLength`/`maxLength` and `allowedValues` apply — so a ' +
    'default that breaks them fails every submission that relies on it (X-ext `_template_utils.py`).',
  howToFix: 'Declare `"type": "int"`, `"string"` or `"bool"`, and give a `defaultValue` of that type within the declared limits.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'document',
  messages: {
    typeMissing: 'Parameter "{name}" declares no "type"; the CLI extension requires "int", "string" or "bool"',
    typeUnsupported: 'Parameter "{name}" has type "{type}", which the CLI extension does not support; use "int", "string" or "bool"',
    defaultNotOfType: 'The defaultValue of parameter "{name}" is not a valid {type}',
    defaultOutOfLimits: 'The defaultValue of parameter "{name}" breaks its own {limit} of {limitValue}',
    defaultNotAllowed: 'The defaultValue of parameter "{name}" is not one of its allowedValues',
  },
  references: ['X-ext `_template_utils.py` (`_validate_parameter`, `_validate_parameter_usage`)', 'X-ext `doc/templates.md`', 'X-ext `doc/application-templates.md`'],
  check(context) {
    const { value, documentShape } = context.document;
    if (!isExpandedTemplate(documentShape)) return;
    const parameters = objectMember(value, 'parameters');
    if (parameters === undefined) return;
    // Application templates go through `_validate_parameter_usage`, which knows no `object`.
    const supported = documentShape === 'application-template' ? TYPES : [...TYPES, 'object'];
    for (const name of Object.keys(parameters)) {
      const definition = parameters[name];
      if (!isJsonObject(definition)) continue;
      const pointer = pointerTo('parameters', name);
      const type = member(definition, 'type');
      if (type === undefined) {
        context.report({ messageId: 'typeMissing', pointer, target: 'key', data: { name } });
        continue;
      }
      if (typeof type !== 'string' || !supported.includes(type)) {
        context.report({ messageId: 'typeUnsupported', pointer: `${pointer}/type`, data: { name, type: quotedValue(type) } });
        continue;
      }
      const defaultValue = member(definition, 'defaultValue');
      if (defaultValue === undefined || defaultValue === null || type === 'object') continue;
      const problem = defaultProblem(type, defaultValue, definition);
      const at = `${pointer}/defaultValue`;
      if (problem === 'notOfType') context.report({ messageId: 'defaultNotOfType', pointer: at, data: { name, type } });
      else if (problem === 'notAllowed') context.report({ messageId: 'defaultNotAllowed', pointer: at, data: { name } });
      else if (problem !== undefined) context.report({ messageId: 'defaultOutOfLimits', pointer: at, data: { name, ...problem } });
    }
  },
});

type DefaultProblem = 'notOfType' | 'notAllowed' | { limit: string; limitValue: string };

/** The first check of `_validate_parameter` the default fails, in the extension's order. */
function defaultProblem(type: string, value: JsonValue, definition: JsonValue): DefaultProblem | undefined {
  let converted: number | boolean | string;
  if (type === 'int') {
    const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isInteger(value) ? String(value) : undefined;
    // int() then str() must give back the text: "05", " 5", "+5" and non-integers fail.
    if (text === undefined || !/^-?(0|[1-9][0-9]*)$/.test(text) || text === '-0') return 'notOfType';
    converted = Number(text);
    for (const [limit, below] of [['minValue', true], ['maxValue', false]] as const) {
      const bound = member(definition, limit);
      if (typeof bound !== 'number' || !Number.isInteger(bound)) continue;
      if (below ? converted < bound : converted > bound) return { limit, limitValue: String(bound) };
    }
  } else if (type === 'bool') {
    // Python's `value in [True, False]` also admits 0 and 1.
    if (value === true || value === false || value === 0 || value === 1) converted = value === true || value === 1;
    else if (typeof value === 'string' && /^(true|false)$/i.test(value)) converted = value.toLowerCase() === 'true';
    else return 'notOfType';
  } else {
    if (typeof value !== 'string') return undefined;
    converted = value;
    const length = [...value].length;
    for (const [limit, below] of [['minLength', true], ['maxLength', false]] as const) {
      const bound = member(definition, limit);
      if (typeof bound !== 'number' || !Number.isInteger(bound)) continue;
      if (below ? length < bound : length > bound) return { limit, limitValue: String(bound) };
    }
  }
  const allowed = member(definition, 'allowedValues');
  if (Array.isArray(allowed) && !allowed.some((candidate) => pythonEquals(candidate, converted))) return 'notAllowed';
  return undefined;
}

/** `==` as Python compares a converted value with a JSON value: True equals 1, strings only strings. */
function pythonEquals(candidate: JsonValue, value: number | boolean | string): boolean {
  const asNumber = (item: unknown) => (typeof item === 'boolean' ? Number(item) : item);
  if (typeof value === 'string') return candidate === value;
  return (typeof candidate === 'number' || typeof candidate === 'boolean') && asNumber(candidate) === asNumber(value);
}

/** How a message quotes a value: containers are summarised, since String() of a deeply nested array recurses until the stack overflows. */
function quotedValue(value: unknown): string {
  return value !== null && typeof value === 'object' ? (Array.isArray(value) ? 'an array' : 'an object') : String(value);
}
