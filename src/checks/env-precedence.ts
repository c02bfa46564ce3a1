// env.precedence: which variables Codex actually reads, where they come from, and what follows from them:
// the CA variable that wins and what each transport trusts, the proxy each transport takes to OpenAI,
// and the settings that look like they matter but do not (codex-behavior.md §1, §2, §5, §7).
// Everything Codex decides comes from src/codex; this file (and env-proxies.ts, the proxy half) decides the
// findings and their fixes, and the words layer (src/words/env-*.ts) says them.
import { nativeRootLocations, resolveAgainst } from '../codex/ca-selection.js';
import { CODEX_RELEASES, versionAtLeast } from '../codex/codex-version.js';
import type { VariableOrigin } from '../codex/env.js';
import { describeProxyDecision, PROXY_VARIABLE_PAIRS, type ProxyDecision } from '../codex/proxy.js';
import { PROXY_ACTIVE_VARIABLE } from '../codex/managed-network-proxy.js';
import { trustPlan, type TrustPlan } from '../codex/trust.js';
import type { CodexWorld } from '../codex/world.js';
import { unsetEnv } from '../fix/actions.js';
import type { Host } from '../core/host.js';
import type { CheckResult, Finding } from '../core/types.js';
import { trimEndMatches } from '../codex/rust-str.js';
import { Speaker } from '../words/speaker.js';
import { envEvidence, envSummary } from '../words/env-evidence.js';
import * as caWords from '../words/env-precedence.js';
import type { DoctorCheck } from './context.js';
import { openAiBaseUrlFindings, proxyDecisions, proxyFindings, systemProxyFindings } from './env-proxies.js';
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
  const decisions = proxyDecisions(world, proxyOverride);
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
    findings.push(caWords.codexVariableInDotenv(say, dotenv.path, ignored.name, ignored.line, shellSet, ignored.value !== undefined ? cleanPath(ignored.value, host) : null));
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
      ...(d.kind === 'proxy' && { proxy: d.url.display, ...(d.credentials && { credentials: true, hasPassword: d.credentials.hasPassword }) }),
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
