// The Codex world: everything Codex itself would work out at start-up, computed once per run from
// the Host. Checks read it; they never re-derive Codex rules.
import type { RunOptions } from '../core/check.js';
import type { Host } from '../core/host.js';

export interface CodexWorld {
  /** $CODEX_HOME as Codex resolves it. */
  codexHome: string;
  /** The environment Codex runs with: the process env with $CODEX_HOME/.env applied. */
  env: Readonly<Record<string, string>>;
  /** `codex --version` when a codex binary is on PATH, else null. */
  codexVersion: string | null;
}

export async function loadWorld(host: Host, options: RunOptions): Promise<CodexWorld> {
  // Filled in by the env model (issue 2) and config loading (issue 4).
  const codexHome = options.codexHome ?? (host.env.CODEX_HOME || `${host.homeDir}/.codex`);
  return { codexHome, env: host.env, codexVersion: null };
}
