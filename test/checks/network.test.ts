import { describe, expect, it } from 'vitest';
import { networkHints } from '../../src/checks/network-hints.js';
import { classifyFailure, describeRoute, probeBudget, routeFrom, StageFailure, Stager } from '../../src/checks/network.js';
import { proxyFor } from '../../src/codex/proxy.js';
import { ProbeTimeoutError } from '../../src/net/errors.js';
import { testHost } from '../helpers/host.js';

const target = { host: 'chatgpt.com', port: 443 };
const wss = 'wss://chatgpt.com/backend-api/codex/responses';

describe('routeFrom', () => {
  it("takes the credentials from the variable Codex reads, and shows only the user", () => {
    const env = { HTTPS_PROXY: 'http://alice:s3c%40ret@proxy.corp:3128' };
    const route = routeFrom(proxyFor('websocket', wss, env), env, undefined);
    expect(route).toMatchObject({ kind: 'proxy', variable: 'HTTPS_PROXY', credentials: { username: 'alice', password: 's3c@ret' } });
    expect(describeRoute(route, target)).toBe('chatgpt.com:443 through http://alice:[redacted]@proxy.corp:3128 (HTTPS_PROXY, as user "alice")');
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
    expect(bypassed).toEqual({ kind: 'direct', note: 'NO_PROXY entry ".openai.com" bypasses HTTPS_PROXY' });
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
    expect(networkHints('NET_DNS_NOT_FOUND', { target, route, transport: 'websocket', platform: 'linux' })).toEqual([
      {
        text: 'chatgpt.com does not resolve here, and a socks5:// proxy makes the client resolve it. Use socks5h:// so that the proxy resolves the name.',
        command: 'export ALL_PROXY=socks5h://127.0.0.1:1080',
      },
    ]);
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
