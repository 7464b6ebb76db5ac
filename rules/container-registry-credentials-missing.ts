import { arrayMember, defineRule, isJsonObject, isTemplateExpression, member, objectMember, pointerTo, stringMember } from '../src/rule-api.js';

/** Registries that serve public images without credentials; an image elsewhere is assumed private. */
const PUBLIC_REGISTRIES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'mcr.microsoft.com',
  'ghcr.io',
  'quay.io',
  'gcr.io',
  'registry.k8s.io',
  'public.ecr.aws',
  'nvcr.io',
]);

export default defineRule({
  id: 'container-registry-credentials-missing',
  summary: 'Require registry credentials for images from a private container registry',
  rationale:
    'A task pulls its image with the task\'s `containerSettings.registry` or, when that is omitted, with the ' +
    'credentials "already provided at Pool creation" in `containerConfiguration.containerRegistries` (S19 ' +
    '`TaskContainerSettings.registry`). An image on a private registry such as `myregistry.azurecr.io` with ' +
    'neither fails to pull, and the task fails. Registries that serve public images (Docker Hub, ' +
    '`mcr.microsoft.com`, `ghcr.io`, `quay.io`, …) are not checked, and neither are tasks whose pool is unknown.',
  howToFix:
    'Add the registry with a managed identity (`identityReference`) or credentials to the pool\'s ' +
    '`containerConfiguration.containerRegistries`, or set `containerSettings.registry` on the task with a ' +
    '`registryServer` equal to the image\'s host.',
  category: 'reliability',
  defaultSeverity: 'warn',
  recommended: true,
  precision: 'medium',
  scope: 'task',
  messages: {
    registryCredentialsMissing:
      'Image "{image}" comes from registry "{registry}", but neither the task nor pool "{poolId}" gives credentials for it',
  },
  references: ['S19 TaskContainerSettings.registry', 'S19 ContainerConfiguration.containerRegistries', 'D-ctr'],
  check(context) {
    const { task, pool } = context;
    if (pool === undefined) return;
    const settings = objectMember(task.value, 'containerSettings');
    const image = stringMember(settings, 'imageName');
    if (image === undefined || isTemplateExpression(image)) return;
    const registry = registryHost(image);
    if (registry === undefined || PUBLIC_REGISTRIES.has(registry)) return;
    const taskRegistry = member(settings, 'registry');
    const containerConfiguration = objectMember(objectMember(pool.value, 'virtualMachineConfiguration'), 'containerConfiguration');
    const poolRegistries = arrayMember(containerConfiguration, 'containerRegistries') ?? [];
    const candidates = [taskRegistry, ...poolRegistries];
    if (candidates.some((candidate) => isTemplateExpression(candidate) || isTemplateExpression(member(candidate, 'registryServer')))) return;
    if (candidates.some((candidate) => isJsonObject(candidate) && serverHost(candidate) === registry)) return;
    context.report({
      messageId: 'registryCredentialsMissing',
      pointer: pointerTo('containerSettings', 'imageName'),
      data: { image, registry, poolId: pool.entity.id ?? '(auto pool)' },
    });
  },
});

/** The registry host an image reference names explicitly, lower-cased; undefined for Docker Hub short names. */
function registryHost(image: string): string | undefined {
  const firstSlash = image.indexOf('/');
  if (firstSlash === -1) return undefined;
  const firstPart = image.slice(0, firstSlash);
  const isHost = firstPart.includes('.') || firstPart.includes(':') || firstPart === 'localhost';
  return isHost ? firstPart.toLowerCase() : undefined;
}

/** `registryServer` as a host: S21 types it as a URI, so users write `https://x.azurecr.io/` as well as `x.azurecr.io`. */
function serverHost(registry: object): string {
  const server = stringMember(registry, 'registryServer') ?? 'docker.io';
  return server
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}
