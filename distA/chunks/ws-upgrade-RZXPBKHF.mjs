import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  endpointProblemFinding,
  withConfigActions
} from "./chunk-RRXYZSD5.mjs";
import {
  header,
  openAiErrorText,
  responseKind
} from "./chunk-BPW7NUPL.mjs";
import {
  bundleUnusableHint
} from "./chunk-S35CIL63.mjs";
import "./chunk-NMJGY7J4.mjs";
import {
  Stager,
  WEBSOCKET_ALPN,
  askIt,
  captureChain,
  chainData,
  chainEvidence,
  chainLine,
  chainVerifier,
  classifyFailure,
  clockOf,
  describeRoute,
  interceptionData,
  interceptionFinding,
  interceptionOf,
  networkHints,
  networkPlan,
  pageTitle,
  platformStoreEvidence,
  probeBudget,
  routeEnv,
  searchMissingIssuer,
  throughPath,
  transportVerdict,
  unknownForUnreadStore,
  unreadStoreFinding,
  verdictData,
  verdictEvidence,
  verdictHints,
  websocketOffAction,
  websocketOffHint,
  withEndpointRow
} from "./chunk-YOTZIA4W.mjs";
import {
  AFTER_WEBSOCKET_FAILURE,
  Speaker,
  WEBSOCKET_BETA_HEADER,
  WS_UPGRADE,
  displayPath,
  loadEndpoints,
  unboundedRetriesNote,
  withoutUserinfo
} from "./chunk-ZSNKZDF6.mjs";
import "./chunk-QRNDIB45.mjs";
import {
  verifiedTls
} from "./chunk-NJRZQIHL.mjs";
import {
  httpAnswerCause
} from "./chunk-Q546YOJN.mjs";
import "./chunk-JO3HUCP3.mjs";

// src/checks/ws-upgrade.ts
import path from "node:path";
var wsUpgradeCheck = {
  ...WS_UPGRADE,
  async run(ctx) {
    ctx.stage("input");
    const { host } = ctx;
    const world = await ctx.world();
    const endpoints = await loadEndpoints(host, world);
    const { websocket } = endpoints;
    if (endpoints.problems.length > 0) return invalidEndpoint(endpoints, world.config, host, new Speaker(world, host));
    if (!websocket.enabled || websocket.url === null) {
      return {
        summary: `Not used: ${websocket.reason}`,
        findings: [{ level: "info", code: "WS_DISABLED", stage: "input", detail: websocket.reason }],
        data: { url: websocket.url, enabled: false },
        facts: { url: websocket.url, upgraded: false }
      };
    }
    const net = await networkPlan(ctx);
    const endpoint = net.planned.find((p) => p.transport === "wss");
    if (!endpoint) throw new Error("the endpoint plan has no WebSocket endpoint");
    return withEndpointRow(await upgradeThrough(ctx, net, endpoint, withoutUserinfo(new URL(websocket.url))), endpoint);
  }
};
async function upgradeThrough(ctx, net, endpoint, url) {
  const { host } = ctx;
  const { world, endpoints, sets } = net;
  const { target, route } = endpoint;
  const routeFinding = { level: "info", code: "NET_ROUTE", stage: "tcp", detail: `The WebSocket connects to ${describeRoute(route, target)}.` };
  const words = new Speaker(world, host);
  const configFile = path.join(world.codexHome, "config.toml");
  const hintContext = { target, route, transport: "websocket", platform: host.platform, words, provider: endpoints.provider, configFile, env: routeEnv(world, host) };
  const withWorkaround = (hints) => [...hints, workaround(hintContext)];
  const hangNote = unboundedRetriesNote(world.codexVersion);
  const retries = hangNote ? [{ level: "info", code: "NET_RETRIES_UNBOUNDED", stage: "ws-upgrade", detail: hangNote }] : [];
  if (endpoint.trust.kind === "unusable") {
    return {
      summary: `${url.host}: not tested: ${endpoint.trust.detail}`,
      findings: [routeFinding, { level: "fail", code: "NET_BUNDLE_UNUSABLE", stage: "input", detail: endpoint.trust.detail, hints: withWorkaround(bundleUnusableHint(words, net.bundleFix)) }],
      data: { url: url.href, route: describeRoute(route, target), stage: "input" },
      facts: { url: url.href, upgraded: false }
    };
  }
  const wsProbe = import("./ws-probe-2CVPEXIQ.mjs");
  wsProbe.catch(() => {
  });
  const stager = new Stager(ctx);
  const budget = probeBudget(ctx);
  const pathInput = { target, route, dialing: host, signal: budget.signal, proxyCa: () => sets.websocket.pems };
  const httpsOnly = await httpsThroughTlsProxy(ctx, net, endpoint, budget.signal);
  const fail = (error) => {
    const failure = classifyFailure(error, stager, { proxied: route.kind === "proxy", probe: "ws" });
    const hints = staleWebSocketOnlyProxy(failure.code, route) ? [forgetStaleProxy(route.variable, words)] : failure.code === "PROXY_SCHEME_UNSUPPORTED" && httpsOnly ? streamOverHttps(endpoints.provider, configFile, words) : failure.stage === "ws-upgrade" ? [workaround(hintContext), ...networkHints(failure.code, hintContext)] : networkHints(failure.code, hintContext);
    return {
      summary: `${url.href}: failed at ${failure.stage} (${failure.code}).`,
      findings: [routeFinding, ...retries, { level: "fail", code: failure.code, stage: failure.stage, detail: failure.detail, cause: failure.cause, hints }],
      data: { url: url.href, route: describeRoute(route, target), stage: failure.stage }
    };
  };
  let verified = null;
  try {
    let capture;
    let connectAnswer;
    try {
      const verifier = chainVerifier(sets.websocket, target.host, host.now(), []);
      ({ capture, socket: verified, connect: connectAnswer } = await captureChain(stager, pathInput, { servername: target.host, alpn: WEBSOCKET_ALPN, set: sets.websocket, judge: false, verifier, keep: true }));
    } catch (error) {
      return fail(error);
    }
    ctx.stage("tls-verify");
    const verdict = transportVerdict(sets.websocket, capture, target.host, host.now(), false);
    const interception = interceptionOf(capture.chain, sets);
    const evidence = [
      ...chainEvidence(capture, verdict.webpki.anchor, target.host),
      verdictEvidence([verdict], sets),
      ...platformStoreEvidence(sets)
    ];
    const base = {
      url: url.href,
      route: describeRoute(route, target),
      chain: chainData(capture.chain),
      interception: interceptionData(interception),
      verdict: verdictData(verdict)
    };
    if (!verdict.ok && verdict.failure) {
      const search = await searchMissingIssuer(host, world, sets, capture.chain, [verdict]);
      const fallback = (code) => networkHints(code, { ...hintContext, intercepted: interception.kind !== "not-intercepted", ...clockOf(connectAnswer, host.now()) });
      if (unknownForUnreadStore(verdict)) {
        return {
          summary: `${url.host}: not tested: the chain needs a root the doctor could not look up in the OS store. ${chainLine(capture.chain, verdict.webpki.anchor)}`,
          findings: [
            routeFinding,
            interceptionFinding(interception, "tls-verify"),
            unreadStoreFinding(verdict, sets, search, fallback("TLS_UNKNOWN_ISSUER"), " The upgrade was not attempted.")
          ],
          evidence,
          data: base,
          facts: { url: url.href, upgraded: false }
        };
      }
      return {
        summary: `${url.host}: ${verdict.failure.cause.message} for the WebSocket. ${chainLine(capture.chain, verdict.webpki.anchor)}`,
        findings: [
          routeFinding,
          interceptionFinding(interception, "tls-verify"),
          ...retries,
          {
            level: "fail",
            code: verdict.failure.code,
            stage: "tls-verify",
            detail: `${verdict.failure.detail} Codex reports "failed to connect to websocket". ${AFTER_WEBSOCKET_FAILURE}`,
            cause: verdict.failure.cause,
            hints: httpsRejects(sets.https, capture, target.host, host.now()) ? verdictHints(verdict, search, fallback) : withWorkaround(verdictHints(verdict, search, fallback))
          }
        ],
        evidence,
        data: base,
        facts: { url: url.href, upgraded: false }
      };
    }
    let outcome;
    const upgrade = (socket) => stager.step("ws-upgrade", async () => {
      const { upgradeWebSocket } = await wsProbe;
      return upgradeWebSocket({ socket, url, headers: { ...WEBSOCKET_BETA_HEADER }, signal: budget.signal });
    });
    try {
      const kept = verified;
      verified = null;
      outcome = kept ? await upgrade(kept) : await throughPath(
        stager,
        pathInput,
        async (opened) => upgrade(
          await stager.step(
            "tls-handshake",
            () => verifiedTls({ socket: opened.socket, servername: target.host, verifier: chainVerifier(sets.websocket, target.host, host.now(), capture.chain), alpn: WEBSOCKET_ALPN, signal: budget.signal })
          )
        )
      );
    } catch (error) {
      return { ...fail(error), evidence };
    }
    const finding = judgeUpgrade(outcome, url, hintContext, endpoints);
    evidence.push({
      title: `Upgrade GET ${url.href}`,
      lines: [
        `Headers sent: Upgrade: websocket, Connection: Upgrade, OpenAI-Beta: ${WEBSOCKET_BETA_HEADER["OpenAI-Beta"]} (no Authorization: no credential is ever sent)`,
        `Answer: ${outcome.head.status} ${outcome.head.reason}${header(outcome.head, "upgrade") ? `, Upgrade: ${header(outcome.head, "upgrade")}` : ""}`,
        ...outcome.kind === "response" ? [`Body starts: ${outcome.body.replace(/\s+/g, " ").slice(0, 200)}`] : []
      ]
    });
    return {
      summary: `${url.href}: ${outcome.head.status}${finding.level === "info" ? ", the WebSocket path works" : ` (${finding.code})`}.`,
      findings: [routeFinding, interceptionFinding(interception, "tls-verify"), ...finding.level === "fail" ? retries : [], finding],
      evidence,
      data: { ...base, status: outcome.head.status },
      facts: { url: url.href, upgraded: outcome.kind === "upgraded" }
    };
  } finally {
    verified?.destroy();
    budget.dispose();
  }
}
function invalidEndpoint(endpoints, config, host, words) {
  const show = (file) => displayPath(file, host.homeDir);
  const fixes = [];
  const findings = endpoints.problems.map((problem) => {
    const why = problem.kind === "unknown-provider" ? "Codex does not start, so it opens no WebSocket." : "The WebSocket URL is built from it, so there is no WebSocket to open.";
    const { finding, fixes: its } = endpointProblemFinding(config, problem, show, words);
    fixes.push(...its);
    return {
      level: "fail",
      code: "WS_ENDPOINT_INVALID",
      stage: "input",
      detail: `Not tested: ${problem.message} ${why}`,
      hints: finding.hints
    };
  });
  return {
    summary: `Not tested: ${endpoints.problems[0]?.message ?? ""}`,
    findings: withConfigActions(findings, fixes, config),
    data: { url: null, enabled: false },
    facts: { url: null, upgraded: false }
  };
}
function judgeUpgrade(outcome, url, context, endpoints) {
  const head = outcome.head;
  const status = `${head.status}${head.reason ? ` ${head.reason}` : ""}`;
  if (outcome.kind === "upgraded") {
    return { level: "info", code: "WS_UPGRADE_OK", stage: "ws-upgrade", detail: `The upgrade got ${status}: streaming over WebSocket works on this path.` };
  }
  const kind = responseKind(head, outcome.body);
  const fail = (code, detail) => ({
    level: "fail",
    code,
    stage: "ws-upgrade",
    detail: `${detail} ${AFTER_WEBSOCKET_FAILURE}`,
    cause: httpAnswerCause(head),
    hints: [workaround(context), askForWebSocket(url, context)]
  });
  if (kind === "openai-json") {
    if (head.status === 401 || head.status === 403) {
      return {
        level: "info",
        code: "WS_UPGRADE_OK",
        stage: "ws-upgrade",
        detail: `OpenAI itself answered the upgrade with ${status} (${openAiErrorText(outcome.body) ?? "error"}), as it does without credentials: the path carries WebSocket upgrades.`
      };
    }
    return fail("WS_UPGRADE_STRIPPED", `OpenAI answered ${status} (${openAiErrorText(outcome.body) ?? "error"}): the request reached it as a plain GET, so something on the path removed the Upgrade header.`);
  }
  if (head.status >= 200 && head.status < 300) {
    return fail("WS_UPGRADE_STRIPPED", `The upgrade got ${status} instead of 101: a proxy treated it as a plain GET and dropped the Upgrade header.`);
  }
  if ([400, 403, 405, 407, 426].includes(head.status) || kind === "cloudflare-challenge") {
    const page = kind === "html" || kind === "cloudflare-challenge" ? ` (page "${pageTitle(outcome.body) ?? "untitled"}")` : "";
    return fail("WS_UPGRADE_REFUSED", `Something on the path refused the upgrade with ${status}${page}; OpenAI never saw it.`);
  }
  return fail("WS_UNEXPECTED_RESPONSE", `The upgrade got ${status} from ${kind === "other-json" ? "a JSON body that is not OpenAI's" : "something that is not OpenAI"}.`);
}
function httpsRejects(set, capture, hostname, now) {
  const https = transportVerdict(set, capture, hostname, now, false);
  return !https.ok && (set.verifier === "rustls" || https.failure?.code === "TLS_UNKNOWN_ISSUER");
}
function staleWebSocketOnlyProxy(code, route) {
  return code === "PROXY_UNREACHABLE" && route.kind === "proxy" && (route.variable === "HTTP_PROXY" || route.variable === "http_proxy");
}
function forgetStaleProxy(variable, words) {
  return words.removeHint(variable, {
    before: `Nothing answers at the proxy ${variable} names, and only WebSocket streaming uses it (Codex's HTTPS client never reads it for https:// URLs).`,
    after: "so that streaming connects the way login does"
  });
}
async function httpsThroughTlsProxy(ctx, net, endpoint, signal) {
  const { route, target } = endpoint;
  if (route.kind !== "unusable" || route.decision.kind !== "unsupported" || route.decision.scheme !== "https") return false;
  const https = net.planned.find((p) => p.transport === "https" && p.route.kind === "proxy" && p.route.proxy.scheme === "https");
  if (!https || https.route.kind !== "proxy") return false;
  try {
    const input = { target, route: https.route, dialing: ctx.host, signal, proxyCa: () => net.sets.https.pems };
    const { capture } = await captureChain(new Stager(ctx), input, { servername: target.host, alpn: WEBSOCKET_ALPN, set: net.sets.https, judge: false });
    return transportVerdict(net.sets.https, capture, target.host, ctx.host.now(), false).ok;
  } catch {
    return false;
  }
}
function streamOverHttps(provider, configFile, words) {
  return [
    words.fix(
      "Login already works through this https:// proxy; only Codex's WebSocket client cannot use an https:// proxy URL. Make Codex stream over HTTPS only (supports_websockets = false for the provider).",
      websocketOffAction(provider, configFile)
    ),
    {
      text: "Or ask your network team for a plain-HTTP (http://) port of the same proxy: this port speaks TLS, so writing http:// here would break login too. With an http:// port, streaming can use WebSocket again."
    }
  ];
}
function workaround(context) {
  return websocketOffHint(context, "Until the path allows WebSocket, make Codex stream over HTTPS only (no five failed attempts first): set supports_websockets = false for the provider.");
}
function askForWebSocket(url, context) {
  const via = context.route.kind === "proxy" ? ` through ${context.route.proxy.host}:${context.route.proxy.port}` : "";
  return askIt(
    `Ask your network team to allow WebSocket upgrades (HTTP/1.1 GET with Upgrade: websocket) to ${url.host}${url.pathname}${via}, or to exempt ${url.host} from TLS inspection.`,
    "allow-websocket",
    [url.hostname]
  );
}
export {
  judgeUpgrade,
  wsUpgradeCheck
};
