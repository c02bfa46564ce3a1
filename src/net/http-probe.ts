// An HTTP/1.1 request over a TLS connection verified as Codex would verify it (OpenSSL with its roots, or the
// webpki emulation for rustls transports).
// The TLS connection is opened first (its own stage), so a failure says whether TLS or HTTP broke.
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import { CertificateRejectedError, ChainRejectedError, type HttpHead } from './errors.js';
import { presentedChain, rootsContext } from './tls-probe.js';
import { abortable } from './wait.js';

const MAX_BODY_BYTES = 16 * 1024;

/**
 * Who decides whether the chain is trusted: OpenSSL through Node with these roots (what Codex's HTTPS does
 * without rustls), or the caller's own verifier (the webpki emulation, for rustls transports), which runs on
 * the presented chain before a single byte of application data is written.
 */
export type ChainVerifier =
  | { kind: 'openssl'; ca: readonly string[] }
  | { kind: 'custom'; check(chain: X509Certificate[], protocol: string | null): { code: string; message: string } | null };

export interface VerifiedTlsRequest {
  socket: Duplex;
  servername: string;
  verifier: ChainVerifier;
  alpn?: readonly string[];
  signal: AbortSignal;
}

const verifiedSockets = new WeakSet<tls.TLSSocket>();
const NO_ROOTS: readonly string[] = [];

/** Whether the connection came out of verifiedTls(): the only sockets requests are sent over. */
export function isVerified(socket: tls.TLSSocket): boolean {
  return verifiedSockets.has(socket);
}

/** A TLS connection whose chain and name passed the verifier; rejects with Node's error, a CertificateRejectedError or a ChainRejectedError. */
export function verifiedTls(request: VerifiedTlsRequest): Promise<tls.TLSSocket> {
  const { socket, servername, verifier, alpn, signal } = request;
  return abortable<tls.TLSSocket>(signal, (resolve, reject) => {
    let connected = false;
    const tlsSocket = tls.connect({
      socket,
      ...(net.isIP(servername) === 0 && { servername }),
      host: servername,
      // The same OpenSSL rules as the capture in tls-probe (no security-level limits); rustls' rules are the
      // custom verifier's, which needs no roots in OpenSSL.
      // OpenSSL's verdict is read at secureConnect (before any byte is written) rather than enforced by Node,
      // whose error would not keep the chain that was presented.
      secureContext: rootsContext(verifier.kind === 'openssl' ? verifier.ca : NO_ROOTS),
      rejectUnauthorized: false,
      ALPNProtocols: [...(alpn ?? ['http/1.1'])],
    });
    const onSecure = (): void => {
      if (verifier.kind === 'openssl' && !tlsSocket.authorized) {
        const code = tlsSocket.authorizationError;
        reject(new CertificateRejectedError(typeof code === 'string' ? code : ((code as NodeJS.ErrnoException | undefined)?.code ?? 'CERT_REJECTED'), presentedChain(tlsSocket)));
        return;
      }
      if (verifier.kind === 'custom') {
        const refused = verifier.check(presentedChain(tlsSocket), tlsSocket.getProtocol());
        if (refused) {
          reject(new ChainRejectedError(refused.code, refused.message));
          return;
        }
      }
      connected = true;
      verifiedSockets.add(tlsSocket);
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
  if (!isVerified(socket)) throw new Error('refusing to send a request over an unverified TLS connection');
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
