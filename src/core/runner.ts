// Schedules checks in dependency order under one shared deadline, contains their failures,
// and reports live events. It knows nothing about Codex: checks bring the knowledge.
import { bounded, clip } from './bound.js';
import type { Check, CheckContext, RunOptions } from './check.js';
import type { Host } from './host.js';
import type { Redactor } from './redact.js';
import type { CheckRecord, CheckResult, Finding, Hint, RunEvent, Stage, Status } from './types.js';

export interface Selection {
  only?: readonly string[];
  skip?: readonly string[];
}

export interface RunInput<X> {
  checks: readonly Check<X>[];
  host: Host;
  options: RunOptions;
  redactor: Redactor;
  /** What the checks layer adds to every context (e.g. the lazily loaded Codex world). */
  extra: X;
  selection?: Selection;
  onEvent?: (event: RunEvent) => void;
  /** Aborts the run early (Ctrl-C). */
  signal?: AbortSignal;
}

type Plan = 'run' | 'user-skip';

/**
 * Which checks appear in the report: with --only, the named ones plus everything they need;
 * --skip keeps a check in the report as `skip` and blocks what needs it.
 */
export function planChecks<X>(checks: readonly Check<X>[], selection: Selection = {}): Map<string, Plan> {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const included = new Set<string>();
  const include = (id: string): void => {
    if (included.has(id)) return;
    included.add(id);
    const check = byId.get(id);
    for (const need of [...(check?.needs ?? []), ...(check?.softNeeds ?? [])]) include(need);
  };
  for (const c of checks) if (!selection.only?.length || selection.only.includes(c.id)) include(c.id);
  const plan = new Map<string, Plan>();
  for (const c of checks) {
    if (!included.has(c.id)) continue;
    plan.set(c.id, selection.skip?.includes(c.id) ? 'user-skip' : 'run');
  }
  return plan;
}

export async function runChecks<X>(input: RunInput<X>): Promise<CheckRecord[]> {
  const { checks, host, options, redactor, extra, onEvent } = input;
  const plan = planChecks(checks, input.selection);
  const planned = checks.filter((c) => plan.has(c.id));
  const deadline = host.monotonic() + options.timeoutMs;

  const controller = new AbortController();
  const onAbort = (): void => controller.abort(input.signal?.reason);
  input.signal?.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadlinePassed = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error('run deadline passed'));
      resolve('deadline');
    }, options.timeoutMs);
    controller.signal.addEventListener('abort', () => resolve('deadline'), { once: true });
  });

  const records = new Map<string, CheckRecord>();
  const facts = new Map<string, unknown>();
  const settled = new Map<string, Promise<CheckRecord>>();

  const runOne = async (check: Check<X>): Promise<CheckRecord> => {
    const needs = check.needs.filter((n) => plan.has(n));
    const soft = (check.softNeeds ?? []).filter((n) => plan.has(n));
    const [needRecords, softRecords] = await Promise.all([
      Promise.all(needs.map((n) => settled.get(n)!)),
      Promise.all(soft.map((n) => settled.get(n)!)),
    ]);
    const emit = (record: CheckRecord): CheckRecord => {
      records.set(check.id, record);
      onEvent?.({ type: 'end', id: check.id, record });
      return record;
    };
    if (plan.get(check.id) === 'user-skip') {
      return emit(skipped(check, 'user', [], 'Skipped (--skip).'));
    }
    const blockedBy = rootCauses([...needRecords, ...softRecords.filter((r) => r.status === 'crash')]);
    if (blockedBy.length > 0) {
      return emit(skipped(check, 'blocked', blockedBy, `Not run: needs ${blockedBy.join(', ')}, which did not pass.`));
    }

    let stage: Stage = 'input';
    const started = host.monotonic();
    onEvent?.({ type: 'start', id: check.id, at: started });
    const ctx: CheckContext & X = {
      ...extra,
      host,
      options,
      redactor,
      signal: controller.signal,
      deadline,
      stage: (next) => {
        stage = next;
        onEvent?.({ type: 'stage', id: check.id, stage: next, at: host.monotonic() });
      },
      facts: (id) => {
        if (!check.needs.includes(id) && !check.softNeeds?.includes(id)) throw new Error(`check ${check.id} reads facts of ${id} without declaring it in needs`);
        return facts.get(id);
      },
    };

    let record: CheckRecord;
    try {
      if (controller.signal.aborted) throw new DeadlineError();
      const outcome = await Promise.race([check.run(ctx), deadlinePassed]);
      if (outcome === 'deadline') throw new DeadlineError();
      facts.set(check.id, outcome.facts);
      record = outcome.blockedBy?.length
        ? skipped(check, 'blocked', outcome.blockedBy, redactor.text(outcome.summary))
        : fromResult(check, outcome, redactor);
    } catch (error) {
      if (input.signal?.aborted) record = skipped(check, 'user', [], 'Interrupted.');
      else if (error instanceof DeadlineError || controller.signal.aborted) record = timedOut(check, stage, options.timeoutMs);
      else record = crashed(check, stage, error, redactor);
    }
    record.durationMs = Math.round(host.monotonic() - started);
    return emit(record);
  };

  for (const check of planned) settled.set(check.id, runOne(check));
  try {
    await Promise.all(settled.values());
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', onAbort);
    // Let probes still holding sockets see the abort and close them.
    controller.abort(new Error('run finished'));
  }
  const ordered = planned.map((c) => records.get(c.id)!);
  onEvent?.({ type: 'done', checks: ordered });
  return ordered;
}

class DeadlineError extends Error {}

function statusOf(findings: readonly Finding[]): Status {
  if (findings.some((f) => f.level === 'fail')) return 'fail';
  if (findings.some((f) => f.level === 'warn')) return 'warn';
  return 'pass';
}

function fromResult(check: Check<never>, result: CheckResult, redactor: Redactor): CheckRecord {
  // Redacted first, then bounded: a cut must never leave the start of a secret that redaction would have found.
  const clean = bounded(
    redactor.deep({
      summary: result.summary,
      findings: result.findings,
      evidence: result.evidence ?? [],
      data: result.data,
    }),
  );
  // Actions keep their real values (a proxy URL with its password): `codex-doctor fix` writes them, and every
  // renderer redacts the whole report again before anything is shown.
  clean.findings.forEach((finding, i) =>
    finding.hints?.forEach((hint, j) => {
      const action = result.findings[i]?.hints?.[j]?.action;
      if (action !== undefined) hint.action = action;
    }),
  );
  const status = statusOf(clean.findings);
  const firstFail = clean.findings.find((f) => f.level === 'fail');
  return {
    id: check.id,
    title: check.title,
    status,
    summary: clean.summary,
    ...(firstFail && {
      error: {
        stage: firstFail.stage,
        code: firstFail.code,
        detail: firstFail.detail,
        ...(firstFail.cause && { cause: firstFail.cause }),
      },
    }),
    findings: clean.findings,
    evidence: clean.evidence,
    ...(clean.data && { data: clean.data }),
    durationMs: 0,
  };
}

function skipped(check: Check<never>, reason: 'user' | 'blocked', blockedBy: string[], summary: string): CheckRecord {
  return {
    id: check.id,
    title: check.title,
    status: 'skip',
    summary,
    findings: [],
    evidence: [],
    skipReason: reason,
    ...(blockedBy.length > 0 && { blockedBy }),
    durationMs: 0,
  };
}

/** A need that was itself blocked passes its own causes on, so one root cause is reported once. */
function rootCauses(needs: readonly CheckRecord[]): string[] {
  const causes = new Set<string>();
  for (const need of needs) {
    if (need.status === 'fail' || need.status === 'crash' || (need.status === 'skip' && need.skipReason === 'user')) {
      causes.add(need.id);
    } else if (need.status === 'skip') {
      for (const cause of need.blockedBy ?? []) causes.add(cause);
    }
  }
  return [...causes];
}

function timedOut(check: Check<never>, stage: Stage, timeoutMs: number): CheckRecord {
  const detail = `Still waiting at stage ${stage} when the ${timeoutMs} ms deadline passed.`;
  return {
    id: check.id,
    title: check.title,
    status: 'fail',
    summary: `Timed out at ${stage}.`,
    error: { stage, code: 'RUN_DEADLINE', detail },
    findings: [
      {
        level: 'fail',
        code: 'RUN_DEADLINE',
        stage,
        detail,
        hints: deadlineHints(stage, timeoutMs),
      },
    ],
    evidence: [],
    durationMs: 0,
  };
}

/** The longest delay a Node timer takes (a longer one fires at once), so the longest deadline worth suggesting. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a deadline at this stage points to: the network only where the check was talking to it. */
function deadlineHints(stage: Stage, timeoutMs: number): [Hint, ...Hint[]] {
  const rerun = `codex-doctor --timeout ${Math.min(timeoutMs * 3, MAX_TIMER_MS)}`;
  switch (stage) {
    case 'input':
    case 'read':
    case 'parse':
    case 'register':
    case 'resolve':
    case 'policy':
      return [
        {
          text: `Nothing on the network was involved at ${stage}: a local file or program did not answer (a named pipe or device in a CA or proxy variable, a hung network file system, a stuck \`codex --version\`). Check the paths in the CA variables and CODEX_HOME.`,
          command: 'env | grep -E "^(CODEX_CA_CERTIFICATE|SSL_CERT_FILE|SSL_CERT_DIR|CODEX_HOME)="',
          action: { kind: 'manual', topic: 'repair-file' },
        },
        { text: 'If the disk is only slow (a network home directory), rerun with a longer deadline.', command: rerun },
      ];
    case 'dns':
    case 'tcp':
    case 'proxy-connect':
    case 'proxy-auth':
    case 'tls-handshake':
    case 'tls-verify':
    case 'http':
    case 'ws-upgrade':
      return [
        {
          text: `Something on the path accepted the connection and never answered at ${stage}; if the network is just slow, rerun with a longer deadline.`,
          command: rerun,
          action: { kind: 'manual', topic: 'retry-later' },
        },
      ];
  }
}

function crashed(check: Check<never>, stage: Stage, error: unknown, redactor: Redactor): CheckRecord {
  const err = error instanceof Error ? error : new Error(String(error));
  const message = clip(redactor.text(err.message));
  const detail = `codex-doctor crashed in ${check.id} at stage ${stage}: ${message}`;
  const stack = redactor.text(err.stack ?? '').split('\n').slice(1, 8).map((l) => clip(l.trim()));
  return {
    id: check.id,
    title: check.title,
    status: 'crash',
    summary: `The doctor crashed (our bug): ${message}`,
    error: { stage, code: 'RUN_CRASH', detail, cause: { name: err.name, message } },
    findings: [
      {
        level: 'fail',
        code: 'RUN_CRASH',
        stage,
        detail,
        cause: { name: err.name, message },
        hints: [{ text: 'This is a codex-doctor bug, not your network: report it with the --json output attached.' }],
      },
    ],
    evidence: stack.length > 0 ? [{ title: 'Where it crashed', lines: stack }] : [],
    durationMs: 0,
  };
}
