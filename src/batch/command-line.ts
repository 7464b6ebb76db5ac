/**
 * A tokenizer-level reading of Batch command lines. The service starts the program directly
 * ("the command line does not run under a shell", S19 `commandLine`), so rules need to know
 * whether a line starts a shell and which shell syntax it relies on. Nothing here executes or
 * fully parses shell grammar: the aim is few false positives on real command lines.
 */

import { objectMember, stringMember } from '../engine/untrusted-json.js';

export type ShellFamily = 'cmd' | 'posix' | 'powershell';
export type NodeOs = 'linux' | 'windows';

export interface ShellInvocation {
  readonly family: ShellFamily;
  /** The executable as written, without quotes: `cmd.exe`, `/bin/bash`, `powershell`. */
  readonly executable: string;
  /** Offset in the command line where the text the shell runs begins. */
  readonly scriptOffset: number;
  /** The script text the shell runs (the `-c` argument, or everything after `cmd /c`). */
  readonly script: string;
}

export type ShellFeatureKind =
  | 'and'
  | 'or'
  | 'pipe'
  | 'sequence'
  | 'ampersand'
  | 'redirect'
  | 'backtick'
  | 'command-substitution'
  | 'posix-variable'
  | 'windows-variable'
  | 'glob'
  | 'builtin'
  | 'assignment';

export interface ShellFeature {
  readonly kind: ShellFeatureKind;
  /** The syntax as written, e.g. `&&`, `$HOME`, `%PATH%`, `*.txt`, `cd`. */
  readonly text: string;
  readonly offset: number;
  /** The shells that would interpret it. */
  readonly families: readonly ShellFamily[];
}

export interface CommandWord {
  /** The word with quotes removed. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly pieces: readonly WordPiece[];
}

export interface WordPiece {
  readonly text: string;
  readonly offset: number;
  readonly quote: 'none' | 'single' | 'double';
}

export interface CommandSegment {
  readonly words: readonly CommandWord[];
  /** The operator that ends the segment (`&&`, `|`, `;`, `&`, …), undefined for the last one. */
  readonly separator: string | undefined;
}

type Token = { kind: 'word'; word: CommandWord } | { kind: 'operator'; text: string; start: number };

const OPERATOR_CHARS = '&|;<>';
const BOTH: readonly ShellFamily[] = ['cmd', 'posix'];
const POSIX: readonly ShellFamily[] = ['posix'];
const CMD: readonly ShellFamily[] = ['cmd'];

/** Split into words and unquoted operators; `"` and `'` quote, `\"` and `\'` are literal quotes. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pieces: WordPiece[] = [];
  let wordStart = -1;
  let unquoted = '';
  let unquotedStart = -1;

  const flushUnquoted = (): void => {
    if (unquoted !== '') pieces.push({ text: unquoted, offset: unquotedStart, quote: 'none' });
    unquoted = '';
    unquotedStart = -1;
  };
  const appendUnquoted = (chars: string, at: number): void => {
    if (wordStart === -1) wordStart = at;
    if (unquotedStart === -1) unquotedStart = at;
    unquoted += chars;
  };
  const closeWord = (end: number): void => {
    flushUnquoted();
    if (wordStart !== -1) {
      const word = { value: pieces.map((piece) => piece.text).join(''), start: wordStart, end, pieces };
      tokens.push({ kind: 'word', word });
    }
    pieces = [];
    wordStart = -1;
  };
  const currentWordText = (): string => pieces.map((piece) => piece.text).join('') + unquoted;

  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    const next = text[index + 1];
    if (/\s/.test(char)) {
      closeWord(index);
      index += 1;
    } else if (char === '\\' && (next === '"' || next === "'")) {
      appendUnquoted(next, index);
      index += 2;
    } else if (char === '"' || char === "'") {
      if (wordStart === -1) wordStart = index;
      flushUnquoted();
      const close = findClosingQuote(text, index + 1, char);
      const body = text.slice(index + 1, close);
      pieces.push({ text: char === '"' ? body.replace(/\\"/g, '"') : body, offset: index + 1, quote: char === '"' ? 'double' : 'single' });
      index = close + 1;
    } else if (OPERATOR_CHARS.includes(char)) {
      // `?a=1&b=2` inside an unquoted URL is an argument without a shell, not an operator.
      const insideUrl = (char === '&' || char === ';') && currentWordText().includes('://');
      if (insideUrl && next !== undefined && !/[\s&|;<>]/.test(next)) {
        appendUnquoted(char, index);
        index += 1;
        continue;
      }
      let start = index;
      const wordSoFar = currentWordText();
      const isFdPrefix = (char === '>' || char === '<') && /^\d$/.test(wordSoFar) && pieces.length === 0 && unquotedStart === index - 1;
      if (isFdPrefix) {
        start = index - 1;
        unquoted = '';
        unquotedStart = -1;
        wordStart = -1;
      } else {
        closeWord(index);
      }
      const operator = readOperator(text, index);
      tokens.push({ kind: 'operator', text: text.slice(start, index + operator.length), start });
      index += operator.length;
    } else {
      appendUnquoted(char, index);
      index += 1;
    }
  }
  closeWord(text.length);
  return tokens;
}

function findClosingQuote(text: string, from: number, quote: string): number {
  let index = from;
  while (index < text.length) {
    if (quote === '"' && text[index] === '\\' && text[index + 1] === '"') {
      index += 2;
      continue;
    }
    if (text[index] === quote) return index;
    index += 1;
  }
  // Unterminated: the rest of the line counts as quoted, which errs towards no finding.
  return text.length;
}

function readOperator(text: string, index: number): string {
  const char = text[index];
  const next = text[index + 1];
  if (char === '&') return next === '&' ? '&&' : next === '>' ? '&>' : '&';
  if (char === '|') return next === '|' ? '||' : '|';
  if (char === ';') return ';';
  if (char === '<') return '<';
  const redirect = next === '>' ? '>>' : '>';
  const duplicate = /^&(\d+|-)/.exec(text.slice(index + redirect.length));
  return duplicate === null ? redirect : redirect + duplicate[0];
}

/** The shell rules split the same command lines; the words are only read. */
const splitLines = new Map<string, readonly CommandWord[]>();
const SPLIT_LINES_KEPT = 256;

/** The words of a command line, quotes removed, in order; operators are dropped. */
export function splitCommandWords(text: string): readonly CommandWord[] {
  let words = splitLines.get(text);
  if (words === undefined) {
    if (splitLines.size >= SPLIT_LINES_KEPT) splitLines.clear();
    splitLines.set(text, (words = collectCommandWords(text)));
  }
  return words;
}

function collectCommandWords(text: string): CommandWord[] {
  const words: CommandWord[] = [];
  for (const token of tokenize(text)) if (token.kind === 'word') words.push(token.word);
  return words;
}

/** The simple commands of a line, split at unquoted `&&`, `||`, `|`, `;` and `&`. Redirections stay in their segment. */
export function splitCommandSegments(text: string): CommandSegment[] {
  const segments: CommandSegment[] = [];
  let words: CommandWord[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'word') {
      words.push(token.word);
    } else if (/^(&&|\|\||\||;|&)$/.test(token.text)) {
      segments.push({ words, separator: token.text });
      words = [];
    }
  }
  segments.push({ words, separator: undefined });
  return segments;
}

/** The program name a word names: no directory, no `.exe`, lower case. */
export function programName(word: string): string {
  const base = word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1).toLowerCase();
  return base.endsWith('.exe') ? base.slice(0, -4) : base;
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash']);
const POWERSHELL_MODES = /^-(c|co|com|comm|comma|comman|command|f|fi|fil|file|e|ec|en|enc|encodedcommand)$/;
const POWERSHELL_OPTIONS_WITH_VALUE =
  /^-(ex|ep|exe|exec|executionpolicy|inputformat|if|outputformat|of|windowstyle|w|configurationname|version|v|psconsolefile|workingdirectory|wd)$/;

/**
 * Whether the line starts a shell that interprets the rest: `cmd [/s] [/v:on] /c`, `sh|bash -c`
 * (also `-lc`, `-ec`, `/usr/bin/env bash -c`), `powershell|pwsh [options] -Command|-File|<script>`.
 * Case-insensitive, any directory, optional `.exe`, quoted executable paths allowed.
 */
export function findShellInvocation(text: string): ShellInvocation | undefined {
  const words = splitCommandWords(text);
  let index = 0;
  let name = programName(words[0]?.value ?? '');
  if (name === 'env') {
    index = 1;
    while (index < words.length && /^(-|[A-Za-z_][A-Za-z0-9_]*=)/.test((words[index] as CommandWord).value)) index += 1;
    name = programName(words[index]?.value ?? '');
  }
  const executableWord = words[index];
  if (executableWord === undefined) return undefined;
  const executable = executableWord.value;
  if (name === 'cmd') return cmdInvocation(text, words, index, executable);
  if (POSIX_SHELLS.has(name)) return posixInvocation(text, words, index, executable);
  if (name === 'powershell' || name === 'pwsh') return powershellInvocation(text, words, index, executable);
  return undefined;
}

function cmdInvocation(text: string, words: readonly CommandWord[], index: number, executable: string): ShellInvocation | undefined {
  for (let position = index + 1; position < words.length; position += 1) {
    const word = words[position] as CommandWord;
    const option = word.value.toLowerCase();
    if (!option.startsWith('/')) return undefined;
    if (option === '/c' || option === '/k') {
      const scriptOffset = skipSpaces(text, word.end);
      return { family: 'cmd', executable, scriptOffset, script: unwrapCmdScript(text.slice(scriptOffset)) };
    }
  }
  return undefined;
}

/** `cmd /c "a & b"` runs `a & b`: cmd drops the outer quotes when the script starts and ends with one. */
function unwrapCmdScript(script: string): string {
  const trimmed = script.trimEnd();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

function posixInvocation(text: string, words: readonly CommandWord[], index: number, executable: string): ShellInvocation | undefined {
  for (let position = index + 1; position < words.length; position += 1) {
    const option = (words[position] as CommandWord).value;
    if (!/^[-+]/.test(option)) return undefined;
    if (option === '-o' || option === '+o') {
      position += 1;
      continue;
    }
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(option)) {
      const scriptWord = words[position + 1];
      if (scriptWord === undefined) return undefined;
      return { family: 'posix', executable, scriptOffset: scriptWord.start, script: scriptWord.value };
    }
  }
  return undefined;
}

function powershellInvocation(text: string, words: readonly CommandWord[], index: number, executable: string): ShellInvocation | undefined {
  for (let position = index + 1; position < words.length; position += 1) {
    const word = words[position] as CommandWord;
    const option = word.value.toLowerCase();
    if (POWERSHELL_MODES.test(option)) {
      const scriptWord = words[position + 1];
      const scriptOffset = scriptWord === undefined ? text.length : scriptWord.start;
      return { family: 'powershell', executable, scriptOffset, script: text.slice(scriptOffset).trim() };
    }
    if (POWERSHELL_OPTIONS_WITH_VALUE.test(option)) {
      position += 1;
      continue;
    }
    if (option.startsWith('-')) continue;
    // A bare script or command: Windows PowerShell defaults to -Command, pwsh to -File.
    return { family: 'powershell', executable, scriptOffset: word.start, script: text.slice(word.start).trim() };
  }
  return undefined;
}

function skipSpaces(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index] as string)) index += 1;
  return index;
}

const BUILTINS: ReadonlyMap<string, readonly ShellFamily[]> = new Map([
  ['cd', BOTH],
  ['set', BOTH],
  ['export', POSIX],
  ['source', POSIX],
  ['.', POSIX],
]);

/**
 * Shell syntax in a command line, in order of appearance. `os` keeps only what that node's
 * shell interprets (Linux: sh; Windows: cmd); undefined keeps both.
 */
export function findShellFeatures(text: string, os?: NodeOs): ShellFeature[] {
  const features: ShellFeature[] = [];
  let wordIndex = 0;
  for (const token of tokenize(text)) {
    if (token.kind === 'operator') {
      features.push(operatorFeature(token.text, token.start));
      continue;
    }
    collectWordFeatures(token.word, wordIndex, features);
    wordIndex += 1;
  }
  const wanted: ShellFamily | undefined = os === 'linux' ? 'posix' : os === 'windows' ? 'cmd' : undefined;
  return features
    .filter((feature) => wanted === undefined || feature.families.includes(wanted))
    .sort((left, right) => left.offset - right.offset);
}

function operatorFeature(text: string, offset: number): ShellFeature {
  if (text === '&&') return { kind: 'and', text, offset, families: BOTH };
  if (text === '||') return { kind: 'or', text, offset, families: BOTH };
  if (text === '|') return { kind: 'pipe', text, offset, families: BOTH };
  if (text === ';') return { kind: 'sequence', text, offset, families: POSIX };
  if (text === '&') return { kind: 'ampersand', text, offset, families: BOTH };
  return { kind: 'redirect', text, offset, families: text === '&>' ? POSIX : BOTH };
}

function collectWordFeatures(word: CommandWord, wordIndex: number, features: ShellFeature[]): void {
  if (wordIndex === 0) {
    const first = word.pieces[0];
    const families = BUILTINS.get(word.value.toLowerCase());
    if (families !== undefined && first?.quote === 'none') {
      features.push({ kind: 'builtin', text: word.value, offset: word.start, families });
    } else if (first?.quote === 'none' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.text)) {
      features.push({ kind: 'assignment', text: word.value, offset: word.start, families: POSIX });
    }
  }
  if (word.value.includes('://')) return;
  for (const piece of word.pieces) {
    if (piece.quote === 'single') continue;
    for (const reference of findVariableReferences(piece.text)) {
      features.push({ ...reference, offset: piece.offset + reference.offset });
    }
    if (piece.quote === 'none' && wordIndex > 0 && isGlobWord(word)) {
      const at = piece.text.search(/[*?]/);
      if (at !== -1) features.push({ kind: 'glob', text: word.value, offset: piece.offset + at, families: POSIX });
    }
  }
}

/** Options (`-x*`, `--x=*`, `/x:*`) usually hand the pattern to the program, which is what a shell-less line wants. */
function isGlobWord(word: CommandWord): boolean {
  const value = word.value;
  if (/^[-/]/.test(value) || value.includes('=')) return false;
  if (value.includes('*')) return true;
  return value.includes('?') && /[./]/.test(value);
}

const POSIX_REFERENCE = /`[^`]*`?|\$\(|\$\{[^}\s]*\}?|\$[A-Za-z_][A-Za-z0-9_]*|\$\?/g;
const WINDOWS_REFERENCE = /%([^%\s"'<>|&;]+)%/g;

/**
 * Variable expansions and command substitutions in a piece of text, ignoring quotes: `$VAR`,
 * `${VAR}`, `$(…)`, backticks, `$?` (sh) and `%VAR%` (cmd). Offsets are within `text`.
 */
export function findVariableReferences(text: string): ShellFeature[] {
  const found: ShellFeature[] = [];
  for (const match of text.matchAll(POSIX_REFERENCE)) {
    const matched = match[0];
    const kind: ShellFeatureKind = matched.startsWith('`') ? 'backtick' : matched === '$(' ? 'command-substitution' : 'posix-variable';
    const shown = kind === 'command-substitution' ? commandSubstitutionText(text, match.index) : matched;
    found.push({ kind, text: shown, offset: match.index, families: POSIX });
  }
  let searchFrom = 0;
  while (searchFrom < text.length) {
    WINDOWS_REFERENCE.lastIndex = searchFrom;
    const match = WINDOWS_REFERENCE.exec(text);
    if (match === null) break;
    if (isWindowsVariableName(match[1] as string)) {
      found.push({ kind: 'windows-variable', text: match[0], offset: match.index, families: CMD });
      searchFrom = match.index + match[0].length;
    } else {
      // `%E2%80%99`: the closing `%` may open the next candidate.
      searchFrom = match.index + 1;
    }
  }
  return found.sort((left, right) => left.offset - right.offset);
}

function commandSubstitutionText(text: string, offset: number): string {
  const close = text.indexOf(')', offset);
  return close === -1 || close - offset > 40 ? '$(' : text.slice(offset, close + 1);
}

/** Names like `PATH`, `AZ_BATCH_NODE_SHARED_DIR`, `3DSMAX_2018`; not URL escapes (`%2F%`) or printf formats (`%03d_%`). */
function isWindowsVariableName(name: string): boolean {
  if (/^[0-9A-Fa-f]{2}$/.test(name)) return false;
  if (/^[A-Za-z_]/.test(name)) return /^[A-Za-z_][\w#.()[\]{}$~+-]*$/.test(name);
  return /^\d+[A-Za-z_]\w*$/.test(name) && (name.match(/[A-Za-z]/g) ?? []).length >= 3;
}

/**
 * Replace CLI-extension expressions (`[parameters('x')]`, `[variables('y')[parameters('z')]]`,
 * `[concat(…)]`) with `X`s of the same length, so their quotes and brackets do not read as shell syntax.
 */
export function maskTemplateExpressions(text: string): string {
  let result = '';
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('[', index);
    if (open === -1) break;
    if (text[open + 1] === '[' || !/^\[(parameters|variables|concat)\(/.test(text.slice(open, open + 13))) {
      result += text.slice(index, open + 1);
      index = open + 1;
      continue;
    }
    const close = findExpressionEnd(text, open);
    if (close === -1) break;
    result += text.slice(index, open) + 'X'.repeat(close - open + 1);
    index = close + 1;
  }
  return result + text.slice(index);
}

function findExpressionEnd(text: string, open: number): number {
  let depth = 0;
  let inString = false;
  for (let index = open; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === "'") inString = false;
    } else if (char === "'") {
      inString = true;
    } else if (char === '[') {
      depth += 1;
    } else if (char === ']') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

export interface TaskCommandLine {
  /** `commandLine` or `coordinationCommandLine`. */
  readonly property: 'commandLine' | 'coordinationCommandLine';
  /** Pointer relative to the task body. */
  readonly pointer: string;
  readonly text: string;
}

/** The command lines a task-like body runs: its own, and a multi-instance coordination command. */
export function taskCommandLines(task: unknown): TaskCommandLine[] {
  const found: TaskCommandLine[] = [];
  const commandLine = stringMember(task, 'commandLine');
  if (commandLine !== undefined) found.push({ property: 'commandLine', pointer: '/commandLine', text: commandLine });
  const coordination = stringMember(objectMember(task, 'multiInstanceSettings'), 'coordinationCommandLine');
  if (coordination !== undefined) {
    found.push({ property: 'coordinationCommandLine', pointer: '/multiInstanceSettings/coordinationCommandLine', text: coordination });
  }
  return found;
}
