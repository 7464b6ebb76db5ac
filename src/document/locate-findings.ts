import type { RawFinding } from '../engine/finding.js';
import { renderMessage } from '../engine/finding.js';
import type { LintMessage, RelatedLocation } from '../formatters/lint-result.js';
import { computeFingerprint } from '../formatters/fingerprint.js';
import { LineIndex } from './line-index.js';
import { locateSpans } from './locate-spans.js';
import type { JsonSpan } from './json-scanner.js';
import { resolvePointer } from './json-pointer.js';

/** What locating needs of a document: its text, value and display path. */
export interface LocatableDocument {
  filePath: string;
  absolutePath: string;
  text: string;
  value: unknown;
}

interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Turn raw findings into ESLint-shaped messages: positions, rendered text and fingerprints. Only
 * documents that have findings are scanned, and only for the pointers they need.
 */
export function locateFindings(findings: readonly RawFinding[], documents: readonly LocatableDocument[]): Map<number, LintMessage[]> {
  const pointersByDocument = new Map<number, Set<string>>();
  const want = (documentIndex: number, pointer: string) => {
    let set = pointersByDocument.get(documentIndex);
    if (!set) pointersByDocument.set(documentIndex, (set = new Set()));
    set.add(pointer);
  };
  for (const finding of findings) {
    if (!finding.offsets) want(finding.documentIndex, finding.pointer);
    for (const related of finding.related) want(related.documentIndex, related.pointer);
  }
  const located = new Map<number, { spans: Map<string, JsonSpan>; lines: LineIndex }>();
  const locator = (documentIndex: number) => {
    let entry = located.get(documentIndex);
    if (!entry) {
      const document = documents[documentIndex]!;
      entry = {
        spans: locateSpans(document.text, [...(pointersByDocument.get(documentIndex) ?? [])]),
        lines: new LineIndex(document.text),
      };
      located.set(documentIndex, entry);
    }
    return entry;
  };
  const rangeOf = (documentIndex: number, pointer: string, target: 'key' | 'value'): Range => {
    const { spans, lines } = locator(documentIndex);
    const span = spans.get(pointer);
    if (!span) return toRange(lines, 0, 0);
    const text = documents[documentIndex]!.text;
    if (span.keyStart !== undefined && span.keyEnd !== undefined) {
      const opener = text.charCodeAt(span.valueStart);
      const isContainer = opener === 0x7b || opener === 0x5b;
      if (target === 'key' || isContainer) return toRange(lines, span.keyStart, span.keyEnd);
    } else if (text.charCodeAt(span.valueStart) === 0x7b || text.charCodeAt(span.valueStart) === 0x5b) {
      // A whole container has no tight region of its own: point at its opening bracket.
      return toRange(lines, span.valueStart, span.valueStart + 1);
    }
    return toRange(lines, span.valueStart, span.valueEnd);
  };

  const messages = new Map<number, LintMessage[]>();
  for (const finding of findings) {
    const document = documents[finding.documentIndex]!;
    const range = finding.offsets
      ? toRange(locator(finding.documentIndex).lines, finding.offsets.start, offsetRegionEnd(document.text, finding.offsets), document.text.length)
      : rangeOf(finding.documentIndex, finding.pointer, finding.target);
    const relatedLocations: RelatedLocation[] = finding.related.map((related) => ({
      filePath: documents[related.documentIndex]!.absolutePath,
      ...rangeOf(related.documentIndex, related.pointer, related.target),
      pointer: related.pointer,
      message: related.label,
    }));
    const message: LintMessage = {
      ruleId: finding.rule.id,
      severity: finding.severity === 'error' ? 2 : 1,
      level: finding.severity,
      message: renderMessage(finding.rule.messages[finding.messageId]!, finding.data),
      messageId: finding.messageId,
      ...range,
      pointer: finding.pointer,
      fingerprint: computeFingerprint({
        ruleId: finding.rule.id,
        filePath: document.filePath,
        anchor: finding.anchor,
        value: finding.fingerprintValue ?? normalisedValue(document.value, finding.pointer),
      }),
      ...(relatedLocations.length > 0 && { relatedLocations }),
      ...(finding.offsets && finding.rule.id === 'json-syntax' && { fatal: true }),
    };
    const list = messages.get(finding.documentIndex) ?? [];
    list.push(message);
    messages.set(finding.documentIndex, list);
  }
  return messages;
}

/**
 * Where an offset-based region ends: at least one character wide so editors can show it, but never
 * past a line break, which would put the end column beyond its line.
 */
function offsetRegionEnd(text: string, offsets: { start: number; end: number }): number {
  const end = Math.max(offsets.end, offsets.start + 1);
  for (let offset = offsets.start; offset < end && offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 0x0a || code === 0x0d) return offset;
  }
  return end;
}

function toRange(lines: LineIndex, start: number, end: number, textLength = Infinity): Range {
  const from = lines.position(start);
  const to = lines.position(Math.min(end, textLength));
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** Scalars as text, containers as nothing: formatting and key order never change a fingerprint. */
function normalisedValue(root: unknown, pointer: string): string {
  const value = resolvePointer(root, pointer);
  if (value === null || typeof value !== 'object') return value === undefined ? '' : String(value);
  return '';
}
