import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  loginRetryAfterFailure
} from "./chunk-QHAEARCA.mjs";
import {
  bundleUnusableHint,
  endpointName,
  endpointsLine,
  fallbackNote,
  nonEssentialNote
} from "./chunk-S35CIL63.mjs";
import "./chunk-NMJGY7J4.mjs";
import {
  KeptConnection,
  Stager,
  captureChain,
  certificateData,
  chainData,
  chainEvidence,
  chainLine,
  chainVerifier,
  classifyFailure,
  clockOf,
  describeRoute,
  endpointRow,
  interceptionData,
  interceptionFinding,
  interceptionOf,
  networkHints,
  networkPlan,
  platformStoreEvidence,
  platformStoreNote,
  probeBudget,
  routeEnv,
  routeLabel,
  searchMissingIssuer,
  transportVerdict,
  transportWords,
  unknownForUnreadStore,
  unreadStoreFinding,
  verdictData,
  verdictEvidence,
  verdictHints,
  verifierName
} from "./chunk-YOTZIA4W.mjs";
import {
  Speaker,
  TLS_AUTH
} from "./chunk-ZSNKZDF6.mjs";
import "./chunk-QRNDIB45.mjs";
import "./chunk-NJRZQIHL.mjs";
import "./chunk-Q546YOJN.mjs";
import "./chunk-JO3HUCP3.mjs";

// src/checks/tls-auth.ts
var tlsAuthCheck = {
  ...TLS_AUTH,
  async run(ctx) {
    ctx.stage("input");
    const net = await networkPlan(ctx);
    const https = net.planned.filter((p) => p.transport === "https");
    const login = https.find((p) => p.contacts.some((c) => c.client === "login"));
    if (!login) throw new Error("the endpoint plan has no login endpoint");
    const others = https.filter((p) => p !== login);
    const budget = probeBudget(ctx);
    let outcome;
    let probed;
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
      data: { ...result.data, endpoints: rows }
    };
  }
};
async function probeLogin(ctx, net, login, signal) {
  const { host } = ctx;
  const { world, endpoints, sets } = net;
  const { target, route } = login;
  const routeFinding = { level: "info", code: "NET_ROUTE", stage: "tcp", detail: `Login connects to ${describeRoute(route, target)}.` };
  if (login.trust.kind === "unusable") {
    const code = "NET_BUNDLE_UNUSABLE";
    return {
      result: {
        summary: `${target.host}: not tested: ${login.trust.detail}`,
        findings: [routeFinding, { level: "fail", code, stage: "input", detail: login.trust.detail, hints: bundleUnusableHint(new Speaker(world, host), net.bundleFix) }],
        data: { target: `${target.host}:${target.port}`, route: describeRoute(route, target), stage: "input" }
      },
      row: endpointRow(login, "fail", code)
    };
  }
  const hintContext = { target, route, transport: "https", platform: host.platform, words: new Speaker(world, host), env: routeEnv(world, host) };
  const stager = new Stager(ctx);
  let capture;
  let connectAnswer;
  let kept = null;
  try {
    const pathInput = { target, route, dialing: host, signal, proxyCa: () => sets.https.pems };
    const verifier = chainVerifier(sets.https, target.host, host.now(), []);
    let socket;
    ({ capture, connect: connectAnswer, socket } = await captureChain(stager, pathInput, { servername: target.host, alpn: sets.https.alpn, set: sets.https, verifier, keep: true }));
    if (socket) {
      kept = new KeptConnection(socket, ctx.signal);
      import("./oauth-token-LNJXIXHX.mjs").catch(() => {
      });
    }
  } catch (error) {
    const failure = classifyFailure(error, stager, { proxied: route.kind === "proxy", probe: "tls" });
    return {
      result: {
        summary: `${target.host}: failed at ${failure.stage} (${failure.code}).`,
        findings: [
          routeFinding,
          { level: "fail", code: failure.code, stage: failure.stage, detail: failure.detail, cause: failure.cause, hints: networkHints(failure.code, hintContext) },
          ...loginRetryAfterFailure(world, failure.stage, host.platform, ctx.options.proxy)
        ],
        data: { target: `${target.host}:${target.port}`, route: describeRoute(route, target), stage: failure.stage }
      },
      row: endpointRow(login, "fail", failure.code)
    };
  }
  ctx.stage("tls-verify");
  const now = host.now();
  const https = transportVerdict(sets.https, capture, target.host, now, true);
  const websocket = transportVerdict(sets.websocket, capture, target.host, now, false);
  const interception = interceptionOf(capture.chain, sets);
  const search = await searchMissingIssuer(host, world, sets, capture.chain, [https, websocket]);
  const intercepted = interception.kind !== "not-intercepted";
  const fallback = (code) => networkHints(code, { ...hintContext, intercepted, ...clockOf(connectAnswer, now) });
  const verdicts = verdictFindings(https, websocket, sets, search, fallback);
  const findings = [routeFinding, interceptionFinding(interception, "tls-verify"), ...verdicts];
  if (!https.ok) findings.push(...loginRetryAfterFailure(world, "tls-verify", host.platform, ctx.options.proxy));
  const anchor = https.webpki.anchor ?? websocket.webpki.anchor;
  const evidence = [
    ...chainEvidence(capture, anchor, target.host),
    verdictEvidence([https, websocket], sets),
    ...platformStoreEvidence(sets),
    ...connectAnswer ? [{ title: "Proxy", lines: [`${describeRoute(route, target)}: CONNECT answered ${connectAnswer.status} ${connectAnswer.reason}`.trim()] }] : [],
    { title: "Trust as Codex sets it up", lines: [sets.plan.https.sentence, sets.plan.websocket.sentence] },
    ...search ? [issuerSearchEvidence(search)] : []
  ];
  const failed = verdicts.some((f) => f.level === "fail");
  if (!https.ok || failed) {
    kept?.close();
    kept = null;
  }
  const httpsFinding = verdicts.find((f) => f.level !== "info" && f.code !== "TLS_TRANSPORTS_DISAGREE");
  return {
    result: {
      summary: summaryOf(target, route, interception, https, websocket, capture.chain.length === 0 ? "" : chainLine(capture.chain, anchor)),
      findings,
      evidence,
      data: {
        target: `${target.host}:${target.port}`,
        route: describeRoute(route, target),
        tls: { protocol: capture.protocol, cipher: capture.cipher?.standardName ?? capture.cipher?.name ?? null, alpn: capture.alpn },
        chain: chainData(capture.chain),
        // The root the chain was verified up to (from the user's bundle or the OS store), which IT may be asked to re-issue.
        ...anchor && { anchor: certificateData(anchor, true) },
        interception: interceptionData(interception),
        verdicts: { https: verdictData(https), websocket: verdictData(websocket) },
        ...search && { issuerSearch: { issuer: search.issuer, found: search.candidates.map((c) => ({ path: c.path, format: c.format, source: c.source.kind })) } }
      },
      facts: { endpoints, target, route, trust: sets, interception, verdicts: { https, websocket }, issuerSearch: search, loginPassed: !failed, login, chain: capture.chain, connection: kept }
    },
    row: endpointRow(login, https.ok ? "pass" : failed ? "fail" : "warn", https.ok ? null : httpsFinding?.code ?? https.failure?.code ?? null)
  };
}
async function probeHttps(ctx, net, endpoint, signal) {
  const { host } = ctx;
  const { target, route } = endpoint;
  const name = endpointName(endpoint, routeLabel(route));
  const level = endpoint.essential ? "fail" : "warn";
  const failed = (code, finding) => ({
    row: endpointRow(endpoint, level, code),
    findings: [{ ...finding, level, code, detail: `${name}: ${finding.detail}${nonEssentialNote(endpoint)}` }]
  });
  const words = new Speaker(net.world, host);
  if (endpoint.trust.kind === "unusable") return failed("NET_BUNDLE_UNUSABLE", { stage: "input", detail: endpoint.trust.detail, hints: bundleUnusableHint(words, net.bundleFix) });
  const set = endpoint.trust.set;
  const note = endpoint.trust.fallback ? fallbackNote(bundleName(net)) : "";
  const hintContext = { target, route, transport: "https", platform: host.platform, words, env: routeEnv(net.world, host) };
  const stager = new Stager(ctx);
  let capture;
  let connectAnswer;
  try {
    const pathInput = { target, route, dialing: host, signal, proxyCa: () => set.pems };
    const verifier = chainVerifier(set, target.host, host.now(), []);
    ({ capture, connect: connectAnswer } = await captureChain(stager, pathInput, { servername: target.host, alpn: set.alpn, set, verifier }));
  } catch (error) {
    const failure2 = classifyFailure(error, stager, { proxied: route.kind === "proxy", probe: "tls" });
    return failed(failure2.code, { stage: failure2.stage, detail: `${failure2.detail}${note}`, cause: failure2.cause, hints: networkHints(failure2.code, hintContext) });
  }
  const verdict = transportVerdict(set, capture, target.host, host.now(), true);
  const intercepted = interceptionOf(capture.chain, net.sets).kind !== "not-intercepted";
  const clock = clockOf(connectAnswer, host.now());
  if (verdict.ok) {
    return {
      row: endpointRow(endpoint, "pass", null),
      findings: [{ level: "info", code: "TLS_CHAIN_VERIFIED", stage: "tls-verify", detail: `${name}: trusted by ${verifierName(verdict.verifier)}.${note}` }]
    };
  }
  const fallback = (code) => networkHints(code, { ...hintContext, intercepted, ...clock });
  if (unknownForUnreadStore(verdict)) {
    const finding = unreadStoreFinding(verdict, net.sets, null, fallback("TLS_UNKNOWN_ISSUER"));
    return { row: endpointRow(endpoint, "warn", finding.code), findings: [{ ...finding, detail: `${name}: ${finding.detail}` }] };
  }
  const failure = verdict.failure ?? { code: "TLS_VERIFY_FAILED", detail: "The chain is not trusted.", cause: { message: "not trusted" } };
  const search = set === net.sets.https ? await searchMissingIssuer(host, net.world, net.sets, capture.chain, [verdict]) : null;
  return failed(failure.code, { stage: "tls-verify", detail: `${failure.detail} ${chainLine(capture.chain, verdict.webpki.anchor)}${note}`, cause: failure.cause, hints: verdictHints(verdict, search, fallback) });
}
function bundleName(net) {
  const bundle = net.plan.https.bundle ?? net.plan.websocket.bundle;
  return bundle ? `${bundle.variable}=${bundle.raw}` : "its CA bundle";
}
function verdictFindings(https, websocket, sets, search, fallback) {
  const findings = [];
  const ok = (v) => ({
    level: "info",
    code: "TLS_CHAIN_VERIFIED",
    stage: "tls-verify",
    detail: `${transportWords(v.transport)}: trusted by ${verifierName(v.verifier)}${platformStoreNote(v)}.`
  });
  const httpsUnread = unknownForUnreadStore(https);
  const websocketUnread = unknownForUnreadStore(websocket);
  const unread = (v, also = "") => unreadStoreFinding(v, sets, search, fallback("TLS_UNKNOWN_ISSUER"), also);
  if (https.ok) findings.push(ok(https));
  else if (httpsUnread) findings.push(unread(https, websocketUnread ? " WebSocket is in the same position." : ""));
  else if (https.failure) {
    const both = !websocket.ok && !websocketUnread && websocket.failure?.code === https.failure.code;
    findings.push({
      level: "fail",
      code: https.failure.code,
      stage: "tls-verify",
      detail: both ? `${https.failure.detail} WebSocket fails the same way.` : https.failure.detail,
      cause: https.failure.cause,
      hints: verdictHints(https, search, fallback)
    });
  }
  if (websocket.ok) {
    findings.push(ok(websocket));
    if (!https.ok && !httpsUnread) {
      findings.push({
        level: "info",
        code: "TLS_TRANSPORTS_DISAGREE",
        stage: "tls-verify",
        detail: "HTTPS and WebSocket trust different roots: this chain would pass for WebSocket streaming but fails for login."
      });
    }
  } else if (websocketUnread) {
    if (!httpsUnread) findings.push(unread(websocket));
  } else if (websocket.failure && (https.ok || httpsUnread || websocket.failure.code !== https.failure?.code)) {
    findings.push({
      level: "warn",
      code: https.ok ? "TLS_TRANSPORTS_DISAGREE" : websocket.failure.code,
      stage: "tls-verify",
      detail: https.ok ? `Login trusts this chain, but Codex's WebSocket would not: ${websocket.failure.detail} (ws.upgrade tests the streaming host itself.)` : websocket.failure.detail,
      cause: websocket.failure.cause,
      hints: verdictHints(websocket, search, fallback)
    });
  }
  return findings;
}
function summaryOf(target, route, interception, https, websocket, chain) {
  const via = route.kind === "proxy" ? `via ${route.proxy.host}:${route.proxy.port}` : "direct";
  const who = interception.kind === "not-intercepted" ? "not intercepted" : interception.kind === "unidentified" ? "intercepted (unidentified product)" : `intercepted by ${interception.product.name}`;
  const verdict = (v) => v.ok ? "trusted" : unknownForUnreadStore(v) ? "unknown (OS store not read)" : v.failure ? v.failure.cause.code ?? v.failure.code : "not trusted";
  const verdicts = https.ok === websocket.ok && verdict(https) === verdict(websocket) ? `${verdict(https)} for HTTPS and WebSocket` : `HTTPS ${verdict(https)}, WebSocket ${verdict(websocket)}`;
  return `${target.host} ${via}: ${who}; ${verdicts}.${chain ? ` ${chain}` : ""}`;
}
function issuerSearchEvidence(search) {
  return {
    title: `Where the missing issuer "${search.issuer}" was looked for`,
    lines: search.candidates.length > 0 ? search.candidates.map((c) => `found in ${c.path} (${c.format.toUpperCase()}, ${c.source.kind === "variable" ? `named by ${c.source.variable}` : c.source.kind})`) : ["not found in the native roots, the usual corporate-root locations or the other CA variables"]
  };
}
export {
  tlsAuthCheck
};
