import { UsageError } from '../errors.js';
import { suggestNearMiss } from '../config/suggest-near-miss.js';
import type { RuleSettingInput } from '../config/load-config.js';

export interface CliOptions {
  command: 'lint' | 'graph';
  patterns: string[];
  formats: string[];
  outputFile: string | undefined;
  configFile: string | undefined;
  useConfigLookup: boolean;
  rules: Record<string, RuleSettingInput>;
  ignorePatterns: string[];
  errorOnUnmatchedPattern: boolean;
  maxWarnings: number;
  quiet: boolean;
  stdin: boolean;
  stdinFilename: string | undefined;
  color: boolean | undefined;
  printConfig: string | undefined;
  printContext: string | undefined;
  listRules: boolean;
  apiVersion: string | undefined;
  now: string | undefined;
  completeTaskSet: boolean;
  exitZero: boolean;
  sarifCategory: string | undefined;
  stats: boolean;
  concurrency: string | undefined;
  cache: boolean;
  cacheLocation: string | undefined;
  version: boolean;
  help: boolean;
}

type FlagKind = 'boolean' | 'value' | 'list';
const FLAGS: Record<string, { kind: FlagKind; key: keyof CliOptions; negate?: boolean }> = {
  '--format': { kind: 'list', key: 'formats' },
  '-f': { kind: 'list', key: 'formats' },
  '--output-file': { kind: 'value', key: 'outputFile' },
  '-o': { kind: 'value', key: 'outputFile' },
  '--config': { kind: 'value', key: 'configFile' },
  '-c': { kind: 'value', key: 'configFile' },
  '--no-config-lookup': { kind: 'boolean', key: 'useConfigLookup', negate: true },
  '--rule': { kind: 'list', key: 'rules' },
  '--ignore-pattern': { kind: 'list', key: 'ignorePatterns' },
  '--no-error-on-unmatched-pattern': { kind: 'boolean', key: 'errorOnUnmatchedPattern', negate: true },
  '--max-warnings': { kind: 'value', key: 'maxWarnings' },
  '--quiet': { kind: 'boolean', key: 'quiet' },
  '--stdin': { kind: 'boolean', key: 'stdin' },
  '--stdin-filename': { kind: 'value', key: 'stdinFilename' },
  '--color': { kind: 'boolean', key: 'color' },
  '--no-color': { kind: 'boolean', key: 'color', negate: true },
  '--print-config': { kind: 'value', key: 'printConfig' },
  '--print-context': { kind: 'value', key: 'printContext' },
  '--list-rules': { kind: 'boolean', key: 'listRules' },
  '--api-version': { kind: 'value', key: 'apiVersion' },
  '--now': { kind: 'value', key: 'now' },
  '--complete-task-set': { kind: 'boolean', key: 'completeTaskSet' },
  '--exit-zero': { kind: 'boolean', key: 'exitZero' },
  '--no-fail': { kind: 'boolean', key: 'exitZero' },
  '--sarif-category': { kind: 'value', key: 'sarifCategory' },
  '--stats': { kind: 'boolean', key: 'stats' },
  '--concurrency': { kind: 'value', key: 'concurrency' },
  '--cache': { kind: 'boolean', key: 'cache' },
  '--cache-location': { kind: 'value', key: 'cacheLocation' },
  '--version': { kind: 'boolean', key: 'version' },
  '-v': { kind: 'boolean', key: 'version' },
  '--help': { kind: 'boolean', key: 'help' },
  '-h': { kind: 'boolean', key: 'help' },
};

export function parseArguments(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    command: 'lint', patterns: [], formats: [], outputFile: undefined, configFile: undefined, useConfigLookup: true, rules: {},
    ignorePatterns: [], errorOnUnmatchedPattern: true, maxWarnings: -1, quiet: false, stdin: false, stdinFilename: undefined,
    color: undefined, printConfig: undefined, printContext: undefined, listRules: false, apiVersion: undefined, now: undefined,
    completeTaskSet: false, exitZero: false, sarifCategory: undefined, stats: false, concurrency: undefined, cache: false,
    cacheLocation: undefined, version: false, help: false,
  };
  const args = [...argv];
  if (args[0] === 'graph') {
    options.command = 'graph';
    args.shift();
  }
  let onlyPatterns = false;
  for (let index = 0; index < args.length; index++) {
    const argument = args[index]!;
    if (onlyPatterns || !argument.startsWith('-') || argument === '-') {
      options.patterns.push(argument);
      continue;
    }
    if (argument === '--') {
      onlyPatterns = true;
      continue;
    }
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const name = equals > 0 ? argument.slice(0, equals) : argument;
    const flag = FLAGS[name];
    if (!flag) {
      const near = suggestNearMiss(name, Object.keys(FLAGS));
      throw new UsageError(`Unknown option ${name}${near ? `; did you mean ${near}?` : ''} (batchlint --help lists the options)`);
    }
    if (flag.kind === 'boolean') {
      if (equals > 0) throw new UsageError(`Option ${name} takes no value`);
      (options[flag.key] as boolean) = !flag.negate;
      continue;
    }
    const value = equals > 0 ? argument.slice(equals + 1) : args[++index];
    if (value === undefined || (equals < 0 && value.startsWith('-') && value.length > 1 && name !== '--max-warnings')) {
      throw new UsageError(`Option ${name} needs a value`);
    }
    if (flag.key === 'rules') Object.assign(options.rules, parseRuleFlag(value));
    else if (flag.key === 'maxWarnings') options.maxWarnings = parseMaxWarnings(value);
    else if (flag.kind === 'list') (options[flag.key] as string[]).push(...splitList(value, flag.key));
    else (options[flag.key] as string) = value;
  }
  return options;
}

function splitList(value: string, key: keyof CliOptions): string[] {
  return key === 'formats' ? [value] : value.split(',').map((part) => part.trim()).filter(Boolean);
}

function parseMaxWarnings(value: string): number {
  if (!/^-?\d+$/.test(value) || Number(value) < -1) throw new UsageError(`--max-warnings needs a whole number (-1 for no limit), not "${value}"`);
  return Number(value);
}

/** `--rule task-id-too-long:off`, `--rule 'task-id-too-long: warn'` or JSON `{"rule-id": ["warn", {…}]}`. */
function parseRuleFlag(value: string): Record<string, RuleSettingInput> {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, RuleSettingInput>;
    } catch {
      // fall through to the error below
    }
    throw new UsageError(`--rule ${value}: not a JSON object of rule settings`);
  }
  const match = /^([^:\s]+)\s*:\s*(off|info|warn|error)$/.exec(trimmed);
  if (!match) throw new UsageError(`--rule ${value}: write it as rule-id:severity (off, info, warn or error), or as a JSON object`);
  return { [match[1]!]: match[2] as RuleSettingInput };
}

export const HELP_TEXT = `batchlint [options] [file|dir|glob]...
batchlint graph [options] [file|dir|glob]...   print each job's dependency graph as Mermaid

Lint Azure Batch task, job and pool request bodies (JSON).

Output:
  -f, --format NAME[:FILE]     stylish (default), json, sarif, github, or a formatter package
                               (batchlint-formatter-NAME, eslint-formatter-NAME) or path; repeatable
  -o, --output-file FILE       write the (single) format without a :FILE here, atomically
  --quiet                      report errors only
  --max-warnings N             exit 1 when more than N warnings (default -1: no limit)
  --exit-zero, --no-fail       write every output and exit 0 unless batchlint itself failed
  --sarif-category ID          SARIF runs.automationDetails.id (one upload category per run)
  --color, --no-color          force colours on or off (NO_COLOR and FORCE_COLOR are honoured)

Configuration:
  -c, --config FILE            use this config file (cosmiconfig formats)
  --no-config-lookup           do not search for .batchlintrc / package.json#batchlint
  --rule ID:SEVERITY           set a rule (off, info, warn, error); repeatable, or a JSON object
  --api-version VERSION        Batch api-version to check against (default 2025-06-01.21.0)
  --now DATE                   the lint clock for SAS expiry rules (fixed for reproducible CI)
  --complete-task-set          the linted files hold every task of their jobs
  --ignore-pattern GLOB        ignore files matching GLOB (repeatable)
  --no-error-on-unmatched-pattern   do not fail when a pattern matches no file

Input:
  --stdin                      lint the text on standard input
  --stdin-filename PATH        path to use for --stdin (config, binding and output)

Speed:
  --concurrency auto|off|N     lint in worker threads (default auto)
  --cache                      reuse results of unchanged files
  --cache-location PATH        cache file (default .batchlintcache)
  --stats                      print per-stage and per-rule times to stderr

Inspection:
  --print-config FILE          print the resolved configuration for FILE
  --print-context FILE         print the job and pool FILE's tasks are bound to, and why
  --list-rules                 list every rule: id, default severity, category, summary
  -v, --version                print the version
  -h, --help                   print this help

Exit codes: 0 clean, 1 error findings (or too many warnings), 2 usage, config or internal failure.
`;
