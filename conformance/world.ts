// One scenario world, run as root inside its own private network and mount namespace
// (`unshare -n -m`, started by run.ts): the lab, a private hosts file and system trust store bind-mounted
// over the real ones, then the real Codex per transport and the doctor in the same world.
// Prints one JSON line (WorldResult) on stdout.

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { startScenario } from '../src/lab/host.js';
import { OPENAI_HOSTS, type OriginRequestEvent, type OriginUpgradeEvent } from '../src/lab/origin.js';
import { loadScenario } from '../src/lab/scenario.js';
import { startFrontDoor } from './front-door.js';
import { FALLBACK_WARNING, httpsFailure, loginOutcome, parseAuthorizeUrl, webSocketFailure, type Outcome, type Transport } from './observe.js';
import { doctorVerdicts } from './doctor-verdict.js';
import { applyFix, fixActionFor, turnsWebSocketOff, type FixApplication } from './prescription.js';

export interface WorldInput {
  scenarioFile: string;
  codexBinary: string;
  doctorCli: string;
  /** Per Codex run; a run that has not shown its outcome by then counts as failing. */
  timeoutMs: number;
  /** Apply the doctor's first fix and rerun Codex on the transports that failed. */
  prescribe: boolean;
}

export interface WorldResult {
  scenario: string;
  codexVersion: string;
  codex: Record<Transport, Outcome>;
  doctor: unknown;
  doctorExit: number | null;
  /** Host names the lab refused (Codex's start-up contacts). */
  refusedHosts: string[];
  /** What reached the lab origin, in order. */
  originLog: string[];
  /** Per failing transport: the doctor's first fix for its verdict, applied, and Codex rerun. */
  prescriptions?: Partial<Record<Transport, Prescription>>;
}

export interface Prescription {
  applied: FixApplication['kind'];
  message?: string;
  after?: Outcome;
}

/** Start-up contacts of Codex that must never leave the namespace: mapped to 127.0.0.1 and refused there. */
const OTHER_HOSTS = ['api.github.com', 'github.com', 'raw.githubusercontent.com', 'ab.chatgpt.com'];
const FAKE_API_KEY = 'sk-conformance-fake-0000000000000000';
const PROBE_HEADER = 'x-conformance-probe';

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '') as WorldInput;
  execFileSync('ip', ['link', 'set', 'lo', 'up']);
  const scenario = await loadScenario(input.scenarioFile);
  const running = await startScenario(scenario);
  const { lab, host } = running;
  const dir = lab.files.dir;
  const originLog: string[] = [];
  lab.origin.events.on('request', (e: OriginRequestEvent) => originLog.push(`${e.method} ${e.host}${e.path} ${e.status}${probeOf(e.headers)}`));
  lab.origin.events.on('upgrade', (e: OriginUpgradeEvent) => originLog.push(`UPGRADE ${e.host}${e.path} ${e.status}${probeOf(e.headers)}`));
  lab.proxy?.events.on('connect', (e) => originLog.push(`proxy CONNECT ${e.target} ${e.status ?? 'no answer'}`));

  // The world's name resolution and trust store: only this namespace sees them.
  const hostsFile = path.join(dir, 'hosts');
  await writeFile(hostsFile, `127.0.0.1 localhost ${[...OPENAI_HOSTS, ...OTHER_HOSTS].join(' ')}\n::1 localhost\n`);
  const certsDir = path.join(dir, 'os-certs');
  await mkdir(certsDir);
  await copyFile(lab.files.systemStore, path.join(certsDir, 'ca-certificates.crt'));
  execFileSync('mount', ['--bind', hostsFile, '/etc/hosts']);
  execFileSync('mount', ['--bind', certsDir, '/etc/ssl/certs']);
  // `[lab] direct = "refused"` (a firewall lets only the proxy out): nothing listens on 443, as the lab's own dial does.
  const frontDoor = scenario.lab.direct === 'refused' ? null : await startFrontDoor({ port: 443, originPort: lab.origin.port, hosts: OPENAI_HOSTS });

  const codexHome = path.join(host.homeDir, '.codex');
  const binDir = path.dirname(input.codexBinary);
  const baseEnv: Record<string, string> = { PATH: `${binDir}:/usr/local/bin:/usr/bin:/bin`, CODEX_HOME: codexHome, ...host.env };
  const codexVersion = execFileSync(input.codexBinary, ['--version'], { encoding: 'utf8', env: baseEnv }).trim();

  const observe = (env: Record<string, string>, only?: readonly Transport[], websocketOff = false): Promise<Partial<Record<Transport, Outcome>>> => {
    const probes: Array<[Transport, () => Promise<Outcome>]> = [
      ['login', () => probeLogin(input, env, dir, originLog)],
      ['websocket', () => probeWebSocket(input, env, dir, lab.origin.events, websocketOff)],
      ['https', () => probeHttps(input, env, dir, lab.origin.events)],
    ];
    return Promise.all(probes.filter(([t]) => !only || only.includes(t)).map(async ([t, run]) => [t, await run()] as const)).then(Object.fromEntries);
  };

  try {
    const codex = (await observe(baseEnv)) as Record<Transport, Outcome>;
    const doctorEnv = { ...baseEnv, OPENAI_API_KEY: FAKE_API_KEY };
    const doctorTimeout = scenario.timeoutMs ?? 10_000;
    const doctor = await run(process.execPath, [input.doctorCli, '--json', '--timeout', String(doctorTimeout)], doctorEnv, dir, doctorTimeout + 15_000);
    let report: unknown = null;
    try {
      report = JSON.parse(doctor.stdout);
    } catch {
      report = { unparsable: doctor.stdout.slice(0, 2000), stderr: doctor.stderr.slice(0, 2000) };
    }
    const result: WorldResult = {
      scenario: scenario.name,
      codexVersion,
      codex,
      doctor: report,
      doctorExit: doctor.code,
      refusedHosts: frontDoor?.refused ?? [],
      originLog,
    };
    if (input.prescribe) result.prescriptions = await prescribe(codex, report, { env: baseEnv, codexHome, cwd: dir }, observe);
    // The lab directory is random per run: the committed table must not change with it.
    process.stdout.write(`${JSON.stringify(result).replaceAll(dir, '<lab>')}\n`);
  } finally {
    await frontDoor?.close();
    await running.stop();
  }
}

/**
 * For each failing transport, the first action of the finding behind the doctor's verdict; transports whose
 * verdicts share one action are fixed and rerun together, each distinct action once, in runbook order.
 */
async function prescribe(
  codex: Record<Transport, Outcome>,
  report: unknown,
  world: { env: Record<string, string>; codexHome: string; cwd: string },
  observe: (env: Record<string, string>, only: readonly Transport[], websocketOff: boolean) => Promise<Partial<Record<Transport, Outcome>>>,
): Promise<Partial<Record<Transport, Prescription>>> {
  const verdicts = doctorVerdicts(report);
  const groups = new Map<string, Transport[]>();
  const actions = new Map<string, ReturnType<typeof fixActionFor>>();
  for (const transport of Object.keys(codex) as Transport[]) {
    if (codex[transport].works) continue;
    const action = fixActionFor(report, verdicts?.[transport].decidedBy);
    const key = JSON.stringify(action ?? null);
    actions.set(key, action);
    groups.set(key, [...(groups.get(key) ?? []), transport]);
  }
  const prescriptions: Partial<Record<Transport, Prescription>> = {};
  let env = world.env;
  for (const [key, transports] of groups) {
    const applied = await applyFix(actions.get(key), { ...world, env });
    if (applied.kind !== 'applied') {
      for (const t of transports) prescriptions[t] = { applied: applied.kind, ...(applied.kind === 'error' ? { message: applied.message } : {}) };
      continue;
    }
    env = applied.env;
    const after = await observe(env, transports, turnsWebSocketOff(actions.get(key)));
    for (const t of transports) prescriptions[t] = { applied: 'applied', ...(after[t] ? { after: after[t] } : {}) };
  }
  return prescriptions;
}

function probeOf(headers: Record<string, string | string[] | undefined>): string {
  const probe = headers[PROBE_HEADER];
  return probe ? ` [${String(probe)}]` : '';
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a child to the end, killed (with its process group) at the deadline. */
function run(command: string, args: string[], env: Record<string, string>, cwd: string, timeoutMs: number): Promise<RunResult> {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const out = collect(child);
  const timer = setTimeout(() => kill(child), timeoutMs);
  return new Promise((resolve) => {
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: out.stdout(), stderr: out.stderr() });
    });
  });
}

/** Output of a child, bounded (Codex can retry without end). */
function collect(child: ChildProcess): { stdout(): string; stderr(): string; both(): string; onChange(listener: () => void): void } {
  const limit = 256 * 1024;
  let stdout = '';
  let stderr = '';
  const listeners: Array<() => void> = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stdout.length < limit) stdout += chunk;
    for (const l of listeners) l();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < limit) stderr += chunk;
    for (const l of listeners) l();
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    both: () => `${stdout}\n${stderr}`,
    onChange: (listener) => listeners.push(listener),
  };
}

function kill(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * Starts Codex and settles with the first outcome `decide` returns (re-asked on every output chunk and
 * lab event), or a failure at the deadline; Codex is killed either way.
 */
function watchCodex(
  input: WorldInput,
  args: string[],
  env: Record<string, string>,
  cwd: string,
  decide: (output: string) => Outcome | undefined,
  subscribe: (wake: () => void) => () => void,
  onOutput?: (output: string, child: ChildProcess) => void,
): Promise<Outcome> {
  const child = spawn(input.codexBinary, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const out = collect(child);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      kill(child);
      resolve(outcome);
    };
    const check = (): void => {
      const output = out.both();
      onOutput?.(output, child);
      const outcome = decide(output);
      if (outcome) finish(outcome);
    };
    const unsubscribe = subscribe(check);
    out.onChange(check);
    child.once('close', () => {
      check();
      finish({ works: false, evidence: `codex exited without an outcome: ${lastLines(out.both())}` });
    });
    const timer = setTimeout(() => finish({ works: false, evidence: `no outcome within ${input.timeoutMs} ms: ${lastLines(out.both())}` }), input.timeoutMs);
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ').slice(0, 400);
}

function probeLogin(input: WorldInput, env: Record<string, string>, cwd: string, originLog: string[]): Promise<Outcome> {
  let calledBack = false;
  return watchCodex(
    input,
    ['login'],
    env,
    cwd,
    (output) => loginOutcome(output),
    () => () => {},
    (output) => {
      if (calledBack) return;
      const authorize = parseAuthorizeUrl(output);
      if (!authorize) return;
      calledBack = true;
      // The browser's redirect with a deliberately invalid code: Codex then POSTs it to the token endpoint.
      const callback = `/auth/callback?code=conformance-invalid-code&state=${encodeURIComponent(authorize.state)}`;
      const req = request({ host: '127.0.0.1', port: authorize.callbackPort, path: callback, timeout: input.timeoutMs }, (res) => {
        res.resume();
        originLog.push(`callback answered ${res.statusCode}`);
      });
      req.on('error', (error) => originLog.push(`callback failed: ${error.message}`));
      req.end();
    },
  );
}

type OriginEvents = import('node:events').EventEmitter<{ request: [OriginRequestEvent]; upgrade: [OriginUpgradeEvent] }>;

/**
 * The Responses WebSocket: works when the upgrade reaches the origin. `streamOverHttps` is for the rerun after a fix
 * that turns the WebSocket off (supports_websockets = false): there the user's goal is that the model stream
 * reaches the origin over HTTPS, so that counts as working (unless Codex still printed a WebSocket fallback).
 */
function probeWebSocket(input: WorldInput, env: Record<string, string>, cwd: string, events: OriginEvents, streamOverHttps = false): Promise<Outcome> {
  let arrived: OriginUpgradeEvent | undefined;
  let streamed: OriginRequestEvent | undefined;
  return watchCodex(
    input,
    ['exec', '--skip-git-repo-check', 'conformance probe'],
    { ...env, OPENAI_API_KEY: FAKE_API_KEY, CODEX_API_KEY: FAKE_API_KEY },
    cwd,
    (output) => {
      if (arrived) return { works: true, evidence: `upgrade reached the origin: ${arrived.host}${arrived.path} (${arrived.status})` };
      if (streamed && !FALLBACK_WARNING.test(output)) {
        return { works: true, evidence: `streamed over HTTPS with the WebSocket off: ${streamed.method} ${streamed.host}${streamed.path} (${streamed.status})` };
      }
      return webSocketFailure(output);
    },
    (wake) => {
      const onUpgrade = (e: OriginUpgradeEvent): void => {
        // With an API key the Responses WebSocket is api.openai.com's (an upgrade elsewhere is another client).
        if (e.headers[PROBE_HEADER] !== undefined || e.host !== 'api.openai.com' || e.path !== '/v1/responses') return;
        arrived = e;
        wake();
      };
      const onRequest = (e: OriginRequestEvent): void => {
        if (!streamOverHttps || e.headers[PROBE_HEADER] !== undefined || !e.path.endsWith('/responses')) return;
        streamed = e;
        wake();
      };
      events.on('upgrade', onUpgrade);
      events.on('request', onRequest);
      return () => {
        events.off('upgrade', onUpgrade);
        events.off('request', onRequest);
      };
    },
  );
}

/** A custom provider on the same host without WebSocket, marked so that its requests are told apart. */
const HTTPS_PROVIDER = [
  '-c',
  'model_provider="conformance_https"',
  '-c',
  `model_providers.conformance_https={ name = "conformance-https", base_url = "https://api.openai.com/v1", env_key = "OPENAI_API_KEY", wire_api = "responses", supports_websockets = false, http_headers = { "${PROBE_HEADER}" = "https" } }`,
];

function probeHttps(input: WorldInput, env: Record<string, string>, cwd: string, events: OriginEvents): Promise<Outcome> {
  let arrived: OriginRequestEvent | undefined;
  return watchCodex(
    input,
    ['exec', '--skip-git-repo-check', ...HTTPS_PROVIDER, 'conformance probe'],
    { ...env, OPENAI_API_KEY: FAKE_API_KEY, CODEX_API_KEY: FAKE_API_KEY },
    cwd,
    (output) =>
      arrived ? { works: true, evidence: `request reached the origin: ${arrived.method} ${arrived.host}${arrived.path} (${arrived.status})` } : httpsFailure(output),
    (wake) => {
      const onRequest = (e: OriginRequestEvent): void => {
        if (e.headers[PROBE_HEADER] !== 'https' || !e.path.endsWith('/responses')) return;
        arrived = e;
        wake();
      };
      events.on('request', onRequest);
      return () => events.off('request', onRequest);
    },
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`conformance world: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
