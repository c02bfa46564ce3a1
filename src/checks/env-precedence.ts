// env.precedence: which variables Codex actually reads, where they come from, and what follows from them:
// the CA variable that wins and what each transport trusts, the proxy each transport takes to OpenAI,
// and the settings that look like they matter but do not (codex-behavior.md §1, §2, §5, §7).
// Everything Codex decides comes from src/codex; this file only turns those decisions into findings.
import { nativeRootLocations, resolveAgainst } from '../codex/ca-selection.js';
import { ASSUMED_CODEX_RELEASE, CODEX_RELEASES, versionAtLeast } from '../codex/codex-version.js';
import { API_KEY_BASE_URL, CHATGPT_BASE_URL, honouredOpenAiBaseUrl, ISSUER, websocketUrl } from '../codex/endpoints.js';
import { describeOrigin, type VariableOrigin } from '../codex/env.js';
import {
  caseConflicts,
  type CaseConflict,
  describeProxyDecision,
  PROXY_VARIABLE_PAIRS,
  proxyFor,
  proxySetting,
  proxySourceName,
  proxyVariableInEffect,
  redactProxyValue,
  unencodedAtInUserinfo,
  type ProxyDecision,
  type ProxyVariable,
  type Transport,
} from '../codex/proxy.js';
import { PROXY_ACTIVE_VARIABLE } from '../codex/managed-network-proxy.js';
import { trustPlan, type TrustPlan } from '../codex/trust.js';
import type { CodexWorld } from '../codex/world.js';
import { unsetEnv } from '../fix/actions.js';
import type { Host } from '../core/host.js';
import { redactUrl } from '../core/redact.js';
import type { CheckResult, EvidenceSection, Finding, Hint } from '../core/types.js';
import { trimEndMatches } from '../codex/rust-str.js';
import { Speaker } from '../words/speaker.js';
import { upgradeCodexHints } from '../words/codex-upgrade.js';
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
const INSECURE_SETTINGS: ReadonlyArray<{ name: string; insecure: (value: string) => boolean; tool: string }> = [
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED', insecure: (v) => v === '0', tool: 'Node.js' },
  { name: 'GIT_SSL_NO_VERIFY', insecure: truthy, tool: 'git' },
  { name: 'PYTHONHTTPSVERIFY', insecure: (v) => v === '0', tool: 'Python' },
  { name: 'CURL_INSECURE', insecure: truthy, tool: 'curl wrappers' },
  { name: 'NPM_CONFIG_STRICT_SSL', insecure: (v) => v.toLowerCase() === 'false', tool: 'npm' },
  { name: 'npm_config_strict_ssl', insecure: (v) => v.toLowerCase() === 'false', tool: 'npm' },
];

function truthy(value: string): boolean {
  return !['', '0', 'false', 'no', 'off'].includes(value.trim().toLowerCase());
}

/** Builds the check's result from the loaded world. Pure apart from reading Host fields. */
export function analyseEnvironment(world: CodexWorld, host: Pick<Host, 'platform' | 'env' | 'cwd' | 'homeDir' | 'systemStore'>, proxyOverride?: string): CheckResult<EnvPrecedenceFacts> {
  const words = new Speaker(world, host);
  const env = world.env;
  const findings: Finding[] = [];
  const trust = trustPlan(env, host.platform, {
    cwd: host.cwd,
    codexVersion: world.codexVersion,
    ...(host.systemStore && { systemStore: host.systemStore }),
  });

  // --- CODEX_HOME and $CODEX_HOME/.env -------------------------------------------------------------
  if (world.codexHomeProblem !== null) {
    findings.push({
      level: 'fail',
      code: 'ENV_CODEX_HOME_INVALID',
      stage: 'input',
      detail: `${world.codexHomeProblem}: Codex refuses to start with it (and reads no .env).`,
      hints: [
        world.codexHomeSource === 'option'
          ? { text: 'Pass an existing directory to --codex-home.', command: 'codex-doctor --codex-home ~/.codex' }
          : world.codexHomeNotADirectory
            ? words.setHint(
                'CODEX_HOME',
                `${host.homeDir}/.codex`,
                `${words.show(world.codexHome)} is a file, not a directory: point CODEX_HOME at a directory (Codex keeps config.toml, auth.json and .env there).`,
              )
            : { text: 'Create the directory, or unset CODEX_HOME to use ~/.codex.', command: words.commands.makeDirectory(world.codexHome) },
        ...(world.codexHomeSource === 'CODEX_HOME' ? [words.fix('Or use the default ~/.codex.', unsetEnv('CODEX_HOME', world.provenance))] : []),
      ],
    });
  }
  findings.push(...dotenvFindings(world, words, host));
  if (world.env[PROXY_ACTIVE_VARIABLE] === '1') {
    // Run by Codex itself, in a sandbox behind its managed proxy: these are not the variables Codex starts with.
    findings.push({
      level: 'warn',
      code: 'ENV_INSIDE_CODEX_SANDBOX',
      stage: 'input',
      detail: `${PROXY_ACTIVE_VARIABLE}=1: codex-doctor runs inside a Codex sandbox behind Codex's managed network proxy, so the proxy and CA variables here are the ones Codex gives sandboxed commands, not the ones Codex itself starts with; a refused destination is Codex's own network policy, not the corporate proxy.`,
      hints: [words.manual('Run codex-doctor in your own terminal, outside Codex, to diagnose how Codex reaches OpenAI.', { kind: 'manual', topic: 'run-outside-sandbox' })],
    });
  }

  // --- CA variables ------------------------------------------------------------------------------------
  findings.push(...caFindings(world, trust, words, host));
  findings.push(...versionFindings(world, trust));

  // --- proxies -----------------------------------------------------------------------------------------
  const decisions = [
    ...HTTPS_TARGETS.map((url) => proxyFor('https', url, env, proxyOverride, world.systemProxy)),
    ...WEBSOCKET_TARGETS.map((url) => proxyFor('websocket', url, env, proxyOverride)),
  ];
  findings.push(...proxyFindings(decisions, world, words, host.platform, proxyOverride));
  findings.push(...systemProxyFindings(decisions, world, words, host.platform, proxyOverride));
  findings.push(...loginFallbackFindings(world, host.platform, proxyOverride, (file) => words.show(file)));
  findings.push(...openAiBaseUrlFindings(world, words));

  const problems = findings.filter((f) => f.level !== 'info').length;
  const selected = trust.selection.kind === 'variable' && trust.bundleSupported ? `${trust.selection.variable} wins` : 'No CA bundle: system roots';
  return {
    summary: `${selected}; ${summariseRoutes(decisions)}${problems > 0 ? `; ${problems} problem${problems === 1 ? '' : 's'}` : ''}.`,
    findings,
    evidence: evidence(world, trust, decisions, words),
    data: reportData(world, trust, decisions),
    facts: { trust, proxies: decisions, provenance: world.provenance },
  };
}

// ---------------------------------------------------------------------------------------------------------

function dotenvFindings(world: CodexWorld, words: Speaker, host: Pick<Host, 'platform' | 'cwd' | 'homeDir'>): Finding[] {
  const findings: Finding[] = [];
  const { dotenv } = world;
  const shown = words.dotenv;
  if (dotenv.status === 'unreadable' || dotenv.status === 'not-a-file') {
    findings.push({
      level: 'warn',
      code: 'ENV_DOTENV_UNREADABLE',
      stage: 'read',
      detail: `${shown} exists but cannot be read (${dotenv.error ?? dotenv.status}): Codex silently ignores it, so none of its settings apply.`,
      hints: [
        dotenv.status === 'not-a-file'
          ? { text: `Replace ${shown} with a plain file of NAME=value lines.` }
          : words.manual(`Make ${shown} readable by your user.`, { kind: 'manual', topic: 'file-permissions', file: dotenv.path }, words.commands.makeReadable(dotenv.path, '600')),
      ],
    });
  }
  for (const line of dotenv.skipped) {
    findings.push({
      level: 'warn',
      code: 'ENV_DOTENV_LINE_SKIPPED',
      stage: 'parse',
      detail: `Line ${line.line} of ${shown}${line.key ? ` (${line.key})` : ''} is skipped by Codex without a word: ${line.reason}.`,
      hints: [
        words.manual(
          `Rewrite line ${line.line} as NAME=value; quote a value with blanks in single quotes (no escapes inside), e.g. ${line.key ?? 'NAME'}='value with blanks'.`,
          { kind: 'manual', topic: 'repair-file', file: dotenv.path },
          words.commands.showLines(dotenv.path, line.line),
        ),
      ],
    });
  }
  for (const ignored of dotenv.ignored) {
    const origin = world.provenance[ignored.name];
    const shellSet = origin?.source === 'dotenv-ignored' && origin.shellSet;
    const value = ignored.value !== undefined ? cleanPath(ignored.value, host) : null;
    findings.push({
      level: 'warn',
      code: 'ENV_CODEX_VAR_IN_DOTENV',
      stage: 'input',
      detail: `${ignored.name} is set in ${shown} (line ${ignored.line}), but Codex ignores every CODEX_* name there, ${
        shellSet ? 'so the value from the shell is used instead' : `so ${ignored.name} is not set for Codex`
      }.`,
      hints: [
        words.setHint(ignored.name, value ?? `<value from line ${ignored.line}>`, `Set ${ignored.name} in your shell profile (${words.commands.profile}) instead of ${shown}.`),
      ],
    });
  }
  for (const applied of dotenv.applied) {
    if (!applied.overridesShell || !RELEVANT.has(applied.name)) continue;
    findings.push({
      level: 'info',
      code: 'ENV_DOTENV_OVERRIDES',
      stage: 'input',
      detail: `${applied.name} comes from ${shown} (line ${applied.line}) and overrides the shell's value for Codex.`,
    });
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

function caFindings(world: CodexWorld, trust: TrustPlan, words: Speaker, host: Pick<Host, 'platform' | 'cwd' | 'homeDir' | 'systemStore'>): Finding[] {
  const env = world.env;
  const findings: Finding[] = [];
  const codexCa = env.CODEX_CA_CERTIFICATE;
  const sslFile = env.SSL_CERT_FILE;
  const sslDir = env.SSL_CERT_DIR;

  // Which variable wins, and why.
  let why: string;
  if (!trust.bundleSupported) {
    why = `Codex ${world.codexVersion} predates CA variables (${CODEX_RELEASES.customCa}): it reads neither CODEX_CA_CERTIFICATE nor SSL_CERT_FILE as a bundle.`;
  } else if (trust.selection.kind === 'variable') {
    const { variable, raw } = trust.selection;
    const because =
      variable === 'CODEX_CA_CERTIFICATE'
        ? sslFile !== undefined && sslFile !== ''
          ? ' (it takes precedence over SSL_CERT_FILE, which is not read as the bundle)'
          : ''
        : codexCa === ''
          ? ' because CODEX_CA_CERTIFICATE is set but empty, which counts as unset'
          : world.provenance.CODEX_CA_CERTIFICATE?.source === 'dotenv-ignored'
            ? ` because CODEX_CA_CERTIFICATE is not set (its line in ${words.dotenv} is ignored)`
            : ' because CODEX_CA_CERTIFICATE is not set';
    why = `Codex uses ${variable}=${raw} (${words.origin(variable)})${because}.`;
  } else {
    const empties = (['CODEX_CA_CERTIFICATE', 'SSL_CERT_FILE'] as const).filter((name) => env[name] === '');
    why = `No CA variable is set${empties.length > 0 ? ` (${empties.join(' and ')} ${empties.length === 1 ? 'is' : 'are'} empty, which counts as unset)` : ''}: Codex adds no bundle and relies on the system roots.`;
  }
  findings.push({ level: 'info', code: 'ENV_CA_SELECTED', stage: 'input', detail: why });
  findings.push({ level: 'info', code: 'ENV_CA_SELECTED', stage: 'input', detail: trust.https.sentence });
  findings.push({ level: 'info', code: 'ENV_CA_SELECTED', stage: 'input', detail: trust.websocket.sentence });

  const osStore = osStoreLocations(host);
  const sslDirParts = sslDir === undefined ? [] : sslDir.split(host.platform === 'win32' ? ';' : ':').filter((p) => p !== '');
  const fileIsOsStore = sslFile !== undefined && sslFile !== '' && (osStore?.files.has(resolveAgainst(host.cwd, sslFile, host.platform)) ?? false);
  const dirIsOsStore = sslDirParts.length > 0 && sslDirParts.every((p) => osStore?.dirs.has(withoutTrailingSlash(resolveAgainst(host.cwd, p, host.platform))) ?? false);

  const native = trust.websocket.native;
  if (native?.kind === 'replaced' && native.loadsNothing) {
    const empties = native.plan.replacedBy;
    const bundle = trust.websocket.bundle;
    findings.push({
      level: 'warn',
      code: 'ENV_SSL_CERT_EMPTY',
      stage: 'input',
      detail: `${empties.map((n) => `${n}=""`).join(' and ')}: empty counts as unset when Codex picks a bundle, but rustls-native-certs treats it as set and loads no OS roots, so WebSocket streaming trusts ${
        bundle ? `only ${bundle.raw}` : 'no root at all and cannot verify any server'
      }${trust.https.native ? ` and HTTPS only ${bundle?.raw ?? 'the bundle'} + the Mozilla roots` : ''}.`,
      hints: [words.removeHint(empties[0] ?? 'SSL_CERT_FILE'), ...empties.slice(1).map((name) => words.removeHint(name))],
    });
  } else if (native?.kind === 'replaced') {
    // Docker images and CI runners often point these at the OS store itself: then nothing is replaced.
    for (const [name, value, isOsStore] of [['SSL_CERT_FILE', sslFile, fileIsOsStore], ['SSL_CERT_DIR', sslDir, dirIsOsStore]] as const) {
      if (!isOsStore) continue;
      findings.push({
        level: 'info',
        code: 'ENV_SSL_CERT_POINTS_AT_OS_STORE',
        stage: 'input',
        detail: `${name}=${value} points at the OS store itself: Codex's native roots are the same roots as without it (a root added with update-ca-certificates or update-ca-trust is in there too).`,
      });
    }
    if (sslFile !== undefined && sslFile !== '' && !fileIsOsStore) {
      const bundle = trust.https.bundle;
      const viaCodex = bundle?.variable === 'CODEX_CA_CERTIFICATE';
      findings.push({
        level: 'warn',
        code: 'ENV_SSL_CERT_FILE_REPLACES_OS',
        stage: 'input',
        detail: `SSL_CERT_FILE=${sslFile} replaces the OS trust store for Codex: ${
          viaCodex
            ? `even with CODEX_CA_CERTIFICATE selecting the bundle, Codex's native roots are only ${sslFile}, so the OS store is not used by HTTPS or WebSocket`
            : `HTTPS trusts ${sslFile}${trust.https.mozilla ? ' + the Mozilla roots' : ''}, WebSocket only ${sslFile}`
        }. A corporate root that is in the OS store but not in that file is not trusted (rustls: invalid peer certificate: UnknownIssuer).`,
        // Without CODEX_CA_CERTIFICATE the file is also Codex's bundle: moving it there keeps every root Codex
        // trusts now and gives the OS store back (unsetting it would drop a corporate root the file may hold).
        hints: viaCodex
          ? [words.removeHint('SSL_CERT_FILE', { after: 'if another tool left it behind' })]
          : [
              words.moveHint(
                'SSL_CERT_FILE',
                'CODEX_CA_CERTIFICATE',
                cleanPath(sslFile, host),
                'Give the same file to Codex with CODEX_CA_CERTIFICATE and unset SSL_CERT_FILE: Codex keeps trusting it, for login and streaming, and trusts the OS store again.',
              ),
              words.removeHint('SSL_CERT_FILE', { before: 'Or', after: 'if another tool left it behind' }),
            ],
      });
    }
    if (sslDir !== undefined && sslDir !== '' && !dirIsOsStore) {
      findings.push({
        level: 'warn',
        code: 'ENV_SSL_CERT_DIR_REPLACES_OS',
        stage: 'input',
        detail: `SSL_CERT_DIR=${sslDir} replaces the OS trust store as Codex's native roots: ${
          trust.https.native ? 'WebSocket and HTTPS load' : 'WebSocket loads'
        } only the hash-named files (like 5ed36f99.0) in it, not the OS store.`,
        hints: [words.removeHint('SSL_CERT_DIR')],
      });
    }
  }

  // With the bundle loaded, SSL_CERT_FILE naming the OS store is the recommended setup: OS store + bundle.
  const sslFileHarmless = trust.bundleSupported && fileIsOsStore;
  if (codexCa !== undefined && codexCa !== '' && sslFile !== undefined && sslFile !== '' && resolveAgainst(host.cwd, codexCa, host.platform) !== resolveAgainst(host.cwd, sslFile, host.platform) && !sslFileHarmless) {
    findings.push({
      level: 'warn',
      code: 'ENV_CA_VARS_DIFFER',
      stage: 'input',
      ...(trust.bundleSupported
        ? {
            detail: `CODEX_CA_CERTIFICATE=${codexCa} and SSL_CERT_FILE=${sslFile} name different files: only CODEX_CA_CERTIFICATE is loaded as the bundle; SSL_CERT_FILE's certificates are trusted only as native roots.`,
            hints: [words.removeHint('SSL_CERT_FILE', { after: 'unless you need its roots next to the bundle' })],
          }
        : {
            // Before 0.115.0 neither is a bundle, and SSL_CERT_FILE may be all that makes the proxy's root trusted.
            detail: `CODEX_CA_CERTIFICATE=${codexCa} and SSL_CERT_FILE=${sslFile} name different files, and Codex ${world.codexVersion} (before ${CODEX_RELEASES.customCa}) loads neither as a bundle: it ignores CODEX_CA_CERTIFICATE, while SSL_CERT_FILE replaces the OS store ${
              trust.https.verifier === 'openssl' ? "as OpenSSL's CA file for HTTPS and as the native roots of WebSocket" : 'as the native roots of WebSocket'
            }.`,
            hints: upgradeCodexHints(` to ${CODEX_RELEASES.customCa} or later so that it loads CODEX_CA_CERTIFICATE`),
          }),
    });
  }

  // Path values exactly as Codex uses them: no trimming, no ~, relative to where codex starts.
  for (const name of ['CODEX_CA_CERTIFICATE', 'SSL_CERT_FILE', 'SSL_CERT_DIR'] as const) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const finding = pathValueFinding(name, value, words, host);
    if (finding) findings.push(finding);
  }

  // CA variables of other tools.
  const bundle = trust.https.bundle;
  const osStoreFiles = osStoreLocations(host)?.files;
  for (const name of OTHER_TOOL_CA_VARIABLES) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (bundle && resolveAgainst(host.cwd, value, host.platform) === bundle.path) continue;
    // The OS bundle for a tool while Codex itself adds nothing to the OS store (or uses that very file): same roots.
    if (osStoreFiles?.has(resolveAgainst(host.cwd, value, host.platform)) && (!bundle || osStoreFiles.has(bundle.path))) continue;
    findings.push({
      level: 'warn',
      code: 'ENV_OTHER_CA_VAR_DIFFERS',
      stage: 'input',
      detail: bundle
        ? `${name}=${value} names a different file than Codex's bundle (${bundle.raw}): tools that Codex runs in its sandbox and MCP servers it starts trust other roots than Codex itself.`
        : `${name}=${value} does nothing for Codex itself (a native binary, not ${name === 'NODE_EXTRA_CA_CERTS' ? 'Node.js' : 'Python'}); only tools Codex runs in its sandbox and MCP servers it starts read it. Codex uses no bundle.`,
      hints: [
        bundle
          ? words.setHint(name, bundle.path, `Point ${name} at the bundle Codex uses.`)
          : words.setHint('CODEX_CA_CERTIFICATE', cleanPath(value, host), 'Give Codex the same file with CODEX_CA_CERTIFICATE.'),
      ],
    });
  }

  for (const setting of INSECURE_SETTINGS) {
    const value = env[setting.name];
    if (value === undefined || !setting.insecure(value)) continue;
    findings.push({
      level: 'warn',
      code: 'ENV_INSECURE_WORKAROUND',
      stage: 'input',
      detail: `${setting.name}=${value} turns certificate verification off for ${setting.tool}. Codex never reads it, so it does not help Codex, and it leaves other tools open to interception.`,
      hints: [
        words.removeHint(setting.name, { after: 'and fix trust instead' }),
        ...(bundle ? [] : [words.setHint('CODEX_CA_CERTIFICATE', '/path/to/corporate-root.pem', 'Give Codex the corporate root certificate (PEM) instead.')]),
      ],
    });
  }
  return findings;
}

function pathValueFinding(name: string, value: string, words: Speaker, host: Pick<Host, 'platform' | 'cwd' | 'homeDir'>): Finding | null {
  const parts = name === 'SSL_CERT_DIR' ? value.split(host.platform === 'win32' ? ';' : ':') : [value];
  const issues: Array<{ code: 'ENV_VALUE_QUOTED' | 'ENV_VALUE_WHITESPACE' | 'ENV_VALUE_TILDE' | 'ENV_VALUE_RELATIVE'; words: string }> = [];
  if (/^["']|["']$/.test(value)) issues.push({ code: 'ENV_VALUE_QUOTED', words: 'contains literal quotes, which Codex keeps as part of the path' });
  if (/^\s|\s$/.test(value)) issues.push({ code: 'ENV_VALUE_WHITESPACE', words: 'has leading or trailing blanks, which Codex keeps as part of the path' });
  if (parts.some((p) => p.trimStart().replace(/^["']/, '').startsWith('~'))) {
    issues.push({ code: 'ENV_VALUE_TILDE', words: 'starts with ~, which Codex does not expand (only a shell does, and not inside quotes)' });
  }
  const relative = parts.filter((p) => p !== '' && resolveAgainst(host.cwd, p, host.platform) !== p);
  if (issues.length === 0 && relative.length > 0) {
    issues.push({ code: 'ENV_VALUE_RELATIVE', words: `is relative, so it depends on the directory codex is started from (from ${host.cwd} it opens ${resolveAgainst(host.cwd, relative[0]!, host.platform)})` });
  }
  const first = issues[0];
  if (!first) return null;
  const opened = name === 'SSL_CERT_DIR' ? '' : ` Codex opens ${JSON.stringify(resolveAgainst(host.cwd, value, host.platform))}.`;
  return {
    level: 'warn',
    code: first.code,
    stage: 'input',
    detail: `${name}=${JSON.stringify(value)} ${issues.map((i) => i.words).join('; it also ')}.${opened}`,
    hints: [
      words.setHint(name, parts.map((p) => cleanPath(p, host)).join(host.platform === 'win32' ? ';' : ':'), `Set ${name} to the absolute path, without quotes or blanks.`),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------

function versionFindings(world: CodexWorld, trust: TrustPlan): Finding[] {
  const version = world.codexVersion;
  if (version === null) {
    return [
      {
        level: 'info',
        code: 'ENV_CODEX_VERSION',
        stage: 'input',
        detail: `\`codex --version\` did not answer (codex is not on PATH, or it failed): the advice assumes Codex ${ASSUMED_CODEX_RELEASE}, the release it was checked against.`,
      },
    ];
  }
  if (!versionAtLeast(version, CODEX_RELEASES.customCa)) {
    return [
      {
        level: 'warn',
        code: 'ENV_CODEX_TOO_OLD',
        stage: 'input',
        detail: `Codex ${version} predates custom CA support (${CODEX_RELEASES.customCa}): it ignores CODEX_CA_CERTIFICATE, so no bundle can make it trust a corporate root.`,
        hints: upgradeCodexHints(),
      },
    ];
  }
  if (!versionAtLeast(version, CODEX_RELEASES.rustlsHttps) && trust.selection.kind === 'variable') {
    return [
      {
        level: 'info',
        code: 'ENV_CODEX_HTTPS_NOT_RUSTLS',
        stage: 'input',
        detail: `Codex ${version} adds the bundle to the platform TLS library for HTTPS (login, API) but verifies WebSocket with rustls, so the two can disagree; ${CODEX_RELEASES.rustlsHttps} and later use rustls for both.`,
        hints: upgradeCodexHints(),
      },
    ];
  }
  return [{ level: 'info', code: 'ENV_CODEX_VERSION', stage: 'input', detail: `Codex ${version} is installed.` }];
}

// ---------------------------------------------------------------------------------------------------------

function proxyFindings(decisions: ProxyDecision[], world: CodexWorld, words: Speaker, platform: NodeJS.Platform, override: string | undefined): Finding[] {
  const env = world.env;
  const findings: Finding[] = [];

  for (const transport of ['https', 'websocket'] as const) {
    const mine = decisions.filter((d) => d.transport === transport);
    findings.push({
      level: 'info',
      code: 'ENV_PROXY_SELECTED',
      stage: 'input',
      detail: `${transportName(transport)}: ${groupByRoute(mine, words)}.`,
    });
  }

  for (const conflict of caseConflicts(env)) {
    // HTTP_PROXY is a WebSocket fallback only: the HTTPS client never uses it for https:// URLs (§5).
    const httpPair = conflict.upper === 'HTTP_PROXY';
    if (conflict.upperEmpty && !httpPair) {
      findings.push(emptyUpperFinding(conflict, decisions, words));
      continue;
    }
    findings.push({
      level: 'warn',
      code: 'ENV_PROXY_CASE_CONFLICT',
      stage: 'input',
      detail: conflict.upperEmpty
        ? `${conflict.upper} is set but empty, which hides ${conflict.lower}=${conflict.lowerValue}: Codex uses neither, ${
            httpPair ? "so WebSocket streaming cannot fall back to it (Codex's HTTPS client never uses either for https:// URLs)" : 'for HTTPS or WebSocket'
          }.`
        : `${conflict.upper}=${conflict.upperValue} and ${conflict.lower}=${conflict.lowerValue} differ: Codex uses ${conflict.upper} (upper case wins) ${
            httpPair ? "for WebSocket streaming when HTTPS_PROXY is unset (its HTTPS client never uses either for https:// URLs)" : 'for both transports'
          }, while other tools may pick ${conflict.lower}.`,
      // Upper case wins, so the fix is always on the upper-case name: it decides what Codex uses.
      hints: conflict.upperEmpty
        ? [words.removeHint(conflict.upper)]
        : [
            words.copyHint(
              conflict.upper,
              conflict.lower,
              `If ${conflict.lower} holds the right proxy, give ${conflict.upper} its value: Codex reads ${conflict.upper}, and both spellings then agree.`,
            ),
            words.removeHint(conflict.upper, { before: 'Or', after: `so that Codex reads ${conflict.lower}` }),
          ],
    });
  }

  // A proxy Codex selects but cannot use, once per transport and variable.
  const seen = new Set<string>();
  for (const d of decisions) {
    if (d.kind !== 'unsupported' && d.kind !== 'invalid') continue;
    const key = `${d.transport}:${d.variable}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const hosts = decisions.filter((o) => o.transport === d.transport && o.kind === d.kind && o.variable === d.variable).map((o) => hostOf(o.target));
    if (d.kind === 'invalid') {
      findings.push({
        level: 'warn',
        code: 'ENV_PROXY_INVALID_URL',
        stage: 'input',
        detail: `${d.variable}=${d.value} is not a valid proxy URL: WebSocket connections to ${listWords(hosts)} fail with "${d.message}".`,
        hints: [words.setHint(d.variable, 'http://PROXY_HOST:PORT', 'Write it as http://host:port, percent-encoding any : / @ # ? in the user name or password.')],
      });
      continue;
    }
    const example = d.transport === 'websocket' ? httpVersionOf(d.value) : 'http://PROXY_HOST:PORT';
    findings.push({
      level: 'warn',
      code: 'ENV_PROXY_SCHEME_UNSUPPORTED',
      stage: 'input',
      detail:
        d.transport === 'https'
          ? `${proxySetting(d.variable, d.value)} is a ${d.scheme}:// proxy, but SOCKS is not compiled into Codex's HTTPS client: login and API requests to ${listWords(hosts)} fail ("error sending request for url").`
          : `${d.variable}=${d.value} ${d.scheme === '' ? 'has no scheme' : `is an ${d.scheme}:// proxy`}, which Codex's WebSocket client cannot use: streaming to ${listWords(hosts)} fails with "${d.message}", and Codex falls back to HTTPS after 5 attempts.`,
      // A SOCKS proxy has no http:// form to derive: which HTTP proxy to use is the user's to look up (or IT's to
      // name), never a placeholder written into a profile.
      hints: [
        d.transport === 'https'
          ? words.manual(
              `${d.variable === 'system' ? 'Set HTTPS_PROXY to an HTTP proxy: Codex then uses it instead of the system setting' : `Point ${d.variable} at an HTTP proxy`}, written http://host:port. The doctor cannot know its address: your browser's proxy settings or PAC file name it (most corporate proxies also accept plain-HTTP CONNECT, often on port 8080 or 3128); if there is none, ask your network team for one.`,
              { kind: 'manual', topic: 'find-proxy-address' },
            )
          : words.setHint(
              fixableVariable(d.variable),
              example,
              `Use the proxy's http:// address (most proxies accept plain-HTTP CONNECT; check the port with the network team)${d.value.includes('@') ? ', with the same user name and password in front of the host' : ''}.`,
            ),
      ],
    });
  }

  // HTTPS silently skips an unparseable value and moves on.
  const skippedNotes = new Map<string, string>();
  for (const d of decisions) {
    for (const note of d.notes) if (note.kind === 'ignored-invalid' || note.kind === 'ignored-scheme') skippedNotes.set(note.variable, note.text);
  }
  for (const [variable, text] of skippedNotes) {
    findings.push({
      level: 'warn',
      code: 'ENV_PROXY_INVALID_URL',
      stage: 'input',
      detail: `${text}; Codex then ${describeProxyDecision(decisions.find((d) => d.transport === 'https')!)}.`,
      hints: [words.setHint(fixableVariable(variable), 'http://PROXY_HOST:PORT', 'Write it as http://host:port, percent-encoding any : / @ # ? in the user name or password.')],
    });
  }

  findings.push(...unencodedAtFindings(decisions, env, words, override));

  const httpOnly = decisions.find((d) => d.transport === 'https' && d.kind === 'direct' && d.notes.some((n) => n.kind === 'http-proxy-not-for-https'));
  if (httpOnly) {
    const http = proxyVariableInEffect(env, PROXY_VARIABLE_PAIRS[1])!;
    const wsUses = decisions.some((d) => d.transport === 'websocket' && (d.kind === 'proxy' || d.kind === 'unsupported' || d.kind === 'invalid') && d.variable === http.variable);
    const fromDotenv = world.provenance[http.variable]?.source === 'dotenv';
    findings.push({
      level: 'warn',
      code: 'ENV_PROXY_HTTP_ONLY',
      stage: 'input',
      detail: `Only ${http.variable}=${redactProxyValue(http.value)} is set: Codex's HTTPS client (login, API) never uses it for https:// URLs and connects directly${
        wsUses ? ', while WebSocket streaming does use it' : ''
      }.`,
      hints: [
        fromDotenv
          ? words.copyHint('HTTPS_PROXY', http.variable, `Add HTTPS_PROXY with the same value as ${http.variable} to ${words.dotenv}.`)
          : words.copyHint('HTTPS_PROXY', http.variable, 'Set HTTPS_PROXY to the same proxy.'),
      ],
    });
  }

  // NO_PROXY entries that send Codex's own hosts around the proxy.
  const byEntry = new Map<string, ProxyDecision[]>();
  for (const d of decisions) if (d.kind === 'bypassed') byEntry.set(`${d.noProxyVariable}\u0000${d.noProxyEntry}`, [...(byEntry.get(`${d.noProxyVariable}\u0000${d.noProxyEntry}`) ?? []), d]);
  for (const group of byEntry.values()) {
    const first = group[0]!;
    if (first.kind !== 'bypassed') continue;
    const fromSystem = first.noProxyVariable === 'ProxyOverride';
    const list = fromSystem ? (world.systemProxy?.noProxy ?? '') : (env[first.noProxyVariable] ?? '');
    const rest = list
      .split(',')
      .map((e) => e.trim())
      .filter((e) => e !== '' && e !== first.noProxyEntry);
    const routes = (['https', 'websocket'] as const)
      .map((t) => {
        const hosts = [...new Set(group.filter((d) => d.transport === t).map((d) => hostOf(d.target)))];
        return hosts.length > 0 ? `${transportShort(t)} to ${listWords(hosts)}` : null;
      })
      .filter((x): x is string => x !== null);
    const other = decisions.filter((d) => !group.includes(d) && d.kind === 'proxy' && group.some((g) => hostOf(g.target) === hostOf(d.target)));
    findings.push({
      level: 'warn',
      code: 'ENV_NO_PROXY_BYPASS',
      stage: 'input',
      detail: `${proxySourceName(first.noProxyVariable)} entry "${first.noProxyEntry}" makes Codex skip the proxy (${proxySourceName(first.variable)}) and connect directly for ${routes.join(' and ')}${
        other.length > 0 ? ` (${[...new Set(other.map((d) => transportShort(d.transport)))].join(', ')} still use${other.length === 1 ? 's' : ''} the proxy: the two transports match NO_PROXY differently)` : ''
      }. Where the proxy is the only way out, those connections fail.`,
      hints: [
        fromSystem
          ? // NO_PROXY, once set, replaces the system exceptions for Codex.
            words.setHint(
              'NO_PROXY',
              rest.length > 0 ? rest.join(',') : 'localhost,127.0.0.1',
              `Remove "${first.noProxyEntry}" from the exceptions in the Windows proxy settings (Settings > Network & internet > Proxy), or set NO_PROXY, which Codex reads instead of them.`,
            )
          : rest.length > 0
            ? words.setHint(first.noProxyVariable, rest.join(','), `Remove "${first.noProxyEntry}" from ${first.noProxyVariable}.`)
            : words.removeHint(first.noProxyVariable),
      ],
    });
  }
  return findings;
}

/** The variable a fix sets: HTTPS_PROXY stands in for the system settings, which it takes precedence over. */
function fixableVariable(variable: string): string {
  return variable === 'system' ? 'HTTPS_PROXY' : variable;
}

/**
 * An unencoded `@` in a proxy's user name or password: hyper-util (HTTPS) ends the userinfo at the first
 * `@`, http::Uri (WebSocket) at the last, so HTTPS sends other credentials than the user wrote.
 */
function unencodedAtFindings(decisions: ProxyDecision[], env: Readonly<Record<string, string>>, words: Speaker, override: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<ProxyVariable>();
  for (const d of decisions) {
    if (d.transport !== 'https' || d.kind !== 'proxy' || d.variable === 'system' || seen.has(d.variable)) continue;
    seen.add(d.variable);
    const raw = d.variable === '--proxy' ? override : env[d.variable];
    const split = raw === undefined ? null : unencodedAtInUserinfo(raw);
    if (raw === undefined || split === null) continue;
    const websocketUses = decisions.some((w) => w.transport === 'websocket' && w.kind === 'proxy' && w.variable === d.variable);
    const inUser = split.websocket.username.includes('@');
    const host = d.url.host.includes(':') ? `[${d.url.host}]` : d.url.host;
    // The user name is not a secret; the password never appears, not even the part before the @.
    const example = `${d.url.scheme}://${encodeURIComponent(split.websocket.username)}${split.websocket.hasPassword ? ':PASSWORD' : ''}@${host}:${d.url.port}`;
    findings.push({
      level: 'warn',
      code: 'ENV_PROXY_UNENCODED_AT',
      stage: 'input',
      detail: `${proxySetting(d.variable, redactProxyValue(raw))} has an unencoded @ in its ${inUser ? 'user name' : 'password'}: Codex's HTTPS client (login, API) ends the credentials at the first @ and sends user "${split.https.username}" ${
        split.https.hasPassword ? 'with only the part of the password before that @' : 'without a password'
      }, so a proxy that checks them refuses login with 407${
        websocketUses ? `, while WebSocket streaming ends them at the last @ and sends user "${split.websocket.username}" with the whole password` : ''
      }. Write each @ in the user name or password as %40.`,
      hints: [
        { text: `Percent-encode the ${inUser ? 'user name and the password' : 'password'}: run this with the real value in place of PASSWORD (keep the single quotes); @ becomes %40.`, command: words.commands.percentEncode(), action: { kind: 'manual', topic: 'encode-credentials' } },
        words.setHint(fixableVariable(d.variable), example, `Then set ${d.variable === '--proxy' ? 'the proxy' : d.variable} with the encoded value in place of PASSWORD.`),
      ],
    });
  }
  return findings;
}

/**
 * What the macOS/Windows system proxy settings change for Codex: its HTTPS client fills in from them
 * (manual settings only), its WebSocket client never reads them, and PAC only counts with
 * `[features] respect_system_proxy` (which the doctor cannot evaluate).
 */
function systemProxyFindings(decisions: ProxyDecision[], world: CodexWorld, words: Speaker, platform: NodeJS.Platform, override: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const osName = platform === 'darwin' ? 'macOS' : 'Windows';
  const respect = world.config.respectSystemProxy;
  const system = world.systemProxy;
  if (respect?.value === true && (platform === 'darwin' || platform === 'win32')) {
    const pacCommand = platform === 'darwin' ? 'scutil --proxy' : 'netsh winhttp show proxy';
    findings.push({
      level: 'warn',
      code: 'ENV_RESPECT_SYSTEM_PROXY_PAC',
      stage: 'input',
      detail: `[features] respect_system_proxy = true (${words.show(respect.file)}): on ${osName} Codex asks the system first, PAC file and automatic discovery (WPAD) included, and a "direct" answer there overrides HTTPS_PROXY. The doctor cannot evaluate PAC: its proxy verdicts follow the environment and the manual system settings, so Codex may route differently${
        system?.pac ? ` (the system names ${system.pac})` : ''
      }.`,
      hints: [
        {
          text:
            platform === 'darwin'
              ? 'See the PAC setting Codex consults (ProxyAutoConfigURLString, ProxyAutoDiscoveryEnable) and ask the network team what it returns for https://auth.openai.com and https://chatgpt.com.'
              : 'See the system proxy Codex consults, then ask the network team what the PAC file returns for https://auth.openai.com and https://chatgpt.com.',
          command: pacCommand,
        },
        words.fix('To let the environment decide, as the doctor assumes, turn the feature off.', {
          kind: 'edit-config',
          file: respect.file,
          changes: [{ op: 'set', path: ['features', 'respect_system_proxy'], value: false }],
        }),
      ],
    });
  }
  if (system === null || override !== undefined) return findings;

  const httpsVariable = proxyVariableInEffect(world.env, PROXY_VARIABLE_PAIRS[0]);
  const httpsUnset = httpsVariable === null || httpsVariable.value === '';
  if (system.error !== null) {
    const noProxy = proxyVariableInEffect(world.env, PROXY_VARIABLE_PAIRS[3]);
    if (httpsUnset || (system.platform === 'win32' && (noProxy === null || noProxy.value === ''))) {
      findings.push({
        level: 'warn',
        code: 'ENV_SYSTEM_PROXY_UNREAD',
        stage: 'input',
        detail: `The ${osName} proxy settings could not be read (${system.error}). Codex's HTTPS client uses a proxy set there when HTTPS_PROXY is unset, so the HTTPS verdicts here assume there is none.`,
        hints: [words.manual('Look at the settings yourself: an HTTPS proxy listed there is what Codex uses for login and the API.', { kind: 'manual', topic: 'system-proxy-settings' }, system.command)],
      });
    }
    return findings;
  }

  const viaSystem = decisions.find((d) => d.transport === 'https' && d.kind === 'proxy' && d.variable === 'system');
  const usesSystem = decisions.some((d) => d.transport === 'https' && 'variable' in d && d.variable === 'system');
  const allDirect = decisions.filter((d) => d.transport === 'https').every((d) => d.kind === 'direct');
  const pacIgnored = system.pac !== null && allDirect && respect?.value !== true;
  if (system.https !== null || system.noProxy !== null || system.exceptions.length > 0 || (system.pac !== null && !pacIgnored)) {
    findings.push({
      level: 'info',
      code: 'ENV_SYSTEM_PROXY',
      stage: 'input',
      detail: `${osName} proxy settings (${system.command}): ${system.https === null ? 'no HTTPS proxy' : `HTTPS proxy ${redactProxyValue(system.https)}`}${
        system.noProxy !== null ? `, exceptions ${system.noProxy}` : ''
      }. Codex's HTTPS client uses them where HTTPS_PROXY is unset or empty${usesSystem ? ' (as here)' : httpsUnset ? '' : ' (here HTTPS_PROXY is set)'}; its WebSocket client never reads them.${
        system.exceptions.length > 0 ? ` The bypass list (${system.exceptions.join(', ')}) is not applied by Codex.` : ''
      }${system.pac !== null && !pacIgnored ? ` The automatic configuration (${system.pac}) is ignored unless [features] respect_system_proxy = true.` : ''}`,
    });
  }
  const websocketDirect = decisions.filter((d) => d.transport === 'websocket' && d.kind === 'direct').map((d) => hostOf(d.target));
  if (viaSystem?.kind === 'proxy' && websocketDirect.length > 0) {
    findings.push({
      level: 'warn',
      code: 'ENV_SYSTEM_PROXY_HTTPS_ONLY',
      stage: 'input',
      detail: `Login and API requests go through the ${osName} proxy setting ${viaSystem.url.display}, but Codex's WebSocket client does not read the system settings and connects directly to ${listWords([...new Set(websocketDirect)])}: where the proxy is the only way out, streaming fails and Codex falls back to HTTPS after 5 attempts.`,
      hints: [
        words.setHint('HTTPS_PROXY', `http://${viaSystem.url.host.includes(':') ? `[${viaSystem.url.host}]` : viaSystem.url.host}:${viaSystem.url.port}`, 'Give Codex the same proxy in HTTPS_PROXY: both transports read it.'),
      ],
    });
  }
  if (pacIgnored) {
    findings.push({
      level: 'warn',
      code: 'ENV_SYSTEM_PROXY_PAC_IGNORED',
      stage: 'input',
      detail: `${osName} gets its proxy from automatic configuration (${system.pac}), which Codex does not read: with no HTTPS_PROXY and no manual proxy setting, Codex connects directly. Where the PAC file sends browsers through a proxy, Codex's connections fail.`,
      hints: [
        words.setHint('HTTPS_PROXY', 'http://proxy.example.corp:8080', 'Find the proxy the PAC file gives for https://chatgpt.com (your browser uses it; the network team knows it) and set it for Codex.'),
      ],
    });
  }
  return findings;
}

/** OPENAI_BASE_URL: the built-in provider's base URL before 0.119.0, ignored since (codex-behavior.md §6). */
function openAiBaseUrlFindings(world: CodexWorld, words: Speaker): Finding[] {
  const value = world.env.OPENAI_BASE_URL;
  if (value === undefined || value.trim() === '') return [];
  const shown = redactUrl(value);
  const version = world.codexVersion;
  const since = CODEX_RELEASES.openaiBaseUrlEnvIgnored;
  // The edit carries the value only when it holds nothing secret; else the user fills in the redacted parts.
  const file = `${world.codexHome}${world.dotenv.path.includes('\\') ? '\\' : '/'}config.toml`;
  const text = `Set the base URL in config.toml instead (a top-level key: above the first [table])${shown === value ? '' : ', with the parts shown as [redacted] filled in'}.`;
  const snippet: Hint =
    shown === value
      ? words.fix(text, { kind: 'edit-config', file, changes: [{ op: 'set', path: ['openai_base_url'], value }] })
      : { text, snippet: `# ${words.show(file)}\nopenai_base_url = ${JSON.stringify(shown)}`, action: { kind: 'manual', topic: 'repair-file', file } };
  if (honouredOpenAiBaseUrl(world.env, version) !== undefined) {
    return [
      {
        level: 'info',
        code: 'ENV_OPENAI_BASE_URL_USED',
        stage: 'input',
        detail: `OPENAI_BASE_URL=${shown} (${words.origin('OPENAI_BASE_URL')}) is the base URL of Codex's built-in provider in Codex ${version}: the model API goes there. Codex ${since} and later ignore the variable.`,
        hints: [{ ...snippet, text: `Before upgrading Codex, move it to config.toml (a top-level key: above the first [table])${shown === value ? '' : ', with the parts shown as [redacted] filled in'}.` }],
      },
    ];
  }
  // The config key already says where the API goes: the variable is moot.
  if (world.config.openaiBaseUrl) return [];
  return [
    {
      level: 'warn',
      code: 'ENV_OPENAI_BASE_URL_IGNORED',
      stage: 'input',
      detail: `OPENAI_BASE_URL=${shown} is set (${words.origin('OPENAI_BASE_URL')}), but ${
        version === null ? `Codex ignores it from ${since} on (the installed version is unknown; Codex ${ASSUMED_CODEX_RELEASE} is assumed)` : `Codex ${version} ignores it (since ${since})`
      }: the built-in provider still sends the model API to OpenAI (api.openai.com or chatgpt.com), not to ${shown}.`,
      hints: [snippet],
    },
  ];
}

/**
 * `HTTPS_PROXY=""` (or ALL_PROXY, NO_PROXY) beside a set lower-case twin: Codex uses neither, on both
 * transports (confirmed on the real 0.169.0 binary, §5): say which connections that sends direct.
 */
function emptyUpperFinding(conflict: CaseConflict, decisions: ProxyDecision[], words: Speaker): Finding {
  const hidden = `${conflict.upper} is set but empty, which hides ${conflict.lower}=${conflict.lowerValue}: Codex uses neither, for HTTPS and WebSocket alike`;
  let consequence: string;
  if (conflict.upper === 'NO_PROXY') {
    consequence = ', so no host bypasses the proxy';
  } else {
    const direct = (transport: Transport): string[] =>
      [...new Set(decisions.filter((d) => d.transport === transport && d.kind === 'direct' && d.hiddenBy?.upper === conflict.upper).map((d) => hostOf(d.target)))];
    const parts = (['https', 'websocket'] as const).flatMap((t) => (direct(t).length > 0 ? [`${transportName(t)} to ${listWords(direct(t))}`] : []));
    consequence = parts.length > 0 ? `, so Codex connects directly, not through ${conflict.lowerValue}: ${parts.join('; ')}` : '';
  }
  return {
    level: 'warn',
    code: 'ENV_PROXY_EMPTY_UPPER',
    stage: 'input',
    detail: `${hidden}${consequence}.`,
    hints: [words.removeHint(conflict.upper, { after: `so that Codex reads ${conflict.lower}` })],
  };
}

function transportName(transport: Transport): string {
  switch (transport) {
    case 'https':
      return 'HTTPS (login, API)';
    case 'websocket':
      return 'WebSocket (streaming)';
  }
}

function transportShort(transport: Transport): string {
  switch (transport) {
    case 'https':
      return 'HTTPS';
    case 'websocket':
      return 'WebSocket';
  }
}

function groupByRoute(decisions: ProxyDecision[], words: Speaker): string {
  const groups = new Map<string, string[]>();
  for (const d of decisions) {
    const clause = describeProxyDecision(d, (variable) => words.origin(variable));
    groups.set(clause, [...(groups.get(clause) ?? []), hostOf(d.target)]);
  }
  return [...groups].map(([clause, hosts]) => `to ${listWords([...new Set(hosts)])} it ${clause}`).join('; ');
}

/** "HTTPS and WebSocket via http://proxy:3128" or "HTTPS direct, WebSocket via ...". */
function summariseRoutes(decisions: ProxyDecision[]): string {
  const route = (t: Transport): string => {
    const words = new Set(
      decisions
        .filter((d) => d.transport === t)
        .map((d) => (d.kind === 'proxy' ? `via ${d.url.display}` : d.kind === 'unsupported' || d.kind === 'invalid' ? 'an unusable proxy' : 'direct')),
    );
    return [...words].join(' or ');
  };
  const https = route('https');
  const websocket = route('websocket');
  return https === websocket ? `HTTPS and WebSocket ${https}` : `HTTPS ${https}, WebSocket ${websocket}`;
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function hostOf(url: string): string {
  return new URL(url).host;
}

/** `https://alice:[redacted]@proxy:8443/` -> `http://proxy:8443` (credentials are never put in a command). */
function httpVersionOf(redacted: string): string {
  const rest = redacted.includes('://') ? redacted.slice(redacted.indexOf('://') + 3) : redacted;
  const hostPort = rest.slice(rest.lastIndexOf('@') + 1).split(/[/?#]/)[0];
  return `http://${hostPort}`;
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

function evidence(world: CodexWorld, trust: TrustPlan, decisions: ProxyDecision[], words: Speaker): EvidenceSection[] {
  const variables: string[] = [];
  for (const name of RELEVANT) {
    const origin = world.provenance[name];
    const value = world.env[name];
    if (value === undefined && origin?.source !== 'dotenv-ignored') continue;
    const shown = value === undefined ? '(not set)' : PROXY_NAMES.has(name) ? redactProxyValue(value) : value;
    variables.push(`${name}=${JSON.stringify(shown)}  <- ${describeOrigin(name, origin, words.dotenv)}`);
  }
  const dotenv = world.dotenv;
  const dotenvLines = [
    `${words.dotenv}: ${dotenv.status}${dotenv.error ? ` (${dotenv.error})` : ''}`,
    ...dotenv.applied.map((a) => `line ${a.line}: ${a.name} applied${a.overridesShell ? ' (overrides the shell)' : ''}`),
    ...dotenv.ignored.map((i) => `line ${i.line}: ${i.name} ignored (CODEX_* names are not allowed in .env)`),
    ...dotenv.skipped.map((s) => `line ${s.line}: skipped, ${s.reason}`),
  ];
  return [
    { title: 'Variables Codex reads', lines: variables.length > 0 ? variables : ['(none of the CA or proxy variables is set)'] },
    { title: 'What each transport trusts', lines: [trust.https.sentence, trust.websocket.sentence] },
    {
      title: 'Route to each Codex host',
      lines: decisions.flatMap((d) => [`${transportShort(d.transport)} ${d.target}: ${describeProxyDecision(d)}`, ...d.notes.map((n) => `  note: ${n.text}`)]),
    },
    { title: `CODEX_HOME (${world.codexHomeSource})`, lines: [world.codexHome, ...dotenvLines] },
    ...(world.systemProxy ? [systemProxyEvidence(world.systemProxy)] : []),
  ];
}

function systemProxyEvidence(system: NonNullable<CodexWorld['systemProxy']>): EvidenceSection {
  const lines =
    system.error !== null
      ? [`not read: ${system.error}`]
      : [
          `HTTPS proxy (used by Codex HTTPS where HTTPS_PROXY is empty): ${system.https === null ? 'none' : redactProxyValue(system.https)}`,
          ...(system.noProxy !== null ? [`exceptions (used as NO_PROXY where it is empty): ${system.noProxy}`] : []),
          ...(system.exceptions.length > 0 ? [`bypass list (not applied by Codex): ${system.exceptions.join(', ')}`] : []),
          `automatic configuration (ignored unless respect_system_proxy): ${system.pac ?? 'none'}`,
        ];
  return { title: `System proxy settings (${system.command})`, lines };
}

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
