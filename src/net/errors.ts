// The raw errors the probes throw for what Node's own errors cannot express. classify() turns each of
// these, and every Node error, into a catalogue code; the probes never judge.
import type { X509Certificate } from 'node:crypto';
import type { ProxyAnswer, RawCause } from '../core/types.js';

/** What a proxy answered to CONNECT (or, for the probes over a tunnel, to a request): status, headers, a body snippet. */
export interface HttpHead {
  status: number;
  reason: string;
  /** Lower-cased names; repeated headers keep every value. */
  headers: Record<string, string[]>;
  /** The HTTP version of the status line (`1.1`), when it was read from the wire. */
  version?: string;
}

/** A header value kept as evidence: one line, at most this long (a proxy controls it). */
const MAX_EVIDENCE_HEADER = 200;
/** Proxy-Authenticate challenges kept (Negotiate, NTLM, Basic, Digest: four is every real proxy). */
const MAX_CHALLENGES = 4;

/** The parts of a proxy's answer a proxy team needs: status line, Server, Via and the login challenges. */
export function proxyAnswerOf(head: HttpHead): ProxyAnswer {
  const one = (value: string): string => {
    const flat = value.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
    return flat.length > MAX_EVIDENCE_HEADER ? `${flat.slice(0, MAX_EVIDENCE_HEADER)}...` : flat;
  };
  const first = (name: string): string | undefined => {
    const value = head.headers[name]?.[0];
    return value === undefined ? undefined : one(value);
  };
  const challenges = (head.headers['proxy-authenticate'] ?? []).slice(0, MAX_CHALLENGES).map(one);
  const server = first('server');
  const via = first('via');
  return {
    statusLine: one(`HTTP/${head.version ?? '1.1'} ${head.status} ${head.reason}`),
    ...(server !== undefined && { server }),
    ...(challenges.length > 0 && { proxyAuthenticate: challenges }),
    ...(via !== undefined && { via }),
  };
}

/**
 * The cause of a failure that is an answer inside TLS (a block page served in the tunnel, a challenge, an origin
 * that is not OpenAI): its status line and headers, bounded as a proxy's are.
 */
export function httpAnswerCause(head: HttpHead, protocol: 'h2' | 'http/1.1' = 'http/1.1'): RawCause {
  const httpAnswer = proxyAnswerOf({ ...head, version: head.version ?? (protocol === 'h2' ? '2' : '1.1') });
  return { name: 'HttpAnswer', message: httpAnswer.statusLine, httpAnswer };
}

/** Real proxies offer two or three schemes; a flood of challenges is not evidence. */
const MAX_SCHEMES = 8;
const MAX_SCHEME_LENGTH = 40;

/** The proxy answered CONNECT with a non-2xx status. */
export class ProxyResponseError extends Error {
  override readonly name = 'ProxyResponseError';
  constructor(
    readonly head: HttpHead,
    /** The first bytes of the body as text (a block page, an error), possibly empty. */
    readonly body: string,
    /** Whether a Proxy-Authorization header was sent (credentials from the proxy URL). */
    readonly credentialsSent: boolean,
  ) {
    super(`proxy answered CONNECT with ${head.status} ${head.reason}`.trim());
  }

  /** The distinct schemes offered in Proxy-Authenticate, e.g. ['Basic', 'Negotiate'] (a few, each bounded). */
  get authSchemes(): string[] {
    const schemes = new Map<string, string>();
    for (const value of this.head.headers['proxy-authenticate'] ?? []) {
      const scheme = (value.trim().split(/\s+/)[0] ?? '').slice(0, MAX_SCHEME_LENGTH);
      if (scheme !== '' && !schemes.has(scheme.toLowerCase())) schemes.set(scheme.toLowerCase(), scheme);
      if (schemes.size === MAX_SCHEMES) break;
    }
    return [...schemes.values()];
  }
}

/** The proxy closed the connection before a complete answer to CONNECT. */
export class ProxyClosedError extends Error {
  override readonly name = 'ProxyClosedError';
  constructor(readonly received: number) {
    super(received === 0 ? 'proxy closed the connection without answering CONNECT' : 'proxy closed the connection in the middle of its answer');
  }
}

/**
 * undici asked for a second connection: the one the doctor handed it closed before the request was answered
 * (undici retries a request it had not finished writing), and the doctor never dials on undici's behalf.
 */
export class ConnectionGoneError extends Error {
  override readonly name = 'ConnectionGoneError';
  constructor() {
    super('the connection closed before the request was answered');
  }
}

/** The proxy's answer to CONNECT starts as HTTP but its header block never ends (cut at `limit` bytes). */
export class ProxyHeadTooLargeError extends Error {
  override readonly name = 'ProxyHeadTooLargeError';
  constructor(
    /** The status line, printable and bounded. */
    readonly statusLine: string,
    readonly limit: number,
  ) {
    super(`proxy answered CONNECT with more than ${limit} bytes of headers`);
  }
}

/** The proxy answered with bytes that are not an HTTP response. */
export class ProxyProtocolError extends Error {
  override readonly name = 'ProxyProtocolError';
  constructor(readonly firstBytes: string) {
    super(`proxy answered CONNECT with something that is not HTTP: ${JSON.stringify(firstBytes)}`);
  }
}

/** The proxy URL's scheme is one this transport cannot use (Codex's own message is kept). */
export class ProxySchemeError extends Error {
  override readonly name = 'ProxySchemeError';
  constructor(
    readonly scheme: string,
    readonly transport: 'https' | 'websocket',
    message: string,
  ) {
    super(message);
  }
}

/** A probe's own time budget ran out while it waited at `stage` (the run deadline is close). */
export class ProbeTimeoutError extends Error {
  override readonly name = 'ProbeTimeoutError';
  constructor(readonly afterMs: number) {
    super(`no answer within ${afterMs} ms`);
  }
}

/** The server answered an upgrade with 101 but not with a valid WebSocket handshake (Upgrade / Accept headers). */
export class UpgradeHandshakeError extends Error {
  override readonly name = 'UpgradeHandshakeError';
  constructor(
    /** The 101 as it came. */
    readonly head: HttpHead,
    /** What Codex's client (tungstenite) finds wrong, in its words ("No \"Connection: upgrade\" header"). */
    message: string,
  ) {
    super(message);
  }
}

/** The doctor's own verifier (webpki emulation) refused the chain before any application data was sent. */
export class ChainRejectedError extends Error {
  override readonly name = 'ChainRejectedError';
  constructor(
    /** The catalogue code of the first problem (TLS_UNKNOWN_ISSUER, TLS_BAD_SIGNATURE...). */
    readonly catalogueCode: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * OpenSSL (through Node) refused the chain of a connection verified with its roots. Unlike Node's own error,
 * it keeps the chain that was presented, so the doctor can show it; `code` is Node's verification code.
 */
export class CertificateRejectedError extends Error {
  override readonly name = 'CertificateRejectedError';
  constructor(
    readonly code: string,
    readonly chain: X509Certificate[],
  ) {
    super(`certificate verification failed (${code})`);
  }
}

/** An https:// proxy's own certificate did not verify: nothing was sent to it, not even CONNECT. */
export class ProxyCertificateError extends Error {
  override readonly name = 'ProxyCertificateError';
  constructor(
    /** `host:port` of the proxy. */
    readonly proxy: string,
    readonly rejected: CertificateRejectedError,
  ) {
    super(`the https:// proxy ${proxy} presented a certificate that does not verify (${rejected.code})`);
  }
}
