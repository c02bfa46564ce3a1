import { it } from 'vitest';
import { testHost } from '../../test/helpers/host.js';
import { loadWorld } from '../../src/codex/world.js';
import { assessSandboxEnv } from '../../src/checks/sandbox-env.js';
import { assessCodexConfig } from '../../src/checks/codex-config.js';
const blog = `# Model provider behind an enterprise LLM proxy
[model_providers.corp]
name = "Corporate OpenAI Proxy"
base_url = "https://llm-proxy.internal.example.com/v1"
env_key = "OPENAI_API_KEY"

[model_providers.corp.http_headers]
X-Corp-Team = "platform-engineering"

# Shell environment — pass CA certs into sandbox
[shell_environment]
inherit = "core"

[shell_environment.include]
CODEX_CA_CERTIFICATE = true
SSL_CERT_FILE = true
NODE_EXTRA_CA_CERTS = true
REQUESTS_CA_BUNDLE = true

# OTEL to internal collector with mTLS
[otel.exporter.corp]
endpoint = "https://otel.internal.example.com:4318"

[otel.exporter.corp.tls]
ca-certificate = "/etc/pki/tls/certs/corporate-root-ca.pem"

# Credential storage in OS keyring
[auth]
cli_auth_credentials_store = "keyring"
`;
it('smoke', async () => {
  const host = testHost({ env: { HOME: '/home/user', PATH: '/bin', CODEX_CA_CERTIFICATE: '/etc/corp.pem', HTTPS_PROXY: 'http://u:pw@proxy:3128' }, files: { '/home/user/.codex/config.toml': blog, '/etc/corp.pem': 'x' } });
  const world = await loadWorld(host, { timeoutMs: 1000, verbose: false });
  console.log(JSON.stringify(world.config.unknownKeys, null, 1), world.config.problems);
  const c = await assessCodexConfig(world.config, host);
  console.log(JSON.stringify(c, null, 1));
  const r = await assessSandboxEnv(world.config, world.env, host);
  console.log(JSON.stringify(r, null, 1));
});
