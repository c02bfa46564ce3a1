// Secrets planted everywhere a user keeps them never reach any output mode: --json, plain text
// (verbose, with evidence), the TUI with every row expanded, the report the TUI saves, and stderr.
// Where they are kept: the shell, $CODEX_HOME/.env (also a value whose quote runs over later lines),
// auth.json, config.toml, a CA bundle with a private key, and the command line; proxy passwords written
// with the characters that make a URL parser read them otherwise (a raw / or @, a blank).
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanEnv, runCli } from './helpers/cli.js';
import { realHost } from '../src/core/real-host.js';
import { mintCorporateCa } from '../src/lab/pki.js';
import { createSession, main, type Io } from '../src/main.js';
import { parseArgs } from '../src/options.js';
import { runTui } from '../src/render/tui/run-tui.js';
import { FakeTerminal, fakeKeyboard } from './render/tui-fixtures.js';

const PROXY_PASSWORD = 'Tr0ub4dor-and-3';
const DOTENV_PASSWORD = 'dotenv-pw-9981';
const API_KEY = 'sk-proj-PLANTEDkey0123456789abcdef';
const ACCESS_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJlLXBsYW50ZWQ';
const REFRESH_TOKEN = 'rt-planted-refresh-0123456789';
/** Passwords a URL parser would cut short: everything between the user's ':' and the host's '@' is secret. */
const SLASH_PASSWORD = 'Sl4sh/in-p4ss';
const BLANK_PASSWORD = 'Bl4nk in-p4ss';
const AT_PASSWORD = 'At-before@At-after-9';
/** A .env value whose quote runs over the following lines, one of which holds a key. */
const SWALLOWED_KEY = 'az1234567890swallowed';
/** The query value and fragment of a proxy URL (a token some PAC-style proxies take). */
const PROXY_QUERY_TOKEN = 'qtoken-planted-31337';
const PROXY_FRAGMENT = 'frag-planted-2718';
/** Kept only in config.toml. */
const CONFIG_SHELL_KEY = 'cfg-shell-policy-key-4242';
const CONFIG_MCP_PASSWORD = 'McpPassw0rd-in-url';
const CONFIG_HEADER = 'tenant-header-secret-77';
const CONFIG_BEARER = 'mcp-bearer-token-5150';
const SECRETS = [
  PROXY_PASSWORD, DOTENV_PASSWORD, API_KEY, ACCESS_TOKEN, REFRESH_TOKEN, 'PLANTEDkey0123456789',
  SLASH_PASSWORD, BLANK_PASSWORD, AT_PASSWORD, 'At-after-9', SWALLOWED_KEY,
  CONFIG_SHELL_KEY, CONFIG_MCP_PASSWORD, CONFIG_HEADER, CONFIG_BEARER, PROXY_QUERY_TOKEN, PROXY_FRAGMENT,
];

let dir: string;
let env: Record<string, string>;
let privateKeyBody: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cd-secrets-'));
  const codexHome = path.join(dir, 'codex');
  await mkdir(codexHome);
  // A port nothing listens on: every network check fails fast on loopback, nothing leaves the machine.
  const closedPort = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  privateKeyBody = keyPem.split('\n')[1]!;
  const bundle = path.join(dir, 'corp-with-key.pem');
  await writeFile(bundle, `${mintCorporateCa().root.pem}${keyPem}`);
  await writeFile(
    path.join(codexHome, '.env'),
    `HTTPS_PROXY=http://bob:${DOTENV_PASSWORD}@127.0.0.1:${closedPort}\nOPENAI_API_KEY=${API_KEY}\n` +
      `https_proxy="http://127.0.0.1:${closedPort}\nAZURE_OPENAI_API_KEY=${SWALLOWED_KEY}\nFOO=bar"\n`,
  );
  await writeFile(
    path.join(codexHome, 'config.toml'),
    [
      '[shell_environment_policy]',
      'inherit = "all"',
      '[shell_environment_policy.set]',
      `OPENAI_API_KEY = "${CONFIG_SHELL_KEY}"`,
      '[mcp_servers.docs]',
      `url = "http://carol:${CONFIG_MCP_PASSWORD}@127.0.0.1:${closedPort}/sse"`,
      `bearer_token = "${CONFIG_BEARER}"`,
      `http_headers = { "X-Tenant" = "${CONFIG_HEADER}" }`,
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(codexHome, 'auth.json'),
    JSON.stringify({ auth_mode: 'chatgpt', OPENAI_API_KEY: API_KEY, tokens: { access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN } }),
    { mode: 0o600 },
  );
  env = {
    HOME: dir,
    LANG: 'C.UTF-8',
    CODEX_HOME: codexHome,
    CODEX_CA_CERTIFICATE: bundle,
    HTTPS_PROXY: `http://alice:${PROXY_PASSWORD}@127.0.0.1:${closedPort}/p?token=${PROXY_QUERY_TOKEN}#${PROXY_FRAGMENT}`,
    ALL_PROXY: `http://alice:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:${closedPort}`,
    HTTP_PROXY: `http://alice:${SLASH_PASSWORD}@127.0.0.1:${closedPort}`,
    http_proxy: `http://alice:${BLANK_PASSWORD}@127.0.0.1:${closedPort}`,
    all_proxy: `http://alice:${AT_PASSWORD}@127.0.0.1:${closedPort}`,
    OPENAI_API_KEY: API_KEY,
  };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(isTTY = false): { io: Io; text: () => string } {
  let out = '';
  const stream = { isTTY, columns: 100, write: (chunk: string) => (out += chunk) };
  return { io: { stdout: stream, stderr: stream, env }, text: () => out };
}

function expectNoSecrets(output: string): void {
  expect(output.length).toBeGreaterThan(200);
  for (const secret of [...SECRETS, ...SECRETS.map(encodeURIComponent), privateKeyBody]) expect(output).not.toContain(secret);
}

describe('secrets never reach any output mode', () => {
  it('--json', async () => {
    const { io, text } = capture();
    await main(['--json', '--timeout', '3000'], io);
    expect(JSON.parse(text()).checks.length).toBeGreaterThan(5);
    expectNoSecrets(text());
  });

  it('plain text with --verbose evidence', async () => {
    const { io, text } = capture();
    await main(['--plain', '--verbose', '--timeout', '3000'], io);
    expect(text()).toContain('ca.bundle');
    expectNoSecrets(text());
  });

  it('the TUI with every row expanded, and the report it saves', async () => {
    const terminal = new FakeTerminal(100, 400);
    const io: Io = { stdout: terminal, stderr: new FakeTerminal(100), env };
    const parsed = await parseArgs(['--timeout', '3000']);
    if (parsed.kind !== 'doctor') throw new Error('expected a doctor command');
    const session = createSession({ ...realHost({ env }), cwd: dir }, parsed.flags);
    const keyboard = fakeKeyboard();
    const exit = runTui(session, io, { stdin: keyboard });
    await vi.waitFor(() => expect(terminal.output).toMatch(/\d+ failed/), { timeout: 10_000 });
    const press = async (keys: string): Promise<void> => {
      await vi.waitFor(() => expect(keyboard.listenerCount('readable')).toBeGreaterThan(0), { timeout: 10_000 });
      keyboard.press(keys);
    };
    for (let row = 0; row < session.planned.length; row += 1) {
      await press('\r');
      await press('\u001B[B');
    }
    await press('s');
    // A loaded machine (the whole suite on two cores) can take longer than vi.waitFor's default second.
    await vi.waitFor(async () => expect((await readdir(dir)).some((f) => f.startsWith('codex-doctor-report-'))).toBe(true), { timeout: 10_000 });
    await press('q');
    await exit;
    expectNoSecrets(terminal.output);
    const saved = (await readdir(dir)).find((f) => f.startsWith('codex-doctor-report-'))!;
    expectNoSecrets(await readFile(path.join(dir, saved), 'utf8'));
  });
});

describe('a secret only in a config.toml Codex cannot parse (shown as the lines around the error)', () => {
  const KEY_IN_BROKEN_CONFIG = 'cfg-broken-file-key-8080';
  let brokenEnv: Record<string, string>;
  beforeAll(async () => {
    const home = path.join(dir, 'broken-codex');
    await mkdir(home);
    await writeFile(path.join(home, 'config.toml'), `[shell_environment_policy.set]\nOPENAI_API_KEY = "${KEY_IN_BROKEN_CONFIG}"\nmodel = = "o3"\n`);
    brokenEnv = { HOME: dir, LANG: 'C.UTF-8', CODEX_HOME: home };
  });

  it.each([
    ['--json', ['--json', '--only', 'config.codex']],
    ['plain text with --verbose evidence', ['--plain', '--verbose', '--only', 'config.codex']],
  ])('%s', async (_, args) => {
    let out = '';
    const stream = { isTTY: false, columns: 100, write: (chunk: string) => (out += chunk) };
    await main(args, { stdout: stream, stderr: stream, env: brokenEnv });
    expect(out).toContain('CONFIG_SYNTAX_ERROR');
    // The line is still shown (JSON escapes its quotes), without the value.
    expect(out).toMatch(/OPENAI_API_KEY = \\?"\[redacted\]\\?"/);
    expect(out).not.toContain(KEY_IN_BROKEN_CONFIG);
  });
});

describe('secrets on stderr', () => {
  const password = 'S3cr3t/Pw@rd-on-argv';
  it.each([
    ['a --proxy that is a usage error', ['--proxy', `http://alice:${password}@127.0.0.1:99999`, '--json'], '--proxy http://[redacted]@127.0.0.1:99999: not a URL'],
    ['--proxy=URL', [`--proxy=http://alice:${password}@127.0.0.1:99999`], '--proxy http://[redacted]@127.0.0.1:99999: not a URL'],
    ['an unknown argument', [`http://alice:${password}@proxy:8080`], 'Unknown argument: http://[redacted]@proxy:8080'],
    ['an unknown argument without a scheme', [`alice:${password}@proxy:8080`], 'Unknown argument: [redacted]@proxy:8080'],
  ])('%s: the message names the argument without its password', async (_, args, message) => {
    const r = await runCli(args, cleanEnv({ HOME: dir }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    for (const secret of [password, ...password.split('@'), encodeURIComponent(password)]) expect(r.stderr).not.toContain(secret);
  });

  it('a password with a blank, which no URL pattern reads whole', async () => {
    const r = await runCli(['--proxy', `http://alice:${BLANK_PASSWORD}@127.0.0.1:99999`], cleanEnv({ HOME: dir }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--proxy http://[redacted]@127.0.0.1:99999: not a URL');
    for (const piece of BLANK_PASSWORD.split(' ')) expect(r.stderr).not.toContain(piece);
  });
});
