// An HTTP CONNECT tunnel through a proxy, sent and parsed by undici (undici-socket.ts), exposing what the proxy
// answered: status line, headers (Proxy-Authenticate schemes for a 407) and the start of the body (a block page
// for a 403).
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import type { HostPort } from './dial.js';
import { bareHost } from './dial.js';
import { ConnectionGoneError, ProxyClosedError, ProxyHeadTooLargeError, ProxyProtocolError, ProxyResponseError, type HttpHead } from './errors.js';
import { headerLists } from './header-lists.js';
import { isVerified } from './verified-tls.js';
import { abortable } from './wait.js';

const MAX_HEAD_BYTES = 64 * 1024;
/** The answer's start kept for its status line; llhttp sets no limit on that line, so this is its limit. */
const MAX_STATUS_LINE = 8 * 1024;
/** Enough of a block page to name it; the rest is not evidence. */
const MAX_BODY_BYTES = 4096;

export interface TunnelRequest {
  /** A connected socket to the proxy (plain TCP, or TLS for an https:// proxy). */
  socket: Duplex;
  target: HostPort;
  /** The Proxy-Authorization value, when the proxy URL carries credentials. */
  authorization?: string;
  signal: AbortSignal;
}

export interface Tunnel {
  /** The same socket, now a byte pipe to the target. */
  socket: Duplex;
  head: HttpHead;
}

export interface ProxyCredentials {
  username: string;
  /** A secret: never put it in a finding. */
  password: string;
}

/**
 * `user:pass@` in a raw proxy value (with or without scheme), percent-decoded as Codex's clients do.
 * `split` is where the client ends the userinfo when it holds an unencoded `@`: Codex's HTTPS client
 * (hyper-util parse_env_uri) cuts at the first `@`, its WebSocket client (http::Uri) at the last.
 */
export function proxyCredentials(rawProxyValue: string, split: 'first-at' | 'last-at' = 'last-at'): ProxyCredentials | undefined {
  const afterScheme = rawProxyValue.includes('://') ? rawProxyValue.slice(rawProxyValue.indexOf('://') + 3) : rawProxyValue;
  const authorityEnd = afterScheme.search(/[/?#]/);
  const authority = authorityEnd === -1 ? afterScheme : afterScheme.slice(0, authorityEnd);
  const at = split === 'first-at' ? authority.indexOf('@') : authority.lastIndexOf('@');
  if (at === -1) return undefined;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  return {
    username: percentDecode(colon === -1 ? userinfo : userinfo.slice(0, colon)),
    password: colon === -1 ? '' : percentDecode(userinfo.slice(colon + 1)),
  };
}

/** The Basic Proxy-Authorization value Codex sends for these credentials. A credential itself. */
export function basicAuthorization(credentials: ProxyCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

/** Sends CONNECT and waits for the answer: resolves on 2xx, throws ProxyResponseError (or a close/protocol error) otherwise. */
export async function openTunnel(request: TunnelRequest): Promise<Tunnel> {
  const { socket, target, authorization, signal } = request;
  // An https:// proxy is spoken to only once its own certificate verified (the credentials go in CONNECT).
  if (socket instanceof TLSSocket && !isVerified(socket)) throw new Error('refusing to send CONNECT over an unverified TLS connection');
  const authority = authorityOf(target);
  // undici is loaded with the first CONNECT, once the proxy has accepted the connection: a direct run, and the
  // stages before it, never wait for it.
  const { clientOver } = await import('./undici-socket.js');

  return abortable<Tunnel>(signal, (resolve, reject) => {
    let granted = false;
    const client = clientOver(socket as Socket, `http://${authority}`, { allowH2: false, maxHeaderSize: MAX_HEAD_BYTES });
    const answer = new AnswerStart();
    // The first bytes of the answer as they are read: undici keeps neither the HTTP version nor (for CONNECT) the
    // reason phrase, and its parse errors do not say what the proxy sent.
    const tap = (chunk: Buffer): void => {
      answer.add(chunk);
      if (answer.statusLineTooLong()) reject(new ProxyHeadTooLargeError(answer.firstLine(), MAX_HEAD_BYTES));
    };
    client.once('connect', () => socket.on('data', tap));
    client.dispatch(
      {
        method: 'CONNECT',
        path: authority,
        headers: { host: authority, ...(authorization && { 'proxy-authorization': authorization }) },
      },
      {
        onConnect: () => {},
        onHeaders: () => true,
        onData: () => true,
        onComplete: () => {},
        onError: (error: Error) => reject(proxyError(error, answer)),
        // undici hands any answer to CONNECT over here, the socket with the bytes after the head unshifted.
        onUpgrade: (status: number, rawHeaders: Buffer[] | string[] | null, tunnel: Duplex) => {
          socket.off('data', tap);
          const head: HttpHead = { status, ...answer.statusLine(), headers: headerLists(rawHeaders ?? []) };
          if (status >= 200 && status < 300) {
            granted = true;
            // Handed over paused, ready for TLS; nothing has read the bytes that followed the head.
            tunnel.pause();
            resolve({ socket: tunnel, head });
            return;
          }
          refusalBody(tunnel, head).then((body) => reject(new ProxyResponseError(head, body, authorization !== undefined)), reject);
        },
      },
    );
    return () => {
      socket.off('data', tap);
      // The Client no longer owns a granted tunnel: destroying it closes nothing the caller holds.
      void client.destroy().catch(() => {});
      // A refused tunnel is finished.
      if (!granted) socket.destroy();
    };
  });
}

/** The first bytes of the proxy's answer, bounded: the status line, and what a non-HTTP answer started with. */
class AnswerStart {
  private bytes = Buffer.alloc(0);
  received = 0;

  add(chunk: Buffer): void {
    this.received += chunk.length;
    if (this.bytes.length < MAX_STATUS_LINE) this.bytes = Buffer.concat([this.bytes, chunk.subarray(0, MAX_STATUS_LINE - this.bytes.length)]);
  }

  statusLineTooLong(): boolean {
    return this.bytes.length >= MAX_STATUS_LINE && !this.bytes.includes('\r\n');
  }

  /** Version and reason phrase from the status line; undici has already checked that it is one. */
  statusLine(): Pick<HttpHead, 'reason' | 'version'> {
    const line = this.bytes.subarray(0, Math.max(0, this.bytes.indexOf('\r\n'))).toString('latin1');
    const match = /^HTTP\/(\d(?:\.\d)?) \d{3}(?: (.*))?$/.exec(line);
    return { reason: match?.[2] ?? '', ...(match && { version: match[1]! }) };
  }

  /** The first line, printable and bounded: it is all a user needs to recognise the answer. */
  firstLine(): string {
    const end = this.bytes.indexOf('\r\n');
    return printable(this.bytes.subarray(0, Math.min(end === -1 ? this.bytes.length : end, 80)));
  }

  firstBytes(): string {
    return printable(this.bytes.subarray(0, 16));
  }
}

/** undici's errors for what the proxy did, as the probe's own errors (classify() knows those). */
function proxyError(error: Error, answer: AnswerStart): Error {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return new ProxyHeadTooLargeError(answer.firstLine(), MAX_HEAD_BYTES);
  // llhttp's verdict (its code is often missing), or a 1xx / upgrade where a CONNECT answer belongs.
  if (error.name === 'HTTPParserError' || (code === 'UND_ERR_SOCKET' && /^bad (response|upgrade)$/.test(error.message))) return new ProxyProtocolError(answer.firstBytes());
  if (code === 'UND_ERR_SOCKET' || error instanceof ConnectionGoneError) return new ProxyClosedError(answer.received);
  return error;
}

/**
 * The start of a refused CONNECT's body (a block page). undici stops parsing at the head of any answer to CONNECT
 * and hands the connection over, so the body is read here: at most 4 KiB, ended by its own framing or the close.
 */
function refusalBody(tunnel: Duplex, head: HttpHead): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = Buffer.alloc(0);
    const finish = (): void => {
      tunnel.off('data', onData);
      tunnel.off('end', finish);
      tunnel.off('close', finish);
      tunnel.off('error', reject);
      resolve(bodyText(head, body));
    };
    const onData = (chunk: Buffer): void => {
      body = Buffer.concat([body, chunk.subarray(0, MAX_BODY_BYTES - body.length)]);
      if (bodyComplete(head, body)) finish();
    };
    tunnel.on('data', onData);
    tunnel.once('end', finish);
    tunnel.once('close', finish);
    tunnel.once('error', reject);
    if (bodyComplete(head, body)) finish();
  });
}

function authorityOf(target: HostPort): string {
  const host = bareHost(target.host);
  return host.includes(':') ? `[${host}]:${target.port}` : `${host}:${target.port}`;
}

/** Whether the whole (capped) body is in: by Content-Length, by the last chunk, or at the cap. */
function bodyComplete(head: HttpHead, body: Buffer): boolean {
  if (body.length >= MAX_BODY_BYTES) return true;
  const length = Number(head.headers['content-length']?.[0]);
  if (Number.isFinite(length)) return body.length >= length;
  if (isChunked(head)) return body.includes('\r\n0\r\n\r\n') || body.subarray(0, 5).toString('latin1') === '0\r\n\r\n';
  // Neither: the body ends when the proxy closes the connection.
  return false;
}

function bodyText(head: HttpHead, body: Buffer): string {
  const capped = body.subarray(0, MAX_BODY_BYTES);
  return (isChunked(head) ? dechunk(capped) : capped).toString('utf8');
}

function isChunked(head: HttpHead): boolean {
  return (head.headers['transfer-encoding'] ?? []).some((value) => /chunked/i.test(value));
}

/** Joins complete chunks; a truncated last chunk is kept as far as it goes. */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, Math.min(lineEnd + 2 + size, body.length)));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function printable(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[^\x20-\x7e]/g, '.');
}

function percentDecode(value: string): string {
  return Buffer.from(value.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8');
}
