// Preloaded with `node --require` by run-bench.mjs when GNU time is not available: on exit,
// writes "<peak resident set KiB> <user CPU s> <system CPU s>" (getrusage of this process, the
// same figures and layout as GNU time -f '%M %U %S') to the file named by BENCH_MAX_RSS_FILE.
// Worker threads share the process, so their memory and CPU time are included.
'use strict';

const fs = require('node:fs');

const reportFile = process.env.BENCH_MAX_RSS_FILE;
// Child processes of the measured one must not overwrite the report with their own figure.
delete process.env.BENCH_MAX_RSS_FILE;
if (reportFile) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(reportFile, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
  });
}
