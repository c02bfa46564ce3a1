// The config.toml keys the doctor knows, and the misspellings users copy from blog posts. Codex ignores
// unknown keys and tables silently (codex-behavior.md §7), so a misspelt section simply does nothing:
// the doctor names the real key instead.
import type { TomlTable } from 'smol-toml';

/** Which check reports a misspelling: sandbox.env owns the sandbox keys, config.codex the rest. */
export type KeyArea = 'sandbox' | 'network' | 'auth' | 'otel' | 'mcp';

/** A key path; `*` in a pattern stands for any one segment (a provider id, a server name). */
export type KeyPath = readonly string[];

interface Misspelling {
  pattern: KeyPath;
  /** The real key (its `*` take the pattern's `*` segments in order), or an environment variable. */
  real: KeyPath | { env: string };
  area: KeyArea;
  /**
   * `table`: only when the value is a table (`[model_provider.x]`, while `model_provider = "x"` is valid);
   * `value`: only when it is not (`sandbox = "read-only"`, while a `[sandbox]` table is looked into).
   */
  only?: 'table' | 'value';
}

const renames = (patterns: readonly KeyPath[], real: Misspelling['real'], area: KeyArea, only?: 'table' | 'value'): Misspelling[] =>
  patterns.map((pattern) => ({ pattern, real, area, ...(only && { only }) }));
const under = (prefix: KeyPath, names: readonly string[]): KeyPath[] => names.map((n) => [...prefix, n]);

const SEP = ['shell_environment_policy'] as const;
const SWW = ['sandbox_workspace_write'] as const;
const PROVIDER = ['model_providers', '*'] as const;
const OTEL_TLS = ['otel', '*', '*', 'tls'] as const;

export const MISSPELLINGS: readonly Misspelling[] = [
  // sandbox: the blog article's [shell_environment] + [shell_environment.include], and friends
  ...renames(under([], ['shell_environment', 'shell_env', 'shell_env_policy', 'shell_environment_policies', 'env_policy', 'environment_policy']), SEP, 'sandbox'),
  ...renames(under(SEP, ['include', 'includes', 'include_list', 'allow', 'allowlist', 'passthrough', 'pass_through', 'keep']), [...SEP, 'include_only'], 'sandbox'),
  ...renames(under(SEP, ['excludes', 'deny', 'denylist', 'remove']), [...SEP, 'exclude'], 'sandbox'),
  ...renames(under(SEP, ['env', 'vars', 'variables', 'override', 'overrides', 'sets']), [...SEP, 'set'], 'sandbox'),
  ...renames(under(SWW, ['network', 'network_enabled', 'allow_network', 'networking', 'enable_network', 'internet']), [...SWW, 'network_access'], 'sandbox'),
  ...renames(under([], ['sandbox_workspace', 'workspace_write', 'sandbox_write', 'sandbox-workspace-write', 'sandbox_settings']), SWW, 'sandbox', 'table'),
  ...renames([['network', 'enabled'], ['network', 'network_access'], ['sandbox', 'network_access']], [...SWW, 'network_access'], 'sandbox'),
  ...renames([['sandbox'], ['sandbox_policy']], ['sandbox_mode'], 'sandbox', 'value'),
  ...renames([['sandbox', 'mode']], ['sandbox_mode'], 'sandbox'),
  // network: features, providers, base URLs
  ...renames(under(['features'], ['respect_system_proxies', 'use_system_proxy', 'system_proxy', 'respect_proxy', 'respect_os_proxy']), ['features', 'respect_system_proxy'], 'network'),
  ...renames([['respect_system_proxy'], ['respect_system_proxies']], ['features', 'respect_system_proxy'], 'network'),
  ...renames([['model_provider']], ['model_providers'], 'network', 'table'),
  ...renames(under([], ['providers', 'model-providers', 'modelProviders', 'model_provider_list']), ['model_providers'], 'network'),
  ...renames(under(PROVIDER, ['baseurl', 'base-url', 'baseUrl', 'url', 'endpoint', 'api_base', 'base_uri']), [...PROVIDER, 'base_url'], 'network'),
  ...renames(under(PROVIDER, ['headers', 'http-headers', 'httpHeaders', 'extra_headers', 'custom_headers']), [...PROVIDER, 'http_headers'], 'network'),
  ...renames(under(PROVIDER, ['supports_websocket', 'websockets', 'websocket', 'use_websockets', 'supports-websockets']), [...PROVIDER, 'supports_websockets'], 'network'),
  ...renames(under(PROVIDER, ['env_var', 'api_key_env', 'api_key_env_var', 'env-key', 'key_env']), [...PROVIDER, 'env_key'], 'network'),
  ...renames(under([], ['openai_base_uri', 'openai_api_base', 'openai_base', 'openai_api_base_url', 'openai_url', 'base_url', 'api_base_url']), ['openai_base_url'], 'network'),
  ...renames(under([], ['chatgpt_base_uri', 'chatgpt_url']), ['chatgpt_base_url'], 'network'),
  // a CA file in config.toml: Codex has no such key, only the environment variable
  ...renames([['ca_certificate'], ['ca_file'], ['ca_bundle'], ['ssl_cert_file'], ['codex_ca_certificate'], ['login', 'ca_certificate'], ['tls', 'ca_certificate']], { env: 'CODEX_CA_CERTIFICATE' }, 'network'),
  // auth
  ...renames([['auth', 'cli_auth_credentials_store'], ['credentials_store'], ['auth_credentials_store']], ['cli_auth_credentials_store'], 'auth'),
  // mcp
  ...renames(under([], ['mcp_server', 'mcpServers', 'mcp-servers', 'mcp']), ['mcp_servers'], 'mcp'),
  // otel: tls keys are kebab-case
  ...renames(under(OTEL_TLS, ['ca_certificate', 'ca_cert', 'ca', 'ca_file']), [...OTEL_TLS, 'ca-certificate'], 'otel'),
  ...renames(under(OTEL_TLS, ['client_certificate', 'client_cert', 'cert', 'certificate']), [...OTEL_TLS, 'client-certificate'], 'otel'),
  ...renames(under(OTEL_TLS, ['client_private_key', 'client_key', 'private_key', 'key', 'client-key']), [...OTEL_TLS, 'client-private-key'], 'otel'),
  ...renames([['otel', 'exporters']], ['otel', 'exporter'], 'otel'),
];

interface Section {
  path: KeyPath;
  keys: readonly string[];
  /** Complete: every other key is ignored by Codex. Partial: only near misses of these keys are reported. */
  complete: boolean;
  area: KeyArea;
  /** Descend into these keys' tables (user maps like `set` or `http_headers` are never walked). */
  walk?: readonly string[];
}

/** The `[otel]` slots that hold an exporter. */
export const OTEL_SLOTS = ['exporter', 'trace_exporter', 'metrics_exporter'] as const;

/** Codex's top-level keys (enough of them that a near miss of a relevant key is not a false alarm). */
const TOP_LEVEL: readonly [string, KeyArea][] = [
  ['model_provider', 'network'], ['model_providers', 'network'], ['openai_base_url', 'network'], ['chatgpt_base_url', 'network'],
  ['features', 'network'], ['cli_auth_credentials_store', 'auth'], ['sandbox_mode', 'sandbox'],
  ['sandbox_workspace_write', 'sandbox'], ['shell_environment_policy', 'sandbox'], ['otel', 'otel'], ['mcp_servers', 'mcp'],
];
const OTHER_TOP_LEVEL = [
  'model', 'review_model', 'approval_policy', 'profile', 'profiles', 'projects', 'notify', 'history', 'tui', 'file_opener',
  'model_reasoning_effort', 'model_reasoning_summary', 'model_verbosity', 'model_context_window', 'model_auto_compact_token_limit',
  'hide_agent_reasoning', 'show_raw_agent_reasoning', 'disable_response_storage', 'instructions', 'developer_instructions',
  'model_instructions_file', 'experimental_instructions_file', 'forced_login_method', 'forced_chatgpt_workspace_id',
  'project_doc_max_bytes', 'project_doc_fallback_filenames', 'tools', 'web_search', 'mcp_oauth_credentials_store',
  'preferred_auth_method', 'windows_wsl_setup_acknowledged', 'skills', 'service_tier', 'sqlite_home', 'realtime',
  'tool_output_token_limit', 'suppress_unstable_features_warning', 'notice', 'personality', 'log_dir', 'permissions', 'default_permissions',
];

export const SECTIONS: readonly Section[] = [
  { path: [], keys: [...TOP_LEVEL.map(([k]) => k), ...OTHER_TOP_LEVEL], complete: false, area: 'network',
    walk: ['shell_environment_policy', 'sandbox_workspace_write', 'features', 'model_providers', 'otel', 'mcp_servers'] },
  { path: SEP, keys: ['inherit', 'ignore_default_excludes', 'exclude', 'set', 'include_only', 'filters', 'experimental_use_profile'], complete: true, area: 'sandbox' },
  { path: SWW, keys: ['writable_roots', 'network_access', 'exclude_tmpdir_env_var', 'exclude_slash_tmp'], complete: true, area: 'sandbox' },
  { path: ['features'], keys: ['respect_system_proxy', 'system_proxy_fallback', 'network_proxy', 'unbounded_connection_retries'], complete: false, area: 'network' },
  { path: ['model_providers'], keys: [], complete: false, area: 'network', walk: ['*'] },
  { path: PROVIDER, keys: ['name', 'base_url', 'env_key', 'env_key_instructions', 'wire_api', 'query_params', 'http_headers', 'env_http_headers',
    'request_max_retries', 'stream_max_retries', 'stream_idle_timeout_ms', 'requires_openai_auth', 'supports_websockets',
    'experimental_bearer_token', 'websocket_connect_timeout_ms'], complete: false, area: 'network' },
  { path: ['otel'], keys: ['environment', 'exporter', 'trace_exporter', 'metrics_exporter', 'log_user_prompt'], complete: false, area: 'otel', walk: OTEL_SLOTS },
  ...OTEL_SLOTS.map((slot) => ({ path: ['otel', slot], keys: ['otlp-http', 'otlp-grpc'], complete: false, area: 'otel' as const, walk: ['otlp-http', 'otlp-grpc'] })),
  { path: ['otel', '*', 'otlp-http'], keys: ['endpoint', 'protocol', 'headers', 'tls'], complete: true, area: 'otel', walk: ['tls'] },
  { path: ['otel', '*', 'otlp-grpc'], keys: ['endpoint', 'headers', 'tls'], complete: true, area: 'otel', walk: ['tls'] },
  { path: OTEL_TLS, keys: ['ca-certificate', 'client-certificate', 'client-private-key'], complete: true, area: 'otel' },
  { path: ['mcp_servers'], keys: [], complete: false, area: 'mcp', walk: ['*'] },
  { path: ['mcp_servers', '*'], keys: ['command', 'args', 'env', 'env_vars', 'cwd', 'url', 'bearer_token_env_var', 'http_headers',
    'env_http_headers', 'startup_timeout_sec', 'startup_timeout_ms', 'tool_timeout_sec', 'enabled', 'required', 'enabled_tools',
    'disabled_tools', 'scopes', 'oauth_resource'], complete: false, area: 'mcp' },
];

export interface UnknownKey {
  /** The key as written. */
  path: string[];
  /** The key Codex reads instead, or the environment variable that does the job, or nothing close. */
  real: { key: string[] } | { env: string } | null;
  area: KeyArea;
  /** For a complete section without a close match: the keys it does have. */
  validKeys?: readonly string[];
}

/**
 * Unknown keys are slips a person makes: a file with thousands of them is reported (and searched for a near
 * key) for its first ones only, so that the work stays bounded whatever the file holds.
 */
export const MAX_UNKNOWN_KEYS = 50;
const MAX_KEYS_COMPARED = 500;

/** Every key in `table` that Codex ignores and that the doctor can name a real key (or a reason) for; the first MAX_UNKNOWN_KEYS. */
export function findUnknownKeys(table: TomlTable): UnknownKey[] {
  const found: UnknownKey[] = [];
  let compared = 0;
  const visit = (node: TomlTable, path: string[]): void => {
    const section = SECTIONS.find((s) => matches(s.path, path));
    for (const [key, value] of Object.entries(node)) {
      if (found.length >= MAX_UNKNOWN_KEYS || compared >= MAX_KEYS_COMPARED) return;
      const here = [...path, key];
      const misspelling = MISSPELLINGS.find((m) => matches(m.pattern, here) && (m.only === undefined || (m.only === 'table') === isTable(value)));
      if (misspelling) {
        found.push({ path: here, real: 'env' in misspelling.real ? { env: misspelling.real.env } : { key: substitute(misspelling.real, here, misspelling.pattern) }, area: misspelling.area });
        continue;
      }
      // A table some misspelling lives in (`[auth]`, `[login]`, `[network]`) is looked into, never reported itself.
      const holdsMisspelling = MISSPELLINGS.some((m) => m.pattern.length > here.length && matches(m.pattern.slice(0, here.length), here));
      if (holdsMisspelling && isTable(value)) {
        visit(value, here);
        continue;
      }
      if (section && !section.keys.includes(key) && !(section.walk ?? []).includes('*')) {
        compared += 1;
        const near = nearestKey(key, section.keys);
        const area = section.path.length === 0 ? (TOP_LEVEL.find(([k]) => k === near)?.[1] ?? section.area) : section.area;
        if (near !== undefined && (section.path.length > 0 || TOP_LEVEL.some(([k]) => k === near))) {
          found.push({ path: here, real: { key: [...path, near] }, area });
        } else if (section.complete) {
          found.push({ path: here, real: null, area, validKeys: section.keys });
        }
        continue;
      }
      if ((section?.walk?.includes(key) || section?.walk?.includes('*')) && isTable(value)) visit(value, here);
    }
  };
  visit(table, []);
  return found;
}

export function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function matches(pattern: KeyPath, path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i]);
}

/** Fills the `*` of `real` with the segments the `*` of `pattern` matched in `path`. */
function substitute(real: KeyPath, path: readonly string[], pattern: KeyPath): string[] {
  const wild = pattern.flatMap((p, i) => (p === '*' ? [path[i]!] : []));
  return real.map((r) => (r === '*' ? (wild.shift() ?? r) : r));
}

/**
 * The real key closest to `name`, if close enough to be a slip: case, `-` for `_` and a couple of typos.
 * Distance: optimal string alignment (transpositions count 1), at most 1 for short names, 2 from 8 chars.
 * Names whose lengths differ by more than that are never compared: a 500 KB key costs nothing.
 */
export function nearestKey(name: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string): string => s.toLowerCase().replace(/-/g, '_');
  const limit = name.length >= 8 ? 2 : 1;
  let best: { key: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (Math.abs(name.length - candidate.length) > limit) continue;
    const distance = editDistance(norm(name), norm(candidate));
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best !== undefined && best.distance <= limit ? best.key : undefined;
}

export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** `["model_providers", "my.corp", "base_url"]` -> `model_providers."my.corp".base_url` (TOML key syntax). */
export function formatKey(path: readonly string[]): string {
  return path.map((s) => (/^[A-Za-z0-9_-]+$/.test(s) ? s : JSON.stringify(s))).join('.');
}
