import { describe, expect, it } from 'vitest';
import { analyseEnvironment, envPrecedence, type EnvPrecedenceFacts } from '../../src/checks/env-precedence.js';
import { loadWorld } from '../../src/codex/world.js';
import type { RunOptions } from '../../src/core/check.js';
import type { ErrorCode } from '../../src/core/codes.js';
import { Redactor } from '../../src/core/redact.js';
import { runChecks } from '../../src/core/runner.js';
import type { CheckRecord, Finding } from '../../src/core/types.js';
import { withoutActions } from '../helpers/findings.js';
import { testHost, type TestHostOptions } from '../helpers/host.js';

const DOTENV = '/home/user/.codex/.env';

interface Run {
  record: CheckRecord;
  facts: EnvPrecedenceFacts;
  /** The findings with this code. */
  all(code: ErrorCode): Finding[];
  /** The one finding with this code. */
  one(code: ErrorCode): Finding;
}

/** Runs env.precedence the way main does: world loaded once, redactor from the effective env, the runner. */
async function run(
  env: Record<string, string>,
  host: Omit<TestHostOptions, 'env'> & {
    codex?: string | null;
    dotenv?: string;
    proxy?: string;
    /** What `scutil --proxy` / `reg query` print on macOS / Windows; null: the command fails. */
    systemProxy?: string | null;
  } = {},
): Promise<Run> {
  const { codex = '0.130.0', dotenv, proxy, systemProxy = '', ...rest } = host;
  const h = testHost({
    // A Windows user in PowerShell: it puts the user's module directory in PSModulePath (cmd does not).
    env: rest.platform === 'win32' ? { PSModulePath: `${rest.homeDir ?? '/home/user'}/Documents/PowerShell/Modules`, ...env } : env,
    ...rest,
    files: { ...(dotenv !== undefined && { [DOTENV]: dotenv }), ...rest.files },
    exec: (command) => {
      if (command !== 'codex') return systemProxy === null ? { code: 1, stdout: '', stderr: 'failed' } : { code: 0, stdout: systemProxy, stderr: '' };
      return codex === null ? { code: null, stdout: '', stderr: '' } : { code: 0, stdout: `codex-cli ${codex}\n`, stderr: '' };
    },
  });
  const options: RunOptions = { timeoutMs: 5000, verbose: false, ...(proxy !== undefined && { proxy }) };
  const world = loadWorld(h, options);
  const redactor = Redactor.fromEnv({ ...h.env, ...(await world).env });
  let facts: unknown;
  const check = { ...envPrecedence, run: async (ctx: Parameters<typeof envPrecedence.run>[0]) => {
    const result = await envPrecedence.run(ctx);
    facts = result.facts;
    return result;
  } };
  const [record] = await runChecks({ checks: [check], host: h, options, redactor, extra: { world: () => world } });
  // Every warn and fail finding carries its fix as an action (checked by withoutActions), not only the asserted ones.
  record!.findings.forEach(withoutActions);
  const all = (code: ErrorCode): Finding[] => record!.findings.filter((f) => f.code === code).map(withoutActions);
  return {
    record: record!,
    facts: facts as EnvPrecedenceFacts,
    all,
    one(code) {
      const found = all(code);
      expect(found.map((f) => f.code)).toEqual([code]);
      return found[0]!;
    },
  };
}

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
        { text: 'Give Codex the corporate root certificate (PEM) instead.', command: 'export CODEX_CA_CERTIFICATE=/path/to/corporate-root.pem' },
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
    expect(r.one('ENV_CODEX_VAR_IN_DOTENV').hints![0]!.command).toBe('export CODEX_API_KEY=\'<value from line 1>\'');
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
      'HTTPS_PROXY is set but empty, which hides https_proxy=http://alice:[redacted]@proxy.corp:8080: Codex uses neither, for HTTPS and WebSocket alike, so Codex connects directly, not through http://alice:[redacted]@proxy.corp:8080: HTTPS (login, API) to auth.openai.com, api.openai.com and chatgpt.com; WebSocket (streaming) to chatgpt.com and api.openai.com.',
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
        'HTTPS_PROXY=https://alice:[redacted]@proxy.corp:8443 is an https:// proxy, which Codex\'s WebSocket client cannot use: streaming to chatgpt.com and api.openai.com fails with "Proxy URL scheme not supported", and Codex falls back to HTTPS after 5 attempts.',
      hints: [
        // Not `export HTTPS_PROXY=http://proxy.corp:8443`: that drops the credentials, and the proxy answers 407.
        {
          text: "Use the proxy's http:// address (most proxies accept plain-HTTP CONNECT; check the port with the network team), with the same user name and password in front of the host: the doctor never writes a password into a command.",
        },
      ],
    });
    expect(r.record.findings.find((f) => f.code === 'ENV_PROXY_SCHEME_UNSUPPORTED')?.hints?.[0]?.action).toEqual({ kind: 'manual', topic: 'encode-credentials' });
    expect(r.all('ENV_PROXY_SELECTED').map((f) => f.detail)).toEqual([
      'HTTPS (login, API): to auth.openai.com, api.openai.com and chatgpt.com it goes through https://alice:[redacted]@proxy.corp:8443 (HTTPS_PROXY, from the shell).',
      'WebSocket (streaming): to chatgpt.com and api.openai.com it fails: HTTPS_PROXY (from the shell) is an https:// proxy (https://alice:[redacted]@proxy.corp:8443): Proxy URL scheme not supported.',
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
          action: { kind: 'manual', topic: 'find-proxy-address' },
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
          text: "Write HTTPS_PROXY as http://alice:[redacted]@proxy.corp:8080 with your password in place of [redacted], percent-encoding any : / @ # ? in the user name or password: both of Codex's clients read that. The doctor never writes a password into a command.",
          action: { kind: 'manual', topic: 'encode-credentials' },
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

describe('env.precedence: secrets', () => {
  it('redacts proxy passwords itself, before any safety net', async () => {
    const host = testHost({ env: { HTTPS_PROXY: 'https://alice:Pr0xyPassw0rd@proxy.corp:8443', ALL_PROXY: 'bob:N0Scheme@socks.corp:1080' } });
    const world = await loadWorld(host, { timeoutMs: 5000, verbose: false });
    const result = analyseEnvironment(world, host, 'http://carol:Fl4gSecret@flag.corp:3128');
    const text = JSON.stringify(result);
    for (const secret of ['Pr0xyPassw0rd', 'N0Scheme', 'Fl4gSecret']) expect(text).not.toContain(secret);
    expect(text).toContain('http://carol:[redacted]@flag.corp:3128');
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
    expect(text).toContain('https://alice:[redacted]@proxy.corp:8443');
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

describe('env.precedence: an unencoded @ in proxy credentials', () => {
  it('warns that HTTPS sends a truncated password, with the encoding command and never the password', async () => {
    const r = await run({ HTTPS_PROXY: 'http://alice:S3cr3t@Pass@proxy.corp:8080' });
    expect(r.one('ENV_PROXY_UNENCODED_AT')).toEqual({
      level: 'warn',
      code: 'ENV_PROXY_UNENCODED_AT',
      stage: 'input',
      detail:
        'HTTPS_PROXY=http://alice:[redacted]@proxy.corp:8080 has an unencoded @ in its password: Codex\'s HTTPS client (login, API) ends the credentials at the first @ and sends user "alice" with only the part of the password before that @, so a proxy that checks them refuses login with 407, while WebSocket streaming ends them at the last @ and sends user "alice" with the whole password. Write each @ in the user name or password as %40.',
      hints: [
        {
          text: 'Percent-encode the password: run this with the real value in place of PASSWORD (keep the single quotes); @ becomes %40.',
          command: `python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' 'PASSWORD'`,
        },
        { text: 'Then set HTTPS_PROXY with the encoded value in place of PASSWORD.', command: 'export HTTPS_PROXY=http://alice:PASSWORD@proxy.corp:8080' },
      ],
    });
    for (const text of [JSON.stringify(r.record), JSON.stringify(r.facts)]) expect(text).not.toMatch(/S3cr3t|Pass@/);
  });

  it('names an @ in the user name, and gives the PowerShell command on Windows', async () => {
    const r = await run({ HTTPS_PROXY: 'http://alice@corp.example:Pw0rd@proxy.corp:8080' }, { platform: 'win32' });
    const finding = r.one('ENV_PROXY_UNENCODED_AT');
    expect(finding.detail).toMatch(/^HTTPS_PROXY=http:\/\/alice@corp\.example:\[redacted\]@proxy\.corp:8080 has an unencoded @ in its user name: .* sends user "alice" without a password, /);
    expect(finding.hints).toEqual([
      { text: 'Percent-encode the user name and the password: run this with the real value in place of PASSWORD (keep the single quotes); @ becomes %40.', command: "[uri]::EscapeDataString('PASSWORD')" },
      { text: 'Then set HTTPS_PROXY with the encoded value in place of PASSWORD.', command: "$env:HTTPS_PROXY = 'http://alice%40corp.example:PASSWORD@proxy.corp:8080'" },
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
        {
          text: 'Find the proxy the PAC file gives for https://chatgpt.com (your browser uses it; the network team knows it) and set it for Codex.',
          command: 'export HTTPS_PROXY=http://proxy.example.corp:8080',
        },
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

describe('env.precedence: run inside a Codex sandbox behind its managed network proxy', () => {
  it("says the variables are Codex's, not the ones Codex starts with", async () => {
    const r = await run({ CODEX_NETWORK_PROXY_ACTIVE: '1', HTTPS_PROXY: 'http://127.0.0.1:3128' });
    expect(r.one('ENV_INSIDE_CODEX_SANDBOX')).toMatchObject({ level: 'warn', hints: [{ text: 'Run codex-doctor in your own terminal, outside Codex, to diagnose how Codex reaches OpenAI.' }] });
    expect((await run({ HTTPS_PROXY: 'http://127.0.0.1:3128' })).all('ENV_INSIDE_CODEX_SANDBOX')).toEqual([]);
  });
});

describe('env.precedence: an empty HTTPS_PROXY set in $CODEX_HOME/.env', () => {
  it('removes it from .env, where the shell cannot unset it', async () => {
    const r = await run({ https_proxy: 'http://proxy.corp:8080' }, { dotenv: 'HTTPS_PROXY=\n', codex: '0.169.0' });
    expect(r.record.findings.find((f) => f.code === 'ENV_PROXY_EMPTY_UPPER')?.hints?.[0]?.action).toEqual({ kind: 'unset-env', name: 'HTTPS_PROXY', target: 'codex-dotenv' });
  });
});
