// What the checks layer adds to the runner's context: the Codex world, loaded once per run.
import type { Check, CheckContext } from '../core/check.js';
import type { CodexWorld } from '../codex/world.js';

export interface WorldAccess {
  /** The Codex world for this run (effective env, CODEX_HOME, config); loaded once, shared. */
  world(): Promise<CodexWorld>;
}

export type DoctorContext = CheckContext & WorldAccess;
export type DoctorCheck<F = unknown> = Check<WorldAccess, F>;

/** The facts each check hands to the checks that declare it in `needs`. */
export interface CheckFacts {
  'ca.bundle': import('./ca-bundle.js').CaBundleFacts;
  'env.precedence': import('./env-precedence.js').EnvPrecedenceFacts;
  'tls.auth': import('./tls-auth.js').TlsAuthFacts;
}

/** Typed read of a need's facts; undefined when that need was skipped or failed before producing them. */
export function factsOf<K extends keyof CheckFacts>(ctx: CheckContext, id: K): CheckFacts[K] | undefined {
  return ctx.facts(id) as CheckFacts[K] | undefined;
}
