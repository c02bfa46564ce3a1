import { createHash } from 'node:crypto';
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oauthTokenCheck } from '../../src/checks/oauth-token.js';
import { tlsAuthCheck } from '../../src/checks/tls-auth.js';
import { wsUpgradeCheck } from '../../src/checks/ws-upgrade.js';
import type { CheckRecord } from '../../src/core/types.js';
import type { Lab, LabSpec } from '../../src/lab/world.js';
import { startSocksProxy } from '../net/socks-server.js';
import { customOrigin, type CustomOriginOptions } from './custom-origin.js';
import { labHost, runWithNeeds, viaProxy } from './network-lab.js';

const ALL = [tlsAuthCheck, oauthTokenCheck, wsUpgradeCheck];

async function inLab(
  spec: LabSpec,
  env: (lab: Lab) => Record<string, string> = () => ({}),
  options: { timeoutMs?: number; before?: (lab: Lab, codexHome: string) => Promise<void> } = {},
): Promise<{ records: Map<string, CheckRecord>; upgrades: IncomingHttpHeaders[]; elapsed: number; lab: Lab }> {
  const { lab, host, codexHome, stop } = await labHost(spec, env);
  const upgrades: IncomingHttpHeaders[] = [];
  lab.origin.events.on('upgrade', (event) => upgrades.push(event.headers));
  try {
    await options.before?.(lab, codexHome);
    const started = performance.now();
    const records = await runWithNeeds(ALL, host, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
    return { records, upgrades, elapsed: performance.now() - started, lab };
  } finally {
    await stop();
  }
}

const trusted = (lab: Lab) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.corporateRoot });
const ws = (records: Map<string, CheckRecord>) => records.get('ws.upgrade')!;

describe('ws.upgrade: the path works', () => {
  describe('offers ALPN as the real Codex does (src/codex/alpn.ts)', () => {
    async function offers(env: (lab: Lab) => Record<string, string>): Promise<string[]> {
      const { lab, host, stop } = await labHost({ proxy: { mode: 'connect' } }, env);
      const seen: string[] = [];
      lab.origin.events.on('upgrade', (e) => seen.push(`upgrade ${e.host}: ${JSON.stringify(e.alpn)}`));
      lab.origin.events.on('request', (e) => seen.push(`${e.method} ${e.host}${e.path}: ${JSON.stringify(e.alpn)}`));
      try {
        const records = await runWithNeeds(ALL, host);
        expect(['tls.auth', 'oauth.token', 'ws.upgrade'].map((id) => records.get(id)?.status)).toEqual(['pass', 'pass', 'pass']);
      } finally {
        await stop();
      }
      return seen.sort();
    }

    it('with a CA bundle: h2 and http/1.1 for the token POST, none for the upgrade', async () => {
      const seen = await offers((l) => ({ HTTPS_PROXY: l.proxyUrl!, CODEX_CA_CERTIFICATE: l.files.publicRoot }));
      expect(seen).toEqual(['POST auth.openai.com/oauth/token: ["h2","http/1.1"]', 'upgrade chatgpt.com: null']);
    });

    it('on the default roots: no ALPN at all, on either transport', async () => {
      const seen = await offers((l) => ({ HTTPS_PROXY: l.proxyUrl! }));
      expect(seen).toEqual(['POST auth.openai.com/oauth/token: null', 'upgrade chatgpt.com: null']);
    });
  });

  it("gets 101 for Codex's upgrade, with its OpenAI-Beta header and no credential", async () => {
    const { records, upgrades } = await inLab({ proxy: { mode: 'inspect' } }, trusted);
    const record = ws(records);
    expect(record.status).toBe('pass');
    expect(record.summary).toBe('wss://chatgpt.com/backend-api/codex/responses: 101, the WebSocket path works.');
    expect(record.findings.map((f) => f.code)).toEqual(['NET_ROUTE', 'TLS_INTERCEPTED', 'WS_UPGRADE_OK']);
    expect(upgrades).toHaveLength(1);
    expect(upgrades[0]?.['openai-beta']).toBe('responses_websockets=2026-02-06');
    expect(upgrades[0]?.authorization).toBeUndefined();
  });

  it("takes OpenAI's own 401 as proof that the path carries upgrades", async () => {
    const record = ws((await inLab({ origin: { webSocket: 'unauthorized' } })).records);
    expect(record.status).toBe('pass');
    expect(record.findings.at(-1)).toMatchObject({ level: 'info', code: 'WS_UPGRADE_OK' });
    expect(record.findings.at(-1)?.detail).toMatch(/^OpenAI itself answered the upgrade with 401 Unauthorized \(You didn't provide an API key/);
  });

  it('uses api.openai.com with an API key login', async () => {
    const { records, upgrades } = await inLab({}, () => ({}), {
      before: (_lab, codexHome) => writeFile(path.join(codexHome, 'auth.json'), JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: 'sk-labkeylabkeylabkey' })),
    });
    expect(ws(records).summary).toBe('wss://api.openai.com/v1/responses: 101, the WebSocket path works.');
    expect(upgrades).toHaveLength(1);
  });

  it('never sends the userinfo of the base URL (ws would turn it into Basic auth), nor prints it', async () => {
    const { records, upgrades } = await inLab({}, () => ({}), {
      before: (_lab, codexHome) => writeFile(path.join(codexHome, 'config.toml'), 'openai_base_url = "https://user:s3cretpass@api.openai.com/v1"\n'),
    });
    expect(upgrades).toHaveLength(1);
    expect(upgrades[0]?.authorization).toBeUndefined();
    expect(JSON.stringify(upgrades)).not.toContain(Buffer.from('user:s3cretpass').toString('base64'));
    const record = ws(records);
    expect(record.status).toBe('pass');
    expect(JSON.stringify(record)).not.toContain('s3cretpass');
    expect(record.summary).toBe('wss://api.openai.com/v1/responses: 101, the WebSocket path works.');
  });

  it('is not needed when the provider turns WebSocket off', async () => {
    const { records, upgrades } = await inLab({}, () => ({}), {
      before: (_lab, codexHome) =>
        writeFile(path.join(codexHome, 'config.toml'), 'model_provider = "corp"\n\n[model_providers.corp]\nname = "Corp"\nbase_url = "https://chatgpt.com/backend-api/codex"\n'),
    });
    const record = ws(records);
    expect(record.status).toBe('pass');
    expect(record.findings).toEqual([
      {
        level: 'info',
        code: 'WS_DISABLED',
        stage: 'input',
        detail: '[model_providers.corp] does not set supports_websockets = true (custom providers default to false): Codex streams over HTTPS only.',
      },
    ]);
    expect(upgrades).toHaveLength(0);
  });

  it.each([
    [
      'an unknown model_provider',
      'model_provider = "corp"\n',
      'model_provider = "corp" names no [model_providers.corp] table and no built-in provider (openai, ollama, lmstudio); Codex refuses to start ("Model provider `corp` not found"). Codex does not start, so it opens no WebSocket.',
    ],
    [
      'an openai_base_url that is not a URL',
      'openai_base_url = "garbage"\n',
      'The base URL "garbage" (openai_base_url in config.toml) is not an http:// or https:// URL: Codex cannot send a model request to it. The WebSocket URL is built from it, so there is no WebSocket to open.',
    ],
    [
      "a provider's base_url that is not a URL (even with WebSocket off)",
      'model_provider = "corp"\n[model_providers.corp]\nbase_url = "not a url"\n',
      'The base URL "not a url" (base_url of [model_providers.corp]) is not an http:// or https:// URL: Codex cannot send a model request to it. The WebSocket URL is built from it, so there is no WebSocket to open.',
    ],
  ])('fails, untested, at input for %s: never a pass for a URL Codex cannot use', async (_what, toml, detail) => {
    const { records, upgrades } = await inLab({}, () => ({}), { before: (_lab, codexHome) => writeFile(path.join(codexHome, 'config.toml'), toml) });
    const record = ws(records);
    expect(record.status).toBe('fail');
    expect(record.error).toEqual({ stage: 'input', code: 'WS_ENDPOINT_INVALID', detail: `Not tested: ${detail}` });
    expect(record.findings.map((f) => f.code)).toEqual(['WS_ENDPOINT_INVALID']);
    expect(upgrades).toHaveLength(0);
  });

  it('goes through a socks5h:// proxy, which the WebSocket supports and HTTPS does not', async () => {
    const { lab, host, stop } = await labHost({});
    const socks = await startSocksProxy({ routes: new Map([['chatgpt.com:443', lab.origin.port]]) });
    try {
      host.env = { ALL_PROXY: `socks5h://127.0.0.1:${socks.port}` };
      const records = await runWithNeeds(ALL, host);
      expect(ws(records).status).toBe('pass');
      expect(ws(records).findings[0]?.detail).toBe(`The WebSocket connects to chatgpt.com:443 through socks5h://127.0.0.1:${socks.port} (ALL_PROXY).`);
      // One connection: the chain is captured and judged on it, then the upgrade goes over it.
      expect(socks.requests).toEqual([{ host: 'chatgpt.com', port: 443, username: null }]);
      expect(records.get('tls.auth')?.error).toMatchObject({ code: 'PROXY_SCHEME_UNSUPPORTED', stage: 'proxy-connect' });
    } finally {
      await socks.close();
      await stop();
    }
  });
});

describe('ws.upgrade: what a failed WebSocket leads to, per Codex release', () => {
  it('says nothing about a CI hang for a release that gives up (before 0.169.0)', async () => {
    const { host, stop } = await labHost({ proxy: { mode: 'inspect', refuseWebSocket: 403 } }, trusted);
    try {
      host.exec = async (command) => (command === 'codex' ? { code: 0, stdout: 'codex-cli 0.150.0\n', stderr: '' } : { code: null, stdout: '', stderr: '' });
      const record = ws(await runWithNeeds(ALL, host));
      expect(record.error).toMatchObject({ code: 'WS_UPGRADE_REFUSED' });
      expect(record.findings.map((f) => f.code)).not.toContain('NET_RETRIES_UNBOUNDED');
      expect(record.error?.detail).toContain('falls back to HTTPS streaming ("warning: Falling back from WebSockets to HTTPS transport.")');
    } finally {
      await stop();
    }
  });
});

describe('ws.upgrade: failures that are not about the WebSocket get no HTTPS-only workaround', () => {
  it("names Codex's own managed proxy policy (the doctor runs inside a Codex sandbox)", async () => {
    const record = ws((await inLab({ proxy: { mode: 'connect', failure: 'codex-policy' } }, (lab) => ({ HTTPS_PROXY: lab.proxyUrl!, CODEX_NETWORK_PROXY_ACTIVE: '1' }))).records);
    expect(record.error).toMatchObject({ code: 'NET_CODEX_POLICY_DENIED', stage: 'policy' });
    const hints = record.findings.at(-1)?.hints ?? [];
    expect(hints[0]?.text).toMatch(/^This is Codex's own network policy, not your company's proxy/);
    expect(hints.some((h) => h.snippet?.includes('supports_websockets'))).toBe(false);
  });

  it('offers no HTTPS-only streaming for an untrusted chain or a refused proxy: login fails the same way', async () => {
    const untrusted = ws((await inLab({ proxy: { mode: 'inspect' } }, (l) => viaProxy(l.proxyUrl))).records);
    expect(untrusted.error).toMatchObject({ code: 'TLS_UNKNOWN_ISSUER', stage: 'tls-verify' });
    const refused = ws((await inLab({ proxy: { mode: 'inspect' } }, () => ({ HTTPS_PROXY: 'http://127.0.0.1:1' }))).records);
    expect(refused.error?.stage).toBe('tcp');
    for (const record of [untrusted, refused]) {
      expect(record.findings.flatMap((f) => f.hints ?? []).some((h) => h.snippet?.includes('supports_websockets'))).toBe(false);
    }
  });

  it('unsets an HTTP_PROXY nobody answers at: only the WebSocket uses it, so copying it to HTTPS_PROXY would break login too', async () => {
    const { records } = await inLab({}, () => ({ HTTP_PROXY: 'http://127.0.0.1:1' }));
    expect(records.get('tls.auth')!.status).toBe('pass');
    const record = ws(records);
    expect(record.error).toMatchObject({ code: 'PROXY_UNREACHABLE', stage: 'tcp' });
    expect(record.findings.at(-1)?.hints).toEqual([
      {
        text: "Nothing answers at the proxy HTTP_PROXY names, and only WebSocket streaming uses it (Codex's HTTPS client never reads it for https:// URLs). Unset HTTP_PROXY in the shell profile, CI or IDE settings that set it so that streaming connects the way login does.",
        command: 'unset HTTP_PROXY',
        action: { kind: 'unset-env', name: 'HTTP_PROXY', target: 'shell-profile' },
      },
    ]);
  });

  it('points at the empty HTTPS_PROXY that sends the WebSocket direct into a firewall', async () => {
    const record = ws((await inLab({ direct: 'refused', proxy: { mode: 'inspect' } }, (lab) => ({ HTTPS_PROXY: '', https_proxy: lab.proxyUrl!, CODEX_CA_CERTIFICATE: lab.files.corporateRoot }))).records);
    expect(record.error).toMatchObject({ code: 'NET_CONNECTION_REFUSED', stage: 'tcp' });
    expect(record.findings.at(-1)?.hints).toEqual([
      {
        text: 'Codex connected to chatgpt.com directly because HTTPS_PROXY is set but empty, which hides https_proxy. Unset HTTPS_PROXY so that Codex uses the proxy in https_proxy.',
        command: 'unset HTTPS_PROXY',
        action: { kind: 'unset-env', name: 'HTTPS_PROXY', target: 'shell-profile' },
      },
    ]);
  });
});

describe('ws.upgrade: a path that refuses WebSocket', () => {
  it.each([400, 403, 405, 426] as const)('fails on a proxy answering %i, with the workaround as TOML and what to ask', async (status) => {
    const record = ws((await inLab({ proxy: { mode: 'inspect', refuseWebSocket: status } }, trusted)).records);
    expect(record.error).toMatchObject({ code: 'WS_UPGRADE_REFUSED', stage: 'ws-upgrade' });
    // Refused inside the TLS tunnel: the answer's status line and Server header are kept.
    expect(record.findings.at(-1)?.cause?.httpAnswer).toEqual({ statusLine: `HTTP/1.1 ${status} ${STATUS_CODES[status]}`, server: 'Zscaler' });
    const hints = record.findings.at(-1)?.hints ?? [];
    // The user's fix now (an edit of config.toml, rendered from the action), IT's for good.
    expect(hints[0]?.action).toMatchObject({ kind: 'edit-config', file: expect.stringMatching(/\/home\/\.codex\/config\.toml$/) });
    expect(hints[0]?.snippet).toBe(
      [
        '# ~/.codex/config.toml',
        'model_provider = "openai-https"',
        '[model_providers.openai-https]',
        'name = "OpenAI (HTTPS only)"',
        'base_url = "https://chatgpt.com/backend-api/codex"',
        'wire_api = "responses"',
        'requires_openai_auth = true',
        'supports_websockets = false',
      ].join('\n'),
    );
    // Codex 0.169.0 (assumed: no codex on PATH here) retries a failing HTTPS without end: CI sees a hang.
    expect(record.findings.find((f) => f.code === 'NET_RETRIES_UNBOUNDED')?.detail).toContain('`codex exec` in CI then hangs until the job\'s timeout');
    expect(hints[1]?.action).toEqual({ kind: 'it-request', topic: 'allow-websocket', hosts: ['chatgpt.com'] });
    expect(hints[1]?.text).toMatch(/^Ask your network team to allow WebSocket upgrades \(HTTP\/1\.1 GET with Upgrade: websocket\) to chatgpt\.com\/backend-api\/codex\/responses through 127\.0\.0\.1:\d+, or to exempt chatgpt\.com from TLS inspection\.$/);
  });

  it('fails when the proxy closes the connection on the upgrade', async () => {
    const record = ws((await inLab({ proxy: { mode: 'inspect', refuseWebSocket: 'close' } }, trusted)).records);
    expect(record.error).toMatchObject({ code: 'WS_CLOSED', stage: 'ws-upgrade' });
  });

  it('recognises a stripped Upgrade header from what OpenAI answers a plain GET', async () => {
    const record = ws((await inLab({ proxy: { mode: 'inspect', refuseWebSocket: 'strip-upgrade' } }, trusted)).records);
    expect(record.error).toMatchObject({ code: 'WS_UPGRADE_STRIPPED', stage: 'ws-upgrade' });
    expect(record.error?.detail).toMatch(/^OpenAI answered 405 Method Not Allowed \(Invalid method for URL \(GET \/backend-api\/codex\/responses\)\): the request reached it as a plain GET/);
  });

  it('fails an https:// proxy URL as Codex does, while login through it works', async () => {
    const { records, lab } = await inLab({ proxy: { mode: 'connect', tls: true } }, trusted);
    expect(records.get('tls.auth')?.status).toBe('pass');
    const record = ws(records);
    expect(record.error).toMatchObject({
      code: 'PROXY_SCHEME_UNSUPPORTED',
      stage: 'proxy-connect',
      detail: 'Proxy URL scheme not supported (the WebSocket transport cannot use a https proxy).',
    });
    // The proxy speaks TLS on this port: http:// would break login too. The fix is streaming over HTTPS only.
    const hints = record.findings.at(-1)?.hints ?? [];
    expect(hints[0]?.action).toEqual({
      kind: 'edit-config',
      file: expect.stringMatching(/config\.toml$/),
      changes: [
        { op: 'set', path: ['model_provider'], value: 'openai-https' },
        { op: 'set', path: ['model_providers', 'openai-https', 'name'], value: 'OpenAI (HTTPS only)' },
        { op: 'set', path: ['model_providers', 'openai-https', 'base_url'], value: 'https://chatgpt.com/backend-api/codex' },
        { op: 'set', path: ['model_providers', 'openai-https', 'wire_api'], value: 'responses' },
        { op: 'set', path: ['model_providers', 'openai-https', 'requires_openai_auth'], value: true },
        { op: 'set', path: ['model_providers', 'openai-https', 'supports_websockets'], value: false },
      ],
    });
    expect(hints[0]?.snippet).toContain('supports_websockets = false');
    expect(hints[1]?.text).toMatch(/^Or ask your network team for a plain-HTTP \(http:\/\/\) port of the same proxy/);
    expect(JSON.stringify(hints)).not.toContain(`http://127.0.0.1:${lab.proxy?.port}`);
  });

  it('keeps the http:// form for an https:// proxy URL whose port does not speak TLS (login fails there too)', async () => {
    const { records, lab } = await inLab({ proxy: { mode: 'connect' } }, (l) => ({ ...trusted(l), HTTPS_PROXY: l.proxyUrl!.replace(/^http:/, 'https:') }));
    expect(records.get('tls.auth')?.status).toBe('fail');
    const hints = ws(records).findings.at(-1)?.hints ?? [];
    expect(hints[0]?.command).toBe(`export HTTPS_PROXY=http://127.0.0.1:${lab.proxy?.port}`);
    expect(hints.some((h) => h.action?.kind === 'edit-config')).toBe(false);
  });
});

describe('ws.upgrade: its own trust set and its own verdict', () => {
  it('fails on a SHA-1 inspection CA that login (OpenSSL) accepts: login works, streaming does not', async () => {
    const { records } = await inLab(
      { proxy: { mode: 'inspect' }, corporateCa: { product: 'fortinet', signature: 'sha1' }, systemStore: ['public', 'corporate'] },
      (l) => viaProxy(l.proxyUrl),
    );
    expect(records.get('tls.auth')?.status).toBe('warn');
    expect(records.get('oauth.token')?.status).toBe('pass');
    const record = ws(records);
    expect(record.error).toMatchObject({ code: 'TLS_BAD_SIGNATURE', stage: 'tls-verify', cause: { message: 'invalid peer certificate: BadSignature' } });
    expect(record.findings.at(-1)?.hints?.at(-1)?.snippet).toContain('supports_websockets = false');
  });

  it('runs even when login is blocked: the two transports are judged separately', async () => {
    const { records } = await inLab({ proxy: { mode: 'inspect', blockPage: { hosts: ['auth.openai.com'], at: 'connect' } } }, trusted);
    expect(records.get('tls.auth')?.error?.code).toBe('PROXY_BLOCKED');
    expect(records.get('oauth.token')).toMatchObject({ status: 'skip', blockedBy: ['tls.auth'] });
    expect(ws(records).status).toBe('pass');
  });

  it('finds the missing root for the WebSocket and gives the fix', async () => {
    const { records, lab } = await inLab({ proxy: { mode: 'inspect' } }, (l) => ({ ...viaProxy(l.proxyUrl), REQUESTS_CA_BUNDLE: l.files.corporateRoot }));
    const record = ws(records);
    expect(record.error).toMatchObject({ code: 'TLS_UNKNOWN_ISSUER', stage: 'tls-verify' });
    expect(record.findings.at(-1)?.hints?.[0]?.command).toBe(`export CODEX_CA_CERTIFICATE=${lab.files.corporateRoot}`);
  });
});

describe('one deadline for the whole run', () => {
  it('ends within --timeout + 1 s against a proxy that never answers, each check saying where it was stuck', async () => {
    const { records, elapsed } = await inLab({ proxy: { mode: 'inspect', failure: 'hang' } }, trusted, { timeoutMs: 1500 });
    expect(elapsed).toBeLessThan(2500);
    expect(records.get('tls.auth')?.error).toMatchObject({ code: 'PROXY_NO_RESPONSE', stage: 'proxy-connect' });
    expect(ws(records).error).toMatchObject({ code: 'PROXY_NO_RESPONSE', stage: 'proxy-connect' });
    expect(records.get('oauth.token')).toMatchObject({ status: 'skip', blockedBy: ['tls.auth'] });
  });
});

describe('ws.upgrade: odd answers from the host', () => {
  async function against(options: Omit<CustomOriginOptions, 'hostname' | 'respond'>, timeoutMs?: number) {
    const origin = await customOrigin({ hostname: 'chatgpt.com', respond: () => {}, ...options });
    try {
      const records = await runWithNeeds([wsUpgradeCheck], origin.host, timeoutMs === undefined ? {} : { timeoutMs });
      return ws(records);
    } finally {
      await origin.stop();
    }
  }

  it.each([
    ['another protocol', 'Upgrade: h2c\r\nConnection: Upgrade', 'No "Upgrade: websocket" header'],
    ['no Sec-WebSocket-Accept', 'Upgrade: websocket\r\nConnection: Upgrade', 'Missing Sec-WebSocket-Accept header'],
    ['a wrong Sec-WebSocket-Accept', 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: dGhlIHNhbXBsZSBub25jZQ==', 'Key mismatch in "Sec-WebSocket-Accept" header'],
    // ws took this one for a handshake; Codex's tungstenite does not.
    ['no Connection: upgrade', 'Upgrade: websocket\r\nSec-WebSocket-Accept: dGhlIHNhbXBsZSBub25jZQ==', 'No "Connection: upgrade" header'],
  ])('fails a 101 with %s with its own code: the upgrade was not stripped, the handshake is wrong', async (_what, headers, reason) => {
    const record = await against({ upgrade: (_req, socket) => socket.end(`HTTP/1.1 101 Switching Protocols\r\n${headers}\r\n\r\n`) });
    expect(record.error).toMatchObject({ code: 'WS_HANDSHAKE_INVALID', stage: 'ws-upgrade' });
    expect(record.error?.detail).toBe(
      `The upgrade got 101 Switching Protocols but not a valid WebSocket handshake (${reason}): something on the path answered in the server's place, and Codex drops such a connection.`,
    );
  });

  it('fails a valid 101 that names a subprotocol Codex never asked for', async () => {
    let asked: IncomingHttpHeaders = {};
    const record = await against({
      upgrade: (req, socket) => {
        asked = req.headers;
        const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
        socket.end(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: chat\r\n\r\n`);
      },
    });
    expect(asked['sec-websocket-protocol']).toBeUndefined();
    expect(record.error).toMatchObject({ code: 'WS_HANDSHAKE_INVALID', stage: 'ws-upgrade' });
    expect(record.error?.detail).toContain('(SubProtocol error: Server sent a subprotocol but none was requested)');
  });

  it('names the block page a 403 inside the tunnel served, from the start of its body', async () => {
    const page = `<html><head><title>Access Denied by Corporate Policy</title></head><body>${'blocked '.repeat(2000)}</body></html>`;
    const record = await against({ upgrade: (_req, socket) => socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\nContent-Length: ${page.length}\r\n\r\n${page}`) });
    expect(record.error).toMatchObject({ code: 'WS_UPGRADE_REFUSED', stage: 'ws-upgrade' });
    expect(record.error?.detail).toMatch(/^Something on the path refused the upgrade with 403 Forbidden \(page "Access Denied by Corporate Policy"\); OpenAI never saw it\./);
  });

  it('reports a status no proxy refusal or OpenAI error explains', async () => {
    const record = await against({ upgrade: (_req, socket) => socket.end('HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\noops') });
    expect(record.error).toMatchObject({ code: 'WS_UNEXPECTED_RESPONSE', stage: 'ws-upgrade' });
  });

  it('ends an upgrade that never gets an answer, at ws-upgrade', async () => {
    const record = await against({ upgrade: () => {} }, 1500);
    expect(record.error).toMatchObject({ code: 'WS_TIMEOUT', stage: 'ws-upgrade' });
  });
});
