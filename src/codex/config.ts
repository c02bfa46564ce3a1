// Codex's configuration as Codex would load it (codex-behavior.md §5-9): the system, user, project and
// profile layers of config.toml, merged, with the file each key came from and every problem Codex
// would have with them. Files are read only through the Host; everything after the reads is pure.
import type { TomlTable } from 'smol-toml';
import type { Host } from '../core/host.js';
import { smolToml } from './toml.js';
import { resolveAgainst } from './ca-selection.js';
import { versionAtLeast } from './codex-version.js';
import { ioMessage } from './env.js';
import { findUnknownKeys, formatKey, isTable, type UnknownKey } from './config-keys.js';
import { SANDBOX_MODES, type SandboxMode } from './sandbox.js';
import { DEFAULT_SHELL_ENVIRONMENT_POLICY, type FilterAction, type ShellEnvInherit, type ShellEnvironmentPolicy } from './shell-env-policy.js';

/** `--profile NAME` reads `$CODEX_HOME/NAME.config.toml` from this release; before it, `[profiles.NAME]`. */
export const PROFILE_FILES_SINCE = '0.134.0';
/** Far larger than any config; a bigger file is not read whole (the Host read is bounded). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
export const SYSTEM_CONFIG_PATH = '/etc/codex/config.toml';

export type ConfigLayerKind = 'system' | 'user' | 'project' | 'profile';
/** Lowest precedence first: a later layer's keys win. */
export const LAYER_ORDER = ['system', 'user', 'project', 'profile'] as const satisfies readonly ConfigLayerKind[];

/** Keys Codex does not take from a project's `.codex/config.toml` (they could redirect credentials). */
export const PROJECT_FORBIDDEN_KEYS: readonly (readonly string[])[] = [
  ['openai_base_url'],
  ['model_provider'],
  ['model_providers'],
  ['otel'],
  ['features', 'respect_system_proxy'],
];

export interface ConfigLayer {
  kind: ConfigLayerKind;
  /** The file as the user would open it. */
  file: string;
  state: 'loaded' | 'missing' | 'invalid';
  table: TomlTable;
  /** The text, to find the line of a key. */
  source: string;
  /** Why the file could not be used (state 'invalid'). */
  problem?: ConfigProblem;
}

export type ConfigProblemKind =
  | 'syntax'
  | 'unreadable'
  | 'not-a-file'
  | 'too-large'
  | 'too-deep'
  | 'not-utf8'
  | 'profile-not-found'
  | 'profile-key'
  | 'profile-key-legacy'
  | 'profile-key-version-unknown'
  | 'invalid-value'
  | 'policy-conflict'
  | 'project-key-ignored'
  | 'otel-exporter-unknown';

export interface ConfigProblem {
  kind: ConfigProblemKind;
  /** Codex refuses to start with this configuration. */
  fatal: boolean;
  file: string;
  line?: number;
  column?: number;
  key?: string[];
  /** One sentence, in Codex's words where the spec gives them. */
  message: string;
  /** smol-toml's excerpt of the lines around a syntax error. */
  excerpt?: string;
}

export interface UnknownConfigKey extends UnknownKey {
  layer: ConfigLayerKind;
  file: string;
  line?: number;
  value: unknown;
}

export interface Sourced<T> {
  value: T;
  /** The file that set it. */
  file: string;
}

export interface ModelProviderConfig {
  id: string;
  file: string;
  name?: string;
  baseUrl?: string;
  /** The NAME of the variable holding the API key (never its value). */
  envKey?: string;
  /** Header values can be secrets: never render them. */
  httpHeaders: Record<string, string>;
  /** Custom providers default to false (codex-behavior.md §6). */
  supportsWebsockets?: boolean;
}

/** A path from config.toml: as written, and where it points (`~` expanded, relative to the config file). */
export interface ConfigPath {
  raw: string;
  path: string;
}

export type OtelSlot = 'exporter' | 'trace_exporter' | 'metrics_exporter';
export const OTEL_SLOTS = ['exporter', 'trace_exporter', 'metrics_exporter'] as const satisfies readonly OtelSlot[];

export interface OtelExporterConfig {
  slot: OtelSlot;
  kind: 'otlp-http' | 'otlp-grpc';
  file: string;
  endpoint?: string;
  tls: { caCertificate?: ConfigPath; clientCertificate?: ConfigPath; clientPrivateKey?: ConfigPath };
}

export interface McpUrlServer {
  name: string;
  url: string;
  file: string;
}

export interface ConfigContext {
  codexHome: string;
  homeDir: string;
  platform: NodeJS.Platform;
  /** `--profile NAME`, or (before 0.134.0) the top-level `profile = "NAME"`. */
  profile: string | undefined;
  /** 'file': NAME.config.toml (0.134.0+, or Codex version unknown); 'table': [profiles.NAME] in config.toml. */
  profileStyle: 'file' | 'table';
  /** `codex --version` did not answer: the advice assumes current Codex but must not call older rules errors. */
  codexVersionUnknown?: boolean;
  /** `codex --version`, for advice that changed across releases; null or absent when unknown. */
  codexVersion?: string | null;
}

export interface CodexConfig {
  context: ConfigContext;
  layers: ConfigLayer[];
  /** The tables merged, lowest precedence first. */
  sources: ConfigSource[];
  /** What Codex works from: the layers merged, keys a project may not set dropped. */
  merged: TomlTable;
  /** formatKey(path) of every leaf value -> the file that set it. */
  provenance: ReadonlyMap<string, string>;
  /** Problems Codex has with the files, fatal first. */
  problems: ConfigProblem[];
  /** Keys Codex ignores silently, with the real key. */
  unknownKeys: UnknownConfigKey[];

  modelProvider: Sourced<string> | undefined;
  modelProviders: Record<string, ModelProviderConfig>;
  openaiBaseUrl: Sourced<string> | undefined;
  chatgptBaseUrl: Sourced<string> | undefined;
  respectSystemProxy: Sourced<boolean> | undefined;
  /** `[features] system_proxy_fallback` as written (features.ts applies the release's default). */
  systemProxyFallback: Sourced<boolean> | undefined;
  /** `[features] network_proxy` as written (managed-network-proxy.ts). */
  networkProxy: Sourced<boolean> | undefined;
  /** Misspellings of `[features] respect_system_proxy` (Codex only logs them: issue 39237). */
  respectSystemProxyMisspelt: UnknownConfigKey[];
  cliAuthCredentialsStore: Sourced<string> | undefined;
  sandboxMode: Sourced<SandboxMode> | undefined;
  networkAccess: Sourced<boolean> | undefined;
  shellEnvironmentPolicy: ShellEnvironmentPolicy;
  otelExporters: OtelExporterConfig[];
  mcpUrlServers: McpUrlServer[];
}

export interface ConfigLoadOptions {
  codexHome: string;
  profile?: string | undefined;
  /** `codex --version`; null when unknown (then current Codex is assumed). */
  codexVersion?: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Loading (the only part that touches the Host)

export async function loadCodexConfig(host: Host, options: ConfigLoadOptions): Promise<CodexConfig> {
  return buildCodexConfig(await readConfigLayers(host, options.codexHome, options.profile), configContext(host, options));
}

/** What the Codex release and the run options make of the layers (the profile style, `~`). */
export function configContext(host: Pick<Host, 'homeDir' | 'platform'>, options: ConfigLoadOptions): ConfigContext {
  const legacy = options.codexVersion !== undefined && options.codexVersion !== null && !versionAtLeast(options.codexVersion, PROFILE_FILES_SINCE);
  return {
    codexHome: options.codexHome,
    homeDir: host.homeDir,
    platform: host.platform,
    profile: options.profile,
    profileStyle: legacy ? 'table' : 'file',
    ...(options.codexVersion === null && { codexVersionUnknown: true }),
    codexVersion: options.codexVersion ?? null,
  };
}

/** Reads every file Codex may read (the profile file whenever --profile is given; older releases ignore it). */
export async function readConfigLayers(host: Host, codexHome: string, profile: string | undefined): Promise<ConfigLayer[]> {
  const join = (dir: string, name: string): string => resolveAgainst(dir, name, host.platform);
  const paths: [ConfigLayerKind, string][] = [
    // The spec names /etc/codex only; other platforms have no system layer here.
    ...(host.platform === 'win32' ? [] : [['system', SYSTEM_CONFIG_PATH] as [ConfigLayerKind, string]]),
    ['user', join(codexHome, 'config.toml')],
    ['project', join(host.cwd, '.codex/config.toml')],
    ...(profile !== undefined ? [['profile', join(codexHome, `${profile}.config.toml`)] as [ConfigLayerKind, string]] : []),
  ];
  return Promise.all(paths.map(([kind, file]) => readLayer(host, kind, file)));
}

async function readLayer(host: Host, kind: ConfigLayerKind, file: string): Promise<ConfigLayer> {
  const invalid = (problem: Omit<ConfigProblem, 'file' | 'fatal'>): ConfigLayer => ({
    kind, file, state: 'invalid', table: {}, source: '', problem: { ...problem, file, fatal: true },
  });
  try {
    const stat = await host.fs.stat(file);
    if (stat === null) return { kind, file, state: 'missing', table: {}, source: '' };
    if (stat.kind !== 'file') return invalid({ kind: 'not-a-file', message: stat.kind === 'directory' ? `${file} is a directory, not a file` : `${file} is not a regular file` });
    const read = await host.fs.readFile(file, MAX_CONFIG_BYTES);
    if (read.truncated) return invalid({ kind: 'too-large', message: `${file} is ${read.size} bytes, far larger than any config file` });
    return parseLayer(kind, file, read.bytes);
  } catch (error) {
    return invalid({ kind: 'unreadable', message: `failed to read ${file}: ${ioMessage(error)}` });
  }
}

/**
 * Codex's deepest settings are five levels down; the parser refuses inline nesting past its own limit but not
 * a `[a.a.a...]` header with thousands of parts, which would overflow the stack of every recursive reader.
 */
const MAX_TABLE_DEPTH = 128;

/** How deep tables and arrays nest in `value`, counted without recursion and up to just past `limit`. */
function tableDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    // Only what can nest is pushed: a flat table of 99,000 numbers costs one pass.
    const children = Array.isArray(node) ? node : isTable(node) ? Object.values(node) : [];
    for (const item of children) if (typeof item === 'object' && item !== null) stack.push([item, depth + 1]);
  }
  return deepest;
}

/** Parses one file's bytes as Codex would: UTF-8 only, TOML 1.0. Never throws. */
export function parseLayer(kind: ConfigLayerKind, file: string, bytes: Uint8Array): ConfigLayer {
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind, file, state: 'invalid', table: {}, source: '', problem: { kind: 'not-utf8', fatal: true, file, message: `${file}: stream did not contain valid UTF-8` } };
  }
  try {
    const table = smolToml().parse(source);
    const depth = tableDepth(table, MAX_TABLE_DEPTH);
    if (depth > MAX_TABLE_DEPTH) {
      const message = `${file}: tables nested more than ${MAX_TABLE_DEPTH} levels deep (a [a.b.c...] header or inline tables), far deeper than any Codex setting`;
      return { kind, file, state: 'invalid', table: {}, source, problem: { kind: 'too-deep', fatal: true, file, message } };
    }
    return { kind, file, state: 'loaded', table, source };
  } catch (error) {
    if (!(error instanceof smolToml().TomlError)) throw error;
    const [first = error.message] = error.message.split('\n');
    const problem: ConfigProblem = {
      kind: 'syntax',
      fatal: true,
      file,
      line: error.line,
      column: error.column,
      message: first.replace(/^Invalid TOML document: /, ''),
      excerpt: error.codeblock,
    };
    return { kind, file, state: 'invalid', table: {}, source, problem };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Building the view (pure)

export function buildCodexConfig(layers: readonly ConfigLayer[], context: ConfigContext): CodexConfig {
  const problems: ConfigProblem[] = layers.flatMap((l) => (l.problem ? [l.problem] : []));
  const effective = effectiveLayers(layers, context, problems);

  const merged: TomlTable = {};
  const provenance = new Map<string, string>();
  const unknownKeys: UnknownConfigKey[] = [];
  for (const layer of effective) {
    const table = layer.kind === 'project' ? withoutForbidden(layer, problems) : layer.table;
    mergeInto(merged, table, [], layer.file, provenance);
    for (const unknown of findUnknownKeys(table)) {
      const line = locateKey(layer.source, layer.prefix.concat(unknown.path));
      unknownKeys.push({ ...unknown, layer: layer.kind, file: layer.file, ...(line !== undefined && { line }), value: valueAt(table, unknown.path) });
    }
  }

  const where = (path: readonly string[]): ProblemPlace => placeOf(path, provenance, effective);
  const read = new TableReader(merged, where, problems);
  const config: CodexConfig = {
    context,
    layers: [...layers],
    sources: effective,
    merged,
    provenance,
    problems,
    unknownKeys,
    modelProvider: read.sourced(['model_provider'], 'string'),
    modelProviders: readProviders(read, merged),
    openaiBaseUrl: read.sourced(['openai_base_url'], 'string'),
    chatgptBaseUrl: read.sourced(['chatgpt_base_url'], 'string'),
    respectSystemProxy: read.sourced(['features', 'respect_system_proxy'], 'boolean'),
    systemProxyFallback: read.sourced(['features', 'system_proxy_fallback'], 'boolean'),
    networkProxy: read.sourced(['features', 'network_proxy'], 'boolean'),
    respectSystemProxyMisspelt: unknownKeys.filter((u) => u.real !== null && 'key' in u.real && formatKey(u.real.key) === 'features.respect_system_proxy'),
    cliAuthCredentialsStore: read.sourced(['cli_auth_credentials_store'], 'string'),
    sandboxMode: read.sourcedEnum(['sandbox_mode'], SANDBOX_MODES),
    networkAccess: read.sourced(['sandbox_workspace_write', 'network_access'], 'boolean'),
    shellEnvironmentPolicy: readShellPolicy(read, merged, problems),
    otelExporters: readOtel(read, merged, context, provenance, problems, where),
    mcpUrlServers: readMcp(read, merged),
  };
  problems.sort((a, b) => Number(b.fatal) - Number(a.fatal));
  return config;
}

/** A table Codex merges, in precedence order: a layer's file, or (before 0.134.0) [profiles.NAME] inside config.toml. */
export interface ConfigSource {
  kind: ConfigLayerKind;
  file: string;
  table: TomlTable;
  source: string;
  /** Where `table` sits inside its file (['profiles', NAME] for a pre-0.134.0 profile). */
  prefix: string[];
}

/** The loaded layers in precedence order, with the profile rules of the Codex release applied. */
function effectiveLayers(layers: readonly ConfigLayer[], context: ConfigContext, problems: ConfigProblem[]): ConfigSource[] {
  const out: ConfigSource[] = [];
  const user = layers.find((l) => l.kind === 'user');
  for (const kind of LAYER_ORDER) {
    let layer: ConfigSource | undefined;
    if (kind === 'profile') {
      if (context.profile === undefined) continue;
      layer = profileLayer(layers.find((l) => l.kind === 'profile'), user, context, problems);
    } else {
      const loaded = layers.find((l) => l.kind === kind);
      if (loaded?.state === 'loaded') layer = { kind, file: loaded.file, table: loaded.table, source: loaded.source, prefix: [] };
    }
    if (!layer) continue;
    checkProfileKey(layer, context, problems);
    out.push(layer);
  }
  // Before 0.134.0 the top-level `profile` key selects a profile when --profile is not given.
  if (context.profileStyle === 'table' && context.profile === undefined) {
    const selected = [...out].reverse().find((l) => typeof l.table.profile === 'string')?.table.profile;
    if (typeof selected === 'string') {
      const profile = profileLayer(undefined, user, { ...context, profile: selected }, problems);
      if (profile) out.push(profile);
    }
  }
  return out;
}

/** A top-level `profile = "x"`: an error from 0.134.0, a profile selection before. */
function checkProfileKey(layer: ConfigSource, context: ConfigContext, problems: ConfigProblem[]): void {
  const value = layer.table.profile;
  if (value === undefined) return;
  const name = typeof value === 'string' ? value : String(value);
  const line = locateKey(layer.source, [...layer.prefix, 'profile']);
  const place = { file: layer.file, key: ['profile'], ...(line !== undefined && { line }) };
  if (context.profileStyle === 'file' && context.codexVersionUnknown) {
    // Fatal or valid depending on a release the doctor could not read: a warning that says both.
    problems.push({
      ...place,
      kind: 'profile-key-version-unknown',
      fatal: false,
      message: `\`profile = ${JSON.stringify(name)}\` is an error from Codex ${PROFILE_FILES_SINCE} (Codex refuses to start; a profile is now the file ${name}.config.toml in CODEX_HOME, selected with --profile ${name}), while earlier releases use it to select [profiles.${name}]; the installed version is unknown`,
    });
  } else if (context.profileStyle === 'file') {
    // Codex's exact text for this is not in the spec: plain words, naming the replacement.
    problems.push({
      ...place,
      kind: 'profile-key',
      fatal: true,
      message: `\`profile = ${JSON.stringify(name)}\` is no longer supported: a profile is now the file ${name}.config.toml in CODEX_HOME, selected with --profile ${name}`,
    });
  } else {
    problems.push({
      ...place,
      kind: 'profile-key-legacy',
      fatal: false,
      message: `\`profile = ${JSON.stringify(name)}\` selects [profiles.${name}] in this Codex release; from ${PROFILE_FILES_SINCE} it is an error`,
    });
  }
}

function profileLayer(
  layer: ConfigLayer | undefined,
  user: ConfigLayer | undefined,
  context: ConfigContext,
  problems: ConfigProblem[],
): ConfigSource | undefined {
  const name = context.profile!;
  if (context.profileStyle === 'table') {
    const table = user?.state === 'loaded' ? valueAt(user.table, ['profiles', name]) : undefined;
    if (isTable(table)) return { kind: 'profile', file: user!.file, table, source: user!.source, prefix: ['profiles', name] };
    problems.push({ kind: 'profile-not-found', fatal: true, file: user?.file ?? 'config.toml', key: ['profiles', name], message: `config profile \`${name}\` not found` });
    return undefined;
  }
  if (!layer) return undefined;
  if (layer.state === 'missing') {
    // Plain words again: the spec gives where Codex looks, not its message.
    problems.push({ kind: 'profile-not-found', fatal: true, file: layer.file, message: `--profile ${name}: ${layer.file} does not exist` });
    return undefined;
  }
  if (layer.state !== 'loaded') return undefined;
  return { kind: 'profile', file: layer.file, table: layer.table, source: layer.source, prefix: [] };
}

function withoutForbidden(layer: ConfigSource, problems: ConfigProblem[]): TomlTable {
  const table = structuredClone(layer.table);
  for (const key of PROJECT_FORBIDDEN_KEYS) {
    if (valueAt(table, key) === undefined) continue;
    deleteAt(table, key);
    const line = locateKey(layer.source, [...key]);
    problems.push({
      kind: 'project-key-ignored',
      fatal: false,
      file: layer.file,
      key: [...key],
      ...(line !== undefined && { line }),
      message: `\`${formatKey(key)}\` cannot be set in a project config; Codex ignores it in ${layer.file}`,
    });
  }
  return table;
}

function mergeInto(target: TomlTable, source: TomlTable, path: string[], file: string, provenance: Map<string, string>): void {
  for (const [key, value] of Object.entries(source)) {
    const here = [...path, key];
    const existing = valueAt(target, [key]);
    if (isTable(value)) {
      const table: TomlTable = isTable(existing) ? existing : {};
      if (table !== existing) setOwn(target, key, table);
      mergeInto(table, value, here, file, provenance);
    } else {
      setOwn(target, key, typeof value === 'object' && value !== null ? structuredClone(value) : value);
      const formatted = formatKey(here);
      // A value replacing a table drops the provenance of the table's keys (only then: a scan per key is quadratic).
      if (isTable(existing)) {
        const prefix = `${formatted}.`;
        for (const k of [...provenance.keys()]) if (k.startsWith(prefix)) provenance.delete(k);
      }
      provenance.set(formatted, file);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Typed reads, with Codex's objections to a wrong type

interface ProblemPlace {
  file: string;
  line?: number;
}

type Kind = 'string' | 'boolean';
type KindType<K extends Kind> = K extends 'string' ? string : boolean;

class TableReader {
  constructor(
    private readonly root: TomlTable,
    readonly where: (path: readonly string[]) => ProblemPlace,
    private readonly problems: ConfigProblem[],
  ) {}

  invalid(path: readonly string[], message: string): void {
    this.problems.push({ kind: 'invalid-value', fatal: true, key: [...path], ...this.where(path), message: `${message} in \`${formatKey(path)}\`` });
  }

  value<K extends Kind>(path: readonly string[], kind: K): KindType<K> | undefined {
    const value = valueAt(this.root, path);
    if (value === undefined) return undefined;
    if (typeof value === kind) return value as KindType<K>;
    this.invalid(path, `invalid type: ${describeValue(value)}, expected ${kind === 'string' ? 'a string' : 'a boolean'}`);
    return undefined;
  }

  sourced<K extends Kind>(path: readonly string[], kind: K): Sourced<KindType<K>> | undefined {
    const value = this.value(path, kind);
    return value === undefined ? undefined : { value, file: this.where(path).file };
  }

  enumValue<T extends string>(path: readonly string[], variants: readonly T[]): T | undefined {
    const value = this.value(path, 'string');
    if (value === undefined) return undefined;
    if ((variants as readonly string[]).includes(value)) return value as T;
    this.invalid(path, `unknown variant \`${value}\`, expected one of ${variants.map((v) => `\`${v}\``).join(', ')}`);
    return undefined;
  }

  sourcedEnum<T extends string>(path: readonly string[], variants: readonly T[]): Sourced<T> | undefined {
    const value = this.enumValue(path, variants);
    return value === undefined ? undefined : { value, file: this.where(path).file };
  }

  strings(path: readonly string[]): string[] | undefined {
    const value = valueAt(this.root, path);
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    this.invalid(path, `invalid type: ${describeValue(value)}, expected a sequence of strings`);
    return undefined;
  }

  stringMap(path: readonly string[]): Record<string, string> | undefined {
    const value = valueAt(this.root, path);
    if (value === undefined) return undefined;
    if (isTable(value) && Object.values(value).every((v) => typeof v === 'string')) return { ...(value as Record<string, string>) };
    this.invalid(path, `invalid type: ${describeValue(value)}, expected a map of strings`);
    return undefined;
  }
}

/** serde's words for an unexpected value. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `boolean \`${value}\``;
  if (typeof value === 'number' || typeof value === 'bigint') return Number.isInteger(Number(value)) ? `integer \`${value}\`` : `floating point \`${value}\``;
  if (Array.isArray(value)) return 'a sequence';
  if (isTable(value)) return 'a map';
  return 'a date';
}

function readProviders(read: TableReader, merged: TomlTable): Record<string, ModelProviderConfig> {
  // No prototype: the ids are the user's (`__proto__`, `toString`), and each must be an entry like any other.
  const providers: Record<string, ModelProviderConfig> = Object.create(null);
  const table = merged.model_providers;
  if (!isTable(table)) return providers;
  for (const id of Object.keys(table)) {
    if (!isTable(table[id])) {
      read.invalid(['model_providers', id], `invalid type: ${describeValue(table[id])}, expected a map`);
      continue;
    }
    const at = (key: string): string[] => ['model_providers', id, key];
    const name = read.value(at('name'), 'string');
    const baseUrl = read.value(at('base_url'), 'string');
    const envKey = read.value(at('env_key'), 'string');
    const supportsWebsockets = read.value(at('supports_websockets'), 'boolean');
    providers[id] = {
      id,
      file: read.where(['model_providers', id]).file,
      ...(name !== undefined && { name }),
      ...(baseUrl !== undefined && { baseUrl }),
      ...(envKey !== undefined && { envKey }),
      httpHeaders: read.stringMap(at('http_headers')) ?? {},
      ...(supportsWebsockets !== undefined && { supportsWebsockets }),
    };
  }
  return providers;
}

const SEP = 'shell_environment_policy';

function readShellPolicy(read: TableReader, merged: TomlTable, problems: ConfigProblem[]): ShellEnvironmentPolicy {
  const table = merged[SEP];
  if (table === undefined) return DEFAULT_SHELL_ENVIRONMENT_POLICY;
  if (!isTable(table)) {
    read.invalid([SEP], `invalid type: ${describeValue(table)}, expected a map`);
    return DEFAULT_SHELL_ENVIRONMENT_POLICY;
  }
  const d = DEFAULT_SHELL_ENVIRONMENT_POLICY;
  const filters: Record<string, FilterAction> = {};
  for (const [glob, action] of Object.entries(read.stringMap([SEP, 'filters']) ?? {})) {
    if (action === 'include' || action === 'exclude') filters[glob] = action;
    else read.invalid([SEP, 'filters', glob], `unknown variant \`${action}\`, expected \`include\` or \`exclude\``);
  }
  const policy: ShellEnvironmentPolicy = {
    inherit: read.enumValue<ShellEnvInherit>([SEP, 'inherit'], ['core', 'all', 'none']) ?? d.inherit,
    ignoreDefaultExcludes: read.value([SEP, 'ignore_default_excludes'], 'boolean') ?? d.ignoreDefaultExcludes,
    exclude: read.strings([SEP, 'exclude']) ?? d.exclude,
    set: read.stringMap([SEP, 'set']) ?? d.set,
    includeOnly: read.strings([SEP, 'include_only']) ?? d.includeOnly,
    filters,
    experimentalUseProfile: read.value([SEP, 'experimental_use_profile'], 'boolean') ?? d.experimentalUseProfile,
  };
  const mixed = (['exclude', 'include_only'] as const).filter((k) => table[k] !== undefined);
  if (Object.keys(filters).length > 0 && mixed.length > 0) {
    // Codex rejects the mix; its exact wording is not in the spec, so this says it plainly.
    problems.push({
      kind: 'policy-conflict',
      fatal: true,
      key: [SEP, 'filters'],
      ...read.where([SEP, 'filters']),
      message: `[shell_environment_policy] \`filters\` cannot be combined with ${mixed.map((k) => `\`${k}\``).join(' or ')}`,
    });
  }
  return policy;
}

/** A `[shell_environment_policy]` table as Codex reads it, with Codex's objections (the doctor checks its own advice with this). */
export function parseShellPolicyTable(table: TomlTable): { policy: ShellEnvironmentPolicy; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const read = new TableReader({ [SEP]: table }, () => ({ file: '' }), problems);
  return { policy: readShellPolicy(read, { [SEP]: table }, problems), problems };
}

function readOtel(
  read: TableReader,
  merged: TomlTable,
  context: ConfigContext,
  provenance: ReadonlyMap<string, string>,
  problems: ConfigProblem[],
  where: (p: readonly string[]) => ProblemPlace,
): OtelExporterConfig[] {
  const exporters: OtelExporterConfig[] = [];
  const otel = merged.otel;
  if (!isTable(otel)) return exporters;
  for (const slot of OTEL_SLOTS) {
    const value = otel[slot];
    if (value === undefined || typeof value === 'string') continue; // "none", "statsig": no TLS of ours
    if (!isTable(value)) {
      read.invalid(['otel', slot], `invalid type: ${describeValue(value)}, expected a string or a map`);
      continue;
    }
    for (const kind of Object.keys(value)) {
      const path = ['otel', slot, kind];
      if (kind !== 'otlp-http' && kind !== 'otlp-grpc') {
        problems.push({
          kind: 'otel-exporter-unknown',
          fatal: false,
          key: path,
          ...where(path),
          message: `\`[${formatKey(path)}]\` is not an exporter Codex knows (otlp-http, otlp-grpc)`,
        });
        continue;
      }
      const file = provenance.get(formatKey([...path, 'endpoint'])) ?? where(path).file;
      const endpoint = read.value([...path, 'endpoint'], 'string');
      const tlsPath = (key: string): ConfigPath | undefined => {
        const raw = read.value([...path, 'tls', key], 'string');
        if (raw === undefined) return undefined;
        const from = provenance.get(formatKey([...path, 'tls', key])) ?? file;
        return { raw, path: configRelativePath(raw, from, context) };
      };
      const ca = tlsPath('ca-certificate');
      const cert = tlsPath('client-certificate');
      const key = tlsPath('client-private-key');
      exporters.push({
        slot,
        kind,
        file,
        ...(endpoint !== undefined && { endpoint }),
        tls: { ...(ca && { caCertificate: ca }), ...(cert && { clientCertificate: cert }), ...(key && { clientPrivateKey: key }) },
      });
    }
  }
  return exporters;
}

/** OTEL tls paths: `~` is expanded and a relative path is relative to the config file's directory. */
export function configRelativePath(raw: string, configFile: string, context: Pick<ConfigContext, 'homeDir' | 'platform'>): string {
  if (raw === '~') return context.homeDir;
  if (raw.startsWith('~/') || (context.platform === 'win32' && raw.startsWith('~\\'))) return resolveAgainst(context.homeDir, raw.slice(2), context.platform);
  const cut = Math.max(configFile.lastIndexOf('/'), context.platform === 'win32' ? configFile.lastIndexOf('\\') : -1);
  return resolveAgainst(cut > 0 ? configFile.slice(0, cut) : '/', raw, context.platform);
}

function readMcp(read: TableReader, merged: TomlTable): McpUrlServer[] {
  const servers = merged.mcp_servers;
  if (!isTable(servers)) return [];
  return Object.keys(servers).flatMap((name) => {
    const url = read.value(['mcp_servers', name, 'url'], 'string');
    return url === undefined ? [] : [{ name, url, file: read.where(['mcp_servers', name, 'url']).file }];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Fixes: a TOML snippet for one file, applied the way a user would (delete, then write the snippet)

export interface ConfigFix {
  /** The layer whose file the snippet goes into (created if missing). */
  target: ConfigLayerKind;
  /** Keys or tables to delete first, per layer. */
  remove: { layer: ConfigLayerKind; key: string[] }[];
  /** TOML merged into the target file (tables merge, values replace). */
  snippet: string;
}

/**
 * Where a fix for a key of the `kind` source goes: its own file, except a pre-0.134.0 profile, which lives
 * in config.toml under [profiles.NAME] (so keys and snippets get that prefix).
 */
export function fixLocation(config: CodexConfig, kind: ConfigLayerKind): { target: ConfigLayerKind; prefix: string[] } {
  const source = config.sources.find((s) => s.kind === kind);
  return source && source.prefix.length > 0 ? { target: 'user', prefix: source.prefix } : { target: kind, prefix: [] };
}

/** The config after the user applied `fix`: used to test every snippet the doctor prints. */
export function applyConfigFix(config: CodexConfig, fix: ConfigFix): CodexConfig {
  const layers = config.layers.map((l) => ({ ...l, table: structuredClone(l.table) }));
  const layerOf = (kind: ConfigLayerKind): ConfigLayer => {
    // Before 0.134.0 the profile lives inside config.toml.
    const actual = kind === 'profile' && config.context.profileStyle === 'table' ? 'user' : kind;
    let layer = layers.find((l) => l.kind === actual);
    if (!layer) {
      layer = { kind: actual, file: `${actual} config.toml`, state: 'missing', table: {}, source: '' };
      layers.push(layer);
    }
    return layer;
  };
  for (const { layer, key } of fix.remove) deleteAt(layerOf(layer).table, key);
  const target = layerOf(fix.target);
  const { parse, stringify } = smolToml();
  const snippet = parse(fix.snippet);
  const merged: TomlTable = {};
  mergeInto(merged, target.table, [], target.file, new Map());
  mergeInto(merged, snippet, [], target.file, new Map());
  target.table = merged;
  target.state = 'loaded';
  delete target.problem;
  // Keep `source` in step so that lines can still be found.
  target.source = stringify(merged);
  for (const layer of layers) if (layer !== target && layer.state === 'loaded') layer.source = stringify(layer.table);
  return buildCodexConfig(layers, config.context);
}

/** A TOML snippet that sets `path` to `value` (tables of the path become `[headers]`). */
export function snippetFor(path: readonly string[], value: unknown): string {
  const root: TomlTable = {};
  let node = root;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      setOwn(node, segment, value as TomlTable[string]);
      return;
    }
    const child: TomlTable = {};
    setOwn(node, segment, child);
    node = child;
  });
  return smolToml().stringify(root).trim();
}

// ---------------------------------------------------------------------------------------------------------
// Small table helpers

export function valueAt(table: TomlTable, path: readonly string[]): unknown {
  let node: unknown = table;
  for (const segment of path) {
    if (!isTable(node) || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

/**
 * `table[key] = value` for a key read from a file: `__proto__` is a TOML key like any other, so it becomes an
 * own property instead of replacing the prototype (or, merged into a plain object, polluting Object.prototype).
 */
function setOwn(table: TomlTable, key: string, value: TomlTable[string]): void {
  Object.defineProperty(table, key, { value, writable: true, enumerable: true, configurable: true });
}

function deleteAt(table: TomlTable, path: readonly string[]): void {
  const parent = valueAt(table, path.slice(0, -1));
  if (isTable(parent)) delete parent[path[path.length - 1]!];
}

/** The file that set `path` (or anything under it), and its line. */
function placeOf(path: readonly string[], provenance: ReadonlyMap<string, string>, layers: readonly ConfigSource[]): ProblemPlace {
  const key = formatKey(path);
  let file = provenance.get(key);
  if (file === undefined) for (const [k, f] of provenance) if (k.startsWith(`${key}.`)) file = f;
  const layer = layers.find((l) => l.file === file) ?? layers[layers.length - 1];
  if (!layer) return { file: file ?? 'config.toml' };
  const line = locateKey(layer.source, layer.prefix.concat(path));
  return { file: layer.file, ...(line !== undefined && { line }) };
}

/**
 * The 1-based line where `path` is written: its `[table]` header, or `key =` inside its table.
 * Best effort (dotted keys and inline tables are not found); undefined when not found.
 */
export function locateKey(source: string, path: readonly string[]): number | undefined {
  if (source === '' || path.length === 0) return undefined;
  const lines = source.split(/\r?\n/);
  const seg = (s: string): string => `(?:${escapeRe(s)}|"${escapeRe(s)}"|'${escapeRe(s)}')`;
  const header = (p: readonly string[]): RegExp => new RegExp(`^\\s*\\[\\[?\\s*${p.map(seg).join('\\s*\\.\\s*')}\\s*\\]\\]?\\s*(#.*)?$`);
  // Each pattern is compiled once, not once per line.
  const fullHeader = header(path);
  const full = lines.findIndex((l) => fullHeader.test(l));
  if (full >= 0) return full + 1;
  // A table only opened through a sub-table: `[model_providers.corp]` for `model_providers`.
  const below = new RegExp(`^\\s*\\[\\[?\\s*${path.map(seg).join('\\s*\\.\\s*')}\\s*\\.`);
  const sub = lines.findIndex((l) => below.test(l));
  if (sub >= 0) return sub + 1;
  const parent = path.slice(0, -1);
  const keyLine = new RegExp(`^\\s*${seg(path[path.length - 1]!)}\\s*=`);
  let start = 0;
  if (parent.length > 0) {
    const parentHeader = header(parent);
    const at = lines.findIndex((l) => parentHeader.test(l));
    if (at < 0) return undefined;
    start = at + 1;
  }
  for (let i = start; i < lines.length; i++) {
    if (/^\s*\[/.test(lines[i]!)) return undefined;
    if (keyLine.test(lines[i]!)) return i + 1;
  }
  return undefined;
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
