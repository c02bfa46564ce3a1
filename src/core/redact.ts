// Secrets never leave the doctor: proxy passwords, API keys, tokens, private keys.
// Checks redact at the source; the final report is passed through `Redactor.deep` as a safety net.

const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH)/i;
const MIN_SECRET_LENGTH = 4;

/**
 * What to replace, and a literal that every match contains: a string without it is not searched (the report
 * holds hundreds of strings, nearly none with a secret, and this keeps the safety net cheap).
 */
const PATTERNS: Array<{ pattern: RegExp; replacement: string; literal: string }> = [
  // user:password@ in any URL: keep the user, drop the password.
  // (The literal placeholder PASSWORD in a hint is not a secret.)
  { pattern: /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*):(?!PASSWORD@)[^\s@/]*@/gi, replacement: '$1:[redacted]@', literal: '://' },
  // OpenAI-style keys and bearer tokens.
  { pattern: /\bsk-[A-Za-z0-9_-]{8,}/g, replacement: 'sk-[redacted]', literal: 'sk-' },
  // (Only token-shaped words: "Basic Proxy-Authorization" in a sentence is not a credential.)
  { pattern: /\bBasic\s+[A-Za-z0-9+/]{8,}={0,2}(?![\w-])/g, replacement: 'Basic [redacted]', literal: 'Basic' },
  { pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*(?![\w-])/g, replacement: 'Bearer [redacted]', literal: 'Bearer' },
  // JWTs (auth.json id/access tokens).
  { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replacement: '[redacted-jwt]', literal: 'eyJ' },
  // A private key block found anywhere.
  { pattern: /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g, replacement: '[redacted $1PRIVATE KEY]', literal: 'PRIVATE KEY-----' },
];

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
    for (const [name, value] of Object.entries(env)) {
      if (!value) continue;
      if (SECRET_NAME.test(name) && !/^(CODEX_CA_CERTIFICATE|.*_CA.*|.*CERT.*)$/i.test(name)) secrets.push(value);
      const password = proxyPassword(value);
      if (password) secrets.push(password, decodeURIComponentSafe(password));
    }
    return new Redactor(secrets);
  }

  with(more: Iterable<string>): Redactor {
    return new Redactor([...this.secrets, ...more]);
  }

  text(input: string): string {
    let out = input;
    // Indexed loops: this runs for every string of the report while the code is still cold, where for-of
    // and array destructuring allocate iterator results at every step.
    for (let i = 0; i < this.secrets.length; i++) {
      const secret = this.secrets[i]!;
      if (out.includes(secret)) out = out.split(secret).join('[redacted]');
    }
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

/** `http://user:pass@host` -> `http://user:[redacted]@host`; also drops query values. */
export function redactUrl(url: string): string {
  // Without a scheme (`user:pass@proxy:8080`, which Codex reads as http://) the same rule applies.
  const schemeless = !url.includes('://');
  try {
    const parsed = new URL(schemeless ? `http://${url}` : url);
    if (parsed.password) parsed.password = 'redacted';
    for (const key of [...parsed.searchParams.keys()]) parsed.searchParams.set(key, 'redacted');
    let out = parsed.toString().replace(':redacted@', ':[redacted]@').replace(/=redacted/g, '=[redacted]');
    if (schemeless) out = out.slice('http://'.length);
    // URL adds a trailing slash the user did not write.
    return !url.endsWith('/') && out.endsWith('/') ? out.slice(0, -1) : out;
  } catch {
    return new Redactor().text(url);
  }
}

function proxyPassword(value: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/i.exec(value) ?? /^[^\s:@/]*:([^\s@/]+)@/.exec(value);
  return match?.[1];
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
