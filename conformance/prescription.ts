// Issue #12 item 4, the pure part: which fix stands behind a failing verdict (the first action of the deciding
// finding), whose it is to make, and what `codex-doctor fix --yes --json` said it did. The world (world.ts)
// runs the real command in the scenario world and reruns Codex from a new shell.

import type { FixAction, ItTopic } from '../src/core/types.js';
import type { Outcome } from './observe.js';

interface ReportLike {
  checks?: Array<{ id?: string; findings?: Array<{ level?: string; code?: string; hints?: Array<{ action?: FixAction }> }> }>;
}

/** The first action of the failing (or warning) finding `code` of check `checkId`: the fix for that verdict. */
export function fixActionFor(report: unknown, decidedBy: { checkId: string; code: string } | undefined): FixAction | undefined {
  if (!decidedBy) return undefined;
  const check = (report as ReportLike | null)?.checks?.find((c) => c.id === decidedBy.checkId);
  const finding = check?.findings?.find((f) => f.code === decidedBy.code && (f.level === 'fail' || f.level === 'warn'));
  return finding?.hints?.find((hint) => hint.action !== undefined)?.action;
}

/** Whether any warn or fail finding's first action is one `codex-doctor fix` applies (not IT's, not by hand). */
export function hasUserAction(report: unknown): boolean {
  return ((report as ReportLike | null)?.checks ?? []).some((check) =>
    (check.findings ?? []).some(
      (f) => (f.level === 'fail' || f.level === 'warn') && firstFixOf(f.hints?.find((h) => h.action !== undefined)?.action).owner === 'user',
    ),
  );
}

/** Whose the first fix is: the user's (`codex-doctor fix` applies it), IT's, a change by hand, or none given. */
export type FirstFix = { owner: 'user'; action: FixAction } | { owner: 'it'; topic: ItTopic } | { owner: 'manual'; action: ManualAction } | { owner: 'none' };

/** A change the user makes by hand. */
export type ManualAction = Extract<FixAction, { kind: 'manual' }>;

export function firstFixOf(action: FixAction | undefined): FirstFix {
  if (!action) return { owner: 'none' };
  if (action.kind === 'it-request') return { owner: 'it', topic: action.topic };
  if (action.kind === 'manual') return { owner: 'manual', action };
  return { owner: 'user', action };
}

/** Per failing transport: whose the first fix is, and what Codex did after the user's and IT's fixes. */
export interface Prescription {
  first: FirstFix['owner'];
  /** For a request to IT: its topic. */
  topic?: ItTopic;
  /** After the user's `codex-doctor fix --yes`, Codex from a new shell (absent: not run). */
  afterUser?: Outcome;
  /** What IT supplied for a request to IT (null: the lab does not model that request). */
  itSupplied?: string | null;
  /** After IT's change and the user's next `codex-doctor fix --yes`. */
  afterIt?: Outcome;
  /** The user's fix command did not apply its plan (refused, could not apply, printed nothing). */
  fixError?: string;
  /** For a change by hand: what the user did (null: the lab does not model that step). */
  byHand?: string | null;
  /** The by-hand action did not say enough to be carried out (no variable, file or line). */
  byHandVague?: boolean;
  /** After the user's change by hand, Codex from a new shell. */
  afterHand?: Outcome;
}

/** For a failure whose first fix is by hand: what Codex did after `codex-doctor fix --yes` applied the rest. */
export function manualNote(p: Prescription): string | undefined {
  if (p.first !== 'manual' || !p.afterUser) return undefined;
  return `after fix --yes: ${p.afterUser.works ? 'works' : 'fails'}`;
}

/** The table's fix column for a prescription. */
export type FixResult = 'fixed' | 'not-fixed' | 'error' | 'it-fixed' | 'it-not-fixed' | 'it-request' | 'hand-fixed' | 'hand-not-fixed' | 'manual' | 'not-measured';

export function fixResult(p: Prescription): FixResult {
  switch (p.first) {
    case 'none':
      return 'not-measured';
    case 'manual':
      if (p.byHand === undefined || p.byHand === null) return 'manual';
      return p.afterHand?.works ? 'hand-fixed' : 'hand-not-fixed';
    case 'user':
      return p.afterUser?.works ? 'fixed' : p.fixError ? 'error' : 'not-fixed';
    case 'it':
      if (p.afterUser?.works || p.afterIt?.works) return 'it-fixed';
      return p.itSupplied === null || p.itSupplied === undefined ? 'it-request' : 'it-not-fixed';
  }
}

/** What `codex-doctor fix --yes --json` reported, reduced to what the table and a reviewer need. */
export interface FixRun {
  /** applied, nothing-to-do, refused, apply-failed, ...; `no-output` when it printed no JSON. */
  outcome: string;
  /** One line per plan item: `apply CODE (check)`, `it-request CODE (check)`, `refused CODE (check): why`. */
  plan: string[];
  exitCode: number | null;
  /** stderr's last line when the command printed no JSON. */
  error?: string;
}

interface FixDocumentLike {
  outcome?: string;
  plan?: Array<{ kind?: string; code?: string; checkId?: string; reason?: string }>;
}

export function readFixRun(stdout: string, stderr: string, exitCode: number | null): FixRun {
  let document: FixDocumentLike;
  try {
    document = JSON.parse(stdout) as FixDocumentLike;
  } catch {
    return { outcome: 'no-output', plan: [], exitCode, error: stderr.trim().split('\n').pop()?.slice(0, 300) ?? '' };
  }
  const plan = (document.plan ?? []).map(
    (item) => `${item.kind ?? '?'} ${item.code ?? '?'} (${item.checkId ?? '?'})${item.kind === 'refused' && item.reason ? `: ${item.reason.slice(0, 200)}` : ''}`,
  );
  return { outcome: document.outcome ?? 'unknown', plan, exitCode };
}

/** The command changed what it planned to (or had nothing to change): anything else is the doctor's error. */
export function fixRanCleanly(run: FixRun): boolean {
  return run.outcome === 'applied' || run.outcome === 'nothing-to-do';
}
