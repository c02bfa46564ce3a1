// env.precedence, proxy half: the route per transport, proxy values Codex cannot use, NO_PROXY, the system
// proxy settings, [features] and OPENAI_BASE_URL.
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/env-precedence.js';

describe('env.precedence: proxies', () => {
  it('warns about upper/lower-case conflicts and an empty upper-case name', async () => {
    const r = await run({ HTTPS_PROXY: 'http://a.corp:8080', https_proxy: 'http://b.corp:3128', NO_PROXY: '', no_proxy: 'localhost' });
    expect(r.all('ENV_PROXY_CASE_CONFLICT')).toEqual([
      {
        level: 'warn',
        code: 'ENV_PROXY_CASE_CONFLICT',
        stage: 'input',
        detail:
          'HTTPS_PROXY=http://a.corp:8080 and https_proxy=http://b.corp:3128 differ: Codex uses HTTPS_PROXY (upper case wins) for both transports, while other tools may pick https_proxy.',
        hints: [
          {
            text: 'If https_proxy holds the right proxy, give HTTPS_PROXY its value: Codex reads HTTPS_PROXY, and both spellings then agree.',
            command: 'export HTTPS_PROXY="$https_proxy"',
          },
          { text: 'Or unset HTTPS_PROXY in the shell profile, CI or IDE settings that set it so that Codex reads https_proxy.', command: 'unset HTTPS_PROXY' },
        ],
      },
    ]);
    expect(r.all('ENV_PROXY_EMPTY_UPPER')).toEqual([
      {
        level: 'warn',
        code: 'ENV_PROXY_EMPTY_UPPER',
        stage: 'input',
        detail: 'NO_PROXY is set but empty, which hides no_proxy=localhost: Codex uses neither, for HTTPS and WebSocket alike, so no host bypasses the proxy.',
        hints: [{ text: 'Unset NO_PROXY in the shell profile, CI or IDE settings that set it so that Codex reads no_proxy.', command: 'unset NO_PROXY' }],
      },
    ]);
  });

  it('explains that an empty HTTPS_PROXY sends login, API and the WebSocket direct (0.169.0), and the route says why', async () => {
    const r = await run({ HTTPS_PROXY: '', https_proxy: 'http://alice:s3cret@proxy.corp:8080' }, { codex: '0.169.0' });
    const finding = r.one('ENV_PROXY_EMPTY_UPPER');
    expect(finding.detail).toBe(
      'HTTPS_PROXY is set but empty, which hides https_proxy=http://[redacted]@proxy.corp:8080: Codex uses neither, for HTTPS and WebSocket alike, so Codex connects directly, not through http://[redacted]@proxy.corp:8080: HTTPS (login, API) to auth.openai.com, api.openai.com and chatgpt.com; WebSocket (streaming) to chatgpt.com and api.openai.com.',
    );
    expect(finding.hints).toEqual([{ text: 'Unset HTTPS_PROXY in the shell profile, CI or IDE settings that set it so that Codex reads https_proxy.', command: 'unset HTTPS_PROXY' }]);
    // The fix as data (the helper above leaves actions out of what it compares).
    expect(r.record.findings.find((f) => f.code === 'ENV_PROXY_EMPTY_UPPER')?.hints?.[0]?.action).toEqual({ kind: 'unset-env', name: 'HTTPS_PROXY', target: 'shell-profile' });
    expect(r.all('ENV_PROXY_CASE_CONFLICT')).toEqual([]);
    expect(r.facts.proxies.every((d) => d.kind === 'direct' && d.hiddenBy?.upper === 'HTTPS_PROXY')).toBe(true);
    expect(JSON.stringify(r.record)).not.toContain('s3cret');
  });

  it('warns that an https:// proxy fails for WebSocket only', async () => {
    const r = await run({ HTTPS_PROXY: 'https://alice:s3cret@proxy.corp:8443' });
    expect(r.one('ENV_PROXY_SCHEME_UNSUPPORTED')).toEqual({
      level: 'warn',
      code: 'ENV_PROXY_SCHEME_UNSUPPORTED',
      stage: 'input',
      detail:
        'HTTPS_PROXY=https://[redacted]@proxy.corp:8443 is an https:// proxy, which Codex\'s WebSocket client cannot use: streaming to chatgpt.com and api.openai.com fails with "Proxy URL scheme not supported", and Codex falls back to HTTPS after 5 attempts.',
      hints: [
        // Not `export HTTPS_PROXY=http://proxy.corp:8443`: that drops the credentials, and the proxy answers 407.
        {
          text: "Use the proxy's http:// address (most proxies accept plain-HTTP CONNECT; check the port with the network team), with the same user name and password in front of the host: the doctor never writes a password into a command.",
        },
      ],
    });
    expect(r.record.findings.find((f) => f.code === 'ENV_PROXY_SCHEME_UNSUPPORTED')?.hints?.[0]?.action).toEqual({ kind: 'manual', topic: 'encode-credentials' });
    expect(r.all('ENV_PROXY_SELECTED').map((f) => f.detail)).toEqual([
      'HTTPS (login, API): to auth.openai.com, api.openai.com and chatgpt.com it goes through https://[redacted]@proxy.corp:8443 (HTTPS_PROXY, from the shell).',
      'WebSocket (streaming): to chatgpt.com and api.openai.com it fails: HTTPS_PROXY (from the shell) is an https:// proxy (https://[redacted]@proxy.corp:8443): Proxy URL scheme not supported.',
    ]);
  });

  it('warns that a scheme-less proxy fails for WebSocket', async () => {
    const r = await run({ HTTPS_PROXY: 'proxy.corp:8080' });
    expect(r.one('ENV_PROXY_SCHEME_UNSUPPORTED')).toMatchObject({
      detail:
        'HTTPS_PROXY=proxy.corp:8080 has no scheme, which Codex\'s WebSocket client cannot use: streaming to chatgpt.com and api.openai.com fails with "Proxy URL scheme not supported", and Codex falls back to HTTPS after 5 attempts.',
      hints: [{ command: 'export HTTPS_PROXY=http://proxy.corp:8080' }],
    });
  });

  it('warns that a SOCKS proxy fails for HTTPS but serves WebSocket', async () => {
    const r = await run({ ALL_PROXY: 'socks5h://socks.corp:1080' });
    expect(r.one('ENV_PROXY_SCHEME_UNSUPPORTED')).toEqual({
      level: 'warn',
      code: 'ENV_PROXY_SCHEME_UNSUPPORTED',
      stage: 'input',
      detail:
        'ALL_PROXY=socks5h://socks.corp:1080 is a socks5h:// proxy, but SOCKS is not compiled into Codex\'s HTTPS client: login and API requests to auth.openai.com, api.openai.com and chatgpt.com fail ("error sending request for url").',
      // No address to derive from a SOCKS URL: finding the HTTP proxy is the user's (or IT's), never a placeholder to apply.
      hints: [
        {
          text: "Point ALL_PROXY at an HTTP proxy, written http://host:port. The doctor cannot know its address: your browser's proxy settings or PAC file name it (most corporate proxies also accept plain-HTTP CONNECT, often on port 8080 or 3128); if there is none, ask your network team for one.",
        },
      ],
    });
    expect(r.all('ENV_PROXY_SELECTED')[1]!.detail).toBe(
      'WebSocket (streaming): to chatgpt.com and api.openai.com it goes through socks5h://socks.corp:1080 (ALL_PROXY, from the shell).',
    );
  });

  it('warns when only HTTP_PROXY is set', async () => {
    const r = await run({ HTTP_PROXY: 'http://proxy.corp:8080' });
    expect(r.one('ENV_PROXY_HTTP_ONLY')).toEqual({
      level: 'warn',
      code: 'ENV_PROXY_HTTP_ONLY',
      stage: 'input',
      detail:
        "Only HTTP_PROXY=http://proxy.corp:8080 is set: Codex's HTTPS client (login, API) never uses it for https:// URLs and connects directly, while WebSocket streaming does use it.",
      hints: [{ text: 'Set HTTPS_PROXY to the same proxy.', command: 'export HTTPS_PROXY="$HTTP_PROXY"' }],
    });
  });

  it('warns about NO_PROXY entries that bypass the proxy for OpenAI hosts, per transport', async () => {
    const r = await run({ HTTPS_PROXY: 'http://proxy.corp:8080', NO_PROXY: 'localhost,.OpenAI.com,10.0.0.0/8' });
    expect(r.one('ENV_NO_PROXY_BYPASS')).toEqual({
      level: 'warn',
      code: 'ENV_NO_PROXY_BYPASS',
      stage: 'input',
      detail:
        'NO_PROXY entry ".OpenAI.com" makes Codex skip the proxy (HTTPS_PROXY) and connect directly for HTTPS to auth.openai.com and api.openai.com (WebSocket still uses the proxy: the two transports match NO_PROXY differently). Where the proxy is the only way out, those connections fail.',
      hints: [{ text: 'Remove ".OpenAI.com" from NO_PROXY.', command: 'export NO_PROXY=localhost,10.0.0.0/8' }],
    });
  });

  it('warns about NO_PROXY=* with the command to remove it', async () => {
    const r = await run({ HTTPS_PROXY: 'http://proxy.corp:8080', NO_PROXY: '*' });
    expect(r.one('ENV_NO_PROXY_BYPASS')).toMatchObject({
      detail:
        'NO_PROXY entry "*" makes Codex skip the proxy (HTTPS_PROXY) and connect directly for HTTPS to auth.openai.com, api.openai.com and chatgpt.com and WebSocket to chatgpt.com and api.openai.com. Where the proxy is the only way out, those connections fail.',
      hints: [{ text: 'Unset NO_PROXY in the shell profile, CI or IDE settings that set it.', command: 'unset NO_PROXY' }],
    });
  });

  it('warns about a proxy value the HTTPS client skips silently, and one WebSocket cannot parse; the fix is the value without its quotes', async () => {
    const r = await run({ HTTPS_PROXY: '"http://proxy.corp:8080"' });
    const fix = { text: "Write it as http://proxy.corp:8080, which both of Codex's clients read.", command: 'export HTTPS_PROXY=http://proxy.corp:8080' };
    expect(r.all('ENV_PROXY_INVALID_URL')).toEqual([
      {
        level: 'warn',
        code: 'ENV_PROXY_INVALID_URL',
        stage: 'input',
        detail: 'HTTPS_PROXY="http://proxy.corp:8080" is not a valid proxy URL: WebSocket connections to chatgpt.com and api.openai.com fail with "Invalid proxy configuration: "http://proxy.corp:8080"".',
        hints: [fix],
      },
      {
        level: 'warn',
        code: 'ENV_PROXY_INVALID_URL',
        stage: 'input',
        detail:
          'HTTPS_PROXY="http://proxy.corp:8080" is ignored by the HTTPS client: it contains blanks, quotes or other characters a URL cannot hold (percent-encode them); Codex then connects directly (no usable proxy variable applies to https:// URLs (HTTPS_PROXY or ALL_PROXY)).',
        hints: [fix],
      },
    ]);
    // The action is the fix: applied, the check no longer finds the value wrong, and both transports use the proxy.
    const action = r.record.findings.find((f) => f.code === 'ENV_PROXY_INVALID_URL')?.hints?.[0]?.action;
    expect(action).toEqual({ kind: 'set-env', name: 'HTTPS_PROXY', value: 'http://proxy.corp:8080', target: 'shell-profile' });
    const fixed = await run({ HTTPS_PROXY: action?.kind === 'set-env' ? action.value : '' });
    expect(fixed.all('ENV_PROXY_INVALID_URL')).toEqual([]);
    expect(fixed.record.status).toBe('pass');
    expect(fixed.record.summary).toBe('No CA bundle: system roots; HTTPS and WebSocket via http://proxy.corp:8080.');
  });

  it('gives a scheme-less value the http:// that Codex\'s HTTPS client assumes, where it is in $CODEX_HOME/.env', async () => {
    const r = await run({}, { dotenv: "HTTPS_PROXY=' proxy.corp:3128 '\n" });
    const hints = r.record.findings.filter((f) => f.code === 'ENV_PROXY_INVALID_URL' || f.code === 'ENV_PROXY_SCHEME_UNSUPPORTED').map((f) => f.hints?.[0]?.action);
    expect(hints.length).toBeGreaterThan(0);
    for (const action of hints) expect(action).toEqual({ kind: 'set-env', name: 'HTTPS_PROXY', value: 'http://proxy.corp:3128', target: 'codex-dotenv' });
  });

  it('says what to get and from whom where no URL can be derived, with no placeholder to copy', async () => {
    const r = await run({ HTTPS_PROXY: 'http://proxy corp:8080' });
    const findings = r.record.findings.filter((f) => f.code === 'ENV_PROXY_INVALID_URL');
    expect(findings).toHaveLength(2);
    for (const finding of findings) {
      expect(finding.hints).toEqual([
        {
          text: "Write HTTPS_PROXY as http://host:port, percent-encoding any : / @ # ? in the user name or password. The doctor cannot tell the proxy's address from this value: your browser's proxy settings or PAC file name it; otherwise ask your network team for the address of the HTTP proxy.",
          action: { kind: 'manual', topic: 'find-proxy-address', variable: 'HTTPS_PROXY' },
        },
      ]);
    }
    expect(JSON.stringify(r.record)).not.toMatch(/PROXY_HOST|http:\/\/host:port'/);
  });

  it('never writes the password of a derivable proxy URL into a command: the user types it in', async () => {
    const r = await run({ HTTPS_PROXY: '"http://alice:S3cretPw@proxy.corp:8080"' });
    const findings = r.record.findings.filter((f) => f.code === 'ENV_PROXY_INVALID_URL');
    expect(findings).toHaveLength(2);
    for (const finding of findings) {
      expect(finding.hints).toEqual([
        {
          text: "Write HTTPS_PROXY as http://[redacted]@proxy.corp:8080 with your password in place of [redacted], percent-encoding any : / @ # ? in the user name or password: both of Codex's clients read that. The doctor never writes a password into a command.",
          action: { kind: 'manual', topic: 'encode-credentials', variable: 'HTTPS_PROXY' },
        },
      ]);
    }
    expect(JSON.stringify(r.record)).not.toContain('S3cretPw');
  });

  it('uses --proxy instead of the environment', async () => {
    const r = await run({ HTTPS_PROXY: 'http://env.corp:1' }, { proxy: 'https://flag.corp:8443' });
    expect(r.all('ENV_PROXY_SELECTED')[0]!.detail).toBe(
      'HTTPS (login, API): to auth.openai.com, api.openai.com and chatgpt.com it goes through https://flag.corp:8443 (--proxy).',
    );
    expect(r.one('ENV_PROXY_SCHEME_UNSUPPORTED').hints).toEqual([
      {
        text: "Use the proxy's http:// address (most proxies accept plain-HTTP CONNECT; check the port with the network team).",
        command: 'codex-doctor --proxy http://flag.corp:8443',
      },
    ]);
  });

  it('says the macOS system proxy settings were read and set nothing when the environment has none', async () => {
    const r = await run({}, { platform: 'darwin', systemProxy: '<dictionary> {\n  HTTPSEnable : 0\n}\n' });
    expect(r.all('ENV_PROXY_SELECTED')[0]!.detail).toBe(
      'HTTPS (login, API): to auth.openai.com, api.openai.com and chatgpt.com it connects directly (no usable proxy variable applies to https:// URLs (HTTPS_PROXY or ALL_PROXY), and the system proxy settings set no HTTPS proxy).',
    );
    expect(r.record.status).toBe('pass');
  });
});

describe('env.precedence: an unencoded @ in proxy credentials', () => {
  it('warns that HTTPS sends a truncated password, with the encoding command and never the password', async () => {
    const r = await run({ HTTPS_PROXY: 'http://alice:S3cr3t@Pass@proxy.corp:8080' });
    expect(r.one('ENV_PROXY_UNENCODED_AT')).toEqual({
      level: 'warn',
      code: 'ENV_PROXY_UNENCODED_AT',
      stage: 'input',
      detail:
        'HTTPS_PROXY=http://[redacted]@proxy.corp:8080 has an unencoded @ in its password: Codex\'s HTTPS client (login, API) ends the credentials at the first @ and sends the user name with only the part of the password before that @, so a proxy that checks them refuses login with 407, while WebSocket streaming ends them at the last @ and sends the whole user name and password. Write each @ in the user name or password as %40.',
      hints: [
        {
          text: 'Percent-encode the password: run this with the real value in place of PASSWORD (keep the single quotes); @ becomes %40.',
          command: `python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' 'PASSWORD'`,
        },
        // Not `export HTTPS_PROXY=http://USER:PASSWORD@proxy.corp:8080`: copied as is, it sets a wrong login. The user name is never shown.
        { text: 'Then set HTTPS_PROXY to http://USER:PASSWORD@proxy.corp:8080, with your user name in place of USER and the encoded password in place of PASSWORD (each @ in them written %40).' },
      ],
    });
    for (const text of [JSON.stringify(r.record), JSON.stringify(r.facts)]) expect(text).not.toMatch(/S3cr3t|Pass@/);
  });

  it('names an @ in the user name, and gives the PowerShell command on Windows', async () => {
    const r = await run({ HTTPS_PROXY: 'http://alice@corp.example:Pw0rd@proxy.corp:8080' }, { platform: 'win32' });
    const finding = r.one('ENV_PROXY_UNENCODED_AT');
    expect(finding.detail).toMatch(/^HTTPS_PROXY=http:\/\/\[redacted\]@proxy\.corp:8080 has an unencoded @ in its user name: .* sends the user name cut there without a password, /);
    expect(JSON.stringify(r.record)).not.toContain('alice');
    expect(finding.hints).toEqual([
      { text: 'Percent-encode the user name and the password: run this with the real value in place of PASSWORD (keep the single quotes); @ becomes %40.', command: "[uri]::EscapeDataString('PASSWORD')" },
      { text: 'Then set HTTPS_PROXY to http://USER:PASSWORD@proxy.corp:8080, with your user name in place of USER and the encoded password in place of PASSWORD (each @ in them written %40).' },
    ]);
  });

  it('stays quiet for an encoded @ and for a proxy only WebSocket uses', async () => {
    expect((await run({ HTTPS_PROXY: 'http://alice:S3cr3t%40Pass@proxy.corp:8080' })).all('ENV_PROXY_UNENCODED_AT')).toEqual([]);
    expect((await run({ HTTP_PROXY: 'http://alice:S3cr3t@Pass@proxy.corp:8080' })).all('ENV_PROXY_UNENCODED_AT')).toEqual([]);
  });
});

describe('env.precedence: HTTP_PROXY case conflicts', () => {
  it('says HTTP_PROXY matters for WebSocket only, never for HTTPS', async () => {
    const r = await run({ HTTP_PROXY: 'http://a.corp:8080', http_proxy: 'http://b.corp:3128' });
    expect(r.one('ENV_PROXY_CASE_CONFLICT').detail).toBe(
      "HTTP_PROXY=http://a.corp:8080 and http_proxy=http://b.corp:3128 differ: Codex uses HTTP_PROXY (upper case wins) for WebSocket streaming when HTTPS_PROXY is unset (its HTTPS client never uses either for https:// URLs), while other tools may pick http_proxy.",
    );
    const empty = await run({ HTTP_PROXY: '', http_proxy: 'http://b.corp:3128' });
    expect(empty.one('ENV_PROXY_CASE_CONFLICT').detail).toBe(
      "HTTP_PROXY is set but empty, which hides http_proxy=http://b.corp:3128: Codex uses neither, so WebSocket streaming cannot fall back to it (Codex's HTTPS client never uses either for https:// URLs).",
    );
  });
});

describe('env.precedence: OPENAI_BASE_URL', () => {
  const env = { OPENAI_BASE_URL: 'https://gateway.corp.example/v1' };
  const snippet = '# ~/.codex/config.toml\nopenai_base_url = "https://gateway.corp.example/v1"';

  it('warns that Codex 0.119.0 and later ignore it, with the config.toml line', async () => {
    const r = await run(env);
    expect(r.one('ENV_OPENAI_BASE_URL_IGNORED')).toEqual({
      level: 'warn',
      code: 'ENV_OPENAI_BASE_URL_IGNORED',
      stage: 'input',
      detail:
        'OPENAI_BASE_URL=https://gateway.corp.example/v1 is set (from the shell), but Codex 0.130.0 ignores it (since 0.119.0): the built-in provider still sends the model API to OpenAI (api.openai.com or chatgpt.com), not to https://gateway.corp.example/v1.',
      hints: [{ text: 'Set the base URL in config.toml instead (a top-level key: above the first [table]).', snippet }],
    });
  });

  it('says so with the version unknown, and is quiet when config.toml already sets openai_base_url', async () => {
    const unknown = await run(env, { codex: null });
    expect(unknown.one('ENV_OPENAI_BASE_URL_IGNORED').detail).toBe(
      'OPENAI_BASE_URL=https://gateway.corp.example/v1 is set (from the shell), but Codex ignores it from 0.119.0 on (the installed version is unknown; Codex 0.169.0 is assumed): the built-in provider still sends the model API to OpenAI (api.openai.com or chatgpt.com), not to https://gateway.corp.example/v1.',
    );
    const configured = await run(env, { files: { '/home/user/.codex/config.toml': 'openai_base_url = "https://gateway.corp.example/v1"\n' } });
    expect(configured.all('ENV_OPENAI_BASE_URL_IGNORED')).toEqual([]);
  });

  it('says it is the base URL before 0.119.0', async () => {
    const r = await run(env, { codex: '0.118.0' });
    expect(r.all('ENV_OPENAI_BASE_URL_IGNORED')).toEqual([]);
    expect(r.one('ENV_OPENAI_BASE_URL_USED')).toMatchObject({
      level: 'info',
      detail:
        "OPENAI_BASE_URL=https://gateway.corp.example/v1 (from the shell) is the base URL of Codex's built-in provider in Codex 0.118.0: the model API goes there. Codex 0.119.0 and later ignore the variable.",
    });
  });
});

describe('env.precedence: the macOS and Windows system proxy settings', () => {
  const SCUTIL = '<dictionary> {\n  ExceptionsList : <array> {\n    0 : *.local\n  }\n  HTTPSEnable : 1\n  HTTPSPort : 8443\n  HTTPSProxy : secure.corp.example\n}\n';

  it('routes HTTPS through the macOS HTTPS proxy and warns that WebSocket goes direct', async () => {
    const r = await run({}, { platform: 'darwin', systemProxy: SCUTIL });
    expect(r.all('ENV_PROXY_SELECTED').map((f) => f.detail)).toEqual([
      'HTTPS (login, API): to auth.openai.com, api.openai.com and chatgpt.com it goes through http://secure.corp.example:8443 (the system proxy settings).',
      'WebSocket (streaming): to chatgpt.com and api.openai.com it connects directly (no proxy variable is set (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY)).',
    ]);
    expect(r.one('ENV_SYSTEM_PROXY')).toEqual({
      level: 'info',
      code: 'ENV_SYSTEM_PROXY',
      stage: 'input',
      detail:
        "macOS proxy settings (scutil --proxy): HTTPS proxy secure.corp.example:8443. Codex's HTTPS client uses them where HTTPS_PROXY is unset or empty (as here); its WebSocket client never reads them. The bypass list (*.local) is not applied by Codex.",
    });
    expect(r.one('ENV_SYSTEM_PROXY_HTTPS_ONLY')).toEqual({
      level: 'warn',
      code: 'ENV_SYSTEM_PROXY_HTTPS_ONLY',
      stage: 'input',
      detail:
        "Login and API requests go through the macOS proxy setting http://secure.corp.example:8443, but Codex's WebSocket client does not read the system settings and connects directly to chatgpt.com and api.openai.com: where the proxy is the only way out, streaming fails and Codex falls back to HTTPS after 5 attempts.",
      hints: [{ text: 'Give Codex the same proxy in HTTPS_PROXY: both transports read it.', command: 'export HTTPS_PROXY=http://secure.corp.example:8443' }],
    });
    expect(r.facts.proxies.find((d) => d.transport === 'https')).toMatchObject({ kind: 'proxy', variable: 'system' });
    expect(r.record.evidence.find((e) => e.title === 'System proxy settings (scutil --proxy)')?.lines).toEqual([
      'HTTPS proxy (used by Codex HTTPS where HTTPS_PROXY is empty): secure.corp.example:8443',
      'bypass list (not applied by Codex): *.local',
      'automatic configuration (ignored unless respect_system_proxy): none',
    ]);
  });

  it('lets HTTPS_PROXY win over the system settings', async () => {
    const r = await run({ HTTPS_PROXY: 'http://env.corp:3128' }, { platform: 'darwin', systemProxy: SCUTIL });
    expect(r.facts.proxies.every((d) => d.kind === 'proxy' && d.variable === 'HTTPS_PROXY')).toBe(true);
    expect(r.all('ENV_SYSTEM_PROXY_HTTPS_ONLY')).toEqual([]);
    expect(r.record.status).toBe('pass');
  });

  it('applies the Windows exceptions (ProxyOverride) as NO_PROXY and says how to change them', async () => {
    const reg = [
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings',
      '    ProxyEnable    REG_DWORD    0x1',
      '    ProxyServer    REG_SZ    proxy.corp.example:8080',
      '    ProxyOverride    REG_SZ    <local>;*.openai.com',
      '',
    ].join('\r\n');
    const r = await run({ HTTPS_PROXY: 'http://proxy.corp.example:8080' }, { platform: 'win32', systemProxy: reg });
    expect(r.one('ENV_NO_PROXY_BYPASS')).toEqual({
      level: 'warn',
      code: 'ENV_NO_PROXY_BYPASS',
      stage: 'input',
      detail:
        'the system proxy exceptions (ProxyOverride) entry "openai.com" makes Codex skip the proxy (HTTPS_PROXY) and connect directly for HTTPS to auth.openai.com and api.openai.com (WebSocket still uses the proxy: the two transports match NO_PROXY differently). Where the proxy is the only way out, those connections fail.',
      hints: [
        {
          text: 'Remove "openai.com" from the exceptions in the Windows proxy settings (Settings > Network & internet > Proxy), or set NO_PROXY, which Codex reads instead of them.',
          command: "$env:NO_PROXY = '<local>'",
        },
      ],
    });
  });

  it('warns that Codex ignores a PAC-only setup and connects directly', async () => {
    const pac = '<dictionary> {\n  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : http://pac.corp.example/proxy.pac\n}\n';
    const r = await run({}, { platform: 'darwin', systemProxy: pac });
    expect(r.one('ENV_SYSTEM_PROXY_PAC_IGNORED')).toEqual({
      level: 'warn',
      code: 'ENV_SYSTEM_PROXY_PAC_IGNORED',
      stage: 'input',
      detail:
        "macOS gets its proxy from automatic configuration (http://pac.corp.example/proxy.pac), which Codex does not read: with no HTTPS_PROXY and no manual proxy setting, Codex connects directly. Where the PAC file sends browsers through a proxy, Codex's connections fail.",
      hints: [
        // No `export HTTPS_PROXY=http://proxy.example.corp:8080`: `fix --yes` would apply a proxy that does not exist.
        { text: 'Find the proxy the PAC file gives for https://chatgpt.com (your browser uses it; the network team knows it) and set it for Codex in HTTPS_PROXY, written http://host:port.' },
      ],
    });
    expect(r.all('ENV_SYSTEM_PROXY')).toEqual([]);
  });

  it('warns when the settings cannot be read and the environment sets no HTTPS proxy', async () => {
    const r = await run({}, { platform: 'darwin', systemProxy: null });
    expect(r.one('ENV_SYSTEM_PROXY_UNREAD')).toEqual({
      level: 'warn',
      code: 'ENV_SYSTEM_PROXY_UNREAD',
      stage: 'input',
      detail:
        "The macOS proxy settings could not be read (scutil --proxy exited with 1). Codex's HTTPS client uses a proxy set there when HTTPS_PROXY is unset, so the HTTPS verdicts here assume there is none.",
      hints: [{ text: 'Look at the settings yourself: an HTTPS proxy listed there is what Codex uses for login and the API.', command: 'scutil --proxy' }],
    });
    expect((await run({ HTTPS_PROXY: 'http://env.corp:3128' }, { platform: 'darwin', systemProxy: null })).all('ENV_SYSTEM_PROXY_UNREAD')).toEqual([]);
  });

  it('is not read on Linux', async () => {
    const r = await run({}, { systemProxy: SCUTIL });
    expect(r.facts.proxies.every((d) => d.kind === 'direct')).toBe(true);
    expect(r.record.findings.map((f) => f.code).filter((c) => c.startsWith('ENV_SYSTEM_PROXY'))).toEqual([]);
  });
});

describe('env.precedence: [features] respect_system_proxy', () => {
  const files = { '/home/user/.codex/config.toml': '[features]\nrespect_system_proxy = true\n' };

  it('warns on macOS that PAC answers come first and the doctor cannot evaluate them', async () => {
    const r = await run({ HTTPS_PROXY: 'http://proxy.corp:8080' }, { platform: 'darwin', files });
    expect(r.one('ENV_RESPECT_SYSTEM_PROXY_PAC')).toEqual({
      level: 'warn',
      code: 'ENV_RESPECT_SYSTEM_PROXY_PAC',
      stage: 'input',
      detail:
        '[features] respect_system_proxy = true (~/.codex/config.toml): on macOS Codex asks the system first, PAC file and automatic discovery (WPAD) included, and a "direct" answer there overrides HTTPS_PROXY. The doctor cannot evaluate PAC: its proxy verdicts follow the environment and the manual system settings, so Codex may route differently.',
      hints: [
        {
          text: 'See the PAC setting Codex consults (ProxyAutoConfigURLString, ProxyAutoDiscoveryEnable) and ask the network team what it returns for https://auth.openai.com and https://chatgpt.com.',
          command: 'scutil --proxy',
        },
        { text: 'To let the environment decide, as the doctor assumes, turn the feature off.', snippet: '# ~/.codex/config.toml\n[features]\nrespect_system_proxy = false' },
      ],
    });
  });

  it('gives the WinHTTP command on Windows, and says nothing on Linux (Codex falls back to the environment there)', async () => {
    const win = await run({}, { platform: 'win32', files: { '/home/user\\.codex\\config.toml': files['/home/user/.codex/config.toml'] } });
    expect(win.one('ENV_RESPECT_SYSTEM_PROXY_PAC').hints?.[0]?.command).toBe('netsh winhttp show proxy');
    expect((await run({}, { files })).all('ENV_RESPECT_SYSTEM_PROXY_PAC')).toEqual([]);
  });
});

describe('env.precedence: [features] system_proxy_fallback and respect_system_proxy (0.169.0)', () => {
  const SCUTIL = '<dictionary> {\n  HTTPSEnable : 1\n  HTTPSPort : 8443\n  HTTPSProxy : secure.corp.example\n}\n';
  const CONFIG = '/home/user/.codex/config.toml';

  it('says login retries through the system proxy while model traffic does not (macOS, on by default)', async () => {
    const r = await run({ HTTPS_PROXY: 'http://env.corp:3128' }, { platform: 'darwin', systemProxy: SCUTIL, codex: '0.169.0' });
    expect(r.one('ENV_LOGIN_SYSTEM_PROXY_RETRY')).toEqual({
      level: 'info',
      code: 'ENV_LOGIN_SYSTEM_PROXY_RETRY',
      stage: 'input',
      detail:
        'Login goes through http://env.corp:3128 (HTTPS_PROXY). If that token exchange fails to connect (a TLS handshake failure counts), Codex 0.169.0 retries it once through the macOS proxy setting secure.corp.example:8443 ([features] system_proxy_fallback, on by default; codex-login.log says "oauth token connection failed; retrying with system proxy"). Login can then succeed while model traffic (API over HTTPS, WebSocket), which never retries that way, still fails: the network checks here test the first route.',
    });
  });

  it('is silent when the feature is off, the release predates it, login already uses the system proxy, or on Linux', async () => {
    const off = await run({ HTTPS_PROXY: 'http://env.corp:3128' }, { platform: 'darwin', systemProxy: SCUTIL, codex: '0.169.0', files: { [CONFIG]: '[features]\nsystem_proxy_fallback = false\n' } });
    expect(off.all('ENV_LOGIN_SYSTEM_PROXY_RETRY')).toEqual([]);
    const old = await run({ HTTPS_PROXY: 'http://env.corp:3128' }, { platform: 'darwin', systemProxy: SCUTIL, codex: '0.144.1' });
    expect(old.all('ENV_LOGIN_SYSTEM_PROXY_RETRY')).toEqual([]);
    const same = await run({}, { platform: 'darwin', systemProxy: SCUTIL, codex: '0.169.0' });
    expect(same.all('ENV_LOGIN_SYSTEM_PROXY_RETRY')).toEqual([]);
    const linux = await run({ HTTPS_PROXY: 'http://env.corp:3128' }, { platform: 'linux', codex: '0.169.0' });
    expect(linux.all('ENV_LOGIN_SYSTEM_PROXY_RETRY')).toEqual([]);
  });

  it('assumes 0.169.0 (retry on) when codex is not on PATH', async () => {
    const r = await run({ HTTPS_PROXY: 'http://env.corp:3128' }, { platform: 'darwin', systemProxy: SCUTIL, codex: null });
    expect(r.one('ENV_LOGIN_SYSTEM_PROXY_RETRY').detail).toContain('Codex 0.169.0 retries it once');
  });

  it('says respect_system_proxy changes nothing on Linux (Codex falls back to the environment)', async () => {
    const r = await run({}, { platform: 'linux', codex: '0.169.0', files: { [CONFIG]: '[features]\nrespect_system_proxy = true\n' } });
    expect(r.one('ENV_RESPECT_SYSTEM_PROXY_ENV_FALLBACK').detail).toBe(
      '[features] respect_system_proxy = true (~/.codex/config.toml) reads the macOS or Windows proxy settings; on this platform Codex falls back to the environment, so it changes nothing here.',
    );
    expect(r.all('ENV_RESPECT_SYSTEM_PROXY_PAC')).toEqual([]);
  });
});

describe('env.precedence: an empty HTTPS_PROXY set in $CODEX_HOME/.env', () => {
  it('removes it from .env, where the shell cannot unset it', async () => {
    const r = await run({ https_proxy: 'http://proxy.corp:8080' }, { dotenv: 'HTTPS_PROXY=\n', codex: '0.169.0' });
    expect(r.record.findings.find((f) => f.code === 'ENV_PROXY_EMPTY_UPPER')?.hints?.[0]?.action).toEqual({ kind: 'unset-env', name: 'HTTPS_PROXY', target: 'codex-dotenv' });
  });
});

describe('env.precedence: no placeholder is ever a fix', () => {
  const pac = '<dictionary> {\n  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : http://pac.corp.example/proxy.pac\n}\n';
  it.each([
    ['a PAC-only macOS', {}, { platform: 'darwin' as const, systemProxy: pac }],
    ['a CODEX_* secret in .env', {}, { dotenv: 'CODEX_API_KEY=sk-dotenv-secret-0123456789\n' }],
    ['a verification switch and no bundle', { NODE_TLS_REJECT_UNAUTHORIZED: '0' }, {}],
    ['a proxy URL with a blank inside', { HTTPS_PROXY: 'http://proxy corp:8080' }, {}],
    ['a quoted proxy URL with a password', { HTTPS_PROXY: '"http://alice:S3cretPw@proxy.corp:8080"' }, {}],
    ['an unencoded @ in the password', { HTTPS_PROXY: 'http://alice:S3cretPw@x@proxy.corp:8080' }, {}],
  ])('%s: every hint that changes something writes a real value', async (_what, env, host) => {
    const r = await run(env, host);
    const steps = r.record.findings.flatMap((f) => f.hints ?? []).flatMap((h) => (h.action?.kind === 'sequence' ? h.action.steps : h.action ? [h.action] : []));
    const values = steps.flatMap((s) => (s.kind === 'set-env' ? [s.value] : []));
    for (const value of values) expect(value).not.toMatch(/PROXY_HOST|example\.corp|<value|\/path\/to|PASSWORD|S3cretPw/);
    expect(r.record.findings.some((f) => f.level !== 'info')).toBe(true);
  });
});
