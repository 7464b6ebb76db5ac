import type { Rule, Severity } from './rule-types.js';

/** A place in a loaded document, before positions are known. */
export interface DocumentPlace {
  /** Index of the document in the run's document list. */
  documentIndex: number;
  /** Absolute JSON Pointer inside the document. */
  pointer: string;
  target: 'key' | 'value';
}

/** What a rule reported, with everything but positions and rendered text. */
export interface RawFinding extends DocumentPlace {
  rule: Rule;
  messageId: string;
  severity: Severity;
  data: Record<string, string | number>;
  related: Array<DocumentPlace & { label: string }>;
  /** The JSON location anchored on the enclosing entity's id, for fingerprints. */
  anchor: string;
  fingerprintValue: string | undefined;
  /** For findings that have no pointer (syntax errors): character offsets into the text. */
  offsets?: { start: number; end: number };
}

/** A rule that threw, or reported something impossible; the run goes on and exits 2. */
export interface RuleFailure {
  ruleId: string;
  filePath: string;
  message: string;
}

/** Fill `{name}` placeholders; a placeholder without data is a rule defect. */
export function renderMessage(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(data, name)) throw new Error(`message placeholder {${name}} has no data`);
    return String(data[name]);
  });
}
