// What a runbook step is, and what it may use while it runs.
import type { Host } from './host.js';
import type { Redactor } from './redact.js';
import type { CheckResult, Stage } from './types.js';

/** Options that reach the checks (the CLI's flags, minus the presentation ones). */
export interface RunOptions {
  timeoutMs: number;
  verbose: boolean;
  codexHome?: string;
  /** --proxy: replaces the environment's proxy for both transports. */
  proxy?: string;
  /** --profile NAME: $CODEX_HOME/NAME.config.toml. */
  profile?: string;
}

export interface CheckContext {
  host: Host;
  options: RunOptions;
  redactor: Redactor;
  /** Aborts at the run's shared deadline; pass it to every wait. */
  signal: AbortSignal;
  /** Monotonic time (host.monotonic()) at which the run ends. */
  deadline: number;
  /** Reports the stage the check is in: shown live, and named if the deadline passes. */
  stage(stage: Stage): void;
  /** The facts of a check listed in `needs` (typed accessors live in src/checks/facts.ts). */
  facts(id: string): unknown;
}

/** One runbook step. `X` is what the checks layer adds to the context (the Codex world). */
export interface Check<X = object, F = unknown> {
  id: string;
  title: string;
  /** Checks whose facts this one reads; it is skipped with `blockedBy` if one of them fails. */
  needs: readonly string[];
  /**
   * Checks whose facts this one reads although they may fail: it waits for them but runs anyway (a crash still
   * blocks it). The network checks read ca.bundle this way: Codex's clients react to a bad bundle differently.
   */
  softNeeds?: readonly string[];
  run(ctx: CheckContext & X): Promise<CheckResult<F>>;
}
