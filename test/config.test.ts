import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { builtInRules } from '../rules/index.js';
import { lint, type LintRun } from '../src/lint.js';
import { ConfigError } from '../src/errors.js';
import { CONFIG_FILE_NAMES, findConfigFile, loadConfigFile } from '../src/config/load-config.js';
import { resolveConfig, ruleSettingsForFile } from '../src/config/resolve-config.js';
import { NEWEST_API_VERSION } from '../src/project/api-versions.js';
import { temporaryWorkspaces } from './support/temp-workspace.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Two tasks whose ids hold a dot: one task-id-invalid-chars finding each, at /value/0/id and /value/1/id. */
const TWO_BAD_IDS = JSON.stringify(
  { value: [{ id: 'a.1', commandLine: "/bin/sh -c 'echo a'" }, { id: 'b.2', commandLine: "/bin/sh -c 'echo b'" }] },
  null,
  2,
);
const RULE = 'task-id-invalid-chars';

const workspace = temporaryWorkspaces('batchlint-config-');

/** `line:column ruleId level` of the findings of one file, for the rule under test only. */
function findingsOf(run: LintRun, directory: string, relativePath: string): string[] {
  const result = run.results.find((candidate) => candidate.filePath === path.join(directory, relativePath));
  assert.ok(result, `no result for ${relativePath}`);
  return result.messages.filter((message) => message.ruleId === RULE).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.level}`);
}

async function configErrorOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message;
  }
  return assert.fail('expected a ConfigError, but the config was accepted');
}

/** Lint tasks.json with `config` as .batchlintrc.json and return the ConfigError message. */
function configErrorFor(config: unknown, extraFiles: Record<string, string> = {}): Promise<string> {
  const directory = workspace({ 'tasks.json': TWO_BAD_IDS, '.batchlintrc.json': JSON.stringify(config), ...extraFiles });
  return configErrorOf(lint({ cwd: directory, patterns: ['tasks.json'] }));
}

describe('config lookup finds every supported file name', () => {
  const settings = { rules: { [RULE]: 'info' } };
  const json = JSON.stringify(settings, null, 2);
  const yaml = `rules:\n  ${RULE}: info\n`;
  const contentFor: Record<(typeof CONFIG_FILE_NAMES)[number], string> = {
    'package.json': JSON.stringify({ name: 'render-jobs', private: true, batchlint: settings }),
    '.batchlintrc': yaml,
    '.batchlintrc.json': json,
    '.batchlintrc.yaml': yaml,
    '.batchlintrc.yml': yaml,
    '.batchlintrc.js': `module.exports = ${json};\n`,
    '.batchlintrc.cjs': `module.exports = ${json};\n`,
    '.batchlintrc.mjs': `export default ${json};\n`,
    'batchlint.config.js': `module.exports = ${json};\n`,
    'batchlint.config.cjs': `module.exports = ${json};\n`,
    'batchlint.config.mjs': `export default ${json};\n`,
  };
  const cases: Array<[string, (typeof CONFIG_FILE_NAMES)[number], string]> = CONFIG_FILE_NAMES.map((name) => [name, name, contentFor[name]]);
  cases.push(['.batchlintrc (JSON)', '.batchlintrc', json]);

  for (const [label, name, content] of cases) {
    it(label, async () => {
      const directory = workspace({ [name]: content, 'tasks.json': TWO_BAD_IDS, 'nested/deeper/.keep': '' });
      assert.equal(findConfigFile(path.join(directory, 'nested', 'deeper')), path.join(directory, name));
      const run = await lint({ cwd: directory, patterns: ['tasks.json'] });
      assert.equal(run.config.filePath, path.join(directory, name));
      assert.deepEqual(findingsOf(run, directory, 'tasks.json'), [`4:13 ${RULE} info`, `8:13 ${RULE} info`]);
    });
  }

  it('takes package.json#batchlint before .batchlintrc.json in the same directory', () => {
    const directory = workspace({ 'package.json': contentFor['package.json'], '.batchlintrc.json': json });
    assert.equal(findConfigFile(directory), path.join(directory, 'package.json'));
  });

  it('passes over a package.json without a "batchlint" key and keeps walking up', () => {
    const directory = workspace({ '.batchlintrc.yml': yaml, 'jobs/package.json': '{ "name": "jobs" }' });
    assert.equal(findConfigFile(path.join(directory, 'jobs')), path.join(directory, '.batchlintrc.yml'));
  });

  it('stops at the directory that holds .git', () => {
    const directory = workspace({ '.batchlintrc.json': json, 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/jobs/.keep': '' });
    assert.equal(findConfigFile(path.join(directory, 'repo', 'jobs')), undefined);
  });

  it('a config named with configFile replaces the one lookup would find', async () => {
    const directory = workspace({
      '.batchlintrc.json': JSON.stringify({ rules: { [RULE]: 'warn' } }),
      'ci/batchlint.yaml': `rules:\n  ${RULE}: info\nignores:\n  - "*.json"\n`,
      'tasks.json': TWO_BAD_IDS,
    });
    const run = await lint({ cwd: directory, configFile: 'ci/batchlint.yaml', patterns: ['tasks.json'] });
    assert.equal(run.config.filePath, path.join(directory, 'ci', 'batchlint.yaml'));
    // The ignore glob is relative to ci/, so it does not reach tasks.json at the top.
    assert.deepEqual(findingsOf(run, directory, 'tasks.json'), [`4:13 ${RULE} info`, `8:13 ${RULE} info`]);
  });

  it('ignores the lookup with useConfigLookup: false (batchlint:recommended applies)', async () => {
    const directory = workspace({ '.batchlintrc.json': json, 'tasks.json': TWO_BAD_IDS });
    const run = await lint({ cwd: directory, patterns: ['tasks.json'], useConfigLookup: false });
    assert.equal(run.config.filePath, undefined);
    assert.deepEqual(findingsOf(run, directory, 'tasks.json'), [`4:13 ${RULE} error`, `8:13 ${RULE} error`]);
  });
});

describe('.batchlintrc.example', () => {
  const examplePath = path.join(projectRoot, '.batchlintrc.example');
  const schema = JSON.parse(fs.readFileSync(path.join(projectRoot, 'src', 'config', 'config-schema.json'), 'utf8')) as {
    properties: Record<string, unknown>;
    definitions: Record<string, { properties: Record<string, unknown> }>;
  };

  /** The example copied as a repository's .batchlintrc, beside the example files it names. */
  function exampleWorkspace(): string {
    const directory = workspace({ '.batchlintrc': fs.readFileSync(examplePath, 'utf8') });
    fs.cpSync(path.join(projectRoot, 'examples'), path.join(directory, 'examples'), { recursive: true });
    return directory;
  }

  it('loads through the real loader and lints the example project with its plugin and suppressions', async () => {
    const directory = exampleWorkspace();
    const run = await lint({ cwd: directory, patterns: ['examples/render/**/*.json'] });
    assert.deepEqual(run.failures, []);
    assert.equal(run.config.filePath, path.join(directory, '.batchlintrc'));
    assert.equal(run.config.apiVersion, '2025-06-01.21.0');
    assert.equal(run.config.now?.toISOString(), '2026-01-15T00:00:00.000Z');
    assert.equal(run.config.completeTaskSet, false);
    assert.deepEqual(run.config.overrides.map((override) => override.apiVersion), ['2023-05-01.17.0']);
    assert.deepEqual(run.config.jobs.map((binding) => (typeof binding.job === 'string' ? path.relative(directory, binding.job) : binding.job.id)), [
      path.join('examples', 'render', 'job.json'),
      'nightly-etl',
    ]);
    const pluginRule = run.enabledRules.find((enabled) => enabled.rule.id === 'team-task-display-name');
    assert.equal(pluginRule?.severity, 'warn');
    assert.equal(run.enabledRules.some((enabled) => enabled.rule.id === 'task-id-numeric-collision'), false);
    const suppressed = run.results.flatMap((result) => result.suppressedMessages.map((message) => `${message.ruleId} ${message.pointer}`)).sort();
    assert.deepEqual(suppressed, ['depends-on-range-inverted /value/1/dependsOn/taskIdRanges/0', 'depends-on-unknown-task /value/0/dependsOn/taskIds/1']);
    assert.equal(run.suppressedCount, 2);
  });

  it('sets every key of the config schema, nested keys included', async () => {
    const directory = exampleWorkspace();
    const { content } = await loadConfigFile(path.join(directory, '.batchlintrc'));
    const keysOf = (values: readonly object[] | undefined) => [...new Set((values ?? []).flatMap((value) => Object.keys(value)))].sort();
    assert.deepEqual(Object.keys(content).sort(), Object.keys(schema.properties).sort());
    const overrideKeys = Object.keys((schema.properties.overrides as { items: { properties: object } }).items.properties).sort();
    assert.deepEqual(keysOf(content.overrides), overrideKeys);
    assert.deepEqual(keysOf(content.jobs), Object.keys(schema.definitions.jobBinding!.properties).sort());
    assert.deepEqual(keysOf(content.suppressions), Object.keys(schema.definitions.suppression!.properties).sort());
    const settings = Object.values(content.rules ?? {});
    assert.ok(settings.some((setting) => typeof setting === 'string'), 'a rule set by severity alone');
    assert.ok(settings.some((setting) => Array.isArray(setting) && setting.length === 2), 'a rule set as [severity, options]');
    assert.ok(content.jobs?.some((binding) => typeof binding.job === 'object'), 'a job binding with an inline job body');
  });

  it('puts a comment line right above every top-level key', () => {
    const lines = fs.readFileSync(examplePath, 'utf8').split('\n');
    const uncommented = lines.flatMap((line, index) => {
      const key = /^([$A-Za-z]+):/.exec(line)?.[1];
      return key !== undefined && !(lines[index - 1] ?? '').startsWith('# ') ? [key] : [];
    });
    assert.deepEqual(uncommented, []);
  });
});

describe('config validation names the key and suggests the near miss', () => {
  it('an unknown top-level key', async () => {
    assert.match(await configErrorFor({ ruls: {} }), /^Invalid config .*\.batchlintrc\.json: the config has an unknown key "ruls"; did you mean "rules"\? \(valid keys: \$schema, extends, rules, /);
    assert.ok((await configErrorFor({ apiVerison: '2024-07-01.20.0' })).includes('the config has an unknown key "apiVerison"; did you mean "apiVersion"?'));
  });

  it('an unknown nested key, with its breadcrumb', async () => {
    const message = await configErrorFor({ overrides: [{ files: '*.json', rulez: {} }] });
    assert.ok(message.endsWith('key "overrides[0]" has an unknown key "rulez"; did you mean "rules"? (valid keys: files, excludedFiles, rules, apiVersion)'), message);
    const suppression = await configErrorFor({ suppressions: [{ files: '*.json', rules: RULE }] });
    assert.ok(suppression.endsWith('key "suppressions[0]" is missing the required key "reason"'), suppression);
  });

  it('an unknown rule id', async () => {
    const message = await configErrorFor({ rules: { 'task-id-too-lng': 'warn' } });
    assert.ok(message.endsWith('.batchlintrc.json: unknown rule "task-id-too-lng"; did you mean "task-id-too-long"? (batchlint --list-rules lists them)'), message);
  });

  it('a bad severity lists the valid ones', async () => {
    const message = await configErrorFor({ rules: { 'task-id-too-long': 'warning' } });
    assert.ok(message.endsWith('key "rules.task-id-too-long" must be one of "off", "info", "warn", "error" (got "warning")'), message);
  });

  it('an unknown api-version suggests the nearest known one', async () => {
    const top = await configErrorFor({ apiVersion: '2024-07-01.2.0' });
    assert.ok(top.endsWith(`.batchlintrc.json apiVersion: unknown Batch api-version "2024-07-01.2.0"; did you mean "2024-07-01.20.0"? (newest known: ${NEWEST_API_VERSION})`), top);
    const nested = await configErrorFor({ overrides: [{ files: 'legacy/**', apiVersion: '2023-05-01.71.0' }] });
    assert.ok(nested.includes('.batchlintrc.json overrides[0].apiVersion: unknown Batch api-version "2023-05-01.71.0"; did you mean "2023-05-01.17.0"?'), nested);
  });

  it('an unknown preset', async () => {
    const message = await configErrorFor({ extends: 'batchlint:recomended' });
    assert.ok(message.endsWith('unknown preset "batchlint:recomended" in "extends"; did you mean "batchlint:recommended"? (presets: batchlint:recommended, batchlint:all)'), message);
  });

  it('rule options are validated against the rule schema', async () => {
    assert.equal(await configErrorFor({ rules: { 'sas-expires-soon': ['warn', { dayz: 3 }] } }), 'Invalid options for rule "sas-expires-soon": has an unknown option "dayz"');
    assert.equal(await configErrorFor({ rules: { 'sas-expires-soon': ['warn', { days: 'many' }] } }), 'Invalid options for rule "sas-expires-soon": "days" must be number');
    assert.equal(await configErrorFor({ rules: { [RULE]: ['warn', { strict: true }] } }), `Invalid options for rule "${RULE}": has an unknown option "strict"`);
  });

  it('valid options are laid over the defaults', async () => {
    const directory = workspace({ '.batchlintrc.json': JSON.stringify({ rules: { 'sas-expires-soon': ['warn', { days: 30 }] } }), 'tasks.json': TWO_BAD_IDS });
    const run = await lint({ cwd: directory, patterns: ['tasks.json'] });
    assert.deepEqual(run.documents[0]?.settings.get('sas-expires-soon'), { severity: 'warn', options: { days: 30 } });
  });
});

describe('extends', () => {
  const notRecommended = builtInRules.find((rule) => !rule.recommended);
  const recommendedCount = builtInRules.filter((rule) => rule.recommended).length;

  async function settingsFor(config: unknown) {
    const directory = workspace({ '.batchlintrc.json': JSON.stringify(config) });
    const resolved = await resolveConfig({ cwd: directory, configFile: '.batchlintrc.json' });
    return ruleSettingsForFile(resolved, builtInRules, path.join(directory, 'tasks.json'));
  }

  it('batchlint:recommended turns on the recommended rules at their default severity', async () => {
    const settings = await settingsFor({ extends: 'batchlint:recommended' });
    assert.equal(settings.size, recommendedCount);
    for (const rule of builtInRules) assert.equal(settings.get(rule.id)?.severity, rule.recommended ? rule.defaultSeverity : undefined, rule.id);
  });

  it('batchlint:all turns on every rule', async () => {
    assert.ok(notRecommended, 'some built-in rule is not recommended');
    const settings = await settingsFor({ extends: ['batchlint:all'] });
    assert.equal(settings.size, builtInRules.length);
    assert.equal(settings.get(notRecommended.id)?.severity, notRecommended.defaultSeverity);
  });

  it('a relative file, whose settings the extending file can override', async () => {
    const base = JSON.stringify({ rules: { [RULE]: 'info' }, apiVersion: '2024-07-01.20.0' });
    const inherited = workspace({
      'shared/base.json': base,
      '.batchlintrc.json': JSON.stringify({ extends: ['batchlint:recommended', './shared/base.json'] }),
      'tasks.json': TWO_BAD_IDS,
    });
    const run = await lint({ cwd: inherited, patterns: ['tasks.json'] });
    assert.deepEqual(findingsOf(run, inherited, 'tasks.json'), [`4:13 ${RULE} info`, `8:13 ${RULE} info`]);
    assert.equal(run.config.apiVersion, '2024-07-01.20.0');

    const overridden = workspace({
      'shared/base.json': base,
      '.batchlintrc.json': JSON.stringify({ extends: './shared/base.json', rules: { [RULE]: 'warn' } }),
      'tasks.json': TWO_BAD_IDS,
    });
    const second = await lint({ cwd: overridden, patterns: ['tasks.json'] });
    assert.deepEqual(findingsOf(second, overridden, 'tasks.json'), [`4:13 ${RULE} warn`, `8:13 ${RULE} warn`]);
  });

  it('a circular chain is an error', async () => {
    const directory = workspace({ 'a.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./a.json" }' });
    const message = await configErrorOf(lint({ cwd: directory, configFile: 'a.json', patterns: [] }));
    assert.ok(message.endsWith(`${path.join(directory, 'a.json')} extends itself (circular "extends")`), message);
  });

  it('a missing file is an error naming it', async () => {
    const message = await configErrorFor({ extends: './shared/missing.json' });
    assert.ok(message.startsWith('Config file not found: ') && message.endsWith(path.join('shared', 'missing.json')), message);
  });
});

describe('overrides and --rule', () => {
  const files = {
    '.batchlintrc.json': JSON.stringify({
      extends: 'batchlint:recommended',
      overrides: [{ files: 'legacy/**/*.json', excludedFiles: 'legacy/kept/**', apiVersion: '2023-05-01.17.0', rules: { [RULE]: 'info' } }],
    }),
    'tasks.json': TWO_BAD_IDS,
    'legacy/tasks.json': TWO_BAD_IDS,
    'legacy/kept/tasks.json': TWO_BAD_IDS,
  };

  it('an override changes severity and api-version for matching files only', async () => {
    const directory = workspace(files);
    const run = await lint({ cwd: directory, patterns: ['**/tasks.json'] });
    assert.deepEqual(findingsOf(run, directory, 'tasks.json'), [`4:13 ${RULE} error`, `8:13 ${RULE} error`]);
    assert.deepEqual(findingsOf(run, directory, 'legacy/tasks.json'), [`4:13 ${RULE} info`, `8:13 ${RULE} info`]);
    assert.deepEqual(findingsOf(run, directory, 'legacy/kept/tasks.json'), [`4:13 ${RULE} error`, `8:13 ${RULE} error`]);
    const apiVersions = Object.fromEntries(run.documents.map((document) => [document.filePath, document.apiVersion]));
    assert.deepEqual(apiVersions, { 'legacy/kept/tasks.json': NEWEST_API_VERSION, 'legacy/tasks.json': '2023-05-01.17.0', 'tasks.json': NEWEST_API_VERSION });
  });

  it('--rule beats the config rules', async () => {
    const directory = workspace({ '.batchlintrc.json': JSON.stringify({ rules: { [RULE]: 'warn' } }), 'tasks.json': TWO_BAD_IDS });
    const run = await lint({ cwd: directory, patterns: ['tasks.json'], ruleOverrides: { [RULE]: 'info' } });
    assert.deepEqual(findingsOf(run, directory, 'tasks.json'), [`4:13 ${RULE} info`, `8:13 ${RULE} info`]);
    const off = await lint({ cwd: directory, patterns: ['tasks.json'], ruleOverrides: { [RULE]: 'off' } });
    assert.deepEqual(findingsOf(off, directory, 'tasks.json'), []);
  });

  it('--rule beats a matching override too', async () => {
    const directory = workspace(files);
    const run = await lint({ cwd: directory, patterns: ['legacy/tasks.json'], ruleOverrides: { [RULE]: 'warn' } });
    assert.deepEqual(findingsOf(run, directory, 'legacy/tasks.json'), [`4:13 ${RULE} warn`, `8:13 ${RULE} warn`]);
  });
});

describe('__proto__ and constructor keys never reach Object.prototype', () => {
  const assertClean = () => {
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  };

  it('in JSON config files', async () => {
    const directory = workspace({ 'tasks.json': TWO_BAD_IDS });
    const attempts: Array<[string, string]> = [
      ['{"rules": {"__proto__": {"polluted": 1}}}', 'key "rules.__proto__" must be one of "off", "info", "warn", "error" (got {"polluted":1})'],
      ['{"__proto__": {"polluted": 1}}', 'the config has an unknown key "__proto__"'],
      ['{"constructor": {"prototype": {"polluted": 1}}}', 'the config has an unknown key "constructor"'],
      ['{"rules": {"constructor": "warn"}}', 'unknown rule "constructor"'],
      ['{"overrides": [{"files": "*.json", "__proto__": {"polluted": 1}}]}', 'key "overrides[0]" has an unknown key "__proto__"'],
    ];
    for (const [text, expected] of attempts) {
      fs.writeFileSync(path.join(directory, '.batchlintrc.json'), text);
      const message = await configErrorOf(lint({ cwd: directory, patterns: ['tasks.json'] }));
      assert.ok(message.includes(expected), `${text}: ${message}`);
      assertClean();
    }
  });

  it('in YAML config files', async () => {
    const directory = workspace({ 'tasks.json': TWO_BAD_IDS, '.batchlintrc.yaml': 'rules:\n  __proto__:\n    polluted: 1\n' });
    assert.ok((await configErrorOf(lint({ cwd: directory, patterns: ['tasks.json'] }))).includes('key "rules.__proto__" must be one of'));
    assertClean();
  });

  it('a __proto__ rule id is named as not a rule id', async () => {
    const message = await configErrorFor({ rules: JSON.parse('{"__proto__": "warn"}') });
    assert.ok(message.endsWith('key "rules.__proto__" is not a valid rule id (rule ids are kebab-case, like "task-id-too-long")'), message);
  });
});

describe('suppressions', () => {
  async function lintWith(suppressions: unknown[]) {
    const config = { extends: 'batchlint:recommended', now: '2026-01-15', suppressions };
    const directory = workspace({ '.batchlintrc.json': JSON.stringify(config), 'tasks.json': TWO_BAD_IDS });
    const run = await lint({ cwd: directory, patterns: ['tasks.json'] });
    const result = run.results[0]!;
    return {
      kept: result.messages.filter((message) => message.ruleId === RULE).map((message) => message.pointer),
      suppressed: result.suppressedMessages.map((message) => message.pointer),
      count: run.suppressedCount,
    };
  }

  it('by JSON Pointer prefix', async () => {
    assert.deepEqual(await lintWith([{ files: 'tasks.json', pointer: '/value/0', reason: 'legacy id, renamed next release' }]), {
      kept: ['/value/1/id'], suppressed: ['/value/0/id'], count: 1,
    });
  });

  it('by task id, ignoring case', async () => {
    assert.deepEqual(await lintWith([{ files: '*.json', taskId: 'B.2', reason: 'renamed next release' }]), {
      kept: ['/value/0/id'], suppressed: ['/value/1/id'], count: 1,
    });
  });

  it('by rule, and only that rule', async () => {
    assert.deepEqual(await lintWith([{ files: 'tasks.json', rules: [RULE], reason: 'ids come from the old scheduler' }]), {
      kept: [], suppressed: ['/value/0/id', '/value/1/id'], count: 2,
    });
    assert.deepEqual(await lintWith([{ files: 'tasks.json', rules: 'task-id-too-long', reason: 'not this rule' }]), {
      kept: ['/value/0/id', '/value/1/id'], suppressed: [], count: 0,
    });
  });

  it('only in the files it names', async () => {
    assert.deepEqual(await lintWith([{ files: 'other/**', reason: 'another folder' }]), { kept: ['/value/0/id', '/value/1/id'], suppressed: [], count: 0 });
  });

  it('until its expiry date (inclusive), after which the finding returns', async () => {
    const entry = { files: 'tasks.json', taskId: 'a.1', reason: 'migrating' };
    assert.deepEqual(await lintWith([{ ...entry, expires: '2026-01-15' }]), { kept: ['/value/1/id'], suppressed: ['/value/0/id'], count: 1 });
    assert.deepEqual(await lintWith([{ ...entry, expires: '2026-01-14' }]), { kept: ['/value/0/id', '/value/1/id'], suppressed: [], count: 0 });
  });
});
