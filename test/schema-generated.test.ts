import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { API_VERSIONS } from '../src/project/api-versions.js';
import { derivedSchemaVersion } from '../src/schema/schema-versions.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedSpec = path.resolve(projectRoot, '..', 'shared', 'spec');
const generatedFolder = path.join(projectRoot, 'src', 'schema', 'generated');

describe('generated schemas', () => {
  it('match what scripts/derive-schemas.mjs derives from the official specification', (t) => {
    if (!existsSync(path.join(sharedSpec, 'BatchService.2024-02-01.19.0.json'))) {
      t.skip('../shared/spec is absent: cannot re-derive the schemas');
      return;
    }
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'derive-schemas.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });

  it('serve every configured api-version from the nearest derived schema', () => {
    const mapping = Object.fromEntries(API_VERSIONS.map((version) => [version, derivedSchemaVersion(version)]));
    for (const version of API_VERSIONS) {
      const expected =
        API_VERSIONS.indexOf(version) <= API_VERSIONS.indexOf('2017-06-01.5.1')
          ? '2017-05-01.5.0'
          : API_VERSIONS.indexOf(version) <= API_VERSIONS.indexOf('2024-02-01.19.0')
            ? '2024-02-01.19.0'
            : '2025-06-01.21.0';
      assert.equal(mapping[version], expected, version);
    }
    assert.equal(derivedSchemaVersion('2099-01-01.99.0' as (typeof API_VERSIONS)[number]), '2025-06-01.21.0');
  });

  it('stay a reasonable size', () => {
    for (const name of readdirSync(generatedFolder).filter((file) => file.startsWith('validate-') && file.endsWith('.js'))) {
      const size = statSync(path.join(generatedFolder, name)).size;
      assert.ok(size < 400_000, `${name} is ${size} bytes`);
    }
  });
});

/** Modules of ajv's compiler (its runtime helpers, ajv/dist/runtime/*, would be fine). */
const AJV_COMPILER = /[\\/]node_modules[\\/]ajv[\\/]dist[\\/](ajv|core|2019|2020|jtd)\.js$|[\\/]node_modules[\\/]ajv[\\/]dist[\\/]compile[\\/]/;

function ajvModulesLoadedBy(script: string): string[] {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' });
  const loaded = JSON.parse(output.trim().split('\n').at(-1) ?? '[]') as string[];
  return loaded.filter((file) => AJV_COMPILER.test(file));
}

const LOADED_MODULES = `
import { createRequire } from 'node:module';
const loaded = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify(loaded));`;

describe('schema checks at run time', () => {
  it('never load the ajv compiler: the validators are compiled ahead of time', () => {
    const checker = pathToFileURL(path.join(projectRoot, 'dist', 'src', 'schema', 'check-entity-schema.js')).href;
    const script = `
import { checkEntitySchema, loadEntitySchemas } from ${JSON.stringify(checker)};
const task = { kind: 'task', role: 'task', value: { id: 'a', commandLine: 1, bogus: true }, pointer: '', filePath: 'a.json',
  isTemplate: false, documentShape: 'task', definition: 'TaskAddParameter', id: 'a' };
await loadEntitySchemas('2025-06-01.21.0');
let count = 0;
for (const version of ['2016-02-01.3.0', '2024-02-01.19.0', '2025-06-01.21.0']) count += checkEntitySchema(task, version).length;
if (count !== 6) throw new Error('expected 6 issues, got ' + count);
${LOADED_MODULES}`;
    assert.deepEqual(ajvModulesLoadedBy(script), []);
  });

  it('never load the ajv compiler during a lint run with the schema rules enabled', (t) => {
    const lintModule = path.join(projectRoot, 'dist', 'src', 'lint.js');
    if (!existsSync(lintModule)) {
      t.skip('dist/src/lint.js is not built');
      return;
    }
    const script = `
import { lint } from ${JSON.stringify(pathToFileURL(lintModule).href)};
const run = await lint({
  cwd: ${JSON.stringify(projectRoot)},
  patterns: ['fixtures/unknown-property/invalid.json', 'fixtures/json-type-mismatch/invalid.json'],
  useConfigLookup: false,
});
const ruleIds = new Set(run.results.flatMap((result) => result.messages.map((message) => message.ruleId)));
if (!ruleIds.has('unknown-property') || !ruleIds.has('json-type-mismatch')) throw new Error('schema rules did not run: ' + [...ruleIds]);
${LOADED_MODULES}`;
    assert.deepEqual(ajvModulesLoadedBy(script), []);
  });
});
