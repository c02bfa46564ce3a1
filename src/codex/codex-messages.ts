// Codex's own words, as the installed release prints them (codex-behavior.md §6, §7, §11), and the
// classification of a text Codex printed: the doctor quotes these, and names what a pasted line means.
import { CODEX_RELEASES, codexHas, releaseForAdvice } from './codex-version.js';
import { ISSUER } from './endpoints.js';

export const DEVICE_CODE_URL = `${ISSUER}/api/accounts/deviceauth/usercode`;

/** How a transport error of the login's HTTPS client reads (the URL is the request's). */
export function sendError(url: string): string {
  return `error sending request for url (${url})`;
}

/** The browser login's token exchange failing before any answer. */
export function tokenExchangeFailed(url: string): string {
  return `Token exchange failed: ${sendError(url)}`;
}

/** `codex login --device-auth` failing: 0.169.0 prefixes its errors with `Error logging in: `. */
export function deviceLoginFailed(error: string, codexVersion: string | null): string {
  return codexHas(codexVersion, CODEX_RELEASES.deviceLoginErrorPrefix) ? `Error logging in: ${error}` : error;
}

/** The warning Codex prints once per start when config.toml has keys it does not know (0.169.0). */
export function unknownKeysWarning(count: number | 'N'): string {
  return `Codex is ignoring ${count} unrecognized configuration setting${count === 1 ? '' : 's'}. Check for typos or deprecated settings.`;
}

/** The line per key under that warning: the layer, its file, the key. */
export function unknownKeyLine(layer: string, file: string, key: string): string {
  return `${layer} (${file}): \`${key}\` is ignored.`;
}

export const WEBSOCKET_FALLBACK_WARNING = 'warning: Falling back from WebSockets to HTTPS transport.';
export const RECONNECTING_FOREVER = 'Reconnecting... waiting for network';

/** What Codex does once its WebSocket fails: five reconnects, then HTTPS streaming. */
export const AFTER_WEBSOCKET_FAILURE = `Codex retries ("Reconnecting... n/5") and then falls back to HTTPS streaming ("${WEBSOCKET_FALLBACK_WARNING}").`;

/**
 * From 0.169.0 a failing HTTPS transport after that fallback is retried without end: a CI run hangs until its
 * timeout instead of failing. Null for releases that give up.
 */
export function unboundedRetriesNote(codexVersion: string | null): string | null {
  if (!codexHas(codexVersion, CODEX_RELEASES.unboundedRetries)) return null;
  return `If model requests over HTTPS fail as well, Codex ${releaseForAdvice(codexVersion)} retries them without end ("${RECONNECTING_FOREVER}"): \`codex exec\` in CI then hangs until the job's timeout instead of exiting with an error, so look for a timed-out step, not a failed one.`;
}

// ---------------------------------------------------------------------------------------------------------
// Codex's own network policy (not the corporate proxy)

/** Errors of Codex's application network policy (its in-process check of every destination). */
export const APPLICATION_POLICY_TEXTS = ['destination denied by application network policy', 'application network permission was revoked'] as const;

/** What Codex's managed network proxy answers a blocked request with (a 403 body). */
const MANAGED_PROXY_TEXTS = ['CODEX_NETWORK_POLICY_DECISION', 'Codex blocked this request'] as const;

export type CodexPolicySource = 'application-policy' | 'managed-proxy';

/** Whether `text` (an error line, a proxy's answer) comes from Codex's own network policy; null when not. */
export function codexPolicyText(text: string): { source: CodexPolicySource; quote: string } | null {
  const lower = text.toLowerCase();
  for (const quote of APPLICATION_POLICY_TEXTS) if (lower.includes(quote)) return { source: 'application-policy', quote };
  for (const quote of MANAGED_PROXY_TEXTS) {
    const at = lower.indexOf(quote.toLowerCase());
    if (at !== -1) return { source: 'managed-proxy', quote: firstLineFrom(text, text.indexOf('Codex blocked') !== -1 ? text.indexOf('Codex blocked') : at) };
  }
  return null;
}

/** The line starting at `at`, bounded (a proxy body is attacker-controlled). */
function firstLineFrom(text: string, at: number): string {
  const rest = text.slice(at, at + 200);
  const end = rest.search(/[\r\n]/);
  return end === -1 ? rest : rest.slice(0, end);
}
