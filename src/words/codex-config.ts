// The words of config.codex (and what sandbox.env says about config keys): the problems with the files,
// misspelt keys, the provider and its base URL, OTEL and MCP settings, where a key is and how Codex treats a
// key it does not know. The check decides (which problem, which fix, which action); this file only speaks,
// and every command comes from the one command builder through the Speaker.
import { unknownKeyLine, unknownKeysWarning } from '../codex/codex-messages.js';
import { CODEX_RELEASES, codexHas, releaseForAdvice } from '../codex/codex-version.js';
import type { CodexConfig, ConfigLayer, ConfigPath, ConfigProblem, OtelExporterConfig, UnknownConfigKey } from '../codex/config.js';
import type { EndpointProblem } from '../codex/endpoints.js';
import { formatKey, isTable } from '../codex/config-keys.js';
import { costOfIgnoring } from '../codex/key-costs.js';
import { redactUrl } from '../core/redact.js';
import type { EvidenceSection, Finding, FixAction, Hint } from '../core/types.js';
import type { Speaker } from './speaker.js';

type Show = (file: string) => string;

/** `~/.codex/config.toml:3:7` or `~/.codex/config.toml (line 3)`. */
export function place(at: { file: string; line?: number; column?: number }, show: (f: string) => string): string {
  if (at.line !== undefined && at.column !== undefined) return `${show(at.file)}:${at.line}:${at.column}`;
  return at.line !== undefined ? `${show(at.file)} (line ${at.line})` : show(at.file);
}

/**
 * How Codex treats a key it does not know: from 0.169.0 it warns at start, one line per key (quoted here as
 * Codex prints it for a value; a whole table is named in the same warning); before, it says nothing.
 */
export function codexIgnores(
  unknown: Pick<UnknownConfigKey, 'layer' | 'file' | 'value'>,
  key: string,
  show: (f: string) => string,
  codexVersion: string | null,
  pronoun: 'it' | 'them' = 'it',
): string {
  const release = releaseForAdvice(codexVersion);
  if (!codexHas(codexVersion, CODEX_RELEASES.unknownKeysWarned)) return `Codex ${release} ignores ${pronoun} silently (0.169.0 and later warn about ${pronoun})`;
  const warning = unknownKeysWarning('N');
  return isTable(unknown.value)
    ? `Codex ${release} ignores ${pronoun} and names ${pronoun} in its start-up warning ("${warning}")`
    : `Codex ${release} ignores ${pronoun} and warns at start ("${warning}", then "${unknownKeyLine(unknown.layer, show(unknown.file), key)}")`;
}

/** A URL for a message: redacted, and as written (URL parsing adds a `/` to a bare origin). */
export function showUrl(url: string): string {
  const redacted = redactUrl(url);
  return redacted === `${url}/` ? url : redacted;
}

/** A snippet that starts with a bare key must go before the file's first [table], or TOML files it under that table. */
export function topLevelNote(snippet: string): string {
  return /^[A-Za-z0-9_"'-]+\s*=/.test(snippet) ? ' (top-level keys go above the first [table] of the file)' : '';
}

/** A fix that deletes keys (and sets variables): the text names what to delete, the command runs the rest. */
export function deletionHint(words: Speaker, text: string, action: FixAction): Hint {
  const command = words.commands.command(action);
  return { text, ...(command !== null && { command }), action };
}

/** A hint that deletes a key where it is set (`action`), or by hand when no source sets it. */
function deleteKeyHint(words: Speaker, text: string, action: FixAction | null): Hint {
  return action ? deletionHint(words, text, action) : words.manual(text, { kind: 'manual', topic: 'edit-config-by-hand' });
}

// --- the files ------------------------------------------------------------------------------------------

export function configSummary(firstFatal: ConfigProblem | undefined, firstEndpoint: EndpointProblem | undefined, read: readonly ConfigLayer[], show: Show): string {
  return firstFatal
    ? `Codex refuses this config: ${place(firstFatal, show)}: ${firstFatal.message}`
    : firstEndpoint
      ? firstEndpoint.message
      : read.length === 0
      ? 'No config.toml: Codex uses its defaults.'
      : `Read ${read.map((l) => show(l.file)).join(', ')}.`;
}

export function configFilesEvidence(layers: readonly ConfigLayer[], show: Show): EvidenceSection {
  return { title: 'Config files', lines: layers.map((l) => `${l.kind.padEnd(8)} ${show(l.file)}: ${l.state}`) };
}

/** CONFIG_SYNTAX_ERROR; `repair` is the by-hand action at the error's line and column. */
export function syntaxError(problem: ConfigProblem, show: Show, repair: FixAction): Finding {
  return {
    level: 'fail',
    code: 'CONFIG_SYNTAX_ERROR',
    stage: 'parse',
    detail: `${place(problem, show)}: ${problem.message}. Codex will not start until this file parses.`,
    hints: [{ text: `Fix the TOML at line ${problem.line}, column ${problem.column} of ${show(problem.file)}, then run the doctor again.`, action: repair }],
  };
}

/** The lines around a syntax error, as smol-toml quotes them. */
export function syntaxExcerpt(problem: ConfigProblem, show: Show): EvidenceSection | undefined {
  return problem.excerpt ? { title: `${show(problem.file)} around line ${problem.line}`, lines: problem.excerpt.split('\n').filter((l) => l !== '') } : undefined;
}

/** A config file Codex cannot read or parse as a whole: unreadable, not a file, too large, too deep, not UTF-8. */
export function unusableFile(problem: ConfigProblem & { kind: 'unreadable' | 'not-a-file' | 'too-large' | 'too-deep' | 'not-utf8' }, show: Show, words: Speaker): Finding {
  const file = show(problem.file);
  switch (problem.kind) {
    case 'unreadable':
      return { level: 'fail', code: 'CONFIG_UNREADABLE', stage: 'read', detail: `${problem.message}. Codex will not start while it cannot read its config.`, hints: [{ text: `Make ${file} readable by your user.`, command: words.commands.listFile(problem.file) }] };
    case 'not-a-file':
      return { level: 'fail', code: 'CONFIG_NOT_A_FILE', stage: 'read', detail: `${problem.message}. Codex will not start.`, hints: [{ text: `Move ${file} out of the way: it must be a TOML file.`, command: words.commands.listFile(problem.file) }] };
    case 'too-large':
      return { level: 'fail', code: 'CONFIG_TOO_LARGE', stage: 'read', detail: `${problem.message}; it was not read.`, hints: [{ text: `Check that ${file} is really your Codex config.`, command: words.commands.listFile(problem.file) }] };
    case 'too-deep':
      return { level: 'fail', code: 'CONFIG_TOO_DEEP', stage: 'parse', detail: `${problem.message}; it was not read.`, hints: [{ text: `Look for a table header with a long run of dotted parts in ${file}: no Codex setting is more than five levels deep.`, command: words.commands.findTableHeaders(problem.file) }] };
    case 'not-utf8':
      return { level: 'fail', code: 'CONFIG_NOT_UTF8', stage: 'parse', detail: `${problem.message}. Codex will not start.`, hints: [{ text: `Save ${file} as UTF-8 (an editor or PowerShell may have written UTF-16).`, command: words.commands.showStart(problem.file) }] };
  }
}

export function invalidValue(problem: ConfigProblem, show: Show): Finding {
  return { level: 'fail', code: 'CONFIG_INVALID_VALUE', stage: 'parse', detail: `${place(problem, show)}: ${problem.message}. Codex refuses this config.`, hints: [{ text: `Fix \`${formatKey(problem.key ?? [])}\` in ${show(problem.file)}: ${problem.message.replace(/ in `[^`]*`$/, '')}.` }] };
}

/** CONFIG_PROJECT_KEY_IGNORED: `snippet` writes the key into the user's `userFile`. */
export function projectKeyIgnored(problem: ConfigProblem, show: Show, userFile: string, snippet: string): Finding {
  return {
    level: 'warn',
    code: 'CONFIG_PROJECT_KEY_IGNORED',
    stage: 'policy',
    detail: `${place(problem, show)}: ${problem.message}.`,
    hints: [{ text: `If you want this setting, move \`${formatKey(problem.key ?? [])}\` from ${show(problem.file)} to ${show(userFile)}${topLevelNote(snippet)}:`, snippet }],
  };
}

/** CONFIG_POLICY_CONFLICT: `key` is the [shell_environment_policy] table that `snippet` replaces. */
export function policyConflict(problem: ConfigProblem, show: Show, key: readonly string[], snippet: string): Finding {
  return {
    level: 'fail',
    code: 'CONFIG_POLICY_CONFLICT',
    stage: 'parse',
    detail: `${place(problem, show)}: ${problem.message}. Codex refuses this config.`,
    hints: [{ text: `Write the policy with exclude and include_only only (same effect): replace [${formatKey(key)}] with`, snippet }],
  };
}

/** OTEL_EXPORTER_UNKNOWN: `written` is the table as written, `snippet` the same settings under the exporter's kind. */
export function otelExporterUnknown(problem: ConfigProblem, show: Show, written: readonly string[], snippet: string): Finding {
  return {
    level: 'warn',
    code: 'OTEL_EXPORTER_UNKNOWN',
    stage: 'parse',
    detail: `${place(problem, show)}: ${problem.message}; telemetry is not exported as written.`,
    hints: [{ text: `Name the exporter by its kind: replace [${formatKey(written)}] with`, snippet }],
  };
}

// --- profiles -------------------------------------------------------------------------------------------

/** CONFIG_PROFILE_NOT_FOUND. `move`: the old [profiles.NAME] table in `userFile`, as the profile file's `snippet`. */
export function profileNotFound(problem: ConfigProblem, show: Show, name: string, profileStyle: 'file' | 'table' | undefined, move: { userFile: string; snippet: string } | null): Finding {
  const detail = `${problem.message}.`;
  if (move) return { level: 'fail', code: 'CONFIG_PROFILE_NOT_FOUND', stage: 'input', detail, hints: [{ text: `Move [profiles.${name}] out of ${show(move.userFile)} into ${show(problem.file)}:`, snippet: move.snippet }] };
  return {
    level: 'fail',
    code: 'CONFIG_PROFILE_NOT_FOUND',
    stage: 'input',
    detail,
    hints: [{ text: profileStyle === 'file' ? `Create ${show(problem.file)}, or run without --profile.` : `Add a [profiles.${name}] table to ${show(problem.file)}, or run without --profile.` }],
  };
}

/** The `profile = "NAME"` key, and the profile file its table belongs in from 0.134.0. */
export interface ProfileKey {
  name: string;
  profileFile: string;
}

/** CONFIG_PROFILE_KEY_LEGACY: the installed Codex still reads the key, so the migration is advice for the upgrade. */
export function profileKeyLegacy(problem: ConfigProblem, show: Show, { name, profileFile }: ProfileKey): Finding {
  const later: Hint = { text: `When you upgrade Codex to 0.134.0 or later, move [profiles.${name}] into ${show(profileFile)}, delete \`profile = ${JSON.stringify(name)}\`, and start Codex with --profile ${name}.` };
  return { level: 'warn', code: 'CONFIG_PROFILE_KEY_LEGACY', stage: 'parse', detail: `${place(problem, show)}: ${problem.message}.`, hints: [later] };
}

/** CONFIG_PROFILE_KEY_VERSION_UNKNOWN: which rule applies depends on the release, so find it first. */
export function profileKeyVersionUnknown(problem: ConfigProblem, show: Show, { name, profileFile }: ProfileKey, hasTable: boolean): Finding {
  const check: Hint = { text: 'Find out which Codex release runs here (the doctor could not run codex).', command: 'codex --version' };
  const migrate: Hint = {
    text: `With 0.134.0 or later: delete \`profile = ${JSON.stringify(name)}\` from ${show(problem.file)}${hasTable ? `, move [profiles.${name}] into ${show(profileFile)}` : ''}, and start Codex with --profile ${name}. Before 0.134.0 the key is valid and selects [profiles.${name}].`,
    command: `codex --profile ${name}`,
  };
  return { level: 'warn', code: 'CONFIG_PROFILE_KEY_VERSION_UNKNOWN', stage: 'parse', detail: `${place(problem, show)}: ${problem.message}.`, hints: [check, migrate] };
}

/** CONFIG_PROFILE_KEY_REMOVED; `moveSnippet`: the [profiles.NAME] table as the profile file, when there is one. */
export function profileKeyRemoved(problem: ConfigProblem, show: Show, { name, profileFile }: ProfileKey, moveSnippet: string | undefined): Finding {
  const hints: [Hint, ...Hint[]] = [{ text: `Delete \`profile = ${JSON.stringify(name)}\` from ${show(problem.file)} and start Codex with the profile instead.`, command: `codex --profile ${name}` }];
  if (moveSnippet !== undefined) hints.push({ text: `Move [profiles.${name}] into ${show(profileFile)}:`, snippet: moveSnippet });
  return { level: 'fail', code: 'CONFIG_PROFILE_KEY_REMOVED', stage: 'parse', detail: `${place(problem, show)}: ${problem.message}.`, hints };
}

// --- the provider ---------------------------------------------------------------------------------------

/** Where a provider key is set: `at` its place, `file` its file as shown, `path` the key as written there. */
export interface KeyPlace {
  at: string;
  file: string;
  path: readonly string[];
}

/**
 * CONFIG_PROVIDER_NOT_FOUND. `remove`: the action that deletes model_provider; `define`: the snippet that
 * defines the provider in `userFile`; `meant`: the provider a misspelt id most likely meant, and its snippet.
 */
export function providerNotFound(
  problem: EndpointProblem & { kind: 'unknown-provider' },
  where: KeyPlace,
  show: Show,
  words: Speaker,
  fixes: { remove: FixAction | null; userFile: string; define: string; meant?: { id: string; snippet: string } },
): Finding & { level: 'fail' } {
  const builtIn = deleteKeyHint(words, `To use Codex's built-in OpenAI provider, delete \`${formatKey(where.path)} = ${JSON.stringify(problem.providerId)}\` from ${where.file}.`, fixes.remove);
  const defineHint: Hint = { text: `Or define the provider in ${show(fixes.userFile)}, with the URL of its API:`, snippet: fixes.define };
  const { meant } = fixes;
  const hints: [Hint, ...Hint[]] = meant
    ? [{ text: `If you meant ${JSON.stringify(meant.id)}, write in ${where.file}${topLevelNote(meant.snippet)}:`, snippet: meant.snippet }, builtIn, defineHint]
    : [builtIn, defineHint];
  return { level: 'fail', code: 'CONFIG_PROVIDER_NOT_FOUND', stage: 'resolve', detail: `${where.at}: ${problem.message}`, hints };
}

export function baseUrlInvalid(problem: EndpointProblem, at: string, hints: [Hint, ...Hint[]]): Finding & { level: 'fail' } {
  return { level: 'fail', code: 'CONFIG_BASE_URL_INVALID', stage: 'resolve', detail: `${at}: ${problem.message}`, hints };
}

/** Write the base URL in the file: the likely URL when `guessed`, otherwise an example the user must replace. */
export function writeBaseUrlHint(file: string, snippet: string, guessed: boolean): Hint {
  return {
    text: guessed ? `Write the full URL, with its scheme, in ${file}${topLevelNote(snippet)}:` : `Write the full https:// URL of the API (yours, not this example) in ${file}${topLevelNote(snippet)}:`,
    snippet,
  };
}

export function deleteBaseUrlHint(words: Speaker, where: KeyPlace, remove: FixAction | null): Hint {
  return deleteKeyHint(words, `Or delete \`${formatKey(where.path)}\` from ${where.file}: Codex then uses OpenAI's own URL.`, remove);
}

/** A base URL variable: unset it, or (`guess`) give it the URL it likely meant. */
export function baseUrlVariableHints(words: Speaker, variable: string, guess: string | undefined): [Hint, ...Hint[]] {
  const hints: [Hint, ...Hint[]] = [words.fix(`Unset ${variable} (and remove it from your shell profile or $CODEX_HOME/.env): Codex then uses its default URL.`, words.unsetting(variable))];
  if (guess) hints.push(words.fix('Or give the full URL, with its scheme.', words.setting(variable, guess)));
  return hints;
}

/** A base URL that Codex builds itself cannot be fixed in a setting. */
export function baseUrlBuiltByCodex(): [Hint] {
  return [{ text: 'Include this report in a codex-doctor bug report: this base URL is built by Codex itself.' }];
}

// --- misspelt keys --------------------------------------------------------------------------------------

/** A key Codex does not know and that names no real key: delete it. `key` is the key as written in its layer. */
export function unknownKeyWithoutReal(unknown: UnknownConfigKey, code: 'SANDBOX_UNKNOWN_KEY' | 'CONFIG_UNKNOWN_KEY', key: string, show: Show, codexVersion: string | null): Finding {
  const valid = (unknown.validKeys ?? []).map((k) => `\`${k}\``).join(', ');
  return { level: 'warn', code, stage: 'parse', detail: `${place(unknown, show)}: \`${key}\` is not a Codex key; ${codexIgnores(unknown, key, show, codexVersion)}.`, hints: [{ text: `Delete \`${key}\` from ${show(unknown.file)}; the keys of that table are ${valid}.` }] };
}

/** CONFIG_CA_KEY_UNSUPPORTED: a CA key in config.toml, which Codex reads only from `variable`. `move`: the deletion and the setting, when the value is a path. */
export function caKeyUnsupported(unknown: UnknownConfigKey, key: string, variable: string, show: Show, words: Speaker, move: FixAction | null): Finding {
  const text = `Delete \`${key}\` from ${show(unknown.file)} and set ${variable} in your shell profile instead.`;
  return {
    level: 'warn',
    code: 'CONFIG_CA_KEY_UNSUPPORTED',
    stage: 'parse',
    detail: `${place(unknown, show)}: \`${key}\` is not a Codex setting; Codex ignores it and reads its CA bundle only from ${variable} or SSL_CERT_FILE.`,
    hints: [move === null ? words.manual(text, { kind: 'manual', topic: 'edit-config-by-hand', file: unknown.file }) : deletionHint(words, text, move)],
  };
}

/** A misspelt key: `real` is the real key as written in the layer, `realKey` its path, `snippet` the key rewritten. */
export function unknownKeyRenamed(
  unknown: UnknownConfigKey,
  code: 'SANDBOX_UNKNOWN_KEY' | 'CONFIG_UNKNOWN_KEY',
  key: string,
  real: { written: string; key: readonly string[] },
  snippet: string,
  show: Show,
  codexVersion: string | null,
): Finding {
  return {
    level: 'warn',
    code,
    stage: 'parse',
    detail: `${place(unknown, show)}: \`${key}\` is not a Codex key; ${codexIgnores(unknown, key, show, codexVersion)}. The real key is \`${real.written}\`; until it is fixed, ${costOfIgnoring(real.key)}.`,
    hints: [{ text: `In ${show(unknown.file)}, delete \`${key}\` and write instead${topLevelNote(snippet)}:`, snippet }],
  };
}

// --- what the network checks will use -------------------------------------------------------------------

export function configLoaded(loaded: readonly ConfigLayer[], profile: string | undefined, show: Show): Finding {
  return {
    level: 'info',
    code: 'CONFIG_LOADED',
    stage: 'read',
    detail:
      loaded.length === 0
        ? 'No config.toml found: Codex runs with its defaults.'
        : `Codex reads ${loaded.map((l) => `${show(l.file)} (${l.kind})`).join(', ')}${profile ? `, profile ${profile}` : ''}.`,
  };
}

/** CONFIG_PROVIDER: the provider, base URLs, system proxy flag and credential store the config sets; none when it sets none. */
export function providerFacts(config: CodexConfig, show: Show): Finding | undefined {
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
  return parts.length > 0 ? { level: 'info', code: 'CONFIG_PROVIDER', stage: 'resolve', detail: `${parts.join('; ')}.` } : undefined;
}

export function mcpUrlServer(server: CodexConfig['mcpUrlServers'][number], show: Show): Finding {
  let host = server.url;
  try {
    host = new URL(server.url).host;
  } catch {
    // not a URL: shown as written
  }
  return {
    level: 'info',
    code: 'CONFIG_MCP_URL_SERVER',
    stage: 'resolve',
    detail: `MCP server \`${server.name}\` at ${showUrl(server.url)} (${show(server.file)}): Codex connects to ${host} with the same CA bundle (CODEX_CA_CERTIFICATE / SSL_CERT_FILE) and proxy rules (HTTPS_PROXY, NO_PROXY) as to OpenAI.`,
  };
}

// --- OTEL -----------------------------------------------------------------------------------------------

/** The `[otel.exporter.KIND]` table of an exporter. */
function otelTable(exporter: OtelExporterConfig): string {
  return `[otel.${exporter.slot}.${exporter.kind}]`;
}

export function otelExporter(exporter: OtelExporterConfig, show: Show): Finding {
  const { caCertificate: ca, clientCertificate: cert } = exporter.tls;
  return {
    level: 'info',
    code: 'OTEL_EXPORTER',
    stage: 'resolve',
    detail: `${otelTable(exporter)} exports to ${exporter.endpoint ? showUrl(exporter.endpoint) : '(no endpoint)'} (${show(exporter.file)})${ca ? `, trusting only ${show(ca.path)}` : ''}${cert ? ', with a client certificate' : ''}.`,
  };
}

/** OTEL_TLS_FILE_MISSING: `what` is the tls key (ca-certificate, client-certificate, client-private-key). */
export function otelTlsFileMissing(what: string, file: ConfigPath, show: Show, words: Speaker): Finding {
  return { level: 'warn', code: 'OTEL_TLS_FILE_MISSING', stage: 'read', detail: `The OTEL ${what} ${show(file.path)} does not exist${file.raw !== file.path ? ` (written as "${file.raw}"${file.raw.startsWith('~') ? '' : ', relative to the config file'})` : ''}.`, hints: [{ text: `Point ${what} at an existing PEM file.`, command: words.commands.listFile(file.path) }] };
}

export function otelTlsFileUnreadable(what: string, file: ConfigPath, reason: string, show: Show, words: Speaker): Finding {
  return { level: 'warn', code: 'OTEL_TLS_FILE_UNREADABLE', stage: 'read', detail: `The OTEL ${what} ${show(file.path)} cannot be read: ${reason}.`, hints: [{ text: `Make ${show(file.path)} a file readable by your user.`, command: words.commands.listFile(file.path) }] };
}

/** OTEL_CA_INVALID; `reason`: why Codex finds no usable certificate in it. */
export function otelCaInvalid(ca: ConfigPath, reason: string, show: Show): Finding {
  return { level: 'warn', code: 'OTEL_CA_INVALID', stage: 'parse', detail: `The OTEL ca-certificate ${show(ca.path)} holds no usable certificate: ${reason}.`, hints: [{ text: 'Point ca-certificate at a PEM file with the CA that issued the collector\'s (or the inspecting proxy\'s) certificate.' }] };
}

export function otelCaReplacesRoots(ca: ConfigPath, certificates: number, show: Show): Finding {
  return {
    level: 'info',
    code: 'OTEL_CA_REPLACES_ROOTS',
    stage: 'tls-verify',
    detail: `${show(ca.path)} (${certificates} certificate${certificates === 1 ? '' : 's'}) REPLACES the built-in roots for OTEL export: the collector's chain, or the inspecting proxy's, must end at one of these (CODEX_CA_CERTIFICATE adds to the roots, this does not).`,
  };
}

/** OTEL_CLIENT_PAIR_INCOMPLETE: `present` is set, `missing` is not. */
export function otelClientPairIncomplete(exporter: OtelExporterConfig, present: string, missing: string): Finding {
  return { level: 'warn', code: 'OTEL_CLIENT_PAIR_INCOMPLETE', stage: 'input', detail: `${otelTable(exporter)} tls sets ${present} without ${missing}; mutual TLS needs both.`, hints: [{ text: `Add ${missing} under [otel.${exporter.slot}.${exporter.kind}.tls], or remove the other one.` }] };
}

export function otelClientCertInvalid(cert: ConfigPath, show: Show, words: Speaker): Finding {
  return { level: 'warn', code: 'OTEL_CLIENT_CERT_INVALID', stage: 'parse', detail: `The OTEL client-certificate ${show(cert.path)} is not a readable PEM certificate.`, hints: [{ text: 'Point client-certificate at the PEM certificate issued for this client.', command: words.commands.showCertificateSubject(cert.path) }] };
}

/** OTEL_CLIENT_KEY_MISMATCH; `subject`: the certificate's subject as X509Certificate gives it (one line per part). */
export function otelClientKeyMismatch(key: ConfigPath, cert: ConfigPath, subject: string, show: Show): Finding {
  return { level: 'warn', code: 'OTEL_CLIENT_KEY_MISMATCH', stage: 'parse', detail: `The OTEL client-private-key ${show(key.path)} does not belong to the client-certificate ${show(cert.path)} (${subject.replace(/\n/g, ', ')}).`, hints: [{ text: 'Point client-private-key at the key the client certificate was issued for.' }] };
}

export function otelClientKeyInvalid(key: ConfigPath, show: Show): Finding {
  return { level: 'warn', code: 'OTEL_CLIENT_KEY_INVALID', stage: 'parse', detail: `The OTEL client-private-key ${show(key.path)} is not a readable, unencrypted PEM private key.`, hints: [{ text: 'Point client-private-key at an unencrypted PEM private key (PKCS#8 or PKCS#1).' }] };
}
