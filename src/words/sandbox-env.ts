// The words of sandbox.env: what reaches sandboxed commands and what does not, the files they name, the
// sandbox's network, Codex's managed proxy, the misspelt [shell_environment_policy] keys. The check decides
// (which variable, which step removed it, which level, which fix); this file only speaks, and every command
// comes from the one command builder through the Speaker.
import type { UnknownConfigKey } from '../codex/config.js';
import { formatKey, isTable } from '../codex/config-keys.js';
import { displayPath } from '../codex/env.js';
import { costOfIgnoring } from '../codex/key-costs.js';
import { MANAGED_CA_VARIABLES, MANAGED_NO_PROXY, PROXY_ACTIVE_VARIABLE, type ManagedNetworkProxy } from '../codex/managed-network-proxy.js';
import type { SandboxNetwork, SandboxVariableKind } from '../codex/sandbox.js';
import type { DecidingStep, ShellEnvironmentPolicy, Unfixable } from '../codex/shell-env-policy.js';
import { redactUrl } from '../core/redact.js';
import type { Finding, FixAction, Hint } from '../core/types.js';
import { codexIgnores, place, showUrl, topLevelNote } from './codex-config.js';
import type { Speaker } from './speaker.js';

export type PathState = 'readable' | 'missing' | 'unreadable' | 'not-a-file' | 'not-a-directory';

export type VariableReport =
  | { name: string; kind: SandboxVariableKind; state: 'unset' }
  /** Codex's managed network proxy sets it for sandboxed commands, whatever the policy passed. */
  | { name: string; kind: SandboxVariableKind; state: 'managed'; value: string }
  | { name: string; kind: SandboxVariableKind; state: 'removed'; decidedBy: DecidingStep }
  | { name: string; kind: SandboxVariableKind; state: 'reaches'; decidedBy: DecidingStep; value: string; path?: string; pathState?: PathState };

type Show = (file: string) => string;
type Level = 'info' | 'warn';

// --- the corrected [shell_environment_policy] ------------------------------------------------------------

/** Where the corrected policy goes, as the check decided it. */
export interface PolicyPlacement {
  /** The file the policy is written to. */
  file: string;
  /** The misspelt keys and tables to delete, each with the prefix of its layer ([profiles.NAME] before 0.134.0). */
  deleted: ReadonlyArray<{ unknown: UnknownConfigKey; prefix: readonly string[] }>;
  /** The existing policy table the snippet replaces, or null when there is none to replace. */
  replaces: readonly string[] | null;
}

/** "In ~/.codex/config.toml, delete [shell_environment] and write instead" and the like. */
export function policyPlacement(placement: PolicyPlacement, homeDir: string): string {
  const deleted = [...new Set(placement.deleted.flatMap(({ unknown, prefix }) => (unknown.path.length === 1 ? tableHeaders(unknown, prefix) : [`\`${formatKey([...prefix, ...unknown.path])}\``])))];
  const file = displayPath(placement.file, homeDir);
  const del = `delete ${listing(deleted)}`;
  const replace = placement.replaces ? `replace [${formatKey(placement.replaces)}] with` : '';
  return deleted.length > 0 && placement.replaces
    ? `In ${file}, ${del}, and ${replace}`
    : deleted.length > 0
      ? `In ${file}, ${del} and write instead`
      : placement.replaces
        ? `In ${file}, ${replace}`
        : `Add to ${file}`;
}

/** The hint that shows the corrected policy. */
export function policyHint(where: string, snippet: string): Hint {
  return { text: `${where}:`, snippet };
}

/** A misspelt [shell_environment_policy] key, or the blog article's [shell_environment] table. */
export function policyKeyFinding(unknown: UnknownConfigKey, policy: ShellEnvironmentPolicy, show: Show, adviceHint: Hint | undefined, codexVersion: string | null): Finding {
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
    real === 'shell_environment_policy.include_only' && policy.inherit !== 'all'
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

// --- the variables -----------------------------------------------------------------------------------

/** SANDBOX_VAR_REMOVED. `advice`: the corrected policy's hint when it passes at least one of them. */
export function variablesRemoved(
  level: Level,
  removed: ReadonlyArray<Extract<VariableReport, { state: 'removed' }>>,
  policy: ShellEnvironmentPolicy,
  networkEnabled: boolean,
  advice: Hint | undefined,
  unfixable: readonly Unfixable[],
): Finding {
  const list = removed.map((v) => `${v.name} (${describeStep(v.decidedBy, policy)})`).join(', ');
  const moot = networkEnabled ? '' : ' The sandbox has no network, so this only matters once network access is enabled.';
  const stuck: Hint = { text: `Rename or copy ${unfixable.map((u) => u.name).join(', ')}: Codex removes ${unfixable.length === 1 ? 'it' : 'them'} whatever the policy says (${unfixable.map((u) => u.decidedBy).join(', ')}).` };
  const hints: [Hint, ...Hint[]] = advice ? [advice, ...(unfixable.length > 0 ? [stuck] : [])] : [stuck];
  return { level, code: 'SANDBOX_VAR_REMOVED', stage: 'policy', detail: `Set for Codex but not passed to sandboxed commands: ${list}.${moot}`, hints };
}

export function variablesReach(names: readonly string[], policy: ShellEnvironmentPolicy): Finding {
  return { level: 'info', code: 'SANDBOX_VARS_REACH', stage: 'policy', detail: `Every CA and proxy variable that is set reaches sandboxed commands: ${names.join(', ')}. They get ${describePolicy(policy)}.` };
}

/** [shell_environment_policy] set gives a variable another value than Codex's own (`codexHasOne`: Codex has a value). */
export function setOverride(v: Extract<VariableReport, { state: 'reaches' }>, codexHasOne: boolean): Finding {
  const value = v.kind === 'proxy' ? showUrl(v.value) : v.value;
  return { level: 'info', code: 'SANDBOX_VAR_SET_OVERRIDE', stage: 'policy', detail: `[shell_environment_policy] set gives sandboxed commands ${v.name}=${value}${codexHasOne ? ', not the value Codex itself has' : ''}.` };
}

/** SANDBOX_CA_FILE_MISSING / _UNREADABLE: the file a reaching variable names. */
export function pathFinding(
  level: Level,
  code: 'SANDBOX_CA_FILE_MISSING' | 'SANDBOX_CA_FILE_UNREADABLE',
  v: Extract<VariableReport, { state: 'reaches' }> & { pathState: Exclude<PathState, 'readable'> },
  networkEnabled: boolean,
  show: Show,
  words: Speaker,
): Finding {
  const path = v.path ?? v.value;
  const what: Record<Exclude<PathState, 'readable'>, string> = {
    missing: 'does not exist',
    unreadable: 'cannot be read',
    'not-a-file': 'is not a file',
    'not-a-directory': 'is not a directory',
  };
  const origin = v.decidedBy === 'set' ? ' (given by [shell_environment_policy] set)' : '';
  const detail = `${v.name} reaches sandboxed commands, but ${show(path)}${origin} ${what[v.pathState]}: tools that read it fail there.${networkEnabled ? '' : ' (The sandbox has no network, so nothing uses it yet.)'}`;
  const hints: [Hint] = [{ text: `Point ${v.name} at ${v.kind === 'ca-dir' ? 'a readable directory of CA certificates' : 'a readable PEM file with your CA certificates'}.`, command: words.commands.listFile(path, v.kind === 'ca-dir') }];
  return { level, code, stage: 'read', detail, hints };
}

/** SANDBOX_TOOL_CA_UNSET: `copies` points the tools' CA variables at Codex's bundle. */
export function toolCaUnset(words: Speaker, copies: FixAction): Finding {
  return {
    level: 'info',
    code: 'SANDBOX_TOOL_CA_UNSET',
    stage: 'policy',
    detail: 'Codex trusts a custom CA, but the tools it runs read their own variables (Node NODE_EXTRA_CA_CERTS, Python requests REQUESTS_CA_BUNDLE, git GIT_SSL_CAINFO, ...), and none of them is set.',
    hints: [words.fix('If sandboxed npm, pip or git fail with certificate errors, point their variables at the same bundle (in your shell profile):', copies)],
  };
}

// --- the network -------------------------------------------------------------------------------------

/** The files the network settings come from, for the sentences. */
export interface NetworkSettings {
  sandboxMode?: { value: string; file: string };
  networkAccessFile?: string;
}

/** `sandbox_mode = "read-only" (~/.codex/config.toml)`, or why Codex has no network without one. */
function modeWords(settings: NetworkSettings, show: Show): string {
  return settings.sandboxMode ? `sandbox_mode = "${settings.sandboxMode.value}" (${show(settings.sandboxMode.file)})` : 'sandbox_mode is not set (Codex picks read-only or workspace-write, neither with network)';
}

export function networkEnabled(settings: NetworkSettings, network: SandboxNetwork, show: Show): Finding {
  return {
    level: 'info',
    code: 'SANDBOX_NETWORK_ENABLED',
    stage: 'policy',
    detail: `Sandboxed commands have network: ${modeWords(settings, show)}${network.mode === 'workspace-write' ? ` with network_access = true (${show(settings.networkAccessFile ?? '')})` : ''}. The CA and proxy variables below matter to them.`,
  };
}

export function networkAccessUnused(settings: NetworkSettings, show: Show): Finding {
  return { level: 'info', code: 'SANDBOX_NETWORK_ACCESS_UNUSED', stage: 'policy', detail: `network_access = true is set (${show(settings.networkAccessFile ?? '')}), but only sandbox_mode = "workspace-write" reads it: ${modeWords(settings, show)}.` };
}

/** SANDBOX_NETWORK_DISABLED, with the snippet that allows the network in `file`. */
export function networkDisabled(settings: NetworkSettings, network: SandboxNetwork, show: Show, file: string, snippet: string): Finding {
  return {
    level: 'info',
    code: 'SANDBOX_NETWORK_DISABLED',
    stage: 'policy',
    detail: `Sandboxed commands have no network: ${modeWords(settings, show)}${network.mode === 'workspace-write' ? ' and network_access is false (the default)' : ''}. No CA or proxy setting can matter inside the sandbox: npm install, pip or curl there fail for lack of network, not because of certificates.`,
    hints: [{ text: `If commands in the sandbox need the network, allow it in ${show(file)}${topLevelNote(snippet)}:`, snippet }],
  };
}

/**
 * `[features] network_proxy` with a `[permissions.<name>.network]` profile: sandboxed commands get Codex's
 * proxy (and with mitm its CA bundle) instead of the user's variables (`replaced`), and Codex's policy decides the domains.
 */
export function managedProxy(managed: Extract<ManagedNetworkProxy, { active: true }>, replaced: readonly string[], show: Show): Finding {
  const [profile] = managed.profiles;
  const where = profile.file ? ` (${show(profile.file)})` : '';
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

// --- summary and evidence ------------------------------------------------------------------------------

export function sandboxSummary(networkOn: boolean, removed: readonly string[], reaching: number, misspelt: number): string {
  const summary = [
    networkOn ? 'Sandboxed commands have network' : 'Sandboxed commands have no network: CA and proxy settings cannot matter there',
    removed.length > 0
      ? `${removed.join(', ')} do${removed.length === 1 ? 'es' : ''} not reach them`
      : reaching > 0
        ? `the ${reaching} CA/proxy variable${reaching === 1 ? '' : 's'} that ${reaching === 1 ? 'is' : 'are'} set reach${reaching === 1 ? 'es' : ''} them`
        : 'no CA or proxy variable is set',
    ...(misspelt > 0 ? [`${misspelt} sandbox key${misspelt === 1 ? '' : 's'} Codex ignores`] : []),
  ].join('; ');
  return `${summary}.`;
}

export function policyEvidence(policy: ShellEnvironmentPolicy, suggested: string | undefined): { title: string; lines: string[] } {
  return { title: 'Shell environment policy', lines: [describePolicy(policy), ...(suggested !== undefined ? ['Suggested:', ...suggested.split('\n')] : [])] };
}

export function variablesEvidence(variables: readonly VariableReport[], show: Show): { title: string; lines: string[] } {
  return {
    title: 'CA and proxy variables in the sandbox',
    lines: variables.filter((v) => v.state !== 'unset').map((v) => variableLine(v, show)).concat(variables.every((v) => v.state === 'unset') ? ['none is set'] : []),
  };
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

function variableLine(v: VariableReport, show: Show): string {
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
