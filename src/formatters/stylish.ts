import path from 'node:path';
import kleur from 'kleur';
import type { Formatter, LintMessage } from './lint-result.js';
import { terminalSafeLine } from './terminal-safe-text.js';

const LEVEL_WORDS = { error: 'error', warn: 'warning', info: 'info' } as const;

/**
 * Human output, grouped by file: `path:line:col  severity  message  rule-id`. The position is in
 * the form terminals and editors turn into a link; every string from the linted files is escaped.
 */
const stylish: Formatter = (results, context) => {
  const colors = kleur;
  colors.enabled = context.color;
  let output = '';
  const totals = { error: 0, warn: 0, info: 0 };
  for (const result of results) {
    if (result.messages.length === 0) continue;
    const displayPath = terminalSafeLine(toDisplayPath(result.filePath, context.cwd));
    output += `\n${colors.underline(displayPath)}\n`;
    const rows = result.messages.map((message) => ({
      message,
      where: `${displayPath}:${message.line}:${message.column}`,
      level: LEVEL_WORDS[message.level],
    }));
    // A loop, not Math.max(...): a file may have hundreds of thousands of findings.
    let whereWidth = 0;
    let levelWidth = 0;
    for (const row of rows) {
      whereWidth = Math.max(whereWidth, row.where.length);
      levelWidth = Math.max(levelWidth, row.level.length);
    }
    for (const { message, where, level } of rows) {
      totals[message.level]++;
      const paint = message.level === 'error' ? colors.red : message.level === 'warn' ? colors.yellow : colors.blue;
      output += `  ${colors.dim(where.padEnd(whereWidth))}  ${paint(level.padEnd(levelWidth))}  ${terminalSafeLine(message.message)}  ${colors.dim(message.ruleId)}\n`;
      for (const related of relatedLines(message, context.cwd)) output += `  ${' '.repeat(whereWidth)}  ${' '.repeat(levelWidth)}  ${colors.dim(related)}\n`;
    }
  }
  const problems = totals.error + totals.warn + totals.info;
  if (problems === 0) return '';
  const summary = `${problems} problem${problems === 1 ? '' : 's'} (${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warn} warning${totals.warn === 1 ? '' : 's'}, ${totals.info} info)`;
  const mark = totals.error > 0 ? colors.red().bold(`✖ ${summary}`) : totals.warn > 0 ? colors.yellow().bold(`⚠ ${summary}`) : colors.blue().bold(`ℹ ${summary}`);
  output += `\n${mark}\n`;
  if (context.maxWarningsExceeded) {
    const { maxWarnings, foundWarnings } = context.maxWarningsExceeded;
    output += colors.red().bold(`\nbatchlint found too many warnings (maximum: ${maxWarnings}, found: ${foundWarnings}).\n`);
  }
  return output;
};

function relatedLines(message: LintMessage, cwd: string): string[] {
  return (message.relatedLocations ?? []).map(
    (related) => `↳ ${terminalSafeLine(related.message)}: ${terminalSafeLine(toDisplayPath(related.filePath, cwd))}:${related.line}:${related.column}`,
  );
}

function toDisplayPath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) return filePath;
  const relative = path.relative(cwd, filePath);
  return (relative.startsWith('..') ? filePath : relative).split(path.sep).join('/');
}

export { stylish };
export default stylish;
