// The roots each Codex transport would trust on this machine, as certificates the probes can verify
// against: built from env.precedence's trust plan (who verifies, what is added to what) and ca.bundle's
// parsed bundle, plus the native roots and the Mozilla roots (Host.publicRoots, else Node's bundled list).
// On macOS and Windows the OS store is read through the OS's own tools (platform-store.ts); when that fails
// the public roots stand in for it, and the set says so (`platformStore.status === 'unread'`).
import type { X509Certificate } from 'node:crypto';
import { AnchorIndex, cachedAnchorParser, type AnchorInput, type SubjectCache, type TrustAnchors } from '../codex/anchors.js';
import { codexAlpn } from '../codex/alpn.js';
import { loadNativeRoots, type NativeRootsLoad } from '../codex/bundle-loader.js';
import { nativeRootLocations, type NativeRootPlan } from '../codex/ca-selection.js';
import { PLATFORM_STORE_TIMEOUT_MS, platformStoreName, readPlatformStore, storePlatformOf, type PlatformStoreLoad } from '../codex/platform-store.js';
import { toPem } from '../codex/pem.js';
import type { TransportTrust, TrustPlan } from '../codex/trust.js';
import type { CodexWorld } from '../codex/world.js';
import type { CheckContext } from '../core/check.js';
import type { Host } from '../core/host.js';
import type { CaBundleFacts } from './ca-bundle.js';
import { publicRootInputs, publicRootsLabel } from './public-roots.js';

export type TransportName = 'https' | 'websocket';

export interface TrustSet {
  transport: TransportName;
  /** rustls (webpki rules) or the platform library (OpenSSL, Security.framework, SChannel). */
  verifier: TransportTrust['verifier'];
  /** The roots as DER indexed by subject: parsed only when a presented chain names them (anchorsFor). */
  anchors: TrustAnchors;
  /**
   * The roots a presented chain most likely needs, given to OpenSSL on the first handshake (network.ts
   * captureChain): the CA bundle's when it is small (a corporate root or two), else its roots that are not public
   * roots when those are few (a store copied with a corporate root added), else the whole set when it is no bigger
   * than a store, else none.
   */
  readonly likelyAnchors: AnchorGuess;
  /** The same roots as PEM, for Node's `ca`: encoded on first use (an https:// proxy, or a set small enough to give OpenSSL whole). */
  readonly pems: string[];
  /** What Codex's client built on these roots offers in ALPN (src/codex/alpn.ts); http-request.ts speaks what was picked. */
  alpn: readonly string[];
  /** Where the roots come from, with counts: `CODEX_CA_CERTIFICATE /x/corp.pem (1)`. */
  sources: string[];
  /** The trust plan's sentence for this transport. */
  sentence: string;
  /** Part of this set is the macOS / Windows OS store, which the doctor only approximates (see platformStore). */
  approximate: boolean;
  /**
   * The macOS keychains or Windows ROOT store this set includes: `read` (its certificates are in `anchors`), or
   * `unread` (the public roots stand in for it). null when no such store is involved (Linux, the lab, or
   * SSL_CERT_FILE / SSL_CERT_DIR replacing it).
   */
  platformStore: PlatformStoreLoad | null;
}

export interface AnchorGuess {
  pems: readonly string[];
  /** SHA-256 fingerprints of the same roots, as X509Certificate.fingerprint256 writes them. */
  fingerprints: ReadonlySet<string>;
}

/** A CA bundle this small is the user's own roots; a bigger one is a whole store, and guessing it would cost more than it saves. */
const MAX_LIKELY_ANCHORS = 16;
/**
 * With no small source to guess from, a set this small (an OS store is ~150 roots, ~220 KB of PEM) is given whole:
 * OpenSSL parses it in ~0.1 ms a root, less than the second connection, CONNECT and handshake it saves on a real
 * network. Bounded in bytes too: that parse is synchronous.
 */
const MAX_WHOLE_SET_GUESS = 300;
const MAX_WHOLE_SET_PEM_CHARS = 1024 * 1024;
const NO_GUESS: AnchorGuess = { pems: [], fingerprints: new Set() };

export interface TrustSets {
  plan: TrustPlan;
  https: TrustSet;
  websocket: TrustSet;
  /** The public web PKI: what "not intercepted" is judged against. */
  publicRoots: AnchorIndex;
  /**
   * Where the OS store lives (its default files, even when SSL_CERT_FILE hides it from Codex) and the files the
   * native roots came from: searched for a missing issuer.
   */
  nativeRootFiles: string[];
  /** The macOS / Windows OS store when a transport uses it, read or not; null otherwise. */
  platformStore: PlatformStoreLoad | null;
}

/** What bounds reading the OS store: the run's signal and deadline. */
export type StoreBound = Pick<CheckContext, 'signal' | 'deadline'>;

const cache = new WeakMap<CodexWorld, Map<TrustPlan, Promise<TrustSets>>>();
const platformStores = new WeakMap<CodexWorld, Promise<PlatformStoreLoad>>();

/** Loads once per world and plan: tls.auth and ws.upgrade share the result. */
export function trustSetsFor(host: Host, world: CodexWorld, plan: TrustPlan, bundle: CaBundleFacts | undefined, bound: StoreBound): Promise<TrustSets> {
  let byPlan = cache.get(world);
  if (!byPlan) {
    byPlan = new Map();
    cache.set(world, byPlan);
  }
  let sets = byPlan.get(plan);
  if (!sets) {
    sets = loadTrustSets(host, world, plan, bundle, bound);
    byPlan.set(plan, sets);
  }
  return sets;
}

/**
 * The macOS keychains / Windows ROOT store, read once per run (whatever the plan), or null where the OS store
 * is files (Linux) or the Host points at its own (the lab, which never runs the OS's tools).
 */
function platformStoreFor(host: Host, world: CodexWorld, bound: StoreBound): Promise<PlatformStoreLoad> | null {
  const platform = storePlatformOf(host.platform);
  if (platform === null || host.systemStore !== undefined) return null;
  let load = platformStores.get(world);
  if (!load) {
    const timeoutMs = Math.max(0, Math.min(PLATFORM_STORE_TIMEOUT_MS, bound.deadline - host.monotonic()));
    load = readPlatformStore(host, platform, { timeoutMs, signal: bound.signal });
    platformStores.set(world, load);
  }
  return load;
}

interface RootGroup {
  label: string;
  certs: readonly AnchorInput[];
}

export async function loadTrustSets(host: Host, world: CodexWorld, plan: TrustPlan, bundle: CaBundleFacts | undefined, bound: StoreBound): Promise<TrustSets> {
  // Security.framework / SChannel (HTTPS without a bundle) or native roots from the OS store: started first,
  // it runs while the files are read.
  const nativePlan: NativeRootPlan | null = plan.websocket.native?.plan ?? null;
  const platformTls = plan.https.verifier === 'security-framework' || plan.https.verifier === 'schannel';
  const storeLoad = platformTls || nativePlan?.kind === 'platform-store' ? platformStoreFor(host, world, bound) : null;
  // Each group indexed once, whatever the number of sets holding it (the bundle is in both), and one parser and
  // one subject cache for all: an anchor in several groups (overlapping root stores) is read once.
  const parse = cachedAnchorParser();
  const subjects: SubjectCache = new Map();
  const indexes = new Map<readonly AnchorInput[], AnchorIndex>();
  const indexOf = (group: RootGroup): AnchorIndex => {
    let index = indexes.get(group.certs);
    if (!index) {
      index = new AnchorIndex(group.certs, parse, subjects);
      indexes.set(group.certs, index);
    }
    return index;
  };
  const publicGroup: RootGroup = {
    label: publicRootsLabel(host),
    certs: publicRootInputs(host),
  };
  const bundleGroup = bundleRoots(plan, bundle);

  // Native roots: what rustls-native-certs loads (ca.bundle already read them when no CA variable is set).
  const native = nativePlan ? await nativeLoad(host, nativePlan, bundle) : null;
  const store = await storeLoad;
  const storeRoots = (which: 'certificates' | 'nativeRoots'): RootGroup | null =>
    store?.status === 'read'
      ? { label: `${platformStoreName(store.platform)}, read with ${store.platform === 'darwin' ? 'security' : 'PowerShell'}`, certs: derInputs(store[which]) }
      : null;
  const unreadStandIn: RootGroup = { ...publicGroup, label: `public roots standing in for ${store ? platformStoreName(store.platform) : 'the OS store'} (could not be read)` };
  // In the OS store's place: its certificates when read; else nothing for HTTPS next to the public roots,
  // the public roots for WebSocket.
  const nativeGroup = native
    ? native.plan.kind === 'platform-store'
      ? (storeRoots('nativeRoots') ?? { label: `${platformStoreName(native.plan.platform)} (could not be read)`, certs: [] })
      : nativeRootGroup(native)
    : null;
  const nativeStore = native?.plan.kind === 'platform-store' ? store : null;

  // One guess for both sets (the bundle is in each): one TLS context for it.
  let likely: AnchorGuess | undefined;
  const likelyAnchors = (): AnchorGuess => (likely ??= bundleGroup ? likelyAnchorsOf(indexOf(bundleGroup), () => indexOf(publicGroup)) : NO_GUESS);
  // The indexes (a DER pass and a subject per root, for a few hundred roots) are built on first use: the chain's
  // verdict, after its handshake, while the other probes' handshakes are still in flight.
  const build = (transport: TransportName, trust: TransportTrust, groups: RootGroup[], platformStore: PlatformStoreLoad | null): TrustSet => {
    let anchors: TrustAnchors | undefined;
    let pems: string[] | undefined;
    let whole: AnchorGuess | undefined;
    return {
      transport,
      verifier: trust.verifier,
      alpn: codexAlpn(transport, trust.bundle !== null),
      get anchors() {
        return (anchors ??= AnchorIndex.union(groups.map(indexOf)));
      },
      get likelyAnchors() {
        const guess = likelyAnchors();
        if (guess !== NO_GUESS) return guess;
        return (whole ??= this.anchors.size <= MAX_WHOLE_SET_GUESS && this.pems.reduce((n, pem) => n + pem.length, 0) <= MAX_WHOLE_SET_PEM_CHARS ? { pems: this.pems, fingerprints: this.anchors.fingerprints() } : NO_GUESS);
      },
      get pems() {
        return (pems ??= this.anchors.pems());
      },
      get sources() {
        return groups.map((g) => `${g.label} (${indexOf(g).size})`);
      },
      sentence: trust.sentence,
      approximate: platformStore !== null,
      platformStore,
    };
  };

  // HTTPS
  let https: TrustSet;
  if (plan.https.verifier === 'rustls') {
    const groups = [bundleGroup, publicGroup, nativeGroup].filter((g): g is RootGroup => g !== null);
    https = build('https', plan.https, groups, nativeStore);
  } else if (plan.https.verifier === 'openssl') {
    const opensslRoots = await opensslStore(host, world);
    https = build('https', plan.https, [opensslRoots, ...(bundleGroup ? [bundleGroup] : [])], null);
  } else {
    // Security.framework / SChannel: the OS store as read, else the public roots stand in for it.
    https = build('https', plan.https, [storeRoots('certificates') ?? unreadStandIn, ...(bundleGroup ? [bundleGroup] : [])], store);
  }

  // WebSocket: native roots + bundle, never the Mozilla roots.
  const wsNative = nativeGroup && (native?.plan.kind !== 'platform-store' || store?.status === 'read') ? nativeGroup : null;
  const websocket = build('websocket', plan.websocket, [wsNative ?? unreadStandIn, ...(bundleGroup ? [bundleGroup] : [])], nativeStore);
  return {
    plan,
    https,
    websocket,
    platformStore: store,
    get publicRoots() {
      return indexOf(publicGroup);
    },
    nativeRootFiles: [...new Set([...osStoreFiles(host), ...(native?.sources.filter((s) => s.kind === 'file' && s.certificates > 0).map((s) => s.path) ?? [])])],
  };
}

/**
 * The roots of a small source (a CA bundle) as the first guess of OpenSSL's anchors. A bigger bundle is most often
 * a copy of a whole store with the corporate roots added: its roots that are not public roots are the guess then,
 * when they are few. None otherwise.
 */
export function likelyAnchorsOf(index: AnchorIndex, publicRoots?: () => AnchorIndex): AnchorGuess {
  let anchors = [...index.anchors.values()];
  if (anchors.length > MAX_LIKELY_ANCHORS && publicRoots) {
    const known = publicRoots().anchors;
    anchors = anchors.filter((a) => !known.has(a.fingerprint256));
  }
  if (anchors.length > MAX_LIKELY_ANCHORS) return NO_GUESS;
  return { pems: anchors.map((a) => toPem(a.der)), fingerprints: new Set(anchors.map((a) => a.fingerprint256)) };
}

/** The bundle as ca.bundle read it: its DER, subjects and fingerprints are reused, nothing is read again. */
function bundleRoots(plan: TrustPlan, bundle: CaBundleFacts | undefined): RootGroup | null {
  const ref = plan.websocket.bundle ?? plan.https.bundle;
  if (!ref) return null;
  return { label: `${ref.variable} ${ref.raw}`, certs: bundle?.certificates ?? [] };
}

const derInputsOf = new WeakMap<readonly Buffer[], AnchorInput[]>();

/** The same inputs for the same list (the public roots standing in twice, a store read for both transports). */
function derInputs(ders: readonly Buffer[]): AnchorInput[] {
  let inputs = derInputsOf.get(ders);
  if (!inputs) {
    inputs = ders.map((der) => ({ der }));
    derInputsOf.set(ders, inputs);
  }
  return inputs;
}

async function nativeLoad(host: Host, plan: NativeRootPlan, bundle: CaBundleFacts | undefined): Promise<NativeRootsLoad> {
  if (bundle?.nativeRoots && sameLocations(bundle.nativeRoots.plan, plan)) return bundle.nativeRoots;
  return loadNativeRoots(host, plan);
}

function sameLocations(a: NativeRootPlan, b: NativeRootPlan): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function nativeRootGroup(load: NativeRootsLoad): RootGroup {
  const where = load.sources.filter((s) => s.certificates > 0).map((s) => s.path);
  const label =
    load.plan.kind === 'env'
      ? `native roots from ${load.plan.replacedBy.join(' and ')} only${where.length > 0 ? `: ${where.join(', ')}` : ' (nothing loaded)'}`
      : `native roots${where.length > 0 ? `: ${where.join(', ')}` : ' (nothing found)'}`;
  return { label, certs: derInputs(load.certificates) };
}

/**
 * OpenSSL's store as openssl-probe sets it up for Codex's HTTPS without rustls: SSL_CERT_FILE / SSL_CERT_DIR
 * when they exist, else the distribution's files (the lab's system store stands in for them).
 */
async function opensslStore(host: Host, world: CodexWorld): Promise<RootGroup> {
  const env = world.env;
  const exists = async (path: string | undefined, kind: 'file' | 'directory'): Promise<boolean> =>
    path !== undefined && path !== '' && (await host.fs.stat(path).catch(() => null))?.kind === kind;
  const defaults = nativeRootLocations({}, host.platform, host.systemStore, host.cwd);
  if (defaults.kind !== 'files') return { label: 'platform store (not readable here)', certs: [] };
  const file = (await exists(env.SSL_CERT_FILE, 'file')) ? env.SSL_CERT_FILE : undefined;
  const dir = (await exists(env.SSL_CERT_DIR, 'directory')) ? env.SSL_CERT_DIR : undefined;
  const plan: NativeRootPlan = {
    ...defaults,
    fileCandidates: file ? [file] : defaults.fileCandidates,
    dirs: dir ? [dir] : defaults.dirs,
  };
  const load = await loadNativeRoots(host, plan);
  const where = load.sources.filter((s) => s.certificates > 0).map((s) => s.path);
  return {
    label: `OpenSSL store${where.length > 0 ? `: ${where.join(', ')}` : ' (nothing found)'}`,
    certs: derInputs(load.certificates),
  };
}

/** The OS store's files whatever the CA variables say (the lab's system store stands in for them). */
function osStoreFiles(host: Host): string[] {
  const defaults = nativeRootLocations({}, host.platform, host.systemStore, host.cwd);
  return defaults.kind === 'files' ? defaults.fileCandidates : [];
}

/**
 * The anchors that can matter for a presented chain: those whose subject is the issuer (or the subject) of one
 * of its certificates. Path building only ever looks anchors up by name, so the rest cannot change a verdict;
 * leaving them out keeps TLS contexts, parsing and path building small whatever the size of the trust set (a
 * bundle of 30,000 certificates).
 */
export function anchorsFor(set: TrustSet, chain: readonly X509Certificate[]): X509Certificate[] {
  return set.anchors.matching(chain);
}
