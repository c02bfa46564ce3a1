// A TLS handshake that captures what the server (or the proxy re-signing for it) presents: the whole
// chain, protocol, cipher, ALPN, and OpenSSL's own verdict through Node. It does NOT reject a bad chain,
// because the doctor must see that chain to explain it; it therefore sends no application data at all and
// closes the connection as soon as the handshake is done. Verification happens afterwards, on the copy.
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import { abortable } from './wait.js';

export interface TlsCaptureRequest {
  /** A connected socket: TCP to the host, or a CONNECT tunnel to it. */
  socket: Duplex;
  /** The host name for SNI and for the hostname check. */
  servername: string;
  /** PEM roots for OpenSSL's verdict (the transport's trust set); the capture itself accepts anything. */
  ca: readonly string[];
  /** ALPN offered, e.g. ['h2', 'http/1.1'] as reqwest does. */
  alpn?: readonly string[];
  signal: AbortSignal;
}

export interface TlsCapture {
  /** The chain as presented, leaf first (Node orders it issuer by issuer; certificates that do not chain are left out). */
  chain: X509Certificate[];
  protocol: string | null;
  cipher: { name: string; standardName: string; version: string } | null;
  /** The negotiated ALPN protocol, or null when none was agreed. */
  alpn: string | null;
  /**
   * OpenSSL's verification through Node against `ca`, hostname check included; null where it was not asked
   * (network.ts captureChain: a chain rustls accepts).
   */
  node: { authorized: boolean; error: string | null } | null;
}

/** OpenSSL rules without Node's security level, which would refuse SHA-1 and RSA-1024 chains that OpenSSL-based clients accept. */
const PROBE_CIPHERS = 'DEFAULT:@SECLEVEL=0';
const contexts = new WeakMap<readonly string[], tls.SecureContext>();

/**
 * The client context for a list of PEM roots, built once per list: building one parses every root (a trust set
 * of a few hundred takes tens of ms), and a run's probes reuse the same trust sets. An empty list gives OpenSSL
 * no roots at all, for a connection whose chain the caller verifies itself.
 */
export function rootsContext(ca: readonly string[]): tls.SecureContext {
  let context = contexts.get(ca);
  if (!context) {
    context = tls.createSecureContext({ ca: [...ca], ciphers: PROBE_CIPHERS });
    contexts.set(ca, context);
  }
  return context;
}

export function captureTls(request: TlsCaptureRequest): Promise<TlsCapture> {
  return captureKeeping(request, () => false).then(({ capture }) => capture);
}

/** Node's option for an ALPN offer: an empty list offers no ALPN extension at all. */
export function alpnOffer(alpn: readonly string[] | undefined): { ALPNProtocols?: string[] } {
  return alpn && alpn.length > 0 ? { ALPNProtocols: [...alpn] } : {};
}

/**
 * A capture whose connection stays open when `keep` says so at the end of the handshake (nothing has been written
 * on it yet): verified-tls.ts keeps it when the caller's verifier accepts the chain, for the request itself.
 */
export function captureKeeping(request: TlsCaptureRequest, keep: (capture: TlsCapture) => boolean): Promise<{ capture: TlsCapture; socket: tls.TLSSocket | null }> {
  const { socket, servername, ca, alpn, signal } = request;
  return abortable<{ capture: TlsCapture; socket: tls.TLSSocket | null }>(signal, (resolve, reject) => {
    let kept = false;
    const tlsSocket = tls.connect({
      socket,
      // SNI never carries an IP address.
      ...(net.isIP(servername) === 0 && { servername }),
      // checkServerIdentity still runs with rejectUnauthorized false: its result lands in authorizationError.
      host: servername,
      // OpenSSL's verdict with these roots (rustls' stricter rules are applied to the captured chain separately).
      secureContext: rootsContext(ca),
      rejectUnauthorized: false,
      ...alpnOffer(alpn),
    });
    tlsSocket.once('secureConnect', () => {
      const cipher = tlsSocket.getCipher();
      const capture: TlsCapture = {
        chain: presentedChain(tlsSocket),
        protocol: tlsSocket.getProtocol(),
        cipher: cipher ? { name: cipher.name, standardName: cipher.standardName, version: cipher.version } : null,
        alpn: typeof tlsSocket.alpnProtocol === 'string' ? tlsSocket.alpnProtocol : null,
        node: { authorized: tlsSocket.authorized, error: errorCode(tlsSocket.authorizationError) },
      };
      // keep() runs the caller's verifier inside this event: a bug there must fail the probe (a crashed check), not the process.
      try {
        kept = keep(capture);
      } catch (error) {
        reject(error);
        return;
      }
      resolve({ capture, socket: kept ? tlsSocket : null });
    });
    tlsSocket.once('error', reject);
    return () => {
      tlsSocket.off('error', reject);
      if (kept) return;
      tlsSocket.on('error', () => {});
      tlsSocket.destroy();
      socket.destroy();
    };
  });
}

/** Walks issuerCertificate of the peer's X509Certificate: only what the peer sent, never the local store. */
export function presentedChain(socket: tls.TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let cert: X509Certificate | undefined = socket.getPeerX509Certificate();
  while (cert && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(cert);
    cert = cert.issuerCertificate;
  }
  return chain;
}

function errorCode(error: Error | string | null | undefined): string | null {
  if (error === null || error === undefined) return null;
  if (typeof error === 'string') return error;
  return (error as NodeJS.ErrnoException).code ?? error.message;
}
