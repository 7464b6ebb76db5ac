import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { escapeData, escapeProperty, github, neutraliseControlCharacters } from '../src/formatters/github.js';
import { docsBase, repositoryRoot, result, sampleContext, sampleResults, secretMessage } from './sample-results.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function assertMatchesGolden(name: string, actual: string): void {
  const goldenPath = path.join(projectRoot, 'test', 'golden', name);
  if (process.env.BATCHLINT_UPDATE_GOLDEN === '1') fs.writeFileSync(goldenPath, actual);
  assert.equal(actual, fs.readFileSync(goldenPath, 'utf8'), `${name} differs; rerun with BATCHLINT_UPDATE_GOLDEN=1 and review the diff`);
}

describe('github formatter', () => {
  it('prints one workflow command per message, with the level, the exact range and the rule id', async () => {
    const output = await github(sampleResults(), sampleContext());
    const docs = (ruleId: string) => `%0ADocs: ${docsBase}${ruleId}.md`;
    assert.deepEqual(output.split('\n'), [
      '::notice file=jobs/überjob.json,line=5,col=20,endLine=5,endColumn=32,title=command-line-require-shell' +
        `::Command line uses "$HOME" but is not run under a shell${docs('command-line-require-shell')}`,
      '::notice file=tasks/my tasks #1/100%25.json,line=3,col=18,endLine=3,endColumn=43,title=command-line-require-shell' +
        `::Command line uses "a && b%0A\\u001b[31mred%25,:[x](1)" but is not run under a shell${docs('command-line-require-shell')}`,
      '::warning file=tasks/render.json,line=8,col=41,endLine=8,endColumn=50,title=environment-settings-no-plaintext-secret' +
        `::Environment setting "DB_PASSWORD" looks like a secret stored in plain text${docs('environment-settings-no-plaintext-secret')}`,
      '::error file=tasks/render.json,line=12,col=11,endLine=12,endColumn=21,title=task-id-unique' +
        `::Task id "render-1" is already used by another task of this job${docs('task-id-unique')}`,
      '',
    ]);
    assertMatchesGolden('github-findings.txt', output);
  });

  it('lets no control character from a linted file reach the log raw', async () => {
    const output = await github(sampleResults(), sampleContext());
    assert.doesNotMatch(output.replace(/\n/g, ''), /[\u0000-\u001f\u007f-\u009f]/);
    assert.ok(!output.includes('must never be printed'), 'suppressed messages are not annotated');
  });

  it('prints nothing for a clean run', async () => {
    assert.equal(await github([result('tasks/clean.json', [])], sampleContext()), '');
  });

  it('gives paths relative to the working directory', async () => {
    const context = { ...sampleContext(), cwd: path.join(repositoryRoot, 'tasks') };
    const output = await github([result('tasks/render.json', [secretMessage]), result('jobs/a.json', [secretMessage])], context);
    assert.deepEqual(
      output.split('\n').map((line) => /file=([^,]*)/.exec(line)?.[1]),
      ['render.json', '../jobs/a.json', undefined],
    );
  });

  it('annotates the whole file when a message has no position, and leaves the link out without a docs URL', async () => {
    const unpositioned = { ...secretMessage, line: 0, column: 0, endLine: 0, endColumn: 0 };
    const context = sampleContext({ docsUrl: () => '' });
    assert.equal(
      await github([result('tasks/render.json', [unpositioned])], context),
      '::warning file=tasks/render.json,title=environment-settings-no-plaintext-secret::' +
        'Environment setting "DB_PASSWORD" looks like a secret stored in plain text\n',
    );
  });

  it('escapes file names that hold command syntax', async () => {
    const hostileName = result('tasks/a,b:c\nd.json', [secretMessage]);
    const line = (await github([hostileName], sampleContext())).split('\n')[0]!;
    assert.ok(line.startsWith('::warning file=tasks/a%2Cb%3Ac%0Ad.json,line=8,'), line);
  });
});

describe('workflow command escaping', () => {
  it('escapes data and property values as the runner expects', () => {
    assert.equal(escapeData('100% done\r\nnext'), '100%25 done%0D%0Anext');
    assert.equal(escapeProperty('a:b,c%d\ne'), 'a%3Ab%2Cc%25d%0Ae');
  });

  it('shows control, C1 and bidirectional characters as \\u escapes', () => {
    assert.equal(
      neutraliseControlCharacters('\u001b[2J\u0000\t\u009b\u202e\u2066x\u2028\n\r'),
      '\\u001b[2J\\u0000\\u0009\\u009b\\u202e\\u2066x\\u2028\n\r',
    );
  });
});
