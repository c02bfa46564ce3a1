// Plain text as a user reads it in a terminal or a ticket: what it shows without --verbose, how it counts,
// which glyphs a non-UTF-8 terminal gets, and when the mode is plain text at all.
import { describe, expect, it } from 'vitest';
import { countStatuses } from '../../src/core/report.js';
import type { CheckRecord, Report } from '../../src/core/types.js';
import { pickMode, textStyle, type Io } from '../../src/main.js';
import { createTextRenderer } from '../../src/render/text.js';
import { summaryLine } from '../../src/render/view-model.js';
import { doctorFlags } from '../helpers/io.js';

const record = (id: string, status: CheckRecord['status'], extra: Partial<CheckRecord> = {}): CheckRecord => ({
  id,
  title: id,
  status,
  summary: `${id} summary`,
  findings: [],
  evidence: [],
  durationMs: 5,
  ...extra,
});

const WARNING = record('tls.auth', 'warn', {
  summary: 'The bundle lists the same root twice',
  findings: [
    { level: 'info', code: 'NET_ROUTE', stage: 'tcp', detail: 'Login connects directly.' },
    { level: 'warn', code: 'CA_DUPLICATE', stage: 'tls-verify', detail: 'CN=Corp Root appears twice.', hints: [{ text: 'Remove the duplicate block.', command: 'vi ~/corp.pem' }] },
  ],
  evidence: [{ title: 'Chain', lines: ['[0] auth.openai.com'] }],
});

function render(checks: CheckRecord[], style: { unicode: boolean }, verbose = false): string {
  let out = '';
  const text = createTextRenderer({ write: (chunk: string) => (out += chunk) }, { color: 0, columns: 100, ...style }, { verbose, planned: checks });
  const report: Report = {
    tool: 'codex-doctor',
    generatedAt: '2027-03-01T12:00:00.000Z',
    durationMs: 10,
    exitCode: 0,
    counts: countStatuses(checks),
    environment: { platform: 'linux', arch: 'x64', node: '20', doctorVersion: '0', codexVersion: null, codexHome: '', variables: {} },
    checks,
  };
  text.footer(report);
  return out;
}

describe('plain text', () => {
  it('shows warnings and their fixes without --verbose; info findings and evidence only with it', () => {
    const plain = render([WARNING], { unicode: true });
    expect(plain).toContain('warning CA_DUPLICATE [tls-verify]: CN=Corp Root appears twice.');
    expect(plain).toContain('fix: Remove the duplicate block.');
    expect(plain).toContain('$ vi ~/corp.pem');
    expect(plain).not.toContain('NET_ROUTE');
    expect(plain).not.toContain('[0] auth.openai.com');
    const verbose = render([WARNING], { unicode: true }, true);
    expect(verbose).toContain('info NET_ROUTE [tcp]');
    expect(verbose).toContain('[0] auth.openai.com');
  });

  it('never counts a skipped check as passed, in the counts or the summary line', () => {
    const checks = [record('ca.bundle', 'pass'), record('tls.auth', 'fail'), record('oauth.token', 'skip', { skipReason: 'blocked', blockedBy: ['tls.auth'] }), record('ws.upgrade', 'skip', { skipReason: 'user' })];
    expect(countStatuses(checks)).toEqual({ pass: 1, warn: 0, fail: 1, skip: 2, crash: 0 });
    expect(summaryLine(countStatuses(checks))).toBe('1 passed, 1 failed, 2 skipped');
    expect(render(checks, { unicode: true })).toContain('\n1 passed, 1 failed, 2 skipped\n');
  });

  it('falls back to ASCII glyphs for a terminal that is not UTF-8', () => {
    const io = (env: Record<string, string>): Io => ({ stdout: { write: () => true }, stderr: { write: () => true }, env });
    expect(textStyle(io({ LANG: 'C' })).unicode).toBe(false);
    expect(textStyle(io({})).unicode).toBe(false);
    expect(textStyle(io({ LANG: 'en_US.ISO-8859-1' })).unicode).toBe(false);
    expect(textStyle(io({ LANG: 'C', LC_ALL: 'en_US.UTF-8' })).unicode).toBe(true);
    expect(textStyle(io({ LC_CTYPE: 'de_DE.utf8' })).unicode).toBe(true);
    const checks = [record('ca.bundle', 'pass'), record('ws.upgrade', 'fail'), record('oauth.token', 'skip'), WARNING];
    const ascii = render(checks, { unicode: false });
    expect(ascii).toMatch(/^\[ok\] +ca\.bundle/m);
    expect(ascii).toMatch(/^\[FAIL\] +ws\.upgrade/m);
    expect(ascii).toMatch(/^\[skip\] +oauth\.token/m);
    expect(ascii).toMatch(/^\[warn\] +tls\.auth/m);
    expect(ascii).not.toMatch(/[^\x00-\x7f]/);
  });
});

describe('which mode', () => {
  const io = (env: Record<string, string>, isTTY: boolean): Io => ({ stdout: { write: () => true, isTTY }, stderr: { write: () => true }, env });
  it.each([
    [{}, true, 'tui'],
    [{ CI: 'false' }, true, 'tui'],
    [{ CI: '' }, true, 'tui'],
    [{ CI: 'true' }, true, 'text'],
    [{ CI: '1' }, true, 'text'],
    [{}, false, 'text'],
  ] as const)('%j on a terminal=%s is %s (CI=false is not CI)', (env, isTTY, mode) => {
    expect(pickMode(doctorFlags({ output: 'auto' }), io(env, isTTY))).toBe(mode);
  });
});
