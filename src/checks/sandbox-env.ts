// sandbox.env: what a command Codex runs in its sandbox gets. Emulates [shell_environment_policy] for every
// CA and proxy variable, says which step removes one, whether the file it names is readable, and whether
// the sandbox has network at all (without it, no CA setting can matter there). Misspelt sandbox keys get
// the real key and one TOML snippet that the doctor has itself applied and re-checked (see tests). The
// check decides; its sentences are in words/sandbox-env.ts.
import type { TomlTable } from 'smol-toml';
import { resolveAgainst, selectCaBundle } from '../codex/ca-selection.js';
import { LAYER_ORDER, type CodexConfig, type ConfigLayerKind, type UnknownConfigKey } from '../codex/config.js';
import { fixLocation, snippetFor, type ConfigFix } from '../codex/config-fix.js';
import { parseShellPolicyTable } from '../codex/config-read.js';
import { valueAt } from '../codex/toml-table.js';
import { isTable } from '../codex/config-keys.js';
import { displayPath } from '../codex/env.js';
import { SANDBOX_VARIABLES, TOOL_CA_VARIABLES, sandboxNetwork, type SandboxNetwork, type SandboxVariableKind } from '../codex/sandbox.js';
import {
  coreVariables,
  emulateShellEnvironment,
  policyThatPasses,
  type ShellEnvironmentPolicy,
  type Unfixable,
} from '../codex/shell-env-policy.js';
import { codexFeatures } from '../codex/features.js';
import {
  MANAGED_CA_VARIABLES,
  MANAGED_NO_PROXY_VARIABLES,
  MANAGED_PROXY_VARIABLES,
  managedNetworkProxy,
  managedProxyOverrides,
} from '../codex/managed-network-proxy.js';
import type { Host } from '../core/host.js';
import { redactUrl } from '../core/redact.js';
import type { CheckResult, Finding, FixStep, Hint } from '../core/types.js';
import { Speaker } from '../words/speaker.js';
import * as sandboxWords from '../words/sandbox-env.js';
import type { PathState, PolicyPlacement, VariableReport } from '../words/sandbox-env.js';
import { configSpeaker, withConfigActions } from './config-actions.js';
import { CONFIG_CHECK_ID, fixData, unknownKeyFinding, type FixRecord } from './codex-config.js';
import type { DoctorCheck } from './context.js';

const SEP = 'shell_environment_policy';

export const sandboxEnvCheck: DoctorCheck = {
  id: 'sandbox.env',
  title: 'Sandbox environment',
  // A config Codex refuses is reported once, by config.codex; emulating it would be guesswork.
  needs: [CONFIG_CHECK_ID],
  async run(ctx) {
    ctx.stage('input');
    const world = await ctx.world();
    ctx.stage('policy');
    return assessSandboxEnv(world.config, world.env, ctx.host, new Speaker(world, ctx.host));
  },
};

/** The CA file variables of the tools people run in the sandbox (Node, Python requests, pip, git, cargo, npm). */
const TOOL_CA_FILE_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'REQUESTS_CA_BUNDLE', 'PIP_CERT', 'GIT_SSL_CAINFO', 'CARGO_HTTP_CAINFO', 'NPM_CONFIG_CAFILE'] as const;

export async function assessSandboxEnv(
  config: CodexConfig,
  env: Readonly<Record<string, string>>,
  host: Host,
  words: Speaker = configSpeaker(config, host),
): Promise<CheckResult> {
  const show = (file: string): string => displayPath(file, host.homeDir);
  const platform = host.platform;
  const network = sandboxNetwork(config.sandboxMode?.value, config.networkAccess?.value ?? false);
  const policy = config.shellEnvironmentPolicy;
  const emulated = emulateShellEnvironment(env, policy, platform);
  const managed = managedNetworkProxy(config, codexFeatures(config, config.context.codexVersion ?? null));
  const overrides = managed.active ? managedProxyOverrides(managed) : new Map<string, string>();
  const findings: Finding[] = [];
  const fixes: FixRecord[] = [];
  const addFix = (fix: ConfigFix, code: string): void => {
    const same = fixes.find((f) => f.snippet === fix.snippet && f.target === fix.target);
    if (same) same.codes.push(code);
    else fixes.push({ ...fix, codes: [code] });
  };

  // Per variable: reaches or not, the deciding step, the file it names.
  const variables: VariableReport[] = await Promise.all(
    SANDBOX_VARIABLES.map(async (v): Promise<VariableReport> => {
      const managedValue = overrides.get(v.name);
      if (managedValue !== undefined) return { name: v.name, kind: v.kind, state: 'managed', value: managedValue };
      const verdict = emulated.verdicts.get(v.name);
      if (!verdict) return { name: v.name, kind: v.kind, state: 'unset' };
      if (!verdict.reaches) return { name: v.name, kind: v.kind, state: 'removed', decidedBy: verdict.decidedBy };
      const value = verdict.value ?? '';
      if (v.kind === 'proxy' || value === '') return { name: v.name, kind: v.kind, state: 'reaches', decidedBy: verdict.decidedBy, value };
      const path = resolveAgainst(host.cwd, value, platform);
      return { name: v.name, kind: v.kind, state: 'reaches', decidedBy: verdict.decidedBy, value, path, pathState: await pathState(host, v.kind, path) };
    }),
  );
  const needed = neededNames(env, policy);

  // The policy: one corrected [shell_environment_policy] for misspellings and removed variables alike.
  const advice = shellPolicyAdvice(config, env, platform);
  const adviceHint: Hint | undefined = advice && sandboxWords.policyHint(sandboxWords.policyPlacement(advice.placement, config.context.homeDir), advice.fix.snippet);

  for (const unknown of config.unknownKeys.filter((u) => u.area === 'sandbox')) {
    if (isPolicyKey(unknown)) {
      const finding = sandboxWords.policyKeyFinding(unknown, policy, show, adviceHint, config.context.codexVersion ?? null);
      findings.push(finding);
      if (advice) addFix(advice.fix, finding.code);
    } else {
      const { finding, fix } = unknownKeyFinding(unknown, show, fixLocation(config, unknown.layer), config.context.codexVersion ?? null, words);
      findings.push(finding);
      if (fix) addFix(fix, finding.code);
    }
  }

  const removed = variables.filter((v): v is Extract<VariableReport, { state: 'removed' }> => v.state === 'removed' && needed.has(v.name));
  if (removed.length > 0) {
    const unfixable = advice?.unfixable ?? [];
    // The corrected policy fixes this when it passes at least one of them; otherwise only renaming can.
    const fixedByAdvice = advice !== undefined && unfixable.length < removed.length;
    if (fixedByAdvice) addFix(advice.fix, 'SANDBOX_VAR_REMOVED');
    findings.push(sandboxWords.variablesRemoved(network.enabled ? 'warn' : 'info', removed, policy, network.enabled, fixedByAdvice ? adviceHint : undefined, unfixable));
  }

  const reaching = variables.filter((v): v is Extract<VariableReport, { state: 'reaches' }> => v.state === 'reaches' && needed.has(v.name));
  if (reaching.length > 0 && removed.length === 0) {
    findings.push(sandboxWords.variablesReach(reaching.map((v) => v.name), policy));
  }
  for (const v of reaching) {
    if (v.decidedBy === 'set' && env[v.name] !== v.value) findings.push(sandboxWords.setOverride(v, env[v.name] !== undefined));
    if (v.pathState === undefined || v.pathState === 'readable') continue;
    findings.push(pathFinding({ ...v, pathState: v.pathState }, network, show, words));
  }

  findings.push(...networkFindings(config, network, show, addFix));
  if (managed.active) {
    // The user's variables that Codex's managed proxy replaces for sandboxed commands.
    const mitm = managed.profiles[0].mitm;
    const replaced = [...MANAGED_PROXY_VARIABLES, ...MANAGED_NO_PROXY_VARIABLES, ...(mitm ? MANAGED_CA_VARIABLES : [])].filter((name) => (env[name] ?? '') !== '');
    findings.push(sandboxWords.managedProxy(managed, replaced, show));
  }

  const managedCa = managed.active && managed.profiles[0].mitm;
  if (network.enabled && !managedCa && selectCaBundle(env, host.cwd, platform).kind === 'variable' && !TOOL_CA_VARIABLES.some((v) => needed.has(v.name))) {
    const from = env.CODEX_CA_CERTIFICATE ? 'CODEX_CA_CERTIFICATE' : 'SSL_CERT_FILE';
    const copies = TOOL_CA_FILE_VARIABLES.map((name): FixStep => ({ kind: 'copy-env', name, from, target: 'shell-profile' }));
    findings.push(sandboxWords.toolCaUnset(words, { kind: 'sequence', steps: copies as [FixStep, ...FixStep[]] }));
  }

  const misspelt = config.unknownKeys.filter((u) => u.area === 'sandbox').length;

  return {
    summary: sandboxWords.sandboxSummary(network.enabled, removed.map((v) => v.name), reaching.length, misspelt),
    findings: withConfigActions(findings, fixes, config),
    evidence: [
      sandboxWords.policyEvidence(policy, advice?.fix.snippet),
      sandboxWords.variablesEvidence(variables, show),
    ],
    data: {
      network: { mode: network.mode ?? null, networkAccess: network.networkAccess, enabled: network.enabled, modeFile: config.sandboxMode?.file ?? null },
      policy: {
        inherit: policy.inherit,
        ignoreDefaultExcludes: policy.ignoreDefaultExcludes,
        exclude: [...policy.exclude],
        includeOnly: [...policy.includeOnly],
        set: Object.keys(policy.set),
        filters: { ...policy.filters },
      },
      variables: variables.map((v) => ({ ...v, ...((v.state === 'reaches' || v.state === 'managed') && v.kind === 'proxy' && { value: redactUrl(v.value) }) })),
      managedProxy: managed.active
        ? { active: true, profiles: managed.profiles.map((p) => ({ name: p.name, proxyUrl: redactUrl(p.proxyUrl), mitm: p.mitm, domains: p.domains })) }
        : { active: false, why: managed.why },
      fixes: fixes.map(fixData),
    },
  };
}

/** The CA and proxy variables that are set (non-empty) for Codex or by the policy's `set`. */
function neededNames(env: Readonly<Record<string, string>>, policy: ShellEnvironmentPolicy): Set<string> {
  return new Set(SANDBOX_VARIABLES.map((v) => v.name).filter((n) => (env[n] ?? '') !== '' || Object.hasOwn(policy.set, n)));
}

async function pathState(host: Host, kind: SandboxVariableKind, path: string): Promise<PathState> {
  try {
    const stat = await host.fs.stat(path);
    if (stat === null) return 'missing';
    if (kind === 'ca-dir') {
      if (stat.kind !== 'directory') return 'not-a-directory';
      await host.fs.readdir(path);
    } else {
      if (stat.kind !== 'file') return 'not-a-file';
      await host.fs.readFile(path, 64);
    }
    return 'readable';
  } catch {
    return 'unreadable';
  }
}

function pathFinding(v: Parameters<typeof sandboxWords.pathFinding>[2], network: SandboxNetwork, show: (f: string) => string, words: Speaker): Finding {
  const code = v.pathState === 'missing' ? 'SANDBOX_CA_FILE_MISSING' : 'SANDBOX_CA_FILE_UNREADABLE';
  return sandboxWords.pathFinding(network.enabled ? 'warn' : 'info', code, v, network.enabled, show, words);
}

function networkFindings(config: CodexConfig, network: SandboxNetwork, show: (f: string) => string, addFix: (fix: ConfigFix, code: string) => void): Finding[] {
  const settings: sandboxWords.NetworkSettings = {
    ...(config.sandboxMode && { sandboxMode: { value: config.sandboxMode.value, file: config.sandboxMode.file } }),
    ...(config.networkAccess && { networkAccessFile: config.networkAccess.file }),
  };
  if (network.enabled) return [sandboxWords.networkEnabled(settings, network, show)];
  const out: Finding[] = [];
  if (network.networkAccess && network.mode !== 'workspace-write') out.push(sandboxWords.networkAccessUnused(settings, show));
  const { target, prefix } = fixLocation(config, highestLayer(config, [['sandbox_mode'], ['sandbox_workspace_write', 'network_access']]));
  const table: TomlTable = network.mode === 'workspace-write' ? {} : { sandbox_mode: 'workspace-write' };
  table.sandbox_workspace_write = { network_access: true };
  const fix: ConfigFix = { target, remove: [], snippet: prefix.length > 0 ? snippetFor(prefix, table) : topLevelNetworkSnippet(network.mode) };
  addFix(fix, 'SANDBOX_NETWORK_DISABLED');
  out.push(sandboxWords.networkDisabled(settings, network, show, config.layers.find((l) => l.kind === target)?.file ?? 'config.toml', fix.snippet));
  return out;
}

/**
 * The snippet that gives sandboxed commands network, at the top level of config.toml, as smol-toml writes it
 * (a test holds the two equal). Written out because nearly every report prints it: a run without a
 * config.toml then never loads the TOML library.
 */
export function topLevelNetworkSnippet(mode: SandboxNetwork['mode']): string {
  const sandboxMode = mode === 'workspace-write' ? '' : 'sandbox_mode = "workspace-write"\n\n';
  return `${sandboxMode}[sandbox_workspace_write]\nnetwork_access = true`;
}

// ---------------------------------------------------------------------------------------------------------
// The corrected [shell_environment_policy]

function isPolicyKey(unknown: UnknownConfigKey): boolean {
  return unknown.path[0] === SEP || (unknown.real !== null && 'key' in unknown.real && unknown.real.key[0] === SEP);
}

interface PolicyAdvice {
  fix: ConfigFix;
  /** Which file it goes to, what it deletes and what it replaces (the words say it). */
  placement: PolicyPlacement;
  unfixable: Unfixable[];
}

/**
 * One [shell_environment_policy] that does what the user's config meant (the blog table translated,
 * misspelt keys renamed) and passes every CA and proxy variable that is set. Undefined when the current
 * policy already does all that.
 */
export function shellPolicyAdvice(config: CodexConfig, env: Readonly<Record<string, string>>, platform: NodeJS.Platform): PolicyAdvice | undefined {
  const keys = config.unknownKeys.filter((u) => u.area === 'sandbox' && isPolicyKey(u));
  const tables = keys.filter((u) => u.path.length === 1);
  const inPolicy = keys.filter((u) => u.path.length > 1);

  const current = valueAt(config.merged, [SEP]);
  let table: TomlTable = isTable(current) ? structuredClone(current) : {};
  if (!isTable(current)) for (const t of tables) if (isTable(t.value)) table = translateTable(t.value, platform);
  for (const u of inPolicy) if (u.real !== null && 'key' in u.real) mergeKey(table, u.real.key[1]!, u.value, platform);

  const parsed = parseShellPolicyTable(table);
  const intended = parsed.problems.length === 0 ? parsed.policy : config.shellEnvironmentPolicy;
  const needed = [...neededNames(env, intended)];
  const { policy, unfixable } = policyThatPasses(env, intended, needed, platform);
  if (keys.length === 0 && samePolicy(policy, config.shellEnvironmentPolicy)) return undefined;

  const holder = keys.reduce((hi, k) => (rank(k.layer) > rank(hi) ? k.layer : hi), highestLayer(config, [[SEP]]));
  const { target, prefix } = fixLocation(config, holder);
  const source = config.sources.find((s) => s.kind === holder);
  const replaces = source !== undefined && valueAt(source.table, [SEP]) !== undefined;
  const existed = new Set(isTable(current) ? Object.keys(current) : []);
  const remove = [
    ...(replaces ? [{ layer: target, key: [...prefix, SEP] }] : []),
    ...keys.map((k) => {
      const at = fixLocation(config, k.layer);
      return { layer: at.target, key: [...at.prefix, ...k.path] };
    }),
  ];
  const snippet = snippetFor([...prefix, SEP], policyTable(policy, existed));
  const placement: PolicyPlacement = {
    file: config.layers.find((l) => l.kind === target)?.file ?? 'config.toml',
    deleted: keys.map((k) => ({ unknown: k, prefix: fixLocation(config, k.layer).prefix })),
    replaces: replaces ? [...prefix, SEP] : null,
  };
  return { fix: { target, remove, snippet }, placement, unfixable };
}

/** The blog article's [shell_environment] + [shell_environment.include], as the policy it meant. */
function translateTable(blog: TomlTable, platform: NodeJS.Platform): TomlTable {
  const out: TomlTable = {};
  for (const key of ['inherit', 'ignore_default_excludes', 'exclude', 'set', 'include_only', 'filters', 'experimental_use_profile']) {
    if (blog[key] !== undefined) out[key] = structuredClone(blog[key]!);
  }
  for (const key of ['include', 'includes', 'include_list', 'allow', 'allowlist', 'passthrough', 'pass_through', 'keep']) {
    const include = blog[key];
    if (include === undefined) continue;
    // `NAME = "/path"` means "give them this value": that is `set`.
    if (isTable(include)) {
      const values = Object.entries(include).filter((e): e is [string, string] => typeof e[1] === 'string');
      if (values.length > 0) mergeKey(out, 'set', Object.fromEntries(values), platform);
    }
    // `NAME = true` under inherit "all" (the default) adds nothing: everything is passed already.
    if (out.inherit === 'core' || out.inherit === 'none') mergeKey(out, 'include_only', include, platform);
  }
  return out;
}

/**
 * Puts a misspelt key's value under the real key. An "include" list under inherit core/none means "these
 * as well": Codex's include_only only filters, so that becomes inherit "all" + include_only of the core
 * names and these.
 */
function mergeKey(table: TomlTable, real: string, value: unknown, platform: NodeJS.Platform): void {
  const names = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : isTable(v) ? Object.keys(v).filter((k) => v[k] === true) : [];
  if (real === 'include_only' || real === 'exclude') {
    const added = names(value);
    if (real === 'include_only' && (table.inherit === 'core' || table.inherit === 'none')) {
      const set = isTable(table.set) ? Object.keys(table.set) : [];
      table.include_only = [...new Set([...(table.inherit === 'core' ? coreVariables(platform) : []), ...names(table.include_only), ...set, ...added])];
      table.inherit = 'all';
      return;
    }
    table[real] = [...new Set([...names(table[real]), ...added])];
  } else if (real === 'set' && isTable(value)) {
    table.set = { ...(isTable(table.set) ? table.set : {}), ...value };
  } else if (table[real] === undefined && value !== undefined) {
    table[real] = structuredClone(value) as TomlTable[string];
  }
}

/** The policy as TOML: every key that differs from Codex's default or that some layer sets. */
function policyTable(policy: ShellEnvironmentPolicy, existed: ReadonlySet<string>): TomlTable {
  const t: TomlTable = { inherit: policy.inherit };
  const keep = (key: string, nonDefault: boolean): boolean => nonDefault || existed.has(key);
  if (keep('ignore_default_excludes', !policy.ignoreDefaultExcludes)) t.ignore_default_excludes = policy.ignoreDefaultExcludes;
  if (keep('exclude', policy.exclude.length > 0)) t.exclude = [...policy.exclude];
  if (keep('include_only', policy.includeOnly.length > 0)) t.include_only = [...policy.includeOnly];
  if (keep('experimental_use_profile', policy.experimentalUseProfile)) t.experimental_use_profile = policy.experimentalUseProfile;
  if (keep('set', Object.keys(policy.set).length > 0)) t.set = { ...policy.set };
  if (keep('filters', Object.keys(policy.filters).length > 0)) t.filters = { ...policy.filters };
  return t;
}

function samePolicy(a: ShellEnvironmentPolicy, b: ShellEnvironmentPolicy): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function rank(kind: ConfigLayerKind): number {
  return LAYER_ORDER.indexOf(kind);
}

/** The highest-precedence source that sets any of `keys` (or anything under them); the user's config.toml if none. */
function highestLayer(config: CodexConfig, keys: readonly (readonly string[])[]): ConfigLayerKind {
  const source = [...config.sources].reverse().find((s) => keys.some((k) => valueAt(s.table, k) !== undefined));
  return source?.kind ?? 'user';
}

