import { escapePointerSegment } from '../document/json-pointer.js';
import type { DocumentShape, JsonValue } from '../engine/rule-types.js';

/**
 * CLI-extension template expressions (reference Part D, T1/T2/T4) as the extension reads them
 * (X-ext `_template_utils.py`): in every string of a template, each `[...]` not opened by `[[` is
 * an expression, wherever it stands in the string. The extension evaluates `parameters('x')`,
 * `variables('x')` and `concat(...)` (names matched case-sensitively), raises an error for
 * `reference(...)`, and inserts any other bracketed text literally without its brackets.
 */

/** Functions the extension evaluates; any other name is passed through as text. */
export const SUPPORTED_TEMPLATE_FUNCTIONS: ReadonlySet<string> = new Set(['parameters', 'variables', 'concat']);

export interface TemplateFunctionCall {
  readonly name: string;
  /** The first argument when it is one quoted string (a parameter or variable name), else undefined. */
  readonly literalArgument: string | undefined;
}

export interface TemplateExpression {
  /** Offsets in the string: of the opening `[` and just after the closing `]`. */
  readonly start: number;
  readonly end: number;
  /** The text between the brackets. */
  readonly text: string;
  /** Every function call in the expression, outermost first, nested calls included. */
  readonly calls: readonly TemplateFunctionCall[];
  /** The expression is a function call or a quoted string; otherwise the extension only drops the brackets. */
  readonly isEvaluated: boolean;
}

/** Shapes whose strings the extension expands (a T3 job passed with `--json-file` is not expanded). */
export function isExpandedTemplate(shape: DocumentShape): boolean {
  return shape === 'job-template' || shape === 'pool-template' || shape === 'application-template';
}

/** The template expressions in one string, as the extension finds them. */
export function findTemplateExpressions(text: string): TemplateExpression[] {
  const expressions: TemplateExpression[] = [];
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('[', index);
    if (open < 0) break;
    if (text[open + 1] === '[') {
      index = open + 2;
      continue;
    }
    const close = findClosingBracket(text, open + 1);
    // An unclosed `[` ends the search: the extension leaves the rest of the string alone.
    if (close === undefined) break;
    const inner = text.slice(open + 1, close);
    expressions.push({ start: open, end: close + 1, text: inner, ...readCalls(inner) });
    index = close + 1;
  }
  return expressions;
}

/**
 * The `]` that closes an expression, skipping nested brackets and parentheses and quoted
 * strings (where a backslash escapes the next character, as in the extension's scanner).
 */
function findClosingBracket(text: string, from: number): number | undefined {
  const closers: string[] = [']'];
  let quote: string | undefined;
  for (let index = from; index < text.length; index++) {
    const char = text[index]!;
    if (quote !== undefined) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === closers[closers.length - 1]) {
      closers.pop();
      if (closers.length === 0) return index;
    } else if (char === '[') closers.push(']');
    else if (char === '(') closers.push(')');
    else if (char === "'" || char === '"') quote = char;
  }
  return undefined;
}

const CALL_START = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(/;
const QUOTED_STRING = /^'[^]*'$/;
const WRAPPED = /^(\([^]*\)|\[[^]*\])$/;

/**
 * Function calls of an expression, read with an explicit scan (no recursion: a hostile string
 * may nest parentheses 100,000 deep). Each `name(` opens a call; its first argument is literal
 * when it is exactly one quoted string (`''` escapes a quote, as in ARM).
 */
function readCalls(expression: string): { calls: TemplateFunctionCall[]; isEvaluated: boolean } {
  // The extension looks at the first and last characters as written: leading space makes it text.
  const isEvaluated = CALL_START.test(expression) || QUOTED_STRING.test(expression) || WRAPPED.test(expression);
  const trimmed = expression.trim();
  const calls: TemplateFunctionCall[] = [];
  const identifier = /[A-Za-z_][A-Za-z0-9_]*/y;
  let index = 0;
  while (index < trimmed.length) {
    const char = trimmed[index]!;
    if (char === "'") {
      index = endOfQuoted(trimmed, index) + 1;
      continue;
    }
    identifier.lastIndex = index;
    const match = identifier.exec(trimmed);
    if (match === null) {
      index++;
      continue;
    }
    let after = index + match[0].length;
    while (trimmed[after] === ' ') after++;
    if (trimmed[after] === '(' && (index === 0 || !/[A-Za-z0-9_.]/.test(trimmed[index - 1]!))) {
      calls.push({ name: match[0], literalArgument: literalFirstArgument(trimmed, after + 1) });
    }
    index = index + match[0].length;
  }
  return { calls, isEvaluated };
}

/** Index of the quote that closes the quoted string starting at `start` (`''` stays inside). */
function endOfQuoted(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === "'") {
      if (text[index + 1] === "'") index += 2;
      else return index;
    } else index++;
  }
  return text.length;
}

function literalFirstArgument(text: string, from: number): string | undefined {
  let index = from;
  while (text[index] === ' ') index++;
  if (text[index] !== "'") return undefined;
  const close = endOfQuoted(text, index);
  let after = close + 1;
  while (text[after] === ' ') after++;
  if (close >= text.length || (text[after] !== ')' && text[after] !== ',')) return undefined;
  return text.slice(index + 1, close).replace(/''/g, "'");
}

export interface TemplateString {
  /** Absolute JSON Pointer of the string value. */
  readonly pointer: string;
  readonly text: string;
}

/** Every string value under `root`, in document order, found with an explicit stack. */
export function stringValuesOf(root: JsonValue, rootPointer = ''): TemplateString[] {
  const strings: TemplateString[] = [];
  const stack: Array<{ value: JsonValue; pointer: string }> = [{ value: root, pointer: rootPointer }];
  while (stack.length > 0) {
    const { value, pointer } = stack.pop()!;
    if (typeof value === 'string') strings.push({ pointer, text: value });
    else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index]!, pointer: `${pointer}/${index}` });
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index]!;
        stack.push({ value: value[key]!, pointer: `${pointer}/${escapePointerSegment(key)}` });
      }
    }
  }
  return strings;
}

/** Every expression of every string under `root`, with the pointer of the string that holds it. */
export function templateExpressionsOf(root: JsonValue, rootPointer = ''): Array<{ pointer: string; expression: TemplateExpression }> {
  const found: Array<{ pointer: string; expression: TemplateExpression }> = [];
  for (const { pointer, text } of stringValuesOf(root, rootPointer)) {
    if (!text.includes('[')) continue;
    for (const expression of findTemplateExpressions(text)) found.push({ pointer, expression });
  }
  return found;
}
