// What the checks layer adds to the runner's context: the Codex world, loaded once per run.
import type { Check, CheckContext } from '../core/check.js';
import type { CodexWorld } from '../codex/world.js';

export interface WorldAccess {
  /** The Codex world for this run (effective env, CODEX_HOME, config); loaded once, shared. */
  world(): Promise<CodexWorld>;
}

export type DoctorContext = CheckContext & WorldAccess;
export type DoctorCheck<F = unknown> = Check<WorldAccess, F>;
