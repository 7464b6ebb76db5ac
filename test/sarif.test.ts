import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { defineRule } from '../src/rule-api.js';
import type { FormatterContext, LintResult } from '../src/formatters/lint-result.js';
import {
  automationDetailsId,
  encodeRelativeUri,
  informationUriFrom,
  markdownToPlainText,
  pascalCase,
  sarif,
  truncateOnWordBoundary,
} from '../src/formatters/sarif.js';
import {
  docsBase,
  duplicateIdMessage,
  hostileShellMessage,
  repositoryRoot,
  result,
  sampleContext,
  sampleResults,
  secretMessage,
} from './sample-results.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sarifPackage = path.join(projectRoot, 'node_modules', '@microsoft', 'sarif-multitool-linux');

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF logs are walked as plain JSON here */
async function formatSarif(results: LintResult[], context = sampleContext()): Promise<any> {
  return JSON.parse(await sarif(results, context));
}

function assertMatchesGolden(name: string, actual: string): void {
  const goldenPath = path.join(projectRoot, 'test', 'golden', name);
  if (process.env.BATCHLINT_UPDATE_GOLDEN === '1') fs.writeFileSync(goldenPath, actual);
  assert.equal(actual, fs.readFileSync(goldenPath, 'utf8'), `${name} differs; rerun with BATCHLINT_UPDATE_GOLDEN=1 and review the diff`);
}

/**
 * The schema declares formats that ajv only checks with ajv-formats, which is not a dependency.
 * These follow RFC 3986's character set and percent-encoding, the part GitHub's ingestion rejects.
 */
const URI_REFERENCE_CHARACTERS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
function isUriReference(value: string): boolean {
  if (!URI_REFERENCE_CHARACTERS.test(value)) return false;
  // "c:x" without a scheme-shaped prefix would be read as a scheme; a colon in the first segment needs one.
  const firstSegment = value.split(/[/?#]/)[0] ?? '';
  return !firstSegment.includes(':') || URI_SCHEME.test(value);
}

function compileSarifSchema() {
  const schema = JSON.parse(fs.readFileSync(path.join(sarifPackage, 'sarif-2.1.0.json'), 'utf8'));
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  // strict is off because the schema is Microsoft's, not ours (it lists required properties ajv
  // cannot see under anyOf); the formats are checked for real.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    formats: {
      uri: (value: string) => isUriReference(value) && URI_SCHEME.test(value),
      'uri-reference': isUriReference,
      'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
      uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    },
  });
  return ajv.compile(schema);
}

describe('sarif formatter', () => {
  const validateSarif = compileSarifSchema();

  it('passes the official SARIF 2.1.0 schema for a run with findings and for a clean run', async () => {
    for (const results of [sampleResults(), [result('tasks/clean.json', [])]]) {
      const log = await formatSarif(results, sampleContext({ sarifCategory: 'tasks' }));
      assert.equal(validateSarif(log), true, JSON.stringify(validateSarif.errors, null, 2));
    }
  });

  it('the schema check itself rejects an unencoded URI and a missing message', () => {
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, artifacts: [{ location: { uri: 'a b.json' } }] }] }), false);
    assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'r' }] }] }), false);
  });

  it('writes one run with the log-level properties GitHub requires', async () => {
    const log = await formatSarif(sampleResults());
    assert.deepEqual(Object.keys(log), ['$schema', 'version', 'runs']);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: true }]);
    assert.equal(log.runs[0].originalUriBaseIds, undefined);
    assert.equal(log.runs[0].automationDetails, undefined);
  });

  it('describes the tool and every enabled rule, sorted by id', async () => {
    const driver = (await formatSarif([])).runs[0].tool.driver;
    assert.equal(driver.name, 'batchlint');
    assert.equal(driver.semanticVersion, '0.1.0');
    assert.equal(driver.informationUri, docsBase);
    assert.deepEqual(
      driver.rules.map((rule: any) => rule.id),
      ['command-line-require-shell', 'environment-settings-no-plaintext-secret', 'task-id-unique'],
    );
    assert.deepEqual(driver.rules[2], {
      id: 'task-id-unique',
      name: 'TaskIdUnique',
      shortDescription: { text: 'Require task ids to be unique within a job, ignoring case.' },
      fullDescription: {
        text:
          'The Batch service compares task ids case-insensitively, so Render-1 and render-1 collide. ' +
          'The second add request fails with TaskExists; see Task ids (https://learn.microsoft.com/rest/api/batchservice/task/add).',
      },
      help: {
        text:
          'Require task ids to be unique within a job, ignoring case.\n\n' +
          'The Batch service compares task ids case-insensitively, so Render-1 and render-1 collide. ' +
          'The second add request fails with TaskExists; see Task ids (https://learn.microsoft.com/rest/api/batchservice/task/add).\n\n' +
          'How to fix: Give every task of the job a distinct id:\n\n- append a sequence number\n- or derive it from the input file name',
        markdown:
          'Require task ids to be unique within a job, ignoring case.\n\n## Why\n\n' +
          'The Batch service compares task ids **case-insensitively**, so `Render-1` and `render-1`\ncollide. ' +
          'The second add request fails with `TaskExists`; see\n[Task ids](https://learn.microsoft.com/rest/api/batchservice/task/add).\n\n' +
          '## How to fix\n\nGive every task of the job a distinct id:\n\n- append a sequence number\n- or derive it from the input file name\n\n' +
          `[Rule documentation](${docsBase}task-id-unique.md)`,
      },
      helpUri: `${docsBase}task-id-unique.md`,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['correctness'], precision: 'high', 'problem.severity': 'error' },
    });
  });

  it('takes level, problem.severity, precision and security-severity from the configuration and the rule', async () => {
    const [shell, secret] = (await formatSarif([])).runs[0].tool.driver.rules;
    assert.deepEqual(shell.defaultConfiguration, { level: 'note' });
    assert.deepEqual(shell.properties, { tags: ['reliability'], precision: 'high', 'problem.severity': 'recommendation' });
    assert.deepEqual(secret.defaultConfiguration, { level: 'warning' });
    assert.deepEqual(secret.properties, {
      tags: ['security'],
      precision: 'medium',
      'problem.severity': 'warning',
      'security-severity': '7.5',
    });
  });

  it('tags a non-security-category rule that has a security severity with "security" as well', async () => {
    const rule = defineRule({
      id: 'resource-files-require-https',
      summary: 'Require https for resource file URLs.',
      rationale: 'Plain http exposes SAS tokens.',
      howToFix: 'Use https.',
      category: 'correctness',
      defaultSeverity: 'error',
      recommended: true,
      securitySeverity: '5.0',
      scope: 'task',
      messages: { plainHttp: 'Resource file URL uses http' },
      check() {},
    });
    const log = await formatSarif([], sampleContext({ rules: [{ rule, severity: 'error' }] }));
    assert.deepEqual(log.runs[0].tool.driver.rules[0].properties, {
      tags: ['correctness', 'security'],
      precision: 'high',
      'problem.severity': 'error',
      'security-severity': '5.0',
    });
  });

  it('cuts a long rationale at a word boundary, within 1024 characters, as plain text', async () => {
    const shell = (await formatSarif([])).runs[0].tool.driver.rules[0];
    const text: string = shell.fullDescription.text;
    assert.ok(text.length <= 1024, `length ${text.length}`);
    assert.ok(text.length > 900, `length ${text.length}`);
    assert.ok(text.startsWith('Shell syntax\n\nA Batch commandLine is not run under a shell, so $VAR, %VAR%, pipes'));
    assert.ok(text.endsWith(' to the…'), text.slice(-20));
    assert.ok(!text.includes('`') && !text.includes('##'));
  });

  it('reports each message with rule index, level, tight region, related locations and fingerprint', async () => {
    const results = (await formatSarif(sampleResults())).runs[0].results;
    assert.equal(results.length, 4);
    assert.deepEqual(results[3], {
      ruleId: 'task-id-unique',
      ruleIndex: 2,
      level: 'error',
      message: { text: 'Task id "render-1" is already used by another task of this job ([first defined here](1))' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'tasks/render.json', uriBaseId: '%SRCROOT%' },
            region: { startLine: 12, startColumn: 11, endLine: 12, endColumn: 21 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: 'tasks/render.json', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 11, endLine: 4, endColumn: 21 },
          },
          message: { text: 'first defined here' },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: duplicateIdMessage.fingerprint },
    });
    assert.deepEqual(
      results.map((r: any) => [r.ruleId, r.ruleIndex, r.level]),
      [
        ['command-line-require-shell', 0, 'note'],
        ['command-line-require-shell', 0, 'note'],
        ['environment-settings-no-plaintext-secret', 1, 'warning'],
        ['task-id-unique', 2, 'error'],
      ],
    );
    assert.equal(results[2].partialFingerprints.primaryLocationLineHash, secretMessage.fingerprint);
    assert.match(secretMessage.fingerprint, /^[0-9a-f]{32}$/);
  });

  it('escapes text from the task file that would pose as a related-location link', async () => {
    const results = (await formatSarif(sampleResults())).runs[0].results;
    assert.equal(results[1].message.text, hostileShellMessage.message.replace('[x](1)', '\\[x\\](1)'));
  });

  it('never includes suppressed messages', async () => {
    const output = await sarif(sampleResults(), sampleContext());
    assert.ok(!output.includes('must never be printed'));
    assert.equal(JSON.parse(output).runs[0].results.length, 4);
  });

  it('writes repository-relative, percent-encoded URIs, and an absolute file URI outside the repository', async () => {
    const results = (await formatSarif(sampleResults())).runs[0].results;
    assert.deepEqual(
      results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri),
      ['jobs/%C3%BCberjob.json', 'tasks/my%20tasks%20%231/100%25.json', 'tasks/render.json', 'tasks/render.json'],
    );
    const outside = { ...result('x.json', [secretMessage]), filePath: path.resolve(repositoryRoot, '..', 'elsewhere', 'a b.json') };
    const location = (await formatSarif([outside])).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(location, { uri: 'file:///elsewhere/a%20b.json' });
  });

  it('resolves URIs against the repository root, not the working directory', async () => {
    const context = sampleContext();
    const log = await formatSarif(sampleResults(), { ...context, cwd: path.join(repositoryRoot, 'tasks') });
    assert.equal(log.runs[0].results[3].locations[0].physicalLocation.artifactLocation.uri, 'tasks/render.json');
  });

  it('percent-encodes every segment but keeps the slashes', () => {
    assert.equal(encodeRelativeUri('a b/c#d/e?f/g%h/ü/(x)!*\'.json'), 'a%20b/c%23d/e%3Ff/g%25h/%C3%BC/%28x%29%21%2A%27.json');
    assert.equal(encodeRelativeUri('c:/x.json'), 'c%3A/x.json');
  });

  it('gives a bare category the trailing slash GitHub reads as "category/run-id"', async () => {
    assert.equal(automationDetailsId('tasks'), 'tasks/');
    assert.equal(automationDetailsId('tasks/linux'), 'tasks/linux/');
    assert.equal(automationDetailsId('tasks/'), 'tasks/');
    assert.equal(automationDetailsId('  '), undefined);
    assert.equal(automationDetailsId(undefined), undefined);
    const log = await formatSarif([], sampleContext({ sarifCategory: 'batch-tasks' }));
    assert.deepEqual(log.runs[0].automationDetails, { id: 'batch-tasks/' });
  });

  it('reports a failed execution', async () => {
    const log = await formatSarif([], sampleContext({ executionSuccessful: false }));
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: false }]);
  });

  it('writes results: [] on a clean run, so GitHub closes stale alerts', async () => {
    const log = await formatSarif([result('tasks/clean.json', [])]);
    assert.deepEqual(log.runs[0].results, []);
  });

  it('describes a rule that reports but is not in the enabled list', async () => {
    const stray = { ...secretMessage, ruleId: 'plugin-rule', level: 'error' as const, severity: 2 as const };
    const context = sampleContext({ rules: [] });
    context.rulesMeta['plugin-rule'] = {
      type: 'problem',
      docs: { description: 'Disallow `x`.', url: 'https://example.com/plugin-rule', recommended: true },
      messages: {},
    };
    const log = await formatSarif([result('tasks/render.json', [stray])], context);
    assert.deepEqual(log.runs[0].tool.driver.rules, [
      {
        id: 'plugin-rule',
        name: 'PluginRule',
        shortDescription: { text: 'Disallow x.' },
        fullDescription: { text: 'Disallow x.' },
        help: { text: 'Disallow x.', markdown: 'Disallow `x`.' },
        helpUri: 'https://example.com/plugin-rule',
        defaultConfiguration: { level: 'error' },
        properties: { tags: [], precision: 'high', 'problem.severity': 'error' },
      },
    ]);
    assert.equal(log.runs[0].results[0].ruleIndex, 0);
  });

  it('keeps the 25,000 most severe results and says how many were dropped', async () => {
    const notes = Array.from({ length: 25_000 }, (_, index) => ({ ...hostileShellMessage, line: index + 1 }));
    const errors = [duplicateIdMessage, { ...duplicateIdMessage, line: 99_999 }];
    const warnings = [secretMessage];
    const results = [result('tasks/a.json', notes), result('tasks/b.json', [...warnings, ...errors])];
    const run = (await formatSarif(results)).runs[0];
    assert.equal(run.results.length, 25_000);
    assert.deepEqual(
      run.results.slice(-3).map((r: any) => [r.level, r.locations[0].physicalLocation.region.startLine]),
      [
        ['warning', 8],
        ['error', 12],
        ['error', 99_999],
      ],
    );
    assert.equal(run.results[24_996].locations[0].physicalLocation.region.startLine, 24_997);
    assert.deepEqual(run.properties, { resultLimit: 25_000, droppedResultCount: 3 });
    assert.deepEqual(run.invocations[0].toolExecutionNotifications, [
      {
        level: 'warning',
        message: {
          text: '3 of 25003 results were left out: GitHub code scanning accepts at most 25000 results per run, so the most severe ones were kept.',
        },
      },
    ]);
  });

  it('prints the same bytes for the same input, as pretty JSON with one trailing newline', async () => {
    const first = await sarif(sampleResults(), sampleContext({ sarifCategory: 'tasks' }));
    const second = await sarif(sampleResults(), sampleContext({ sarifCategory: 'tasks' }));
    assert.equal(first, second);
    assert.ok(first.endsWith('}\n') && !first.endsWith('\n\n'));
    assert.ok(first.startsWith('{\n  "$schema"'));
    assertMatchesGolden('sarif-findings.sarif.json', first);
    assertMatchesGolden('sarif-clean.sarif.json', await sarif([result('tasks/clean.json', [])], sampleContext()));
  });

  it("passes Microsoft's SARIF validator with the GitHub ingestion rules", async (t) => {
    await assertMultitoolAccepts(t, {
      'findings.sarif': await sarif(sampleResults(), sampleContext({ sarifCategory: 'tasks' })),
      'clean.sarif': await sarif([], sampleContext()),
    });
  });

  for (const { name, patterns, uri } of [
    { name: 'the rule fixtures', patterns: ['fixtures/**/invalid*.json'], uri: /^fixtures\/[a-z0-9-]+\/invalid[^/]*\.json$/ },
    { name: 'the bundled examples (the README\'s first command)', patterns: ['examples'], uri: /^examples\/render\/[a-z/.0-9-]+\.json$/ },
  ]) {
    it(`turns a real lint run over ${name} into SARIF that both validators accept`, async (t) => {
      // Imported here so that a pipeline broken mid-edit fails this test only, not the formatter's own.
      const { lint } = await import('../src/lint.js');
      const { BATCHLINT_VERSION, docsUrl } = await import('../src/package-info.js');
      const run = await lint({ cwd: projectRoot, patterns, useConfigLookup: false });
      const context: FormatterContext = {
        cwd: projectRoot,
        color: false,
        rulesMeta: {},
        batchlint: {
          version: BATCHLINT_VERSION,
          rules: run.enabledRules,
          repositoryRoot: projectRoot,
          sarifCategory: 'batchlint',
          executionSuccessful: run.failures.length === 0,
          docsUrl,
        },
      };
      const output = await sarif(run.results, context);
      const log = JSON.parse(output);
      assert.ok(log.runs[0].results.length > 0, `${name} produce findings`);
      assert.equal(validateSarif(log), true, JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
      for (const sarifResult of log.runs[0].results) {
        assert.equal(log.runs[0].tool.driver.rules[sarifResult.ruleIndex].id, sarifResult.ruleId);
        assert.match(sarifResult.locations[0].physicalLocation.artifactLocation.uri, uri);
        assert.match(sarifResult.partialFingerprints.primaryLocationLineHash, /^[0-9a-f]{32}$/);
      }
      await assertMultitoolAccepts(t, { 'lint-run.sarif': output });
    });
  }
});

/** Microsoft's validator with its GitHub rule set (GH*) besides the SARIF ones; it exits 0 either way, so its log is read. */
async function assertMultitoolAccepts(t: TestContext, logs: Record<string, string>): Promise<void> {
  const validator = path.join(sarifPackage, 'Sarif.Multitool');
  if (process.platform !== 'linux' || process.arch !== 'x64' || !fs.existsSync(validator)) {
    t.skip('Sarif.Multitool is a linux-x64 binary');
    return;
  }
  // The package's postinstall chmod may not have run (npm --ignore-scripts).
  fs.chmodSync(validator, 0o755);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-sarif-'));
  try {
    for (const [name, content] of Object.entries(logs)) {
      const input = path.join(directory, name);
      const output = path.join(directory, `${name}.validation.sarif`);
      fs.writeFileSync(input, content);
      const run = spawnSync(validator, ['validate', input, '-o', output, '--log', 'ForceOverwrite', '--rule-kind', 'Gh;Sarif'], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(run.status, 0, `${run.error ?? ''}${run.stdout}${run.stderr}`);
      const findings = JSON.parse(fs.readFileSync(output, 'utf8')).runs[0].results;
      assert.deepEqual(
        findings.map((finding: any) => `${finding.ruleId}: ${finding.message?.text ?? JSON.stringify(finding.message)}`),
        [],
        run.stdout,
      );
    }
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

describe('SARIF text helpers', () => {
  it('turns rule Markdown into plain text', () => {
    assert.equal(
      markdownToPlainText(
        '# Title\n\nSome **bold** and *em* and `AZ_BATCH_NODE_ROOT_DIR` and _under_ and snake_case_name\nsoft break.\n\n' +
          '- item [link](https://x.test/a)\n* other <https://x.test/b>\n1. first\n\n```json\n{ "id": "a*b*" }\n```\n\n> quoted \\*star\\*',
      ),
      'Title\n\nSome bold and em and AZ_BATCH_NODE_ROOT_DIR and under and snake_case_name soft break.\n\n' +
        '- item link (https://x.test/a)\n- other https://x.test/b\n1. first\n\n{ "id": "a*b*" }\n\nquoted *star*',
    );
  });

  it('truncates on a word boundary and never splits a surrogate pair', () => {
    assert.equal(truncateOnWordBoundary('short', 10), 'short');
    assert.equal(truncateOnWordBoundary('alpha beta gamma', 12), 'alpha beta…');
    assert.equal(truncateOnWordBoundary('alpha, beta gamma', 10), 'alpha…');
    assert.equal(truncateOnWordBoundary('abcdefgh😀ij', 10), 'abcdefgh…');
    assert.equal(truncateOnWordBoundary('abcdefghijkl', 10), 'abcdefghi…');
  });

  it('derives PascalCase names and the information URI', () => {
    assert.equal(pascalCase('environment-settings-no-plaintext-secret'), 'EnvironmentSettingsNoPlaintextSecret');
    assert.equal(pascalCase('json-syntax'), 'JsonSyntax');
    assert.equal(informationUriFrom('https://example.com/docs/rules/.md'), 'https://example.com/docs/rules/');
    assert.equal(
      informationUriFrom('https://github.com/batchlint/batchlint/blob/v1.2.3/README.md'),
      'https://github.com/batchlint/batchlint/blob/v1.2.3/README.md',
    );
    assert.equal(informationUriFrom('docs/rules/.md'), undefined);
  });
});
