// The Codex error texts `codex-doctor explain` knows (shared/codex-behavior.md, old and new releases), as
// data: the patterns that recognise a text, the catalogue codes it can stand for, and the checks that tell
// those causes apart. What each code means is the catalogue's own sentence (core/codes.ts).
import type { CheckId } from '../checks/index.js';
import type { ErrorCode } from '../core/codes.js';

export interface Recogniser {
  id: string;
  /** What Codex was doing when it wrote this text. */
  context: string;
  /** Any of these in the pasted text (case-insensitive where Codex's casing varies across releases). */
  patterns: readonly RegExp[];
  /** The catalogue codes this text can stand for, most likely first. */
  causes: readonly ErrorCode[];
  /** The checks that tell those causes apart (the runner adds the checks they need). */
  checks: readonly CheckId[];
  /** Set when the text cannot come from the corporate proxy or the CA setup at all: said instead of a cause. */
  note?: string;
}

/** What breaks the HTTPS transport without naming it (login, token exchange, model API over HTTPS). */
const HTTPS_TRANSPORT_CAUSES: readonly ErrorCode[] = [
  'TLS_UNKNOWN_ISSUER', 'TLS_BAD_SIGNATURE', 'TLS_WEAK_KEY', 'TLS_NOT_VALID_FOR_NAME', 'TLS_EXPIRED', 'TLS_NOT_YET_VALID',
  'TLS_ISSUER_NOT_CA', 'TLS_CA_AS_END_ENTITY', 'TLS_EKU_NO_SERVER_AUTH', 'TLS_VERIFY_FAILED', 'TLS_HANDSHAKE_RESET', 'TLS_NOT_TLS',
  'TLS_PROTOCOL_TOO_OLD', 'TLS_HANDSHAKE_FAILED', 'TLS_ALERT', 'TLS_HANDSHAKE_TIMEOUT',
  'PROXY_AUTH_REQUIRED', 'PROXY_AUTH_REJECTED', 'PROXY_AUTH_SCHEME_UNSUPPORTED', 'PROXY_BLOCKED', 'PROXY_UNREACHABLE',
  'PROXY_NO_RESPONSE', 'PROXY_CLOSED', 'PROXY_NOT_HTTP', 'PROXY_UPSTREAM_FAILED', 'PROXY_CONNECT_REJECTED', 'PROXY_SCHEME_UNSUPPORTED',
  'NET_DNS_NOT_FOUND', 'NET_DNS_FAILED', 'NET_CONNECTION_REFUSED', 'NET_UNREACHABLE', 'NET_TIMEOUT', 'NET_CONNECTION_RESET', 'NET_ERROR',
];

/** A bundle Codex cannot load: login fails hard with it, before any connection. */
const CA_LOAD_CAUSES: readonly ErrorCode[] = [
  'CA_FILE_NOT_FOUND', 'CA_IS_DIRECTORY', 'CA_UNREADABLE', 'CA_NOT_A_REGULAR_FILE', 'CA_EMPTY_FILE', 'CA_TOO_LARGE',
  'CA_NO_CERTIFICATES', 'CA_FORMAT_DER', 'CA_FORMAT_PKCS7', 'CA_FORMAT_PKCS12', 'CA_FORMAT_UTF16', 'CA_PEM_ILLEGAL_SECTION_START',
  'CA_PEM_MISSING_SECTION_END', 'CA_PEM_BASE64', 'CA_PEM_BAD_CRL', 'CA_TRUSTED_DER_LENGTH', 'CA_REGISTER_FAILED',
];

const TOKEN_RESPONSE_CAUSES: readonly ErrorCode[] = [
  'OAUTH_BLOCK_PAGE', 'OAUTH_CLOUDFLARE_CHALLENGE', 'OAUTH_PROXY_DENIED', 'OAUTH_PROXY_AUTH', 'OAUTH_SERVER_ERROR', 'OAUTH_UNEXPECTED_RESPONSE',
];

const WEBSOCKET_CAUSES: readonly ErrorCode[] = [
  'WS_UPGRADE_REFUSED', 'WS_UPGRADE_STRIPPED', 'WS_CLOSED', 'WS_TIMEOUT', 'WS_UNEXPECTED_RESPONSE', 'PROXY_SCHEME_UNSUPPORTED',
  ...HTTPS_TRANSPORT_CAUSES.filter((code) => code !== 'PROXY_SCHEME_UNSUPPORTED'),
];

const LOGIN_CHECKS: readonly CheckId[] = ['ca.bundle', 'env.precedence', 'tls.auth', 'oauth.token'];
const STREAM_CHECKS: readonly CheckId[] = ['ca.bundle', 'env.precedence', 'ws.upgrade'];
const CA_CHECKS: readonly CheckId[] = ['ca.bundle', 'env.precedence'];
const PATH_CHECKS: readonly CheckId[] = ['ca.bundle', 'env.precedence', 'tls.auth', 'ws.upgrade'];

/** In order: the first recogniser that matches names the text; the specific ones come before the general. */
export const RECOGNISERS: readonly Recogniser[] = [
  // --- the CA bundle, stage by stage (custom_ca.rs) ---
  {
    id: 'ca-read',
    context: 'Codex could not read the CA file named by CODEX_CA_CERTIFICATE or SSL_CERT_FILE (stage read).',
    patterns: [/Failed to read CA certificate file/i],
    causes: ['CA_FILE_NOT_FOUND', 'CA_IS_DIRECTORY', 'CA_UNREADABLE', 'CA_NOT_A_REGULAR_FILE', 'ENV_VALUE_QUOTED', 'ENV_VALUE_WHITESPACE', 'ENV_VALUE_TILDE', 'ENV_VALUE_RELATIVE'],
    checks: CA_CHECKS,
  },
  {
    id: 'ca-parse',
    context: 'Codex read the CA file but found no usable PEM certificates in it (stage parse).',
    patterns: [/Failed to load CA certificates from/i, /no certificates found in PEM file/i, /failed to extract certificate data from TRUSTED CERTIFICATE/i],
    causes: ['CA_NO_CERTIFICATES', 'CA_FORMAT_DER', 'CA_FORMAT_PKCS7', 'CA_FORMAT_PKCS12', 'CA_FORMAT_UTF16', 'CA_EMPTY_FILE', 'CA_PEM_ILLEGAL_SECTION_START', 'CA_PEM_MISSING_SECTION_END', 'CA_PEM_BASE64', 'CA_PEM_BAD_CRL', 'CA_TRUSTED_DER_LENGTH'],
    checks: ['ca.bundle'],
  },
  {
    id: 'ca-register',
    context: 'Codex parsed the CA file, but the TLS library refused one of its certificates (stage register).',
    patterns: [
      /Failed to parse certificate #\d+ from/i,
      /Failed to register certificate #\d+ from .* in rustls root store/i,
      /Failed to build HTTP client while using CA bundle/i,
      /failed to build client after loading custom CA bundle/i,
    ],
    causes: ['CA_REGISTER_FAILED', 'CA_CERT_UNREADABLE'],
    checks: ['ca.bundle'],
  },
  {
    id: 'websocket-tls-config',
    context: "Codex could not set up TLS for its WebSocket: the CA bundle failed to load for it.",
    patterns: [/failed to configure websocket TLS/i],
    causes: CA_LOAD_CAUSES,
    checks: ['ca.bundle'],
  },
  // --- what only the WebSocket path names ---
  {
    id: 'proxy-scheme',
    context: "Codex's WebSocket client cannot use the proxy URL: it takes only http://, socks5:// and socks5h://.",
    patterns: [/Proxy URL scheme not supported/i],
    causes: ['PROXY_SCHEME_UNSUPPORTED', 'ENV_PROXY_SCHEME_UNSUPPORTED'],
    checks: ['env.precedence', 'ws.upgrade'],
  },
  {
    id: 'connect-407',
    context: 'The proxy answered CONNECT with 407: it wants credentials Codex did not send, or refused them.',
    patterns: [/HTTP CONNECT failed with status 407/i, /\bstatus 407\b/i, /\b407 Proxy Authentication Required\b/i, /proxy authentication required/i],
    causes: ['PROXY_AUTH_REQUIRED', 'PROXY_AUTH_REJECTED', 'PROXY_AUTH_SCHEME_UNSUPPORTED', 'OAUTH_PROXY_AUTH'],
    checks: ['env.precedence', 'tls.auth', 'oauth.token', 'ws.upgrade'],
  },
  {
    id: 'connect-refused-status',
    context: 'The proxy refused to open the tunnel (CONNECT answered with an error status).',
    patterns: [/HTTP CONNECT failed with status (?!407)\d{3}/i],
    causes: ['PROXY_BLOCKED', 'PROXY_UPSTREAM_FAILED', 'PROXY_CONNECT_REJECTED'],
    checks: ['env.precedence', 'tls.auth', 'ws.upgrade'],
  },
  {
    id: 'upgrade-403',
    context: 'The WebSocket upgrade to the model came back 403: a proxy or filter refuses it, or a proxy policy blocks the host.',
    patterns: [/unexpected status 403\b/i, /\b403 Forbidden\b/i],
    causes: ['WS_UPGRADE_REFUSED', 'PROXY_BLOCKED', 'WS_UNEXPECTED_RESPONSE'],
    checks: ['env.precedence', 'tls.auth', 'ws.upgrade'],
  },
  {
    id: 'upgrade-426',
    context: 'The WebSocket upgrade came back 426 Upgrade Required: something on the path does not pass WebSocket upgrades.',
    patterns: [/unexpected status 426\b/i, /\b426 Upgrade Required\b/i],
    causes: ['WS_UPGRADE_REFUSED', 'WS_UPGRADE_STRIPPED'],
    checks: STREAM_CHECKS,
  },
  {
    id: 'rustls-unknown-issuer',
    context: 'rustls did not find the issuer of the presented chain among the roots Codex trusts: usually a TLS-inspecting proxy whose root Codex is not given.',
    patterns: [/invalid peer certificate: UnknownIssuer/i, /\bUnknownIssuer\b/],
    causes: ['TLS_UNKNOWN_ISSUER', 'ENV_SSL_CERT_FILE_REPLACES_OS', 'ENV_OTHER_CA_VAR_DIFFERS'],
    checks: PATH_CHECKS,
  },
  {
    id: 'rustls-bad-signature',
    context: 'rustls refused a signature in the chain: SHA-1 or MD5, or a key it does not accept (an old inspection CA).',
    patterns: [/invalid peer certificate: (BadSignature|UnsupportedSignatureAlgorithm\w*)/i, /\b(BadSignature|UnsupportedSignatureAlgorithm)\b/],
    causes: ['TLS_BAD_SIGNATURE', 'TLS_WEAK_KEY', 'CA_WEAK_SIGNATURE', 'CA_WEAK_RSA_KEY'],
    checks: PATH_CHECKS,
  },
  {
    id: 'rustls-expired',
    context: 'rustls found a certificate in the chain out of its validity period (or the clock is wrong).',
    patterns: [/invalid peer certificate: (Expired|NotValidYet)\w*/i],
    causes: ['TLS_EXPIRED', 'TLS_NOT_YET_VALID'],
    checks: PATH_CHECKS,
  },
  {
    id: 'rustls-name',
    context: 'rustls found no subjectAltName for the host in the presented certificate (it ignores the Common Name).',
    patterns: [/invalid peer certificate: NotValidForName\w*/i, /\bNotValidForName\b/],
    causes: ['TLS_NOT_VALID_FOR_NAME'],
    checks: PATH_CHECKS,
  },
  {
    id: 'rustls-other',
    context: 'rustls refused the presented chain for another webpki rule.',
    patterns: [
      /invalid peer certificate: (?!UnknownIssuer|BadSignature|UnsupportedSignatureAlgorithm|Expired|NotValidYet|NotValidForName)/i,
      /\b(CaUsedAsEndEntity|EndEntityUsedAsCa|InvalidPurpose)\b/,
    ],
    causes: ['TLS_CA_AS_END_ENTITY', 'TLS_ISSUER_NOT_CA', 'TLS_EKU_NO_SERVER_AUTH', 'TLS_VERIFY_FAILED'],
    checks: PATH_CHECKS,
  },
  {
    id: 'connection-refused',
    context: 'Nothing accepted the TCP connection: usually the proxy named in the environment is wrong or down.',
    patterns: [/Connection refused \(os error 111\)/i, /\bconnection refused\b/i, /\bECONNREFUSED\b/],
    causes: ['PROXY_UNREACHABLE', 'NET_CONNECTION_REFUSED', 'ENV_PROXY_CASE_CONFLICT'],
    checks: ['env.precedence', 'tls.auth', 'ws.upgrade'],
  },
  // --- the login ---
  {
    id: 'token-endpoint-status',
    context: 'The token request reached something that answered with an error status; OpenAI answers it with JSON, a filter with its own page.',
    patterns: [/token endpoint returned status \d{3}/i],
    causes: TOKEN_RESPONSE_CAUSES,
    checks: ['env.precedence', 'tls.auth', 'oauth.token'],
  },
  {
    id: 'token-exchange',
    context: 'Login (browser flow): the POST to https://auth.openai.com/oauth/token never got an HTTP answer. On HTTPS Codex names no cause: a certificate, a proxy login, a refused or wrong proxy all read the same.',
    patterns: [/Token exchange failed/i, /oauth token connection failed/i],
    causes: [...CA_LOAD_CAUSES.slice(0, 3), ...HTTPS_TRANSPORT_CAUSES],
    checks: LOGIN_CHECKS,
  },
  {
    id: 'device-flow',
    context: 'Login with --device-auth: the device-code requests to auth.openai.com failed (0.169.0 prefixes them "Error logging in:").',
    patterns: [/Error logging in:/i, /deviceauth/i],
    causes: [...HTTPS_TRANSPORT_CAUSES, ...TOKEN_RESPONSE_CAUSES],
    checks: LOGIN_CHECKS,
  },
  // --- streaming and the model API ---
  {
    id: 'websocket-fallback',
    context: 'The WebSocket to the model failed (Codex retried, then fell back to HTTPS streaming).',
    patterns: [/Falling back from WebSockets to HTTPS transport/i, /Reconnecting\.\.\.\s*\d+\/\d+/i],
    causes: WEBSOCKET_CAUSES,
    checks: STREAM_CHECKS,
  },
  {
    id: 'waiting-for-network',
    context: 'Both the WebSocket and the HTTPS fallback fail; 0.169.0 then retries without end instead of exiting.',
    patterns: [/Reconnecting\.\.\.\s*waiting for network/i],
    causes: WEBSOCKET_CAUSES,
    checks: ['ca.bundle', 'env.precedence', 'tls.auth', 'ws.upgrade'],
  },
  {
    id: 'model-api-request',
    context: 'A model API request over HTTPS never got an HTTP answer; like the login, HTTPS names no cause.',
    // The token URL's own text is the login's (token-exchange above).
    patterns: [/Connection failed: error sending request/i, /error sending request for url \((?!https:\/\/auth\.openai\.com)/i],
    causes: HTTPS_TRANSPORT_CAUSES,
    checks: PATH_CHECKS,
  },
  // --- Codex's own `codex doctor` row classes ---
  {
    id: 'codex-doctor-tls',
    context: "Codex's own `codex doctor` could not complete TLS to the provider.",
    patterns: [/TLS handshake or certificate validation failed/i],
    causes: HTTPS_TRANSPORT_CAUSES.filter((code) => code.startsWith('TLS_')),
    checks: PATH_CHECKS,
  },
  {
    id: 'codex-doctor-timeout',
    context: "A request (in Codex's own `codex doctor`, or Codex itself) got no answer in time.",
    patterns: [/request timed out/i, /\btimed out\b/i],
    causes: ['PROXY_NO_RESPONSE', 'NET_TIMEOUT', 'TLS_HANDSHAKE_TIMEOUT', 'WS_TIMEOUT', 'OAUTH_TIMEOUT'],
    checks: ['env.precedence', 'tls.auth', 'oauth.token', 'ws.upgrade'],
  },
  {
    id: 'codex-doctor-connect',
    context: "Codex's own `codex doctor` could not connect to the provider.",
    patterns: [/\bconnect failed\b/i],
    causes: ['PROXY_UNREACHABLE', 'NET_CONNECTION_REFUSED', 'NET_UNREACHABLE', 'NET_DNS_NOT_FOUND', 'PROXY_BLOCKED'],
    checks: ['env.precedence', 'tls.auth', 'ws.upgrade'],
  },
  // --- not the corporate network ---
  {
    id: 'application-network-policy',
    context: "Codex's own network policy for sandboxed commands ([permissions.<name>.network], the managed network proxy) refused the destination.",
    patterns: [/destination denied by application network policy/i, /application network permission was revoked/i],
    causes: ['NET_CODEX_POLICY_DENIED'],
    checks: ['env.precedence', 'tls.auth', 'ws.upgrade', 'config.codex', 'sandbox.env'],
    note: 'This comes from Codex itself, not from the corporate proxy or a certificate: allow the domain in the network permissions of the Codex profile in use, or ask whoever manages your Codex configuration.',
  },
  {
    id: 'config-unknown-keys',
    context: 'Codex 0.169.0 warns at start about config.toml keys it does not know (older releases ignored them silently).',
    patterns: [/Codex is ignoring \d+ unrecognized configuration settings?/i, /` is ignored\./],
    causes: ['CONFIG_UNKNOWN_KEY', 'SANDBOX_SHELL_ENVIRONMENT_TABLE', 'SANDBOX_UNKNOWN_KEY', 'CONFIG_CA_KEY_UNSUPPORTED'],
    checks: ['config.codex', 'sandbox.env'],
  },
  {
    id: 'provider-not-found',
    context: 'model_provider names a provider Codex does not have; Codex refuses to start.',
    patterns: [/Model provider `[^`]*` not found/i],
    causes: ['CONFIG_PROVIDER_NOT_FOUND'],
    checks: ['config.codex'],
  },
];

/** The recognisers whose patterns match, in table order. */
export function recognise(text: string): Recogniser[] {
  return RECOGNISERS.filter((r) => r.patterns.some((pattern) => pattern.test(text)));
}
