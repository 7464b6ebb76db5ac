import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../src/errors.js';
import github from '../src/formatters/github.js';
import json from '../src/formatters/json.js';
import {
  FormatSpecError,
  FormatterLoadError,
  FormatterNotFoundError,
  loadFormatter,
  packageCandidates,
  parseFormatSpec,
} from '../src/formatters/load-formatter.js';
import sarif from '../src/formatters/sarif.js';
import { writeOutputAtomically } from '../src/formatters/write-output-atomically.js';
import stylish from '../src/formatters/stylish.js';
import { result, sampleContext, secretMessage, duplicateIdMessage } from './sample-results.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('loadFormatter', () => {
  let workspace: string;

  function writeFiles(files: Record<string, string>): void {
    for (const [relativePath, content] of Object.entries(files)) {
      const filePath = path.join(workspace, relativePath);
      fs.mkdirSync(path.dirname(filePath), { recursive: true });
      fs.writeFileSync(filePath, content);
    }
  }

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-formatters-'));
    writeFiles({
      'node_modules/batchlint-formatter-count/package.json': '{"name":"batchlint-formatter-count","main":"main.js"}',
      'node_modules/batchlint-formatter-count/main.js': "module.exports = (results) => 'count:' + results.length;",
      // Both prefixes installed: the batchlint one wins.
      'node_modules/eslint-formatter-count/package.json': '{"name":"eslint-formatter-count"}',
      'node_modules/eslint-formatter-count/index.js': "module.exports = () => 'eslint-count';",
      'node_modules/eslint-formatter-plain/package.json': '{"name":"eslint-formatter-plain"}',
      'node_modules/eslint-formatter-plain/index.js': "module.exports = (results, context) => 'plain:' + context.cwd;",
      'node_modules/@acme/eslint-formatter-esm/package.json':
        '{"name":"@acme/eslint-formatter-esm","type":"module","exports":{".":{"import":"./esm.js"}}}',
      'node_modules/@acme/eslint-formatter-esm/esm.js': "export default async (results) => 'esm:' + results.length;",
      'node_modules/@acme/eslint-formatter/package.json': '{"name":"@acme/eslint-formatter"}',
      'node_modules/@acme/eslint-formatter/index.js': "module.exports = () => 'scope-only';",
      'node_modules/batchlint-formatter-transpiled/package.json': '{"name":"batchlint-formatter-transpiled"}',
      'node_modules/batchlint-formatter-transpiled/index.js':
        "Object.defineProperty(exports, '__esModule', { value: true }); exports.default = () => 'transpiled';",
      'node_modules/batchlint-formatter-broken/package.json': '{"name":"batchlint-formatter-broken","main":"missing.js"}',
      'node_modules/batchlint-formatter-object/package.json': '{"name":"batchlint-formatter-object"}',
      'node_modules/batchlint-formatter-object/index.js': "module.exports = { format: () => '' };",
      'node_modules/batchlint-formatter-throws/package.json': '{"name":"batchlint-formatter-throws"}',
      'node_modules/batchlint-formatter-throws/index.js': "throw new Error('boom at load');",
      'formatters/local.mjs': "export default () => 'local';",
      'local-cjs.cjs': "module.exports = () => 'local-cjs';",
    });
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('returns the built-in formatters themselves', async () => {
    assert.equal(await loadFormatter('sarif', workspace), sarif);
    assert.equal(await loadFormatter('github', workspace), github);
    assert.equal(await loadFormatter('json', workspace), json);
    assert.equal(await loadFormatter('stylish', workspace), stylish);
  });

  it('prefers batchlint-formatter-<name> over eslint-formatter-<name>, and loads CommonJS', async () => {
    const formatter = await loadFormatter('count', workspace);
    assert.equal(await formatter([result('a.json', [])], sampleContext()), 'count:1');
    const plain = await loadFormatter('plain', workspace);
    assert.equal(await plain([], sampleContext()), `plain:${sampleContext().cwd}`);
  });

  it('accepts the full package name too', async () => {
    assert.equal(await (await loadFormatter('eslint-formatter-count', workspace))([], sampleContext()), 'eslint-count');
  });

  it('loads scoped and ESM-only packages, and a bare scope', async () => {
    assert.equal(await (await loadFormatter('@acme/esm', workspace))([result('a.json', [])], sampleContext()), 'esm:1');
    assert.equal(await (await loadFormatter('@acme', workspace))([], sampleContext()), 'scope-only');
  });

  it('takes the nested default of a transpiled CommonJS module', async () => {
    assert.equal(await (await loadFormatter('transpiled', workspace))([], sampleContext()), 'transpiled');
  });

  it('loads a file path relative to cwd, ESM or CommonJS', async () => {
    assert.equal(await (await loadFormatter('./formatters/local.mjs', workspace))([], sampleContext()), 'local');
    assert.equal(await (await loadFormatter('local-cjs.cjs', workspace))([], sampleContext()), 'local-cjs');
    assert.equal(await (await loadFormatter(path.join(workspace, 'local-cjs.cjs'), os.tmpdir()))([], sampleContext()), 'local-cjs');
  });

  it('names the built-ins and every candidate it tried when nothing matches', async () => {
    await assert.rejects(loadFormatter('nope', workspace), (error: unknown) => {
      assert.ok(error instanceof FormatterNotFoundError);
      assert.ok(error instanceof UsageError, 'an unknown formatter is a usage error (exit 2)');
      assert.equal(
        error.message,
        'Formatter "nope" not found. Built-in formatters: github, json, sarif, stylish. ' +
          `Tried the packages batchlint-formatter-nope, eslint-formatter-nope and the file ${path.join(workspace, 'nope')}.`,
      );
      return true;
    });
    await assert.rejects(loadFormatter('./missing.js', workspace), {
      message: `Formatter "./missing.js" not found. Built-in formatters: github, json, sarif, stylish. Tried the file ${path.join(workspace, 'missing.js')}.`,
    });
  });

  it('never treats an inherited property name as a built-in', async () => {
    await assert.rejects(loadFormatter('constructor', workspace), FormatterNotFoundError);
    await assert.rejects(loadFormatter('__proto__', workspace), FormatterNotFoundError);
  });

  it('reports a package that is installed but broken, rather than "not found"', async () => {
    await assert.rejects(loadFormatter('broken', workspace), FormatterLoadError);
    await assert.rejects(loadFormatter('object', workspace), (error: unknown) => {
      assert.ok(error instanceof FormatterLoadError);
      assert.equal(error.message, 'Formatter "object" does not export a function as its default export');
      return true;
    });
    await assert.rejects(loadFormatter('throws', workspace), (error: unknown) => {
      assert.ok(error instanceof FormatterLoadError);
      assert.match(error.message, /^Formatter "throws" \(.*index\.js\) failed to load: boom at load$/);
      return true;
    });
  });

  it('runs the installed eslint-formatter-junit and eslint-formatter-checkstyle packages', async () => {
    const results = [result('tasks/render.json', [secretMessage, duplicateIdMessage])];
    const filePath = results[0]!.filePath;
    const classname = filePath.replace(/\.json$/, '');
    const junit = await loadFormatter('junit', projectRoot);
    assert.equal(
      await junit(results, sampleContext()),
      '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n' +
        `<testsuite package="org.eslint" time="0" tests="2" errors="2" name="${filePath}">\n` +
        `<testcase time="0" name="org.eslint.environment-settings-no-plaintext-secret" classname="${classname}">` +
        '<failure message="Environment setting &quot;DB_PASSWORD&quot; looks like a secret stored in plain text">' +
        '<![CDATA[line 8, col 41, Warning - Environment setting &quot;DB_PASSWORD&quot; looks like a secret stored in plain text (environment-settings-no-plaintext-secret)]]>' +
        '</failure></testcase>\n' +
        `<testcase time="0" name="org.eslint.task-id-unique" classname="${classname}">` +
        '<failure message="Task id &quot;render-1&quot; is already used by another task of this job">' +
        '<![CDATA[line 12, col 11, Error - Task id &quot;render-1&quot; is already used by another task of this job (task-id-unique)]]>' +
        '</failure></testcase>\n</testsuite>\n</testsuites>\n',
    );
    const checkstyle = await loadFormatter('checkstyle', projectRoot);
    assert.equal(
      await checkstyle(results, sampleContext()),
      `<?xml version="1.0" encoding="utf-8"?><checkstyle version="4.3"><file name="${filePath}">` +
        '<error line="8" column="41" severity="warning" message="Environment setting &quot;DB_PASSWORD&quot; looks like a secret stored in plain text (environment-settings-no-plaintext-secret)" source="eslint.rules.environment-settings-no-plaintext-secret" />' +
        '<error line="12" column="11" severity="error" message="Task id &quot;render-1&quot; is already used by another task of this job (task-id-unique)" source="eslint.rules.task-id-unique" />' +
        '</file></checkstyle>',
    );
  });
});

describe('packageCandidates', () => {
  it('adds both prefixes, keeps scopes and full names', () => {
    assert.deepEqual(packageCandidates('junit'), ['batchlint-formatter-junit', 'eslint-formatter-junit']);
    assert.deepEqual(packageCandidates('@acme/pretty'), ['@acme/batchlint-formatter-pretty', '@acme/eslint-formatter-pretty']);
    assert.deepEqual(packageCandidates('@acme'), ['@acme/batchlint-formatter', '@acme/eslint-formatter']);
    assert.deepEqual(packageCandidates('@acme/eslint-formatter-x'), ['@acme/eslint-formatter-x']);
    assert.deepEqual(packageCandidates('batchlint-formatter-x'), ['batchlint-formatter-x']);
  });
});

describe('parseFormatSpec', () => {
  it('splits the formatter name from its output file at the first colon', () => {
    assert.deepEqual(parseFormatSpec('sarif'), { name: 'sarif' });
    assert.deepEqual(parseFormatSpec('sarif:reports/x.sarif'), { name: 'sarif', outputFile: 'reports/x.sarif' });
    assert.deepEqual(parseFormatSpec('@acme/pretty:out.txt'), { name: '@acme/pretty', outputFile: 'out.txt' });
    assert.deepEqual(parseFormatSpec('@acme'), { name: '@acme' });
    assert.deepEqual(parseFormatSpec('./fmt.js:out/a:b.txt'), { name: './fmt.js', outputFile: 'out/a:b.txt' });
  });

  it('keeps Windows drive letters whole', () => {
    assert.deepEqual(parseFormatSpec('sarif:C:\\reports\\x.sarif', { isWindows: true }), {
      name: 'sarif',
      outputFile: 'C:\\reports\\x.sarif',
    });
    assert.deepEqual(parseFormatSpec('C:\\fmt\\mine.js:D:/out.txt', { isWindows: true }), {
      name: 'C:\\fmt\\mine.js',
      outputFile: 'D:/out.txt',
    });
    assert.deepEqual(parseFormatSpec('C:/fmt/mine.js', { isWindows: true }), { name: 'C:/fmt/mine.js' });
    // On POSIX, "j:/out" is formatter j writing to /out.
    assert.deepEqual(parseFormatSpec('j:/out.json', { isWindows: false }), { name: 'j', outputFile: '/out.json' });
  });

  it('rejects a spec without a name or with an empty output file', () => {
    assert.throws(() => parseFormatSpec(''), FormatSpecError);
    assert.throws(() => parseFormatSpec(':out.txt'), FormatSpecError);
    assert.throws(() => parseFormatSpec('sarif:'), {
      message: 'Format "sarif:" ends with ":" but names no output file: use -f sarif:<output-file>',
    });
  });
});

// The -o / -f name:file writer lives beside the formatter loader that the CLI calls it with.
describe('writeOutputAtomically', () => {
  let directory: string;
  before(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'batchlint-output-'));
  });
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('creates missing parent directories and writes the exact bytes', async () => {
    const target = path.join(directory, 'reports', 'nested', 'out.sarif');
    await writeOutputAtomically(target, '{"ü":"😀"}\n');
    assert.deepEqual(fs.readFileSync(target), Buffer.from('{"ü":"😀"}\n', 'utf8'));
    assert.deepEqual(fs.readdirSync(path.dirname(target)), ['out.sarif']);
  });

  it('replaces an existing file and leaves no temporary file behind, even when writes race', async () => {
    const target = path.join(directory, 'race.txt');
    fs.writeFileSync(target, 'old');
    const contents = Array.from({ length: 12 }, (_, index) => `${String(index).repeat(50_000)}\n`);
    await Promise.all(contents.map((content) => writeOutputAtomically(target, content)));
    assert.ok(contents.includes(fs.readFileSync(target, 'utf8')), 'the file holds one whole write');
    assert.deepEqual(
      fs.readdirSync(directory).filter((name) => name.includes('race')),
      ['race.txt'],
    );
  });

  it('removes its temporary file and rejects when the rename fails', async () => {
    const target = path.join(directory, 'occupied');
    fs.mkdirSync(path.join(target, 'child'), { recursive: true });
    await assert.rejects(writeOutputAtomically(target, 'x'), (error: NodeJS.ErrnoException) => {
      assert.ok(['EISDIR', 'ENOTEMPTY', 'EEXIST', 'EPERM'].includes(error.code ?? ''), error.code);
      return true;
    });
    assert.deepEqual(
      fs.readdirSync(directory).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });
});
