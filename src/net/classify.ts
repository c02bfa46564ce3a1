// The one place that turns a raw probe error into a catalogue code: Node socket and DNS errors, TLS alerts,
// certificate verification codes, proxy answers, timeouts and aborts. Hints are the checks' business.
import type { X509Certificate } from 'node:crypto';
import { codexPolicyText } from '../codex/codex-messages.js';
import { isErrorCode, type ErrorCode } from '../core/codes.js';
import type { RawCause, Stage } from '../core/types.js';
import { oneLine, subjectOf } from '../codex/webpki.js';
import {
  CertificateRejectedError,
  ChainRejectedError,
  ProbeTimeoutError,
  ProxyCertificateError,
  ProxyClosedError,
  ProxyHeadTooLargeError,
  ProxyProtocolError,
  ProxyResponseError,
  ProxySchemeError,
  UpgradeHandshakeError,
  proxyAnswerOf,
} from './errors.js';
import { DialRefusedError, InvalidHostNameError } from './dial.js';
import { SocksError } from './socks.js';

export interface Classified {
  code: ErrorCode;
  /** Where it happened; may differ from the stage passed in (a 407 is proxy-auth, a certificate code is tls-verify). */
  stage: Stage;
  /** One sentence for the user. */
  detail: string;
  cause: RawCause;
}

export interface ClassifyContext {
  /** The connection goes to a proxy first: connection errors before the tunnel are the proxy's. */
  proxied?: boolean;
  /** The token request: a TLS failure on its connection has its own code. */
  probe?: 'tls' | 'oauth' | 'ws';
}

/** Node/OpenSSL certificate verification codes -> the rustls-side code a user will look up. */
const CERTIFICATE_CODES: Record<string, ErrorCode> = {
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS_UNKNOWN_ISSUER',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS_UNKNOWN_ISSUER',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS_UNKNOWN_ISSUER',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS_UNKNOWN_ISSUER',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_UNKNOWN_ISSUER',
  CERT_HAS_EXPIRED: 'TLS_EXPIRED',
  CERT_NOT_YET_VALID: 'TLS_NOT_YET_VALID',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_NOT_VALID_FOR_NAME',
  HOSTNAME_MISMATCH: 'TLS_NOT_VALID_FOR_NAME',
  CA_MD_TOO_WEAK: 'TLS_BAD_SIGNATURE',
  CERT_SIGNATURE_FAILURE: 'TLS_BAD_SIGNATURE',
  CA_KEY_TOO_SMALL: 'TLS_WEAK_KEY',
  EE_KEY_TOO_SMALL: 'TLS_WEAK_KEY',
  INVALID_CA: 'TLS_ISSUER_NOT_CA',
  INVALID_PURPOSE: 'TLS_EKU_NO_SERVER_AUTH',
  CERT_REJECTED: 'TLS_VERIFY_FAILED',
  CERT_UNTRUSTED: 'TLS_UNKNOWN_ISSUER',
};

/** The catalogue code for a Node/OpenSSL verification code (authorizationError). */
export function certificateCode(nodeCode: string): ErrorCode {
  return CERTIFICATE_CODES[nodeCode] ?? 'TLS_VERIFY_FAILED';
}

export function isCertificateError(raw: unknown): boolean {
  const code = codeOf(raw);
  return code !== undefined && Object.hasOwn(CERTIFICATE_CODES, code);
}

const TLS_STAGES: readonly Stage[] = ['tls-handshake', 'tls-verify'];

/** The errors our probes throw for what the network did (src/net/errors.ts, socks.ts, dial.ts). */
const PROBE_ERRORS = [
  ProxyResponseError,
  ProxyCertificateError,
  CertificateRejectedError,
  ProxyClosedError,
  ProxyHeadTooLargeError,
  ProxyProtocolError,
  ProxySchemeError,
  ProbeTimeoutError,
  UpgradeHandshakeError,
  ChainRejectedError,
  SocksError,
  DialRefusedError,
  InvalidHostNameError,
] as const;

/** Errors JavaScript raises for broken code: never something the network did, even with a Node `code` (ERR_INVALID_ARG_TYPE). */
const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError] as const;

/**
 * Whether a probe met `raw` on the network: one of our probe errors, an abort, a Node system or TLS error
 * (with its `code`), or a bare Node/OpenSSL code. Anything else (a TypeError, an Error without a code) is a
 * bug of ours.
 */
export function isNetworkError(raw: unknown): boolean {
  if (typeof raw === 'string') return true;
  if (!(raw instanceof Error)) return false;
  if (PROBE_ERRORS.some((type) => raw instanceof type) || isAbort(raw)) return true;
  if (PROGRAMMING_ERRORS.some((type) => raw instanceof type)) return false;
  return codeOf(raw) !== undefined || classifyTlsError(raw, '', 'tls-handshake') !== undefined;
}

/**
 * The catalogue code for what the network did. Throws `raw` back when it is not a network error
 * (isNetworkError): a bug of ours must crash the check (RUN_CRASH, exit 3), not pass for a failed connection.
 */
export function classify(raw: unknown, stage: Stage, context: ClassifyContext = {}): Classified {
  if (!isNetworkError(raw)) throw raw;
  const cause = causeOf(raw);
  const result = (code: ErrorCode, detail: string, at: Stage = stage): Classified => ({ code, stage: at, detail, cause });

  if (raw instanceof ProxyResponseError) return classifyProxyAnswer(raw, cause);
  if (raw instanceof SocksError) return classifySocks(raw, cause);
  if (raw instanceof ProxyClosedError) return result('PROXY_CLOSED', `The proxy ${raw.message.replace(/^proxy /, '')}.`, 'proxy-connect');
  if (raw instanceof ProxyProtocolError) {
    return result('PROXY_NOT_HTTP', `The proxy answered CONNECT with bytes that are not HTTP (${raw.firstBytes}).`, 'proxy-connect');
  }
  if (raw instanceof ProxyCertificateError) return result('PROXY_TLS_UNTRUSTED', proxyCertificateDetail(raw), 'proxy-connect');
  if (raw instanceof ProxyHeadTooLargeError) {
    return result(
      'PROXY_HEADERS_TOO_LARGE',
      `The proxy answered CONNECT with "${raw.statusLine}" and then more than ${raw.limit / 1024} KB of headers without an end; the doctor stopped reading.`,
      'proxy-connect',
    );
  }
  if (raw instanceof InvalidHostNameError) {
    const what = context.proxied && stage === 'dns' ? 'The proxy host name' : 'The host name';
    return result(context.proxied && stage === 'dns' ? 'PROXY_UNREACHABLE' : 'NET_DNS_NOT_FOUND', `${what} is not a valid host name (${raw.message}): it cannot be looked up.`, 'dns');
  }
  if (raw instanceof ProxySchemeError) {
    return result('PROXY_SCHEME_UNSUPPORTED', `${raw.message} (the ${raw.transport === 'https' ? 'HTTPS' : 'WebSocket'} transport cannot use a ${raw.scheme} proxy).`, 'proxy-connect');
  }
  if (raw instanceof UpgradeHandshakeError) {
    const { status, reason } = raw.head;
    return result(
      'WS_HANDSHAKE_INVALID',
      `The upgrade got ${status}${reason ? ` ${reason}` : ''} but not a valid WebSocket handshake (${raw.message}): something on the path answered in the server's place, and Codex drops such a connection.`,
      'ws-upgrade',
    );
  }
  if (raw instanceof ChainRejectedError) {
    const code = isErrorCode(raw.catalogueCode) ? raw.catalogueCode : 'TLS_VERIFY_FAILED';
    if (context.probe === 'oauth') return result('OAUTH_TLS_FAILED', `The chain on the token request connection was refused: ${raw.message}`, 'tls-verify');
    return result(code, raw.message, 'tls-verify');
  }
  if (raw instanceof ProbeTimeoutError) return classifyTimeout(stage, context, cause, raw.afterMs);
  if (raw instanceof DialRefusedError) {
    return result('LAB_ROUTE_REFUSED', `The lab refused to connect to ${raw.destination}${context.proxied && stage === 'dns' ? ' (the proxy)' : ''}: a lab run reaches only 127.0.0.1 and the hosts the lab routes, never DNS or the network.`, 'dns');
  }
  if (isAbort(raw)) return result('RUN_DEADLINE', `Still waiting at stage ${stage} when the run was stopped.`);

  const code = codeOf(raw) ?? '';
  if (isCertificateError(raw)) {
    const mapped = certificateCode(code);
    if (context.probe === 'oauth') return result('OAUTH_TLS_FAILED', `TLS verification failed on the token request connection (${code}).`, 'tls-verify');
    return result(mapped, `Node/OpenSSL rejected the certificate chain (${code}).`, 'tls-verify');
  }
  const tlsResult = classifyTlsError(raw, code, stage);
  if (tlsResult) {
    if (context.probe === 'oauth') {
      return result('OAUTH_TLS_FAILED', `TLS failed on the token request connection: ${tlsResult.detail}`, tlsResult.stage);
    }
    return result(tlsResult.code, tlsResult.detail, tlsResult.stage);
  }

  const beforeTunnel = stage === 'dns' || stage === 'tcp';
  const peer = context.proxied && beforeTunnel ? 'the proxy' : 'the host';
  switch (code) {
    case 'ENOTFOUND':
      if (context.proxied && beforeTunnel) return result('PROXY_UNREACHABLE', 'The proxy host name does not resolve (ENOTFOUND).');
      return result('NET_DNS_NOT_FOUND', 'The host name does not resolve (ENOTFOUND).');
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'ESERVFAIL':
    case 'ENODATA':
    case 'ETIMEOUT':
      if (context.proxied && beforeTunnel) return result('PROXY_UNREACHABLE', `The DNS lookup of the proxy host failed (${code}).`);
      return result('NET_DNS_FAILED', `The DNS lookup failed (${code}).`);
    case 'ECONNREFUSED':
      if (context.proxied && beforeTunnel) return result('PROXY_UNREACHABLE', 'The proxy refused the connection (ECONNREFUSED): nothing listens at that address and port.');
      return result('NET_CONNECTION_REFUSED', 'The host refused the connection (ECONNREFUSED).');
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'EADDRNOTAVAIL':
      if (context.proxied && beforeTunnel) return result('PROXY_UNREACHABLE', `There is no route to the proxy (${code}).`);
      return result('NET_UNREACHABLE', `There is no route to the host (${code}).`);
    case 'ETIMEDOUT':
      return result('NET_TIMEOUT', `The connection to ${peer} timed out (ETIMEDOUT).`);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return classifyReset(stage, code, cause);
    default:
      return result('NET_ERROR', `The connection failed: ${cause.message}.`);
  }
}

function classifyProxyAnswer(raw: ProxyResponseError, cause: RawCause): Classified {
  const { status, reason } = raw.head;
  const answer = `${status}${reason ? ` ${reason}` : ''}`;
  const page = pageTitle(raw.body);
  const pageNote = page ? ` Its page says "${page}".` : '';
  if (status === 407) {
    const schemes = raw.authSchemes;
    const offered = schemes.length > 0 ? schemes.join(', ') : 'no scheme';
    const basicOffered = schemes.some((s) => s.toLowerCase() === 'basic');
    const detail = `The proxy answered CONNECT with ${answer} and offers ${offered}.`;
    if (!basicOffered && schemes.length > 0) return { code: 'PROXY_AUTH_SCHEME_UNSUPPORTED', stage: 'proxy-auth', detail, cause };
    if (raw.credentialsSent) {
      return { code: 'PROXY_AUTH_REJECTED', stage: 'proxy-auth', detail: `${detail} The credentials in the proxy URL were refused.`, cause };
    }
    return { code: 'PROXY_AUTH_REQUIRED', stage: 'proxy-auth', detail: `${detail} No credentials were sent.`, cause };
  }
  const detail = `The proxy answered CONNECT with ${answer}.${pageNote}`;
  // Codex's own managed network proxy (the doctor runs inside a Codex sandbox): its policy, not the company's.
  const codexPolicy = status === 403 ? codexPolicyText(raw.body) : null;
  if (codexPolicy) {
    return { code: 'NET_CODEX_POLICY_DENIED', stage: 'policy', detail: `Codex's own network policy refused the connection (its managed proxy answered ${answer}: "${codexPolicy.quote}"); the corporate proxy was not asked.`, cause };
  }
  if (status === 403 || status === 451) return { code: 'PROXY_BLOCKED', stage: 'proxy-connect', detail, cause };
  if (status === 502 || status === 503 || status === 504) return { code: 'PROXY_UPSTREAM_FAILED', stage: 'proxy-connect', detail, cause };
  return { code: 'PROXY_CONNECT_REJECTED', stage: 'proxy-connect', detail, cause };
}

/** The proxy, its chain, and the CA its certificate needs: the issuer of the last certificate it presented. */
function proxyCertificateDetail(raw: ProxyCertificateError): string {
  const { chain, code } = raw.rejected;
  const last = chain[chain.length - 1];
  const selfSigned = last !== undefined && last.subject === last.issuer;
  const shown = chain.slice(0, 6).map((cert, i) => `[${i}] ${subjectOf(cert)}`);
  if (last && !selfSigned) shown.push(`${issuerName(last)} (not trusted)`);
  else if (last) shown[shown.length - 1] += ' (self-signed, not trusted)';
  const needs = last ? ` Its certificate needs the CA "${selfSigned ? oneLine(last.subject) : oneLine(last.issuer)}" among those roots; nothing was sent through the proxy.` : ' Nothing was sent through the proxy.';
  return `The https:// proxy ${raw.proxy} presented a certificate that does not verify against the roots Codex trusts for HTTPS (${code}).${shown.length > 0 ? ` Its chain: ${shown.join(' => ')}.` : ''}${needs}`;
}

function issuerName(cert: X509Certificate): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(cert.issuer)?.[1] ?? oneLine(cert.issuer);
}

function classifySocks(raw: SocksError, cause: RawCause): Classified {
  const of = (code: ErrorCode, stage: Stage): Classified => ({ code, stage, detail: `The SOCKS proxy: ${raw.message}.`, cause });
  if (raw.reply === null) return of('PROXY_NOT_HTTP', 'proxy-connect');
  switch (raw.phase) {
    case 'greeting':
      return of(raw.credentialsSent ? 'PROXY_AUTH_SCHEME_UNSUPPORTED' : 'PROXY_AUTH_REQUIRED', 'proxy-auth');
    case 'auth':
      return of('PROXY_AUTH_REJECTED', 'proxy-auth');
    case 'connect':
      if (raw.reply === 2) return of('PROXY_BLOCKED', 'proxy-connect');
      if (raw.reply >= 3 && raw.reply <= 6) return of('PROXY_UPSTREAM_FAILED', 'proxy-connect');
      return of('PROXY_CONNECT_REJECTED', 'proxy-connect');
  }
}

function classifyTimeout(stage: Stage, context: ClassifyContext, cause: RawCause, afterMs: number): Classified {
  const after = `after ${afterMs} ms`;
  const of = (code: ErrorCode, detail: string): Classified => ({ code, stage, detail, cause });
  switch (stage) {
    case 'proxy-connect':
    case 'proxy-auth':
      return of('PROXY_NO_RESPONSE', `The proxy accepted the connection but did not answer CONNECT ${after}.`);
    case 'tls-handshake':
    case 'tls-verify':
      return of('TLS_HANDSHAKE_TIMEOUT', `The TLS handshake did not complete ${after}.`);
    case 'http':
      return of('OAUTH_TIMEOUT', `The token request got no answer ${after}.`);
    case 'ws-upgrade':
      return of('WS_TIMEOUT', `The WebSocket upgrade got no answer ${after}.`);
    default:
      return of('NET_TIMEOUT', `No answer from ${context.proxied ? 'the proxy' : 'the host'} at stage ${stage} ${after}.`);
  }
}

function classifyReset(stage: Stage, code: string, cause: RawCause): Classified {
  const of = (c: ErrorCode, detail: string): Classified => ({ code: c, stage, detail, cause });
  switch (stage) {
    case 'proxy-connect':
    case 'proxy-auth':
      return of('PROXY_CLOSED', `The proxy closed the connection without answering CONNECT (${code}).`);
    case 'tls-handshake':
    case 'tls-verify':
      return of('TLS_HANDSHAKE_RESET', `The connection was closed during the TLS handshake (${code}).`);
    case 'ws-upgrade':
      return of('WS_CLOSED', `The connection was closed after the upgrade request, without an answer (${code}).`);
    default:
      return of('NET_CONNECTION_RESET', `The connection was reset (${code}).`);
  }
}

function classifyTlsError(raw: unknown, code: string, stage: Stage): { code: ErrorCode; detail: string; stage: Stage } | undefined {
  const message = raw instanceof Error ? raw.message : String(raw);
  const isTls = code.startsWith('ERR_SSL_') || /SSL routines|alert|wrong version number/i.test(message);
  const closedInHandshake =
    TLS_STAGES.includes(stage) && (code === 'ECONNRESET' || /before secure TLS connection was established/.test(message));
  if (closedInHandshake) return { code: 'TLS_HANDSHAKE_RESET', detail: `The connection was closed during the TLS handshake (${code || message}).`, stage: 'tls-handshake' };
  if (!isTls) return undefined;
  const at: Stage = 'tls-handshake';
  const upper = `${code} ${message}`.toUpperCase();
  if (/WRONG_VERSION_NUMBER|WRONG VERSION NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|RECORD_LAYER_FAILURE/.test(upper)) {
    return { code: 'TLS_NOT_TLS', detail: `The other end did not answer in TLS (${code || message}).`, stage: at };
  }
  if (/UNSUPPORTED_PROTOCOL|ALERT_PROTOCOL_VERSION|NO_PROTOCOLS_AVAILABLE|VERSION_TOO_LOW|UNSUPPORTED PROTOCOL/.test(upper)) {
    return { code: 'TLS_PROTOCOL_TOO_OLD', detail: `No TLS version both sides accept: the server offers only TLS below 1.2 (${code || message}).`, stage: at };
  }
  if (/ALERT/.test(upper)) return { code: 'TLS_ALERT', detail: `The other end aborted the TLS handshake with an alert (${code || message}).`, stage: at };
  return { code: 'TLS_HANDSHAKE_FAILED', detail: `The TLS handshake failed (${code || message}).`, stage: at };
}

function isAbort(raw: unknown): boolean {
  return raw instanceof Error && (raw.name === 'AbortError' || (raw as NodeJS.ErrnoException).code === 'ABORT_ERR');
}

function codeOf(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (raw && typeof raw === 'object' && 'code' in raw && typeof raw.code === 'string') return raw.code;
  return undefined;
}

export function causeOf(raw: unknown): RawCause {
  if (typeof raw === 'string') return { code: raw, message: raw };
  if (raw instanceof Error) {
    const code = codeOf(raw);
    const answer = raw instanceof ProxyResponseError ? proxyAnswerOf(raw.head) : undefined;
    return { name: raw.name, ...(code !== undefined && { code }), message: raw.message, ...(answer && { proxyAnswer: answer }) };
  }
  return { message: String(raw) };
}

/** The <title> of an HTML page, or its first text, to name a block page. */
export function pageTitle(body: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const text = (title ?? body.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text.slice(0, 120);
}
