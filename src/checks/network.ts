// What the network checks share: the route Codex would take (direct, or which proxy with which credentials),
// opening it stage by stage, the probe's time budget, and the chain rendered for humans.
import type { X509Certificate } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { describeKey, readCertificate } from '../codex/certificate.js';
import { proxySourceName, type HiddenProxyVariable, type NoProxyVariable, type ProxyDecision, type ProxyUrl, type ProxyVariable } from '../codex/proxy.js';
import { oneLine, subjectOf } from '../codex/webpki.js';
import type { CheckContext } from '../core/check.js';
import type { Stage } from '../core/types.js';
import { classify, isNetworkError, type Classified, type ClassifyContext } from '../net/classify.js';
import { connectTcp, resolveTarget, type DialRules, type HostPort, type Resolved } from '../net/dial.js';
import { CertificateRejectedError, ProbeTimeoutError, ProxyCertificateError, ProxySchemeError, type HttpHead } from '../net/errors.js';
import { captureVerified, verifiedTls, type ChainVerifier } from '../net/verified-tls.js';
import { socks5Connect } from '../net/socks.js';
import { captureTls, type TlsCapture } from '../net/tls-probe.js';
import { anchorsFor, type AnchorGuess, type TrustSet } from './trust-sets.js';
import { basicAuthorization, openTunnel, proxyCredentials, type ProxyCredentials } from '../net/tunnel.js';

/** How a probe reaches its target, as Codex's transport would. */
export type Route =
  | {
      kind: 'direct';
      note: string;
      /** An empty upper-case variable hides the lower-case proxy the user set. */
      hiddenBy?: HiddenProxyVariable;
      /** A NO_PROXY entry skips the proxy this transport would use. */
      bypass?: { entry: string; noProxyVariable: NoProxyVariable; proxyVariable: ProxyVariable };
    }
  | {
      kind: 'proxy';
      proxy: ProxyUrl;
      variable: ProxyVariable;
      /** From the proxy URL's user:password. A credential: never shown (facts are not rendered). */
      credentials?: ProxyCredentials;
    }
  /** Codex picks a proxy this transport cannot use: the connection fails before any byte is sent. */
  | { kind: 'unusable'; decision: Extract<ProxyDecision, { kind: 'unsupported' | 'invalid' }> };

export function routeFrom(decision: ProxyDecision, env: Readonly<Record<string, string>>, override: string | undefined): Route {
  switch (decision.kind) {
    case 'direct':
      return { kind: 'direct', note: decision.reason, ...(decision.hiddenBy && { hiddenBy: decision.hiddenBy }) };
    case 'bypassed':
      return {
        kind: 'direct',
        note: `${proxySourceName(decision.noProxyVariable)} entry "${decision.noProxyEntry}" bypasses ${proxySourceName(decision.variable)}`,
        bypass: { entry: decision.noProxyEntry, noProxyVariable: decision.noProxyVariable, proxyVariable: decision.variable },
      };
    case 'unsupported':
    case 'invalid':
      return { kind: 'unusable', decision };
    case 'proxy': {
      // The system proxy settings carry no credentials.
      const raw = decision.variable === '--proxy' ? override : decision.variable === 'system' ? undefined : env[decision.variable];
      // Each client ends the userinfo at a different `@` when one is left unencoded (codex/proxy.ts).
      const credentials = raw === undefined ? undefined : proxyCredentials(raw.trim(), decision.transport === 'https' ? 'first-at' : 'last-at');
      return { kind: 'proxy', proxy: decision.url, variable: decision.variable, ...(credentials && { credentials }) };
    }
  }
}

export function describeRoute(route: Route, target: HostPort): string {
  const to = `${target.host}:${target.port}`;
  switch (route.kind) {
    case 'direct':
      return `${to} directly (${route.note})`;
    case 'proxy':
      return `${to} through ${route.proxy.display} (${proxySourceName(route.variable)}${route.credentials ? ', with a user name and password' : ''})`;
    case 'unusable':
      return `${to}: ${proxySourceName(route.decision.variable)} cannot be used (${route.decision.message})`;
  }
}

/** A failure at a stage, with the raw error kept for classify(). */
export class StageFailure extends Error {
  constructor(
    readonly stage: Stage,
    readonly raw: unknown,
    /** The failure concerns the target itself although a proxy is in use (socks5 resolves the target locally). */
    readonly aboutTarget = false,
  ) {
    super(`failed at ${stage}`);
  }
}

/**
 * Runs probe steps under stages: the live stage is reported, and a failure remembers where it happened.
 * A bug of ours (a TypeError...) is not a failure of the path: it goes up unwrapped, for the runner's crash record.
 */
export class Stager {
  current: Stage = 'input';
  constructor(private readonly ctx: Pick<CheckContext, 'stage'>) {}

  async step<T>(stage: Stage, run: () => Promise<T>): Promise<T> {
    this.current = stage;
    this.ctx.stage(stage);
    try {
      return await run();
    } catch (error) {
      throw error instanceof StageFailure || !isNetworkError(error) ? error : new StageFailure(stage, error);
    }
  }
}

/** The failure's code; rethrows a bug of ours (classify() does) so that the check crashes instead. */
export function classifyFailure(error: unknown, stager: Stager, context: ClassifyContext): Classified {
  if (error instanceof StageFailure) return classify(error.raw, error.stage, error.aboutTarget ? { ...context, proxied: false } : context);
  return classify(error, stager.current, context);
}

/**
 * The probe's budget: it aborts a little before the run's deadline, so that the check itself reports
 * where it was stuck (with its own code and hint) instead of the runner's generic deadline record.
 */
export function probeBudget(ctx: Pick<CheckContext, 'signal' | 'deadline' | 'host' | 'options'>): { signal: AbortSignal; dispose(): void } {
  const margin = Math.min(1000, Math.max(50, ctx.options.timeoutMs * 0.1));
  const remaining = Math.max(0, ctx.deadline - ctx.host.monotonic() - margin);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new ProbeTimeoutError(Math.round(ctx.options.timeoutMs - margin))), remaining);
  timer.unref?.();
  return { signal: AbortSignal.any([ctx.signal, controller.signal]), dispose: () => clearTimeout(timer) };
}

export interface OpenedPath {
  socket: Duplex;
  /** Where the TCP connection went (the proxy, or the target). */
  dialed: Resolved;
  /** The proxy's answer to CONNECT, when there is a proxy. */
  connect: HttpHead | null;
}

export interface OpenPathInput {
  target: HostPort;
  route: Route;
  /** Where the Host lets connections go (its dial overrides; loopback only in the lab). */
  dialing: DialRules;
  signal: AbortSignal;
  /** Roots to verify an https:// proxy's own certificate with (the transport's trust set), asked for only then. */
  proxyCa: () => readonly string[];
}

/**
 * Opens the path, hands it to `use` (which owns the socket from then on), and closes it if `use` fails:
 * no socket outlives a failed probe.
 */
export async function throughPath<T>(stager: Stager, input: OpenPathInput, use: (opened: OpenedPath) => Promise<T>): Promise<T> {
  const opened = await openPath(stager, input);
  try {
    return await use(opened);
  } catch (error) {
    opened.socket.destroy();
    throw error;
  }
}

/** dns -> tcp -> (proxy-connect): a byte pipe to the target, or a StageFailure. */
export async function openPath(stager: Stager, input: OpenPathInput): Promise<OpenedPath> {
  const { target, route, dialing, signal } = input;
  if (route.kind === 'unusable') {
    const { decision } = route;
    const scheme = decision.kind === 'unsupported' ? decision.scheme : 'invalid';
    throw new StageFailure('proxy-connect', new ProxySchemeError(scheme || 'scheme-less', decision.transport, decision.message));
  }
  const hop: HostPort = route.kind === 'proxy' ? { host: route.proxy.host, port: route.proxy.port } : target;
  const dialed = await stager.step('dns', () => resolveTarget(hop, dialing, signal));
  const tcp = await stager.step('tcp', () => connectTcp(dialed, signal));
  if (route.kind === 'direct') return { socket: tcp, dialed, connect: null };
  try {
    return await throughProxy(stager, input, route, tcp, dialed);
  } catch (error) {
    tcp.destroy();
    throw error;
  }
}

async function throughProxy(stager: Stager, input: OpenPathInput, route: Extract<Route, { kind: 'proxy' }>, tcp: Duplex, dialed: Resolved): Promise<OpenedPath> {
  const { target, dialing, signal } = input;

  if (route.proxy.scheme === 'socks5' || route.proxy.scheme === 'socks5h') {
    // socks5h: the proxy resolves the name; socks5: the client does, and sends the address.
    const destination =
      route.proxy.scheme === 'socks5'
        ? await stager.step('dns', () => resolveTarget(target, dialing, signal).catch((raw: unknown) => Promise.reject(new StageFailure('dns', raw, true))))
        : null;
    const socket = await stager.step('proxy-connect', () =>
      socks5Connect({
        socket: tcp,
        target: destination ? { host: destination.address, port: destination.port } : target,
        ...(route.credentials && { credentials: route.credentials }),
        signal,
      }),
    );
    return { socket, dialed, connect: null };
  }
  return stager.step('proxy-connect', async () => {
    // An https:// proxy (HTTPS transport only): TLS to the proxy itself, verified, before CONNECT.
    const toProxy: Duplex =
      route.proxy.scheme === 'https'
        ? await verifiedTls({ socket: tcp, servername: route.proxy.host, verifier: { kind: 'openssl', ca: input.proxyCa() }, signal }).catch((error: unknown) =>
            // The proxy's own certificate, not the target's: said as such, with the proxy's chain.
            Promise.reject(error instanceof CertificateRejectedError ? new ProxyCertificateError(`${route.proxy.host}:${route.proxy.port}`, error) : error),
          )
        : tcp;
    const authorization = route.credentials ? basicAuthorization(route.credentials) : undefined;
    const tunnel = await openTunnel({ socket: toProxy, target, ...(authorization && { authorization }), signal });
    return { socket: tunnel.socket, dialed, connect: tunnel.head };
  });
}

const NO_ROOTS: AnchorGuess = { pems: [], fingerprints: new Set() };

export interface CapturedChain {
  capture: TlsCapture;
  connect: HttpHead | null;
  /** The connection itself, accepted by the verifier and open with nothing written yet; null when not asked for (`keep`) or refused. */
  socket: TLSSocket | null;
}

/**
 * The chain a host presents on this path, and OpenSSL's own verdict on it with the roots that can matter
 * (trust-sets.ts anchorsFor), for what it says beside Codex's verifier ("Node/OpenSSL accepts the same chain").
 *
 * Where rustls decides (`verifier` is its rules), the first handshake gives OpenSSL no roots, and a chain rustls
 * accepts is not judged by OpenSSL at all: any CA given to OpenSSL makes Node parse its own ~140 roots first
 * (20-35 ms, the slowest step of a healthy run) for a verdict Codex does not use. A chain rustls refuses is judged
 * by OpenSSL with the anchors that matter, on a second connection; with none (UnknownIssuer), the first handshake's
 * verdict without roots is already the one OpenSSL gives.
 *
 * Elsewhere (OpenSSL-based verifiers), the first handshake gives OpenSSL the set's likely anchors (its small CA
 * bundle) or none, so no context of the whole trust set is ever built. Anchors that cannot matter do not change
 * OpenSSL's verdict, so when the ones that can are all among those given (or there are none), that verdict is the
 * one it would give with the whole set; otherwise a second handshake on a new connection asks OpenSSL with just those.
 */
export async function captureChain(
  stager: Stager,
  input: OpenPathInput,
  request: {
    servername: string;
    alpn: readonly string[];
    set: TrustSet;
    /** `judge: false`: no OpenSSL verdict wanted (rustls decides, as for the WebSocket): one handshake. */
    judge?: boolean;
    /** The set's verifier on this host (chainVerifier): rustls' rules for a rustls set. */
    verifier?: ChainVerifier;
    /** Keep the connection when `verifier` (rustls' rules) accepts its chain: the request goes over it, no second connection. */
    keep?: boolean;
  },
): Promise<CapturedChain> {
  const rustls = request.verifier?.kind === 'custom' ? request.verifier : undefined;
  const handshake = (ca: readonly string[], verifier?: typeof rustls): Promise<CapturedChain & { accepted: boolean }> =>
    throughPath(stager, input, async (opened) => {
      const tls = { socket: opened.socket, servername: request.servername, ca, alpn: request.alpn, signal: input.signal };
      const { capture, socket, accepted } = await stager.step('tls-handshake', () =>
        verifier ? captureVerified(tls, verifier, request.keep === true) : captureTls(tls).then((c) => ({ capture: c, socket: null, accepted: false })),
      );
      return { capture, connect: opened.connect, socket, accepted };
    });
  if (request.judge === false) return handshake(NO_ROOTS.pems, rustls);
  const rustlsDecides = rustls !== undefined && request.set.verifier === 'rustls';
  const given = rustlsDecides ? NO_ROOTS : request.set.likelyAnchors;
  const first = await handshake(given.pems, rustls);
  if (rustlsDecides && first.accepted) return { ...first, capture: { ...first.capture, node: null } };
  const anchors = anchorsFor(request.set, first.capture.chain);
  if (anchors.every((anchor) => given.fingerprints.has(anchor.fingerprint256))) return first;
  // Where rustls decides, OpenSSL's opinion is only words: a second connection that fails loses it, not the verdict.
  const judged = await handshake(anchors.map((c) => c.toString())).catch((error: unknown) => (rustlsDecides ? null : Promise.reject(error)));
  return { ...first, capture: { ...first.capture, node: judged?.capture.node ?? null } };
}

/**
 * A verified connection handed from one check to the next (login's, from tls.auth to oauth.token's POST): taken at
 * most once, never holding the process open, and closed when the run ends if nobody took it.
 */
export class KeptConnection {
  private socket: TLSSocket | null;

  constructor(socket: TLSSocket, runSignal: AbortSignal) {
    this.socket = socket;
    socket.unref();
    runSignal.addEventListener('abort', () => this.close(), { once: true });
  }

  /** The connection while it is still open (a proxy may close an idle one), else null: the caller opens its own. */
  take(): TLSSocket | null {
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.destroyed || !socket.readable || !socket.writable) {
      socket?.destroy();
      return null;
    }
    socket.ref();
    return socket;
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }
}

/** `[0] auth.openai.com => [1] Zscaler Intermediate Root CA (zscaler.net) => Zscaler Root CA (trust anchor)`. */
export function chainLine(chain: readonly X509Certificate[], anchor: X509Certificate | null): string {
  const parts = chain.map((cert, i) => `[${i}] ${commonName(cert)}`);
  const last = chain[chain.length - 1];
  if (anchor && last?.fingerprint256 !== anchor.fingerprint256) parts.push(`${commonName(anchor)} (trust anchor)`);
  else if (!anchor && last) parts.push(`${issuerCommonName(last)} (not trusted)`);
  return parts.join(' => ');
}

/** One line per presented certificate: subject, issuer, key, signature, validity, fingerprint. */
export function certificateLines(chain: readonly X509Certificate[]): string[] {
  return chain.map((cert, i) => {
    const read = readCertificate(cert.raw);
    const facts = read.ok ? read.facts : null;
    const details = facts
      ? `${describeKey(facts.publicKey)}, ${facts.signature.name}, ${facts.isCa ? 'CA, ' : ''}${facts.hasSubjectAltName ? `SAN ${cert.subjectAltName ?? ''}, ` : 'no SAN, '}valid ${facts.notBefore.toISOString().slice(0, 10)}..${facts.notAfter.toISOString().slice(0, 10)}`
      : 'unreadable';
    return `[${i}] ${oneLine(cert.subject)} | issuer ${oneLine(cert.issuer)} | ${details} | SHA-256 ${cert.fingerprint256}`;
  });
}

export const commonName = subjectOf;

function issuerCommonName(cert: X509Certificate): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(cert.issuer)?.[1] ?? oneLine(cert.issuer);
}

/** Target host and port of an https:// or wss:// URL. */
export function hostPortOf(url: string): HostPort {
  const parsed = new URL(url);
  const port = parsed.port === '' ? (parsed.protocol === 'https:' || parsed.protocol === 'wss:' ? 443 : 80) : Number(parsed.port);
  return { host: parsed.hostname, port };
}
