// Which proxy each Codex transport uses for a URL: pure functions of the environment (codex-behavior.md §5).
//
// HTTPS (login, token exchange, API, MCP over HTTP) is reqwest 0.12 with hyper-util's proxy Matcher:
//   for https:// targets HTTPS_PROXY, else ALL_PROXY (HTTP_PROXY is for http:// targets only); the upper-case
//   name wins when set at all, even to ""; no scheme means http://; an unparseable value or an unknown scheme
//   is silently skipped; socks* parses but SOCKS is not compiled into Codex, so the request fails;
//   NO_PROXY: trimmed comma list, IPs and CIDRs, `*`, domain = itself + subdomains, leading dot optional,
//   no ports; REQUEST_METHOD set (CGI) disables every proxy variable. On macOS and Windows the manual system
//   proxy settings fill the https slot (and on Windows NO_PROXY) when the variable is empty (system-proxy.ts).
//   `user:pass@` is cut at the FIRST `@`: an unencoded `@` in the password truncates it.
// WebSocket (Responses streaming, Realtime) is tungstenite's `proxy` feature:
//   for wss:// HTTPS_PROXY, else HTTP_PROXY, else ALL_PROXY (a set-but-empty upper-case name hides the
//   lower-case one and counts as unset); the value is trimmed; only http://, socks5://, socks5h:// are
//   accepted ("Proxy URL scheme not supported" otherwise, including no scheme and https://);
//   NO_PROXY: `*` (whole value), host[:port], leading dot, suffix match, case-sensitive, no CIDR;
//   `user:pass@` is cut at the LAST `@` (http::Uri's authority); no system proxy settings.
import { nodeNet } from '../core/builtins.js';
import { redactProxyValue } from '../core/redact.js';
import { beforeFirstAt, hostOf, lossyPercentDecode, parseU16, parseUri, proxyUrl, splitUserinfo, stripBrackets, strictPercentDecode } from './proxy-uri.js';
import { rustTrim } from './rust-str.js';
import type { SystemProxySettings } from './system-proxy.js';

/** Proxy values are redacted by the one redaction module; re-exported for the model's callers. */
export { redactProxyValue };
export { unencodedAtInUserinfo } from './proxy-uri.js';

export type Transport = 'https' | 'websocket';

/** `system`: the macOS or Windows manual proxy settings (HTTPS only). */
export type ProxyVariable = 'HTTPS_PROXY' | 'https_proxy' | 'HTTP_PROXY' | 'http_proxy' | 'ALL_PROXY' | 'all_proxy' | '--proxy' | 'system';
/** `ProxyOverride`: the Windows bypass list of the system proxy settings (HTTPS only). */
export type NoProxyVariable = 'NO_PROXY' | 'no_proxy' | 'ProxyOverride';

/** Upper-case first: both libraries read the upper-case name when it is set. */
export const PROXY_VARIABLE_PAIRS = [
  ['HTTPS_PROXY', 'https_proxy'],
  ['HTTP_PROXY', 'http_proxy'],
  ['ALL_PROXY', 'all_proxy'],
  ['NO_PROXY', 'no_proxy'],
] as const satisfies ReadonlyArray<readonly [string, string]>;

/** A parsed proxy URL without its password: safe to show and to keep in facts. */
export interface ProxyUrl {
  /** Lower-case; `http` when the value had no scheme (reqwest's default). */
  scheme: string;
  host: string;
  /** With the scheme's default port filled in. */
  port: number;
  /** `scheme://[redacted]@host:port` (the user name and password never shown). */
  display: string;
}

export interface ProxyCredentials {
  username: string;
  hasPassword: boolean;
}

/** Something about the variables worth telling the user, e.g. a value that was skipped. */
export interface ProxyNote {
  kind:
    | 'ignored-invalid' // HTTPS: the value does not parse, the client silently moves on
    | 'ignored-scheme' // HTTPS: a scheme the client does not know, silently skipped
    | 'empty-hides-lower' // NAME="" hides name=value
    | 'http-proxy-not-for-https'; // HTTPS: HTTP_PROXY is set but never used for https:// URLs
  variable: string;
  text: string;
}

/** An empty upper-case variable that hides its lower-case twin (`HTTPS_PROXY=""` beside `https_proxy=...`). */
export interface HiddenProxyVariable {
  upper: string;
  lower: string;
}

export type ProxyDecision = (
  | {
      kind: 'direct';
      reason: string;
      /** Set when the transport would have used the lower-case variable but an empty upper-case one hides it. */
      hiddenBy?: HiddenProxyVariable;
    }
  | { kind: 'proxy'; url: ProxyUrl; variable: ProxyVariable; credentials?: ProxyCredentials }
  | {
      /** Codex picks this proxy but cannot use it for this transport: the connection fails. */
      kind: 'unsupported';
      variable: ProxyVariable;
      scheme: string;
      /** Redacted value. */
      value: string;
      /** What Codex reports (its own words where it has them). */
      message: string;
    }
  | {
      /** WebSocket only: the value does not parse; the connection fails ("Invalid proxy configuration"). */
      kind: 'invalid';
      variable: ProxyVariable;
      value: string;
      message: string;
    }
  | { kind: 'bypassed'; noProxyEntry: string; noProxyVariable: NoProxyVariable; /** The proxy it would have used. */ variable: ProxyVariable }
) & { transport: Transport; target: string; notes: ProxyNote[] };

/**
 * How Codex's `transport` reaches `targetUrl` with this environment. `override` is codex-doctor's
 * `--proxy`: it stands in for the proxy variables (as if HTTPS_PROXY, HTTP_PROXY and ALL_PROXY were all
 * set to it); NO_PROXY and each transport's scheme rules still apply. `system`: the macOS/Windows manual
 * proxy settings (CodexWorld.systemProxy), which only the HTTPS client reads.
 */
export function proxyFor(
  transport: Transport,
  targetUrl: string,
  env: Readonly<Record<string, string>>,
  override?: string,
  system?: SystemProxySettings | null,
): ProxyDecision {
  const target = new URL(targetUrl);
  switch (transport) {
    case 'https':
      return reqwestDecision(target, env, override, system ?? null);
    case 'websocket':
      return tungsteniteDecision(target, env, override);
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTTPS: reqwest 0.12 + hyper-util client::proxy::matcher

const SOCKS_SCHEMES = ['socks4', 'socks4a', 'socks5', 'socks5h'];

function reqwestDecision(target: URL, env: Readonly<Record<string, string>>, override: string | undefined, system: SystemProxySettings | null): ProxyDecision {
  const base = { transport: 'https' as const, target: target.href, notes: [] as ProxyNote[] };
  const { notes } = base;
  if (env.REQUEST_METHOD !== undefined) {
    return {
      ...base,
      kind: 'direct',
      reason: 'REQUEST_METHOD is set, so the HTTPS client behaves as a CGI script and ignores every proxy variable',
    };
  }
  const forHttps = target.protocol === 'https:' || target.protocol === 'wss:';
  const candidates: Array<{ variable: ProxyVariable; value: string }> = [];
  if (override !== undefined) {
    candidates.push({ variable: '--proxy', value: override });
  } else {
    const specific = firstSet(env, forHttps ? ['HTTPS_PROXY', 'https_proxy'] : ['HTTP_PROXY', 'http_proxy'], notes);
    const all = firstSet(env, ['ALL_PROXY', 'all_proxy'], notes);
    // Matcher::from_system: the OS setting fills the https slot when the variable is empty or unset,
    // and then comes before ALL_PROXY.
    const fromSystem = forHttps && system?.https && (specific === null || specific.value === '') ? { variable: 'system' as const, value: system.https } : null;
    if (fromSystem) candidates.push(fromSystem);
    else if (specific) candidates.push(specific);
    if (all) candidates.push(all);
  }

  let chosen: { variable: ProxyVariable; parsed: ReqwestProxy } | undefined;
  for (const candidate of candidates) {
    if (candidate.value === '') continue;
    const parsed = parseReqwestProxy(candidate.value);
    if ('skipped' in parsed) {
      notes.push({
        kind: parsed.kind,
        variable: candidate.variable,
        text: `${proxySetting(candidate.variable, redactProxyValue(candidate.value))} is ignored by the HTTPS client: ${parsed.skipped}`,
      });
      continue;
    }
    chosen = { variable: candidate.variable, parsed };
    break;
  }

  if (!chosen) {
    if (forHttps && override === undefined) {
      const http = firstSet(env, ['HTTP_PROXY', 'http_proxy'], []);
      if (http && http.value !== '') {
        notes.push({
          kind: 'http-proxy-not-for-https',
          variable: http.variable,
          text: `${http.variable} is set, but the HTTPS client uses it only for http:// URLs, never for https://`,
        });
      }
    }
    const names = forHttps ? 'HTTPS_PROXY or ALL_PROXY' : 'HTTP_PROXY or ALL_PROXY';
    const systemToo = forHttps && override === undefined && system !== null && system.error === null ? ', and the system proxy settings set no HTTPS proxy' : '';
    const hidden = override === undefined ? hiddenLower(notes, forHttps ? ['HTTPS_PROXY', 'ALL_PROXY'] : ['HTTP_PROXY', 'ALL_PROXY']) : null;
    if (hidden) return { ...base, kind: 'direct', reason: `${emptyHidesReason(hidden)}${systemToo}`, hiddenBy: hidden };
    return { ...base, kind: 'direct', reason: `no usable proxy variable applies to ${target.protocol}// URLs (${names})${systemToo}` };
  }

  const envNoProxy = firstSet(env, ['NO_PROXY', 'no_proxy'], notes);
  // Windows: ProxyOverride fills NO_PROXY when the variable is empty or unset, whichever proxy is in use.
  const noProxy =
    (envNoProxy === null || envNoProxy.value === '') && system?.noProxy
      ? { variable: 'ProxyOverride' as const, value: system.noProxy }
      : envNoProxy;
  if (noProxy) {
    const entry = reqwestNoProxyMatch(noProxy.value, hostOf(target));
    if (entry !== null) {
      return { ...base, kind: 'bypassed', noProxyEntry: entry, noProxyVariable: noProxy.variable as NoProxyVariable, variable: chosen.variable };
    }
  }

  const { parsed, variable } = chosen;
  if (SOCKS_SCHEMES.includes(parsed.url.scheme)) {
    return {
      ...base,
      kind: 'unsupported',
      variable,
      scheme: parsed.url.scheme,
      value: parsed.url.display,
      message: `SOCKS support is not compiled into Codex's HTTPS client: requests fail with "error sending request for url (${target.href})"`,
    };
  }
  return { ...base, kind: 'proxy', url: parsed.url, variable, ...(parsed.credentials && { credentials: parsed.credentials }) };
}

interface ReqwestProxy {
  url: ProxyUrl;
  credentials?: ProxyCredentials;
}

/** hyper-util parse_env_uri: no scheme = http; http, https and socks* only; an authority is required. */
function parseReqwestProxy(value: string): ReqwestProxy | { skipped: string; kind: 'ignored-invalid' | 'ignored-scheme' } {
  const uri = parseUri(value);
  if ('error' in uri) return { skipped: uri.error, kind: 'ignored-invalid' };
  const scheme = uri.scheme ?? 'http';
  if (scheme !== 'http' && scheme !== 'https' && !SOCKS_SCHEMES.includes(scheme)) {
    return { skipped: `${scheme}:// is not a proxy scheme it knows`, kind: 'ignored-scheme' };
  }
  if (uri.authority === null) return { skipped: 'there is no host in it', kind: 'ignored-invalid' };
  const defaultPort = scheme === 'http' ? 80 : scheme === 'https' ? 443 : 1080;
  const port = uri.authority.port ?? defaultPort;
  // parse_env_uri splits the authority at its FIRST `@` (split_once), unlike http::Uri's host (after the last).
  const credentials = uri.authority.userinfo === null ? undefined : splitUserinfo(beforeFirstAt(uri.authority.userinfo), lossyPercentDecode);
  return {
    url: proxyUrl(scheme, uri.authority.host, port, credentials ?? undefined),
    ...(credentials && { credentials: { username: credentials.username, hasPassword: credentials.hasPassword } }),
  };
}

/** hyper-util NoProxy: the matching entry, or null. */
function reqwestNoProxyMatch(list: string, host: string): string | null {
  const entries = list.split(',').map(rustTrim);
  const ipHost = nodeNet().isIP(host);
  for (const entry of entries) {
    if (entry === '') continue;
    const ip = parseIpEntry(entry);
    if (ip !== null) {
      if (ipHost !== 0 && ip.contains(host)) return entry;
      continue;
    }
    if (ipHost !== 0) continue;
    // Case-insensitive per codex-behavior.md §5 (the target host is already lower case).
    const d = entry.toLowerCase();
    const domain = host.toLowerCase();
    if (d === domain || (d.startsWith('.') && d.slice(1) === domain)) return entry;
    if (domain.endsWith(d)) {
      if (d.startsWith('.')) return entry;
      if (domain[domain.length - d.length - 1] === '.') return entry;
    } else if (d === '*') {
      return entry;
    }
  }
  return null;
}

/** An IP address or CIDR entry (ipnet / std IpAddr syntax), or null for a domain entry. */
function parseIpEntry(entry: string): { contains(host: string): boolean } | null {
  const slash = entry.indexOf('/');
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const family = nodeNet().isIP(address);
  if (family === 0) return null;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const max = family === 4 ? 32 : 128;
  const list = new (nodeNet().BlockList)();
  if (slash === -1) {
    list.addAddress(address, type);
  } else {
    const prefixText = entry.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
    list.addSubnet(address, Number(prefixText), type);
  }
  return {
    contains: (host) => {
      const hostFamily = nodeNet().isIP(host);
      return hostFamily !== 0 && list.check(host, hostFamily === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// WebSocket: tungstenite proxy feature (ProxyConfig::from_env)

function tungsteniteDecision(target: URL, env: Readonly<Record<string, string>>, override: string | undefined): ProxyDecision {
  const base = { transport: 'websocket' as const, target: target.href, notes: [] as ProxyNote[] };
  const { notes } = base;
  const tls = target.protocol === 'wss:' || target.protocol === 'https:';
  const port = target.port === '' ? (tls ? 443 : 80) : Number(target.port);

  const candidate: { variable: ProxyVariable; value: string } | null =
    override !== undefined
      ? override === ''
        ? null
        : { variable: '--proxy', value: override }
      : (tls ? getEnvFirst(env, ['HTTPS_PROXY', 'https_proxy'], notes) : null) ??
        getEnvFirst(env, ['HTTP_PROXY', 'http_proxy'], notes) ??
        getEnvFirst(env, ['ALL_PROXY', 'all_proxy'], notes);

  // tungstenite decides on NO_PROXY before it even looks at the proxy variables.
  const noProxy = getEnvFirst(env, ['NO_PROXY', 'no_proxy'], notes);
  if (noProxy) {
    const entry = tungsteniteNoProxyMatch(noProxy.value, hostOf(target), port);
    if (entry !== null) {
      if (!candidate) return { ...base, kind: 'direct', reason: `no proxy variable is set (and ${noProxy.variable} lists ${entry})` };
      return { ...base, kind: 'bypassed', noProxyEntry: entry, noProxyVariable: noProxy.variable as NoProxyVariable, variable: candidate.variable };
    }
  }
  if (!candidate) {
    const hidden = override === undefined ? hiddenLower(notes, tls ? ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY'] : ['HTTP_PROXY', 'ALL_PROXY']) : null;
    if (hidden) return { ...base, kind: 'direct', reason: emptyHidesReason(hidden), hiddenBy: hidden };
    return { ...base, kind: 'direct', reason: `no proxy variable is set (${tls ? 'HTTPS_PROXY, HTTP_PROXY, ALL_PROXY' : 'HTTP_PROXY, ALL_PROXY'})` };
  }

  const { variable } = candidate;
  const value = rustTrim(candidate.value);
  const uri = parseUri(value);
  if ('error' in uri) {
    return { ...base, kind: 'invalid', variable, value: redactProxyValue(value), message: `Invalid proxy configuration: ${redactProxyValue(value)}` };
  }
  const scheme = uri.scheme;
  if (scheme !== 'http' && scheme !== 'socks5' && scheme !== 'socks5h') {
    return {
      ...base,
      kind: 'unsupported',
      variable,
      scheme: scheme ?? '',
      value: redactProxyValue(value),
      message: 'Proxy URL scheme not supported',
    };
  }
  if (uri.authority === null) {
    return { ...base, kind: 'invalid', variable, value: redactProxyValue(value), message: `Invalid proxy configuration: ${redactProxyValue(value)}` };
  }
  let credentials: { username: string; hasPassword: boolean } | null = null;
  if (uri.authority.userinfo !== null) {
    credentials = splitUserinfo(uri.authority.userinfo, strictPercentDecode);
    if (credentials === null) {
      return { ...base, kind: 'invalid', variable, value: redactProxyValue(value), message: 'Invalid proxy configuration: invalid percent-encoding' };
    }
  }
  const url = proxyUrl(scheme, uri.authority.host, uri.authority.port ?? (scheme === 'http' ? 80 : 1080), credentials ?? undefined);
  return { ...base, kind: 'proxy', url, variable, ...(credentials && { credentials }) };
}

/** tungstenite should_bypass_proxy: the matching entry, or null. Case-sensitive, no CIDR. */
function tungsteniteNoProxyMatch(list: string, rawHost: string, port: number): string | null {
  const host = stripBrackets(rawHost);
  const trimmed = rustTrim(list);
  if (trimmed === '') return null;
  if (trimmed === '*') return '*';
  for (const raw of trimmed.split(',')) {
    const token = rustTrim(raw);
    if (token === '') continue;
    const [tokenHostRaw, tokenPort] = splitHostPort(token);
    if (tokenPort !== null && tokenPort !== port) continue;
    const tokenHost = stripBrackets(tokenHostRaw);
    if (host === tokenHost) return token;
    if (tokenHost.startsWith('.')) {
      const bare = tokenHost.slice(1);
      if (host === bare || host.endsWith(`.${bare}`)) return token;
    } else if (host.endsWith(`.${tokenHost}`)) {
      return token;
    }
  }
  return null;
}

function splitHostPort(token: string): [string, number | null] {
  if (token.startsWith('[')) {
    const close = token.indexOf(']');
    if (close === -1) return [token, null];
    const rest = token.slice(close + 1);
    return [token.slice(0, close + 1), rest.startsWith(':') ? parseU16(rest.slice(1)) : null];
  }
  if (token.split(':').length === 2) {
    const colon = token.lastIndexOf(':');
    return [token.slice(0, colon), parseU16(token.slice(colon + 1))];
  }
  return [token, null];
}

// ---------------------------------------------------------------------------------------------------------
// Variables

/** reqwest get_first_env: the first of the names that is set at all (even to ""). */
function firstSet(env: Readonly<Record<string, string>>, names: readonly [string, string], notes: ProxyNote[]): { variable: ProxyVariable; value: string } | null {
  const [upper, lower] = names;
  const upperValue = env[upper];
  if (upperValue !== undefined) {
    const lowerValue = env[lower];
    if (upperValue === '' && lowerValue !== undefined && lowerValue !== '') {
      notes.push({ kind: 'empty-hides-lower', variable: upper, text: `${upper} is set but empty, which hides ${lower}; Codex uses neither` });
    }
    return { variable: upper as ProxyVariable, value: upperValue };
  }
  const lowerValue = env[lower];
  return lowerValue === undefined ? null : { variable: lower as ProxyVariable, value: lowerValue };
}

/** The first of `uppers` whose empty value hid a set lower-case twin (from the notes of one decision). */
function hiddenLower(notes: readonly ProxyNote[], uppers: readonly string[]): HiddenProxyVariable | null {
  for (const upper of uppers) {
    if (notes.some((n) => n.kind === 'empty-hides-lower' && n.variable === upper)) return { upper, lower: upper.toLowerCase() };
  }
  return null;
}

/** Observed on the real 0.169.0 binary for login, HTTPS and the WebSocket alike (codex-behavior.md §5, §11). */
function emptyHidesReason(hidden: HiddenProxyVariable): string {
  return `${hidden.upper} is set but empty, which hides ${hidden.lower}: Codex uses neither`;
}

/** tungstenite get_env_first: the first name that is set, then an empty value counts as unset. */
function getEnvFirst(env: Readonly<Record<string, string>>, names: readonly [string, string], notes: ProxyNote[]): { variable: ProxyVariable; value: string } | null {
  const found = firstSet(env, names, notes);
  return found === null || found.value === '' ? null : found;
}

/** A pair of upper/lower-case names both set to different values: the upper-case one wins in Codex. */
export interface CaseConflict {
  upper: string;
  lower: string;
  /** Redacted values. */
  upperValue: string;
  lowerValue: string;
  /** The upper-case name is set to "" and so hides a non-empty lower-case value. */
  upperEmpty: boolean;
}

export function caseConflicts(env: Readonly<Record<string, string>>): CaseConflict[] {
  const conflicts: CaseConflict[] = [];
  for (const [upper, lower] of PROXY_VARIABLE_PAIRS) {
    const u = env[upper];
    const l = env[lower];
    if (u === undefined || l === undefined || u === l) continue;
    conflicts.push({ upper, lower, upperValue: redactProxyValue(u), lowerValue: redactProxyValue(l), upperEmpty: u === '' });
  }
  return conflicts;
}

/** The proxy variable of a pair that Codex reads (upper-case when set), or null. */
export function proxyVariableInEffect(env: Readonly<Record<string, string>>, pair: readonly [string, string]): { variable: string; value: string } | null {
  return firstSet(env, pair, []);
}

/**
 * One clause for the user, e.g. `goes through http://[redacted]@proxy:8080 (HTTPS_PROXY, from the shell)`.
 * `origin` says where a variable is set ("from the shell"); it is left out when not given.
 */
export function describeProxyDecision(decision: ProxyDecision, origin?: (variable: string) => string | undefined): string {
  const where = (variable: string): string | undefined => (variable === '--proxy' || variable === 'system' ? undefined : origin?.(variable));
  const from = (variable: string): string => {
    const text = where(variable);
    return text ? ` (${text})` : '';
  };
  switch (decision.kind) {
    case 'direct':
      return `connects directly (${decision.reason})`;
    case 'proxy': {
      const text = where(decision.variable);
      return `goes through ${decision.url.display} (${proxySourceName(decision.variable)}${text ? `, ${text}` : ''})`;
    }
    case 'unsupported': {
      const what = decision.scheme === '' ? 'a proxy URL without a scheme' : `${/^[aeiouh]/.test(decision.scheme) ? 'an' : 'a'} ${decision.scheme}:// proxy`;
      return `fails: ${proxySourceName(decision.variable)}${from(decision.variable)} ${decision.variable === 'system' ? 'give' : 'is'} ${what} (${decision.value}): ${decision.message}`;
    }
    case 'invalid':
      return `fails: ${decision.variable}${from(decision.variable)} does not parse: ${decision.message}`;
    case 'bypassed':
      return `connects directly: ${proxySourceName(decision.noProxyVariable)} entry "${decision.noProxyEntry}" bypasses ${proxySourceName(decision.variable)}${from(decision.variable)}`;
  }
}

/** How a proxy source is named in a sentence: the variable, or the system settings it stands for. */
/** The environment variable a fix writes for a proxy source: HTTPS_PROXY takes precedence over the system settings, and stands for the doctor's own --proxy. */
export function proxyVariableToWrite(source: ProxyVariable): Exclude<ProxyVariable, 'system' | '--proxy'> {
  return source === '--proxy' || source === 'system' ? 'HTTPS_PROXY' : source;
}

export function proxySourceName(variable: ProxyVariable | NoProxyVariable): string {
  switch (variable) {
    case 'system':
      return 'the system proxy settings';
    case 'ProxyOverride':
      return 'the system proxy exceptions (ProxyOverride)';
    default:
      return variable;
  }
}

/** `HTTPS_PROXY=value`, or `the system HTTPS proxy setting value`. */
export function proxySetting(variable: ProxyVariable, value: string): string {
  return variable === 'system' ? `the system HTTPS proxy setting ${value}` : `${variable}=${value}`;
}
