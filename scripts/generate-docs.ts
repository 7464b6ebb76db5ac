// `npm run docs`: writes docs/rules/<id>.md for every built-in rule and docs/configuration.md,
// removes pages of rules that no longer exist, and refreshes the README rule table between its
// markers. docs.test.ts fails when the committed files differ from what this would write.
import fs from 'node:fs';
import path from 'node:path';
import { builtInRules } from '../rules/index.js';
import { configurationDocPath, renderConfigurationDoc } from './configuration-doc.js';
import { projectRoot, renderRuleDocs, renderRulesTable, ruleDocsFolder, withRulesTable, RULES_TABLE_END, RULES_TABLE_START } from './rule-docs.js';

const pages = await renderRuleDocs(builtInRules);
const docsFolder = path.join(projectRoot, ruleDocsFolder);
fs.mkdirSync(docsFolder, { recursive: true });

let written = 0;
for (const [relativePath, text] of pages) {
  const target = path.join(projectRoot, relativePath);
  if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
  fs.writeFileSync(target, text);
  written++;
}
let removed = 0;
for (const name of fs.readdirSync(docsFolder).sort()) {
  if (!name.endsWith('.md') || pages.has(`${ruleDocsFolder}/${name}`)) continue;
  fs.rmSync(path.join(docsFolder, name));
  removed++;
}

const configurationPath = path.join(projectRoot, configurationDocPath);
const configuration = renderConfigurationDoc(builtInRules);
if (!fs.existsSync(configurationPath) || fs.readFileSync(configurationPath, 'utf8') !== configuration) {
  fs.writeFileSync(configurationPath, configuration);
  written++;
}

const readmePath = path.join(projectRoot, 'README.md');
let readmeNote = 'README.md not found: rule table not written';
if (fs.existsSync(readmePath)) {
  const readme = fs.readFileSync(readmePath, 'utf8');
  const updated = withRulesTable(readme, renderRulesTable(builtInRules));
  if (updated === undefined) readmeNote = `README.md has no ${RULES_TABLE_START} … ${RULES_TABLE_END} markers: rule table not written`;
  else if (updated === readme) readmeNote = 'README.md rule table unchanged';
  else {
    fs.writeFileSync(readmePath, updated);
    readmeNote = 'README.md rule table updated';
  }
}
console.log(`${pages.size} rule pages and ${configurationDocPath} (${written} written, ${removed} removed); ${readmeNote}`);
