// Typed reads of the merged config, with Codex's (serde's) objections to a value of the wrong type.
import type { TomlTable } from 'smol-toml';
import { resolveAgainst } from './ca-selection.js';
import { formatKey, isTable, OTEL_SLOTS } from './config-keys.js';
import { DEFAULT_SHELL_ENVIRONMENT_POLICY, type FilterAction, type ShellEnvInherit, type ShellEnvironmentPolicy } from './shell-env-policy.js';
import { locateKey, valueAt } from './toml-table.js';
import type { ConfigContext, ConfigPath, ConfigProblem, ConfigSource, McpUrlServer, ModelProviderConfig, OtelExporterConfig, Sourced } from './config.js';

export interface ProblemPlace {
  file: string;
  line?: number;
}

type Kind = 'string' | 'boolean';
type KindType<K extends Kind> = K extends 'string' ? string : boolean;

export class TableReader {
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

export function readProviders(read: TableReader, merged: TomlTable): Record<string, ModelProviderConfig> {
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

export function readShellPolicy(read: TableReader, merged: TomlTable, problems: ConfigProblem[]): ShellEnvironmentPolicy {
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

export function readOtel(
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

export function readMcp(read: TableReader, merged: TomlTable): McpUrlServer[] {
  const servers = merged.mcp_servers;
  if (!isTable(servers)) return [];
  return Object.keys(servers).flatMap((name) => {
    const url = read.value(['mcp_servers', name, 'url'], 'string');
    return url === undefined ? [] : [{ name, url, file: read.where(['mcp_servers', name, 'url']).file }];
  });
}

/** The file that set `path` (or anything under it), and its line. */
export function placeOf(path: readonly string[], provenance: ReadonlyMap<string, string>, layers: readonly ConfigSource[]): ProblemPlace {
  const key = formatKey(path);
  let file = provenance.get(key);
  if (file === undefined) for (const [k, f] of provenance) if (k.startsWith(`${key}.`)) file = f;
  const layer = layers.find((l) => l.file === file) ?? layers[layers.length - 1];
  if (!layer) return { file: file ?? 'config.toml' };
  const line = locateKey(layer.source, layer.prefix.concat(path));
  return { file: layer.file, ...(line !== undefined && { line }) };
}
