// A WebSocket upgrade (the `ws` package) over a TLS connection already verified as Codex's WebSocket
// verifies (rustls rules, WebSocket trust set). Only the opening handshake happens: no message is sent, and the socket is closed.
import type tls from 'node:tls';
import WebSocket from 'ws';
import { UpgradeHandshakeError, type HttpHead } from './errors.js';
import { headerLists } from './header-lists.js';
import { isVerified } from './verified-tls.js';
import { withoutUserinfo } from '../core/redact.js';
import { abortable } from './wait.js';

const MAX_BODY_BYTES = 4096;

export interface UpgradeRequest {
  /** A verified TLS socket from verifiedTls(). */
  socket: tls.TLSSocket;
  url: URL;
  headers: Record<string, string>;
  signal: AbortSignal;
}

export type UpgradeOutcome =
  /** 101 with a valid handshake. */
  | { kind: 'upgraded'; head: HttpHead }
  /** Any other HTTP answer, with the start of its body. */
  | { kind: 'response'; head: HttpHead; body: string };

/** Rejects with Node's socket error when the connection closes without an answer, UpgradeHandshakeError for a bad 101. */
export function upgradeWebSocket(request: UpgradeRequest): Promise<UpgradeOutcome> {
  const { socket, url, headers, signal } = request;
  if (!isVerified(socket)) throw new Error('refusing to upgrade over an unverified TLS connection');
  return abortable<UpgradeOutcome>(signal, (resolve, reject) => {
    let upgradeHead: HttpHead | undefined;
    // `ws` turns a URL's user:password into Authorization: Basic; the doctor never sends a credential.
    const ws = new WebSocket(withoutUserinfo(url), {
      headers,
      perMessageDeflate: false,
      followRedirects: false,
      createConnection: () => socket,
    });
    ws.on('upgrade', (res) => {
      upgradeHead = { status: res.statusCode ?? 101, reason: res.statusMessage ?? '', headers: headerLists(res.rawHeaders) };
    });
    ws.once('open', () => resolve({ kind: 'upgraded', head: upgradeHead ?? { status: 101, reason: '', headers: {} } }));
    ws.once('unexpected-response', (_req, res) => {
      const head: HttpHead = { status: res.statusCode ?? 0, reason: res.statusMessage ?? '', headers: headerLists(res.rawHeaders) };
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (): void => resolve({ kind: 'response', head, body: Buffer.concat(chunks).toString('utf8') });
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk.subarray(0, Math.max(0, MAX_BODY_BYTES - size)));
        size += chunk.length;
        if (size >= MAX_BODY_BYTES) done();
      });
      res.once('end', done);
      res.once('error', done);
    });
    ws.on('error', (error) => {
      // ws reports a bad 101 handshake with plain Errors, without a code ("Invalid Upgrade header", "Invalid
      // Sec-WebSocket-Accept header", "Server sent a subprotocol but none was requested"); socket errors carry one.
      const handshake = upgradeHead !== undefined && (error as NodeJS.ErrnoException).code === undefined;
      if (!handshake) return reject(error);
      // ws says "Invalid" for an absent Sec-WebSocket-Accept too; a user looks for the header either way.
      const absent = /Sec-WebSocket-Accept/.test(error.message) && upgradeHead!.headers['sec-websocket-accept'] === undefined;
      reject(new UpgradeHandshakeError(upgradeHead!, absent ? 'Missing Sec-WebSocket-Accept header' : error.message));
    });
    return () => {
      ws.removeAllListeners();
      ws.on('error', () => {});
      ws.terminate();
      socket.destroy();
    };
  });
}

