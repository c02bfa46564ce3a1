// Codex's configuration as Codex would load it (codex-behavior.md §5-9): the system, user, project and
// profile layers of config.toml, merged, with the file each key came from and every problem Codex
// would have with them. Files are read only through the Host; everything after the reads is pure.
import type { TomlTable } from 'smol-toml';
import type { Host } from '../core/host.js';
import { smolToml } from './toml.js';
import { resolveAgainst } from './ca-selection.js';
import { versionAtLeast } from './codex-version.js';
import { ioMessage } from './env.js';
import { findUnknownKeys, formatKey, isTable, type OTEL_SLOTS, type UnknownKey } from './config-keys.js';
import { placeOf, readMcp, readOtel, readProviders, readShellPolicy, TableReader, type ProblemPlace } from './config-read.js';
import { deleteAt, locateKey, mergeInto, valueAt } from './toml-table.js';
import { SANDBOX_MODES, type SandboxMode } from './sandbox.js';
import type { ShellEnvironmentPolicy } from './shell-env-policy.js';

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

export type OtelSlot = (typeof OTEL_SLOTS)[number];

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
