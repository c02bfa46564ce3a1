// The doctor against a real third-party TLS-inspecting proxy: squid with ssl-bump (Debian's squid-openssl),
// started on 127.0.0.1 with a CA minted for this run. Bumped requests go to the lab's origin through a
// cache_peer and never anywhere else: never_direct, a hosts file for the OpenAI names, and a DNS server
// on 127.0.0.1 keep every packet on loopback.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import type { JsonReport } from '../../src/render/json.js';
import { labHost } from '../../src/lab/host.js';
import { KeyStore, mintCorporateCa } from '../../src/lab/pki.js';
import { expectationMismatches, parseScenario, type Scenario } from '../../src/lab/scenario.js';
import { startLab, type Lab } from '../../src/lab/world.js';
import { runDoctor, type Io } from '../../src/main.js';
import { DEFAULT_TIMEOUT_MS, type DoctorFlags } from '../../src/options.js';
import { errorOf, expectValidReport } from '../helpers/schema.js';

const NOT_INSTALLED = "squid-openssl not installed: run .ci/run's apt step (apt-get install squid-openssl)";
const SQUID = ['/usr/sbin/squid', '/usr/local/sbin/squid'].find((p) => existsSync(p));
/** How long squid may take to start listening (it starts its certificate helper first). */
const STARTUP_TIMEOUT_MS = 20_000;
const OPENAI_HOSTS = ['auth.openai.com', 'api.openai.com', 'chatgpt.com'];

interface Squid {
  port: number;
  dir: string;
  /** The minted ssl-bump CA, PEM (what a correct CODEX_CA_CERTIFICATE holds). */
  caPem: string;
  accessLog(): Promise<string>;
  stop(): Promise<void>;
}

let lab: Lab | undefined;
let squid: Squid | undefined;
let startupError: Error | undefined;

beforeAll(async () => {
  if (!SQUID) return;
  try {
    // One origin for the whole file: squid's cache_peer points at it.
    lab = await startLab({});
    squid = await startSquid(lab);
  } catch (error) {
    startupError = error as Error;
  }
}, STARTUP_TIMEOUT_MS * 3 + 5_000);

afterAll(async () => {
  await squid?.stop();
  await lab?.stop();
});

function world(): Lab {
  if (!lab) throw new Error('the lab did not start');
  return lab;
}

/** The running squid, or a loud failure: this test never skips silently. */
function running(): Squid {
  if (!SQUID) throw new Error(NOT_INSTALLED);
  if (startupError) throw startupError;
  if (!squid) throw new Error('squid did not start');
  return squid;
}

describe('squid ssl-bump (a real TLS-inspecting proxy)', { timeout: 60_000 }, () => {
  it('is installed with TLS support', () => {
    if (!SQUID) throw new Error(NOT_INSTALLED);
    const version = execFileSync(SQUID, ['-v'], { encoding: 'utf8' });
    expect(version, 'squid built with OpenSSL (the squid-openssl package)').toMatch(/--with-openssl/);
  });

  it('healthy: with its CA in CODEX_CA_CERTIFICATE, login works through squid; squid strips the WebSocket upgrade', async () => {
    const proxy = running();
    const seen: Array<{ host: string; path: string; headers: IncomingHttpHeaders }> = [];
    const onRequest = (r: { host: string; path: string; headers: IncomingHttpHeaders }): void => void seen.push(r);
    world().origin.events.on('request', onRequest);
    const healthy = scenario('squid-healthy', proxy, `CODEX_CA_CERTIFICATE = "\${dir}/squid-ca.pem"`, `
[expect]
exit = 1
[expect.checks."ca.bundle"]
status = "pass"
findings = ["CA_BUNDLE_OK"]
[expect.checks."env.precedence"]
status = "pass"
[expect.checks."tls.auth"]
status = "pass"
findings = ["TLS_INTERCEPTED", "TLS_CHAIN_VERIFIED"]
[expect.checks."oauth.token"]
status = "pass"
findings = ["OAUTH_PATH_OK"]
# Squid 5 forwards an upgrade request without its Upgrade header unless http_upgrade_request_protocols
# allows the protocol: OpenAI then sees a plain GET.
[expect.checks."ws.upgrade"]
status = "fail"
code = "WS_UPGRADE_STRIPPED"
stage = "ws-upgrade"
[expect.checks."config.codex"]
status = "pass"
[expect.checks."sandbox.env"]
status = "pass"
`);
    const { report, code } = await runThroughSquid(healthy).finally(() => world().origin.events.off('request', onRequest));
    expect(expectationMismatches(healthy.expect, report)).toEqual([]);
    expect(code).toBe(1);

    const tls = report.checks.find((c) => c.id === 'tls.auth')!;
    expect(tls.summary).toContain(`via 127.0.0.1:${proxy.port}`);
    expect(tls.summary).toContain('codex-doctor squid ssl-bump CA');
    const ws = report.checks.find((c) => c.id === 'ws.upgrade')!;
    expect(errorOf(ws)?.detail).toContain('removed the Upgrade header');
    expect(ws.findings.find((f) => f.code === 'WS_UPGRADE_STRIPPED')?.hints?.some((h) => h.text.includes('supports_websockets = false'))).toBe(true);

    // The token request really went through squid and reached the lab origin, bumped.
    const token = seen.find((r) => r.host === 'auth.openai.com' && r.path === '/oauth/token');
    expect(token?.headers.via).toMatch(/squid/);
    expect(await proxy.accessLog()).toMatch(/POST https:\/\/auth\.openai\.com\/oauth\/token/);
  });

  it('missing root: without its CA, tls.auth fails with UnknownIssuer and names the fix', async () => {
    const proxy = running();
    const rootMissing = scenario('squid-root-missing', proxy, '', `
[expect]
exit = 1
[expect.checks."ca.bundle"]
status = "pass"
findings = ["CA_SYSTEM_ROOTS"]
[expect.checks."env.precedence"]
status = "pass"
[expect.checks."tls.auth"]
status = "fail"
code = "TLS_UNKNOWN_ISSUER"
stage = "tls-verify"
findings = ["TLS_INTERCEPTED"]
[expect.checks."oauth.token"]
status = "skip"
blocked_by = ["tls.auth"]
[expect.checks."ws.upgrade"]
status = "fail"
code = "TLS_UNKNOWN_ISSUER"
stage = "tls-verify"
[expect.checks."config.codex"]
status = "pass"
[expect.checks."sandbox.env"]
status = "pass"
`);
    const { report, code } = await runThroughSquid(rootMissing);
    expect(expectationMismatches(rootMissing.expect, report)).toEqual([]);
    expect(code).toBe(1);
    const failure = report.checks.find((c) => c.id === 'tls.auth')!.findings.find((f) => f.code === 'TLS_UNKNOWN_ISSUER')!;
    expect(failure.detail).toContain('UnknownIssuer');
    expect(failure.hints?.map((h) => `${h.text} ${h.command ?? ''}`).join('\n')).toMatch(/CODEX_CA_CERTIFICATE/);
  });
});

/** A lab scenario whose proxy is squid: the lab provides the origin, the system store and the files. */
function scenario(name: string, proxy: Squid, caLine: string, expectations: string): Scenario {
  return parseScenario(
    `name = "${name}"
title = "squid ssl-bump"
description = "The doctor through a real squid with ssl-bump."
[env]
HTTPS_PROXY = "http://127.0.0.1:${proxy.port}"
${caLine}
[[files]]
path = "squid-ca.pem"
content = """${proxy.caPem}"""
${expectations}`,
    `${name}.toml`,
  );
}

/** Runs the doctor in-process on a Host built on the shared lab (its origin is squid's cache_peer). */
async function runThroughSquid(labScenario: Scenario): Promise<{ report: JsonReport; code: number }> {
  let out = '';
  const io: Io = { stdout: { write: (chunk: string) => (out += chunk) }, stderr: { write: () => true }, env: {} };
  const flags: DoctorFlags = { output: 'json', only: [], skip: [], timeoutMs: DEFAULT_TIMEOUT_MS, strict: false, verbose: false, resolve: [] };
  const code = await runDoctor({ host: await labHost(labScenario, world()), flags, io });
  const report = JSON.parse(out) as JsonReport;
  expectValidReport(report);
  expect(report.exitCode).toBe(code);
  return { report, code };
}

// --- squid ------------------------------------------------------------------------------------------------

async function startSquid(lab: Lab): Promise<Squid> {
  const squidBinary = SQUID!;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-doctor-squid-'));
  // squid refuses to run as root and drops to its cache_effective_user: that user must own the directory.
  const owner = process.getuid?.() === 0 ? await systemUser('proxy') : null;
  const keys = new KeyStore();
  const ca = mintCorporateCa({
    keys,
    root: { subject: { commonName: 'codex-doctor squid ssl-bump CA', organization: 'codex-doctor lab' } },
    intermediate: null,
  });
  const file = (name: string): string => path.join(dir, name);
  await writeFile(file('bump-ca.pem'), ca.root.pem + keys.get(2048).privateKeyPem, { mode: 0o600 });
  await writeFile(file('public-root.pem'), lab.pem.publicRoot);
  await writeFile(file('hosts'), `127.0.0.1 ${OPENAI_HOSTS.join(' ')} localhost\n`);
  const libexec = /--libexecdir=(\S+?)'?\s/.exec(execFileSync(squidBinary, ['-v'], { encoding: 'utf8' }))?.[1] ?? '/usr/lib/squid';
  const certgen = path.join(libexec, 'security_file_certgen');
  execFileSync(certgen, ['-c', '-s', file('ssl_db'), '-M', '4MB'], { stdio: 'ignore' });
  if (owner) await chownTree(dir, owner);

  // squid cannot listen on port 0: take a free port and retry if another process grabs it first.
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    // A unique service name keeps squid's shared-memory segments apart from any other squid.
    const service = `cdxdoc${process.pid}x${attempt}`;
    await writeFile(file('squid.conf'), squidConfig({ dir, port, originPort: lab.origin.port, certgen, owner: owner?.name ?? null }));
    if (owner) await chown(file('squid.conf'), owner.uid, owner.gid);
    const child = spawn(squidBinary, ['-N', '-d', '1', '-n', service, '-f', file('squid.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      await listening(child, port);
    } catch (error) {
      lastError = error as Error;
      await stopChild(child, service);
      if (/Address already in use/.test(lastError.message)) continue;
      break;
    }
    return {
      port,
      dir,
      caPem: ca.root.pem,
      accessLog: () => readFile(file('access.log'), 'utf8').catch(() => ''),
      async stop() {
        await stopChild(child, service);
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError ?? new Error('squid did not start');
}

function squidConfig(input: { dir: string; port: number; originPort: number; certgen: string; owner: string | null }): string {
  const { dir } = input;
  // One parent per OpenAI host, so that squid verifies the origin's certificate for the right name.
  const peers = OPENAI_HOSTS.map(
    (host, i) => `cache_peer 127.0.0.1 parent ${input.originPort} 0 no-query no-digest originserver name=origin${i} tls tls-cafile=${dir}/public-root.pem tls-domain=${host}
acl to_origin${i} dstdomain ${host}
cache_peer_access origin${i} allow to_origin${i}
cache_peer_access origin${i} deny all`,
  ).join('\n');
  return `# written by test/integration/squid.test.ts: loopback only
http_port 127.0.0.1:${input.port} ssl-bump generate-host-certificates=on dynamic_cert_mem_cache_size=4MB tls-cert=${dir}/bump-ca.pem
sslcrtd_program ${input.certgen} -s ${dir}/ssl_db -M 4MB
sslcrtd_children 2 startup=1 idle=1
ssl_bump bump all
${peers}
never_direct allow all
http_access allow all
dns_nameservers 127.0.0.1
hosts_file ${dir}/hosts
pinger_enable off
visible_hostname squid-lab
cache deny all
pid_filename ${dir}/squid.pid
cache_log ${dir}/cache.log
access_log stdio:${dir}/access.log
cache_store_log none
netdb_filename none
coredump_dir ${dir}
shutdown_lifetime 0 seconds
${input.owner ? `cache_effective_user ${input.owner}` : ''}
`;
}

/** Resolves when squid logs that it accepts bumped connections on `port`; rejects with its FATAL line or exit. */
function listening(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`squid did not listen on 127.0.0.1:${port} within ${STARTUP_TIMEOUT_MS} ms:\n${log.slice(-2000)}`)), STARTUP_TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    const fail = (error: Error): void => {
      done();
      reject(error);
    };
    const onData = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      if (log.includes(`Accepting SSL bumped HTTP Socket connections at`) && log.includes(`local=127.0.0.1:${port}`)) {
        done();
        // Keep draining stderr so that squid never blocks on a full pipe.
        child.stderr?.resume();
        resolve();
      } else if (/FATAL:/.test(log)) {
        fail(new Error(`squid failed to start:\n${log.slice(-2000)}`));
      }
    };
    const onExit = (code: number | null): void => fail(new Error(`squid exited (${code}) before listening:\n${log.slice(-2000)}`));
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** SIGTERM and wait for the exit (squid removes its shared memory then); SIGKILL if it hangs. */
async function stopChild(child: ChildProcess, service: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  // After a SIGKILL squid leaves its segments behind; they carry this run's unique service name.
  const shm = '/dev/shm';
  const leftovers = (await readdir(shm).catch(() => [] as string[])).filter((name) => name.startsWith(`${service}-`));
  await Promise.all(leftovers.map((name) => rm(path.join(shm, name), { force: true })));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function systemUser(name: string): Promise<{ name: string; uid: number; gid: number }> {
  const passwd = await readFile('/etc/passwd', 'utf8');
  const entry = passwd.split('\n').map((line) => line.split(':')).find((fields) => fields[0] === name);
  if (!entry) throw new Error(`squid runs as the "${name}" user when started as root, and there is no such user (is squid-openssl installed?)`);
  return { name, uid: Number(entry[2]), gid: Number(entry[3]) };
}

async function chownTree(target: string, owner: { uid: number; gid: number }): Promise<void> {
  await chown(target, owner.uid, owner.gid);
  if (!(await stat(target)).isDirectory()) return;
  for (const name of await readdir(target)) await chownTree(path.join(target, name), owner);
}
