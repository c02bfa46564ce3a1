// The stream in front of the terminal: Ink's erase counts soft-wrapped rows, and the shell prompt never lands
// on the app's last line.
import { describe, expect, it, vi } from 'vitest';
import { runTui } from '../../src/render/tui/run-tui.js';
import { eraseLines, rowCounting, terminalRows } from '../../src/render/tui/terminal-rows.js';
import { FAILING_CA, FakeTerminal, PASSING_ENV, PLANNED, WARNING_TLS, controlledSession, fakeKeyboard } from './tui-fixtures.js';

describe('rowCounting', () => {
  it('erases every row a soft-wrapped line took, not one per line end', () => {
    const terminal = new FakeTerminal(10);
    const { stream } = rowCounting(terminal as unknown as NodeJS.WriteStream);
    // 15 characters: two rows at 10 columns; then one row, then the row the cursor is on.
    stream.write('0123456789ABCDE\nxy\n');
    expect(terminalRows('0123456789ABCDE\nxy\n', 10)).toBe(4);
    // Ink erases what it counted: three lines.
    stream.write(`${eraseLines(3)}new frame\n`);
    expect(terminal.output.endsWith(`${eraseLines(4)}new frame\n`)).toBe(true);
    stream.write(`${eraseLines(2)}last\n`);
    expect(terminal.output.endsWith(`${eraseLines(2)}last\n`)).toBe(true);
  });

  it('knows whether the last frame ended its line', () => {
    const { stream, endsLine } = rowCounting(new FakeTerminal(80) as unknown as NodeJS.WriteStream);
    expect(endsLine()).toBe(true);
    stream.write('a frame as tall as the terminal');
    expect(endsLine()).toBe(false);
    stream.write('\n');
    expect(endsLine()).toBe(true);
  });
});

describe('runTui on a terminal shorter than the app', () => {
  it('ends the last line, so the shell prompt starts on its own line', async () => {
    const { session, runs } = controlledSession(PLANNED);
    const terminal = new FakeTerminal(40, 6);
    const keyboard = fakeKeyboard();
    const code = runTui(session, { stdout: terminal, stderr: new FakeTerminal(40), env: { LANG: 'C.UTF-8' } }, { stdin: keyboard });
    await vi.waitFor(() => expect(runs).toHaveLength(1), { timeout: 10_000 });
    runs[0]!.finish([FAILING_CA, PASSING_ENV, WARNING_TLS], 1);
    await vi.waitFor(() => expect(terminal.output).toContain('1 failed'), { timeout: 10_000 });
    await vi.waitFor(() => expect(keyboard.listenerCount('readable')).toBeGreaterThan(0), { timeout: 10_000 });
    keyboard.press('q');
    await expect(code).resolves.toBe(1);
    expect(terminal.output.endsWith('\n')).toBe(true);
  });
});
