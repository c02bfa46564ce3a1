import { describe, expect, it } from 'vitest';
import {
  authModeOf,
  codexEndpoints,
  readAuthMode,
  loginRedirectUri,
  tokenRequestBody,
  websocketUrl,
  type AuthModeInfo,
} from '../../src/codex/endpoints.js';
import { testHost } from '../helpers/host.js';

const chatgpt: AuthModeInfo = { mode: 'chatgpt', source: 'auth.json', note: '' };
const apikey: AuthModeInfo = { mode: 'apikey', source: 'auth.json', note: '' };
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlc2lnbmF0dXJl';

describe('readAuthMode', () => {
  it("reads only auth_mode from auth.json and never returns a token", async () => {
    const host = testHost({ files: { '/home/user/.codex/auth.json': JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-secretsecretsecret', tokens: { id_token: TOKEN } }) } });
    const info = await readAuthMode(host, '/home/user/.codex');
    expect(info).toEqual({ mode: 'apikey', source: 'auth.json', note: 'auth_mode in /home/user/.codex/auth.json is API key.' });
    expect(JSON.stringify(info)).not.toMatch(/sk-secret|eyJ/);
  });

  it('assumes ChatGPT login, and says so, when auth.json is absent, unreadable or has no auth_mode', async () => {
    const absent = await readAuthMode(testHost(), '/home/user/.codex');
    expect(absent).toEqual({
      mode: 'chatgpt',
      source: 'assumed',
      note: '/home/user/.codex/auth.json does not exist (not logged in yet, or credentials in the keyring); assuming ChatGPT login (the browser login flow), so the API base is https://chatgpt.com/backend-api/codex.',
    });
    const unreadable = await readAuthMode(testHost({ files: { '/c/auth.json': { readError: 'EACCES' } } }), '/c');
    expect(unreadable.note).toMatch(/^\/c\/auth\.json cannot be read \(EACCES\); assuming ChatGPT login/);
    const none = await readAuthMode(testHost({ files: { '/c/auth.json': '{"tokens":{}}' } }), '/c');
    expect(none).toMatchObject({ mode: 'chatgpt', source: 'assumed' });
  });

  it('reads an older API-key login (no auth_mode, an OPENAI_API_KEY) as API key, without the key', async () => {
    const host = testHost({ files: { '/c/auth.json': JSON.stringify({ OPENAI_API_KEY: 'sk-olderloginkey0123456789', tokens: null }) } });
    const info = await readAuthMode(host, '/c');
    expect(info).toEqual({ mode: 'apikey', source: 'auth.json', note: '/c/auth.json has no auth_mode but holds an API key (an older API-key login): API key.' });
    expect(JSON.stringify(info)).not.toContain('sk-older');
    expect(codexEndpoints(info).provider.baseUrl).toBe('https://api.openai.com/v1');
    // An empty or null key is no API-key login; an explicit auth_mode still wins.
    expect(authModeOf('{"OPENAI_API_KEY":"","tokens":{}}')).toBeUndefined();
    expect(authModeOf('{"OPENAI_API_KEY":null,"tokens":{}}')).toBeUndefined();
    expect(authModeOf('{"auth_mode":"chatgpt","OPENAI_API_KEY":"sk-x"}')).toBe('chatgpt');
  });

  it('accepts the spellings Codex writes', () => {
    expect(authModeOf('{"auth_mode":"chatgpt"}')).toBe('chatgpt');
    expect(authModeOf('{"auth_mode":"ChatGPT"}')).toBe('chatgpt');
    expect(authModeOf('{"auth_mode":"ApiKey"}')).toBe('apikey');
    expect(authModeOf('{"auth_mode":"other"}')).toBeUndefined();
    expect(authModeOf('not json')).toBeUndefined();
  });
});

describe('codexEndpoints', () => {
  it('uses chatgpt.com with ChatGPT login and api.openai.com with an API key, with the WebSocket on', () => {
    const login = codexEndpoints(chatgpt);
    expect(login).toMatchObject({
      issuer: 'https://auth.openai.com',
      tokenEndpoint: 'https://auth.openai.com/oauth/token',
      provider: { id: 'openai', builtIn: true, baseUrl: 'https://chatgpt.com/backend-api/codex', baseUrlSource: 'default', supportsWebsockets: true },
      websocket: { url: 'wss://chatgpt.com/backend-api/codex/responses', enabled: true },
      problems: [],
    });
    expect(codexEndpoints(apikey).websocket.url).toBe('wss://api.openai.com/v1/responses');
  });

  it('lets openai_base_url override the built-in provider', () => {
    const endpoints = codexEndpoints(apikey, { openaiBaseUrl: 'https://gateway.corp.example/openai/v1/' });
    expect(endpoints.provider).toMatchObject({ baseUrl: 'https://gateway.corp.example/openai/v1/', baseUrlSource: 'openai_base_url' });
    expect(endpoints.websocket.url).toBe('wss://gateway.corp.example/openai/v1/responses');
  });

  it('selects a [model_providers] entry; custom providers default to no WebSocket', () => {
    const providers = {
      azure: { baseUrl: 'https://corp.openai.azure.com/openai', supportsWebsockets: true },
      local: { baseUrl: 'http://127.0.0.1:8000/v1' },
    };
    const azure = codexEndpoints(apikey, { modelProvider: 'azure', modelProviders: providers });
    expect(azure.provider).toMatchObject({ id: 'azure', builtIn: false, baseUrlSource: 'model_providers', supportsWebsockets: true });
    expect(azure.websocket).toMatchObject({ url: 'wss://corp.openai.azure.com/openai/responses', enabled: true });
    const local = codexEndpoints(apikey, { modelProvider: 'local', modelProviders: providers });
    expect(local.websocket).toEqual({
      url: 'ws://127.0.0.1:8000/v1/responses',
      enabled: false,
      reason: '[model_providers.local] does not set supports_websockets = true (custom providers default to false): Codex streams over HTTPS only.',
    });
  });

  it('keeps the built-in openai provider even when config redefines it, and flags an unknown model_provider', () => {
    expect(codexEndpoints(chatgpt, { modelProviders: { openai: { baseUrl: 'https://evil.example' } } }).provider.baseUrl).toBe('https://chatgpt.com/backend-api/codex');
    expect(codexEndpoints(chatgpt, { modelProvider: 'nope' }).problems).toEqual([
      {
        kind: 'unknown-provider',
        providerId: 'nope',
        message: 'model_provider = "nope" names no [model_providers.nope] table and no built-in provider (openai, ollama, lmstudio); Codex refuses to start ("Model provider `nope` not found").',
      },
    ]);
  });
});

describe('the built-in local providers (ollama, lmstudio)', () => {
  it.each([
    ['ollama', 'http://localhost:11434/v1'],
    ['lmstudio', 'http://localhost:1234/v1'],
  ])('model_provider = "%s" without a table is Codex\'s built-in local server at %s, not an error', (id, baseUrl) => {
    const endpoints = codexEndpoints(chatgpt, { modelProvider: id });
    expect(endpoints.problems).toEqual([]);
    expect(endpoints.provider).toEqual({ id, builtIn: true, local: true, baseUrl, baseUrlSource: 'default', supportsWebsockets: false, httpHeaders: {} });
    expect(endpoints.websocket).toEqual({
      url: `${baseUrl.replace('http:', 'ws:')}/responses`,
      enabled: false,
      reason: `model_provider = "${id}" is Codex's built-in local model server at ${baseUrl}: the model API does not go to OpenAI, and Codex opens no WebSocket for it.`,
    });
  });

  it('takes CODEX_OSS_BASE_URL, else CODEX_OSS_PORT, and ignores a [model_providers.ollama] table', () => {
    const config = { modelProvider: 'ollama', modelProviders: { ollama: { baseUrl: 'https://elsewhere.example/v1' } } };
    expect(codexEndpoints(chatgpt, config, { env: { CODEX_OSS_BASE_URL: 'http://gpu.corp:11434/v1', CODEX_OSS_PORT: '9' } }).provider).toMatchObject({
      baseUrl: 'http://gpu.corp:11434/v1',
      baseUrlSource: 'CODEX_OSS_BASE_URL',
    });
    expect(codexEndpoints(chatgpt, config, { env: { CODEX_OSS_PORT: '8080' } }).provider).toMatchObject({ baseUrl: 'http://localhost:8080/v1', baseUrlSource: 'CODEX_OSS_PORT' });
    expect(codexEndpoints(chatgpt, config, { env: { CODEX_OSS_PORT: 'x' } }).provider).toMatchObject({ baseUrl: 'http://localhost:11434/v1', baseUrlSource: 'default' });
  });
});

describe('OPENAI_BASE_URL', () => {
  const env = { OPENAI_BASE_URL: 'https://gateway.corp.example/v1' };

  it('sets the built-in provider before 0.119.0, so the network checks test that URL', () => {
    const endpoints = codexEndpoints(apikey, {}, { env, codexVersion: '0.118.2' });
    expect(endpoints.provider).toMatchObject({ baseUrl: 'https://gateway.corp.example/v1', baseUrlSource: 'OPENAI_BASE_URL' });
    expect(endpoints.websocket.url).toBe('wss://gateway.corp.example/v1/responses');
  });

  it('is ignored from 0.119.0 on and when the version is unknown', () => {
    expect(codexEndpoints(apikey, {}, { env, codexVersion: '0.119.0' }).provider).toMatchObject({ baseUrl: 'https://api.openai.com/v1', baseUrlSource: 'default' });
    expect(codexEndpoints(apikey, {}, { env, codexVersion: null }).provider.baseUrl).toBe('https://api.openai.com/v1');
    expect(codexEndpoints(apikey, {}, { env: { OPENAI_BASE_URL: '  ' }, codexVersion: '0.100.0' }).provider.baseUrlSource).toBe('default');
  });
});

describe('websocketUrl and the token request', () => {
  it('turns https into wss and appends /responses', () => {
    expect(websocketUrl('https://api.openai.com/v1')).toBe('wss://api.openai.com/v1/responses');
    expect(websocketUrl('ftp://x')).toBeNull();
    expect(websocketUrl('not a url')).toBeNull();
  });

  it("form-encodes the token request exactly as Codex does", () => {
    expect(tokenRequestBody('bad code', 'verifier', '0.169.0')).toBe(
      'grant_type=authorization_code&code=bad+code&redirect_uri=http%3A%2F%2F127.0.0.1%3A1455%2Fauth%2Fcallback&client_id=app_EMoamEEZ73f0CkXaXp7hrann&code_verifier=verifier',
    );
    // Before 0.169.0 the callback was named localhost; with the release unknown, 0.169.0 is assumed.
    expect(new URLSearchParams(tokenRequestBody('c', 'v', '0.144.1')).get('redirect_uri')).toBe('http://localhost:1455/auth/callback');
    expect(new URLSearchParams(tokenRequestBody('c', 'v', null)).get('redirect_uri')).toBe('http://127.0.0.1:1455/auth/callback');
    expect(loginRedirectUri('0.169.0', 1457)).toBe('http://127.0.0.1:1457/auth/callback');
  });
});
