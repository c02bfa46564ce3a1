// Secrets planted everywhere a user keeps them never reach any output mode: --json, plain text
// (verbose, with evidence), the TUI with every row expanded, and the report the TUI saves.
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
const SECRETS = [PROXY_PASSWORD, DOTENV_PASSWORD, API_KEY, ACCESS_TOKEN, REFRESH_TOKEN, 'PLANTEDkey0123456789'];

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
  await writeFile(path.join(codexHome, '.env'), `HTTPS_PROXY=http://bob:${DOTENV_PASSWORD}@127.0.0.1:${closedPort}\nOPENAI_API_KEY=${API_KEY}\n`);
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
    HTTPS_PROXY: `http://alice:${PROXY_PASSWORD}@127.0.0.1:${closedPort}`,
    ALL_PROXY: `http://alice:${encodeURIComponent(PROXY_PASSWORD)}@127.0.0.1:${closedPort}`,
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
  for (const secret of [...SECRETS, privateKeyBody]) expect(output).not.toContain(secret);
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
      await vi.waitFor(() => expect(keyboard.listenerCount('readable')).toBeGreaterThan(0));
      keyboard.press(keys);
    };
    for (let row = 0; row < session.planned.length; row += 1) {
      await press('\r');
      await press('\u001B[B');
    }
    await press('s');
    await vi.waitFor(async () => expect((await readdir(dir)).some((f) => f.startsWith('codex-doctor-report-'))).toBe(true));
    await press('q');
    await exit;
    expectNoSecrets(terminal.output);
    const saved = (await readdir(dir)).find((f) => f.startsWith('codex-doctor-report-'))!;
    expectNoSecrets(await readFile(path.join(dir, saved), 'utf8'));
  });
});
