/**
 * Text-level JSON work that `JSON.parse` cannot do: explain a syntax error, find duplicate keys
 * (which `JSON.parse` silently merges) and find the source span of a JSON Pointer.
 *
 * Everything here is iterative: a hostile file may nest 100,000 levels deep.
 * Offsets are UTF-16 code unit offsets into the text, end exclusive.
 */

import { escapePointerSegment, splitPointer } from './json-pointer.js';

export type SyntaxMessageId =
  | 'emptyDocument'
  | 'unexpectedEnd'
  | 'unexpectedCharacter'
  | 'comment'
  | 'trailingComma'
  | 'singleQuotedString'
  | 'unquotedPropertyName'
  | 'unterminatedString'
  | 'invalidEscape'
  | 'controlCharacterInString'
  | 'invalidNumber'
  | 'missingComma'
  | 'missingColon'
  | 'unexpectedContentAfterValue'
  | 'placeholder'
  | 'tooDeep';

export interface SyntaxProblem {
  offset: number;
  endOffset: number;
  messageId: SyntaxMessageId;
  data: Record<string, string>;
}

export const SYNTAX_MESSAGES: Record<SyntaxMessageId, string> = {
  emptyDocument: 'The file is empty; a Batch request body must be a JSON object or array',
  unexpectedEnd: 'The JSON ends where {expected} was expected; complete the document or restore the truncated file',
  unexpectedCharacter: 'Unexpected character {character} where {expected} was expected; remove or correct it',
  comment: 'Comments are not allowed in JSON; the Batch service accepts strict JSON only, so remove the comment',
  trailingComma: 'Trailing commas are not allowed in JSON; the Batch service accepts strict JSON only, so remove this comma',
  // The quoted text is not repeated: it may be a password or a key.
  singleQuotedString: 'JSON strings use double quotes; replace these single quotes with double quotes',
  unquotedPropertyName: 'Property names must be double-quoted strings in JSON; write "{name}" instead of {name}',
  unterminatedString: 'This string has no closing double quote; add \'"\' where the string should end',
  invalidEscape: 'Invalid escape sequence {escape} in a string; the valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX, so write a literal backslash as \\\\',
  controlCharacterInString: 'Control character {character} must be escaped inside a JSON string as {escape}, or the string is missing its closing quote',
  invalidNumber: '{number} is not a valid JSON number; {hint}',
  missingComma: 'A comma is missing between {between}; add \',\' before this',
  missingColon: 'Expected \':\' after the property name {name}; add the colon between the name and its value',
  unexpectedContentAfterValue: 'Unexpected content after the end of the JSON value; a file holds one JSON value, so remove the extra text or wrap the values in an array',
  placeholder: '{placeholder} is a sample-file placeholder, not a JSON value; replace it with a real value',
  tooDeep: 'The JSON nests too deeply to be processed; flatten the structure',
};

// Character codes.
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const DOLLAR = 0x24;
const APOSTROPHE = 0x27;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const DIGIT_0 = 0x30;
const DIGIT_1 = 0x31;
const DIGIT_9 = 0x39;
const COLON = 0x3a;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const UPPER_E = 0x45;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const UNDERSCORE = 0x5f;
const LOWER_E = 0x65;
const LOWER_U = 0x75;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const STAR = 0x2a;

function isJsonWhitespace(code: number): boolean {
  return code === SPACE || code === LF || code === CR || code === TAB;
}

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function isWordCharacter(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || isDigit(code) || code === UNDERSCORE || code === DOLLAR
  );
}

/** Characters a sloppy number token is made of (`0x1F`, `1.2.3`, `+5`, `-Infinity`). */
function isNumberishCharacter(code: number): boolean {
  return isWordCharacter(code) || code === DOT || code === PLUS || code === MINUS;
}

function skipJsonWhitespace(text: string, pos: number): number {
  while (pos < text.length && isJsonWhitespace(text.charCodeAt(pos))) pos++;
  return pos;
}

// ---------------------------------------------------------------------------------------------
// Describing characters and snippets in messages: the output never carries raw control or
// invisible characters, and reads the same on every Node version.

const INVISIBLE_CHARACTER_NAMES: ReadonlyMap<number, string> = new Map([
  [0x00, 'null character'],
  [0x09, 'tab'],
  [0x0a, 'line feed'],
  [0x0b, 'vertical tab'],
  [0x0c, 'form feed'],
  [0x0d, 'carriage return'],
  [0x1b, 'escape'],
  [0x7f, 'delete'],
  [0xa0, 'no-break space'],
  [0x200b, 'zero-width space'],
  [0x200e, 'left-to-right mark'],
  [0x200f, 'right-to-left mark'],
  [0x2028, 'line separator'],
  [0x2029, 'paragraph separator'],
  [0xfeff, 'byte order mark'],
]);

function isInvisible(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0xa0) ||
    codePoint === 0xad ||
    (codePoint >= 0x2000 && codePoint <= 0x200f) ||
    (codePoint >= 0x2028 && codePoint <= 0x202f) ||
    (codePoint >= 0x205f && codePoint <= 0x206f) ||
    codePoint === 0x3000 ||
    codePoint === 0xfeff ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff)
  );
}

function unicodeName(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const name = INVISIBLE_CHARACTER_NAMES.get(codePoint);
  return name === undefined ? `U+${hex}` : `U+${hex} (${name})`;
}

/** `'x'` for a visible character, `U+00A0 (no-break space)` for an invisible one. */
function describeCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  if (isInvisible(codePoint)) return unicodeName(codePoint);
  return codePoint === APOSTROPHE ? `"'"` : `'${character}'`;
}

const SNIPPET_LIMIT = 40;

/** A quoted piece of the file, shortened, with invisible characters spelled out as `<U+XXXX>`. */
function describeSnippet(snippet: string): string {
  const shortened = snippet.length > SNIPPET_LIMIT ? snippet.slice(0, SNIPPET_LIMIT) + '…' : snippet;
  let shown = '';
  for (const character of shortened) {
    const codePoint = character.codePointAt(0) ?? 0;
    shown += isInvisible(codePoint) ? `<${unicodeName(codePoint)}>` : character;
  }
  return shown;
}

function characterAt(text: string, pos: number): string {
  return String.fromCodePoint(text.codePointAt(pos) ?? 0);
}

// ---------------------------------------------------------------------------------------------
// The strict validator.

type ValidatorState =
  | 'rootValue'
  | 'value' // after ':'
  | 'firstElement' // after '['
  | 'nextElement' // after ',' in an array
  | 'firstKey' // after '{'
  | 'nextKey' // after ',' in an object
  | 'colon'
  | 'afterValue'
  | 'afterRoot';

const IN_OBJECT = 0;
const IN_ARRAY = 1;

const EXPECTED_BY_STATE: Record<ValidatorState, string> = {
  rootValue: 'a value',
  value: 'a value',
  firstElement: "a value or ']'",
  nextElement: 'a value',
  firstKey: "a property name or '}'",
  nextKey: 'a property name',
  colon: "':'",
  afterValue: '', // depends on the container
  afterRoot: 'the end of the file',
};

function problem(
  messageId: SyntaxMessageId,
  offset: number,
  endOffset: number,
  data: Record<string, string> = {},
): SyntaxProblem {
  return { offset, endOffset, messageId, data };
}

/**
 * The first place where `text` is not strict RFC 8259 JSON (exactly what `JSON.parse` accepts),
 * explained; undefined when the text is valid.
 */
export function findSyntaxError(text: string): SyntaxProblem | undefined {
  const containers: number[] = [];
  let state: ValidatorState = 'rootValue';
  let pos = 0;
  let lastCommaOffset = 0;
  let lastKeyStart = 0;
  let lastKeyEnd = 0;
  const length = text.length;

  for (;;) {
    pos = skipJsonWhitespace(text, pos);
    if (pos >= length) return endOfTextProblem(text, state, containers);
    const code = text.charCodeAt(pos);
    if (code === SLASH) {
      const comment = commentProblem(text, pos);
      if (comment !== undefined) return comment;
    }
    const container = containers.length === 0 ? -1 : containers[containers.length - 1];

    switch (state) {
      case 'afterRoot':
        return problem('unexpectedContentAfterValue', pos, trimmedEnd(text));

      case 'colon':
        if (code === COLON) {
          pos++;
          state = 'value';
          continue;
        }
        if (startsValue(code)) {
          return problem('missingColon', pos, pos + 1, {
            name: describeSnippet(text.slice(lastKeyStart, lastKeyEnd)),
          });
        }
        return unexpectedCharacter(text, pos, "':'");

      case 'afterValue': {
        const closer = container === IN_OBJECT ? CLOSE_BRACE : CLOSE_BRACKET;
        if (code === COMMA) {
          lastCommaOffset = pos;
          pos++;
          state = container === IN_OBJECT ? 'nextKey' : 'nextElement';
          continue;
        }
        if (code === closer) {
          containers.pop();
          pos++;
          state = containers.length === 0 ? 'afterRoot' : 'afterValue';
          continue;
        }
        if (startsValue(code) || code === APOSTROPHE) {
          return problem('missingComma', pos, pos + 1, {
            between: container === IN_OBJECT ? 'properties' : 'array elements',
          });
        }
        return unexpectedCharacter(text, pos, container === IN_OBJECT ? "',' or '}'" : "',' or ']'");
      }

      case 'firstKey':
      case 'nextKey': {
        if (code === QUOTE) {
          const end = scanString(text, pos);
          if (typeof end !== 'number') return end;
          lastKeyStart = pos;
          lastKeyEnd = end;
          pos = end;
          state = 'colon';
          continue;
        }
        if (code === CLOSE_BRACE) {
          if (state === 'nextKey') return problem('trailingComma', lastCommaOffset, lastCommaOffset + 1);
          containers.pop();
          pos++;
          state = containers.length === 0 ? 'afterRoot' : 'afterValue';
          continue;
        }
        if (code === APOSTROPHE) return singleQuotedStringProblem(text, pos);
        if (isWordCharacter(code) || code === MINUS) {
          const end = wordEnd(text, pos + 1);
          const name = text.slice(pos, end);
          return problem('unquotedPropertyName', pos, end, { name: describeSnippet(name) });
        }
        return unexpectedCharacter(text, pos, EXPECTED_BY_STATE[state]);
      }

      default: {
        // A value is expected: rootValue, value, firstElement, nextElement.
        if (code === OPEN_BRACE) {
          containers.push(IN_OBJECT);
          pos++;
          state = 'firstKey';
          continue;
        }
        if (code === OPEN_BRACKET) {
          containers.push(IN_ARRAY);
          pos++;
          state = 'firstElement';
          continue;
        }
        if (code === CLOSE_BRACKET && (state === 'firstElement' || state === 'nextElement')) {
          if (state === 'nextElement') return problem('trailingComma', lastCommaOffset, lastCommaOffset + 1);
          containers.pop();
          pos++;
          state = containers.length === 0 ? 'afterRoot' : 'afterValue';
          continue;
        }
        let end: number | SyntaxProblem;
        if (code === QUOTE) end = scanString(text, pos);
        else if (code === MINUS || isDigit(code)) end = scanNumber(text, pos);
        else if (isWordCharacter(code)) end = scanLiteral(text, pos, EXPECTED_BY_STATE[state]);
        else if (code === PLUS || code === DOT) end = invalidNumberProblem(text, pos);
        else if (code === APOSTROPHE) end = singleQuotedStringProblem(text, pos);
        else if (code === LESS_THAN) end = placeholderProblem(text, pos) ?? unexpectedCharacter(text, pos, EXPECTED_BY_STATE[state]);
        else end = unexpectedCharacter(text, pos, EXPECTED_BY_STATE[state]);
        if (typeof end !== 'number') return end;
        pos = end;
        state = containers.length === 0 ? 'afterRoot' : 'afterValue';
      }
    }
  }
}

function startsValue(code: number): boolean {
  return (
    code === QUOTE || code === OPEN_BRACE || code === OPEN_BRACKET || code === MINUS || isWordCharacter(code)
  );
}

function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isJsonWhitespace(text.charCodeAt(end - 1))) end--;
  return end;
}

function endOfTextProblem(text: string, state: ValidatorState, containers: number[]): SyntaxProblem | undefined {
  if (state === 'afterRoot') return undefined;
  if (state === 'rootValue') return problem('emptyDocument', 0, 0);
  let expected = EXPECTED_BY_STATE[state];
  if (state === 'afterValue') expected = containers[containers.length - 1] === IN_OBJECT ? "',' or '}'" : "',' or ']'";
  return problem('unexpectedEnd', text.length, text.length, { expected });
}

function unexpectedCharacter(text: string, pos: number, expected: string): SyntaxProblem {
  const character = characterAt(text, pos);
  return problem('unexpectedCharacter', pos, pos + character.length, {
    character: describeCharacter(character),
    expected,
  });
}

/** A `//` or `/* *\/` comment at `pos`, spanning the comment itself (a line comment stops before the line break). */
function commentProblem(text: string, pos: number): SyntaxProblem | undefined {
  const next = text.charCodeAt(pos + 1);
  if (next === SLASH) {
    let end = pos + 2;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === LF || code === CR) break;
      end++;
    }
    return problem('comment', pos, end);
  }
  if (next === STAR) {
    const close = text.indexOf('*/', pos + 2);
    return problem('comment', pos, close === -1 ? text.length : close + 2);
  }
  return undefined;
}

/** End offset of a valid string token starting at the quote at `pos`, or the problem inside it. */
function scanString(text: string, start: number): number | SyntaxProblem {
  const length = text.length;
  let pos = start + 1;
  for (;;) {
    if (pos >= length) return problem('unterminatedString', start, length);
    const code = text.charCodeAt(pos);
    if (code === QUOTE) return pos + 1;
    if (code === BACKSLASH) {
      if (pos + 1 >= length) return problem('unterminatedString', start, length);
      const escaped = text.charCodeAt(pos + 1);
      if (escaped === LOWER_U) {
        for (let digit = 0; digit < 4; digit++) {
          const at = pos + 2 + digit;
          if (at >= length) return problem('unterminatedString', start, length);
          if (!isHexDigit(text.charCodeAt(at))) {
            const badEnd = at + characterAt(text, at).length;
            return problem('invalidEscape', pos, badEnd, { escape: describeSnippet(text.slice(pos, badEnd)) });
          }
        }
        pos += 6;
        continue;
      }
      if (isSimpleEscape(escaped)) {
        pos += 2;
        continue;
      }
      const badEnd = pos + 1 + characterAt(text, pos + 1).length;
      return problem('invalidEscape', pos, badEnd, { escape: describeSnippet(text.slice(pos, badEnd)) });
    }
    if (code < SPACE) {
      return problem('controlCharacterInString', pos, pos + 1, {
        character: unicodeName(code),
        escape: escapeFor(code),
      });
    }
    pos++;
  }
}

function isSimpleEscape(code: number): boolean {
  // " \ / b f n r t
  return (
    code === QUOTE ||
    code === BACKSLASH ||
    code === SLASH ||
    code === 0x62 ||
    code === 0x66 ||
    code === 0x6e ||
    code === 0x72 ||
    code === 0x74
  );
}

function escapeFor(code: number): string {
  switch (code) {
    case LF:
      return '\\n';
    case CR:
      return '\\r';
    case TAB:
      return '\\t';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    default:
      return '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
  }
}

function wordEnd(text: string, pos: number): number {
  while (pos < text.length && isWordCharacter(text.charCodeAt(pos))) pos++;
  return pos;
}

/** End offset of a valid RFC 8259 number starting at `start`, or why it is not one. */
function scanNumber(text: string, start: number): number | SyntaxProblem {
  let pos = start;
  if (text.charCodeAt(pos) === MINUS) pos++;
  const first = text.charCodeAt(pos);
  if (first === DIGIT_0) {
    pos++;
  } else if (first >= DIGIT_1 && first <= DIGIT_9) {
    while (isDigit(text.charCodeAt(pos))) pos++;
  } else {
    return invalidNumberProblem(text, start);
  }
  if (text.charCodeAt(pos) === DOT) {
    pos++;
    if (!isDigit(text.charCodeAt(pos))) return invalidNumberProblem(text, start);
    while (isDigit(text.charCodeAt(pos))) pos++;
  }
  const exponent = text.charCodeAt(pos);
  if (exponent === LOWER_E || exponent === UPPER_E) {
    pos++;
    const sign = text.charCodeAt(pos);
    if (sign === PLUS || sign === MINUS) pos++;
    if (!isDigit(text.charCodeAt(pos))) return invalidNumberProblem(text, start);
    while (isDigit(text.charCodeAt(pos))) pos++;
  }
  if (pos < text.length && isNumberishCharacter(text.charCodeAt(pos))) return invalidNumberProblem(text, start);
  return pos;
}

function invalidNumberProblem(text: string, start: number): SyntaxProblem {
  let end = start + 1;
  while (end < text.length && isNumberishCharacter(text.charCodeAt(end))) end++;
  const token = text.slice(start, end);
  return problem('invalidNumber', start, end, { number: describeSnippet(token), hint: invalidNumberHint(token) });
}

function invalidNumberHint(token: string): string {
  const unsigned = token.replace(/^[+-]/, '');
  if (/^(NaN|Infinity)$/.test(unsigned)) return 'JSON has no NaN or Infinity, so use null or a string';
  if (/^0[xXoObB]/.test(unsigned)) return 'JSON numbers are decimal, so write it in decimal';
  if (token.startsWith('+')) return "JSON numbers have no leading '+', so remove it";
  if (/^0\d/.test(unsigned)) return 'leading zeros are not allowed, so remove them or quote the value as a string';
  if (unsigned.startsWith('.')) return "write a digit before the decimal point, as in '0.5'";
  if (/\.($|[eE])/.test(unsigned)) return "write a digit after the decimal point, or remove the '.'";
  if (/[eE][+-]?$/.test(unsigned)) return 'write the digits of the exponent';
  return "write a decimal number such as '42', '-1.5' or '1e6'";
}

const LITERALS = ['true', 'false', 'null'] as const;

/** `true`, `false` and `null`; `NaN` and `Infinity` are bad numbers; any other word is unexpected. */
function scanLiteral(text: string, start: number, expected: string): number | SyntaxProblem {
  const end = wordEnd(text, start);
  const word = text.slice(start, end);
  for (const literal of LITERALS) {
    if (word === literal) return end;
  }
  if (word === 'NaN' || word === 'Infinity') return invalidNumberProblem(text, start);
  for (const literal of LITERALS) {
    // A truncated literal (`tru}`) fails at the character after it.
    if (word.length < literal.length && literal.startsWith(word)) {
      if (end >= text.length) return problem('unexpectedEnd', text.length, text.length, { expected: `'${literal}'` });
      return unexpectedCharacter(text, end, `'${literal}'`);
    }
  }
  return problem('unexpectedCharacter', start, end, { character: describeCharacter(text.charAt(start)), expected });
}

/** `'text'` up to the closing quote on the same line, or just the opening quote. */
function singleQuotedStringProblem(text: string, start: number): SyntaxProblem {
  let pos = start + 1;
  while (pos < text.length) {
    const code = text.charCodeAt(pos);
    if (code === LF || code === CR) break;
    if (code === BACKSLASH) {
      pos += 2;
      continue;
    }
    if (code === APOSTROPHE) {
      return problem('singleQuotedString', start, pos + 1, {});
    }
    pos++;
  }
  return problem('singleQuotedString', start, start + 1, {});
}

const PLACEHOLDER_LIMIT = 200;

/** `<Task start value>` style text where a value belongs: Azure CLI extension samples contain these. */
function placeholderProblem(text: string, start: number): SyntaxProblem | undefined {
  const limit = Math.min(text.length, start + PLACEHOLDER_LIMIT);
  for (let pos = start + 1; pos < limit; pos++) {
    const code = text.charCodeAt(pos);
    if (code === LF || code === CR || code === LESS_THAN) return undefined;
    if (code === GREATER_THAN) {
      if (pos === start + 1) return undefined;
      return problem('placeholder', start, pos + 1, { placeholder: describeSnippet(text.slice(start, pos + 1)) });
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Skipping over valid JSON without parsing it.

/** End offset of the string token whose opening quote is at `start` (text assumed valid). */
function skipString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** End offset of the value starting at `start` (text assumed valid; never runs past the end). */
function skipValue(text: string, start: number): number {
  const length = text.length;
  const first = text.charCodeAt(start);
  if (first === QUOTE) return skipString(text, start);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let pos = start + 1;
    while (pos < length) {
      const code = text.charCodeAt(pos);
      if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isJsonWhitespace(code)) break;
      pos++;
    }
    return pos;
  }
  let depth = 0;
  let pos = start;
  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (code === QUOTE) {
      pos = skipString(text, pos);
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return pos + 1;
    }
    pos++;
  }
  return length;
}

/** The decoded value of the string token `text[start, end)`; the raw inner text if it is malformed. */
function decodeStringToken(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  if (inner.indexOf('\\') === -1) return inner;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    // Only reachable when a caller breaks the valid-JSON contract; answer something, never throw.
    return inner;
  }
}

// ---------------------------------------------------------------------------------------------
// Duplicate keys.

export interface DuplicateKey {
  /** The duplicate member: parent pointer + '/' + escaped key. */
  pointer: string;
  /** The repeated key's string token, quotes included. */
  keyStart: number;
  keyEnd: number;
  /** The first occurrence's key token. */
  firstKeyStart: number;
  firstKeyEnd: number;
}

interface KeyScanFrame {
  parent: KeyScanFrame | undefined;
  /** Where this container sits in its parent: a decoded key or an array index. */
  segment: string | number;
  /** Decoded key → offset of its first key token; undefined for arrays. */
  firstKeyStarts: Map<string, number> | undefined;
  elementIndex: number;
  /** The key of the member being read, for the segment of a nested container. */
  currentKey: string;
  expectingKey: boolean;
  pointer: string | undefined;
}

/** Built lazily and memoised, so a document pays only for the containers that hold a duplicate. */
function framePointer(frame: KeyScanFrame): string {
  const unresolved: KeyScanFrame[] = [];
  let cursor: KeyScanFrame | undefined = frame;
  while (cursor !== undefined && cursor.pointer === undefined) {
    unresolved.push(cursor);
    cursor = cursor.parent;
  }
  let pointer = cursor?.pointer ?? '';
  for (let i = unresolved.length - 1; i >= 0; i--) {
    const pending = unresolved[i]!;
    pointer = pending.parent === undefined ? '' : pointer + '/' + escapePointerSegment(pending.segment);
    pending.pointer = pointer;
  }
  return pointer;
}

/** Keys that repeat within one object of valid JSON, compared by decoded value, in document order. */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const length = text.length;
  let frame: KeyScanFrame | undefined;
  let pos = 0;
  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      const isObject = code === OPEN_BRACE;
      frame = {
        parent: frame,
        segment: frame === undefined ? '' : frame.firstKeyStarts === undefined ? frame.elementIndex : frame.currentKey,
        firstKeyStarts: isObject ? new Map() : undefined,
        elementIndex: 0,
        currentKey: '',
        expectingKey: isObject,
        pointer: undefined,
      };
      pos++;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      frame = frame?.parent;
      pos++;
    } else if (code === COMMA) {
      if (frame !== undefined) {
        if (frame.firstKeyStarts === undefined) frame.elementIndex++;
        else frame.expectingKey = true;
      }
      pos++;
    } else if (code === QUOTE) {
      const end = skipString(text, pos);
      if (frame?.expectingKey === true && frame.firstKeyStarts !== undefined) {
        const key = decodeStringToken(text, pos, end);
        const firstStart = frame.firstKeyStarts.get(key);
        if (firstStart === undefined) {
          frame.firstKeyStarts.set(key, pos);
        } else {
          duplicates.push({
            pointer: framePointer(frame) + '/' + escapePointerSegment(key),
            keyStart: pos,
            keyEnd: end,
            firstKeyStart: firstStart,
            firstKeyEnd: skipString(text, firstStart),
          });
        }
        frame.currentKey = key;
        frame.expectingKey = false;
      }
      pos = end;
    } else {
      pos++;
    }
  }
  return duplicates;
}

/**
 * A cheap filter run on every document before `findDuplicateKeys`: false only when `text` (valid
 * JSON that parsed to `value`) certainly has no duplicate key.
 *
 * Why it is sound: outside strings every ':' in JSON separates one member, and a ':' inside a
 * string token decodes to exactly one ':' unless written as an escape. So the text's ':' count
 * equals (members + ':' inside keys and string values) over the whole token stream. `JSON.parse`
 * keeps one member per distinct key, so each duplicate removes at least one member (and maybe
 * strings) from the parsed value's count, making it smaller than the text's.
 */
export function mayHaveDuplicateKeys(text: string, value: unknown): boolean {
  // `\u003a` writes a ':' that the text count cannot see; this prefix also catches `\u003A`.
  if (text.indexOf('\\u003') !== -1) return true;
  let textColons = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) textColons++;
  if (textColons === 0) return false;

  let valueColons = 0;
  const pending: object[] = [];
  if (typeof value === 'string') return countColons(value) !== textColons;
  if (value !== null && typeof value === 'object') pending.push(value);
  while (pending.length > 0) {
    const container = pending.pop()!;
    if (Array.isArray(container)) {
      for (const element of container as unknown[]) {
        if (typeof element === 'string') valueColons += countColons(element);
        else if (element !== null && typeof element === 'object') pending.push(element);
      }
    } else {
      const record = container as Record<string, unknown>;
      // for-in is markedly faster than Object.keys here. An enumerable property someone added to
      // Object.prototype would only be over-counted, which errs towards true (and ends the walk).
      for (const key in record) {
        valueColons += 1 + countColons(key);
        const member = record[key];
        if (typeof member === 'string') valueColons += countColons(member);
        else if (member !== null && typeof member === 'object') pending.push(member);
      }
    }
    if (valueColons > textColons) return true;
  }
  return valueColons !== textColons;
}

function countColons(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) count++;
  return count;
}

// ---------------------------------------------------------------------------------------------
// Spans of JSON Pointers.

export interface JsonSpan {
  /** The key's string token, quotes included; absent for array elements and the root. */
  keyStart?: number;
  keyEnd?: number;
  valueStart: number;
  valueEnd: number;
}

/** Requested pointers as a tree of segments, so the scan can tell which subtrees to enter. */
interface PointerTreeNode {
  children: Map<string, PointerTreeNode> | undefined;
  /** The requested pointer that ends here, if any. */
  pointer: string | undefined;
}

/**
 * RFC 6901 allows only `~0` and `~1` escapes; a pointer with another `~` names no member (it is
 * not how any key escapes), so it is treated as absent.
 */
export function isWellFormedPointer(pointer: string): boolean {
  if (pointer === '') return true;
  if (pointer.charCodeAt(0) !== SLASH) return false;
  for (let at = pointer.indexOf('~'); at !== -1; at = pointer.indexOf('~', at + 1)) {
    const next = pointer.charCodeAt(at + 1);
    if (next !== DIGIT_0 && next !== DIGIT_1) return false;
  }
  return true;
}

function buildPointerTree(pointers: readonly string[]): PointerTreeNode {
  const root: PointerTreeNode = { children: undefined, pointer: undefined };
  for (const pointer of pointers) {
    if (!isWellFormedPointer(pointer)) continue;
    let node = root;
    for (const segment of splitPointer(pointer)) {
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (child === undefined) {
        child = { children: undefined, pointer: undefined };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.pointer = pointer;
  }
  return root;
}

interface SpanScanFrame {
  node: PointerTreeNode;
  isObject: boolean;
  elementIndex: number;
  valueStart: number;
  keyStart: number | undefined;
  keyEnd: number | undefined;
}

/**
 * Spans of the requested pointers in VALID JSON, in one pruned pass: the scan enters only
 * members on the path of a requested pointer and skips every other subtree. Pointers that do not
 * exist are absent from the result; `''` is the root. With duplicate keys the last occurrence
 * wins, as in `JSON.parse`.
 */
export function scanSpans(text: string, pointers: readonly string[]): Map<string, JsonSpan> {
  const spans = new Map<string, JsonSpan>();
  const tree = buildPointerTree(pointers);
  const length = text.length;
  const stack: SpanScanFrame[] = [];

  let pos = skipJsonWhitespace(text, 0);
  if (pos >= length) return spans;
  // The value at `pos` belongs to `node` (undefined: not on any requested path).
  let node: PointerTreeNode | undefined = tree;
  let keyStart: number | undefined;
  let keyEnd: number | undefined;

  for (;;) {
    // Enter or skip the value at `pos`.
    if (node !== undefined) {
      const code = text.charCodeAt(pos);
      if (node.children !== undefined && (code === OPEN_BRACE || code === OPEN_BRACKET)) {
        stack.push({ node, isObject: code === OPEN_BRACE, elementIndex: 0, valueStart: pos, keyStart, keyEnd });
        pos = skipJsonWhitespace(text, pos + 1);
        const next = text.charCodeAt(pos);
        if (next !== CLOSE_BRACE && next !== CLOSE_BRACKET) {
          if (pos >= length) return spans;
          ({ node, keyStart, keyEnd, pos } = enterMember(text, pos, stack[stack.length - 1]!, spans));
          continue;
        }
        // An empty container closes at once; fall through to the closing logic below.
      } else {
        const end = skipValue(text, pos);
        if (node.pointer !== undefined) spans.set(node.pointer, spanOf(keyStart, keyEnd, pos, end));
        pos = end;
      }
    } else {
      pos = skipValue(text, pos);
    }

    // After a value: the next member, or close containers until one has more.
    for (;;) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) return spans;
      pos = skipJsonWhitespace(text, pos);
      if (pos >= length) return spans;
      if (text.charCodeAt(pos) === COMMA) {
        frame.elementIndex++;
        pos = skipJsonWhitespace(text, pos + 1);
        if (pos >= length) return spans;
        ({ node, keyStart, keyEnd, pos } = enterMember(text, pos, frame, spans));
        break;
      }
      stack.pop();
      pos++;
      if (frame.node.pointer !== undefined) {
        spans.set(frame.node.pointer, spanOf(frame.keyStart, frame.keyEnd, frame.valueStart, pos));
      }
    }
  }
}

interface MemberPosition {
  node: PointerTreeNode | undefined;
  keyStart: number | undefined;
  keyEnd: number | undefined;
  /** Where the member's value starts. */
  pos: number;
}

/** Read a member's key (objects) or count the element (arrays) and find its pointer-tree node. */
function enterMember(text: string, pos: number, frame: SpanScanFrame, spans: Map<string, JsonSpan>): MemberPosition {
  const children = frame.node.children!;
  if (!frame.isObject) {
    return { node: children.get(String(frame.elementIndex)), keyStart: undefined, keyEnd: undefined, pos };
  }
  const keyStart = pos;
  const keyEnd = skipString(text, pos);
  let valueStart = skipJsonWhitespace(text, keyEnd);
  valueStart = skipJsonWhitespace(text, valueStart + 1); // past ':'
  const child = children.get(decodeStringToken(text, keyStart, keyEnd));
  if (child !== undefined) forgetEarlierOccurrence(child, spans);
  return { node: child, keyStart, keyEnd, pos: valueStart };
}

/** A repeated key replaces the earlier member: drop whatever was found under the earlier one. */
function forgetEarlierOccurrence(node: PointerTreeNode, spans: Map<string, JsonSpan>): void {
  if (node.pointer !== undefined && !spans.has(node.pointer)) return;
  const pending: PointerTreeNode[] = [node];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.pointer !== undefined) spans.delete(current.pointer);
    if (current.children !== undefined) for (const child of current.children.values()) pending.push(child);
  }
}

function spanOf(keyStart: number | undefined, keyEnd: number | undefined, valueStart: number, valueEnd: number): JsonSpan {
  return keyStart === undefined || keyEnd === undefined
    ? { valueStart, valueEnd }
    : { keyStart, keyEnd, valueStart, valueEnd };
}
