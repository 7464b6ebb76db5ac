import { arrayMember, defineRule, isJsonObject, isTemplateExpression, member, objectMember, pointerTo, stringMember } from '../src/rule-api.js';

export default defineRule({
  id: 'container-image-not-prefetched',
  summary: 'Report container images that the pool does not prefetch',
  rationale:
    'Images listed in the pool\'s `containerConfiguration.containerImageNames` are pulled once, when each node ' +
    'starts (S19 `ContainerConfiguration`). Any other image is pulled when a task first needs it on a node: the ' +
    'task starts later, every node pulls on the critical path, and a pull that fails (registry throttling, missing ' +
    'credentials) fails the task instead of the node start. Names are compared after the `docker pull` defaults ' +
    'are applied (`ubuntu` is `docker.io/library/ubuntu:latest`).',
  howToFix: 'Add the image to the pool\'s `containerImageNames`, or use one of the images the pool already prefetches.',
  category: 'reliability',
  defaultSeverity: 'info',
  recommended: false,
  precision: 'high',
  scope: 'task',
  messages: {
    imageNotPrefetched: 'Image "{image}" is not in the containerImageNames of pool "{poolId}"; each node pulls it when a task starts',
  },
  references: ['S19 ContainerConfiguration.containerImageNames', 'D-ctr'],
  check(context) {
    const { task, pool } = context;
    if (pool === undefined) return;
    const image = stringMember(objectMember(task.value, 'containerSettings'), 'imageName');
    if (image === undefined || image === '' || isTemplateExpression(image)) return;
    const containerConfiguration = member(objectMember(pool.value, 'virtualMachineConfiguration'), 'containerConfiguration');
    if (!isJsonObject(containerConfiguration)) return;
    const prefetched = arrayMember(containerConfiguration, 'containerImageNames') ?? [];
    // An unresolved template list may hold the image: stay silent rather than guess.
    if (prefetched.some((name) => isTemplateExpression(name))) return;
    const wanted = canonicalImageName(image);
    if (prefetched.some((name) => typeof name === 'string' && canonicalImageName(name) === wanted)) return;
    context.report({
      messageId: 'imageNotPrefetched',
      pointer: pointerTo('containerSettings', 'imageName'),
      data: { image, poolId: pool.entity.id ?? '(auto pool)' },
    });
  },
});

/** The reference `docker pull` resolves: registry host lower-cased, `library/` for official images, `:latest` when untagged. */
function canonicalImageName(reference: string): string {
  const trimmed = reference.trim();
  const digestAt = trimmed.indexOf('@');
  const withoutDigest = digestAt === -1 ? trimmed : trimmed.slice(0, digestAt);
  const digest = digestAt === -1 ? '' : trimmed.slice(digestAt);
  const lastSlash = withoutDigest.lastIndexOf('/');
  const tagColon = withoutDigest.indexOf(':', lastSlash + 1);
  const name = tagColon === -1 ? withoutDigest : withoutDigest.slice(0, tagColon);
  const tag = tagColon === -1 ? (digest === '' ? ':latest' : '') : withoutDigest.slice(tagColon);
  const firstSlash = name.indexOf('/');
  const firstPart = firstSlash === -1 ? '' : name.slice(0, firstSlash);
  const hasRegistry = firstPart.includes('.') || firstPart.includes(':') || firstPart === 'localhost';
  let registry = hasRegistry ? firstPart.toLowerCase() : 'docker.io';
  let path = hasRegistry ? name.slice(firstSlash + 1) : name;
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return `${registry}/${path}${tag}${digest}`;
}
