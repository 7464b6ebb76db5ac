#!/usr/bin/env node
import fs from 'node:fs';

/**
 * `npm run build` bundles the CLI into dist/bundle/ (scripts/bundle-cli.mjs): resolving ~230
 * separate modules cost more start-up than linting a file. The bundle is used only when it is at
 * least as new as tsc's output, so a plain `tsc` never runs a stale bundle: it runs the modules.
 */
function entryUrl(): string {
  const bundled = new URL('../bundle/cli.js', import.meta.url);
  try {
    if (fs.statSync(bundled).mtimeMs >= fs.statSync(new URL('./cli.js', import.meta.url)).mtimeMs) return bundled.href;
  } catch {
    // No bundle (tsc only): the modules.
  }
  return new URL('./cli.js', import.meta.url).href;
}

const { main } = (await import(entryUrl())) as typeof import('./cli.js');
process.exitCode = await main(process.argv.slice(2));
