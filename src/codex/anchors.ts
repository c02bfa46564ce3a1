// A trust set's roots as DER, indexed by subject name. Path building (webpki and OpenSSL alike) only ever looks
// an anchor up by the name of the certificate it must issue, so only the anchors a presented chain names are
// parsed into X509Certificate (~50 us each with OpenSSL: seconds for a 30,000-certificate bundle). Every other
// anchor costs one pass of the DER reader, done once: by ca.bundle for the bundle, here for the rest.
import type { X509Certificate } from 'node:crypto';
import { nodeCrypto } from '../core/builtins.js';
import { certificateNames, fingerprint256 } from './certificate.js';
import { toPem } from './pem.js';

/** One root as read from a file or store; `subject` and `fingerprint256` when already known (ca.bundle's facts). */
export interface AnchorInput {
  der: Buffer;
  subject?: string;
  fingerprint256?: string;
}

/** DER to X509Certificate, or null when OpenSSL cannot parse it. */
export type AnchorParser = (der: Buffer) => X509Certificate | null;

/**
 * A parser that parses each DER buffer once, however many sets hold it (the bundle is in both transports'
 * sets; the Mozilla and native roots overlap).
 */
export function cachedAnchorParser(parse: AnchorParser = parseX509): AnchorParser {
  const parsed = new WeakMap<Buffer, X509Certificate | null>();
  return (der) => {
    let cert = parsed.get(der);
    if (cert === undefined) {
      cert = parse(der);
      parsed.set(der, cert);
    }
    return cert;
  };
}

function parseX509(der: Buffer): X509Certificate | null {
  try {
    return new (nodeCrypto().X509Certificate)(der);
  } catch {
    return null;
  }
}

/**
 * Names compared leniently (case and runs of blanks folded): a name that OpenSSL's canonical comparison or
 * webpki's byte comparison would match always shares the key; an extra candidate is only checked, never trusted.
 */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

export class AnchorIndex {
  /** Distinct roots (by SHA-256 of the DER), in the order first given. */
  readonly size: number;
  private readonly bySubject = new Map<string, Buffer[]>();
  private readonly ders: Buffer[] = [];

  constructor(
    inputs: Iterable<AnchorInput>,
    private readonly parse: AnchorParser = cachedAnchorParser(),
  ) {
    const seen = new Set<string>();
    for (const input of inputs) {
      const fingerprint = input.fingerprint256 ?? fingerprint256(input.der);
      if (seen.has(fingerprint)) continue;
      const subject = input.subject ?? certificateNames(input.der)?.subject;
      // Unreadable by OpenSSL too: no verifier can use it as a root.
      if (subject === undefined) continue;
      seen.add(fingerprint);
      this.ders.push(input.der);
      const key = nameKey(subject);
      const list = this.bySubject.get(key);
      if (list) list.push(input.der);
      else this.bySubject.set(key, [input.der]);
    }
    this.size = this.ders.length;
  }

  /** The anchors whose subject is the issuer (or the subject) of a certificate of `chain`, parsed. */
  matching(chain: readonly X509Certificate[]): X509Certificate[] {
    const keys = new Set<string>();
    for (const cert of chain) {
      // Never null for a certificate OpenSSL has parsed.
      const names = certificateNames(cert.raw) ?? { issuer: cert.issuer, subject: cert.subject };
      keys.add(nameKey(names.issuer));
      keys.add(nameKey(names.subject));
    }
    return this.parsed([...keys].flatMap((key) => this.bySubject.get(key) ?? []));
  }

  /** Every anchor, parsed: only for what needs them all (an https:// proxy's own certificate). */
  all(): X509Certificate[] {
    return this.parsed(this.ders);
  }

  /** Every anchor as PEM, without parsing. */
  pems(): string[] {
    return this.ders.map(toPem);
  }

  private parsed(ders: readonly Buffer[]): X509Certificate[] {
    return ders.map(this.parse).filter((c): c is X509Certificate => c !== null);
  }
}
