// Plain node:net / node:tls / ws clients for the lab tests: deliberately independent of src/net so that the
// lab is proven by code that does not share its assumptions.

import { once } from 'node:events';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import WebSocket from 'ws';

export const LAB_CLIENT_CIPHERS = 'DEFAULT:@SECLEVEL=0';

export interface ProxyAnswer {
  status: number;
  headers: Record<string, string[]>;
  body: string;
  socket: Socket;
}

/** Sends a CONNECT and reads the head (and a Content-Length body) of the answer; the socket stays open after a 200. */
export async function sendConnect(
  proxy: Socket | TLSSocket,
  target: string,
  headers: Record<string, string> = {},
): Promise<ProxyAnswer> {
  const head = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  proxy.write(`${head.join('\r\n')}\r\n\r\n`);
  let buffer = Buffer.alloc(0);
  return new Promise<ProxyAnswer>((resolve, reject) => {
    const finish = (answer: ProxyAnswer): void => {
      proxy.off('data', onData);
      proxy.off('end', onEnd);
      proxy.off('error', reject);
      proxy.pause();
      resolve(answer);
    };
    const tryParse = (ended: boolean): void => {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        if (ended) reject(new Error(`proxy closed without an answer (${buffer.length} bytes)`));
        return;
      }
      const [statusLine = '', ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
      const parsed: Record<string, string[]> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        (parsed[name] ??= []).push(line.slice(colon + 1).trim());
      }
      const status = Number(statusLine.split(' ')[1]);
      const body = buffer.subarray(end + 4);
      const length = Number(parsed['content-length']?.[0] ?? 0);
      if (body.length < length && !ended) return;
      finish({ status, headers: parsed, body: body.toString('utf8'), socket: proxy as Socket });
    };
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk]);
      tryParse(false);
    };
    const onEnd = (): void => tryParse(true);
    proxy.on('data', onData);
    proxy.once('end', onEnd);
    proxy.once('error', reject);
  });
}

export async function dial(port: number): Promise<Socket> {
  const socket = netConnect(port, '127.0.0.1');
  await once(socket, 'connect');
  return socket;
}

/** TLS over an existing socket (a tunnel) or straight to a loopback port. Resolves once the handshake ends. */
export async function handshake(options: ConnectionOptions & { servername: string }): Promise<TLSSocket> {
  const socket = tlsConnect({ host: '127.0.0.1', ciphers: LAB_CLIENT_CIPHERS, ALPNProtocols: ['http/1.1'], ...options });
  await once(socket, 'secureConnect');
  return socket;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTP/1.1 request over an established (TLS) socket. */
export async function requestOver(
  socket: TLSSocket,
  host: string,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const request = httpRequest({
    method,
    path,
    headers: { Host: host, ...(body === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }), ...headers },
    createConnection: () => socket,
  });
  request.end(body);
  const [response] = (await once(request, 'response')) as [IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') };
}

export type UpgradeAnswer =
  | { kind: 'open'; socket: WebSocket }
  | { kind: 'response'; status: number; headers: IncomingHttpHeaders; body: string }
  | { kind: 'error'; message: string };

/** A WebSocket handshake over an established TLS socket, with Codex's OpenAI-Beta header. */
export async function upgradeOver(socket: TLSSocket, url: string): Promise<UpgradeAnswer> {
  const client = new WebSocket(url, {
    headers: { 'OpenAI-Beta': 'responses_websockets=2026-02-06' },
    createConnection: () => socket,
  });
  return new Promise<UpgradeAnswer>((resolve) => {
    client.once('open', () => resolve({ kind: 'open', socket: client }));
    client.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => {
        resolve({ kind: 'response', status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
        client.terminate();
      });
    });
    client.once('error', (error) => resolve({ kind: 'error', message: error.message }));
  });
}

/** Resolves with the first bytes the socket receives, or with null if it closes without any. */
export function firstBytesOrClose(socket: Socket): Promise<Buffer | null> {
  return new Promise((resolve) => {
    socket.once('data', (chunk: Buffer) => resolve(chunk));
    socket.once('close', () => resolve(null));
    socket.on('error', () => {});
  });
}
