import { once } from 'node:events';
import net from 'node:net';
import { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../src/lab/server-kit.js';
import { connectTcp, DialRefusedError, resolveTarget } from '../../src/net/dial.js';
import { ProxyClosedError, ProxyHeadTooLargeError, ProxyProtocolError, ProxyResponseError } from '../../src/net/errors.js';
import { basicAuthorization, openTunnel, proxyCredentials } from '../../src/net/tunnel.js';

/** A raw TCP "proxy" on 127.0.0.1 that hands each connection's first request to `answer`. */
async function rawProxy(answer: (socket: net.Socket, request: string) => void): Promise<{ port: number; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('latin1');
      if (!buffered.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      requests.push(buffered);
      answer(socket, buffered);
    };
    socket.on('data', onData);
  });
  return { ...(await listenOnLoopback(server)), requests };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function tunnelThrough(answer: (socket: net.Socket, request: string) => void, options: { authorization?: string; signal?: AbortSignal } = {}) {
  const proxy = await rawProxy(answer);
  cleanups.push(proxy.close);
  const signal = options.signal ?? new AbortController().signal;
  const socket = await connectTcp({ address: '127.0.0.1', port: proxy.port, source: 'literal' }, signal);
  cleanups.push(async () => void socket.destroy());
  const tunnel = openTunnel({ socket, target: { host: 'auth.openai.com', port: 443 }, ...(options.authorization && { authorization: options.authorization }), signal });
  return { tunnel, proxy, socket };
}

describe('openTunnel', () => {
  it('sends CONNECT with Host and credentials, and hands back the socket with the bytes after the head', async () => {
    const { tunnel, proxy } = await tunnelThrough((socket) => socket.write('HTTP/1.1 200 Connection established\r\nVia: lab\r\n\r\nEARLY'), {
      authorization: basicAuthorization({ username: 'alice', password: 's3c@ret' }),
    });
    const { socket, head } = await tunnel;
    expect(head).toEqual({ status: 200, reason: 'Connection established', headers: { via: ['lab'] }, version: '1.1' });
    const [requestLine, ...headerLines] = proxy.requests[0]!.split('\r\n');
    expect(requestLine).toBe('CONNECT auth.openai.com:443 HTTP/1.1');
    const headers = headerLines.filter(Boolean).map((line) => line.toLowerCase());
    expect(headers).toContain('host: auth.openai.com:443');
    expect(headers).toContain(`proxy-authorization: basic ${Buffer.from('alice:s3c@ret').toString('base64')}`.toLowerCase());
    expect(proxy.requests[0]!.endsWith('\r\n\r\n')).toBe(true);
    socket.resume();
    const [early] = (await once(socket, 'data')) as [Buffer];
    expect(early.toString()).toBe('EARLY');
  });

  it("exposes a 407's status, every Proxy-Authenticate scheme and whether credentials were sent", async () => {
    const { tunnel } = await tunnelThrough((socket) =>
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Negotiate\r\nProxy-Authenticate: NTLM\r\nContent-Length: 0\r\n\r\n'),
    );
    const error = await tunnel.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyResponseError);
    const answer = error as ProxyResponseError;
    expect(answer.head.status).toBe(407);
    expect(answer.authSchemes).toEqual(['Negotiate', 'NTLM']);
    expect(answer.credentialsSent).toBe(false);
  });

  it('reads a header named __proto__ or constructor as a header, not as a property', async () => {
    const { tunnel } = await tunnelThrough((socket) => socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n__proto__: x\r\nconstructor: y\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n'));
    const error = (await tunnel.catch((e: unknown) => e)) as ProxyResponseError;
    expect(error).toBeInstanceOf(ProxyResponseError);
    expect(error.head.headers['__proto__']).toEqual(['x']);
    expect(error.head.headers['constructor']).toEqual(['y']);
    expect(error.authSchemes).toEqual(['Basic']);
  });

  it("keeps the start of a 403 block page, chunked or not, without waiting for the connection to close", async () => {
    const page = '<html><head><title>Blocked by policy</title></head></html>';
    const chunked = `${page.length.toString(16)}\r\n${page}\r\n0\r\n\r\n`;
    // The proxy keeps the connection open: the body's own framing must end the read.
    const { tunnel } = await tunnelThrough((socket) => socket.write(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n${chunked}`));
    const error = (await tunnel.catch((e: unknown) => e)) as ProxyResponseError;
    expect(error.head.status).toBe(403);
    expect(error.body).toBe(page);
  });

  it('reports a proxy that closes without answering, and one that does not speak HTTP', async () => {
    const closed = await tunnelThrough((socket) => socket.destroy());
    expect(await closed.tunnel.catch((e: unknown) => e)).toBeInstanceOf(ProxyClosedError);
    const tls = await tunnelThrough((socket) => socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x2a, 0x02])));
    const error = await tls.tunnel.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyProtocolError);
    expect((error as ProxyProtocolError).firstBytes).toBe('....*.');
  });

  it('reports a proxy that drops the connection on accept, before or while CONNECT is written', async () => {
    const server = net.createServer((socket) => socket.destroy());
    const proxy = await listenOnLoopback(server);
    cleanups.push(proxy.close);
    for (const waitForClose of [true, false]) {
      const signal = new AbortController().signal;
      const socket = await connectTcp({ address: '127.0.0.1', port: proxy.port, source: 'literal' }, signal);
      cleanups.push(async () => void socket.destroy());
      socket.on('error', () => {});
      if (waitForClose) await once(socket, 'close');
      const error = await openTunnel({ socket, target: { host: 'auth.openai.com', port: 443 }, signal }).catch((e: unknown) => e);
      expect(error, String(error)).toBeInstanceOf(ProxyClosedError);
    }
  });

  it('gives up on a proxy that never answers as soon as the signal aborts, and closes the socket', async () => {
    const controller = new AbortController();
    let received!: () => void;
    const requestSeen = new Promise<void>((resolve) => (received = resolve));
    const { tunnel, socket } = await tunnelThrough(() => received(), { signal: controller.signal });
    await requestSeen;
    controller.abort(new Error('deadline'));
    await expect(tunnel).rejects.toMatchObject({ name: 'AbortError', message: 'deadline' });
    expect(socket.destroyed).toBe(true);
  });
});

describe('proxy credentials', () => {
  it('reads user:password from a proxy value, percent-decoded, with or without a scheme', () => {
    expect(proxyCredentials('http://alice:s3c%40ret@proxy:8080')).toEqual({ username: 'alice', password: 's3c@ret' });
    expect(proxyCredentials('bob@proxy:8080/path')).toEqual({ username: 'bob', password: '' });
    expect(proxyCredentials('http://proxy:8080')).toBeUndefined();
    expect(basicAuthorization({ username: 'alice', password: 's3c@ret' })).toBe(`Basic ${Buffer.from('alice:s3c@ret').toString('base64')}`);
  });

  it('ends the userinfo at the first @ as Codex HTTPS does, or at the last as its WebSocket does', () => {
    expect(proxyCredentials('http://alice:p@ss@proxy:8080', 'first-at')).toEqual({ username: 'alice', password: 'p' });
    expect(proxyCredentials('http://alice:p@ss@proxy:8080', 'last-at')).toEqual({ username: 'alice', password: 'p@ss' });
    expect(proxyCredentials('alice@corp.example:pw@proxy:8080', 'first-at')).toEqual({ username: 'alice', password: '' });
  });
});

describe('proxy answers', () => {
  it('keeps the version and reason phrase of an HTTP/1.0 answer, and every value of a repeated header', async () => {
    const { tunnel } = await tunnelThrough((socket) => socket.end('HTTP/1.0 502 Bad Gateway\r\nX-A: 1\r\nx-a: 2\r\nContent-Length: 0\r\n\r\n'));
    const error = (await tunnel.catch((e: unknown) => e)) as ProxyResponseError;
    expect(error.head).toEqual({ status: 502, reason: 'Bad Gateway', headers: { 'x-a': ['1', '2'], 'content-length': ['0'] }, version: '1.0' });
  });

  it('says a header block that never ends is too large, with the status line it started with', async () => {
    const { tunnel } = await tunnelThrough((socket) => {
      socket.write('HTTP/1.1 200 OK\r\n');
      const block = Array.from({ length: 64 }, (_, i) => `X-Padding-${i}: ${'a'.repeat(100)}\r\n`).join('');
      for (let i = 0; i < 20; i++) socket.write(block);
    });
    const error = await tunnel.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyHeadTooLargeError);
    expect((error as ProxyHeadTooLargeError).statusLine).toBe('HTTP/1.1 200 OK');
    const endlessStatus = await tunnelThrough((socket) => socket.write(`HTTP/1.1 200 ${'O'.repeat(20_000)}`));
    const tooLong = await endlessStatus.tunnel.catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(ProxyHeadTooLargeError);
    expect((tooLong as ProxyHeadTooLargeError).statusLine).toBe(`HTTP/1.1 200 ${'O'.repeat(80 - 13)}`);
  });

  it('never sends CONNECT over a TLS connection the doctor did not verify', async () => {
    const proxy = await rawProxy((socket) => socket.end('HTTP/1.1 200 OK\r\n\r\n'));
    cleanups.push(proxy.close);
    const unverified = new TLSSocket(new net.Socket());
    await expect(openTunnel({ socket: unverified, target: { host: 'auth.openai.com', port: 443 }, signal: new AbortController().signal })).rejects.toThrow(/unverified/);
    expect(proxy.requests).toEqual([]);
  });
});

describe('resolveTarget', () => {
  it('uses the dial overrides first, never looks up an IP literal, and never resolves in tests', async () => {
    const signal = new AbortController().signal;
    const dial = new Map([['auth.openai.com:443', { address: '127.0.0.1', port: 4443 }]]);
    expect(await resolveTarget({ host: 'AUTH.openai.com', port: 443 }, { dial }, signal)).toEqual({ address: '127.0.0.1', port: 4443, source: 'override' });
    expect(await resolveTarget({ host: '[::1]', port: 8080 }, { dial: new Map() }, signal)).toEqual({ address: '::1', port: 8080, source: 'literal' });
  });

  it('on a loopback-only Host (the lab), refuses what it does not route and is not loopback, before any lookup', async () => {
    const signal = new AbortController().signal;
    const rules = { dial: new Map([['auth.openai.com:443', { address: '127.0.0.1', port: 4443 }]]), loopbackOnly: true };
    expect(await resolveTarget({ host: 'auth.openai.com', port: 443 }, rules, signal)).toMatchObject({ address: '127.0.0.1', source: 'override' });
    expect(await resolveTarget({ host: '127.0.0.1', port: 8080 }, rules, signal)).toMatchObject({ address: '127.0.0.1', source: 'literal' });
    expect(await resolveTarget({ host: '[::1]', port: 8080 }, rules, signal)).toMatchObject({ address: '::1', source: 'literal' });
    for (const host of ['192.0.2.1', '[::ffff:192.0.2.1]', '[2001:db8::1]', 'proxy.corp.example', 'localhost', 'chatgpt.com']) {
      const refused = resolveTarget({ host, port: 8080 }, rules, signal);
      await expect(refused, host).rejects.toBeInstanceOf(DialRefusedError);
      await expect(refused, host).rejects.toMatchObject({ destination: `${host}:8080` });
    }
  });
});
