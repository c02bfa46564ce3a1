// The built binary in a real pseudo-terminal (tmux): live rows, the failing row expanded with its hint,
// the report saved, exit code 1. CI installs tmux (.ci/run); without it this test fails, it never skips.
import { execFile, execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI } from '../helpers/cli.js';

const run = promisify(execFile);

/**
 * What the smoke test runs: a lab scenario whose proxy accepts connections and never answers, so the
 * network checks stay visibly running (spinner, stage) until the scenario's 2 s deadline, then fail.
 */
const DOCTOR = {
  args: ['lab', 'proxy-hangs'],
  /** A check that is still running while the proxy hangs, and the stage it shows. */
  runningId: 'tls.auth',
  runningStage: 'proxy-connect',
  /** The failing row and what its expanded details must show. */
  failingId: 'tls.auth',
  expandedCode: 'PROXY_NO_RESPONSE',
};

const COLUMNS = 80;
const SCREEN_TIMEOUT = { timeout: 20_000, interval: 50 };

let dir: string;
let socket: string;
const session = `codex-doctor-tui-${process.pid}-${Date.now()}`;

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function tmux(...args: string[]) {
  // -u: the pane holds UTF-8 glyphs whatever this process's locale says.
  return run('tmux', ['-u', '-S', socket, ...args], { encoding: 'utf8' });
}

/** The pane's text; `joined`: soft-wrapped lines joined back into one, as a terminal's copy does (-J). */
async function screen(target = session, joined = false): Promise<string> {
  const { stdout } = await tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', target);
  return stdout;
}

/** Polls the screen until `check` stops throwing; on timeout the failure shows the last screen. */
async function waitForScreen(check: (text: string) => void, target = session): Promise<string> {
  return vi.waitFor(async () => {
    const text = await screen(target);
    try {
      check(text);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- screen ---\n${text}`);
    }
    return text;
  }, SCREEN_TIMEOUT);
}

const rowLine = (text: string, id: string): string => text.split('\n').find((line) => line.includes(` ${id} `)) ?? '';

beforeAll(async () => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'pipe' });
  } catch {
    throw new Error('tmux is not installed: the TUI smoke test needs it (apt-get install tmux; .ci/run does this).');
  }
  dir = await mkdtemp(path.join(os.tmpdir(), 'codex-doctor-tui-'));
  socket = path.join(dir, 'tmux.sock');
  // Keep the pane after the doctor exits, so a crash leaves its screen to read.
  await writeFile(path.join(dir, 'tmux.conf'), 'set -g remain-on-exit on\n');
  await startDoctor(session, DOCTOR.args, { HOME: dir });
});

const TERMINAL_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', TERM: 'tmux-256color' };

/** The built binary in a new tmux session of COLUMNS columns; its exit code goes to `<session>.exit`. */
async function startDoctor(name: string, args: readonly string[], env: Record<string, string>): Promise<void> {
  // env -i: nothing from this machine (CI=true above all, which would pick plain text) reaches the doctor.
  const command = [
    'env -i',
    ...Object.entries({ ...TERMINAL_ENV, ...env }).map(([key, value]) => shellQuote(`${key}=${value}`)),
    shellQuote(process.execPath),
    shellQuote(CLI),
    ...args.map(shellQuote),
    `; echo "EXIT=$?" > ${shellQuote(path.join(dir, `${name}.exit`))}`,
  ].join(' ');
  const first = name === session;
  await run('tmux', ['-u', '-S', socket, ...(first ? ['-f', path.join(dir, 'tmux.conf')] : []), 'new-session', '-d', '-s', name,
    '-x', String(COLUMNS), '-y', '50', '-c', dir, command]);
}

afterAll(async () => {
  if (socket) {
    await tmux('kill-session', '-t', session).catch(() => undefined);
    await tmux('kill-server').catch(() => undefined);
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('tui smoke test: the built binary in tmux', () => {
  it('shows live progress, expands the failing row with its hint, saves the report, exits 1', async () => {
    // Live progress: the network check is running, with its stage, before anything settles it.
    await waitForScreen((t) => {
      const row = rowLine(t, DOCTOR.runningId);
      expect(row).toContain(DOCTOR.runningStage);
      // Still running: no status glyph on the row, no summary on the screen yet.
      expect(row).not.toMatch(/[✔⚠✖–‼]/);
      expect(t).not.toMatch(/\d+ (passed|failed)/);
    });
    // The interactive app (not plain text): rows, then the summary and the key legend.
    let text = await waitForScreen((t) => {
      expect(t).toContain('codex-doctor');
      expect(t).toMatch(/\d+ failed/);
      expect(t).toContain('s save report');
    });
    expect(rowLine(text, DOCTOR.failingId)).toContain('✖');
    expect(text).toContain(`Fix first (${DOCTOR.failingId}, ${DOCTOR.expandedCode})`);

    // Walk to the failing row with the arrow keys (down to the bottom, up to it), then expand it.
    const ids = text
      .split('\n')
      .map((line) => /^[› ] \S+\s+([a-z]+\.[a-z-]+)\s/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined);
    const target = ids.indexOf(DOCTOR.failingId);
    expect(target).toBeGreaterThanOrEqual(0);
    // The selection starts on the failing row: wait for the bottom row first, so that the wait below sees the
    // Up keys land (and Enter never shares a read with arrow keys the app has not handled yet).
    for (let i = 1; i < ids.length; i += 1) await tmux('send-keys', '-t', session, 'Down');
    await waitForScreen((t) => expect(rowLine(t, ids.at(-1)!)).toMatch(/^› /));
    for (let i = ids.length - 1; i > target; i -= 1) await tmux('send-keys', '-t', session, 'Up');
    await waitForScreen((t) => expect(rowLine(t, DOCTOR.failingId)).toMatch(/^› /));
    await tmux('send-keys', '-t', session, 'Enter');
    text = await waitForScreen((t) => expect(t).toContain(`error ${DOCTOR.expandedCode} [`));
    expect(text).toMatch(/\n\s+fix: \S/);

    await tmux('send-keys', '-t', session, 's');
    text = await waitForScreen((t) => expect(t).toContain('Saved the report to'));
    const saved = (await readdir(dir)).filter((name) => /^codex-doctor-report-.*\.json$/.test(name));
    expect(saved).toHaveLength(1);
    // Ink wraps the path at the terminal edge: join the lines to find it whole.
    expect(text.split('\n').map((line) => line.trim()).join('')).toContain(path.join(dir, saved[0]!));
    const report = JSON.parse(await readFile(path.join(dir, saved[0]!), 'utf8'));
    expect(report.exitCode).toBe(1);
    expect(report.checks.find((c: { id: string }) => c.id === DOCTOR.failingId)?.status).toBe('fail');

    await tmux('send-keys', '-t', session, 'q');
    const exit = await vi.waitFor(() => readFile(path.join(dir, `${session}.exit`), 'utf8'), SCREEN_TIMEOUT);
    expect(exit.trim()).toBe('EXIT=1');
  }, 60_000);
});

describe('tui smoke test: a fix copied from the screen works', () => {
  it('the command line, copied from an 80-column screen as the terminal joins it, converts the file; the check then passes', async () => {
    // A home deep enough that the fix command is longer than the terminal is wide: the terminal soft-wraps it.
    const home = path.join(dir, 'a-home-directory-with-a-rather-long-name', 'where-the-corporate-root-was-saved');
    await mkdir(home, { recursive: true });
    const pem = await readFile(new URL('../../fixtures/bundles/rsa-root.pem', import.meta.url), 'utf8');
    await writeFile(path.join(home, 'corp.cer'), new X509Certificate(pem).raw);
    const name = `${session}-copy`;
    await startDoctor(name, ['--only', 'ca.bundle'], { HOME: home, CODEX_CA_CERTIFICATE: path.join(home, 'corp.cer') });
    await waitForScreen((t) => expect(t).toContain('Fix first (ca.bundle, CA_FORMAT_DER)'), name);

    const fixLine = (text: string): string | undefined => text.split('\n').map((l) => l.trim()).find((l) => l.startsWith('$ test ! -e '));
    const joined = fixLine(await screen(name, true));
    expect(joined).toBeDefined();
    const command = joined!.slice(2);
    expect(command.length).toBeGreaterThan(COLUMNS);
    // Without -J the same line is cut at the terminal's edge: the line really was soft-wrapped, not hard-broken.
    expect(fixLine(await screen(name))?.length).toBe(COLUMNS - 2);

    // The action converts to a new file, then points CODEX_CA_CERTIFICATE at it (in the shell: the rerun below).
    await run('sh', ['-c', command], { cwd: home, env: { ...process.env, HOME: home } });
    const converted = /&& export CODEX_CA_CERTIFICATE=(\S+)$/.exec(command)?.[1];
    expect(converted).toBeDefined();
    const rerun = await run(process.execPath, [CLI, '--json', '--only', 'ca.bundle'], {
      env: { ...TERMINAL_ENV, HOME: home, CODEX_CA_CERTIFICATE: converted! },
      encoding: 'utf8',
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const report = JSON.parse(rerun.stdout);
    expect(report.checks.find((c: { id: string }) => c.id === 'ca.bundle')?.status).toBe('pass');

    await tmux('send-keys', '-t', name, 'q');
    const exit = await vi.waitFor(() => readFile(path.join(dir, `${name}.exit`), 'utf8'), SCREEN_TIMEOUT);
    expect(exit.trim()).toBe('EXIT=1');
  }, 60_000);
});
