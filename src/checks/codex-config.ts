// config.codex: config.toml as Codex loads it. This check owns every problem with the files themselves
// (syntax, unreadable, profile, invalid values, misspelt keys outside the sandbox, project keys Codex
// refuses) and the OTEL and MCP settings; sandbox.env owns the sandbox keys and needs this check, so a
// config Codex refuses is reported once, here, and the sandbox emulation is skipped. The check decides; its
// sentences are in words/codex-config.ts.
import type { X509Certificate } from 'node:crypto';
import type { TomlTable } from 'smol-toml';
import { BUILT_IN_PROVIDERS, isHttpUrl, loadEndpoints, type CodexEndpoints, type EndpointProblem } from '../codex/endpoints.js';
import { fixLocation, snippetFor, type ConfigFix } from '../codex/config-fix.js';
import { locateKey, valueAt } from '../codex/toml-table.js';
import type { CodexConfig, ConfigSource, ConfigLayerKind, ConfigPath, ConfigProblem, OtelExporterConfig, UnknownConfigKey } from '../codex/config.js';
import { codexFeatures } from '../codex/features.js';
import { formatKey, isTable, nearestKey } from '../codex/config-keys.js';
import { displayPath } from '../codex/env.js';
import { parseCodexPem } from '../codex/pem.js';
import { smolToml } from '../codex/toml.js';
import { nodeCrypto } from '../core/builtins.js';
import type { Host } from '../core/host.js';
import { redactUrl } from '../core/redact.js';
import type { CheckResult, EvidenceSection, Finding, FixAction, FixStep, Hint } from '../core/types.js';
import type { DoctorCheck } from './context.js';
import { Speaker } from '../words/speaker.js';
import { configSpeaker, withConfigActions } from './config-actions.js';
import * as configWords from '../words/codex-config.js';

export const CONFIG_CHECK_ID = 'config.codex';
const MAX_TLS_FILE_BYTES = 1024 * 1024;

/** A fix as data (for --json and for the tests that apply every snippet the doctor prints). */
export interface FixRecord extends ConfigFix {
  codes: string[];
}

export const codexConfigCheck: DoctorCheck = {
  id: CONFIG_CHECK_ID,
  title: 'Codex configuration',
  needs: [],
  async run(ctx) {
    ctx.stage('read');
    const world = await ctx.world();
    ctx.stage('parse');
    return assessCodexConfig(world.config, ctx.host, await loadEndpoints(ctx.host, world), new Speaker(world, ctx.host));
  },
};

/** `endpoints`: the provider Codex would use, whose problems (unknown model_provider, bad base URL) are reported here. */
export async function assessCodexConfig(
  config: CodexConfig,
  host: Host,
  endpoints?: Pick<CodexEndpoints, 'problems'>,
  words: Speaker = configSpeaker(config, host),
): Promise<CheckResult> {
  const show = (file: string): string => displayPath(file, host.homeDir);
  const findings: Finding[] = [];
  const fixes: FixRecord[] = [];
  const evidence: EvidenceSection[] = [];

  for (const problem of config.problems) {
    const { finding, fix, excerpt } = problemFinding(config, problem, show, words);
    findings.push(finding);
    if (fix) fixes.push({ ...fix, codes: [finding.code] });
    if (excerpt) evidence.push(excerpt);
  }
  for (const unknown of config.unknownKeys) {
    if (unknown.area === 'sandbox') continue; // sandbox.env reports these, with the emulation
    const { finding, fix } = unknownKeyFinding(unknown, show, fixLocation(config, unknown.layer), config.context.codexVersion ?? null, words);
    findings.push(finding);
    if (fix) fixes.push({ ...fix, codes: [finding.code] });
  }
  for (const problem of endpoints?.problems ?? []) {
    const { finding, fixes: its } = endpointProblemFinding(config, problem, show, words);
    findings.push(finding);
    fixes.push(...its.map((fix) => ({ ...fix, codes: [finding.code] })));
  }

  const fatal = config.problems.some((p) => p.fatal);
  if (!fatal) {
    findings.push(...facts(config, show));
    for (const exporter of config.otelExporters) findings.push(...(await otelFindings(exporter, host, show, words)));
  }

  evidence.unshift(configWords.configFilesEvidence(config.layers, show));
  const read = config.layers.filter((l) => l.state !== 'missing');
  return {
    summary: configWords.configSummary(config.problems.find((p) => p.fatal), endpoints?.problems[0], read, show),
    findings: withConfigActions(findings, fixes, config),
    evidence,
    data: {
      layers: config.layers.map((l) => ({ kind: l.kind, file: l.file, state: l.state })),
      profile: config.context.profile ?? null,
      modelProvider: config.modelProvider?.value ?? null,
      openaiBaseUrl: config.openaiBaseUrl ? redactUrl(config.openaiBaseUrl.value) : null,
      chatgptBaseUrl: config.chatgptBaseUrl ? redactUrl(config.chatgptBaseUrl.value) : null,
      respectSystemProxy: config.respectSystemProxy?.value ?? null,
      // The network flags as the installed release applies them (defaults included), for scripts and tickets.
      features: Object.fromEntries(
        Object.values(codexFeatures(config, config.context.codexVersion ?? null)).map((f) => [f.name, { enabled: f.enabled, source: f.source }]),
      ),
      otelExporters: config.otelExporters.map((e) => ({ slot: e.slot, kind: e.kind, endpoint: e.endpoint ? redactUrl(e.endpoint) : null })),
      mcpUrlServers: config.mcpUrlServers.map((s) => ({ name: s.name, url: redactUrl(s.url) })),
      fixes: fixes.map(fixData),
    },
  };
}

export function fixData(fix: FixRecord): Record<string, unknown> {
  return { codes: fix.codes, target: fix.target, remove: fix.remove, snippet: fix.snippet };
}

/** The highest-precedence source that sets `key`. */
export function sourceWith(config: CodexConfig, key: readonly string[]): ConfigSource | undefined {
  return [...config.sources].reverse().find((s) => valueAt(s.table, key) !== undefined);
}

/** The layer a file belongs to (the user layer when the profile lives inside config.toml). */
function layerOf(config: CodexConfig, file: string): ConfigLayerKind {
  return config.layers.find((l) => l.file === file)?.kind ?? 'user';
}

function problemFinding(
  config: CodexConfig,
  problem: ConfigProblem,
  show: (f: string) => string,
  words: Speaker,
): { finding: Finding; fix?: ConfigFix; excerpt?: EvidenceSection } {
  switch (problem.kind) {
    case 'syntax': {
      const repair: FixAction = {
        kind: 'manual',
        topic: 'repair-file',
        file: problem.file,
        ...(problem.line !== undefined && { line: problem.line }),
        ...(problem.column !== undefined && { column: problem.column }),
      };
      const excerpt = configWords.syntaxExcerpt(problem, show);
      return { finding: configWords.syntaxError(problem, show, repair), ...(excerpt && { excerpt }) };
    }
    case 'unreadable':
    case 'not-a-file':
    case 'too-large':
    case 'too-deep':
    case 'not-utf8':
      return { finding: configWords.unusableFile({ ...problem, kind: problem.kind }, show, words) };
    case 'invalid-value':
      return { finding: configWords.invalidValue(problem, show) };
    case 'profile-not-found':
      return profileNotFound(config, problem, show);
    case 'profile-key':
    case 'profile-key-legacy':
    case 'profile-key-version-unknown':
      return profileKey(config, problem, show);
    case 'policy-conflict':
      return policyConflict(config, problem, show);
    case 'project-key-ignored': {
      const key = problem.key ?? [];
      const value = valueAt(config.layers.find((l) => l.kind === 'project')?.table ?? {}, key);
      const user = config.layers.find((l) => l.kind === 'user');
      const fix: ConfigFix = { target: 'user', remove: [{ layer: 'project', key }], snippet: snippetFor(key, value) };
      return { finding: configWords.projectKeyIgnored(problem, show, user?.file ?? 'config.toml', fix.snippet), fix };
    }
    case 'otel-exporter-unknown':
      return otelUnknown(config, problem, show);
  }
}

function profileNotFound(config: CodexConfig, problem: ConfigProblem, show: (f: string) => string): { finding: Finding; fix?: ConfigFix } {
  const name = config.context.profile ?? '';
  const user = config.layers.find((l) => l.kind === 'user');
  const legacy = user ? valueAt(user.table, ['profiles', name]) : undefined;
  if (config.context.profileStyle === 'file' && isTable(legacy) && user) {
    // Codex 0.134.0+ reads NAME.config.toml: the old [profiles.NAME] table becomes that file.
    const fix: ConfigFix = { target: 'profile', remove: [{ layer: 'user', key: ['profiles', name] }], snippet: smolToml().stringify(legacy).trim() };
    return { finding: configWords.profileNotFound(problem, show, name, config.context.profileStyle, { userFile: user.file, snippet: fix.snippet }), fix };
  }
  return { finding: configWords.profileNotFound(problem, show, name, config.context.profileStyle, null) };
}

function profileKey(config: CodexConfig, problem: ConfigProblem, show: (f: string) => string): { finding: Finding; fix?: ConfigFix } {
  const layer = config.layers.find((l) => l.file === problem.file);
  const name = String(layer?.table.profile ?? '');
  const table = layer ? valueAt(layer.table, ['profiles', name]) : undefined;
  const remove = [{ layer: layerOf(config, problem.file), key: ['profile'] }];
  const key: configWords.ProfileKey = { name, profileFile: `${config.context.codexHome}/${name}.config.toml` };
  // The installed Codex still reads the key: the migration is advice for the upgrade, not a change to make now.
  if (problem.kind === 'profile-key-legacy') return { finding: configWords.profileKeyLegacy(problem, show, key) };
  // Which rule applies depends on the release: find it first, then either migrate or keep the key.
  if (problem.kind === 'profile-key-version-unknown') return { finding: configWords.profileKeyVersionUnknown(problem, show, key, isTable(table)) };
  let fix: ConfigFix | undefined;
  if (isTable(table)) fix = { target: 'profile', remove: [...remove, { layer: remove[0]!.layer, key: ['profiles', name] }], snippet: smolToml().stringify(table).trim() };
  return { finding: configWords.profileKeyRemoved(problem, show, key, fix?.snippet), ...(fix && { fix }) };
}

/** filters and exclude/include_only mixed: the same policy written with exclude/include_only only. */
function policyConflict(config: CodexConfig, problem: ConfigProblem, show: (f: string) => string): { finding: Finding; fix: ConfigFix } {
  const source = sourceWith(config, ['shell_environment_policy', 'filters']);
  const { target, prefix } = fixLocation(config, source?.kind ?? 'user');
  const table = structuredClone(valueAt(source?.table ?? {}, ['shell_environment_policy']) ?? {}) as TomlTable;
  const filters = (isTable(table.filters) ? table.filters : {}) as Record<string, string>;
  const globs = (action: string): string[] => Object.keys(filters).filter((g) => filters[g] === action);
  const asList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  delete table.filters;
  const exclude = [...new Set([...asList(table.exclude), ...globs('exclude')])];
  const includeOnly = [...new Set([...asList(table.include_only), ...globs('include')])];
  if (exclude.length > 0) table.exclude = exclude;
  if (includeOnly.length > 0) table.include_only = includeOnly;
  const key = [...prefix, 'shell_environment_policy'];
  const fix: ConfigFix = { target, remove: [{ layer: target, key }], snippet: snippetFor(key, table) };
  return { finding: configWords.policyConflict(problem, show, key, fix.snippet), fix };
}

/** The blog article's `[otel.exporter.corp]`: the exporter kind is the table key, not a name. */
function otelUnknown(config: CodexConfig, problem: ConfigProblem, show: (f: string) => string): { finding: Finding; fix: ConfigFix } {
  const key = problem.key ?? [];
  const source = sourceWith(config, key);
  const { target, prefix } = fixLocation(config, source?.kind ?? layerOf(config, problem.file));
  const settings = valueAt(source?.table ?? {}, key);
  const table: TomlTable = isTable(settings) ? structuredClone(settings) : {};
  if (table.protocol === undefined) table.protocol = 'binary';
  const written = [...prefix, ...key];
  const fix: ConfigFix = { target, remove: [{ layer: target, key: written }], snippet: snippetFor([...prefix, ...key.slice(0, -1), 'otlp-http'], table) };
  return { finding: configWords.otelExporterUnknown(problem, show, written, fix.snippet), fix };
}

/**
 * A provider Codex cannot use: an unknown model_provider, or a base URL that is not an http(s) URL. The fix
 * goes where the value is written (config.toml, a profile, or the variable).
 */
export function endpointProblemFinding(
  config: CodexConfig,
  problem: EndpointProblem,
  show: (f: string) => string,
  words: Speaker,
): { finding: Finding & { level: 'fail' }; fixes: ConfigFix[] } {
  /** Where `key` is set (its file and line) and where a fix for it goes. */
  const locate = (key: readonly string[]): configWords.KeyPlace & { target: ConfigLayerKind } => {
    const source = sourceWith(config, key);
    const { target, prefix } = fixLocation(config, source?.kind ?? 'user');
    const line = source ? locateKey(source.source, [...source.prefix, ...key]) : undefined;
    const file = source?.file ?? config.layers.find((l) => l.kind === 'user')?.file ?? 'config.toml';
    return { at: configWords.place({ file, ...(line !== undefined && { line }) }, show), file: show(file), target, path: [...prefix, ...key] };
  };
  switch (problem.kind) {
    case 'unknown-provider': {
      const where = locate(['model_provider']);
      const id = problem.providerId;
      const define: ConfigFix = { target: 'user', remove: [], snippet: snippetFor(['model_providers', id], { name: id, base_url: 'https://llm.example.com/v1' }) };
      // A misspelt id: the provider the user most likely meant.
      const meant = nearestKey(id, [...Object.keys(config.modelProviders), ...BUILT_IN_PROVIDERS]);
      const select: ConfigFix | undefined = meant === undefined ? undefined : { target: where.target, remove: [], snippet: snippetFor(where.path, meant) };
      const finding = configWords.providerNotFound(problem, where, show, words, {
        remove: deletion(config, ['model_provider']),
        userFile: config.layers.find((l) => l.kind === 'user')?.file ?? 'config.toml',
        define: define.snippet,
        ...(meant !== undefined && select && { meant: { id: meant, snippet: select.snippet } }),
      });
      return { finding, fixes: select ? [select, define] : [define] };
    }
    case 'invalid-base-url': {
      const guess = likelyUrl(problem.baseUrl);
      switch (problem.source) {
        case 'model_providers':
        case 'openai_base_url': {
          const key = problem.source === 'openai_base_url' ? ['openai_base_url'] : ['model_providers', problem.providerId, 'base_url'];
          const where = locate(key);
          const fix: ConfigFix = { target: where.target, remove: [], snippet: snippetFor(where.path, guess ?? 'https://llm.example.com/v1') };
          const write = configWords.writeBaseUrlHint(where.file, fix.snippet, guess !== undefined);
          const remove = configWords.deleteBaseUrlHint(words, where, deletion(config, key));
          // Without a likely URL, the snippet holds an example, not a fix: deleting the key is the action then.
          const hints: [Hint, ...Hint[]] = problem.source === 'openai_base_url' ? (guess ? [write, remove] : [remove, write]) : [write];
          return { finding: configWords.baseUrlInvalid(problem, where.at, hints), fixes: [fix] };
        }
        case 'OPENAI_BASE_URL':
        case 'CODEX_OSS_BASE_URL':
          return { finding: configWords.baseUrlInvalid(problem, problem.source, configWords.baseUrlVariableHints(words, problem.source, guess)), fixes: [] };
        case 'CODEX_OSS_PORT':
        case 'default':
          return { finding: configWords.baseUrlInvalid(problem, problem.source, configWords.baseUrlBuiltByCodex()), fixes: [] };
      }
    }
  }
}

/** `gw.corp.example.com/v1` -> `https://gw.corp.example.com/v1`: what a base URL without its scheme meant. */
function likelyUrl(value: string): string | undefined {
  if (!/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(\/\S*)?$/.test(value)) return undefined;
  const url = `https://${value}`;
  return isHttpUrl(url) ? url : undefined;
}

/** A misspelt key outside the sandbox: the real key, and the TOML to write instead. */
export function unknownKeyFinding(
  unknown: UnknownConfigKey,
  show: (f: string) => string,
  location: { target: ConfigLayerKind; prefix: string[] },
  codexVersion: string | null,
  words: Speaker,
): { finding: Finding; fix?: ConfigFix } {
  const { target, prefix } = location;
  const key = formatKey([...prefix, ...unknown.path]);
  const code = unknown.area === 'sandbox' ? 'SANDBOX_UNKNOWN_KEY' : 'CONFIG_UNKNOWN_KEY';
  if (unknown.real === null) return { finding: configWords.unknownKeyWithoutReal(unknown, code, key, show, codexVersion) };
  if ('env' in unknown.real) {
    const removal: FixStep = { kind: 'edit-config', file: unknown.file, changes: [{ op: 'remove', path: [...prefix, ...unknown.path] }] };
    // Codex does not expand `~`: the variable gets the absolute path.
    const path = typeof unknown.value === 'string' ? (unknown.value.startsWith('~/') ? `${words.home}/${unknown.value.slice(2)}` : unknown.value) : null;
    const move: FixAction | null = path === null ? null : { kind: 'sequence', steps: [removal, { kind: 'set-env', name: unknown.real.env, value: path, target: 'shell-profile' }] };
    return { finding: configWords.caKeyUnsupported(unknown, key, unknown.real.env, show, words, move) };
  }
  const real = { written: formatKey([...prefix, ...unknown.real.key]), key: unknown.real.key };
  const fix: ConfigFix = { target, remove: [{ layer: target, key: [...prefix, ...unknown.path] }], snippet: snippetFor([...prefix, ...unknown.real.key], unknown.value) };
  return { finding: configWords.unknownKeyRenamed(unknown, code, key, real, fix.snippet, show, codexVersion), fix };
}

/** What the network checks will use, said once. */
function facts(config: CodexConfig, show: (f: string) => string): Finding[] {
  const provider = configWords.providerFacts(config, show);
  return [
    configWords.configLoaded(config.layers.filter((l) => l.state === 'loaded'), config.context.profile, show),
    ...(provider ? [provider] : []),
    ...config.mcpUrlServers.map((server) => configWords.mcpUrlServer(server, show)),
  ];
}

type FileRead = { ok: true; bytes: Buffer } | { ok: false; finding: Finding };

async function readTlsFile(host: Host, what: string, file: ConfigPath, show: (f: string) => string, words: Speaker): Promise<FileRead> {
  try {
    const stat = await host.fs.stat(file.path);
    if (stat === null) return { ok: false, finding: configWords.otelTlsFileMissing(what, file, show, words) };
    if (stat.kind !== 'file') throw Object.assign(new Error(`it is a ${stat.kind}`), { code: 'EISDIR' });
    const read = await host.fs.readFile(file.path, MAX_TLS_FILE_BYTES);
    return { ok: true, bytes: read.bytes };
  } catch (error) {
    return { ok: false, finding: configWords.otelTlsFileUnreadable(what, file, error instanceof Error ? error.message : String(error), show, words) };
  }
}

async function otelFindings(exporter: OtelExporterConfig, host: Host, show: (f: string) => string, words: Speaker): Promise<Finding[]> {
  const out: Finding[] = [configWords.otelExporter(exporter, show)];
  const { caCertificate: ca, clientCertificate: cert, clientPrivateKey: key } = exporter.tls;
  if (ca) {
    const read = await readTlsFile(host, 'ca-certificate', ca, show, words);
    if (!read.ok) out.push(read.finding);
    else {
      const parsed = parseCodexPem(read.bytes);
      if (!parsed.ok || parsed.certificates.length === 0) out.push(configWords.otelCaInvalid(ca, parsed.ok ? 'no certificates found in PEM file' : parsed.codexDetail, show));
      else out.push(configWords.otelCaReplacesRoots(ca, parsed.certificates.length, show));
    }
  }
  if ((cert === undefined) !== (key === undefined)) {
    out.push(configWords.otelClientPairIncomplete(exporter, cert ? 'client-certificate' : 'client-private-key', cert === undefined ? 'client-certificate' : 'client-private-key'));
  } else if (cert && key) {
    out.push(...(await clientPairFindings(host, cert, key, show, words)));
  }
  return out;
}

async function clientPairFindings(host: Host, cert: ConfigPath, key: ConfigPath, show: (f: string) => string, words: Speaker): Promise<Finding[]> {
  const [certRead, keyRead] = await Promise.all([readTlsFile(host, 'client-certificate', cert, show, words), readTlsFile(host, 'client-private-key', key, show, words)]);
  const out: Finding[] = [];
  if (!certRead.ok) out.push(certRead.finding);
  if (!keyRead.ok) out.push(keyRead.finding);
  if (!certRead.ok || !keyRead.ok) return out;
  let certificate: X509Certificate;
  try {
    certificate = new (nodeCrypto().X509Certificate)(certRead.bytes);
  } catch {
    return [configWords.otelClientCertInvalid(cert, show, words)];
  }
  try {
    // The key is parsed only to compare it with the certificate; nothing about it is reported.
    const privateKey = nodeCrypto().createPrivateKey(keyRead.bytes);
    if (!certificate.checkPrivateKey(privateKey)) {
      return [configWords.otelClientKeyMismatch(key, cert, certificate.subject, show)];
    }
  } catch {
    return [configWords.otelClientKeyInvalid(key, show)];
  }
  return out;
}

/** The edit that deletes `key` where it is set (the highest-precedence file that sets it); null when no file sets it. */
function deletion(config: CodexConfig, key: readonly string[]): FixAction | null {
  const source = sourceWith(config, key);
  return source ? { kind: 'edit-config', file: source.file, changes: [{ op: 'remove', path: [...source.prefix, ...key] }] } : null;
}
