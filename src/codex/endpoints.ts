// Which URLs Codex talks to (codex-behavior.md §6): the login issuer and token endpoint, the model API
// base (api.openai.com with an API key, chatgpt.com with ChatGPT login), config.toml overrides, and the
// Responses WebSocket URL. Pure functions, plus one bounded read of auth.json's `auth_mode`.
import type { Host } from '../core/host.js';
import { formatKey } from './config-keys.js';
import { CODEX_RELEASES, codexHas, versionAtLeast } from './codex-version.js';
import type { CodexConfig } from './config.js';
import { trimEndMatches } from './rust-str.js';
import type { CodexWorld } from './world.js';

export const ISSUER = 'https://auth.openai.com';
export const TOKEN_ENDPOINT = `${ISSUER}/oauth/token`;
/** Codex's OAuth client id (public: it is in every login URL). */
export const CLIENT_ID = 'app_EMoamEEZ73f0CkXaXp7hrann';
/** The ports the browser login callback listens on: 1455, or 1457 when 1455 is taken. */
export const LOGIN_CALLBACK_PORTS = [1455, 1457] as const;

/**
 * The redirect_uri of the browser login (and so of its token exchange): on 127.0.0.1 from 0.169.0 (the banner
 * still prints localhost:1455), on localhost before.
 */
export function loginRedirectUri(codexVersion: string | null, port: number = LOGIN_CALLBACK_PORTS[0]): string {
  const host = codexHas(codexVersion, CODEX_RELEASES.loopbackLoginCallback) ? '127.0.0.1' : 'localhost';
  return `http://${host}:${port}/auth/callback`;
}
export const API_KEY_BASE_URL = 'https://api.openai.com/v1';
export const CHATGPT_BASE_URL = 'https://chatgpt.com/backend-api/codex';
/** The header Codex sends on the Responses WebSocket upgrade. */
export const WEBSOCKET_BETA_HEADER = { 'OpenAI-Beta': 'responses_websockets=2026-02-06' } as const;
export const BUILT_IN_PROVIDER = 'openai';
/** Codex's built-in local ("OSS") providers and the localhost port each defaults to (model_provider_info.rs). */
export const OSS_PROVIDER_PORTS = { ollama: 11434, lmstudio: 1234 } as const;
export type OssProviderId = keyof typeof OSS_PROVIDER_PORTS;

export function isOssProvider(id: string): id is OssProviderId {
  return Object.hasOwn(OSS_PROVIDER_PORTS, id);
}

export type AuthMode = 'chatgpt' | 'apikey';

export interface AuthModeInfo {
  mode: AuthMode;
  /**
   * CODEX_API_KEY (read before auth.json), auth.json (its `auth_mode`), OPENAI_API_KEY (no usable auth.json),
   * or assumed (none of them: the ChatGPT login about to be made).
   */
  source: 'CODEX_API_KEY' | 'auth.json' | 'OPENAI_API_KEY' | 'assumed';
  /** One sentence for the report. */
  note: string;
}

/** What endpoints depend on in config.toml (an adapter fills it from the loaded config). */
export interface EndpointConfig {
  modelProvider?: string;
  openaiBaseUrl?: string;
  modelProviders?: Readonly<Record<string, ProviderEntry>>;
}

export interface ProviderEntry {
  name?: string;
  baseUrl?: string;
  supportsWebsockets?: boolean;
  httpHeaders?: Readonly<Record<string, string>>;
}

export interface ProviderInfo {
  id: string;
  builtIn: boolean;
  baseUrl: string;
  /**
   * Why this base URL: Codex's default (for the auth mode, or a local provider's localhost port),
   * openai_base_url, OPENAI_BASE_URL (honoured before 0.119.0), CODEX_OSS_BASE_URL / CODEX_OSS_PORT for
   * the local providers, or the provider's base_url.
   */
  baseUrlSource: 'default' | 'openai_base_url' | 'OPENAI_BASE_URL' | 'CODEX_OSS_BASE_URL' | 'CODEX_OSS_PORT' | 'model_providers';
  /** A built-in local model server (ollama, lmstudio): the model API does not go to OpenAI at all. */
  local: boolean;
  supportsWebsockets: boolean;
  /** Extra headers Codex sends to this provider (names only matter to a proxy; values may be secrets). */
  httpHeaders: Readonly<Record<string, string>>;
}

export interface WebSocketPlan {
  /** wss:// URL of the Responses endpoint, or null when the base URL cannot become one. */
  url: string | null;
  enabled: boolean;
  /** Why it is (not) used, one sentence. */
  reason: string;
}

/** Why Codex cannot use the configured model API; where the bad value comes from decides the fix. */
export type EndpointProblem =
  | { kind: 'unknown-provider'; providerId: string; message: string }
  | { kind: 'invalid-base-url'; providerId: string; baseUrl: string; source: ProviderInfo['baseUrlSource']; message: string };

export interface CodexEndpoints {
  issuer: string;
  tokenEndpoint: string;
  authMode: AuthModeInfo;
  provider: ProviderInfo;
  websocket: WebSocketPlan;
  /** Problems with the configured provider (unknown model_provider, bad base URL): Codex cannot reach its model API. */
  problems: EndpointProblem[];
}

const AUTH_JSON_MAX_BYTES = 1024 * 1024;

/**
 * Reads only `auth_mode` from $CODEX_HOME/auth.json. The parsed object is dropped at once; no token value is
 * kept or returned. Without a usable auth.json the ChatGPT login is assumed: that is the flow being debugged.
 */
export async function readAuthMode(host: Host, codexHome: string): Promise<AuthModeInfo> {
  const path = `${trimEndMatches(codexHome, '/\\')}${host.platform === 'win32' ? '\\' : '/'}auth.json`;
  const assumed = (why: string): AuthModeInfo => ({
    mode: 'chatgpt',
    source: 'assumed',
    note: `${why}; assuming ChatGPT login (the browser login flow), so the API base is ${CHATGPT_BASE_URL}.`,
  });
  let text: string;
  try {
    const stat = await host.fs.stat(path);
    if (!stat) return assumed(`${path} does not exist (not logged in yet, or credentials in the keyring)`);
    if (stat.kind !== 'file') return assumed(`${path} is not a file`);
    text = (await host.fs.readFile(path, AUTH_JSON_MAX_BYTES)).bytes.toString('utf8');
  } catch (error) {
    return assumed(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const found = authJsonMode(text);
  if (found === undefined) return assumed(`${path} has no auth_mode`);
  return {
    mode: found.mode,
    source: 'auth.json',
    note:
      found.via === 'auth_mode'
        ? `auth_mode in ${path} is ${found.mode === 'chatgpt' ? 'ChatGPT login' : 'API key'}.`
        : `${path} has no auth_mode but holds an API key (an older API-key login): API key.`,
  };
}

/** `auth_mode` from auth.json text; the rest of the document is never looked at. */
export function authModeOf(text: string): AuthMode | undefined {
  return authJsonMode(text)?.mode;
}

/**
 * The login mode auth.json records: its `auth_mode`, or, without one, API key when `OPENAI_API_KEY` holds a
 * key (older API-key logins wrote no auth_mode). Only the key's presence is looked at, never its value.
 */
export function authJsonMode(text: string): { mode: AuthMode; via: 'auth_mode' | 'OPENAI_API_KEY' } | undefined {
  let document: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object') return undefined;
    document = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const value = document['auth_mode'];
  if (value === undefined || value === null) {
    const key = document['OPENAI_API_KEY'];
    return typeof key === 'string' && key !== '' ? { mode: 'apikey', via: 'OPENAI_API_KEY' } : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const normalised = value.toLowerCase().replace(/[^a-z]/g, '');
  if (normalised === 'chatgpt' || normalised === 'chatgptauthtokens') return { mode: 'chatgpt', via: 'auth_mode' };
  if (normalised === 'apikey') return { mode: 'apikey', via: 'auth_mode' };
  return undefined;
}

/** What the built-in providers read from the environment, and the Codex release that decides what it reads. */
export interface EndpointEnvironment {
  env?: Readonly<Record<string, string>>;
  /** `codex --version`; null or absent when unknown. */
  codexVersion?: string | null;
}

/**
 * OPENAI_BASE_URL as the built-in provider reads it (non-blank), which Codex does only before 0.119.0;
 * undefined when unset, or when this Codex ignores it or its release is unknown (current Codex assumed).
 */
export function honouredOpenAiBaseUrl(env: Readonly<Record<string, string>>, codexVersion: string | null | undefined): string | undefined {
  const value = env.OPENAI_BASE_URL;
  if (value === undefined || value.trim() === '') return undefined;
  if (codexVersion === null || codexVersion === undefined || versionAtLeast(codexVersion, CODEX_RELEASES.openaiBaseUrlEnvIgnored)) return undefined;
  return value;
}

/** create_oss_provider: CODEX_OSS_BASE_URL, else http://localhost:{CODEX_OSS_PORT or the default port}/v1. */
function ossBaseUrl(id: OssProviderId, env: Readonly<Record<string, string>>): { baseUrl: string; source: ProviderInfo['baseUrlSource'] } {
  const url = env.CODEX_OSS_BASE_URL;
  if (url !== undefined && url.trim() !== '') return { baseUrl: url, source: 'CODEX_OSS_BASE_URL' };
  const portText = env.CODEX_OSS_PORT;
  // Rust's u16 parse: digits with an optional +, nothing trimmed; anything else falls back to the default.
  const port = portText !== undefined && /^\+?\d+$/.test(portText) && Number(portText) <= 65535 ? Number(portText) : null;
  return port === null
    ? { baseUrl: `http://localhost:${OSS_PROVIDER_PORTS[id]}/v1`, source: 'default' }
    : { baseUrl: `http://localhost:${port}/v1`, source: 'CODEX_OSS_PORT' };
}

/** Codex's endpoints for an auth mode and config (model_provider, [model_providers], openai_base_url). */
export function codexEndpoints(authMode: AuthModeInfo, config: EndpointConfig = {}, environment: EndpointEnvironment = {}): CodexEndpoints {
  const problems: EndpointProblem[] = [];
  const env = environment.env ?? {};
  const providerId = config.modelProvider ?? BUILT_IN_PROVIDER;
  // Built-in providers cannot be redefined: Codex keeps its own entries for `openai`, `ollama` and `lmstudio`.
  // The id is the user's: only an own entry counts (`toString` or `__proto__` is not a provider).
  const providers = config.modelProviders ?? {};
  const entry = providerId === BUILT_IN_PROVIDER || isOssProvider(providerId) || !Object.hasOwn(providers, providerId) ? undefined : providers[providerId];
  let provider: ProviderInfo;
  if (entry) {
    // A [model_providers.<id>] entry; custom providers default to supports_websockets = false.
    const baseUrl = entry.baseUrl ?? defaultBaseUrl(authMode.mode);
    provider = {
      id: providerId,
      builtIn: false,
      local: false,
      baseUrl,
      baseUrlSource: entry.baseUrl ? 'model_providers' : 'default',
      supportsWebsockets: entry.supportsWebsockets ?? false,
      httpHeaders: entry.httpHeaders ?? {},
    };
  } else if (isOssProvider(providerId)) {
    // A local model server: the model API never reaches OpenAI (login, if any, still goes to auth.openai.com).
    const { baseUrl, source } = ossBaseUrl(providerId, env);
    provider = { id: providerId, builtIn: true, local: true, baseUrl, baseUrlSource: source, supportsWebsockets: false, httpHeaders: {} };
  } else {
    if (providerId !== BUILT_IN_PROVIDER) {
      problems.push({
        kind: 'unknown-provider',
        providerId,
        message: `model_provider = ${JSON.stringify(providerId)} names no [${formatKey(['model_providers', providerId])}] table and no built-in provider (${BUILT_IN_PROVIDERS.join(', ')}); Codex refuses to start ("Model provider \`${providerId}\` not found").`,
      });
    }
    // Before 0.119.0 the built-in provider took its base URL from OPENAI_BASE_URL.
    const fromEnv = honouredOpenAiBaseUrl(env, environment.codexVersion);
    provider = {
      id: BUILT_IN_PROVIDER,
      builtIn: true,
      local: false,
      baseUrl: fromEnv ?? config.openaiBaseUrl ?? defaultBaseUrl(authMode.mode),
      baseUrlSource: fromEnv !== undefined ? 'OPENAI_BASE_URL' : config.openaiBaseUrl ? 'openai_base_url' : 'default',
      supportsWebsockets: true,
      httpHeaders: {},
    };
  }
  if (!isHttpUrl(provider.baseUrl)) {
    problems.push({
      kind: 'invalid-base-url',
      providerId: provider.id,
      baseUrl: provider.baseUrl,
      source: provider.baseUrlSource,
      message: `The base URL ${JSON.stringify(provider.baseUrl)} (${baseUrlOrigin(provider)}) is not an http:// or https:// URL: Codex cannot send a model request to it.`,
    });
  }
  return {
    issuer: ISSUER,
    tokenEndpoint: TOKEN_ENDPOINT,
    authMode,
    provider,
    websocket: websocketPlan(provider),
    problems,
  };
}

/** Codex's own providers: model_provider may name them without a [model_providers] table. */
export const BUILT_IN_PROVIDERS = [BUILT_IN_PROVIDER, ...(Object.keys(OSS_PROVIDER_PORTS) as OssProviderId[])] as const;

/** A base URL reqwest can send a request to. */
export function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}

/** Where the provider's base URL is written, as the user would look for it. */
export function baseUrlOrigin(provider: Pick<ProviderInfo, 'id' | 'baseUrlSource'>): string {
  switch (provider.baseUrlSource) {
    case 'model_providers':
      return `base_url of [${formatKey(['model_providers', provider.id])}]`;
    case 'openai_base_url':
      return 'openai_base_url in config.toml';
    case 'OPENAI_BASE_URL':
    case 'CODEX_OSS_BASE_URL':
    case 'CODEX_OSS_PORT':
      return `the ${provider.baseUrlSource} variable`;
    case 'default':
      return `Codex's default for ${provider.id}`;
  }
}

export function defaultBaseUrl(mode: AuthMode): string {
  switch (mode) {
    case 'chatgpt':
      return CHATGPT_BASE_URL;
    case 'apikey':
      return API_KEY_BASE_URL;
  }
}

/** https -> wss (http -> ws) plus `/responses`. */
export function websocketUrl(baseUrl: string): string | null {
  if (!URL.canParse(baseUrl)) return null;
  const url = new URL(baseUrl);
  if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol === 'http:') url.protocol = 'ws:';
  else return null;
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/responses`;
  return url.toString();
}

function websocketPlan(provider: ProviderInfo): WebSocketPlan {
  const url = websocketUrl(provider.baseUrl);
  if (provider.local) {
    return {
      url,
      enabled: false,
      reason: `model_provider = "${provider.id}" is Codex's built-in local model server at ${provider.baseUrl}: the model API does not go to OpenAI, and Codex opens no WebSocket for it.`,
    };
  }
  if (!provider.supportsWebsockets) {
    const why = provider.builtIn
      ? 'supports_websockets is off for this provider'
      : `[model_providers.${provider.id}] does not set supports_websockets = true (custom providers default to false)`;
    return { url, enabled: false, reason: `${why}: Codex streams over HTTPS only.` };
  }
  if (url === null) return { url, enabled: false, reason: `The base URL ${provider.baseUrl} cannot become a WebSocket URL.` };
  return { url, enabled: true, reason: `Codex streams over ${url} and falls back to HTTPS after 5 failed attempts.` };
}

/** The token request body, form-encoded exactly as Codex sends it, with a deliberately invalid code. */
export function tokenRequestBody(code: string, codeVerifier: string, codexVersion: string | null): string {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: loginRedirectUri(codexVersion),
    client_id: CLIENT_ID,
    code_verifier: codeVerifier,
  }).toString();
}

/** The endpoint-relevant part of the loaded config.toml. */
export function endpointConfigOf(config: CodexConfig): EndpointConfig {
  // No prototype: the ids are the user's (`__proto__` is an entry like any other).
  const providers: Record<string, ProviderEntry> = Object.create(null);
  for (const [id, p] of Object.entries(config.modelProviders)) {
    providers[id] = {
      ...(p.name !== undefined && { name: p.name }),
      ...(p.baseUrl !== undefined && { baseUrl: p.baseUrl }),
      ...(p.supportsWebsockets !== undefined && { supportsWebsockets: p.supportsWebsockets }),
      httpHeaders: p.httpHeaders,
    };
  }
  return {
    ...(config.modelProvider && { modelProvider: config.modelProvider.value }),
    ...(config.openaiBaseUrl && { openaiBaseUrl: config.openaiBaseUrl.value }),
    modelProviders: providers,
  };
}

const loaded = new WeakMap<CodexWorld, Promise<CodexEndpoints>>();

/**
 * Which credentials Codex sends model requests with: CODEX_API_KEY first, then auth.json, then OPENAI_API_KEY;
 * with none of them the ChatGPT login is assumed. Only the presence of a key is looked at, never its value.
 */
export async function sessionAuthMode(host: Host, codexHome: string, env: Readonly<Record<string, string>>): Promise<AuthModeInfo> {
  const apiKey = (variable: 'CODEX_API_KEY' | 'OPENAI_API_KEY', why: string): AuthModeInfo => ({
    mode: 'apikey',
    source: variable,
    note: `${variable} is set${why}: Codex uses the API key, so the API base is ${API_KEY_BASE_URL}.`,
  });
  if (nonBlank(env.CODEX_API_KEY)) return apiKey('CODEX_API_KEY', ' (read before auth.json)');
  const fromFile = await readAuthMode(host, codexHome);
  if (fromFile.source === 'auth.json' || !nonBlank(env.OPENAI_API_KEY)) return fromFile;
  return apiKey('OPENAI_API_KEY', ' and auth.json records no login');
}

function nonBlank(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}


/** Codex's endpoints for this world (auth.json's auth_mode + config.toml), worked out once per run. */
export function loadEndpoints(host: Host, world: CodexWorld): Promise<CodexEndpoints> {
  let endpoints = loaded.get(world);
  if (!endpoints) {
    endpoints = sessionAuthMode(host, world.codexHome, world.env).then((mode) =>
      codexEndpoints(mode, endpointConfigOf(world.config), { env: world.env, codexVersion: world.codexVersion }),
    );
    loaded.set(world, endpoints);
  }
  return endpoints;
}

// ---------------------------------------------------------------------------------------------------------
// Every host Codex contacts in a session (codex-behavior.md §6, §9): one entry per (client, URL).

/**
 * Who in Codex opens the connection. Each client has its own trust set and reacts to a CA bundle that does not
 * load in its own way (§3): login and MCP fail hard, the model API client falls back to the system roots, the
 * WebSocket fails to configure its TLS; an OTEL exporter with its own ca-certificate trusts only that file.
 */
export type CodexClient = 'login' | 'model-api' | 'websocket' | 'mcp' | 'otel';
export type ContactTransport = 'https' | 'wss';

export interface CodexContact {
  client: CodexClient;
  transport: ContactTransport;
  url: string;
  host: string;
  port: number;
  /** What Codex does there, in a few words: `login`, `model API`, `streaming`, `MCP server "docs"`... */
  purpose: string;
  /** Codex cannot log in or answer without it; a failure elsewhere costs one feature (a warning). */
  essential: boolean;
  /** An OTEL exporter's own `tls.ca-certificate`: it replaces the roots for this connection. */
  caFile?: string;
}

/** The model list Codex 0.169.0 fetches from chatgpt.com at start, even with an API key. */
export const MODELS_URL = `${CHATGPT_BASE_URL}/models`;

/** What besides the provider adds hosts: MCP servers over HTTP and OTEL exporters. */
export interface ContactConfig {
  mcpUrlServers: ReadonlyArray<{ name: string; url: string }>;
  otelExporters: ReadonlyArray<{ slot: string; kind: string; endpoint?: string; tls: { caCertificate?: { path: string } } }>;
}

/**
 * The TLS connections Codex makes in a session, login included, in the order a user meets them. Plain
 * http:// URLs (a local model server) carry no TLS and are left out; so is a provider Codex cannot use.
 */
export function codexContacts(endpoints: CodexEndpoints, config: ContactConfig): CodexContact[] {
  const contacts: CodexContact[] = [];
  const add = (client: CodexClient, url: string, purpose: string, essential: boolean, extra: Partial<CodexContact> = {}): void => {
    if (!URL.canParse(url)) return;
    const parsed = new URL(url);
    const transport: ContactTransport | null = parsed.protocol === 'https:' ? 'https' : parsed.protocol === 'wss:' ? 'wss' : null;
    if (transport === null || parsed.hostname === '') return;
    const port = parsed.port === '' ? 443 : Number(parsed.port);
    contacts.push({ client, transport, url: parsed.href, host: parsed.hostname.toLowerCase(), port, purpose, essential, ...extra });
  };
  add('login', endpoints.tokenEndpoint, 'login', true);
  const usable = endpoints.problems.length === 0;
  if (usable && !endpoints.provider.local) {
    add('model-api', `${endpoints.provider.baseUrl.replace(/\/+$/, '')}/responses`, 'model API', true);
    // 0.169.0 fetches the model list from chatgpt.com with an API key too (with ChatGPT login it is the API host).
    if (endpoints.provider.builtIn && endpoints.authMode.mode === 'apikey') add('model-api', MODELS_URL, 'model list', false);
    if (endpoints.websocket.enabled && endpoints.websocket.url !== null) add('websocket', endpoints.websocket.url, 'streaming', true);
  }
  for (const server of config.mcpUrlServers) add('mcp', server.url, `MCP server "${server.name}"`, false);
  for (const exporter of config.otelExporters) {
    if (exporter.endpoint === undefined) continue;
    const caFile = exporter.tls.caCertificate?.path;
    add('otel', exporter.endpoint, `OTEL ${exporter.slot} (${exporter.kind})`, false, caFile === undefined ? {} : { caFile });
  }
  return contacts;
}
