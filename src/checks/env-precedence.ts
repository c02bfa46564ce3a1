// env.precedence: which variables Codex actually reads, where they come from, and what follows from them:
// the CA variable that wins and what each transport trusts, the proxy each transport takes to OpenAI,
// and the settings that look like they matter but do not (codex-behavior.md §1, §2, §5, §7).
// Everything Codex decides comes from src/codex; this file decides the findings and their fixes, and the
// words layer (src/words/env-*.ts) says them.
import { nativeRootLocations, resolveAgainst } from '../codex/ca-selection.js';
import { CODEX_RELEASES, versionAtLeast } from '../codex/codex-version.js';
import { API_KEY_BASE_URL, CHATGPT_BASE_URL, honouredOpenAiBaseUrl, ISSUER, websocketUrl } from '../codex/endpoints.js';
import type { VariableOrigin } from '../codex/env.js';
import {
  caseConflicts,
  describeProxyDecision,
  PROXY_VARIABLE_PAIRS,
  proxyFor,
  proxyVariableInEffect,
  redactProxyValue,
  unencodedAtInUserinfo,
  type CaseConflict,
  type ProxyDecision,
  type ProxyVariable,
} from '../codex/proxy.js';
import { PROXY_ACTIVE_VARIABLE } from '../codex/managed-network-proxy.js';
import { trustPlan, type TrustPlan } from '../codex/trust.js';
import type { CodexWorld } from '../codex/world.js';
import { unsetEnv } from '../fix/actions.js';
import type { Host } from '../core/host.js';
import { redactUrl } from '../core/redact.js';
import type { CheckResult, Finding, FixAction } from '../core/types.js';
import { trimEndMatches } from '../codex/rust-str.js';
import { Speaker } from '../words/speaker.js';
import { envEvidence, envSummary } from '../words/env-evidence.js';
import * as caWords from '../words/env-precedence.js';
import * as proxyWords from '../words/env-proxy.js';
import { hostOf } from '../words/env-proxy.js';
import type { DoctorCheck } from './context.js';
import { loginFallbackFindings } from './login-retry.js';

/** What env.precedence hands to the checks that need it. */
export interface EnvPrecedenceFacts {
  trust: TrustPlan;
  /** Codex's route to each of its own hosts, per transport (credentials never included). */
  proxies: ProxyDecision[];
  provenance: Readonly<Record<string, VariableOrigin>>;
}

export const envPrecedence: DoctorCheck<EnvPrecedenceFacts> = {
  id: 'env.precedence',
  title: 'CA and proxy variables Codex reads',
  needs: [],
  async run(ctx) {
    ctx.stage('input');
    const world = await ctx.world();
    return analyseEnvironment(world, ctx.host, ctx.options.proxy);
  },
};

/** The HTTPS and WebSocket URLs Codex uses for login and the model API (both auth modes). */
const HTTPS_TARGETS = [ISSUER, API_KEY_BASE_URL, CHATGPT_BASE_URL];
const WEBSOCKET_TARGETS = [CHATGPT_BASE_URL, API_KEY_BASE_URL].map(websocketUrl).filter((url): url is string => url !== null);

/** Tools Codex starts (sandboxed commands, MCP servers) read these; Codex itself does not. */
const OTHER_TOOL_CA_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'REQUESTS_CA_BUNDLE'] as const;

/** Settings that switch verification off in other tools: name -> is it switched off. */
const INSECURE_SETTINGS: ReadonlyArray<{ name: string; insecure: (value: string) => boolean }> = [
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED', insecure: (v) => v === '0' },
  { name: 'GIT_SSL_NO_VERIFY', insecure: truthy },
  { name: 'PYTHONHTTPSVERIFY', insecure: (v) => v === '0' },
  { name: 'CURL_INSECURE', insecure: truthy },
  { name: 'NPM_CONFIG_STRICT_SSL', insecure: (v) => v.toLowerCase() === 'false' },
  { name: 'npm_config_strict_ssl', insecure: (v) => v.toLowerCase() === 'false' },
];

function truthy(value: string): boolean {
  return !['', '0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

type EnvHost = Pick<Host, 'platform' | 'env' | 'cwd' | 'homeDir' | 'systemStore'>;

/** Builds the check's result from the loaded world. Pure apart from reading Host fields. */
export function analyseEnvironment(world: CodexWorld, host: EnvHost, proxyOverride?: string): CheckResult<EnvPrecedenceFacts> {
  const say = new Speaker(world, host);
  const env = world.env;
  const findings: Finding[] = [];
  const trust = trustPlan(env, host.platform, {
    cwd: host.cwd,
    codexVersion: world.codexVersion,
    ...(host.systemStore && { systemStore: host.systemStore }),
  });

  // --- CODEX_HOME and $CODEX_HOME/.env -------------------------------------------------------------
  if (world.codexHomeProblem !== null) {
    const fix =
      world.codexHomeSource === 'option'
        ? ({ kind: 'pass-option' } as const)
        : world.codexHomeNotADirectory
          ? ({ kind: 'point-at-directory', file: world.codexHome, directory: `${host.homeDir}/.codex` } as const)
          : ({ kind: 'create-directory', directory: world.codexHome } as const);
    findings.push(caWords.codexHomeInvalid(say, world.codexHomeProblem, fix, world.codexHomeSource === 'CODEX_HOME' ? unsetEnv('CODEX_HOME', world.provenance) : null));
  }
  findings.push(...dotenvFindings(world, say, host));
  // Run by Codex itself, in a sandbox behind its managed proxy: these are not the variables Codex starts with.
  if (world.env[PROXY_ACTIVE_VARIABLE] === '1') findings.push(caWords.insideCodexSandbox(say, PROXY_ACTIVE_VARIABLE));

  // --- CA variables ------------------------------------------------------------------------------------
  findings.push(...caFindings(world, trust, say, host));
  findings.push(versionFinding(world, trust));

  // --- proxies -----------------------------------------------------------------------------------------
  const decisions = [
    ...HTTPS_TARGETS.map((url) => proxyFor('https', url, env, proxyOverride, world.systemProxy)),
    ...WEBSOCKET_TARGETS.map((url) => proxyFor('websocket', url, env, proxyOverride)),
  ];
  findings.push(...proxyFindings(decisions, world, say, proxyOverride));
  findings.push(...systemProxyFindings(decisions, world, say, host.platform, proxyOverride));
  findings.push(...loginFallbackFindings(world, host.platform, proxyOverride, (file) => say.show(file)));
  findings.push(...openAiBaseUrlFindings(world, say));

  const problems = findings.filter((f) => f.level !== 'info').length;
  return {
    summary: envSummary(trust, decisions, problems),
    findings,
    evidence: envEvidence(say, world, trust, decisions, RELEVANT, PROXY_NAMES),
    data: reportData(world, trust, decisions),
    facts: { trust, proxies: decisions, provenance: world.provenance },
  };
}

// ---------------------------------------------------------------------------------------------------------

function dotenvFindings(world: CodexWorld, say: Speaker, host: Pick<Host, 'platform' | 'cwd' | 'homeDir'>): Finding[] {
  const { dotenv } = world;
  const findings: Finding[] = [];
  if (dotenv.status === 'unreadable' || dotenv.status === 'not-a-file') findings.push(caWords.dotenvUnreadable(say, dotenv));
  for (const line of dotenv.skipped) findings.push(caWords.dotenvLineSkipped(say, dotenv.path, line));
  for (const ignored of dotenv.ignored) {
    const origin = world.provenance[ignored.name];
    const shellSet = origin?.source === 'dotenv-ignored' && origin.shellSet;
    findings.push(caWords.codexVariableInDotenv(say, ignored.name, ignored.line, shellSet, ignored.value !== undefined ? cleanPath(ignored.value, host) : null));
  }
  for (const applied of dotenv.applied) {
    if (applied.overridesShell && RELEVANT.has(applied.name)) findings.push(caWords.dotenvOverrides(say, applied.name, applied.line));
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * The OS store's own locations (rustls-native-certs with neither SSL_CERT_* variable set): a variable naming
 * one of them replaces the store with itself. Null where the store is not files (macOS, Windows).
 */
function osStoreLocations(host: Pick<Host, 'platform' | 'systemStore'>): { files: Set<string>; dirs: Set<string> } | null {
  const plan = nativeRootLocations({}, host.platform, host.systemStore);
  if (plan.kind !== 'files') return null;
  return { files: new Set(plan.fileCandidates), dirs: new Set(plan.dirs.map(withoutTrailingSlash)) };
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? trimEndMatches(path, '/\\') : path;
}

/** Which variable wins, and why. */
function caChoice(world: CodexWorld, trust: TrustPlan): caWords.CaChoice {
  const env = world.env;
  if (!trust.bundleSupported) return { kind: 'predates-ca-variables', version: world.codexVersion };
  if (trust.selection.kind === 'variable') {
    const { variable, raw } = trust.selection;
    const because =
      variable === 'CODEX_CA_CERTIFICATE'
        ? env.SSL_CERT_FILE !== undefined && env.SSL_CERT_FILE !== ''
          ? 'takes-precedence'
          : null
        : env.CODEX_CA_CERTIFICATE === ''
          ? 'codex-ca-empty'
          : world.provenance.CODEX_CA_CERTIFICATE?.source === 'dotenv-ignored'
            ? 'codex-ca-ignored-in-dotenv'
            : 'codex-ca-unset';
    return { kind: 'variable', variable, raw, because };
  }
  return { kind: 'system-roots', empties: (['CODEX_CA_CERTIFICATE', 'SSL_CERT_FILE'] as const).filter((name) => env[name] === '') };
}

function caFindings(world: CodexWorld, trust: TrustPlan, say: Speaker, host: Pick<Host, 'platform' | 'cwd' | 'homeDir' | 'systemStore'>): Finding[] {
  const env = world.env;
  const findings: Finding[] = [];
  const codexCa = env.CODEX_CA_CERTIFICATE;
  const sslFile = env.SSL_CERT_FILE;
  const sslDir = env.SSL_CERT_DIR;
  const resolve = (value: string): string => resolveAgainst(host.cwd, value, host.platform);
  findings.push(...caWords.caSelected(say, caChoice(world, trust), trust));

  const osStore = osStoreLocations(host);
  const sslDirParts = sslDir === undefined ? [] : sslDir.split(host.platform === 'win32' ? ';' : ':').filter((p) => p !== '');
  const fileIsOsStore = sslFile !== undefined && sslFile !== '' && (osStore?.files.has(resolve(sslFile)) ?? false);
  const dirIsOsStore = sslDirParts.length > 0 && sslDirParts.every((p) => osStore?.dirs.has(withoutTrailingSlash(resolve(p))) ?? false);

  const native = trust.websocket.native;
  if (native?.kind === 'replaced' && native.loadsNothing) {
    findings.push(caWords.sslCertEmpty(say, native.plan.replacedBy, trust.websocket.bundle?.raw ?? null, trust.https.native !== null));
  } else if (native?.kind === 'replaced') {
    // Docker images and CI runners often point these at the OS store itself: then nothing is replaced.
    if (fileIsOsStore && sslFile !== undefined) findings.push(caWords.pointsAtOsStore('SSL_CERT_FILE', sslFile));
    if (dirIsOsStore && sslDir !== undefined) findings.push(caWords.pointsAtOsStore('SSL_CERT_DIR', sslDir));
    if (sslFile !== undefined && sslFile !== '' && !fileIsOsStore) {
      // Without CODEX_CA_CERTIFICATE the file is also Codex's bundle: moving it there keeps every root Codex
      // trusts now and gives the OS store back (unsetting it would drop a corporate root the file may hold).
      const viaCodex = trust.https.bundle?.variable === 'CODEX_CA_CERTIFICATE';
      findings.push(caWords.sslCertFileReplacesOs(say, sslFile, trust.https.mozilla, viaCodex ? null : cleanPath(sslFile, host)));
    }
    if (sslDir !== undefined && sslDir !== '' && !dirIsOsStore) findings.push(caWords.sslCertDirReplacesOs(say, sslDir, trust.https.native !== null));
  }

  // With the bundle loaded, SSL_CERT_FILE naming the OS store is the recommended setup: OS store + bundle.
  const sslFileHarmless = trust.bundleSupported && fileIsOsStore;
  if (codexCa !== undefined && codexCa !== '' && sslFile !== undefined && sslFile !== '' && resolve(codexCa) !== resolve(sslFile) && !sslFileHarmless) {
    findings.push(caWords.caVariablesDiffer(say, codexCa, sslFile, world.codexVersion, trust));
  }

  // Path values exactly as Codex uses them: no trimming, no ~, relative to where codex starts.
  for (const name of ['CODEX_CA_CERTIFICATE', 'SSL_CERT_FILE', 'SSL_CERT_DIR'] as const) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const finding = pathValueProblem(name, value, say, host);
    if (finding) findings.push(finding);
  }

  // CA variables of other tools.
  const bundle = trust.https.bundle;
  const osStoreFiles = osStore?.files;
  for (const name of OTHER_TOOL_CA_VARIABLES) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (bundle && resolve(value) === bundle.path) continue;
    // The OS bundle for a tool while Codex itself adds nothing to the OS store (or uses that very file): same roots.
    if (osStoreFiles?.has(resolve(value)) && (!bundle || osStoreFiles.has(bundle.path))) continue;
    findings.push(caWords.otherCaVariableDiffers(say, name, value, bundle, cleanPath(value, host)));
  }

  for (const setting of INSECURE_SETTINGS) {
    const value = env[setting.name];
    if (value !== undefined && setting.insecure(value)) findings.push(caWords.insecureWorkaround(say, setting.name, value, bundle !== null));
  }
  return findings;
}

function pathValueProblem(name: string, value: string, say: Speaker, host: Pick<Host, 'platform' | 'cwd' | 'homeDir'>): Finding | null {
  const separator = host.platform === 'win32' ? ';' : ':';
  const parts = name === 'SSL_CERT_DIR' ? value.split(separator) : [value];
  const resolve = (part: string): string => resolveAgainst(host.cwd, part, host.platform);
  const issues: caWords.PathValueIssue[] = [];
  if (/^["']|["']$/.test(value)) issues.push('ENV_VALUE_QUOTED');
  if (/^\s|\s$/.test(value)) issues.push('ENV_VALUE_WHITESPACE');
  if (parts.some((p) => p.trimStart().replace(/^["']/, '').startsWith('~'))) issues.push('ENV_VALUE_TILDE');
  const relative = parts.filter((p) => p !== '' && resolve(p) !== p);
  if (issues.length === 0 && relative.length > 0) issues.push('ENV_VALUE_RELATIVE');
  const [first, ...rest] = issues;
  if (first === undefined) return null;
  return caWords.pathValueFinding(say, {
    name,
    value,
    issues: [first, ...rest],
    relative: relative.length > 0 ? { cwd: host.cwd, opens: resolve(relative[0]!) } : null,
    opened: name === 'SSL_CERT_DIR' ? null : resolve(value),
    fixed: parts.map((p) => cleanPath(p, host)).join(separator),
  });
}

function versionFinding(world: CodexWorld, trust: TrustPlan): Finding {
  const version = world.codexVersion;
  if (version === null) return caWords.codexVersionFinding('unknown', version);
  if (!versionAtLeast(version, CODEX_RELEASES.customCa)) return caWords.codexVersionFinding('predates-ca-variables', version);
  if (!versionAtLeast(version, CODEX_RELEASES.rustlsHttps) && trust.selection.kind === 'variable') return caWords.codexVersionFinding('https-not-rustls', version);
  return caWords.codexVersionFinding('current', version);
}

// ---------------------------------------------------------------------------------------------------------

function proxyFindings(decisions: ProxyDecision[], world: CodexWorld, say: Speaker, override: string | undefined): Finding[] {
  const env = world.env;
  const findings: Finding[] = [];

  for (const transport of ['https', 'websocket'] as const) findings.push(proxyWords.proxySelected(say, transport, decisions.filter((d) => d.transport === transport)));

  for (const conflict of caseConflicts(env)) {
    // HTTP_PROXY is a WebSocket fallback only: the HTTPS client never uses it for https:// URLs (§5).
    const httpPair = conflict.upper === 'HTTP_PROXY';
    if (conflict.upperEmpty && !httpPair) {
      // Confirmed on the real 0.169.0 binary (§5): Codex uses neither spelling, on both transports.
      findings.push(proxyWords.proxyEmptyUpper(say, conflict, conflict.upper === 'NO_PROXY' ? null : hiddenDirect(conflict, decisions)));
    } else {
      findings.push(proxyWords.proxyCaseConflict(say, conflict, httpPair));
    }
  }

  // A proxy Codex selects but cannot use, once per transport and variable.
  const seen = new Set<string>();
  for (const d of decisions) {
    if (d.kind !== 'unsupported' && d.kind !== 'invalid') continue;
    const key = `${d.transport}:${d.variable}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const hosts = decisions.filter((o) => o.transport === d.transport && o.kind === d.kind && o.variable === d.variable).map((o) => hostOf(o.target));
    findings.push(
      d.kind === 'invalid'
        ? proxyWords.proxyInvalidForWebsocket(say, d, hosts, proxyRewrite(d.variable, rawProxyValue(d.variable, world, override)))
        : proxyWords.proxySchemeUnsupported(say, d, hosts, fixableVariable(d.variable), d.value.includes('@') ? null : httpVersionOf(d.value)),
    );
  }

  // HTTPS silently skips an unparseable value and moves on.
  const skippedNotes = new Map<string, string>();
  for (const d of decisions) {
    for (const note of d.notes) if (note.kind === 'ignored-invalid' || note.kind === 'ignored-scheme') skippedNotes.set(note.variable, note.text);
  }
  const httpsRoute = decisions.find((d) => d.transport === 'https')!;
  for (const [variable, text] of skippedNotes) {
    findings.push(proxyWords.proxyIgnoredByHttps(say, text, httpsRoute, proxyRewrite(variable, rawProxyValue(variable, world, override))));
  }

  findings.push(...unencodedAtFindings(decisions, world, say, override));

  if (decisions.some((d) => d.transport === 'https' && d.kind === 'direct' && d.notes.some((n) => n.kind === 'http-proxy-not-for-https'))) {
    const http = proxyVariableInEffect(env, PROXY_VARIABLE_PAIRS[1])!;
    const websocketUses = decisions.some((d) => d.transport === 'websocket' && (d.kind === 'proxy' || d.kind === 'unsupported' || d.kind === 'invalid') && d.variable === http.variable);
    findings.push(proxyWords.proxyHttpOnly(say, http.variable, redactProxyValue(http.value), websocketUses, world.provenance[http.variable]?.source === 'dotenv'));
  }

  findings.push(...noProxyFindings(decisions, world, say));
  return findings;
}

/** The hosts each transport reaches directly because an empty upper-case variable hides `conflict.lower`. */
function hiddenDirect(conflict: CaseConflict, decisions: ProxyDecision[]): proxyWords.HostsByTransport {
  const direct = (transport: 'https' | 'websocket'): string[] => [
    ...new Set(decisions.filter((d) => d.transport === transport && d.kind === 'direct' && d.hiddenBy?.upper === conflict.upper).map((d) => hostOf(d.target))),
  ];
  return { https: direct('https'), websocket: direct('websocket') };
}

/** NO_PROXY entries that send Codex's own hosts around the proxy. */
function noProxyFindings(decisions: ProxyDecision[], world: CodexWorld, say: Speaker): Finding[] {
  const byEntry = new Map<string, Array<Extract<ProxyDecision, { kind: 'bypassed' }>>>();
  for (const d of decisions) {
    if (d.kind !== 'bypassed') continue;
    const key = `${d.noProxyVariable}\u0000${d.noProxyEntry}`;
    byEntry.set(key, [...(byEntry.get(key) ?? []), d]);
  }
  return [...byEntry.values()].map((group) => {
    const first = group[0]!;
    const fromSystem = first.noProxyVariable === 'ProxyOverride';
    const list = fromSystem ? (world.systemProxy?.noProxy ?? '') : (world.env[first.noProxyVariable] ?? '');
    const rest = list
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '' && e !== first.noProxyEntry)
      .join(',');
    const bypassed = (transport: 'https' | 'websocket'): string[] => [...new Set(group.filter((d) => d.transport === transport).map((d) => hostOf(d.target)))];
    const groupHosts = new Set(group.map((g) => hostOf(g.target)));
    const stillProxied = [...new Set(decisions.filter((d) => !(group as ProxyDecision[]).includes(d) && d.kind === 'proxy' && groupHosts.has(hostOf(d.target))).map((d) => d.transport))];
    const fix = fromSystem
      ? // NO_PROXY, once set, replaces the system exceptions for Codex.
        ({ kind: 'set-no-proxy-over-system', rest: rest !== '' ? rest : 'localhost,127.0.0.1' } as const)
      : rest !== ''
        ? ({ kind: 'set', rest } as const)
        : ({ kind: 'unset' } as const);
    return proxyWords.noProxyBypass(say, { list: first.noProxyVariable, entry: first.noProxyEntry, proxy: first.variable }, { https: bypassed('https'), websocket: bypassed('websocket') }, stillProxied, fix);
  });
}

/** The variable a fix sets: HTTPS_PROXY stands in for the system settings, which it takes precedence over. */
function fixableVariable(variable: string): string {
  return variable === 'system' ? 'HTTPS_PROXY' : variable;
}

/** What a proxy variable (or --proxy, or the system setting) holds, unredacted. */
function rawProxyValue(variable: string, world: CodexWorld, override: string | undefined): string | undefined {
  return variable === '--proxy' ? override : variable === 'system' ? (world.systemProxy?.https ?? undefined) : world.env[variable];
}

/**
 * The value to write for a proxy setting that a client cannot use, where it is plain what was meant: the value
 * without blanks or quotes around it, with http:// in front where it has no scheme (what Codex's HTTPS client
 * assumes), and only when Codex's own rules then take it as an http:// proxy on both transports.
 */
function proxyRewrite(variable: string, raw: string | undefined): proxyWords.ProxyRewrite {
  const fixVariable = fixableVariable(variable);
  if (raw === undefined) return { kind: 'unknown', variable: fixVariable };
  const unquoted = raw.trim().replace(/^(["'])(.*)\1$/s, '$2').trim();
  const value = unquoted.includes('://') ? unquoted : `http://${unquoted}`;
  const routes = [proxyFor('https', ISSUER, { HTTPS_PROXY: value }), proxyFor('websocket', WEBSOCKET_TARGETS[0]!, { HTTPS_PROXY: value })];
  const [https] = routes;
  if (!routes.every((r) => r.kind === 'proxy' && r.url.scheme === 'http') || https?.kind !== 'proxy') return { kind: 'unknown', variable: fixVariable };
  // A password is never written into a command: the user types it in.
  if (https.credentials?.hasPassword) return { kind: 'with-credentials', variable: fixVariable, shown: https.url.display };
  return { kind: 'set', variable: fixVariable, value };
}

/** `https://proxy:8443/` -> `http://proxy:8443`. */
function httpVersionOf(redacted: string): string {
  const rest = redacted.includes('://') ? redacted.slice(redacted.indexOf('://') + 3) : redacted;
  const hostPort = rest.slice(rest.lastIndexOf('@') + 1).split(/[/?#]/)[0];
  return `http://${hostPort}`;
}

/** `host:port` of a proxy URL, with brackets around an IPv6 host. */
function authority(url: { host: string; port: number }): string {
  return `${url.host.includes(':') ? `[${url.host}]` : url.host}:${url.port}`;
}

/**
 * An unencoded `@` in a proxy's user name or password: hyper-util (HTTPS) ends the userinfo at the first
 * `@`, http::Uri (WebSocket) at the last, so HTTPS sends other credentials than the user wrote.
 */
function unencodedAtFindings(decisions: ProxyDecision[], world: CodexWorld, say: Speaker, override: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<ProxyVariable>();
  for (const d of decisions) {
    if (d.transport !== 'https' || d.kind !== 'proxy' || d.variable === 'system' || seen.has(d.variable)) continue;
    seen.add(d.variable);
    const raw = rawProxyValue(d.variable, world, override);
    const split = raw === undefined ? null : unencodedAtInUserinfo(raw);
    if (raw === undefined || split === null) continue;
    const websocketUses = decisions.some((w) => w.transport === 'websocket' && w.kind === 'proxy' && w.variable === d.variable);
    // The user name is not a secret; the password never appears, not even the part before the @.
    const example = `${d.url.scheme}://${encodeURIComponent(split.websocket.username)}${split.websocket.hasPassword ? ':PASSWORD' : ''}@${authority(d.url)}`;
    findings.push(
      proxyWords.proxyUnencodedAt(say, {
        variable: d.variable,
        shown: redactProxyValue(raw),
        inUser: split.websocket.username.includes('@'),
        https: split.https,
        websocketUser: websocketUses ? split.websocket.username : null,
        fixVariable: fixableVariable(d.variable),
        example,
      }),
    );
  }
  return findings;
}

/**
 * What the macOS/Windows system proxy settings change for Codex: its HTTPS client fills in from them
 * (manual settings only), its WebSocket client never reads them, and PAC only counts with
 * `[features] respect_system_proxy` (which the doctor cannot evaluate).
 */
function systemProxyFindings(decisions: ProxyDecision[], world: CodexWorld, say: Speaker, platform: NodeJS.Platform, override: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const respect = world.config.respectSystemProxy;
  const system = world.systemProxy;
  if (respect?.value === true && (platform === 'darwin' || platform === 'win32')) {
    const turnOff: FixAction = { kind: 'edit-config', file: respect.file, changes: [{ op: 'set', path: ['features', 'respect_system_proxy'], value: false }] };
    findings.push(proxyWords.respectSystemProxyPac(say, platform, respect.file, system?.pac ?? null, turnOff));
  }
  if (system === null || override !== undefined) return findings;

  const httpsVariable = proxyVariableInEffect(world.env, PROXY_VARIABLE_PAIRS[0]);
  const httpsUnset = httpsVariable === null || httpsVariable.value === '';
  if (system.error !== null) {
    const noProxy = proxyVariableInEffect(world.env, PROXY_VARIABLE_PAIRS[3]);
    if (httpsUnset || (system.platform === 'win32' && (noProxy === null || noProxy.value === ''))) findings.push(proxyWords.systemProxyUnread(say, system, system.error));
    return findings;
  }

  const viaSystem = decisions.find((d) => d.transport === 'https' && d.kind === 'proxy' && d.variable === 'system');
  const usesSystem = decisions.some((d) => d.transport === 'https' && 'variable' in d && d.variable === 'system');
  const allDirect = decisions.filter((d) => d.transport === 'https').every((d) => d.kind === 'direct');
  const pacIgnored = system.pac !== null && allDirect && respect?.value !== true;
  if (system.https !== null || system.noProxy !== null || system.exceptions.length > 0 || (system.pac !== null && !pacIgnored)) {
    const shownProxy = system.https === null ? null : redactProxyValue(system.https);
    findings.push(proxyWords.systemProxySettings(system, shownProxy, usesSystem ? 'uses' : httpsUnset ? 'unset' : 'overridden', system.pac !== null && !pacIgnored ? system.pac : null));
  }
  const websocketDirect = decisions.filter((d) => d.transport === 'websocket' && d.kind === 'direct').map((d) => hostOf(d.target));
  if (viaSystem?.kind === 'proxy' && websocketDirect.length > 0) {
    findings.push(proxyWords.systemProxyHttpsOnly(say, platform, viaSystem.url.display, [...new Set(websocketDirect)], `http://${authority(viaSystem.url)}`));
  }
  if (pacIgnored && system.pac !== null) findings.push(proxyWords.systemProxyPacIgnored(say, platform, system.pac));
  return findings;
}

/** OPENAI_BASE_URL: the built-in provider's base URL before 0.119.0, ignored since (codex-behavior.md §6). */
function openAiBaseUrlFindings(world: CodexWorld, say: Speaker): Finding[] {
  const value = world.env.OPENAI_BASE_URL;
  if (value === undefined || value.trim() === '') return [];
  const shown = redactUrl(value);
  const file = `${world.codexHome}${world.dotenv.path.includes('\\') ? '\\' : '/'}config.toml`;
  // The edit carries the value only when it holds nothing secret; else the user fills in the redacted parts.
  const move: FixAction | null = shown === value ? { kind: 'edit-config', file, changes: [{ op: 'set', path: ['openai_base_url'], value }] } : null;
  const honoured = honouredOpenAiBaseUrl(world.env, world.codexVersion) !== undefined;
  // The config key already says where the API goes: the ignored variable is moot.
  if (!honoured && world.config.openaiBaseUrl) return [];
  return [proxyWords.openAiBaseUrl(say, shown, honoured, world.codexVersion, file, move)];
}

// ---------------------------------------------------------------------------------------------------------

/** The variables this check reports on (values of proxy variables are always shown redacted). */
const RELEVANT = new Set<string>([
  'CODEX_CA_CERTIFICATE',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  ...PROXY_VARIABLE_PAIRS.flat(),
  'REQUEST_METHOD',
  ...OTHER_TOOL_CA_VARIABLES,
  ...INSECURE_SETTINGS.map((s) => s.name),
]);
const PROXY_NAMES = new Set<string>(PROXY_VARIABLE_PAIRS.flat());

function reportData(world: CodexWorld, trust: TrustPlan, decisions: ProxyDecision[]): Record<string, unknown> {
  const transport = (t: TrustPlan['https']) => ({
    verifier: t.verifier,
    bundle: t.bundle,
    mozillaRoots: t.mozilla,
    nativeRoots: t.native === null ? null : t.native.kind === 'replaced' ? { replacedBy: t.native.plan.replacedBy, loadsNothing: t.native.loadsNothing } : 'os-store',
  });
  return {
    codexVersion: world.codexVersion,
    codexHome: world.codexHome,
    caSelection: trust.bundleSupported ? trust.selection : { kind: 'unsupported-by-version' },
    https: transport(trust.https),
    websocket: transport(trust.websocket),
    proxies: decisions.map((d) => ({
      transport: d.transport,
      target: d.target,
      kind: d.kind,
      ...('variable' in d && { variable: d.variable }),
      ...(d.kind === 'proxy' && { proxy: d.url.display, ...(d.credentials && { username: d.credentials.username, hasPassword: d.credentials.hasPassword }) }),
      ...(d.kind === 'bypassed' && { noProxyEntry: d.noProxyEntry }),
      detail: describeProxyDecision(d),
    })),
    dotenv: { path: world.dotenv.path, status: world.dotenv.status, applied: world.dotenv.applied, ignored: world.dotenv.ignored.map(({ name, line }) => ({ name, line })), skipped: world.dotenv.skipped },
  };
}

// ---------------------------------------------------------------------------------------------------------

/** The value a user most likely meant: trimmed, unquoted, ~ expanded, absolute. */
function cleanPath(value: string, host: Pick<Host, 'platform' | 'cwd' | 'homeDir'>): string {
  let v = value.trim().replace(/^(["'])(.*)\1$/, '$2').replace(/^["']|["']$/g, '').trim();
  if (v === '~' || v.startsWith('~/') || v.startsWith('~\\')) v = `${host.homeDir}${v.slice(1)}`;
  return v === '' ? v : resolveAgainst(host.cwd, v, host.platform);
}
