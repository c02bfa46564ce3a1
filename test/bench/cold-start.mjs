// Cold start of the offline runbook in --json mode, next to `node -e 0` (issue 2, and issue #11's target: within 2x), and
// which packages the offline run really loads (Ink, React, undici, ws, node-forge must not be; smol-toml watched).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv, expectExit, interleaved, machineLine, main, printVerdicts, ratio, reportToParent, requireBuiltCli, ROOT, run, scratchDir, stats, timeLine, verdict } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUPS = 2;
const TARGET_RATIO = 2; // issue #11 (was 2.5 in issue 2)
const OFFLINE_ARGS = ['--json', '--skip', 'tls.auth,oauth.token,ws.upgrade'];
/** The runbook's checks (src/checks/index.ts), all skipped for the staircase's first step. */
const ALL_CHECKS = ['ca.bundle', 'env.precedence', 'tls.auth', 'oauth.token', 'ws.upgrade', 'config.codex', 'sandbox.env'];
/** Packages that belong to the network checks, the TUI, the lab, --help or text mode, never to the offline --json run. */
const HEAVY = ['ink', 'react', 'undici', 'ws', 'node-forge', 'yargs', 'chalk'];
/** Not forbidden by ARCHITECTURE.md (config.codex parses config.toml), but watched: only needed when one exists. */
const WATCHED = ['smol-toml'];
const STAIRCASE_RUNS = 7;

main(async () => {
  const cli = requireBuiltCli();
  const scratch = scratchDir('cold-start');
  const env = cleanEnv(scratch);
  console.log(`cold start: \`node dist/cli.js ${OFFLINE_ARGS.join(' ')}\` vs \`node -e 0\``);
  console.log(`  ${machineLine()}; clean env (HOME=${scratch}, no proxy/CA variables, no codex on PATH)`);
  console.log(`  wall time of the whole process from spawn to exit; ${WARMUPS} warm-ups, then ${RUNS} interleaved runs each\n`);

  const doctor = async () => expectExit(await run(process.execPath, [cli, ...OFFLINE_ARGS], { env }), [0, 1], 'the offline run').wallMs;
  const bare = async () => expectExit(await run(process.execPath, ['-e', '0'], { env }), [0], 'node -e 0').wallMs;
  const times = await interleaved({ doctor, bare }, { runs: RUNS, warmups: WARMUPS });
  const d = stats(times.doctor);
  const b = stats(times.bare);
  console.log(timeLine('codex-doctor --json (offline)', d));
  console.log(timeLine('node -e 0', b));
  const r = d.median / b.median;
  console.log(`  ratio of medians: ${ratio(d.median, b.median)} (target: within ${TARGET_RATIO}x; doctor's own work ~${(d.median - b.median).toFixed(0)} ms)\n`);

  const cacheUsed = await codeCacheTaken(cli, env);
  console.log(`code cache of dist/core.cjs: ${cacheUsed ? 'taken by V8' : 'NOT taken by V8 (another Node than the build\'s, or other V8 flags): the core was compiled'}\n`);

  const loaded = await loadedModules(cli, env, scratch);
  const heavy = HEAVY.filter((name) => loaded.packages.has(name));
  console.log(`modules the offline run loads (the inspector records every script V8 compiles: ESM, CommonJS, dynamic imports):`);
  console.log(`  ${loaded.dist} files of dist/, ${loaded.builtins} node: built-ins beyond node's own start-up`);
  console.log(`  packages: ${[...loaded.packages].map(([name, n]) => `${name} (${n} files)`).join(', ') || 'none'}`);
  console.log(`  heavy packages in the offline graph: ${heavy.length ? heavy.join(', ') : 'none'} (must be none of ${HEAVY.join(', ')})`);
  const watched = WATCHED.filter((name) => loaded.packages.has(name));
  console.log(`  watched packages loaded: ${watched.join(', ') || 'none'} (allowed, yet this run has no config.toml to parse)\n`);

  const verdicts = [
    verdict(`offline --json within ${TARGET_RATIO}x of node -e 0`, r <= TARGET_RATIO, `${ratio(d.median, b.median)} (${d.median.toFixed(0)} vs ${b.median.toFixed(0)} ms medians)`),
    verdict(`no ${HEAVY.join('/')} in the offline graph`, heavy.length === 0, heavy.length ? heavy.join(', ') : 'none loaded'),
  ];
  printVerdicts(verdicts);
  await printStaircase(cli, env, scratch, b.median);
  reportToParent('cold-start', verdicts);
});

/** Whether V8 takes the build's code cache for the core in an offline run (the bin's codeCacheUsed). */
async function codeCacheTaken(cli, env) {
  const probe = `process.argv = [process.execPath, ${JSON.stringify(cli)}, ...${JSON.stringify(OFFLINE_ARGS)}];
const bin = require(${JSON.stringify(cli)});
process.on('exit', () => require('node:fs').writeSync(2, 'code cache used: ' + bin.codeCacheUsed));`;
  const result = expectExit(await run(process.execPath, ['-e', probe], { env }), [0, 1], 'the offline run asked about its code cache');
  return /code cache used: true/.test(result.stderr);
}

/** Runs the offline doctor once with the module recorder preloaded (test/helpers/module-recorder.mjs). */
async function loadedModules(cli, env, scratch) {
  const log = path.join(scratch, 'loaded.txt');
  const recorder = pathToFileURL(path.join(ROOT, 'test', 'helpers', 'module-recorder.mjs')).href;
  writeFileSync(log, '');
  expectExit(await run(process.execPath, ['--import', recorder, cli, ...OFFLINE_ARGS], { env: { ...env, MODULE_RECORDER_FILE: log } }), [0, 1], 'the recorded offline run');
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const distPrefix = pathToFileURL(path.join(ROOT, 'dist')).href + '/';
  // Packages bundled into dist/ (undici, ws) count as loaded when a dist file holding them is: the build's metafile says which.
  const { outputs } = JSON.parse(readFileSync(path.join(ROOT, 'dist', 'meta.json'), 'utf8'));
  const bundled = (url) => (url.startsWith(distPrefix) ? Object.keys(outputs[`dist/${url.slice(distPrefix.length)}`]?.inputs ?? {}) : []);
  const packages = new Map();
  for (const file of [...urls, ...urls.flatMap(bundled)]) {
    const name = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];
    if (name) packages.set(name, (packages.get(name) ?? 0) + 1);
  }
  return {
    dist: urls.filter((u) => u.startsWith(distPrefix)).length,
    builtins: urls.filter((u) => u.startsWith('node:') && !u.startsWith('node:internal/')).length,
    packages: new Map([...packages].sort((a, b) => b[1] - a[1])),
  };
}

/**
 * Where the wall time goes, as a staircase of whole processes (medians): node; the bin with every check
 * skipped (the core compiled from its code cache, the arguments, the world, the report); the offline run; and
 * the offline run without the code cache, as on a Node other than the one that built dist/ (V8 rejects the
 * cache there): a copy of the bin and the core without core.cache.
 */
async function printStaircase(cli, env, scratch, bareMedian) {
  const noCache = path.join(scratch, 'no-code-cache');
  mkdirSync(noCache, { recursive: true });
  for (const name of ['cli.js', 'core.cjs', 'package.json']) copyFileSync(path.join(path.dirname(cli), name), path.join(noCache, name));
  const steps = [
    ['the bin, every check skipped', [cli, '--json', '--skip', ALL_CHECKS.join(',')]],
    ['the offline run', [cli, ...OFFLINE_ARGS]],
    ['the offline run without the code cache', [path.join(noCache, 'cli.js'), ...OFFLINE_ARGS]],
  ];
  console.log(`\nwhere the time goes (medians of ${STAIRCASE_RUNS} whole processes; + is over node -e 0 = ${bareMedian.toFixed(0)} ms):`);
  for (const [label, args] of steps) {
    const samples = [];
    for (let i = 0; i < STAIRCASE_RUNS; i++) samples.push(expectExit(await run(process.execPath, args, { env }), [0, 1], label).wallMs);
    const delta = Math.round(stats(samples).median - bareMedian);
    console.log(`  ${label.padEnd(48)} ${(bareMedian + delta).toFixed(0).padStart(5)} ms  (${delta >= 0 ? '+' : ''}${delta})`);
  }
}
