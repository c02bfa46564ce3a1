// An HTTP/1.1 request over a TLS connection that Node verifies with the trust set Codex would use.
// The TLS connection is opened first (its own stage), so a failure says whether TLS or HTTP broke.
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { HttpHead } from './errors.js';
import { abortable } from './wait.js';

const MAX_BODY_BYTES = 16 * 1024;

export interface VerifiedTlsRequest {
  socket: Duplex;
  servername: string;
  /** The PEM roots Codex would trust for this transport; nothing else is trusted. */
  ca: readonly string[];
  alpn?: readonly string[];
  signal: AbortSignal;
}

/** A TLS connection that rejects an untrusted chain or a wrong name (Node's error, e.g. UNABLE_TO_GET_ISSUER_CERT_LOCALLY). */
export function verifiedTls(request: VerifiedTlsRequest): Promise<tls.TLSSocket> {
  const { socket, servername, ca, alpn, signal } = request;
  return abortable<tls.TLSSocket>(signal, (resolve, reject) => {
    let connected = false;
    const tlsSocket = tls.connect({
      socket,
      ...(net.isIP(servername) === 0 && { servername }),
      host: servername,
      ca: [...ca],
      rejectUnauthorized: true,
      ALPNProtocols: [...(alpn ?? ['http/1.1'])],
    });
    const onSecure = (): void => {
      connected = true;
      resolve(tlsSocket);
    };
    tlsSocket.once('secureConnect', onSecure);
    tlsSocket.once('error', reject);
    return () => {
      tlsSocket.off('secureConnect', onSecure);
      tlsSocket.off('error', reject);
      if (!connected) {
        tlsSocket.on('error', () => {});
        tlsSocket.destroy();
      }
    };
  });
}

export interface HttpRequest {
  /** A verified TLS socket from verifiedTls(); the request is only ever sent over one. */
  socket: tls.TLSSocket;
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export interface HttpResponse extends HttpHead {
  /** The body as text, at most 16 KiB. */
  body: string;
  truncated: boolean;
}

/** Sends one request and reads the response (body capped). Rejects with Node's error when the connection breaks. */
export function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const { socket, method, url, headers, body, signal } = request;
  if (!socket.authorized) throw new Error('refusing to send a request over an unverified TLS connection');
  return abortable<HttpResponse>(signal, (resolve, reject) => {
    const req = http.request({
      method,
      host: url.hostname,
      path: `${url.pathname}${url.search}`,
      headers: {
        host: url.host,
        ...headers,
        ...(body !== undefined && { 'content-length': String(Buffer.byteLength(body)) }),
      },
      createConnection: () => socket,
    });
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const done = (): void =>
        resolve({
          status: res.statusCode ?? 0,
          reason: res.statusMessage ?? '',
          headers: headersOf(res.rawHeaders),
          body: Buffer.concat(chunks).toString('utf8'),
          truncated,
        });
      res.on('data', (chunk: Buffer) => {
        if (size >= MAX_BODY_BYTES) {
          truncated = true;
          res.destroy();
          done();
          return;
        }
        chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size));
        size += chunk.length;
      });
      res.once('end', done);
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
    return () => {
      req.destroy();
      socket.destroy();
    };
  });
}

export function headersOf(raw: readonly string[]): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) (headers[raw[i]!.toLowerCase()] ??= []).push(raw[i + 1]!);
  return headers;
}
