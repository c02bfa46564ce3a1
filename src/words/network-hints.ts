// The fix for each network code, in the context of the probe that hit it: which host, which route, which
// Codex transport. Each hint that fixes something carries its action (the command is rendered from it for the
// user's shell); what only IT can change is an it-request, what only the user can do by hand a manual action.
// Never "disable verification", never a password, never a placeholder to copy.
import { CHATGPT_BASE_URL } from '../codex/endpoints.js';
import { proxySourceName, proxyVariableToWrite, type HiddenProxyVariable } from '../codex/proxy.js';
import { clip } from '../core/bound.js';
import type { ErrorCode } from '../core/codes.js';
import type { EnvTarget, FixAction, Hint, ItTopic, ManualTopic } from '../core/types.js';
import type { HostPort } from '../net/dial.js';
import { pageTitle } from '../net/classify.js';
import type { HttpResponse } from '../net/http-request.js';
import type { CodexWorld } from '../codex/world.js';
import type { Host } from '../core/host.js';
import type { Provenance } from '../fix/actions.js';
import type { Speaker } from './speaker.js';
import type { Route } from '../checks/network.js';
import type { TransportName } from '../checks/trust-sets.js';
import { configSnippet } from './commands.js';

export interface HintContext {
  target: HostPort;
  route: Route;
  transport: TransportName;
  platform: NodeJS.Platform;
  /** Speaks for the user's shell and knows where each variable is set now. */
  words: Speaker;
  /** Whether something on the path re-signs the connection (inspection): changes who has to act. */
  intercepted?: boolean;
  /** The provider, for a supports_websockets fix. */
  provider?: { id: string; builtIn: boolean; baseUrl: string };
  /** $CODEX_HOME/config.toml, where a supports_websockets fix goes. */
  configFile?: string;
  /** The environment Codex runs with (.env applied) and the shell's own: where a route's other candidates are read. */
  env?: { codex: Readonly<Record<string, string>>; shell: Readonly<Record<string, string>>; provenance: Provenance };
  /** The proxy's clock, from the Date of its answer to CONNECT: tells a wrong clock here from a stale certificate. */
  clock?: ClockReading;
}

/** The Date header of an answer already received, and how far this machine's clock is from it. */
export interface ClockReading {
  /** The time the header gives, written by us (never the header's own text: a proxy's words stay out of a hint). */
  date: string;
  /** This clock minus the answer's. */
  skewMs: number;
}

/** Within this, the two clocks agree (HTTP dates have one-second resolution; the answer took a moment). */
const CLOCKS_AGREE_MS = 5 * 60 * 1000;

/** The clock reading of an answer's Date header, if it has a valid one. */
export function clockOf(answer: { headers: Record<string, string[]> } | null, now: Date): { clock: ClockReading } | Record<string, never> {
  const header = answer?.headers.date?.[0]?.slice(0, 64).trim();
  const at = header === undefined ? NaN : Date.parse(header);
  return Number.isNaN(at) ? {} : { clock: { date: new Date(at).toUTCString(), skewMs: now.getTime() - at } };
}

/** What routeRepair reads: the environment Codex runs with, the shell's, and where each variable is set. */
export function routeEnv(world: Pick<CodexWorld, 'env' | 'provenance'>, host: Pick<Host, 'env'>): NonNullable<HintContext['env']> {
  return { codex: world.env, shell: host.env, provenance: world.provenance };
}

/** The OpenAI hosts a network team has to allow (and, for broken inspection, exempt). */
export const OPENAI_HOSTS_FOR_IT = 'auth.openai.com, chatgpt.com and api.openai.com';

/** A hint whose fix is an IT or proxy team's: shown, never applied. */
export function askIt(text: string, topic: ItTopic, hosts: readonly string[]): Hint {
  return { text, action: { kind: 'it-request', topic, hosts: [...hosts] } };
}

/** A hint whose fix only the user can make by hand, with an optional read-only command; `variable`: the one to write. */
function byHand(words: Speaker, text: string, topic: ManualTopic, look?: string, variable?: { action: { variable: string; target?: EnvTarget } }): Hint {
  return words.manual(text, { kind: 'manual', topic, ...variable?.action }, look);
}

export function networkHints(code: ErrorCode, context: HintContext): [Hint, ...Hint[]] {
  const hints = codeHints(code, context);
  const repair = ROUTE_FAILURES.has(code) ? routeRepair(code, context) : null;
  return repair ? [repair, ...hints] : hints;
}

/** Failures of the route itself (nothing answers there): another route the user's settings name can be the fix. */
const ROUTE_FAILURES: ReadonlySet<ErrorCode> = new Set([
  'NET_DNS_NOT_FOUND',
  'NET_DNS_FAILED',
  'NET_CONNECTION_REFUSED',
  'NET_UNREACHABLE',
  'NET_TIMEOUT',
  'NET_CONNECTION_RESET',
  'NET_ERROR',
  'PROXY_UNREACHABLE',
  'PROXY_CLOSED',
  'PROXY_NOT_HTTP',
  'PROXY_NO_RESPONSE',
]);

/**
 * When the route that failed was picked over another one the user also set, the fix is the other one: the
 * NO_PROXY entry that sent the host direct, an upper-case variable that hides a different lower-case proxy,
 * or a $CODEX_HOME/.env line that replaces the shell's proxy.
 */
function routeRepair(code: ErrorCode, context: HintContext): Hint | null {
  const { route, words, env } = context;
  if (!env) return null;
  const host = context.target.host;
  if (route.kind === 'direct' && route.bypass && route.bypass.noProxyVariable !== 'ProxyOverride') {
    const { entry, noProxyVariable: list, proxyVariable } = route.bypass;
    const rest = (env.codex[list] ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '' && e !== entry);
    const text = `The NO_PROXY entry "${clip(entry, 120)}" sends Codex to ${host} directly, which fails here (${code}), instead of through ${proxySourceName(proxyVariable)}. Remove that entry from ${list}.`;
    return words.fix(text, rest.length > 0 ? words.setting(list, rest.join(',')) : words.unsetting(list));
  }
  if (route.kind !== 'proxy' || route.variable === '--proxy' || route.variable === 'system') return null;
  const used = route.variable;
  const twin = used === used.toUpperCase() ? used.toLowerCase() : used.toUpperCase();
  const twinValue = env.codex[twin]?.trim();
  if (twinValue && twinValue !== env.codex[used]?.trim()) {
    return words.copyHint(
      used,
      twin,
      `${used}, which Codex uses, names a proxy that fails (${code}), while ${twin} names another one. If ${twin} holds the right proxy, give ${used} its value (both spellings then agree).`,
    );
  }
  const origin = env.provenance[used];
  const shellValue = env.shell[used]?.trim();
  if (origin?.source === 'dotenv' && origin.overridesShell && shellValue && shellValue !== env.codex[used]?.trim()) {
    return words.fix(
      `${used} on line ${origin.line} of ${words.dotenv} replaces the shell's ${used} for Codex, and that proxy fails (${code}). Delete the line so that Codex uses the shell's proxy.`,
      { kind: 'unset-env', name: used, target: 'codex-dotenv' },
    );
  }
  return null;
}

function codeHints(code: ErrorCode, context: HintContext): [Hint, ...Hint[]] {
  const { words } = context;
  const host = context.target.host;
  const proxy = context.route.kind === 'proxy' ? context.route.proxy : null;
  // An unusable proxy URL (https://, no scheme): the same proxy written the way the transport accepts.
  const unusable = context.route.kind === 'unusable' ? context.route.decision.value : null;
  // Cut like the proxy's display: a hint quotes it, and a 100 KB host name is no name to quote.
  const proxyName = clip(proxy ? `${proxy.host}:${proxy.port}` : unusable ? unusable.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0]! : 'the proxy', 120);
  const source = context.route.kind === 'proxy' ? context.route.variable : context.route.kind === 'unusable' ? context.route.decision.variable : 'HTTPS_PROXY';
  const variable = proxySourceName(source);
  const exportVariable = proxyVariableToWrite(source);
  // A proxy URL with a user name and password is never rewritten by this tool (the password would be written out).
  const withCredentials = (context.route.kind === 'proxy' && context.route.credentials !== undefined) || (unusable !== null && proxyName.includes('@'));
  const setProxy = (text: string, value: string): Hint => words.fix(text, words.setting(exportVariable, value));
  const written = words.handWritten(exportVariable);
  const findProxy = (text: string, look?: string): Hint => byHand(words, text, 'find-proxy-address', look, written);
  // A proxy that takes the connection and then hangs, drops it or cannot reach upstream is there but broken (or
  // not the proxy at all): its team repairs it, or names the one to use.
  const repairProxy = (text: string): Hint => askIt(text, 'proxy-reachability', hosts);
  const hosts = [host];
  const proxyHosts = proxy ? [`${proxy.host}:${proxy.port}`] : hosts;
  const exemptInspection = askIt(
    `Ask your network team to exempt ${OPENAI_HOSTS_FOR_IT} from TLS inspection, or to re-issue the inspection CA with SHA-256 and an RSA key of at least 2048 bits (or ECDSA).`,
    'weak-ca',
    hosts,
  );

  switch (code) {
    case 'NET_DNS_NOT_FOUND':
    case 'NET_DNS_FAILED':
      if (proxy?.scheme === 'socks5') {
        const text = `${host} does not resolve here, and a socks5:// proxy makes the client resolve it. Use socks5h:// so that the proxy resolves the name`;
        return [withCredentials ? byHand(words, `${text}: change the scheme in ${variable} by hand, keeping the user name and password.`, 'edit-proxy-url') : setProxy(`${text}.`, `socks5h://${proxyName}`)];
      }
      return [
        findProxy(
          `${host} does not resolve from here. If your network only reaches the internet through a proxy, find its address (your browser's proxy settings, or your network team) and set it in ${variable}.`,
          words.commands.resolveName(host),
        ),
      ];
    case 'NET_CONNECTION_REFUSED':
    case 'NET_UNREACHABLE':
    case 'NET_TIMEOUT':
    case 'NET_CONNECTION_RESET':
    case 'NET_ERROR':
      if (context.route.kind === 'direct' && context.route.hiddenBy) return [unhideHint(context.route.hiddenBy, host, words)];
      return context.route.kind === 'proxy'
        ? [
            findProxy(`The connection through ${proxyName} broke (${code}). Check that ${variable} names the proxy your browser uses.`),
            { text: `Ask your network team whether ${proxyName} blocks ${host}.` },
          ]
        : [
            findProxy(`A direct connection to ${host}:${context.target.port} fails (${code}): most corporate networks need a proxy. Set the one your browser uses (its proxy settings, or your network team, name it) in ${variable}.`),
            { text: `Ask your network team whether outbound HTTPS to ${host} is allowed.` },
          ];

    case 'PROXY_CLOSED':
      return [
        repairProxy(`Ask your network team why ${proxyName} (${variable}) accepts connections and closes them without answering CONNECT ${host}:${context.target.port}: the proxy is down or overloaded, or this is not the proxy's address (then which one is).`),
        findProxy(`Check ${variable}: ${proxyName} is not answering as an HTTP proxy (${code}). Use the proxy host and port your browser or PAC file uses, with http://.`),
      ];
    case 'PROXY_UNREACHABLE':
    case 'PROXY_NOT_HTTP':
      return [findProxy(`Check ${variable}: ${proxyName} is not answering as an HTTP proxy (${code}). Use the proxy host and port your browser or PAC file uses, with http://.`)];
    case 'PROXY_TLS_UNTRUSTED':
      return [
        askIt(`Ask your network team for the CA certificate that issued the certificate of the proxy ${proxyName}, then add it to the bundle Codex reads (CODEX_CA_CERTIFICATE).`, 'corporate-root', proxyHosts),
        { text: `Or use the proxy's plain-HTTP (http://) port, if it has one: the tunnel to OpenAI stays encrypted end to end.` },
      ];
    case 'PROXY_HEADERS_TOO_LARGE':
      return [
        findProxy(`Check ${variable}: ${proxyName} answered CONNECT with endless headers, which no client reads to the end. Make sure it names the proxy port itself.`),
        { text: `Ask your network team why ${proxyName} answers CONNECT ${host}:${context.target.port} with more than 64 KB of headers.` },
      ];
    case 'PROXY_NO_RESPONSE':
      return [
        repairProxy(`Ask your network team why ${proxyName} (${variable}) accepts connections but never answers CONNECT ${host}:${context.target.port}: a proxy that stalls (a dead upstream, a full connection table, a destination it holds instead of refusing), or not the proxy's address (then which one is).`),
        findProxy(`Check that ${variable} points at the proxy port itself (not a PAC server or admin page).`),
      ];
    case 'PROXY_AUTH_REQUIRED':
      return [
        byHand(
          words,
          `${proxyName} wants a user name and password. Get the ones it accepts (usually your own network account; your network team knows), and write them into ${exportVariable}${written.where} as http://user:password@${proxyName}, with @ : / % in them percent-encoded; Codex sends them as Basic credentials.`,
          'proxy-login',
          undefined,
          written,
        ),
      ];
    case 'PROXY_AUTH_REJECTED':
      return [
        byHand(
          words,
          `${proxyName} refused the credentials in ${variable}. Check the user name and password with your network team, and write the right ones into ${exportVariable}${written.where} as http://user:password@${proxyName}, with @ : / % in them percent-encoded (for example @ as %40).`,
          'proxy-login',
          undefined,
          written,
        ),
      ];
    case 'PROXY_AUTH_SCHEME_UNSUPPORTED':
      return [
        askIt(`Ask your network team to allow Basic authentication, or unauthenticated access to ${OPENAI_HOSTS_FOR_IT}, on ${proxyName}: it accepts only Windows/Kerberos login (Negotiate or NTLM), which Codex cannot do.`, 'proxy-credentials', hosts),
        { text: `Or run a local proxy that logs in for you (for example px or cntlm) and point ${variable} at the address it listens on.` },
      ];
    case 'NET_CODEX_POLICY_DENIED':
      return [
        byHand(words, `This is Codex's own network policy, not your company's proxy: the doctor runs inside a Codex sandbox, whose managed proxy lets through only the domains its permissions allow. Run codex-doctor in a terminal outside Codex.`, 'run-outside-sandbox'),
        { text: `If sandboxed commands need ${host}, add it to \`domains\` of the [permissions.<name>.network] profile in $CODEX_HOME/config.toml.` },
      ];
    case 'PROXY_BLOCKED':
      return [askIt(`Ask your network team to allow ${OPENAI_HOSTS_FOR_IT} through ${proxyName} for Codex (the proxy's policy refuses ${host}).`, 'allow-host', hosts)];
    case 'PROXY_UPSTREAM_FAILED':
      return [
        repairProxy(`Ask your network team to repair ${proxyName}: it answers CONNECT ${host}:${context.target.port} with a 502/503/504 because it cannot reach ${host} itself (its own DNS or upstream route is broken).`),
        { text: 'A passing upstream fault clears by itself: retry in a moment before you ask.' },
      ];
    case 'PROXY_CONNECT_REJECTED':
      return [askIt(`Ask your network team why ${proxyName} refuses CONNECT to ${host}:${context.target.port}.`, 'allow-host', hosts)];
    case 'PROXY_SCHEME_UNSUPPORTED':
      if (context.transport === 'websocket') {
        const httpText = `Codex's WebSocket client accepts only http://, socks5:// and socks5h:// proxy URLs. If the proxy also takes plain HTTP (most do, for CONNECT), write it with http://: the tunnel to OpenAI stays encrypted end to end`;
        return [
          unusable === null || proxyName === 'the proxy'
            ? findProxy(`${httpText}.`)
            : withCredentials
              ? byHand(words, `${httpText}; change the scheme in ${variable} by hand, keeping the user name and password.`, 'edit-proxy-url')
              : setProxy(`${httpText}.`, `http://${proxyName}`),
          // ws.upgrade offers streaming over HTTPS as the fix itself when the HTTPS client gets through this proxy.
          { text: 'Otherwise, once login works through this proxy, make Codex stream over HTTPS only: set supports_websockets = false for the provider.' },
        ];
      }
      return [findProxy("Codex's HTTPS client has no SOCKS support: find the HTTP proxy's address (your browser's proxy settings, or your network team) and use it for HTTPS_PROXY / ALL_PROXY.")];

    case 'TLS_HANDSHAKE_RESET':
      if (context.route.kind === 'direct' && context.route.hiddenBy) return [unhideHint(context.route.hiddenBy, host, words)];
      return context.route.kind === 'direct'
        ? [
            { text: `Something on the path closes TLS connections for ${host} (often a firewall filtering on the server name).` },
            findProxy(
              context.platform === 'darwin' || context.platform === 'win32'
                ? "If your network requires a proxy, set it: Codex's HTTPS client reads only the manual system proxy settings (no PAC file or automatic discovery), and its WebSocket client reads none."
                : 'If your network requires a proxy, set it: Codex does not read the system proxy settings on this platform.',
            ),
          ]
        : [
            { text: `Something on the path closes TLS connections for ${host} (often a firewall filtering on the server name).` },
            askIt(`Ask your network team whether ${proxyName} or a firewall blocks ${host}.`, 'allow-host', hosts),
          ];
    case 'TLS_NOT_TLS':
      if (proxy?.scheme === 'https') {
        // https:// makes Codex start TLS with the proxy itself; a proxy that answers in plain HTTP does not speak it.
        const text = `${proxyName} does not speak TLS: the https:// in ${variable} makes Codex open TLS to the proxy itself. Write the same proxy with http://${
          withCredentials ? ', keeping the user name and password in front of the host' : ''
        } (CONNECT still carries TLS to ${host} end to end).`;
        return [withCredentials ? byHand(words, text, 'edit-proxy-url') : setProxy(text, `http://${proxyName}`)];
      }
      return [findProxy(`The other end of the tunnel does not speak TLS. Check the proxy URL in ${variable} (scheme and port) and any --resolve override for ${host}.`)];
    case 'TLS_ALERT':
    case 'TLS_HANDSHAKE_FAILED':
      return [askIt(`Ask your network team why the TLS handshake with ${host} is refused (the raw cause names the alert); include this report.`, 'fix-tls-path', hosts)];
    case 'TLS_HANDSHAKE_TIMEOUT':
      return [askIt(`Ask your network team why TLS to ${host} stalls after the tunnel opens (an inspection engine that hangs).`, 'fix-tls-path', hosts)];
    case 'TLS_PROTOCOL_TOO_OLD':
      return [askIt(`Ask your network team to enable TLS 1.2 or 1.3 on the path to ${host}: Codex (rustls) refuses TLS 1.0 and 1.1.`, 'fix-tls-path', hosts)];
    case 'TLS_BAD_SIGNATURE':
    case 'TLS_WEAK_KEY':
      return context.intercepted === false ? [askIt(`Ask your network team why ${host} presents a chain signed with weak algorithms.`, 'fix-tls-path', hosts)] : [exemptInspection];
    case 'TLS_NOT_VALID_FOR_NAME':
      return context.intercepted === false
        ? [askIt(`The certificate does not name ${host}: ask your network team why DNS sends ${host} to another server (check any --resolve override of yours first).`, 'fix-tls-path', hosts)]
        : [askIt(`Ask your network team to make the inspection proxy put ${host} in the subjectAltName of the certificates it mints (rustls ignores the Common Name), or to exempt ${OPENAI_HOSTS_FOR_IT} from inspection.`, 'fix-tls-path', hosts)];
    case 'TLS_EXPIRED':
    case 'TLS_NOT_YET_VALID': {
      const checkClock = byHand(words, 'Check the system clock and time zone first.', 'system-clock', words.commands.showClock());
      const renew = `Ask your network team to renew the certificate that is out of its validity period (named in the detail)${context.intercepted ? ': the inspection proxy mints it' : ''}.`;
      // The proxy dated its answer: when its clock and this one agree, the certificate is stale, not the clock.
      if (context.clock && Math.abs(context.clock.skewMs) <= CLOCKS_AGREE_MS) {
        // Still worth a look second: a proxy on this machine (a local relay) shares this machine's clock.
        return [askIt(`The clock here agrees with ${proxyName}'s (its answer is dated ${context.clock.date}), so the clock is not the cause. ${renew}`, 'fix-tls-path', hosts), checkClock];
      }
      return [checkClock, askIt(renew, 'fix-tls-path', hosts)];
    }
    case 'TLS_CA_AS_END_ENTITY':
    case 'TLS_ISSUER_NOT_CA':
    case 'TLS_EKU_NO_SERVER_AUTH':
      return [askIt(`Ask your network team to fix the certificates the inspection proxy presents (webpki refuses them: ${code}), or to exempt ${OPENAI_HOSTS_FOR_IT} from inspection.`, 'fix-tls-path', hosts)];
    case 'TLS_PATH_TOO_LONG':
      return [askIt(`Ask your network team to serve a shorter chain for ${host}: Codex (rustls/webpki) follows at most 6 intermediate certificates between the server certificate and the root.`, 'fix-tls-path', hosts)];
    case 'TLS_VERIFY_FAILED':
      return [askIt(`Ask your network team why the chain for ${host} fails verification (the raw cause names the reason); include this report.`, 'fix-tls-path', hosts)];
    case 'TLS_UNKNOWN_ISSUER':
      return [askIt(`Ask your network team for the root certificate (PEM) that issued the chain ${host} presents, then point CODEX_CA_CERTIFICATE at it.`, 'corporate-root', hosts)];
    case 'WS_HANDSHAKE_INVALID':
      return [
        askIt(
          `Ask your network team which device on the path${proxy ? ` (${proxyName} or behind it)` : ''} answers or rewrites WebSocket upgrades to ${host} with a 101 Codex rejects (the finding names what it rejects), and to let the upgrade through to ${host} unchanged.`,
          'allow-websocket',
          hosts,
        ),
      ];
    case 'LAB_ROUTE_REFUSED':
      return [byHand(words, `The lab has no route for ${host}: add it to the scenario, or run the doctor outside the lab.`, 'repair-file')];
    default:
      return [askIt(`See the detail and raw cause; include this report when you ask your network team about ${host}.`, 'allow-host', hosts)];
  }
}

/** The fixes for the token request's own answers; undefined for a failure the network codes cover. */
export function oauthHints(code: ErrorCode, context: HintContext, url: URL, response?: HttpResponse): [Hint, ...Hint[]] | undefined {
  const { route, words } = context;
  const proxy = route.kind === 'proxy' ? `${route.proxy.host}:${route.proxy.port}` : 'the network';
  const allowPost = `to allow POST ${url.href} (and ${OPENAI_HOSTS_FOR_IT}) through ${proxy}`;
  const hosts = [url.hostname];
  switch (code) {
    case 'OAUTH_BLOCK_PAGE':
      return [askIt(`Ask your network team ${allowPost}: a filter answers it with its own page${response ? ` ("${pageTitle(response.body) ?? 'untitled'}")` : ''}.`, 'allow-host', hosts)];
    case 'OAUTH_PROXY_DENIED':
      return [askIt(`Ask your network team ${allowPost}: the proxy refuses the request after opening the tunnel.`, 'allow-host', hosts)];
    case 'OAUTH_PROXY_AUTH': {
      // The text names the variable the action writes.
      const login = context.words.handWritten(route.kind === 'proxy' ? proxyVariableToWrite(route.variable) : 'HTTPS_PROXY');
      return [
        byHand(
          words,
          `The proxy wants credentials on each request it inspects. Get the user name and password it accepts (usually your own network account; your network team knows) and write them into ${login.name}${login.where} as http://user:password@${proxy === 'the network' ? 'host:port' : proxy}, with @ : / % in them percent-encoded.`,
          'proxy-login',
          undefined,
          login,
        ),
      ];
    }
    case 'OAUTH_CLOUDFLARE_CHALLENGE':
      return [
        route.kind === 'proxy'
          ? askIt(`Ask your network team to exempt ${OPENAI_HOSTS_FOR_IT} from TLS inspection: Cloudflare challenges the proxy's connections (its egress IP or TLS fingerprint), and a command-line login cannot solve a challenge.`, 'fix-tls-path', hosts)
          : askIt(`Cloudflare challenges this network's connections (its egress IP or reputation), and a command-line login cannot solve a challenge: ask your network team whether traffic to ${OPENAI_HOSTS_FOR_IT} leaves through a flagged address or VPN.`, 'allow-host', hosts),
        { text: 'Confirm from another network (for example a phone hotspot): if login works there, the challenge is caused by this network.' },
      ];
    case 'OAUTH_TIMEOUT':
      return [
        askIt(`Ask your network team whether an inspection or DLP engine holds POST requests to ${url.host} (the request was sent, no answer came).`, 'allow-host', hosts),
        { text: 'If the network is just slow, rerun with a longer deadline.', command: 'codex-doctor --timeout 30000' },
      ];
    case 'OAUTH_TLS_FAILED':
      return [
        askIt(
          `TLS failed on the request connection although tls.auth passed: the path presents different certificates on different connections (several proxies or inspection nodes). Rerun to see whether it alternates, and include this report when you ask your network team.`,
          'fix-tls-path',
          hosts,
        ),
      ];
    case 'OAUTH_SERVER_ERROR':
      return [byHand(words, 'Retry in a few minutes and check https://status.openai.com; if the page came from your proxy, ask your network team.', 'retry-later')];
    case 'OAUTH_UNEXPECTED_RESPONSE':
      return [askIt(`Include this report when you ask your network team what answers POST ${url.href} in OpenAI's place.`, 'allow-host', hosts)];
    default:
      return undefined;
  }
}

/** supports_websockets = false for the provider, as a config.toml edit (the HTTPS path must work for it to help). */
export function websocketOffHint(context: Pick<HintContext, 'words' | 'provider' | 'configFile'>, text: string): Hint {
  const { provider, configFile } = context;
  if (provider === undefined || configFile === undefined) return { text, snippet: websocketOffSnippet(provider) };
  return context.words.fix(text, websocketOffAction(provider, configFile));
}

/** The connection went direct only because `HTTPS_PROXY=""` hides `https_proxy`: unset the empty one. */
function unhideHint(hidden: HiddenProxyVariable, host: string, words: Speaker): Hint {
  return words.fix(
    `Codex connected to ${host} directly because ${hidden.upper} is set but empty, which hides ${hidden.lower}. Unset ${hidden.upper} so that Codex uses the proxy in ${hidden.lower}.`,
    words.unsetting(hidden.upper),
  );
}

type ProviderToSwitch = { id: string; builtIn: boolean; baseUrl: string };

/**
 * The config.toml edit that makes Codex stream over HTTPS only, as an action `codex-doctor fix` applies (the
 * rest of the file is kept). A custom provider just needs the flag; the built-in `openai` provider cannot be
 * redefined, so the edit declares an HTTPS-only copy of it and selects it. The one description of that table:
 * `websocketOffSnippet` shows this very edit.
 */
export function websocketOffAction(provider: ProviderToSwitch, file: string): Extract<FixAction, { kind: 'edit-config' }> {
  if (!provider.builtIn) return { kind: 'edit-config', file, changes: [{ op: 'set', path: ['model_providers', provider.id, 'supports_websockets'], value: false }] };
  const table = ['model_providers', 'openai-https'];
  return {
    kind: 'edit-config',
    file,
    changes: [
      { op: 'set', path: ['model_provider'], value: 'openai-https' },
      { op: 'set', path: [...table, 'name'], value: 'OpenAI (HTTPS only)' },
      { op: 'set', path: [...table, 'base_url'], value: provider.baseUrl },
      { op: 'set', path: [...table, 'wire_api'], value: 'responses' },
      { op: 'set', path: [...table, 'requires_openai_auth'], value: true },
      { op: 'set', path: [...table, 'supports_websockets'], value: false },
    ],
  };
}

/** `websocketOffAction` as TOML to paste into $CODEX_HOME/config.toml (the built-in provider when none is known). */
export function websocketOffSnippet(provider: ProviderToSwitch | undefined): string {
  const switched = provider ?? { id: 'openai', builtIn: true, baseUrl: CHATGPT_BASE_URL };
  const edit = websocketOffAction(switched, '$CODEX_HOME/config.toml');
  return configSnippet(edit.file, edit.changes, switched.builtIn ? 'the built-in provider, over HTTPS only' : undefined);
}
