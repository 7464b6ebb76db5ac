import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_NOW, lintRuleExample } from '../../src/engine/lint-rule-example.js';
import type { Rule } from '../../src/engine/rule-types.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const fixturesRoot = path.join(projectRoot, 'fixtures');
/** The lint clock of every fixture unless its config says otherwise: SAS expiry must not depend on the day tests run. */
export const FIXTURE_NOW = EXAMPLE_NOW;

export interface FixtureCase {
  ruleId: string;
  name: string;
  kind: 'valid' | 'invalid';
  /** The case file, or the case folder for multi-file cases. */
  inputPath: string;
  isFolder: boolean;
  expectedPath: string;
  configPath: string;
}

/** Every case of every fixture folder, with the harness's structural checks as failures. */
export function collectFixtureCases(rules: readonly Rule[]): { cases: FixtureCase[]; problems: string[] } {
  const known = new Set(rules.map((rule) => rule.id));
  const cases: FixtureCase[] = [];
  const problems: string[] = [];
  for (const ruleId of fs.readdirSync(fixturesRoot).sort()) {
    const folder = path.join(fixturesRoot, ruleId);
    if (!fs.statSync(folder).isDirectory()) continue;
    if (!known.has(ruleId)) problems.push(`fixtures/${ruleId}: no rule has this id`);
    const entries = fs.readdirSync(folder).sort();
    const used = new Set<string>();
    for (const entry of entries) {
      const match = /^(valid|invalid)(-[a-z0-9-]+)?(\.json)?$/.exec(entry);
      if (!match) continue;
      const isFolder = match[3] === undefined;
      if (isFolder !== fs.statSync(path.join(folder, entry)).isDirectory()) continue;
      const name = entry.replace(/\.json$/, '');
      used.add(entry);
      const fixtureCase: FixtureCase = {
        ruleId, name, kind: match[1] as 'valid' | 'invalid', inputPath: path.join(folder, entry), isFolder,
        expectedPath: path.join(folder, `${name}.expected`), configPath: path.join(folder, `${name}.config.json`),
      };
      if (fs.existsSync(fixtureCase.expectedPath)) used.add(`${name}.expected`);
      if (fs.existsSync(fixtureCase.configPath)) used.add(`${name}.config.json`);
      if (fixtureCase.kind === 'valid' && fs.existsSync(fixtureCase.expectedPath)) problems.push(`fixtures/${ruleId}/${name}.expected: valid cases have no expected findings`);
      cases.push(fixtureCase);
    }
    if (known.has(ruleId)) {
      if (!entries.some((entry) => entry === 'valid.json' || entry === 'valid')) problems.push(`fixtures/${ruleId}: missing valid.json`);
      if (!entries.some((entry) => entry === 'invalid.json' || entry === 'invalid')) problems.push(`fixtures/${ruleId}: missing invalid.json`);
    }
    for (const entry of entries) if (!used.has(entry)) problems.push(`fixtures/${ruleId}/${entry}: orphan file (not a valid*/invalid* case, its .expected or its .config.json)`);
  }
  for (const rule of rules) if (!fs.existsSync(path.join(fixturesRoot, rule.id))) problems.push(`rule ${rule.id} has no fixtures/${rule.id}/ folder`);
  return { cases, problems };
}

/** Lint one case with only its rule enabled, as `[file ]line:column messageId pointer` lines. */
export async function lintFixtureCase(fixtureCase: FixtureCase, rule: Rule): Promise<string[]> {
  const { cwd, run } = await lintRuleExample(fixtureCase, rule);
  const lines: string[] = [];
  for (const result of run.results) {
    const relative = path.relative(cwd, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      const position = `${message.line}:${message.column} ${message.messageId} ${message.pointer}`.trimEnd();
      lines.push(fixtureCase.isFolder ? `${relative} ${position}` : position);
    }
  }
  return lines;
}

export function readExpected(expectedPath: string): { comments: string[]; findings: string[] } {
  if (!fs.existsSync(expectedPath)) return { comments: [], findings: [] };
  const lines = fs.readFileSync(expectedPath, 'utf8').split('\n');
  return {
    comments: lines.filter((line) => line.startsWith('#')),
    findings: lines.filter((line) => line.trim() !== '' && !line.startsWith('#')).map((line) => line.trimEnd()),
  };
}

export function writeExpected(expectedPath: string, comments: readonly string[], findings: readonly string[]): void {
  fs.writeFileSync(expectedPath, [...comments, ...findings].join('\n') + '\n');
}
