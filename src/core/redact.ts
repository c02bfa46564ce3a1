// Secrets never leave the doctor: proxy passwords, API keys, tokens, private keys.
// Checks redact at the source; the final report is passed through `Redactor.deep` as a safety net.

const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH)/i;
/** Secret-sounding names whose value is a path, not a secret. */
const PATH_NAME = /^(CODEX_CA_CERTIFICATE|.*_CA.*|.*CERT.*)$/i;
/**
 * config.toml keys with a secret-sounding name whose value is not a secret: a variable's name (env_key),
 * a choice ("apikey", "keyring"), a path, a number. Redacting those would blank common words everywhere.
 */
const CONFIG_NOT_SECRET = /^(env_key(_instructions)?|.*_env_var|preferred_auth_method|cli_auth_credentials_store|.*private[-_]key|.*_limit)$/i;
/** Tables of config.toml whose every value is a credential (`Authorization = "Bearer ..."`, `X-Api-Key`...). */
const SECRET_TABLES = new Set(['http_headers']);
const MIN_SECRET_LENGTH = 4;
/** How deep `NAME=value` lines inside a value are followed (a .env quote left open swallows later lines). */
const MAX_EMBEDDED_DEPTH = 3;

/**
 * What to replace, and a literal that every match contains: a string without it is not searched (the report
 * holds hundreds of strings, nearly none with a secret, and this keeps the safety net cheap).
 */
const PATTERNS: Array<{ pattern: RegExp; replacement: string; literal: string }> = [
  // The userinfo of any URL, user name included: user:password@ up to the LAST @ that is followed by a host (a
  // raw / or @ in the password, see userinfoPasswords), or a user name alone. (The placeholder user:password in
  // a hint is not a secret.)
  { pattern: /(\b[a-z][a-z0-9+.-]*:\/\/)(?!user:password@)[^\s:@/]*:\S*@(?=[^\s@/?#]*(?:[\s/?#]|$))/gi, replacement: '$1[redacted]@', literal: '://' },
  { pattern: /(\b[a-z][a-z0-9+.-]*:\/\/)(?!\[redacted\]@|user@)[^\s:@/?#[\]]+@(?=[^\s@/?#]*(?:[\s/?#]|$))/gi, replacement: '$1[redacted]@', literal: '@' },
  // A user name before a password already redacted (no scheme, `alice:pw@proxy:8080`, which Codex reads as
  // http://; or a password whose raw ? or # made the rest of the URL a secret too).
  { pattern: /(^|[\s'"=/])[^\s:@/'"=]+:\[redacted\]/g, replacement: '$1[redacted]', literal: ':[redacted]' },
  // OpenAI-style keys and bearer tokens.
  { pattern: /\bsk-[A-Za-z0-9_-]{8,}/g, replacement: 'sk-[redacted]', literal: 'sk-' },
  // (Only token-shaped words: "Basic Proxy-Authorization" in a sentence is not a credential.)
  // An English word after it ("Basic credentials", "Basic Authentication") is prose, not base64.
  { pattern: /\bBasic\s+(?![A-Z]?[a-z]+(?![A-Za-z0-9+/=]))[A-Za-z0-9+/]{8,}={0,2}(?![\w-])/g, replacement: 'Basic [redacted]', literal: 'Basic' },
  { pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*(?![\w-])/g, replacement: 'Bearer [redacted]', literal: 'Bearer' },
  // JWTs (auth.json id/access tokens).
  { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replacement: '[redacted-jwt]', literal: 'eyJ' },
  // A private key block found anywhere.
  { pattern: /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g, replacement: '[redacted $1PRIVATE KEY]', literal: 'PRIVATE KEY-----' },
];

/** `text` with each of the (possibly overlapping) ranges, merged, replaced by [redacted]. */
function replaceRanges(text: string, ranges: Array<[number, number]>): string {
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let from = 0;
  let [start, end] = ranges[0]!;
  for (let i = 1; i <= ranges.length; i++) {
    const next = ranges[i];
    if (next && next[0] <= end) {
      end = Math.max(end, next[1]);
      continue;
    }
    out += `${text.slice(from, start)}[redacted]`;
    from = end;
    if (next) [start, end] = next;
  }
  return out + text.slice(from);
}

export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: Iterable<string> = []) {
    // Longest first so that a secret containing another is replaced whole.
    this.secrets = [...new Set([...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH))].sort(
      (a, b) => b.length - a.length,
    );
  }

  /** Collects the values that must never appear in output from an environment. */
  static fromEnv(env: Readonly<Record<string, string | undefined>>): Redactor {
    const secrets: string[] = [];
    for (const [name, value] of Object.entries(env)) if (value) collectEntry(name, value, secrets, 0);
    return new Redactor(secrets);
  }

  with(more: Iterable<string>): Redactor {
    return new Redactor([...this.secrets, ...more]);
  }

  /**
   * Adds the secrets of config.toml: the values of secret-named keys at any depth (as if they were
   * variables: `[shell_environment_policy.set]`, an MCP server's `env` or `bearer_token`), every value of an
   * `http_headers` table, and the password of any URL value. From the parsed tables, and from the files'
   * text, read line by line as `key = value`: a file that does not parse is shown as lines around the error.
   */
  withConfig(tables: Iterable<unknown>, sources: Iterable<string> = []): Redactor {
    const secrets: string[] = [];
    const value = (name: string, text: string, inSecretTable: boolean): void => {
      if (inSecretTable) pushSecret(text, secrets);
      if (!CONFIG_NOT_SECRET.test(name) && !/^(\/|~\/|\.\/)/.test(text)) collectEntry(name, text, secrets, 0);
      else secrets.push(...userinfoPasswords(text));
    };
    const walk = (node: unknown, name: string, inSecretTable: boolean): void => {
      if (typeof node === 'string') value(name, node, inSecretTable);
      else if (Array.isArray(node)) for (const item of node) walk(item, name, inSecretTable);
      else if (node !== null && typeof node === 'object' && !(node instanceof Date)) {
        // Numbers, booleans and dates hold no secret: not walked (a config may hold tens of thousands).
        for (const key in node) {
          const item = (node as Record<string, unknown>)[key];
          if (typeof item === 'string' || (typeof item === 'object' && item !== null)) walk(item, key, inSecretTable || SECRET_TABLES.has(key));
        }
      }
    };
    for (const table of tables) walk(table, '', false);
    for (const source of sources) {
      let table = '';
      for (const line of source.split(/\r?\n/)) {
        const header = /^\s*\[+\s*([^\]]*?)\s*\]+/.exec(line);
        if (header) table = header[1]!;
        const inSecretTable = SECRET_TABLES.has(lastKey(table));
        for (const pair of line.matchAll(TOML_PAIR)) {
          // A boolean, a number or a date is no secret (requires_openai_auth = true would blank every "true").
          if (/^(true|false|inf|nan|[+-]?[\d_.:TZ+-]+)$/i.test(pair[2]!)) continue;
          const key = lastKey(pair[1]!);
          value(key, unquote(pair[2]!), inSecretTable || SECRET_TABLES.has(key) || /\bhttp_headers\s*=\s*\{/.test(line));
        }
      }
    }
    return this.with(secrets);
  }

  text(input: string): string {
    let out = input;
    // Indexed loops: this runs for every string of the report while the code is still cold, where for-of
    // and array destructuring allocate iterator results at every step.
    // Every place any secret covers, merged: two secrets that overlap (a password and a "query value" read out
    // of it) are replaced as one, so no part of either is left.
    const ranges: Array<[number, number]> = [];
    for (let i = 0; i < this.secrets.length; i++) {
      const secret = this.secrets[i]!;
      for (let at = out.indexOf(secret); at !== -1; at = out.indexOf(secret, at + 1)) ranges.push([at, at + secret.length]);
    }
    if (ranges.length > 0) out = replaceRanges(out, ranges);
    for (let i = 0; i < PATTERNS.length; i++) {
      const { pattern, replacement, literal } = PATTERNS[i]!;
      if (out.includes(literal)) out = out.replace(pattern, replacement);
    }
    return out;
  }

  /** Redacts every string in a JSON-like value (keys are kept). */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.deep(v)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.deep(v);
      return out as T;
    }
    return value;
  }
}

/** `key = "value"` in a TOML line, also inside an inline table (the value: a string or a bare word). */
const TOML_PAIR = /(?:^|[{,])\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=\s*("(?:[^"\\]|\\.)*"?|'[^']*'?|[^\s,{}#]+)/g;

/** `a.b."c d"` -> `c d`. */
function lastKey(dotted: string): string {
  const parts = dotted.match(/"[^"]*"|'[^']*'|[^.\s]+/g) ?? [''];
  return unquote(parts[parts.length - 1]!);
}

/** One `NAME=value` (a variable, a config key): its secrets into `out`. */
function collectEntry(name: string, value: string, out: string[], depth: number): void {
  if (SECRET_NAME.test(name) && !PATH_NAME.test(name)) pushSecret(value, out);
  out.push(...userinfoPasswords(value));
  if (PROXY_NAME.test(name)) out.push(...queryAndFragmentSecrets(value));
  // A .env value whose opening quote is never closed runs over the following lines, which Codex then never
  // sees as variables but the report shows inside this value: their secrets are secrets all the same.
  if (depth < MAX_EMBEDDED_DEPTH && /[\r\n]/.test(value)) {
    for (const line of value.split(/\r?\n|\r/)) {
      // The value is trimmed after the match: `(.*?)\s*$` is quadratic on a long run of blanks inside it.
      const embedded = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$/.exec(line);
      if (embedded) collectEntry(embedded[1]!, unquote(embedded[2]!.trim()), out, depth + 1);
    }
  }
}

/** A secret value as written, trimmed and unquoted (whichever form a message quotes). */
function pushSecret(value: string, out: string[]): void {
  out.push(value);
  const bare = unquote(value.trim());
  if (bare !== value) out.push(bare);
}

function unquote(value: string): string {
  return value.replace(/^(["'])([\s\S]*)\1$/, '$2').replace(/^["']|["']$/g, '');
}

/**
 * The password of a URL-like value (`scheme://user:pass@host`, or `user:pass@host` without a scheme), taken so
 * that it is caught however it is read: everything from the first `:` after the `//` to the LAST `@` of the
 * line, whatever it holds (a raw `/`, `?`, `#` or blank makes the value no valid URL, yet it is typed and
 * shown), plus each `@`-separated piece of it, because Codex's clients disagree on where the credentials end
 * (hyper-util cuts at the first `@`, http::Uri at the last: see unencodedAtInUserinfo in src/codex/proxy-uri.ts),
 * plus the percent-decoded and percent-encoded forms of each. Redaction's one reading of userinfo.
 */
export function userinfoPasswords(value: string): string[] {
  const line = value.split(/[\r\n]/, 1)[0]!;
  const scheme = /^\s*[a-z][a-z0-9+.-]*:\/\//i.exec(line);
  const start = scheme ? scheme[0].length : 0;
  const at = line.lastIndexOf('@');
  const colon = line.indexOf(':', start);
  if (colon === -1 || colon >= at) return [];
  // Without a scheme only `user:pass@host` is read so (not a sentence or a path that happens to hold : and @).
  if (!scheme && !/^[^\s:@/]*$/.test(line.slice(0, colon))) return [];
  const password = line.slice(colon + 1, at);
  if (password === '') return [];
  const pieces = password.split('@');
  const readings = pieces.length > 1 ? [password, ...pieces.filter((p) => p.length >= MIN_SECRET_LENGTH)] : [password];
  return readings.flatMap((p) => [p, percentDecode(p), encodeURIComponent(p)]);
}

/** Proxy variables and the --proxy argument: their query values and fragment are secrets (a token in a PAC-style URL). */
const PROXY_NAME = /(^|_)proxy$|^--proxy$/i;

/**
 * Where the query string or fragment of a URL-like value starts, or -1: after the userinfo (which ends at
 * the last `@`, as for passwords) or, read the other way, right after the `//` (a `@` inside the query).
 */
function queryStart(value: string, reading: 'after-userinfo' | 'after-scheme' = 'after-userinfo'): number {
  const schemeEnd = value.indexOf('://');
  const authorityStart = schemeEnd === -1 ? 0 : schemeEnd + 3;
  const from = reading === 'after-userinfo' ? Math.max(authorityStart, value.lastIndexOf('@') + 1) : authorityStart;
  const offset = value.slice(from).search(/[?#]/);
  return offset === -1 ? -1 : from + offset;
}

/** The values of `?a=b&c=d` and the `#fragment` of a URL-like value, in both readings of where they start. */
function queryAndFragmentSecrets(value: string): string[] {
  const line = value.split(/[\r\n]/, 1)[0]!;
  return (['after-userinfo', 'after-scheme'] as const).flatMap((reading) => {
    const start = queryStart(line, reading);
    if (start < 0) return [];
    const { query, fragment } = splitQuery(line.slice(start));
    const secrets = query === '' ? [] : query.slice(1).split('&').map((pair) => (pair.includes('=') ? pair.slice(pair.indexOf('=') + 1) : pair));
    if (fragment !== null) secrets.push(fragment);
    return secrets.filter((secret) => secret !== '').flatMap((secret) => [secret, percentDecode(secret)]);
  });
}

/** `?a=b#c` -> query `?a=b`, fragment `c` (null without a `#`). */
function splitQuery(rest: string): { query: string; fragment: string | null } {
  const hash = rest.indexOf('#');
  return hash === -1 ? { query: rest, fragment: null } : { query: rest.slice(0, hash), fragment: rest.slice(hash + 1) };
}

/**
 * A proxy value as written, for a message: the user name and password, every query value and the fragment
 * replaced (`http://[redacted]@proxy:3128/p?token=[redacted]#[redacted]`). Works on values that are no valid URL.
 */
export function redactProxyValue(value: string): string {
  const start = queryStart(value);
  const head = start < 0 ? value : value.slice(0, start);
  const schemeEnd = head.indexOf('://');
  const authorityStart = schemeEnd === -1 ? 0 : schemeEnd + 3;
  const at = head.lastIndexOf('@');
  const shownHead = at >= authorityStart ? `${head.slice(0, authorityStart)}[redacted]${head.slice(at)}` : head;
  if (start < 0) return shownHead;
  const { query, fragment } = splitQuery(value.slice(start));
  const pairs = query.slice(1).split('&').map((pair) => (pair === '' ? '' : pair.includes('=') ? `${pair.slice(0, pair.indexOf('='))}=[redacted]` : '[redacted]'));
  return `${shownHead}${query === '' ? '' : `?${pairs.join('&')}`}${fragment === null ? '' : '#[redacted]'}`;
}

/** `http://user:pass@host` -> `http://[redacted]@host`; also drops query values. */
export function redactUrl(url: string): string {
  // Without a scheme (`user:pass@proxy:8080`, which Codex reads as http://) the same rule applies.
  const schemeless = !url.includes('://');
  try {
    const parsed = new URL(schemeless ? `http://${url}` : url);
    const userinfo = parsed.username !== '' || parsed.password !== '';
    parsed.password = '';
    parsed.username = userinfo ? 'redacted' : '';
    for (const key of [...parsed.searchParams.keys()]) parsed.searchParams.set(key, 'redacted');
    let out = parsed.toString().replace('//redacted@', '//[redacted]@').replace(/=redacted/g, '=[redacted]');
    if (schemeless) out = out.slice('http://'.length);
    // URL adds a trailing slash the user did not write.
    if (!url.endsWith('/') && out.endsWith('/')) out = out.slice(0, -1);
    // A raw / in the password makes URL read its start as the port and the rest as the path.
    return new Redactor(userinfoPasswords(url)).text(out);
  } catch {
    return new Redactor(userinfoPasswords(url)).text(url);
  }
}

/** The URL without user:password: what a probe may send and a report may show. */
export function withoutUserinfo(url: URL): URL {
  const bare = new URL(url);
  bare.username = '';
  bare.password = '';
  return bare;
}

function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
