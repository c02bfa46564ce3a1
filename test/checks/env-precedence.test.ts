// env.precedence, CA half: which CA variable wins and what each transport trusts, CODEX_HOME and its .env, path
// values, the installed Codex, and secrets. The proxy half is env-proxies.test.ts.
import { describe, expect, it } from 'vitest';
import { analyseEnvironment } from '../../src/checks/env-precedence.js';
import { loadWorld } from '../../src/codex/world.js';
import type { ErrorCode } from '../../src/core/codes.js';
import { DOTENV, run } from '../helpers/env-precedence.js';
import { testHost } from '../helpers/host.js';

const OS_STORE =
  "the OS store (/etc/ssl/certs/ca-certificates.crt or the distribution's equivalent, plus /etc/ssl/certs, /etc/pki/tls/certs, /etc/security/certificates)";

describe('env.precedence: the good setup', () => {
  it('passes with CODEX_CA_CERTIFICATE and an http:// proxy, and says what each transport trusts and uses', async () => {
    const { record, facts } = await run({ CODEX_CA_CERTIFICATE: '/etc/corp.pem', HTTPS_PROXY: 'http://proxy.corp:8080' });
    expect(record.status).toBe('pass');
    expect(record.summary).toBe('CODEX_CA_CERTIFICATE wins; HTTPS and WebSocket via http://proxy.corp:8080.');
    expect(record.findings.map((f) => [f.level, f.code, f.stage, f.detail])).toEqual([
      ['info', 'ENV_CA_SELECTED', 'input', 'Codex uses CODEX_CA_CERTIFICATE=/etc/corp.pem (from the shell).'],
      [
        'info',
        'ENV_CA_SELECTED',
        'input',
        'HTTPS (login, token exchange, API, MCP over HTTP) verifies with rustls and trusts /etc/corp.pem (from CODEX_CA_CERTIFICATE) + the Mozilla roots built into Codex + an empty system store.',
      ],
      ['info', 'ENV_CA_SELECTED', 'input', 'WebSocket (Responses streaming, Realtime) verifies with rustls and trusts an empty system store + /etc/corp.pem (from CODEX_CA_CERTIFICATE); no Mozilla roots.'],
      ['info', 'ENV_CODEX_VERSION', 'input', 'Codex 0.130.0 is installed.'],
      [
        'info',
        'ENV_PROXY_SELECTED',
        'input',
        'HTTPS (login, API): to auth.openai.com, api.openai.com and chatgpt.com it goes through http://proxy.corp:8080 (HTTPS_PROXY, from the shell).',
      ],
      ['info', 'ENV_PROXY_SELECTED', 'input', 'WebSocket (streaming): to chatgpt.com and api.openai.com it goes through http://proxy.corp:8080 (HTTPS_PROXY, from the shell).'],
    ]);
    expect(facts.trust.https).toMatchObject({ verifier: 'rustls', mozilla: true, bundle: { variable: 'CODEX_CA_CERTIFICATE', path: '/etc/corp.pem' } });
    expect(facts.proxies.map((d) => [d.transport, d.target, d.kind])).toEqual([
      ['https', 'https://auth.openai.com/', 'proxy'],
      ['https', 'https://api.openai.com/v1', 'proxy'],
      ['https', 'https://chatgpt.com/backend-api/codex', 'proxy'],
      ['websocket', 'wss://chatgpt.com/backend-api/codex/responses', 'proxy'],
      ['websocket', 'wss://api.openai.com/v1/responses', 'proxy'],
    ]);
  });
});

describe('env.precedence: CA variables', () => {
  it('warns that SSL_CERT_FILE replaces the OS store and recommends CODEX_CA_CERTIFICATE', async () => {
    const r = await run({ SSL_CERT_FILE: '/etc/corp-only.pem' });
    expect(r.record.status).toBe('warn');
    expect(r.all('ENV_CA_SELECTED')[0]!.detail).toBe('Codex uses SSL_CERT_FILE=/etc/corp-only.pem (from the shell) because CODEX_CA_CERTIFICATE is not set.');
    expect(r.one('ENV_SSL_CERT_FILE_REPLACES_OS')).toEqual({
      level: 'warn',
      code: 'ENV_SSL_CERT_FILE_REPLACES_OS',
      stage: 'input',
      detail:
        'SSL_CERT_FILE=/etc/corp-only.pem replaces the OS trust store for Codex: HTTPS trusts /etc/corp-only.pem + the Mozilla roots, WebSocket only /etc/corp-only.pem. A corporate root that is in the OS store but not in that file is not trusted (rustls: invalid peer certificate: UnknownIssuer).',
      // Moving keeps the file trusted (it may hold the corporate root) and gives the OS store back; unsetting is the alternative.
      hints: [
        {
          text: 'Give the same file to Codex with CODEX_CA_CERTIFICATE and unset SSL_CERT_FILE: Codex keeps trusting it, for login and streaming, and trusts the OS store again.',
          command: 'export CODEX_CA_CERTIFICATE=/etc/corp-only.pem && unset SSL_CERT_FILE',
        },
        { text: 'Or unset SSL_CERT_FILE in the shell profile, CI or IDE settings that set it if another tool left it behind.', command: 'unset SSL_CERT_FILE' },
      ],
    });
  });

  it('warns when both variables name different files: only CODEX_CA_CERTIFICATE is the bundle, SSL_CERT_FILE still replaces the OS store', async () => {
    const r = await run({ CODEX_CA_CERTIFICATE: '/etc/corp.pem', SSL_CERT_FILE: '/opt/other/cacert.pem' });
    expect(r.all('ENV_CA_SELECTED')[0]!.detail).toBe(
      'Codex uses CODEX_CA_CERTIFICATE=/etc/corp.pem (from the shell) (it takes precedence over SSL_CERT_FILE, which is not read as the bundle).',
    );
    expect(r.one('ENV_CA_VARS_DIFFER')).toMatchObject({
      level: 'warn',
      stage: 'input',
      detail:
        "CODEX_CA_CERTIFICATE=/etc/corp.pem and SSL_CERT_FILE=/opt/other/cacert.pem name different files: only CODEX_CA_CERTIFICATE is loaded as the bundle; SSL_CERT_FILE's certificates are trusted only as native roots.",
      hints: [{ text: 'Unset SSL_CERT_FILE in the shell profile, CI or IDE settings that set it unless you need its roots next to the bundle.', command: 'unset SSL_CERT_FILE' }],
    });
    expect(r.one('ENV_SSL_CERT_FILE_REPLACES_OS').detail).toBe(
      "SSL_CERT_FILE=/opt/other/cacert.pem replaces the OS trust store for Codex: even with CODEX_CA_CERTIFICATE selecting the bundle, Codex's native roots are only /opt/other/cacert.pem, so the OS store is not used by HTTPS or WebSocket. A corporate root that is in the OS store but not in that file is not trusted (rustls: invalid peer certificate: UnknownIssuer).",
    );
  });

  it('before 0.115.0 neither variable is the bundle: no "only CODEX_CA_CERTIFICATE is loaded", no advice to drop SSL_CERT_FILE', async () => {
    const r = await run({ CODEX_CA_CERTIFICATE: '/etc/corp.pem', SSL_CERT_FILE: '/opt/other/cacert.pem' }, { codex: '0.110.0' });
    expect(r.one('ENV_CA_VARS_DIFFER')).toEqual({
      level: 'warn',
      code: 'ENV_CA_VARS_DIFFER',
      stage: 'input',
      detail:
        "CODEX_CA_CERTIFICATE=/etc/corp.pem and SSL_CERT_FILE=/opt/other/cacert.pem name different files, and Codex 0.110.0 (before 0.115.0) loads neither as a bundle: it ignores CODEX_CA_CERTIFICATE, while SSL_CERT_FILE replaces the OS store as OpenSSL's CA file for HTTPS and as the native roots of WebSocket.",
      hints: [
        { text: 'Upgrade Codex to 0.115.0 or later so that it loads CODEX_CA_CERTIFICATE.', command: 'npm install -g @openai/codex@latest' },
        { text: 'If you installed Codex with Homebrew, upgrade it there instead.', command: 'brew upgrade codex' },
      ],
    });
  });

  it('before 0.115.0 on macOS, SSL_CERT_FILE replaces only the native roots of WebSocket', async () => {
    const r = await run({ CODEX_CA_CERTIFICATE: '/etc/corp.pem', SSL_CERT_FILE: '/opt/other/cacert.pem' }, { codex: '0.114.0', platform: 'darwin', systemStore: null });
    expect(r.one('ENV_CA_VARS_DIFFER').detail).toBe(
      'CODEX_CA_CERTIFICATE=/etc/corp.pem and SSL_CERT_FILE=/opt/other/cacert.pem name different files, and Codex 0.114.0 (before 0.115.0) loads neither as a bundle: it ignores CODEX_CA_CERTIFICATE, while SSL_CERT_FILE replaces the OS store as the native roots of WebSocket.',
    );
  });

  it('does not warn about two variables naming the same file', async () => {
    const r = await run({ CODEX_CA_CERTIFICATE: '/etc/corp.pem', SSL_CERT_FILE: '/etc/corp.pem' });
    expect(r.all('ENV_CA_VARS_DIFFER')).toEqual([]);
  });

  it('warns that SSL_CERT_FILE="" leaves WebSocket without OS roots', async () => {
    const r = await run({ SSL_CERT_FILE: '' });
    expect(r.all('ENV_CA_SELECTED')[0]!.detail).toBe(
      'No CA variable is set (SSL_CERT_FILE is empty, which counts as unset): Codex adds no bundle and relies on the system roots.',
    );
    expect(r.one('ENV_SSL_CERT_EMPTY')).toEqual({
      level: 'warn',
      code: 'ENV_SSL_CERT_EMPTY',
      stage: 'input',
      detail:
        'SSL_CERT_FILE="": empty counts as unset when Codex picks a bundle, but rustls-native-certs treats it as set and loads no OS roots, so WebSocket streaming trusts no root at all and cannot verify any server.',
      hints: [{ text: 'Unset SSL_CERT_FILE in the shell profile, CI or IDE settings that set it.', command: 'unset SSL_CERT_FILE' }],
    });
    expect(r.all('ENV_SSL_CERT_FILE_REPLACES_OS')).toEqual([]);
  });

  it('says what is left with SSL_CERT_FILE="" next to CODEX_CA_CERTIFICATE', async () => {
    const r = await run({ SSL_CERT_FILE: '', CODEX_CA_CERTIFICATE: '/etc/corp.pem' });
    expect(r.one('ENV_SSL_CERT_EMPTY').detail).toBe(
      'SSL_CERT_FILE="": empty counts as unset when Codex picks a bundle, but rustls-native-certs treats it as set and loads no OS roots, so WebSocket streaming trusts only /etc/corp.pem and HTTPS only /etc/corp.pem + the Mozilla roots.',
    );
  });

  it('warns that SSL_CERT_DIR replaces the OS store', async () => {
    const r = await run({ SSL_CERT_DIR: '/etc/corp-certs' });
    expect(r.one('ENV_SSL_CERT_DIR_REPLACES_OS')).toEqual({
      level: 'warn',
      code: 'ENV_SSL_CERT_DIR_REPLACES_OS',
      stage: 'input',
      detail: "SSL_CERT_DIR=/etc/corp-certs replaces the OS trust store as Codex's native roots: WebSocket loads only the hash-named files (like 5ed36f99.0) in it, not the OS store.",
      hints: [{ text: 'Unset SSL_CERT_DIR in the shell profile, CI or IDE settings that set it.', command: 'unset SSL_CERT_DIR' }],
    });
  });

  it.each<[string, string, ErrorCode, string, string]>([
    [
      'literal quotes',
      '"/etc/corp.pem"',
      'ENV_VALUE_QUOTED',
      'CODEX_CA_CERTIFICATE="\\"/etc/corp.pem\\"" contains literal quotes, which Codex keeps as part of the path. Codex opens "/work/\\"/etc/corp.pem\\"".',
      'export CODEX_CA_CERTIFICATE=/etc/corp.pem',
    ],
    [
      'a trailing space',
      '/etc/corp.pem ',
      'ENV_VALUE_WHITESPACE',
      'CODEX_CA_CERTIFICATE="/etc/corp.pem " has leading or trailing blanks, which Codex keeps as part of the path. Codex opens "/etc/corp.pem ".',
      'export CODEX_CA_CERTIFICATE=/etc/corp.pem',
    ],
    [
      'a tilde',
      '~/certs/corp.pem',
      'ENV_VALUE_TILDE',
      'CODEX_CA_CERTIFICATE="~/certs/corp.pem" starts with ~, which Codex does not expand (only a shell does, and not inside quotes). Codex opens "/work/~/certs/corp.pem".',
      'export CODEX_CA_CERTIFICATE=/home/user/certs/corp.pem',
    ],
    [
      'a relative path',
      'certs/corp.pem',
      'ENV_VALUE_RELATIVE',
      'CODEX_CA_CERTIFICATE="certs/corp.pem" is relative, so it depends on the directory codex is started from (from /work it opens /work/certs/corp.pem). Codex opens "/work/certs/corp.pem".',
      'export CODEX_CA_CERTIFICATE=/work/certs/corp.pem',
    ],
    [
      'quotes and a blank together',
      "'~/corp.pem' ",
      'ENV_VALUE_QUOTED',
      'CODEX_CA_CERTIFICATE="\'~/corp.pem\' " contains literal quotes, which Codex keeps as part of the path; it also has leading or trailing blanks, which Codex keeps as part of the path; it also starts with ~, which Codex does not expand (only a shell does, and not inside quotes). Codex opens "/work/\'~/corp.pem\' ".',
      'export CODEX_CA_CERTIFICATE=/home/user/corp.pem',
    ],
  ])('warns about %s in a path value', async (_, value, code, detail, command) => {
    const r = await run({ CODEX_CA_CERTIFICATE: value });
    expect(r.one(code)).toEqual({
      level: 'warn',
      code,
      stage: 'input',
      detail,
      hints: [{ text: 'Set CODEX_CA_CERTIFICATE to the absolute path, without quotes or blanks.', command }],
    });
  });

  it('explains that NODE_EXTRA_CA_CERTS does nothing for Codex itself', async () => {
    const r = await run({ NODE_EXTRA_CA_CERTS: '/etc/corp.pem' });
    expect(r.one('ENV_OTHER_CA_VAR_DIFFERS')).toEqual({
      level: 'warn',
      code: 'ENV_OTHER_CA_VAR_DIFFERS',
      stage: 'input',
      detail:
        'NODE_EXTRA_CA_CERTS=/etc/corp.pem does nothing for Codex itself (a native binary, not Node.js); only tools Codex runs in its sandbox and MCP servers it starts read it. Codex uses no bundle.',
      hints: [{ text: 'Give Codex the same file with CODEX_CA_CERTIFICATE.', command: 'export CODEX_CA_CERTIFICATE=/etc/corp.pem' }],
    });
  });

  it('warns when REQUESTS_CA_BUNDLE names another file than Codex, and not when it names the same', async () => {
    const differs = await run({ CODEX_CA_CERTIFICATE: '/etc/corp.pem', REQUESTS_CA_BUNDLE: '/etc/python-certs.pem', NODE_EXTRA_CA_CERTS: '/etc/corp.pem' });
    expect(differs.one('ENV_OTHER_CA_VAR_DIFFERS')).toEqual({
      level: 'warn',
      code: 'ENV_OTHER_CA_VAR_DIFFERS',
      stage: 'input',
      detail:
        "REQUESTS_CA_BUNDLE=/etc/python-certs.pem names a different file than Codex's bundle (/etc/corp.pem): tools that Codex runs in its sandbox and MCP servers it starts trust other roots than Codex itself.",
      hints: [{ text: 'Point REQUESTS_CA_BUNDLE at the bundle Codex uses.', command: 'export REQUESTS_CA_BUNDLE=/etc/corp.pem' }],
    });
  });

  it.each([
    ['NODE_TLS_REJECT_UNAUTHORIZED', '0', 'Node.js'],
    ['GIT_SSL_NO_VERIFY', 'true', 'git'],
    ['PYTHONHTTPSVERIFY', '0', 'Python'],
    ['CURL_INSECURE', '1', 'curl wrappers'],
    ['NPM_CONFIG_STRICT_SSL', 'false', 'npm'],
    ['npm_config_strict_ssl', 'FALSE', 'npm'],
  ])('warns that %s=%s does not help Codex, and never suggests it', async (name, value, tool) => {
    const r = await run({ [name]: value });
    expect(r.one('ENV_INSECURE_WORKAROUND')).toEqual({
      level: 'warn',
      code: 'ENV_INSECURE_WORKAROUND',
      stage: 'input',
      detail: `${name}=${value} turns certificate verification off for ${tool}. Codex never reads it, so it does not help Codex, and it leaves other tools open to interception.`,
      hints: [
        { text: `Unset ${name} in the shell profile, CI or IDE settings that set it and fix trust instead.`, command: `unset ${name}` },
        // No `export CODEX_CA_CERTIFICATE=/path/to/corporate-root.pem`: a placeholder path does not work when copied.
        { text: 'Give Codex the corporate root certificate (PEM) instead: point CODEX_CA_CERTIFICATE at its file (IT can send it; tls.auth names the root the proxy presents).' },
      ],
    });
  });

  it('leaves verification settings that keep verification on alone', async () => {
    const r = await run({ NODE_TLS_REJECT_UNAUTHORIZED: '1', GIT_SSL_NO_VERIFY: 'false', NPM_CONFIG_STRICT_SSL: 'true' });
    expect(r.all('ENV_INSECURE_WORKAROUND')).toEqual([]);
  });

  it('never suggests turning verification off, in any hint', async () => {
    const r = await run({ NODE_TLS_REJECT_UNAUTHORIZED: '0', SSL_CERT_FILE: '', HTTPS_PROXY: 'https://p:1', GIT_SSL_NO_VERIFY: '1' });
    const hints = JSON.stringify(r.record.findings.flatMap((f) => f.hints ?? []));
    expect(hints).not.toMatch(/REJECT_UNAUTHORIZED=0|NO_VERIFY=(1|true)|--insecure|-k |strict-ssl false/i);
  });
});

describe('env.precedence: $CODEX_HOME/.env', () => {
  it('warns that CODEX_CA_CERTIFICATE in .env is ignored, and gives the shell command', async () => {
    const r = await run({}, { dotenv: 'CODEX_CA_CERTIFICATE=/etc/corp.pem\n' });
    expect(r.one('ENV_CODEX_VAR_IN_DOTENV')).toEqual({
      level: 'warn',
      code: 'ENV_CODEX_VAR_IN_DOTENV',
      stage: 'input',
      detail: 'CODEX_CA_CERTIFICATE is set in ~/.codex/.env (line 1), but Codex ignores every CODEX_* name there, so CODEX_CA_CERTIFICATE is not set for Codex.',
      hints: [
        {
          text: 'Set CODEX_CA_CERTIFICATE in your shell profile (~/.bashrc) instead of ~/.codex/.env.',
          command: 'export CODEX_CA_CERTIFICATE=/etc/corp.pem',
        },
      ],
    });
    expect(r.all('ENV_CA_SELECTED')[0]!.detail).toBe('No CA variable is set: Codex adds no bundle and relies on the system roots.');
  });

  it('never carries the value of another ignored CODEX_* line into the report', async () => {
    const r = await run({}, { dotenv: 'CODEX_API_KEY=sk-dotenv-secret-0123456789\n' });
    // Not `export CODEX_API_KEY='<value from line 1>'`, which `fix --yes` would write into the profile as the key.
    expect(r.one('ENV_CODEX_VAR_IN_DOTENV').hints).toEqual([
      { text: 'Move line 1 (CODEX_API_KEY=...) from ~/.codex/.env into your shell profile (~/.bashrc) as a variable of the shell: Codex reads CODEX_API_KEY only from there.' },
    ]);
    expect(r.record.findings.find((f) => f.code === 'ENV_CODEX_VAR_IN_DOTENV')?.hints?.[0]?.action).toEqual({ kind: 'manual', topic: 'repair-file', file: DOTENV });
    expect(JSON.stringify(r.record)).not.toContain('sk-dotenv-secret');
  });

  it('says which values come from .env and tells how to remove them there', async () => {
    const r = await run({ SSL_CERT_FILE: '/shell.pem' }, { dotenv: '# corporate\nexport SSL_CERT_FILE=/dotenv.pem\n' });
    expect(r.one('ENV_DOTENV_OVERRIDES')).toEqual({
      level: 'info',
      code: 'ENV_DOTENV_OVERRIDES',
      stage: 'input',
      detail: "SSL_CERT_FILE comes from ~/.codex/.env (line 2) and overrides the shell's value for Codex.",
    });
    expect(r.all('ENV_CA_SELECTED')[0]!.detail).toBe('Codex uses SSL_CERT_FILE=/dotenv.pem (from ~/.codex/.env line 2) because CODEX_CA_CERTIFICATE is not set.');
    expect(r.one('ENV_SSL_CERT_FILE_REPLACES_OS').hints?.[0]).toEqual({
      text: 'Give the same file to Codex with CODEX_CA_CERTIFICATE and unset SSL_CERT_FILE: Codex keeps trusting it, for login and streaming, and trusts the OS store again. SSL_CERT_FILE is set in ~/.codex/.env (line 2).',
      command: "export CODEX_CA_CERTIFICATE=/dotenv.pem && sed -i.bak -E '/^[[:space:]]*(export[[:space:]]+)?SSL_CERT_FILE[[:space:]]*=/d' ~/.codex/.env && unset SSL_CERT_FILE",
    });
    expect(r.one('ENV_SSL_CERT_FILE_REPLACES_OS').hints?.[1]).toEqual({
      text: 'Or delete the SSL_CERT_FILE line (line 2) from ~/.codex/.env and unset SSL_CERT_FILE in the shell as well if another tool left it behind.',
      command: "sed -i.bak -E '/^[[:space:]]*(export[[:space:]]+)?SSL_CERT_FILE[[:space:]]*=/d' ~/.codex/.env && unset SSL_CERT_FILE",
    });
  });

  it('warns about a line Codex skips silently', async () => {
    const r = await run({}, { dotenv: 'SSL_CERT_FILE=C:\\certs\\corp.pem\n' });
    expect(r.one('ENV_DOTENV_LINE_SKIPPED')).toEqual({
      level: 'warn',
      code: 'ENV_DOTENV_LINE_SKIPPED',
      stage: 'parse',
      detail: 'Line 1 of ~/.codex/.env (SSL_CERT_FILE) is skipped by Codex without a word: unsupported escape \\c (write \\\\ for a backslash, or use single quotes).',
      hints: [
        {
          text: "Rewrite line 1 as NAME=value; quote a value with blanks in single quotes (no escapes inside), e.g. SSL_CERT_FILE='value with blanks'.",
          command: "sed -n '1p' ~/.codex/.env",
        },
      ],
    });
  });

  it('warns when .env cannot be read', async () => {
    const r = await run({}, { files: { [DOTENV]: { readError: 'EACCES' } } });
    expect(r.one('ENV_DOTENV_UNREADABLE')).toEqual({
      level: 'warn',
      code: 'ENV_DOTENV_UNREADABLE',
      stage: 'read',
      detail: `~/.codex/.env exists but cannot be read (EACCES: permission denied, open '${DOTENV}'): Codex silently ignores it, so none of its settings apply.`,
      hints: [{ text: 'Make ~/.codex/.env readable by your user.', command: 'chmod 600 ~/.codex/.env' }],
    });
  });

  it('fails when CODEX_HOME does not exist: Codex refuses to start', async () => {
    const r = await run({ CODEX_HOME: '/srv/missing' });
    expect(r.record.status).toBe('fail');
    expect(r.record.error).toEqual({
      stage: 'input',
      code: 'ENV_CODEX_HOME_INVALID',
      detail: 'CODEX_HOME points to "/srv/missing", but that path does not exist: Codex refuses to start with it (and reads no .env).',
    });
    expect(r.one('ENV_CODEX_HOME_INVALID').hints).toEqual([
      { text: 'Create the directory, or unset CODEX_HOME to use ~/.codex.', command: 'mkdir -p /srv/missing' },
      { text: 'Or use the default ~/.codex.', command: 'unset CODEX_HOME' },
    ]);
  });
});

describe('env.precedence: fix commands that run as printed', () => {
  const home = '/x/sp ace/co dex';

  it('quotes a .env path with blanks, keeping ~/ outside the quotes where the path is under HOME', async () => {
    const dotenv = 'SSL_CERT_FILE=C:\\certs\\corp.pem\nSSL_CERT_FILE=/etc/corp.pem\n';
    const r = await run({ CODEX_HOME: home }, { files: { [`${home}/.env`]: dotenv } });
    expect(r.one('ENV_DOTENV_LINE_SKIPPED').hints?.[0]?.command).toBe(`sed -n '1p' '${home}/.env'`);
    const underHome = await run({ CODEX_HOME: '/home/user/my codex' }, { files: { '/home/user/my codex/.env': 'SSL_CERT_FILE=C:\\x\n' } });
    expect(underHome.one('ENV_DOTENV_LINE_SKIPPED').hints?.[0]?.command).toBe("sed -n '1p' ~/'my codex/.env'");
  });

  it('quotes the .env path of chmod and of sed -i too', async () => {
    const unreadable = await run({ CODEX_HOME: home }, { files: { [`${home}/.env`]: { readError: 'EACCES' } } });
    expect(unreadable.one('ENV_DOTENV_UNREADABLE').hints?.[0]?.command).toBe(`chmod 600 '${home}/.env'`);
    const commands = (await run({ CODEX_HOME: home }, { files: { [`${home}/.env`]: 'SSL_CERT_FILE=/etc/corp.pem\n', '/etc/corp.pem': 'x' } })).record.findings
      .flatMap((f) => f.hints ?? [])
      .map((h) => h.command ?? '')
      .filter((c) => c.startsWith('sed -i'));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command.endsWith(` '${home}/.env'`)).toBe(true);
  });

  it('CODEX_HOME naming a file: no mkdir -p (it would fail with "File exists"), point it at a directory', async () => {
    const r = await run({ CODEX_HOME: '/home/user/notes.txt' }, { files: { '/home/user/notes.txt': 'x' } });
    expect(r.record.error?.detail).toBe('CODEX_HOME points to "/home/user/notes.txt", but that path is not a directory: Codex refuses to start with it (and reads no .env).');
    expect(r.one('ENV_CODEX_HOME_INVALID').hints).toEqual([
      {
        text: '~/notes.txt is a file, not a directory: point CODEX_HOME at a directory (Codex keeps config.toml, auth.json and .env there).',
        command: 'export CODEX_HOME=/home/user/.codex',
      },
      { text: 'Or use the default ~/.codex.', command: 'unset CODEX_HOME' },
    ]);
  });

  it('a missing CODEX_HOME with blanks: mkdir -p with the path quoted', async () => {
    const r = await run({ CODEX_HOME: home });
    expect(r.one('ENV_CODEX_HOME_INVALID').hints?.[0]?.command).toBe(`mkdir -p '${home}'`);
  });
});

describe('env.precedence: Codex version', () => {
  it('warns to upgrade a Codex without custom CA support', async () => {
    const r = await run({ CODEX_CA_CERTIFICATE: '/etc/corp.pem' }, { codex: '0.110.0' });
    expect(r.one('ENV_CODEX_TOO_OLD')).toEqual({
      level: 'warn',
      code: 'ENV_CODEX_TOO_OLD',
      stage: 'input',
      detail: 'Codex 0.110.0 predates custom CA support (0.115.0): it ignores CODEX_CA_CERTIFICATE, so no bundle can make it trust a corporate root.',
      hints: [
        { text: 'Upgrade Codex.', command: 'npm install -g @openai/codex@latest' },
        { text: 'If you installed Codex with Homebrew, upgrade it there instead.', command: 'brew upgrade codex' },
      ],
    });
    expect(r.all('ENV_CA_SELECTED')[0]!.detail).toBe(
      'Codex 0.110.0 predates CA variables (0.115.0): it reads neither CODEX_CA_CERTIFICATE nor SSL_CERT_FILE as a bundle.',
    );
  });

  it('notes that Codex 0.115-0.128 does not verify HTTPS with rustls', async () => {
    const r = await run({ CODEX_CA_CERTIFICATE: '/etc/corp.pem' }, { codex: '0.120.3' });
    expect(r.one('ENV_CODEX_HTTPS_NOT_RUSTLS')).toMatchObject({
      level: 'info',
      stage: 'input',
      detail:
        'Codex 0.120.3 adds the bundle to the platform TLS library for HTTPS (login, API) but verifies WebSocket with rustls, so the two can disagree; 0.129.0 and later use rustls for both.',
    });
  });

  it('says so when codex does not answer', async () => {
    const r = await run({}, { codex: null });
    expect(r.one('ENV_CODEX_VERSION').detail).toBe(
      '`codex --version` did not answer (codex is not on PATH, or it failed): the advice assumes Codex 0.169.0, the release it was checked against.',
    );
  });
});

describe('env.precedence: secrets', () => {
  it('redacts proxy passwords itself, before any safety net', async () => {
    const host = testHost({ env: { HTTPS_PROXY: 'https://alice:Pr0xyPassw0rd@proxy.corp:8443', ALL_PROXY: 'bob:N0Scheme@socks.corp:1080' } });
    const world = await loadWorld(host, { timeoutMs: 5000, verbose: false });
    const result = analyseEnvironment(world, host, 'http://carol:Fl4gSecret@flag.corp:3128');
    const text = JSON.stringify(result);
    for (const secret of ['Pr0xyPassw0rd', 'N0Scheme', 'Fl4gSecret']) expect(text).not.toContain(secret);
    expect(text).toContain('http://[redacted]@flag.corp:3128');
  });

  it('never puts a proxy password or an API key in the record, wherever they are set', async () => {
    const r = await run(
      {
        HTTPS_PROXY: 'https://alice:Pr0xyPassw0rd@proxy.corp:8443',
        http_proxy: 'http://bob:An0therPass@proxy.corp:3128',
        OPENAI_API_KEY: 'sk-proj-abcdefghijklmnopqrstuvwxyz012345',
        NODE_TLS_REJECT_UNAUTHORIZED: '0',
      },
      { dotenv: 'ALL_PROXY=socks5://carol:D0tenvSecret@socks.corp:1080\nHTTP_PROXY=corp%5Cdave:N0Scheme@proxy.corp:8080\n' },
    );
    // The record went through the runner's redactor; the facts did not, so the check must redact at the source.
    const text = JSON.stringify(r.record);
    const facts = JSON.stringify(r.facts);
    for (const secret of ['Pr0xyPassw0rd', 'An0therPass', 'D0tenvSecret', 'N0Scheme', 'sk-proj-abcdefghijklmnopqrstuvwxyz012345']) {
      expect(text).not.toContain(secret);
      expect(facts).not.toContain(secret);
    }
    expect(text).toContain('https://[redacted]@proxy.corp:8443');
  });
});

describe('env.precedence: variables that point at the OS store', () => {
  // systemStore null: the model's own Linux defaults (/etc/ssl/certs/ca-certificates.crt, /etc/ssl/certs, ...).
  it('does not warn when SSL_CERT_FILE and SSL_CERT_DIR name the OS store itself (Docker, CI)', async () => {
    const r = await run({ SSL_CERT_FILE: '/etc/ssl/certs/ca-certificates.crt', SSL_CERT_DIR: '/etc/ssl/certs/' }, { systemStore: null });
    expect(r.all('ENV_SSL_CERT_FILE_REPLACES_OS')).toEqual([]);
    expect(r.all('ENV_SSL_CERT_DIR_REPLACES_OS')).toEqual([]);
    expect(r.all('ENV_SSL_CERT_POINTS_AT_OS_STORE')).toEqual([
      {
        level: 'info',
        code: 'ENV_SSL_CERT_POINTS_AT_OS_STORE',
        stage: 'input',
        detail:
          "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt points at the OS store itself: Codex's native roots are the same roots as without it (a root added with update-ca-certificates or update-ca-trust is in there too).",
      },
      {
        level: 'info',
        code: 'ENV_SSL_CERT_POINTS_AT_OS_STORE',
        stage: 'input',
        detail:
          "SSL_CERT_DIR=/etc/ssl/certs/ points at the OS store itself: Codex's native roots are the same roots as without it (a root added with update-ca-certificates or update-ca-trust is in there too).",
      },
    ]);
    expect(r.record.status).toBe('pass');
  });

  it('keeps the recommended setup quiet: CODEX_CA_CERTIFICATE next to SSL_CERT_FILE naming the OS bundle', async () => {
    const r = await run({ CODEX_CA_CERTIFICATE: '/etc/corp.pem', SSL_CERT_FILE: '/etc/pki/tls/certs/ca-bundle.crt' }, { systemStore: null });
    expect(r.all('ENV_CA_VARS_DIFFER')).toEqual([]);
    expect(r.all('ENV_SSL_CERT_FILE_REPLACES_OS')).toEqual([]);
    expect(r.record.status).toBe('pass');
  });

  it('still warns for a file that is not the OS store, and for a directory list with another directory in it', async () => {
    const r = await run({ SSL_CERT_FILE: '/etc/ssl/certs/corp-only.pem', SSL_CERT_DIR: '/etc/ssl/certs:/opt/corp/certs' }, { systemStore: null });
    expect(r.all('ENV_SSL_CERT_FILE_REPLACES_OS')).toHaveLength(1);
    expect(r.all('ENV_SSL_CERT_DIR_REPLACES_OS')).toHaveLength(1);
    expect(r.all('ENV_SSL_CERT_POINTS_AT_OS_STORE')).toEqual([]);
  });

  it("compares with the lab's stand-in store too, and not on macOS, where the store is the keychain", async () => {
    const lab = await run({ SSL_CERT_FILE: '/lab/roots.pem' }, { systemStore: { files: ['/lab/roots.pem'], dirs: [] } });
    expect(lab.all('ENV_SSL_CERT_POINTS_AT_OS_STORE')).toHaveLength(1);
    const mac = await run({ SSL_CERT_FILE: '/etc/ssl/cert.pem' }, { systemStore: null, platform: 'darwin' });
    expect(mac.all('ENV_SSL_CERT_FILE_REPLACES_OS')).toHaveLength(1);
  });

  it('does not warn about NODE_EXTRA_CA_CERTS / REQUESTS_CA_BUNDLE naming the OS bundle while Codex adds no bundle', async () => {
    const r = await run({ NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', REQUESTS_CA_BUNDLE: '/etc/ssl/certs/ca-certificates.crt' }, { systemStore: null });
    expect(r.all('ENV_OTHER_CA_VAR_DIFFERS')).toEqual([]);
    expect(r.record.status).toBe('pass');
    // With a corporate bundle for Codex, the tools it starts still miss that root: the warning stays.
    const corp = await run({ CODEX_CA_CERTIFICATE: '/etc/corp.pem', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' }, { systemStore: null });
    expect(corp.all('ENV_OTHER_CA_VAR_DIFFERS')).toHaveLength(1);
  });
});

describe('env.precedence: run inside a Codex sandbox behind its managed network proxy', () => {
  it("says the variables are Codex's, not the ones Codex starts with", async () => {
    const r = await run({ CODEX_NETWORK_PROXY_ACTIVE: '1', HTTPS_PROXY: 'http://127.0.0.1:3128' });
    expect(r.one('ENV_INSIDE_CODEX_SANDBOX')).toMatchObject({ level: 'warn', hints: [{ text: 'Run codex-doctor in your own terminal, outside Codex, to diagnose how Codex reaches OpenAI.' }] });
    expect((await run({ HTTPS_PROXY: 'http://127.0.0.1:3128' })).all('ENV_INSIDE_CODEX_SANDBOX')).toEqual([]);
  });
});
