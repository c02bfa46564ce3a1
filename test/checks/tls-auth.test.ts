import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../../src/checks/context.js';
import { oauthTokenCheck } from '../../src/checks/oauth-token.js';
import { tlsAuthCheck } from '../../src/checks/tls-auth.js';
import type { CheckRecord } from '../../src/core/types.js';
import type { Lab, LabSpec } from '../../src/lab/world.js';
import { labHost, runWithNeeds, viaProxy } from './network-lab.js';

/** Runs ca.bundle, env.precedence and tls.auth against a lab; returns tls.auth's record. */
async function tlsAuth(spec: LabSpec, env: (lab: Lab) => Record<string, string> = () => ({}), options: { proxy?: string | ((lab: Lab) => string) } = {}): Promise<{ record: CheckRecord; lab: Lab }> {
  const { lab, host, stop } = await labHost(spec, env);
  try {
    const proxy = typeof options.proxy === 'function' ? options.proxy(lab) : options.proxy;
    const records = await runWithNeeds([tlsAuthCheck], host, proxy === undefined ? {} : { proxy });
    return { record: records.get('tls.auth')!, lab };
  } finally {
    await stop();
  }
}

const codes = (record: CheckRecord): string[] => record.findings.map((f) => `${f.level} ${f.code}`);
const trustedCorporateRoot = (lab: Lab) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.corporateRoot });

describe('tls.auth: who is on the path', () => {
  it('says plainly that a direct connection with a public chain is not intercepted', async () => {
    const { record } = await tlsAuth({});
    expect(record.status).toBe('pass');
    // Login in depth, then the model API host (chatgpt.com with ChatGPT login) by its own route.
    expect(codes(record)).toEqual(['info NET_ROUTE', 'info TLS_NOT_INTERCEPTED', 'info TLS_CHAIN_VERIFIED', 'info TLS_CHAIN_VERIFIED', 'info TLS_CHAIN_VERIFIED']);
    expect(record.summary).toBe(
      'auth.openai.com direct: not intercepted; trusted for HTTPS and WebSocket. [0] auth.openai.com => [1] codex-doctor Lab Public TLS CA 1 => codex-doctor Lab Public Root R1 (trust anchor) Hosts: auth.openai.com https pass, chatgpt.com https pass.',
    );
    expect(record.data?.endpoints).toEqual([
      { host: 'auth.openai.com', port: 443, transport: 'https', purpose: 'login', route: 'direct', status: 'pass', code: null },
      { host: 'chatgpt.com', port: 443, transport: 'https', purpose: 'model API', route: 'direct', status: 'pass', code: null },
    ]);
    expect(record.findings[1]?.detail).toBe('Not intercepted: the chain verifies against the public roots, so nothing on the path re-signs this connection.');
    const chain = record.evidence.find((e) => e.title === 'Chain presented for auth.openai.com');
    expect(chain?.lines[0]).toBe('[0] auth.openai.com => [1] codex-doctor Lab Public TLS CA 1 => codex-doctor Lab Public Root R1 (trust anchor)');
    expect(chain?.lines).toHaveLength(3);
    // On the default roots Codex's HTTPS client offers no ALPN, and the doctor offers none either.
    expect(record.data?.tls).toMatchObject({ protocol: 'TLSv1.3', alpn: null });
  });

  it('goes through a CONNECT-only proxy without interception', async () => {
    const { record, lab } = await tlsAuth({ proxy: { mode: 'connect' } }, (l) => viaProxy(l.proxyUrl));
    expect(record.status).toBe('pass');
    expect(record.findings[0]?.detail).toBe(`Login connects to auth.openai.com:443 through http://127.0.0.1:${lab.proxy?.port} (HTTPS_PROXY).`);
    expect(record.findings[1]?.code).toBe('TLS_NOT_INTERCEPTED');
  });

  it('uses --proxy instead of the environment', async () => {
    const { record, lab } = await tlsAuth({ proxy: { mode: 'connect' } }, () => ({}), { proxy: (l) => l.proxyUrl! });
    expect(record.status).toBe('pass');
    expect(record.findings[0]?.detail).toBe(`Login connects to auth.openai.com:443 through http://127.0.0.1:${lab.proxy?.port} (--proxy).`);
  });

  it('names the inspection product and passes when Codex trusts its root', async () => {
    const { record } = await tlsAuth({ proxy: { mode: 'inspect' } }, trustedCorporateRoot);
    expect(record.status).toBe('pass');
    expect(codes(record)).toEqual(['info NET_ROUTE', 'info TLS_INTERCEPTED', 'info TLS_CHAIN_VERIFIED', 'info TLS_CHAIN_VERIFIED', 'info TLS_CHAIN_VERIFIED']);
    expect(record.findings[1]?.detail).toBe(
      'Zscaler is inspecting this connection (corporate TLS inspection); the issuer is "Zscaler Intermediate Root CA (zscaler.net)".',
    );
    expect(record.summary).toMatch(/: intercepted by Zscaler; trusted for HTTPS and WebSocket\. \[0\] auth\.openai\.com => \[1\] Zscaler Intermediate Root CA \(zscaler\.net\) => Zscaler Root CA \(trust anchor\) Hosts: auth\.openai\.com https pass, chatgpt\.com https pass\.$/);
  });

  it('flags a known-compromised root as critical', async () => {
    const { record } = await tlsAuth(
      { proxy: { mode: 'inspect' }, corporateCa: { subject: { commonName: 'eDellRoot' }, intermediate: false } },
      trustedCorporateRoot,
    );
    expect(record.status).toBe('fail');
    expect(record.error).toMatchObject({ code: 'TLS_KNOWN_BAD_ROOT', stage: 'tls-verify' });
  });
});

describe('tls.auth: connections per host', () => {
  /** tls.auth's record and the CONNECTs the lab proxy saw, per target. */
  async function connectsOf(
    spec: LabSpec,
    env: (lab: Lab) => Record<string, string>,
    checks: DoctorCheck[] = [tlsAuthCheck],
  ): Promise<{ record: CheckRecord; records: Map<string, CheckRecord>; connects: Record<string, number>; tokenRequests: number }> {
    const { lab, host, stop } = await labHost(spec, env);
    const connects: Record<string, number> = {};
    lab.proxy!.events.on('connect', ({ host: target }) => (connects[target] = (connects[target] ?? 0) + 1));
    let tokenRequests = 0;
    lab.origin.events.on('request', (event) => (tokenRequests += event.path === '/oauth/token' ? 1 : 0));
    try {
      const records = await runWithNeeds(checks, host);
      return { record: records.get('tls.auth')!, records, connects, tokenRequests };
    } finally {
      await stop();
    }
  }
  const opensslSays = (record: CheckRecord): string[] => record.evidence.find((e) => e.title === 'Verdicts per Codex transport')!.lines.filter((l) => l.includes('Node/OpenSSL'));

  it("one handshake per host when rustls accepts the chain (the anchor in the user's CA bundle): OpenSSL is not asked", async () => {
    const { record, connects } = await connectsOf({ proxy: { mode: 'inspect' } }, trustedCorporateRoot);
    expect(record.status).toBe('pass');
    expect(connects).toEqual({ 'auth.openai.com': 1, 'chatgpt.com': 1 });
    expect(opensslSays(record)).toEqual([]);
    expect(record.data?.verdicts).toMatchObject({ https: { verifier: 'rustls', ok: true, node: null } });
  });

  it('one handshake per host when the bundle is a whole public store plus the corporate root', async () => {
    // The user's bundle: every public root and the corporate root.
    const { lab, host, stop } = await labHost({ proxy: { mode: 'inspect' } }, (l) => ({ ...viaProxy(l.proxyUrl), CODEX_CA_CERTIFICATE: path.join(l.files.dir, 'store-and-corporate.pem') }));
    const connects: Record<string, number> = {};
    lab.proxy!.events.on('connect', ({ host: target }) => (connects[target] = (connects[target] ?? 0) + 1));
    try {
      host.publicRoots = [lab.pem.publicRoot, ...rootCertificates];
      await writeFile(path.join(lab.files.dir, 'store-and-corporate.pem'), [...host.publicRoots, readFileSync(lab.files.corporateRoot, 'utf8')].join('\n'));
      const record = (await runWithNeeds([tlsAuthCheck], host)).get('tls.auth')!;
      expect(record.status).toBe('pass');
      expect(connects).toEqual({ 'auth.openai.com': 1, 'chatgpt.com': 1 });
      expect(opensslSays(record)).toEqual([]);
    } finally {
      await stop();
    }
  });

  it('one handshake per host without a CA bundle: OpenSSL is given the whole (small) store on the first', async () => {
    const { record, connects } = await connectsOf({ proxy: { mode: 'connect' } }, (lab) => viaProxy(lab.proxyUrl));
    expect(record.status).toBe('pass');
    expect(record.data?.verdicts).toMatchObject({ https: { verifier: 'openssl', ok: true, node: { authorized: true } } });
    expect(connects).toEqual({ 'auth.openai.com': 1, 'chatgpt.com': 1 });
  });

  it("sends the token POST over login's connection, the one tls.auth verified: one CONNECT to auth.openai.com for both checks", async () => {
    const { records, connects, tokenRequests } = await connectsOf({ proxy: { mode: 'inspect' } }, trustedCorporateRoot, [tlsAuthCheck, oauthTokenCheck]);
    expect(records.get('oauth.token')?.status).toBe('pass');
    expect(tokenRequests).toBe(1);
    expect(connects).toEqual({ 'auth.openai.com': 1, 'chatgpt.com': 1 });
  });

  it('one handshake per host when rustls accepts the chain through a root the bundle does not hold', async () => {
    // No interception: the public root verifies the chain; the bundle holds only an unrelated corporate root.
    const { record, connects } = await connectsOf({ proxy: { mode: 'connect' } }, trustedCorporateRoot);
    expect(record.status).toBe('pass');
    expect(connects).toEqual({ 'auth.openai.com': 1, 'chatgpt.com': 1 });
    expect(opensslSays(record)).toEqual([]);
  });

  it('one handshake per host when rustls finds no root for the chain (UnknownIssuer): OpenSSL, given none, already said the same', async () => {
    const { record, connects } = await connectsOf({ proxy: { mode: 'inspect' } }, (lab) => ({ ...viaProxy(lab.proxyUrl), CODEX_CA_CERTIFICATE: lab.files.publicRoot }));
    expect(record.status).toBe('fail');
    expect(record.error).toMatchObject({ code: 'TLS_UNKNOWN_ISSUER' });
    expect(connects).toEqual({ 'auth.openai.com': 1, 'chatgpt.com': 1 });
    expect(record.data?.verdicts).toMatchObject({ https: { verifier: 'rustls', ok: false, node: { authorized: false, error: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' } } });
  });

  it('a second handshake when rustls refuses the chain: OpenSSL judges it with the anchors that matter', async () => {
    const { record, connects } = await connectsOf({ proxy: { mode: 'inspect' }, corporateCa: { product: 'fortinet', signature: 'sha1' } }, trustedCorporateRoot);
    expect(record.status).toBe('fail');
    expect(connects).toEqual({ 'auth.openai.com': 2, 'chatgpt.com': 2 });
    expect(opensslSays(record)).toEqual(['  Node/OpenSSL: accepts']);
    expect(record.data?.verdicts).toMatchObject({ https: { verifier: 'rustls', ok: false, node: { authorized: true, error: null } } });
  });
});

describe('tls.auth: a missing corporate root', () => {
  it('fails with UnknownIssuer and points CODEX_CA_CERTIFICATE at the file that has the root', async () => {
    const { record, lab } = await tlsAuth({ proxy: { mode: 'inspect' } }, (l) => ({ ...viaProxy(l.proxyUrl), NODE_EXTRA_CA_CERTS: l.files.corporateRoot }));
    expect(record.status).toBe('fail');
    expect(record.error).toMatchObject({ code: 'TLS_UNKNOWN_ISSUER', stage: 'tls-verify' });
    expect(record.error?.detail).toBe(
      'HTTPS (login, token exchange, API) verifies with OpenSSL (checked through Node, without security-level limits), which rejects the chain (UNABLE_TO_GET_ISSUER_CERT_LOCALLY). webpki would say: "invalid peer certificate: UnknownIssuer". WebSocket fails the same way.',
    );
    const failing = record.findings.find((f) => f.level === 'fail');
    expect(failing?.hints?.[0]).toEqual({
      text: `${lab.files.corporateRoot} (named by NODE_EXTRA_CA_CERTS) holds the issuer "C=US, O=Zscaler Inc., OU=Zscaler Inc., CN=Zscaler Root CA". Point CODEX_CA_CERTIFICATE at it: Codex adds it to the public and OS roots, for login and for streaming.`,
      command: `export CODEX_CA_CERTIFICATE=${lab.files.corporateRoot}`,
      action: { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: lab.files.corporateRoot, target: 'shell-profile' },
    });
    expect(record.data?.issuerSearch).toEqual({
      issuer: 'C=US, O=Zscaler Inc., OU=Zscaler Inc., CN=Zscaler Root CA',
      found: [{ path: lab.files.corporateRoot, format: 'pem', source: 'variable' }],
    });
  });

  it('finds the root in the OS store that a stale SSL_CERT_FILE hides, and says to prefer CODEX_CA_CERTIFICATE', async () => {
    const { record, lab } = await tlsAuth({ proxy: { mode: 'inspect' }, systemStore: ['public', 'corporate'] }, (l) => ({
      ...viaProxy(l.proxyUrl),
      SSL_CERT_FILE: l.files.publicRoot,
    }));
    expect(record.error).toMatchObject({ code: 'TLS_UNKNOWN_ISSUER', stage: 'tls-verify' });
    expect(record.error?.detail).toMatch(/^HTTPS \(login, token exchange, API\) verifies with rustls, which fails: "invalid peer certificate: UnknownIssuer"\./);
    const hints = record.findings.find((f) => f.level === 'fail')?.hints ?? [];
    expect(hints.map((h) => h.command)).toEqual([`export CODEX_CA_CERTIFICATE=${lab.files.systemStore}`, 'unset SSL_CERT_FILE']);
  });
});

describe('tls.auth: chains OpenSSL accepts but rustls rejects', () => {
  it('fails a SHA-1 corporate CA with the rustls reason although Node/OpenSSL accepts the chain', async () => {
    const { record } = await tlsAuth({ proxy: { mode: 'inspect' }, corporateCa: { product: 'fortinet', signature: 'sha1' } }, trustedCorporateRoot);
    expect(record.status).toBe('fail');
    expect(record.error).toMatchObject({ code: 'TLS_BAD_SIGNATURE', stage: 'tls-verify', cause: { name: 'webpki', code: 'BadSignature', message: 'invalid peer certificate: BadSignature' } });
    expect(record.error?.detail).toBe(
      'HTTPS (login, token exchange, API) verifies with rustls, which fails: "invalid peer certificate: BadSignature". [0] auth.openai.com is signed with SHA1, which rustls does not accept. (Node/OpenSSL accepts the same chain, but Codex uses rustls here.) WebSocket fails the same way.',
    );
    expect(record.data?.verdicts).toMatchObject({ https: { verifier: 'rustls', ok: false, node: { authorized: true, error: null } }, websocket: { ok: false } });
    expect(record.findings[1]?.detail).toMatch(/^Fortinet FortiGate \/ FortiProxy is inspecting/);
    expect(record.findings.find((f) => f.level === 'fail')?.hints?.[0]?.text).toMatch(/exempt auth\.openai\.com, chatgpt\.com and api\.openai\.com from TLS inspection, or to re-issue the inspection CA with SHA-256/);
  });

  it('fails an RSA-1024 corporate CA with the rustls reason although Node/OpenSSL accepts the chain', async () => {
    const { record } = await tlsAuth({ proxy: { mode: 'inspect' }, corporateCa: { keyBits: 1024, intermediate: false } }, trustedCorporateRoot);
    expect(record.error).toMatchObject({ code: 'TLS_WEAK_KEY', cause: { message: 'invalid peer certificate: BadSignature' } });
    expect(record.error?.detail).toContain('signed by the root Zscaler Root CA with an RSA-1024 key; rustls needs at least 2048 bits. (Node/OpenSSL accepts the same chain, but Codex uses rustls here.)');
    expect(record.data?.verdicts).toMatchObject({ https: { node: { authorized: true } } });
  });

  it('warns that streaming would fail when only OpenSSL (login without a bundle) accepts a SHA-1 chain', async () => {
    const { record } = await tlsAuth(
      { proxy: { mode: 'inspect' }, corporateCa: { product: 'fortinet', signature: 'sha1' }, systemStore: ['public', 'corporate'] },
      (l) => viaProxy(l.proxyUrl),
    );
    expect(record.status).toBe('warn');
    expect(codes(record)).toEqual(['info NET_ROUTE', 'info TLS_INTERCEPTED', 'info TLS_CHAIN_VERIFIED', 'warn TLS_TRANSPORTS_DISAGREE', 'info TLS_CHAIN_VERIFIED']);
    expect(record.findings[3]?.detail).toMatch(/^Login trusts this chain, but Codex's WebSocket would not: WebSocket \(Responses streaming\) verifies with rustls, which fails: "invalid peer certificate: BadSignature"/);
  });

  it('has no Common Name fallback: no subjectAltName fails for rustls, and is only a warning while login uses OpenSSL', async () => {
    const withBundle = await tlsAuth({ origin: { leaf: { san: false } } }, (l) => ({ CODEX_CA_CERTIFICATE: l.files.publicRoot }));
    expect(withBundle.record.error).toMatchObject({ code: 'TLS_NOT_VALID_FOR_NAME', cause: { message: 'invalid peer certificate: NotValidForName' } });
    const withoutBundle = await tlsAuth({ origin: { leaf: { san: false } } });
    expect(withoutBundle.record.status).toBe('warn');
    expect(codes(withoutBundle.record)).toContain('warn TLS_TRANSPORTS_DISAGREE');
  });

  it('reports an expired server certificate', async () => {
    const { record } = await tlsAuth({ origin: { leaf: { validity: 'expired' } } });
    expect(record.error).toMatchObject({ code: 'TLS_EXPIRED', stage: 'tls-verify' });
    expect(record.findings.find((f) => f.level === 'fail')?.hints?.[0]).toEqual({
      text: 'Check the system clock and time zone first.',
      command: 'date -u',
      action: { kind: 'manual', topic: 'system-clock' },
    });
  });

  it('stops at the handshake when the server speaks only TLS 1.0/1.1', async () => {
    const { record } = await tlsAuth({ origin: { tlsVersions: 'legacy-only' } });
    expect(record.error).toMatchObject({ code: 'TLS_PROTOCOL_TOO_OLD', stage: 'tls-handshake' });
  });
});

describe('tls.auth: the proxy itself', () => {
  const auth = { username: 'alice', password: 's3c@ret-Pa55' };

  it('fails at proxy-auth on a 407 and names the scheme', async () => {
    const { record } = await tlsAuth({ proxy: { mode: 'connect', auth } }, (l) => viaProxy(l.proxyUrl));
    expect(record.error).toMatchObject({
      code: 'PROXY_AUTH_REQUIRED',
      stage: 'proxy-auth',
      detail: 'The proxy answered CONNECT with 407 Proxy Authentication Required and offers Basic. No credentials were sent.',
    });
  });

  it('passes with the credentials in the proxy URL, and never shows the password', async () => {
    const { record } = await tlsAuth({ proxy: { mode: 'connect', auth } }, (l) => viaProxy(l.proxyUrlWithCredentials));
    expect(record.status).toBe('pass');
    expect(record.findings[0]?.detail).toMatch(/through http:\/\/\[redacted\]@127\.0\.0\.1:\d+ \(HTTPS_PROXY, with a user name and password\)\.$/);
    expect(JSON.stringify(record)).not.toContain('alice');
    const text = JSON.stringify(record);
    expect(text).not.toContain('s3c');
    expect(text).not.toContain(Buffer.from('alice:s3c@ret-Pa55').toString('base64'));
  });

  it('tells refused credentials from a scheme Codex cannot answer', async () => {
    const wrong = await tlsAuth({ proxy: { mode: 'connect', auth } }, (l) => viaProxy(l.proxyUrl!.replace('://', '://alice:wrong@')));
    expect(wrong.record.error).toMatchObject({ code: 'PROXY_AUTH_REJECTED', stage: 'proxy-auth' });
    const kerberos = await tlsAuth({ proxy: { mode: 'connect', auth: { ...auth, schemes: ['Negotiate', 'NTLM'] } } }, (l) => viaProxy(l.proxyUrl));
    expect(kerberos.record.error).toMatchObject({ code: 'PROXY_AUTH_SCHEME_UNSUPPORTED', stage: 'proxy-auth' });
    // Only IT can let Codex through (it sends Basic only); a local proxy that logs in is the user's fallback, with no address to guess.
    const [ask, local] = kerberos.record.findings.find((f) => f.level === 'fail')!.hints!;
    expect(ask?.action).toEqual({ kind: 'it-request', topic: 'proxy-credentials', hosts: ['auth.openai.com'] });
    expect(local).toEqual({ text: 'Or run a local proxy that logs in for you (for example px or cntlm) and point HTTPS_PROXY at the address it listens on.' });
  });

  it("shows the block page's title when the proxy refuses the tunnel", async () => {
    const { record } = await tlsAuth({ proxy: { mode: 'inspect', blockPage: { hosts: ['auth.openai.com'], at: 'connect' } } }, trustedCorporateRoot);
    expect(record.error).toMatchObject({ code: 'PROXY_BLOCKED', stage: 'proxy-connect' });
    expect(record.error?.detail).toBe('The proxy answered CONNECT with 403 Forbidden. Its page says "Zscaler - Website blocked".');
  });

  it('reports a 502 from the proxy and a proxy that drops the connection', async () => {
    const gateway = await tlsAuth({ proxy: { mode: 'connect', failure: 'bad-gateway' } }, (l) => viaProxy(l.proxyUrl));
    expect(gateway.record.error).toMatchObject({ code: 'PROXY_UPSTREAM_FAILED', stage: 'proxy-connect' });
    const closing = await tlsAuth({ proxy: { mode: 'connect', failure: 'close' } }, (l) => viaProxy(l.proxyUrl));
    expect(closing.record.error).toMatchObject({ code: 'PROXY_CLOSED', stage: 'proxy-connect' });
  });

  it('logs in through an https:// proxy URL (the HTTPS client supports it)', async () => {
    const { record } = await tlsAuth({ proxy: { mode: 'connect', tls: true } }, (l) => ({ ...viaProxy(l.proxyUrl), CODEX_CA_CERTIFICATE: l.files.corporateRoot }));
    expect(record.status).toBe('pass');
    expect(record.findings[0]?.detail).toMatch(/through https:\/\/127\.0\.0\.1:\d+ \(HTTPS_PROXY\)\.$/);
  });

  it('says the proxy is unreachable, and a refused direct connection, at tcp', async () => {
    const closedPort = await unusedPort();
    const proxy = await tlsAuth({}, () => viaProxy(`http://127.0.0.1:${closedPort}`));
    expect(proxy.record.error).toMatchObject({ code: 'PROXY_UNREACHABLE', stage: 'tcp' });
    expect(proxy.record.findings.find((f) => f.level === 'fail')?.hints?.[0]?.text).toMatch(/^Check HTTPS_PROXY: 127\.0\.0\.1:\d+ is not answering as an HTTP proxy/);

    const { lab, host, stop } = await labHost({});
    try {
      host.dial = new Map([['auth.openai.com:443', { address: '127.0.0.1', port: closedPort }]]);
      const direct = (await runWithNeeds([tlsAuthCheck], host)).get('tls.auth')!;
      expect(direct.error).toMatchObject({ code: 'NET_CONNECTION_REFUSED', stage: 'tcp' });
      expect(lab.origin.port).not.toBe(closedPort);
    } finally {
      await stop();
    }
  });
});

async function unusedPort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

describe('tls.auth: an https:// URL for a proxy that speaks plain HTTP', () => {
  it('says the proxy does not speak TLS and gives the same proxy with http://', async () => {
    const { record, lab } = await tlsAuth({ proxy: { mode: 'inspect' } }, (l) => ({ HTTPS_PROXY: l.proxyUrl!.replace(/^http:/, 'https:'), CODEX_CA_CERTIFICATE: l.files.corporateRoot }));
    expect(record.error).toMatchObject({ code: 'TLS_NOT_TLS', stage: 'tls-handshake' });
    const proxy = lab.proxyUrl!.replace(/^http:\/\//, '').replace(/\/$/, '');
    expect(record.error && record.findings.find((f) => f.code === 'TLS_NOT_TLS')?.hints).toEqual([
      {
        text: `${proxy} does not speak TLS: the https:// in HTTPS_PROXY makes Codex open TLS to the proxy itself. Write the same proxy with http:// (CONNECT still carries TLS to auth.openai.com end to end).`,
        command: `export HTTPS_PROXY=http://${proxy}`,
        action: { kind: 'set-env', name: 'HTTPS_PROXY', value: `http://${proxy}`, target: 'shell-profile' },
      },
    ]);
  });
});
