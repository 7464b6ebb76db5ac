import {
  arrayMember,
  defineRule,
  fieldLabel,
  isJsonObject,
  isTemplateExpression,
  member,
  objectMember,
  pointerTo,
} from '../src/rule-api.js';
import type { EntityRef, JsonValue } from '../src/rule-api.js';

/** Environment variable names that announce a credential. */
const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|KEY|CONNECTION_?STRING/i;
/** …unless the name says the value only points at one (`KEYVAULT_NAME`, `SECRET_ID`, `TOKEN_FILE`). */
const REFERENCE_NAME = /(_|-|^)(NAMES?|URL|URI|ID|PATH|FILE|DIR|VAULT|HOST|ENDPOINT|TYPE|LENGTH|EXPIRY|TTL)$/i;
/** Values a pipeline or secret store fills in: `${X}`, `$(X)`, `$X`, `%X%`, `#{X}#`, `{{ x }}`, `<x>`, `__X__`, Key Vault references. */
const SUBSTITUTED_VALUE = /^\s*(\$\{.*\}|\$\(.*\)|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|#\{.*\}#?|\{\{.*\}\}|<.*>|__[A-Za-z0-9_]+__|@Microsoft\.KeyVault\(.*\))\s*$/;

interface SecretPlace {
  readonly segments: Array<string | number>;
  readonly what: string;
  /** Objects such as extension `protectedSettings` hold their secrets at any depth. */
  readonly nested?: boolean;
}

export default defineRule({
  id: 'secret-literal',
  summary: 'Disallow literal passwords, keys and tokens in task, job and pool bodies',
  rationale: [
    'Task, job and pool bodies live in repositories, build logs and Batch Explorer exports. The 2025-06-01.21.0',
    'specification marks the credential properties `x-ms-secret` (S21): container registry `password`,',
    '`userAccounts[].password`, `linuxUserConfiguration.sshPrivateKey`, mount `accountKey`, `sasKey` and',
    '`password`. VM extension `protectedSettings` are secret by name. Environment variables whose name says',
    'PASSWORD, SECRET, TOKEN, KEY or CONNECTION_STRING are treated the same way (names such as `KEYVAULT_NAME` or',
    '`TOKEN_FILE`, which only point at a secret, are not). Values that a pipeline or template substitutes',
    '(`[parameters(\'p\')]`, `${VAR}`, `$(var)`, `#{Var}#`, `<password>`) are not literals. Messages name the',
    'property, never the value.',
  ].join('\n'),
  howToFix: [
    'Remove the value and rotate the credential. Prefer credential-free options: a managed identity',
    '(`identityReference`) for registries, storage and mounts; the Azure Key Vault VM extension for certificates',
    'and secrets on nodes. Where a value must be passed, substitute it at submit time from a secret store.',
  ].join('\n'),
  category: 'security',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'high',
  securitySeverity: '7.5',
  scope: 'entity',
  messages: {
    literalSecret: '"{field}" holds a literal {what}; remove it, rotate it and supply it at submit time or use a managed identity',
    secretEnvironment: 'Environment variable "{name}" holds a literal value that looks like a secret; supply it at submit time from a secret store',
  },
  references: ['S21 `x-ms-secret`'],
  check(context) {
    const entity = context.entity;
    for (const place of secretPlaces(entity)) {
      let value: JsonValue | undefined = entity.value;
      for (const segment of place.segments) value = typeof segment === 'number' ? (Array.isArray(value) ? value[segment] : undefined) : member(value, segment);
      if (place.nested === true ? !holdsLiteralSecret(value) : !isLiteralSecret(value)) continue;
      context.report({
        messageId: 'literalSecret',
        pointer: pointerTo(...place.segments),
        data: { field: fieldLabel(...place.segments), what: place.what },
        fingerprintValue: fieldLabel(...place.segments),
      });
    }
    const settingsKey = entity.kind === 'task' ? 'environmentSettings' : entity.kind === 'job' ? 'commonEnvironmentSettings' : undefined;
    if (settingsKey === undefined) return;
    arrayMember(entity.value, settingsKey)?.forEach((setting, index) => {
      const name = member(setting, 'name');
      if (typeof name !== 'string' || !SECRET_NAME.test(name) || REFERENCE_NAME.test(name)) return;
      if (!isLiteralSecret(member(setting, 'value'))) return;
      context.report({
        messageId: 'secretEnvironment',
        pointer: pointerTo(settingsKey, index, 'value'),
        data: { name },
        fingerprintValue: `${settingsKey}:${name}`,
      });
    });
  },
});

/** A non-empty string that is not filled in by a template, pipeline or secret store. */
function isLiteralSecret(value: JsonValue | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '' && !isTemplateExpression(value) && !SUBSTITUTED_VALUE.test(value);
}

/** An object or array holding a literal secret at any depth (walked with a stack: hostile nesting is deep). */
function holdsLiteralSecret(value: JsonValue | undefined): boolean {
  const pending: Array<JsonValue | undefined> = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    // One push per element: spreading a hostile 300,000-element array as arguments overflows the call stack.
    if (Array.isArray(current)) for (const item of current) pending.push(item);
    else if (isJsonObject(current)) for (const item of Object.values(current)) pending.push(item);
    else if (isLiteralSecret(current)) return true;
  }
  return false;
}

/** The credential properties an entity body may hold (its own, not those of nested entities). */
function secretPlaces(entity: EntityRef): SecretPlace[] {
  const body = entity.value;
  const places: SecretPlace[] = [];
  if (entity.kind === 'task') {
    places.push({ segments: ['containerSettings', 'registry', 'password'], what: 'container registry password' });
    return places;
  }
  if (entity.kind !== 'pool') return places;
  arrayMember(body, 'userAccounts')?.forEach((_account, index) => {
    places.push({ segments: ['userAccounts', index, 'password'], what: 'user account password' });
    places.push({ segments: ['userAccounts', index, 'linuxUserConfiguration', 'sshPrivateKey'], what: 'SSH private key' });
  });
  const vm = objectMember(body, 'virtualMachineConfiguration');
  arrayMember(objectMember(vm, 'containerConfiguration'), 'containerRegistries')?.forEach((_registry, index) => {
    places.push({
      segments: ['virtualMachineConfiguration', 'containerConfiguration', 'containerRegistries', index, 'password'],
      what: 'container registry password',
    });
  });
  arrayMember(vm, 'extensions')?.forEach((_extension, index) => {
    places.push({ segments: ['virtualMachineConfiguration', 'extensions', index, 'protectedSettings'], what: 'set of extension protected settings', nested: true });
  });
  arrayMember(body, 'mountConfiguration')?.forEach((_mount, index) => {
    places.push({ segments: ['mountConfiguration', index, 'azureBlobFileSystemConfiguration', 'accountKey'], what: 'storage account key' });
    places.push({ segments: ['mountConfiguration', index, 'azureBlobFileSystemConfiguration', 'sasKey'], what: 'SAS key' });
    places.push({ segments: ['mountConfiguration', index, 'azureFileShareConfiguration', 'accountKey'], what: 'storage account key' });
    places.push({ segments: ['mountConfiguration', index, 'cifsMountConfiguration', 'password'], what: 'CIFS password' });
  });
  return places;
}
