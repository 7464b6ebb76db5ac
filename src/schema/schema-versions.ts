import { createRequire } from 'node:module';
import { compareApiVersions, isApiVersion, NEWEST_API_VERSION, type ApiVersion } from '../project/api-versions.js';
import type { CompiledValidator, DerivedSchemaIndex } from './generated-artifacts.js';
import { propertyIndex } from './generated/property-index.js';

/**
 * Which derived schema serves a configured api-version. scripts/derive-schemas.mjs derives three
 * (reference Part A.1 decides where each starts):
 *
 * - `2017-05-01.5.0` serves 2015-03-01.1.1 … 2017-06-01.5.1 (camelCase enum values),
 * - `2024-02-01.19.0` serves 2017-09-01.6.0 … 2024-02-01.19.0,
 * - `2025-06-01.21.0` (19.0 plus the 2024-07-01.20.0 changes) serves 2024-07-01.20.0 and newer.
 *
 * Inside a range, properties that A.1 dates after the range's first version carry an `x-since`
 * annotation and are gated at run time, so a version in the middle of a range still gets
 * "requires a newer api-version" for them.
 */
export function derivedSchemaVersion(apiVersion: ApiVersion): ApiVersion {
  let derived = derivedVersionOf.get(apiVersion);
  if (derived === undefined) derivedVersionOf.set(apiVersion, (derived = chooseDerivedSchemaVersion(apiVersion)));
  return derived;
}

/** Asked for every entity a schema rule checks: answered once per api-version. */
const derivedVersionOf = new Map<ApiVersion, ApiVersion>();

function chooseDerivedSchemaVersion(apiVersion: ApiVersion): ApiVersion {
  // An api-version batchlint does not know (reported by its own rule) is checked as the newest.
  if (!isApiVersion(apiVersion)) apiVersion = NEWEST_API_VERSION;
  let chosen: ApiVersion | undefined;
  for (const [derived, index] of Object.entries(propertyIndex.versions)) {
    if (!isApiVersion(derived) || !isApiVersion(index.firstServed)) continue;
    if (compareApiVersions(index.firstServed, apiVersion) > 0) continue;
    if (chosen === undefined || compareApiVersions(derived, chosen) > 0) chosen = derived;
  }
  if (chosen === undefined) throw new Error(`No derived schema serves api-version ${apiVersion}`);
  return chosen;
}

export function derivedSchemaIndex(apiVersion: ApiVersion): DerivedSchemaIndex {
  const index = propertyIndex.versions[derivedSchemaVersion(apiVersion)];
  if (index === undefined) throw new Error(`The property index has no entry for ${apiVersion}`);
  return index;
}

/** The derived schemas newer than the one serving `apiVersion`, oldest first. */
export function newerDerivedSchemas(apiVersion: ApiVersion): Array<[ApiVersion, DerivedSchemaIndex]> {
  const current = derivedSchemaVersion(apiVersion);
  return Object.entries(propertyIndex.versions)
    .filter((entry): entry is [ApiVersion, DerivedSchemaIndex] => isApiVersion(entry[0]) && compareApiVersions(entry[0], current) > 0)
    .sort(([a], [b]) => compareApiVersions(a, b));
}

type ValidatorModule = Readonly<Record<string, CompiledValidator>>;

const loadedValidators = new Map<ApiVersion, ValidatorModule>();
const requireModule = createRequire(import.meta.url);

/**
 * Loads the compiled validators for an api-version ahead of checking (each module costs a few
 * milliseconds, so only the versions in use are loaded). Call it once per api-version before
 * linting; on Node 20.19+ checkEntitySchema also loads them on demand.
 */
export async function loadEntitySchemas(apiVersion: ApiVersion): Promise<void> {
  const derived = derivedSchemaVersion(apiVersion);
  if (loadedValidators.has(derived)) return;
  const validators = (await import(`./generated/validate-${derived}.js`)) as ValidatorModule;
  loadedValidators.set(derived, validators);
}

export function entityValidator(apiVersion: ApiVersion, definition: string): CompiledValidator {
  const derived = derivedSchemaVersion(apiVersion);
  let validators = loadedValidators.get(derived);
  if (validators === undefined) {
    try {
      validators = requireModule(`./generated/validate-${derived}.js`) as ValidatorModule;
    } catch (error) {
      throw new Error(
        `The schema validators for api-version ${apiVersion} are not loaded; await loadEntitySchemas() first ` +
          `(loading them on demand needs Node 20.19 or newer): ${(error as Error).message}`,
      );
    }
    loadedValidators.set(derived, validators);
  }
  const validator = validators[definition];
  if (validator === undefined) throw new Error(`No compiled validator for ${definition}`);
  return validator;
}
