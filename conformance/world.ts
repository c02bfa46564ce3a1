// One scenario world, run as root inside its own private network and mount namespace
// (`unshare -n -m`, started by run.ts): the lab, a private hosts file and system trust store bind-mounted
// over the real ones, then the real Codex per transport and the doctor in the same world.
// Prints one JSON line (WorldResult) on stdout.

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { startScenario } from '../src/lab/host.js';
import { LAB_HOSTS, type OriginRequestEvent, type OriginUpgradeEvent } from '../src/lab/origin.js';
import { loadScenario } from '../src/lab/scenario.js';
import type { AlpnOffers } from './alpn.js';
import { startFrontDoor } from './front-door.js';
import { FALLBACK_WARNING, httpsFailure, loginOutcome, parseAuthorizeUrl, TRANSPORTS, webSocketFailure, type Outcome, type Transport } from './observe.js';
import { doctorVerdicts } from './doctor-verdict.js';
import { apiKeyVariable, httpsOnlyArgs, modelTarget, type ModelTarget } from './provider.js';
import { supplyIt, type ItRequestFacts } from './it-supply.js';
import { encodeCredential, playByHand, type HandPlay } from './by-hand.js';
import { firstFixOf, fixActionFor, fixRanCleanly, hasUserAction, readFixRun, type FirstFix, type FixRun, type ManualAction, type Prescription } from './prescription.js';
import type { ItTopic } from '../src/core/types.js';

export interface WorldInput {
  scenarioFile: string;
  codexBinary: string;
  doctorCli: string;
  /** Per Codex run; a run that has not shown its outcome by then counts as failing. */
  timeoutMs: number;
  /** Run `codex-doctor fix --yes` (and IT's side of a request to IT) and rerun Codex on the transports that failed. */
  prescribe: boolean;
}

export interface WorldResult {
  scenario: string;
  codexVersion: string;
  /** Where the user's config sends the model traffic (the host the WebSocket and HTTPS columns are about). */
  modelHost: string;
  codex: Record<Transport, Outcome>;
  doctor: unknown;
  doctorExit: number | null;
  /** Host names the lab refused (Codex's start-up contacts). */
  refusedHosts: string[];
  /** What reached the lab origin, in order. */
  originLog: string[];
  /** The ALPN Codex offered per transport in its first runs, then the doctor in its run (uninspected worlds only). */
  alpn: { codex: AlpnOffers; doctor: AlpnOffers };
  /** Per failing transport: whose the first fix is, and Codex rerun after the user's and IT's fixes. */
  prescriptions?: Partial<Record<Transport, Prescription>>;
  /** The `codex-doctor fix --yes` runs, in order (the user's, then after IT's change). */
  fixRuns?: FixRun[];
}

/** Start-up contacts of Codex that must never leave the namespace: mapped to 127.0.0.1 and refused there. */
const OTHER_HOSTS = ['api.github.com', 'github.com', 'raw.githubusercontent.com', 'ab.chatgpt.com'];
const FAKE_API_KEY = 'sk-conformance-fake-0000000000000000';
const PROBE_HEADER = 'x-conformance-probe';
/** The user's shell: `codex-doctor fix` writes its profile, and Codex is rerun from a new one after a fix. */
const USER_SHELL = '/bin/bash';

/** How Codex is started: directly, or from a new interactive shell (which reads the profile a fix wrote). */
type Launch = 'direct' | 'new-shell';

type Observe = (env: Record<string, string>, only?: readonly Transport[], launch?: Launch) => Promise<Partial<Record<Transport, Outcome>>>;

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
  // Codex's and then the doctor's ALPN offers: their own ClientHello reaches the origin unless an inspecting
  // proxy re-originates the connection.
  const alpn: { codex: AlpnOffers; doctor: AlpnOffers } = { codex: {}, doctor: {} };
  let alpnPhase: keyof typeof alpn | null = lab.proxy?.mode === 'inspect' ? null : 'codex';
  const recordAlpn = (transport: Transport, offer: readonly string[] | null): void => {
    if (alpnPhase && !(transport in alpn[alpnPhase])) alpn[alpnPhase][transport] = offer;
  };
  lab.origin.events.on('request', (e: OriginRequestEvent) => {
    if (e.method === 'POST' && e.host === 'auth.openai.com' && e.path === '/oauth/token') recordAlpn('login', e.alpn);
    else if (e.headers[PROBE_HEADER] === 'https') recordAlpn('https', e.alpn);
  });
  lab.origin.events.on('upgrade', (e: OriginUpgradeEvent) => recordAlpn('websocket', e.alpn));

  // The world's name resolution and trust store: only this namespace sees them.
  const hostsFile = path.join(dir, 'hosts');
  await writeFile(hostsFile, `127.0.0.1 localhost ${[...LAB_HOSTS, ...OTHER_HOSTS].join(' ')}\n::1 localhost\n`);
  const certsDir = path.join(dir, 'os-certs');
  await mkdir(certsDir);
  await copyFile(lab.files.systemStore, path.join(certsDir, 'ca-certificates.crt'));
  execFileSync('mount', ['--bind', hostsFile, '/etc/hosts']);
  execFileSync('mount', ['--bind', certsDir, '/etc/ssl/certs']);
  // `[lab] direct = "refused"` (a firewall lets only the proxy out): nothing listens on 443, as the lab's own dial does.
  const frontDoor = scenario.lab.direct === 'refused' ? null : await startFrontDoor({ port: 443, originPort: lab.origin.port, hosts: LAB_HOSTS });

  const codexHome = path.join(host.homeDir, '.codex');
  const binDir = path.dirname(input.codexBinary);
  const baseEnv: Record<string, string> = { PATH: `${binDir}:/usr/local/bin:/usr/bin:/bin`, SHELL: USER_SHELL, CODEX_HOME: codexHome, ...host.env };
  const codexVersion = execFileSync(input.codexBinary, ['--version'], { encoding: 'utf8', env: baseEnv }).trim();
  // Read before every observation: a fix may have changed the provider (supports_websockets = false, ...).
  const currentTarget = async (): Promise<ModelTarget> => modelTarget(await readFile(path.join(codexHome, 'config.toml'), 'utf8').catch(() => null));

  const observe: Observe = async (env, only, launch = 'direct') => {
    const target = await currentTarget();
    const codex: CodexRun = { input, env, cwd: dir, launch };
    const probes: Array<[Transport, () => Promise<Outcome>]> = [
      ['login', () => probeLogin(codex, originLog)],
      ['websocket', () => probeWebSocket(codex, target, lab.origin.events)],
      ['https', () => probeHttps(codex, target, lab.origin.events)],
    ];
    return Promise.all(probes.filter(([t]) => !only || only.includes(t)).map(async ([t, run]) => [t, await run()] as const)).then(Object.fromEntries);
  };

  try {
    const target = await currentTarget();
    const codex = (await observe(baseEnv)) as Record<Transport, Outcome>;
    if (alpnPhase) alpnPhase = 'doctor';
    const doctorEnv = { ...baseEnv, OPENAI_API_KEY: FAKE_API_KEY };
    const doctorTimeout = scenario.timeoutMs ?? 10_000;
    const doctor = await run(process.execPath, [input.doctorCli, '--json', '--timeout', String(doctorTimeout)], doctorEnv, dir, doctorTimeout + 15_000);
    alpnPhase = null;
    let report: unknown = null;
    try {
      report = JSON.parse(doctor.stdout);
    } catch {
      report = { unparsable: doctor.stdout.slice(0, 2000), stderr: doctor.stderr.slice(0, 2000) };
    }
    const result: WorldResult = {
      scenario: scenario.name,
      codexVersion,
      modelHost: target.host,
      codex,
      doctor: report,
      doctorExit: doctor.code,
      refusedHosts: frontDoor?.refused ?? [],
      originLog,
      alpn,
    };
    if (input.prescribe) {
      // The user's fix, as the user runs it: the real command, non-interactive, in the same world and environment.
      const fixCommand = async (): Promise<FixRun> => {
        const fix = await run(process.execPath, [input.doctorCli, 'fix', '--yes', '--json', '--timeout', String(doctorTimeout)], doctorEnv, dir, 2 * doctorTimeout + 20_000);
        return readFixRun(fix.stdout, fix.stderr, fix.code);
      };
      const supply = (topic: ItTopic): Promise<string | null> => supplyIt(topic, lab, scenario.lab, host.homeDir, itRequestOf(report));
      const hands = { lab, spec: scenario.lab, byHand: running.byHand, homeDir: host.homeDir, codexHome, env: baseEnv, scenarioEnv: scenario.env };
      const byHand = (action: ManualAction): Promise<HandPlay | null> => playByHand(action, hands);
      const prescribed = await prescribe(codex, report, doctorVerdicts(report, target.host), { env: baseEnv, observe, fixCommand, supply, byHand });
      result.prescriptions = prescribed.prescriptions;
      if (prescribed.fixRuns.length > 0) result.fixRuns = prescribed.fixRuns;
    }
    // The lab directory is random per run: the committed table must not change with it. A proxy password the
    // user typed by hand never leaves the world (Codex's output could echo a proxy URL).
    const password = scenario.lab.proxy?.auth?.password;
    let text = JSON.stringify(result).replaceAll(dir, '<lab>');
    if (password) for (const form of new Set([password, encodeCredential(password), encodeURIComponent(password)])) text = text.replaceAll(form, '[redacted]');
    process.stdout.write(`${text}\n`);
  } finally {
    await frontDoor?.close();
    await running.stop();
  }
}

/**
 * For the failing transports: the first action of the finding behind each verdict says whose fix it is. If
 * any is the user's, `codex-doctor fix --yes` runs (it applies the first action of every finding, as it does
 * for the user) and Codex is rerun from a new shell. Then, for transports still failing whose first fix is a
 * request to IT, IT's side is played on the lab (when modelled), the user runs `codex-doctor fix --yes`
 * again (IT's file is now on disk), and Codex is rerun once more. Last, for transports still failing whose first
 * fix is a change by hand, the user makes it (when the lab models it) and Codex is rerun from a new shell.
 */
async function prescribe(
  codex: Record<Transport, Outcome>,
  report: unknown,
  verdicts: ReturnType<typeof doctorVerdicts>,
  world: {
    env: Record<string, string>;
    observe: Observe;
    fixCommand: () => Promise<FixRun>;
    supply: (topic: ItTopic) => Promise<string | null>;
    byHand: (action: ManualAction) => Promise<HandPlay | null>;
  },
): Promise<{ prescriptions: Partial<Record<Transport, Prescription>>; fixRuns: FixRun[] }> {
  const prescriptions: Partial<Record<Transport, Prescription>> = {};
  const firsts = new Map<Transport, FirstFix>();
  for (const transport of TRANSPORTS) {
    if (codex[transport].works) continue;
    const first = firstFixOf(fixActionFor(report, verdicts?.[transport].decidedBy));
    firsts.set(transport, first);
    prescriptions[transport] = { first: first.owner, ...(first.owner === 'it' ? { topic: first.topic } : {}) };
  }
  const fixRuns: FixRun[] = [];
  const byOwner = (owner: FirstFix['owner']): Transport[] => [...firsts].filter(([, f]) => f.owner === owner).map(([t]) => t);

  const users = byOwner('user');
  const manuals = byOwner('manual');
  // A user whose failure's first fix is a change by hand still runs `codex-doctor fix --yes` when the report
  // holds any fix it applies: what that does is shown beside the manual row, not counted as the first fix.
  if (users.length > 0 || (manuals.length > 0 && hasUserAction(report))) {
    const fix = await world.fixCommand();
    fixRuns.push(fix);
    // Every failing transport with a fix is rerun: the command applies every finding's first action, which may
    // fix IT's or a by-hand one too.
    const rerun = [...users, ...byOwner('it'), ...manuals];
    const after = await world.observe(world.env, rerun, 'new-shell');
    for (const t of rerun) {
      const p = prescriptions[t]!;
      if (after[t]) p.afterUser = after[t];
      if (!fixRanCleanly(fix)) p.fixError = `${fix.outcome}${fix.error ? `: ${fix.error}` : ''}`;
    }
  }

  const its = byOwner('it').filter((t) => !prescriptions[t]?.afterUser?.works);
  if (its.length > 0) {
    const supplied = new Map<ItTopic, string | null>();
    for (const t of its) {
      const first = firsts.get(t);
      if (first?.owner !== 'it' || supplied.has(first.topic)) continue;
      supplied.set(first.topic, await world.supply(first.topic));
    }
    const measured = its.filter((t) => {
      const first = firsts.get(t);
      const what = first?.owner === 'it' ? (supplied.get(first.topic) ?? null) : null;
      prescriptions[t]!.itSupplied = what;
      return what !== null;
    });
    if (measured.length > 0) {
      fixRuns.push(await world.fixCommand());
      const after = await world.observe(world.env, measured, 'new-shell');
      for (const t of measured) if (after[t]) prescriptions[t]!.afterIt = after[t];
    }
  }

  const hands = manuals.filter((t) => !prescriptions[t]?.afterUser?.works);
  if (hands.length > 0) {
    // One step per distinct action, in order, however many transports share it.
    const played = new Map<string, HandPlay | null>();
    for (const t of hands) {
      const first = firsts.get(t);
      if (first?.owner !== 'manual') continue;
      const key = JSON.stringify(first.action);
      if (!played.has(key)) played.set(key, await world.byHand(first.action));
      const play = played.get(key) ?? null;
      prescriptions[t]!.byHand = play?.what ?? null;
      if (play?.kind === 'vague') prescriptions[t]!.byHandVague = true;
    }
    const rerun = hands.filter((t) => prescriptions[t]?.byHand && !prescriptions[t]?.byHandVague);
    if (rerun.length > 0) {
      const env = [...played.values()].reduce<Record<string, string>>((current, play) => (play?.kind === 'played' && play.env ? play.env : current), world.env);
      const after = await world.observe(env, rerun, 'new-shell');
      for (const t of rerun) if (after[t]) prescriptions[t]!.afterHand = after[t];
    }
  }
  return { prescriptions, fixRuns };
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

/** One Codex start: the binary, its environment and working directory, and how it is launched. */
interface CodexRun {
  input: WorldInput;
  env: Record<string, string>;
  cwd: string;
  launch: Launch;
}

/**
 * Starts Codex and settles with the first outcome `decide` returns (re-asked on every output chunk and
 * lab event), or a failure at the deadline; Codex is killed either way. From a new interactive shell, bash
 * reads the profile a fix wrote and then becomes Codex (exec), so the kill reaches Codex itself.
 */
function watchCodex(
  codex: CodexRun,
  args: string[],
  decide: (output: string) => Outcome | undefined,
  subscribe: (wake: () => void) => () => void,
  onOutput?: (output: string, child: ChildProcess) => void,
): Promise<Outcome> {
  const { input, env, cwd } = codex;
  const [command, argv] =
    codex.launch === 'new-shell' ? [USER_SHELL, ['-i', '-c', 'exec "$0" "$@"', input.codexBinary, ...args]] : [input.codexBinary, args];
  const child = spawn(command, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
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
  return text
    .trim()
    .split('\n')
    .filter((line) => !SHELL_NOISE.test(line))
    .slice(-3)
    .join(' | ')
    .slice(0, 400);
}

/** What bash -i says without a terminal: not Codex's words. */
const SHELL_NOISE = /^bash: (cannot set terminal process group|no job control in this shell)/;

function probeLogin(codex: CodexRun, originLog: string[]): Promise<Outcome> {
  let calledBack = false;
  return watchCodex(
    codex,
    ['login'],
    (output) => loginOutcome(output),
    () => () => {},
    (output) => {
      if (calledBack) return;
      const authorize = parseAuthorizeUrl(output);
      if (!authorize) return;
      calledBack = true;
      // The browser's redirect with a deliberately invalid code: Codex then POSTs it to the token endpoint.
      const callback = `/auth/callback?code=conformance-invalid-code&state=${encodeURIComponent(authorize.state)}`;
      const req = request({ host: '127.0.0.1', port: authorize.callbackPort, path: callback, timeout: codex.input.timeoutMs }, (res) => {
        res.resume();
        originLog.push(`callback answered ${res.statusCode}`);
      });
      req.on('error', (error) => originLog.push(`callback failed: ${error.message}`));
      req.end();
    },
  );
}

type OriginEvents = import('node:events').EventEmitter<{ request: [OriginRequestEvent]; upgrade: [OriginUpgradeEvent] }>;

/** The environment of a `codex exec` run: the fake key where the provider reads it (and where Codex's own login does). */
function execEnv(codex: CodexRun, target: ModelTarget): CodexRun {
  const keyVariable = apiKeyVariable(target);
  return { ...codex, env: { ...codex.env, OPENAI_API_KEY: FAKE_API_KEY, CODEX_API_KEY: FAKE_API_KEY, ...(keyVariable ? { [keyVariable]: FAKE_API_KEY } : {}) } };
}

/**
 * The Responses WebSocket of the user's own provider: works when the upgrade reaches the origin at the
 * provider's host and Responses path. When the provider streams over HTTPS only (a fix set
 * supports_websockets = false), the user's goal is that the model stream reaches the origin over HTTPS, so
 * that counts as working (unless Codex still printed a WebSocket fallback).
 */
function probeWebSocket(codex: CodexRun, target: ModelTarget, events: OriginEvents): Promise<Outcome> {
  let arrived: OriginUpgradeEvent | undefined;
  let streamed: OriginRequestEvent | undefined;
  const ours = (e: { host: string; path: string; headers: Record<string, unknown> }): boolean =>
    e.headers[PROBE_HEADER] === undefined && e.host === target.host && e.path === target.responsesPath;
  return watchCodex(
    execEnv(codex, target),
    ['exec', '--skip-git-repo-check', 'conformance probe'],
    (output) => {
      if (arrived) return { works: true, evidence: `upgrade reached the origin: ${arrived.host}${arrived.path} (${arrived.status})` };
      if (streamed && !FALLBACK_WARNING.test(output)) {
        return { works: true, evidence: `streamed over HTTPS with the WebSocket off: ${streamed.method} ${streamed.host}${streamed.path} (${streamed.status})` };
      }
      return webSocketFailure(output);
    },
    (wake) => {
      const onUpgrade = (e: OriginUpgradeEvent): void => {
        if (!ours(e)) return;
        arrived = e;
        wake();
      };
      const onRequest = (e: OriginRequestEvent): void => {
        if (target.websockets || !ours(e)) return;
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

/** Responses over HTTPS: the user's own provider with `supports_websockets = false`, its requests marked. */
function probeHttps(codex: CodexRun, target: ModelTarget, events: OriginEvents): Promise<Outcome> {
  let arrived: OriginRequestEvent | undefined;
  return watchCodex(
    execEnv(codex, target),
    ['exec', '--skip-git-repo-check', ...httpsOnlyArgs(target, PROBE_HEADER), 'conformance probe'],
    (output) =>
      arrived ? { works: true, evidence: `request reached the origin: ${arrived.method} ${arrived.host}${arrived.path} (${arrived.status})` } : httpsFailure(output),
    (wake) => {
      const onRequest = (e: OriginRequestEvent): void => {
        if (e.headers[PROBE_HEADER] !== 'https' || e.host !== target.host || e.path !== target.responsesPath) return;
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

/** What the doctor's request to IT names: the subject of a CA certificate, and the reason it gives. */
function itRequestOf(report: unknown): ItRequestFacts {
  const request = (report as { itRequest?: { ca?: { subject?: unknown }; reason?: unknown } } | null)?.itRequest;
  const subject = request?.ca?.subject;
  const reason = request?.reason;
  return { ...(typeof subject === 'string' && { ca: subject }), ...(typeof reason === 'string' && { reason }) };
}
