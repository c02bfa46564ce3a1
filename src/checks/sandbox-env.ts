// sandbox.env: what a command Codex runs in its sandbox gets. Emulates [shell_environment_policy] for every
// CA and proxy variable, says which step removes one, whether the file it names is readable, and whether
// the sandbox has network at all (without it, no CA setting can matter there). Misspelt sandbox keys get
// the real key and one TOML snippet that the doctor has itself applied and re-checked (see tests).
import type { TomlTable } from 'smol-toml';
import { resolveAgainst, selectCaBundle } from '../codex/ca-selection.js';
import { LAYER_ORDER, type CodexConfig, type ConfigLayerKind, type UnknownConfigKey } from '../codex/config.js';
import { fixLocation, snippetFor, type ConfigFix } from '../codex/config-fix.js';
import { parseShellPolicyTable } from '../codex/config-read.js';
import { valueAt } from '../codex/toml-table.js';
import { formatKey, isTable } from '../codex/config-keys.js';
import { displayPath } from '../codex/env.js';
import { SANDBOX_VARIABLES, TOOL_CA_VARIABLES, sandboxNetwork, type SandboxNetwork, type SandboxVariableKind } from '../codex/sandbox.js';
import {
  coreVariables,
  emulateShellEnvironment,
  policyThatPasses,
  type DecidingStep,
  type ShellEnvironmentPolicy,
  type Unfixable,
} from '../codex/shell-env-policy.js';
import { codexFeatures } from '../codex/features.js';
import {
  MANAGED_CA_VARIABLES,
  MANAGED_NO_PROXY,
  MANAGED_NO_PROXY_VARIABLES,
  MANAGED_PROXY_VARIABLES,
  managedNetworkProxy,
  managedProxyOverrides,
  PROXY_ACTIVE_VARIABLE,
  type ManagedNetworkProxy,
} from '../codex/managed-network-proxy.js';
import type { Host } from '../core/host.js';
import { redactUrl } from '../core/redact.js';
import type { CheckResult, Finding, FixStep, Hint } from '../core/types.js';
import { Speaker } from '../words/speaker.js';
import { configSpeaker, withConfigActions } from './config-actions.js';
import { CONFIG_CHECK_ID, codexIgnores, fixData, place, showUrl, topLevelNote, unknownKeyFinding, type FixRecord } from './codex-config.js';
import { costOfIgnoring } from '../codex/key-costs.js';
import type { DoctorCheck } from './context.js';

const SEP = 'shell_environment_policy';

export type PathState = 'readable' | 'missing' | 'unreadable' | 'not-a-file' | 'not-a-directory';

export type VariableReport =
  | { name: string; kind: SandboxVariableKind; state: 'unset' }
  /** Codex's managed network proxy sets it for sandboxed commands, whatever the policy passed. */
  | { name: string; kind: SandboxVariableKind; state: 'managed'; value: string }
  | { name: string; kind: SandboxVariableKind; state: 'removed'; decidedBy: DecidingStep }
  | { name: string; kind: SandboxVariableKind; state: 'reaches'; decidedBy: DecidingStep; value: string; path?: string; pathState?: PathState };

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
  const adviceHint: Hint | undefined = advice && { text: `${advice.where}:`, snippet: advice.fix.snippet };

  for (const unknown of config.unknownKeys.filter((u) => u.area === 'sandbox')) {
    if (isPolicyKey(unknown)) {
      const finding = policyKeyFinding(unknown, policy, show, adviceHint, config.context.codexVersion ?? null);
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
    const list = removed.map((v) => `${v.name} (${describeStep(v.decidedBy, policy)})`).join(', ');
    const moot = network.enabled ? '' : ' The sandbox has no network, so this only matters once network access is enabled.';
    const unfixable = advice?.unfixable ?? [];
    const stuck: Hint = { text: `Rename or copy ${unfixable.map((u) => u.name).join(', ')}: Codex removes ${unfixable.length === 1 ? 'it' : 'them'} whatever the policy says (${unfixable.map((u) => u.decidedBy).join(', ')}).` };
    const hints: [Hint, ...Hint[]] = adviceHint && unfixable.length < removed.length ? [adviceHint, ...(unfixable.length > 0 ? [stuck] : [])] : [stuck];
    if (advice && hints[0] === adviceHint) addFix(advice.fix, 'SANDBOX_VAR_REMOVED');
    const detail = `Set for Codex but not passed to sandboxed commands: ${list}.${moot}`;
    findings.push(
      network.enabled
        ? { level: 'warn', code: 'SANDBOX_VAR_REMOVED', stage: 'policy', detail, hints }
        : { level: 'info', code: 'SANDBOX_VAR_REMOVED', stage: 'policy', detail, hints },
    );
  }

  const reaching = variables.filter((v): v is Extract<VariableReport, { state: 'reaches' }> => v.state === 'reaches' && needed.has(v.name));
  if (reaching.length > 0 && removed.length === 0) {
    findings.push({ level: 'info', code: 'SANDBOX_VARS_REACH', stage: 'policy', detail: `Every CA and proxy variable that is set reaches sandboxed commands: ${reaching.map((v) => v.name).join(', ')}. They get ${describePolicy(policy)}.` });
  }
  for (const v of reaching) {
    if (v.decidedBy === 'set' && env[v.name] !== v.value) {
      const value = v.kind === 'proxy' ? showUrl(v.value) : v.value;
      findings.push({ level: 'info', code: 'SANDBOX_VAR_SET_OVERRIDE', stage: 'policy', detail: `[shell_environment_policy] set gives sandboxed commands ${v.name}=${value}${env[v.name] !== undefined ? ', not the value Codex itself has' : ''}.` });
    }
    if (v.pathState === undefined || v.pathState === 'readable') continue;
    findings.push(pathFinding(v, network, show, words));
  }

  findings.push(...networkFindings(config, network, show, addFix));
  if (managed.active) findings.push(managedProxyFinding(managed, env, show));

  const managedCa = managed.active && managed.profiles[0].mitm;
  if (network.enabled && !managedCa && selectCaBundle(env, host.cwd, platform).kind === 'variable' && !TOOL_CA_VARIABLES.some((v) => needed.has(v.name))) {
    const from = env.CODEX_CA_CERTIFICATE ? 'CODEX_CA_CERTIFICATE' : 'SSL_CERT_FILE';
    const copies = TOOL_CA_FILE_VARIABLES.map((name): FixStep => ({ kind: 'copy-env', name, from, target: 'shell-profile' }));
    findings.push({
      level: 'info',
      code: 'SANDBOX_TOOL_CA_UNSET',
      stage: 'policy',
      detail: 'Codex trusts a custom CA, but the tools it runs read their own variables (Node NODE_EXTRA_CA_CERTS, Python requests REQUESTS_CA_BUNDLE, git GIT_SSL_CAINFO, ...), and none of them is set.',
      hints: [words.fix('If sandboxed npm, pip or git fail with certificate errors, point their variables at the same bundle (in your shell profile):', { kind: 'sequence', steps: copies as [FixStep, ...FixStep[]] })],
    });
  }

  const misspelt = config.unknownKeys.filter((u) => u.area === 'sandbox').length;
  const summary = [
    network.enabled ? 'Sandboxed commands have network' : 'Sandboxed commands have no network: CA and proxy settings cannot matter there',
    removed.length > 0
      ? `${removed.map((v) => v.name).join(', ')} do${removed.length === 1 ? 'es' : ''} not reach them`
      : reaching.length > 0
        ? `the ${reaching.length} CA/proxy variable${reaching.length === 1 ? '' : 's'} that ${reaching.length === 1 ? 'is' : 'are'} set reach${reaching.length === 1 ? 'es' : ''} them`
        : 'no CA or proxy variable is set',
    ...(misspelt > 0 ? [`${misspelt} sandbox key${misspelt === 1 ? '' : 's'} Codex ignores`] : []),
  ].join('; ');

  return {
    summary: `${summary}.`,
    findings: withConfigActions(findings, fixes, config),
    evidence: [
      { title: 'Shell environment policy', lines: [describePolicy(policy), ...(advice ? ['Suggested:', ...advice.fix.snippet.split('\n')] : [])] },
      { title: 'CA and proxy variables in the sandbox', lines: variables.filter((v) => v.state !== 'unset').map((v) => variableLine(v, show)).concat(variables.every((v) => v.state === 'unset') ? ['none is set'] : []) },
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

function pathFinding(v: Extract<VariableReport, { state: 'reaches' }>, network: SandboxNetwork, show: (f: string) => string, words: Speaker): Finding {
  const path = v.path ?? v.value;
  const what: Record<Exclude<PathState, 'readable'>, string> = {
    missing: 'does not exist',
    unreadable: 'cannot be read',
    'not-a-file': 'is not a file',
    'not-a-directory': 'is not a directory',
  };
  const state = v.pathState as Exclude<PathState, 'readable'>;
  const code = state === 'missing' ? 'SANDBOX_CA_FILE_MISSING' : 'SANDBOX_CA_FILE_UNREADABLE';
  const origin = v.decidedBy === 'set' ? ' (given by [shell_environment_policy] set)' : '';
  const detail = `${v.name} reaches sandboxed commands, but ${show(path)}${origin} ${what[state]}: tools that read it fail there.${network.enabled ? '' : ' (The sandbox has no network, so nothing uses it yet.)'}`;
  const hints: [Hint] = [{ text: `Point ${v.name} at ${v.kind === 'ca-dir' ? 'a readable directory of CA certificates' : 'a readable PEM file with your CA certificates'}.`, command: words.commands.listFile(path, v.kind === 'ca-dir') }];
  return network.enabled ? { level: 'warn', code, stage: 'read', detail, hints } : { level: 'info', code, stage: 'read', detail, hints };
}

function networkFindings(config: CodexConfig, network: SandboxNetwork, show: (f: string) => string, addFix: (fix: ConfigFix, code: string) => void): Finding[] {
  const out: Finding[] = [];
  const mode = config.sandboxMode ? `sandbox_mode = "${config.sandboxMode.value}" (${show(config.sandboxMode.file)})` : 'sandbox_mode is not set (Codex picks read-only or workspace-write, neither with network)';
  if (network.enabled) {
    out.push({
      level: 'info',
      code: 'SANDBOX_NETWORK_ENABLED',
      stage: 'policy',
      detail: `Sandboxed commands have network: ${mode}${network.mode === 'workspace-write' ? ` with network_access = true (${show(config.networkAccess?.file ?? '')})` : ''}. The CA and proxy variables below matter to them.`,
    });
    return out;
  }
  if (network.networkAccess && network.mode !== 'workspace-write') {
    out.push({ level: 'info', code: 'SANDBOX_NETWORK_ACCESS_UNUSED', stage: 'policy', detail: `network_access = true is set (${show(config.networkAccess?.file ?? '')}), but only sandbox_mode = "workspace-write" reads it: ${mode}.` });
  }
  const { target, prefix } = fixLocation(config, highestLayer(config, [['sandbox_mode'], ['sandbox_workspace_write', 'network_access']]));
  const table: TomlTable = network.mode === 'workspace-write' ? {} : { sandbox_mode: 'workspace-write' };
  table.sandbox_workspace_write = { network_access: true };
  const fix: ConfigFix = { target, remove: [], snippet: prefix.length > 0 ? snippetFor(prefix, table) : topLevelNetworkSnippet(network.mode) };
  addFix(fix, 'SANDBOX_NETWORK_DISABLED');
  const file = show(config.layers.find((l) => l.kind === target)?.file ?? 'config.toml');
  out.push({
    level: 'info',
    code: 'SANDBOX_NETWORK_DISABLED',
    stage: 'policy',
    detail: `Sandboxed commands have no network: ${mode}${network.mode === 'workspace-write' ? ' and network_access is false (the default)' : ''}. No CA or proxy setting can matter inside the sandbox: npm install, pip or curl there fail for lack of network, not because of certificates.`,
    hints: [{ text: `If commands in the sandbox need the network, allow it in ${file}${topLevelNote(fix.snippet)}:`, snippet: fix.snippet }],
  });
  return out;
}

/**
 * `[features] network_proxy` with a `[permissions.<name>.network]` profile: sandboxed commands get Codex's
 * proxy (and with mitm its CA bundle) instead of the user's variables, and Codex's policy decides the domains.
 */
function managedProxyFinding(managed: Extract<ManagedNetworkProxy, { active: true }>, env: Readonly<Record<string, string>>, show: (f: string) => string): Finding {
  const [profile] = managed.profiles;
  const where = profile.file ? ` (${show(profile.file)})` : '';
  const replaced = [...MANAGED_PROXY_VARIABLES, ...MANAGED_NO_PROXY_VARIABLES, ...(profile.mitm ? MANAGED_CA_VARIABLES : [])].filter((name) => (env[name] ?? '') !== '');
  const ca = profile.mitm
    ? ` and, since it inspects TLS (mitm), Codex's own CA bundle in ${MANAGED_CA_VARIABLES.slice(0, 4).join(', ')} and the other CA variables`
    : '; their CA variables stay as the policy passes them';
  const domains = profile.domains === null ? 'The profile lists no domains' : profile.domains.length === 0 ? 'The profile allows no domain' : `Only ${profile.domains.join(', ')} ${profile.domains.length === 1 ? 'is' : 'are'} allowed`;
  return {
    level: 'info',
    code: 'SANDBOX_MANAGED_PROXY',
    stage: 'policy',
    detail: `Codex's managed network proxy is on ([features] network_proxy, [permissions.${profile.name}.network]${where}): sandboxed commands get its proxy ${redactUrl(profile.proxyUrl)} in HTTPS_PROXY, HTTP_PROXY, ALL_PROXY (both spellings) and the tools' proxy variables, NO_PROXY=${MANAGED_NO_PROXY}, ${PROXY_ACTIVE_VARIABLE}=1${ca}${
      replaced.length > 0 ? `, instead of your ${replaced.join(', ')}` : ''
    }. ${domains}; a refused destination reads "destination denied by application network policy" or "Codex blocked this request": that is Codex's policy, not the corporate proxy.`,
  };
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
  /** "In ~/.codex/config.toml, delete [shell_environment] and write instead" and the like. */
  where: string;
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
  const deleted = [...new Set(keys.flatMap((k) => (k.path.length === 1 ? tableHeaders(k, fixLocation(config, k.layer).prefix) : [`\`${formatKey([...fixLocation(config, k.layer).prefix, ...k.path])}\``])))];
  const file = displayPath(config.layers.find((l) => l.kind === target)?.file ?? 'config.toml', config.context.homeDir);
  const del = `delete ${listing(deleted)}`;
  const replace = `replace [${formatKey([...prefix, SEP])}] with`;
  const where =
    deleted.length > 0 && replaces ? `In ${file}, ${del}, and ${replace}` : deleted.length > 0 ? `In ${file}, ${del} and write instead` : replaces ? `In ${file}, ${replace}` : `Add to ${file}`;
  return { fix: { target, remove, snippet }, where, unfixable };
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

function policyKeyFinding(
  unknown: UnknownConfigKey,
  policy: ShellEnvironmentPolicy,
  show: (f: string) => string,
  adviceHint: Hint | undefined,
  codexVersion: string | null,
): Finding {
  const at = place(unknown, show);
  const fallback: Hint = { text: `Delete \`${formatKey(unknown.path)}\` from ${show(unknown.file)}.` };
  if (unknown.path.length === 1) {
    const tables = tableHeaders(unknown);
    return {
      level: 'warn',
      code: 'SANDBOX_SHELL_ENVIRONMENT_TABLE',
      stage: 'parse',
      detail: `${at}: ${tables.join(' and ')} ${tables.length > 1 ? 'are not Codex tables' : 'is not a Codex table'}; ${codexIgnores(unknown, formatKey(unknown.path), show, codexVersion, tables.length > 1 ? 'them' : 'it')}, so sandboxed commands get ${describePolicy(policy)}. The real table is [shell_environment_policy].`,
      hints: [adviceHint ?? fallback],
    };
  }
  const real = unknown.real !== null && 'key' in unknown.real ? formatKey(unknown.real.key) : undefined;
  const addsNothing =
    real === `${SEP}.include_only` && policy.inherit !== 'all'
      ? ` (include_only only filters what inherit passed: with inherit = "${policy.inherit}" it cannot add variables, so the fix below inherits "all" and lists what to keep)`
      : '';
  return {
    level: 'warn',
    code: 'SANDBOX_UNKNOWN_KEY',
    stage: 'parse',
    detail: `${at}: \`${formatKey(unknown.path)}\` is not a Codex key; ${codexIgnores(unknown, formatKey(unknown.path), show, codexVersion)}${real ? `. The real key is \`${real}\`; until it is fixed, ${costOfIgnoring(unknown.real !== null && 'key' in unknown.real ? unknown.real.key : [])}` : `. The keys of [shell_environment_policy] are ${(unknown.validKeys ?? []).join(', ')}`}${addsNothing}.`,
    hints: [adviceHint ?? fallback],
  };
}

/** `[shell_environment]` and its sub-table headers (`[shell_environment.include]`), as the user wrote them. */
function tableHeaders(unknown: UnknownConfigKey, prefix: readonly string[] = []): string[] {
  const value = unknown.value;
  const path = [...prefix, ...unknown.path];
  const sub = isTable(value) ? Object.keys(value).filter((k) => isTable(value[k])) : [];
  return [`[${formatKey(path)}]`, ...sub.map((k) => `[${formatKey([...path, k])}]`)];
}

/** "A", "A and B", "A, B and C". */
function listing(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function describePolicy(policy: ShellEnvironmentPolicy): string {
  const parts: string[] = [
    policy.inherit === 'all' ? 'the whole environment (inherit = "all")' : policy.inherit === 'core' ? 'only the core variables (inherit = "core")' : 'no inherited variables (inherit = "none")',
  ];
  if (!policy.ignoreDefaultExcludes) parts.push('minus *KEY*, *SECRET*, *TOKEN*');
  if (policy.exclude.length > 0) parts.push(`minus ${policy.exclude.join(', ')}`);
  const filters = Object.entries(policy.filters);
  if (filters.length > 0) parts.push(`filtered by ${filters.map(([g, a]) => `${g}=${a}`).join(', ')}`);
  if (Object.keys(policy.set).length > 0) parts.push(`plus set ${Object.keys(policy.set).join(', ')}`);
  if (policy.includeOnly.length > 0) parts.push(`keeping only ${policy.includeOnly.join(', ')}`);
  return parts.join(', ');
}

export function describeStep(step: DecidingStep, policy: ShellEnvironmentPolicy): string {
  if (step.startsWith('exclude:')) return `removed by exclude "${step.slice(8)}"`;
  if (step.startsWith('filters:')) return `removed by filter "${step.slice(8)}" = "exclude"`;
  switch (step) {
    case 'inherit':
      return `inherit = "${policy.inherit}" does not pass it`;
    case 'default-excludes':
      return 'removed by the default excludes *KEY*, *SECRET*, *TOKEN*';
    case 'include_only':
      return 'not matched by include_only';
    case 'filters':
      return 'matched by no "include" filter';
    case 'internal':
      return 'always removed by Codex';
    case 'set':
      return 'set by the policy';
  }
  return step;
}

function variableLine(v: VariableReport, show: (f: string) => string): string {
  const name = v.name.padEnd(22);
  switch (v.state) {
    case 'unset':
      return `${name} unset`;
    case 'removed':
      return `${name} removed (${v.decidedBy})`;
    case 'managed':
      return `${name} set by Codex's managed network proxy: ${v.kind === 'proxy' ? showUrl(v.value) : v.value}`;
    case 'reaches': {
      const value = v.kind === 'proxy' ? showUrl(v.value) : v.path ? show(v.path) : v.value;
      return `${name} reaches (${v.decidedBy}) ${value}${v.pathState && v.pathState !== 'readable' ? ` [${v.pathState}]` : ''}`;
    }
  }
}
