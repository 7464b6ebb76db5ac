import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentShape, EntityDefinition, EntityRef, JsonValue } from '../src/engine/rule-types.js';
import type { ApiVersion } from '../src/project/api-versions.js';
import { checkEntitySchema, type SchemaIssue } from '../src/schema/check-entity-schema.js';
import { SCHEMA_RULE_MESSAGES } from '../src/schema/schema-messages.js';

const NEWEST: ApiVersion = '2025-06-01.21.0';

function entity(
  value: JsonValue,
  definition: EntityDefinition = 'TaskAddParameter',
  extra: { isTemplate?: boolean; documentShape?: DocumentShape } = {},
): EntityRef {
  const kind = definition.startsWith('Job') && !definition.endsWith('Task') ? 'job' : definition.startsWith('Pool') ? 'pool' : 'task';
  const roles: Record<EntityDefinition, EntityRef['role']> = {
    TaskAddParameter: 'task',
    JobManagerTask: 'jobManagerTask',
    JobPreparationTask: 'jobPreparationTask',
    JobReleaseTask: 'jobReleaseTask',
    StartTask: 'startTask',
    JobAddParameter: 'job',
    JobSpecification: 'job',
    PoolAddParameter: 'pool',
    PoolSpecification: 'pool',
  };
  return {
    kind,
    role: roles[definition],
    value,
    pointer: '',
    filePath: 'case.json',
    isTemplate: extra.isTemplate ?? false,
    documentShape: extra.documentShape ?? (kind === 'task' ? 'task' : kind),
    definition,
    id: undefined,
  };
}

/** `ruleId messageId pointer target`: compact and exact. */
function summary(issues: readonly SchemaIssue[]): string[] {
  return issues.map((issue) => `${issue.ruleId} ${issue.messageId} ${issue.pointer} ${issue.target}`);
}

const task = (extra: Record<string, JsonValue>): Record<string, JsonValue> => ({ id: 'render-1', commandLine: 'render.sh', ...extra });
const pool = (extra: Record<string, JsonValue>): Record<string, JsonValue> => ({
  id: 'render-pool',
  vmSize: 'standard_d4s_v5',
  virtualMachineConfiguration: { imageReference: { publisher: 'canonical' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' },
  ...extra,
});

describe('checkEntitySchema', () => {
  it('finds nothing in a complete task for every derived schema', () => {
    const body = task({ constraints: { maxTaskRetryCount: 2 }, environmentSettings: [{ name: 'FRAME', value: '1' }] });
    for (const version of ['2016-02-01.3.0', '2017-05-01.5.0', '2020-09-01.12.0', '2024-02-01.19.0', NEWEST] as const) {
      assert.deepEqual(checkEntitySchema(entity(body), version), [], version);
    }
  });

  it('points a missing root property at the entity itself and a nested one at the object lacking it', () => {
    const issues = checkEntitySchema(entity({ id: 'a', exitConditions: { exitCodes: [{ code: 1 }] } }), NEWEST);
    assert.deepEqual(summary(issues), [
      'required-property-missing missing  key',
      'required-property-missing missing /exitConditions/exitCodes/0 key',
    ]);
    assert.deepEqual(issues[0]?.data, { property: 'commandLine', object: 'the task' });
    assert.deepEqual(issues[1]?.data, { property: 'exitOptions', object: '"exitConditions.exitCodes[0]"' });
  });

  it('suggests the wire name for case variants, SDK names, snake_case and near misses', () => {
    const body = task({
      requiredSLots: 1,
      command_line: 'x',
      commandline: 'y',
      userIdentity: { userName: 'render' },
      outputFiles: [{ filePattern: '*.log', destination: {}, uploadOptions: { uploadCondition: 'taskcompletion' }, uploadOptionsa: {} }],
    });
    const suggestions = checkEntitySchema(entity(body), NEWEST).map((issue) => [issue.pointer, issue.data.suggestion]);
    assert.deepEqual(suggestions, [
      ['/requiredSLots', 'requiredSlots'],
      ['/command_line', 'commandLine'],
      ['/commandline', 'commandLine'],
      ['/userIdentity/userName', 'username'],
      ['/outputFiles/0/uploadOptionsa', 'uploadOptions'],
    ]);
    const job = { id: 'j', poolInfo: { poolid: 'p' }, allTasksCompleteMode: 'terminatejob', taskFailureMode: 'noaction' };
    assert.deepEqual(
      checkEntitySchema(entity(job, 'JobAddParameter'), NEWEST).map((issue) => issue.data.suggestion),
      ['poolId', 'onAllTasksComplete', 'onTaskFailure'],
    );
    const skuPool = pool({ virtualMachineConfiguration: { imageReference: {}, nodeAgentSkuId: 'x' } });
    assert.deepEqual(
      checkEntitySchema(entity(skuPool, 'PoolAddParameter'), NEWEST).map((issue) => `${issue.messageId} ${String(issue.data.suggestion ?? issue.data.property)}`),
      ['missing nodeAgentSKUId', 'unknownDidYouMean nodeAgentSKUId'],
    );
  });

  it('names read-only response fields, including read-only members of request definitions', () => {
    const body = task({ url: 'u', eTag: 'e', state: 'active', creationTime: 't', executionInfo: {}, stats: {}, nodeInfo: {}, lastModified: 't', previousState: 'x' });
    assert.deepEqual(
      checkEntitySchema(entity(body), NEWEST).map((issue) => `${issue.messageId} ${issue.pointer}`),
      ['url', 'eTag', 'state', 'creationTime', 'executionInfo', 'stats', 'nodeInfo', 'lastModified', 'previousState'].map(
        (name) => `responseField /${name}`,
      ),
    );
    const exactVersion = pool({ virtualMachineConfiguration: { imageReference: { exactVersion: '1.0' }, nodeAgentSKUId: 'x' } });
    assert.deepEqual(summary(checkEntitySchema(entity(exactVersion, 'PoolAddParameter'), NEWEST)), [
      'unknown-property responseField /virtualMachineConfiguration/imageReference/exactVersion key',
    ]);
  });

  it('says what JSON type was expected and what was given', () => {
    const body = task({ id: 42, resourceFiles: [{ httpUrl: 'https://a/b', filePath: 'b', fileMode: 755 }], constraints: { maxWallClockTime: 60, maxTaskRetryCount: '3' } });
    assert.deepEqual(
      checkEntitySchema(entity(body), NEWEST).map((issue) => [issue.pointer, issue.data.expected, issue.data.actual]),
      [
        ['/id', 'string', 'integer'],
        ['/resourceFiles/0/fileMode', 'string', 'integer'],
        ['/constraints/maxWallClockTime', 'string', 'integer'],
        ['/constraints/maxTaskRetryCount', 'integer', 'string'],
      ],
    );
    assert.deepEqual(summary(checkEntitySchema(entity([task({})] as JsonValue), NEWEST)), ['json-type-mismatch wrongType  value']);
    // The official example sends extension settings as a JSON-encoded string; the spec says object.
    const extension = (settings: JsonValue) =>
      pool({ virtualMachineConfiguration: { imageReference: {}, nodeAgentSKUId: 'x', extensions: [{ name: 'kv', publisher: 'p', type: 't', settings }] } });
    assert.deepEqual(checkEntitySchema(entity(extension('{"a":1}'), 'PoolAddParameter'), NEWEST), []);
    assert.deepEqual(
      checkEntitySchema(entity(extension(3), 'PoolAddParameter'), NEWEST).map((issue) => issue.data.expected),
      ['object or string'],
    );
  });

  it('reports integers outside int32 exactly, and 1e400 as out of range rather than a type error', () => {
    const parsed = JSON.parse(
      '{"id":"a","commandLine":"b","constraints":{"maxTaskRetryCount":1e400},"exitConditions":{"exitCodes":[' +
        '{"code":9007199254740993,"exitOptions":{}},{"code":2147483648,"exitOptions":{}},{"code":-2147483649,"exitOptions":{}},' +
        '{"code":2147483647,"exitOptions":{}},{"code":-2147483648,"exitOptions":{}},{"code":-0,"exitOptions":{}},{"code":1.5,"exitOptions":{}}]}}',
    ) as JsonValue;
    assert.deepEqual(summary(checkEntitySchema(entity(parsed), NEWEST)), [
      'int32-out-of-range outOfRange /constraints/maxTaskRetryCount value',
      'int32-out-of-range outOfRange /exitConditions/exitCodes/0/code value',
      'int32-out-of-range outOfRange /exitConditions/exitCodes/1/code value',
      'int32-out-of-range outOfRange /exitConditions/exitCodes/2/code value',
      'json-type-mismatch wrongType /exitConditions/exitCodes/6/code value',
    ]);
  });

  it('separates case-only enum differences (info) from invalid values, with the canonical value per api-version', () => {
    const body = task({
      userIdentity: { autoUser: { elevationLevel: 'nonAdmin', scope: 'job' } },
      outputFiles: [{ filePattern: '*', destination: {}, uploadOptions: { uploadCondition: 'TaskSuccess' } }],
    });
    const issues = checkEntitySchema(entity(body), NEWEST);
    assert.deepEqual(summary(issues), [
      'enum-value-noncanonical-case noncanonicalCase /userIdentity/autoUser/elevationLevel value',
      'enum-value-invalid invalid /userIdentity/autoUser/scope value',
      'enum-value-noncanonical-case noncanonicalCase /outputFiles/0/uploadOptions/uploadCondition value',
    ]);
    assert.equal(issues[0]?.data.canonical, 'nonadmin');
    assert.equal(issues[1]?.data.allowed, '"task", "pool"');
    assert.equal(issues[2]?.data.canonical, 'tasksuccess');
    const old = checkEntitySchema(entity(task({ userIdentity: { autoUser: { elevationLevel: 'nonadmin' } } })), '2017-06-01.5.1');
    assert.deepEqual(old.map((issue) => issue.data.canonical), ['nonAdmin']);
    // A number in an enum slot is a type problem only.
    assert.deepEqual(summary(checkEntitySchema(entity(task({ userIdentity: { autoUser: { scope: 1 } } })), NEWEST)), [
      'json-type-mismatch wrongType /userIdentity/autoUser/scope value',
    ]);
  });

  it('gates properties by the api-version that introduced them, inside one derived schema too', () => {
    const body = task({
      requiredSlots: 2,
      containerSettings: { imageName: 'i', workingDirectory: 'taskWorkingDirectory', containerHostBatchBindMounts: [{ source: 'Task' }] },
    });
    assert.deepEqual(checkEntitySchema(entity(body), NEWEST), []);
    const at19 = checkEntitySchema(entity(body), '2024-02-01.19.0');
    assert.deepEqual(summary(at19), ['property-requires-newer-api-version requiresNewer /containerSettings/containerHostBatchBindMounts key']);
    assert.deepEqual(at19[0]?.data, { property: 'containerHostBatchBindMounts', since: '2024-07-01.20.0', apiVersion: '2024-02-01.19.0' });
    assert.deepEqual(
      checkEntitySchema(entity(body), '2019-06-01.9.0').map((issue) => `${issue.pointer} ${String(issue.data.since)}`),
      ['/requiredSlots 2020-09-01.12.0', '/containerSettings/containerHostBatchBindMounts 2024-07-01.20.0'],
    );
    assert.deepEqual(
      checkEntitySchema(entity(body), '2018-08-01.7.0').map((issue) => `${issue.pointer} ${String(issue.data.since)}`),
      [
        '/requiredSlots 2020-09-01.12.0',
        '/containerSettings/workingDirectory 2019-06-01.9.0',
        '/containerSettings/containerHostBatchBindMounts 2024-07-01.20.0',
      ],
    );
    const skip = { id: 'j', poolInfo: { poolId: 'p' }, networkConfiguration: { subnetId: 's', skipWithdrawFromVNet: true } };
    assert.deepEqual(summary(checkEntitySchema(entity(skip, 'JobAddParameter'), '2024-02-01.19.0')), [
      'property-requires-newer-api-version requiresNewer /networkConfiguration/skipWithdrawFromVNet key',
    ]);
  });

  it('reports removed properties only through their own rule, and accepts them before their removal', () => {
    const body = task({
      runElevated: true,
      resourceFiles: [{ blobSource: 'https://a/b', filePath: 'b' }],
      exitConditions: { schedulingError: { jobAction: 'none' } },
    });
    assert.deepEqual(summary(checkEntitySchema(entity(body), NEWEST)), [
      'run-elevated-legacy runElevated /runElevated key',
      'resource-file-blob-source-legacy blobSource /resourceFiles/0/blobSource key',
      'exit-conditions-legacy-scheduling-error schedulingError /exitConditions/schedulingError key',
    ]);
    // 2017-01-01.4.0 had already replaced runElevated, but still had blobSource and schedulingError.
    assert.deepEqual(summary(checkEntitySchema(entity(body), '2017-01-01.4.0')), ['run-elevated-legacy runElevated /runElevated key']);
    assert.deepEqual(checkEntitySchema(entity(task({ runElevated: true })), '2016-07-01.3.1'), []);

    const legacyPool = pool({ maxTasksPerNode: 2, targetDedicated: 1, applicationLicenses: ['maya'], cloudServiceConfiguration: { osFamily: '6' } });
    assert.deepEqual(summary(checkEntitySchema(entity(legacyPool, 'PoolAddParameter'), NEWEST)), [
      'pool-max-tasks-per-node-legacy maxTasksPerNode /maxTasksPerNode key',
      'pool-target-dedicated-legacy targetDedicated /targetDedicated key',
      'pool-application-licenses-removed applicationLicenses /applicationLicenses key',
      'pool-cloud-service-configuration removed /cloudServiceConfiguration key',
    ]);
    assert.deepEqual(summary(checkEntitySchema(entity(legacyPool, 'PoolAddParameter'), '2020-03-01.11.0')), [
      'pool-target-dedicated-legacy targetDedicated /targetDedicated key',
      'pool-cloud-service-configuration retired /cloudServiceConfiguration key',
    ]);
    const cloudOnly = { id: 'p', vmSize: 'small', cloudServiceConfiguration: { osFamily: '6' } };
    assert.deepEqual(summary(checkEntitySchema(entity(cloudOnly, 'PoolAddParameter'), NEWEST)), [
      'pool-cloud-service-configuration removed /cloudServiceConfiguration key',
    ]);
    const docker = {
      vmSize: 'standard_d4s_v5',
      virtualMachineConfiguration: { imageReference: {}, nodeAgentSKUId: 'x', containerConfiguration: { type: 'Docker' } },
    };
    assert.deepEqual(summary(checkEntitySchema(entity(docker, 'PoolSpecification'), NEWEST)), [
      'pool-container-type-docker-legacy docker /virtualMachineConfiguration/containerConfiguration/type value',
    ]);
    assert.deepEqual(checkEntitySchema(entity(docker, 'PoolSpecification'), '2018-03-01.6.1'), []);
  });

  it('tolerates template expressions and extension-only properties in templates only', () => {
    const body = task({
      constraints: { maxTaskRetryCount: "[parameters('retries')]" },
      userIdentity: { autoUser: { elevationLevel: "[parameters('elevation')]", scope: "[variables('scope')]" } },
      resourceFiles: [{ source: { fileGroup: 'inputs' } }],
      outputFiles: "[parameters('outputs')]",
      packageReferences: [{ type: 'aptPackage', id: 'ffmpeg' }],
    });
    assert.deepEqual(checkEntitySchema(entity(body, 'TaskAddParameter', { isTemplate: true, documentShape: 'job-template' }), NEWEST), []);
    assert.deepEqual(checkEntitySchema(entity(body, 'TaskAddParameter', { isTemplate: true }), '2017-05-01.5.0'), []);
    assert.deepEqual(summary(checkEntitySchema(entity(body), NEWEST)), [
      'json-type-mismatch wrongType /constraints/maxTaskRetryCount value',
      'enum-value-invalid invalid /userIdentity/autoUser/elevationLevel value',
      'enum-value-invalid invalid /userIdentity/autoUser/scope value',
      'unknown-property extensionOnly /resourceFiles/0/source key',
      'json-type-mismatch wrongType /outputFiles value',
      'unknown-property extensionOnly /packageReferences key',
    ]);
    const job = { id: 'j', poolInfo: { poolId: 'p' }, taskFactory: { type: 'parametricSweep' }, applicationTemplateInfo: { filePath: 'a.json' } };
    assert.deepEqual(checkEntitySchema(entity(job, 'JobAddParameter', { isTemplate: true, documentShape: 'extended-job' }), NEWEST), []);
    assert.deepEqual(
      summary(checkEntitySchema(entity(job, 'JobAddParameter'), NEWEST)),
      ['unknown-property extensionOnly /taskFactory key', 'unknown-property extensionOnly /applicationTemplateInfo key'],
    );
  });

  it('leaves nested task and pool bodies to their own entities', () => {
    const job = {
      jobManagerTask: { bogus: 1 },
      jobPreparationTask: { runElevated: 'yes' },
      poolInfo: { autoPoolSpecification: { poolLifetimeOption: 'job', pool: { nonsense: true } } },
    };
    assert.deepEqual(checkEntitySchema(entity({ id: 'j', ...job }, 'JobAddParameter'), NEWEST), []);
    assert.deepEqual(summary(checkEntitySchema(entity({ ...job, jobReleaseTask: 'x' }, 'JobSpecification'), NEWEST)), [
      'json-type-mismatch wrongType /jobReleaseTask value',
    ]);
    assert.deepEqual(checkEntitySchema(entity(pool({ startTask: { commandLine: 1 } }), 'PoolAddParameter'), NEWEST), []);
  });

  it('remembers the answer for the last entity and api-version only', () => {
    const body = task({ requiredSLots: 1 });
    const checked = entity(body);
    const first = checkEntitySchema(checked, NEWEST);
    assert.equal(checkEntitySchema(checked, NEWEST), first);
    assert.deepEqual(summary(first), ['unknown-property unknownDidYouMean /requiredSLots key']);
    // 2017-05-01.5.0 has no requiredSlots to suggest.
    const older = checkEntitySchema(checked, '2017-05-01.5.0');
    assert.notEqual(older, first);
    assert.deepEqual(summary(older), ['unknown-property unknown /requiredSLots key']);
    const again = checkEntitySchema(checked, NEWEST);
    assert.notEqual(again, first);
    assert.deepEqual(again, first);
    // Another entity over the same body is checked afresh (its role or shape may differ).
    assert.notEqual(checkEntitySchema(entity(body), NEWEST), again);
  });

  it('orders issues as they appear in the document, not as the schema lists properties', () => {
    const body = JSON.parse('{"zeta":1,"commandLine":2,"id":"a","alpha":3,"constraints":{"maxTaskRetryCount":"x"}}') as JsonValue;
    assert.deepEqual(summary(checkEntitySchema(entity(body), NEWEST)), [
      'unknown-property unknown /zeta key',
      'json-type-mismatch wrongType /commandLine value',
      'unknown-property unknown /alpha key',
      'json-type-mismatch wrongType /constraints/maxTaskRetryCount value',
    ]);
  });

  it('copes with hostile input: __proto__ keys, deep nesting under unknown members, odd keys', () => {
    let deep: JsonValue = 1;
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const body = JSON.parse('{"id":"a","commandLine":"b","__proto__":{"x":1},"a/b~c":1}') as Record<string, JsonValue>;
    body.nested = deep;
    assert.deepEqual(summary(checkEntitySchema(entity(body), NEWEST)), [
      'unknown-property unknown /__proto__ key',
      'unknown-property unknown /a~1b~0c key',
      'unknown-property unknown /nested key',
    ]);
    for (const hostile of [null, 0, 'task', true, []] as JsonValue[]) {
      assert.equal(checkEntitySchema(entity(hostile), NEWEST).length, 1);
    }
  });

  it('produces only message ids and placeholders its rules declare', () => {
    const body = task({
      requiredSLots: 1,
      url: 'u',
      taskFactory: {},
      resourceFiles: [{ source: {}, blobSource: 'x' }],
      id: 1,
      constraints: { maxTaskRetryCount: 1e10 },
      userIdentity: { autoUser: { scope: 'x', elevationLevel: 'ADMIN' } },
      exitConditions: { schedulingError: {} },
      runElevated: true,
      containerSettings: { imageName: 'i', containerHostBatchBindMounts: [] },
    });
    const issues = [
      ...checkEntitySchema(entity(body), NEWEST),
      ...checkEntitySchema(entity(body), '2019-06-01.9.0'),
      ...checkEntitySchema(entity(task({ requiredSlots: 1, mountConfiguration: [] }), 'TaskAddParameter'), '2017-05-01.5.0'),
      ...checkEntitySchema(entity(pool({ mountConfiguration: [], cloudServiceConfiguration: {}, maxTasksPerNode: 1 }), 'PoolAddParameter'), '2017-05-01.5.0'),
      ...checkEntitySchema(entity({ id: 'p', vmSize: 'v' }, 'PoolAddParameter'), NEWEST),
    ];
    const seen = new Set<string>();
    for (const issue of issues) {
      const messages = SCHEMA_RULE_MESSAGES[issue.ruleId] as Record<string, string>;
      const template = messages[issue.messageId];
      assert.ok(template !== undefined, `${issue.ruleId} has no message ${issue.messageId}`);
      const placeholders = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      assert.deepEqual(Object.keys(issue.data).sort(), [...new Set(placeholders)], `${issue.ruleId}/${issue.messageId}`);
      seen.add(`${issue.ruleId}/${issue.messageId}`);
    }
    assert.ok(seen.has('property-requires-newer-api-version/notInVersion'));
    assert.ok(seen.has('unknown-property/responseField'));
  });
});
