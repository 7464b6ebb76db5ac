/** Failures that stop a run before or instead of linting. Each ends the process with exit code 2. */
export class BatchlintError extends Error {
  readonly exitCode = 2;
}

/** A bad command line: unknown flag, bad value, unmatched pattern, missing file. */
export class UsageError extends BatchlintError {}

/** A configuration file that cannot be read, parsed or validated. */
export class ConfigError extends BatchlintError {}

/** A plugin that cannot be loaded or that exports something that is not a rule. */
export class PluginError extends BatchlintError {}
