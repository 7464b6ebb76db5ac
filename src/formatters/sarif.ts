import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule, Severity } from '../engine/rule-types.js';
import type { Formatter, FormatterContext, LintMessage, LintResult, RelatedLocation } from './lint-result.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'batchlint';
/** GitHub stores at most this many results per run and rejects the upload beyond it. */
export const MAX_RESULTS_PER_RUN = 25_000;
/** GitHub's limit for shortDescription and fullDescription. */
const MAX_DESCRIPTION_LENGTH = 1024;
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const SARIF_LEVEL: Record<Severity, SarifLevel> = { error: 'error', warn: 'warning', info: 'note' };
const PROBLEM_SEVERITY: Record<Severity, 'error' | 'warning' | 'recommendation'> = {
  error: 'error',
  warn: 'warning',
  info: 'recommendation',
};
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warn: 1, info: 2 };

interface RuleEntry {
  id: string;
  severity: Severity;
  rule?: Rule;
}

interface Finding {
  result: LintResult;
  message: LintMessage;
}

const sarif: Formatter = (results, context) => JSON.stringify(buildSarifLog(results, context), null, 2) + '\n';

export { sarif };
export default sarif;

export function buildSarifLog(results: readonly LintResult[], context: FormatterContext): object {
  const findings: Finding[] = [];
  for (const result of results) {
    for (const message of result.messages) findings.push({ result, message });
  }
  const kept = keepMostSevere(findings, MAX_RESULTS_PER_RUN);
  const droppedCount = findings.length - kept.length;

  const ruleEntries = collectRuleEntries(kept, context);
  const ruleIndexById = new Map(ruleEntries.map((entry, index) => [entry.id, index]));

  const invocation: Record<string, unknown> = { executionSuccessful: context.batchlint.executionSuccessful };
  if (droppedCount > 0) {
    invocation.toolExecutionNotifications = [
      {
        level: 'warning',
        message: {
          text:
            `${droppedCount} of ${findings.length} results were left out: GitHub code scanning accepts at most ` +
            `${MAX_RESULTS_PER_RUN} results per run, so the most severe ones were kept.`,
        },
      },
    ];
  }

  const run: Record<string, unknown> = {
    tool: { driver: buildDriver(ruleEntries, context) },
  };
  const automationId = automationDetailsId(context.batchlint.sarifCategory);
  if (automationId !== undefined) run.automationDetails = { id: automationId };
  run.invocations = [invocation];
  run.columnKind = 'utf16CodeUnits';
  run.results = kept.map((finding) => buildResult(finding, ruleIndexById, context));
  if (droppedCount > 0) {
    run.properties = { resultLimit: MAX_RESULTS_PER_RUN, droppedResultCount: droppedCount };
  }

  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/**
 * GitHub reads `automationDetails.id` as "category/run-id": whatever follows the last slash is a
 * run id, not part of the category. `--sarif-category` names a category, so it always gets a
 * trailing slash, the same thing the upload-sarif action does with its `category` input;
 * otherwise "tasks/linux" would silently become category "tasks" and collide with another upload.
 */
export function automationDetailsId(category: string | undefined): string | undefined {
  const trimmed = category?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** Errors first, then warnings, then notes; within a level the original (file, position) order. */
function keepMostSevere(findings: Finding[], limit: number): Finding[] {
  if (findings.length <= limit) return findings;
  const ranked = findings
    .map((finding, order) => ({ finding, order }))
    .sort((a, b) => SEVERITY_RANK[a.finding.message.level] - SEVERITY_RANK[b.finding.message.level] || a.order - b.order)
    .slice(0, limit)
    .sort((a, b) => a.order - b.order);
  return ranked.map(({ finding }) => finding);
}

function collectRuleEntries(findings: readonly Finding[], context: FormatterContext): RuleEntry[] {
  const entries = new Map<string, RuleEntry>();
  for (const { rule, severity } of context.batchlint.rules) entries.set(rule.id, { id: rule.id, severity, rule });
  // A result whose rule is not in the enabled list (a plugin's, or an internal failure) still
  // needs a descriptor: GitHub resolves ruleIndex against this array.
  for (const { message } of findings) {
    if (!entries.has(message.ruleId)) entries.set(message.ruleId, { id: message.ruleId, severity: message.level });
  }
  return [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function buildDriver(ruleEntries: readonly RuleEntry[], context: FormatterContext): object {
  const driver: Record<string, unknown> = { name: TOOL_NAME, semanticVersion: context.batchlint.version };
  const informationUri = informationUriFrom(context.batchlint.docsUrl(''));
  if (informationUri !== undefined) driver.informationUri = informationUri;
  driver.rules = ruleEntries.map((entry) => buildRuleDescriptor(entry, context));
  return driver;
}

/**
 * The tool's home: the docs URL for no rule in particular. When that URL is a rule page with the
 * id left empty (`…/rules/.md`), its directory is the index of every rule instead.
 */
export function informationUriFrom(noRuleDocsUrl: string): string | undefined {
  const cut = noRuleDocsUrl.lastIndexOf('/');
  const lastSegment = noRuleDocsUrl.slice(cut + 1);
  const candidate = lastSegment === '' || lastSegment.startsWith('.') ? noRuleDocsUrl.slice(0, cut + 1) : noRuleDocsUrl;
  return URL.canParse(candidate) && /^https?:/.test(candidate) ? candidate : undefined;
}

function buildRuleDescriptor(entry: RuleEntry, context: FormatterContext): object {
  const helpUri = context.batchlint.docsUrl(entry.id);
  const level = SARIF_LEVEL[entry.severity];
  const problemSeverity = PROBLEM_SEVERITY[entry.severity];
  if (entry.rule === undefined) {
    const meta = context.rulesMeta[entry.id];
    const description = meta?.docs.description || entry.id;
    const text = truncateOnWordBoundary(markdownToPlainText(description), MAX_DESCRIPTION_LENGTH);
    return {
      id: entry.id,
      name: pascalCase(entry.id),
      shortDescription: { text },
      fullDescription: { text },
      help: { text, markdown: description },
      helpUri: meta?.docs.url || helpUri,
      defaultConfiguration: { level },
      properties: { tags: [], precision: 'high', 'problem.severity': problemSeverity },
    };
  }
  const rule = entry.rule;
  const isSecurityRule = rule.category === 'security' || rule.securitySeverity !== undefined;
  const tags = isSecurityRule && rule.category !== 'security' ? [rule.category, 'security'] : [rule.category];
  const properties: Record<string, unknown> = {
    tags,
    precision: rule.precision ?? 'high',
    'problem.severity': problemSeverity,
  };
  if (rule.securitySeverity !== undefined) properties['security-severity'] = rule.securitySeverity;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: truncateOnWordBoundary(markdownToPlainText(rule.summary), MAX_DESCRIPTION_LENGTH) },
    fullDescription: { text: truncateOnWordBoundary(markdownToPlainText(rule.rationale), MAX_DESCRIPTION_LENGTH) },
    help: {
      text: [rule.summary, rule.rationale, `How to fix: ${rule.howToFix}`].map(markdownToPlainText).join('\n\n'),
      markdown: `${rule.summary}\n\n## Why\n\n${rule.rationale.trim()}\n\n## How to fix\n\n${rule.howToFix.trim()}\n\n[Rule documentation](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level },
    properties,
  };
}

export function pascalCase(ruleId: string): string {
  return ruleId
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

function buildResult(finding: Finding, ruleIndexById: ReadonlyMap<string, number>, context: FormatterContext): object {
  const { message, result } = finding;
  const related = message.relatedLocations ?? [];
  const sarifResult: Record<string, unknown> = {
    ruleId: message.ruleId,
    ruleIndex: ruleIndexById.get(message.ruleId),
    level: SARIF_LEVEL[message.level],
    message: { text: messageTextWithRelatedLinks(message.message, related) },
    locations: [{ physicalLocation: physicalLocation(result.filePath, message, context) }],
  };
  if (related.length > 0) {
    sarifResult.relatedLocations = related.map((location, index) => ({
      id: index + 1,
      physicalLocation: physicalLocation(location.filePath, location, context),
      message: { text: location.message },
    }));
  }
  sarifResult.partialFingerprints = { primaryLocationLineHash: message.fingerprint };
  return sarifResult;
}

/**
 * GitHub shows related locations only when the message links to them, as `[label](id)`. Text
 * quoted from the task file that happens to look like such a link is escaped so it cannot pose
 * as one; other brackets (template expressions such as `[parameters('x')]`) stay readable.
 */
function messageTextWithRelatedLinks(text: string, related: readonly RelatedLocation[]): string {
  if (related.length === 0) return escapeLinkLookalikes(text);
  const links = related.map((location, index) => `[${escapeLinkLookalikes(location.message)}](${index + 1})`);
  return `${escapeLinkLookalikes(text)} (${links.join(', ')})`;
}

function escapeLinkLookalikes(text: string): string {
  return text.replace(/\[([^[\]]*)\]\((\d+)\)/g, '\\[$1\\]($2)');
}

interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function physicalLocation(filePath: string, span: Span, context: FormatterContext): object {
  return { artifactLocation: artifactLocation(filePath, context), region: region(span) };
}

function region(span: Span): object {
  const startLine = Math.max(1, span.line);
  const startColumn = Math.max(1, span.column);
  const region: Record<string, number> = { startLine, startColumn };
  // A fatal message may carry no end; SARIF then reads the region as the start position alone.
  if (Number.isInteger(span.endLine) && span.endLine >= startLine) {
    region.endLine = span.endLine;
    if (Number.isInteger(span.endColumn) && (span.endLine > startLine || span.endColumn >= startColumn)) {
      region.endColumn = span.endColumn;
    }
  }
  return region;
}

/**
 * Repository-relative and forward slashes, so the alert lands on the same file in every run and
 * on every runner. A file outside the repository cannot be expressed that way and keeps an
 * absolute file URI instead.
 */
export function artifactLocation(filePath: string, context: FormatterContext): object {
  const absolutePath = path.resolve(context.cwd, filePath);
  const relativePath = path.relative(context.batchlint.repositoryRoot, absolutePath);
  if (relativePath === '' || relativePath.startsWith('..') || path.isAbsolute(relativePath)) {
    return { uri: pathToFileURL(absolutePath).href };
  }
  return { uri: encodeRelativeUri(relativePath.split(path.sep).join('/')), uriBaseId: SOURCE_ROOT };
}

/** RFC 3986 path segments: everything outside the unreserved set is percent-encoded, `/` is kept. */
export function encodeRelativeUri(relativePath: string): string {
  return relativePath
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/**
 * Rule prose is written in Markdown for the docs pages; SARIF's `text` fields are plain text
 * that GitHub shows verbatim. Line-based on purpose: the input is rule metadata, not a document
 * that needs a full CommonMark parser.
 */
export function markdownToPlainText(markdown: string): string {
  const lines: string[] = [];
  let isInFence = false;
  let continuesPreviousLine = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      isInFence = !isInFence;
      continuesPreviousLine = false;
      continue;
    }
    if (isInFence) {
      lines.push(line);
      continue;
    }
    const trimmed = line.trim().replace(/^(>\s?)+/, '');
    if (trimmed === '' || /^([-*_]\s*){3,}$/.test(trimmed)) {
      if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
      continuesPreviousLine = false;
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)(\s+#+)?$/.exec(trimmed);
    const listItem = /^([-*+]|\d+[.)])\s+(.*)$/.exec(trimmed);
    if (heading) {
      lines.push(inlineMarkdownToPlainText(heading[1] ?? ''));
      continuesPreviousLine = false;
    } else if (listItem) {
      const marker = /\d/.test(listItem[1] ?? '') ? listItem[1] : '-';
      lines.push(`${marker} ${inlineMarkdownToPlainText(listItem[2] ?? '')}`);
      continuesPreviousLine = true;
    } else if (continuesPreviousLine) {
      // A soft line break inside a paragraph is a space once rendered.
      lines[lines.length - 1] += ` ${inlineMarkdownToPlainText(trimmed)}`;
    } else {
      lines.push(inlineMarkdownToPlainText(trimmed));
      continuesPreviousLine = true;
    }
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g;

function inlineMarkdownToPlainText(text: string): string {
  // Code spans are kept verbatim: `AZ_BATCH_NODE_ROOT_DIR` must not lose its underscores.
  let plain = '';
  let offset = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    plain += stripInlineMarkup(text.slice(offset, match.index)) + (match[2] ?? '').trim();
    offset = match.index + match[0].length;
  }
  return plain + stripInlineMarkup(text.slice(offset));
}

/** Backslash-escaped punctuation is parked in the private-use area so no pattern below sees it. */
const ESCAPE_PARKING = 0xe000;

function stripInlineMarkup(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, (_, character: string) => String.fromCharCode(ESCAPE_PARKING + character.charCodeAt(0)))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_, label: string, url: string) =>
      label === url ? url : `${label} (${url})`,
    )
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/[\ue021-\ue07e]/g, (parked) => String.fromCharCode(parked.charCodeAt(0) - ESCAPE_PARKING));
}

const ELLIPSIS = '…';

/** At most `maxLength` UTF-16 code units, cut between words and marked with an ellipsis. */
export function truncateOnWordBoundary(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const budget = maxLength - ELLIPSIS.length;
  let boundary = -1;
  for (let index = budget; index > budget / 2; index -= 1) {
    if (/\s/.test(text[index] ?? '')) {
      boundary = index;
      break;
    }
  }
  let head = text.slice(0, boundary >= 0 ? boundary : budget);
  // Never leave half of a surrogate pair behind when there was no space to cut at.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return head.replace(/[\s,;:.]+$/, '') + ELLIPSIS;
}
