import { arrayMember, defineRule, isJsonObject, isTemplateExpression, member, pointerTo } from '../src/rule-api.js';

/** Package reference types the CLI extension installs, and the pool OS each needs. */
const INSTALLERS: Readonly<Record<string, { family: string; os: 'linux' | 'windows' }>> = {
  aptPackage: { family: 'apt', os: 'linux' },
  yumPackage: { family: 'yum', os: 'linux' },
  chocolateyPackage: { family: 'chocolatey', os: 'windows' },
};

export default defineRule({
  id: 'package-reference-invalid',
  summary: 'Require CLI-extension package references the extension can install',
  rationale:
    'In templates the CLI extension turns `packageReferences` of pools and tasks into an install command for the ' +
    'start task or the job preparation task. It stops when a reference lacks `type` or `id` ("A PackageReference ' +
    'must have a \'type\' and \'id\' element"), when one list mixes package managers ("PackageReferences may only ' +
    'contain a single type of package reference"), when `aptPackage`/`yumPackage` target a Windows pool or ' +
    '`chocolateyPackage` a Linux pool, and on `applicationPackage` ("not supported in this version") or any other ' +
    'type (X-ext `_get_installation_cmdline`, `doc/packages.md`).',
  howToFix:
    'Give every reference a `type` and an `id`; use one package manager per list, the one of the pool\'s OS; ' +
    'install Batch application packages with `applicationPackageReferences` instead.',
  category: 'correctness',
  defaultSeverity: 'error',
  recommended: true,
  precision: 'very-high',
  scope: 'entity',
  messages: {
    missingTypeOrId: 'The package reference has no "{property}"; the CLI extension needs "type" and "id"',
    mixedManagers: 'Package reference type "{type}" mixes package managers in one list (the first is "{first}"); the CLI extension allows one',
    wrongOs: 'Package reference type "{type}" installs only on {os} pools, but this pool runs {poolOs}',
    applicationPackage: 'The CLI extension does not support package reference type "applicationPackage"; use applicationPackageReferences',
    unknownType: 'Package reference type "{type}" is unknown to the CLI extension; use "aptPackage", "yumPackage" or "chocolateyPackage"',
  },
  references: ['X-ext `_template_utils.py` (`_get_installation_cmdline`)', 'X-ext `doc/packages.md`'],
  check(context) {
    const { entity, pool } = context;
    if (!entity.isTemplate || entity.kind === 'job' || (entity.kind === 'task' && !['task', 'repeatTask', 'mergeTask'].includes(entity.role))) return;
    // A pool's own references follow its own OS; a task's, the OS of the pool the job runs on.
    const poolOs = entity.kind === 'pool' ? (pool?.entity === entity ? pool.os : undefined) : pool?.os;
    let firstType: string | undefined;
    (arrayMember(entity.value, 'packageReferences') ?? []).forEach((reference, index) => {
      if (!isJsonObject(reference)) return;
      const pointer = pointerTo('packageReferences', index);
      const type = member(reference, 'type');
      for (const property of ['type', 'id']) {
        const value = member(reference, property);
        if (value === undefined || value === null || value === '') {
          context.report({ messageId: 'missingTypeOrId', pointer, data: { property } });
          return;
        }
      }
      if (typeof type !== 'string' || isTemplateExpression(type)) return;
      const typePointer = `${pointer}/type`;
      const installer = INSTALLERS[type];
      if (installer === undefined) {
        if (type === 'applicationPackage') context.report({ messageId: 'applicationPackage', pointer: typePointer });
        else context.report({ messageId: 'unknownType', pointer: typePointer, data: { type } });
        return;
      }
      if (firstType !== undefined && INSTALLERS[firstType]!.family !== installer.family) {
        context.report({ messageId: 'mixedManagers', pointer: typePointer, data: { type, first: firstType } });
        return;
      }
      firstType ??= type;
      if (poolOs !== undefined && poolOs !== installer.os) context.report({ messageId: 'wrongOs', pointer: typePointer, data: { type, os: installer.os === 'linux' ? 'Linux' : 'Windows', poolOs: poolOs === 'linux' ? 'Linux' : 'Windows' } });
    });
  },
});
