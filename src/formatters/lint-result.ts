import type { Rule } from '../engine/rule-types.js';

/** One finding, ESLint-shaped so that any eslint-formatter-* package can print it. */
export interface LintMessage {
  ruleId: string;
  /** ESLint's numbers: 2 error, 1 warning. Info findings are 1 with `level: 'info'`. */
  severity: 1 | 2;
  level: 'error' | 'warn' | 'info';
  message: string;
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** JSON Pointer of the offending key or value inside the document. */
  pointer: string;
  /** Stable semantic fingerprint: rule id, path, id-anchored JSON location, normalised value. */
  fingerprint: string;
  relatedLocations?: RelatedLocation[];
  fatal?: boolean;
}

export interface RelatedLocation {
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  pointer: string;
  message: string;
}

export interface LintResult {
  /** Absolute path, as ESLint gives it (`<stdin>` or the --stdin-filename for stdin). */
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableErrorCount: 0;
  fixableWarningCount: 0;
  usedDeprecatedRules: [];
}

export interface RuleMeta {
  type: 'problem' | 'suggestion';
  docs: { description: string; url: string; recommended: boolean };
  messages: Record<string, string>;
}

export interface FormatterContext {
  cwd: string;
  color: boolean;
  maxWarningsExceeded?: { maxWarnings: number; foundWarnings: number };
  /** ESLint's rulesMeta: rule id → meta of the rules that appear in the results. */
  rulesMeta: Record<string, RuleMeta>;
  /** What batchlint formatters need beyond ESLint's context. */
  batchlint: {
    version: string;
    /** The enabled rules, sorted by id, with their configured severities. */
    rules: ReadonlyArray<{ rule: Rule; severity: 'error' | 'warn' | 'info' }>;
    /** Directory that SARIF URIs are relative to (the git top level, else cwd). */
    repositoryRoot: string;
    sarifCategory?: string;
    /** False when batchlint itself failed (exit 2). */
    executionSuccessful: boolean;
    docsUrl(ruleId: string): string;
  };
}

export type Formatter = (results: LintResult[], context: FormatterContext) => string | Promise<string>;
