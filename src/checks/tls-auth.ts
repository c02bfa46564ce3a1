// tls.auth: the TLS connection to auth.openai.com as Codex's login would make it (route, proxy, handshake),
// the chain it is shown, and what each Codex transport's verifier makes of that chain: HTTPS (login) and,
// as a prediction for streaming, WebSocket. Names the inspection product and, for an unknown issuer,
// finds the root on disk and gives the exact fix. codex-behavior.md §2, §4-6.
import { loadEndpoints, type CodexEndpoints } from '../codex/endpoints.js';
import { proxyFor } from '../codex/proxy.js';
import { trustPlan } from '../codex/trust.js';
import type { EvidenceSection, Finding } from '../core/types.js';
import type { Interception } from '../intel/products.js';
import type { HostPort } from '../net/dial.js';
import type { HttpHead } from '../net/errors.js';
import { captureTls, type TlsCapture } from '../net/tls-probe.js';
import {
  chainData,
  chainEvidence,
  interceptionData,
  interceptionFinding,
  interceptionOf,
  platformStoreEvidence,
  platformStoreNote,
  searchMissingIssuer,
  transportVerdict,
  transportWords,
  unknownForUnreadStore,
  unreadStoreFinding,
  verdictData,
  verdictEvidence,
  verdictHints,
  verifierName,
  type IssuerSearch,
  type TransportVerdict,
} from './chain-verdict.js';
import { factsOf, type DoctorCheck } from './context.js';
import { TLS_AUTH } from './network-checks.js';
import { networkHints } from './network-hints.js';
import { chainLine, classifyFailure, describeRoute, hostPortOf, probeBudget, routeFrom, Stager, throughPath, type Route } from './network.js';
import { loginRetryAfterFailure } from './login-retry.js';
import { trustSetsFor, type TrustSets } from './trust-sets.js';

/** What tls.auth hands to oauth.token. */
export interface TlsAuthFacts {
  endpoints: CodexEndpoints;
  target: HostPort;
  /** Includes the Proxy-Authorization value: facts are never rendered. */
  route: Route;
  trust: TrustSets;
  interception: Interception;
  verdicts: { https: TransportVerdict; websocket: TransportVerdict };
  /** Where the missing issuer was looked for, and the fix, when a verdict is UnknownIssuer. */
  issuerSearch: IssuerSearch | null;
}

/** ALPN as reqwest offers it. */
const HTTPS_ALPN = ['h2', 'http/1.1'];

export const tlsAuthCheck: DoctorCheck<TlsAuthFacts> = {
  ...TLS_AUTH,
  async run(ctx) {
    ctx.stage('input');
    const { host } = ctx;
    const world = await ctx.world();
    const envFacts = factsOf(ctx, 'env.precedence');
    const caFacts = factsOf(ctx, 'ca.bundle');
    const plan =
      envFacts?.trust ??
      trustPlan(world.env, host.platform, { cwd: host.cwd, codexVersion: world.codexVersion, ...(host.systemStore && { systemStore: host.systemStore }) });
    const endpoints = await loadEndpoints(host, world);
    const target = hostPortOf(endpoints.tokenEndpoint);
    const route = routeFrom(proxyFor('https', endpoints.tokenEndpoint, world.env, ctx.options.proxy, world.systemProxy), world.env, ctx.options.proxy);
    const sets = await trustSetsFor(host, world, plan, caFacts, ctx);
    const routeFinding: Finding = { level: 'info', code: 'NET_ROUTE', stage: 'tcp', detail: `Login connects to ${describeRoute(route, target)}.` };
    const hintContext = { target, route, transport: 'https' as const, platform: host.platform };

    const stager = new Stager(ctx);
    const budget = probeBudget(ctx);
    let capture: TlsCapture;
    let connectAnswer: HttpHead | null;
    try {
      const pathInput = { target, route, dialing: host, signal: budget.signal, proxyCa: sets.https.pems };
      ({ capture, connectAnswer } = await throughPath(stager, pathInput, async (opened) => ({
        capture: await stager.step('tls-handshake', () =>
          captureTls({ socket: opened.socket, servername: target.host, ca: sets.https.pems, alpn: HTTPS_ALPN, signal: budget.signal }),
        ),
        connectAnswer: opened.connect,
      })));
    } catch (error) {
      const failure = classifyFailure(error, stager, { proxied: route.kind === 'proxy', probe: 'tls' });
      return {
        summary: `${target.host}: failed at ${failure.stage} (${failure.code}).`,
        findings: [
          routeFinding,
          { level: 'fail', code: failure.code, stage: failure.stage, detail: failure.detail, cause: failure.cause, hints: networkHints(failure.code, hintContext) },
          ...loginRetryAfterFailure(world, failure.stage, host.platform, ctx.options.proxy),
        ],
        data: { target: `${target.host}:${target.port}`, route: describeRoute(route, target), stage: failure.stage },
      };
    } finally {
      budget.dispose();
    }

    ctx.stage('tls-verify');
    const now = host.now();
    const https = transportVerdict(sets.https, capture, target.host, now, true);
    const websocket = transportVerdict(sets.websocket, capture, target.host, now, false);
    const interception = interceptionOf(capture.chain, sets);
    const search = await searchMissingIssuer(host, world, sets, capture.chain, [https, websocket]);
    const intercepted = interception.kind !== 'not-intercepted';
    const fallback = (code: Parameters<typeof networkHints>[0]) => networkHints(code, { ...hintContext, intercepted });

    const findings: Finding[] = [routeFinding, interceptionFinding(interception, 'tls-verify'), ...verdictFindings(https, websocket, sets, search, fallback)];
    if (!https.ok) findings.push(...loginRetryAfterFailure(world, 'tls-verify', host.platform, ctx.options.proxy));
    const anchor = https.webpki.anchor ?? websocket.webpki.anchor;
    const evidence: EvidenceSection[] = [
      ...chainEvidence(capture, anchor, target.host),
      verdictEvidence([https, websocket], sets),
      ...platformStoreEvidence(sets),
      ...(connectAnswer ? [{ title: 'Proxy', lines: [`${describeRoute(route, target)}: CONNECT answered ${connectAnswer.status} ${connectAnswer.reason}`.trim()] }] : []),
      { title: 'Trust as Codex sets it up', lines: [sets.plan.https.sentence, sets.plan.websocket.sentence] },
      ...(search ? [issuerSearchEvidence(search)] : []),
    ];
    return {
      summary: summaryOf(target, route, interception, https, websocket, capture.chain.length === 0 ? '' : chainLine(capture.chain, anchor)),
      findings,
      evidence,
      data: {
        target: `${target.host}:${target.port}`,
        route: describeRoute(route, target),
        tls: { protocol: capture.protocol, cipher: capture.cipher?.standardName ?? capture.cipher?.name ?? null, alpn: capture.alpn },
        chain: chainData(capture.chain),
        interception: interceptionData(interception),
        verdicts: { https: verdictData(https), websocket: verdictData(websocket) },
        ...(search && { issuerSearch: { issuer: search.issuer, found: search.candidates.map((c) => ({ path: c.path, format: c.format, source: c.source.kind })) } }),
      },
      facts: { endpoints, target, route, trust: sets, interception, verdicts: { https, websocket }, issuerSearch: search },
    };
  },
};

/**
 * HTTPS decides this check (login). The WebSocket verdict on the same chain is a prediction for streaming,
 * which ws.upgrade tests for real: it warns here so that oauth.token still runs when only it fails.
 */
function verdictFindings(
  https: TransportVerdict,
  websocket: TransportVerdict,
  sets: TrustSets,
  search: IssuerSearch | null,
  fallback: (code: Parameters<typeof networkHints>[0]) => ReturnType<typeof networkHints>,
): Finding[] {
  const findings: Finding[] = [];
  const ok = (v: TransportVerdict): Finding => ({
    level: 'info',
    code: 'TLS_CHAIN_VERIFIED',
    stage: 'tls-verify',
    detail: `${transportWords(v.transport)}: trusted by ${verifierName(v.verifier)}${platformStoreNote(v)}.`,
  });
  // UnknownIssuer against public roots standing in for an unread OS store: a warning, not a verdict.
  const httpsUnread = unknownForUnreadStore(https);
  const websocketUnread = unknownForUnreadStore(websocket);
  const unread = (v: TransportVerdict, also = ''): Finding => unreadStoreFinding(v, sets, search, fallback('TLS_UNKNOWN_ISSUER'), also);
  if (https.ok) findings.push(ok(https));
  else if (httpsUnread) findings.push(unread(https, websocketUnread ? ' WebSocket is in the same position.' : ''));
  else if (https.failure) {
    const both = !websocket.ok && !websocketUnread && websocket.failure?.code === https.failure.code;
    findings.push({
      level: 'fail',
      code: https.failure.code,
      stage: 'tls-verify',
      detail: both ? `${https.failure.detail} WebSocket fails the same way.` : https.failure.detail,
      cause: https.failure.cause,
      hints: verdictHints(https, search, fallback),
    });
  }
  if (websocket.ok) {
    findings.push(ok(websocket));
    if (!https.ok && !httpsUnread) {
      findings.push({
        level: 'info',
        code: 'TLS_TRANSPORTS_DISAGREE',
        stage: 'tls-verify',
        detail: 'HTTPS and WebSocket trust different roots: this chain would pass for WebSocket streaming but fails for login.',
      });
    }
  } else if (websocketUnread) {
    if (!httpsUnread) findings.push(unread(websocket));
  } else if (websocket.failure && (https.ok || httpsUnread || websocket.failure.code !== https.failure?.code)) {
    findings.push({
      level: 'warn',
      code: https.ok ? 'TLS_TRANSPORTS_DISAGREE' : websocket.failure.code,
      stage: 'tls-verify',
      detail: https.ok
        ? `Login trusts this chain, but Codex's WebSocket would not: ${websocket.failure.detail} (ws.upgrade tests the streaming host itself.)`
        : websocket.failure.detail,
      cause: websocket.failure.cause,
      hints: verdictHints(websocket, search, fallback),
    });
  }
  return findings;
}

function summaryOf(target: HostPort, route: Route, interception: Interception, https: TransportVerdict, websocket: TransportVerdict, chain: string): string {
  const via = route.kind === 'proxy' ? `via ${route.proxy.host}:${route.proxy.port}` : 'direct';
  const who =
    interception.kind === 'not-intercepted'
      ? 'not intercepted'
      : interception.kind === 'unidentified'
        ? 'intercepted (unidentified product)'
        : `intercepted by ${interception.product.name}`;
  const verdict = (v: TransportVerdict): string =>
    v.ok ? 'trusted' : unknownForUnreadStore(v) ? 'unknown (OS store not read)' : v.failure ? v.failure.cause.code ?? v.failure.code : 'not trusted';
  const verdicts = https.ok === websocket.ok && verdict(https) === verdict(websocket) ? `${verdict(https)} for HTTPS and WebSocket` : `HTTPS ${verdict(https)}, WebSocket ${verdict(websocket)}`;
  return `${target.host} ${via}: ${who}; ${verdicts}.${chain ? ` ${chain}` : ''}`;
}

function issuerSearchEvidence(search: IssuerSearch): EvidenceSection {
  return {
    title: `Where the missing issuer "${search.issuer}" was looked for`,
    lines:
      search.candidates.length > 0
        ? search.candidates.map((c) => `found in ${c.path} (${c.format.toUpperCase()}, ${c.source.kind === 'variable' ? `named by ${c.source.variable}` : c.source.kind})`)
        : ['not found in the native roots, the usual corporate-root locations or the other CA variables'],
  };
}
