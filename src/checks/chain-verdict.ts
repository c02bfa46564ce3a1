// Judging a captured chain for one Codex transport: which verifier Codex uses (rustls with webpki rules, or
// the platform library), what it would say, what re-signs the chain, and where a missing issuer is on disk.
// Shared by tls.auth (auth.openai.com, both transports) and ws.upgrade (the streaming host, WebSocket).
import type { X509Certificate } from 'node:crypto';
import { platformStoreCaveat, platformStoreName, type StorePlatform } from '../codex/platform-store.js';
import { buildPath, verifyWebpki, type WebpkiProblem, type WebpkiVerdict } from '../codex/webpki.js';
import type { CodexWorld } from '../codex/world.js';
import { displayPath } from '../codex/env.js';
import type { ErrorCode } from '../core/codes.js';
import type { Host } from '../core/host.js';
import type { EvidenceSection, Finding, Hint, RawCause } from '../core/types.js';
import { defaultFixPaths, findIssuerOnDisk, fixForMissingIssuer, relatedCaIn, type IssuerCandidate } from '../intel/corporate-roots.js';
import { Speaker } from '../words/speaker.js';
import { describeInterception, identifyInterception, parseName, type Interception } from '../intel/products.js';
import { certificateCode } from '../net/classify.js';
import type { ChainVerifier } from '../net/verified-tls.js';
import type { TlsCapture } from '../net/tls-probe.js';
import { certificateLines, chainLine } from './network.js';
import { anchorsFor, type TransportName, type TrustSet, type TrustSets } from './trust-sets.js';

export interface TransportVerdict {
  transport: TransportName;
  verifier: TrustSet['verifier'];
  /** What Codex's verifier for this transport concludes. */
  ok: boolean;
  webpki: WebpkiVerdict;
  /** OpenSSL through Node, against the same roots: null where the capture did not ask it (another set's roots, or a chain rustls accepts). */
  node: { authorized: boolean; error: string | null } | null;
  /** The reason Codex would give, when not ok. */
  failure: { code: ErrorCode; detail: string; cause: RawCause } | null;
  approximate: boolean;
  /** The macOS / Windows OS store in this transport's roots: read, unread (public roots stood in), or none. */
  platformStore: { status: 'read' | 'unread'; platform: StorePlatform } | null;
}

const TRANSPORT_WORDS: Record<TransportName, string> = {
  https: 'HTTPS (login, token exchange, API)',
  websocket: 'WebSocket (Responses streaming)',
};

export function transportWords(transport: TransportName): string {
  return TRANSPORT_WORDS[transport];
}

export function verifierName(verifier: TrustSet['verifier']): string {
  switch (verifier) {
    case 'rustls':
      return 'rustls (webpki rules, emulated by the doctor)';
    case 'openssl':
      return 'OpenSSL (checked through Node, without security-level limits)';
    case 'security-framework':
      return 'macOS Security.framework (approximated with OpenSSL through Node)';
    case 'schannel':
      return 'Windows SChannel (approximated with OpenSSL through Node)';
  }
}

/**
 * The verdict of `set`'s verifier on the captured chain. `nodeApplies`: the capture handshake used this
 * set's roots, so its OpenSSL verdict is about this set.
 */
export function transportVerdict(set: TrustSet, capture: TlsCapture, hostname: string, now: Date, nodeApplies: boolean): TransportVerdict {
  const webpki = verifyWebpki({ chain: capture.chain, anchors: anchorsFor(set, capture.chain), hostname, now, protocol: capture.protocol });
  const node = nodeApplies ? capture.node : null;
  const nodeWords = node ? (node.authorized ? 'Node/OpenSSL accepts the same chain' : `Node/OpenSSL rejects it too (${node.error ?? 'unknown'})`) : null;
  let failure: TransportVerdict['failure'] = null;
  let ok: boolean;
  if (set.verifier === 'rustls' || !node) {
    ok = webpki.ok;
    const first = webpki.problems[0];
    if (first) {
      failure = {
        code: first.code,
        detail: `${TRANSPORT_WORDS[set.transport]} verifies with rustls, which fails: "${first.rustls}". ${first.detail}${nodeWords ? ` (${nodeWords}${node?.authorized ? ', but Codex uses rustls here' : ''}.)` : ''}`,
        cause: { name: 'webpki', code: first.name, message: first.rustls },
      };
    }
  } else {
    ok = node.authorized;
    if (!ok) {
      const error = node.error ?? 'UNSPECIFIED';
      failure = {
        code: certificateCode(error),
        detail: `${TRANSPORT_WORDS[set.transport]} verifies with ${verifierName(set.verifier)}, which rejects the chain (${error}).${webpki.problems[0] ? ` webpki would say: "${webpki.problems[0].rustls}".` : ''}`,
        cause: { name: 'openssl', code: error, message: 'certificate verify failed' },
      };
    }
  }
  const platformStore = set.platformStore ? { status: set.platformStore.status, platform: set.platformStore.platform } : null;
  return { transport: set.transport, verifier: set.verifier, ok, webpki, node, failure, approximate: set.approximate, platformStore };
}

/**
 * UnknownIssuer judged against the public roots standing in for an OS store the doctor could not read: the
 * root may well be in that store, so this is no verdict (a warning, TLS_PLATFORM_STORE_UNREAD, not a failure).
 */
export function unknownForUnreadStore(verdict: TransportVerdict): boolean {
  return !verdict.ok && verdict.failure?.code === 'TLS_UNKNOWN_ISSUER' && verdict.platformStore?.status === 'unread';
}

/** The warning for unknownForUnreadStore verdicts: what could not be read, what to check, the fix if missing. */
export function unreadStoreFinding(verdict: TransportVerdict, sets: TrustSets, search: IssuerSearch | null, fallback: [Hint, ...Hint[]], also = ''): Finding {
  const store = sets.platformStore;
  const storeName = verdict.platformStore ? platformStoreName(verdict.platformStore.platform) : 'the OS store';
  const why = store?.status === 'unread' ? ` (${store.reason})` : '';
  const issuer = search ? `"${search.issuer}"` : 'its issuer';
  return {
    level: 'warn',
    code: 'TLS_PLATFORM_STORE_UNREAD',
    stage: 'tls-verify',
    detail: `${TRANSPORT_WORDS[verdict.transport]}: the chain does not lead to a public root, and the doctor could not read ${storeName}${why}, where Codex would also look for ${issuer}. Not a verdict: Codex works if that root is there, and fails with UnknownIssuer if not.${also}`,
    cause: verdict.failure?.cause ?? { message: 'UnknownIssuer' },
    hints: search?.hints ?? fallback,
  };
}

/** How a probe's request connection is verified: as the transport's verifier would, before any data is sent. */
/**
 * How a request connection is verified as Codex would: OpenSSL with the anchors that matter for the chain the
 * capture saw (`expected`; a different chain on this connection then fails, as it should), or the webpki
 * emulation with the anchors that matter for the chain it is shown.
 */
export function chainVerifier(set: TrustSet, hostname: string, now: Date, expected: readonly X509Certificate[]): ChainVerifier {
  // No chain expected, no anchors: the set's index is not built for it.
  if (set.verifier !== 'rustls') return { kind: 'openssl', ca: expected.length === 0 ? [] : anchorsFor(set, expected).map((c) => c.toString()) };
  return {
    kind: 'custom',
    check: (chain, protocol) => {
      const first = verifyWebpki({ chain, anchors: anchorsFor(set, chain), hostname, now, protocol }).problems[0];
      return first ? { code: first.code, message: `"${first.rustls}": ${first.detail}` } : null;
    },
  };
}

export function interceptionOf(chain: readonly X509Certificate[], sets: TrustSets): Interception {
  return identifyInterception(chain, buildPath(chain, sets.publicRoots.matching(chain)).anchor !== null);
}

export function interceptionFinding(interception: Interception, stage: 'tls-verify'): Finding {
  const detail = describeInterception(interception);
  switch (interception.kind) {
    case 'not-intercepted':
      return { level: 'info', code: 'TLS_NOT_INTERCEPTED', stage, detail };
    case 'known-bad':
      return {
        level: 'fail',
        code: 'TLS_KNOWN_BAD_ROOT',
        stage,
        detail,
        hints: [
          {
            text: `Remove the root "${interception.issuer.cn ?? interception.issuer.text}" from your trust stores (and the software that installed it); its private key is public, so anyone can impersonate any site to this machine.`,
            action: { kind: 'manual', topic: 'remove-root' },
          },
          { text: 'Tell your IT or security team: this is a known-compromised root, not a sanctioned inspection product.' },
        ],
      };
    case 'product':
    case 'unidentified':
      return { level: 'info', code: 'TLS_INTERCEPTED', stage, detail };
  }
}

export interface IssuerSearch {
  issuer: string;
  candidates: IssuerCandidate[];
  hints: [Hint, ...Hint[]];
}

/** When a verdict is UnknownIssuer: look for the issuer on disk and build the exact fix. */
export async function searchMissingIssuer(
  host: Host,
  world: CodexWorld,
  sets: TrustSets,
  chain: readonly X509Certificate[],
  verdicts: readonly TransportVerdict[],
): Promise<IssuerSearch | null> {
  const unknown = verdicts.find((v) => v.failure?.code === 'TLS_UNKNOWN_ISSUER' && v.webpki.missingIssuer);
  const missing = unknown?.webpki.missingIssuer;
  const orphan = missing ? chain[missing.index] : undefined;
  if (!missing || !orphan) return null;
  // CODEX_CA_CERTIFICATE in .env names a file Codex never reads: the root may well be in it.
  const ignoredNames = world.dotenv.ignored.flatMap((e) => (e.value ? [{ path: e.value, variable: `${e.name} in ${displayPath(world.dotenv.path, host.homeDir)}, where Codex ignores it` }] : []));
  const candidates = await findIssuerOnDisk(host, { orphan, env: world.env, nativeRootFiles: sets.nativeRootFiles, ignoredNames });
  const selection = sets.plan.selection;
  const store = unknown.platformStore?.status;
  const bundle = selection.kind === 'variable' ? selection.path : null;
  const relatedCa = candidates.length === 0 && bundle !== null ? await relatedCaIn(host, bundle, { organisation: parseName(orphan.issuer).o, name: missing.issuer }) : null;
  const defaults = defaultFixPaths(world.codexHome, host.platform);
  const hints = fixForMissingIssuer({
    candidates,
    issuer: missing.issuer,
    issuerCn: parseName(orphan.issuer).cn,
    currentBundle: selection.kind === 'variable' ? { variable: selection.variable, path: selection.path } : null,
    codexHome: world.codexHome,
    platform: host.platform,
    words: new Speaker(world, host),
    paths: { combined: await freePath(host, defaults.combined), converted: await freePath(host, defaults.converted) },
    ...(store && { platformStore: store }),
    ...(relatedCa !== null && { relatedCa }),
    saySearched: true,
  });
  return { issuer: missing.issuer, candidates, hints };
}

/** The first of `file`, `file-2.pem`, ... that does not exist yet: a fix never writes over a file. */
async function freePath(host: Host, file: string): Promise<string> {
  for (let n = 1; n <= 5; n++) {
    const candidate = n === 1 ? file : file.replace(/\.pem$/, `-${n}.pem`);
    if ((await host.fs.stat(candidate).catch(() => undefined)) === null) return candidate;
  }
  return file;
}

/** The hints for a failed verdict: the issuer fix for UnknownIssuer, else the code's own advice. */
export function verdictHints(verdict: TransportVerdict, search: IssuerSearch | null, fallback: (code: ErrorCode) => [Hint, ...Hint[]]): [Hint, ...Hint[]] {
  const code = verdict.failure?.code;
  if (code === 'TLS_UNKNOWN_ISSUER' && search) return search.hints;
  return fallback(code ?? 'TLS_VERIFY_FAILED');
}

export function chainEvidence(capture: TlsCapture, anchor: X509Certificate | null, hostname: string): EvidenceSection[] {
  return [
    { title: `Chain presented for ${hostname}`, lines: [chainLine(capture.chain, anchor), ...certificateLines(capture.chain)] },
    {
      title: 'TLS session',
      lines: [
        `protocol ${capture.protocol ?? 'unknown'}, cipher ${capture.cipher?.standardName ?? capture.cipher?.name ?? 'unknown'}, ALPN ${capture.alpn ?? 'none'}`,
        'Captured without rejecting the chain so that it can be shown; no application data was sent on that connection.',
      ],
    },
  ];
}

export function verdictEvidence(verdicts: readonly TransportVerdict[], sets: TrustSets): EvidenceSection {
  const lines: string[] = [];
  for (const v of verdicts) {
    const set = sets[v.transport];
    lines.push(`${TRANSPORT_WORDS[v.transport]}: ${unknownForUnreadStore(v) ? 'not established' : v.ok ? 'trusted' : 'NOT trusted'} by ${verifierName(v.verifier)}${platformStoreNote(v)}`);
    lines.push(`  roots: ${set.anchors.size} distinct, from ${set.sources.join(' + ')}`);
    lines.push(`  webpki: ${v.webpki.ok ? 'accepts' : v.webpki.problems.map((p: WebpkiProblem) => `${p.name} (${p.detail})`).join('; ')}`);
    if (v.node) lines.push(`  Node/OpenSSL: ${v.node.authorized ? 'accepts' : `rejects (${v.node.error ?? 'unknown'})`}`);
  }
  return { title: 'Verdicts per Codex transport', lines };
}

/** Where the roots of a verdict that includes the macOS / Windows OS store came from. */
export function platformStoreNote(v: TransportVerdict): string {
  switch (v.platformStore?.status) {
    case undefined:
      return '';
    case 'read':
      return `, with the roots read from ${platformStoreName(v.platformStore.platform)}`;
    case 'unread':
      return `, with the public roots standing in for ${platformStoreName(v.platformStore.platform)}, which could not be read`;
  }
}

/** What was read of the macOS / Windows OS store, how, and how far it approximates Codex's trust. */
export function platformStoreEvidence(sets: TrustSets): EvidenceSection[] {
  const store = sets.platformStore;
  if (!store) return [];
  return [{
    title: `OS trust store: ${platformStoreName(store.platform)}`,
    lines: [
      ...store.sources.map((s) => `${s.command}: ${s.error === null ? `${s.certificates} certificates` : `not read (${s.error})`}`),
      store.status === 'read'
        ? platformStoreCaveat(store.platform)
        : `Not read: ${store.reason}. The public roots stood in for it, so an issuer that is only in the OS store cannot be judged here.`,
    ],
  }];
}

export function verdictData(v: TransportVerdict): Record<string, unknown> {
  return {
    verifier: v.verifier,
    ok: v.ok,
    approximate: v.approximate,
    platformStore: v.platformStore?.status ?? null,
    code: v.failure?.code ?? null,
    webpki: { ok: v.webpki.ok, problems: v.webpki.problems.map((p) => ({ name: p.name, code: p.code, index: p.index, detail: p.detail })) },
    node: v.node,
  };
}

/** A CA certificate larger than this is named and fingerprinted, not copied in PEM (real ones are 1-2 KB). */
const MAX_PEM_DER_BYTES = 8 * 1024;

/** The presented chain; its CA certificates (all but the leaf) with their PEM, which a request to IT hands over. */
export function chainData(chain: readonly X509Certificate[]): Array<Record<string, unknown>> {
  return chain.map((cert, i) => certificateData(cert, i > 0));
}

/** One certificate as the report keeps it; with `withPem`, its PEM when it is of a sane size. */
export function certificateData(cert: X509Certificate, withPem: boolean): Record<string, unknown> {
  return {
    subject: cert.subject.split('\n').filter(Boolean).join(', '),
    issuer: cert.issuer.split('\n').filter(Boolean).join(', '),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    fingerprint256: cert.fingerprint256,
    ...(withPem && cert.raw.length <= MAX_PEM_DER_BYTES && { pem: cert.toString() }),
  };
}

export function interceptionData(interception: Interception): Record<string, unknown> {
  switch (interception.kind) {
    case 'not-intercepted':
      return { kind: interception.kind };
    case 'known-bad':
    case 'product':
      return { kind: interception.kind, product: interception.product.name, issuer: interception.issuer.text, heuristic: interception.product.heuristic ?? false };
    case 'unidentified':
      return { kind: interception.kind, issuer: interception.issuer.text };
  }
}
