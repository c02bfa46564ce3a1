// Which URLs Codex talks to (codex-behavior.md §6): the login issuer and token endpoint, the model API
// base (api.openai.com with an API key, chatgpt.com with ChatGPT login), config.toml overrides, and the
// Responses WebSocket URL. Pure functions, plus one bounded read of auth.json's `auth_mode`.
import type { Host } from '../core/host.js';
import type { CodexConfig } from './config.js';
import type { CodexWorld } from './world.js';

export const ISSUER = 'https://auth.openai.com';
export const TOKEN_ENDPOINT = `${ISSUER}/oauth/token`;
/** Codex's OAuth client id (public: it is in every login URL). */
export const CLIENT_ID = 'app_EMoamEEZ73f0CkXaXp7hrann';
/** The browser login callback Codex listens on. */
export const LOGIN_REDIRECT_URI = 'http://localhost:1455/auth/callback';
export const API_KEY_BASE_URL = 'https://api.openai.com/v1';
export const CHATGPT_BASE_URL = 'https://chatgpt.com/backend-api/codex';
/** The header Codex sends on the Responses WebSocket upgrade. */
export const WEBSOCKET_BETA_HEADER = { 'OpenAI-Beta': 'responses_websockets=2026-02-06' } as const;
export const BUILT_IN_PROVIDER = 'openai';

export type AuthMode = 'chatgpt' | 'apikey';

export interface AuthModeInfo {
  mode: AuthMode;
  /** auth.json: read from its `auth_mode`; assumed: auth.json absent or without a readable auth_mode. */
  source: 'auth.json' | 'assumed';
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
  /** Why this base URL: Codex's default for the auth mode, openai_base_url, or the provider's base_url. */
  baseUrlSource: 'default' | 'openai_base_url' | 'model_providers';
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

export interface CodexEndpoints {
  issuer: string;
  tokenEndpoint: string;
  authMode: AuthModeInfo;
  provider: ProviderInfo;
  websocket: WebSocketPlan;
  /** Problems with the configured provider (unknown model_provider, bad base_url), one sentence each. */
  problems: string[];
}

const AUTH_JSON_MAX_BYTES = 1024 * 1024;

/**
 * Reads only `auth_mode` from $CODEX_HOME/auth.json. The parsed object is dropped at once; no token value is
 * kept or returned. Without a usable auth.json the ChatGPT login is assumed: that is the flow being debugged.
 */
export async function readAuthMode(host: Host, codexHome: string): Promise<AuthModeInfo> {
  const path = `${codexHome.replace(/[\\/]+$/, '')}${host.platform === 'win32' ? '\\' : '/'}auth.json`;
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
  const mode = authModeOf(text);
  if (mode === undefined) return assumed(`${path} has no auth_mode`);
  return {
    mode,
    source: 'auth.json',
    note: `auth_mode in ${path} is ${mode === 'chatgpt' ? 'ChatGPT login' : 'API key'}.`,
  };
}

/** `auth_mode` from auth.json text; the rest of the document is never looked at. */
export function authModeOf(text: string): AuthMode | undefined {
  let value: unknown;
  try {
    const parsed: unknown = JSON.parse(text);
    value = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>)['auth_mode'] : undefined;
  } catch {
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  const normalised = value.toLowerCase().replace(/[^a-z]/g, '');
  if (normalised === 'chatgpt' || normalised === 'chatgptauthtokens') return 'chatgpt';
  if (normalised === 'apikey') return 'apikey';
  return undefined;
}

/** Codex's endpoints for an auth mode and config (model_provider, [model_providers], openai_base_url). */
export function codexEndpoints(authMode: AuthModeInfo, config: EndpointConfig = {}): CodexEndpoints {
  const problems: string[] = [];
  const providerId = config.modelProvider ?? BUILT_IN_PROVIDER;
  // Built-in providers cannot be redefined: Codex keeps its own entry for `openai`.
  const entry = providerId === BUILT_IN_PROVIDER ? undefined : config.modelProviders?.[providerId];
  let provider: ProviderInfo;
  if (entry) {
    // A [model_providers.<id>] entry; custom providers default to supports_websockets = false.
    const baseUrl = entry.baseUrl ?? defaultBaseUrl(authMode.mode);
    provider = {
      id: providerId,
      builtIn: false,
      baseUrl,
      baseUrlSource: entry.baseUrl ? 'model_providers' : 'default',
      supportsWebsockets: entry.supportsWebsockets ?? false,
      httpHeaders: entry.httpHeaders ?? {},
    };
  } else {
    if (providerId !== BUILT_IN_PROVIDER) {
      problems.push(`model_provider = "${providerId}" names no [model_providers.${providerId}] table; Codex refuses to start with it.`);
    }
    provider = {
      id: BUILT_IN_PROVIDER,
      builtIn: true,
      baseUrl: config.openaiBaseUrl ?? defaultBaseUrl(authMode.mode),
      baseUrlSource: config.openaiBaseUrl ? 'openai_base_url' : 'default',
      supportsWebsockets: true,
      httpHeaders: {},
    };
  }
  if (!URL.canParse(provider.baseUrl)) problems.push(`The base URL ${provider.baseUrl} is not a URL.`);
  return {
    issuer: ISSUER,
    tokenEndpoint: TOKEN_ENDPOINT,
    authMode,
    provider,
    websocket: websocketPlan(provider),
    problems,
  };
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
export function tokenRequestBody(code: string, codeVerifier: string): string {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: LOGIN_REDIRECT_URI,
    client_id: CLIENT_ID,
    code_verifier: codeVerifier,
  }).toString();
}

/** The endpoint-relevant part of the loaded config.toml. */
export function endpointConfigOf(config: CodexConfig): EndpointConfig {
  const providers: Record<string, ProviderEntry> = {};
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

/** Codex's endpoints for this world (auth.json's auth_mode + config.toml), worked out once per run. */
export function loadEndpoints(host: Host, world: CodexWorld): Promise<CodexEndpoints> {
  let endpoints = loaded.get(world);
  if (!endpoints) {
    endpoints = readAuthMode(host, world.codexHome).then((mode) => codexEndpoints(mode, endpointConfigOf(world.config)));
    loaded.set(world, endpoints);
  }
  return endpoints;
}
