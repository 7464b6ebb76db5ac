import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outputFileObjects, resourceFileEntries, resourceFileLists, resourceFileObjects } from '../src/batch/task-files.js';
import { embeddedUrls, fieldLabel, sasUrls, urlFields } from '../src/batch/entity-urls.js';
import type { EntityRef, JsonValue } from '../src/engine/rule-types.js';

const task: JsonValue = {
  id: 'mpi',
  commandLine: 'azcopy copy "https://a.blob.core.windows.net/c?sv=1&sig=s1" .',
  resourceFiles: [{ httpUrl: 'https://a/x', filePath: 'x' }, 'not an object', { storageContainerUrl: 'https://a/c' }],
  multiInstanceSettings: {
    coordinationCommandLine: 'echo',
    commonResourceFiles: [{ autoStorageContainerName: 'shared', blobPrefix: 'lib/' }],
  },
  outputFiles: [
    null,
    { filePattern: '*.log', destination: { container: { containerUrl: 'https://a/out?sp=w&sig=s2' } } },
  ],
  environmentSettings: [{ name: 'URL', value: 'see http://b/y' }, 7],
  containerSettings: { imageName: 'x', registry: { registryServer: 'r.azurecr.io' } },
};

function entity(kind: 'task' | 'job' | 'pool', value: JsonValue): EntityRef {
  return {
    kind,
    role: kind === 'task' ? 'task' : kind,
    value,
    pointer: '',
    filePath: 'x.json',
    isTemplate: false,
    documentShape: kind,
    definition: kind === 'task' ? 'TaskAddParameter' : kind === 'job' ? 'JobAddParameter' : 'PoolAddParameter',
    id: undefined,
  };
}

test('resourceFileLists finds both lists with their pointers', () => {
  assert.deepEqual(
    resourceFileLists(task).map((list) => [list.name, list.pointer, list.items.length]),
    [
      ['resourceFiles', '/resourceFiles', 3],
      ['commonResourceFiles', '/multiInstanceSettings/commonResourceFiles', 1],
    ],
  );
  assert.deepEqual(resourceFileLists({ resourceFiles: {} }), []);
  assert.deepEqual(resourceFileLists('task'), []);
});

test('resourceFileEntries yields every entry; resourceFileObjects only objects', () => {
  assert.deepEqual(
    resourceFileEntries(task).map((entry) => [entry.pointer, entry.list, entry.index]),
    [
      ['/resourceFiles/0', 'resourceFiles', 0],
      ['/resourceFiles/1', 'resourceFiles', 1],
      ['/resourceFiles/2', 'resourceFiles', 2],
      ['/multiInstanceSettings/commonResourceFiles/0', 'commonResourceFiles', 0],
    ],
  );
  assert.deepEqual(
    resourceFileObjects(task).map((entry) => entry.pointer),
    ['/resourceFiles/0', '/resourceFiles/2', '/multiInstanceSettings/commonResourceFiles/0'],
  );
});

test('outputFileObjects skips non-objects but keeps indexes', () => {
  assert.deepEqual(
    outputFileObjects(task).map((entry) => [entry.pointer, entry.index]),
    [['/outputFiles/1', 1]],
  );
});

test('resource-file walkers do not recurse into hostile nesting', () => {
  let deep: JsonValue = { resourceFiles: [] };
  for (let level = 0; level < 100_000; level += 1) deep = { multiInstanceSettings: deep };
  assert.deepEqual(resourceFileEntries(deep), []);
});

test('urlFields lists task URL fields with pointers, labels and kinds', () => {
  assert.deepEqual(
    urlFields(entity('task', task)).map((field) => [field.pointer, field.field, field.kind]),
    [
      ['/resourceFiles/0/httpUrl', 'resourceFiles[0].httpUrl', 'resourceHttp'],
      ['/resourceFiles/2/storageContainerUrl', 'resourceFiles[2].storageContainerUrl', 'resourceContainer'],
      ['/outputFiles/1/destination/container/containerUrl', 'outputFiles[1].destination.container.containerUrl', 'outputContainer'],
      ['/containerSettings/registry/registryServer', 'containerSettings.registry.registryServer', 'registryServer'],
    ],
  );
});

test('urlFields lists pool registries and file shares, and a job task factory source', () => {
  const pool: JsonValue = {
    id: 'p',
    vmSize: 'standard_d2s_v3',
    virtualMachineConfiguration: { containerConfiguration: { type: 'dockerCompatible', containerRegistries: [{ registryServer: 'http://r' }] } },
    mountConfiguration: [{ azureFileShareConfiguration: { azureFileUrl: 'https://a.file.core.windows.net/s' } }, { nfsMountConfiguration: { source: '10.0.0.4:/x' } }],
    startTask: { commandLine: 'x', resourceFiles: [{ httpUrl: 'https://ignored' }] },
  };
  assert.deepEqual(
    urlFields(entity('pool', pool)).map((field) => [field.pointer, field.kind]),
    [
      ['/virtualMachineConfiguration/containerConfiguration/containerRegistries/0/registryServer', 'registryServer'],
      ['/mountConfiguration/0/azureFileShareConfiguration/azureFileUrl', 'azureFileShare'],
    ],
  );
  const job: JsonValue = { id: 'j', poolInfo: { poolId: 'p' }, taskFactory: { source: { containerUrl: 'https://a/c' } }, jobManagerTask: { resourceFiles: [{ httpUrl: 'https://x' }] } };
  assert.deepEqual(
    urlFields(entity('job', job)).map((field) => [field.pointer, field.field]),
    [['/taskFactory/source/containerUrl', 'taskFactory.source.containerUrl']],
  );
});

test('embeddedUrls finds URLs in command lines and environment values', () => {
  assert.deepEqual(
    embeddedUrls(entity('task', task)).map((found) => [found.url, found.pointer]),
    [
      ['https://a.blob.core.windows.net/c?sv=1&sig=s1', '/commandLine'],
      ['http://b/y', '/environmentSettings/0/value'],
    ],
  );
  const job: JsonValue = { commonEnvironmentSettings: [{ name: 'U', value: 'https://h/?sig=1' }] };
  assert.deepEqual(
    embeddedUrls(entity('job', job)).map((found) => found.pointer),
    ['/commonEnvironmentSettings/0/value'],
  );
});

test('sasUrls keeps only URLs with SAS keys, from fields and text', () => {
  assert.deepEqual(
    sasUrls(entity('task', task)).map((found) => [found.pointer, found.sas.permissions ?? null, found.sas.hasSignature]),
    [
      ['/outputFiles/1/destination/container/containerUrl', 'w', true],
      ['/commandLine', null, true],
    ],
  );
});

test('fieldLabel renders indexes as brackets', () => {
  assert.equal(fieldLabel('multiInstanceSettings', 'commonResourceFiles', 0, 'filePath'), 'multiInstanceSettings.commonResourceFiles[0].filePath');
  assert.equal(fieldLabel(), '');
});
