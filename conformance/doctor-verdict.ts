// The one adapter from a codex-doctor JSON report to a verdict per transport Codex is observed on:
// login (HTTPS to auth.openai.com, the token POST), the Responses WebSocket and Responses over HTTPS (both to
// the host of the user's model provider: api.openai.com for the built-in one with an API key). It reads the
// per-host `endpoints` list of the network checks when the report has one, and falls back to the check-level
// verdicts (tls.auth, oauth.token, ws.upgrade) otherwise.

import type { CauseClass, Transport } from './observe.js';

export interface DoctorVerdict {
  works: boolean;
  cause?: CauseClass;
  /** Where the verdict came from: `endpoints` or the check ids, with the deciding code. */
  source: string;
  /** For a failure: the check and code whose finding carries the fix. */
  decidedBy?: { checkId: string; code: string };
}

interface EndpointLike {
  host?: string;
  transport?: string;
  status?: string;
  code?: string;
}

interface CheckLike {
  id?: string;
  status?: string;
  error?: { code?: string };
  blockedBy?: string[];
  endpoints?: EndpointLike[];
  data?: { endpoints?: EndpointLike[] };
}

/** Login always goes to auth.openai.com; the model traffic to the host the user's provider names. */
function targets(modelHost: string): Record<Transport, { host: string; transport: 'https' | 'wss' }> {
  return {
    login: { host: 'auth.openai.com', transport: 'https' },
    websocket: { host: modelHost, transport: 'wss' },
    https: { host: modelHost, transport: 'https' },
  };
}

/** The check-level fallback: which check decides each transport before endpoints exist. */
const DECIDING_CHECK: Record<Transport, string> = { login: 'oauth.token', websocket: 'ws.upgrade', https: 'tls.auth' };

const WORKING = new Set(['pass', 'warn']);

/** `modelHost`: where the user's config sends the model traffic, read by the harness (provider.ts), not the doctor. */
export function doctorVerdicts(report: unknown, modelHost = 'api.openai.com'): Record<Transport, DoctorVerdict> | null {
  const checks = (report as { checks?: CheckLike[] } | null)?.checks;
  if (!Array.isArray(checks)) return null;
  const byId = new Map(checks.map((c) => [c.id ?? '', c]));
  const config = byId.get('config.codex');
  const verdict = (transport: Transport): DoctorVerdict => {
    // Codex does not start at all on a config it refuses.
    if (config?.status === 'fail') {
      const code = config.error?.code;
      return { works: false, cause: 'config', source: `config.codex ${code ?? ''}`.trim(), ...(code ? { decidedBy: { checkId: 'config.codex', code } } : {}) };
    }
    const target = targets(modelHost)[transport];
    const endpoints = checks
      .flatMap((c) => c.endpoints ?? c.data?.endpoints ?? [])
      .filter((e) => e.host === target.host && e.transport === target.transport);
    if (endpoints.length > 0) {
      const failing = endpoints.find((e) => !WORKING.has(e.status ?? ''));
      if (!failing) return { works: true, source: `endpoints ${target.host} ${target.transport}` };
      const owner = checks.find((c) => (c.endpoints ?? c.data?.endpoints ?? []).includes(failing));
      return {
        works: false,
        ...causeOfCode(failing.code),
        source: `endpoints ${target.host} ${target.transport} ${failing.code ?? failing.status ?? ''}`.trim(),
        ...(owner?.id && failing.code ? { decidedBy: { checkId: owner.id, code: failing.code } } : {}),
      };
    }
    const deciding = byId.get(DECIDING_CHECK[transport]);
    if (!deciding) return { works: false, source: `${DECIDING_CHECK[transport]} missing` };
    if (WORKING.has(deciding.status ?? '')) return { works: true, source: `${deciding.id} ${deciding.status}` };
    const blocker = deciding.status === 'skip' ? deciding.blockedBy?.map((id) => byId.get(id)).find((c) => c?.error) : undefined;
    const decider = blocker ?? deciding;
    const code = decider.error?.code;
    return {
      works: false,
      ...causeOfCode(code),
      source: `${blocker ? `${blocker.id} ` : ''}${deciding.id} ${deciding.status}${code ? ` ${code}` : ''}`,
      ...(decider.id && code ? { decidedBy: { checkId: decider.id, code } } : {}),
    };
  };
  return { login: verdict('login'), websocket: verdict('websocket'), https: verdict('https') };
}

/** The cause class a doctor error code names (none for codes that name no class Codex's text can show). */
export function causeOfCode(code: string | undefined): { cause?: CauseClass } {
  if (!code) return {};
  const exact: Record<string, CauseClass> = {
    TLS_BAD_SIGNATURE: 'weak-chain',
    TLS_WEAK_KEY: 'weak-chain',
    PROXY_AUTH_REQUIRED: 'proxy-auth',
    PROXY_AUTH_REJECTED: 'proxy-auth',
    PROXY_AUTH_SCHEME_UNSUPPORTED: 'proxy-auth',
    OAUTH_PROXY_AUTH: 'proxy-auth',
    PROXY_UNREACHABLE: 'refused-or-silent',
    PROXY_NO_RESPONSE: 'refused-or-silent',
    PROXY_CLOSED: 'refused-or-silent',
    PROXY_NOT_HTTP: 'refused-or-silent',
    PROXY_BLOCKED: 'blocked-by-policy',
    PROXY_CONNECT_REJECTED: 'blocked-by-policy',
    PROXY_UPSTREAM_FAILED: 'blocked-by-policy',
    OAUTH_BLOCK_PAGE: 'blocked-by-policy',
    OAUTH_PROXY_DENIED: 'blocked-by-policy',
    OAUTH_CLOUDFLARE_CHALLENGE: 'blocked-by-policy',
    NET_CONNECTION_REFUSED: 'refused-or-silent',
    NET_UNREACHABLE: 'refused-or-silent',
    NET_TIMEOUT: 'refused-or-silent',
    NET_CONNECTION_RESET: 'refused-or-silent',
    NET_BUNDLE_UNUSABLE: 'bundle-load',
    NET_CODEX_POLICY_DENIED: 'blocked-by-policy',
    PROXY_SCHEME_UNSUPPORTED: 'proxy-scheme',
    WS_UPGRADE_REFUSED: 'upgrade-refused',
    WS_UPGRADE_STRIPPED: 'upgrade-refused',
    WS_CLOSED: 'upgrade-refused',
  };
  const known = exact[code];
  if (known) return { cause: known };
  if (/^TLS_(UNKNOWN_ISSUER|NOT_VALID_FOR_NAME|EXPIRED|NOT_YET_VALID|CA_AS_END_ENTITY|ISSUER_NOT_CA|EKU_NO_SERVER_AUTH|VERIFY_FAILED)$/.test(code)) {
    return { cause: 'untrusted-chain' };
  }
  if (code.startsWith('CA_')) return { cause: 'bundle-load' };
  if (code.startsWith('CONFIG_')) return { cause: 'config' };
  return {};
}
