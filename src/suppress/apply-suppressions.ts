import type { Suppression } from '../config/resolve-config.js';
import type { LintMessage } from '../formatters/lint-result.js';
import type { EntityRef } from '../engine/rule-types.js';

export interface SuppressionTarget {
  absolutePath: string;
  filePath: string;
  entities: readonly EntityRef[];
}

/**
 * Split messages into kept and suppressed by the config's `suppressions`: each entry names files
 * and optionally rules, a JSON Pointer prefix or a task id (ignoring case), with a reason. An entry
 * past its `expires` date suppresses nothing, so the finding returns.
 */
export function applySuppressions(
  messages: LintMessage[],
  document: SuppressionTarget,
  suppressions: readonly Suppression[],
  today: string,
): { kept: LintMessage[]; suppressed: LintMessage[] } {
  const active = suppressions.filter(
    (entry) => (entry.expires === undefined || entry.expires >= today) && entry.matcher.matches(document.filePath, document.absolutePath),
  );
  if (active.length === 0) return { kept: messages, suppressed: [] };
  const kept: LintMessage[] = [];
  const suppressed: LintMessage[] = [];
  for (const message of messages) {
    const hit = active.some((entry) => {
      if (entry.rules && !entry.rules.has(message.ruleId)) return false;
      if (entry.pointer !== undefined && !isWithin(message.pointer, entry.pointer)) return false;
      if (entry.taskId !== undefined) {
        const wanted = entry.taskId.toLowerCase();
        const owner = document.entities.find((entity) => entity.id?.toLowerCase() === wanted && isWithin(message.pointer, entity.pointer));
        if (!owner) return false;
      }
      return true;
    });
    (hit ? suppressed : kept).push(message);
  }
  return { kept, suppressed };
}

function isWithin(pointer: string, prefix: string): boolean {
  return pointer === prefix || pointer.startsWith(prefix + '/') || prefix === '';
}
