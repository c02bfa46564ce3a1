import { describe, expect, it } from 'vitest';
import { caseConflicts, describeProxyDecision, proxyFor, redactProxyValue, unencodedAtInUserinfo, type ProxyDecision } from '../../src/codex/proxy.js';
import type { SystemProxySettings } from '../../src/codex/system-proxy.js';

const AUTH = 'https://auth.openai.com/oauth/token';
const WSS = 'wss://chatgpt.com/backend-api/codex/responses';

/** The decision in one line: what a user would read, minus the wording. */
function route(d: ProxyDecision): string {
  switch (d.kind) {
    case 'direct':
      return 'direct';
    case 'proxy':
      return `proxy ${d.variable} ${d.url.display}`;
    case 'unsupported':
      return `unsupported ${d.variable} ${d.scheme || '(none)'}: ${d.message}`;
    case 'invalid':
      return `invalid ${d.variable}: ${d.message}`;
    case 'bypassed':
      return `bypassed ${d.noProxyVariable}=${d.noProxyEntry} (${d.variable})`;
  }
}

describe('proxyFor https (reqwest + hyper-util rules)', () => {
  it.each<[string, Record<string, string>, string]>([
    ['nothing set', {}, 'direct'],
    ['HTTPS_PROXY', { HTTPS_PROXY: 'http://proxy.corp:8080' }, 'proxy HTTPS_PROXY http://proxy.corp:8080'],
    ['lower-case https_proxy', { https_proxy: 'http://proxy.corp:8080' }, 'proxy https_proxy http://proxy.corp:8080'],
    ['upper case wins', { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' }, 'proxy HTTPS_PROXY http://upper:1'],
    ['an empty upper-case name hides the lower-case one', { HTTPS_PROXY: '', https_proxy: 'http://lower:2' }, 'direct'],
    ['no scheme means http://', { HTTPS_PROXY: 'proxy.corp:3128' }, 'proxy HTTPS_PROXY http://proxy.corp:3128'],
    ['no port: 80 for http', { HTTPS_PROXY: 'http://proxy.corp' }, 'proxy HTTPS_PROXY http://proxy.corp:80'],
    ['an https:// proxy works for HTTPS', { HTTPS_PROXY: 'https://proxy.corp' }, 'proxy HTTPS_PROXY https://proxy.corp:443'],
    ['HTTP_PROXY is never used for https://', { HTTP_PROXY: 'http://proxy.corp:8080' }, 'direct'],
    ['ALL_PROXY when HTTPS_PROXY is unset', { ALL_PROXY: 'http://all:3128', HTTP_PROXY: 'http://h:1' }, 'proxy ALL_PROXY http://all:3128'],
    ['HTTPS_PROXY before ALL_PROXY', { ALL_PROXY: 'http://all:3128', HTTPS_PROXY: 'http://s:1' }, 'proxy HTTPS_PROXY http://s:1'],
    [
      'socks5 parses but is not compiled in',
      { HTTPS_PROXY: 'socks5://socks:1080' },
      'unsupported HTTPS_PROXY socks5: SOCKS support is not compiled into Codex\'s HTTPS client: requests fail with "error sending request for url (https://auth.openai.com/oauth/token)"',
    ],
    [
      'socks5h in ALL_PROXY',
      { all_proxy: 'socks5h://socks' },
      'unsupported all_proxy socks5h: SOCKS support is not compiled into Codex\'s HTTPS client: requests fail with "error sending request for url (https://auth.openai.com/oauth/token)"',
    ],
    ['literal quotes: silently skipped', { HTTPS_PROXY: '"http://proxy.corp:8080"' }, 'direct'],
    ['a leading blank is not trimmed: skipped', { HTTPS_PROXY: ' http://proxy.corp:8080' }, 'direct'],
    ['an unknown scheme is skipped, ALL_PROXY used', { HTTPS_PROXY: 'ftp://x:21', ALL_PROXY: 'http://all:1' }, 'proxy ALL_PROXY http://all:1'],
    ['credentials are kept out of the URL', { HTTPS_PROXY: 'http://alice:s%40cret@proxy.corp:8080' }, 'proxy HTTPS_PROXY http://[redacted]@proxy.corp:8080'],
    ['a user without password', { HTTPS_PROXY: 'http://alice@proxy.corp:8080' }, 'proxy HTTPS_PROXY http://[redacted]@proxy.corp:8080'],
    ['REQUEST_METHOD (CGI) disables every proxy', { REQUEST_METHOD: 'GET', HTTPS_PROXY: 'http://proxy.corp:8080' }, 'direct'],
    ['NO_PROXY alone', { NO_PROXY: '*' }, 'direct'],
  ])('%s', (_, env, expected) => {
    expect(route(proxyFor('https', AUTH, env))).toBe(expected);
  });

  it('explains why it connects directly', () => {
    const d = proxyFor('https', AUTH, { HTTP_PROXY: 'http://proxy.corp:8080' });
    expect(d).toMatchObject({ kind: 'direct', reason: 'no usable proxy variable applies to https:// URLs (HTTPS_PROXY or ALL_PROXY)' });
    expect(d.notes).toEqual([
      {
        kind: 'http-proxy-not-for-https',
        variable: 'HTTP_PROXY',
        text: 'HTTP_PROXY is set, but the HTTPS client uses it only for http:// URLs, never for https://',
      },
    ]);
    expect(proxyFor('https', AUTH, { REQUEST_METHOD: '', HTTPS_PROXY: 'http://p:1' })).toMatchObject({
      kind: 'direct',
      reason: 'REQUEST_METHOD is set, so the HTTPS client behaves as a CGI script and ignores every proxy variable',
    });
  });

  it('notes a value it skips, with the password redacted', () => {
    const d = proxyFor('https', AUTH, { HTTPS_PROXY: 'http://alice:pa/ss@proxy.corp:8080', ALL_PROXY: 'http://all:3128' });
    expect(route(d)).toBe('proxy ALL_PROXY http://all:3128');
    expect(d.notes).toEqual([
      {
        kind: 'ignored-invalid',
        variable: 'HTTPS_PROXY',
        text: 'HTTPS_PROXY=http://[redacted]@proxy.corp:8080 is ignored by the HTTPS client: the port is not a number from 0 to 65535 (a password with : / @ # ? must be percent-encoded)',
      },
    ]);
    expect(JSON.stringify(d)).not.toContain('pa/ss');
  });

  it('reports the credentials without the password', () => {
    const d = proxyFor('https', AUTH, { HTTPS_PROXY: 'http://corp%5Calice:s3cret@proxy.corp:8080' });
    expect(d).toMatchObject({ kind: 'proxy', credentials: { username: 'corp\\alice', hasPassword: true }, url: { scheme: 'http', host: 'proxy.corp', port: 8080 } });
    expect(JSON.stringify(d)).not.toContain('s3cret');
  });

  it.each<[string, string, string | null]>([
    [AUTH, 'openai.com', 'openai.com'],
    [AUTH, '.openai.com', '.openai.com'],
    [AUTH, 'localhost, auth.openai.com ,127.0.0.1', 'auth.openai.com'],
    [AUTH, 'localhost,*', '*'],
    [AUTH, '.OpenAI.com', '.OpenAI.com'],
    [AUTH, 'auth.openai.com:443', null],
    [AUTH, 'i.com', null],
    [AUTH, 'ai.com,penai.com', null],
    ['https://chatgpt.com/backend-api/codex', 'gpt.com', null],
    ['https://198.51.100.7/v1', '198.51.0.0/16', '198.51.0.0/16'],
    ['https://198.51.100.7/v1', '198.51.100.7', '198.51.100.7'],
    ['https://198.51.100.7/v1', '203.0.113.0/24', null],
    ['https://[::1]:8443/v1', '::1', '::1'],
  ])('NO_PROXY for %s with %j', (target, noProxy, entry) => {
    const d = proxyFor('https', target, { HTTPS_PROXY: 'http://proxy.corp:8080', NO_PROXY: noProxy });
    expect(route(d)).toBe(entry === null ? 'proxy HTTPS_PROXY http://proxy.corp:8080' : `bypassed NO_PROXY=${entry} (HTTPS_PROXY)`);
  });

  it('reads no_proxy when NO_PROXY is not set, and NO_PROXY="" when it is', () => {
    expect(route(proxyFor('https', AUTH, { HTTPS_PROXY: 'http://p:1', no_proxy: 'openai.com' }))).toBe('bypassed no_proxy=openai.com (HTTPS_PROXY)');
    expect(route(proxyFor('https', AUTH, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '', no_proxy: 'openai.com' }))).toBe('proxy HTTPS_PROXY http://p:1');
  });
});

describe('proxyFor websocket (tungstenite rules)', () => {
  it.each<[string, Record<string, string>, string]>([
    ['nothing set', {}, 'direct'],
    ['HTTPS_PROXY', { HTTPS_PROXY: 'http://proxy.corp:8080' }, 'proxy HTTPS_PROXY http://proxy.corp:8080'],
    ['HTTP_PROXY is used for wss://', { HTTP_PROXY: 'http://proxy.corp:8080' }, 'proxy HTTP_PROXY http://proxy.corp:8080'],
    ['HTTPS_PROXY before HTTP_PROXY', { HTTP_PROXY: 'http://h:1', HTTPS_PROXY: 'http://s:2' }, 'proxy HTTPS_PROXY http://s:2'],
    ['ALL_PROXY last', { ALL_PROXY: 'http://all:3' }, 'proxy ALL_PROXY http://all:3'],
    ['socks5 works here', { ALL_PROXY: 'socks5://socks' }, 'proxy ALL_PROXY socks5://socks:1080'],
    ['socks5h works here', { HTTPS_PROXY: 'socks5h://socks:1081' }, 'proxy HTTPS_PROXY socks5h://socks:1081'],
    ['an https:// proxy fails', { HTTPS_PROXY: 'https://proxy.corp:8443' }, 'unsupported HTTPS_PROXY https: Proxy URL scheme not supported'],
    ['no scheme fails', { HTTPS_PROXY: 'proxy.corp:8080' }, 'unsupported HTTPS_PROXY (none): Proxy URL scheme not supported'],
    ['socks4 fails', { HTTPS_PROXY: 'socks4://socks:1080' }, 'unsupported HTTPS_PROXY socks4: Proxy URL scheme not supported'],
    [
      'an empty upper-case name hides the lower-case one and counts as unset',
      { HTTPS_PROXY: '', https_proxy: 'http://lower:1', HTTP_PROXY: 'http://h:2' },
      'proxy HTTP_PROXY http://h:2',
    ],
    ['the value is trimmed', { HTTPS_PROXY: ' http://proxy.corp:8080 ' }, 'proxy HTTPS_PROXY http://proxy.corp:8080'],
    ['blanks inside are invalid', { HTTPS_PROXY: 'http://proxy.corp:8080 x' }, 'invalid HTTPS_PROXY: Invalid proxy configuration: http://proxy.corp:8080 x'],
    [
      'a bad percent-escape in the password is invalid',
      { HTTPS_PROXY: 'http://alice:50%zz@proxy.corp:8080' },
      'invalid HTTPS_PROXY: Invalid proxy configuration: invalid percent-encoding',
    ],
    ['credentials are kept out of the URL', { HTTPS_PROXY: 'http://alice:s%40cret@proxy.corp:8080' }, 'proxy HTTPS_PROXY http://[redacted]@proxy.corp:8080'],
    ['REQUEST_METHOD changes nothing here', { REQUEST_METHOD: 'GET', HTTPS_PROXY: 'http://p:1' }, 'proxy HTTPS_PROXY http://p:1'],
  ])('%s', (_, env, expected) => {
    expect(route(proxyFor('websocket', WSS, env))).toBe(expected);
  });

  it('never shows the password of an invalid value', () => {
    const d = proxyFor('websocket', WSS, { HTTPS_PROXY: 'http://alice:s3cret@proxy.corp:8080 ' + 'x' });
    expect(route(d)).toBe('invalid HTTPS_PROXY: Invalid proxy configuration: http://[redacted]@proxy.corp:8080 x');
    expect(JSON.stringify(d)).not.toContain('s3cret');
  });

  it.each<[string, string, string | null]>([
    [WSS, 'chatgpt.com', 'chatgpt.com'],
    [WSS, '.chatgpt.com', '.chatgpt.com'],
    [WSS, ' localhost , chatgpt.com ', 'chatgpt.com'],
    [WSS, 'ChatGPT.com', null],
    [WSS, 'chatgpt.com:443', 'chatgpt.com:443'],
    [WSS, 'chatgpt.com:8443', null],
    [WSS, '*', '*'],
    [WSS, 'localhost,*', null],
    [WSS, 'gpt.com', null],
    ['wss://api.openai.com/v1/responses', 'openai.com', 'openai.com'],
    ['wss://198.51.100.7/v1/responses', '198.51.0.0/16', null],
    ['wss://198.51.100.7/v1/responses', '198.51.100.7', '198.51.100.7'],
  ])('NO_PROXY for %s with %j', (target, noProxy, entry) => {
    const d = proxyFor('websocket', target, { HTTPS_PROXY: 'http://proxy.corp:8080', NO_PROXY: noProxy });
    expect(route(d)).toBe(entry === null ? 'proxy HTTPS_PROXY http://proxy.corp:8080' : `bypassed NO_PROXY=${entry} (HTTPS_PROXY)`);
  });

  it('bypasses before looking at the proxy value, so even an unusable proxy is skipped', () => {
    expect(route(proxyFor('websocket', WSS, { HTTPS_PROXY: 'https://proxy.corp', NO_PROXY: 'chatgpt.com' }))).toBe('bypassed NO_PROXY=chatgpt.com (HTTPS_PROXY)');
  });
});

describe('an empty upper-case proxy variable disables its lower-case twin on both transports (0.169.0)', () => {
  const env = { HTTPS_PROXY: '', https_proxy: 'http://lower.corp:8080' };

  it('sends login, API and WebSocket direct, and names the empty variable as the reason', () => {
    for (const [transport, url] of [['https', AUTH], ['websocket', WSS]] as const) {
      const d = proxyFor(transport, url, env);
      expect(d).toMatchObject({ kind: 'direct', reason: 'HTTPS_PROXY is set but empty, which hides https_proxy: Codex uses neither', hiddenBy: { upper: 'HTTPS_PROXY', lower: 'https_proxy' } });
    }
  });

  it('ALL_PROXY="" hides all_proxy the same way', () => {
    expect(proxyFor('https', AUTH, { ALL_PROXY: '', all_proxy: 'http://all.corp:3128' })).toMatchObject({ kind: 'direct', hiddenBy: { upper: 'ALL_PROXY', lower: 'all_proxy' } });
  });

  it('is no reason when another variable still gives a proxy (the WebSocket falls back to HTTP_PROXY)', () => {
    const d = proxyFor('websocket', WSS, { ...env, HTTP_PROXY: 'http://h.corp:3128' });
    expect(route(d)).toBe('proxy HTTP_PROXY http://h.corp:3128');
    expect(proxyFor('https', AUTH, { HTTPS_PROXY: '' })).not.toHaveProperty('hiddenBy');
  });
});

describe('proxyFor with --proxy', () => {
  it('replaces the environment proxy for both transports, keeping each transport\'s scheme rules and NO_PROXY', () => {
    const env = { HTTPS_PROXY: 'http://env:1', ALL_PROXY: 'http://all:2' };
    expect(route(proxyFor('https', AUTH, env, 'http://flag:3128'))).toBe('proxy --proxy http://flag:3128');
    expect(route(proxyFor('websocket', WSS, env, 'http://flag:3128'))).toBe('proxy --proxy http://flag:3128');
    expect(route(proxyFor('https', AUTH, env, 'https://flag:8443'))).toBe('proxy --proxy https://flag:8443');
    expect(route(proxyFor('websocket', WSS, env, 'https://flag:8443'))).toBe('unsupported --proxy https: Proxy URL scheme not supported');
    expect(route(proxyFor('https', AUTH, { NO_PROXY: '.openai.com' }, 'http://flag:3128'))).toBe('bypassed NO_PROXY=.openai.com (--proxy)');
  });
});

describe('caseConflicts', () => {
  it('reports pairs that disagree, with passwords redacted', () => {
    expect(
      caseConflicts({
        HTTPS_PROXY: 'http://alice:s3cret@a:1',
        https_proxy: 'http://b:2',
        HTTP_PROXY: 'http://same:1',
        http_proxy: 'http://same:1',
        NO_PROXY: '',
        no_proxy: 'localhost',
      }),
    ).toEqual([
      { upper: 'HTTPS_PROXY', lower: 'https_proxy', upperValue: 'http://[redacted]@a:1', lowerValue: 'http://b:2', upperEmpty: false },
      { upper: 'NO_PROXY', lower: 'no_proxy', upperValue: '', lowerValue: 'localhost', upperEmpty: true },
    ]);
  });
});

describe('redactProxyValue', () => {
  it.each([
    ['http://alice:s3cret@proxy:8080', 'http://[redacted]@proxy:8080'],
    ['alice:s3cret@proxy:8080', '[redacted]@proxy:8080'],
    ['http://alice:pa/ss@proxy:8080', 'http://[redacted]@proxy:8080'],
    ['http://alice:p@ss@proxy:8080', 'http://[redacted]@proxy:8080'],
    ['http://alice@proxy:8080', 'http://[redacted]@proxy:8080'],
    ['http://proxy:8080', 'http://proxy:8080'],
    ['', ''],
  ])('%s', (value, expected) => {
    expect(redactProxyValue(value)).toBe(expected);
  });
});

describe('describeProxyDecision', () => {
  it('says where the variable comes from', () => {
    const origin = (): string => 'from the shell';
    expect(describeProxyDecision(proxyFor('https', AUTH, { HTTPS_PROXY: 'http://p:1' }), origin)).toBe('goes through http://p:1 (HTTPS_PROXY, from the shell)');
    expect(describeProxyDecision(proxyFor('websocket', WSS, { HTTPS_PROXY: 'https://alice:x@p:1' }), origin)).toBe(
      'fails: HTTPS_PROXY (from the shell) is an https:// proxy (https://[redacted]@p:1): Proxy URL scheme not supported',
    );
    expect(describeProxyDecision(proxyFor('websocket', WSS, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '*' }))).toBe('connects directly: NO_PROXY entry "*" bypasses HTTPS_PROXY');
  });
});

describe('an unencoded @ in the proxy credentials', () => {
  const env = { HTTPS_PROXY: 'http://alice:S3cr3t@Pass@proxy.corp:8080' };

  it('HTTPS (hyper-util) ends the userinfo at the first @, WebSocket (http::Uri) at the last; both dial the same host', () => {
    const https = proxyFor('https', AUTH, env);
    const websocket = proxyFor('websocket', WSS, env);
    expect(https).toMatchObject({ kind: 'proxy', url: { host: 'proxy.corp', port: 8080 }, credentials: { username: 'alice', hasPassword: true } });
    expect(websocket).toMatchObject({ kind: 'proxy', url: { host: 'proxy.corp', port: 8080 }, credentials: { username: 'alice', hasPassword: true } });
    // An @ in the user name: HTTPS sends the part before it, with no password at all.
    const email = { HTTPS_PROXY: 'http://alice@corp.example:S3cr3t@proxy.corp:8080' };
    expect(proxyFor('https', AUTH, email)).toMatchObject({ kind: 'proxy', credentials: { username: 'alice', hasPassword: false } });
    expect(proxyFor('websocket', WSS, email)).toMatchObject({ kind: 'proxy', credentials: { username: 'alice@corp.example', hasPassword: true } });
    expect(JSON.stringify([https, websocket])).not.toMatch(/S3cr3t|Pass@/);
  });

  it('unencodedAtInUserinfo says what each client sends, never the password', () => {
    expect(unencodedAtInUserinfo(env.HTTPS_PROXY)).toEqual({ https: { username: 'alice', hasPassword: true }, websocket: { username: 'alice', hasPassword: true } });
    expect(unencodedAtInUserinfo('alice@corp.example:pw@proxy:1')).toEqual({ https: { username: 'alice', hasPassword: false }, websocket: { username: 'alice@corp.example', hasPassword: true } });
    expect(unencodedAtInUserinfo('http://alice:S3cr3t%40Pass@proxy.corp:8080')).toBeNull();
    expect(unencodedAtInUserinfo('http://proxy.corp:8080')).toBeNull();
  });
});

describe('proxyFor https with the macOS/Windows system proxy settings', () => {
  const system = (https: string | null, noProxy: string | null = null): SystemProxySettings => ({
    platform: 'win32',
    command: 'reg query',
    error: null,
    https,
    noProxy,
    exceptions: [],
    pac: null,
  });

  it('fills the https slot when HTTPS_PROXY is unset or empty, and comes before ALL_PROXY', () => {
    expect(route(proxyFor('https', AUTH, {}, undefined, system('secure.corp:8443')))).toBe('proxy system http://secure.corp:8443');
    expect(route(proxyFor('https', AUTH, { HTTPS_PROXY: '' }, undefined, system('secure.corp:8443')))).toBe('proxy system http://secure.corp:8443');
    expect(route(proxyFor('https', AUTH, { ALL_PROXY: 'http://all:1' }, undefined, system('secure.corp:8443')))).toBe('proxy system http://secure.corp:8443');
    expect(describeProxyDecision(proxyFor('https', AUTH, {}, undefined, system('secure.corp:8443')))).toBe('goes through http://secure.corp:8443 (the system proxy settings)');
  });

  it('leaves the environment in charge when it sets HTTPS_PROXY, and --proxy above both', () => {
    expect(route(proxyFor('https', AUTH, { HTTPS_PROXY: 'http://env:1' }, undefined, system('secure.corp:8443')))).toBe('proxy HTTPS_PROXY http://env:1');
    expect(route(proxyFor('https', AUTH, {}, 'http://flag:2', system('secure.corp:8443')))).toBe('proxy --proxy http://flag:2');
  });

  it('is never read by the WebSocket client', () => {
    expect(route(proxyFor('websocket', WSS, {}, undefined, system('secure.corp:8443')))).toBe('direct');
  });

  it('applies the Windows exceptions when NO_PROXY is empty, whichever proxy is used', () => {
    expect(route(proxyFor('https', AUTH, {}, undefined, system('secure.corp:8443', '<local>,openai.com')))).toBe('bypassed ProxyOverride=openai.com (system)');
    expect(route(proxyFor('https', AUTH, { HTTPS_PROXY: 'http://env:1' }, undefined, system(null, 'openai.com')))).toBe('bypassed ProxyOverride=openai.com (HTTPS_PROXY)');
    expect(route(proxyFor('https', AUTH, { HTTPS_PROXY: 'http://env:1', NO_PROXY: 'localhost' }, undefined, system(null, 'openai.com')))).toBe('proxy HTTPS_PROXY http://env:1');
  });

  it('says the system settings were looked at when nothing applies', () => {
    expect(proxyFor('https', AUTH, {}, undefined, system(null))).toMatchObject({
      kind: 'direct',
      reason: 'no usable proxy variable applies to https:// URLs (HTTPS_PROXY or ALL_PROXY), and the system proxy settings set no HTTPS proxy',
    });
  });

  it('a SOCKS system proxy fails for HTTPS like a SOCKS variable', () => {
    expect(route(proxyFor('https', AUTH, {}, undefined, system('socks5://s.corp:1080')))).toMatch(/^unsupported system socks5: SOCKS support is not compiled/);
  });
});
