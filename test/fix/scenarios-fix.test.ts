// `codex-doctor fix --yes` over every failing lab scenario, with the actions the doctor itself reports: where
// every failing finding's fix is the user's (an action this tool applies), the rerun must pass; a fix that is
// IT's is listed as a request for IT and never applied; a finding without an action is listed as such.
import { describe, expect, it } from 'vitest';
import { runFix } from '../../src/fix/command.js';
import { startScenario } from '../../src/lab/host.js';
import { loadScenarios } from '../../src/lab/scenario.js';
import { captureIo, doctorFlags } from '../helpers/io.js';

const failing = (await loadScenarios()).filter((s) => s.expect.exitCode !== 0);

interface FixDocument {
  outcome: string;
  plan: Array<{ kind: string; checkId: string; code: string }>;
  unactionable: Array<{ checkId: string; code: string }>;
  before: { exitCode: number; checks: Array<{ id: string; status: string; code?: string }> };
  after: { exitCode: number; checks: Array<{ id: string; status: string; code?: string }> } | null;
}

describe.each(failing.map((s) => [s.name, s] as const))('fix --yes on %s', (_name, scenario) => {
  it('makes it green when the fix is the user\'s, and lists what is IT\'s', { timeout: 60_000 }, async () => {
    const running = await startScenario(scenario);
    try {
      const io = captureIo();
      const flags = doctorFlags({ output: 'json', ...(scenario.timeoutMs !== undefined && { timeoutMs: scenario.timeoutMs }) });
      await runFix({ host: running.host, flags, yes: true, dryRun: false, io });
      const doc = JSON.parse(io.out()) as FixDocument;
      expect(doc.before.exitCode).toBe(1);
      expect(['applied', 'nothing-to-do'], JSON.stringify(doc.plan)).toContain(doc.outcome);
      const failedChecks = doc.before.checks.filter((c) => c.status === 'fail').map((c) => c.id);
      const forIt = doc.plan.filter((p) => p.kind === 'it-request');
      const withoutAction = doc.unactionable.filter((u) => failedChecks.includes(u.checkId));
      const usersFix = forIt.length === 0 && withoutAction.length === 0 && doc.plan.some((p) => p.kind === 'apply');
      if (usersFix) {
        expect(doc.after?.checks.filter((c) => c.status === 'fail'), 'the rerun after the fix').toEqual([]);
        expect(doc.after?.exitCode).toBe(0);
      } else {
        // Not the user's to fix (or not yet carrying an action): named, and nothing was applied for it.
        expect(forIt.length + withoutAction.length).toBeGreaterThan(0);
        for (const item of forIt) expect(item.code).toMatch(/^[A-Z]+_[A-Z0-9_]+$/);
      }
    } finally {
      await running.stop();
    }
  });
});
