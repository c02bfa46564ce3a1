// What each Codex transport trusts, as data and in words (codex-behavior.md §1-2):
//
// | HTTPS with a bundle (>= 0.129)  | rustls: bundle + Mozilla roots (webpki-roots) + native roots       |
// | HTTPS with a bundle (0.115-128) | the platform TLS library: its store + the bundle                    |
// | HTTPS without a bundle          | the platform TLS library: OpenSSL / Security.framework / SChannel   |
// | WebSocket, always               | rustls: native roots + bundle; no Mozilla roots                     |
//
// "Native roots" are what rustls-native-certs loads: the OS store, unless SSL_CERT_FILE or SSL_CERT_DIR is
// set (even to ""), in which case ONLY those locations are read.
import { nativeRootLocations, selectCaBundle, type CaSelection, type CaVariable, type NativeRootPlan } from './ca-selection.js';
import { CODEX_RELEASES, versionAtLeast } from './codex-version.js';

export type PlatformTls = 'openssl' | 'security-framework' | 'schannel';

/** The bundle a transport adds, as Codex names it. */
export interface BundleRef {
  variable: CaVariable;
  /** The value as set (what Codex prints). */
  raw: string;
  /** Where it is opened (relative values resolved against the working directory). */
  path: string;
}

/** rustls-native-certs' roots for this environment. */
export type NativeRoots =
  | { kind: 'platform'; plan: Exclude<NativeRootPlan, { kind: 'env' }> }
  | {
      /** SSL_CERT_FILE / SSL_CERT_DIR replace the OS store. `loadsNothing`: they are set to "" only. */
      kind: 'replaced';
      plan: Extract<NativeRootPlan, { kind: 'env' }>;
      loadsNothing: boolean;
    };

export interface TransportTrust {
  /** Who verifies the server's chain: rustls (webpki rules, stricter) or the platform TLS library. */
  verifier: 'rustls' | PlatformTls;
  bundle: BundleRef | null;
  /** The Mozilla roots compiled into Codex (webpki-roots). */
  mozilla: boolean;
  /** Native roots, when rustls verifies; null when the platform library uses its own store. */
  native: NativeRoots | null;
  /** One sentence for the user. */
  sentence: string;
}

export interface TrustPlan {
  /** What Codex's rules select (CODEX_CA_CERTIFICATE, else SSL_CERT_FILE, else the system). */
  selection: CaSelection;
  /** False when the installed Codex predates CA variables (< 0.115.0): the selection is then ignored. */
  bundleSupported: boolean;
  /** The Codex version the plan assumes; null = unknown, planned as a current release. */
  codexVersion: string | null;
  https: TransportTrust;
  websocket: TransportTrust;
}

export interface TrustOptions {
  /** The working directory Codex would start in (relative CA paths resolve against it). */
  cwd?: string;
  /** Host.systemStore: the lab's stand-in for the OS store. */
  systemStore?: { files: string[]; dirs: string[] };
  codexVersion?: string | null;
  /**
   * Plan as if no bundle were selected: the model API client's fall-back to the system roots when the bundle
   * does not load (codex-behavior.md §3).
   */
  withoutBundle?: boolean;
}

const HTTPS_USES = 'HTTPS (login, token exchange, API, MCP over HTTP)';
const WEBSOCKET_USES = 'WebSocket (Responses streaming, Realtime)';

export function trustPlan(env: Readonly<Record<string, string>>, platform: NodeJS.Platform, options: TrustOptions = {}): TrustPlan {
  const cwd = options.cwd ?? '/';
  const codexVersion = options.codexVersion ?? null;
  const selection = selectCaBundle(env, cwd, platform);
  const bundleSupported = codexVersion === null || versionAtLeast(codexVersion, CODEX_RELEASES.customCa);
  const rustlsHttps = codexVersion === null || versionAtLeast(codexVersion, CODEX_RELEASES.rustlsHttps);
  const bundle: BundleRef | null =
    bundleSupported && selection.kind === 'variable' && options.withoutBundle !== true ? { variable: selection.variable, raw: selection.raw, path: selection.path } : null;

  const plan = nativeRootLocations(env, platform, options.systemStore, cwd);
  const native: NativeRoots =
    plan.kind === 'env'
      ? { kind: 'replaced', plan, loadsNothing: (plan.file === null || plan.file.raw === '') && plan.dirs.every((d) => d.raw === '') }
      : { kind: 'platform', plan };
  const platformTls = platformTlsOf(platform);

  let https: TransportTrust;
  if (bundle && rustlsHttps) {
    https = {
      verifier: 'rustls',
      bundle,
      mozilla: true,
      native,
      sentence: `${HTTPS_USES} verifies with rustls and trusts ${bundleWords(bundle)} + the Mozilla roots built into Codex + ${nativeWords(native)}.`,
    };
  } else if (bundle) {
    https = {
      verifier: platformTls,
      bundle,
      mozilla: false,
      native: null,
      sentence: `${HTTPS_USES} verifies with ${libraryName(platformTls)} and trusts ${platformStoreWords(platformTls, env, options.systemStore)} + ${bundleWords(bundle)}; Codex ${codexVersion} adds the bundle to the platform library (from ${CODEX_RELEASES.rustlsHttps} HTTPS uses rustls with the Mozilla roots).`,
    };
  } else {
    https = {
      verifier: platformTls,
      bundle: null,
      mozilla: false,
      native: null,
      sentence: `${HTTPS_USES} verifies with ${libraryName(platformTls)} and trusts ${platformStoreWords(platformTls, env, options.systemStore)}.`,
    };
  }

  const websocket: TransportTrust = {
    verifier: 'rustls',
    bundle,
    mozilla: false,
    native,
    sentence: `${WEBSOCKET_USES} verifies with rustls and trusts ${nativeWords(native)}${bundle ? ` + ${bundleWords(bundle)}` : ''}; no Mozilla roots.`,
  };

  return { selection, bundleSupported, codexVersion, https, websocket };
}

export function platformTlsOf(platform: NodeJS.Platform): PlatformTls {
  switch (platform) {
    case 'darwin':
      return 'security-framework';
    case 'win32':
      return 'schannel';
    default:
      return 'openssl';
  }
}

function libraryName(tls: PlatformTls): string {
  switch (tls) {
    case 'openssl':
      return 'OpenSSL';
    case 'security-framework':
      return 'macOS Security.framework';
    case 'schannel':
      return 'Windows SChannel';
  }
}

function bundleWords(bundle: BundleRef): string {
  const where = bundle.path === bundle.raw ? '' : `, opened as ${bundle.path}`;
  return `${bundle.raw} (from ${bundle.variable}${where})`;
}

/** The platform library's own store (openssl-probe on Linux picks SSL_CERT_FILE / SSL_CERT_DIR first). */
function platformStoreWords(tls: PlatformTls, env: Readonly<Record<string, string>>, systemStore?: { files: string[] }): string {
  switch (tls) {
    case 'openssl': {
      const storeFile = systemStore?.files[0] ?? '/etc/ssl/certs/ca-certificates.crt';
      const set = (['SSL_CERT_FILE', 'SSL_CERT_DIR'] as const).filter((name) => env[name] !== undefined && env[name] !== '');
      const first = set.length > 0 ? `${set.map((name) => `${name}=${env[name]}`).join(' and ')} when it exists, else ` : '';
      return `the system CA file (${first}${storeFile} or the distribution's equivalent)`;
    }
    case 'security-framework':
      return 'the macOS keychain trust settings';
    case 'schannel':
      return 'the Windows certificate store';
  }
}

function nativeWords(native: NativeRoots): string {
  if (native.kind === 'replaced') {
    const { plan } = native;
    if (native.loadsNothing) {
      return `no OS roots at all (${plan.replacedBy.map((name) => `${name}=""`).join(' and ')} replaces the OS store with nothing)`;
    }
    const parts: string[] = [];
    if (plan.file && plan.file.raw !== '') parts.push(`SSL_CERT_FILE=${plan.file.raw}`);
    for (const dir of plan.dirs) if (dir.raw !== '') parts.push(`SSL_CERT_DIR=${dir.raw}`);
    return `only ${parts.join(' and ')} in place of the OS store`;
  }
  const { plan } = native;
  switch (plan.kind) {
    case 'files':
      return plan.overridden
        ? plan.fileCandidates.length + plan.dirs.length === 0
          ? 'an empty system store'
          : `the system store (${[...plan.fileCandidates, ...plan.dirs].join(', ')})`
        : `the OS store (${plan.fileCandidates[0] ?? 'the system CA file'} or the distribution's equivalent, plus ${plan.dirs.join(', ')})`;
    case 'platform-store':
      return `the ${plan.description}`;
  }
}
