// How Codex builds the environment of the commands it runs in its sandbox: `[shell_environment_policy]`
// (codex-behavior.md §8; codex-rs/protocol/src/shell_environment.rs). Pure functions of an env snapshot.

export type ShellEnvInherit = 'all' | 'core' | 'none';
export type FilterAction = 'include' | 'exclude';

export interface ShellEnvironmentPolicy {
  inherit: ShellEnvInherit;
  ignoreDefaultExcludes: boolean;
  exclude: readonly string[];
  /** Inserted as written: names are case-sensitive here, unlike the globs. */
  set: Readonly<Record<string, string>>;
  includeOnly: readonly string[];
  /** glob -> action. Never together with `exclude` / `includeOnly` (Codex rejects that config). */
  filters: Readonly<Record<string, FilterAction>>;
  experimentalUseProfile: boolean;
}

/** Codex's defaults: the whole environment, default excludes ignored (the default since 2025-12). */
export const DEFAULT_SHELL_ENVIRONMENT_POLICY: ShellEnvironmentPolicy = {
  inherit: 'all',
  ignoreDefaultExcludes: true,
  exclude: [],
  set: {},
  includeOnly: [],
  filters: {},
  experimentalUseProfile: false,
};

export const DEFAULT_EXCLUDES = ['*KEY*', '*SECRET*', '*TOKEN*'] as const;

const UNIX_CORE = ['PATH', 'SHELL', 'TMPDIR', 'TEMP', 'TMP', 'HOME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'LOGNAME', 'USER'] as const;
const WINDOWS_CORE = [
  'PATH', 'PATHEXT', 'SHELL', 'COMSPEC', 'SYSTEMROOT', 'WINDIR', 'SYSTEMDRIVE', 'USERNAME', 'USERDOMAIN', 'USERPROFILE',
  'HOMEDRIVE', 'HOMEPATH', 'PROGRAMFILES', 'PROGRAMFILES(X86)', 'PROGRAMW6432', 'PROGRAMDATA', 'LOCALAPPDATA', 'APPDATA',
  'TEMP', 'TMP', 'TMPDIR', 'POWERSHELL', 'PWSH',
] as const;

/**
 * Variables Codex manages itself and never passes on from the parent. The spec only says "a few internal
 * variables are always removed"; these are Codex's own sandbox markers, which it sets fresh for each
 * child. None of them is a CA or proxy variable, so no verdict the doctor reports depends on this list.
 */
export const INTERNAL_VARIABLES = ['CODEX_SANDBOX', 'CODEX_SANDBOX_NETWORK_DISABLED', 'CODEX_THREAD_ID'] as const;

/** `inherit = "core"`: the names kept, compared case-insensitively. */
export function coreVariables(platform: NodeJS.Platform): readonly string[] {
  return platform === 'win32' ? WINDOWS_CORE : UNIX_CORE;
}

/**
 * Which step decided a variable's fate. For a variable that reaches the sandbox: `inherit` or `set`.
 * For one that does not: the step that removed it (`inherit` = not inherited under core/none;
 * `filters` without a glob = no `include` filter matched).
 */
export type DecidingStep =
  | 'inherit'
  | 'default-excludes'
  | `exclude:${string}`
  | 'set'
  | 'include_only'
  | 'filters'
  | `filters:${string}`
  | 'internal';

export interface VariableVerdict {
  name: string;
  reaches: boolean;
  decidedBy: DecidingStep;
  /** What the sandboxed command sees (only when it reaches). */
  value?: string;
}

export interface ShellEnvironment {
  /** The child's environment as Codex builds it. */
  env: Record<string, string>;
  /** One verdict per variable of the parent environment or of `set`. */
  verdicts: ReadonlyMap<string, VariableVerdict>;
}

/** `*` and `?` globs matched against the whole name, case-insensitively. */
export function globMatches(glob: string, name: string): boolean {
  return globRegExp(glob).test(name);
}

const globCache = new Map<string, RegExp>();
function globRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (!re) {
    const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
    re = new RegExp(`^${body}$`, 'is');
    globCache.set(glob, re);
  }
  return re;
}

function firstMatch(globs: readonly string[], name: string): string | undefined {
  return globs.find((g) => globMatches(g, name));
}

/**
 * Emulates Codex's construction of the child environment, step by step, recording which step decided
 * each variable. `filters` is modelled as another spelling of the same two steps: `exclude` filters act
 * at step 3 and, when any `include` filter exists, names matching none are dropped at step 5. The spec
 * does not state an evaluation order for the table and Codex cannot rely on TOML table order, so this
 * order-independent reading is the one that fits "cannot be mixed with exclude/include_only".
 */
export function emulateShellEnvironment(
  parent: Readonly<Record<string, string>>,
  policy: ShellEnvironmentPolicy,
  platform: NodeJS.Platform,
): ShellEnvironment {
  const verdicts = new Map<string, VariableVerdict>();
  const env = new Map<string, string>();
  const drop = (name: string, step: DecidingStep): void => {
    env.delete(name);
    verdicts.set(name, { name, reaches: false, decidedBy: step });
  };

  // 1. inherit
  const core = new Set(coreVariables(platform).map((n) => n.toUpperCase()));
  for (const [name, value] of Object.entries(parent)) {
    const inherited = policy.inherit === 'all' || (policy.inherit === 'core' && core.has(name.toUpperCase()));
    if (inherited) {
      env.set(name, value);
      verdicts.set(name, { name, reaches: true, decidedBy: 'inherit' });
    } else {
      verdicts.set(name, { name, reaches: false, decidedBy: 'inherit' });
    }
  }
  // 2. default excludes
  if (!policy.ignoreDefaultExcludes) {
    for (const name of [...env.keys()]) if (firstMatch(DEFAULT_EXCLUDES, name)) drop(name, 'default-excludes');
  }
  // 3. exclude globs (or `exclude` filters)
  const excludeFilters = Object.keys(policy.filters).filter((g) => policy.filters[g] === 'exclude');
  for (const name of [...env.keys()]) {
    const glob = firstMatch(policy.exclude, name);
    if (glob !== undefined) drop(name, `exclude:${glob}`);
    else {
      const filter = firstMatch(excludeFilters, name);
      if (filter !== undefined) drop(name, `filters:${filter}`);
    }
  }
  // 4. set
  for (const [name, value] of Object.entries(policy.set)) {
    env.set(name, value);
    verdicts.set(name, { name, reaches: true, decidedBy: 'set' });
  }
  // 5. include_only (or `include` filters): can remove `set` entries too
  const includeFilters = Object.keys(policy.filters).filter((g) => policy.filters[g] === 'include');
  for (const name of [...env.keys()]) {
    if (policy.includeOnly.length > 0 && firstMatch(policy.includeOnly, name) === undefined) drop(name, 'include_only');
    else if (includeFilters.length > 0 && firstMatch(includeFilters, name) === undefined) drop(name, 'filters');
  }
  // 6. internal
  const internal = new Set<string>(INTERNAL_VARIABLES);
  for (const name of [...env.keys()]) if (internal.has(name.toUpperCase())) drop(name, 'internal');

  for (const [name, value] of env) verdicts.set(name, { ...verdicts.get(name)!, value });
  return { env: Object.fromEntries(env), verdicts };
}

/** One reason a needed variable cannot be made to reach by editing the policy alone. */
export interface Unfixable {
  name: string;
  decidedBy: DecidingStep;
}

/**
 * The smallest change to `policy` after which every name in `needed` (present in `parent` or `set`) reaches
 * the sandbox, keeping the user's intent for everything else:
 * - not inherited under core/none: inherit "all" and list in `include_only` what reached before, the names
 *   the old include_only listed, and the needed names (so the child gets what it got before, plus these);
 * - an `exclude` glob (or `exclude` filter): replace the glob by the names it removes today, minus the needed ones;
 * - `include_only` (or `include` filters): add the names.
 * Default excludes and internal removals are reported as unfixable (no CA or proxy name hits them).
 */
export function policyThatPasses(
  parent: Readonly<Record<string, string>>,
  policy: ShellEnvironmentPolicy,
  needed: readonly string[],
  platform: NodeJS.Platform,
): { policy: ShellEnvironmentPolicy; unfixable: Unfixable[] } {
  let current = policy;
  const unfixable = new Map<string, Unfixable>();
  // Each round removes at least one kind of blocker; three kinds exist, so a few rounds settle it.
  for (let round = 0; round < 4; round++) {
    const { verdicts } = emulateShellEnvironment(parent, current, platform);
    const blocked = needed
      .map((n) => verdicts.get(n))
      .filter((v): v is VariableVerdict => v !== undefined && !v.reaches && !unfixable.has(v.name));
    if (blocked.length === 0) break;
    current = unblock(parent, current, verdicts, blocked, needed, platform, unfixable);
  }
  return { policy: current, unfixable: [...unfixable.values()] };
}

function unblock(
  parent: Readonly<Record<string, string>>,
  policy: ShellEnvironmentPolicy,
  verdicts: ReadonlyMap<string, VariableVerdict>,
  blocked: readonly VariableVerdict[],
  needed: readonly string[],
  platform: NodeJS.Platform,
  unfixable: Map<string, Unfixable>,
): ShellEnvironmentPolicy {
  let next = { ...policy, exclude: [...policy.exclude], includeOnly: [...policy.includeOnly], filters: { ...policy.filters } };
  const neededSet = new Set(needed);
  const removedBy = (step: DecidingStep): string[] =>
    [...verdicts.values()].filter((v) => !v.reaches && v.decidedBy === step && !neededSet.has(v.name)).map((v) => v.name).sort();
  const addIncluded = (names: readonly string[]): void => {
    if (Object.keys(next.filters).length > 0) {
      for (const n of names) if (!Object.hasOwn(next.filters, n)) next.filters[n] = 'include';
    } else {
      next.includeOnly = unique([...next.includeOnly, ...names]);
    }
  };

  if (blocked.some((v) => v.decidedBy === 'inherit')) {
    // What reaches today, by name, so that switching to inherit "all" changes nothing else.
    const reachedToday = [...verdicts.values()].filter((v) => v.reaches).map((v) => v.name);
    const core = policy.inherit === 'core' ? coreVariables(platform) : [];
    // Names listed in include_only under core/none were meant to pass: they do now.
    const listed = policy.includeOnly.filter((g) => !/[*?]/.test(g));
    const keep = unique([...core.filter((n) => survivesFilters(n, policy)), ...listed, ...reachedToday, ...blocked.map((v) => v.name)]);
    next = { ...next, inherit: 'all' };
    if (Object.keys(next.filters).length > 0) {
      // A filters policy keeps its own form: drop every name that is not kept.
      for (const n of keep) next.filters[n] = 'include';
    } else {
      next.includeOnly = keep;
    }
    return next;
  }
  for (const v of blocked) {
    const step = v.decidedBy;
    if (step === 'include_only' || step === 'filters') addIncluded([v.name]);
    else if (step.startsWith('exclude:')) {
      const glob = step.slice('exclude:'.length);
      next.exclude = unique([...next.exclude.filter((g) => g !== glob), ...removedBy(step)]);
    } else if (step.startsWith('filters:')) {
      const glob = step.slice('filters:'.length);
      delete next.filters[glob];
      for (const n of removedBy(step)) next.filters[n] = 'exclude';
    } else unfixable.set(v.name, { name: v.name, decidedBy: step });
  }
  return next;
}

/** Would a core variable survive the policy's removal steps (so that it belongs in an explicit list)? */
function survivesFilters(name: string, policy: ShellEnvironmentPolicy): boolean {
  const probe = emulateShellEnvironment({ [name]: '' }, { ...policy, inherit: 'all', set: {} }, 'linux');
  return probe.verdicts.get(name)?.reaches === true;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
