// config.codex: config.toml as Codex loads it. This check owns every problem with the files themselves
// (syntax, unreadable, profile, invalid values, misspelt keys outside the sandbox, project keys Codex
// refuses) and the OTEL and MCP settings; sandbox.env owns the sandbox keys and needs this check, so a
// config Codex refuses is reported once, here, and the sandbox emulation is skipped.
import type { X509Certificate } from 'node:crypto';
import type { TomlTable } from 'smol-toml';
import { BUILT_IN_PROVIDERS, isHttpUrl, loadEndpoints, type CodexEndpoints, type EndpointProblem } from '../codex/endpoints.js';
import { fixLocation, snippetFor, type ConfigFix } from '../codex/config-fix.js';
import { locateKey, valueAt } from '../codex/toml-table.js';
import type { CodexConfig, ConfigSource, ConfigLayerKind, ConfigPath, ConfigProblem, OtelExporterConfig, UnknownConfigKey } from '../codex/config.js';
import { costOfIgnoring } from '../codex/key-costs.js';
import { codexFeatures } from '../codex/features.js';
import { formatKey, isTable, nearestKey } from '../codex/config-keys.js';
import { displayPath } from '../codex/env.js';
import { parseCodexPem } from '../codex/pem.js';
import { smolToml } from '../codex/toml.js';
import { nodeCrypto } from '../core/builtins.js';
import type { Host } from '../core/host.js';
import { redactUrl } from '../core/redact.js';
import type { CheckResult, EvidenceSection, Finding, FixStep, Hint } from '../core/types.js';
import type { DoctorCheck } from './context.js';
import { Speaker } from '../words/speaker.js';
import { configSpeaker, deletionHint, withConfigActions } from './config-actions.js';
import { codexIgnores, place, showUrl, topLevelNote } from '../words/codex-config.js';

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

  const read = config.layers.filter((l) => l.state !== 'missing');
  const layerLines = config.layers.map((l) => `${l.kind.padEnd(8)} ${show(l.file)}: ${l.state}`);
  evidence.unshift({ title: 'Config files', lines: layerLines });
  const firstFatal = config.problems.find((p) => p.fatal);
  const firstEndpoint = endpoints?.problems[0];
  const summary = firstFatal
    ? `Codex refuses this config: ${place(firstFatal, show)}: ${firstFatal.message}`
    : firstEndpoint
      ? firstEndpoint.message
      : read.length === 0
      ? 'No config.toml: Codex uses its defaults.'
      : `Read ${read.map((l) => show(l.file)).join(', ')}.`;
  return {
    summary,
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
  const at = place(problem, show);
  const file = show(problem.file);
  switch (problem.kind) {
    case 'syntax':
      return {
        finding: {
          level: 'fail',
          code: 'CONFIG_SYNTAX_ERROR',
          stage: 'parse',
          detail: `${at}: ${problem.message}. Codex will not start until this file parses.`,
          hints: [
            {
              text: `Fix the TOML at line ${problem.line}, column ${problem.column} of ${file}, then run the doctor again.`,
              action: {
                kind: 'manual',
                topic: 'repair-file',
                file: problem.file,
                ...(problem.line !== undefined && { line: problem.line }),
                ...(problem.column !== undefined && { column: problem.column }),
              },
            },
          ],
        },
        ...(problem.excerpt && { excerpt: { title: `${file} around line ${problem.line}`, lines: problem.excerpt.split('\n').filter((l) => l !== '') } }),
      };
    case 'unreadable':
      return { finding: { level: 'fail', code: 'CONFIG_UNREADABLE', stage: 'read', detail: `${problem.message}. Codex will not start while it cannot read its config.`, hints: [{ text: `Make ${file} readable by your user.`, command: words.commands.listFile(problem.file) }] } };
    case 'not-a-file':
      return { finding: { level: 'fail', code: 'CONFIG_NOT_A_FILE', stage: 'read', detail: `${problem.message}. Codex will not start.`, hints: [{ text: `Move ${file} out of the way: it must be a TOML file.`, command: words.commands.listFile(problem.file) }] } };
    case 'too-large':
      return { finding: { level: 'fail', code: 'CONFIG_TOO_LARGE', stage: 'read', detail: `${problem.message}; it was not read.`, hints: [{ text: `Check that ${file} is really your Codex config.`, command: words.commands.listFile(problem.file) }] } };
    case 'too-deep':
      return { finding: { level: 'fail', code: 'CONFIG_TOO_DEEP', stage: 'parse', detail: `${problem.message}; it was not read.`, hints: [{ text: `Look for a table header with a long run of dotted parts in ${file}: no Codex setting is more than five levels deep.`, command: words.commands.findTableHeaders(problem.file) }] } };
    case 'not-utf8':
      return { finding: { level: 'fail', code: 'CONFIG_NOT_UTF8', stage: 'parse', detail: `${problem.message}. Codex will not start.`, hints: [{ text: `Save ${file} as UTF-8 (an editor or PowerShell may have written UTF-16).`, command: words.commands.showStart(problem.file) }] } };
    case 'invalid-value':
      return { finding: { level: 'fail', code: 'CONFIG_INVALID_VALUE', stage: 'parse', detail: `${at}: ${problem.message}. Codex refuses this config.`, hints: [{ text: `Fix \`${formatKey(problem.key ?? [])}\` in ${file}: ${problem.message.replace(/ in `[^`]*`$/, '')}.` }] } };
    case 'profile-not-found':
      return profileNotFound(config, problem, show);
    case 'profile-key':
    case 'profile-key-legacy':
    case 'profile-key-version-unknown':
      return profileKey(config, problem, show);
    case 'policy-conflict':
      return policyConflict(config, problem, at);
    case 'project-key-ignored': {
      const key = problem.key ?? [];
      const value = valueAt(config.layers.find((l) => l.kind === 'project')?.table ?? {}, key);
      const user = config.layers.find((l) => l.kind === 'user');
      const fix: ConfigFix = { target: 'user', remove: [{ layer: 'project', key }], snippet: snippetFor(key, value) };
      return {
        finding: {
          level: 'warn',
          code: 'CONFIG_PROJECT_KEY_IGNORED',
          stage: 'policy',
          detail: `${at}: ${problem.message}.`,
          hints: [{ text: `If you want this setting, move \`${formatKey(key)}\` from ${file} to ${show(user?.file ?? 'config.toml')}${topLevelNote(fix.snippet)}:`, snippet: fix.snippet }],
        },
        fix,
      };
    }
    case 'otel-exporter-unknown':
      return otelUnknown(config, problem, at);
  }
}

function profileNotFound(config: CodexConfig, problem: ConfigProblem, show: (f: string) => string): { finding: Finding; fix?: ConfigFix } {
  const name = config.context.profile ?? '';
  const user = config.layers.find((l) => l.kind === 'user');
  const legacy = user ? valueAt(user.table, ['profiles', name]) : undefined;
  const detail = `${problem.message}.`;
  if (config.context.profileStyle === 'file' && isTable(legacy) && user) {
    // Codex 0.134.0+ reads NAME.config.toml: the old [profiles.NAME] table becomes that file.
    const fix: ConfigFix = { target: 'profile', remove: [{ layer: 'user', key: ['profiles', name] }], snippet: smolToml().stringify(legacy).trim() };
    return {
      finding: { level: 'fail', code: 'CONFIG_PROFILE_NOT_FOUND', stage: 'input', detail, hints: [{ text: `Move [profiles.${name}] out of ${show(user.file)} into ${show(problem.file)}:`, snippet: fix.snippet }] },
      fix,
    };
  }
  return {
    finding: { level: 'fail', code: 'CONFIG_PROFILE_NOT_FOUND', stage: 'input', detail, hints: [{ text: config.context.profileStyle === 'file' ? `Create ${show(problem.file)}, or run without --profile.` : `Add a [profiles.${name}] table to ${show(problem.file)}, or run without --profile.` }] },
  };
}

function profileKey(config: CodexConfig, problem: ConfigProblem, show: (f: string) => string): { finding: Finding; fix?: ConfigFix } {
  const layer = config.layers.find((l) => l.file === problem.file);
  const name = String(layer?.table.profile ?? '');
  const table = layer ? valueAt(layer.table, ['profiles', name]) : undefined;
  const remove = [{ layer: layerOf(config, problem.file), key: ['profile'] }];
  const hints: [Hint, ...Hint[]] = [{ text: `Delete \`profile = ${JSON.stringify(name)}\` from ${show(problem.file)} and start Codex with the profile instead.`, command: `codex --profile ${name}` }];
  const profileFile = show(`${config.context.codexHome}/${name}.config.toml`);
  const at = place(problem, show);
  if (problem.kind === 'profile-key-legacy') {
    // The installed Codex still reads the key: the migration is advice for the upgrade, not a change to make now.
    const later: Hint = { text: `When you upgrade Codex to 0.134.0 or later, move [profiles.${name}] into ${profileFile}, delete \`profile = ${JSON.stringify(name)}\`, and start Codex with --profile ${name}.` };
    return { finding: { level: 'warn', code: 'CONFIG_PROFILE_KEY_LEGACY', stage: 'parse', detail: `${at}: ${problem.message}.`, hints: [later] } };
  }
  if (problem.kind === 'profile-key-version-unknown') {
    // Which rule applies depends on the release: find it first, then either migrate or keep the key.
    const check: Hint = { text: 'Find out which Codex release runs here (the doctor could not run codex).', command: 'codex --version' };
    const migrate: Hint = {
      text: `With 0.134.0 or later: delete \`profile = ${JSON.stringify(name)}\` from ${show(problem.file)}${isTable(table) ? `, move [profiles.${name}] into ${profileFile}` : ''}, and start Codex with --profile ${name}. Before 0.134.0 the key is valid and selects [profiles.${name}].`,
      command: `codex --profile ${name}`,
    };
    return { finding: { level: 'warn', code: 'CONFIG_PROFILE_KEY_VERSION_UNKNOWN', stage: 'parse', detail: `${at}: ${problem.message}.`, hints: [check, migrate] } };
  }
  let fix: ConfigFix | undefined;
  if (isTable(table)) {
    fix = { target: 'profile', remove: [...remove, { layer: remove[0]!.layer, key: ['profiles', name] }], snippet: smolToml().stringify(table).trim() };
    hints.push({ text: `Move [profiles.${name}] into ${profileFile}:`, snippet: fix.snippet });
  }
  return { finding: { level: 'fail', code: 'CONFIG_PROFILE_KEY_REMOVED', stage: 'parse', detail: `${at}: ${problem.message}.`, hints }, ...(fix && { fix }) };
}

/** filters and exclude/include_only mixed: the same policy written with exclude/include_only only. */
function policyConflict(config: CodexConfig, problem: ConfigProblem, at: string): { finding: Finding; fix: ConfigFix } {
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
  return {
    finding: {
      level: 'fail',
      code: 'CONFIG_POLICY_CONFLICT',
      stage: 'parse',
      detail: `${at}: ${problem.message}. Codex refuses this config.`,
      hints: [{ text: `Write the policy with exclude and include_only only (same effect): replace [${formatKey(key)}] with`, snippet: fix.snippet }],
    },
    fix,
  };
}

/** The blog article's `[otel.exporter.corp]`: the exporter kind is the table key, not a name. */
function otelUnknown(config: CodexConfig, problem: ConfigProblem, at: string): { finding: Finding; fix: ConfigFix } {
  const key = problem.key ?? [];
  const source = sourceWith(config, key);
  const { target, prefix } = fixLocation(config, source?.kind ?? layerOf(config, problem.file));
  const settings = valueAt(source?.table ?? {}, key);
  const table: TomlTable = isTable(settings) ? structuredClone(settings) : {};
  if (table.protocol === undefined) table.protocol = 'binary';
  const written = [...prefix, ...key];
  const fix: ConfigFix = { target, remove: [{ layer: target, key: written }], snippet: snippetFor([...prefix, ...key.slice(0, -1), 'otlp-http'], table) };
  return {
    finding: {
      level: 'warn',
      code: 'OTEL_EXPORTER_UNKNOWN',
      stage: 'parse',
      detail: `${at}: ${problem.message}; telemetry is not exported as written.`,
      hints: [{ text: `Name the exporter by its kind: replace [${formatKey(written)}] with`, snippet: fix.snippet }],
    },
    fix,
  };
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
  const locate = (key: readonly string[]): { at: string; file: string; target: ConfigLayerKind; path: string[] } => {
    const source = sourceWith(config, key);
    const { target, prefix } = fixLocation(config, source?.kind ?? 'user');
    const line = source ? locateKey(source.source, [...source.prefix, ...key]) : undefined;
    const file = source?.file ?? config.layers.find((l) => l.kind === 'user')?.file ?? 'config.toml';
    return { at: place({ file, ...(line !== undefined && { line }) }, show), file: show(file), target, path: [...prefix, ...key] };
  };
  switch (problem.kind) {
    case 'unknown-provider': {
      const { at, file, target, path } = locate(['model_provider']);
      const id = problem.providerId;
      const builtIn: Hint = deleteKey(config, `To use Codex's built-in OpenAI provider, delete \`${formatKey(path)} = ${JSON.stringify(id)}\` from ${file}.`, ['model_provider'], words);
      const define: ConfigFix = { target: 'user', remove: [], snippet: snippetFor(['model_providers', id], { name: id, base_url: 'https://llm.example.com/v1' }) };
      const defineHint: Hint = { text: `Or define the provider in ${show(config.layers.find((l) => l.kind === 'user')?.file ?? 'config.toml')}, with the URL of its API:`, snippet: define.snippet };
      // A misspelt id: the provider the user most likely meant.
      const meant = nearestKey(id, [...Object.keys(config.modelProviders), ...BUILT_IN_PROVIDERS]);
      const select: ConfigFix | undefined = meant === undefined ? undefined : { target, remove: [], snippet: snippetFor(path, meant) };
      const hints: [Hint, ...Hint[]] = select
        ? [{ text: `If you meant ${JSON.stringify(meant)}, write in ${file}${topLevelNote(select.snippet)}:`, snippet: select.snippet }, builtIn, defineHint]
        : [builtIn, defineHint];
      return {
        finding: { level: 'fail', code: 'CONFIG_PROVIDER_NOT_FOUND', stage: 'resolve', detail: `${at}: ${problem.message}`, hints },
        fixes: select ? [select, define] : [define],
      };
    }
    case 'invalid-base-url': {
      const guess = likelyUrl(problem.baseUrl);
      const finding = (at: string, hints: [Hint, ...Hint[]]): Finding & { level: 'fail' } => ({ level: 'fail', code: 'CONFIG_BASE_URL_INVALID', stage: 'resolve', detail: `${at}: ${problem.message}`, hints });
      switch (problem.source) {
        case 'model_providers':
        case 'openai_base_url': {
          const key = problem.source === 'openai_base_url' ? ['openai_base_url'] : ['model_providers', problem.providerId, 'base_url'];
          const { at, file, target, path } = locate(key);
          const fix: ConfigFix = { target, remove: [], snippet: snippetFor(path, guess ?? 'https://llm.example.com/v1') };
          const write: Hint = {
            text: guess ? `Write the full URL, with its scheme, in ${file}${topLevelNote(fix.snippet)}:` : `Write the full https:// URL of the API (yours, not this example) in ${file}${topLevelNote(fix.snippet)}:`,
            snippet: fix.snippet,
          };
          const remove = deleteKey(config, `Or delete \`${formatKey(path)}\` from ${file}: Codex then uses OpenAI's own URL.`, key, words);
          // Without a likely URL, the snippet holds an example, not a fix: deleting the key is the action then.
          const hints: [Hint, ...Hint[]] = problem.source === 'openai_base_url' ? (guess ? [write, remove] : [remove, write]) : [write];
          return { finding: finding(at, hints), fixes: [fix] };
        }
        case 'OPENAI_BASE_URL':
        case 'CODEX_OSS_BASE_URL': {
          const variable = problem.source;
          const hints: [Hint, ...Hint[]] = [words.fix(`Unset ${variable} (and remove it from your shell profile or $CODEX_HOME/.env): Codex then uses its default URL.`, words.unsetting(variable))];
          if (guess) hints.push(words.fix('Or give the full URL, with its scheme.', words.setting(variable, guess)));
          return { finding: finding(variable, hints), fixes: [] };
        }
        case 'CODEX_OSS_PORT':
        case 'default':
          return { finding: finding(problem.source, [{ text: 'Include this report in a codex-doctor bug report: this base URL is built by Codex itself.' }]), fixes: [] };
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
  const at = place(unknown, show);
  const { target, prefix } = location;
  const key = formatKey([...prefix, ...unknown.path]);
  const code = unknown.area === 'sandbox' ? 'SANDBOX_UNKNOWN_KEY' : 'CONFIG_UNKNOWN_KEY';
  const ignores = codexIgnores(unknown, key, show, codexVersion);
  if (unknown.real === null) {
    const valid = (unknown.validKeys ?? []).map((k) => `\`${k}\``).join(', ');
    return { finding: { level: 'warn', code, stage: 'parse', detail: `${at}: \`${key}\` is not a Codex key; ${ignores}.`, hints: [{ text: `Delete \`${key}\` from ${show(unknown.file)}; the keys of that table are ${valid}.` }] } };
  }
  if ('env' in unknown.real) {
    const text = `Delete \`${key}\` from ${show(unknown.file)} and set ${unknown.real.env} in your shell profile instead.`;
    const removal: FixStep = { kind: 'edit-config', file: unknown.file, changes: [{ op: 'remove', path: [...prefix, ...unknown.path] }] };
    // Codex does not expand `~`: the variable gets the absolute path.
    const path = typeof unknown.value === 'string' ? (unknown.value.startsWith('~/') ? `${words.home}/${unknown.value.slice(2)}` : unknown.value) : null;
    return {
      finding: {
        level: 'warn',
        code: 'CONFIG_CA_KEY_UNSUPPORTED',
        stage: 'parse',
        detail: `${at}: \`${key}\` is not a Codex setting; Codex ignores it and reads its CA bundle only from ${unknown.real.env} or SSL_CERT_FILE.`,
        hints: [
          path === null
            ? words.manual(text, { kind: 'manual', topic: 'edit-config-by-hand', file: unknown.file })
            : deletionHint(words, text, { kind: 'sequence', steps: [removal, { kind: 'set-env', name: unknown.real.env, value: path, target: 'shell-profile' }] }),
        ],
      },
    };
  }
  const real = formatKey([...prefix, ...unknown.real.key]);
  const fix: ConfigFix = { target, remove: [{ layer: target, key: [...prefix, ...unknown.path] }], snippet: snippetFor([...prefix, ...unknown.real.key], unknown.value) };
  return {
    finding: {
      level: 'warn',
      code,
      stage: 'parse',
      detail: `${at}: \`${key}\` is not a Codex key; ${ignores}. The real key is \`${real}\`; until it is fixed, ${costOfIgnoring(unknown.real.key)}.`,
      hints: [{ text: `In ${show(unknown.file)}, delete \`${key}\` and write instead${topLevelNote(fix.snippet)}:`, snippet: fix.snippet }],
    },
    fix,
  };
}

/** What the network checks will use, said once. */
function facts(config: CodexConfig, show: (f: string) => string): Finding[] {
  const out: Finding[] = [];
  const loaded = config.layers.filter((l) => l.state === 'loaded');
  out.push({
    level: 'info',
    code: 'CONFIG_LOADED',
    stage: 'read',
    detail:
      loaded.length === 0
        ? 'No config.toml found: Codex runs with its defaults.'
        : `Codex reads ${loaded.map((l) => `${show(l.file)} (${l.kind})`).join(', ')}${config.context.profile ? `, profile ${config.context.profile}` : ''}.`,
  });
  const parts: string[] = [];
  const from = (file: string): string => ` (${show(file)})`;
  if (config.modelProvider) {
    // The id is the user's: `toString` or `__proto__` is a provider only if the config defines it.
    const id = config.modelProvider.value;
    const provider = Object.hasOwn(config.modelProviders, id) ? config.modelProviders[id] : undefined;
    parts.push(`model_provider = "${config.modelProvider.value}"${from(config.modelProvider.file)}`);
    if (provider) {
      if (provider.baseUrl) parts.push(`its base_url is ${showUrl(provider.baseUrl)}`);
      parts.push(
        provider.supportsWebsockets === true
          ? 'it streams over WebSocket (supports_websockets = true)'
          : `it streams over HTTPS only (supports_websockets ${provider.supportsWebsockets === false ? '= false' : 'unset: custom providers default to false'})`,
      );
      const headers = Object.keys(provider.httpHeaders);
      if (headers.length > 0) parts.push(`it sends the headers ${headers.join(', ')}`);
    }
  }
  else if (Object.keys(config.modelProviders).length > 0) {
    parts.push(`[model_providers.${Object.keys(config.modelProviders).join('], [model_providers.')}] ${Object.keys(config.modelProviders).length === 1 ? 'is' : 'are'} defined, but model_provider does not select one: Codex uses its built-in OpenAI provider`);
  }
  if (config.openaiBaseUrl) parts.push(`openai_base_url = ${showUrl(config.openaiBaseUrl.value)}${from(config.openaiBaseUrl.file)}`);
  if (config.chatgptBaseUrl) parts.push(`chatgpt_base_url = ${showUrl(config.chatgptBaseUrl.value)}${from(config.chatgptBaseUrl.file)}`);
  if (config.respectSystemProxy) parts.push(`[features] respect_system_proxy = ${config.respectSystemProxy.value}${from(config.respectSystemProxy.file)}`);
  if (config.cliAuthCredentialsStore) parts.push(`credentials are stored in ${config.cliAuthCredentialsStore.value === 'keyring' ? 'the OS keyring' : `"${config.cliAuthCredentialsStore.value}"`}`);
  if (parts.length > 0) out.push({ level: 'info', code: 'CONFIG_PROVIDER', stage: 'resolve', detail: `${parts.join('; ')}.` });
  for (const server of config.mcpUrlServers) {
    let host = server.url;
    try {
      host = new URL(server.url).host;
    } catch {
      // not a URL: shown as written
    }
    out.push({
      level: 'info',
      code: 'CONFIG_MCP_URL_SERVER',
      stage: 'resolve',
      detail: `MCP server \`${server.name}\` at ${showUrl(server.url)}${from(server.file)}: Codex connects to ${host} with the same CA bundle (CODEX_CA_CERTIFICATE / SSL_CERT_FILE) and proxy rules (HTTPS_PROXY, NO_PROXY) as to OpenAI.`,
    });
  }
  return out;
}

type FileRead = { ok: true; bytes: Buffer } | { ok: false; finding: Finding };

async function readTlsFile(host: Host, what: string, file: ConfigPath, show: (f: string) => string, words: Speaker): Promise<FileRead> {
  const name = `${what} ${show(file.path)}`;
  try {
    const stat = await host.fs.stat(file.path);
    if (stat === null) {
      return { ok: false, finding: { level: 'warn', code: 'OTEL_TLS_FILE_MISSING', stage: 'read', detail: `The OTEL ${name} does not exist${file.raw !== file.path ? ` (written as "${file.raw}"${file.raw.startsWith('~') ? '' : ', relative to the config file'})` : ''}.`, hints: [{ text: `Point ${what} at an existing PEM file.`, command: words.commands.listFile(file.path) }] } };
    }
    if (stat.kind !== 'file') throw Object.assign(new Error(`it is a ${stat.kind}`), { code: 'EISDIR' });
    const read = await host.fs.readFile(file.path, MAX_TLS_FILE_BYTES);
    return { ok: true, bytes: read.bytes };
  } catch (error) {
    return { ok: false, finding: { level: 'warn', code: 'OTEL_TLS_FILE_UNREADABLE', stage: 'read', detail: `The OTEL ${name} cannot be read: ${error instanceof Error ? error.message : String(error)}.`, hints: [{ text: `Make ${show(file.path)} a file readable by your user.`, command: words.commands.listFile(file.path) }] } };
  }
}

async function otelFindings(exporter: OtelExporterConfig, host: Host, show: (f: string) => string, words: Speaker): Promise<Finding[]> {
  const out: Finding[] = [];
  const label = `[otel.${exporter.slot}.${exporter.kind}]`;
  const { caCertificate: ca, clientCertificate: cert, clientPrivateKey: key } = exporter.tls;
  out.push({
    level: 'info',
    code: 'OTEL_EXPORTER',
    stage: 'resolve',
    detail: `${label} exports to ${exporter.endpoint ? showUrl(exporter.endpoint) : '(no endpoint)'} (${show(exporter.file)})${ca ? `, trusting only ${show(ca.path)}` : ''}${cert ? ', with a client certificate' : ''}.`,
  });
  if (ca) {
    const read = await readTlsFile(host, 'ca-certificate', ca, show, words);
    if (!read.ok) out.push(read.finding);
    else {
      const parsed = parseCodexPem(read.bytes);
      if (!parsed.ok || parsed.certificates.length === 0) {
        out.push({ level: 'warn', code: 'OTEL_CA_INVALID', stage: 'parse', detail: `The OTEL ca-certificate ${show(ca.path)} holds no usable certificate: ${parsed.ok ? 'no certificates found in PEM file' : parsed.codexDetail}.`, hints: [{ text: 'Point ca-certificate at a PEM file with the CA that issued the collector\'s (or the inspecting proxy\'s) certificate.' }] });
      } else {
        out.push({
          level: 'info',
          code: 'OTEL_CA_REPLACES_ROOTS',
          stage: 'tls-verify',
          detail: `${show(ca.path)} (${parsed.certificates.length} certificate${parsed.certificates.length === 1 ? '' : 's'}) REPLACES the built-in roots for OTEL export: the collector's chain, or the inspecting proxy's, must end at one of these (CODEX_CA_CERTIFICATE adds to the roots, this does not).`,
        });
      }
    }
  }
  if ((cert === undefined) !== (key === undefined)) {
    const missing = cert === undefined ? 'client-certificate' : 'client-private-key';
    out.push({ level: 'warn', code: 'OTEL_CLIENT_PAIR_INCOMPLETE', stage: 'input', detail: `${label} tls sets ${cert ? 'client-certificate' : 'client-private-key'} without ${missing}; mutual TLS needs both.`, hints: [{ text: `Add ${missing} under [otel.${exporter.slot}.${exporter.kind}.tls], or remove the other one.` }] });
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
    return [{ level: 'warn', code: 'OTEL_CLIENT_CERT_INVALID', stage: 'parse', detail: `The OTEL client-certificate ${show(cert.path)} is not a readable PEM certificate.`, hints: [{ text: 'Point client-certificate at the PEM certificate issued for this client.', command: words.commands.showCertificateSubject(cert.path) }] }];
  }
  try {
    // The key is parsed only to compare it with the certificate; nothing about it is reported.
    const privateKey = nodeCrypto().createPrivateKey(keyRead.bytes);
    if (!certificate.checkPrivateKey(privateKey)) {
      return [{ level: 'warn', code: 'OTEL_CLIENT_KEY_MISMATCH', stage: 'parse', detail: `The OTEL client-private-key ${show(key.path)} does not belong to the client-certificate ${show(cert.path)} (${certificate.subject.replace(/\n/g, ', ')}).`, hints: [{ text: 'Point client-private-key at the key the client certificate was issued for.' }] }];
    }
  } catch {
    return [{ level: 'warn', code: 'OTEL_CLIENT_KEY_INVALID', stage: 'parse', detail: `The OTEL client-private-key ${show(key.path)} is not a readable, unencrypted PEM private key.`, hints: [{ text: 'Point client-private-key at an unencrypted PEM private key (PKCS#8 or PKCS#1).' }] }];
  }
  return out;
}

/** A hint that deletes `key` where it is set (the highest-precedence file that sets it). */
function deleteKey(config: CodexConfig, text: string, key: readonly string[], words: Speaker): Hint {
  const source = sourceWith(config, key);
  if (!source) return words.manual(text, { kind: 'manual', topic: 'edit-config-by-hand' });
  return deletionHint(words, text, { kind: 'edit-config', file: source.file, changes: [{ op: 'remove', path: [...source.prefix, ...key] }] });
}
