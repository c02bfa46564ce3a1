// The words of the per-endpoint verdicts (tls.auth and ws.upgrade speak them).
import type { FixAction, Hint } from '../core/types.js';
import type { Speaker } from './speaker.js';
import type { EndpointRow, PlannedEndpoint } from '../checks/network-plan.js';

/** `api.openai.com:443 (model API, direct)`. */
export function endpointName(endpoint: PlannedEndpoint, route: string): string {
  const port = endpoint.target.port === 443 ? '' : `:${endpoint.target.port}`;
  return `${endpoint.target.host}${port} (${endpoint.purpose}, ${route})`;
}

/** ca.bundle's own fix (the same action, so a fix applies it once); by hand when ca.bundle did not run. */
export function bundleUnusableHint(words: Speaker, fix: FixAction | undefined): [Hint, ...Hint[]] {
  const text = 'Make the CA bundle load first: ca.bundle says what is wrong with the file and how to fix it.';
  return [fix ? words.fix(text, fix) : words.manual(text, { kind: 'manual', topic: 'repair-file' })];
}

export function fallbackNote(bundle: string): string {
  return ` Codex's model API client could not load ${bundle}, logged a warning and fell back to the system roots: this verdict is with those roots.`;
}

export function trustedWords(verifier: string): string {
  return `trusted by ${verifier}`;
}

/** A feature, not Codex itself, stops working when a non-essential endpoint fails. */
export function nonEssentialNote(endpoint: PlannedEndpoint): string {
  return endpoint.essential ? '' : ` Codex still starts; only ${endpoint.purpose} is affected.`;
}

/** `auth.openai.com https pass, api.openai.com wss fail (TLS_UNKNOWN_ISSUER)`: the per-host verdicts in one line. */
export function endpointsLine(rows: readonly EndpointRow[]): string {
  return rows.map((r) => `${r.host} ${r.transport} ${r.status}${r.code && r.status !== 'pass' ? ` (${r.code})` : ''}`).join(', ');
}
