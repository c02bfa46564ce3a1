// Agreement between the real Codex and the doctor, per scenario x release x transport; known disagreements
// (recorded with a reason in known-disagreements.json) and the table printed and committed as
// docs/conformance.md. Pure: unit-tested in test/conformance/.

import type { DoctorVerdict } from './doctor-verdict.js';
import type { Outcome, Transport } from './observe.js';
import type { FixResult } from './prescription.js';

export interface Row {
  scenario: string;
  release: string;
  transport: Transport;
  codex: Outcome;
  doctor: DoctorVerdict | null;
  /** null: agree. Otherwise what differs: the verdict, or the cause class Codex's text names. */
  disagreement: 'verdict' | 'cause' | 'no-report' | null;
  /**
   * Prescription for a failing transport: the user's fix (`codex-doctor fix --yes`) fixed it or not, IT's change
   * fixed it or not, a request to IT the lab does not model, a change by hand, or no action in the report.
   */
  fix?: FixResult;
  /** Shown beside the fix (a by-hand first fix: what `codex-doctor fix --yes` did anyway). */
  fixNote?: string;
  /** What Codex said after the fix (for a fix that did not work). */
  fixEvidence?: string;
}

export interface KnownDisagreement {
  /** `verdict` (default): Codex and the doctor disagree; `fix`: the doctor's first fix does not make Codex work. */
  kind?: 'verdict' | 'fix';
  scenario: string;
  /** A release, or "*" for every release. */
  release: string;
  transport: Transport;
  reason: string;
}

export function compareTransport(codex: Outcome, doctor: DoctorVerdict | null): Row['disagreement'] {
  if (!doctor) return 'no-report';
  if (codex.works !== doctor.works) return 'verdict';
  // Codex's text names a cause only on some paths (the WebSocket); compare where it does.
  if (!codex.works && codex.cause && doctor.cause && codex.cause !== doctor.cause) return 'cause';
  if (!codex.works && codex.cause && !doctor.cause) return 'cause';
  return null;
}

function matches(k: KnownDisagreement, row: Row): boolean {
  return k.scenario === row.scenario && k.transport === row.transport && (k.release === '*' || k.release === row.release);
}

export function isKnown(row: Row, known: readonly KnownDisagreement[]): KnownDisagreement | undefined {
  return known.find((k) => (k.kind ?? 'verdict') === 'verdict' && matches(k, row));
}

export function isKnownFixFailure(row: Row, known: readonly KnownDisagreement[]): KnownDisagreement | undefined {
  return known.find((k) => k.kind === 'fix' && matches(k, row));
}

const FIX_FAILED = new Set<Row['fix']>(['not-fixed', 'error', 'it-not-fixed', 'hand-not-fixed']);

/** Disagreements not recorded, and recorded ones that no longer happen (the file cannot rot). */
export function judge(
  rows: readonly Row[],
  known: readonly KnownDisagreement[],
): { unexpected: Row[]; vanished: KnownDisagreement[]; unfixed: Row[] } {
  const unexpected = rows.filter((row) => row.disagreement !== null && !isKnown(row, known));
  const unfixed = rows.filter((row) => FIX_FAILED.has(row.fix) && !isKnownFixFailure(row, known));
  const vanished = known.filter((k) => {
    const matching = rows.filter((row) => matches(k, row));
    if (matching.length === 0) return false;
    return k.kind === 'fix' ? matching.every((row) => !FIX_FAILED.has(row.fix)) : matching.every((row) => row.disagreement === null);
  });
  return { unexpected, vanished, unfixed };
}

export interface Efficacy {
  /** The user's own fix (`codex-doctor fix --yes`): fixed of fixable. */
  fixed: number;
  fixable: number;
  /** Requests to IT whose answer the lab plays: fixed after IT's change, of measured. */
  itFixed: number;
  itMeasured: number;
  /** Requests to IT the lab does not play (reissue a CA, hand out a password). */
  itNotModelled: number;
  /** Changes by hand the lab plays (the user's step, from what the scenario knows): fixed, of measured. */
  handFixed: number;
  handMeasured: number;
  /** No action, or a change by hand the lab does not play. */
  notMeasured: number;
}

export function efficacy(rows: readonly Row[]): Efficacy {
  const count = (fix: Row['fix']): number => rows.filter((r) => r.fix === fix).length;
  return {
    fixed: count('fixed'),
    fixable: count('fixed') + count('not-fixed') + count('error'),
    itFixed: count('it-fixed'),
    itMeasured: count('it-fixed') + count('it-not-fixed'),
    itNotModelled: count('it-request'),
    handFixed: count('hand-fixed'),
    handMeasured: count('hand-fixed') + count('hand-not-fixed'),
    notMeasured: count('not-measured') + count('manual'),
  };
}

const TRANSPORT_LABEL: Record<Transport, string> = { login: 'login (token POST)', websocket: 'WebSocket', https: 'HTTPS' };

function verdictWord(works: boolean | undefined): string {
  return works === undefined ? '?' : works ? 'works' : 'fails';
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The Markdown table (also what the terminal shows). */
export function renderTable(rows: readonly Row[], known: readonly KnownDisagreement[]): string {
  const lines = [
    '| scenario | release | transport | Codex | doctor | agree | fix | Codex says |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const codex = `${verdictWord(row.codex.works)}${row.codex.cause ? ` (${row.codex.cause})` : ''}`;
    const doctor = row.doctor ? `${verdictWord(row.doctor.works)}${row.doctor.cause ? ` (${row.doctor.cause})` : ''}` : 'no report';
    const agree = row.disagreement === null ? 'yes' : isKnown(row, known) ? `KNOWN: ${row.disagreement}` : `NO: ${row.disagreement}`;
    const fix = `${row.fix && FIX_FAILED.has(row.fix) && isKnownFixFailure(row, known) ? `KNOWN: ${row.fix}` : (row.fix ?? '')}${row.fixNote ? ` (${row.fixNote})` : ''}`;
    lines.push(
      `| ${row.scenario} | ${row.release} | ${TRANSPORT_LABEL[row.transport]} | ${codex} | ${doctor} | ${agree} | ${fix} | ${cell(row.codex.evidence.slice(0, 140))} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function summaryLines(rows: readonly Row[], known: readonly KnownDisagreement[]): string[] {
  const { unexpected, vanished, unfixed } = judge(rows, known);
  const agreeing = rows.filter((r) => r.disagreement === null).length;
  const e = efficacy(rows);
  const knownUnfixed = rows.filter((r) => FIX_FAILED.has(r.fix) && isKnownFixFailure(r, known)).length;
  const scenarios = new Set(rows.map((r) => r.scenario)).size;
  const releases = [...new Set(rows.map((r) => r.release))];
  return [
    `${scenarios} scenarios x ${releases.length} release(s) (${releases.join(', ')}) x 3 transports = ${rows.length} observations`,
    `agreement: ${agreeing}/${rows.length}; known disagreements: ${rows.filter((r) => r.disagreement !== null && isKnown(r, known)).length}; new: ${unexpected.length}; recorded but gone: ${vanished.length}`,
    e.fixable + e.itMeasured + e.itNotModelled + e.handMeasured + e.notMeasured === 0
      ? 'fix efficacy: no failing transport'
      : [
          e.fixable > 0 ? `fix efficacy: ${e.fixed}/${e.fixable} fixed by the user's fix (codex-doctor fix --yes, the doctor's first action)` : 'fix efficacy: no user fix to measure',
          ...(e.itMeasured ? [`IT-supplied: ${e.itFixed}/${e.itMeasured} fixed after IT's change (the doctor's request to IT, played by the lab)`] : []),
          ...(e.itNotModelled ? [`${e.itNotModelled} request(s) to IT the lab does not play`] : []),
          ...(e.handMeasured ? [`user by hand: ${e.handFixed}/${e.handMeasured} fixed (the doctor's first fix is a change by hand, played as the action says)`] : []),
          ...(e.notMeasured ? [`${e.notMeasured} failing transport(s) not measured (no action, or a change by hand the lab does not play)`] : []),
          ...(knownUnfixed ? [`${knownUnfixed} not fixed, recorded in known-disagreements.json`] : []),
          ...(unfixed.length ? [`${unfixed.length} NOT fixed and not recorded`] : []),
        ].join('; '),
  ];
}
