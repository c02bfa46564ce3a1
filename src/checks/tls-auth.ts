// tls.auth: the TLS connection to every HTTPS host Codex contacts in this session (login, model API, model
// list, MCP servers, OTEL exporters), each by its own route and with its own client's trust set. Login
// (auth.openai.com) is judged in depth: the chain it is shown, what each Codex transport's verifier makes of it,
// the inspection product and, for an unknown issuer, the root on disk and the exact fix. codex-behavior.md §2-6.
import type { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { CodexEndpoints } from '../codex/endpoints.js';
import type { CheckResult, EvidenceSection, Finding, Hint, RawCause } from '../core/types.js';
import type { Interception } from '../intel/products.js';
import type { HostPort } from '../net/dial.js';
import type { HttpHead } from '../net/errors.js';
import type { TlsCapture } from '../net/tls-probe.js';
import {
  certificateData,
  chainData,
  chainEvidence,
  chainVerifier,
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
import type { DoctorCheck, DoctorContext } from './context.js';
import { bundleUnusableHint, endpointName, endpointsLine, fallbackNote, nonEssentialNote } from '../words/endpoint-words.js';
import { TLS_AUTH } from './network-checks.js';
import { clockOf, networkHints, routeEnv, type HintContext } from '../words/network-hints.js';
import { Speaker } from '../words/speaker.js';
import { endpointRow, networkPlan, routeLabel, type EndpointRow, type NetworkPlan, type PlannedEndpoint } from './network-plan.js';
import { captureChain, chainLine, classifyFailure, describeRoute, KeptConnection, probeBudget, Stager, type Route } from './network.js';
import type { TrustSet, TrustSets } from './trust-sets.js';
import { loginRetryAfterFailure } from './login-retry.js';

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
  /** Login's own verdict (the other hosts do not decide whether the token request is worth sending). */
  loginPassed: boolean;
  login: PlannedEndpoint;
  /** The chain login's host presented: the request connection must present one its anchors verify. */
  chain: X509Certificate[];
  /** The connection that presented it, verified with HTTPS's rules and unused: the token POST goes over it. */
  connection: KeptConnection | null;
}


interface Probed {
  row: EndpointRow;
  findings: Finding[];
}

interface LoginOutcome {
  result: CheckResult<TlsAuthFacts> & { data: Record<string, unknown> };
  row: EndpointRow;
}

export const tlsAuthCheck: DoctorCheck<TlsAuthFacts> = {
  ...TLS_AUTH,
  async run(ctx) {
    ctx.stage('input');
    const net = await networkPlan(ctx);
    const https = net.planned.filter((p) => p.transport === 'https');
    const login = https.find((p) => p.contacts.some((c) => c.client === 'login'));
    if (!login) throw new Error('the endpoint plan has no login endpoint');
    const others = https.filter((p) => p !== login);
    const budget = probeBudget(ctx);
    let outcome: LoginOutcome;
    let probed: Probed[];
    try {
      [outcome, probed] = await Promise.all([probeLogin(ctx, net, login, budget.signal), Promise.all(others.map((p) => probeHttps(ctx, net, p, budget.signal)))]);
    } finally {
      budget.dispose();
    }
    const rows = [outcome.row, ...probed.map((p) => p.row)];
    const { result } = outcome;
    return {
      ...result,
      summary: others.length === 0 ? result.summary : `${result.summary} Hosts: ${endpointsLine(rows)}.`,
      findings: [...result.findings, ...probed.flatMap((p) => p.findings)],
      data: { ...result.data, endpoints: rows },
    };
  },
};

/** Login's host in depth: both transports' verdicts on its chain, the product, where a missing root is. */
async function probeLogin(ctx: DoctorContext, net: NetworkPlan, login: PlannedEndpoint, signal: AbortSignal): Promise<LoginOutcome> {
  const { host } = ctx;
  const { world, endpoints, sets } = net;
  const { target, route } = login;
  const routeFinding: Finding = { level: 'info', code: 'NET_ROUTE', stage: 'tcp', detail: `Login connects to ${describeRoute(route, target)}.` };
  if (login.trust.kind === 'unusable') {
    const code = 'NET_BUNDLE_UNUSABLE';
    return {
      result: {
        summary: `${target.host}: not tested: ${login.trust.detail}`,
        findings: [routeFinding, { level: 'fail', code, stage: 'input', detail: login.trust.detail, hints: bundleUnusableHint(new Speaker(world, host), net.bundleFix) }],
        data: { target: `${target.host}:${target.port}`, route: describeRoute(route, target), stage: 'input' },
      },
      row: endpointRow(login, 'fail', code),
    };
  }
  const hintContext: HintContext = { target, route, transport: 'https', platform: host.platform, words: new Speaker(world, host), env: routeEnv(world, host) };

  const stager = new Stager(ctx);
  let capture: TlsCapture;
  let connectAnswer: HttpHead | null;
  let kept: KeptConnection | null = null;
  try {
    const pathInput = { target, route, dialing: host, signal, proxyCa: () => sets.https.pems };
    // Kept when rustls' rules accept the chain: oauth.token sends its POST over it.
    const verifier = chainVerifier(sets.https, target.host, host.now(), []);
    let socket: TLSSocket | null;
    ({ capture, connect: connectAnswer, socket } = await captureChain(stager, pathInput, { servername: target.host, alpn: sets.https.alpn, set: sets.https, verifier, keep: true }));
    if (socket) {
      kept = new KeptConnection(socket, ctx.signal);
      // oauth.token's POST goes over it next: its code loads while the other hosts' handshakes are in flight.
      import('./oauth-token.js').catch(() => {});
    }
  } catch (error) {
    const failure = classifyFailure(error, stager, { proxied: route.kind === 'proxy', probe: 'tls' });
    return {
      result: {
        summary: `${target.host}: failed at ${failure.stage} (${failure.code}).`,
        findings: [
          routeFinding,
          { level: 'fail', code: failure.code, stage: failure.stage, detail: failure.detail, cause: failure.cause, hints: networkHints(failure.code, hintContext) },
          ...loginRetryAfterFailure(world, failure.stage, host.platform, ctx.options.proxy),
        ],
        data: { target: `${target.host}:${target.port}`, route: describeRoute(route, target), stage: failure.stage },
      },
      row: endpointRow(login, 'fail', failure.code),
    };
  }

  ctx.stage('tls-verify');
  const now = host.now();
  const https = transportVerdict(sets.https, capture, target.host, now, true);
  const websocket = transportVerdict(sets.websocket, capture, target.host, now, false);
  const interception = interceptionOf(capture.chain, sets);
  const search = await searchMissingIssuer(host, world, sets, capture.chain, [https, websocket]);
  const intercepted = interception.kind !== 'not-intercepted';
  const fallback = (code: Parameters<typeof networkHints>[0]) => networkHints(code, { ...hintContext, intercepted, ...clockOf(connectAnswer, now) });

  const verdicts = verdictFindings(https, websocket, sets, search, fallback);
  const findings: Finding[] = [routeFinding, interceptionFinding(interception, 'tls-verify'), ...verdicts];
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
  const failed = verdicts.some((f) => f.level === 'fail');
  if (!https.ok || failed) {
    kept?.close();
    kept = null;
  }
  const httpsFinding = verdicts.find((f) => f.level !== 'info' && f.code !== 'TLS_TRANSPORTS_DISAGREE');
  return {
    result: {
      summary: summaryOf(target, route, interception, https, websocket, capture.chain.length === 0 ? '' : chainLine(capture.chain, anchor)),
      findings,
      evidence,
      data: {
        target: `${target.host}:${target.port}`,
        route: describeRoute(route, target),
        tls: { protocol: capture.protocol, cipher: capture.cipher?.standardName ?? capture.cipher?.name ?? null, alpn: capture.alpn },
        chain: chainData(capture.chain),
        // The root the chain was verified up to (from the user's bundle or the OS store), which IT may be asked to re-issue.
        ...(anchor && { anchor: certificateData(anchor, true) }),
        interception: interceptionData(interception),
        verdicts: { https: verdictData(https), websocket: verdictData(websocket) },
        ...(search && { issuerSearch: { issuer: search.issuer, found: search.candidates.map((c) => ({ path: c.path, format: c.format, source: c.source.kind })) } }),
      },
      facts: { endpoints, target, route, trust: sets, interception, verdicts: { https, websocket }, issuerSearch: search, loginPassed: !failed, login, chain: capture.chain, connection: kept },
    },
    row: endpointRow(login, https.ok ? 'pass' : failed ? 'fail' : 'warn', https.ok ? null : (httpsFinding?.code ?? https.failure?.code ?? null)),
  };
}

/** Any other HTTPS host: its chain judged by the roots of the client that contacts it. */
async function probeHttps(ctx: DoctorContext, net: NetworkPlan, endpoint: PlannedEndpoint, signal: AbortSignal): Promise<Probed> {
  const { host } = ctx;
  const { target, route } = endpoint;
  const name = endpointName(endpoint, routeLabel(route));
  const level = endpoint.essential ? ('fail' as const) : ('warn' as const);
  const failed = (code: Finding['code'], finding: { stage: Finding['stage']; detail: string; cause?: RawCause; hints: [Hint, ...Hint[]] }): Probed => ({
    row: endpointRow(endpoint, level, code),
    findings: [{ ...finding, level, code, detail: `${name}: ${finding.detail}${nonEssentialNote(endpoint)}` }],
  });
  const words = new Speaker(net.world, host);
  if (endpoint.trust.kind === 'unusable') return failed('NET_BUNDLE_UNUSABLE', { stage: 'input', detail: endpoint.trust.detail, hints: bundleUnusableHint(words, net.bundleFix) });
  const set: TrustSet = endpoint.trust.set;
  const note = endpoint.trust.fallback ? fallbackNote(bundleName(net)) : '';
  const hintContext: HintContext = { target, route, transport: 'https', platform: host.platform, words, env: routeEnv(net.world, host) };
  const stager = new Stager(ctx);
  let capture: TlsCapture;
  let connectAnswer: HttpHead | null;
  try {
    const pathInput = { target, route, dialing: host, signal, proxyCa: () => set.pems };
    const verifier = chainVerifier(set, target.host, host.now(), []);
    ({ capture, connect: connectAnswer } = await captureChain(stager, pathInput, { servername: target.host, alpn: set.alpn, set, verifier }));
  } catch (error) {
    const failure = classifyFailure(error, stager, { proxied: route.kind === 'proxy', probe: 'tls' });
    return failed(failure.code, { stage: failure.stage, detail: `${failure.detail}${note}`, cause: failure.cause, hints: networkHints(failure.code, hintContext) });
  }
  const verdict = transportVerdict(set, capture, target.host, host.now(), true);
  const intercepted = interceptionOf(capture.chain, net.sets).kind !== 'not-intercepted';
  const clock = clockOf(connectAnswer, host.now());
  if (verdict.ok) {
    return {
      row: endpointRow(endpoint, 'pass', null),
      findings: [{ level: 'info', code: 'TLS_CHAIN_VERIFIED', stage: 'tls-verify', detail: `${name}: trusted by ${verifierName(verdict.verifier)}.${note}` }],
    };
  }
  const fallback = (code: Parameters<typeof networkHints>[0]) => networkHints(code, { ...hintContext, intercepted, ...clock });
  if (unknownForUnreadStore(verdict)) {
    const finding = unreadStoreFinding(verdict, net.sets, null, fallback('TLS_UNKNOWN_ISSUER'));
    return { row: endpointRow(endpoint, 'warn', finding.code), findings: [{ ...finding, detail: `${name}: ${finding.detail}` }] };
  }
  const failure = verdict.failure ?? { code: 'TLS_VERIFY_FAILED' as const, detail: 'The chain is not trusted.', cause: { message: 'not trusted' } };
  // Where Codex's own HTTPS roots decide, the missing issuer is looked for as for login (CODEX_CA_CERTIFICATE then fixes it).
  const search = set === net.sets.https ? await searchMissingIssuer(host, net.world, net.sets, capture.chain, [verdict]) : null;
  return failed(failure.code, { stage: 'tls-verify', detail: `${failure.detail} ${chainLine(capture.chain, verdict.webpki.anchor)}${note}`, cause: failure.cause, hints: verdictHints(verdict, search, fallback) });
}

function bundleName(net: NetworkPlan): string {
  const bundle = net.plan.https.bundle ?? net.plan.websocket.bundle;
  return bundle ? `${bundle.variable}=${bundle.raw}` : 'its CA bundle';
}

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
