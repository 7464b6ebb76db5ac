import path from 'node:path';
import type { Severity } from '../engine/rule-types.js';
import type { Formatter, LintMessage } from './lint-result.js';
import { logCommandSafe } from './terminal-safe-text.js';

/**
 * GitHub Actions workflow commands: each line becomes an annotation on the pull request diff.
 * Annotations go through the log rather than the Checks API, so they cannot fail on rate limits.
 */

const COMMAND: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'notice' };

const github: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = path.relative(context.cwd, path.resolve(context.cwd, result.filePath)).split(path.sep).join('/');
    for (const message of result.messages) {
      lines.push(workflowCommand(message, file, context.batchlint.docsUrl(message.ruleId)));
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

export { github };
export default github;

function workflowCommand(message: LintMessage, file: string, docsUrl: string): string {
  const properties: Array<[string, string | number]> = [['file', file]];
  // A message without a position (an unreadable file) annotates the file as a whole.
  if (message.line >= 1) {
    properties.push(['line', message.line], ['col', message.column]);
    if (message.endLine >= message.line) properties.push(['endLine', message.endLine], ['endColumn', message.endColumn]);
  }
  properties.push(['title', message.ruleId]);
  const renderedProperties = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  // The message comes first: an annotation shows it in full, the link is for the curious.
  const text = docsUrl === '' ? message.message : `${message.message}\nDocs: ${docsUrl}`;
  return `::${COMMAND[message.level]} ${renderedProperties}::${escapeData(text)}`;
}

/**
 * Control characters quoted from a linted file must not reach the log raw: an ESC could recolour
 * or rewrite what the reader sees, and bidirectional overrides could reorder it. Line breaks are
 * left to the workflow-command escaping, which turns them into annotation line breaks. The set is
 * the terminal formatters' (terminal-safe-text.ts), so every output neutralises the same characters.
 */
export function neutraliseControlCharacters(text: string): string {
  return logCommandSafe(text);
}

export function escapeData(text: string): string {
  return neutraliseControlCharacters(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
