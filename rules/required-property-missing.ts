import { defineRule, reportSchemaIssues, SCHEMA_RULE_MESSAGES } from '../src/rule-api.js';

export default defineRule({
  id: 'required-property-missing',
  summary: 'Require the properties the Batch specification marks as required',
  rationale:
    'The Batch service rejects a request body that lacks a required property with `MissingRequiredProperty` (D-err). ' +
    'The required properties come from the `required` arrays of the official specification for the configured ' +
    'api-version (S19, S21): a task needs `id` and `commandLine`, each `exitCodes[]` entry `code` and `exitOptions`, ' +
    'each `exitCodeRanges[]` entry `start`, `end` and `exitOptions`, an output file `filePattern`, `destination` and ' +
    '`uploadOptions`, container settings an `imageName`, a job `id` and `poolInfo`, a pool `id` and `vmSize` (and from ' +
    '2024-07-01.20.0 `virtualMachineConfiguration`), `multiInstanceSettings` a `coordinationCommandLine` (from ' +
    '2017-09-01.6.0; `numberOfInstances` before).',
  howToFix:
    'Add the missing property. In a CLI-extension template a `[parameters(...)]` value counts as present; an application ' +
    'template may leave out the job `id` and `poolInfo`, which the referencing job supplies.',
  category: 'schema',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: SCHEMA_RULE_MESSAGES['required-property-missing'],
  references: ['S19 required arrays', 'S21 required arrays', 'D-err MissingRequiredProperty'],
  check(context) {
    reportSchemaIssues(context, 'required-property-missing');
  },
});
