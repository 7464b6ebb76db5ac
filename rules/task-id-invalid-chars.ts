import { defineRule, literalOwnId, pointerTo, shownId } from '../src/rule-api.js';

const ASCII_ID_CHARACTER = /^[A-Za-z0-9_-]$/;
const UNICODE_ID_CHARACTER = /^[\p{L}\p{Nd}_-]$/u;

export default defineRule({
  id: 'task-id-invalid-chars',
  summary: 'Limit task, job and pool ids to letters, digits, hyphens and underscores',
  rationale:
    'A task id "can contain any combination of alphanumeric characters including hyphens and underscores" ' +
    '(S19 `TaskAddParameter.id`; the same for Job Manager, Preparation and Release tasks, jobs and pools). Dots, ' +
    'spaces, slashes and colons are rejected: a `.` in a task id fails the add (I-Azure/azure-sdk-for-python#1340). ' +
    'Whether non-ASCII letters count as "alphanumeric" is undocumented, so they are reported unless the ' +
    '`allowNonAsciiLetters` option is on.',
  howToFix:
    'Replace the character with `-` or `_` (for example `frame.0001` becomes `frame-0001`), and keep the readable ' +
    'name in `displayName`.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'high',
  scope: 'entity',
  messages: {
    invalidCharacter: 'Id "{id}" contains {character}; use only letters, digits, "-" and "_"',
    nonAsciiCharacter:
      'Id "{id}" contains {character}, a non-ASCII letter that ids are not documented to accept; use A-Z, a-z, 0-9, "-" and "_"',
  },
  options: {
    schema: {
      type: 'object',
      properties: {
        allowNonAsciiLetters: {
          type: 'boolean',
          description: 'Accept letters and digits outside ASCII, such as "é" or "日", as "alphanumeric".',
        },
      },
      additionalProperties: false,
    },
    defaults: { allowNonAsciiLetters: false },
  },
  references: ['S19 TaskAddParameter.id', 'I-Azure/azure-sdk-for-python#1340'],
  check(context) {
    const id = literalOwnId(context.entity);
    if (id === undefined) return;
    const allowed = context.options.allowNonAsciiLetters ? UNICODE_ID_CHARACTER : ASCII_ID_CHARACTER;
    for (const character of id) {
      if (allowed.test(character)) continue;
      context.report({
        messageId: UNICODE_ID_CHARACTER.test(character) ? 'nonAsciiCharacter' : 'invalidCharacter',
        pointer: pointerTo('id'),
        data: { id: shownId(id), character: describe(character) },
      });
      return;
    }
  },
});

function describe(character: string): string {
  const codePoint = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  if (character === ' ') return 'a space';
  if (/^[\p{Cc}\p{Cf}\p{Z}]$/u.test(character)) return `the invisible character U+${codePoint}`;
  if (/^[\x21-\x7e]$/.test(character)) return `"${character}"`;
  return `"${character}" (U+${codePoint})`;
}
