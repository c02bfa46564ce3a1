import { once } from 'node:events';
import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin, type OriginServer } from '../../src/lab/origin.js';
import { mintCorporateCa, mintPublicPki } from '../../src/lab/pki.js';
import { startProxy, type ProxyOptions, type ProxyServer, type RoutingTable } from '../../src/lab/proxy.js';
import type { LabServer } from '../../src/lab/server-kit.js';
import { dial, firstBytesOrClose, handshake, requestOver, sendConnect, upgradeOver } from './clients.js';

const pki = mintPublicPki();
const corp = mintCorporateCa();
const INVALID_GRANT = {
  error: { message: 'Invalid authorization code', type: 'invalid_request_error', param: null, code: 'invalid_grant' },
};
const TOKEN_FORM = 'grant_type=authorization_code&code=lab-invalid&redirect_uri=http%3A%2F%2Flocalhost%3A1455%2Fauth%2Fcallback';

const chainOf = (socket: TLSSocket): X509Certificate[] => {
  // The presented chain as OpenSSL links it (a self-issued link ends it).
  const chain: X509Certificate[] = [];
  for (let link = socket.getPeerCertificate(true), seen = 0; seen < 5; seen++) {
    chain.push(new X509Certificate(link.raw));
    if (!link.issuerCertificate || link.issuerCertificate === link) break;
    link = link.issuerCertificate;
  }
  return chain;
};

let origin: OriginServer;
let routes: RoutingTable;
const started: LabServer[] = [];

async function proxy(options: Omit<ProxyOptions, 'routes' | 'corporateCa' | 'upstreamCa'>): Promise<ProxyServer> {
  const server = await startProxy({ routes, corporateCa: corp, upstreamCa: pki.root.pem, ...options });
  started.push(server);
  return server;
}

/** CONNECT through the proxy, then TLS to the target trusting `ca`. */
async function tunnel(server: ProxyServer, host: string, ca: string): Promise<TLSSocket> {
  const answer = await sendConnect(await dial(server.port), `${host}:443`);
  expect(answer.status).toBe(200);
  return handshake({ socket: answer.socket, servername: host, ca });
}

beforeAll(async () => {
  origin = await startOrigin({ pki });
  routes = new Map(origin.hosts.map((host) => [`${host}:443`, origin.port]));
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await origin.close();
});

describe('origin', () => {
  it('presents the public chain for each SNI and answers Codex routes like OpenAI', async () => {
    const auth = await handshake({ port: origin.port, servername: 'auth.openai.com', ca: pki.root.pem });
    expect(auth.authorized).toBe(true);
    const [leaf, intermediate] = chainOf(auth);
    expect(leaf?.subjectAltName).toBe('DNS:auth.openai.com');
    expect(intermediate?.subject).toContain('CN=codex-doctor Lab Public TLS CA 1');
    const token = await requestOver(auth, 'auth.openai.com', 'POST', '/oauth/token', TOKEN_FORM);
    expect(token.status).toBe(400);
    expect(token.headers['content-type']).toBe('application/json');
    expect(JSON.parse(token.body)).toEqual(INVALID_GRANT);

    const api = await handshake({ port: origin.port, servername: 'api.openai.com', ca: pki.root.pem });
    expect(chainOf(api)[0]?.subjectAltName).toBe('DNS:api.openai.com');
    const models = await requestOver(api, 'api.openai.com', 'GET', '/v1/models');
    expect(models.status).toBe(401);
    expect(JSON.parse(models.body).error.type).toBe('invalid_request_error');
  });

  it('answers the Responses WebSocket with 101 and sees the OpenAI-Beta header', async () => {
    const socket = await handshake({ port: origin.port, servername: 'chatgpt.com', ca: pki.root.pem });
    const upgraded = once(origin.events, 'upgrade');
    const answer = await upgradeOver(socket, 'wss://chatgpt.com/backend-api/codex/responses');
    expect(answer.kind).toBe('open');
    const [event] = await upgraded;
    expect(event).toMatchObject({ host: 'chatgpt.com', path: '/backend-api/codex/responses', status: 101 });
    expect(event.headers['openai-beta']).toBe('responses_websockets=2026-02-06');
    if (answer.kind === 'open') answer.socket.terminate();
  });

  it('serves a block page or a Cloudflare challenge for a host, and only TLS 1.0/1.1 when legacy-only', async () => {
    const faulty = await startOrigin({
      pki,
      hostFaults: { 'auth.openai.com': 'block-page', 'chatgpt.com': 'cloudflare-challenge' },
    });
    started.push(faulty);
    const blocked = await requestOver(
      await handshake({ port: faulty.port, servername: 'auth.openai.com', ca: pki.root.pem }),
      'auth.openai.com', 'POST', '/oauth/token', TOKEN_FORM,
    );
    expect(blocked.status).toBe(403);
    expect(blocked.body).toContain('Website blocked');
    const challenged = await upgradeOver(
      await handshake({ port: faulty.port, servername: 'chatgpt.com', ca: pki.root.pem }),
      'wss://chatgpt.com/backend-api/codex/responses',
    );
    expect(challenged).toMatchObject({ kind: 'response', status: 403, headers: { 'cf-mitigated': 'challenge' } });

    const legacy = await startOrigin({ pki, tlsVersions: 'legacy-only' });
    started.push(legacy);
    await expect(handshake({ port: legacy.port, servername: 'api.openai.com', ca: pki.root.pem })).rejects.toThrow(
      /protocol version|unsupported protocol/i,
    );
    const old = await handshake({ port: legacy.port, servername: 'api.openai.com', ca: pki.root.pem, minVersion: 'TLSv1' });
    expect(old.getProtocol()).toBe('TLSv1.1');
    old.destroy();
  });

  it('sends only the leaf when the intermediate is missing', async () => {
    const leafOnly = await startOrigin({ pki, leaf: { sendIntermediate: false } });
    started.push(leafOnly);
    const socket = await handshake({ port: leafOnly.port, servername: 'api.openai.com', ca: pki.root.pem, rejectUnauthorized: false });
    expect(socket.authorized).toBe(false);
    expect(String(socket.authorizationError)).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(chainOf(socket)).toHaveLength(1);
    socket.destroy();
  });
});

describe('inspecting proxy', () => {
  it('re-signs the SNI with the corporate CA and forwards the token request to the origin', async () => {
    const server = await proxy({ mode: 'inspect' });
    const connected = once(server.events, 'connect');
    const socket = await tunnel(server, 'auth.openai.com', corp.root.pem);
    const [connect] = await connected;
    expect(connect).toMatchObject({ target: 'auth.openai.com:443', host: 'auth.openai.com', port: 443, status: 200 });
    expect(socket.authorized).toBe(true);
    const [leaf, intermediate] = chainOf(socket);
    expect(leaf?.issuer).toContain('CN=Zscaler Intermediate Root CA (zscaler.net)');
    expect(leaf?.subjectAltName).toBe('DNS:auth.openai.com');
    expect(intermediate?.checkIssued(new X509Certificate(corp.root.der))).toBe(true);
    const forwarded = once(server.events, 'request');
    const token = await requestOver(socket, 'auth.openai.com', 'POST', '/oauth/token', TOKEN_FORM);
    expect(token.status).toBe(400);
    expect(JSON.parse(token.body)).toEqual(INVALID_GRANT);
    expect((await forwarded)[0]).toMatchObject({ host: 'auth.openai.com', path: '/oauth/token', outcome: 'forwarded', status: 400 });
  });

  it('fails the handshake for a client that does not trust the corporate root', async () => {
    const server = await proxy({ mode: 'inspect' });
    await expect(tunnel(server, 'auth.openai.com', pki.root.pem)).rejects.toThrow(/unable to (get local issuer|verify)/i);
  });

  it('forwards WebSocket upgrades to the origin', async () => {
    const server = await proxy({ mode: 'inspect' });
    const upgraded = once(origin.events, 'upgrade');
    const answer = await upgradeOver(await tunnel(server, 'api.openai.com', corp.root.pem), 'wss://api.openai.com/v1/responses');
    expect(answer.kind).toBe('open');
    expect((await upgraded)[0]).toMatchObject({ host: 'api.openai.com', path: '/v1/responses', status: 101 });
    if (answer.kind === 'open') {
      // Bytes flow both ways through the splice: a ping is answered by the origin with a pong.
      answer.socket.ping();
      await once(answer.socket, 'pong');
      answer.socket.terminate();
    }
  });

  it.each([400, 403, 405, 426] as const)('refuses WebSocket upgrades with %i', async (status) => {
    const server = await proxy({ mode: 'inspect', refuseWebSocket: status });
    const refused = once(server.events, 'request');
    const answer = await upgradeOver(await tunnel(server, 'chatgpt.com', corp.root.pem), 'wss://chatgpt.com/backend-api/codex/responses');
    expect(answer).toMatchObject({ kind: 'response', status });
    expect((await refused)[0]).toMatchObject({ upgrade: true, outcome: 'refused', status });
  });

  it('refuses WebSocket upgrades by closing, or by stripping the Upgrade header', async () => {
    const closing = await proxy({ mode: 'inspect', refuseWebSocket: 'close' });
    const closed = await upgradeOver(await tunnel(closing, 'chatgpt.com', corp.root.pem), 'wss://chatgpt.com/backend-api/codex/responses');
    expect(closed).toEqual({ kind: 'error', message: 'socket hang up' });

    const stripping = await proxy({ mode: 'inspect', refuseWebSocket: 'strip-upgrade' });
    const stripped = await upgradeOver(await tunnel(stripping, 'api.openai.com', corp.root.pem), 'wss://api.openai.com/v1/responses');
    expect(stripped).toMatchObject({ kind: 'response', status: 405 });
    if (stripped.kind === 'response') {
      expect(JSON.parse(stripped.body).error.message).toBe('Invalid method for URL (GET /v1/responses)');
    }
  });

  it('serves a block page inside the tunnel for a blocked host only', async () => {
    const server = await proxy({ mode: 'inspect', blockPage: { hosts: ['auth.openai.com'], at: 'request' } });
    const blocked = await requestOver(await tunnel(server, 'auth.openai.com', corp.root.pem), 'auth.openai.com', 'POST', '/oauth/token', TOKEN_FORM);
    expect(blocked.status).toBe(403);
    expect(blocked.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(blocked.body).toContain('Access to <b>auth.openai.com</b> is not allowed');
    const allowed = await requestOver(await tunnel(server, 'api.openai.com', corp.root.pem), 'api.openai.com', 'GET', '/v1/models');
    expect(allowed.status).toBe(401);
  });

  it('presents a SHA-1 / RSA-1024 corporate chain that only a lowered OpenSSL security level accepts', async () => {
    const weak = mintCorporateCa({ root: { signature: 'sha1', keyBits: 1024 }, intermediate: null });
    const server = await startProxy({ mode: 'inspect', routes, corporateCa: weak, upstreamCa: pki.root.pem });
    started.push(server);
    const socket = await tunnel(server, 'chatgpt.com', weak.root.pem);
    expect(socket.authorized).toBe(true);
    expect(chainOf(socket)[0]?.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const strict = await sendConnect(await dial(server.port), 'chatgpt.com:443');
    await expect(handshake({ socket: strict.socket, servername: 'chatgpt.com', ca: weak.root.pem, ciphers: 'DEFAULT' })).rejects.toThrow(
      /too weak/,
    );
  });

  it('answers 502 when its own upstream verification fails', async () => {
    const server = await startProxy({ mode: 'inspect', routes, corporateCa: corp, upstreamCa: corp.root.pem });
    started.push(server);
    const answer = await requestOver(await tunnel(server, 'api.openai.com', corp.root.pem), 'api.openai.com', 'GET', '/v1/models');
    expect(answer.status).toBe(502);
  });
});

describe('CONNECT-only proxy', () => {
  it('tunnels to the routed origin without touching TLS', async () => {
    const server = await proxy({ mode: 'connect' });
    const socket = await tunnel(server, 'api.openai.com', pki.root.pem);
    expect(socket.authorized).toBe(true);
    expect(chainOf(socket)[1]?.subject).toContain('CN=codex-doctor Lab Public TLS CA 1');
    expect((await requestOver(socket, 'api.openai.com', 'GET', '/v1/models')).status).toBe(401);
  });

  it('dates its answers to CONNECT by its own clock, as the proxies the doctor reads the time from do', async () => {
    const server = await proxy({ mode: 'connect' });
    const before = Math.floor(Date.now() / 1000) * 1000;
    for (const target of ['api.openai.com:443', 'example.com:443']) {
      const answer = await sendConnect(await dial(server.port), target);
      answer.socket.destroy();
      const date = Date.parse(answer.headers.date?.[0] ?? '');
      expect(date, target).toBeGreaterThanOrEqual(before);
      expect(date, target).toBeLessThanOrEqual(Date.now());
    }
  });

  it('answers 502 for a target outside the routing table, never dialling it', async () => {
    const server = await proxy({ mode: 'connect' });
    const answer = await sendConnect(await dial(server.port), 'example.com:443');
    expect(answer.status).toBe(502);
  });

  it('serves a block page to the CONNECT of a blocked host', async () => {
    const server = await proxy({ mode: 'connect', blockPage: { hosts: ['auth.openai.com'], at: 'connect' } });
    const answer = await sendConnect(await dial(server.port), 'auth.openai.com:443');
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('Website blocked');
  });
});

describe('proxy faults', () => {
  it('asks for credentials with 407 and every configured scheme, and accepts the right Basic ones', async () => {
    const server = await proxy({
      mode: 'connect',
      auth: { username: 'alice', password: 'pa55', realm: 'Corp', schemes: ['Negotiate', 'NTLM', 'Basic'] },
    });
    const missing = await sendConnect(await dial(server.port), 'api.openai.com:443');
    expect(missing.status).toBe(407);
    expect(missing.headers['proxy-authenticate']).toEqual(['Negotiate', 'NTLM', 'Basic realm="Corp"']);
    const wrong = await sendConnect(await dial(server.port), 'api.openai.com:443', {
      'Proxy-Authorization': `Basic ${Buffer.from('alice:nope').toString('base64')}`,
    });
    expect(wrong.status).toBe(407);
    const right = await sendConnect(await dial(server.port), 'api.openai.com:443', {
      'Proxy-Authorization': `Basic ${Buffer.from('alice:pa55').toString('base64')}`,
    });
    expect(right.status).toBe(200);
    right.socket.destroy();
  });

  it('hangs: reads the CONNECT and never answers', async () => {
    const server = await proxy({ mode: 'inspect', failure: 'hang' });
    const socket = await dial(server.port);
    const connected = once(server.events, 'connect');
    socket.write('CONNECT auth.openai.com:443 HTTP/1.1\r\nHost: auth.openai.com:443\r\n\r\n');
    expect((await connected)[0]).toMatchObject({ target: 'auth.openai.com:443', status: null });
    // The client gives up; TCP ordering means any answer would arrive before the proxy's close.
    socket.end();
    expect(await firstBytesOrClose(socket)).toBeNull();
  });

  it('closes the connection on accept', async () => {
    const server = await proxy({ mode: 'connect', failure: 'close' });
    const accepted = once(server.events, 'connection');
    const socket = await dial(server.port);
    await accepted;
    expect(await firstBytesOrClose(socket)).toBeNull();
  });

  it('answers every CONNECT with 502', async () => {
    const server = await proxy({ mode: 'connect', failure: 'bad-gateway' });
    const answer = await sendConnect(await dial(server.port), 'auth.openai.com:443');
    expect(answer.status).toBe(502);
    expect(answer.body).toContain('Bad Gateway');
  });

  it('takes a policy change on the running proxy (IT repairing it): the next CONNECT gets through', async () => {
    const server = await proxy({ mode: 'connect', failure: 'bad-gateway', blockPage: { hosts: ['auth.openai.com'], at: 'connect' } });
    server.change({ failure: null });
    expect((await sendConnect(await dial(server.port), 'auth.openai.com:443')).status).toBe(403);
    expect((await sendConnect(await dial(server.port), 'api.openai.com:443')).status).toBe(200);
    server.change({ blockPage: null });
    expect((await sendConnect(await dial(server.port), 'auth.openai.com:443')).status).toBe(200);
  });

  it('can listen with TLS (an https:// proxy URL), while a plain proxy answers a ClientHello with 400', async () => {
    const secure = await proxy({ mode: 'connect', tlsListener: { hostname: 'proxy.corp.example' } });
    const toProxy = await handshake({ port: secure.port, servername: 'proxy.corp.example', ca: corp.root.pem });
    expect((await sendConnect(toProxy, 'api.openai.com:443')).status).toBe(200);
    toProxy.destroy();

    const plain = await proxy({ mode: 'connect' });
    await expect(handshake({ port: plain.port, servername: 'proxy.corp.example', ca: corp.root.pem })).rejects.toThrow(
      /wrong version number|packet length too long|http request/i,
    );
  });

  it('closes with open tunnels without waiting for clients', async () => {
    const server = await startProxy({ mode: 'connect', routes });
    const socket = await tunnel(server, 'chatgpt.com', pki.root.pem);
    const closed = once(socket, 'close');
    await server.close();
    await closed;
  });
});
