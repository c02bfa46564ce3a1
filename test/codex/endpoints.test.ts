import { describe, expect, it } from 'vitest';
import {
  authModeOf,
  codexEndpoints,
  readAuthMode,
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
      'model_provider = "nope" names no [model_providers.nope] table; Codex refuses to start with it.',
    ]);
  });
});

describe('websocketUrl and the token request', () => {
  it('turns https into wss and appends /responses', () => {
    expect(websocketUrl('https://api.openai.com/v1')).toBe('wss://api.openai.com/v1/responses');
    expect(websocketUrl('ftp://x')).toBeNull();
    expect(websocketUrl('not a url')).toBeNull();
  });

  it("form-encodes the token request exactly as Codex does", () => {
    expect(tokenRequestBody('bad code', 'verifier')).toBe(
      'grant_type=authorization_code&code=bad+code&redirect_uri=http%3A%2F%2Flocalhost%3A1455%2Fauth%2Fcallback&client_id=app_EMoamEEZ73f0CkXaXp7hrann&code_verifier=verifier',
    );
  });
});
