// What a misspelt config.toml key costs: Codex ignores it (and from 0.169.0 warns that it does), but never
// says what the real key would have done. Keyed by the real key's path; `*` stands for any one segment.

const COSTS: ReadonlyArray<readonly [readonly string[], string]> = [
  [['features', 'respect_system_proxy'], 'Codex does not ask the macOS or Windows proxy settings first (PAC included) and routes by the environment'],
  [['features', 'system_proxy_fallback'], 'the login retry through the system proxy keeps its default (on from 0.169.0)'],
  [['features', 'network_proxy'], "Codex's managed network proxy for sandboxed commands stays off"],
  [['model_providers'], 'the providers are not defined, so a model_provider naming one of them makes Codex refuse to start'],
  [['model_providers', '*', 'base_url'], 'the provider has no base URL, so its model requests cannot go where you meant'],
  [['model_providers', '*', 'http_headers'], 'Codex does not send those headers, and a gateway that needs them refuses the requests'],
  [['model_providers', '*', 'supports_websockets'], 'the provider keeps the default (a custom provider streams over HTTPS only)'],
  [['model_providers', '*', 'env_key'], 'Codex does not read the API key from that variable'],
  [['openai_base_url'], "the model API still goes to OpenAI's own base URL"],
  [['chatgpt_base_url'], 'ChatGPT requests still go to chatgpt.com'],
  [['cli_auth_credentials_store'], 'credentials stay in auth.json instead of the keyring'],
  [['mcp_servers'], 'none of these MCP servers is started'],
  [['otel', 'exporter'], 'no OTEL exporter is configured'],
  [['otel', '*', '*', 'tls', 'ca-certificate'], 'the exporter verifies its collector against the built-in roots, not that CA'],
  [['otel', '*', '*', 'tls', 'client-certificate'], 'the exporter presents no client certificate'],
  [['otel', '*', '*', 'tls', 'client-private-key'], 'the exporter presents no client certificate'],
  [['sandbox_mode'], 'the sandbox keeps its default mode (read-only or workspace-write, without network)'],
  [['sandbox_workspace_write'], 'workspace-write keeps its defaults (no network for sandboxed commands)'],
  [['sandbox_workspace_write', 'network_access'], 'sandboxed commands keep no network'],
  [['shell_environment_policy'], 'sandboxed commands get the default environment (inherit "all")'],
  [['shell_environment_policy', 'include_only'], 'the list filters nothing: sandboxed commands get the whole inherited environment'],
  [['shell_environment_policy', 'exclude'], 'those variables still reach sandboxed commands'],
  [['shell_environment_policy', 'set'], 'those values are not set for sandboxed commands'],
];

/** What ignoring the misspelling of `realKey` costs, as a clause; a generic clause when the key is not listed. */
export function costOfIgnoring(realKey: readonly string[]): string {
  const found = COSTS.find(([pattern]) => pattern.length === realKey.length && pattern.every((p, i) => p === '*' || p === realKey[i]));
  return found?.[1] ?? 'the setting has no effect';
}
