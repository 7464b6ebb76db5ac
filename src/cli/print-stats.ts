/** `--stats`: where the time went, per pipeline stage and per rule (slowest first). */
export function formatStats(stats: { stages: Record<string, number>; rules: Map<string, number> }): string {
  const lines = ['batchlint --stats (milliseconds)', 'stage             time'];
  for (const [stage, time] of Object.entries(stats.stages)) lines.push(`  ${stage.padEnd(16)}${time.toFixed(1).padStart(8)}`);
  lines.push('rule                                      time');
  const rules = [...stats.rules].sort((a, b) => b[1] - a[1]);
  for (const [ruleId, time] of rules) lines.push(`  ${ruleId.padEnd(40)}${time.toFixed(1).padStart(8)}`);
  return `${lines.join('\n')}\n`;
}
