// Decisions about WHERE a fix goes, shared by the checks: a variable is changed where it is set now
// ($CODEX_HOME/.env or the shell), and a CODEX_* name always in the shell (Codex ignores it in .env).
import type { VariableOrigin } from '../codex/env.js';
import { convertedPath } from '../codex/bundle-format.js';
import { trimEndMatches } from '../codex/rust-str.js';
import type { EnvTarget, FixAction, FixStep } from '../core/types.js';

export type Provenance = Readonly<Record<string, VariableOrigin>>;

/** Where a new value for `name` must be written. */
export function envTarget(name: string, provenance: Provenance): EnvTarget {
  return !name.startsWith('CODEX_') && provenance[name]?.source === 'dotenv' ? 'codex-dotenv' : 'shell-profile';
}

export function setEnv(name: string, value: string, provenance: Provenance): FixStep {
  return { kind: 'set-env', name, value, target: envTarget(name, provenance) };
}

export function copyEnv(name: string, from: string, provenance: Provenance): FixStep {
  return { kind: 'copy-env', name, from, target: envTarget(name, provenance) };
}

/** Removes a variable everywhere Codex would see it: its .env line, and the shell too when both set it. */
export function unsetEnv(name: string, provenance: Provenance): FixAction {
  const origin = provenance[name];
  if (origin?.source === 'dotenv' && !name.startsWith('CODEX_')) {
    const dotenv: FixStep = { kind: 'unset-env', name, target: 'codex-dotenv' };
    return origin.overridesShell ? { kind: 'sequence', steps: [dotenv, { kind: 'unset-env', name, target: 'shell-profile' }] } : dotenv;
  }
  return { kind: 'unset-env', name, target: 'shell-profile' };
}

/**
 * Paths for a converted copy of `from`, best first: `corp.cer` -> `corp.pem`, then `corp.converted.pem`,
 * `corp.converted-2.pem`, ... The caller takes the first that does not exist, so a fix never writes over a file.
 */
export function pemPathCandidates(from: string, count = 5): string[] {
  const first = convertedPath(trimEndMatches(from, '/\\'));
  const base = first.replace(/(\.converted)?\.pem$/i, '');
  const numbered = Array.from({ length: count }, (_, i) => `${base}.converted${i === 0 ? '' : `-${i + 1}`}.pem`);
  return [...new Set([first, ...numbered])].filter((p) => p !== from);
}

/** Removes several variables, each where it is set. */
export function unsetAll(names: readonly string[], provenance: Provenance): FixAction {
  const steps = names.flatMap((name) => {
    const action = unsetEnv(name, provenance);
    return action.kind === 'sequence' ? action.steps : [action as FixStep];
  });
  return steps.length === 1 ? steps[0]! : { kind: 'sequence', steps: steps as [FixStep, ...FixStep[]] };
}
