/**
 * Message templates of the rules fed by checkEntitySchema. The rule modules declare exactly these
 * tables, so every issue the checker produces names a message its rule has, with its placeholders.
 */
export const SCHEMA_RULE_MESSAGES = {
  'required-property-missing': {
    missing: '{object} is missing the required property "{property}"',
  },
  'unknown-property': {
    unknown: 'Property "{property}" is not defined for {object} in api-version "{apiVersion}"',
    unknownDidYouMean: 'Property "{property}" is not defined for {object}; did you mean "{suggestion}"?',
    responseField: 'Property "{property}" is a read-only field of GET responses; remove it from the request body',
    extensionOnly:
      'Property "{property}" is understood only by the Azure Batch CLI extensions when expanding a template; the REST API rejects it',
  },
  'property-requires-newer-api-version': {
    requiresNewer: 'Property "{property}" requires api-version "{since}" or newer; the configured api-version is "{apiVersion}"',
    notInVersion: 'Property "{property}" does not exist in api-version "{apiVersion}"; it is available in "{knownIn}"',
  },
  'json-type-mismatch': {
    wrongType: '"{property}" must be a JSON {expected}, not {actual}',
  },
  'int32-out-of-range': {
    outOfRange: '"{property}" must be an integer from -2147483648 to 2147483647 (a signed 32-bit integer)',
  },
  'enum-value-invalid': {
    invalid: 'Value "{value}" is not allowed for "{property}"; use one of {allowed}',
  },
  'enum-value-noncanonical-case': {
    noncanonicalCase:
      'Value "{value}" of "{property}" matches "{canonical}" only when ignoring case; write "{canonical}", the wire value of api-version "{apiVersion}"',
  },
  'resource-file-blob-source-legacy': {
    blobSource:
      '"blobSource" was replaced in api-version "2018-12-01.8.0" by "httpUrl", "storageContainerUrl" or "autoStorageContainerName"; use "httpUrl" for one blob',
  },
  'run-elevated-legacy': {
    runElevated:
      '"runElevated" was replaced in api-version "2017-01-01.4.0" by "userIdentity"; use "userIdentity": {"autoUser": {"elevationLevel": "admin"}} (or "nonadmin")',
  },
  'exit-conditions-legacy-scheduling-error': {
    schedulingError: '"schedulingError" was renamed "preProcessingError" in api-version "2017-05-01.5.0"; rename the property',
  },
  'pool-max-tasks-per-node-legacy': {
    maxTasksPerNode: '"maxTasksPerNode" was replaced in api-version "2020-09-01.12.0" by "taskSlotsPerNode"; rename the property',
  },
  'pool-target-dedicated-legacy': {
    targetDedicated:
      '"targetDedicated" was replaced in api-version "2017-05-01.5.0" by "targetDedicatedNodes" (and "targetLowPriorityNodes"); rename the property',
  },
  'pool-cloud-service-configuration': {
    removed:
      '"cloudServiceConfiguration" was removed in api-version "2024-07-01.20.0"; use "virtualMachineConfiguration" with a marketplace or gallery image',
    retired:
      'Cloud Services Configuration pools were retired on 29 February 2024 and can no longer be created; use "virtualMachineConfiguration"',
  },
  'pool-application-licenses-removed': {
    applicationLicenses: '"applicationLicenses" was removed in api-version "2024-07-01.20.0"; remove it and license the software on the image',
  },
  'pool-container-type-docker-legacy': {
    docker: 'Container type "{value}" was renamed "dockerCompatible" in api-version "2018-08-01.7.0"; write "dockerCompatible"',
  },
} as const;

export type SchemaRuleId = keyof typeof SCHEMA_RULE_MESSAGES;
