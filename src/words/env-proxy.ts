// The words of env.precedence, proxy half: the route each transport takes, proxy variables Codex cannot
// use, NO_PROXY entries that send Codex around the proxy, the macOS/Windows system settings, and
// OPENAI_BASE_URL. The check decides (which code, which hosts, which value a fix writes); this file only
// speaks, through the Speaker and its one command builder.
import { ASSUMED_CODEX_RELEASE, CODEX_RELEASES } from '../codex/codex-version.js';
import { describeProxyDecision, proxySetting, proxySourceName, proxyVariableToWrite, type CaseConflict, type NoProxyVariable, type ProxyDecision, type ProxyVariable, type Transport } from '../codex/proxy.js';
import type { SystemProxySettings } from '../codex/system-proxy.js';
import type { FixAction, Finding, Hint } from '../core/types.js';
import type { Speaker } from './speaker.js';

/** Hosts per transport, e.g. the connections a setting sends direct. */
export type HostsByTransport = Readonly<Record<Transport, readonly string[]>>;

export function transportName(transport: Transport): string {
  switch (transport) {
    case 'https':
      return 'HTTPS (login, API)';
    case 'websocket':
      return 'WebSocket (streaming)';
  }
}

export function transportShort(transport: Transport): string {
  switch (transport) {
    case 'https':
      return 'HTTPS';
    case 'websocket':
      return 'WebSocket';
  }
}

export function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `https://chatgpt.com/backend-api/` -> `chatgpt.com`. */
export function hostOf(url: string): string {
  return new URL(url).host;
}

function osName(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'macOS' : 'Windows';
}

/** "HTTPS to auth.openai.com and WebSocket to chatgpt.com": the transports that have hosts. */
function routesWords(hosts: HostsByTransport, name: (t: Transport) => string, separator: string): string {
  return (['https', 'websocket'] as const).flatMap((t) => (hosts[t].length > 0 ? [`${name(t)} to ${listWords(hosts[t])}`] : [])).join(separator);
}

// --- the route per transport ---------------------------------------------------------------------------

/** ENV_PROXY_SELECTED: the decisions of one transport, grouped by route. */
export function proxySelected(say: Speaker, transport: Transport, decisions: readonly ProxyDecision[]): Finding {
  const groups = new Map<string, string[]>();
  for (const d of decisions) {
    const clause = describeProxyDecision(d, (variable) => say.origin(variable));
    groups.set(clause, [...(groups.get(clause) ?? []), hostOf(d.target)]);
  }
  const routes = [...groups].map(([clause, hosts]) => `to ${listWords([...new Set(hosts)])} it ${clause}`).join('; ');
  return { level: 'info', code: 'ENV_PROXY_SELECTED', stage: 'input', detail: `${transportName(transport)}: ${routes}.` };
}

/**
 * `HTTPS_PROXY=""` (or ALL_PROXY, NO_PROXY) beside a set lower-case twin: Codex uses neither, on both
 * transports. `direct`: the connections that go direct instead of through the lower-case proxy; null for
 * NO_PROXY (then no host bypasses the proxy).
 */
export function proxyEmptyUpper(say: Speaker, conflict: CaseConflict, direct: HostsByTransport | null): Finding {
  const hidden = `${conflict.upper} is set but empty, which hides ${conflict.lower}=${conflict.lowerValue}: Codex uses neither, for HTTPS and WebSocket alike`;
  const routes = direct === null ? '' : routesWords(direct, transportName, '; ');
  const consequence = direct === null ? ', so no host bypasses the proxy' : routes !== '' ? `, so Codex connects directly, not through ${conflict.lowerValue}: ${routes}` : '';
  return {
    level: 'warn',
    code: 'ENV_PROXY_EMPTY_UPPER',
    stage: 'input',
    detail: `${hidden}${consequence}.`,
    hints: [say.removeHint(conflict.upper, { after: `so that Codex reads ${conflict.lower}` })],
  };
}

/** Upper and lower case differ (or HTTP_PROXY="" hides http_proxy); `httpPair`: the WebSocket-only HTTP_PROXY pair. */
export function proxyCaseConflict(say: Speaker, conflict: CaseConflict, httpPair: boolean): Finding {
  return {
    level: 'warn',
    code: 'ENV_PROXY_CASE_CONFLICT',
    stage: 'input',
    detail: conflict.upperEmpty
      ? `${conflict.upper} is set but empty, which hides ${conflict.lower}=${conflict.lowerValue}: Codex uses neither, ${
          httpPair ? "so WebSocket streaming cannot fall back to it (Codex's HTTPS client never uses either for https:// URLs)" : 'for HTTPS or WebSocket'
        }.`
      : `${conflict.upper}=${conflict.upperValue} and ${conflict.lower}=${conflict.lowerValue} differ: Codex uses ${conflict.upper} (upper case wins) ${
          httpPair ? 'for WebSocket streaming when HTTPS_PROXY is unset (its HTTPS client never uses either for https:// URLs)' : 'for both transports'
        }, while other tools may pick ${conflict.lower}.`,
    // Upper case wins, so the fix is always on the upper-case name: it decides what Codex uses.
    hints: conflict.upperEmpty
      ? [say.removeHint(conflict.upper)]
      : [
          say.copyHint(conflict.upper, conflict.lower, `If ${conflict.lower} holds the right proxy, give ${conflict.upper} its value: Codex reads ${conflict.upper}, and both spellings then agree.`),
          say.removeHint(conflict.upper, { before: 'Or', after: `so that Codex reads ${conflict.lower}` }),
        ],
  };
}

// --- proxy values Codex cannot use -------------------------------------------------------------------------

/**
 * How the check decided to repair a proxy value neither client can use: the value it can derive (`set`), the
 * same with a password in it, which the doctor never writes (`with-credentials`, shown redacted), or none.
 */
export type ProxyRewrite =
  | { kind: 'set'; variable: string; value: string }
  | { kind: 'with-credentials'; variable: string; shown: string }
  | { kind: 'unknown'; variable: string };

const ENCODE_CREDENTIALS = 'percent-encoding any : / @ # ? in the user name or password';

function rewriteProxyHint(say: Speaker, rewrite: ProxyRewrite): Hint {
  switch (rewrite.kind) {
    case 'set':
      return say.setHint(rewrite.variable, rewrite.value, `Write it as ${rewrite.value}, which both of Codex's clients read.`);
    case 'with-credentials':
      return say.manual(
        `Write ${rewrite.variable} as ${rewrite.shown} with your password in place of [redacted], ${ENCODE_CREDENTIALS}: both of Codex's clients read that. The doctor never writes a password into a command.`,
        { kind: 'manual', topic: 'encode-credentials', ...say.handWritten(rewrite.variable).action },
      );
    case 'unknown':
      return say.manual(
        `Write ${rewrite.variable} as http://host:port, ${ENCODE_CREDENTIALS}. The doctor cannot tell the proxy's address from this value: your browser's proxy settings or PAC file name it; otherwise ask your network team for the address of the HTTP proxy.`,
        { kind: 'manual', topic: 'find-proxy-address', ...say.handWritten(rewrite.variable).action },
      );
  }
}

/** WebSocket: the value does not parse, so streaming fails. */
export function proxyInvalidForWebsocket(say: Speaker, decision: Extract<ProxyDecision, { kind: 'invalid' }>, hosts: readonly string[], rewrite: ProxyRewrite): Finding {
  return {
    level: 'warn',
    code: 'ENV_PROXY_INVALID_URL',
    stage: 'input',
    detail: `${decision.variable}=${decision.value} is not a valid proxy URL: WebSocket connections to ${listWords(hosts)} fail with "${decision.message}".`,
    hints: [rewriteProxyHint(say, rewrite)],
  };
}

/** HTTPS silently skips a value it cannot parse (`skipped` says why) and does what `then` says instead. */
export function proxyIgnoredByHttps(say: Speaker, skipped: string, then: ProxyDecision, rewrite: ProxyRewrite): Finding {
  return {
    level: 'warn',
    code: 'ENV_PROXY_INVALID_URL',
    stage: 'input',
    detail: `${skipped}; Codex then ${describeProxyDecision(then)}.`,
    hints: [rewriteProxyHint(say, rewrite)],
  };
}

/**
 * A proxy Codex selects but cannot use for this transport. On the WebSocket `httpUrl` is the same proxy's
 * http:// address, null when it holds a password (the doctor never writes one); for HTTPS (SOCKS) there is no
 * http:// form to derive, so the user looks it up.
 */
export function proxySchemeUnsupported(say: Speaker, decision: Extract<ProxyDecision, { kind: 'unsupported' }>, hosts: readonly string[], fixVariable: string, httpUrl: string | null): Finding {
  const useHttp = "Use the proxy's http:// address (most proxies accept plain-HTTP CONNECT; check the port with the network team)";
  const d = decision;
  return {
    level: 'warn',
    code: 'ENV_PROXY_SCHEME_UNSUPPORTED',
    stage: 'input',
    detail:
      d.transport === 'https'
        ? `${proxySetting(d.variable, d.value)} is a ${d.scheme}:// proxy, but SOCKS is not compiled into Codex's HTTPS client: login and API requests to ${listWords(hosts)} fail ("error sending request for url").`
        : `${d.variable}=${d.value} ${d.scheme === '' ? 'has no scheme' : `is an ${d.scheme}:// proxy`}, which Codex's WebSocket client cannot use: streaming to ${listWords(hosts)} fails with "${d.message}", and Codex falls back to HTTPS after 5 attempts.`,
    // Which HTTP proxy to use is the user's to look up (or IT's to name), never a placeholder written into a profile.
    hints: [
      d.transport === 'https'
        ? say.manual(
            `${d.variable === 'system' || d.variable === '--proxy' ? `Set HTTPS_PROXY to an HTTP proxy: Codex then uses it instead of ${proxySourceName(d.variable)}` : `Point ${d.variable}${say.handWritten(d.variable).where} at an HTTP proxy`}, written http://host:port. The doctor cannot know its address: your browser's proxy settings or PAC file name it (most corporate proxies also accept plain-HTTP CONNECT, often on port 8080 or 3128); if there is none, ask your network team for one.`,
            { kind: 'manual', topic: 'find-proxy-address', ...say.handWritten(proxyVariableToWrite(d.variable)).action },
          )
        : httpUrl === null
          ? say.manual(`${useHttp}, with the same user name and password in front of the host: the doctor never writes a password into a command.`, {
              kind: 'manual',
              topic: 'encode-credentials',
            })
          : say.setHint(fixVariable, httpUrl, `${useHttp}.`),
    ],
  };
}

/** What an unencoded @ in a proxy's credentials makes each transport send. */
export interface UnencodedAtFacts {
  variable: ProxyVariable;
  /** The value, redacted. */
  shown: string;
  /** The @ is in the user name (else in the password). */
  inUser: boolean;
  /** What the HTTPS client sends (it ends the userinfo at the first @). */
  https: { username: string; hasPassword: boolean };
  /** What the WebSocket client sends (it ends the userinfo at the last @); null when the WebSocket does not use it. */
  websocketUser: string | null;
  /** The variable a fix sets and the URL to write, with USER and PASSWORD in place of the credentials (never shown). */
  fixVariable: string;
  example: string;
}

export function proxyUnencodedAt(say: Speaker, f: UnencodedAtFacts): Finding {
  return {
    level: 'warn',
    code: 'ENV_PROXY_UNENCODED_AT',
    stage: 'input',
    detail: `${proxySetting(f.variable, f.shown)} has an unencoded @ in its ${f.inUser ? 'user name' : 'password'}: Codex's HTTPS client (login, API) ends the credentials at the first @ and sends ${f.inUser ? 'the user name cut there' : 'the user name'} ${
      f.https.hasPassword ? 'with only the part of the password before that @' : 'without a password'
    }, so a proxy that checks them refuses login with 407${f.websocketUser !== null ? ', while WebSocket streaming ends them at the last @ and sends the whole user name and password' : ''}. Write each @ in the user name or password as %40.`,
    hints: [
      say.manual(
        `Percent-encode the ${f.inUser ? 'user name and the password' : 'password'}: run this with the real value in place of PASSWORD (keep the single quotes); @ becomes %40.`,
        { kind: 'manual', topic: 'encode-credentials' },
        say.commands.percentEncode(),
      ),
      // No command with PASSWORD in it: copied as is, it would set a wrong password.
      say.manual(`Then set ${f.variable === '--proxy' ? 'the proxy' : f.fixVariable} to ${f.example}, with your user name in place of USER and the encoded password in place of PASSWORD (each @ in them written %40).`, {
        kind: 'manual',
        topic: 'encode-credentials',
      }),
    ],
  };
}

/** Only HTTP_PROXY (or http_proxy) is set; `websocketUses`: the WebSocket does use it. */
export function proxyHttpOnly(say: Speaker, variable: string, shown: string, websocketUses: boolean, fromDotenv: boolean): Finding {
  return {
    level: 'warn',
    code: 'ENV_PROXY_HTTP_ONLY',
    stage: 'input',
    detail: `Only ${variable}=${shown} is set: Codex's HTTPS client (login, API) never uses it for https:// URLs and connects directly${
      websocketUses ? ', while WebSocket streaming does use it' : ''
    }.`,
    hints: [say.copyHint('HTTPS_PROXY', variable, fromDotenv ? `Add HTTPS_PROXY with the same value as ${variable} to ${say.dotenv}.` : 'Set HTTPS_PROXY to the same proxy.')],
  };
}

/** How the check decided to take a NO_PROXY entry out. */
export type NoProxyFix =
  /** The Windows exceptions: NO_PROXY, once set, replaces them for Codex. */
  | { kind: 'set-no-proxy-over-system'; rest: string }
  | { kind: 'set'; rest: string }
  | { kind: 'unset' };

/** A NO_PROXY entry sends Codex's own hosts around the proxy; `stillProxied`: transports that keep using it. */
export function noProxyBypass(
  say: Speaker,
  entry: { list: NoProxyVariable; entry: string; proxy: ProxyVariable },
  bypassed: HostsByTransport,
  stillProxied: readonly Transport[],
  fix: NoProxyFix,
): Finding {
  return {
    level: 'warn',
    code: 'ENV_NO_PROXY_BYPASS',
    stage: 'input',
    detail: `${proxySourceName(entry.list)} entry "${entry.entry}" makes Codex skip the proxy (${proxySourceName(entry.proxy)}) and connect directly for ${routesWords(bypassed, transportShort, ' and ')}${
      stillProxied.length > 0
        ? ` (${stillProxied.map(transportShort).join(', ')} still use${stillProxied.length === 1 ? 's' : ''} the proxy: the two transports match NO_PROXY differently)`
        : ''
    }. Where the proxy is the only way out, those connections fail.`,
    hints: [
      fix.kind === 'set-no-proxy-over-system'
        ? say.setHint(
            'NO_PROXY',
            fix.rest,
            `Remove "${entry.entry}" from the exceptions in the Windows proxy settings (Settings > Network & internet > Proxy), or set NO_PROXY, which Codex reads instead of them.`,
          )
        : fix.kind === 'set'
          ? say.setHint(entry.list, fix.rest, `Remove "${entry.entry}" from ${entry.list}.`)
          : say.removeHint(entry.list),
    ],
  };
}

// --- the macOS / Windows system proxy settings -----------------------------------------------------------

/** `[features] respect_system_proxy = true` where PAC may decide; `turnOff` is the config edit that stops it. */
export function respectSystemProxyPac(say: Speaker, platform: NodeJS.Platform, file: string, pac: string | null, turnOff: FixAction): Finding {
  return {
    level: 'warn',
    code: 'ENV_RESPECT_SYSTEM_PROXY_PAC',
    stage: 'input',
    detail: `[features] respect_system_proxy = true (${say.show(file)}): on ${osName(platform)} Codex asks the system first, PAC file and automatic discovery (WPAD) included, and a "direct" answer there overrides HTTPS_PROXY. The doctor cannot evaluate PAC: its proxy verdicts follow the environment and the manual system settings, so Codex may route differently${
      pac ? ` (the system names ${pac})` : ''
    }.`,
    hints: [
      {
        text:
          platform === 'darwin'
            ? 'See the PAC setting Codex consults (ProxyAutoConfigURLString, ProxyAutoDiscoveryEnable) and ask the network team what it returns for https://auth.openai.com and https://chatgpt.com.'
            : 'See the system proxy Codex consults, then ask the network team what the PAC file returns for https://auth.openai.com and https://chatgpt.com.',
        command: platform === 'darwin' ? 'scutil --proxy' : 'netsh winhttp show proxy',
      },
      say.fix('To let the environment decide, as the doctor assumes, turn the feature off.', turnOff),
    ],
  };
}

export function systemProxyUnread(say: Speaker, system: SystemProxySettings, error: string): Finding {
  return {
    level: 'warn',
    code: 'ENV_SYSTEM_PROXY_UNREAD',
    stage: 'input',
    detail: `The ${osName(system.platform)} proxy settings could not be read (${error}). Codex's HTTPS client uses a proxy set there when HTTPS_PROXY is unset, so the HTTPS verdicts here assume there is none.`,
    hints: [say.manual('Look at the settings yourself: an HTTPS proxy listed there is what Codex uses for login and the API.', { kind: 'manual', topic: 'system-proxy-settings' }, system.command)],
  };
}

/**
 * ENV_SYSTEM_PROXY: what the settings say and what Codex takes from them. `httpsUse`: whether Codex's HTTPS
 * client uses them here; `pacShown`: the PAC URL when it matters (null when it does not).
 */
export function systemProxySettings(system: SystemProxySettings, shownProxy: string | null, httpsUse: 'uses' | 'unset' | 'overridden', pacShown: string | null): Finding {
  return {
    level: 'info',
    code: 'ENV_SYSTEM_PROXY',
    stage: 'input',
    detail: `${osName(system.platform)} proxy settings (${system.command}): ${shownProxy === null ? 'no HTTPS proxy' : `HTTPS proxy ${shownProxy}`}${
      system.noProxy !== null ? `, exceptions ${system.noProxy}` : ''
    }. Codex's HTTPS client uses them where HTTPS_PROXY is unset or empty${httpsUse === 'uses' ? ' (as here)' : httpsUse === 'unset' ? '' : ' (here HTTPS_PROXY is set)'}; its WebSocket client never reads them.${
      system.exceptions.length > 0 ? ` The bypass list (${system.exceptions.join(', ')}) is not applied by Codex.` : ''
    }${pacShown !== null ? ` The automatic configuration (${pacShown}) is ignored unless [features] respect_system_proxy = true.` : ''}`,
  };
}

/** HTTPS goes through the system proxy `shown`, the WebSocket directly to `direct`; `httpUrl` is that proxy for HTTPS_PROXY. */
export function systemProxyHttpsOnly(say: Speaker, platform: NodeJS.Platform, shown: string, direct: readonly string[], httpUrl: string): Finding {
  return {
    level: 'warn',
    code: 'ENV_SYSTEM_PROXY_HTTPS_ONLY',
    stage: 'input',
    detail: `Login and API requests go through the ${osName(platform)} proxy setting ${shown}, but Codex's WebSocket client does not read the system settings and connects directly to ${listWords(direct)}: where the proxy is the only way out, streaming fails and Codex falls back to HTTPS after 5 attempts.`,
    hints: [say.setHint('HTTPS_PROXY', httpUrl, 'Give Codex the same proxy in HTTPS_PROXY: both transports read it.')],
  };
}

export function systemProxyPacIgnored(say: Speaker, platform: NodeJS.Platform, pac: string): Finding {
  return {
    level: 'warn',
    code: 'ENV_SYSTEM_PROXY_PAC_IGNORED',
    stage: 'input',
    detail: `${osName(platform)} gets its proxy from automatic configuration (${pac}), which Codex does not read: with no HTTPS_PROXY and no manual proxy setting, Codex connects directly. Where the PAC file sends browsers through a proxy, Codex's connections fail.`,
    // The doctor does not evaluate PAC: which proxy it names is the user's to look up, never a placeholder to apply.
    hints: [
      say.manual(
        'Find the proxy the PAC file gives for https://chatgpt.com (your browser uses it; the network team knows it) and set it for Codex in HTTPS_PROXY, written http://host:port.',
        { kind: 'manual', topic: 'find-proxy-address', variable: 'HTTPS_PROXY' },
      ),
    ],
  };
}

// --- OPENAI_BASE_URL ------------------------------------------------------------------------------------

/**
 * OPENAI_BASE_URL, honoured by the installed Codex (`honoured`) or ignored. `move` is the config edit that
 * sets the key, or null when the value holds something secret: then the user fills in the redacted parts.
 */
export function openAiBaseUrl(say: Speaker, shown: string, honoured: boolean, version: string | null, configFile: string, move: FixAction | null): Finding {
  const redacted = move === null ? ', with the parts shown as [redacted] filled in' : '';
  const text = `Set the base URL in config.toml instead (a top-level key: above the first [table])${redacted}.`;
  const hint: Hint =
    move !== null
      ? say.fix(text, move)
      : { text, snippet: `# ${say.show(configFile)}\nopenai_base_url = ${JSON.stringify(shown)}`, action: { kind: 'manual', topic: 'repair-file', file: configFile } };
  const since = CODEX_RELEASES.openaiBaseUrlEnvIgnored;
  if (honoured) {
    return {
      level: 'info',
      code: 'ENV_OPENAI_BASE_URL_USED',
      stage: 'input',
      detail: `OPENAI_BASE_URL=${shown} (${say.origin('OPENAI_BASE_URL')}) is the base URL of Codex's built-in provider in Codex ${version}: the model API goes there. Codex ${since} and later ignore the variable.`,
      hints: [{ ...hint, text: `Before upgrading Codex, move it to config.toml (a top-level key: above the first [table])${redacted}.` }],
    };
  }
  return {
    level: 'warn',
    code: 'ENV_OPENAI_BASE_URL_IGNORED',
    stage: 'input',
    detail: `OPENAI_BASE_URL=${shown} is set (${say.origin('OPENAI_BASE_URL')}), but ${
      version === null ? `Codex ignores it from ${since} on (the installed version is unknown; Codex ${ASSUMED_CODEX_RELEASE} is assumed)` : `Codex ${version} ignores it (since ${since})`
    }: the built-in provider still sends the model API to OpenAI (api.openai.com or chatgpt.com), not to ${shown}.`,
    hints: [hint],
  };
}
