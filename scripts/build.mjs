// The build (npm run build, after tsc): esbuild bundles of src/ in dist/, then the V8 code cache of the core.
//
// dist/cli.js       the bin (src/bin.cts, CommonJS): compiles dist/core.cjs with its code cache and runs it.
// dist/core.cjs     the core: everything a run loads before its first dynamic import (cli.ts's static graph),
//                   one CommonJS script. One file, because each ESM module costs a resolution, a read and a
//                   link; a script, because V8 takes a code cache for a script and Node 20 has no API for one
//                   for ESM: compiling ~400 KB of JavaScript is most of a cold start.
// dist/core.cache   its code cache, made by a training run (the offline --json run) on this Node: V8 rejects it
//                   on another Node version or with other V8 flags, and the core is then compiled as usual.
// dist/**/*.mjs     what is loaded later (TUI, text mode, network checks, lab, fix, explain): ESM, split
//                   into chunks, each one a dynamic import of the core. Their imports of core modules read
//                   the core's own module instances (one Redactor class, one cache), through a table of module
//                   namespaces the core publishes under a global symbol (see CORE_MODULES).
// dist/lab/{world,scenario,pki}.mjs   stand-alone ESM entries for the benchmarks.
// dist/meta.json    esbuild's metafile of all of it (which source file is in which output file).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const CLI_ENTRY = path.join(ROOT, 'src', 'cli.ts');
/** Loaded from node_modules at run time, never bundled (undici and ws are bundled: no CommonJS scan at load). */
const EXTERNAL = ['chalk', 'ink', 'node-forge', 'react', 'smol-toml', 'yargs', 'bufferutil', 'utf-8-validate'];
/** The global the core publishes its module namespaces under, for the lazy chunks. */
const CORE_MODULES = 'Symbol.for("codex-doctor.core-modules")';
/** ESM output that bundles CommonJS packages (undici) needs a require(). */
const ESM_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
/** The offline run the code cache is trained on (the functions it compiles are the ones cached). */
const TRAINING_ARGS = ['--json', '--skip', 'tls.auth,oauth.token,ws.upgrade'];

const common = { bundle: true, platform: 'node', target: 'node20.19', external: EXTERNAL, metafile: true, logLevel: 'warning', absWorkingDir: ROOT };
/** The core is CommonJS: an import.meta other than .url (defined below) would be empty there, so it fails the build. */
const coreOnly = { format: 'cjs', define: { 'import.meta.url': '__coreUrl' }, logOverride: { 'empty-import-meta': 'error' } };
/** ESM split into chunks, in dist/ as in src/ (dist/lab/ stays two levels down, as src/lab/scenario.ts needs). */
const esmChunks = {
  format: 'esm',
  splitting: true,
  outdir: DIST,
  outbase: path.join(ROOT, 'src'),
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: ESM_BANNER },
};
const relative = (file) => path.relative(ROOT, file).split(path.sep).join('/');
const isSource = (file) => !file.includes(`${path.sep}node_modules${path.sep}`);

// 1. What the core holds: cli.ts's static graph. Its dynamic imports of our own modules are the lazy entries.
const lazyEntries = new Set();
const discovery = await esbuild.build({
  ...common,
  entryPoints: [CLI_ENTRY],
  ...coreOnly,
  write: false,
  outfile: path.join(DIST, 'core.cjs'),
  plugins: [dynamicImports((file) => lazyEntries.add(file))],
});
const coreFiles = new Set(Object.keys(discovery.metafile.inputs).map((input) => path.join(ROOT, input)).filter(isSource));

// 2. The lazy part: ESM chunks whose imports of core modules become reads of the core's table.
const coreImports = new Set();
const lazy = await esbuild.build({
  ...common,
  entryPoints: [...lazyEntries],
  ...esmChunks,
  plugins: [
    {
      name: 'core-modules',
      setup(build) {
        build.onResolve({ filter: /^\./ }, async (args) => {
          if (args.pluginData === 'inner') return undefined;
          const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'inner' });
          if (resolved.errors.length > 0 || !coreFiles.has(resolved.path)) return undefined;
          coreImports.add(resolved.path);
          return { path: resolved.path, namespace: 'core-module' };
        });
        build.onLoad({ filter: /.*/, namespace: 'core-module' }, (args) => ({
          contents: `module.exports = globalThis[${CORE_MODULES}][${JSON.stringify(relative(args.path))}];\n`,
          loader: 'js',
        }));
      },
    },
  ],
});

// 3. The core: cli.ts first (its modules run in their own order), then the table of what the lazy part imports.
const shared = [...coreImports].sort();
const coreEntry = [
  `import ${JSON.stringify(CLI_ENTRY)};`,
  ...shared.map((file, i) => `import * as m${i} from ${JSON.stringify(file)};`),
  `globalThis[${CORE_MODULES}] = { ${shared.map((file, i) => `${JSON.stringify(relative(file))}: m${i}`).join(', ')} };`,
].join('\n');
const core = await esbuild.build({
  ...common,
  stdin: { contents: coreEntry, resolveDir: ROOT, sourcefile: 'core-entry.js', loader: 'js' },
  ...coreOnly,
  write: false,
  outfile: path.join(DIST, 'core.cjs'),
  // import.meta.url of a core module is the core's own file (core.cjs runs with __filename set by the bin).
  banner: { js: "const __coreUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [dynamicImports(() => {})],
});
const coreText = importsThroughTheBin(core);
// The first line names the build: the code cache is used only with the core it was made from (V8 itself
// checks no more than the length of the source).
const coreHash = createHash('sha256').update(coreText).digest('hex');
// The file is the function the bin calls, as Node wraps a CommonJS module, plus `__import` (see
// importsThroughTheBin): the bin compiles it as it is, without a copy of ~400 KB to wrap it.
writeFileSync(
  path.join(DIST, 'core.cjs'),
  `// codex-doctor core ${coreHash}\n(function (exports, require, module, __filename, __dirname, __import) {"use strict";\n${coreText}\n})\n`,
);

// 4. Stand-alone entries for the benchmarks (the lab's services and PKI without the CLI). They write next to the
// lazy part's files: one of those under the same name (a dynamic import of one of them) would be overwritten.
const standAlone = ['src/lab/world.ts', 'src/lab/scenario.ts', 'src/lab/pki.ts'].map((file) => path.join(ROOT, file));
const clash = standAlone.filter((file) => lazyEntries.has(file));
if (clash.length > 0) throw new Error(`${clash.map(relative).join(', ')}: both a stand-alone entry and loaded by import(): give one of them another name`);
const lab = await esbuild.build({ ...common, entryPoints: standAlone, ...esmChunks });

// 5. The bin.
const bin = await esbuild.build({ ...common, external: [], entryPoints: [path.join(ROOT, 'src', 'bin.cts')], bundle: false, format: 'cjs', outfile: path.join(DIST, 'cli.js') });

const metafiles = [lazy, core, lab, bin].map((result) => result.metafile);
const meta = { inputs: Object.assign({}, ...metafiles.map((m) => m.inputs)), outputs: Object.assign({}, ...metafiles.map((m) => m.outputs)) };
// esbuild names the stdin entry `<stdin>`: name the file it wrote.
meta.outputs['dist/core.cjs'] = meta.outputs['dist/core.cjs'] ?? Object.values(core.metafile.outputs)[0];
writeFileSync(path.join(DIST, 'meta.json'), JSON.stringify(meta));

// 6. The code cache: a training run of the bin in a clean environment writes what V8 compiled.
trainCodeCache(coreHash);

/**
 * The core's import() calls, as calls of `__import`, the bin's own import(): V8 does not keep in a code cache
 * what Node needs to run an import() of the script (a function from the cache throws "A dynamic import
 * callback was not specified"), while the bin is compiled by Node itself. esbuild writes every dynamic import
 * of an external as `import("...")`; the count of rewritten calls must be the metafile's count of them.
 */
function importsThroughTheBin(result) {
  const [output] = result.outputFiles;
  const [{ imports }] = Object.values(result.metafile.outputs);
  const expected = imports.filter((record) => record.kind === 'dynamic-import').length;
  let rewritten = 0;
  const text = output.text.replace(/\bimport\((?=")/g, () => {
    rewritten++;
    return '__import(';
  });
  if (rewritten !== expected) throw new Error(`dist/core.cjs: ${rewritten} import(" found for ${expected} dynamic imports: is import(" in a string?`);
  // An import() of a computed specifier would pass the count and fail at run time (no dynamic import callback).
  const computed = /\bimport\s*\(/.exec(text);
  if (computed) throw new Error(`dist/core.cjs: an import() of a computed specifier at offset ${computed.index}: core modules import only string literals`);
  return asciiOnly(text);
}

/**
 * The core in ASCII, which the bin reads as latin1: decoding ~400 KB that hold a single other character (a §
 * in a comment) costs three times as much. esbuild escapes every string, regular expression and identifier
 * (charset ascii), so what is left is in the comments it keeps, where an escape reads as well.
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/gu, (char) => `\\u{${char.codePointAt(0).toString(16)}}`);
}

/** Dynamic imports of our own modules stay imports of the lazy part's files, next to the core in dist/. */
function dynamicImports(onLazy) {
  return {
    name: 'dynamic-imports',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData === 'inner') return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'inner' });
        if (resolved.errors.length > 0) return undefined;
        onLazy(resolved.path);
        const output = path.relative(path.join(ROOT, 'src'), resolved.path).replace(/\.[cm]?[jt]sx?$/, '.mjs');
        return { path: `./${output.split(path.sep).join('/')}`, external: true };
      });
    },
  };
}

function trainCodeCache(hash) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'codex-doctor-build-'));
  const cacheFile = path.join(DIST, 'core.cache');
  try {
    const cli = path.join(DIST, 'cli.js');
    const trainer = `process.argv = [process.execPath, ${JSON.stringify(cli)}, ...${JSON.stringify(TRAINING_ARGS)}];
const bin = require(${JSON.stringify(cli)});
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(cacheFile)}, Buffer.concat([Buffer.from(${JSON.stringify(hash)}), bin.codeCache()])));`;
    // The same node, with no NODE_OPTIONS (V8 rejects a cache made with other flags); HOME empty, no proxy.
    // Windows needs SystemRoot to start a process, and reads the home from USERPROFILE.
    const windows = process.platform === 'win32' ? { SystemRoot: process.env.SystemRoot ?? 'C:\\Windows', USERPROFILE: home } : {};
    const result = spawnSync(process.execPath, ['-e', trainer], {
      cwd: home,
      env: { PATH: process.env.PATH ?? '', HOME: home, ...windows },
      stdio: ['ignore', 'ignore', 'inherit'],
      // The offline run ends in well under a second; a hang must not hang the install.
      timeout: 60_000,
    });
    // Only a speed-up: a build whose training run fails (a bug of the run on this machine) still installs,
    // without the cache, and says so (test/startup.test.ts fails on a dist/ without one).
    if ((result.status !== 0 && result.status !== 1) || !existsSync(cacheFile)) {
      rmSync(cacheFile, { force: true });
      process.stderr.write(`warning: no code cache for dist/core.cjs: its training run (node dist/cli.js ${TRAINING_ARGS.join(' ')}) ended with ${result.status ?? result.signal}; every run compiles the core\n`);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
