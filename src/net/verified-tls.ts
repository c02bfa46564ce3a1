// A TLS connection verified as Codex would verify it (OpenSSL with its roots, or the webpki emulation for
// rustls transports) before a single byte of application data is written: the only kind of connection the
// token request (undici, http-request.ts) and the WebSocket upgrade (undici, ws-probe.ts) are ever sent over.
// It is opened as its own stage, so a failure says whether TLS or HTTP broke.
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import { CertificateRejectedError, ChainRejectedError } from './errors.js';
import { alpnOffer, captureKeeping, presentedChain, rootsContext, type TlsCapture, type TlsCaptureRequest } from './tls-probe.js';
import { abortable } from './wait.js';

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
      ...alpnOffer(alpn ?? ['http/1.1']),
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

/**
 * One handshake for both: the chain as presented (a capture, whatever the verdict), whether the caller's own verifier
 * (the webpki emulation) accepts that chain, and, when it does and `keep` asks for it, the connection itself, kept
 * open with nothing written for the request.
 */
export async function captureVerified(
  request: TlsCaptureRequest,
  verifier: Extract<ChainVerifier, { kind: 'custom' }>,
  keep = true,
): Promise<{ capture: TlsCapture; socket: tls.TLSSocket | null; accepted: boolean }> {
  let accepted = false;
  const result = await captureKeeping(request, (capture) => {
    accepted = verifier.check(capture.chain, capture.protocol) === null;
    return accepted && keep;
  });
  if (result.socket) {
    // Later errors are seen by whoever uses the connection next (it also watches 'close').
    result.socket.on('error', () => {});
    verifiedSockets.add(result.socket);
  }
  return { ...result, accepted };
}
