import { describe, expect, it } from 'vitest';
import { classify, isNetworkError, pageTitle } from '../../src/net/classify.js';
import { DialRefusedError } from '../../src/net/dial.js';
import {
  ChainRejectedError,
  ProbeTimeoutError,
  ProxyClosedError,
  ProxyProtocolError,
  ProxyResponseError,
  ProxySchemeError,
  UpgradeHandshakeError,
  type HttpHead,
} from '../../src/net/errors.js';
import { SocksError } from '../../src/net/socks.js';

/** An error shaped like Node's (code on the Error). */
function nodeError(code: string, message = code): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

function head(status: number, headers: Record<string, string[]> = {}, reason = ''): HttpHead {
  return { status, reason, headers };
}

describe('classify: DNS and sockets', () => {
  it.each([
    ['ENOTFOUND', 'dns', false, 'NET_DNS_NOT_FOUND'],
    ['EAI_AGAIN', 'dns', false, 'NET_DNS_FAILED'],
    ['ENOTFOUND', 'dns', true, 'PROXY_UNREACHABLE'],
    ['EAI_AGAIN', 'dns', true, 'PROXY_UNREACHABLE'],
    ['ECONNREFUSED', 'tcp', false, 'NET_CONNECTION_REFUSED'],
    ['ECONNREFUSED', 'tcp', true, 'PROXY_UNREACHABLE'],
    ['EHOSTUNREACH', 'tcp', false, 'NET_UNREACHABLE'],
    ['ENETUNREACH', 'tcp', true, 'PROXY_UNREACHABLE'],
    ['ETIMEDOUT', 'tcp', false, 'NET_TIMEOUT'],
    ['ECONNRESET', 'http', false, 'NET_CONNECTION_RESET'],
    ['ECONNRESET', 'proxy-connect', true, 'PROXY_CLOSED'],
    ['ECONNRESET', 'tls-handshake', true, 'TLS_HANDSHAKE_RESET'],
    ['ECONNRESET', 'ws-upgrade', true, 'WS_CLOSED'],
    ['EPROTO', 'tcp', false, 'NET_ERROR'],
  ] as const)('%s at %s (proxied %s) is %s', (code, stage, proxied, expected) => {
    const result = classify(nodeError(code), stage, { proxied });
    expect(result.code).toBe(expected);
    expect(result.stage).toBe(stage);
    expect(result.cause).toEqual({ name: 'Error', code, message: code });
  });

  it("treats Node's 'disconnected before secure TLS connection' as a reset in the handshake", () => {
    const raw = nodeError('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established');
    expect(classify(raw, 'tls-handshake')).toMatchObject({ code: 'TLS_HANDSHAKE_RESET', stage: 'tls-handshake' });
  });
});

describe('classify: TLS handshake errors and certificate codes', () => {
  it.each([
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'TLS_NOT_TLS'],
    ['ERR_SSL_PACKET_LENGTH_TOO_LONG', 'TLS_NOT_TLS'],
    ['ERR_SSL_UNSUPPORTED_PROTOCOL', 'TLS_PROTOCOL_TOO_OLD'],
    ['ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'TLS_PROTOCOL_TOO_OLD'],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'TLS_ALERT'],
    ['ERR_SSL_TLSV1_UNRECOGNIZED_NAME', 'TLS_HANDSHAKE_FAILED'],
  ])('%s -> %s', (code, expected) => {
    expect(classify(nodeError(code, `error:0A000000:SSL routines::${code.toLowerCase()}`), 'tls-handshake')).toMatchObject({ code: expected, stage: 'tls-handshake' });
  });

  it.each([
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'TLS_UNKNOWN_ISSUER'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'TLS_UNKNOWN_ISSUER'],
    ['CERT_HAS_EXPIRED', 'TLS_EXPIRED'],
    ['CERT_NOT_YET_VALID', 'TLS_NOT_YET_VALID'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS_NOT_VALID_FOR_NAME'],
    ['CA_MD_TOO_WEAK', 'TLS_BAD_SIGNATURE'],
    ['CA_KEY_TOO_SMALL', 'TLS_WEAK_KEY'],
    ['INVALID_CA', 'TLS_ISSUER_NOT_CA'],
    ['INVALID_PURPOSE', 'TLS_EKU_NO_SERVER_AUTH'],
    ['CERT_REJECTED', 'TLS_VERIFY_FAILED'],
  ])('a Node verification error %s during the handshake is %s at tls-verify', (code, expected) => {
    expect(classify(nodeError(code), 'tls-handshake')).toMatchObject({ code: expected, stage: 'tls-verify' });
  });

  it("gives every TLS failure on the token request connection the oauth code, keeping the reason", () => {
    const verify = classify(nodeError('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), 'tls-handshake', { probe: 'oauth' });
    expect(verify).toMatchObject({ code: 'OAUTH_TLS_FAILED', stage: 'tls-verify' });
    expect(verify.detail).toContain('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
    const alert = classify(nodeError('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'SSL routines::sslv3 alert handshake failure'), 'tls-handshake', { probe: 'oauth' });
    expect(alert.code).toBe('OAUTH_TLS_FAILED');
    const webpki = classify(new ChainRejectedError('TLS_BAD_SIGNATURE', 'BadSignature'), 'tls-handshake', { probe: 'oauth' });
    expect(webpki).toMatchObject({ code: 'OAUTH_TLS_FAILED', stage: 'tls-verify' });
  });

  it("keeps the webpki emulation's code for a refused chain", () => {
    expect(classify(new ChainRejectedError('TLS_BAD_SIGNATURE', 'rustls says BadSignature'), 'tls-handshake')).toMatchObject({
      code: 'TLS_BAD_SIGNATURE',
      stage: 'tls-verify',
      detail: 'rustls says BadSignature',
    });
    expect(classify(new ChainRejectedError('NOT_A_CODE', 'x'), 'tls-handshake').code).toBe('TLS_VERIFY_FAILED');
  });
});

describe('classify: the proxy', () => {
  it('names the schemes a 407 offers and tells required, rejected and unsupported apart', () => {
    const basic = head(407, { 'proxy-authenticate': ['Basic realm="corp"'] }, 'Proxy Authentication Required');
    const required = classify(new ProxyResponseError(basic, '', false), 'proxy-connect');
    expect(required).toMatchObject({ code: 'PROXY_AUTH_REQUIRED', stage: 'proxy-auth' });
    expect(required.detail).toBe('The proxy answered CONNECT with 407 Proxy Authentication Required and offers Basic. No credentials were sent.');
    expect(classify(new ProxyResponseError(basic, '', true), 'proxy-connect').code).toBe('PROXY_AUTH_REJECTED');
    const kerberos = head(407, { 'proxy-authenticate': ['Negotiate', 'NTLM'] });
    const unsupported = classify(new ProxyResponseError(kerberos, '', true), 'proxy-connect');
    expect(unsupported.code).toBe('PROXY_AUTH_SCHEME_UNSUPPORTED');
    expect(unsupported.detail).toContain('offers Negotiate, NTLM');
  });

  it('reads a block page title, and tells blocks, upstream failures and other refusals apart', () => {
    const page = '<html><head><title>Zscaler - Website blocked</title></head><body>...</body></html>';
    const blocked = classify(new ProxyResponseError(head(403, {}, 'Forbidden'), page, false), 'proxy-connect');
    expect(blocked).toMatchObject({ code: 'PROXY_BLOCKED', stage: 'proxy-connect' });
    expect(blocked.detail).toBe('The proxy answered CONNECT with 403 Forbidden. Its page says "Zscaler - Website blocked".');
    expect(classify(new ProxyResponseError(head(502), '', false), 'proxy-connect').code).toBe('PROXY_UPSTREAM_FAILED');
    expect(classify(new ProxyResponseError(head(504), '', false), 'proxy-connect').code).toBe('PROXY_UPSTREAM_FAILED');
    expect(classify(new ProxyResponseError(head(405), '', false), 'proxy-connect').code).toBe('PROXY_CONNECT_REJECTED');
  });

  it("names Codex's own managed proxy policy, not the corporate proxy, when its 403 says so", () => {
    const body =
      'CODEX_NETWORK_POLICY_DECISION {"decision":"deny","reason":"not_allowed","source":"baseline_policy","protocol":"https_connect","host":"auth.openai.com","port":443}\nCodex blocked this request: domain not in allowlist (this is not a denylist block).';
    const denied = classify(new ProxyResponseError(head(403, { 'x-proxy-error': ['blocked-by-allowlist'] }, 'Forbidden'), body, false), 'proxy-connect');
    expect(denied).toMatchObject({ code: 'NET_CODEX_POLICY_DENIED', stage: 'policy' });
    expect(denied.detail).toBe(
      'Codex\'s own network policy refused the connection (its managed proxy answered 403 Forbidden: "Codex blocked this request: domain not in allowlist (this is not a denylist block)."); the corporate proxy was not asked.',
    );
    const app = classify(new ProxyResponseError(head(403), 'error: destination denied by application network policy', false), 'proxy-connect');
    expect(app.code).toBe('NET_CODEX_POLICY_DENIED');
    // The same words in another status are not a policy decision.
    expect(classify(new ProxyResponseError(head(502), body, false), 'proxy-connect').code).toBe('PROXY_UPSTREAM_FAILED');
  });

  it('classifies a closed connection, a non-HTTP answer and an unusable scheme', () => {
    expect(classify(new ProxyClosedError(0), 'proxy-connect')).toMatchObject({ code: 'PROXY_CLOSED', detail: 'The proxy closed the connection without answering CONNECT.' });
    expect(classify(new ProxyProtocolError('\u0016\u0003\u0001'), 'proxy-connect').code).toBe('PROXY_NOT_HTTP');
    const scheme = classify(new ProxySchemeError('https', 'websocket', 'Proxy URL scheme not supported'), 'input');
    expect(scheme).toMatchObject({ code: 'PROXY_SCHEME_UNSUPPORTED', stage: 'proxy-connect' });
    expect(scheme.detail).toBe('Proxy URL scheme not supported (the WebSocket transport cannot use a https proxy).');
  });

  it('maps SOCKS5 answers', () => {
    expect(classify(new SocksError('greeting', null, false, 'not SOCKS5'), 'proxy-connect').code).toBe('PROXY_NOT_HTTP');
    expect(classify(new SocksError('greeting', 0xff, false, 'no method'), 'proxy-connect')).toMatchObject({ code: 'PROXY_AUTH_REQUIRED', stage: 'proxy-auth' });
    expect(classify(new SocksError('greeting', 0xff, true, 'no method'), 'proxy-connect').code).toBe('PROXY_AUTH_SCHEME_UNSUPPORTED');
    expect(classify(new SocksError('auth', 1, true, 'refused'), 'proxy-connect').code).toBe('PROXY_AUTH_REJECTED');
    expect(classify(new SocksError('connect', 2, false, 'ruleset'), 'proxy-connect').code).toBe('PROXY_BLOCKED');
    expect(classify(new SocksError('connect', 4, false, 'host unreachable'), 'proxy-connect').code).toBe('PROXY_UPSTREAM_FAILED');
    expect(classify(new SocksError('connect', 7, false, 'command'), 'proxy-connect').code).toBe('PROXY_CONNECT_REJECTED');
  });
});

describe('classify: waiting too long', () => {
  it.each([
    ['dns', 'NET_TIMEOUT'],
    ['tcp', 'NET_TIMEOUT'],
    ['proxy-connect', 'PROXY_NO_RESPONSE'],
    ['proxy-auth', 'PROXY_NO_RESPONSE'],
    ['tls-handshake', 'TLS_HANDSHAKE_TIMEOUT'],
    ['http', 'OAUTH_TIMEOUT'],
    ['ws-upgrade', 'WS_TIMEOUT'],
  ] as const)("the probe's budget running out at %s is %s", (stage, expected) => {
    expect(classify(new ProbeTimeoutError(9000), stage)).toMatchObject({ code: expected, stage });
  });

  it("reports the run's own deadline (or Ctrl-C) as RUN_DEADLINE at the stage it was in", () => {
    const abort = Object.assign(new Error('run deadline passed'), { name: 'AbortError' });
    expect(classify(abort, 'proxy-connect')).toMatchObject({ code: 'RUN_DEADLINE', stage: 'proxy-connect' });
  });

  it('says a bad 101 handshake is an invalid handshake, not a stripped upgrade', () => {
    const head = { status: 101, reason: 'Switching Protocols', headers: { upgrade: ['h2c'] } };
    expect(classify(new UpgradeHandshakeError(head, 'No "Upgrade: websocket" header'), 'ws-upgrade')).toMatchObject({ code: 'WS_HANDSHAKE_INVALID', stage: 'ws-upgrade' });
  });
});

describe('classify: what the network did not do', () => {
  it.each([
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'head')")],
    ['a RangeError', new RangeError('Invalid array length')],
    ['a ReferenceError', new ReferenceError('socket is not defined')],
    ['a SyntaxError', new SyntaxError('Unexpected token < in JSON')],
    ["a Node argument error, although it has a code", Object.assign(new TypeError('The "port" argument must be of type number'), { code: 'ERR_INVALID_ARG_TYPE' })],
    ['an Error without a code', new Error('refusing to send a request over an unverified TLS connection')],
    ['something thrown that is not an Error', { oops: true }],
  ])('throws %s back (a bug of ours), never NET_ERROR', (_what, raw) => {
    expect(isNetworkError(raw)).toBe(false);
    expect(() => classify(raw, 'tcp')).toThrow();
  });

  it('classifies Node system and TLS errors, aborts and our own probe errors', () => {
    expect(isNetworkError(nodeError('EPROTO'))).toBe(true);
    expect(isNetworkError(new Error('error:0A00010B:SSL routines::wrong version number'))).toBe(true);
    expect(isNetworkError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(true);
    expect(isNetworkError(new ProxyClosedError(0))).toBe(true);
  });

  it("says the lab refused a destination it does not route, at dns, naming it", () => {
    expect(classify(new DialRefusedError('192.0.2.1:8080'), 'dns', { proxied: true })).toMatchObject({
      code: 'LAB_ROUTE_REFUSED',
      stage: 'dns',
      detail: 'The lab refused to connect to 192.0.2.1:8080 (the proxy): a lab run reaches only 127.0.0.1 and the hosts the lab routes, never DNS or the network.',
    });
  });
});

describe('pageTitle', () => {
  it('takes the <title>, else the first text, collapsed and bounded', () => {
    expect(pageTitle('<title>\n  Access   Denied </title>')).toBe('Access Denied');
    expect(pageTitle('<h1>Blocked</h1><p>by policy</p>')).toBe('Blocked by policy');
    expect(pageTitle('   ')).toBeUndefined();
    expect(pageTitle('x'.repeat(500))?.length).toBe(120);
  });
});
