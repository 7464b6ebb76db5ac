import type { JsonObject, JsonValue } from './rule-types.js';

/** Reading untrusted JSON: every accessor checks the type and answers undefined otherwise. */

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own property only: `__proto__`, `constructor` and friends never resolve to inherited members. */
export function member(object: unknown, key: string): JsonValue | undefined {
  if (!isJsonObject(object) || !Object.prototype.hasOwnProperty.call(object, key)) return undefined;
  return object[key];
}

export function hasMember(object: unknown, key: string): boolean {
  return isJsonObject(object) && Object.prototype.hasOwnProperty.call(object, key);
}

export function stringMember(object: unknown, key: string): string | undefined {
  const value = member(object, key);
  return typeof value === 'string' ? value : undefined;
}

export function numberMember(object: unknown, key: string): number | undefined {
  const value = member(object, key);
  return typeof value === 'number' ? value : undefined;
}

export function booleanMember(object: unknown, key: string): boolean | undefined {
  const value = member(object, key);
  return typeof value === 'boolean' ? value : undefined;
}

export function objectMember(object: unknown, key: string): JsonObject | undefined {
  const value = member(object, key);
  return isJsonObject(value) ? value : undefined;
}

export function arrayMember(object: unknown, key: string): JsonValue[] | undefined {
  const value = member(object, key);
  return Array.isArray(value) ? value : undefined;
}

/** `[parameters('x')]`, `[variables('y')]`, `[concat(...)]`: unresolved CLI-extension template expressions. */
export function isTemplateExpression(value: unknown): boolean {
  return typeof value === 'string' && value.length > 2 && value[0] === '[' && value[1] !== '[' && value.endsWith(']');
}

/** True for a JSON integer that fits in a signed 32-bit slot, judged on the exact number parsed. */
export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
}
