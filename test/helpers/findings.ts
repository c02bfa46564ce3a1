// Sentence-pinning tests compare the words; the actions behind the hints are pinned by test/fix/actions.test.ts.
import type { Finding } from '../../src/core/types.js';

/** A finding as the words layer speaks it, without the machine-readable `action` of its hints. */
export function withoutActions(finding: Finding): Finding {
  if (!finding.hints) return finding;
  return { ...finding, hints: finding.hints.map(({ action: _action, ...hint }) => hint) } as Finding;
}
