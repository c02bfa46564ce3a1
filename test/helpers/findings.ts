// Sentence-pinning tests compare the words; the actions behind the hints are checked here, on every warn and
// fail finding those tests produce (test/words/actions.test.ts makes sure every code is among them).
import { expect } from 'vitest';
import type { Finding } from '../../src/core/types.js';

/** Codes whose fix has no action yet (said in the report to the lead); every other warn/fail must carry one. */
export const WITHOUT_ACTION = new Set<string>([]);

/** A finding as the words layer speaks it, without the machine-readable `action` of its hints. */
export function withoutActions(finding: Finding): Finding {
  if (finding.level !== 'info' && !WITHOUT_ACTION.has(finding.code)) {
    expect(finding.hints.some((h) => h.action !== undefined), `${finding.code} carries no fix action`).toBe(true);
  }
  if (!finding.hints) return finding;
  return { ...finding, hints: finding.hints.map(({ action: _action, ...hint }) => hint) } as Finding;
}
