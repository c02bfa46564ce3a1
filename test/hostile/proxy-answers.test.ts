// Oversized and odd proxy answers: each is said for what it is, names the proxy, and the report stays small.
import { afterEach, describe, expect, it } from 'vitest';
import { behaviours, hostileServer, type HostileServer } from './servers.js';
import { errorOf } from '../helpers/schema.js';
import { failureOf, hostileHost, inEveryMode } from './harness.js';

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('oversized proxy answers', () => {
  it('names endless CONNECT headers as what they are, at proxy-connect, and names the proxy', async () => {
    server = await hostileServer(behaviours.endlessHeaders);
    const { report, outputs } = await inEveryMode(hostileHost({ env: { HTTPS_PROXY: server.url } }), 4000);
    expect(failureOf(report, 'tls.auth')).toBe('proxy-connect/PROXY_HEADERS_TOO_LARGE');
    const tls = report.checks.find((c) => c.id === 'tls.auth')!;
    expect(errorOf(tls)?.detail).toBe('The proxy answered CONNECT with "HTTP/1.1 200 OK" and then more than 64 KB of headers without an end; the doctor stopped reading.');
    expect(tls.findings.at(-1)?.hints?.[0]?.text).toContain(`127.0.0.1:${server.port}`);
    expect(outputs.plain).not.toContain('not HTTP');
  });

  it('lists 50 identical Proxy-Authenticate challenges once', async () => {
    server = await hostileServer(behaviours.fiftyChallenges);
    const { report } = await inEveryMode(hostileHost({ env: { HTTPS_PROXY: server.url } }), 4000);
    expect(failureOf(report, 'tls.auth')).toBe('proxy-auth/PROXY_AUTH_SCHEME_UNSUPPORTED');
    expect(errorOf(report.checks.find((c) => c.id === 'tls.auth'))?.detail).toBe('The proxy answered CONNECT with 407 Proxy Authentication Required and offers Negotiate.');
  });

  it('says a 100 KB proxy host name is not a host name, names the proxy variable, and keeps the report small', async () => {
    const name = 'a'.repeat(100_000);
    const { report, outputs } = await inEveryMode(hostileHost({ env: { HTTPS_PROXY: `http://${name}:3128` } }), 4000);
    expect(failureOf(report, 'tls.auth')).toBe('dns/PROXY_UNREACHABLE');
    expect(failureOf(report, 'ws.upgrade')).toBe('dns/PROXY_UNREACHABLE');
    expect(errorOf(report.checks.find((c) => c.id === 'tls.auth'))?.detail).toMatch(/^The proxy host name is not a valid host name \(100000 characters/);
    expect(JSON.stringify(report)).not.toContain('auth.openai.com does not resolve');
    const hint = report.checks.find((c) => c.id === 'tls.auth')?.findings.find((f) => f.level === 'fail')?.hints?.[0]?.text ?? '';
    expect(hint).toMatch(/^Check HTTPS_PROXY: a+… \[\d+ more characters\]/);
    expect(hint.length).toBeLessThan(400);
    for (const output of Object.values(outputs)) expect(output.length).toBeLessThan(64 * 1024);
  });
});
