// Derives the request-body JSON Schemas, their ahead-of-time compiled ajv validators and the
// property index from the official Batch data-plane specifications.
//
//   npm run schemas            (re)write the generated files
//   node scripts/derive-schemas.mjs --check   exit 1 when a committed file differs
//
// Reads ../shared/spec/BatchService.<version>.json (relative to the project root) and writes
// src/schema/generated/. The output is committed: neither ../shared nor ajv's compiler is
// needed when batchlint runs.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const specFolder = path.resolve(projectRoot, '..', 'shared', 'spec');
const outputFolder = path.join(projectRoot, 'src', 'schema', 'generated');

/** The REST definitions an entity may follow; each becomes one exported validator. */
const ROOT_DEFINITIONS = [
  'TaskAddParameter',
  'JobManagerTask',
  'JobPreparationTask',
  'JobReleaseTask',
  'StartTask',
  'JobAddParameter',
  'JobSpecification',
  'PoolAddParameter',
  'PoolSpecification',
];

const TASK_DEFINITIONS = ['TaskAddParameter', 'JobManagerTask', 'JobPreparationTask', 'JobReleaseTask', 'StartTask'];
const JOB_DEFINITIONS = ['JobAddParameter', 'JobSpecification'];
const POOL_DEFINITIONS = ['PoolAddParameter', 'PoolSpecification'];

/**
 * Task-like bodies nested in jobs and pools are linted as entities of their own, so the job and
 * pool schemas accept any object there instead of descending (findings would be doubled).
 */
const SEPARATE_ENTITY_SLOTS = {
  JobAddParameter: ['jobManagerTask', 'jobPreparationTask', 'jobReleaseTask'],
  JobSpecification: ['jobManagerTask', 'jobPreparationTask', 'jobReleaseTask'],
  PoolAddParameter: ['startTask'],
  PoolSpecification: ['startTask'],
  AutoPoolSpecification: ['pool'],
};

/**
 * Reference Part A.1: the api-version that introduced a property, for properties the schemas
 * below contain but some api-version they serve lacks. Each becomes an `x-since` annotation in
 * the schema (the validator reports the property's presence, check-entity-schema compares
 * versions) and an entry in the property index.
 */
const PROPERTY_INTRODUCED = [
  { since: '2016-07-01.3.1', definitions: ['TaskAddParameter'], properties: ['exitConditions', 'applicationPackageReferences'] },
  { since: '2016-07-01.3.1', definitions: JOB_DEFINITIONS, properties: ['onAllTasksComplete', 'onTaskFailure'] },
  { since: '2017-01-01.4.0', definitions: TASK_DEFINITIONS, properties: ['userIdentity'] },
  { since: '2017-01-01.4.0', definitions: ['ExitOptions'], properties: ['dependencyAction'] },
  { since: '2017-01-01.4.0', definitions: ['TaskAddParameter', 'JobManagerTask'], properties: ['authenticationTokenSettings'] },
  { since: '2017-05-01.5.0', definitions: ['ExitConditions'], properties: ['preProcessingError', 'fileUploadError'] },
  { since: '2017-05-01.5.0', definitions: ['TaskAddParameter', 'JobManagerTask'], properties: ['outputFiles'] },
  { since: '2017-05-01.5.0', definitions: POOL_DEFINITIONS, properties: ['targetDedicatedNodes', 'targetLowPriorityNodes'] },
  { since: '2017-09-01.6.0', definitions: TASK_DEFINITIONS, properties: ['containerSettings'] },
  { since: '2017-09-01.6.0', definitions: ['VirtualMachineConfiguration'], properties: ['containerConfiguration'] },
  {
    since: '2018-12-01.8.0',
    definitions: ['ResourceFile'],
    properties: ['httpUrl', 'storageContainerUrl', 'autoStorageContainerName', 'blobPrefix'],
  },
  { since: '2018-12-01.8.0', definitions: JOB_DEFINITIONS, properties: ['networkConfiguration'] },
  { since: '2019-06-01.9.0', definitions: ['TaskContainerSettings'], properties: ['workingDirectory'] },
  { since: '2020-09-01.12.0', definitions: ['TaskAddParameter', 'JobManagerTask'], properties: ['requiredSlots'] },
  { since: '2020-09-01.12.0', definitions: POOL_DEFINITIONS, properties: ['taskSlotsPerNode'] },
  {
    since: '2021-06-01.14.0',
    definitions: ['ResourceFile', 'OutputFileBlobContainerDestination', 'ContainerRegistry'],
    properties: ['identityReference'],
  },
  { since: '2021-06-01.14.0', definitions: JOB_DEFINITIONS, properties: ['maxParallelTasks'] },
  { since: '2022-01-01.15.0', definitions: ['OutputFileBlobContainerDestination'], properties: ['uploadHeaders'] },
  { since: '2022-01-01.15.0', definitions: JOB_DEFINITIONS, properties: ['allowTaskPreemption'] },
  { since: '2024-07-01.20.0', definitions: ['TaskContainerSettings'], properties: ['containerHostBatchBindMounts'] },
  // Not in A.1's table; assumed to arrive with the other 20.0 changes, so 20.0 users get no
  // false error (21.0 is the first version known to have it).
  { since: '2024-07-01.20.0', definitions: ['JobNetworkConfiguration'], properties: ['skipWithdrawFromVNet'] },
];

/** Reference Part A.3: SDK client names users paste into wire bodies, beyond the spec's x-ms-client-name. */
const SDK_CLIENT_NAMES = {
  userName: 'username',
  nodeAgentSkuId: 'nodeAgentSKUId',
  values: 'value',
  allTasksCompleteMode: 'onAllTasksComplete',
  taskFailureMode: 'onTaskFailure',
  logicalUnitNumber: 'lun',
  diskSizeGb: 'diskSizeGB',
  inboundNatPools: 'inboundNATPools',
  publicIpAddressConfiguration: 'publicIPAddressConfiguration',
  OsDisk: 'osDisk',
  dynamicVnetAssignmentScope: 'dynamicVNetAssignmentScope',
};

/** Where the GET-response definitions keep fields a request body must not carry. */
const RESPONSE_DEFINITIONS = ['CloudTask', 'CloudJob', 'CloudPool', 'CloudJobSchedule'];

/**
 * The derived schemas. `firstServed` is the oldest api-version each one serves; a configured
 * version uses the newest derived schema whose `firstServed` is at or below it (the mapping is
 * repeated at run time in src/schema/schema-versions.ts). 2017-05-01.5.0 serves everything up to
 * 2017-06-01.5.1 (the camelCase-enum era); the 19.0 schema serves 2017-09-01.6.0 … 2024-02-01.19.0
 * with `x-since` gates for the A.1 properties introduced in between; the 21.0 schema (19.0 plus
 * the A.1 changes of 2024-07-01.20.0) serves 20.0 and 21.0.
 */
const DERIVED = [
  { apiVersion: '2017-05-01.5.0', firstServed: '2015-03-01.1.1', source: '2017-05-01.5.0', adjust: () => {} },
  { apiVersion: '2024-02-01.19.0', firstServed: '2017-09-01.6.0', source: '2024-02-01.19.0', adjust: () => {} },
  { apiVersion: '2025-06-01.21.0', firstServed: '2024-07-01.20.0', source: '2024-02-01.19.0', adjust: applyVersion20Changes },
];

/** Api-versions in order (src/project/api-versions.ts holds the same list). */
const API_VERSIONS = [
  '2015-03-01.1.1', '2015-06-01.2.0', '2015-11-01.2.1', '2015-12-01.2.2', '2016-02-01.3.0', '2016-07-01.3.1',
  '2017-01-01.4.0', '2017-05-01.5.0', '2017-06-01.5.1', '2017-09-01.6.0', '2018-03-01.6.1', '2018-08-01.7.0',
  '2018-12-01.8.0', '2019-06-01.9.0', '2019-08-01.10.0', '2020-03-01.11.0', '2020-09-01.12.0', '2021-06-01.14.0',
  '2022-01-01.15.0', '2022-10-01.16.0', '2023-05-01.17.0', '2023-11-01.18.0', '2024-02-01.19.0', '2024-07-01.20.0',
  '2025-06-01.21.0',
];
const versionIndex = (version) => {
  const index = API_VERSIONS.indexOf(version);
  if (index < 0) throw new Error(`unknown api-version ${version}`);
  return index;
};

/** Swagger keywords we understand; anything else in a reachable definition stops the script. */
const KNOWN_SWAGGER_KEYWORDS = new Set([
  'type', 'properties', 'required', 'items', '$ref', 'enum', 'format', 'additionalProperties', 'readOnly',
  'title', 'description', 'x-ms-enum', 'x-ms-client-name', 'x-nullable', 'x-ms-secret', 'default', 'externalDocs',
  // Value ranges are left to dedicated rules with messages that explain the Batch limit.
  'minimum', 'maximum',
]);

function readSpec(version) {
  const file = path.join(specFolder, `BatchService.${version}.json`);
  if (!existsSync(file)) {
    throw new Error(`Missing ${path.relative(projectRoot, file)}: derive-schemas needs the official specifications in ../shared/spec`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const refName = (ref) => ref.slice(ref.lastIndexOf('/') + 1);

/** Swagger schema node → JSON Schema node; collects referenced definition names. */
function convertNode(node, where, references) {
  for (const key of Object.keys(node)) {
    if (!KNOWN_SWAGGER_KEYWORDS.has(key)) throw new Error(`${where}: unsupported swagger keyword "${key}"`);
  }
  if (node.$ref !== undefined) {
    const name = refName(node.$ref);
    references.add(name);
    return { $ref: `#/definitions/${name}` };
  }
  const converted = {};
  const isObject = node.type === 'object' || node.properties !== undefined;
  if (isObject) converted.type = 'object';
  else if (node.type !== undefined) converted.type = node.type;
  if (node.type === 'integer' && node.format === 'int32') converted['x-int32'] = true;
  if (node.type === 'integer' && node.format !== 'int32') throw new Error(`${where}: integer format ${node.format} needs a range rule`);
  if (Array.isArray(node.enum)) converted.enum = [...node.enum];
  if (node.items !== undefined) converted.items = convertNode(node.items, `${where}[]`, references);
  if (node.properties !== undefined) {
    converted.properties = {};
    for (const [name, property] of Object.entries(node.properties)) {
      // Read-only properties are set by the service; a request body must not carry them.
      if (property.readOnly === true) continue;
      converted.properties[name] = convertNode(property, `${where}.${name}`, references);
    }
    const required = (node.required ?? []).filter((name) => converted.properties[name] !== undefined);
    if (required.length > 0) converted.required = required;
    converted.additionalProperties = false;
  }
  if (node.additionalProperties !== undefined && typeof node.additionalProperties === 'object') {
    converted.additionalProperties = convertNode(node.additionalProperties, `${where}{}`, references);
  }
  return converted;
}

/** The definitions reachable from the entity roots, converted. */
function convertSpec(spec) {
  const definitions = {};
  const pending = [...ROOT_DEFINITIONS];
  while (pending.length > 0) {
    const name = pending.pop();
    if (definitions[name] !== undefined) continue;
    const source = spec.definitions[name];
    if (source === undefined) throw new Error(`definition ${name} is missing`);
    const references = new Set();
    const copy = { ...source, properties: source.properties === undefined ? undefined : { ...source.properties } };
    if (copy.properties === undefined) delete copy.properties;
    for (const slot of SEPARATE_ENTITY_SLOTS[name] ?? []) {
      if (copy.properties?.[slot] !== undefined) copy.properties[slot] = { type: 'object' };
    }
    definitions[name] = convertNode(copy, name, references);
    pending.push(...references);
  }
  return definitions;
}

/**
 * Slots where the specification's type is narrower than what the service's own examples send:
 * EX19 PoolAdd_VirtualMachineConfigurationWithExtensions gives extension `settings` as a
 * JSON-encoded string, although the specification says object.
 */
function widenForOfficialExamples(definitions) {
  for (const property of ['settings', 'protectedSettings']) {
    const slot = definitions.VMExtension?.properties?.[property];
    if (slot !== undefined) slot.type = ['object', 'string'];
  }
}

/** Reference Part A.1, 2024-07-01.20.0 (confirmed in 2025-06-01.21.0). */
function applyVersion20Changes(definitions) {
  for (const pool of POOL_DEFINITIONS) {
    const definition = definitions[pool];
    delete definition.properties.cloudServiceConfiguration;
    delete definition.properties.applicationLicenses;
    definition.required = [...new Set([...(definition.required ?? []), 'virtualMachineConfiguration'])];
  }
  definitions.ContainerHostBatchBindMountEntry = {
    type: 'object',
    properties: {
      source: { type: 'string', enum: ['Shared', 'Startup', 'VfsMounts', 'Task', 'JobPrep', 'Applications'] },
      isReadOnly: { type: 'boolean' },
    },
    additionalProperties: false,
  };
  definitions.TaskContainerSettings.properties.containerHostBatchBindMounts = {
    type: 'array',
    items: { $ref: '#/definitions/ContainerHostBatchBindMountEntry' },
  };
  definitions.JobNetworkConfiguration.properties.skipWithdrawFromVNet = { type: 'boolean' };
  // Reference Part A.2: DiffDiskPlacement is `CacheDisk` in 19.0 but `cachedisk` in 21.0.
  definitions.DiffDiskPlacement.enum = ['cachedisk'];
}

function removeUnreachable(definitions) {
  const reachable = new Set();
  const pending = [...ROOT_DEFINITIONS];
  while (pending.length > 0) {
    const name = pending.pop();
    if (reachable.has(name)) continue;
    reachable.add(name);
    const nodes = [definitions[name]];
    while (nodes.length > 0) {
      const node = nodes.pop();
      if (node === null || typeof node !== 'object') continue;
      if (typeof node.$ref === 'string') pending.push(refName(node.$ref));
      nodes.push(...Object.values(node));
    }
  }
  for (const name of Object.keys(definitions)) if (!reachable.has(name)) delete definitions[name];
}

/** Adds `x-since` to properties introduced after the oldest api-version the schema serves. */
function addSinceGates(definitions, firstServed) {
  for (const fact of PROPERTY_INTRODUCED) {
    if (versionIndex(fact.since) <= versionIndex(firstServed)) continue;
    for (const definitionName of fact.definitions) {
      for (const property of fact.properties) {
        const slot = definitions[definitionName]?.properties?.[property];
        if (slot !== undefined) slot['x-since'] = fact.since;
      }
    }
  }
}

function sortedObject(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Property → what it holds: a definition name, `Name[]` for arrays of it, `*` for anything else. */
function propertyShapes(definitions) {
  const shapes = {};
  for (const [name, definition] of Object.entries(definitions)) {
    if (definition.properties === undefined) continue;
    const properties = {};
    for (const [property, slot] of Object.entries(definition.properties)) {
      if (slot.$ref !== undefined) properties[property] = refName(slot.$ref);
      else if (slot.items?.$ref !== undefined) properties[property] = `${refName(slot.items.$ref)}[]`;
      else properties[property] = '*';
      if (SEPARATE_ENTITY_SLOTS[name]?.includes(property)) properties[property] = '@entity';
    }
    shapes[name] = properties;
  }
  return sortedObject(shapes);
}

/** Definition → its required properties: a `null` anywhere else stands for an absent optional value. */
function requiredProperties(definitions) {
  const required = {};
  for (const [name, definition] of Object.entries(definitions)) {
    if (Array.isArray(definition.required) && definition.required.length > 0) required[name] = [...definition.required].sort();
  }
  return sortedObject(required);
}

function collectClientNames(spec) {
  const names = { ...SDK_CLIENT_NAMES };
  for (const definition of Object.values(spec.definitions)) {
    for (const [wireName, property] of Object.entries(definition.properties ?? {})) {
      const clientName = property['x-ms-client-name'];
      if (typeof clientName === 'string' && clientName !== wireName) names[clientName] = wireName;
    }
  }
  return sortedObject(names);
}

function collectResponseOnlyProperties(spec, requestShapes) {
  const requestNames = new Set(Object.values(requestShapes).flatMap((properties) => Object.keys(properties)));
  const names = new Set();
  for (const name of RESPONSE_DEFINITIONS) {
    for (const property of Object.keys(spec.definitions[name]?.properties ?? {})) {
      if (!requestNames.has(property)) names.add(property);
    }
  }
  // Read-only members of request definitions (e.g. ImageReference.exactVersion).
  for (const definition of Object.values(spec.definitions)) {
    for (const [property, slot] of Object.entries(definition.properties ?? {})) {
      if (slot.readOnly === true && !requestNames.has(property)) names.add(property);
    }
  }
  names.add('odata.metadata');
  return [...names].sort();
}

function sinceIndex() {
  const since = {};
  for (const fact of PROPERTY_INTRODUCED) {
    for (const definition of fact.definitions) {
      since[definition] ??= {};
      for (const property of fact.properties) since[definition][property] = fact.since;
    }
  }
  return sortedObject(since);
}

function compile(schema) {
  const ajv = new Ajv({
    allErrors: true,
    inlineRefs: false,
    messages: false,
    strict: true,
    allowUnionTypes: true,
    code: { source: true, esm: true, optimize: true },
  });
  ajv.addKeyword({
    keyword: 'x-int32',
    type: 'number',
    schemaType: 'boolean',
    errors: true,
    error: { message: 'must be a 32-bit integer' },
    code(cxt) {
      cxt.fail(_`isFinite(${cxt.data}) && (${cxt.data} < -2147483648 || ${cxt.data} > 2147483647)`);
    },
  });
  ajv.addKeyword({
    keyword: 'x-since',
    schemaType: 'string',
    errors: true,
    // Reports the property's presence; whether that is a problem depends on the configured version.
    error: { message: 'introduced in a later api-version', params: ({ schema }) => _`{since: ${schema}}` },
    code(cxt) {
      cxt.error();
    },
  });
  ajv.addSchema(schema);
  const exports = Object.fromEntries(ROOT_DEFINITIONS.map((name) => [name, `${schema.$id}#/definitions/${name}`]));
  return standaloneCode(ajv, exports);
}

function declarations() {
  return [
    '// Generated by scripts/derive-schemas.mjs. Do not edit.',
    "import type { CompiledValidator } from '../generated-artifacts.js';",
    ...ROOT_DEFINITIONS.map((name) => `export declare const ${name}: CompiledValidator;`),
    '',
  ].join('\n');
}

/** File name in src/schema/generated → content. */
function deriveFiles() {
  const files = new Map();
  const specs = {
    '2017-05-01.5.0': readSpec('2017-05-01.5.0'),
    '2024-02-01.19.0': readSpec('2024-02-01.19.0'),
  };
  const versions = {};
  for (const derived of DERIVED) {
    const definitions = convertSpec(specs[derived.source]);
    derived.adjust(definitions);
    widenForOfficialExamples(definitions);
    removeUnreachable(definitions);
    addSinceGates(definitions, derived.firstServed);
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `batchlint:${derived.apiVersion}`,
      $comment:
        `Azure Batch request bodies for api-version ${derived.apiVersion}, derived by scripts/derive-schemas.mjs ` +
        `from BatchService.${derived.source}.json. x-int32 marks int32 slots, x-since the api-version that introduced a property.`,
      definitions: sortedObject(definitions),
    };
    files.set(`schema-${derived.apiVersion}.json`, JSON.stringify(schema, null, 2) + '\n');
    const code = compile(schema);
    files.set(
      `validate-${derived.apiVersion}.js`,
      `// Generated by scripts/derive-schemas.mjs from schema-${derived.apiVersion}.json. Do not edit.\n${code}\n`,
    );
    files.set(`validate-${derived.apiVersion}.d.ts`, declarations());
    versions[derived.apiVersion] = { firstServed: derived.firstServed, properties: propertyShapes(definitions), required: requiredProperties(definitions) };
  }
  const newest = specs['2024-02-01.19.0'];
  const index = {
    versions,
    since: sinceIndex(),
    clientNames: collectClientNames(newest),
    responseOnly: collectResponseOnlyProperties(newest, versions['2024-02-01.19.0'].properties),
  };
  files.set(
    'property-index.js',
    '// Generated by scripts/derive-schemas.mjs. Do not edit.\n' + `export const propertyIndex = ${JSON.stringify(index)};\n`,
  );
  files.set(
    'property-index.d.ts',
    "// Generated by scripts/derive-schemas.mjs. Do not edit.\nimport type { PropertyIndex } from '../generated-artifacts.js';\nexport declare const propertyIndex: PropertyIndex;\n",
  );
  return files;
}

const files = deriveFiles();
if (process.argv.includes('--check')) {
  const stale = [...files].filter(([name, content]) => {
    const file = path.join(outputFolder, name);
    return !existsSync(file) || readFileSync(file, 'utf8') !== content;
  });
  for (const [name] of stale) console.error(`src/schema/generated/${name} is stale: run npm run schemas`);
  process.exitCode = stale.length > 0 ? 1 : 0;
} else {
  mkdirSync(outputFolder, { recursive: true });
  for (const [name, content] of files) writeFileSync(path.join(outputFolder, name), content);
}
