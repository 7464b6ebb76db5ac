import type { main as cliMain } from '../cli.js';
import type { lintsFiles as cliLintsFiles } from './cli-script.js';

/**
 * Runs dist/bundle/cli-script.cjs (scripts/bundle-cli.mjs) through `vm.Script`, handing V8 the
 * code it compiled on an earlier run. Compiling the bundle cost as much as linting a small file,
 * and Node 20 offers a code cache for classic scripts only (`module.enableCompileCache` came in
 * Node 22), hence a script rather than ES modules.
 *
 * The cache is a file named by the bundle's content hash, the Node version and the architecture,
 * beside the package (`node_modules/.cache/batchlint/`: whoever can write there can change the
 * bundle too), else in a private directory under the OS temp dir. V8 checks that data matches its
 * version, flags and the source's length, but not the data itself, and crashes on corrupt data:
 * so each file carries a SHA-256 of the data, is written to a temporary file, synced and renamed,
 * and any doubt (missing, short, foreign, failed check, rejected by V8) means compiling afresh.
 * The cache never changes what the script does, only how fast it starts.
 */

type Builtins = {
  fs: typeof import('node:fs');
  vm: typeof import('node:vm');
  module: typeof import('node:module');
  url: typeof import('node:url');
  path: typeof import('node:path');
};

interface CliScriptExports {
  main: typeof cliMain;
  lintsFiles: typeof cliLintsFiles;
}

/** The parameters of the function expression that scripts/bundle-cli.mjs wraps the bundle in. */
type CliScriptFunction = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  moduleUrl: string,
  importModule: (specifier: string) => Promise<unknown>,
) => void;

const CACHE_MAGIC = Buffer.from('BLVC');
const DIGEST_BYTES = 32;
const HEADER_BYTES = CACHE_MAGIC.length + DIGEST_BYTES;
/** The first line of the script: the SHA-256 of the rest, written by scripts/bundle-cli.mjs. */
const KEY_LINE = /^\/\/ batchlint-script ([0-9a-f]{64})\n/;

/** Needs `process.getBuiltinModule` (Node 20.16+), which skips the ES module facade: for node:fs alone that loads all of Node's streams. */
export async function runCliScript(scriptUrl: URL, argv: readonly string[]): Promise<number> {
  const builtins: Builtins = {
    fs: process.getBuiltinModule('node:fs'),
    vm: process.getBuiltinModule('node:vm'),
    module: process.getBuiltinModule('node:module'),
    url: process.getBuiltinModule('node:url'),
    path: process.getBuiltinModule('node:path'),
  };
  const { fs, vm, url, module: nodeModule } = builtins;
  // The bundle is ASCII (scripts/bundle-cli.mjs escapes the rest): latin1 reads it without UTF-8 decoding.
  const source = fs.readFileSync(scriptUrl, 'latin1');
  const scriptPath = url.fileURLToPath(scriptUrl);
  const cache = codeCache(builtins, scriptPath, KEY_LINE.exec(source.slice(0, 100))?.[1]);
  const cachedData = cache?.read();
  const script = new vm.Script(source, { filename: scriptPath, ...(cachedData !== undefined && { cachedData }) });
  const module = { exports: {} as CliScriptExports };
  let requireFromScript: NodeJS.Require | undefined;
  (script.runInThisContext() as CliScriptFunction)(
    module.exports,
    // The bundle requires only Node built-ins; a full require() costs a few milliseconds to make.
    ((id: string) => process.getBuiltinModule(id) ?? (requireFromScript ??= nodeModule.createRequire(scriptUrl))(id)) as NodeJS.Require,
    module,
    scriptUrl.href,
    // A script cannot `import()` once its code came from a cache (Node 20 loses the callback), so it asks here.
    (specifier) => import(specifier),
  );
  const exitCode = await module.exports.main(argv);
  if (cache && (cachedData === undefined || script.cachedDataRejected === true) && module.exports.lintsFiles(argv)) {
    cache.write(script.createCachedData());
  }
  return exitCode;
}

interface CodeCache {
  read(): Buffer | undefined;
  write(data: Buffer): void;
}

interface CacheDirectory {
  path: string;
  /** Whether the directory may hold the cache; with `create`, makes it first. */
  usable(create: boolean): boolean;
}

function codeCache(builtins: Builtins, scriptPath: string, scriptHash: string | undefined): CodeCache | undefined {
  const { fs, path } = builtins;
  if (scriptHash === undefined) return undefined;
  // The bundle loads node:crypto anyway (fingerprints, atomic output).
  const crypto = process.getBuiltinModule('node:crypto');
  const digest = (data: Buffer) => crypto.hash('sha256', data, 'buffer') as unknown as Buffer;
  const fileName = `${scriptHash}.${process.version}-${process.arch}.v8cache`;
  // The temp dir is looked up only when the package's directory does not serve.
  function* directories(): Generator<CacheDirectory> {
    yield packageCacheDirectory(builtins, scriptPath);
    const privateDirectory = privateTemporaryDirectory(builtins);
    if (privateDirectory !== undefined) yield privateDirectory;
  }

  return {
    read() {
      for (const directory of directories()) {
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(path.join(directory.path, fileName));
        } catch {
          continue;
        }
        if (!directory.usable(false)) continue;
        const data = bytes.subarray(HEADER_BYTES);
        const header = bytes.subarray(0, HEADER_BYTES);
        if (data.length > 0 && header.subarray(0, CACHE_MAGIC.length).equals(CACHE_MAGIC) && header.subarray(CACHE_MAGIC.length).equals(digest(data))) return data;
      }
      return undefined;
    },
    write(data) {
      const header = Buffer.concat([CACHE_MAGIC, digest(data)]);
      for (const directory of directories()) {
        if (!directory.usable(true) || !writeAtomically(builtins, path.join(directory.path, fileName), [header, data])) continue;
        removeOtherBuilds(builtins, directory.path, scriptHash);
        return;
      }
    },
  };
}

/** Beside the package: whoever can write there can change the bundle as well, so the cache needs no more trust than the code. */
function packageCacheDirectory({ fs, path }: Builtins, scriptPath: string): CacheDirectory {
  const directory = path.resolve(path.dirname(scriptPath), '..', '..', 'node_modules', '.cache', 'batchlint');
  return {
    path: directory,
    usable(create) {
      try {
        if (create) fs.mkdirSync(directory, { recursive: true });
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** For installs the user cannot write to: a directory under the OS temp dir that only this user can have written. */
function privateTemporaryDirectory({ fs, path }: Builtins): CacheDirectory | undefined {
  if (typeof process.getuid !== 'function') return undefined;
  const os = process.getBuiltinModule('node:os');
  const uid = process.getuid();
  const directory = path.join(os.tmpdir(), `batchlint-${uid}`);
  return {
    path: directory,
    usable(create) {
      if (create) {
        try {
          fs.mkdirSync(directory, { mode: 0o700 });
        } catch {
          // It exists already (checked below), or cannot be made.
        }
      }
      const stats = fs.lstatSync(directory, { throwIfNoEntry: false });
      return stats !== undefined && stats.isDirectory() && stats.uid === uid && (stats.mode & 0o077) === 0;
    },
  };
}

function writeAtomically({ fs }: Builtins, target: string, parts: readonly Buffer[]): boolean {
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const descriptor = fs.openSync(temporary, 'wx', 0o600);
    try {
      for (const part of parts) fs.writeSync(descriptor, part);
      // Synced before the rename: after a crash the file is whole or absent, never the right size with zeros in it.
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, target);
    return true;
  } catch {
    fs.rmSync(temporary, { force: true });
    return false;
  }
}

/** Each build's cache is about a megabyte: drop those of other builds when writing this one's. */
function removeOtherBuilds({ fs, path }: Builtins, directory: string, scriptHash: string): void {
  try {
    for (const name of fs.readdirSync(directory)) {
      if (name.endsWith('.v8cache') && !name.startsWith(`${scriptHash}.`)) fs.rmSync(path.join(directory, name), { force: true });
    }
  } catch {
    // Another process may be pruning too; a leftover file costs only disk space.
  }
}
