// Every host Codex will contact in this session, with the route and the roots each client uses for it
// (codex-behavior.md §2, §3, §5, §6, §9): the model says which (client, URL) pairs exist; here each one gets
// its route (proxy per transport, NO_PROXY per transport, system proxy) and its trust set, and pairs that
// would be probed the same way (same route, trust, host and transport) share one probe.
import { codexAlpn } from '../codex/alpn.js';
import { AnchorIndex } from '../codex/anchors.js';
import { codexContacts, loadEndpoints, type CodexContact, type CodexEndpoints } from '../codex/endpoints.js';
import { parseCodexPem } from '../codex/pem.js';
import { proxyFor, proxySourceName } from '../codex/proxy.js';
import { trustPlan, type TrustPlan } from '../codex/trust.js';
import type { CodexWorld } from '../codex/world.js';
import type { CheckResult, FixAction, Status } from '../core/types.js';
import type { ErrorCode } from '../core/codes.js';
import type { HostPort } from '../net/dial.js';
import { factsOf, type DoctorContext } from './context.js';
import { routeFrom, type Route } from './network.js';
import { likelyAnchorsOf, trustSetsFor, type TrustSet, type TrustSets } from './trust-sets.js';

/** The roots a client verifies with, or why it cannot open a TLS connection at all. */
export type EndpointTrust =
  | { kind: 'set'; set: TrustSet; /** The model API client's fall-back to the system roots (its bundle did not load). */ fallback: boolean }
  | { kind: 'unusable'; /** What Codex reports, one sentence. */ detail: string };

export interface PlannedEndpoint {
  /** The contacts probed together: same route, trust, host and transport. */
  contacts: CodexContact[];
  transport: CodexContact['transport'];
  target: HostPort;
  route: Route;
  trust: EndpointTrust;
  /** `login`, `model API, model list`... */
  purpose: string;
  /** A failure here stops Codex (login, model API, streaming) rather than one feature. */
  essential: boolean;
}

export interface NetworkPlan {
  world: CodexWorld;
  endpoints: CodexEndpoints;
  plan: TrustPlan;
  sets: TrustSets;
  /** In the order Codex meets them: login, model API, streaming, MCP, OTEL. */
  planned: PlannedEndpoint[];
  /** What makes the CA bundle load (ca.bundle's fix), for the endpoints it leaves unusable. */
  bundleFix?: FixAction;
}

/** One row of the endpoint table (JSON `endpoints`, the text and TUI tables). */
export interface EndpointRow {
  host: string;
  port: number;
  transport: CodexContact['transport'];
  purpose: string;
  route: string;
  status: Exclude<Status, 'crash'>;
  code: ErrorCode | null;
}

export async function networkPlan(ctx: DoctorContext): Promise<NetworkPlan> {
  const { host } = ctx;
  const world = await ctx.world();
  const caFacts = factsOf(ctx, 'ca.bundle');
  const planFor = (withoutBundle: boolean): TrustPlan =>
    trustPlan(world.env, host.platform, {
      cwd: host.cwd,
      codexVersion: world.codexVersion,
      ...(host.systemStore && { systemStore: host.systemStore }),
      ...(withoutBundle && { withoutBundle }),
    });
  const plan = factsOf(ctx, 'env.precedence')?.trust ?? planFor(false);
  const sets = await trustSetsFor(host, world, plan, caFacts, ctx);
  const endpoints = await loadEndpoints(host, world);
  const contacts = codexContacts(endpoints, world.config);

  const breaks = caFacts?.breaks ?? { https: false, websocket: false };
  const bundle = plan.https.bundle ?? plan.websocket.bundle;
  const named = bundle ? `${bundle.variable}=${bundle.raw}` : '';
  const httpsBroken = breaks.https && plan.https.bundle !== null;
  const websocketBroken = breaks.websocket && plan.websocket.bundle !== null;
  // The model API client's fall-back: built only when its bundle fails (planned without the bundle).
  let fallback: Promise<TrustSet> | undefined;
  const fallbackSet = (): Promise<TrustSet> => (fallback ??= trustSetsFor(host, world, planFor(true), undefined, ctx).then((s) => s.https));

  const trustOf = async (contact: CodexContact): Promise<EndpointTrust> => {
    switch (contact.client) {
      case 'login':
        return httpsBroken
          ? { kind: 'unusable', detail: `Codex's login cannot build its HTTPS client: ${named} does not load (see ca.bundle), and login fails hard ("Token exchange failed").` }
          : { kind: 'set', set: sets.https, fallback: false };
      case 'mcp':
        return httpsBroken
          ? { kind: 'unusable', detail: `Codex's HTTP client for this MCP server cannot be built: ${named} does not load (see ca.bundle).` }
          : { kind: 'set', set: sets.https, fallback: false };
      case 'model-api':
        return httpsBroken ? { kind: 'set', set: await fallbackSet(), fallback: true } : { kind: 'set', set: sets.https, fallback: false };
      case 'websocket':
        return websocketBroken
          ? { kind: 'unusable', detail: `Codex cannot configure the WebSocket's TLS: ${named} does not load (see ca.bundle); it reports "failed to configure websocket TLS".` }
          : { kind: 'set', set: sets.websocket, fallback: false };
      case 'otel':
        return contact.caFile === undefined ? { kind: 'set', set: sets.https, fallback: false } : otelTrust(ctx, contact.caFile);
    }
  };

  const byKey = new Map<string, PlannedEndpoint>();
  const trustIds = new Map<unknown, number>();
  const idOf = (trust: EndpointTrust): string => {
    if (trust.kind === 'unusable') return `unusable:${trust.detail}`;
    if (!trustIds.has(trust.set)) trustIds.set(trust.set, trustIds.size);
    return `set:${trustIds.get(trust.set)}`;
  };
  const trusts = await Promise.all(contacts.map(trustOf));
  for (const [i, contact] of contacts.entries()) {
    const trust = trusts[i]!;
    const transport = contact.transport === 'wss' ? 'websocket' : 'https';
    const decision = proxyFor(transport, contact.url, world.env, ctx.options.proxy, transport === 'https' ? world.systemProxy : null);
    const route = routeFrom(decision, world.env, ctx.options.proxy);
    const key = [contact.transport, `${contact.host}:${contact.port}`, routeKey(route), idOf(trust)].join('|');
    const existing = byKey.get(key);
    if (existing) {
      existing.contacts.push(contact);
      if (!existing.purpose.split(', ').includes(contact.purpose)) existing.purpose += `, ${contact.purpose}`;
      existing.essential ||= contact.essential;
      continue;
    }
    byKey.set(key, {
      contacts: [contact],
      transport: contact.transport,
      target: { host: contact.host, port: contact.port },
      route,
      trust,
      purpose: contact.purpose,
      essential: contact.essential,
    });
  }
  return { world, endpoints, plan, sets, planned: [...byKey.values()], ...(caFacts?.fix && { bundleFix: caFacts.fix }) };
}

function routeKey(route: Route): string {
  switch (route.kind) {
    case 'direct':
      return 'direct';
    case 'proxy':
      return `proxy:${route.variable}:${route.proxy.display}`;
    case 'unusable':
      return `unusable:${route.decision.variable}:${route.decision.message}`;
  }
}

/** The route in a few words, for the endpoint table: `direct`, `proxy http://127.0.0.1:3128 (HTTPS_PROXY)`. */
export function routeLabel(route: Route): string {
  switch (route.kind) {
    case 'direct':
      return 'direct';
    case 'proxy':
      return `proxy ${route.proxy.display} (${proxySourceName(route.variable)})`;
    case 'unusable':
      return `unusable (${proxySourceName(route.decision.variable)})`;
  }
}

export function endpointRow(endpoint: PlannedEndpoint, status: EndpointRow['status'], code: ErrorCode | null): EndpointRow {
  return {
    host: endpoint.target.host,
    port: endpoint.target.port,
    transport: endpoint.transport,
    purpose: endpoint.purpose,
    route: routeLabel(endpoint.route),
    status,
    code,
  };
}

/** A check that probes one endpoint: its result with the endpoint's row in `data.endpoints`. */
export function withEndpointRow<F>(result: CheckResult<F>, endpoint: PlannedEndpoint): CheckResult<F> {
  const first = result.findings.find((f) => f.level === 'fail') ?? result.findings.find((f) => f.level === 'warn');
  const status = first ? (first.level === 'fail' ? 'fail' : 'warn') : 'pass';
  return { ...result, data: { ...result.data, endpoints: [endpointRow(endpoint, status, first?.code ?? null)] } };
}

const OTEL_CA_MAX_BYTES = 1024 * 1024;

/** An OTEL exporter's `tls.ca-certificate` replaces the roots for its connection (codex-behavior.md §9). */
async function otelTrust(ctx: DoctorContext, path: string): Promise<EndpointTrust> {
  const unusable = (why: string): EndpointTrust => ({ kind: 'unusable', detail: `The OTEL exporter's ca-certificate ${path} ${why} (see config.codex).` });
  let bytes: Buffer;
  try {
    const read = await ctx.host.fs.readFile(path, OTEL_CA_MAX_BYTES);
    if (read.truncated) return unusable('is far larger than a certificate bundle');
    bytes = read.bytes;
  } catch {
    return unusable('cannot be read');
  }
  const pem = parseCodexPem(bytes);
  const anchors = new AnchorIndex(pem.ok ? pem.certificates.map((c) => ({ der: c.der })) : []);
  if (anchors.size === 0) return unusable('holds no certificate');
  const set: TrustSet = {
    transport: 'https',
    verifier: 'rustls',
    // A client built with its own CA file, as the HTTPS client with a bundle (not checked against the binary).
    alpn: codexAlpn('https', true),
    anchors,
    likelyAnchors: likelyAnchorsOf(anchors),
    pems: anchors.pems(),
    sources: [`OTEL tls.ca-certificate ${path} (${anchors.size})`],
    sentence: `The OTEL exporter trusts only its ca-certificate ${path}.`,
    approximate: false,
    platformStore: null,
  };
  return { kind: 'set', set, fallback: false };
}
