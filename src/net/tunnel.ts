// An HTTP CONNECT tunnel through a proxy, exposing what the proxy answered: status line, headers
// (Proxy-Authenticate schemes for a 407) and the start of the body (a block page for a 403).
import type { Duplex } from 'node:stream';
import type { HostPort } from './dial.js';
import { bareHost } from './dial.js';
import { ProxyClosedError, ProxyHeadTooLargeError, ProxyProtocolError, ProxyResponseError, type HttpHead } from './errors.js';
import { abortable } from './wait.js';

const MAX_HEAD_BYTES = 64 * 1024;
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
export function openTunnel(request: TunnelRequest): Promise<Tunnel> {
  const { socket, target, authorization, signal } = request;
  const authority = authorityOf(target);
  const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
  if (authorization) lines.push(`Proxy-Authorization: ${authorization}`);
  lines.push('', '');

  return abortable<Tunnel>(signal, (resolve, reject) => {
    let buffered = Buffer.alloc(0);
    let head: HttpHead | undefined;
    let bodyStart = 0;

    const fail = (): void => {
      if (!head) return;
      const bodyBytes = buffered.subarray(bodyStart);
      reject(new ProxyResponseError(head, bodyText(head, bodyBytes), authorization !== undefined));
    };
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      if (!head) {
        if (buffered.length >= 5 && buffered.subarray(0, 5).toString('latin1') !== 'HTTP/') {
          reject(new ProxyProtocolError(printable(buffered.subarray(0, 16))));
          return;
        }
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) {
          if (buffered.length > MAX_HEAD_BYTES) reject(new ProxyHeadTooLargeError(statusLineOf(buffered), MAX_HEAD_BYTES));
          return;
        }
        const parsed = parseHead(buffered.subarray(0, end).toString('latin1'));
        if (!parsed) {
          reject(new ProxyProtocolError(printable(buffered.subarray(0, 16))));
          return;
        }
        head = parsed;
        bodyStart = end + 4;
        if (head.status >= 200 && head.status < 300) {
          const rest = buffered.subarray(bodyStart);
          // resolve() first: its cleanup detaches this listener and pauses the socket, so the bytes that
          // followed the head stay queued for whoever reads the tunnel next (unshift would re-emit them here).
          resolve({ socket, head });
          if (rest.length > 0) socket.unshift(rest);
          return;
        }
      }
      if (bodyComplete(head, buffered.subarray(bodyStart))) fail();
    };
    const onEnd = (): void => (head ? fail() : reject(new ProxyClosedError(buffered.length)));

    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
    socket.write(lines.join('\r\n'));
    return () => {
      socket.off('data', onData);
      socket.off('error', reject);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      // A refused tunnel is finished; a granted one is handed over paused, ready for TLS.
      if (!head || head.status < 200 || head.status >= 300) socket.destroy();
      else socket.pause();
    };
  });
}

/** Parses a status line and headers; undefined when it is not an HTTP response head. */
export function parseHead(text: string): HttpHead | undefined {
  const [statusLine = '', ...headerLines] = text.split('\r\n');
  const match = /^HTTP\/(\d(?:\.\d)?) (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!match) return undefined;
  const headers: Record<string, string[]> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  return { status: Number(match[2]), reason: match[3] ?? '', headers, version: match[1]! };
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

/** The first line of an answer, printable and bounded: it is all a user needs to recognise the answer. */
function statusLineOf(bytes: Buffer): string {
  const end = bytes.indexOf('\r\n');
  return printable(bytes.subarray(0, Math.min(end === -1 ? bytes.length : end, 80)));
}

function printable(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[^\x20-\x7e]/g, '.');
}

function percentDecode(value: string): string {
  return Buffer.from(value.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8');
}
