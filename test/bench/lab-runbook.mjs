// The full runbook against the lab (issue 5): `codex-doctor lab <healthy scenario> --json` timed next to the
// same runbook done by hand with openssl and curl against the same lab services. Target: the doctor is faster.
// Every by-hand command goes through the lab proxy on 127.0.0.1 (explicit --proxy/-proxy, NO_PROXY ignored):
// names such as auth.openai.com are resolved by the lab proxy's routing table, never by DNS.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLabServe } from './lab-serve-client.mjs';
import { cleanEnv, expectExit, interleaved, machineLine, main, ms, printVerdicts, ratio, reportToParent, requireBuiltCli, ROOT, run, scratchDir, stats, timeLine, verdict } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Issue #11: the whole runbook through a proxy within 1.5x of the by-hand runbook and 2x of `codex doctor --network-only`. */
const BY_HAND_TARGET = 1.5;
const CODEX_TARGET = 2;
const WARMUPS = 1;
const OPENAI_HOSTS = ['auth.openai.com', 'api.openai.com', 'chatgpt.com'];
/** As Codex's login sends it, with a code the lab's token endpoint refuses (an OpenAI-style 400). */
const TOKEN_FORM = 'grant_type=authorization_code&code=bench&redirect_uri=http%3A%2F%2Flocalhost%3A1455%2Fauth%2Fcallback&client_id=app_EMoamEEZ73f0CkXaXp7hrann&code_verifier=bench';

main(async () => {
  const cli = requireBuiltCli();
  const { DEFAULT_SCENARIO } = await import(pathToFileURL(path.join(ROOT, 'dist', 'lab', 'scenario.mjs')).href);
  const scenario = process.argv[2] ?? DEFAULT_SCENARIO;
  const scratch = scratchDir('lab-runbook');
  const home = path.join(scratch, 'home');
  mkdirSync(home);
  const env = cleanEnv(home);
  /** What the user has set on a machine behind this proxy: the healthy scenario's two variables. */
  const userEnv = (lab) => ({ ...env, HTTPS_PROXY: lab.info.proxyUrl, CODEX_CA_CERTIFICATE: lab.info.corporateRoot });
  const listed = JSON.parse(expectExit(await run(process.execPath, [cli, 'lab', '--list', '--json'], { env }), [0], 'lab --list').stdout);
  if (!listed.some((s) => s.name === scenario)) throw new Error(`scenario ${scenario} is not in \`codex-doctor lab --list\``);

  console.log(`lab runbook, scenario ${scenario}: the doctor vs the same runbook by hand (openssl + curl), all on 127.0.0.1`);
  console.log(`  ${machineLine()}; whole processes, ${WARMUPS} warm-up then ${RUNS} interleaved runs`);
  console.log(`  by hand, in runbook order: openssl x509 -text (ca.bundle), env | grep (env.precedence), openssl s_client -proxy`);
  console.log(`  (tls.auth), curl POST /oauth/token (oauth.token), curl WebSocket upgrade (ws.upgrade; stopped once curl prints`);
  console.log(`  the 101, as a person would press Ctrl-C: curl here has no WebSocket support and would wait for --max-time)\n`);

  // A: what the issue's target names, the doctor's full lab run: start-up (PKI minting, servers) included in both.
  const doctorLab = async () => {
    const result = expectExit(await run(process.execPath, [cli, 'lab', scenario, '--json'], { env }), [0], `codex-doctor lab ${scenario}`);
    requireHealthy(JSON.parse(result.stdout), 'the lab run');
    return result.wallMs;
  };
  const byHandLab = async () => {
    const started = performance.now();
    const lab = await startLabServe(env, scenario);
    await byHand(lab, userEnv(lab));
    await lab.stop();
    return performance.now() - started;
  };
  const full = await interleaved({ doctor: doctorLab, byHand: byHandLab }, { runs: RUNS, warmups: WARMUPS });
  const fd = stats(full.doctor);
  const fh = stats(full.byHand);
  console.log('A. full run, lab start-up and shutdown included in both (node start, PKI minting, servers, runbook):');
  console.log(timeLine(`codex-doctor lab ${scenario} --json`, fd, 40));
  console.log(timeLine('lab-serve.mjs + the runbook by hand', fh, 40));
  console.log(`  ratio doctor/by hand (medians): ${ratio(fd.median, fh.median)}\n`);

  // B: the runbook only, against one lab kept running; the doctor is the real CLI with the user's variables.
  const lab = await startLabServe(env, scenario);
  let runbookOnly;
  try {
    // --resolve pins the OpenAI names to a closed loopback port: should anything bypass the proxy, it fails here.
    const pins = OPENAI_HOSTS.flatMap((host) => ['--resolve', `${host}:443:127.0.0.1`]);
    const inProcess = [];
    const steps = {};
    const doctorRun = async () => {
      const result = expectExit(await run(process.execPath, [cli, '--json', ...pins], { env: userEnv(lab) }), [0], 'codex-doctor --json against the lab');
      const report = JSON.parse(result.stdout);
      requireHealthy(report, 'the runbook-only run');
      inProcess.push(report.durationMs);
      return result.wallMs;
    };
    const byHandRun = async () => {
      const times = await byHand(lab, userEnv(lab));
      for (const [step, t] of Object.entries(times)) (steps[step] ??= []).push(t);
      return Object.values(times).reduce((a, b) => a + b, 0);
    };
    // The real Codex, when the conformance suite's release cache has one (never a dependency of this package).
    const codex = findCodexBinary();
    const codexHome = path.join(scratch, 'codex-home');
    mkdirSync(codexHome, { recursive: true });
    const codexRun = async () => {
      const result = expectExit(await run(codex.path, ['doctor', '--network-only', '--json'], { env: { ...userEnv(lab), CODEX_HOME: codexHome } }), [0, 1], 'codex doctor --network-only');
      return result.wallMs;
    };
    const only = await interleaved({ doctor: doctorRun, byHand: byHandRun, ...(codex && { codex: codexRun }) }, { runs: RUNS, warmups: WARMUPS });
    const od = stats(only.doctor);
    const oh = stats(only.byHand);
    const oc = only.codex ? stats(only.codex) : null;
    runbookOnly = { od, oh, oc, codex };
    console.log('B. runbook only, against a lab already running (start-up excluded from both; not the target, for insight):');
    console.log(timeLine('codex-doctor --json (HTTPS_PROXY, CA set)', od, 40));
    console.log(timeLine('the runbook by hand', oh, 40));
    console.log(`  ratio doctor/by hand (medians): ${ratio(od.median, oh.median)}`);
    if (oc) {
      console.log(timeLine(`codex doctor --network-only (${codex.version})`, oc, 40));
      console.log(`  ratio doctor/codex doctor (medians): ${ratio(od.median, oc.median)}`);
    } else {
      console.log('  codex doctor --network-only: NOT MEASURED (no Codex binary in .codex-cache/ or CODEX_BIN; `npm run conformance` caches releases)');
    }
    console.log(`  doctor's own report.durationMs (runbook inside the process): median ${ms(stats(inProcess).median)}`);
    console.log(`  by-hand steps (medians): ${Object.entries(steps).map(([step, t]) => `${step} ${ms(stats(t).median)}`).join(', ')}\n`);
  } finally {
    await lab.stop();
  }

  const { od, oh, oc, codex } = runbookOnly;
  const verdicts = [
    verdict("doctor's full lab run faster than the by-hand runbook", fd.median < fh.median,
      `${fd.median.toFixed(0)} vs ${fh.median.toFixed(0)} ms medians (${ratio(fd.median, fh.median)}), lab start-up included in both`),
    verdict(`whole runbook through the proxy within ${BY_HAND_TARGET}x of the by-hand runbook`, od.median <= BY_HAND_TARGET * oh.median,
      `${od.median.toFixed(0)} vs ${oh.median.toFixed(0)} ms medians (${ratio(od.median, oh.median)})`),
    oc
      ? verdict(`whole runbook within ${CODEX_TARGET}x of codex doctor --network-only`, od.median <= CODEX_TARGET * oc.median,
        `${od.median.toFixed(0)} vs ${oc.median.toFixed(0)} ms medians (${ratio(od.median, oc.median)}, Codex ${codex.version})`)
      : verdict(`whole runbook within ${CODEX_TARGET}x of codex doctor --network-only`, false, 'not measured: no Codex binary available'),
  ];
  printVerdicts(verdicts);
  reportToParent('lab-runbook', verdicts);
});

/**
 * A Codex binary for the comparison: CODEX_BIN, else the newest release the conformance suite cached under
 * .codex-cache/<version>/package/vendor/<target>/{bin,codex}/codex. null when there is none.
 */
function findCodexBinary() {
  if (process.env.CODEX_BIN) return existsSync(process.env.CODEX_BIN) ? { path: process.env.CODEX_BIN, version: 'CODEX_BIN' } : null;
  const cache = path.join(ROOT, '.codex-cache');
  if (!existsSync(cache)) return null;
  const newest = readdirSync(cache).filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort((a, b) => compareVersions(b, a));
  for (const version of newest) {
    const vendor = path.join(cache, version, 'package', 'vendor');
    if (!existsSync(vendor)) continue;
    for (const target of readdirSync(vendor)) {
      for (const dir of ['bin', 'codex']) {
        const file = path.join(vendor, target, dir, 'codex');
        if (existsSync(file)) return { path: file, version };
      }
    }
  }
  return null;
}

function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** A benchmark of a run that did not diagnose a healthy setup as healthy would measure the wrong thing. */
function requireHealthy(report, what) {
  const notPassing = report.checks.filter((check) => check.status !== 'pass').map((check) => `${check.id}=${check.status}`);
  if (notPassing.length) throw new Error(`${what} is not all pass (${notPassing.join(', ')}): pick a healthy scenario`);
}


/** The runbook by hand, one command after another; returns each step's wall time. Throws on a wrong answer. */
async function byHand(lab, env) {
  const { proxyUrl, proxyHostPort, corporateRoot } = lab.info;
  const curl = ['-sS', '--noproxy', '', '--proxy', proxyUrl, '--cacert', corporateRoot, '--max-time', '10'];
  const steps = {
    'x509': [['openssl', ['x509', '-noout', '-text', '-in', corporateRoot]], /Subject:/],
    'env': [['sh', ['-c', "env | grep -iE 'proxy|_ca_|ssl_cert|extra_ca'"]], /^HTTPS_PROXY=/m],
    's_client': [
      ['openssl', ['s_client', '-proxy', proxyHostPort, '-connect', 'auth.openai.com:443', '-servername', 'auth.openai.com', '-CAfile', corporateRoot, '-showcerts']],
      /Verify return code: 0 \(ok\)/,
    ],
    'curl token': [['curl', [...curl, '-o', '/dev/null', '-w', '%{http_code}', '-X', 'POST', '-d', TOKEN_FORM, 'https://auth.openai.com/oauth/token']], /^400$/],
    // -v: curl's stdout is block-buffered into a pipe, its stderr is not, so the 101 shows as it arrives.
    'curl ws': [
      ['curl', [...curl, '--http1.1', '-v', '-N', '-H', 'Connection: Upgrade', '-H', 'Upgrade: websocket', '-H', 'Sec-WebSocket-Version: 13',
        '-H', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'https://chatgpt.com/backend-api/codex/responses']],
      /< HTTP\/1\.1 101 /,
      { until: /< HTTP\/1\.1 101 [^\n]*\n(?:< [^\n]+\n)*< \r?\n/ },
    ],
  };
  const times = {};
  for (const [name, [[command, args], expected, options]] of Object.entries(steps)) {
    const result = await run(command, args, { env, ...options });
    if (!expected.test(result.stdout + result.stderr)) throw new Error(`by hand, ${name} did not answer as expected (exit ${result.code}):\n${(result.stdout + result.stderr).slice(-400)}`);
    times[name] = result.wallMs;
  }
  return times;
}
