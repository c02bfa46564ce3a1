// The WebSocket upgrade as Codex sends and judges it (tungstenite), against a raw TLS server on 127.0.0.1 that
// records the bytes it received and answers with exactly the bytes a case needs.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectTcp } from '../../src/net/dial.js';
import { classify } from '../../src/net/classify.js';
import { UpgradeHandshakeError } from '../../src/net/errors.js';
import { verifiedTls } from '../../src/net/verified-tls.js';
import { upgradeWebSocket, type UpgradeOutcome } from '../../src/net/ws-probe.js';
import { mintPublicPki, type PublicPki } from '../../src/lab/pki.js';
import { LAB_TLS_CIPHERS } from '../../src/lab/server-kit.js';

const URL_ = new URL('wss://chatgpt.com/backend-api/codex/responses');
const BETA = { 'OpenAI-Beta': 'responses_websockets=2026-02-06' };

let pki: PublicPki;
beforeAll(() => {
  pki = mintPublicPki();
});
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

interface Served {
  port: number;
  /** What each connection received, as text. */
  received: string[];
  /** Resolves when a connection closes, with what it received. */
  nextClose(): Promise<string>;
  /** Resolves when the next TLS connection is established. */
  nextConnection(): Promise<void>;
}

/** Answers the head of the first request on each connection with `answer(key)`, `key` being its Sec-WebSocket-Key; `null` closes without a word. */
async function server(answer: (key: string) => string | null, options: { end?: boolean; onHead?: () => void } = {}): Promise<Served> {
  const identity = pki.identityFor(['chatgpt.com']);
  const received: string[] = [];
  const closes: Array<(data: string) => void> = [];
  const connections: Array<() => void> = [];
  const sockets = new Set<net.Socket>();
  const srv = tls.createServer({ key: identity.keyPem, cert: identity.certPem, ciphers: LAB_TLS_CIPHERS }, (socket) => {
    sockets.add(socket);
    connections.shift()?.();
    const index = received.push('') - 1;
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      received[index] += chunk.toString('latin1');
      if (answered || !received[index]!.includes('\r\n\r\n')) return;
      answered = true;
      options.onHead?.();
      const reply = answer(/^sec-websocket-key: (.*)\r$/im.exec(received[index]!)?.[1] ?? '');
      if (reply === null) socket.destroy();
      else if (options.end === false) socket.write(reply);
      else socket.end(reply);
    });
    socket.on('close', () => closes.shift()?.(received[index]!));
    socket.on('error', () => {});
  });
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  cleanups.push(async () => {
    for (const s of sockets) s.destroy();
    srv.close();
    await once(srv, 'close');
  });
  return { port: (srv.address() as net.AddressInfo).port, received, nextClose: () => new Promise((resolve) => closes.push(resolve)),
    nextConnection: () => new Promise((resolve) => connections.push(resolve)),
  };
}

const acceptFor = (key: string): string => createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
const switching = (headers: string): string => `HTTP/1.1 101 Switching Protocols\r\n${headers}\r\n\r\n`;
const valid = (key: string): string => switching(`Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptFor(key)}`);

async function verifiedTo(port: number, signal = new AbortController().signal): Promise<tls.TLSSocket> {
  const socket = await connectTcp({ address: '127.0.0.1', port, source: 'literal' }, signal);
  return verifiedTls({ socket, servername: 'chatgpt.com', verifier: { kind: 'openssl', ca: [pki.root.pem] }, alpn: [], signal });
}

async function upgrade(served: Served, url = URL_, headers: Record<string, string> = BETA): Promise<UpgradeOutcome> {
  return upgradeWebSocket({ socket: await verifiedTo(served.port), url, headers, signal: new AbortController().signal });
}

/** The head of a request as name (lower case) -> values. */
function parsed(request: string): { line: string; headers: Map<string, string[]> } {
  const [line = '', ...rest] = request.slice(0, request.indexOf('\r\n\r\n')).split('\r\n');
  const headers = new Map<string, string[]>();
  for (const header of rest) {
    const colon = header.indexOf(':');
    const name = header.slice(0, colon).toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), header.slice(colon + 1).trim()]);
  }
  return { line, headers };
}

describe('upgradeWebSocket: the request Codex sends', () => {
  it("carries the caller's headers, Upgrade, Connection, version 13, a fresh 16-byte key and Codex's extension offer, and never a credential", async () => {
    const served = await server(valid);
    const closed = served.nextClose();
    const url = new URL('wss://user:s3cretpass@chatgpt.com/backend-api/codex/responses?x=1');
    const outcome = await upgrade(served, url);
    expect(outcome).toMatchObject({ kind: 'upgraded', head: { status: 101, reason: 'Switching Protocols' } });
    // The socket is closed once the handshake is judged, and nothing follows the request (no frame).
    const request = await closed;
    expect(request.endsWith('\r\n\r\n')).toBe(true);
    const { line, headers } = parsed(request);
    expect(line).toBe('GET /backend-api/codex/responses?x=1 HTTP/1.1');
    expect(headers.get('host')).toEqual(['chatgpt.com']);
    expect(headers.get('connection')).toEqual(['upgrade']);
    expect(headers.get('upgrade')).toEqual(['websocket']);
    expect(headers.get('sec-websocket-version')).toEqual(['13']);
    expect(headers.get('openai-beta')).toEqual(['responses_websockets=2026-02-06']);
    // Observed from Codex 0.169.0 on the wire.
    expect(headers.get('sec-websocket-extensions')).toEqual(['permessage-deflate; client_max_window_bits']);
    const key = headers.get('sec-websocket-key')?.[0] ?? '';
    expect(Buffer.from(key, 'base64')).toHaveLength(16);
    expect(Buffer.from(key, 'base64').toString('base64')).toBe(key);
    expect([...headers.keys()].filter((name) => /authorization|cookie/.test(name))).toEqual([]);
    expect(request).not.toContain('s3cretpass');
    expect(request).not.toContain(Buffer.from('user:s3cretpass').toString('base64'));
  });

  it('uses a new key for every upgrade, and the one the caller gives when it gives one', async () => {
    const served = await server(valid);
    await upgrade(served);
    await upgrade(served);
    await upgrade(served, URL_, { ...BETA, 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' });
    const keys = served.received.map((request) => parsed(request).headers.get('sec-websocket-key'));
    expect(keys[0]).not.toEqual(keys[1]);
    expect(keys[2]).toEqual(['dGhlIHNhbXBsZSBub25jZQ==']);
  });

  it('refuses a TLS socket it did not verify, before writing a byte', async () => {
    const served = await server(valid);
    const closed = served.nextClose();
    const connected = served.nextConnection();
    const raw = tls.connect({ port: served.port, host: '127.0.0.1', servername: 'chatgpt.com', rejectUnauthorized: false });
    cleanups.push(async () => void raw.destroy());
    await once(raw, 'secureConnect');
    expect(() => upgradeWebSocket({ socket: raw, url: URL_, headers: BETA, signal: new AbortController().signal })).toThrow('refusing to upgrade over an unverified TLS connection');
    await connected;
    raw.destroy();
    expect(await closed).toBe('');
  });
});

describe('upgradeWebSocket: a 101 judged as tungstenite judges it', () => {
  it.each([
    ['no Connection header (ws accepted this)', (key: string) => switching(`Upgrade: websocket\r\nSec-WebSocket-Accept: ${acceptFor(key)}`), 'No "Connection: upgrade" header'],
    ['Connection: keep-alive, Upgrade (Codex 0.169.0 fails it: observed)', (key: string) => switching(`Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\nSec-WebSocket-Accept: ${acceptFor(key)}`), 'No "Connection: upgrade" header'],
    ['no Upgrade header', (key: string) => switching(`Connection: Upgrade\r\nSec-WebSocket-Accept: ${acceptFor(key)}`), 'No "Upgrade: websocket" header'],
    ['another protocol, and no Connection either (Upgrade is judged first)', () => switching('Upgrade: h2c'), 'No "Upgrade: websocket" header'],
    ['no Sec-WebSocket-Accept', () => switching('Upgrade: websocket\r\nConnection: Upgrade'), 'Missing Sec-WebSocket-Accept header'],
    ['the Sec-WebSocket-Accept of another key', () => switching(`Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptFor('dGhlIHNhbXBsZSBub25jZQ==')}`), 'Key mismatch in "Sec-WebSocket-Accept" header'],
    [
      'a subprotocol nobody asked for',
      (key: string) => switching(`Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptFor(key)}\r\nSec-WebSocket-Protocol: chat`),
      'SubProtocol error: Server sent a subprotocol but none was requested',
    ],
  ])('fails %s', async (_what, answer, message) => {
    const served = await server(answer, { end: false });
    const closed = served.nextClose();
    const error = await upgrade(served).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpgradeHandshakeError);
    expect((error as UpgradeHandshakeError).message).toBe(message);
    expect((error as UpgradeHandshakeError).head.status).toBe(101);
    expect(classify(error, 'ws-upgrade')).toMatchObject({ code: 'WS_HANDSHAKE_INVALID', stage: 'ws-upgrade' });
    // Even when the server keeps the connection open, the doctor closes it.
    await closed;
  });

  // Each answer below was given to Codex 0.169.0 (which offers permessage-deflate) and its verdict noted.
  const withExtensions = (value: string) => (key: string) =>
    switching(`Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptFor(key)}\r\nSec-WebSocket-Extensions: ${value}`);

  it.each([
    'permessage-deflate',
    'permessage-deflate; client_max_window_bits',
    'permessage-deflate; client_max_window_bits=9',
    'permessage-deflate; server_no_context_takeover; client_no_context_takeover',
    'permessage-deflate;server_max_window_bits = 09',
    'permessage-deflate; server_max_window_bits=15;',
    ', permessage-deflate',
  ])('accepts the extension agreement %j, as Codex does', async (value) => {
    expect(await upgrade(await server(withExtensions(value)))).toMatchObject({ kind: 'upgraded' });
  });

  it.each([
    ['x-unknown', 'Extension header had invalid extension: x-unknown'],
    ['PERMESSAGE-DEFLATE', 'Extension header had invalid extension: PERMESSAGE-DEFLATE'],
    ['permessage-deflate , x-foo', 'Extension header had invalid extension: x-foo'],
    ['permessage-deflate, permessage-deflate', 'Extension negotiation response had conflicting extension: permessage-deflate'],
    ['permessage-deflate; bogus=1', 'Extension negotiation response had malformed extension: permessage-deflate'],
    ['permessage-deflate; server_max_window_bits', 'Extension negotiation response had malformed extension: permessage-deflate'],
    ['permessage-deflate; server_max_window_bits=16', 'Extension negotiation response had malformed extension: permessage-deflate'],
    ['permessage-deflate; client_max_window_bits="10"', 'Extension negotiation response had malformed extension: permessage-deflate'],
    ['permessage-deflate; server_no_context_takeover=1', 'Extension negotiation response had malformed extension: permessage-deflate'],
    ['permessage-deflate; client_max_window_bits; client_max_window_bits=10', 'Extension negotiation response had malformed extension: permessage-deflate'],
    ['permessage-deflate; server_max_window_bits=8; bogus', 'Extension negotiation response had malformed extension: permessage-deflate'],
    ['permessage-deflate; client_max_window_bits=8', 'Extension header had invalid extension: permessage-deflate: Unsupported client_max_window_bits value'],
    ['permessage-deflate; client_max_window_bits=8; server_max_window_bits=8', 'Extension header had invalid extension: permessage-deflate: Unsupported server_max_window_bits value'],
  ])('fails the extension agreement %j as Codex does', async (value, why) => {
    const error = await upgrade(await server(withExtensions(value))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpgradeHandshakeError);
    expect((error as Error).message).toBe(`Invalid "Sec-WebSocket-Extensions" header: ${why}`);
  });

  it('repeats at most 60 characters of an extension name the server chose', async () => {
    const error = await upgrade(await server(withExtensions(`x-${'a'.repeat(500)}`))).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`Invalid "Sec-WebSocket-Extensions" header: Extension header had invalid extension: x-${'a'.repeat(58)}...`);
  });

  it('takes header names and the Upgrade and Connection values in any case', async () => {
    const served = await server((key) => switching(`UPGRADE: WebSocket\r\nconnection: UPGRADE\r\nsec-websocket-accept: ${acceptFor(key)}`));
    expect(await upgrade(served)).toMatchObject({ kind: 'upgraded', head: { status: 101, headers: { upgrade: ['WebSocket'] } } });
  });
});

describe('upgradeWebSocket: any other answer', () => {
  const page = `<html><title>Blocked by policy</title>${'x'.repeat(10_000)}</html>`;

  it.each([
    ['with Content-Length', `HTTP/1.1 403 Forbidden\r\nServer: Zscaler\r\nContent-Type: text/html\r\nContent-Length: ${page.length}\r\n\r\n${page}`],
    ['ended by the close', `HTTP/1.1 403 Forbidden\r\nServer: Zscaler\r\nContent-Type: text/html\r\n\r\n${page}`],
    ['chunked', `HTTP/1.1 403 Forbidden\r\nServer: Zscaler\r\nTransfer-Encoding: chunked\r\n\r\n${page.length.toString(16)}\r\n${page}\r\n0\r\n\r\n`],
  ])('keeps a block page (%s): its head and its first 4 KiB', async (_what, answer) => {
    const outcome = await upgrade(await server(() => answer));
    expect(outcome.kind).toBe('response');
    expect(outcome.head).toMatchObject({ status: 403, reason: 'Forbidden', headers: { server: ['Zscaler'] } });
    const body = outcome.kind === 'response' ? outcome.body : '';
    expect(body).toHaveLength(4096);
    expect(body.startsWith('<html><title>Blocked by policy</title>xxx')).toBe(true);
  });

  it('keeps a short body whole', async () => {
    const outcome = await upgrade(await server(() => 'HTTP/1.1 426 Upgrade Required\r\nContent-Length: 2\r\n\r\nno'));
    expect(outcome).toEqual({ kind: 'response', head: expect.objectContaining({ status: 426, reason: 'Upgrade Required' }), body: 'no' });
  });

  it("rejects with Node's ECONNRESET when the connection closes without an answer (WS_CLOSED)", async () => {
    const error = await upgrade(await server(() => null)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect(classify(error, 'ws-upgrade')).toMatchObject({ code: 'WS_CLOSED', stage: 'ws-upgrade' });
  });

  it('ends when the signal aborts, and closes the connection', async () => {
    let headIn: () => void = () => {};
    const requested = new Promise<void>((resolve) => (headIn = resolve));
    const served = await server(() => '', { end: false, onHead: () => headIn() });
    const closed = served.nextClose();
    const controller = new AbortController();
    const pending = upgradeWebSocket({ socket: await verifiedTo(served.port), url: URL_, headers: BETA, signal: controller.signal });
    // Once the request is in, the server says nothing: only the signal ends the wait.
    await requested;
    controller.abort(new Error('deadline'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'deadline' });
    await closed;
  });
});
