// The one way the doctor tells a user to upgrade Codex: npm, the documented install, and Homebrew.
import type { Hint } from '../core/types.js';

/** `why` completes "Upgrade Codex": e.g. ` to 0.115.0 or later so that it loads CODEX_CA_CERTIFICATE`. */
export function upgradeCodexHints(why = ''): [Hint, ...Hint[]] {
  // The same command in every shell; the tool never runs an install itself.
  return [
    { text: `Upgrade Codex${why}.`, command: 'npm install -g @openai/codex@latest', action: { kind: 'manual', topic: 'upgrade-codex' } },
    { text: 'If you installed Codex with Homebrew, upgrade it there instead.', command: 'brew upgrade codex', action: { kind: 'manual', topic: 'upgrade-codex' } },
  ];
}
