// The fix for each network code, in the context of the probe that hit it: which host, which route, which
// Codex transport. Imperative, with the exact command or TOML where there is one. Never "disable
// verification", never a password.
import { shellQuote } from '../codex/bundle-format.js';
import { proxySourceName, type HiddenProxyVariable } from '../codex/proxy.js';
import { clip } from '../core/bound.js';
import type { ErrorCode } from '../core/codes.js';
import type { FixAction, Hint } from '../core/types.js';
import type { HostPort } from '../net/dial.js';
import type { Route } from './network.js';
import type { TransportName } from './trust-sets.js';

export interface HintContext {
  target: HostPort;
  route: Route;
  transport: TransportName;
  platform: NodeJS.Platform;
  /** Whether something on the path re-signs the connection (inspection): changes who has to act. */
  intercepted?: boolean;
  /** The provider, for a supports_websockets snippet. */
  provider?: { id: string; builtIn: boolean; baseUrl: string };
}

/** The OpenAI hosts a network team has to allow (and, for broken inspection, exempt). */
export const OPENAI_HOSTS_FOR_IT = 'auth.openai.com, chatgpt.com and api.openai.com';

export function networkHints(code: ErrorCode, context: HintContext): [Hint, ...Hint[]] {
  const host = context.target.host;
  const proxy = context.route.kind === 'proxy' ? context.route.proxy : null;
  // An unusable proxy URL (https://, no scheme): the same proxy written the way the transport accepts.
  const unusable = context.route.kind === 'unusable' ? context.route.decision.value : null;
  // Cut like the proxy's display: a hint quotes it, and a 100 KB host name is no name to quote.
  const proxyName = clip(proxy ? `${proxy.host}:${proxy.port}` : unusable ? unusable.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0]! : 'the proxy', 120);
  const source = context.route.kind === 'proxy' ? context.route.variable : context.route.kind === 'unusable' ? context.route.decision.variable : 'HTTPS_PROXY';
  const variable = proxySourceName(source);
  // HTTPS_PROXY also takes precedence over the system proxy settings.
  const exportVariable = source === '--proxy' || source === 'system' ? 'HTTPS_PROXY' : source;
  const exportProxy = (value: string): string =>
    context.platform === 'win32' ? `$env:${exportVariable} = '${value}'` : `export ${exportVariable}=${shellQuote(value)}`;
  const askIt = (what: string): Hint => ({ text: `Ask your network team ${what}` });
  const exemptInspection: Hint = {
    text: `Ask your network team to exempt ${OPENAI_HOSTS_FOR_IT} from TLS inspection, or to re-issue the inspection CA with SHA-256 and an RSA key of at least 2048 bits (or ECDSA).`,
  };

  switch (code) {
    case 'NET_DNS_NOT_FOUND':
    case 'NET_DNS_FAILED':
      if (proxy?.scheme === 'socks5') {
        return [{ text: `${host} does not resolve here, and a socks5:// proxy makes the client resolve it. Use socks5h:// so that the proxy resolves the name.`, command: exportProxy(`socks5h://${proxyName}`) }];
      }
      return [
        { text: `${host} does not resolve from here. If your network only reaches the internet through a proxy, tell Codex which one.`, command: exportProxy('http://proxy.example.corp:8080') },
        { text: 'Check the resolver.', command: context.platform === 'win32' ? `Resolve-DnsName ${host}` : `nslookup ${host}` },
      ];
    case 'NET_CONNECTION_REFUSED':
    case 'NET_UNREACHABLE':
    case 'NET_TIMEOUT':
    case 'NET_CONNECTION_RESET':
    case 'NET_ERROR':
      if (context.route.kind === 'direct' && context.route.hiddenBy) return [unhideHint(context.route.hiddenBy, host, context.platform)];
      return context.route.kind === 'proxy'
        ? [{ text: `The connection through ${proxyName} broke (${code}). Check that ${variable} names the proxy your browser uses.` }, askIt(`whether ${proxyName} blocks ${host}.`)]
        : [
            { text: `A direct connection to ${host}:${context.target.port} fails (${code}): most corporate networks need a proxy. Set the one your browser uses.`, command: exportProxy('http://proxy.example.corp:8080') },
            askIt(`whether outbound HTTPS to ${host} is allowed.`),
          ];

    case 'PROXY_UNREACHABLE':
    case 'PROXY_CLOSED':
    case 'PROXY_NOT_HTTP':
      return [
        { text: `Check ${variable}: ${proxyName} is not answering as an HTTP proxy (${code}). Use the proxy host and port your browser or PAC file uses, with http://.`, command: exportProxy('http://proxy.example.corp:8080') },
      ];
    case 'PROXY_TLS_UNTRUSTED':
      return [
        {
          text: `Add the CA that issued ${proxyName}'s own certificate (named in the detail) to the bundle Codex reads (CODEX_CA_CERTIFICATE), or use the proxy's http:// address: the tunnel to OpenAI stays encrypted end to end.`,
          command: exportProxy(`http://${proxyName}`),
        },
        askIt(`for the CA certificate that issued the certificate of the proxy ${proxyName}.`),
      ];
    case 'PROXY_HEADERS_TOO_LARGE':
      return [
        { text: `Check ${variable}: ${proxyName} answered CONNECT with endless headers, which no client reads to the end. Make sure it names the proxy port itself.` },
        askIt(`why ${proxyName} answers CONNECT ${host}:${context.target.port} with more than 64 KB of headers.`),
      ];
    case 'PROXY_NO_RESPONSE':
      return [
        { text: `${proxyName} accepted the connection but never answered CONNECT ${host}:${context.target.port}. Check that ${variable} points at the proxy port itself (not a PAC server or admin page).` },
        askIt(`whether ${proxyName} holds CONNECT requests to ${host} (some proxies stall blocked destinations instead of refusing them).`),
      ];
    case 'PROXY_AUTH_REQUIRED':
      return [
        {
          text: `${proxyName} wants a user name and password. Put them in the proxy URL (percent-encode @ : / in the password); Codex sends them as Basic credentials.`,
          command: exportProxy(`http://USER:PASSWORD@${proxyName}`),
        },
      ];
    case 'PROXY_AUTH_REJECTED':
      return [
        {
          text: `${proxyName} refused the credentials${context.route.kind === 'proxy' && context.route.credentials ? ` of user "${context.route.credentials.username}"` : ''} in ${variable}. Check the user name and password; percent-encode @ : / % in them (for example @ as %40).`,
          command: exportProxy(`http://USER:PASSWORD@${proxyName}`),
        },
      ];
    case 'PROXY_AUTH_SCHEME_UNSUPPORTED':
      return [
        {
          text: `${proxyName} accepts only Windows/Kerberos login (Negotiate or NTLM), which Codex cannot do. Run a local proxy that logs in for you (for example px or cntlm) and point ${variable} at it.`,
          command: exportProxy('http://127.0.0.1:3128'),
        },
        askIt(`to allow Basic authentication, or unauthenticated access to ${OPENAI_HOSTS_FOR_IT}, on ${proxyName}.`),
      ];
    case 'NET_CODEX_POLICY_DENIED':
      return [
        { text: `This is Codex's own network policy, not your company's proxy: the doctor runs inside a Codex sandbox, whose managed proxy lets through only the domains its permissions allow. Run codex-doctor in a terminal outside Codex.` },
        { text: `If sandboxed commands need ${host}, add it to \`domains\` of the [permissions.<name>.network] profile in $CODEX_HOME/config.toml.` },
      ];
    case 'PROXY_BLOCKED':
      return [askIt(`to allow ${OPENAI_HOSTS_FOR_IT} through ${proxyName} for Codex (the proxy's policy refuses ${host}).`)];
    case 'PROXY_UPSTREAM_FAILED':
      return [
        { text: `${proxyName} could not reach ${host} itself. Retry in a moment; if it persists, the proxy's own DNS or upstream route is broken.` },
        askIt(`why ${proxyName} answers 502/503/504 for ${host}.`),
      ];
    case 'PROXY_CONNECT_REJECTED':
      return [askIt(`why ${proxyName} refuses CONNECT to ${host}:${context.target.port}.`)];
    case 'PROXY_SCHEME_UNSUPPORTED':
      return context.transport === 'websocket'
        ? [
            {
              text: `Codex's WebSocket client accepts only http://, socks5:// and socks5h:// proxy URLs. If the proxy also takes plain HTTP (most do, for CONNECT), write it with http://: the tunnel to OpenAI stays encrypted end to end.`,
              command: exportProxy(`http://${proxyName === 'the proxy' ? 'proxy.example.corp:8080' : proxyName}`),
            },
            { text: 'Otherwise make Codex stream over HTTPS only: set supports_websockets = false for the provider.', snippet: websocketOffSnippet(context.provider) },
          ]
        : [
            { text: "Codex's HTTPS client has no SOCKS support: use an HTTP proxy for HTTPS_PROXY / ALL_PROXY.", command: exportProxy('http://proxy.example.corp:8080') },
          ];

    case 'TLS_HANDSHAKE_RESET':
      if (context.route.kind === 'direct' && context.route.hiddenBy) return [unhideHint(context.route.hiddenBy, host, context.platform)];
      return [
        { text: `Something on the path closes TLS connections for ${host} (often a firewall filtering on the server name).` },
        context.route.kind === 'direct'
          ? {
              text:
                context.platform === 'darwin' || context.platform === 'win32'
                  ? "If your network requires a proxy, set it: Codex's HTTPS client reads only the manual system proxy settings (no PAC file or automatic discovery), and its WebSocket client reads none."
                  : 'If your network requires a proxy, set it: Codex does not read the system proxy settings on this platform.',
              command: exportProxy('http://proxy.example.corp:8080'),
            }
          : askIt(`whether ${proxyName} or a firewall blocks ${host}.`),
      ];
    case 'TLS_NOT_TLS':
      if (proxy?.scheme === 'https') {
        // https:// makes Codex start TLS with the proxy itself; a proxy that answers in plain HTTP does not speak it.
        const credentials = context.route.kind === 'proxy' && context.route.credentials !== undefined;
        const text = `${proxyName} does not speak TLS: the https:// in ${variable} makes Codex open TLS to the proxy itself. Write the same proxy with http://${
          credentials ? ', keeping the user name and password in front of the host' : ''
        } (CONNECT still carries TLS to ${host} end to end).`;
        if (credentials) return [{ text }];
        const action = { kind: 'set-env', name: exportVariable, value: `http://${proxyName}`, target: 'shell-profile' } as const;
        return [{ text, command: exportProxy(`http://${proxyName}`), action }];
      }
      return [{ text: `The other end of the tunnel does not speak TLS. Check the proxy URL in ${variable} (scheme and port) and any --resolve override for ${host}.` }];
    case 'TLS_ALERT':
    case 'TLS_HANDSHAKE_FAILED':
      return [askIt(`why the TLS handshake with ${host} is refused (the raw cause names the alert); include this report.`)];
    case 'TLS_HANDSHAKE_TIMEOUT':
      return [askIt(`why TLS to ${host} stalls after the tunnel opens (an inspection engine that hangs).`)];
    case 'TLS_PROTOCOL_TOO_OLD':
      return [askIt(`to enable TLS 1.2 or 1.3 on the path to ${host}: Codex (rustls) refuses TLS 1.0 and 1.1.`)];
    case 'TLS_BAD_SIGNATURE':
    case 'TLS_WEAK_KEY':
      return context.intercepted === false
        ? [askIt(`why ${host} presents a chain signed with weak algorithms.`)]
        : [exemptInspection];
    case 'TLS_NOT_VALID_FOR_NAME':
      return context.intercepted === false
        ? [{ text: `The certificate does not name ${host}: check that DNS or --resolve sends ${host} to the right server.` }]
        : [askIt(`to make the inspection proxy put ${host} in the subjectAltName of the certificates it mints (rustls ignores the Common Name), or to exempt ${OPENAI_HOSTS_FOR_IT} from inspection.`)];
    case 'TLS_EXPIRED':
    case 'TLS_NOT_YET_VALID':
      return [
        { text: 'Check the system clock and time zone first.', command: context.platform === 'win32' ? 'w32tm /query /status' : 'date -u' },
        askIt(`to renew the certificate that is out of its validity period (named in the detail).`),
      ];
    case 'TLS_CA_AS_END_ENTITY':
    case 'TLS_ISSUER_NOT_CA':
    case 'TLS_EKU_NO_SERVER_AUTH':
      return [askIt(`to fix the certificates the inspection proxy presents (webpki refuses them: ${code}), or to exempt ${OPENAI_HOSTS_FOR_IT} from inspection.`)];
    case 'TLS_PATH_TOO_LONG':
      return [askIt(`to serve a shorter chain for ${host}: Codex (rustls/webpki) follows at most 6 intermediate certificates between the server certificate and the root.`)];
    case 'TLS_VERIFY_FAILED':
      return [askIt(`why the chain for ${host} fails verification (the raw cause names the reason); include this report.`)];
    case 'WS_HANDSHAKE_INVALID':
      return [askIt(`which device on the path${proxy ? ` (${proxyName} or behind it)` : ''} answers WebSocket upgrades to ${host} with a 101 that is not a WebSocket handshake, and to let the upgrade through to ${host}.`)];
    default:
      return [{ text: `See the detail and raw cause; include this report when you ask your network team about ${host}.` }];
  }
}

/** The connection went direct only because `HTTPS_PROXY=""` hides `https_proxy`: unset the empty one. */
function unhideHint(hidden: HiddenProxyVariable, host: string, platform: NodeJS.Platform): Hint {
  return {
    text: `Codex connected to ${host} directly because ${hidden.upper} is set but empty, which hides ${hidden.lower}. Unset ${hidden.upper} so that Codex uses the proxy in ${hidden.lower}.`,
    command: platform === 'win32' ? `Remove-Item Env:${hidden.upper}` : `unset ${hidden.upper}`,
    action: { kind: 'unset-env', name: hidden.upper, target: 'shell-profile' },
  };
}

/**
 * The config.toml edit that makes Codex stream over HTTPS only: the same provider as `websocketOffSnippet`, as
 * an action `codex-doctor fix` applies (the rest of the file is kept).
 */
export function websocketOffAction(provider: { id: string; builtIn: boolean; baseUrl: string }, file: string): FixAction {
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

/**
 * TOML that makes Codex stream over HTTPS only. A custom provider just needs the flag; the built-in `openai`
 * provider cannot be redefined, so the snippet declares an HTTPS-only copy of it and selects it.
 */
export function websocketOffSnippet(provider: { id: string; builtIn: boolean; baseUrl: string } | undefined): string {
  if (provider && !provider.builtIn) return `# $CODEX_HOME/config.toml\n[model_providers.${provider.id}]\nsupports_websockets = false`;
  const baseUrl = provider?.baseUrl ?? 'https://chatgpt.com/backend-api/codex';
  return [
    '# $CODEX_HOME/config.toml: the built-in provider, over HTTPS only',
    'model_provider = "openai-https"',
    '',
    '[model_providers.openai-https]',
    'name = "OpenAI (HTTPS only)"',
    `base_url = "${baseUrl}"`,
    'wire_api = "responses"',
    'requires_openai_auth = true',
    'supports_websockets = false',
  ].join('\n');
}
