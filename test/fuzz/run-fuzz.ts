/**
 * The long fuzz run: `npm run fuzz -- 100000 [max-seconds]`. Unlike the short run in `npm test`,
 * it does not stop at the first failure: it collects distinct failures (by their reason), saves
 * each failing input under the temp directory, and prints the rate as it goes. Exit 1 on any failure.
 * BATCHLINT_FUZZ_SEED repeats a run.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { caseBytes, checkPipeline, createWorkspace, fuzzCase, loadSeedTexts } from './fuzz-pipeline.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const iterations = Number(process.argv[2] ?? 10_000);
const maxSeconds = process.argv[3] === undefined ? Infinity : Number(process.argv[3]);
if (!Number.isInteger(iterations) || iterations < 1 || Number.isNaN(maxSeconds)) {
  process.stderr.write('usage: run-fuzz.js ITERATIONS [MAX_SECONDS]\n');
  process.exit(2);
}
const seed = Number(process.env.BATCHLINT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const seeds = loadSeedTexts(projectRoot);
const arbitrary = fuzzCase(seeds.length);
const failureDirectory = path.join(os.tmpdir(), `batchlint-fuzz-failures-${seed}`);
const workspace = createWorkspace();
const failures = new Map<string, { count: number; file: string }>();
const BATCH = 500;

process.stdout.write(`fuzzing ${iterations} cases, seed ${seed}, ${seeds.length} seed files\n`);
const started = performance.now();
let done = 0;
try {
  for (let batch = 0; done < iterations; batch++) {
    const cases = fc.sample(arbitrary, { numRuns: Math.min(BATCH, iterations - done), seed: seed + batch });
    for (const fuzz of cases) {
      const bytes = caseBytes(fuzz, seeds);
      try {
        await checkPipeline(bytes, fuzz.siblingJob, workspace);
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
        // Positions and offsets vary between inputs that hit the same bug: group without them.
        const signature = reason.replace(/\d+/g, 'N').slice(0, 300);
        const known = failures.get(signature);
        if (known) {
          known.count++;
        } else {
          fs.mkdirSync(failureDirectory, { recursive: true });
          const file = path.join(failureDirectory, `failure-${failures.size + 1}.json`);
          fs.writeFileSync(file, bytes);
          if (fuzz.siblingJob !== undefined) fs.writeFileSync(file.replace(/\.json$/, '.job.json'), fuzz.siblingJob);
          failures.set(signature, { count: 1, file });
          process.stdout.write(`FAILURE ${failures.size}: ${reason}\n  input: ${file}\n`);
        }
      }
      done++;
      if (done % 1000 === 0) {
        const seconds = (performance.now() - started) / 1000;
        process.stdout.write(`${done} cases, ${seconds.toFixed(0)} s, ${(done / seconds).toFixed(0)} cases/s, ${failures.size} distinct failures\n`);
      }
      if ((performance.now() - started) / 1000 >= maxSeconds) break;
    }
    if ((performance.now() - started) / 1000 >= maxSeconds) break;
  }
} finally {
  workspace.remove();
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`done: ${done} cases in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(1)} cases/s), seed ${seed}\n`);
for (const [signature, { count, file }] of failures) process.stdout.write(`  ${count}× ${signature}\n     e.g. ${file}\n`);
process.exitCode = failures.size > 0 ? 1 : 0;
