// The host:port pairs Codex needs through a corporate proxy, as a proxy team allows them: from the auth mode,
// the model provider, MCP servers and OTEL exporters as configured (codex-behavior.md §6, §9).
import type { CodexConfig } from './config.js';
import { ISSUER, type CodexEndpoints } from './endpoints.js';
import type { ItHost } from '../core/types.js';

const REALTIME_HOST = 'api.openai.com';

export function hostsCodexNeeds(endpoints: CodexEndpoints, config: Pick<CodexConfig, 'mcpUrlServers' | 'otelExporters'>): ItHost[] {
  const hosts: ItHost[] = [];
  const add = (url: string | undefined, purpose: string, websocket = false, optional = false): void => {
    const parsed = url === undefined ? null : safeUrl(url);
    if (!parsed) return;
    const port = parsed.port === '' ? (parsed.protocol === 'http:' || parsed.protocol === 'ws:' ? 80 : 443) : Number(parsed.port);
    const same = hosts.find((h) => h.host === parsed.hostname && h.port === port);
    if (same) {
      if (!same.purpose.split(', ').includes(purpose)) same.purpose += `, ${purpose}`;
      same.websocket ||= websocket;
      if (!optional) delete same.optional;
      return;
    }
    hosts.push({ host: parsed.hostname, port, purpose, websocket, ...(optional && { optional: true as const }) });
  };
  add(ISSUER, 'login (OAuth token exchange, device code)');
  const { provider, websocket, authMode } = endpoints;
  if (!provider.local) add(provider.baseUrl, provider.builtIn ? 'model API' : `model API (provider ${provider.id})`);
  if (websocket.enabled && websocket.url) add(websocket.url, 'Responses streaming (WebSocket)', true);
  if (provider.builtIn && !provider.local) {
    // The built-in provider: the other OpenAI host serves the model list (API key) or the Realtime WebSocket.
    add(authMode.mode === 'apikey' ? 'https://chatgpt.com/backend-api/codex/models' : 'https://api.openai.com/v1', authMode.mode === 'apikey' ? 'model list, plugins' : 'API');
    add(`wss://${REALTIME_HOST}/v1/realtime`, 'Realtime (WebSocket)', true);
  }
  for (const server of config.mcpUrlServers) add(server.url, `MCP server ${server.name}`);
  for (const exporter of config.otelExporters) add(exporter.endpoint, `telemetry (OTEL ${exporter.slot})`);
  add('https://api.github.com', 'update check', false, true);
  add('https://github.com', 'plugin list (git ls-remote)', false, true);
  return hosts;
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
