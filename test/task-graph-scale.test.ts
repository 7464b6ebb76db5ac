import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../src/lint.js';

const TASKS = 100_000;

/**
 * A job of 100,000 tasks where every tenth task depends on all earlier tasks through one wide range,
 * others on long taskIds lists, with one planted cycle and one dependency on a missing task.
 */
function buildCollection(): string {
  const tasks: object[] = [];
  for (let index = 0; index < TASKS; index++) {
    const task: Record<string, unknown> = { id: String(index), commandLine: `/bin/sh -c 'step ${index}'` };
    if (index > 0 && index % 10 === 0) task.dependsOn = { taskIdRanges: [{ start: 0, end: index - 1 }] };
    else if (index > 50 && index % 7 === 0) task.dependsOn = { taskIds: Array.from({ length: 40 }, (_, k) => String(index - 1 - k)) };
    tasks.push(task);
  }
  // Planted: 5 waits for 99990, and 99990's range covers 5 (a cycle through a range edge);
  // 6 waits for a task that does not exist.
  (tasks[5] as Record<string, unknown>).dependsOn = { taskIds: ['99990'] };
  (tasks[6] as Record<string, unknown>).dependsOn = { taskIds: ['no-such-task'] };
  return JSON.stringify({ value: tasks });
}

describe('dependency graph at scale', () => {
  it('lints a 100,000-task job with wide ranges and finds exactly the planted cycle and missing task', async (t) => {
    const text = buildCollection();
    const started = performance.now();
    const run = await lint({
      cwd: process.cwd(),
      stdin: { text, filePath: 'big-job/tasks.json' },
      config: {
        content: { extends: [], rules: { 'depends-on-cycle': 'error', 'depends-on-unknown-task': 'warn', 'depends-on-range-empty': 'warn', 'task-id-duplicate': 'error' } },
        directory: process.cwd(),
      },
    });
    const elapsed = performance.now() - started;
    t.diagnostic(`100,000 tasks: ${Math.round(elapsed)} ms, heap used ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
    assert.deepEqual(run.failures, []);
    const messages = run.results.flatMap((result) => result.messages).map((message) => `${message.ruleId} ${message.pointer}`);
    assert.deepEqual(messages.sort(), [
      'depends-on-cycle /value/5/dependsOn',
      'depends-on-unknown-task /value/6/dependsOn/taskIds/0',
    ]);
    const cycle = run.results[0]!.messages.find((message) => message.ruleId === 'depends-on-cycle')!;
    assert.match(cycle.message, /"5" → "99990" → "5"/);
  });
});
