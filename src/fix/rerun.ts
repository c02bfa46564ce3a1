// After `codex-doctor fix` applied its plan: which checks run again. The checks that only read files and the
// environment take milliseconds and all read what a fix changes, so they always rerun. A network check reruns
// when a fix addresses one of its findings, or when a check it depends on came out different (blocking it
// now, or no longer, or with other data); otherwise it keeps its first result, marked as not rerun.
import { CONFIG_CHECK_ID } from '../checks/codex-config.js';
import { OAUTH_TOKEN, TLS_AUTH, WS_UPGRADE } from '../checks/network-checks.js';
import type { CheckRecord, FixAction, Report, Status } from '../core/types.js';

/** A check as the rerun sees it. */
export interface RerunNode {
  id: string;
  /** The checks whose results it reads (the runner's needs and softNeeds, and what it reads besides). */
  inputs: readonly string[];
  /** It talks to the network: rerun only when something it reads changed. */
  network: boolean;
}

/** Runs exactly these checks (and what they need, which the runner adds) and returns their records. */
export type RunOnly = (ids: readonly string[]) => Promise<readonly CheckRecord[]>;

export interface RerunResult {
  /** Every check of the first run, in its order: the new record where it ran again, else the first one. */
  checks: CheckRecord[];
  /** The ids that ran again. */
  rerun: ReadonlySet<string>;
}

/** The checks with a warn or fail finding whose fix (its first action) is one of the applied actions. */
export function addressedChecks(report: Pick<Report, 'checks'>, applied: readonly FixAction[]): Set<string> {
  const keys = new Set(applied.map((a) => JSON.stringify(a)));
  const addressed = new Set<string>();
  for (const check of report.checks) {
    for (const finding of check.findings) {
      const action = finding.level === 'info' ? undefined : finding.hints.find((h) => h.action !== undefined)?.action;
      if (action !== undefined && keys.has(JSON.stringify(action))) addressed.add(check.id);
    }
  }
  return addressed;
}

/**
 * Reruns the local checks and the addressed ones, then, round by round, the network checks that read a check
 * that came out different. The rounds end: each runs only checks that have not run again yet.
 */
export async function rerunAffected(graph: readonly RerunNode[], before: readonly CheckRecord[], addressed: ReadonlySet<string>, runOnly: RunOnly): Promise<RerunResult> {
  const first = new Map(before.map((r) => [r.id, r]));
  const latest = new Map<string, CheckRecord>();
  let round = graph.filter((c) => first.has(c.id) && (!c.network || addressed.has(c.id))).map((c) => c.id);
  while (round.length > 0) {
    for (const record of await runOnly(round)) latest.set(record.id, record);
    const changed = new Set([...latest.values()].filter((r) => differsForReaders(first.get(r.id), r)).map((r) => r.id));
    round = graph.filter((c) => first.has(c.id) && !latest.has(c.id) && c.inputs.some((id) => changed.has(id))).map((c) => c.id);
  }
  return { checks: before.map((r) => latest.get(r.id) ?? r), rerun: new Set(latest.keys()) };
}

/** A record that blocks the checks that need it: the runner skips a check whose need did not pass. */
const BLOCKS: ReadonlySet<Status> = new Set<Status>(['fail', 'crash', 'skip']);

/** What a reader sees of a check: whether it is blocked by it, and its facts (reported as `data`). */
function differsForReaders(was: CheckRecord | undefined, now: CheckRecord): boolean {
  if (was === undefined) return true;
  return BLOCKS.has(was.status) !== BLOCKS.has(now.status) || JSON.stringify(was.data ?? null) !== JSON.stringify(now.data ?? null);
}

/**
 * The runbook as the rerun sees it. The network checks read config.toml themselves (the provider, its URLs,
 * supports_websockets, MCP servers), so config.codex counts among their inputs besides what they need.
 */
export function runbookGraph(runbook: ReadonlyArray<{ id: string; needs: readonly string[]; softNeeds?: readonly string[] }>): RerunNode[] {
  const network = new Set<string>([TLS_AUTH.id, OAUTH_TOKEN.id, WS_UPGRADE.id]);
  return runbook.map((c) => ({
    id: c.id,
    network: network.has(c.id),
    inputs: [...c.needs, ...(c.softNeeds ?? []), ...(network.has(c.id) ? [CONFIG_CHECK_ID] : [])],
  }));
}
