// Verifies a captured chain the way rustls/webpki would (codex-behavior.md §4): build a path from the leaf
// through the presented intermediates to an anchor of the trust set, then apply webpki's rules, which are
// stricter than OpenSSL's. node:crypto checks the signatures themselves (it accepts SHA-1 and RSA-1024);
// the webpki rules are then applied on top, so every verdict says which verifier it comes from.
import type { X509Certificate } from 'node:crypto';
import type { ErrorCode } from '../core/codes.js';
import { lintCertificate, readCertificate, weakRsaKeyBits, type CertificateFacts } from './certificate.js';

/** webpki follows at most this many intermediates between the leaf and an anchor (MAX_SUB_CA_COUNT). */
const MAX_INTERMEDIATES = 6;
const SERVER_AUTH_EKU = '1.3.6.1.5.5.7.3.1';
const ANY_EKU = '2.5.29.37.0';

/** The webpki / rustls error names a user sees after `invalid peer certificate: `. */
export type WebpkiErrorName =
  | 'UnknownIssuer'
  | 'BadSignature'
  | 'NotValidForName'
  | 'Expired'
  | 'NotValidYet'
  | 'CaUsedAsEndEntity'
  | 'EndEntityUsedAsCa'
  | 'InvalidPurpose'
  | 'UnsupportedProtocolVersion'
  | 'MaximumPathDepthExceeded'
  | 'BadEncoding';

export interface WebpkiProblem {
  name: WebpkiErrorName;
  code: ErrorCode;
  /** How rustls prints it. */
  rustls: string;
  /** Index in the presented chain, or null (the anchor, the connection). */
  index: number | null;
  /** One sentence: which certificate and why. */
  detail: string;
}

export interface WebpkiVerdict {
  verifier: 'webpki';
  ok: boolean;
  /** leaf .. last presented certificate used, then the anchor; null when no anchor was reached. */
  path: X509Certificate[] | null;
  anchor: X509Certificate | null;
  /** Every webpki rule the chain breaks, in the order webpki checks them: the first is what rustls reports. */
  problems: WebpkiProblem[];
  /** When no path reaches an anchor: the certificate whose issuer is missing and that issuer's name. */
  missingIssuer: { index: number; issuer: string } | null;
}

export interface WebpkiInput {
  /** As presented, leaf first. */
  chain: readonly X509Certificate[];
  /** The roots of the transport's trust set. */
  anchors: readonly X509Certificate[];
  hostname: string;
  now: Date;
  /** The negotiated protocol (`TLSv1.3`...), when known. */
  protocol?: string | null;
}

export function verifyWebpki(input: WebpkiInput): WebpkiVerdict {
  const { chain, anchors, hostname, now } = input;
  const problems: WebpkiProblem[] = [];
  const leaf = chain[0];
  if (!leaf) {
    return { verifier: 'webpki', ok: false, path: null, anchor: null, problems: [problem('BadEncoding', 0, 'The server presented no certificate.')], missingIssuer: null };
  }
  if (input.protocol && /^(SSLv|TLSv1(\.[01])?$)/.test(input.protocol)) {
    problems.push(problem('UnsupportedProtocolVersion', null, `The connection negotiated ${input.protocol}; rustls speaks TLS 1.2 and 1.3 only.`));
  }
  const facts = chain.map((cert) => factsOf(cert));

  // The end-entity's own properties come first in webpki (validity, CA flag, EKU).
  const leafFacts = facts[0];
  if (leafFacts) {
    problems.push(...timeProblems(leafFacts, now, 0));
    if (leafFacts.isCa) problems.push(problem('CaUsedAsEndEntity', 0, `[0] ${subjectOf(leaf)} is a CA certificate (basicConstraints CA:TRUE) presented as the server certificate.`));
    if (!allowsServerAuth(leafFacts)) problems.push(problem('InvalidPurpose', 0, `[0] ${subjectOf(leaf)} has an extended key usage without serverAuth.`));
  }

  const built = buildPath(chain, anchors);
  // Issuers on the path: CA flag, validity, EKU; anchors are exempt (webpki keeps only their subject and key).
  for (const cert of built.path.slice(1)) {
    const index = chain.indexOf(cert);
    const certFacts = facts[index];
    if (!certFacts) continue;
    const lints = lintCertificate(certFacts, now, { expectCa: true });
    problems.push(...timeProblems(certFacts, now, index));
    if (lints.some((l) => l.kind === 'not-ca')) {
      problems.push(problem('EndEntityUsedAsCa', index, `[${index}] ${subjectOf(cert)} issues certificates but lacks basicConstraints CA:TRUE.`));
    }
    if (!allowsServerAuth(certFacts)) problems.push(problem('InvalidPurpose', index, `[${index}] ${subjectOf(cert)} has an extended key usage without serverAuth.`));
  }
  if (built.tooDeep) {
    const { intermediates, anchor } = built.tooDeep;
    const where = anchor ? `before its root "${subjectOf(anchor)}"` : 'without reaching a trusted root';
    problems.push(
      problem(
        'MaximumPathDepthExceeded',
        null,
        `The chain runs through ${intermediates} intermediate certificates ${where}; webpki (rustls) follows at most ${MAX_INTERMEDIATES} and gives up (MaximumPathDepthExceeded)${anchor ? ', although the root is trusted' : ''}.`,
      ),
    );
  } else if (built.anchor === null) {
    const last = built.path[built.path.length - 1] ?? leaf;
    const index = chain.indexOf(last);
    problems.push(
      problem(
        'UnknownIssuer',
        index,
        `No trusted root issued [${index}] ${subjectOf(last)}: its issuer "${oneLine(last.issuer)}" is not in this trust set.`,
      ),
    );
  }
  // Signatures: every certificate on the path is checked with its issuer's key (the anchor's included).
  const signers = built.anchor ? [...built.path.slice(1), built.anchor] : built.path.slice(1);
  built.path.forEach((cert, position) => {
    const index = chain.indexOf(cert);
    const certFacts = facts[index];
    const hash = certFacts ? lintCertificate(certFacts, now, { expectCa: false }).find((l) => l.kind === 'weak-signature') : undefined;
    if (hash?.kind === 'weak-signature') {
      problems.push(problem('BadSignature', index, `[${index}] ${subjectOf(cert)} is signed with ${hash.hash.toUpperCase()}, which rustls does not accept.`));
    }
    const signer = signers[position];
    const signerFacts = signer ? factsOf(signer) : null;
    const bits = signerFacts ? weakRsaKeyBits(signerFacts) : null;
    if (signer && bits !== null) {
      const who = signer === built.anchor ? `the root ${subjectOf(signer)}` : `[${chain.indexOf(signer)}] ${subjectOf(signer)}`;
      problems.push(problem('BadSignature', index, `[${index}] ${subjectOf(cert)} is signed by ${who} with an RSA-${bits} key; rustls needs at least 2048 bits.`));
    }
  });
  // The server's own key signs the handshake: an RSA key under 2048 bits fails there too.
  const leafBits = leafFacts ? weakRsaKeyBits(leafFacts) : null;
  if (leafBits !== null) problems.push(problem('BadSignature', 0, `[0] ${subjectOf(leaf)} has an RSA-${leafBits} key; rustls needs at least 2048 bits.`));

  // The name is checked last, once the chain is trusted.
  if (!validForName(leafFacts, leaf, hostname)) {
    const detail = leafFacts?.hasSubjectAltName
      ? `[0] ${subjectOf(leaf)} has no subjectAltName for ${hostname}.`
      : `[0] ${subjectOf(leaf)} has no subjectAltName at all; rustls does not fall back to the Common Name.`;
    problems.push(problem('NotValidForName', 0, detail));
  }

  const missingIssuer =
    built.anchor === null && !built.tooDeep
      ? (() => {
          const last = built.path[built.path.length - 1] ?? leaf;
          return { index: chain.indexOf(last), issuer: oneLine(last.issuer) };
        })()
      : null;
  return { verifier: 'webpki', ok: problems.length === 0, path: built.anchor ? [...built.path, built.anchor] : null, anchor: built.anchor, problems: dedupe(problems), missingIssuer };
}

/** Whether `child` was signed by `issuer`'s key (names and key ids must agree). node:crypto accepts SHA-1 and RSA-1024. */
export function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** A path from the leaf through presented certificates, ending at an anchor when one issued the last certificate. */
export function buildPath(
  chain: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
): {
  path: X509Certificate[];
  anchor: X509Certificate | null;
  /** The presented chain goes on past webpki's limit: how far it goes, and the anchor at its end (if any). */
  tooDeep: { intermediates: number; anchor: X509Certificate | null } | null;
} {
  const leaf = chain[0];
  if (!leaf) return { path: [], anchor: null, tooDeep: null };
  const walked = walkChain(chain, anchors);
  if (walked.path.length - 1 <= MAX_INTERMEDIATES) {
    return { path: walked.anchor ? stripTrustedRoot(walked.path, walked.anchor) : walked.path, anchor: walked.anchor, tooDeep: null };
  }
  const intermediates = (walked.anchor ? stripTrustedRoot(walked.path, walked.anchor) : walked.path).length - 1;
  return { path: walked.path.slice(0, MAX_INTERMEDIATES + 1), anchor: null, tooDeep: { intermediates, anchor: walked.anchor } };
}

/** From the leaf, issuer by issuer through the presented certificates (each once), until an anchor issues one. */
function walkChain(chain: readonly X509Certificate[], anchors: readonly X509Certificate[]): { path: X509Certificate[]; anchor: X509Certificate | null } {
  const path = [chain[0]!];
  let current = path[0]!;
  for (;;) {
    // An anchor first, as webpki does: a presented root that is also trusted ends the path there.
    const anchor = anchors.find((candidate) => issuedBy(current, candidate));
    if (anchor) return { path, anchor };
    const next = chain.find((candidate) => !path.includes(candidate) && issuedBy(current, candidate));
    if (!next) return { path, anchor: null };
    path.push(next);
    current = next;
  }
}

/** A presented copy of the anchor itself is the anchor, not an intermediate. */
function stripTrustedRoot(path: X509Certificate[], anchor: X509Certificate): X509Certificate[] {
  const last = path[path.length - 1];
  if (path.length > 1 && last && last.fingerprint256 === anchor.fingerprint256) return path.slice(0, -1);
  return path;
}

export function rustlsMessage(name: WebpkiErrorName): string {
  switch (name) {
    case 'CaUsedAsEndEntity':
    case 'EndEntityUsedAsCa':
    case 'MaximumPathDepthExceeded':
      return `invalid peer certificate: Other(OtherError(${name}))`;
    case 'UnsupportedProtocolVersion':
      return 'peer is incompatible: ServerDoesNotSupportTls12Or13';
    default:
      return `invalid peer certificate: ${name}`;
  }
}

const CODES: Record<WebpkiErrorName, ErrorCode> = {
  UnknownIssuer: 'TLS_UNKNOWN_ISSUER',
  BadSignature: 'TLS_BAD_SIGNATURE',
  NotValidForName: 'TLS_NOT_VALID_FOR_NAME',
  Expired: 'TLS_EXPIRED',
  NotValidYet: 'TLS_NOT_YET_VALID',
  CaUsedAsEndEntity: 'TLS_CA_AS_END_ENTITY',
  EndEntityUsedAsCa: 'TLS_ISSUER_NOT_CA',
  InvalidPurpose: 'TLS_EKU_NO_SERVER_AUTH',
  UnsupportedProtocolVersion: 'TLS_PROTOCOL_TOO_OLD',
  MaximumPathDepthExceeded: 'TLS_PATH_TOO_LONG',
  BadEncoding: 'TLS_HANDSHAKE_FAILED',
};

function problem(name: WebpkiErrorName, index: number | null, detail: string): WebpkiProblem {
  // A weak key is a BadSignature for rustls but its own code for the user.
  const code = name === 'BadSignature' && /RSA-\d+ key/.test(detail) ? 'TLS_WEAK_KEY' : CODES[name];
  return { name, code, rustls: rustlsMessage(name), index, detail };
}

function timeProblems(facts: CertificateFacts, now: Date, index: number): WebpkiProblem[] {
  return lintCertificate(facts, now, { expectCa: false }).flatMap((lint): WebpkiProblem[] => {
    switch (lint.kind) {
      case 'expired':
        return [problem('Expired', index, `[${index}] ${facts.subject} expired on ${lint.notAfter.toISOString()}.`)];
      case 'not-yet-valid':
        return [problem('NotValidYet', index, `[${index}] ${facts.subject} is not valid before ${lint.notBefore.toISOString()}.`)];
      default:
        return [];
    }
  });
}

function allowsServerAuth(facts: CertificateFacts): boolean {
  const eku = facts.extendedKeyUsage;
  return eku === null || eku.includes(SERVER_AUTH_EKU) || eku.includes(ANY_EKU);
}

/** subjectAltName only: DNS names (one left-most wildcard label) or IP addresses; never the Common Name. */
function validForName(facts: CertificateFacts | null | undefined, leaf: X509Certificate, hostname: string): boolean {
  if (!facts?.hasSubjectAltName) return false;
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const entries = (leaf.subjectAltName ?? '').split(/,\s*/);
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const kind = entry.slice(0, colon);
    const value = entry.slice(colon + 1).toLowerCase().replace(/\.$/, '');
    if (kind === 'DNS' && dnsNameMatches(value, host)) return true;
    if (kind === 'IP Address' && value === host) return true;
  }
  return false;
}

function dnsNameMatches(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  const first = host.indexOf('.');
  return first > 0 && host.slice(first) === suffix;
}

const factsCache = new WeakMap<X509Certificate, CertificateFacts | null>();

function factsOf(cert: X509Certificate): CertificateFacts | null {
  if (factsCache.has(cert)) return factsCache.get(cert) ?? null;
  const read = readCertificate(cert.raw);
  const facts = read.ok ? read.facts : null;
  factsCache.set(cert, facts);
  return facts;
}

export function subjectOf(cert: X509Certificate): string {
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
  return cn ?? oneLine(cert.subject);
}

export function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

function dedupe(problems: WebpkiProblem[]): WebpkiProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.name}|${p.index}|${p.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
