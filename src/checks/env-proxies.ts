// env.precedence, proxy half: the route Codex's two clients take to each of its hosts, and the findings about
// it (proxy values a client cannot use, case conflicts, NO_PROXY entries, the macOS/Windows system settings,
// OPENAI_BASE_URL) with the fix each one calls for. The words layer (src/words/env-proxy.ts) says them.
import { API_KEY_BASE_URL, CHATGPT_BASE_URL, honouredOpenAiBaseUrl, ISSUER, websocketUrl } from '../codex/endpoints.js';
import {
  caseConflicts,
  PROXY_VARIABLE_PAIRS,
  proxyFor,
  proxyVariableInEffect,
  redactProxyValue,
  unencodedAtInUserinfo,
  type CaseConflict,
  type ProxyDecision,
  type ProxyVariable,
} from '../codex/proxy.js';
import type { CodexWorld } from '../codex/world.js';
import { redactUrl } from '../core/redact.js';
import type { Finding, FixAction } from '../core/types.js';
import * as proxyWords from '../words/env-proxy.js';
import { hostOf } from '../words/env-proxy.js';
import type { Speaker } from '../words/speaker.js';

/** The HTTPS and WebSocket URLs Codex uses for login and the model API (both auth modes). */
const HTTPS_TARGETS = [ISSUER, API_KEY_BASE_URL, CHATGPT_BASE_URL];
const WEBSOCKET_TARGETS = [CHATGPT_BASE_URL, API_KEY_BASE_URL].map(websocketUrl).filter((url): url is string => url !== null);

/** Codex's route to each of its hosts, per transport; `override` is the doctor's --proxy. */
export function proxyDecisions(world: CodexWorld, override: string | undefined): ProxyDecision[] {
  return [
    ...HTTPS_TARGETS.map((url) => proxyFor('https', url, world.env, override, world.systemProxy)),
    ...WEBSOCKET_TARGETS.map((url) => proxyFor('websocket', url, world.env, override)),
  ];
}

export function proxyFindings(decisions: ProxyDecision[], world: CodexWorld, say: Speaker, override: string | undefined): Finding[] {
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
    const example = `${d.url.scheme}://USER${split.websocket.hasPassword ? ':PASSWORD' : ''}@${authority(d.url)}`;
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
export function systemProxyFindings(decisions: ProxyDecision[], world: CodexWorld, say: Speaker, platform: NodeJS.Platform, override: string | undefined): Finding[] {
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
export function openAiBaseUrlFindings(world: CodexWorld, say: Speaker): Finding[] {
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
