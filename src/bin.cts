#!/usr/bin/env node
// The bin as built: dist/cli.js, in CommonJS (dist/package.json says so), which runs the core, dist/core.cjs
// (cli.ts and everything it imports, one script: see scripts/build.mjs), compiled with the V8 code cache the
// build made for it: compiling the core's ~400 KB is otherwise most of a cold start, and Node 20 has no
// compile cache for modules. V8 rejects a cache made by another Node version or with other V8 flags; the core
// is then compiled as Node would compile it. The rest of the program (TUI, network checks, lab) is ESM, which
// the core loads with the bin's import().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const coreFile = join(__dirname, 'core.cjs');
// ASCII only (the build escapes the rest), so latin1 reads it exactly, and faster than utf8.
const source = readFileSync(coreFile, 'latin1');
// The core's first line names its build (`// codex-doctor core <sha256>`), the cache's first 64 bytes the build
// it was made from: a cache from another build is never used (V8 only compares the length of the source).
const build = source.slice('// codex-doctor core '.length, '// codex-doctor core '.length + 64);
let cachedData: Buffer | undefined;
try {
  const cache = readFileSync(join(__dirname, 'core.cache'));
  if (cache.subarray(0, 64).toString('latin1') === build) cachedData = cache.subarray(64);
} catch {
  // No cache (a build without one): compiled as usual.
}

// The core is one function expression (exports, require, module, __filename, __dirname, __import).
const script = new Script(source, {
  filename: pathToFileURL(coreFile).href,
  ...(cachedData && { cachedData }),
});
const core = { exports: {} };
// The core's import() calls are calls of this one (scripts/build.mjs says why): relative to dist/, as the core's are.
const importForTheCore = (specifier: string): Promise<unknown> => import(specifier);
(script.runInThisContext() as (...args: unknown[]) => void)(core.exports, require, core, coreFile, __dirname, importForTheCore);

/** Whether V8 took the build's code cache (test/startup.test.ts checks that it does on the Node that built it). */
export const codeCacheUsed = cachedData !== undefined && !script.cachedDataRejected;

/** For the build's training run (scripts/build.mjs): the code cache of the core, with what the run compiled. */
export function codeCache(): Buffer {
  return script.createCachedData();
}
