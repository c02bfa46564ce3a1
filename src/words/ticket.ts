// The sentences of a ticket: the verdict, the IT request, the Markdown headings. Kept in one module so that
// they can move into the shared words layer as they are.
import type { CheckRecord, Finding, ItTopic, Stage } from '../core/types.js';

/** What a failing check means for the user, by check id. */
const IMPACT: Readonly<Record<string, string>> = {
  'ca.bundle': 'Codex cannot load its CA bundle',
  'env.precedence': "Codex's environment sends it the wrong way",
  'tls.auth': 'Codex cannot log in (TLS to auth.openai.com fails)',
  'oauth.token': 'Codex cannot log in (the token request does not reach OpenAI)',
  'ws.upgrade': 'Codex cannot stream (the WebSocket to the model fails)',
  'config.codex': 'Codex cannot use its configuration',
  'sandbox.env': 'Commands Codex runs in its sandbox miss settings',
};

export const ticketWords = {
  allPassed: (checks: number): string => `Codex can log in and stream from here: all ${checks} checks passed.`,
  nothingRan: 'No check ran.',
  onlyWarnings: (check: CheckRecord, finding: Finding, warnings: number): string =>
    `Codex should work, with ${warnings === 1 ? 'one warning' : `${warnings} warnings`}: ${check.id} ${finding.code}: ${finding.detail}`,
  failure: (check: CheckRecord, code: string, stage: Stage, detail: string, others: number): string =>
    `${IMPACT[check.id] ?? `${check.title} fails`}: ${code} at ${stage}. ${detail}${others > 0 ? ` (${others} more check${others === 1 ? '' : 's'} failed too.)` : ''}`,
  crashed: (check: CheckRecord): string => `The doctor crashed in ${check.id} (a codex-doctor bug, not your network); the other checks are reported as usual.`,

  itRequest: {
    'allow-host': (proxy: string | undefined) =>
      `Allow Codex's hosts below through ${proxy ?? 'the proxy'} (CONNECT to port 443 and the HTTPS requests inside), without a block page.`,
    'allow-websocket': (proxy: string | undefined) =>
      `Allow WebSocket upgrades (HTTP/1.1 GET with Upgrade: websocket, answered 101) through ${proxy ?? 'the proxy'} on the hosts marked WebSocket below, or exempt those hosts from TLS inspection.`,
    'proxy-credentials': (proxy: string | undefined) =>
      `Let Codex through ${proxy ?? 'the proxy'}: it can log into a proxy only with Basic credentials; allow Basic authentication, or unauthenticated access to the hosts below.`,
    'corporate-root': () =>
      'Hand the user the root certificate of the TLS inspection (PEM), the CA named below: no file on this machine holds it, so Codex cannot verify the re-signed connections.',
    'weak-ca': () =>
      'Re-issue the TLS inspection CA with SHA-256 and an RSA key of at least 2048 bits (or ECDSA), or exempt the hosts below from inspection: Codex (rustls) refuses the current one.',
    'proxy-reachability': (proxy: string | undefined) => `Tell the user which proxy to use: ${proxy ?? 'the configured proxy'} does not answer as an HTTP proxy.`,
  } satisfies Record<ItTopic, (proxy: string | undefined) => string>,
  itReason: (check: CheckRecord, finding: Finding): string => `${check.id} failed at ${finding.stage} with ${finding.code}: ${finding.detail}`,
  caNote: {
    missing: 'The presented certificate below was issued by this CA; the user needs the CA itself.',
    weak: 'The inspection CA as presented to Codex.',
  },
} as const;
