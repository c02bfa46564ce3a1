// `codex-doctor explain`: recognise a pasted Codex error (recognisers.ts), run just the checks that tell its
// possible causes apart, and answer with the cause that applies on this machine. Text it does not know gets
// the full runbook instead.
import { CATALOGUE, type ErrorCode } from '../core/codes.js';
import type { Host } from '../core/host.js';
import { Redactor } from '../core/redact.js';
import type { Finding, Hint, Report, Stage } from '../core/types.js';
import { createSession } from '../main.js';
import type { DoctorFlags } from '../options.js';
import { recognise, type Recogniser } from './recognisers.js';

/** How much of a pasted text is read: a log excerpt, not a whole log. */
export const MAX_EXPLAIN_BYTES = 64 * 1024;
/** How much of it the answer quotes back. */
const QUOTED_CHARS = 300;

export type ExplainVerdict =
  /** One of the text's possible causes shows up here: `answer` names it. */
  | 'cause-found'
  /** None of them shows up, but something else fails: `answer` is that failure. */
  | 'other-problem'
  /** The checks pass now: the error came from another network, another time, or a host not probed. */
  | 'path-works'
  /** The text is Codex's own policy, not the network: the recogniser's note says what to do. */
  | 'codex-policy'
  /** Not a Codex network error this table knows: the full runbook ran. */
  | 'not-recognised';

export interface ExplainAnswer {
  check: string;
  code: ErrorCode;
  stage: Stage;
  level: Finding['level'];
  detail: string;
  /** The catalogue's sentence for the code. */
  meaning: string;
  hint?: Hint;
}

export interface ExplainResult {
  /** The start of the pasted text, redacted. */
  quoted: string;
  recognised: Array<{ id: string; context: string; causes: Array<{ code: ErrorCode; meaning: string }>; note?: string }>;
  /** The checks asked for (the runner adds what they need). */
  checks: string[];
  verdict: ExplainVerdict;
  answer?: ExplainAnswer;
  report: Report;
}

export async function explain(input: { host: Host; flags: DoctorFlags; text: string; signal?: AbortSignal }): Promise<ExplainResult> {
  const { host, flags } = input;
  const text = input.text.slice(0, MAX_EXPLAIN_BYTES);
  const matched = recognise(text);
  const checks = [...new Set(matched.flatMap((r) => r.checks))];
  // Unrecognised text: every check (within the user's own --only/--skip).
  const only = matched.length === 0 ? flags.only : flags.only.length > 0 ? checks.filter((c) => flags.only.includes(c)) : checks;
  const report = await createSession(host, { ...flags, only: only.length > 0 ? only : checks }).run(undefined, input.signal);
  const redactor = Redactor.fromEnv(host.env);
  const quoted = redactor.text(text.trim().replace(/\s+/g, ' ').slice(0, QUOTED_CHARS));
  const recognised = matched.map(describe);
  if (matched.length === 0) return { quoted, recognised, checks: report.checks.map((c) => c.id), verdict: 'not-recognised', report };

  const candidates = new Set(matched.flatMap((r) => r.causes));
  const found = findingWith(report, (code) => candidates.has(code));
  if (found) return { quoted, recognised, checks, verdict: 'cause-found', answer: found, report };
  if (matched.some((r) => r.note !== undefined)) return { quoted, recognised, checks, verdict: 'codex-policy', report };
  const other = findingWith(report, () => true);
  return other ? { quoted, recognised, checks, verdict: 'other-problem', answer: other, report } : { quoted, recognised, checks, verdict: 'path-works', report };
}

/** The first failure (else warning) in runbook order whose code passes `accept`. */
function findingWith(report: Report, accept: (code: ErrorCode) => boolean): ExplainAnswer | undefined {
  for (const level of ['fail', 'warn'] as const) {
    for (const check of report.checks) {
      const finding = check.findings.find((f) => f.level === level && accept(f.code));
      if (finding) {
        const hint = finding.hints?.[0];
        return { check: check.id, code: finding.code, stage: finding.stage, level, detail: finding.detail, meaning: CATALOGUE[finding.code], ...(hint && { hint }) };
      }
    }
  }
  return undefined;
}

function describe(r: Recogniser): ExplainResult['recognised'][number] {
  return { id: r.id, context: r.context, causes: r.causes.map((code) => ({ code, meaning: CATALOGUE[code] })), ...(r.note !== undefined && { note: r.note }) };
}
