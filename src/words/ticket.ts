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

/**
 * The first sentence of a finding's detail, for the one-sentence summary (the finding has the rest): up to the
 * first full stop that ends a sentence, one followed by a space and a capital or a quote ("api.openai.com" and
 * "0.169.0" go on).
 */
export function firstSentence(detail: string): string {
  return /^(.{20,}?[.!?]["')]?)\s+(?=["(A-Z])/s.exec(detail)?.[1] ?? detail;
}

export const ticketWords = {
  allPassed: (checks: number): string => `Codex can log in and stream from here: all ${checks} checks passed.`,
  nothingRan: 'No check ran.',
  onlyWarnings: (check: CheckRecord, finding: Finding, warnings: number): string =>
    `Codex should work, with ${warnings === 1 ? 'one warning' : `${warnings} warnings`}: ${check.id} ${finding.code}: ${firstSentence(finding.detail)}`,
  failure: (check: CheckRecord, code: string, stage: Stage, detail: string, others: number): string =>
    `${IMPACT[check.id] ?? `${check.title} fails`}: ${code} at ${stage}. ${firstSentence(detail)}${others > 0 ? ` (${others} more check${others === 1 ? '' : 's'} failed too.)` : ''}`,
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
    'proxy-reachability': (proxy: string | undefined) =>
      `Repair ${proxy ?? 'the configured proxy'}, or tell the user which proxy to use instead: it takes the connection but does not open tunnels to the hosts below (it hangs, closes the connection, or answers 502/503/504 because it cannot reach them).`,
    'fix-tls-path': (proxy: string | undefined) =>
      `Make TLS to the hosts below work as Codex (rustls) requires through ${proxy ?? 'the network path'}: TLS 1.2 or later, a handshake that completes, a chain with the host in its subjectAltName and at most 6 intermediates; the detail names what fails. Exempting the hosts from TLS inspection removes it.`,
  } satisfies Record<ItTopic, (proxy: string | undefined) => string>,
  itReason: (check: CheckRecord, finding: Finding): string => `${check.id} failed at ${finding.stage} with ${finding.code}: ${finding.detail}`,
  caNote: {
    missing: 'The fingerprint is that of the presented CA certificate this root signed; the user needs the root itself.',
    weak: 'The CA that signs the re-issued certificates Codex is shown.',
    intermediate: 'The intermediate the proxy leaves out of the chain it presents: send it with every certificate, or hand it over in PEM.',
  },
} as const;

/** The Markdown ticket's fixed words. */
export const markdownWords = {
  verdict: { fail: 'FAIL', warn: 'WORKS, WITH WARNINGS', pass: 'WORKS', crash: 'DOCTOR CRASHED', interrupted: 'INTERRUPTED' },
  title: 'codex-doctor verdict',
  whatFails: 'What fails and why',
  nothingFails: 'Nothing fails: every check that ran passed.',
  skipped: (id: string, blockedBy: readonly string[] | undefined, user: boolean) =>
    user ? `${id} was skipped (--skip).` : `${id} did not run: it needs ${blockedBy?.join(', ') ?? 'a check'} to pass first.`,
  fixFirst: 'Fix first',
  owner: {
    user: 'You can apply this yourself.',
    it: 'This needs your IT or proxy team: the request for them is below.',
  },
  itRequest: 'Request for the IT / proxy team',
  itColumns: ['host', 'port', 'needed for', 'WebSocket upgrades'],
  optionalHost: ' (optional: update and plugin checks only)',
  proxyLine: (address: string) => `Proxy: ${address}`,
  authLine: (schemes: readonly string[], realm: string | undefined) => `It asks for: ${schemes.join(', ')}${realm !== undefined ? ` (realm "${realm}")` : ''}. Codex can only send Basic credentials.`,
  serverLine: (server: string) => `Its Server header: ${server}`,
  caTitle: 'Certificate authority concerned',
  pemTitle: 'PEM',
  evidence: 'Evidence',
  environment: 'Environment',
  envRows: { os: 'OS', node: 'Node.js', codex: 'Codex', shell: 'Shell', doctor: 'codex-doctor', variables: 'Variables' },
  codexUnknown: 'not found on PATH (the advice assumes a current release)',
  labNote: (scenario: string) => `lab scenario ${scenario} (simulated on 127.0.0.1)`,
  noVariables: 'none of the CA or proxy variables is set',
  routes: 'Route and trust per host',
  endpointColumns: ['host', 'transport', 'for', 'route', 'result'],
  chains: 'Presented certificate chains',
  chainFor: (check: string, target: string) => `${check}: ${target}`,
  sameCertificate: (where: string) => `the same certificate as ${where}`,
  sameAs: (check: string) => `the same as ${check}, on this check's host (the JSON report has its own detail).`,
  proxyAnswer: 'The proxy answered',
  httpAnswer: 'What answered inside TLS (a block page or the origin)',
  details: (id: string) => `${id}: full evidence`,
  truncated: (lines: number) => `(${lines} more lines left out; the JSON report has them all)`,
  capped: 'The ticket body was cut here to stay small; attach `codex-doctor --json` for everything.',
} as const;
