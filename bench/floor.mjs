#!/usr/bin/env node
// The floor for any linter of these files: read every .json file under the given paths and
// JSON.parse it, nothing else. `npm run bench` divides batchlint's time and memory by this
// process's, measured on the same files in the same invocation.
//
//   node bench/floor.mjs PATH...      (files, or folders walked in sorted order)
//
// Prints one line, "<files> files, <bytes> bytes", so a caller can check that it read what it
// was meant to read. A file that cannot be read or parsed stops the run with exit code 2.

import fs from 'node:fs';
import path from 'node:path';

function jsonFilesUnder(root) {
  const found = [];
  const pending = [root];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!fs.statSync(current).isDirectory()) {
      found.push(current);
      continue;
    }
    const names = fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const folders = [];
    for (const entry of names) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) folders.push(full);
      else if (entry.isFile() && entry.name.endsWith('.json')) found.push(full);
    }
    // Popped last-in first-out, so push in reverse to visit folders in sorted order.
    for (let k = folders.length - 1; k >= 0; k--) pending.push(folders[k]);
  }
  return found;
}

const roots = process.argv.slice(2);
if (roots.length === 0) {
  console.error('usage: node bench/floor.mjs PATH...');
  process.exit(2);
}
let files = 0;
let bytes = 0;
try {
  for (const root of roots) {
    for (const file of jsonFilesUnder(root)) {
      const content = fs.readFileSync(file);
      JSON.parse(content.toString('utf8'));
      files++;
      bytes += content.length;
    }
  }
} catch (error) {
  console.error(`floor: ${error.message}`);
  process.exit(2);
}
console.log(`${files} files, ${bytes} bytes`);
