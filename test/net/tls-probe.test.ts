import { EventEmitter, once } from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import http2 from 'node:http2';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectTcp } from '../../src/net/dial.js';
import { ChainRejectedError } from '../../src/net/errors.js';
import { httpRequest } from '../../src/net/http-request.js';
import { BUNDLE_HTTPS_ALPN } from '../../src/codex/alpn.js';
import { isVerified, verifiedTls } from '../../src/net/verified-tls.js';
import { captureTls } from '../../src/net/tls-probe.js';
import { mintCorporateCa, mintPublicPki, type PublicPki, type ServerIdentity } from '../../src/lab/pki.js';
import { LAB_TLS_CIPHERS } from '../../src/lab/server-kit.js';

let pki: PublicPki;
beforeAll(() => {
  pki = mintPublicPki();
});

interface TestServer {
  port: number;
  /** Application data received on each connection so far. */
  received: Buffer[];
  /** Resolves with the application data of the next connection to close. */
  nextClose(): Promise<Buffer>;
  close(): Promise<void>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** A TLS server on 127.0.0.1 presenting `identity`, answering any request with `reply`. */
async function tlsServer(identity: ServerIdentity, reply = 'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: 25\r\nConnection: close\r\n\r\n{"error":"invalid_grant"}'): Promise<TestServer> {
  const received: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const closes = new EventEmitter<{ closed: [Buffer] }>();
  const server = tls.createServer({ key: identity.keyPem, cert: identity.certPem, ciphers: LAB_TLS_CIPHERS, ALPNProtocols: ['http/1.1'] }, (socket) => {
    sockets.add(socket);
    const index = received.push(Buffer.alloc(0)) - 1;
    socket.on('data', (chunk: Buffer) => {
      received[index] = Buffer.concat([received[index] ?? Buffer.alloc(0), chunk]);
      if (received[index]?.includes('\r\n\r\n')) socket.end(reply);
    });
    socket.on('close', () => closes.emit('closed', received[index] ?? Buffer.alloc(0)));
    socket.on('error', () => {});
  });
  server.on('tlsClientError', () => closes.emit('closed', Buffer.alloc(0)));
  server.on('connection', (socket: net.Socket) => sockets.add(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const result = {
    port: (server.address() as net.AddressInfo).port,
    received,
    nextClose: async () => ((await once(closes, 'closed')) as [Buffer])[0],
    close: async () => {
      for (const s of sockets) s.destroy();
      server.close();
      await once(server, 'close');
    },
  };
  cleanups.push(result.close);
  return result;
}

async function tcpTo(port: number): Promise<net.Socket> {
  return connectTcp({ address: '127.0.0.1', port, source: 'literal' }, new AbortController().signal);
}

describe('captureTls', () => {
  it('captures the whole presented chain, protocol, cipher and ALPN, and OpenSSL verdict, sending no application data', async () => {
    const server = await tlsServer(pki.identityFor(['auth.openai.com']));
    const closed = server.nextClose();
    const capture = await captureTls({
      socket: await tcpTo(server.port),
      servername: 'auth.openai.com',
      ca: [pki.root.pem],
      alpn: ['h2', 'http/1.1'],
      signal: new AbortController().signal,
    });
    expect(capture.chain.map((c) => c.subject.split('\n').at(-1))).toEqual(['CN=auth.openai.com', 'CN=codex-doctor Lab Public TLS CA 1']);
    expect(capture.protocol).toBe('TLSv1.3');
    expect(capture.cipher?.standardName).toMatch(/^TLS_/);
    expect(capture.alpn).toBe('http/1.1');
    expect(capture.node).toEqual({ authorized: true, error: null });
    expect(await closed).toEqual(Buffer.alloc(0));
  });

  it('captures a chain it does not trust, with the reason, rather than failing', async () => {
    const corporate = mintCorporateCa();
    const server = await tlsServer(corporate.identityFor('auth.openai.com'));
    const closed = server.nextClose();
    const capture = await captureTls({ socket: await tcpTo(server.port), servername: 'auth.openai.com', ca: [pki.root.pem], signal: new AbortController().signal });
    expect(capture.chain).toHaveLength(2);
    expect(capture.chain[1]?.subject).toContain('CN=Zscaler Intermediate Root CA (zscaler.net)');
    expect(capture.node).toEqual({ authorized: false, error: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' });
    expect(await closed).toEqual(Buffer.alloc(0));
  });

  it('gives up with the abort reason when the handshake never completes', async () => {
    const silent = net.createServer((socket) => socket.on('error', () => {}));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    cleanups.push(async () => {
      silent.close();
    });
    const connections: net.Socket[] = [];
    silent.on('connection', (s: net.Socket) => connections.push(s));
    const controller = new AbortController();
    const socket = await tcpTo((silent.address() as net.AddressInfo).port);
    const pending = captureTls({ socket, servername: 'auth.openai.com', ca: [], signal: controller.signal });
    controller.abort(new Error('deadline'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(socket.destroyed).toBe(true);
    for (const c of connections) c.destroy();
  });
});

describe('httpRequest speaks what the ALPN of the verified connection picked, as Codex does', () => {
  /** An HTTP/2 server that also speaks HTTP/1.1 (ALPN h2 first); records what each request carried. */
  async function h2Server(): Promise<{ port: number; seen: Array<{ version: string; method: string; path: string; headers: Record<string, unknown>; body: string }> }> {
    const identity = pki.identityFor(['auth.openai.com']);
    const seen: Array<{ version: string; method: string; path: string; headers: Record<string, unknown>; body: string }> = [];
    const server = http2.createSecureServer({ key: identity.keyPem, cert: identity.certPem, allowHTTP1: true, ciphers: LAB_TLS_CIPHERS }, (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ version: req.httpVersion, method: req.method, path: req.url, headers: { ...req.headers }, body });
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end('{"error":"invalid_grant"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    return { port: (server.address() as { port: number }).port, seen };
  }

  it('offers h2 and http/1.1; over h2 the POST carries the form and no credential', async () => {
    const server = await h2Server();
    const signal = new AbortController().signal;
    const socket = await verifiedTls({ socket: await tcpTo(server.port), servername: 'auth.openai.com', verifier: { kind: 'openssl', ca: [pki.root.pem] }, alpn: BUNDLE_HTTPS_ALPN, signal });
    expect(socket.alpnProtocol).toBe('h2');
    const response = await httpRequest({ socket, method: 'POST', url: new URL('https://auth.openai.com/oauth/token'), headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'code=x', signal });
    expect(response).toMatchObject({ status: 400, protocol: 'h2', body: '{"error":"invalid_grant"}' });
    expect(server.seen).toEqual([expect.objectContaining({ version: '2.0', method: 'POST', path: '/oauth/token', body: 'code=x' })]);
    expect(server.seen[0]?.headers).toMatchObject({ ':authority': 'auth.openai.com', 'content-type': 'application/x-www-form-urlencoded' });
    expect(Object.keys(server.seen[0]?.headers ?? {}).filter((h) => /authorization|cookie/i.test(h))).toEqual([]);
  });

  it('speaks HTTP/1.1 to a server that picks it', async () => {
    const server = await tlsServer(pki.identityFor(['auth.openai.com']));
    const signal = new AbortController().signal;
    const socket = await verifiedTls({ socket: await tcpTo(server.port), servername: 'auth.openai.com', verifier: { kind: 'openssl', ca: [pki.root.pem] }, alpn: BUNDLE_HTTPS_ALPN, signal });
    const response = await httpRequest({ socket, method: 'GET', url: new URL('https://auth.openai.com/x'), headers: {}, signal });
    expect(response.protocol).toBe('http/1.1');
    expect(server.received[0]?.toString()).toMatch(/^GET \/x HTTP\/1\.1\r\n/);
  });
});

describe('verifiedTls and httpRequest', () => {
  it('sends the request only over a connection OpenSSL verified with the given roots', async () => {
    const server = await tlsServer(pki.identityFor(['auth.openai.com']));
    const signal = new AbortController().signal;
    const socket = await verifiedTls({ socket: await tcpTo(server.port), servername: 'auth.openai.com', verifier: { kind: 'openssl', ca: [pki.root.pem] }, signal });
    expect(isVerified(socket)).toBe(true);
    const response = await httpRequest({ socket, method: 'POST', url: new URL('https://auth.openai.com/oauth/token'), headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b', signal });
    expect(response.status).toBe(400);
    expect(response.body).toBe('{"error":"invalid_grant"}');
    expect(server.received[0]?.toString()).toContain('POST /oauth/token HTTP/1.1\r\nhost: auth.openai.com\r\n');
  });

  it("refuses an untrusted chain with Node's reason, before any byte of the request is written", async () => {
    const corporate = mintCorporateCa();
    const server = await tlsServer(corporate.identityFor('auth.openai.com'));
    const closed = server.nextClose();
    const pending = verifiedTls({ socket: await tcpTo(server.port), servername: 'auth.openai.com', verifier: { kind: 'openssl', ca: [pki.root.pem] }, signal: new AbortController().signal });
    await expect(pending).rejects.toMatchObject({ code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' });
    expect(await closed).toEqual(Buffer.alloc(0));
  });

  it("lets a custom verifier (the webpki emulation) refuse the chain before anything is sent", async () => {
    const server = await tlsServer(pki.identityFor(['auth.openai.com']));
    const closed = server.nextClose();
    let seen = 0;
    const pending = verifiedTls({
      socket: await tcpTo(server.port),
      servername: 'auth.openai.com',
      verifier: {
        kind: 'custom',
        check: (chain) => {
          seen = chain.length;
          return { code: 'TLS_BAD_SIGNATURE', message: 'refused' };
        },
      },
      signal: new AbortController().signal,
    });
    await expect(pending).rejects.toBeInstanceOf(ChainRejectedError);
    expect(seen).toBe(2);
    expect(await closed).toEqual(Buffer.alloc(0));
  });

  it('will not send over a TLS socket it did not verify itself', async () => {
    const server = await tlsServer(pki.identityFor(['auth.openai.com']));
    const raw = tls.connect({ port: server.port, host: '127.0.0.1', servername: 'auth.openai.com', rejectUnauthorized: false });
    cleanups.push(async () => void raw.destroy());
    await once(raw, 'secureConnect');
    await expect(httpRequest({ socket: raw, method: 'GET', url: new URL('https://auth.openai.com/'), headers: {}, signal: new AbortController().signal })).rejects.toThrow(
      'refusing to send a request over an unverified TLS connection',
    );
    expect(server.received.every((data) => data.length === 0)).toBe(true);
  });
});
