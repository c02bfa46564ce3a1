import chalk from 'chalk';
import { cleanup, render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckRecord, Hint } from '../../src/core/types.js';
import type { DoctorSession, Io } from '../../src/main.js';
import { DoctorApp } from '../../src/render/tui/DoctorApp.js';
import { runTui } from '../../src/render/tui/run-tui.js';
import {
  FAILING_CA,
  FakeTerminal,
  PASSING_ENV,
  PLANNED,
  SAVED_MARKDOWN_PATH,
  SAVED_PATH,
  WARNING_TLS,
  controlledSession,
  fakeKeyboard,
} from './tui-fixtures.js';

const UNICODE = { color: 0, unicode: true } as const;
const KEYS = { up: '\u001B[A', down: '\u001B[B', enter: '\r', ctrlC: '\u0003' };
const initialChalkLevel = chalk.level;

afterEach(() => {
  cleanup();
  chalk.level = initialChalkLevel;
});

// A loaded machine (two cores shared by the whole suite) can take more than vi.waitFor's default second.
const WAIT = { timeout: 10_000 };

function mount(options: { columns?: number; rows?: number; style?: { color: 0 | 1 | 2 | 3; unicode: boolean } } = {}) {
  const { session, runs, saved } = controlledSession(PLANNED);
  let time = 0;
  const onExit = vi.fn<(outcome: number | Error) => void>();
  const app = render(
    <DoctorApp
      session={session}
      style={options.style ?? UNICODE}
      onExit={onExit}
      clock={() => time}
      {...(options.columns !== undefined && { columns: options.columns })}
      {...(options.rows !== undefined && { rows: options.rows })}
    />,
  );
  const frame = (): string => app.lastFrame() ?? '';
  return {
    ...app,
    runs,
    saved,
    onExit,
    frame,
    setTime: (ms: number) => {
      time = ms;
    },
    /** Keys reach the app only once useInput has put the keyboard in raw mode and listens. */
    async press(keys: string) {
      await vi.waitFor(() => expect(app.stdin.listenerCount('readable')).toBeGreaterThan(0), WAIT);
      app.stdin.write(keys);
    },
    async waitFor(text: string) {
      await vi.waitFor(() => expect(frame()).toContain(text), WAIT);
    },
    /** The row line for a check id (first line that names it). */
    row: (id: string) => frame().split('\n').find((line) => line.includes(id)) ?? '',
  };
}

async function settledApp(options: Parameters<typeof mount>[0] = {}) {
  const app = mount(options);
  await app.waitFor('waiting');
  app.runs[0]!.finish([FAILING_CA, PASSING_ENV, WARNING_TLS], 1);
  await app.waitFor('1 passed, 1 warning, 1 failed');
  return app;
}

describe('tui: live progress', () => {
  it('shows rows in runbook order, the running stage with a spinner and elapsed time, then the summary and the fix first', async () => {
    const app = mount();
    await app.waitFor('waiting');
    const lines = app.frame().split('\n');
    const order = PLANNED.map((p) => lines.findIndex((l) => l.includes(p.id)));
    expect(order.every((index, i) => index > 0 && (i === 0 || index > order[i - 1]!))).toBe(true);
    expect(app.frame()).toContain('0 of 3 checks done');

    const run = app.runs[0]!;
    run.emit({ type: 'start', id: 'tls.auth', at: 0 });
    run.emit({ type: 'stage', id: 'tls.auth', stage: 'tls-handshake', at: 0 });
    app.setTime(1500);
    await vi.waitFor(() => expect(app.row('tls.auth')).toContain('tls-handshake · 1.5\u00A0s'), WAIT);
    // 1500 ms is frame 18 of the 80 ms spinner: the 9th of its 10 frames.
    expect(app.row('tls.auth')).toContain('⠇');

    run.emit({ type: 'end', id: 'tls.auth', record: WARNING_TLS });
    await vi.waitFor(() => expect(app.row('tls.auth')).toContain('⚠'), WAIT);
    expect(app.frame()).toContain('1 of 3 checks done');

    run.finish([FAILING_CA, PASSING_ENV, WARNING_TLS], 1);
    await app.waitFor('1 passed, 1 warning, 1 failed');
    expect(app.row('ca.bundle')).toContain('✖');
    expect(app.row('ca.bundle')).toContain('failed at parse: CODEX_CA_CERTIFICATE holds no certificate (12\u00A0ms)');
    expect(app.frame()).toContain('Fix first (ca.bundle, CA_NO_CERTIFICATES): Export the corporate root as PEM');
    expect(app.frame()).toContain('$ openssl x509 -inform DER');
    expect(app.frame()).toMatch(/r rerun\s+s save report\s+q quit/);
  });

  it('uses ASCII glyphs and spinner when the terminal is not UTF-8', async () => {
    const app = mount({ style: { color: 0, unicode: false } });
    await app.waitFor('waiting');
    app.runs[0]!.emit({ type: 'start', id: 'ca.bundle', at: 0 });
    await vi.waitFor(() => expect(app.row('ca.bundle')).toContain('[-]'), WAIT);
    app.runs[0]!.finish([FAILING_CA, PASSING_ENV, WARNING_TLS], 1);
    await app.waitFor('1 failed');
    expect(app.row('ca.bundle')).toContain('[FAIL]');
    expect(app.frame()).toContain('up/down select');
    expect(app.frame()).not.toMatch(/[^\x00-\x7F]/);
  });
});

describe('tui: keys', () => {
  it('selects with down/up (and j/k) and expands the row with enter: error, cause, hints, evidence', async () => {
    const app = await settledApp();
    expect(app.row('ca.bundle')).toMatch(/^› /);
    await app.press(KEYS.down);
    await vi.waitFor(() => expect(app.row('env.precedence')).toMatch(/^› /), WAIT);
    await app.press('j');
    await vi.waitFor(() => expect(app.row('tls.auth')).toMatch(/^› /), WAIT);
    await app.press('k');
    await app.press(KEYS.up);
    await vi.waitFor(() => expect(app.row('ca.bundle')).toMatch(/^› /), WAIT);

    await app.press(KEYS.enter);
    await app.waitFor('error CA_NO_CERTIFICATES [parse]');
    const frame = app.frame();
    expect(frame).toContain('/home/dev/corp.crt has no CERTIFICATE block.');
    expect(frame).toContain('cause: PEM_NO_CERTS: no certificates found in PEM file');
    expect(frame).toContain('fix: Export the corporate root as PEM and point CODEX_CA_CERTIFICATE at it.');
    expect(frame).toContain('Presented chain');
    expect(frame).toContain('1 CN=Corp Inspection CA (not in any trust set)');
    expect(frame).toContain('Trust sets compared');
    expect(frame).toContain('system roots: 146 certificates');

    // Space toggles it closed again.
    await app.press(' ');
    await vi.waitFor(() => expect(app.frame()).not.toContain('Presented chain'), WAIT);
  });

  it('expands a warning with its TOML snippet', async () => {
    const app = await settledApp();
    await app.press('j');
    await vi.waitFor(() => expect(app.row('env.precedence')).toMatch(/^› /), WAIT);
    await app.press('j');
    await vi.waitFor(() => expect(app.row('tls.auth')).toMatch(/^› /), WAIT);
    await app.press(KEYS.enter);
    await app.waitFor('warning CA_DUPLICATE [tls-verify]');
    expect(app.frame()).toContain('fix: Remove the duplicate block from the bundle.');
    expect(app.frame()).toMatch(/\n\s+\[shell_environment_policy\]\n\s+inherit = "core"/);
  });

  it('saves the JSON and the Markdown report with s and shows both paths', async () => {
    const app = await settledApp();
    await app.press('s');
    await app.waitFor(`Saved the report to ${SAVED_PATH}`);
    await app.waitFor(SAVED_MARKDOWN_PATH);
    expect(app.saved).toHaveLength(1);
    expect(app.saved[0]!.exitCode).toBe(1);
    expect(app.saved[0]!.checks.map((c) => c.status)).toEqual(['fail', 'pass', 'warn']);
  });

  it('reruns with r: the same session runs again from waiting rows', async () => {
    const app = await settledApp();
    await app.press('r');
    await vi.waitFor(() => expect(app.runs).toHaveLength(2), WAIT);
    await vi.waitFor(() => expect(app.row('ca.bundle')).toContain('waiting'), WAIT);
    expect(app.frame()).not.toContain('Fix first');
    expect(app.frame()).not.toContain('r rerun');
    app.runs[1]!.finish([{ ...PASSING_ENV, id: 'ca.bundle' }, PASSING_ENV, { ...PASSING_ENV, id: 'tls.auth' }], 0);
    await app.waitFor('3 passed');
    await app.press('q');
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(0), WAIT);
  });

  it('quits with q with the report exit code, and drops the legend', async () => {
    const app = await settledApp();
    await app.press('q');
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(1), WAIT);
    await vi.waitFor(() => expect(app.frame()).not.toContain('q quit'), WAIT);
    expect(app.onExit).toHaveBeenCalledTimes(1);
  });

  it('interrupts a run in progress with Ctrl-C: aborts its signal, waits for it, exits 130', async () => {
    const app = mount();
    await app.waitFor('waiting');
    const run = app.runs[0]!;
    run.emit({ type: 'start', id: 'ca.bundle', at: 0 });
    await app.press(KEYS.ctrlC);
    await vi.waitFor(() => expect(run.signal.aborted).toBe(true), WAIT);
    await app.waitFor('Stopping');
    expect(app.onExit).not.toHaveBeenCalled();
    run.finish([{ ...FAILING_CA, status: 'skip', summary: 'Interrupted.', findings: [], evidence: [] }, PASSING_ENV, WARNING_TLS], 130);
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(130), WAIT);
    expect(app.frame()).toContain('Interrupted.');
  });

  it('a second Ctrl-C does not wait for checks that ignore the abort', async () => {
    const app = mount();
    await app.waitFor('waiting');
    await app.press(KEYS.ctrlC);
    await app.waitFor('Stopping');
    await app.press(KEYS.ctrlC);
    await vi.waitFor(() => expect(app.onExit).toHaveBeenCalledWith(130), WAIT);
  });
});

/** Every command of the fixtures' fixes: each must be on screen whole, on one line. */
const COMMANDS = [FAILING_CA, WARNING_TLS].flatMap((r) => r.findings.flatMap((f) => f.hints?.flatMap((h) => h.command ?? []) ?? []));

describe('tui: layout', () => {
  it.each([40, 80])('at %i columns: commands and paths whole on one line, prose within the width', async (columns) => {
    // A path longer than the row's body, in the summary, the finding and the fix's text.
    const path = '/home/dev/certificates-mailed-by-it/corp-root-certificate-authority-2026.cer';
    const failing: CheckRecord = {
      ...FAILING_CA,
      summary: `${path} holds no certificate`,
      findings: FAILING_CA.findings.map((f) => ({ ...f, detail: `${path} has no CERTIFICATE block.`, hints: f.hints!.map((h) => ({ ...h, text: `Export it again as PEM over ${path} and retry.` })) as [Hint, ...Hint[]] })),
    };
    const app = mount({ columns });
    await app.waitFor('waiting');
    app.runs[0]!.finish([failing, PASSING_ENV, WARNING_TLS], 1);
    await app.waitFor('1 failed');
    await app.press(KEYS.enter);
    await app.waitFor('Trust sets compared');
    const lines = app.frame().split('\n').map((l) => stripVTControlCharacters(l));
    for (const command of COMMANDS) expect(lines.some((l) => l.includes(command)), command).toBe(true);
    // The row, the finding, its fix and the fix first: four times whole.
    expect(lines.filter((l) => l.includes(path))).toHaveLength(4);
    // Only a line holding a command or evidence (which may hold paths) may be longer: the terminal soft-wraps it.
    const evidence = FAILING_CA.evidence.flatMap((e) => e.lines);
    const tooLong = lines.filter((l) => [...l].length > columns && ![...COMMANDS, ...evidence, path].some((c) => l.includes(c)));
    expect(tooLong).toEqual([]);
  });

  it('puts the summary under the id at 40 columns, beside it at 80', async () => {
    const narrow = await settledApp({ columns: 40 });
    expect(narrow.frame()).toMatch(/› ✖ ca\.bundle \(12\u00A0ms\)\n\s+failed at parse:/);
    cleanup();
    const wide = await settledApp({ columns: 80 });
    expect(wide.row('env.precedence')).toMatch(/✔ env\.precedence\s+Codex uses CODEX_CA_CERTIFICATE for both transports \(3\u00A0ms\)/);
  });

  it('starts the selection on the first failing row', async () => {
    const app = mount();
    await app.waitFor('waiting');
    app.runs[0]!.finish([{ ...PASSING_ENV, id: 'ca.bundle' }, PASSING_ENV, { ...FAILING_CA, id: 'tls.auth' }], 1);
    await app.waitFor('1 failed');
    await vi.waitFor(() => expect(app.row('tls.auth')).toMatch(/^› /), WAIT);
    await app.press(KEYS.enter);
    await app.waitFor('error CA_NO_CERTIFICATES [parse]');
  });

  it('scrolls an expanded row taller than the terminal inside the app', async () => {
    const rows = 24;
    /** Terminal rows the frame takes, its long lines soft-wrapped at 80 columns. */
    const height = (frame: string): number => frame.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil([...stripVTControlCharacters(l)].length / 80)), 0);
    const app = await settledApp({ columns: 80, rows });
    await app.press(KEYS.enter);
    await app.waitFor('more line(s) (PgDn or d)');
    // One row is left free, so the last line never runs into the shell prompt.
    await vi.waitFor(() => expect(height(app.frame())).toBeLessThanOrEqual(rows - 1), WAIT);
    expect(app.frame()).not.toContain('system roots: 146 certificates');
    expect(app.frame()).toContain('PgUp/PgDn scroll');
    await app.press('d');
    await app.waitFor('line(s) above (PgUp or u)');
    await app.press('d');
    await app.waitFor('system roots: 146 certificates');
    expect(height(app.frame())).toBeLessThanOrEqual(rows - 1);
    await app.press('u');
    await app.press('u');
    await app.waitFor('error CA_NO_CERTIFICATES [parse]');
  });

  it('copies the selected row\'s fix command with c (OSC 52) and says so', async () => {
    const app = await settledApp();
    await app.press('c');
    await app.waitFor('Copied to the clipboard');
    const osc = app.frames.join('').match(/\u001B\]52;c;([A-Za-z0-9+/=]+)\u0007/);
    expect(Buffer.from(osc?.[1] ?? '', 'base64').toString('utf8')).toBe(COMMANDS[0]);
    expect(app.frame()).toContain(COMMANDS[0]);
  });
});

describe('tui: runTui in a terminal', () => {
  function terminalIo(env: Record<string, string>, columns = 80): { io: Io; terminal: FakeTerminal } {
    const terminal = new FakeTerminal(columns);
    return { io: { stdout: terminal, stderr: new FakeTerminal(columns), env }, terminal };
  }

  async function finishedRun(session: DoctorSession, runs: ReturnType<typeof controlledSession>['runs']) {
    await vi.waitFor(() => expect(runs).toHaveLength(1), WAIT);
    runs[0]!.finish([FAILING_CA, PASSING_ENV, WARNING_TLS], 1);
    return session;
  }

  const SGR = /\u001B\[[\d;]*m/;

  it('with NO_COLOR writes no colour or style sequences, and returns the exit code after q', async () => {
    // As if chalk had detected a colour terminal on its own.
    chalk.level = 3;
    const { session, runs } = controlledSession(PLANNED);
    const { io, terminal } = terminalIo({ NO_COLOR: '1', LANG: 'C.UTF-8' });
    const keyboard = fakeKeyboard();
    const code = runTui(session, io, { stdin: keyboard });
    await finishedRun(session, runs);
    await vi.waitFor(() => expect(terminal.output).toContain('1 passed, 1 warning, 1 failed'), WAIT);
    await vi.waitFor(() => expect(keyboard.listenerCount('readable')).toBeGreaterThan(0), WAIT);
    keyboard.press('q');
    await expect(code).resolves.toBe(1);
    expect(terminal.output).toContain('ca.bundle');
    expect(terminal.output).not.toMatch(SGR);
  });

  it('with FORCE_COLOR paints the statuses (so the NO_COLOR test can fail)', async () => {
    chalk.level = 0;
    const { session, runs } = controlledSession(PLANNED);
    const { io, terminal } = terminalIo({ FORCE_COLOR: '1', LANG: 'C.UTF-8' });
    const keyboard = fakeKeyboard();
    const code = runTui(session, io, { stdin: keyboard });
    await finishedRun(session, runs);
    await vi.waitFor(() => expect(terminal.output).toContain('1 failed'), WAIT);
    await vi.waitFor(() => expect(keyboard.listenerCount('readable')).toBeGreaterThan(0), WAIT);
    keyboard.press('q');
    await expect(code).resolves.toBe(1);
    expect(terminal.output).toMatch(SGR);
    expect(terminal.output).toContain('\u001B[31m✖');
  });

  it('without a keyboard exits by itself when the run is done', async () => {
    const { session, runs } = controlledSession(PLANNED);
    const { io, terminal } = terminalIo({ LANG: 'C.UTF-8' });
    const keyboard = fakeKeyboard(false);
    const code = runTui(session, io, { stdin: keyboard });
    await finishedRun(session, runs);
    await expect(code).resolves.toBe(1);
    expect(terminal.output).toContain('1 passed, 1 warning, 1 failed');
  });

  it('rejects when the run itself crashes, so the bin reports a doctor bug (exit 3)', async () => {
    const { session, runs } = controlledSession(PLANNED);
    const { io } = terminalIo({ LANG: 'C.UTF-8' });
    const code = runTui(session, io, { stdin: fakeKeyboard() });
    await vi.waitFor(() => expect(runs).toHaveLength(1), WAIT);
    runs[0]!.crash(new Error('world loader exploded'));
    await expect(code).rejects.toThrow('world loader exploded');
  });

  it('an outside SIGINT (the io signal) interrupts the run and exits 130', async () => {
    const { session, runs } = controlledSession(PLANNED);
    const interrupt = new AbortController();
    const { io } = terminalIo({ LANG: 'C.UTF-8' });
    const code = runTui(session, { ...io, signal: interrupt.signal }, { stdin: fakeKeyboard() });
    await vi.waitFor(() => expect(runs).toHaveLength(1), WAIT);
    interrupt.abort();
    await vi.waitFor(() => expect(runs[0]!.signal.aborted).toBe(true), WAIT);
    runs[0]!.finish([PASSING_ENV], 130);
    await expect(code).resolves.toBe(130);
  });
});
