import { describe, expect, it } from 'vitest';
import { clockOf, networkHints, routeEnv, type HintContext } from '../../src/words/network-hints.js';
import type { Provenance } from '../../src/fix/actions.js';
import { Speaker } from '../../src/words/speaker.js';
import { classifyFailure, describeRoute, probeBudget, routeFrom, StageFailure, Stager } from '../../src/checks/network.js';
import { proxyFor } from '../../src/codex/proxy.js';
import { tlsAuthCheck } from '../../src/checks/tls-auth.js';
import { wsUpgradeCheck } from '../../src/checks/ws-upgrade.js';
import { exitCodeFor } from '../../src/core/exit-codes.js';
import type { DialOverrides } from '../../src/core/host.js';
import { ProbeTimeoutError } from '../../src/net/errors.js';
import { testHost } from '../helpers/host.js';
import { runWithNeeds } from './network-lab.js';

const target = { host: 'chatgpt.com', port: 443 };
const wss = 'wss://chatgpt.com/backend-api/codex/responses';

/** The hint context of a probe on `platform`, for a bash user whose variables are all set in the shell. */
function context(route: HintContext['route'], transport: HintContext['transport'], platform: NodeJS.Platform): HintContext {
  const words = new Speaker({ provenance: {}, dotenv: { path: '/home/u/.codex/.env' } }, { platform, env: { SHELL: '/bin/bash' }, homeDir: '/home/u' });
  return { target, route, transport, platform, words };
}

describe('routeFrom', () => {
  it('takes the credentials from the variable Codex reads, and shows neither the user nor the password', () => {
    const env = { HTTPS_PROXY: 'http://alice:s3c%40ret@proxy.corp:3128' };
    const route = routeFrom(proxyFor('websocket', wss, env), env, undefined);
    expect(route).toMatchObject({ kind: 'proxy', variable: 'HTTPS_PROXY', credentials: { username: 'alice', password: 's3c@ret' } });
    expect(describeRoute(route, target)).toBe('chatgpt.com:443 through http://[redacted]@proxy.corp:3128 (HTTPS_PROXY, with a user name and password)');
  });

  it('sends what each Codex client sends for a password with an unencoded @: HTTPS a truncated one, WebSocket the whole', () => {
    const env = { HTTPS_PROXY: 'http://alice:p@ss@proxy.corp:3128' };
    const https = routeFrom(proxyFor('https', 'https://auth.openai.com/oauth/token', env), env, undefined);
    const websocket = routeFrom(proxyFor('websocket', wss, env), env, undefined);
    expect(https).toMatchObject({ kind: 'proxy', proxy: { host: 'proxy.corp', port: 3128 }, credentials: { username: 'alice', password: 'p' } });
    expect(websocket).toMatchObject({ kind: 'proxy', proxy: { host: 'proxy.corp', port: 3128 }, credentials: { username: 'alice', password: 'p@ss' } });
  });

  it('routes through the system proxy settings without credentials, and names them', () => {
    const system = { platform: 'darwin' as const, command: 'scutil --proxy', error: null, https: 'secure.corp:8443', noProxy: null, exceptions: [], pac: null };
    const route = routeFrom(proxyFor('https', 'https://auth.openai.com/oauth/token', {}, undefined, system), {}, undefined);
    expect(route).toEqual({ kind: 'proxy', variable: 'system', proxy: { scheme: 'http', host: 'secure.corp', port: 8443, display: 'http://secure.corp:8443' } });
    expect(describeRoute(route, { host: 'auth.openai.com', port: 443 })).toBe('auth.openai.com:443 through http://secure.corp:8443 (the system proxy settings)');
    // The user name and password are the user's to get: no placeholder to copy, a manual step naming where they go.
    const [login] = networkHints('PROXY_AUTH_REQUIRED', context(route, 'https', 'darwin'));
    expect(login).toEqual({
      text: 'secure.corp:8443 wants a user name and password. Get the ones it accepts (usually your own network account; your network team knows), and write them into HTTPS_PROXY as http://user:password@secure.corp:8443, with @ : / % in them percent-encoded; Codex sends them as Basic credentials.',
      action: { kind: 'manual', topic: 'proxy-login', variable: 'HTTPS_PROXY' },
    });
  });

  it('tells macOS and Windows users that only the manual system proxy counts, for HTTPS only', () => {
    const route = { kind: 'direct' as const, note: 'no proxy' };
    expect(networkHints('TLS_HANDSHAKE_RESET', context(route, 'https', 'darwin'))[1]).toEqual({
      text: "If your network requires a proxy, set it: Codex's HTTPS client reads only the manual system proxy settings (no PAC file or automatic discovery), and its WebSocket client reads none.",
      action: { kind: 'manual', topic: 'find-proxy-address', variable: 'HTTPS_PROXY' },
    });
    expect(networkHints('TLS_HANDSHAKE_RESET', context(route, 'https', 'linux'))[1]?.text).toBe(
      'If your network requires a proxy, set it: Codex does not read the system proxy settings on this platform.',
    );
  });

  it('takes --proxy over the environment, goes direct past NO_PROXY, and keeps an unusable proxy as such', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.openai.com' };
    const shell = { HTTPS_PROXY: 'http://proxy.corp:3128' };
    expect(routeFrom(proxyFor('https', 'https://auth.openai.com/oauth/token', shell, 'http://other:8080'), shell, 'http://other:8080')).toMatchObject({
      kind: 'proxy',
      variable: '--proxy',
      proxy: { host: 'other', port: 8080 },
    });
    const bypassed = routeFrom(proxyFor('https', 'https://auth.openai.com/oauth/token', env), env, undefined);
    expect(bypassed).toEqual({
      kind: 'direct',
      note: 'NO_PROXY entry ".openai.com" bypasses HTTPS_PROXY',
      bypass: { entry: '.openai.com', noProxyVariable: 'NO_PROXY', proxyVariable: 'HTTPS_PROXY' },
    });
    const https = { HTTPS_PROXY: 'https://proxy.corp:3128' };
    expect(routeFrom(proxyFor('websocket', wss, https), https, undefined)).toMatchObject({ kind: 'unusable', decision: { message: 'Proxy URL scheme not supported' } });
  });
});

describe('classifyFailure', () => {
  it('blames the target, not the proxy, when a socks5 client fails to resolve it', () => {
    const raw = Object.assign(new Error('getaddrinfo ENOTFOUND chatgpt.com'), { code: 'ENOTFOUND' });
    const stager = new Stager({ stage: () => {} });
    expect(classifyFailure(new StageFailure('dns', raw, true), stager, { proxied: true }).code).toBe('NET_DNS_NOT_FOUND');
    expect(classifyFailure(new StageFailure('dns', raw), stager, { proxied: true }).code).toBe('PROXY_UNREACHABLE');
    const env = { ALL_PROXY: 'socks5://127.0.0.1:1080' };
    const route = routeFrom(proxyFor('websocket', wss, env), env, undefined);
    expect(networkHints('NET_DNS_NOT_FOUND', context(route, 'websocket', 'linux'))).toEqual([
      {
        text: 'chatgpt.com does not resolve here, and a socks5:// proxy makes the client resolve it. Use socks5h:// so that the proxy resolves the name.',
        command: 'export ALL_PROXY=socks5h://127.0.0.1:1080',
        action: { kind: 'set-env', name: 'ALL_PROXY', value: 'socks5h://127.0.0.1:1080', target: 'shell-profile' },
      },
    ]);
  });
});

describe('a bug of ours inside a probe', () => {
  it('crashes the check (RUN_CRASH, exit 3) instead of passing for a network failure (NET_ERROR)', async () => {
    const host = testHost({ env: { HTTPS_PROXY: 'http://127.0.0.1:9' } });
    // The first thing each probe does is look up its route: a TypeError there is our code failing, not the network.
    const broken = new Map() as Map<string, never> & DialOverrides;
    broken.get = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'address')");
    };
    host.dial = broken;
    host.loopbackOnly = true;
    const records = await runWithNeeds([tlsAuthCheck, wsUpgradeCheck], host);
    for (const id of ['tls.auth', 'ws.upgrade']) {
      expect(records.get(id), id).toMatchObject({
        status: 'crash',
        error: { stage: 'dns', code: 'RUN_CRASH', cause: { name: 'TypeError', message: "Cannot read properties of undefined (reading 'address')" } },
      });
      expect(records.get(id)!.findings.map((f) => f.code), id).toEqual(['RUN_CRASH']);
    }
    expect(exitCodeFor([...records.values()], false)).toBe(3);
  });

  it('is thrown back by classifyFailure, wrapped or not; a Node error with a code is still classified', () => {
    const stager = new Stager({ stage: () => {} });
    const bug = new RangeError('Invalid array length');
    expect(() => classifyFailure(new StageFailure('tcp', bug), stager, {})).toThrow(bug);
    expect(() => classifyFailure(new Error('no code: our own invariant'), stager, {})).toThrow('no code: our own invariant');
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    expect(classifyFailure(new StageFailure('http', epipe), stager, {}).code).toBe('NET_CONNECTION_RESET');
  });
});

describe('probeBudget', () => {
  it("aborts with the probe's own timeout a margin before the run's deadline", async () => {
    const host = testHost();
    const run = new AbortController();
    const budget = probeBudget({ signal: run.signal, deadline: host.monotonic() + 60, host, options: { timeoutMs: 60, verbose: false } });
    await new Promise((resolve) => budget.signal.addEventListener('abort', resolve, { once: true }));
    expect(budget.signal.reason).toBeInstanceOf(ProbeTimeoutError);
    expect(run.signal.aborted).toBe(false);
    budget.dispose();
  });

  it("follows the run's own abort (Ctrl-C, deadline)", () => {
    const host = testHost();
    const run = new AbortController();
    const budget = probeBudget({ signal: run.signal, deadline: host.monotonic() + 60_000, host, options: { timeoutMs: 60_000, verbose: false } });
    run.abort(new Error('interrupted'));
    expect(budget.signal.aborted).toBe(true);
    budget.dispose();
  });
});

describe('networkHints: a failed route the user also set another way', () => {
  const host = { platform: 'linux' as const, env: {}, homeDir: '/home/u' };
  const context = (env: Record<string, string>, shell: Record<string, string>, provenance: Provenance, target = 'https://auth.openai.com/oauth/token'): HintContext => {
    const world = { env, provenance, dotenv: { path: '/home/u/.codex/.env' } };
    return {
      target: { host: new URL(target).hostname, port: 443 },
      route: routeFrom(proxyFor('https', target, env), env, undefined),
      transport: 'https',
      platform: 'linux',
      words: new Speaker(world, host),
      env: routeEnv(world, { env: shell }),
    };
  };
  const shell: Provenance = { HTTPS_PROXY: { source: 'shell' }, https_proxy: { source: 'shell' }, NO_PROXY: { source: 'shell' } };

  it('removes the NO_PROXY entry that sent the host direct, keeping the others', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'localhost, auth.openai.com,.internal' };
    const [first] = networkHints('NET_CONNECTION_REFUSED', context(env, env, shell));
    expect(first.action).toEqual({ kind: 'set-env', name: 'NO_PROXY', value: 'localhost,.internal', target: 'shell-profile' });
    const only = { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'auth.openai.com' };
    expect(networkHints('NET_TIMEOUT', context(only, only, shell))[0].action).toEqual({ kind: 'unset-env', name: 'NO_PROXY', target: 'shell-profile' });
    // The other entries are kept exactly, and never echoed in the sentence (a list can be long).
    const long = { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: `${'x'.repeat(100_000)}.corp,auth.openai.com` };
    const [hint] = networkHints('NET_TIMEOUT', context(long, long, shell));
    expect(hint.text.length).toBeLessThan(600);
    expect(hint.action).toEqual({ kind: 'set-env', name: 'NO_PROXY', value: `${'x'.repeat(100_000)}.corp`, target: 'shell-profile' });
  });

  it('gives the upper-case variable its twin\'s value when the two name different proxies, and not when they agree', () => {
    const env = { HTTPS_PROXY: 'http://old.corp:1', https_proxy: 'http://proxy.corp:3128' };
    expect(networkHints('PROXY_UNREACHABLE', context(env, env, shell))[0].action).toEqual({ kind: 'copy-env', name: 'HTTPS_PROXY', from: 'https_proxy', target: 'shell-profile' });
    const same = { HTTPS_PROXY: 'http://old.corp:1', https_proxy: ' http://old.corp:1 ' };
    expect(networkHints('PROXY_UNREACHABLE', context(same, same, shell))[0].action).toEqual({ kind: 'manual', topic: 'find-proxy-address', variable: 'HTTPS_PROXY' });
  });

  it('deletes the .env line that replaces a different shell proxy, and only that line', () => {
    const env = { HTTPS_PROXY: 'http://old.corp:1' };
    const dotenv: Provenance = { HTTPS_PROXY: { source: 'dotenv', line: 3, overridesShell: true } };
    const [first] = networkHints('PROXY_UNREACHABLE', context(env, { HTTPS_PROXY: 'http://proxy.corp:3128' }, dotenv));
    expect(first.action).toEqual({ kind: 'unset-env', name: 'HTTPS_PROXY', target: 'codex-dotenv' });
    expect(first.text).toContain('line 3 of ~/.codex/.env');
    // The shell names the same proxy: deleting the line changes nothing, so it is no fix.
    expect(networkHints('PROXY_UNREACHABLE', context(env, env, dotenv))[0].action).toEqual({ kind: 'manual', topic: 'find-proxy-address', variable: 'HTTPS_PROXY', target: 'codex-dotenv' });
  });

  it('leaves failures that are not about the route alone', () => {
    const env = { HTTPS_PROXY: 'http://old.corp:1', https_proxy: 'http://proxy.corp:3128' };
    expect(networkHints('PROXY_AUTH_REQUIRED', context(env, env, shell))[0].action).not.toMatchObject({ kind: 'copy-env' });
  });
});

describe('networkHints: the first fix of a proxy that is there but broken, a proxy login, a stale certificate', () => {
  const env = { HTTPS_PROXY: 'http://proxy.corp:3128' };
  const route = routeFrom(proxyFor('https', 'https://auth.openai.com/oauth/token', env), env, undefined);
  const proxied = (extra: Partial<HintContext> = {}): HintContext => ({ ...context(route, 'https', 'linux'), ...extra });

  it('asks the network team to repair a proxy that hangs, drops the connection or answers 502, and names the variable to check second', () => {
    for (const code of ['PROXY_NO_RESPONSE', 'PROXY_CLOSED', 'PROXY_UPSTREAM_FAILED'] as const) {
      const [first, second] = networkHints(code, proxied());
      expect(first.action, code).toEqual({ kind: 'it-request', topic: 'proxy-reachability', hosts: ['chatgpt.com'] });
      expect(first.text, code).toContain('proxy.corp:3128');
      if (code !== 'PROXY_UPSTREAM_FAILED') expect(second?.action, code).toEqual({ kind: 'manual', topic: 'find-proxy-address', variable: 'HTTPS_PROXY' });
    }
    // Nothing listens there: the address is wrong, and finding the right one is the user's.
    expect(networkHints('PROXY_UNREACHABLE', proxied())[0].action).toEqual({ kind: 'manual', topic: 'find-proxy-address', variable: 'HTTPS_PROXY' });
  });

  it('names the variable the proxy login goes into, for a missing and for a refused one', () => {
    const withLogin = { HTTPS_PROXY: 'http://alice:old@proxy.corp:3128' };
    const loginRoute = routeFrom(proxyFor('https', 'https://auth.openai.com/oauth/token', withLogin), withLogin, undefined);
    expect(networkHints('PROXY_AUTH_REQUIRED', proxied())[0].action).toEqual({ kind: 'manual', topic: 'proxy-login', variable: 'HTTPS_PROXY' });
    const [refused] = networkHints('PROXY_AUTH_REJECTED', { ...context(loginRoute, 'https', 'linux') });
    expect(refused.action).toEqual({ kind: 'manual', topic: 'proxy-login', variable: 'HTTPS_PROXY' });
    expect(refused.text).toContain('write the right ones into HTTPS_PROXY as http://user:password@proxy.corp:3128');
    expect(refused.text).not.toContain('old');
  });

  it("checks the clock first unless the proxy's dated answer agrees with it: then the certificate is IT's to renew", () => {
    const now = new Date('2026-12-03T12:00:00Z');
    const agrees = clockOf({ headers: { date: ['Thu, 03 Dec 2026 12:00:30 GMT'] } }, now);
    expect(agrees).toEqual({ clock: { date: 'Thu, 03 Dec 2026 12:00:30 GMT', skewMs: -30_000 } });
    for (const code of ['TLS_EXPIRED', 'TLS_NOT_YET_VALID'] as const) {
      const hints = networkHints(code, proxied({ intercepted: true, ...agrees }));
      // The clock stays second: a proxy on this machine shares its clock.
      expect(hints.map((h) => h.action)).toEqual([{ kind: 'it-request', topic: 'fix-tls-path', hosts: ['chatgpt.com'] }, { kind: 'manual', topic: 'system-clock' }]);
      expect(hints[0].text).toContain('the clock is not the cause');
    }
    // The proxy's own words never reach the hint: the time is written by the doctor.
    const commented = clockOf({ headers: { date: ['Thu, 03 Dec 2026 12:00:30 GMT (call +1-555 helpdesk now)'] } }, now);
    expect(commented).toEqual({ clock: { date: 'Thu, 03 Dec 2026 12:00:30 GMT', skewMs: -30_000 } });
    expect(networkHints('TLS_EXPIRED', proxied({ intercepted: true, ...commented }))[0].text).not.toContain('helpdesk');
    // A day apart, or no dated answer: the clock may be wrong, and checking it comes first.
    const dayOff = clockOf({ headers: { date: ['Fri, 04 Dec 2026 12:00:00 GMT'] } }, now);
    for (const extra of [dayOff, {}]) {
      expect(networkHints('TLS_EXPIRED', proxied({ intercepted: true, ...extra })).map((h) => h.action?.kind === 'manual' ? h.action.topic : h.action?.kind)).toEqual(['system-clock', 'it-request']);
    }
    expect(clockOf({ headers: { date: ['yesterday'] } }, now)).toEqual({});
    expect(clockOf(null, now)).toEqual({});
  });
});
