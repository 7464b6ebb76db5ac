import { builtInRules } from '../../rules/index.js';
import { docsUrl } from '../package-info.js';
import type { CliOptions } from './parse-arguments.js';

/** `--list-rules`: id, default severity, category, recommended mark and summary, one rule a line. */
export async function listRules(_cwd: string, _options: CliOptions): Promise<string> {
  const rows = builtInRules.map((rule) => [rule.id, rule.defaultSeverity, rule.category, rule.recommended ? 'recommended' : '', rule.summary]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd());
  return `${lines.join('\n')}\n\n${builtInRules.length} rules. Docs: ${docsUrl('{rule-id}')}\n`;
}
