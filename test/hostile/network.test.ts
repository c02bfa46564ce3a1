// The hostile suite, network half: proxies and servers on 127.0.0.1 that stall, dribble, hang up, lie, flood
// or present chains no one should. Every case: the run ends within --timeout + 1 s in every output mode, with
// exit 1 and the stage and code that say what happened; no secret is printed; and the server received no
// credential and no application data over a connection the doctor had not verified.
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/render/json.js';
import { mintChain } from './chains.js';
import { customOrigin } from '../checks/custom-origin.js';
import { failureOf, hostileHost, inEveryMode, STACK_FRAME, type EveryMode } from './harness.js';
import { behaviours, hostileServer, hostileTlsServer, type Behaviour } from './servers.js';

/** The deadline for the cases that end on their own: generous, since the machine running the tests may be busy. */
const TIMEOUT_MS = 4000;
/** The deadline for the cases that only the deadline ends (a proxy that never answers). */
const HANG_TIMEOUT_MS = 2000;
const OPENAI_HOSTS = ['auth.openai.com', 'chatgpt.com', 'api.openai.com'];
/** Secrets a user may have set: none may appear in any output, or on the wire. */
const API_KEY = 'sk-hostile0123456789abcdef';
const QUERY_SECRET = 'qs3cretvalue';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function expectCalm(result: EveryMode, sent: string[], timeoutMs = TIMEOUT_MS): void {
  expect(result.elapsed).toBeLessThan(timeoutMs + 1000);
  expect(result.exitCodes).toEqual({ json: 1, plain: 1, verbose: 1 });
  expect(result.report.checks.filter((c) => c.status === 'crash')).toEqual([]);
  for (const output of Object.values(result.outputs)) {
    expect(output).not.toMatch(STACK_FRAME);
    for (const secret of [API_KEY, QUERY_SECRET]) expect(output).not.toContain(secret);
  }
  for (const bytes of sent) {
    for (const secret of [API_KEY, QUERY_SECRET]) expect(bytes).not.toContain(secret);
    expect(bytes).not.toMatch(/^(proxy-)?authorization:/im);
  }
}

/** After the CONNECT head, only TLS records (a ClientHello starts with 0x16): never a plaintext request. */
function expectOnlyTlsAfterConnect(received: string[]): void {
  // (A connection the run's deadline ended before it was written to sent nothing at all.)
  for (const connection of received.filter((bytes) => bytes !== '')) {
    expect(connection).toMatch(/^CONNECT [a-z.]+:443 HTTP\/1\.1\r\n/);
    const after = connection.slice(connection.indexOf('\r\n\r\n') + 4);
    if (after.length > 0) expect(after.charCodeAt(0)).toBe(0x16);
    expect(after).not.toMatch(/(GET|POST) \//);
  }
}

const stagesOf = (report: JsonReport): Record<string, string | undefined> => ({ tls: failureOf(report, 'tls.auth'), ws: failureOf(report, 'ws.upgrade') });

describe('hostile proxies', () => {
  it.each<[string, string, Behaviour]>([
    ['silent after accepting', 'proxy-connect/PROXY_NO_RESPONSE', behaviours.silent],
    ['slowloris (one byte at a time, never done)', 'proxy-connect/PROXY_NO_RESPONSE', behaviours.slowloris],
    ['CONNECT granted, then the connection closed', 'tls-handshake/TLS_HANDSHAKE_RESET', behaviours.connectThenClose],
    ['garbage instead of TLS', 'tls-handshake/TLS_NOT_TLS', behaviours.garbageInsteadOfTls],
    ['reset in the middle of the handshake', 'tls-handshake/TLS_HANDSHAKE_RESET', behaviours.resetMidHandshake],
    ['endless CONNECT headers', 'proxy-connect/PROXY_HEADERS_TOO_LARGE', behaviours.endlessHeaders],
    ['a 1 GB block page', 'proxy-connect/PROXY_BLOCKED', behaviours.gigabyteBody],
    ['HTTP/0.9 (no status line)', 'proxy-connect/PROXY_NOT_HTTP', behaviours.http09],
    ['a 302 redirect in answer to CONNECT', 'proxy-connect/PROXY_CONNECT_REJECTED', behaviours.redirect],
    ['50 Proxy-Authenticate challenges', 'proxy-auth/PROXY_AUTH_SCHEME_UNSUPPORTED', behaviours.fiftyChallenges],
  ])('%s: %s', async (_what, expected, behaviour) => {
    const proxy = await hostileServer(behaviour);
    cleanups.push(() => proxy.close());
    const env = { HTTPS_PROXY: `${proxy.url}/?token=${QUERY_SECRET}`, OPENAI_API_KEY: API_KEY };
    const timeoutMs = expected.endsWith('PROXY_NO_RESPONSE') ? HANG_TIMEOUT_MS : TIMEOUT_MS;
    const result = await inEveryMode(hostileHost({ env }), timeoutMs);
    expect(stagesOf(result.report)).toEqual({ tls: expected, ws: expected });
    expectCalm(result, proxy.received(), timeoutMs);
    expectOnlyTlsAfterConnect(proxy.received());
  });
});

describe('hostile servers (direct)', () => {
  it.each([
    ['a 30-certificate chain whose root is trusted', { intermediates: 29 }, 'tls-verify/TLS_PATH_TOO_LONG'],
    ['a chain signed with MD5', { intermediates: 1, hash: 'md5' as const }, 'tls-verify/TLS_BAD_SIGNATURE'],
  ])('%s: refused as rustls would, and nothing sent over it', async (_what, chain, expected) => {
    const minted = mintChain({ hostnames: OPENAI_HOSTS, ...chain });
    const server = await hostileTlsServer(minted);
    cleanups.push(() => server.close());
    const host = hostileHost({ env: { OPENAI_API_KEY: API_KEY, CODEX_CA_CERTIFICATE: '/home/user/hostile-root.pem' }, files: { '/home/user/hostile-root.pem': minted.rootPem } });
    host.dial = new Map(OPENAI_HOSTS.map((name) => [`${name}:443`, { address: '127.0.0.1', port: server.port }]));
    const result = await inEveryMode(host, TIMEOUT_MS);
    expect(stagesOf(result.report)).toEqual({ tls: expected, ws: expected });
    expectCalm(result, [server.applicationData()]);
    expect(server.applicationData()).toBe('');
  });

  it('a 101 without Sec-WebSocket-Accept: its own code, and the upgrade request carried no credential', async () => {
    const upgrades: string[] = [];
    const origin = await customOrigin({
      hostname: 'chatgpt.com',
      respond: () => {},
      upgrade: (req, socket) => {
        upgrades.push(req.rawHeaders.join('\n'));
        socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
      },
      // (An OPENAI_API_KEY would move the WebSocket to api.openai.com, which this origin does not serve.)
      env: { GITHUB_TOKEN: API_KEY },
    });
    cleanups.push(() => origin.stop());
    const result = await inEveryMode(origin.host, TIMEOUT_MS);
    expect(failureOf(result.report, 'ws.upgrade')).toBe('ws-upgrade/WS_HANDSHAKE_INVALID');
    expectCalm(result, upgrades);
    expect(upgrades).toHaveLength(3);
  });
});
