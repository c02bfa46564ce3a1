// Cold start of the offline runbook in --json mode, next to `node -e 0` (issue 2, target: within 2.5x), and
// which packages the offline run really loads (Ink, React, undici, ws, node-forge, smol-toml must not be).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv, expectExit, interleaved, machineLine, main, printVerdicts, ratio, reportToParent, requireBuiltCli, ROOT, run, scratchDir, stats, timeLine, verdict } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUPS = 2;
const TARGET_RATIO = 2.5;
const OFFLINE_ARGS = ['--json', '--skip', 'tls.auth,oauth.token,ws.upgrade'];
/** Packages that belong to the network checks, the TUI or the lab, never to the offline run. */
const HEAVY = ['ink', 'react', 'undici', 'ws', 'node-forge', 'smol-toml'];

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

  const loaded = await loadedModules(cli, env, scratch);
  const heavy = HEAVY.filter((name) => loaded.packages.has(name));
  console.log(`modules the offline run loads (an ESM load hook records every module it imports, dynamic imports included):`);
  console.log(`  ${loaded.dist} files of dist/, ${loaded.builtins} node: built-ins`);
  console.log(`  packages: ${[...loaded.packages].map(([name, n]) => `${name} (${n} files)`).join(', ') || 'none'}`);
  console.log(`  (files a CommonJS package require()s internally are not seen by the hook; its entry point is)`);
  console.log(`  heavy packages in the offline graph: ${heavy.length ? heavy.join(', ') : 'none'} (must be none of ${HEAVY.join(', ')})\n`);

  const verdicts = [
    verdict(`offline --json within ${TARGET_RATIO}x of node -e 0`, r <= TARGET_RATIO, `${ratio(d.median, b.median)} (${d.median.toFixed(0)} vs ${b.median.toFixed(0)} ms medians)`),
    verdict('no ink/react/undici/ws/node-forge/smol-toml in the offline graph', heavy.length === 0, heavy.length ? heavy.join(', ') : 'none loaded'),
  ];
  printVerdicts(verdicts);
  if (r > TARGET_RATIO) await printProfile(cli, env, scratch, (TARGET_RATIO * b.median).toFixed(0));
  reportToParent('cold-start', verdicts);
});

/** Runs the offline doctor once with a load hook that appends every module URL to a file. */
async function loadedModules(cli, env, scratch) {
  const log = path.join(scratch, 'loaded.txt');
  const hooks = path.join(scratch, 'record-hooks.mjs');
  const preload = path.join(scratch, 'record-preload.mjs');
  writeFileSync(log, '');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\nlet file;\nexport function initialize(data) { file = data.file; }\n` +
      `export async function load(url, context, next) { appendFileSync(file, url + '\\n'); return next(url, context); }\n`,
  );
  writeFileSync(preload, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { file: ${JSON.stringify(log)} } });\n`);
  expectExit(await run(process.execPath, ['--import', pathToFileURL(preload).href, cli, ...OFFLINE_ARGS], { env }), [0, 1], 'the recorded offline run');
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const packages = new Map();
  for (const url of urls) {
    const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    if (name) packages.set(name, (packages.get(name) ?? 0) + 1);
  }
  const distPrefix = pathToFileURL(path.join(ROOT, 'dist')).href + '/';
  return {
    dist: urls.filter((u) => u.startsWith(distPrefix)).length,
    builtins: urls.filter((u) => u.startsWith('node:')).length,
    packages: new Map([...packages].sort((a, b) => b[1] - a[1])),
  };
}

/** When the target is missed: one --cpu-prof run, self time summed per package or dist file, top ten. */
async function printProfile(cli, env, scratch, budgetMs) {
  const dir = path.join(scratch, 'profile');
  await run(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, cli, ...OFFLINE_ARGS], { env });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return;
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const owner = new Map(profile.nodes.map((n) => [n.id, where(n.callFrame)]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const key = owner.get(id);
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nwhere the offline run spends its time (one --cpu-prof run, ${total.toFixed(0)} ms sampled; budget ${budgetMs} ms wall):`);
  for (const [key, value] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${value.toFixed(1).padStart(7)} ms  ${key}`);
}

/** A profile frame's owner: the npm package, the dist/ file, node's internals, or V8's pseudo-frames. */
function where({ url, functionName }) {
  if (!url) return functionName || '(anonymous)'; // (program), (garbage collector), (idle)
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) return `package ${pkg}`;
  if (url.startsWith('node:')) return 'node internals (module loading, fs, ...)';
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? `dist${url.slice(dist + 5)}` : url;
}
