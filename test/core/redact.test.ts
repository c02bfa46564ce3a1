import { describe, expect, it } from 'vitest';
import { redactProxyValue, Redactor, redactUrl } from '../../src/core/redact.js';

describe('redaction', () => {
  it('drops proxy passwords but keeps the user and host', () => {
    expect(redactUrl('http://alice:p%40ss@proxy.corp:8080/')).toBe('http://[redacted]@proxy.corp:8080/');
    expect(new Redactor().text('via http://alice:pw@proxy:3128 now')).toBe('via http://[redacted]@proxy:3128 now');
    expect(redactUrl('alice:pw@proxy:3128')).toBe('[redacted]@proxy:3128');
    // A hint's placeholder stays readable.
    expect(new Redactor().text('export HTTPS_PROXY=http://USER:PASSWORD@proxy:3128')).toContain('USER:PASSWORD@');
  });

  it('removes the values of secret-named variables and decoded proxy passwords anywhere', () => {
    const r = Redactor.fromEnv({
      OPENAI_API_KEY: 'not-an-sk-shaped-key-123',
      https_proxy: 'http://bob:p%40ssw0rd@proxy:8080',
      CODEX_CA_CERTIFICATE: '/etc/corp.pem',
    });
    expect(r.text('key not-an-sk-shaped-key-123 and p@ssw0rd and p%40ssw0rd')).toBe('key [redacted] and [redacted] and [redacted]');
    // A CA path is not a secret even though the name contains CERT.
    expect(r.text('/etc/corp.pem')).toBe('/etc/corp.pem');
  });

  it('recognises keys, bearer tokens, JWTs and private key blocks by shape', () => {
    const r = new Redactor();
    expect(r.text('sk-proj-abcdefghijklmnop')).toBe('sk-[redacted]');
    expect(r.text('Authorization: Bearer abcdefghijklmnop')).toBe('Authorization: Bearer [redacted]');
    expect(r.text('Proxy-Authorization: Basic YWxpY2U6c2VjcmV0')).toBe('Proxy-Authorization: Basic [redacted]');
    expect(r.text('Codex sends them as Basic Proxy-Authorization.')).toBe('Codex sends them as Basic Proxy-Authorization.');
    // Prose after "Basic" stays; a base64 credential (mixed case, digits, padding) goes.
    expect(r.text('Codex sends them as Basic credentials.')).toBe('Codex sends them as Basic credentials.');
    expect(r.text('the proxy wants Basic Authentication')).toBe('the proxy wants Basic Authentication');
    expect(r.text('Proxy-Authorization: Basic Ym9iOmh1bnRlcjI=')).toBe('Proxy-Authorization: Basic [redacted]');
    expect(r.text('Authorization: Basic QUxJQ0U6U0VDUkVU')).toBe('Authorization: Basic [redacted]');
    expect(r.text('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnopqrstu')).toBe('[redacted-jwt]');
    expect(r.text('-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----')).toBe('[redacted RSA PRIVATE KEY]');
  });

  it('walks nested values', () => {
    const r = new Redactor(['topsecret']);
    expect(r.deep({ a: ['x topsecret y', 3, null], b: { c: 'topsecret' } })).toEqual({ a: ['x [redacted] y', 3, null], b: { c: '[redacted]' } });
  });
});

describe('passwords a URL parser would not read as passwords', () => {
  // Each is redacted in every form a message may show: as typed, percent-decoded, percent-encoded.
  it.each([
    ['a raw /', 'http://alice:S3c/r3tPw@127.0.0.1:9', 'S3c/r3tPw'],
    ['a blank', 'http://alice:S3c r3tPw@127.0.0.1:9', 'S3c r3tPw'],
    ['a raw @ (HTTPS cuts there, WebSocket does not)', 'http://alice:S3c@r3tPw@127.0.0.1:9', 'S3c@r3tPw'],
    ['a raw ? and #', 'http://alice:pa?ss#w0rd@127.0.0.1:9', 'pa?ss#w0rd'],
    ['no scheme', 'alice:S3c/r3tPw@proxy.corp:8080', 'S3c/r3tPw'],
  ])('%s', (_, value, password) => {
    const r = Redactor.fromEnv({ HTTPS_PROXY: value });
    const shown = r.text(`HTTPS_PROXY=${value}; decoded ${decodeURIComponent(encodeURIComponent(password))}; encoded ${encodeURIComponent(password)}`);
    expect(shown).not.toContain(password);
    expect(shown).not.toContain(encodeURIComponent(password));
    // The user name is part of the credentials too.
    expect(shown).not.toContain('alice');
    expect(shown).toMatch(/^HTTPS_PROXY=(http:\/\/)?\[redacted\]/);
  });

  it('redacts each @-separated piece, which is what the first-@ reading sends', () => {
    const r = Redactor.fromEnv({ ALL_PROXY: 'http://alice:first-piece@second-piece@proxy:3128' });
    expect(r.text('sent first-piece, then second-piece')).toBe('sent [redacted], then [redacted]');
  });

  it('the URL pattern (no environment) redacts up to the last @ before the host', () => {
    const r = new Redactor();
    expect(r.text('via http://alice:S3c/r3t@Pw@127.0.0.1:9 now')).toBe('via http://[redacted]@127.0.0.1:9 now');
    expect(r.text('"http://alice:a/b@proxy:8080/path"')).toBe('"http://[redacted]@proxy:8080/path"');
    expect(r.text('https://proxy.corp:8080/ has no credentials')).toBe('https://proxy.corp:8080/ has no credentials');
  });

  it('leaves values that only look like userinfo alone', () => {
    const r = Redactor.fromEnv({ GIT_REMOTE: 'git@github.com:org/repo.git', EMAIL: 'ann@corp.example', PATH_LIKE: '/usr/bin:/bin' });
    expect(r.text('git@github.com:org/repo.git ann@corp.example /usr/bin:/bin')).toBe('git@github.com:org/repo.git ann@corp.example /usr/bin:/bin');
  });
});

describe('secrets the environment does not show plainly', () => {
  it('a .env value whose quote never closes swallows NAME=value lines: their secrets count', () => {
    const r = Redactor.fromEnv({ HTTPS_PROXY: 'http://127.0.0.1:9\nAZURE_OPENAI_API_KEY=az1234567890secret\nexport DB_PASSWORD="hunter2-pw"\nFOO=bar' });
    expect(r.text('HTTPS_PROXY is http://127.0.0.1:9\nAZURE_OPENAI_API_KEY=az1234567890secret\nexport DB_PASSWORD="hunter2-pw"\nFOO=bar')).toBe(
      'HTTPS_PROXY is http://127.0.0.1:9\nAZURE_OPENAI_API_KEY=[redacted]\nexport DB_PASSWORD="[redacted]"\nFOO=bar',
    );
  });

  it('config.toml: secret-named keys at any depth, every http_headers value, URL passwords; not names, choices or paths', () => {
    const config = {
      preferred_auth_method: 'apikey',
      cli_auth_credentials_store: 'auto',
      shell_environment_policy: { set: { OPENAI_API_KEY: 'cfg-openai-key-123', PATH: '/usr/bin' } },
      model_providers: { azure: { env_key: 'AZURE_OPENAI_API_KEY', http_headers: { 'X-Tenant': 'tenant-secret-9' }, experimental_bearer_token: 'bearer-in-config' } },
      mcp_servers: { docs: { url: 'https://bob:mcp/pass@mcp.corp/sse', bearer_token_env_var: 'DOCS_TOKEN', env: { GITHUB_TOKEN: 'ghp_configtoken' } } },
      otel: { exporter: { 'otlp-http': { tls: { 'client-private-key': '/home/u/otel.key' } } } },
    };
    const r = new Redactor().withConfig([config]);
    const text = 'cfg-openai-key-123 tenant-secret-9 bearer-in-config mcp/pass ghp_configtoken';
    expect(r.text(text)).toBe('[redacted] [redacted] [redacted] [redacted] [redacted]');
    const kept = 'apikey auto AZURE_OPENAI_API_KEY DOCS_TOKEN /home/u/otel.key /usr/bin';
    expect(r.text(kept)).toBe(kept);
  });
});

describe('config.toml as text (a file that does not parse is shown as lines)', () => {
  it('reads key = value lines, inline tables and [tables], but not booleans, numbers or variable names', () => {
    const source = [
      'requires_openai_auth = true',
      'tool_output_token_limit = 12000',
      '[shell_environment_policy.set]',
      'OPENAI_API_KEY = "cfg-text-key-1" # the key',
      '"DB_PASSWORD" = \'literal-pw-22\'',
      'BROKEN_TOKEN = "never-closed-33',
      '[mcp_servers.docs]',
      'url = "http://carol:text/pw@mcp.corp/sse"',
      'http_headers = { "X-Tenant" = "tenant-text-44", Accept = "application/json" }',
      'env_key = "AZURE_OPENAI_API_KEY"',
      '[model_providers.x.http_headers]',
      'X-Custom = "custom-header-55"',
      'foo = = broken',
    ].join('\n');
    const r = new Redactor().withConfig([], [source]);
    expect(r.text('cfg-text-key-1 literal-pw-22 never-closed-33 text/pw tenant-text-44 application/json custom-header-55')).toBe(
      '[redacted] [redacted] [redacted] [redacted] [redacted] [redacted] [redacted]',
    );
    expect(r.text('true 12000 AZURE_OPENAI_API_KEY http://mcp.corp')).toBe('true 12000 AZURE_OPENAI_API_KEY http://mcp.corp');
  });
});

describe('redactUrl', () => {
  it('a raw / after a numeric start: URL reads a port and a path, the password is redacted all the same', () => {
    expect(redactUrl('http://alice:123/r3tPw@127.0.0.1:9')).not.toContain('r3tPw');
    expect(redactUrl('http://alice:S3c/r3tPw@127.0.0.1:9')).toBe('http://[redacted]@127.0.0.1:9');
  });
});

describe('redactProxyValue: one way to show a proxy value', () => {
  it.each([
    ['http://alice:pw@proxy:3128', 'http://[redacted]@proxy:3128'],
    ['http://proxy:3128/p?token=qsecret123#frag', 'http://proxy:3128/p?token=[redacted]#[redacted]'],
    ['http://a:b@proxy:3128/?x=1&y&=z', 'http://[redacted]@proxy:3128/?x=[redacted]&[redacted]&=[redacted]'],
    ['proxy:3128#only', 'proxy:3128#[redacted]'],
    ['http://proxy:3128', 'http://proxy:3128'],
  ])('%s -> %s', (value, shown) => {
    expect(redactProxyValue(value)).toBe(shown);
  });

  it('makes the query values and fragment of a proxy variable secrets of the safety net', () => {
    const redactor = Redactor.fromEnv({ HTTPS_PROXY: 'http://proxy:3128/?token=qsecret123#fragsecret', OTHER: 'http://x/?q=visible1' });
    expect(redactor.text('saw qsecret123 and fragsecret and visible1')).toBe('saw [redacted] and [redacted] and visible1');
  });
});

describe('redaction of hostile values stays linear', () => {
  it('reads an embedded NAME=value line with a megabyte of blanks inside the value', () => {
    const blanks = ' '.repeat(1024 * 1024);
    const redactor = Redactor.fromEnv({ DOTENV_VALUE: `"open\nAPI_TOKEN=tok3nsecret${blanks}tail  ` });
    expect(redactor.text('tok3nsecret')).toBe('tok3nsecret');
    expect(redactor.text(`x tok3nsecret${blanks}tail y`)).toBe('x [redacted] y');
  });
});
