// Runs doctor checks against a Host the way main() does (same runner, same world, same redaction),
// so tests assert what a user would see: status, staged error, findings, evidence, data.
import type { RunOptions } from '../../src/core/check.js';
import type { Host } from '../../src/core/host.js';
import { Redactor } from '../../src/core/redact.js';
import { runChecks } from '../../src/core/runner.js';
import type { CheckRecord, CheckResult, Stage } from '../../src/core/types.js';
import type { DoctorCheck, DoctorContext } from '../../src/checks/context.js';
import { loadWorld } from '../../src/codex/world.js';
import { expectActions } from './findings.js';

export const TEST_OPTIONS: RunOptions = { timeoutMs: 10_000, verbose: false };

/** The records the runner produces (redacted, with status and error), in runbook order. */
export async function runDoctorChecks(checks: readonly DoctorCheck[], host: Host, options: RunOptions = TEST_OPTIONS): Promise<CheckRecord[]> {
  const world = loadWorld(host, options);
  const records = await runChecks({ checks, host, options, redactor: Redactor.fromEnv(host.env), extra: { world: () => world } });
  // Every warn and fail of every check carries its fix as an action (test/words/actions.test.ts walks the codes).
  records.forEach(expectActions);
  return records;
}

/** One check's record. */
export async function runDoctorCheck(check: DoctorCheck, host: Host, options: RunOptions = TEST_OPTIONS): Promise<CheckRecord> {
  const [record] = await runDoctorChecks([check], host, options);
  return record!;
}

/** Calls run() directly, for the facts a check hands to its dependents (not redacted, not rendered). */
export async function runCheckResult<F>(
  check: DoctorCheck<F>,
  host: Host,
  options: RunOptions = TEST_OPTIONS,
  facts: Record<string, unknown> = {},
): Promise<CheckResult<F> & { stages: Stage[] }> {
  const world = loadWorld(host, options);
  const stages: Stage[] = [];
  const ctx: DoctorContext = {
    host,
    options,
    redactor: Redactor.fromEnv(host.env),
    signal: new AbortController().signal,
    deadline: host.monotonic() + options.timeoutMs,
    stage: (stage) => stages.push(stage),
    facts: (id) => facts[id],
    world: () => world,
  };
  return { ...(await check.run(ctx)), stages };
}
