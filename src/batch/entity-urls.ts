import { pointerTo } from '../document/json-pointer.js';
import { findUrlsInText, parseSas, parseUrl } from './sas-url.js';
import type { SasToken, UrlParts } from './sas-url.js';
import { resourceFileObjects, outputFileObjects } from './task-files.js';
import { rememberLast } from './remembered-answers.js';
import { arrayMember, isJsonObject, member, objectMember } from '../engine/untrusted-json.js';
import type { EntityRef, JsonValue } from '../engine/rule-types.js';

/**
 * Where URLs live in Batch bodies (reference C.8). Each entity is walked on its own: a job's
 * manager/preparation/release tasks, a pool's start task and an auto-pool are separate entities,
 * so they are not walked again from their parent.
 */

export type UrlFieldKind =
  /** `resourceFiles[].httpUrl`: one file. */
  | 'resourceHttp'
  /** `resourceFiles[].storageContainerUrl`: a container to list and read. */
  | 'resourceContainer'
  /** `resourceFiles[].blobSource`: one blob (api-versions up to 2018-08-01.7.0). */
  | 'resourceBlobSource'
  /** `resourceFiles[].source.containerUrl` and `taskFactory.source.containerUrl` (CLI extensions). */
  | 'extensionSource'
  /** `outputFiles[].destination.container.containerUrl`: a container to write to. */
  | 'outputContainer'
  /** A container registry server: usually a bare host name such as `myregistry.azurecr.io`. */
  | 'registryServer'
  /** `mountConfiguration[].azureFileShareConfiguration.azureFileUrl`. */
  | 'azureFileShare';

export interface UrlField {
  readonly url: string;
  /** Pointer of the string, relative to the entity. */
  readonly pointer: string;
  /** Readable location for messages, e.g. `resourceFiles[0].httpUrl`. */
  readonly field: string;
  readonly kind: UrlFieldKind;
}

export interface EmbeddedUrl {
  readonly url: string;
  /** Pointer of the text that contains the URL, relative to the entity. */
  readonly pointer: string;
  readonly field: string;
}

/** Readable form of a relative pointer's segments: `resourceFiles[0].httpUrl`. */
export function fieldLabel(...segments: Array<string | number>): string {
  let label = '';
  for (const segment of segments) {
    label += typeof segment === 'number' ? `[${segment}]` : label === '' ? segment : `.${segment}`;
  }
  return label;
}

/** Every string held in a URL-bearing property of the entity body. */
export const urlFields: (entity: EntityRef) => readonly UrlField[] = rememberLast(collectUrlFields);

function collectUrlFields(entity: EntityRef): UrlField[] {
  const fields: UrlField[] = [];
  const add = (value: JsonValue | undefined, kind: UrlFieldKind, segments: Array<string | number>): void => {
    if (typeof value === 'string') fields.push({ url: value, pointer: pointerTo(...segments), field: fieldLabel(...segments), kind });
  };
  const body = entity.value;
  if (entity.kind === 'task') {
    for (const entry of resourceFileObjects(body)) {
      const segments = entrySegments(entry.list, entry.index);
      add(member(entry.file, 'httpUrl'), 'resourceHttp', [...segments, 'httpUrl']);
      add(member(entry.file, 'storageContainerUrl'), 'resourceContainer', [...segments, 'storageContainerUrl']);
      add(member(entry.file, 'blobSource'), 'resourceBlobSource', [...segments, 'blobSource']);
      add(member(member(entry.file, 'source'), 'containerUrl'), 'extensionSource', [...segments, 'source', 'containerUrl']);
    }
    for (const entry of outputFileObjects(body)) {
      const containerUrl = member(member(member(entry.file, 'destination'), 'container'), 'containerUrl');
      add(containerUrl, 'outputContainer', ['outputFiles', entry.index, 'destination', 'container', 'containerUrl']);
    }
    const registry = objectMember(objectMember(body, 'containerSettings'), 'registry');
    add(member(registry, 'registryServer'), 'registryServer', ['containerSettings', 'registry', 'registryServer']);
  } else if (entity.kind === 'job') {
    add(member(member(member(body, 'taskFactory'), 'source'), 'containerUrl'), 'extensionSource', [
      'taskFactory',
      'source',
      'containerUrl',
    ]);
  } else {
    const registries = arrayMember(
      objectMember(objectMember(body, 'virtualMachineConfiguration'), 'containerConfiguration'),
      'containerRegistries',
    );
    registries?.forEach((registry, index) => {
      add(member(registry, 'registryServer'), 'registryServer', [
        'virtualMachineConfiguration',
        'containerConfiguration',
        'containerRegistries',
        index,
        'registryServer',
      ]);
    });
    arrayMember(body, 'mountConfiguration')?.forEach((mount, index) => {
      add(member(member(mount, 'azureFileShareConfiguration'), 'azureFileUrl'), 'azureFileShare', [
        'mountConfiguration',
        index,
        'azureFileShareConfiguration',
        'azureFileUrl',
      ]);
    });
  }
  return fields;
}

function entrySegments(list: 'resourceFiles' | 'commonResourceFiles', index: number): Array<string | number> {
  return list === 'resourceFiles' ? ['resourceFiles', index] : ['multiInstanceSettings', 'commonResourceFiles', index];
}

/**
 * http(s) URLs written inside free text: command lines (`azcopy copy "https://…?sig=…" .`) and
 * environment variable values, where SAS tokens leak as often as in URL fields.
 */
export const embeddedUrls: (entity: EntityRef) => readonly EmbeddedUrl[] = rememberLast(collectEmbeddedUrls);

function collectEmbeddedUrls(entity: EntityRef): EmbeddedUrl[] {
  const found: EmbeddedUrl[] = [];
  const scan = (value: JsonValue | undefined, segments: Array<string | number>): void => {
    if (typeof value !== 'string') return;
    for (const url of findUrlsInText(value)) found.push({ url, pointer: pointerTo(...segments), field: fieldLabel(...segments) });
  };
  const body = entity.value;
  if (entity.kind === 'task') {
    scan(member(body, 'commandLine'), ['commandLine']);
    scan(member(member(body, 'multiInstanceSettings'), 'coordinationCommandLine'), [
      'multiInstanceSettings',
      'coordinationCommandLine',
    ]);
  }
  const settingsKey = entity.kind === 'job' ? 'commonEnvironmentSettings' : entity.kind === 'task' ? 'environmentSettings' : undefined;
  if (settingsKey !== undefined) {
    arrayMember(body, settingsKey)?.forEach((setting, index) => {
      if (isJsonObject(setting)) scan(member(setting, 'value'), [settingsKey, index, 'value']);
    });
  }
  return found;
}

export interface SasUrl extends EmbeddedUrl {
  readonly parts: UrlParts;
  readonly sas: SasToken;
}

/** Every URL of the entity, in fields or free text, whose query carries SAS keys. */
export const sasUrls: (entity: EntityRef) => readonly SasUrl[] = rememberLast(collectSasUrls);

function collectSasUrls(entity: EntityRef): SasUrl[] {
  const found: SasUrl[] = [];
  for (const place of [...urlFields(entity), ...embeddedUrls(entity)]) {
    // Without a query there is no SAS: most URLs, and not worth parsing here.
    if (!place.url.includes('?')) continue;
    const parts = parseUrl(place.url);
    const sas = parseSas(parts);
    if (sas !== undefined) found.push({ url: place.url, pointer: place.pointer, field: place.field, parts, sas });
  }
  return found;
}
