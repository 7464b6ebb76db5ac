import type { Rule, RuleDefinition } from './rule-types.js';

const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MESSAGE_ID = /^[a-z][A-Za-z0-9]*$/;
const SCOPES = new Set(['task', 'job', 'pool', 'entity', 'taskSet', 'document']);
const SEVERITIES = new Set(['error', 'warn', 'info']);
const CATEGORIES = new Set(['syntax', 'schema', 'correctness', 'reliability', 'security', 'compatibility', 'style']);

export class RuleDefinitionError extends Error {}

/**
 * Declare a rule. TypeScript checks message ids and placeholders at compile time; the same
 * contract is checked here at run time for rules written in JavaScript (plugins).
 */
export function defineRule<const Messages extends Record<string, string>, Options = undefined>(
  definition: RuleDefinition<Messages, Options>,
): Rule {
  const problems: string[] = [];
  const candidate = definition as unknown as Record<string, unknown>;
  const id = typeof candidate.id === 'string' ? candidate.id : '';
  if (!RULE_ID.test(id)) problems.push('id must be kebab-case');
  for (const field of ['summary', 'rationale', 'howToFix'] as const) {
    if (typeof candidate[field] !== 'string' || (candidate[field] as string).trim() === '') {
      problems.push(`${field} must be a non-empty string`);
    }
  }
  if (!SCOPES.has(candidate.scope as string)) problems.push(`scope must be one of ${[...SCOPES].join(', ')}`);
  if (!SEVERITIES.has(candidate.defaultSeverity as string)) problems.push('defaultSeverity must be error, warn or info');
  if (!CATEGORIES.has(candidate.category as string)) problems.push(`category must be one of ${[...CATEGORIES].join(', ')}`);
  if (typeof candidate.recommended !== 'boolean') problems.push('recommended must be a boolean');
  if (typeof candidate.check !== 'function') problems.push('check must be a function');
  const messages = candidate.messages;
  if (messages === null || typeof messages !== 'object' || Object.keys(messages).length === 0) {
    problems.push('messages must map at least one message id to a template');
  } else {
    for (const [messageId, template] of Object.entries(messages)) {
      if (!MESSAGE_ID.test(messageId)) problems.push(`message id "${messageId}" must be camelCase`);
      if (typeof template !== 'string' || template === '') problems.push(`message "${messageId}" must be a non-empty string`);
    }
  }
  if (problems.length > 0) {
    throw new RuleDefinitionError(`Invalid rule "${id || '(no id)'}": ${problems.join('; ')}`);
  }
  return Object.freeze(definition) as unknown as Rule;
}
