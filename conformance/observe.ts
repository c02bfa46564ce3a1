// Pure parts of the harness: reading Codex's own output and the lab origin's log into an outcome per
// transport, and naming the cause class Codex's text gives. Unit-tested in test/conformance/.

export const TRANSPORTS = ['login', 'websocket', 'https'] as const;
/** Codex's warning when the Responses WebSocket failed and it streams over HTTPS instead. */
export const FALLBACK_WARNING = /Falling back from WebSockets? to HTTPS transport\.?\s*([^\n]*)/;
export type Transport = (typeof TRANSPORTS)[number];

/** The cause classes both sides can name (issue #12, item 3). */
export type CauseClass =
  | 'untrusted-chain'
  | 'weak-chain'
  | 'proxy-auth'
  /** Connection refused, reset or never answered: a proxy, or the direct path through a firewall. */
  | 'refused-or-silent'
  | 'blocked-by-policy'
  | 'upgrade-refused'
  | 'bundle-load'
  | 'proxy-scheme'
  | 'config';

export interface Outcome {
  works: boolean;
  /** The cause class Codex's text names, when it names one. */
  cause?: CauseClass;
  /** One line of Codex's own words (or what the lab saw) behind the verdict. */
  evidence: string;
}

/** What `codex login` prints: the authorize URL with the state and the loopback redirect port. */
export function parseAuthorizeUrl(output: string): { state: string; callbackPort: number } | null {
  const match = /https:\/\/auth\.openai\.com\/oauth\/authorize\?\S+/.exec(output);
  if (!match) return null;
  let url: URL;
  try {
    url = new URL(match[0]);
  } catch {
    return null;
  }
  const state = url.searchParams.get('state');
  const redirect = url.searchParams.get('redirect_uri');
  if (!state || !redirect) return null;
  let port: number;
  try {
    port = Number(new URL(redirect).port);
  } catch {
    return null;
  }
  return Number.isInteger(port) && port > 0 ? { state, callbackPort: port } : null;
}

/** The login token exchange, from Codex's output: undefined while it has not said yet. */
export function loginOutcome(output: string): Outcome | undefined {
  const status = /token endpoint returned status (\d{3})[^\n]*/.exec(output);
  if (status) {
    // The lab origin answers a deliberately invalid code with OpenAI's JSON 400: the path works.
    return status[1] === '400' ? { works: true, evidence: status[0] } : { works: false, evidence: status[0] };
  }
  const transport = /Token exchange failed:[^\n]*/.exec(output) ?? /error sending request[^\n]*/.exec(output);
  if (transport) return { works: false, ...causeOf(transport[0]), evidence: transport[0] };
  const bundle = /Failed to (?:read|load|parse|build)[^\n]*(?:CA|certificate)[^\n]*/i.exec(output);
  if (bundle) return { works: false, cause: 'bundle-load', evidence: bundle[0] };
  const config = configError(output);
  if (config) return config;
  return undefined;
}

/** The Responses WebSocket, from Codex's output (the upgrade reaching the origin is decided elsewhere). */
export function webSocketFailure(output: string): Outcome | undefined {
  const fallback = FALLBACK_WARNING.exec(output);
  if (fallback) return { works: false, ...causeOf(fallback[1] ?? ''), evidence: fallback[0].trim() };
  return configError(output);
}

/** The Responses request over HTTPS: a failure is Codex reporting a retry or a stream error. */
export function httpsFailure(output: string): Outcome | undefined {
  const line = /(?:Reconnecting\.\.\.[^\n]*|stream error[^\n]*|error sending request[^\n]*|Connection failed[^\n]*)/.exec(output);
  if (line) return { works: false, ...causeOf(line[0]), evidence: line[0].trim() };
  return configError(output);
}

/** Codex refusing to start on its configuration (a TOML error, an unknown provider, ...). */
function configError(output: string): Outcome | undefined {
  const line = /(?:Error loading config(?:uration)?|error loading config|Failed to load config|config\.toml:\d+:\d+)[^\n]*/i.exec(output);
  return line ? { works: false, cause: 'config', evidence: line[0].trim() } : undefined;
}

/** The cause class named by one of Codex's error texts; none when the text names no cause. */
export function causeOf(text: string): { cause?: CauseClass } {
  const rules: Array<[RegExp, CauseClass]> = [
    [/UnknownIssuer|NotValidForName|Expired|CaUsedAsEndEntity|UnknownCA|certificate verify failed/i, 'untrusted-chain'],
    [/BadSignature|UnsupportedSignatureAlgorithm|InvalidSignatureForPublicKey/i, 'weak-chain'],
    [/\b407\b|Proxy Authentication Required/i, 'proxy-auth'],
    [/Proxy URL scheme not supported/i, 'proxy-scheme'],
    [/failed to configure websocket TLS|CA certificate|PEM file/i, 'bundle-load'],
    [/HTTP CONNECT failed with status (?:403|502)/i, 'blocked-by-policy'],
    [/Connection refused|connection reset|timed out|Connection closed|HTTP CONNECT failed/i, 'refused-or-silent'],
    [/unexpected status (?:400|403|405|426)|Upgrade|Handshake not finished|HTTP error: (?:200|400|403|405|426)/i, 'upgrade-refused'],
  ];
  for (const [pattern, cause] of rules) if (pattern.test(text)) return { cause };
  return {};
}
