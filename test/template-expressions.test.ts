import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTemplateExpressions, stringValuesOf, templateExpressionsOf } from '../src/batch/template-expressions.js';
import { placeholderFields, pythonInteger, readPlaceholders, smallestSweepValue, sweepRange } from '../src/batch/task-factories.js';
import { recogniseDocument } from '../src/document/recognise-shape.js';

describe('findTemplateExpressions', () => {
  it('finds whole-string and embedded expressions with their offsets and calls', () => {
    const found = findTemplateExpressions("run [parameters('a')] then [concat(variables('b'), '-x]')]");
    assert.deepEqual(
      found.map(({ start, end, text, calls, isEvaluated }) => ({ start, end, text, calls, isEvaluated })),
      [
        { start: 4, end: 21, text: "parameters('a')", calls: [{ name: 'parameters', literalArgument: 'a' }], isEvaluated: true },
        {
          start: 27,
          end: 58,
          text: "concat(variables('b'), '-x]')",
          calls: [
            { name: 'concat', literalArgument: undefined },
            { name: 'variables', literalArgument: 'b' },
          ],
          isEvaluated: true,
        },
      ],
    );
  });

  it('skips [[ escapes, stops at an unclosed [, and marks bracketed text the extension only unwraps', () => {
    assert.deepEqual(findTemplateExpressions("if [[ -f x ]; then [parameters('a')]"), [
      { start: 19, end: 36, text: "parameters('a')", calls: [{ name: 'parameters', literalArgument: 'a' }], isEvaluated: true },
    ]);
    assert.deepEqual(findTemplateExpressions('a [b'), []);
    const [shell] = findTemplateExpressions('if [ -f x ]; then');
    assert.equal(shell?.isEvaluated, false);
    assert.equal(shell?.text, ' -f x ');
  });

  it("reads '' inside a quoted name as one quote, and a computed name as unknown", () => {
    const [quoted] = findTemplateExpressions("[parameters('it''s')]");
    assert.deepEqual(quoted?.calls, [{ name: 'parameters', literalArgument: "it's" }]);
    const [computed] = findTemplateExpressions("[parameters(concat('a', 'b'))]");
    assert.deepEqual(computed?.calls[0], { name: 'parameters', literalArgument: undefined });
  });

  it('scans 100,000 nested parentheses without recursion', () => {
    const deep = `[${'f('.repeat(100_000)}${')'.repeat(100_000)}]`;
    const [expression] = findTemplateExpressions(deep);
    assert.equal(expression?.calls.length, 100_000);
  });
});

describe('stringValuesOf', () => {
  it('lists every string with its absolute pointer in document order', () => {
    assert.deepEqual(stringValuesOf({ a: ['x', { 'b/c': 'y' }], d: 1, e: 'z' }, '/root'), [
      { pointer: '/root/a/0', text: 'x' },
      { pointer: '/root/a/1/b~1c', text: 'y' },
      { pointer: '/root/e', text: 'z' },
    ]);
    assert.equal(templateExpressionsOf({ k: "[parameters('p')]" })[0]?.pointer, '/k');
  });
});

describe('readPlaceholders', () => {
  it('reads sweep placeholders and escapes like the extension', () => {
    assert.deepEqual(readPlaceholders('f {0} {1:4} {{literal}} {{{0}}}', 'parametricSweep'), {
      sweep: [
        { text: '{0}', setIndex: 0, padding: undefined },
        { text: '{1:4}', setIndex: 1, padding: 4 },
        { text: '{0}', setIndex: 0, padding: undefined },
      ],
      file: [],
      strayBrace: undefined,
    });
  });

  it('reports the first brace left standing, with context', () => {
    assert.equal(readPlaceholders('echo ${HOME} {0}', 'parametricSweep').strayBrace, '…ho ${HOME} {0}');
    assert.equal(readPlaceholders('cat {fileName} {0}', 'taskPerFile').strayBrace, '…me} {0}');
    assert.deepEqual(readPlaceholders('{url} {fileNameWithoutExtension}', 'taskPerFile').file, ['{url}', '{fileNameWithoutExtension}']);
  });
});

describe('sweep values', () => {
  it('reads integers as Python int() does and finds the smallest value of a range', () => {
    assert.deepEqual([pythonInteger(' 7 '), pythonInteger('1_000'), pythonInteger(2.9), pythonInteger(true), pythonInteger('x')], [7, 1000, 2, 1, undefined]);
    assert.equal(sweepRange({ start: 1, end: 5, step: -1 }), undefined);
    assert.equal(smallestSweepValue(sweepRange({ start: 10, end: -4, step: -3 })!), -2);
    assert.equal(smallestSweepValue(sweepRange({ start: -5, end: 5 })!), -5);
  });

  it('lists only the fields the extension substitutes', () => {
    const fields = placeholderFields({
      commandLine: 'a {0}',
      constraints: { maxWallClockTime: '{0}' },
      resourceFiles: [{ httpUrl: '{url}', source: { prefix: '{0}' } }],
      outputFiles: [{ filePattern: '*.png', destination: { autoStorage: { path: '{0}' } } }],
    });
    assert.deepEqual(fields.map((field) => field.pointer), [
      '/commandLine',
      '/resourceFiles/0/httpUrl',
      '/resourceFiles/0/source/prefix',
      '/outputFiles/0/filePattern',
      '/outputFiles/0/destination/autoStorage/path',
    ]);
  });
});

describe('task factory recognition', () => {
  it('turns repeatTask and mergeTask of sweep and per-file factories into task entities', () => {
    const job = {
      id: 'j',
      poolInfo: { poolId: 'p' },
      taskFactory: { type: 'parametricSweep', parameterSets: [{ start: 1, end: 3 }], repeatTask: { commandLine: 'a {0}' }, mergeTask: { commandLine: 'b' } },
    };
    const { shape, entities } = recogniseDocument(job, 'job.json');
    assert.equal(shape, 'extended-job');
    assert.deepEqual(entities.map((entity) => [entity.role, entity.definition, entity.pointer, entity.isTemplate]), [
      ['job', 'JobAddParameter', '', true],
      ['repeatTask', 'TaskAddParameter', '/taskFactory/repeatTask', true],
      ['mergeTask', 'TaskAddParameter', '/taskFactory/mergeTask', true],
    ]);
    const unknown = recogniseDocument({ ...job, taskFactory: { ...job.taskFactory, type: 'sweep' } }, 'job.json');
    assert.deepEqual(unknown.entities.map((entity) => entity.role), ['job']);
  });

  it('reads a body with templateMetadata as an application template even with job-only keys', () => {
    assert.equal(recogniseDocument({ templateMetadata: {}, poolInfo: { poolId: 'p' } }, 't.json').shape, 'application-template');
  });
});
