import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { oauthTokenCheck } from '../../src/checks/oauth-token.js';
import { tlsAuthCheck } from '../../src/checks/tls-auth.js';
import type { CheckRecord } from '../../src/core/types.js';
import type { Lab, LabSpec } from '../../src/lab/world.js';
import { customOrigin, type CustomOriginOptions } from './custom-origin.js';
import { labHost, runWithNeeds, viaProxy } from './network-lab.js';

async function inLab(spec: LabSpec, env: (lab: Lab) => Record<string, string> = () => ({})): Promise<Map<string, CheckRecord>> {
  const { host, stop } = await labHost(spec, env);
  try {
    return await runWithNeeds([tlsAuthCheck, oauthTokenCheck], host);
  } finally {
    await stop();
  }
}

async function against(options: CustomOriginOptions, timeoutMs?: number) {
  const origin = await customOrigin(options);
  try {
    const started = performance.now();
    const records = await runWithNeeds([tlsAuthCheck, oauthTokenCheck], origin.host, timeoutMs === undefined ? {} : { timeoutMs });
    return { record: records.get('oauth.token')!, tls: records.get('tls.auth')!, requests: origin.requests, elapsed: performance.now() - started };
  } finally {
    await origin.stop();
  }
}

const answer = (status: number, type: string, body: string) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};
const OPENAI_400 = answer(400, 'application/json', '{"error":{"message":"Invalid authorization code","type":"invalid_request_error","code":"invalid_grant"}}');

describe('oauth.token', () => {
  it("posts Codex's form with a deliberately invalid code and no credential, and takes OpenAI's JSON 4xx as a working path", async () => {
    const { record, requests } = await against({ respond: OPENAI_400 });
    expect(record.status).toBe('pass');
    expect(record.findings).toEqual([
      {
        level: 'info',
        code: 'OAUTH_PATH_OK',
        stage: 'http',
        detail: "The token endpoint answered 400 Bad Request with OpenAI's JSON error (invalid_grant: Invalid authorization code) to the deliberately invalid code: a real login gets this far.",
      },
    ]);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({ method: 'POST', path: '/oauth/token' });
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.authorization).toBeUndefined();
    // Codex's token POST carries no User-Agent (codex-behavior.md §6): a proxy that filters on it treats both alike.
    expect(request?.headers['user-agent']).toBeUndefined();
    const form = new URLSearchParams(request?.body);
    expect([...form.keys()]).toEqual(['grant_type', 'code', 'redirect_uri', 'client_id', 'code_verifier']);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toMatch(/^codex-doctor-invalid-[0-9a-f]{16}$/);
    // Codex 0.169.0 (assumed: no codex on PATH here) names the callback on 127.0.0.1.
    expect(form.get('redirect_uri')).toBe('http://127.0.0.1:1455/auth/callback');
    expect(form.get('client_id')).toBe('app_EMoamEEZ73f0CkXaXp7hrann');
    expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{64}$/);
  });

  it('works through an inspecting proxy whose root Codex trusts', async () => {
    const records = await inLab({ proxy: { mode: 'inspect' } }, (l) => ({ ...viaProxy(l.proxyUrl), CODEX_CA_CERTIFICATE: l.files.corporateRoot }));
    expect(records.get('oauth.token')).toMatchObject({ status: 'pass', summary: 'POST /oauth/token -> 400 (openai-json): the token exchange path works.' });
  });

  it("reports the inspecting proxy's block page for the token request", async () => {
    const records = await inLab({ proxy: { mode: 'inspect', blockPage: { hosts: ['auth.openai.com'], at: 'request' } } }, (l) => ({
      ...viaProxy(l.proxyUrl),
      CODEX_CA_CERTIFICATE: l.files.corporateRoot,
    }));
    const record = records.get('oauth.token')!;
    expect(record.error).toMatchObject({ code: 'OAUTH_BLOCK_PAGE', stage: 'http' });
    expect(record.error?.detail).toBe(
      '403 Forbidden came back as an HTML page ("Zscaler - Website blocked") instead of OpenAI\'s JSON: something on the path blocks or rewrites the request. Codex would show: "token endpoint returned status 403: ..."',
    );
    // The block page was served inside the TLS tunnel: its status line and Server header name the filter.
    expect(record.findings[0]?.cause).toEqual({ name: 'HttpAnswer', message: 'HTTP/1.1 403 Forbidden', httpAnswer: { statusLine: 'HTTP/1.1 403 Forbidden', server: 'Zscaler' } });
  });

  it('keeps the status line and Server header of an answer inside TLS, bounded and redacted', async () => {
    const key = `sk-proj-${'k'.repeat(40)}`;
    const { record } = await against({
      env: { OPENAI_API_KEY: key },
      respond: (_req, res) => {
        res.writeHead(403, 'Forbidden', { 'content-type': 'text/plain', server: `Gatekeeper/2 ${key} ${'x'.repeat(1000)}` });
        res.end('Forbidden');
      },
    });
    expect(record.error).toMatchObject({ code: 'OAUTH_PROXY_DENIED', stage: 'http' });
    const answer = record.findings[0]?.cause?.httpAnswer;
    expect(answer?.statusLine).toBe('HTTP/1.1 403 Forbidden');
    expect(answer?.server).toMatch(/^Gatekeeper\/2 .*x\.\.\.$/);
    expect(answer?.server?.length).toBeLessThan(210);
    expect(JSON.stringify(record)).not.toContain(key);
  });

  it('recognises a Cloudflare challenge', async () => {
    const records = await inLab({ origin: { hostFaults: { 'auth.openai.com': 'cloudflare-challenge' } } });
    const record = records.get('oauth.token')!;
    expect(record.error).toMatchObject({ code: 'OAUTH_CLOUDFLARE_CHALLENGE', stage: 'http' });
    // A direct connection: no proxy to exempt, the network's address is what Cloudflare challenges.
    expect(record.findings[0]?.hints?.[0]?.text).toMatch(/^Cloudflare challenges this network's connections/);
    const proxied = (await inLab({ origin: { hostFaults: { 'auth.openai.com': 'cloudflare-challenge' } }, proxy: { mode: 'connect' } }, (lab) => ({ HTTPS_PROXY: lab.proxyUrl! }))).get('oauth.token')!;
    expect(proxied.error).toMatchObject({ code: 'OAUTH_CLOUDFLARE_CHALLENGE', stage: 'http' });
    expect(proxied.findings[0]?.hints?.[0]?.text).toMatch(/^Ask your network team to exempt auth\.openai\.com, chatgpt\.com and api\.openai\.com from TLS inspection: Cloudflare challenges the proxy's/);
  });

  it('tells a 407 and a bare 403 from the proxy inside the tunnel apart from OpenAI', async () => {
    const auth = await against({ respond: answer(407, 'text/html', '<html><title>Authentication required</title></html>') });
    expect(auth.record.error).toMatchObject({ code: 'OAUTH_PROXY_AUTH', stage: 'http' });
    const denied = await against({ respond: answer(403, 'text/plain', 'Forbidden') });
    expect(denied.record.error).toMatchObject({ code: 'OAUTH_PROXY_DENIED', stage: 'http' });
  });

  it('reports 5xx and answers OpenAI never gives', async () => {
    const gateway = await against({ respond: answer(502, 'text/html', '<title>Bad Gateway</title>') });
    expect(gateway.record.error).toMatchObject({ code: 'OAUTH_SERVER_ERROR', stage: 'http' });
    const odd = await against({ respond: answer(200, 'text/plain', 'OK') });
    expect(odd.record.error).toMatchObject({ code: 'OAUTH_UNEXPECTED_RESPONSE', stage: 'http' });
  });

  it('reports a connection closed after the request as a reset at http, not as a crash', async () => {
    const { record, requests } = await against({ respond: (_req, res) => res.socket?.destroy() });
    expect(requests).toHaveLength(1);
    expect(record.error).toMatchObject({ code: 'NET_CONNECTION_RESET', stage: 'http' });
  });

  it('ends a request that never gets an answer before the deadline, at http', async () => {
    const { record, elapsed } = await against({ respond: () => {} }, 1500);
    expect(record.error).toMatchObject({ code: 'OAUTH_TIMEOUT', stage: 'http' });
    expect(elapsed).toBeLessThan(2500);
  });

  it('fails with its own code when the request connection gets a chain the handshake check did not see', async () => {
    const { record, tls } = await against({ respond: OPENAI_400, untrustedAfterFirst: true });
    // Login's own host passed (this origin serves no other host, so the model API host fails: it does not block the POST).
    expect(tls.data?.endpoints).toEqual([
      expect.objectContaining({ host: 'auth.openai.com', status: 'pass' }),
      expect.objectContaining({ host: 'chatgpt.com', status: 'fail', code: 'LAB_ROUTE_REFUSED' }),
    ]);
    expect(record.error).toMatchObject({ code: 'OAUTH_TLS_FAILED', stage: 'tls-verify' });
    expect(record.error?.detail).toBe(
      'TLS verification failed on the token request connection (UNABLE_TO_VERIFY_LEAF_SIGNATURE). Codex would show: "Token exchange failed: error sending request for url (https://auth.openai.com/oauth/token)" (with `codex login --device-auth`: "Error logging in: error sending request for url (https://auth.openai.com/api/accounts/deviceauth/usercode)").',
    );
  });

  it('is not run when TLS to auth.openai.com failed', async () => {
    const records = await inLab({ proxy: { mode: 'inspect' } }, (l) => viaProxy(l.proxyUrl));
    expect(records.get('oauth.token')).toMatchObject({ status: 'skip', blockedBy: ['tls.auth'] });
  });
});
