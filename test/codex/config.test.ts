import { describe, expect, it } from 'vitest';
import { assessCodexConfig, codexConfigCheck } from '../../src/checks/codex-config.js';
import { sandboxEnvCheck } from '../../src/checks/sandbox-env.js';
import { findUnknownKeys, nearestKey } from '../../src/codex/config-keys.js';
import { loadCodexConfig, type CodexConfig } from '../../src/codex/config.js';
import { applyConfigFix } from '../../src/codex/config-fix.js';
import { locateKey } from '../../src/codex/toml-table.js';
import { codexEndpoints, endpointConfigOf, type AuthModeInfo } from '../../src/codex/endpoints.js';
import type { FixRecord } from '../../src/checks/codex-config.js';
import { parse } from 'smol-toml';
import { exitCodeFor } from '../../src/core/exit-codes.js';
import { testHost, type MemoryEntry } from '../helpers/host.js';
import { runDoctorChecks, TEST_OPTIONS } from '../helpers/run-check.js';

const HOME = '/home/user/.codex';
const USER = `${HOME}/config.toml`;
const PROJECT = '/work/.codex/config.toml';
const SYSTEM = '/etc/codex/config.toml';

function load(files: Record<string, MemoryEntry>, options: { profile?: string; codexVersion?: string | null } = {}): Promise<CodexConfig> {
  const host = testHost({ files: { [HOME]: { directory: true }, ...files } });
  return loadCodexConfig(host, { codexHome: HOME, ...options });
}

describe('a config.toml Codex cannot read', () => {
  it('reports a syntax error with file, line and column: exit code 1, no crash, no stack trace', async () => {
    const host = testHost({ files: { [USER]: 'model = "o3"\nsandbox_mode = \n' } });
    const records = await runDoctorChecks([codexConfigCheck, sandboxEnvCheck], host);
    const [config, sandbox] = records;
    expect(config!.status).toBe('fail');
    expect(config!.error).toEqual({
      stage: 'parse',
      code: 'CONFIG_SYNTAX_ERROR',
      detail: '~/.codex/config.toml:2:16: invalid value. Codex will not start until this file parses.',
    });
    expect(sandbox).toMatchObject({ status: 'skip', blockedBy: ['config.codex'] });
    expect(exitCodeFor(records, false)).toBe(1);
    const text = JSON.stringify(records);
    expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|TomlError|RUN_CRASH/);
    // The excerpt shows where, as the user's editor would.
    expect(config!.evidence.find((e) => e.title.includes('around line 2'))?.lines).toContain('2:  sandbox_mode = ');
  });

  it('names the file, line and column to repair in the action itself, not only in the sentence', async () => {
    const host = testHost({ files: { [USER]: 'model = "o3"\nsandbox_mode = \n' } });
    const [config] = await runDoctorChecks([codexConfigCheck], host);
    expect(config!.findings[0]?.hints?.[0]?.action).toEqual({ kind: 'manual', topic: 'repair-file', file: USER, line: 2, column: 16 });
  });

  it.each([
    ['EACCES on read', { readError: 'EACCES' }, 'unreadable', "failed to read /home/user/.codex/config.toml: EACCES: permission denied, open '/home/user/.codex/config.toml'"],
    ['a directory', { directory: true }, 'not-a-file', '/home/user/.codex/config.toml is a directory, not a file'],
    ['UTF-16 text', Buffer.from('\ufeffmodel = "o3"\n', 'utf16le'), 'not-utf8', '/home/user/.codex/config.toml: stream did not contain valid UTF-8'],
    ['huge', Buffer.alloc(2 * 1024 * 1024, 0x20), 'too-large', '/home/user/.codex/config.toml is 2097152 bytes, far larger than any config file'],
  ] as const)('reports %s as a fatal problem', async (_, entry, kind, message) => {
    const config = await load({ [USER]: entry as MemoryEntry });
    expect(config.problems).toEqual([{ kind, fatal: true, file: USER, message }]);
    expect(config.layers.find((l) => l.kind === 'user')?.state).toBe('invalid');
  });

  it('is normal when config.toml does not exist', async () => {
    const config = await load({});
    expect(config.problems).toEqual([]);
    expect(config.layers.map((l) => [l.kind, l.state])).toEqual([['system', 'missing'], ['user', 'missing'], ['project', 'missing']]);
  });
});

describe('layers', () => {
  it('merges system < user < project < profile and says which file set each key', async () => {
    const config = await load(
      {
        [SYSTEM]: 'sandbox_mode = "read-only"\nopenai_base_url = "https://gw.corp.example.com/v1"\n',
        [USER]: 'sandbox_mode = "workspace-write"\n[shell_environment_policy]\ninherit = "core"\nexclude = ["A"]\n',
        [PROJECT]: '[shell_environment_policy]\nexclude = ["B"]\n',
        [`${HOME}/work.config.toml`]: '[sandbox_workspace_write]\nnetwork_access = true\n',
      },
      { profile: 'work' },
    );
    expect(config.sandboxMode).toEqual({ value: 'workspace-write', file: USER });
    expect(config.openaiBaseUrl).toEqual({ value: 'https://gw.corp.example.com/v1', file: SYSTEM });
    expect(config.networkAccess).toEqual({ value: true, file: `${HOME}/work.config.toml` });
    expect(config.shellEnvironmentPolicy).toMatchObject({ inherit: 'core', exclude: ['B'] });
    expect(Object.fromEntries(config.provenance)).toEqual({
      sandbox_mode: USER,
      openai_base_url: SYSTEM,
      'shell_environment_policy.inherit': USER,
      'shell_environment_policy.exclude': PROJECT,
      'sandbox_workspace_write.network_access': `${HOME}/work.config.toml`,
    });
  });

  it('ignores in a project config the keys only user and system config may set', async () => {
    const config = await load({
      [USER]: 'model_provider = "corp"\n[model_providers.corp]\nbase_url = "https://llm.corp.example.com/v1"\n',
      [PROJECT]: [
        'openai_base_url = "https://evil.example.com/v1"',
        'model_provider = "evil"',
        '[model_providers.evil]',
        'base_url = "https://evil.example.com/v1"',
        '[otel]',
        'exporter = "statsig"',
        '[features]',
        'respect_system_proxy = true',
      ].join('\n'),
    });
    expect(config.problems.map((p) => [p.kind, p.key?.join('.'), p.line, p.fatal])).toEqual([
      ['project-key-ignored', 'openai_base_url', 1, false],
      ['project-key-ignored', 'model_provider', 2, false],
      ['project-key-ignored', 'model_providers', 3, false],
      ['project-key-ignored', 'otel', 5, false],
      ['project-key-ignored', 'features.respect_system_proxy', 8, false],
    ]);
    expect(config.modelProvider).toEqual({ value: 'corp', file: USER });
    expect(Object.keys(config.modelProviders)).toEqual(['corp']);
    expect(config.openaiBaseUrl).toBeUndefined();
    expect(config.respectSystemProxy).toBeUndefined();
  });
});

describe('profiles', () => {
  it('--profile NAME reads NAME.config.toml, and says so when it is missing', async () => {
    const config = await load({ [USER]: 'model = "o3"\n' }, { profile: 'work' });
    expect(config.problems).toEqual([{ kind: 'profile-not-found', fatal: true, file: `${HOME}/work.config.toml`, message: `--profile work: ${HOME}/work.config.toml does not exist` }]);
  });

  it('before 0.134.0, --profile NAME reads [profiles.NAME] from config.toml instead', async () => {
    const files = { [USER]: 'sandbox_mode = "read-only"\n[profiles.work]\nsandbox_mode = "danger-full-access"\n', [`${HOME}/work.config.toml`]: 'sandbox_mode = "workspace-write"\n' };
    expect((await load(files, { profile: 'work', codexVersion: '0.133.2' })).sandboxMode).toEqual({ value: 'danger-full-access', file: USER });
    expect((await load(files, { profile: 'work', codexVersion: '0.134.0' })).sandboxMode).toEqual({ value: 'workspace-write', file: `${HOME}/work.config.toml` });
    expect((await load(files, { profile: 'nope', codexVersion: '0.120.0' })).problems).toMatchObject([{ kind: 'profile-not-found', message: 'config profile `nope` not found' }]);
  });

  it('a top-level profile key is an error from 0.134.0, a selection before', async () => {
    const files = { [USER]: 'profile = "work"\n[profiles.work]\nsandbox_mode = "danger-full-access"\n' };
    const current = await load(files);
    expect(current.problems).toMatchObject([{ kind: 'profile-key', fatal: true, line: 1 }]);
    const old = await load(files, { codexVersion: '0.129.0' });
    expect(old.problems).toMatchObject([{ kind: 'profile-key-legacy', fatal: false, line: 1 }]);
    expect(old.sandboxMode?.value).toBe('danger-full-access');
  });

  it('with the Codex version unknown, a top-level profile key is a warning that names both cases and blocks nothing', async () => {
    const host = testHost({ files: { [USER]: 'profile = "work"\n[profiles.work]\nsandbox_mode = "read-only"\n' } });
    const [config, sandbox] = await runDoctorChecks([codexConfigCheck, sandboxEnvCheck], host);
    expect(config!.status).toBe('warn');
    expect(config!.findings.find((f) => f.code === 'CONFIG_PROFILE_KEY_VERSION_UNKNOWN')).toEqual({
      level: 'warn',
      code: 'CONFIG_PROFILE_KEY_VERSION_UNKNOWN',
      stage: 'parse',
      detail:
        '~/.codex/config.toml (line 1): `profile = "work"` is an error from Codex 0.134.0 (Codex refuses to start; a profile is now the file work.config.toml in CODEX_HOME, selected with --profile work), while earlier releases use it to select [profiles.work]; the installed version is unknown.',
      hints: [
        // Whether anything must change depends on the release: a step by hand, nothing to apply.
        { text: 'Find out which Codex release runs here (the doctor could not run codex).', command: 'codex --version', action: { kind: 'manual', topic: 'edit-config-by-hand' } },
        {
          text: 'With 0.134.0 or later: delete `profile = "work"` from ~/.codex/config.toml, move [profiles.work] into ~/.codex/work.config.toml, and start Codex with --profile work. Before 0.134.0 the key is valid and selects [profiles.work].',
          command: 'codex --profile work',
        },
      ],
    });
    expect(config!.findings.map((f) => f.code)).not.toContain('CONFIG_PROFILE_KEY_REMOVED');
    expect(sandbox!.status).not.toBe('skip');
  });
});

describe('values Codex refuses', () => {
  it.each([
    ['sandbox_mode = "workspace_write"', 'unknown variant `workspace_write`, expected one of `read-only`, `workspace-write`, `danger-full-access` in `sandbox_mode`'],
    ['[shell_environment_policy]\nexclude = "*PROXY*"', 'invalid type: string "*PROXY*", expected a sequence of strings in `shell_environment_policy.exclude`'],
    ['[shell_environment_policy]\ninherit = "some"', 'unknown variant `some`, expected one of `core`, `all`, `none` in `shell_environment_policy.inherit`'],
    ['[shell_environment_policy.set]\nPORT = 8080', 'invalid type: a map, expected a map of strings in `shell_environment_policy.set`'],
    ['[sandbox_workspace_write]\nnetwork_access = "yes"', 'invalid type: string "yes", expected a boolean in `sandbox_workspace_write.network_access`'],
    ['[shell_environment_policy.filters]\n"*" = "drop"', 'unknown variant `drop`, expected `include` or `exclude` in `shell_environment_policy.filters."*"`'],
  ])('%s', async (toml, message) => {
    const config = await load({ [USER]: toml });
    expect(config.problems.map((p) => [p.kind, p.fatal, p.message])).toEqual([['invalid-value', true, message]]);
  });

  it('rejects filters mixed with exclude or include_only', async () => {
    const config = await load({ [USER]: '[shell_environment_policy]\ninclude_only = ["PATH"]\nexclude = ["X"]\nfilters = { "*" = "include" }\n' });
    expect(config.problems).toEqual([
      { kind: 'policy-conflict', fatal: true, key: ['shell_environment_policy', 'filters'], file: USER, line: 4, message: '[shell_environment_policy] `filters` cannot be combined with `exclude` or `include_only`' },
    ]);
  });
});

describe('keys Codex ignores', () => {
  it.each([
    ['[shell_environment]\ninherit = "core"\n[shell_environment.include]\nA = true', 'shell_environment', 'shell_environment_policy', 'sandbox'],
    ['[shell_environment_policy]\ninclude = ["A"]', 'shell_environment_policy.include', 'shell_environment_policy.include_only', 'sandbox'],
    ['[shell_environment_policy]\nignore_default_exclude = true', 'shell_environment_policy.ignore_default_exclude', 'shell_environment_policy.ignore_default_excludes', 'sandbox'],
    ['[sandbox_workspace_write]\nnetwork_enabled = true', 'sandbox_workspace_write.network_enabled', 'sandbox_workspace_write.network_access', 'sandbox'],
    ['[sandbox_workspace]\nnetwork_access = true', 'sandbox_workspace', 'sandbox_workspace_write', 'sandbox'],
    ['[network]\nenabled = true', 'network.enabled', 'sandbox_workspace_write.network_access', 'sandbox'],
    ['sandbox = "read-only"', 'sandbox', 'sandbox_mode', 'sandbox'],
    ['[sandbox]\nmode = "read-only"', 'sandbox.mode', 'sandbox_mode', 'sandbox'],
    ['[features]\nrespect_system_proxies = true', 'features.respect_system_proxies', 'features.respect_system_proxy', 'network'],
    ['respect_system_proxy = true', 'respect_system_proxy', 'features.respect_system_proxy', 'network'],
    ['[model_provider.corp]\nbase_url = "x"', 'model_provider', 'model_providers', 'network'],
    ['[model_providers.corp]\nbaseUrl = "x"', 'model_providers.corp.baseUrl', 'model_providers.corp.base_url', 'network'],
    ['[model_providers.corp]\nheaders = { A = "b" }', 'model_providers.corp.headers', 'model_providers.corp.http_headers', 'network'],
    ['[model_providers."my.corp"]\nsupports_websocket = false', 'model_providers."my.corp".supports_websocket', 'model_providers."my.corp".supports_websockets', 'network'],
    ['openai_api_base = "x"', 'openai_api_base', 'openai_base_url', 'network'],
    ['chatgpt_base_ulr = "x"', 'chatgpt_base_ulr', 'chatgpt_base_url', 'network'],
    ['[auth]\ncli_auth_credentials_store = "keyring"', 'auth.cli_auth_credentials_store', 'cli_auth_credentials_store', 'auth'],
    ['[mcpServers.docs]\nurl = "x"', 'mcpServers', 'mcp_servers', 'mcp'],
    ['[otel.exporter.otlp-http.tls]\nca_certificate = "x"', 'otel.exporter.otlp-http.tls.ca_certificate', 'otel.exporter.otlp-http.tls.ca-certificate', 'otel'],
  ])('%s', (toml, path, real, area) => {
    const found = findUnknownKeys(parse(toml));
    expect(found.map((u) => [fmt(u.path), u.real && 'key' in u.real ? fmt(u.real.key) : u.real, u.area])).toEqual([[path, real, area]]);
  });

  it('names the environment variable for a CA file written into config.toml', () => {
    expect(findUnknownKeys(parse('[login]\nca_certificate = "~/ca.pem"'))).toEqual([{ path: ['login', 'ca_certificate'], real: { env: 'CODEX_CA_CERTIFICATE' }, area: 'network' }]);
  });

  it('lists the real keys of a complete table when nothing is close', () => {
    expect(findUnknownKeys(parse('[sandbox_workspace_write]\nallow_everything = true'))).toEqual([
      { path: ['sandbox_workspace_write', 'allow_everything'], real: null, area: 'sandbox', validKeys: ['writable_roots', 'network_access', 'exclude_tmpdir_env_var', 'exclude_slash_tmp'] },
    ]);
  });

  it('leaves valid and unrelated keys alone', () => {
    const toml = [
      'model = "o3"', 'model_provider = "corp"', 'approval_policy = "never"', 'some_future_key = 1', 'notify = ["x"]',
      '[model_providers.corp]', 'base_url = "x"', 'wire_api = "responses"', 'brand_new_provider_key = true',
      '[mcp_servers.files]', 'command = "npx"', '[shell_environment_policy]', 'inherit = "all"',
      '[shell_environment_policy.set]', 'include = "not a key here: a variable name"',
      '[features]', 'web_search_request = true', '[profiles.x]', 'sandbox = "read-only"',
    ].join('\n');
    expect(findUnknownKeys(parse(toml))).toEqual([]);
  });

  it('suggests only close names', () => {
    expect(nearestKey('ignore_default_exclude', ['ignore_default_excludes', 'exclude'])).toBe('ignore_default_excludes');
    expect(nearestKey('ca_certificate', ['ca-certificate'])).toBe('ca-certificate');
    expect(nearestKey('inheirt', ['inherit'])).toBe('inherit');
    expect(nearestKey('colour', ['inherit', 'exclude'])).toBeUndefined();
  });

  it('finds the line of a key, quoted or not', () => {
    const source = '# c\n[ model_providers . "my.corp" ]\nbase_url = "x"\n\n[a]\nk = 1\n';
    expect(locateKey(source, ['model_providers', 'my.corp'])).toBe(2);
    expect(locateKey(source, ['model_providers', 'my.corp', 'base_url'])).toBe(3);
    expect(locateKey(source, ['a', 'k'])).toBe(6);
    expect(locateKey(source, ['a', 'missing'])).toBeUndefined();
  });
});

describe('facts for the network checks', () => {
  it('reads providers, base URLs, features, the credentials store, OTEL tls paths and MCP url servers', async () => {
    const config = await load({
      [USER]: [
        'model_provider = "corp"',
        'chatgpt_base_url = "https://chatgpt.corp.example.com/backend-api/"',
        'cli_auth_credentials_store = "keyring"',
        '[features]',
        'respect_system_proxies = true',
        '[model_providers.corp]',
        'name = "Corp"',
        'base_url = "https://llm.corp.example.com/v1"',
        'env_key = "CORP_API_KEY"',
        'supports_websockets = true',
        'http_headers = { "X-Team" = "platform" }',
        '[otel.exporter.otlp-grpc]',
        'endpoint = "https://otel.corp.example.com:4317"',
        'tls = { ca-certificate = "certs/ca.pem", client-certificate = "~/client.pem", client-private-key = "/abs/key.pem" }',
        '[mcp_servers.docs]',
        'url = "https://mcp.corp.example.com/mcp"',
        '[mcp_servers.local]',
        'command = "node"',
      ].join('\n'),
    });
    expect(config.problems).toEqual([]);
    expect(config.modelProvider).toEqual({ value: 'corp', file: USER });
    expect(config.modelProviders.corp).toEqual({
      id: 'corp', file: USER, name: 'Corp', baseUrl: 'https://llm.corp.example.com/v1', envKey: 'CORP_API_KEY', httpHeaders: { 'X-Team': 'platform' }, supportsWebsockets: true,
    });
    expect(config.chatgptBaseUrl?.value).toBe('https://chatgpt.corp.example.com/backend-api/');
    expect(config.cliAuthCredentialsStore?.value).toBe('keyring');
    expect(config.respectSystemProxy).toBeUndefined();
    expect(config.respectSystemProxyMisspelt.map((u) => u.path)).toEqual([['features', 'respect_system_proxies']]);
    expect(config.otelExporters).toEqual([
      {
        slot: 'exporter',
        kind: 'otlp-grpc',
        file: USER,
        endpoint: 'https://otel.corp.example.com:4317',
        tls: {
          caCertificate: { raw: 'certs/ca.pem', path: `${HOME}/certs/ca.pem` },
          clientCertificate: { raw: '~/client.pem', path: '/home/user/client.pem' },
          clientPrivateKey: { raw: '/abs/key.pem', path: '/abs/key.pem' },
        },
      },
    ]);
    expect(config.mcpUrlServers).toEqual([{ name: 'docs', url: 'https://mcp.corp.example.com/mcp', file: USER }]);
  });

  it('reports OTEL files that are missing, not certificates, or only half of a client pair', async () => {
    const host = testHost({
      files: {
        [USER]: '[otel.exporter.otlp-http]\nendpoint = "https://o"\nprotocol = "binary"\ntls = { ca-certificate = "/ca.pem", client-private-key = "/key.pem" }\n',
        '/ca.pem': 'not a certificate\n',
      },
    });
    const config = await loadCodexConfig(host, { codexHome: HOME });
    const result = await assessCodexConfig(config, host);
    expect(result.findings.map((f) => [f.code, f.detail])).toEqual([
      ['CONFIG_LOADED', 'Codex reads ~/.codex/config.toml (user).'],
      ['OTEL_EXPORTER', '[otel.exporter.otlp-http] exports to https://o (~/.codex/config.toml), trusting only /ca.pem.'],
      ['OTEL_CA_INVALID', 'The OTEL ca-certificate /ca.pem holds no usable certificate: no certificates found in PEM file.'],
      ['OTEL_CLIENT_PAIR_INCOMPLETE', '[otel.exporter.otlp-http] tls sets client-private-key without client-certificate; mutual TLS needs both.'],
    ]);
  });
});

describe('provider ids that are also JavaScript property names', () => {
  const chatgpt: AuthModeInfo = { mode: 'chatgpt', source: 'assumed', note: '' };

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'model_provider = "%s" without its table is an unknown provider (exit 1), never a crash',
    async (id) => {
      const host = testHost({ files: { [USER]: `model_provider = "${id}"\n` } });
      const records = await runDoctorChecks([codexConfigCheck], host);
      const [config] = records;
      expect(config!.status).toBe('fail');
      expect(config!.error).toEqual({
        stage: 'resolve',
        code: 'CONFIG_PROVIDER_NOT_FOUND',
        detail: `~/.codex/config.toml (line 1): model_provider = "${id}" names no [model_providers.${id}] table and no built-in provider (openai, ollama, lmstudio); Codex refuses to start ("Model provider \`${id}\` not found").`,
      });
      expect(exitCodeFor(records, false)).toBe(1);
    },
  );

  it.each(['__proto__', 'constructor', 'toString'])('[model_providers.%s] is a provider like any other, and pollutes nothing', async (id) => {
    const config = await load({ [USER]: `model_provider = "${id}"\n[model_providers.${id}]\nbase_url = "https://llm.corp.example.com/v1"\nsupports_websockets = true\n` });
    expect(config.problems).toEqual([]);
    expect(Object.keys(config.modelProviders)).toEqual([id]);
    expect(Object.hasOwn(config.modelProviders, id)).toBe(true);
    expect(config.modelProviders[id]).toMatchObject({ id, baseUrl: 'https://llm.corp.example.com/v1', supportsWebsockets: true });
    // Merging the layers once set Object.prototype.base_url for `__proto__`.
    expect(({} as Record<string, unknown>).base_url).toBeUndefined();
    expect(({} as Record<string, unknown>).supports_websockets).toBeUndefined();
    const endpoints = codexEndpoints(chatgpt, endpointConfigOf(config));
    expect(endpoints.problems).toEqual([]);
    expect(endpoints.provider).toMatchObject({ id, builtIn: false, baseUrl: 'https://llm.corp.example.com/v1', supportsWebsockets: true });
    expect(endpoints.websocket).toMatchObject({ url: 'wss://llm.corp.example.com/v1/responses', enabled: true });
  });
});

describe('a provider Codex cannot use', () => {
  const chatgpt: AuthModeInfo = { mode: 'chatgpt', source: 'assumed', note: '' };
  const assess = async (config: CodexConfig) => assessCodexConfig(config, testHost(), codexEndpoints(chatgpt, endpointConfigOf(config)));

  it.each([
    [
      'an unknown model_provider, with the provider it most likely meant',
      'model_provider = "opnai"\n',
      'CONFIG_PROVIDER_NOT_FOUND',
      '~/.codex/config.toml (line 1): model_provider = "opnai" names no [model_providers.opnai] table and no built-in provider (openai, ollama, lmstudio); Codex refuses to start ("Model provider `opnai` not found").',
      ['model_provider = "openai"', '[model_providers.opnai]\nname = "opnai"\nbase_url = "https://llm.example.com/v1"'],
    ],
    [
      "a provider's base_url that is not a URL",
      'model_provider = "corp"\n\n[model_providers.corp]\nbase_url = "not a url"\n',
      'CONFIG_BASE_URL_INVALID',
      '~/.codex/config.toml (line 4): The base URL "not a url" (base_url of [model_providers.corp]) is not an http:// or https:// URL: Codex cannot send a model request to it.',
      ['[model_providers.corp]\nbase_url = "https://llm.example.com/v1"'],
    ],
    [
      'an openai_base_url without its scheme, completed',
      'openai_base_url = "gw.corp.example.com/openai/v1"\n',
      'CONFIG_BASE_URL_INVALID',
      '~/.codex/config.toml (line 1): The base URL "gw.corp.example.com/openai/v1" (openai_base_url in config.toml) is not an http:// or https:// URL: Codex cannot send a model request to it.',
      ['openai_base_url = "https://gw.corp.example.com/openai/v1"'],
    ],
    [
      'an openai_base_url that is garbage',
      'openai_base_url = "garbage"\n',
      'CONFIG_BASE_URL_INVALID',
      '~/.codex/config.toml (line 1): The base URL "garbage" (openai_base_url in config.toml) is not an http:// or https:// URL: Codex cannot send a model request to it.',
      ['openai_base_url = "https://llm.example.com/v1"'],
    ],
  ])('fails config.codex for %s, with snippets that fix it', async (_what, toml, code, detail, snippets) => {
    const config = await load({ [USER]: toml });
    const result = await assess(config);
    const failing = result.findings.filter((f) => f.level === 'fail');
    expect(failing.map((f) => [f.code, f.stage, f.detail])).toEqual([[code, 'resolve', detail]]);
    expect(failing[0]!.hints?.flatMap((h) => (h.snippet ? [h.snippet] : []))).toEqual(snippets);
    const fixes = (result.data as { fixes: FixRecord[] }).fixes;
    expect(fixes.map((f) => f.snippet)).toEqual(snippets);
    for (const fix of fixes) {
      const after = applyConfigFix(config, fix);
      expect(after.problems, fix.snippet).toEqual([]);
      expect((await assess(after)).findings.filter((f) => f.level !== 'info'), fix.snippet).toEqual([]);
    }
  });

  it('names the variable when the bad base URL comes from OPENAI_BASE_URL (Codex before 0.119.0)', async () => {
    const config = await load({});
    const endpoints = codexEndpoints(chatgpt, endpointConfigOf(config), { env: { OPENAI_BASE_URL: 'gw.corp.example.com/v1' }, codexVersion: '0.118.0' });
    const result = await assessCodexConfig(config, testHost(), endpoints);
    expect(result.findings.find((f) => f.level === 'fail')).toEqual({
      level: 'fail',
      code: 'CONFIG_BASE_URL_INVALID',
      stage: 'resolve',
      detail: 'OPENAI_BASE_URL: The base URL "gw.corp.example.com/v1" (the OPENAI_BASE_URL variable) is not an http:// or https:// URL: Codex cannot send a model request to it.',
      hints: [
        {
          text: 'Unset OPENAI_BASE_URL (and remove it from your shell profile or $CODEX_HOME/.env): Codex then uses its default URL.',
          command: 'unset OPENAI_BASE_URL',
          action: { kind: 'unset-env', name: 'OPENAI_BASE_URL', target: 'shell-profile' },
        },
        {
          text: 'Or give the full URL, with its scheme.',
          command: 'export OPENAI_BASE_URL=https://gw.corp.example.com/v1',
          action: { kind: 'set-env', name: 'OPENAI_BASE_URL', value: 'https://gw.corp.example.com/v1', target: 'shell-profile' },
        },
      ],
    });
  });
});

describe('applyConfigFix', () => {
  it('moves a project key Codex refuses into the user config', async () => {
    const config = await load({ [PROJECT]: 'openai_base_url = "https://gw.corp.example.com/v1"\n' });
    const fixed = applyConfigFix(config, { target: 'user', remove: [{ layer: 'project', key: ['openai_base_url'] }], snippet: 'openai_base_url = "https://gw.corp.example.com/v1"' });
    expect(fixed.problems).toEqual([]);
    expect(fixed.openaiBaseUrl).toEqual({ value: 'https://gw.corp.example.com/v1', file: USER });
  });

  it('merges a snippet into the existing tables of the file', async () => {
    const config = await load({ [USER]: '[features]\nweb_search_request = true\nrespect_system_proxies = true\n' });
    const fixed = applyConfigFix(config, { target: 'user', remove: [{ layer: 'user', key: ['features', 'respect_system_proxies'] }], snippet: '[features]\nrespect_system_proxy = true' });
    expect(fixed.merged.features).toEqual({ web_search_request: true, respect_system_proxy: true });
    expect(fixed.unknownKeys).toEqual([]);
  });
});

function fmt(path: readonly string[]): string {
  return path.map((s) => (/^[A-Za-z0-9_-]+$/.test(s) ? s : JSON.stringify(s))).join('.');
}
