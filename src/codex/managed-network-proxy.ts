// Codex's managed network proxy for sandboxed commands (codex-behavior.md §11; new in 0.135-0.169): with
// `[features] network_proxy` on and a `[permissions.<name>.network]` profile, Codex runs its own proxy on
// loopback and gives sandboxed commands ITS proxy variables (and, with `mitm`, its own CA bundle in every CA
// variable) instead of the user's, plus CODEX_NETWORK_PROXY_ACTIVE=1. Destinations outside the profile's
// `domains` are refused by Codex's policy, not by the corporate proxy. Pure functions of the config.
import type { CodexConfig } from './config.js';
import { formatKey, isTable } from './config-keys.js';
import type { CodexFeatures } from './features.js';

/** Where the managed proxy listens when the profile names no proxy_url (codex-network-proxy's default). */
export const DEFAULT_MANAGED_PROXY_URL = 'http://127.0.0.1:3128';
/** Stands for the CA bundle Codex generates for its MITM proxy (its path is Codex's business). */
export const MANAGED_CA_BUNDLE = "<Codex's managed CA bundle>";
export const PROXY_ACTIVE_VARIABLE = 'CODEX_NETWORK_PROXY_ACTIVE';
/** The loopback exemptions Codex sets, so that local servers are not sent to its proxy. */
export const MANAGED_NO_PROXY = 'localhost,127.0.0.1,::1';

/** Proxy variables Codex points at its proxy (both spellings; the tools' own ones included). */
export const MANAGED_PROXY_VARIABLES = [
  'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy',
  'WS_PROXY', 'WSS_PROXY', 'ws_proxy', 'wss_proxy',
  'YARN_HTTP_PROXY', 'YARN_HTTPS_PROXY', 'NPM_CONFIG_HTTP_PROXY', 'NPM_CONFIG_HTTPS_PROXY', 'NPM_CONFIG_PROXY',
  'BUNDLE_HTTP_PROXY', 'BUNDLE_HTTPS_PROXY', 'PIP_PROXY', 'DOCKER_HTTP_PROXY', 'DOCKER_HTTPS_PROXY',
] as const;
export const MANAGED_NO_PROXY_VARIABLES = ['NO_PROXY', 'no_proxy'] as const;
/** CA variables Codex points at its own bundle when the proxy inspects TLS (`mitm`). */
export const MANAGED_CA_VARIABLES = [
  'CODEX_CA_CERTIFICATE', 'SSL_CERT_FILE', 'NODE_EXTRA_CA_CERTS', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE',
  'GIT_SSL_CAINFO', 'PIP_CERT', 'NPM_CONFIG_CAFILE', 'npm_config_cafile', 'BUNDLE_SSL_CA_CERT',
] as const;

export interface NetworkPermissionProfile {
  name: string;
  /** The file that sets it. */
  file: string | undefined;
  proxyUrl: string;
  /** Codex's proxy inspects TLS with its own CA. */
  mitm: boolean;
  /** The allowed destinations as written; null when the profile lists none. */
  domains: string[] | null;
}

export type ManagedNetworkProxy =
  | { active: false; why: 'feature-off' | 'no-profile'; profiles: NetworkPermissionProfile[] }
  | { active: true; featureFile: string | undefined; profiles: [NetworkPermissionProfile, ...NetworkPermissionProfile[]] };

/** The `[permissions.<name>.network]` profiles of the merged config. */
export function networkPermissionProfiles(config: Pick<CodexConfig, 'merged' | 'provenance'>): NetworkPermissionProfile[] {
  const permissions = config.merged.permissions;
  if (!isTable(permissions)) return [];
  const profiles: NetworkPermissionProfile[] = [];
  for (const [name, profile] of Object.entries(permissions)) {
    const network = isTable(profile) ? profile.network : undefined;
    if (!isTable(network)) continue;
    const file = [...config.provenance].find(([key]) => key.startsWith(`${formatKey(['permissions', name, 'network'])}.`))?.[1];
    const domains = Array.isArray(network.domains)
      ? network.domains.filter((d): d is string => typeof d === 'string')
      : isTable(network.domains)
        ? Object.keys(network.domains)
        : null;
    profiles.push({
      name,
      file,
      proxyUrl: typeof network.proxy_url === 'string' && network.proxy_url !== '' ? network.proxy_url : DEFAULT_MANAGED_PROXY_URL,
      mitm: network.mitm === true || (isTable(network.mitm) && network.mitm.enabled === true),
      domains,
    });
  }
  return profiles;
}

export function managedNetworkProxy(config: Pick<CodexConfig, 'merged' | 'provenance'>, features: CodexFeatures): ManagedNetworkProxy {
  const profiles = networkPermissionProfiles(config);
  if (!features.network_proxy.enabled) return { active: false, why: 'feature-off', profiles };
  const [first, ...rest] = profiles;
  if (!first) return { active: false, why: 'no-profile', profiles };
  return { active: true, featureFile: features.network_proxy.file, profiles: [first, ...rest] };
}

/**
 * The variables Codex sets for a sandboxed command when its proxy is active, over what the
 * shell_environment_policy passed: name -> value. The first profile decides the proxy URL and mitm.
 */
export function managedProxyOverrides(proxy: Extract<ManagedNetworkProxy, { active: true }>): ReadonlyMap<string, string> {
  const [profile] = proxy.profiles;
  const overrides = new Map<string, string>();
  for (const name of MANAGED_PROXY_VARIABLES) overrides.set(name, profile.proxyUrl);
  for (const name of MANAGED_NO_PROXY_VARIABLES) overrides.set(name, MANAGED_NO_PROXY);
  if (profile.mitm) for (const name of MANAGED_CA_VARIABLES) overrides.set(name, MANAGED_CA_BUNDLE);
  overrides.set(PROXY_ACTIVE_VARIABLE, '1');
  return overrides;
}

/** The child environment once Codex's proxy has rewritten it (`env`: what the policy passed). */
export function withManagedProxy(env: Readonly<Record<string, string>>, proxy: ManagedNetworkProxy): Record<string, string> {
  return proxy.active ? { ...env, ...Object.fromEntries(managedProxyOverrides(proxy)) } : { ...env };
}
