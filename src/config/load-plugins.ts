import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PluginError } from '../errors.js';
import type { Rule } from '../engine/rule-types.js';
import { defineRule } from '../engine/define-rule.js';

export interface LoadedPlugin {
  specifier: string;
  /** Package version, for cache keys; undefined for local files. */
  version: string | undefined;
  rules: Rule[];
}

/**
 * Load plugins named in the config: a path (relative to the config file) or a package resolved
 * from the config file's directory. A plugin exports rules made with `defineRule`, as
 * `export default [rule…]`, `export default { rules: [rule…] | { id: rule } }` or `export const rules`.
 */
export async function loadPlugins(plugins: ReadonlyArray<{ specifier: string; directory: string }>): Promise<LoadedPlugin[]> {
  const loaded: LoadedPlugin[] = [];
  for (const { specifier, directory } of plugins) {
    const resolved = resolvePlugin(specifier, directory);
    let module: Record<string, unknown>;
    try {
      module = (await import(pathToFileURL(resolved).href)) as Record<string, unknown>;
    } catch (error) {
      throw new PluginError(`Plugin "${specifier}" failed to load: ${firstLine(error)}`);
    }
    const exported = module.default ?? module;
    const candidates = extractRules(exported) ?? extractRules(module.rules);
    if (!candidates || candidates.length === 0) {
      throw new PluginError(`Plugin "${specifier}" exports no rules (export an array of rules made with defineRule, or { rules })`);
    }
    const rules = candidates.map((candidate) => {
      try {
        return defineRule(candidate as Parameters<typeof defineRule>[0]);
      } catch (error) {
        throw new PluginError(`Plugin "${specifier}": ${firstLine(error)}`);
      }
    });
    loaded.push({ specifier, version: packageVersion(resolved), rules });
  }
  return loaded;
}

function resolvePlugin(specifier: string, directory: string): string {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return path.resolve(directory, specifier);
  const require = createRequire(path.join(directory, 'noop.js'));
  for (const candidate of [specifier, `batchlint-plugin-${specifier}`]) {
    try {
      return require.resolve(candidate);
    } catch {
      // try the next spelling
    }
  }
  throw new PluginError(`Plugin "${specifier}" was not found (looked for the packages "${specifier}" and "batchlint-plugin-${specifier}" from ${directory}); install it, or in pre-commit list it under additional_dependencies`);
}

function extractRules(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object') {
    const rules = (value as { rules?: unknown }).rules;
    if (Array.isArray(rules)) return rules;
    if (rules !== null && typeof rules === 'object') return Object.values(rules);
  }
  return undefined;
}

function packageVersion(resolvedPath: string): string | undefined {
  let directory = path.dirname(resolvedPath);
  for (;;) {
    try {
      const manifest = createRequire(import.meta.url)(path.join(directory, 'package.json')) as { version?: string; name?: string };
      if (manifest.name) return manifest.version;
    } catch {
      // keep walking up
    }
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
