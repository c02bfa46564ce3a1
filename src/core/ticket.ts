// What a ticket needs on top of the checks: one summary sentence, the fix to apply first, and, exactly when
// the fix is an IT or proxy team's, the request they can act on. Decided from the findings (and their fix
// actions), worded by words/ticket.ts.
import type { CheckRecord, Finding, FixFirst, Hint, ItHost, ItRequest, ItTopic, Report } from './types.js';
import { ticketWords } from '../words/ticket.js';

export interface FirstFix {
  check: CheckRecord;
  finding: Finding;
  hint: Hint;
}

/** The most important fix: the first failing check in runbook order, else the first warning. */
export function firstFix(checks: readonly CheckRecord[]): FirstFix | undefined {
  for (const level of ['fail', 'warn'] as const) {
    for (const check of checks) {
      const finding = check.findings.find((f) => f.level === level);
      const hint = finding?.hints?.[0];
      if (finding && hint) return { check, finding, hint };
    }
  }
  return undefined;
}

/**
 * The IT topic of a failure, when only an IT or proxy team can remove it: a fix action that says so wins;
 * without actions, the catalogue codes that mean a policy or a certificate nobody on the machine has.
 */
/** The checks of the CA setup Codex reads (the bundle, and which variable wins). */
const CA_SETUP_CHECKS = ['ca.bundle', 'env.precedence'];

export function itTopicOf(check: CheckRecord, finding: Finding, checks: readonly CheckRecord[]): ItTopic | undefined {
  const requested = finding.hints?.find((h) => h.action?.kind === 'it-request')?.action;
  if (requested?.kind === 'it-request') return requested.topic;
  if (finding.hints?.some((h) => h.action !== undefined)) return undefined;
  switch (finding.code) {
    case 'PROXY_BLOCKED':
    case 'OAUTH_BLOCK_PAGE':
    case 'OAUTH_PROXY_DENIED':
      return 'allow-host';
    case 'WS_UPGRADE_REFUSED':
    case 'WS_UPGRADE_STRIPPED':
      return 'allow-websocket';
    case 'PROXY_AUTH_SCHEME_UNSUPPORTED':
      return 'proxy-credentials';
    case 'TLS_UNKNOWN_ISSUER':
    case 'OAUTH_TLS_FAILED': {
      // Only when the missing issuer is nowhere on the machine, and the CA setup itself raised nothing (a CA
      // variable Codex ignores, a stale SSL_CERT_FILE): otherwise the user's own fix comes first.
      const search = record(check.data?.issuerSearch);
      const caSetupQuiet = checks.every((c) => !CA_SETUP_CHECKS.includes(c.id) || c.findings.every((f) => f.level === 'info'));
      return search && Array.isArray(search.found) && search.found.length === 0 && caSetupQuiet ? 'corporate-root' : undefined;
    }
    case 'TLS_BAD_SIGNATURE':
    case 'TLS_WEAK_KEY':
      return intercepted(check) ? 'weak-ca' : undefined;
    default:
      return undefined;
  }
}

export interface TicketInput {
  checks: readonly CheckRecord[];
  /** The hosts Codex needs through the proxy (codex/it-hosts.ts); empty when the world could not be read. */
  hosts: ItHost[];
}

export function ticketFields(input: TicketInput): Pick<Report, 'summary' | 'fixFirst' | 'itRequest'> {
  const { checks } = input;
  const fix = firstFix(checks);
  const failing = fix?.finding.level === 'fail' ? fix : undefined;
  const topic = failing ? itTopicOf(failing.check, failing.finding, checks) : undefined;
  const itRequest = failing && topic ? buildItRequest(failing.check, failing.finding, topic, input.hosts, checks) : undefined;
  return {
    summary: summaryOf(checks, fix),
    ...(fix && { fixFirst: fixFirstOf(fix, itRequest !== undefined) }),
    ...(itRequest && { itRequest }),
  };
}

function summaryOf(checks: readonly CheckRecord[], fix: FirstFix | undefined): string {
  const crashed = checks.find((c) => c.status === 'crash');
  const failed = checks.filter((c) => c.status === 'fail');
  const first = failed[0];
  if (first) {
    const error = first.error ?? first.findings.find((f) => f.level === 'fail');
    if (error) return ticketWords.failure(first, error.code, error.stage, error.detail, failed.length - 1);
  }
  if (crashed) return ticketWords.crashed(crashed);
  const ran = checks.filter((c) => c.status !== 'skip');
  if (ran.length === 0) return ticketWords.nothingRan;
  const warnings = checks.filter((c) => c.status === 'warn').length;
  if (fix && warnings > 0) return ticketWords.onlyWarnings(fix.check, fix.finding, warnings);
  return ticketWords.allPassed(ran.length);
}

function fixFirstOf(fix: FirstFix, itOwned: boolean): FixFirst {
  const { action } = fix.hint;
  // A workaround the user applies now (a config snippet, a variable) is theirs even when IT owns the cure.
  const owner = action ? (action.kind === 'it-request' ? 'it' : 'user') : itOwned && fix.hint.snippet === undefined ? 'it' : 'user';
  return { check: fix.check.id, code: fix.finding.code, stage: fix.finding.stage, owner, hint: fix.hint };
}

function buildItRequest(check: CheckRecord, finding: Finding, topic: ItTopic, allHosts: ItHost[], checks: readonly CheckRecord[]): ItRequest {
  const answer = finding.cause?.proxyAnswer;
  const proxyAddress = proxyOf(check);
  const schemes = answer?.proxyAuthenticate?.map((c) => c.split(/\s+/)[0] ?? '').filter(Boolean);
  const realm = answer?.proxyAuthenticate?.map((c) => /realm="([^"]*)"/i.exec(c)?.[1]).find((r) => r !== undefined);
  const proxy =
    proxyAddress || answer
      ? {
          address: proxyAddress ?? 'the proxy',
          ...(schemes && schemes.length > 0 && { authSchemes: schemes }),
          ...(realm !== undefined && { realm }),
          ...(answer?.server !== undefined && { server: answer.server }),
        }
      : undefined;
  // A WebSocket request is about the streaming hosts; the others about every host Codex needs.
  const hosts = topic === 'allow-websocket' ? allHosts.filter((h) => h.websocket) : allHosts;
  // A chain the proxy leaves incomplete names the certificate it leaves out (tls.auth looked for it as for a root).
  const missingIntermediate = topic === 'fix-tls-path' && record(check.data?.issuerSearch) !== undefined;
  const ca = topic === 'corporate-root' || topic === 'weak-ca' ? caOf(check, topic, checks) : missingIntermediate ? caOf(check, 'intermediate', checks) : undefined;
  return {
    topic,
    request: ticketWords.itRequest[topic](proxyAddress),
    reason: ticketWords.itReason(check, finding),
    hosts,
    ...(proxy && { proxy }),
    ...(ca && { ca }),
  };
}

/** The proxy of the failing probe, from its route ("host:443 through http://proxy:8080 (HTTPS_PROXY)"). */
function proxyOf(check: CheckRecord): string | undefined {
  const route = typeof check.data?.route === 'string' ? check.data.route : undefined;
  return route ? /through (\S+)/.exec(route)?.[1] : undefined;
}

/**
 * The CA concerned. A missing root is known by name only (the fingerprint and PEM are those of the presented CA
 * it signed); a weak CA is the issuer of the presented chain, with its fingerprint and PEM when the chain or the
 * root the chain was verified up to holds it (else its fingerprint from the user's bundle).
 */
function caOf(check: CheckRecord, topic: 'corporate-root' | 'weak-ca' | 'intermediate', checks: readonly CheckRecord[]): ItRequest['ca'] {
  const chain = certificatesIn(check.data?.chain);
  const top = chain[chain.length - 1];
  const presentedCa = chain.length > 1 ? top : undefined;
  const search = record(check.data?.issuerSearch);
  const named = topic !== 'weak-ca' ? search?.issuer : presentedCa ? presentedCa.subject : top?.issuer;
  if (typeof named !== 'string') return undefined;
  const anchor = certificatesIn([check.data?.anchor]).find((c) => c.subject === named);
  const bundled = checks.flatMap((c) => certificatesIn(c.data?.certificates)).find((c) => c.subject === named);
  const holder = topic !== 'weak-ca' ? presentedCa : presentedCa ?? anchor ?? bundled;
  const sha256 = holder?.fingerprint256 ?? holder?.sha256;
  // A public certificate, not a secret; bounded where the check keeps it (chain-verdict.ts).
  const pem = typeof holder?.pem === 'string' && holder.pem.startsWith('-----BEGIN CERTIFICATE-----') ? holder.pem : undefined;
  return {
    subject: named,
    ...(typeof sha256 === 'string' && { sha256 }),
    ...(pem !== undefined && { pem }),
    note: topic === 'corporate-root' ? ticketWords.caNote.missing : topic === 'intermediate' ? ticketWords.caNote.intermediate : ticketWords.caNote.weak,
  };
}

function certificatesIn(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.map(record).filter((c) => c !== undefined) : [];
}

function intercepted(check: CheckRecord): boolean {
  const interception = record(check.data?.interception);
  return interception !== undefined && interception.kind !== 'not-intercepted';
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
