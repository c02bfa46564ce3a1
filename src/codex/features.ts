// `[features]` flags that change how Codex reaches the network (codex-behavior.md §5, §11), read from the
// merged config.toml with the installed release's defaults. Pure functions of the config and the version.
//
// - system_proxy_fallback (stable, on by default in 0.169.0): when the OAuth token exchange fails with a
//   connect-class error (a TLS handshake failure counts), login retries it once through the system proxy.
//   Only login does; model traffic (API over HTTPS, the WebSocket) never retries that way.
// - respect_system_proxy (opt-in, experimental): on macOS and Windows the OS settings (PAC/WPAD included)
//   are asked first and an OS "direct" answer ignores HTTPS_PROXY; Linux falls back to the environment.
// - network_proxy: Codex's managed network proxy for sandboxed commands (managed-network-proxy.ts).
import type { Stage } from '../core/types.js';
import { CODEX_RELEASES, codexHas } from './codex-version.js';
import type { CodexConfig } from './config.js';
import { formatKey, isTable } from './config-keys.js';
import type { ProxyDecision } from './proxy.js';
import { redactProxyValue } from './proxy.js';
import type { SystemProxySettings } from './system-proxy.js';

export const NETWORK_FEATURES = ['system_proxy_fallback', 'respect_system_proxy', 'network_proxy'] as const;
export type NetworkFeature = (typeof NETWORK_FEATURES)[number];

export interface FeatureState {
  name: NetworkFeature;
  enabled: boolean;
  /** `config`: a boolean in config.toml (file given); `default`: the release's default. */
  source: 'config' | 'default';
  file?: string;
}

export type CodexFeatures = Readonly<Record<NetworkFeature, FeatureState>>;

/** The release's default for each flag: only system_proxy_fallback is on by default (from 0.169.0). */
function defaultOf(name: NetworkFeature, codexVersion: string | null): boolean {
  switch (name) {
    case 'system_proxy_fallback':
      return codexHas(codexVersion, CODEX_RELEASES.systemProxyFallback);
    case 'respect_system_proxy':
    case 'network_proxy':
      return false;
  }
}

/** The network flags of `[features]` as this Codex release applies them (a non-boolean value keeps the default). */
export function codexFeatures(config: Pick<CodexConfig, 'merged' | 'provenance'>, codexVersion: string | null): CodexFeatures {
  const table = isTable(config.merged.features) ? config.merged.features : {};
  const state = (name: NetworkFeature): FeatureState => {
    const value = table[name];
    const file = config.provenance.get(formatKey(['features', name]));
    if (typeof value === 'boolean' && file !== undefined) return { name, enabled: value, source: 'config', file };
    return { name, enabled: defaultOf(name, codexVersion), source: 'default' };
  };
  return { system_proxy_fallback: state('system_proxy_fallback'), respect_system_proxy: state('respect_system_proxy'), network_proxy: state('network_proxy') };
}

// ---------------------------------------------------------------------------------------------------------
// system_proxy_fallback: login's second chance

/** The line `codex login` writes to $CODEX_HOME/log/codex-login.log before the retry. */
export const LOGIN_RETRY_LOG_LINE = 'oauth token connection failed; retrying with system proxy';

/**
 * Failures reqwest counts as connect errors (no HTTP answer from the server yet): resolving, connecting, the
 * proxy's CONNECT (its 407 and 403 included) and the TLS handshake, whose certificate check is part of it.
 */
const CONNECT_CLASS_STAGES: ReadonlySet<Stage> = new Set<Stage>(['dns', 'tcp', 'proxy-connect', 'proxy-auth', 'tls-handshake', 'tls-verify']);

export function isConnectClassStage(stage: Stage): boolean {
  return CONNECT_CLASS_STAGES.has(stage);
}

export type LoginRetry =
  /** The feature is off (config.toml) or the release predates it. */
  | { kind: 'off'; why: 'config' | 'release'; file?: string }
  /** No system proxy to retry through (Linux, or none configured): the retry changes nothing. */
  | { kind: 'nothing-to-retry'; why: 'platform' | 'no-system-proxy' }
  /** The macOS/Windows settings could not be read: the retry's route is unknown. */
  | { kind: 'unknown'; command: string }
  /** The retry goes through the system HTTPS proxy; `sameRoute`: the first attempt already went there. */
  | { kind: 'retries'; via: string; sameRoute: boolean };

/**
 * What login does after a connect-class failure of the token exchange whose first attempt took `first`.
 * The system proxy is what the doctor reads of the OS settings (manual settings; PAC is not evaluated).
 */
export function loginSystemProxyRetry(features: CodexFeatures, system: SystemProxySettings | null, first: ProxyDecision): LoginRetry {
  const feature = features.system_proxy_fallback;
  if (!feature.enabled) return { kind: 'off', why: feature.source === 'config' ? 'config' : 'release', ...(feature.file !== undefined && { file: feature.file }) };
  if (system === null) return { kind: 'nothing-to-retry', why: 'platform' };
  if (system.error !== null) return { kind: 'unknown', command: system.command };
  if (system.https === null) return { kind: 'nothing-to-retry', why: 'no-system-proxy' };
  const sameRoute = first.kind === 'proxy' && (first.variable === 'system' || sameHostPort(first.url.host, first.url.port, system.https));
  return { kind: 'retries', via: redactProxyValue(system.https), sameRoute };
}

/** `host:port` (or a URL) of the system setting against a proxy's host and port. */
function sameHostPort(host: string, port: number, setting: string): boolean {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(setting) ? setting : `http://${setting}`;
  if (!URL.canParse(withScheme)) return false;
  const url = new URL(withScheme);
  const settingPort = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase() === host.toLowerCase() && settingPort === port;
}

// ---------------------------------------------------------------------------------------------------------
// respect_system_proxy

export type RespectSystemProxyEffect =
  | { kind: 'off' }
  /** macOS/Windows: the OS answers first (PAC/WPAD included); its "direct" overrides HTTPS_PROXY. */
  | { kind: 'os-first'; file?: string }
  /** Linux (and other platforms): Codex falls back to the environment, nothing changes. */
  | { kind: 'env-fallback'; file?: string };

export function respectSystemProxyEffect(features: CodexFeatures, platform: NodeJS.Platform): RespectSystemProxyEffect {
  const feature = features.respect_system_proxy;
  if (!feature.enabled) return { kind: 'off' };
  const file = feature.file !== undefined ? { file: feature.file } : {};
  return platform === 'darwin' || platform === 'win32' ? { kind: 'os-first', ...file } : { kind: 'env-fallback', ...file };
}
