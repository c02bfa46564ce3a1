// `codex-doctor fix [--yes] [--dry-run]`: runs the runbook, shows the plan (each action, the file it touches,
// the exact change), asks once, backs up and applies, then reruns the checks the change touches (rerun.ts) and
// shows before and after.
import { RUNBOOK } from '../checks/index.js';
import { ExitCode, exitCodeFor } from '../core/exit-codes.js';
import type { Host } from '../core/host.js';
import type { Redactor } from '../core/redact.js';
import type { Report, Status } from '../core/types.js';
import { displayPath } from '../codex/env.js';
import { createSession, type Io } from '../main.js';
import type { DoctorFlags } from '../options.js';
import { applyPlan, type ApplyResult } from './apply.js';
import { fixSources, planFix, type FixPlan, type PlanItem } from './plan.js';
import { addressedChecks, rerunAffected, runbookGraph } from './rerun.js';

export interface FixInput {
  host: Host;
  flags: DoctorFlags;
  yes: boolean;
  dryRun: boolean;
  io: Io;
  /** A line before everything else (the lab's scenario). */
  banner?: string;
  /** Which fixes a report calls for; by default the first action of every warn and fail finding. */
  collect?: typeof fixSources;
}

type Outcome =
  | { kind: 'nothing-to-do' }
  | { kind: 'refused' }
  | { kind: 'dry-run' }
  | { kind: 'declined'; why: 'answer' | 'not-a-terminal' }
  | { kind: 'apply-failed'; reason: string }
  /** `after`: every check, the ones not in `rerun` with their first result. */
  | { kind: 'applied'; result: Extract<ApplyResult, { ok: true }>; after: Report; rerun: ReadonlySet<string> };

/** The host a new shell would give Codex after the profile changes: the running process never re-reads it. */
export function hostAfterProfile(host: Host, env: FixPlan['env']): Host {
  const next: Record<string, string> = { ...host.env };
  for (const { name, value } of env) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return { ...host, env: next };
}

export async function runFix(input: FixInput): Promise<number> {
  const { host, flags, io } = input;
  const json = flags.output === 'json';
  const out = (text: string): unknown => io.stdout.write(text);
  if (input.banner && !json) out(`${input.banner}\n`);
  if (!json) out('codex-doctor fix: running the checks...\n');
  const before = await createSession(host, flags).runUnredacted(io.signal);
  if (io.signal?.aborted) return ExitCode.interrupted;
  const { sources, unactionable } = (input.collect ?? fixSources)(before.report);
  const plan = await planFix({ host, codexHome: before.report.environment.codexHome }, sources, unactionable);
  const redactor = before.redactor;
  const show = (text: string): string => redactor.text(displayPath(text, host.homeDir));

  const outcome = await decide();
  if (json) {
    out(`${JSON.stringify(redactor.deep(jsonDocument(plan, before.report, outcome, input.dryRun)), null, 2)}\n`);
  } else {
    out(outcomeText(outcome, plan, show, before.report));
  }
  return exitCode(outcome, before.report);

  async function decide(): Promise<Outcome> {
    if (!json) out(planText(plan, before.report, redactor, host.homeDir));
    if (plan.items.some((i) => i.kind === 'refused')) return { kind: 'refused' };
    if (plan.files.length === 0) return { kind: 'nothing-to-do' };
    if (input.dryRun) return { kind: 'dry-run' };
    if (!input.yes) {
      if (!io.prompt?.interactive()) return { kind: 'declined', why: 'not-a-terminal' };
      const answer = await io.prompt.ask(`Apply these changes to ${plan.files.length} file(s)? [y/N] `);
      if (!/^y(es)?$/i.test(answer.trim())) return { kind: 'declined', why: 'answer' };
    }
    const result = await applyPlan(host, plan);
    if (!result.ok) return { kind: 'apply-failed', reason: result.reason };
    if (!json) out(appliedText(result, plan, show));
    const afterHost = hostAfterProfile(host, plan.env);
    const applied = plan.items.flatMap((item) => (item.kind === 'apply' ? [item.source] : []));
    const addressed = new Set([...applied.map((a) => a.checkId), ...addressedChecks(before.report, applied.map((a) => a.action))]);
    const { checks, rerun } = await rerunAffected(runbookGraph(RUNBOOK), before.report.checks, addressed, async (ids) => {
      const { report } = await createSession(afterHost, { ...flags, only: [...ids] }).runUnredacted(io.signal);
      return report.checks;
    });
    const exitCode = io.signal?.aborted ? ExitCode.interrupted : exitCodeFor(checks, flags.strict);
    return { kind: 'applied', result, after: { ...before.report, checks, exitCode }, rerun };
  }
}

function exitCode(outcome: Outcome, before: Report): number {
  switch (outcome.kind) {
    case 'applied':
      return outcome.after.exitCode;
    case 'refused':
    case 'apply-failed':
      return ExitCode.failed;
    case 'declined':
      // Refusing to apply without --yes and without a terminal is a usage error: the command cannot do its job.
      return outcome.why === 'not-a-terminal' ? ExitCode.usage : before.exitCode;
    case 'nothing-to-do':
    case 'dry-run':
      return before.exitCode;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Text

function planText(plan: FixPlan, report: Report, redactor: Redactor, homeDir: string): string {
  const show = (text: string): string => redactor.text(displayPath(text, homeDir));
  const failing = report.checks.filter((c) => c.status === 'fail' || c.status === 'warn');
  if (failing.length === 0) return 'Every check passes: nothing to fix.\n';
  const lines: string[] = ['', `The plan (${plan.shell.kind} shell${plan.shell.profile ? `, profile ${show(plan.shell.profile)}` : ''}):`];
  plan.items.forEach((item, index) => lines.push(...itemLines(item, index + 1, show)));
  for (const u of plan.unactionable) lines.push(`  -  ${u.code} (${u.checkId}): no automatic fix. ${redactor.text(u.hint)}`);
  if (plan.items.length === 0 && plan.unactionable.length === 0) lines.push('  Nothing in the report carries a fix.');
  return `${lines.join('\n')}\n\n`;
}

function itemLines(item: PlanItem, n: number, show: (text: string) => string): string[] {
  const head = `${String(n).padStart(3)}. ${item.source.code} (${item.source.checkId}): ${show(item.source.hint.text)}`;
  switch (item.kind) {
    case 'apply':
      return [head, ...item.steps.flatMap((s) => [`       ${show(s.summary)}`, ...s.lines.map((l) => `         ${show(l)}`)])];
    case 'manual':
      return [head, `       Not applied: ${item.reason}:`, ...item.commands.map((c) => `         ${show(c)}`)];
    case 'it-request':
      return [head, `       For IT (this tool never applies it): ${item.topic}${item.hosts.length > 0 ? ` for ${item.hosts.join(', ')}` : ''}`];
    case 'refused':
      return [head, `       Cannot apply: ${show(item.reason)}`];
  }
}

function appliedText(result: Extract<ApplyResult, { ok: true }>, plan: FixPlan, show: (text: string) => string): string {
  const lines = result.files.map((f) => (f.backup === null ? `Created ${show(f.path)}` : `Changed ${show(f.path)} (the previous version is in ${show(f.backup)})`));
  lines.push('To undo:', ...result.undo.map((c) => `  ${show(c)}`));
  if (plan.env.length > 0 && plan.shell.profile) {
    lines.push(
      `Open a new shell (or run: ${plan.shell.kind === 'powershell' ? `. $PROFILE` : `source ${show(plan.shell.profile)}`}) before you start Codex: this one still has the old environment.`,
      `The checks below rerun with the profile changes applied, as a new ${plan.shell.kind} shell would see them.`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}

function outcomeText(outcome: Outcome, plan: FixPlan, show: (text: string) => string, before: Report): string {
  const itCount = plan.items.filter((i) => i.kind === 'it-request').length;
  const forIt = itCount > 0 ? `${itCount} fix(es) above are for IT to make: send them the items marked "For IT".\n` : '';
  switch (outcome.kind) {
    case 'nothing-to-do':
      return `Nothing for this tool to change.\n${forIt}`;
    case 'refused':
      return `Nothing was changed: fix what "Cannot apply" says, then run codex-doctor fix again.\n`;
    case 'dry-run':
      return `Dry run: nothing was changed (${plan.files.length} file(s) would be).\n${forIt}`;
    case 'declined':
      return outcome.why === 'not-a-terminal'
        ? 'Nothing was changed: stdin is not a terminal to answer on. Run codex-doctor fix --yes to apply the plan above.\n'
        : 'Nothing was changed.\n';
    case 'apply-failed':
      return `Could not apply the fix: ${show(outcome.reason)}.\n`;
    case 'applied':
      return `${comparisonText(outcome.after, before, outcome.rerun)}${forIt}`;
  }
}

/** One line per check: `id  fail -> pass`, or `id  pass    (not rerun: the fix touches nothing it reads)`. */
function comparisonText(after: Report, before: Report, rerun: ReadonlySet<string>): string {
  const width = Math.max(...after.checks.map((c) => c.id.length));
  const lines = ['Before and after:'];
  for (const check of after.checks) {
    const was = before.checks.find((c) => c.id === check.id)?.status ?? 'skip';
    const code = check.error?.code ?? check.findings.find((f) => f.level === 'warn')?.code;
    const status = `${check.status}${code && check.status !== 'pass' ? ` (${code})` : ''}`;
    lines.push(`  ${check.id.padEnd(width)}  ${rerun.has(check.id) ? `${was.padEnd(5)} -> ${status}` : `${status}  (not rerun: the fix touches nothing it reads)`}`);
  }
  const worse = worsened(before, after);
  if (worse.length > 0) lines.push(`Worse than before: ${worse.join(', ')}. Undo the changes with the commands above, and tell us: that fix was wrong.`);
  return `${lines.join('\n')}\n`;
}

const RANK: Record<Status, number> = { pass: 0, skip: 0, warn: 1, fail: 2, crash: 2 };

/** The checks that fail (or warn) after the fix where they did not before. */
export function worsened(before: Report, after: Report): string[] {
  return after.checks
    .filter((c) => RANK[c.status] > RANK[before.checks.find((b) => b.id === c.id)?.status ?? 'pass'])
    .map((c) => c.id);
}

// ---------------------------------------------------------------------------------------------------------
// JSON

function statuses(report: Report): Array<{ id: string; status: Status; code?: string }> {
  return report.checks.map((c) => ({ id: c.id, status: c.status, ...(c.error && { code: c.error.code }) }));
}

function jsonDocument(plan: FixPlan, before: Report, outcome: Outcome, dryRun: boolean) {
  return {
    schemaVersion: 1,
    tool: 'codex-doctor',
    command: 'fix',
    dryRun,
    outcome: outcome.kind,
    ...(outcome.kind === 'apply-failed' && { reason: outcome.reason }),
    shell: plan.shell,
    plan: plan.items.map((item) => ({
      kind: item.kind,
      checkId: item.source.checkId,
      code: item.source.code,
      hint: item.source.hint.text,
      action: item.source.action,
      ...(item.kind === 'apply' && { steps: item.steps.map((s) => ({ file: s.file, summary: s.summary, lines: s.lines })) }),
      ...(item.kind === 'manual' && { reason: item.reason, commands: item.commands }),
      ...(item.kind === 'refused' && { reason: item.reason }),
    })),
    unactionable: plan.unactionable,
    files: plan.files.map((f) => ({ path: f.path, change: f.before === null ? 'create' : 'modify' })),
    env: plan.env,
    ...(outcome.kind === 'applied' && { applied: outcome.result.files, undo: outcome.result.undo }),
    before: { exitCode: before.exitCode, checks: statuses(before) },
    after:
      outcome.kind === 'applied'
        ? { exitCode: outcome.after.exitCode, checks: statuses(outcome.after), rerun: [...outcome.rerun], worse: worsened(before, outcome.after) }
        : null,
  };
}
