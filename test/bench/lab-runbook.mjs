// The full runbook against the lab (issue 5): `codex-doctor lab <healthy scenario> --json` timed next to the
// same runbook done by hand with openssl and curl against the same lab services. Target: the doctor is faster.
// Every by-hand command goes through the lab proxy on 127.0.0.1 (explicit --proxy/-proxy, NO_PROXY ignored):
// names such as auth.openai.com are resolved by the lab proxy's routing table, never by DNS.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cleanEnv, expectExit, interleaved, machineLine, main, ms, printVerdicts, ratio, reportToParent, requireBuiltCli, ROOT, run, scratchDir, stats, timeLine, verdict } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARMUPS = 1;
const LAB_SERVE = fileURLToPath(new URL('./lab-serve.mjs', import.meta.url));
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
    const only = await interleaved({ doctor: doctorRun, byHand: byHandRun }, { runs: RUNS, warmups: WARMUPS });
    const od = stats(only.doctor);
    const oh = stats(only.byHand);
    console.log('B. runbook only, against a lab already running (start-up excluded from both; not the target, for insight):');
    console.log(timeLine('codex-doctor --json (HTTPS_PROXY, CA set)', od, 40));
    console.log(timeLine('the runbook by hand', oh, 40));
    console.log(`  ratio doctor/by hand (medians): ${ratio(od.median, oh.median)}`);
    console.log(`  doctor's own report.durationMs (runbook inside the process): median ${ms(stats(inProcess).median)}`);
    console.log(`  by-hand steps (medians): ${Object.entries(steps).map(([step, t]) => `${step} ${ms(stats(t).median)}`).join(', ')}\n`);
  } finally {
    await lab.stop();
  }

  const verdicts = [
    verdict("doctor's full lab run faster than the by-hand runbook", fd.median < fh.median,
      `${fd.median.toFixed(0)} vs ${fh.median.toFixed(0)} ms medians (${ratio(fd.median, fh.median)}), lab start-up included in both`),
  ];
  printVerdicts(verdicts);
  reportToParent('lab-runbook', verdicts);
});

/** A benchmark of a run that did not diagnose a healthy setup as healthy would measure the wrong thing. */
function requireHealthy(report, what) {
  const notPassing = report.checks.filter((check) => check.status !== 'pass').map((check) => `${check.id}=${check.status}`);
  if (notPassing.length) throw new Error(`${what} is not all pass (${notPassing.join(', ')}): pick a healthy scenario`);
}

/** Starts lab-serve.mjs and waits for its JSON line; stop() closes its stdin and waits for it to exit. */
async function startLabServe(env, scenario) {
  const child = spawn(process.execPath, [LAB_SERVE, scenario], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`lab-serve.mjs exited ${code} before the lab was up`))),
  ]);
  const info = JSON.parse(line);
  if (!info.proxyHostPort) throw new Error(`scenario ${scenario} has no proxy: the by-hand runbook needs one`);
  return {
    info,
    async stop() {
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    },
  };
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
