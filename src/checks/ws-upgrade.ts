// ws.upgrade: the Responses WebSocket as Codex opens it (codex-behavior.md §2, §5, §6): its own proxy rules
// (tungstenite), its own trust set (native roots + bundle, rustls), the OpenAI-Beta header. It needs only the
// offline checks, not tls.auth: login and streaming trust different roots, so either can work alone.
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { AFTER_WEBSOCKET_FAILURE, unboundedRetriesNote } from '../codex/codex-messages.js';
import type { CodexConfig } from '../codex/config.js';
import { loadEndpoints, WEBSOCKET_BETA_HEADER, type CodexEndpoints } from '../codex/endpoints.js';
import { displayPath } from '../codex/env.js';
import type { ErrorCode } from '../core/codes.js';
import { withoutUserinfo } from '../core/redact.js';
import type { Host } from '../core/host.js';
import type { CheckResult, EvidenceSection, Finding, Hint } from '../core/types.js';
import { pageTitle } from '../net/classify.js';
import { httpAnswerCause, type HttpHead } from '../net/errors.js';
import { WEBSOCKET_ALPN } from '../codex/alpn.js';
import { verifiedTls } from '../net/verified-tls.js';
import { header, openAiErrorText, responseKind } from '../net/response-kind.js';
import type { TlsCapture } from '../net/tls-probe.js';
import type { TrustSet } from './trust-sets.js';
import type { UpgradeOutcome } from '../net/ws-probe.js';
import {
  chainData,
  chainVerifier,
  chainEvidence,
  interceptionData,
  interceptionFinding,
  interceptionOf,
  platformStoreEvidence,
  searchMissingIssuer,
  transportVerdict,
  unknownForUnreadStore,
  unreadStoreFinding,
  verdictData,
  verdictEvidence,
  verdictHints,
} from './chain-verdict.js';
import { endpointProblemFinding } from './codex-config.js';
import { withConfigActions } from './config-actions.js';
import type { ConfigFix } from '../codex/config-fix.js';
import type { DoctorCheck, DoctorContext } from './context.js';
import { bundleUnusableHint } from '../words/endpoint-words.js';
import { networkPlan, withEndpointRow, type NetworkPlan, type PlannedEndpoint } from './network-plan.js';
import { WS_UPGRADE } from './network-checks.js';
import { askIt, clockOf, networkHints, routeEnv, websocketOffAction, websocketOffHint, type HintContext } from '../words/network-hints.js';
import { Speaker } from '../words/speaker.js';
import type { Route } from './network.js';
import { captureChain, chainLine, classifyFailure, describeRoute, probeBudget, Stager, throughPath } from './network.js';

export interface WsUpgradeFacts {
  url: string | null;
  upgraded: boolean;
}


export const wsUpgradeCheck: DoctorCheck<WsUpgradeFacts> = {
  ...WS_UPGRADE,
  async run(ctx) {
    ctx.stage('input');
    const { host } = ctx;
    const world = await ctx.world();
    const endpoints = await loadEndpoints(host, world);
    const { websocket } = endpoints;
    if (endpoints.problems.length > 0) return invalidEndpoint(endpoints, world.config, host, new Speaker(world, host));
    if (!websocket.enabled || websocket.url === null) {
      return {
        summary: `Not used: ${websocket.reason}`,
        findings: [{ level: 'info', code: 'WS_DISABLED', stage: 'input', detail: websocket.reason }],
        data: { url: websocket.url, enabled: false },
        facts: { url: websocket.url, upgraded: false },
      };
    }
    // What Codex would do with userinfo in the base URL is no business of a probe that sends no credential.
    const net = await networkPlan(ctx);
    const endpoint = net.planned.find((p) => p.transport === 'wss');
    if (!endpoint) throw new Error('the endpoint plan has no WebSocket endpoint');
    return withEndpointRow(await upgradeThrough(ctx, net, endpoint, withoutUserinfo(new URL(websocket.url))), endpoint);
  },
};

async function upgradeThrough(ctx: DoctorContext, net: NetworkPlan, endpoint: PlannedEndpoint, url: URL): Promise<CheckResult<WsUpgradeFacts>> {
    const { host } = ctx;
    const { world, endpoints, sets } = net;
    const { target, route } = endpoint;
    const routeFinding: Finding = { level: 'info', code: 'NET_ROUTE', stage: 'tcp', detail: `The WebSocket connects to ${describeRoute(route, target)}.` };
    const words = new Speaker(world, host);
    const configFile = path.join(world.codexHome, 'config.toml');
    const hintContext: HintContext = { target, route, transport: 'websocket', platform: host.platform, words, provider: endpoints.provider, configFile, env: routeEnv(world, host) };
    const withWorkaround = (hints: [Hint, ...Hint[]]): [Hint, ...Hint[]] => [...hints, workaround(hintContext)];
    // 0.169.0: after the fallback a failing HTTPS is retried without end; say what CI then sees.
    const hangNote = unboundedRetriesNote(world.codexVersion);
    const retries: Finding[] = hangNote ? [{ level: 'info', code: 'NET_RETRIES_UNBOUNDED', stage: 'ws-upgrade', detail: hangNote }] : [];
    if (endpoint.trust.kind === 'unusable') {
      return {
        summary: `${url.host}: not tested: ${endpoint.trust.detail}`,
        findings: [routeFinding, { level: 'fail', code: 'NET_BUNDLE_UNUSABLE', stage: 'input', detail: endpoint.trust.detail, hints: withWorkaround(bundleUnusableHint(words, net.bundleFix)) }],
        data: { url: url.href, route: describeRoute(route, target), stage: 'input' },
        facts: { url: url.href, upgraded: false },
      };
    }

    // The upgrade's client (undici) loads while the connection opens and the handshake waits for the server.
    const wsProbe = import('../net/ws-probe.js');
    wsProbe.catch(() => {});
    const stager = new Stager(ctx);
    const budget = probeBudget(ctx);
    const pathInput = { target, route, dialing: host, signal: budget.signal, proxyCa: () => sets.websocket.pems };
    const httpsOnly = await httpsThroughTlsProxy(ctx, net, endpoint, budget.signal);
    const fail = (error: unknown): { summary: string; findings: Finding[]; data: Record<string, unknown> } => {
      const failure = classifyFailure(error, stager, { proxied: route.kind === 'proxy', probe: 'ws' });
      // Streaming over HTTPS only helps only where the HTTPS path works: a connection, proxy or handshake that
      // fails before the upgrade (refused, silent, 407, an unusable proxy URL, Codex's own policy) fails login too.
      // A failure at the upgrade itself comes after TLS passed: the HTTPS path works, so streaming over it is the user's fix.
      const hints: [Hint, ...Hint[]] = staleWebSocketOnlyProxy(failure.code, route)
        ? [forgetStaleProxy(route.variable, words)]
        : failure.code === 'PROXY_SCHEME_UNSUPPORTED' && httpsOnly
          ? streamOverHttps(endpoints.provider, configFile, words)
          : failure.stage === 'ws-upgrade'
            ? [workaround(hintContext), ...networkHints(failure.code, hintContext)]
            : networkHints(failure.code, hintContext);
      return {
        summary: `${url.href}: failed at ${failure.stage} (${failure.code}).`,
        findings: [routeFinding, ...retries, { level: 'fail', code: failure.code, stage: failure.stage, detail: failure.detail, cause: failure.cause, hints }],
        data: { url: url.href, route: describeRoute(route, target), stage: failure.stage },
      };
    };
    let verified: TLSSocket | null = null;
    try {
      // 1. Capture the chain and judge it with the WebSocket's own trust set (always rustls). When rustls' rules
      // accept it, that same connection carries the upgrade (nothing is written on it before).
      let capture: TlsCapture;
      let connectAnswer: HttpHead | null;
      try {
        const verifier = chainVerifier(sets.websocket, target.host, host.now(), []);
        ({ capture, socket: verified, connect: connectAnswer } = await captureChain(stager, pathInput, { servername: target.host, alpn: WEBSOCKET_ALPN, set: sets.websocket, judge: false, verifier, keep: true }));
      } catch (error) {
        return fail(error);
      }
      ctx.stage('tls-verify');
      // rustls decides for the WebSocket: OpenSSL's verdict is not asked for (one handshake fewer).
      const verdict = transportVerdict(sets.websocket, capture, target.host, host.now(), false);
      const interception = interceptionOf(capture.chain, sets);
      const evidence: EvidenceSection[] = [
        ...chainEvidence(capture, verdict.webpki.anchor, target.host),
        verdictEvidence([verdict], sets),
        ...platformStoreEvidence(sets),
      ];
      const base = {
        url: url.href,
        route: describeRoute(route, target),
        chain: chainData(capture.chain),
        interception: interceptionData(interception),
        verdict: verdictData(verdict),
      };
      if (!verdict.ok && verdict.failure) {
        const search = await searchMissingIssuer(host, world, sets, capture.chain, [verdict]);
        const fallback = (code: ErrorCode): [Hint, ...Hint[]] =>
          networkHints(code, { ...hintContext, intercepted: interception.kind !== 'not-intercepted', ...clockOf(connectAnswer, host.now()) });
        if (unknownForUnreadStore(verdict)) {
          // Nothing is sent over a connection the doctor could not verify as Codex would: no upgrade attempt.
          return {
            summary: `${url.host}: not tested: the chain needs a root the doctor could not look up in the OS store. ${chainLine(capture.chain, verdict.webpki.anchor)}`,
            findings: [
              routeFinding,
              interceptionFinding(interception, 'tls-verify'),
              unreadStoreFinding(verdict, sets, search, fallback('TLS_UNKNOWN_ISSUER'), ' The upgrade was not attempted.'),
            ],
            evidence,
            data: base,
            facts: { url: url.href, upgraded: false },
          };
        }
        return {
          summary: `${url.host}: ${verdict.failure.cause.message} for the WebSocket. ${chainLine(capture.chain, verdict.webpki.anchor)}`,
          findings: [
            routeFinding,
            interceptionFinding(interception, 'tls-verify'),
            ...retries,
            {
              level: 'fail',
              code: verdict.failure.code,
              stage: 'tls-verify',
              detail: `${verdict.failure.detail} Codex reports "failed to connect to websocket". ${AFTER_WEBSOCKET_FAILURE}`,
              cause: verdict.failure.cause,
              hints: httpsRejects(sets.https, capture, target.host, host.now()) ? verdictHints(verdict, search, fallback) : withWorkaround(verdictHints(verdict, search, fallback)),
            },
          ],
          evidence,
          data: base,
          facts: { url: url.href, upgraded: false },
        };
      }

      // 2. The upgrade request, over the connection verified in 1 or (the WebSocket's trust set not being rustls')
      // over a fresh connection verified with the same roots.
      let outcome: UpgradeOutcome;
      const upgrade = (socket: TLSSocket): Promise<UpgradeOutcome> =>
        stager.step('ws-upgrade', async () => {
          const { upgradeWebSocket } = await wsProbe;
          return upgradeWebSocket({ socket, url, headers: { ...WEBSOCKET_BETA_HEADER }, signal: budget.signal });
        });
      try {
        const kept = verified;
        verified = null;
        outcome = kept
          ? await upgrade(kept)
          : await throughPath(stager, pathInput, async (opened) =>
              upgrade(
                await stager.step('tls-handshake', () =>
                  verifiedTls({ socket: opened.socket, servername: target.host, verifier: chainVerifier(sets.websocket, target.host, host.now(), capture.chain), alpn: WEBSOCKET_ALPN, signal: budget.signal }),
                ),
              ),
            );
      } catch (error) {
        return { ...fail(error), evidence };
      }
      const finding = judgeUpgrade(outcome, url, hintContext, endpoints);
      evidence.push({
        title: `Upgrade GET ${url.href}`,
        lines: [
          `Headers sent: Upgrade: websocket, Connection: Upgrade, OpenAI-Beta: ${WEBSOCKET_BETA_HEADER['OpenAI-Beta']} (no Authorization: no credential is ever sent)`,
          `Answer: ${outcome.head.status} ${outcome.head.reason}${header(outcome.head, 'upgrade') ? `, Upgrade: ${header(outcome.head, 'upgrade')}` : ''}`,
          ...(outcome.kind === 'response' ? [`Body starts: ${outcome.body.replace(/\s+/g, ' ').slice(0, 200)}`] : []),
        ],
      });
      return {
        summary: `${url.href}: ${outcome.head.status}${finding.level === 'info' ? ', the WebSocket path works' : ` (${finding.code})`}.`,
        findings: [routeFinding, interceptionFinding(interception, 'tls-verify'), ...(finding.level === 'fail' ? retries : []), finding],
        evidence,
        data: { ...base, status: outcome.head.status },
        facts: { url: url.href, upgraded: outcome.kind === 'upgraded' },
      };
    } finally {
      // A connection kept in 1 and not used (the chain failed after all, or an early return) is closed here.
      verified?.destroy();
      budget.dispose();
    }
}

/**
 * Codex cannot use the configured provider (config.codex reports it with the fix): there is no WebSocket to
 * test, and testing the built-in default instead would pass for a URL Codex never opens.
 */
function invalidEndpoint(endpoints: CodexEndpoints, config: CodexConfig, host: Host, words: Speaker): CheckResult<WsUpgradeFacts> {
  const show = (file: string): string => displayPath(file, host.homeDir);
  const fixes: ConfigFix[] = [];
  const findings = endpoints.problems.map((problem): Finding => {
    const why =
      problem.kind === 'unknown-provider'
        ? 'Codex does not start, so it opens no WebSocket.'
        : 'The WebSocket URL is built from it, so there is no WebSocket to open.';
    const { finding, fixes: its } = endpointProblemFinding(config, problem, show, words);
    fixes.push(...its);
    return {
      level: 'fail',
      code: 'WS_ENDPOINT_INVALID',
      stage: 'input',
      detail: `Not tested: ${problem.message} ${why}`,
      hints: finding.hints,
    };
  });
  return {
    summary: `Not tested: ${endpoints.problems[0]?.message ?? ''}`,
    findings: withConfigActions(findings, fixes, config),
    data: { url: null, enabled: false },
    facts: { url: null, upgraded: false },
  };
}

/** 101, or OpenAI's own 401/403, means the path works; anything a proxy says instead means it does not. */
export function judgeUpgrade(outcome: UpgradeOutcome, url: URL, context: HintContext, endpoints: CodexEndpoints): Finding {
  const head: HttpHead = outcome.head;
  const status = `${head.status}${head.reason ? ` ${head.reason}` : ''}`;
  if (outcome.kind === 'upgraded') {
    return { level: 'info', code: 'WS_UPGRADE_OK', stage: 'ws-upgrade', detail: `The upgrade got ${status}: streaming over WebSocket works on this path.` };
  }
  const kind = responseKind(head, outcome.body);
  const fail = (code: ErrorCode, detail: string): Finding => ({
    level: 'fail',
    code,
    stage: 'ws-upgrade',
    detail: `${detail} ${AFTER_WEBSOCKET_FAILURE}`,
    cause: httpAnswerCause(head),
    hints: [workaround(context), askForWebSocket(url, context)],
  });
  if (kind === 'openai-json') {
    if (head.status === 401 || head.status === 403) {
      return {
        level: 'info',
        code: 'WS_UPGRADE_OK',
        stage: 'ws-upgrade',
        detail: `OpenAI itself answered the upgrade with ${status} (${openAiErrorText(outcome.body) ?? 'error'}), as it does without credentials: the path carries WebSocket upgrades.`,
      };
    }
    return fail('WS_UPGRADE_STRIPPED', `OpenAI answered ${status} (${openAiErrorText(outcome.body) ?? 'error'}): the request reached it as a plain GET, so something on the path removed the Upgrade header.`);
  }
  if (head.status >= 200 && head.status < 300) {
    return fail('WS_UPGRADE_STRIPPED', `The upgrade got ${status} instead of 101: a proxy treated it as a plain GET and dropped the Upgrade header.`);
  }
  if ([400, 403, 405, 407, 426].includes(head.status) || kind === 'cloudflare-challenge') {
    const page = kind === 'html' || kind === 'cloudflare-challenge' ? ` (page "${pageTitle(outcome.body) ?? 'untitled'}")` : '';
    return fail('WS_UPGRADE_REFUSED', `Something on the path refused the upgrade with ${status}${page}; OpenAI never saw it.`);
  }
  return fail('WS_UNEXPECTED_RESPONSE', `The upgrade got ${status} from ${kind === 'other-json' ? 'a JSON body that is not OpenAI\'s' : 'something that is not OpenAI'}.`);
}

/**
 * Whether Codex's HTTPS client rejects the chain too, so that streaming over HTTPS only cannot help: judged
 * with HTTPS's own anchors. A missing anchor fails every verifier; a weak signature or key fails rustls
 * but maybe not an older Codex's OpenSSL, which this capture cannot judge (then the workaround is offered).
 */
function httpsRejects(set: TrustSet, capture: TlsCapture, hostname: string, now: Date): boolean {
  const https = transportVerdict(set, capture, hostname, now, false);
  return !https.ok && (set.verifier === 'rustls' || https.failure?.code === 'TLS_UNKNOWN_ISSUER');
}

/**
 * HTTP_PROXY naming a proxy nobody answers at: Codex's HTTPS client never uses it for https:// URLs, so only the
 * WebSocket goes there. Removing it sends streaming the way login goes; copying it to HTTPS_PROXY would break login too.
 */
function staleWebSocketOnlyProxy(code: ErrorCode, route: Route): route is Extract<Route, { kind: 'proxy' }> {
  return code === 'PROXY_UNREACHABLE' && route.kind === 'proxy' && (route.variable === 'HTTP_PROXY' || route.variable === 'http_proxy');
}

function forgetStaleProxy(variable: string, words: Speaker): Hint {
  return words.removeHint(variable, {
    before: `Nothing answers at the proxy ${variable} names, and only WebSocket streaming uses it (Codex's HTTPS client never reads it for https:// URLs).`,
    after: 'so that streaming connects the way login does',
  });
}

/**
 * An https:// proxy URL, which Codex's WebSocket client refuses: whether Codex's HTTPS client gets through that
 * proxy (it speaks TLS on its port, and the chain behind it verifies) decides the fix. Only then is streaming over
 * HTTPS the fix; a proxy that does not speak TLS gets the http:// form of its URL from tls.auth instead.
 */
async function httpsThroughTlsProxy(ctx: DoctorContext, net: NetworkPlan, endpoint: PlannedEndpoint, signal: AbortSignal): Promise<boolean> {
  const { route, target } = endpoint;
  if (route.kind !== 'unusable' || route.decision.kind !== 'unsupported' || route.decision.scheme !== 'https') return false;
  const https = net.planned.find((p) => p.transport === 'https' && p.route.kind === 'proxy' && p.route.proxy.scheme === 'https');
  if (!https || https.route.kind !== 'proxy') return false;
  try {
    const input = { target, route: https.route, dialing: ctx.host, signal, proxyCa: () => net.sets.https.pems };
    const { capture } = await captureChain(new Stager(ctx), input, { servername: target.host, alpn: WEBSOCKET_ALPN, set: net.sets.https, judge: false });
    return transportVerdict(net.sets.https, capture, target.host, ctx.host.now(), false).ok;
  } catch {
    return false;
  }
}

function streamOverHttps(provider: CodexEndpoints['provider'], configFile: string, words: Speaker): [Hint, ...Hint[]] {
  return [
    words.fix(
      "Login already works through this https:// proxy; only Codex's WebSocket client cannot use an https:// proxy URL. Make Codex stream over HTTPS only (supports_websockets = false for the provider).",
      websocketOffAction(provider, configFile),
    ),
    {
      text: 'Or ask your network team for a plain-HTTP (http://) port of the same proxy: this port speaks TLS, so writing http:// here would break login too. With an http:// port, streaming can use WebSocket again.',
    },
  ];
}

function workaround(context: HintContext): Hint {
  return websocketOffHint(context, 'Until the path allows WebSocket, make Codex stream over HTTPS only (no five failed attempts first): set supports_websockets = false for the provider.');
}

function askForWebSocket(url: URL, context: HintContext): Hint {
  const via = context.route.kind === 'proxy' ? ` through ${context.route.proxy.host}:${context.route.proxy.port}` : '';
  return askIt(
    `Ask your network team to allow WebSocket upgrades (HTTP/1.1 GET with Upgrade: websocket) to ${url.host}${url.pathname}${via}, or to exempt ${url.host} from TLS inspection.`,
    'allow-websocket',
    [url.hostname],
  );
}
