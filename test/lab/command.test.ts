// `codex-doctor lab` never leaves this machine: it refuses the flags that would route connections elsewhere,
// and its Host refuses (without a DNS lookup or a socket) any destination the lab does not route.
import { describe, expect, it, vi } from 'vitest';
import type { JsonReport } from '../../src/render/json.js';
import { runLabCommand, runScenario } from '../../src/lab/command.js';
import { parseScenario } from '../../src/lab/scenario.js';
import { cleanEnv, runCli } from '../helpers/cli.js';
import { captureIo, doctorFlags } from '../helpers/io.js';
import { errorOf } from '../helpers/schema.js';

// Every TCP connection and DNS lookup of the run, recorded. Only loopback is really dialed and nothing is really
// looked up, so that the test stays hermetic even if the lab's own refusal breaks: the assertions are about what
// the lab did NOT attempt.
const attempts = vi.hoisted(() => ({ connects: [] as string[], lookups: [] as string[] }));

vi.mock('node:net', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:net') & { default: typeof import('node:net') }>();
  const realConnect = actual.connect as (...args: unknown[]) => import('node:net').Socket;
  const connect = ((...args: unknown[]) => {
    const [first, second] = args;
    const options = typeof first === 'object' && first !== null ? (first as { host?: string; port?: number }) : undefined;
    const host = options ? options.host : typeof second === 'string' ? second : undefined;
    attempts.connects.push(`${host ?? 'localhost'}:${String(options ? options.port : first)}`);
    if (host === undefined || actual.isIP(host) === 0 || host.startsWith('127.')) return realConnect(...args);
    const unreachable = new actual.Socket();
    process.nextTick(() => unreachable.destroy(Object.assign(new Error(`connect ENETUNREACH ${host}`), { code: 'ENETUNREACH' })));
    return unreachable;
  }) as typeof actual.connect;
  return { ...actual, connect, default: { ...actual.default, connect } };
});

// The doctor loads node:dns with its first lookup (process.getBuiltinModule), past vi.mock: the spy is on the module itself.
vi.spyOn(process.getBuiltinModule('node:dns/promises'), 'lookup').mockImplementation((async (hostname: string) => {
  attempts.lookups.push(hostname);
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
}) as never);



/** A lab whose user environment points the proxy somewhere outside the lab. */
function strayProxyScenario(proxy: string) {
  return parseScenario(
    `name = "stray-proxy"
title = "t"
description = "d"
[lab.proxy]
mode = "inspect"
[env]
HTTPS_PROXY = "${proxy}"
[expect]
exit = 1
[expect.checks."tls.auth"]
status = "fail"
code = "LAB_ROUTE_REFUSED"
stage = "dns"
`,
    'stray-proxy.toml',
  );
}

describe('codex-doctor lab refuses the flags that would route outside the lab', () => {
  it.each([
    [{ proxy: 'http://192.0.2.1:8080' }, '--proxy'],
    [{ resolve: [{ host: 'auth.openai.com', port: 443, address: '192.0.2.1' }] }, '--resolve'],
    [{ proxy: 'http://proxy.corp.example:8080', resolve: [{ host: 'chatgpt.com', port: 443, address: '192.0.2.1' }] }, '--proxy and --resolve'],
  ])('%o is a usage error (exit 2) that says where the proxy goes instead', async (extra, named) => {
    const io = captureIo();
    const code = await runLabCommand({ kind: 'lab', flags: doctorFlags(extra), list: false, scenario: 'zscaler-healthy' }, io);
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      `codex-doctor lab: ${named} cannot be used with lab: the lab routes every connection itself, on 127.0.0.1. ` +
        'Put the proxy in a scenario instead ([lab.proxy], and HTTPS_PROXY = "${lab.proxyUrl}" under [env]).\n',
    );
  });

  it('exits 2 from the built binary before starting anything', { timeout: 30_000 }, async () => {
    const r = await runCli(['lab', '--proxy', 'http://192.0.2.1:8080', '--json'], cleanEnv());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^codex-doctor lab: --proxy cannot be used with lab: the lab routes every connection itself, on 127\.0\.0\.1\./);
  });
});

describe('the lab Host', { timeout: 30_000 }, () => {
  it.each([
    ['an address', 'http://192.0.2.1:8080', '192.0.2.1:8080', 'flags'],
    ['a host name', 'http://proxy.corp.example:8080', 'proxy.corp.example:8080', 'flags'],
    ['an address given with --proxy to the in-process runner', 'http://127.0.0.1:1', '192.0.2.1:8080', 'proxy-flag'],
  ])('refuses a proxy at %s outside the lab: no DNS lookup, no socket, LAB_ROUTE_REFUSED at dns', async (_what, envProxy, refused, how) => {
    attempts.connects.length = 0;
    attempts.lookups.length = 0;
    const io = captureIo();
    const run = how === 'proxy-flag' ? doctorFlags({ proxy: `http://${refused}` }) : doctorFlags();
    const code = await runScenario(strayProxyScenario(envProxy), { flags: run, io });
    const report = JSON.parse(io.out()) as JsonReport;
    const check = (id: string) => report.checks.find((c) => c.id === id)!;
    for (const id of ['tls.auth', 'ws.upgrade']) {
      expect(check(id).status, id).toBe('fail');
      expect(errorOf(check(id)), id).toEqual({
        stage: 'dns',
        code: 'LAB_ROUTE_REFUSED',
        detail: `The lab refused to connect to ${refused} (the proxy): a lab run reaches only 127.0.0.1 and the hosts the lab routes, never DNS or the network.`,
        cause: { name: 'DialRefusedError', message: `refused to connect to ${refused}: not a loopback address, and not routed by this host` },
      });
    }
    expect(check('oauth.token')).toMatchObject({ status: 'skip', blockedBy: ['tls.auth'] });
    expect(code).toBe(1);
    const [host] = refused.split(':');
    expect(attempts.lookups).toEqual([]);
    expect(attempts.connects.filter((c) => c.startsWith(`${host}:`))).toEqual([]);
    // Whatever the run did connect to was the lab itself.
    for (const c of attempts.connects) expect(c).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});
