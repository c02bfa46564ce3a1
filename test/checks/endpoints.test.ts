// Every host Codex contacts, probed by its own route with its own client's roots (issue #11 item 2): the three
// cases where one fixed host per transport gave the wrong verdict, and MCP / OTEL / de-duplication.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oauthTokenCheck } from '../../src/checks/oauth-token.js';
import { tlsAuthCheck } from '../../src/checks/tls-auth.js';
import { wsUpgradeCheck } from '../../src/checks/ws-upgrade.js';
import { codexContacts, codexEndpoints, sessionAuthMode, type AuthModeInfo } from '../../src/codex/endpoints.js';
import type { CheckRecord } from '../../src/core/types.js';
import type { Lab, LabSpec } from '../../src/lab/world.js';
import { testHost } from '../helpers/host.js';
import { labHost, runWithNeeds, viaProxy } from './network-lab.js';

interface Row {
  host: string;
  transport: string;
  purpose: string;
  route: string;
  status: string;
  code: string | null;
}

const rowsOf = (record: CheckRecord | undefined): Row[] => (record?.data?.endpoints ?? []) as Row[];
const verdicts = (records: Map<string, CheckRecord>): string[] =>
  [...records.values()].flatMap((r) => rowsOf(r).map((e) => `${r.id} ${e.host} ${e.transport} ${e.route.split(' ')[0]} ${e.status}${e.code ? ` ${e.code}` : ''}`));

async function runbook(spec: LabSpec, env: (lab: Lab) => Record<string, string>, configToml?: string): Promise<Map<string, CheckRecord>> {
  const { host, codexHome, stop } = await labHost(spec, env);
  try {
    if (configToml !== undefined) await writeFile(path.join(codexHome, 'config.toml'), configToml);
    return await runWithNeeds([tlsAuthCheck, oauthTokenCheck, wsUpgradeCheck], host);
  } finally {
    await stop();
  }
}

const API_KEY = { OPENAI_API_KEY: 'sk-test-not-a-key' };

describe('the auth mode decides the hosts', () => {
  it('reads CODEX_API_KEY before auth.json, and OPENAI_API_KEY only without a recorded login', async () => {
    const withLogin = testHost({ files: { '/c/auth.json': '{"auth_mode":"chatgpt"}' } });
    expect((await sessionAuthMode(withLogin, '/c', { CODEX_API_KEY: 'k' })).source).toBe('CODEX_API_KEY');
    expect(await sessionAuthMode(withLogin, '/c', API_KEY)).toMatchObject({ mode: 'chatgpt', source: 'auth.json' });
    const noLogin = testHost();
    expect(await sessionAuthMode(noLogin, '/c', API_KEY)).toMatchObject({ mode: 'apikey', source: 'OPENAI_API_KEY' });
    expect(await sessionAuthMode(noLogin, '/c', { OPENAI_API_KEY: '  ' })).toMatchObject({ mode: 'chatgpt', source: 'assumed' });
  });

  it('lists login, the model API, the model list with an API key, streaming, MCP over HTTPS and OTEL', () => {
    const apikey: AuthModeInfo = { mode: 'apikey', source: 'OPENAI_API_KEY', note: '' };
    const contacts = codexContacts(codexEndpoints(apikey), {
      mcpUrlServers: [
        { name: 'docs', url: 'https://mcp.example.com/mcp' },
        { name: 'local', url: 'http://127.0.0.1:9000/mcp' },
      ],
      otelExporters: [{ slot: 'exporter', kind: 'otlp-http', endpoint: 'https://otel.example.com:4318/v1/logs', tls: {} }],
    });
    expect(contacts.map((c) => `${c.client} ${c.transport} ${c.host}:${c.port} ${c.purpose} ${c.essential}`)).toEqual([
      'login https auth.openai.com:443 login true',
      'model-api https api.openai.com:443 model API true',
      'model-api https chatgpt.com:443 model list false',
      'websocket wss api.openai.com:443 streaming true',
      'mcp https mcp.example.com:443 MCP server "docs" false',
      'otel https otel.example.com:4318 OTEL exporter (otlp-http) false',
    ]);
  });
});

describe('per-host verdicts', () => {
  it('NO_PROXY=.openai.com with an API key: the WebSocket to api.openai.com goes direct and fails UnknownIssuer', async () => {
    const records = await runbook({ proxy: { mode: 'inspect' } }, (lab) => ({ ...API_KEY, ...viaProxy(lab.proxyUrl), NO_PROXY: '.openai.com', SSL_CERT_FILE: lab.files.corporateRoot }));
    expect(verdicts(records)).toEqual([
      'tls.auth auth.openai.com https direct pass',
      'tls.auth api.openai.com https direct pass',
      'tls.auth chatgpt.com https proxy pass',
      'oauth.token auth.openai.com https direct pass',
      'ws.upgrade api.openai.com wss direct fail TLS_UNKNOWN_ISSUER',
    ]);
    expect(records.get('ws.upgrade')?.error).toMatchObject({ code: 'TLS_UNKNOWN_ISSUER' });
  });

  it('NO_PROXY=auth.openai.com behind a proxy-only firewall: login fails, the model API through the proxy passes', async () => {
    const records = await runbook({ proxy: { mode: 'inspect' }, direct: 'refused' }, (lab) => ({
      ...API_KEY,
      ...viaProxy(lab.proxyUrl),
      NO_PROXY: 'auth.openai.com',
      CODEX_CA_CERTIFICATE: lab.files.corporateRoot,
    }));
    expect(verdicts(records)).toEqual([
      'tls.auth auth.openai.com https direct fail NET_CONNECTION_REFUSED',
      'tls.auth api.openai.com https proxy pass',
      'tls.auth chatgpt.com https proxy pass',
      'ws.upgrade api.openai.com wss proxy pass',
    ]);
    expect(records.get('oauth.token')).toMatchObject({ status: 'skip', blockedBy: ['tls.auth'] });
  });

  it('a bundle that does not load: login and the WebSocket cannot start, the model API falls back to the system roots', async () => {
    const records = await runbook({ proxy: { mode: 'inspect' } }, (lab) => ({
      ...viaProxy(lab.proxyUrl),
      CODEX_CA_CERTIFICATE: path.join(lab.files.dir, 'missing.pem'),
      SSL_CERT_FILE: lab.files.corporateRoot,
    }));
    expect(records.get('ca.bundle')?.status).toBe('fail');
    expect(verdicts(records)).toEqual([
      'tls.auth auth.openai.com https proxy fail NET_BUNDLE_UNUSABLE',
      'tls.auth chatgpt.com https proxy pass',
      'ws.upgrade chatgpt.com wss proxy fail NET_BUNDLE_UNUSABLE',
    ]);
    const fallback = records.get('tls.auth')?.findings.find((f) => f.detail.startsWith('chatgpt.com'));
    expect(fallback?.detail).toContain('fell back to the system roots');
    expect(records.get('tls.auth')?.error).toMatchObject({ code: 'NET_BUNDLE_UNUSABLE', stage: 'input' });
  });

  it('probes a host once per (route, trust, transport) and says which purposes it serves', async () => {
    const records = await runbook(
      { proxy: { mode: 'inspect' } },
      (lab) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.corporateRoot }),
      'openai_base_url = "https://auth.openai.com/v1"\n[mcp_servers.docs]\nurl = "https://auth.openai.com/mcp"\n',
    );
    expect(rowsOf(records.get('tls.auth'))).toEqual([
      expect.objectContaining({ host: 'auth.openai.com', purpose: 'login, model API, MCP server "docs"', status: 'pass' }),
    ]);
  });

  it('a non-essential host (an MCP server) that fails warns instead of failing the check', async () => {
    const records = await runbook(
      { proxy: { mode: 'inspect' }, direct: 'refused' },
      (lab) => ({ ...viaProxy(lab.proxyUrl), NO_PROXY: 'llm.example.com', CODEX_CA_CERTIFICATE: lab.files.corporateRoot }),
      '[mcp_servers.gateway]\nurl = "https://llm.example.com/mcp"\n',
    );
    const tls = records.get('tls.auth')!;
    expect(tls.status).toBe('warn');
    expect(rowsOf(tls).find((r) => r.host === 'llm.example.com')).toMatchObject({ route: 'direct', status: 'warn', code: 'NET_CONNECTION_REFUSED' });
    const warning = tls.findings.find((f) => f.level === 'warn' && f.detail.startsWith('llm.example.com'));
    expect(warning?.detail).toContain('Codex still starts; only MCP server "gateway" is affected.');
  });
});

describe('the endpoint table in every output mode', () => {
  it('plain text prints one table of every host probed, and JSON lists each check\'s endpoints', async () => {
    const { loadScenarios } = await import('../../src/lab/scenario.js');
    const { runScenario } = await import('../../src/lab/command.js');
    const { captureIo, doctorFlags } = await import('../helpers/io.js');
    const scenario = (await loadScenarios()).find((s) => s.name === 'api-key-no-proxy-openai')!;
    const text = captureIo();
    await runScenario(scenario, { flags: doctorFlags({ output: 'plain' }), io: text });
    const out = text.out();
    const table = out.slice(out.indexOf('Hosts Codex contacts'));
    expect(table.split('\n').slice(1, 7).map((l) => l.trim().replace(/127\.0\.0\.1:\d+/, 'PROXY').split(/\s{2,}/))).toEqual([
      ['check', 'host', 'transport', 'purpose', 'route', 'verdict'],
      ['tls.auth', 'auth.openai.com:443', 'https', 'login', 'direct', 'pass'],
      ['tls.auth', 'api.openai.com:443', 'https', 'model API', 'direct', 'pass'],
      ['tls.auth', 'chatgpt.com:443', 'https', 'model list', 'proxy http://PROXY (HTTPS_PROXY)', 'pass'],
      ['oauth.token', 'auth.openai.com:443', 'https', 'login', 'direct', 'pass'],
      ['ws.upgrade', 'api.openai.com:443', 'wss', 'streaming', 'direct', 'fail TLS_UNKNOWN_ISSUER'],
    ]);
    // The API key is never printed.
    expect(out).not.toContain('sk-lab-not-a-real-key');
  });
});
