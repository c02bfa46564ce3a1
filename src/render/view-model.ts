// What every human renderer (plain text, TUI) derives from a report, computed in one place.
import { firstFix, type FirstFix } from '../core/ticket.js';
import type { CheckRecord, Finding, RawCause, Report, Status } from '../core/types.js';

export const GLYPHS: Record<'unicode' | 'ascii', Record<Status | 'running', string>> = {
  unicode: { pass: '✔', warn: '⚠', fail: '✖', skip: '–', crash: '‼', running: '…' },
  ascii: { pass: '[ok]', warn: '[warn]', fail: '[FAIL]', skip: '[skip]', crash: '[CRASH]', running: '[..]' },
};

const ORDER: Status[] = ['pass', 'warn', 'fail', 'skip', 'crash'];
const WORDS: Record<Status, [string, string]> = {
  pass: ['passed', 'passed'],
  warn: ['warning', 'warnings'],
  fail: ['failed', 'failed'],
  skip: ['skipped', 'skipped'],
  crash: ['crashed', 'crashed'],
};

/** "4 passed, 1 warning, 1 failed" (zero counts left out). */
export function summaryLine(counts: Record<Status, number>): string {
  const parts = ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${WORDS[s][counts[s] === 1 ? 0 : 1]}`);
  return parts.length > 0 ? parts.join(', ') : 'no checks ran';
}

/** The findings a reader must see for a row: failures first, then warnings; info only when verbose. */
export function visibleFindings(record: CheckRecord, verbose: boolean): Finding[] {
  const rank = { fail: 0, warn: 1, info: 2 } as const;
  return record.findings
    .filter((f) => verbose || f.level !== 'info')
    .sort((a, b) => rank[a.level] - rank[b.level]);
}

export type TopFix = FirstFix;

/** The most important fix: the first failing check in runbook order, else the first warning. */
export function topFix(report: Pick<Report, 'checks'>): TopFix | undefined {
  return firstFix(report.checks);
}

/** "failed at tls-verify" style label for a settled row. */
export function stageLabel(record: CheckRecord): string | undefined {
  if (record.status === 'crash') return `crashed at ${record.error?.stage ?? 'input'}`;
  if (record.status === 'fail' && record.error) return `failed at ${record.error.stage}`;
  return undefined;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** What a finding's level is called in front of its code, in every renderer. */
export const LEVEL_LABELS: Record<Finding['level'], string> = { fail: 'error', warn: 'warning', info: 'info' };

/** "ECONNRESET: socket hang up" for a finding's or error's raw cause. */
export function causeText(cause: RawCause): string {
  return [cause.code, cause.message].filter(Boolean).join(': ');
}

/** One row of the endpoint table: a host one network check probed, as that check's `data.endpoints` lists it. */
export interface EndpointLine {
  check: string;
  status: Status;
  /** Padded columns: check, host:port, transport, purpose, route, verdict (code). */
  text: string;
}

interface EndpointData {
  host: string;
  port: number;
  transport: string;
  purpose: string;
  route: string;
  status: Status;
  code: string | null;
}

export const ENDPOINT_TABLE_TITLE = 'Hosts Codex contacts (each by its own route and roots)';

/**
 * Every host the network checks probed, one table for the whole run: which host failed, by which route, and
 * why. Empty when no network check reported endpoints (offline runs, skipped checks).
 */
export function endpointTable(checks: readonly CheckRecord[]): { header: string; lines: EndpointLine[] } {
  const rows = checks.flatMap((check) =>
    (Array.isArray(check.data?.endpoints) ? (check.data.endpoints as EndpointData[]) : []).map((e) => ({
      check: check.id,
      status: e.status,
      cells: [check.id, `${e.host}:${e.port}`, e.transport, e.purpose, e.route, `${e.status}${e.code ? ` ${e.code}` : ''}`],
    })),
  );
  const header = ['check', 'host', 'transport', 'purpose', 'route', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)));
  const pad = (cells: readonly string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return { header: pad(header), lines: rows.map((r) => ({ check: r.check, status: r.status, text: pad(r.cells) })) };
}
