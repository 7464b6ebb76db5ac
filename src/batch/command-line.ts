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

interface OperatorToken {
  /** The operator as written, with a leading file descriptor: `&&`, `|`, `2>&1`. */
  readonly text: string;
  readonly start: number;
}

/**
 * One reading of a command line. Several rules ask about the same line of the same task one after
 * another, so each line is tokenized once and the answers derived from it are kept with it.
 * Everything here is shared between callers: arrays are frozen, objects typed read-only.
 */
interface CommandLineReading {
  readonly text: string;
  readonly words: readonly CommandWord[];
  /** In order of appearance; they interleave with `words` by offset. */
  readonly operators: readonly OperatorToken[];
  invocation?: ShellInvocation | undefined;
  invocationKnown: boolean;
  segments?: readonly CommandSegment[];
  features?: readonly ShellFeature[];
  linuxFeatures?: readonly ShellFeature[];
  windowsFeatures?: readonly ShellFeature[];
}

const OPERATOR_SEPARATORS: ReadonlySet<string> = new Set(['&&', '||', '|', ';', '&']);
const BOTH: readonly ShellFamily[] = ['cmd', 'posix'];
const POSIX: readonly ShellFamily[] = ['posix'];
const CMD: readonly ShellFamily[] = ['cmd'];
const NO_FEATURES: readonly ShellFeature[] = Object.freeze([]);
const ESCAPED_QUOTE = /\\(["'])/g;
const ESCAPED_DOUBLE_QUOTE = /\\"/g;

/**
 * Lines read lately, newest last. A task has at most two command lines and the coordination rule
 * reads a few pieces of one, so a handful of slots catches every repeat while memory stays flat.
 */
const recentReadings: CommandLineReading[] = [];
const READINGS_KEPT = 8;

function readCommandLine(text: string): CommandLineReading {
  for (let index = recentReadings.length - 1; index >= 0; index -= 1) {
    const reading = recentReadings[index] as CommandLineReading;
    if (reading.text === text) return reading;
  }
  const reading = tokenize(text);
  if (recentReadings.length >= READINGS_KEPT) recentReadings.shift();
  recentReadings.push(reading);
  return reading;
}

/** Exactly the characters `/\s/` matches, without a regular expression per character. */
function isSpace(code: number): boolean {
  if (code > 32 && code < 160) return false;
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isOperatorChar(code: number): boolean {
  // & | ; < >
  return code === 38 || code === 124 || code === 59 || code === 60 || code === 62;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Split into words and unquoted operators; `"` and `'` quote, `\"` and `\'` are literal quotes.
 * An unquoted run of a word is one contiguous stretch of the line, so it is sliced once when it
 * ends rather than built a character at a time.
 */
function tokenize(text: string): CommandLineReading {
  const words: CommandWord[] = [];
  const operators: OperatorToken[] = [];
  const length = text.length;
  let pieces: WordPiece[] = [];
  let wordStart = -1;
  /** Start of the word's current unquoted run, -1 when none is open. */
  let runStart = -1;
  /** The open run holds `\"` or `\'`, whose backslash is dropped. */
  let runEscaped = false;
  /** The word read so far holds `://`; it only grows, so once true this stays true until the word ends. */
  let wordIsUrl = false;

  /** Ends the word being read, if any, at `end`, and clears the reading state for the next one. */
  const endWord = (end: number): void => {
    if (wordStart !== -1) {
      if (runStart !== -1) pieces.push(unquotedPiece(text, runStart, end, runEscaped));
      words.push(newWord(pieces, wordStart, end));
      pieces = [];
    }
    wordStart = -1;
    wordIsUrl = false;
    runStart = -1;
    runEscaped = false;
  };

  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (isSpace(code)) {
      endWord(index);
      index += 1;
    } else if (code === 92 /* \ */ && (text.charCodeAt(index + 1) === 34 || text.charCodeAt(index + 1) === 39)) {
      if (wordStart === -1) wordStart = index;
      if (runStart === -1) runStart = index;
      runEscaped = true;
      index += 2;
    } else if (code === 34 /* " */ || code === 39 /* ' */) {
      if (wordStart === -1) wordStart = index;
      if (runStart !== -1) {
        pieces.push(unquotedPiece(text, runStart, index, runEscaped));
        runStart = -1;
        runEscaped = false;
      }
      const close = findClosingQuote(text, index + 1, code);
      const body = text.slice(index + 1, close);
      if (code === 34) {
        pieces.push({ text: body.indexOf('\\"') === -1 ? body : body.replace(ESCAPED_DOUBLE_QUOTE, '"'), offset: index + 1, quote: 'double' });
      } else {
        pieces.push({ text: body, offset: index + 1, quote: 'single' });
      }
      index = close + 1;
    } else if (isOperatorChar(code)) {
      // `?a=1&b=2` inside an unquoted URL is an argument without a shell, not an operator.
      if ((code === 38 || code === 59) && wordStart !== -1 && index + 1 < length) {
        const next = text.charCodeAt(index + 1);
        // A word without `://` ends at this operator, so each word's text is built at most once while false.
        if (!isSpace(next) && !isOperatorChar(next) && (wordIsUrl ||= wordTextSoFar(text, pieces, runStart, index, runEscaped).includes('://'))) {
          if (runStart === -1) runStart = index;
          index += 1;
          continue;
        }
      }
      let start = index;
      // `2>`: a single digit right before a redirection names the file descriptor.
      const isFdPrefix = (code === 62 || code === 60) && pieces.length === 0 && runStart === index - 1 && isDigit(text.charCodeAt(index - 1));
      if (isFdPrefix) {
        // The digit belongs to the operator, not to a word.
        start = index - 1;
        wordStart = -1;
      }
      endWord(index);
      const end = operatorEnd(text, index, code);
      operators.push({ text: text.slice(start, end), start });
      index = end;
    } else {
      if (wordStart === -1) wordStart = index;
      if (runStart === -1) runStart = index;
      index += 1;
    }
  }
  endWord(length);
  return { text, words: Object.freeze(words), operators, invocationKnown: false };
}

function unquotedPiece(text: string, start: number, end: number, escaped: boolean): WordPiece {
  const raw = text.slice(start, end);
  return { text: escaped ? raw.replace(ESCAPED_QUOTE, '$1') : raw, offset: start, quote: 'none' };
}

function newWord(pieces: readonly WordPiece[], start: number, end: number): CommandWord {
  let value = (pieces[0] as WordPiece).text;
  for (let index = 1; index < pieces.length; index += 1) value += (pieces[index] as WordPiece).text;
  return { value, start, end, pieces };
}

/** The text of the word being read, quotes removed: only needed to tell a URL's `&` from an operator. */
function wordTextSoFar(text: string, pieces: readonly WordPiece[], runStart: number, end: number, runEscaped: boolean): string {
  let value = '';
  for (const piece of pieces) value += piece.text;
  return runStart === -1 ? value : value + unquotedPiece(text, runStart, end, runEscaped).text;
}

function findClosingQuote(text: string, from: number, quote: number): number {
  let index = from;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (quote === 34 && code === 92 && text.charCodeAt(index + 1) === 34) {
      index += 2;
      continue;
    }
    if (code === quote) return index;
    index += 1;
  }
  // Unterminated: the rest of the line counts as quoted, which errs towards no finding.
  return length;
}

/** Where the operator starting at `index` ends: `&&`, `&>`, `||`, `>>`, `>&2`, `>&-`, … */
function operatorEnd(text: string, index: number, code: number): number {
  const next = text.charCodeAt(index + 1);
  if (code === 38) return next === 38 || next === 62 ? index + 2 : index + 1;
  if (code === 124) return next === 124 ? index + 2 : index + 1;
  if (code !== 62) return index + 1;
  let end = next === 62 ? index + 2 : index + 1;
  if (text.charCodeAt(end) === 38) {
    const after = text.charCodeAt(end + 1);
    if (after === 45 /* - */) {
      end += 2;
    } else if (isDigit(after)) {
      end += 2;
      while (isDigit(text.charCodeAt(end))) end += 1;
    }
  }
  return end;
}

/** The words of a command line, quotes removed, in order; operators are dropped. */
export function splitCommandWords(text: string): readonly CommandWord[] {
  return readCommandLine(text).words;
}

/**
 * The first word when it can be read without tokenizing the line: the characters up to the first
 * white space, when none of them is a quote or an operator character, are the word as written
 * (a backslash only escapes a quote). `''` for a blank line, undefined when only tokenizing tells.
 */
function plainFirstWord(text: string): string | undefined {
  const length = text.length;
  let start = 0;
  while (start < length && isSpace(text.charCodeAt(start))) start += 1;
  let end = start;
  while (end < length) {
    const code = text.charCodeAt(end);
    if (isSpace(code)) break;
    if (code === 34 || code === 39 || isOperatorChar(code)) return undefined;
    end += 1;
  }
  return text.slice(start, end);
}

/** The first word of a command line, quotes removed (`''` when there is none): usually the program. */
export function firstCommandWord(text: string): string {
  return plainFirstWord(text) ?? readCommandLine(text).words[0]?.value ?? '';
}

/** The simple commands of a line, split at unquoted `&&`, `||`, `|`, `;` and `&`. Redirections stay in their segment. */
export function splitCommandSegments(text: string): readonly CommandSegment[] {
  const reading = readCommandLine(text);
  return (reading.segments ??= collectSegments(reading));
}

function collectSegments(reading: CommandLineReading): readonly CommandSegment[] {
  const { words: allWords, operators } = reading;
  const segments: CommandSegment[] = [];
  let words: CommandWord[] = [];
  let wordIndex = 0;
  for (const operator of operators) {
    while (wordIndex < allWords.length && (allWords[wordIndex] as CommandWord).start < operator.start) {
      words.push(allWords[wordIndex] as CommandWord);
      wordIndex += 1;
    }
    if (OPERATOR_SEPARATORS.has(operator.text)) {
      segments.push({ words: Object.freeze(words), separator: operator.text });
      words = [];
    }
  }
  while (wordIndex < allWords.length) {
    words.push(allWords[wordIndex] as CommandWord);
    wordIndex += 1;
  }
  segments.push({ words: Object.freeze(words), separator: undefined });
  return Object.freeze(segments);
}

/** The program name a word names: no directory, no `.exe`, lower case. */
export function programName(word: string): string {
  const base = word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1).toLowerCase();
  return base.endsWith('.exe') ? base.slice(0, -4) : base;
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash']);
/** Program names the invocation check reads further for; any other first word starts no shell. */
const SHELLS_AND_ENV: ReadonlySet<string> = new Set([...POSIX_SHELLS, 'cmd', 'powershell', 'pwsh', 'env']);
const POWERSHELL_MODES = /^-(c|co|com|comm|comma|comman|command|f|fi|fil|file|e|ec|en|enc|encodedcommand)$/;
const POWERSHELL_OPTIONS_WITH_VALUE =
  /^-(ex|ep|exe|exec|executionpolicy|inputformat|if|outputformat|of|windowstyle|w|configurationname|version|v|psconsolefile|workingdirectory|wd)$/;
const ENV_OPTION_OR_ASSIGNMENT = /^(-|[A-Za-z_][A-Za-z0-9_]*=)/;
const POSIX_OPTION = /^[-+]/;
const POSIX_COMMAND_OPTION = /^-[a-zA-Z]*c[a-zA-Z]*$/;

/**
 * Whether the line starts a shell that interprets the rest: `cmd [/s] [/v:on] /c`, `sh|bash -c`
 * (also `-lc`, `-ec`, `/usr/bin/env bash -c`), `powershell|pwsh [options] -Command|-File|<script>`.
 * Case-insensitive, any directory, optional `.exe`, quoted executable paths allowed.
 */
export function findShellInvocation(text: string): ShellInvocation | undefined {
  // Most lines start a program directly, which their first word alone tells.
  const first = plainFirstWord(text);
  if (first !== undefined && !SHELLS_AND_ENV.has(programName(first))) return undefined;
  const reading = readCommandLine(text);
  if (!reading.invocationKnown) {
    reading.invocation = shellInvocationOf(text, reading.words);
    reading.invocationKnown = true;
  }
  return reading.invocation;
}

function shellInvocationOf(text: string, words: readonly CommandWord[]): ShellInvocation | undefined {
  let index = 0;
  let name = programName(words[0]?.value ?? '');
  if (name === 'env') {
    index = 1;
    while (index < words.length && ENV_OPTION_OR_ASSIGNMENT.test((words[index] as CommandWord).value)) index += 1;
    name = programName(words[index]?.value ?? '');
  }
  const executableWord = words[index];
  if (executableWord === undefined) return undefined;
  const executable = executableWord.value;
  if (name === 'cmd') return cmdInvocation(text, words, index, executable);
  if (POSIX_SHELLS.has(name)) return posixInvocation(words, index, executable);
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

function posixInvocation(words: readonly CommandWord[], index: number, executable: string): ShellInvocation | undefined {
  for (let position = index + 1; position < words.length; position += 1) {
    const option = (words[position] as CommandWord).value;
    if (!POSIX_OPTION.test(option)) return undefined;
    if (option === '-o' || option === '+o') {
      position += 1;
      continue;
    }
    if (POSIX_COMMAND_OPTION.test(option)) {
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
  while (index < text.length && isSpace(text.charCodeAt(index))) index += 1;
  return index;
}

const BUILTINS: ReadonlyMap<string, readonly ShellFamily[]> = new Map([
  ['cd', BOTH],
  ['set', BOTH],
  ['export', POSIX],
  ['source', POSIX],
  ['.', POSIX],
]);
/** Every operator, reference, glob and assignment holds one of these characters. */
const FEATURE_CHAR = /[&|;<>$`%*?=]/;
const ASSIGNMENT_START = /^[A-Za-z_][A-Za-z0-9_]*=/;
const GLOB_CHAR = /[*?]/;
const OPTION_START = /^[-/]/;
const PATH_CHAR = /[./]/;

/**
 * Shell syntax in a command line, in order of appearance. `os` keeps only what that node's
 * shell interprets (Linux: sh; Windows: cmd); undefined keeps both.
 */
export function findShellFeatures(text: string, os?: NodeOs): readonly ShellFeature[] {
  if (!FEATURE_CHAR.test(text)) {
    // No operator, reference, glob or assignment character: only a leading builtin is left to find.
    const first = plainFirstWord(text);
    if (first !== undefined && !BUILTINS.has(first.toLowerCase())) return NO_FEATURES;
  }
  const reading = readCommandLine(text);
  const features = (reading.features ??= collectFeatures(reading));
  if (os === 'linux') return (reading.linuxFeatures ??= featuresFor(features, 'posix'));
  if (os === 'windows') return (reading.windowsFeatures ??= featuresFor(features, 'cmd'));
  return features;
}

function featuresFor(features: readonly ShellFeature[], family: ShellFamily): readonly ShellFeature[] {
  const kept: ShellFeature[] = [];
  for (const feature of features) if (feature.families.includes(family)) kept.push(feature);
  return kept.length === 0 ? NO_FEATURES : Object.freeze(kept);
}

function collectFeatures(reading: CommandLineReading): readonly ShellFeature[] {
  const { text, words, operators } = reading;
  const features: ShellFeature[] = [];
  for (const operator of operators) features.push(operatorFeature(operator.text, operator.start));
  // Quote removal only drops characters, so a character the line lacks is in none of its words.
  const mayReference = hasReferenceChar(text);
  const mayGlob = text.indexOf('*') !== -1 || text.indexOf('?') !== -1;
  for (let wordIndex = 0; wordIndex < words.length; wordIndex += 1) {
    collectWordFeatures(words[wordIndex] as CommandWord, wordIndex, mayReference, mayGlob, features);
  }
  if (features.length === 0) return NO_FEATURES;
  if (features.length > 1) features.sort(byOffset);
  return Object.freeze(features);
}

function byOffset(left: ShellFeature, right: ShellFeature): number {
  return left.offset - right.offset;
}

function operatorFeature(text: string, offset: number): ShellFeature {
  if (text === '&&') return { kind: 'and', text, offset, families: BOTH };
  if (text === '||') return { kind: 'or', text, offset, families: BOTH };
  if (text === '|') return { kind: 'pipe', text, offset, families: BOTH };
  if (text === ';') return { kind: 'sequence', text, offset, families: POSIX };
  if (text === '&') return { kind: 'ampersand', text, offset, families: BOTH };
  return { kind: 'redirect', text, offset, families: text === '&>' ? POSIX : BOTH };
}

function collectWordFeatures(word: CommandWord, wordIndex: number, mayReference: boolean, mayGlob: boolean, features: ShellFeature[]): void {
  if (wordIndex === 0) {
    const first = word.pieces[0];
    const families = BUILTINS.get(word.value.toLowerCase());
    if (families !== undefined && first?.quote === 'none') {
      features.push({ kind: 'builtin', text: word.value, offset: word.start, families });
    } else if (first?.quote === 'none' && ASSIGNMENT_START.test(first.text)) {
      features.push({ kind: 'assignment', text: word.value, offset: word.start, families: POSIX });
    }
  }
  if (!mayReference && !mayGlob) return;
  if (word.value.includes('://')) return;
  const isGlob = mayGlob && wordIndex > 0 && isGlobWord(word);
  for (const piece of word.pieces) {
    if (piece.quote === 'single') continue;
    if (mayReference) {
      for (const reference of findVariableReferences(piece.text)) {
        features.push({ kind: reference.kind, text: reference.text, offset: piece.offset + reference.offset, families: reference.families });
      }
    }
    if (isGlob && piece.quote === 'none') {
      const at = piece.text.search(GLOB_CHAR);
      if (at !== -1) features.push({ kind: 'glob', text: word.value, offset: piece.offset + at, families: POSIX });
    }
  }
}

/** Options (`-x*`, `--x=*`, `/x:*`) usually hand the pattern to the program, which is what a shell-less line wants. */
function isGlobWord(word: CommandWord): boolean {
  const value = word.value;
  if (OPTION_START.test(value) || value.includes('=')) return false;
  if (value.includes('*')) return true;
  return value.includes('?') && PATH_CHAR.test(value);
}

const POSIX_REFERENCE = /`[^`]*`?|\$\(|\$\{[^}\s]*\}?|\$[A-Za-z_][A-Za-z0-9_]*|\$\?/g;
const WINDOWS_REFERENCE = /%([^%\s"'<>|&;]+)%/g;

/** Every reference starts with `$`, a backtick or `%`. */
function hasReferenceChar(text: string): boolean {
  return text.indexOf('$') !== -1 || text.indexOf('%') !== -1 || text.indexOf('`') !== -1;
}

/**
 * Variable expansions and command substitutions in a piece of text, ignoring quotes: `$VAR`,
 * `${VAR}`, `$(…)`, backticks, `$?` (sh) and `%VAR%` (cmd). Offsets are within `text`.
 */
export function findVariableReferences(text: string): readonly ShellFeature[] {
  const hasPosix = text.indexOf('$') !== -1 || text.indexOf('`') !== -1;
  const hasWindows = text.indexOf('%') !== -1;
  if (!hasPosix && !hasWindows) return NO_FEATURES;
  const found: ShellFeature[] = [];
  if (hasPosix) {
    POSIX_REFERENCE.lastIndex = 0;
    for (let match = POSIX_REFERENCE.exec(text); match !== null; match = POSIX_REFERENCE.exec(text)) {
      const matched = match[0];
      const kind: ShellFeatureKind =
        matched.charCodeAt(0) === 96 /* ` */ ? 'backtick' : matched === '$(' ? 'command-substitution' : 'posix-variable';
      const shown = kind === 'command-substitution' ? commandSubstitutionText(text, match.index) : matched;
      found.push({ kind, text: shown, offset: match.index, families: POSIX });
    }
  }
  const posixCount = found.length;
  if (hasWindows) {
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
  }
  if (found.length === 0) return NO_FEATURES;
  // Each kind is found in order; only a mix needs sorting.
  if (posixCount > 0 && posixCount < found.length) found.sort(byOffset);
  return Object.freeze(found);
}

/** `$(date)` when the `)` is at most 40 characters on; the search stops there, so unclosed `$(`s stay linear. */
function commandSubstitutionText(text: string, offset: number): string {
  const limit = Math.min(text.length, offset + 41);
  for (let index = offset; index < limit; index += 1) if (text.charCodeAt(index) === 41 /* ) */) return text.slice(offset, index + 1);
  return '$(';
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
