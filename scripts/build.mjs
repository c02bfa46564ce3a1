// The build (npm run build, after tsc): esbuild bundles of src/ in dist/, then the V8 code cache of the core.
//
// dist/cli.js       the bin (src/bin.cts, CommonJS): compiles dist/core.cjs with its code cache and runs it.
// dist/core.cjs     the core: everything a run loads before its first dynamic import (cli.ts's static graph),
//                   one CommonJS script. One file, because each ESM module costs a resolution, a read and a
//                   link; a script, because V8 takes a code cache for a script and Node 20 has no API for one
//                   for ESM: compiling ~400 KB of JavaScript is most of a cold start.
// dist/core.cache   its code cache, made by a training run (the offline --json run) on this Node: V8 rejects it
//                   on another Node version or with other V8 flags, and the core is then compiled as usual.
// dist/net.cjs      the network checks (tls.auth, oauth.token, ws.upgrade) with everything they load that the core
//                   does not hold, undici included: one CommonJS script, loaded by the bin with the first
//                   network check, for the same reason as the core (compiling it is most of that check's start).
// dist/net.cache    its code cache, made by a training run of the lab's healthy scenario, which runs those checks.
// dist/**/*.mjs     what is loaded later (TUI, text mode, lab, fix, explain): ESM, split into chunks, each one a
//                   dynamic import of the core. Their imports of core and network modules read the one instance
//                   of each (one Redactor class, one cache), through the tables of module namespaces the core and
//                   the network script publish under global symbols (see CORE_MODULES, NET_MODULES); importing a
//                   network module loads the network script (the lab does, and `explain` for the code catalogue).
// dist/lab/{world,scenario,pki}.mjs   stand-alone ESM entries for the benchmarks.
// dist/meta.json    esbuild's metafile of all of it (which source file is in which output file).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const CLI_ENTRY = path.join(ROOT, 'src', 'cli.ts');
/** Loaded from node_modules at run time, never bundled (undici and, for the lab, ws are bundled: no CommonJS scan at load). */
const EXTERNAL = ['chalk', 'ink', 'node-forge', 'react', 'smol-toml', 'yargs', 'bufferutil', 'utf-8-validate'];
/** The global the core publishes its module namespaces under, for the lazy chunks. */
const CORE_MODULES = 'Symbol.for("codex-doctor.core-modules")';
/** The global function (set by the bin) that loads the network script once and returns its module namespaces. */
const NET_MODULES = 'Symbol.for("codex-doctor.net-modules")';
/** What the core's import() of a network check becomes: the bin answers it from the network script (src/bin.cts). */
const NET_SPECIFIER = 'codex-doctor-net:';
/** The network checks: with what they load beyond the core, the network script. */
const NET_ENTRIES = ['src/checks/tls-auth.ts', 'src/checks/oauth-token.ts', 'src/checks/ws-upgrade.ts'].map((file) => path.join(ROOT, file));
/** ESM output that bundles CommonJS packages (undici) needs a require(). */
const ESM_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
/** The offline run the core's code cache is trained on (the functions it compiles are the ones cached). */
const TRAINING_ARGS = ['--json', '--skip', 'tls.auth,oauth.token,ws.upgrade'];
/** The run the network script's code cache is trained on: the lab's healthy scenario, every network check on 127.0.0.1. */
const NET_TRAINING_ARGS = ['lab', 'zscaler-healthy', '--json'];

const common = { bundle: true, platform: 'node', target: 'node20.19', external: EXTERNAL, metafile: true, logLevel: 'warning', absWorkingDir: ROOT };
/** The core is CommonJS: an import.meta other than .url (defined below) would be empty there, so it fails the build. */
const coreOnly = { format: 'cjs', define: { 'import.meta.url': '__coreUrl' }, logOverride: { 'empty-import-meta': 'error' } };
/** The network script, likewise; `import.meta.url` of its modules is its own file. */
const netOnly = { format: 'cjs', define: { 'import.meta.url': '__netUrl' }, logOverride: { 'empty-import-meta': 'error' } };
/** `import.meta.url` of a script's modules: the script's own file (the bin runs it with __filename set). */
const fileUrlBanner = (name) => ({ js: `const ${name} = require('node:url').pathToFileURL(__filename).href;` });
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
  plugins: [dynamicImports((file) => lazyEntries.add(file), new Set())],
});
const coreFiles = new Set(Object.keys(discovery.metafile.inputs).map((input) => path.join(ROOT, input)).filter(isSource));

for (const entry of NET_ENTRIES) {
  if (!lazyEntries.has(entry)) throw new Error(`${relative(entry)} is not loaded by import() from the core: it cannot start the network script`);
  lazyEntries.delete(entry);
}

// 2. What the network script holds: what the network checks load that the core does not.
const coreImports = new Set();
const netDiscovery = await esbuild.build({
  ...common,
  entryPoints: NET_ENTRIES,
  ...netOnly,
  write: false,
  outdir: DIST,
  plugins: [sharedModules([{ files: coreFiles, used: coreImports, table: `globalThis[${CORE_MODULES}]` }])],
});
const netFiles = new Set(Object.keys(netDiscovery.metafile.inputs).map((input) => path.join(ROOT, input)).filter((file) => isSource(file) && !coreFiles.has(file)));

// 3. The lazy part: ESM chunks whose imports of core and network modules become reads of their tables.
const netImports = new Set(NET_ENTRIES);
const lazy = await esbuild.build({
  ...common,
  entryPoints: [...lazyEntries],
  ...esmChunks,
  plugins: [
    sharedModules([
      { files: coreFiles, used: coreImports, table: `globalThis[${CORE_MODULES}]` },
      { files: netFiles, used: netImports, table: `globalThis[${NET_MODULES}]()` },
    ]),
  ],
});

// 4. The network script: the checks, then the table of what the core and the lazy part import of it.
const netShared = [...netImports].sort();
const net = await esbuild.build({
  ...common,
  stdin: { contents: moduleTable(netShared, 'export'), resolveDir: ROOT, sourcefile: 'net-entry.js', loader: 'js' },
  ...netOnly,
  write: false,
  outfile: path.join(DIST, 'net.cjs'),
  banner: fileUrlBanner('__netUrl'),
  plugins: [sharedModules([{ files: coreFiles, used: coreImports, table: `globalThis[${CORE_MODULES}]` }]), dynamicImports(() => {}, netFiles), lazyHttp2()],
});
const netHash = writeLayer('net', net);

// 5. The core: cli.ts first (its modules run in their own order), then the table of what the rest imports of it.
const shared = [...coreImports].sort();
const core = await esbuild.build({
  ...common,
  stdin: { contents: `import ${JSON.stringify(CLI_ENTRY)};\n${moduleTable(shared, `globalThis[${CORE_MODULES}]`)}`, resolveDir: ROOT, sourcefile: 'core-entry.js', loader: 'js' },
  ...coreOnly,
  write: false,
  outfile: path.join(DIST, 'core.cjs'),
  // import.meta.url of a core module is the core's own file (core.cjs runs with __filename set by the bin).
  banner: fileUrlBanner('__coreUrl'),
  plugins: [dynamicImports(() => {}, new Set())],
});
const coreHash = writeLayer('core', core);

// 6. Stand-alone entries for the benchmarks (the lab's services and PKI without the CLI). They write next to the
// lazy part's files: one of those under the same name (a dynamic import of one of them) would be overwritten.
const standAlone = ['src/lab/world.ts', 'src/lab/scenario.ts', 'src/lab/pki.ts'].map((file) => path.join(ROOT, file));
const clash = standAlone.filter((file) => lazyEntries.has(file));
if (clash.length > 0) throw new Error(`${clash.map(relative).join(', ')}: both a stand-alone entry and loaded by import(): give one of them another name`);
const lab = await esbuild.build({ ...common, entryPoints: standAlone, ...esmChunks });

// 7. The bin.
const bin = await esbuild.build({ ...common, external: [], entryPoints: [path.join(ROOT, 'src', 'bin.cts')], bundle: false, format: 'cjs', outfile: path.join(DIST, 'cli.js') });

const metafiles = [lazy, net, core, lab, bin].map((result) => result.metafile);
const meta = { inputs: Object.assign({}, ...metafiles.map((m) => m.inputs)), outputs: Object.assign({}, ...metafiles.map((m) => m.outputs)) };
// esbuild names a stdin entry `<stdin>`: name the files they wrote.
meta.outputs['dist/core.cjs'] = meta.outputs['dist/core.cjs'] ?? Object.values(core.metafile.outputs)[0];
meta.outputs['dist/net.cjs'] = meta.outputs['dist/net.cjs'] ?? Object.values(net.metafile.outputs)[0];
writeFileSync(path.join(DIST, 'meta.json'), JSON.stringify(meta));

// 8. Node's public roots indexed by this Node (src/checks/public-roots.ts reads the table on the same Node).
await writePublicRootsTable();

// 9. The code caches: a training run of the bin in a clean environment writes what V8 compiled.
trainCodeCache('core', coreHash, TRAINING_ARGS);
trainCodeCache('net', netHash, NET_TRAINING_ARGS);

/**
 * Imports of `files` (the core's, or the network script's modules) read the one instance of each from its table,
 * the JS expression `table`; `used` collects which ones, for the table to publish.
 */
function sharedModules(layers) {
  return {
    name: 'shared-modules',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData === 'inner') return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'inner' });
        const layer = resolved.errors.length > 0 ? undefined : layers.find(({ files }) => files.has(resolved.path));
        if (!layer) return undefined;
        layer.used.add(resolved.path);
        return { path: resolved.path, namespace: 'shared-module', pluginData: layer.table };
      });
      build.onLoad({ filter: /.*/, namespace: 'shared-module' }, (args) => ({
        contents: `module.exports = ${args.pluginData}[${JSON.stringify(relative(args.path))}];\n`,
        loader: 'js',
      }));
    },
  };
}

/**
 * An entry that imports `files` and publishes the table of their namespaces, by path from the root: assigned to
 * `target`, or as its exports (`export`: the script's module.exports, which the bin returns).
 */
function moduleTable(files, target) {
  const imports = files.map((file, i) => `import * as m${i} from ${JSON.stringify(file)};`);
  const entries = files.map((file, i) => [JSON.stringify(relative(file)), `m${i}`]);
  const table = target === 'export'
    ? `export { ${entries.map(([name, local]) => `${local} as ${name}`).join(', ')} };`
    : `${target} = { ${entries.map(([name, local]) => `${name}: ${local}`).join(', ')} };`;
  return [...imports, table].join('\n');
}

/**
 * Writes dist/<name>.cjs: the function the bin calls, as Node wraps a CommonJS module, plus `__import` (see
 * importsThroughTheBin), so that the bin compiles the file as it is, without a copy of ~400 KB to wrap it. The first
 * line names the build: a code cache is used only with the script it was made from (V8 itself checks no more than
 * the length of the source). Returns that name.
 */
function writeLayer(name, result) {
  const text = importsThroughTheBin(result, `dist/${name}.cjs`);
  const hash = createHash('sha256').update(text).digest('hex');
  writeFileSync(path.join(DIST, `${name}.cjs`), `// codex-doctor ${name} ${hash}\n(function (exports, require, module, __filename, __dirname, __import) {"use strict";\n${text}\n})\n`);
  return hash;
}

/**
 * A script's import() calls, as calls of `__import`, the bin's own import(): V8 does not keep in a code cache
 * what Node needs to run an import() of the script (a function from the cache throws "A dynamic import
 * callback was not specified"), while the bin is compiled by Node itself. esbuild writes every dynamic import
 * of an external as `import("...")`; the count of rewritten calls must be the metafile's count of them.
 */
function importsThroughTheBin(result, file) {
  const [output] = result.outputFiles;
  const [{ imports }] = Object.values(result.metafile.outputs);
  const expected = imports.filter((record) => record.kind === 'dynamic-import').length;
  let rewritten = 0;
  const text = output.text.replace(/\bimport\((?=")/g, () => {
    rewritten++;
    return '__import(';
  });
  if (rewritten !== expected) throw new Error(`${file}: ${rewritten} import(" found for ${expected} dynamic imports: is import(" in a string?`);
  // An import() of a computed specifier would pass the count and fail at run time (no dynamic import callback).
  // (esbuild writes a literal one with double quotes; `import('x')` is left in JSDoc comments it keeps.)
  const computed = /\bimport\s*\((?!\s*["'])/.exec(text);
  if (computed) throw new Error(`${file}: an import() of a computed specifier at offset ${computed.index}: its modules import only string literals`);
  return asciiOnly(text);
}

/**
 * A script in ASCII, which the bin reads as latin1: decoding ~400 KB that hold a single other character (a §
 * in a comment) costs three times as much. esbuild escapes every string, regular expression and identifier
 * (charset ascii), so what is left is in the comments it keeps, where an escape reads as well.
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/gu, (char) => `\\u{${char.codePointAt(0).toString(16)}}`);
}

/**
 * Dynamic imports of our own modules stay imports of the lazy part's files, next to the scripts in dist/; those
 * of a network check become `codex-doctor-net:<path>`, which the bin answers from the network script. `inline`:
 * the files the build being made holds itself (the network script's own lazy modules), bundled as they are.
 */
function dynamicImports(onLazy, inline) {
  return {
    name: 'dynamic-imports',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData === 'inner') return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'inner' });
        if (resolved.errors.length > 0 || inline.has(resolved.path)) return undefined;
        onLazy(resolved.path);
        if (NET_ENTRIES.includes(resolved.path)) return { path: `${NET_SPECIFIER}${relative(resolved.path)}`, external: true };
        const output = path.relative(path.join(ROOT, 'src'), resolved.path).replace(/\.[cm]?[jt]sx?$/, '.mjs');
        return { path: `./${output.split(path.sep).join('/')}`, external: true };
      });
    },
  };
}

/**
 * undici's Client loads its HTTP/2 client, and with it node:http2 (~4 ms), when it loads; the doctor speaks HTTP/2
 * only when a server picks h2 in ALPN. In the network script, the HTTP/2 client loads with the first such connection.
 */
function lazyHttp2() {
  const eager = "const connectH2 = require('./client-h2.js')";
  return {
    name: 'lazy-http2',
    setup(build) {
      build.onLoad({ filter: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client\.js$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(eager)) throw new Error(`${args.path}: no \`${eager}\` to make lazy: undici changed, review lazyHttp2()`);
        return { contents: source.replace(eager, "const connectH2 = (client, socket) => require('./client-h2.js')(client, socket)"), loader: 'js' };
      });
    },
  };
}

/**
 * dist/public-roots.json: the fingerprint and subject of each of Node's bundled roots, as the doctor's own code
 * computes them (src/checks/public-roots.ts PUBLIC_ROOTS_TABLE): indexing them is otherwise the slowest step of
 * building the trust sets, on every network run. Used only on this Node version, for this very list.
 */
async function writePublicRootsTable() {
  const entry = [
    `import { publicRootDers } from ${JSON.stringify(path.join(ROOT, 'src/checks/public-roots.ts'))};`,
    `import { certificateSubject, fingerprint256 } from ${JSON.stringify(path.join(ROOT, 'src/codex/certificate.ts'))};`,
    'const roots = publicRootDers({}).map((der) => [der.length, fingerprint256(der), certificateSubject(der)]);',
    'process.stdout.write(JSON.stringify({ node: process.version, rows: roots }));',
  ].join('\n');
  const script = await esbuild.build({ ...common, stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'public-roots-table.js', loader: 'js' }, format: 'esm', banner: { js: ESM_BANNER }, write: false });
  // The program on stdin: an argument that long would pass Linux's limit for one (128 KiB) as the code grows.
  const result = spawnSync(process.execPath, ['--input-type=module'], {
    input: script.outputFiles[0].text,
    // Windows needs SystemRoot to start a process.
    env: process.platform === 'win32' ? { SystemRoot: process.env.SystemRoot ?? 'C:\\Windows' } : {},
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: 60_000,
  });
  const table = path.join(DIST, 'public-roots.json');
  // Only a speed-up, like the code caches: a build that cannot make it still installs, and says so.
  if (result.status !== 0) {
    rmSync(table, { force: true });
    process.stderr.write(`warning: no dist/public-roots.json (${result.error?.message || result.stderr?.trim() || `exit ${result.status ?? result.signal}`}): every network run indexes Node's roots itself\n`);
    return;
  }
  writeFileSync(table, result.stdout);
}

/** dist/<name>.cache: what V8 compiled of dist/<name>.cjs in a training run of the bin (`args`) in a clean environment. */
function trainCodeCache(name, hash, args) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'codex-doctor-build-'));
  const cacheFile = path.join(DIST, `${name}.cache`);
  try {
    const cli = path.join(DIST, 'cli.js');
    const trainer = `process.argv = [process.execPath, ${JSON.stringify(cli)}, ...${JSON.stringify(args)}];
const bin = require(${JSON.stringify(cli)});
process.on('exit', () => { const cache = bin.codeCache(${JSON.stringify(name)}); if (cache) require('node:fs').writeFileSync(${JSON.stringify(cacheFile)}, Buffer.concat([Buffer.from(${JSON.stringify(hash)}), cache])); });`;
    // The same node, with no NODE_OPTIONS (V8 rejects a cache made with other flags); HOME empty, no proxy.
    // Windows needs SystemRoot to start a process, and reads the home from USERPROFILE.
    const windows = process.platform === 'win32' ? { SystemRoot: process.env.SystemRoot ?? 'C:\\Windows', USERPROFILE: home } : {};
    const result = spawnSync(process.execPath, ['-e', trainer], {
      cwd: home,
      env: { PATH: process.env.PATH ?? '', HOME: home, ...windows },
      stdio: ['ignore', 'ignore', 'inherit'],
      // The runs end in well under a second (the lab's in a few); a hang must not hang the install.
      timeout: 60_000,
    });
    // Only a speed-up: a build whose training run fails (a bug of the run on this machine) still installs,
    // without the cache, and says so (test/startup.test.ts fails on a dist/ without one).
    if ((result.status !== 0 && result.status !== 1) || !existsSync(cacheFile)) {
      rmSync(cacheFile, { force: true });
      process.stderr.write(`warning: no code cache for dist/${name}.cjs: its training run (node dist/cli.js ${args.join(' ')}) ended with ${result.status ?? result.signal}; every run compiles it\n`);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
