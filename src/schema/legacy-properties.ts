import type { ApiVersion } from '../project/api-versions.js';
import type { SCHEMA_RULE_MESSAGES, SchemaRuleId } from './schema-messages.js';

type LegacyMessage = { [Id in SchemaRuleId]: { ruleId: Id; messageId: keyof (typeof SCHEMA_RULE_MESSAGES)[Id] & string } }[SchemaRuleId];

export type LegacyProperty = LegacyMessage & {
  readonly definitions: readonly string[];
  readonly property: string;
  /** The first api-version whose request bodies no longer have the property (reference Part A.1). */
  readonly removedIn: ApiVersion;
};

const TASK_DEFINITIONS = ['TaskAddParameter', 'JobManagerTask', 'JobPreparationTask', 'JobReleaseTask', 'StartTask'];
const POOL_DEFINITIONS = ['PoolAddParameter', 'PoolSpecification'];

/**
 * Removed or renamed properties. Each is reported only by its own rule, whose message names the
 * replacement, never as an unknown property as well.
 */
export const LEGACY_PROPERTIES: readonly LegacyProperty[] = [
  { ruleId: 'run-elevated-legacy', messageId: 'runElevated', definitions: TASK_DEFINITIONS, property: 'runElevated', removedIn: '2017-01-01.4.0' },
  {
    ruleId: 'exit-conditions-legacy-scheduling-error',
    messageId: 'schedulingError',
    definitions: ['ExitConditions'],
    property: 'schedulingError',
    removedIn: '2017-05-01.5.0',
  },
  {
    ruleId: 'resource-file-blob-source-legacy',
    messageId: 'blobSource',
    definitions: ['ResourceFile'],
    property: 'blobSource',
    removedIn: '2018-12-01.8.0',
  },
  {
    ruleId: 'pool-max-tasks-per-node-legacy',
    messageId: 'maxTasksPerNode',
    definitions: POOL_DEFINITIONS,
    property: 'maxTasksPerNode',
    removedIn: '2020-09-01.12.0',
  },
  {
    ruleId: 'pool-target-dedicated-legacy',
    messageId: 'targetDedicated',
    definitions: POOL_DEFINITIONS,
    property: 'targetDedicated',
    removedIn: '2017-05-01.5.0',
  },
  {
    ruleId: 'pool-cloud-service-configuration',
    messageId: 'removed',
    definitions: POOL_DEFINITIONS,
    property: 'cloudServiceConfiguration',
    removedIn: '2024-07-01.20.0',
  },
  {
    ruleId: 'pool-application-licenses-removed',
    messageId: 'applicationLicenses',
    definitions: POOL_DEFINITIONS,
    property: 'applicationLicenses',
    removedIn: '2024-07-01.20.0',
  },
];

export function legacyProperty(definition: string, property: string): LegacyProperty | undefined {
  return LEGACY_PROPERTIES.find((legacy) => legacy.property === property && legacy.definitions.includes(definition));
}

/** `containerConfiguration.type` "docker" became "dockerCompatible" (reference Part A.1). */
export const DOCKER_CONTAINER_TYPE_RENAMED_IN: ApiVersion = '2018-08-01.7.0';

/**
 * CLI-extension properties (reference Part D, T3/T4) that templates may carry: definition →
 * names. Outside templates they are unknown properties with their own message.
 */
export const EXTENSION_ONLY_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  TaskAddParameter: ['packageReferences'],
  JobManagerTask: ['packageReferences'],
  JobPreparationTask: ['packageReferences'],
  JobReleaseTask: ['packageReferences'],
  StartTask: ['packageReferences'],
  JobAddParameter: ['taskFactory', 'applicationTemplateInfo', 'templateMetadata', 'parameters', 'type'],
  JobSpecification: ['taskFactory', 'applicationTemplateInfo', 'templateMetadata', 'parameters', 'type'],
  PoolAddParameter: ['packageReferences', 'type'],
  PoolSpecification: ['packageReferences'],
  ResourceFile: ['source'],
  OutputFileDestination: ['autoStorage'],
};

export function isExtensionOnlyProperty(definition: string, property: string): boolean {
  return EXTENSION_ONLY_PROPERTIES[definition]?.includes(property) ?? false;
}
