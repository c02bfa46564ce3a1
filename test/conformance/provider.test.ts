// The harness's own reading of the provider a config selects, and the -c overrides that run it over HTTPS only.
import { describe, expect, it } from 'vitest';
import { parse } from 'smol-toml';
import { apiKeyVariable, httpsOnlyArgs, modelTarget, tomlInline } from '../../conformance/provider.js';

describe('conformance: the model provider', () => {
  it('is the built-in provider on api.openai.com by default, with openai_base_url honoured', () => {
    expect(modelTarget(null)).toMatchObject({ providerId: 'openai', host: 'api.openai.com', responsesPath: '/v1/responses', websockets: true, table: null });
    expect(modelTarget('openai_base_url = "https://llm.example.com/openai/v1/"\n')).toMatchObject({ host: 'llm.example.com', responsesPath: '/openai/v1/responses' });
    expect(modelTarget('this is [not toml')).toMatchObject({ host: 'api.openai.com' });
    expect(apiKeyVariable(modelTarget(null))).toBe('OPENAI_API_KEY');
  });

  it("follows model_provider to the user's table; custom providers stream over HTTPS unless they opt in", () => {
    const gateway = modelTarget('model_provider = "gateway"\n[model_providers.gateway]\nname = "GW"\nbase_url = "https://LLM.example.com/v1"\nenv_key = "GW_KEY"\nsupports_websockets = true\n');
    expect(gateway).toMatchObject({ providerId: 'gateway', host: 'llm.example.com', responsesPath: '/v1/responses', websockets: true });
    expect(apiKeyVariable(gateway)).toBe('GW_KEY');
    expect(modelTarget('model_provider = "gw"\n[model_providers.gw]\nbase_url = "https://llm.example.com/v1"\n').websockets).toBe(false);
  });

  it('runs the same provider over HTTPS only: its table kept, WebSocket off, the probe header added to its own', () => {
    const target = modelTarget('model_provider = "gw"\n[model_providers.gw]\nbase_url = "https://llm.example.com/v1"\nsupports_websockets = true\nhttp_headers = { "X-Team" = "a\\"b" }\n');
    const args = httpsOnlyArgs(target, 'x-probe');
    expect(args[0]).toBe('-c');
    expect(args[1]).toBe('model_provider="conformance_https"');
    // Codex parses each override's value as TOML: the inline table must read back as the provider.
    const value = parse(`v = ${args[3]!.slice(args[3]!.indexOf('=') + 1)}`).v;
    expect(value).toEqual({ base_url: 'https://llm.example.com/v1', supports_websockets: false, http_headers: { 'X-Team': 'a"b', 'x-probe': 'https' } });
    expect(parse(`v = ${tomlInline([1, true, 'x', { a: [] }])}`).v).toEqual([1, true, 'x', { a: [] }]);
  });
});
