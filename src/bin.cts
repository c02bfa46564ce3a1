#!/usr/bin/env node
// The bin as built: dist/cli.js, in CommonJS (dist/package.json says so), which runs the core, dist/core.cjs
// (cli.ts and everything it imports, one script: see scripts/build.mjs), compiled with the V8 code cache the
// build made for it: compiling the core's ~400 KB is otherwise most of a cold start, and Node 20 has no
// compile cache for modules. V8 rejects a cache made by another Node version or with other V8 flags; the script
// is then compiled as Node would compile it. The network checks are a second such script, dist/net.cjs, loaded
// with the first of them. The rest of the program (TUI, lab, fix) is ESM, which the core loads with the bin's import().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

/** What the core's import() of a network check names (scripts/build.mjs NET_SPECIFIER): a module of dist/net.cjs. */
const NET_SPECIFIER = 'codex-doctor-net:';

interface Layer {
  script: Script;
  cachedData: Buffer | undefined;
  exports: Record<string, unknown>;
}
const layers = new Map<string, Layer>();

/**
 * Runs dist/<name>.cjs, one function expression (exports, require, module, __filename, __dirname, __import), once,
 * and returns its module.exports. Its first line names its build (`// codex-doctor <name> <sha256>`), the cache's
 * first 64 bytes the build it was made from: a cache from another build is never used (V8 only compares the length
 * of the source).
 */
function layer(name: string): Layer {
  const loaded = layers.get(name);
  if (loaded) return loaded;
  const file = join(__dirname, `${name}.cjs`);
  // ASCII only (the build escapes the rest), so latin1 reads it exactly, and faster than utf8.
  const source = readFileSync(file, 'latin1');
  const label = `// codex-doctor ${name} `;
  const build = source.slice(label.length, label.length + 64);
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(join(__dirname, `${name}.cache`));
    if (cache.subarray(0, 64).toString('latin1') === build) cachedData = cache.subarray(64);
  } catch {
    // No cache (a build without one): compiled as usual.
  }
  const script = new Script(source, { filename: pathToFileURL(file).href, ...(cachedData && { cachedData }) });
  const module = { exports: {} as Record<string, unknown> };
  const entry: Layer = { script, cachedData, exports: module.exports };
  layers.set(name, entry);
  try {
    (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, __dirname, importForTheScripts);
  } catch (error) {
    layers.delete(name);
    throw error;
  }
  entry.exports = module.exports;
  return entry;
}

/** The network script's table of module namespaces, by path from the root (`src/checks/tls-auth.ts`). */
function netModules(): Record<string, unknown> {
  // node:v8 loaded here only: an offline run has no use for it.
  if (!layers.has('net')) for (const flag of NET_V8_FLAGS) (require('node:v8') as typeof import('node:v8')).setFlagsFromString(flag);
  return layer('net').exports;
}

/**
 * V8 flags for the network checks, set before their script is compiled (a code cache holds the hash of the flags
 * it was made with, and its training run, through this bin, had set them). They hold for the rest of the process
 * (a TUI rerun, the lab's own servers), and V8 reads few flags safely once running: `--no-regexp-tier-up`, tried
 * here, crashed V8 (SIGSEGV) on a regular expression compiled before it was set. Only these two:
 * - `--liftoff-only`: undici's llhttp WebAssembly compiled once, without optimising it again on background
 *   threads the process then waits for (src/net/undici-socket.ts, which sets it too where there is no bin);
 * - `--no-turbofan`: no optimising compiles. A run's network checks last tens of milliseconds, and the functions
 *   that got hot in them were optimised on background threads for a run that ended first (~4-8 ms of CPU a run,
 *   taken from the other core: the proxy's, in the lab). The heavy loops of a large bundle run earlier, in the core
 *   (ca.bundle), whose facts the trust sets reuse; a TUI rerun parses a 30,000-certificate bundle in ~1 s instead of
 *   ~0.6 s. (Node 22 also has Maglev, which this leaves on.)
 */
const NET_V8_FLAGS = ['--liftoff-only', '--no-turbofan'];

// The scripts' import() calls are calls of this one (scripts/build.mjs says why): relative to dist/, as theirs are.
function importForTheScripts(specifier: string): Promise<unknown> {
  if (specifier.startsWith(NET_SPECIFIER)) return Promise.resolve().then(() => netModules()[specifier.slice(NET_SPECIFIER.length)]);
  return import(specifier);
}

// The lazy ESM chunks read the network script's modules through this (scripts/build.mjs NET_MODULES).
(globalThis as Record<symbol, unknown>)[Symbol.for('codex-doctor.net-modules')] = netModules;
layer('core');

/** Whether V8 took the build's code cache for the core (test/startup.test.ts checks that it does on the Node that built it). */
export const codeCacheUsed = cacheTaken('core');

/** Whether V8 took the build's code cache for `name`, `null` while that script is not loaded. */
export function cacheTaken(name: string): boolean | null {
  const loaded = layers.get(name);
  return loaded ? loaded.cachedData !== undefined && !loaded.script.cachedDataRejected : null;
}

/** For the build's training runs (scripts/build.mjs): the code cache of a script, with what the run compiled; null if it did not load. */
export function codeCache(name: string): Buffer | null {
  return layers.get(name)?.script.createCachedData() ?? null;
}
