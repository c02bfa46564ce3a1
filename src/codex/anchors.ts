// A trust set's roots as DER, indexed by subject name. Path building (webpki and OpenSSL alike) only ever looks
// an anchor up by the name of the certificate it must issue, so only the anchors a presented chain names are
// parsed into X509Certificate (~50 us each with OpenSSL: seconds for a 30,000-certificate bundle). Every other
// anchor costs one pass of the DER reader, done once: by ca.bundle for the bundle, here for the rest.
import type { X509Certificate } from 'node:crypto';
import { nodeCrypto } from '../core/builtins.js';
import { certificateNames, certificateSubject, fingerprint256 } from './certificate.js';
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
 * Subjects by SHA-256 fingerprint, shared by the indexes of one run: the Mozilla roots and the OS store are
 * mostly the same certificates, read from different files. null: unreadable.
 */
export type SubjectCache = Map<string, string | null>;

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

/** Roots a verifier may anchor a path at, as TrustSet holds them. */
export interface TrustAnchors {
  /** Distinct roots (by SHA-256 of the DER). */
  readonly size: number;
  /** The anchors whose subject is the issuer (or the subject) of a certificate of `chain`, parsed. */
  matching(chain: readonly X509Certificate[]): X509Certificate[];
  /** Every anchor as PEM, without parsing (an https:// proxy's own certificate, or a small set given whole to OpenSSL). */
  pems(): string[];
  /** SHA-256 fingerprints of every anchor. */
  fingerprints(): Set<string>;
}

interface Anchor {
  der: Buffer;
  fingerprint256: string;
}

/** One source of roots (a bundle, a store), read once and shared by every set that includes it. */
export class AnchorIndex implements TrustAnchors {
  readonly size: number;
  private readonly bySubject = new Map<string, Anchor[]>();
  /** By fingerprint, in the order first given. */
  readonly anchors = new Map<string, Anchor>();

  constructor(
    inputs: Iterable<AnchorInput>,
    private readonly parse: AnchorParser = cachedAnchorParser(),
    subjects: SubjectCache = new Map(),
  ) {
    for (const input of inputs) {
      const fingerprint = input.fingerprint256 ?? fingerprint256(input.der);
      if (this.anchors.has(fingerprint)) continue;
      const known = input.subject ?? subjects.get(fingerprint);
      const subject = known === undefined ? certificateSubject(input.der) : known;
      // Known from here on for every index of the run (the OS store holds most of the public roots).
      if (!subjects.has(fingerprint)) subjects.set(fingerprint, subject);
      // Unreadable by OpenSSL too: no verifier can use it as a root.
      if (subject === null) continue;
      const anchor = { der: input.der, fingerprint256: fingerprint };
      this.anchors.set(fingerprint, anchor);
      const key = nameKey(subject);
      const list = this.bySubject.get(key);
      if (list) list.push(anchor);
      else this.bySubject.set(key, [anchor]);
    }
    this.size = this.anchors.size;
  }

  matching(chain: readonly X509Certificate[]): X509Certificate[] {
    return this.parsed(this.candidates(nameKeysOf(chain)));
  }

  pems(): string[] {
    return [...this.anchors.values()].map((a) => toPem(a.der));
  }

  fingerprints(): Set<string> {
    return new Set(this.anchors.keys());
  }

  /** The anchors filed under these name keys. */
  private candidates(keys: ReadonlySet<string>): Anchor[] {
    return [...keys].flatMap((key) => this.bySubject.get(key) ?? []);
  }

  private parsed(anchors: readonly Anchor[]): X509Certificate[] {
    return anchors.map((a) => this.parse(a.der)).filter((c): c is X509Certificate => c !== null);
  }

  /** Several sources as one set, without copying them: a 30,000-certificate bundle is indexed once per run. */
  static union(parts: readonly AnchorIndex[]): TrustAnchors {
    const holders = (fingerprint: string): AnchorIndex | undefined => parts.find((p) => p.anchors.has(fingerprint));
    let size: number | undefined;
    return {
      get size() {
        // Each part counts what no earlier part holds.
        return (size ??= parts.reduce((n, part) => n + [...part.anchors.keys()].filter((fp) => holders(fp) === part).length, 0));
      },
      // Each anchor from the first part that holds it.
      matching: (chain) => {
        const keys = nameKeysOf(chain);
        return parts.flatMap((part) => part.parsed(part.candidates(keys).filter((a) => holders(a.fingerprint256) === part)));
      },
      pems: () => parts.flatMap((part) => [...part.anchors.values()].filter((a) => holders(a.fingerprint256) === part).map((a) => toPem(a.der))),
      fingerprints: () => new Set(parts.flatMap((part) => [...part.anchors.keys()])),
    };
  }
}

/** The name keys a chain's path can look anchors up by: each certificate's issuer and subject. */
function nameKeysOf(chain: readonly X509Certificate[]): Set<string> {
  const keys = new Set<string>();
  for (const cert of chain) {
    // Never null for a certificate OpenSSL has parsed.
    const names = certificateNames(cert.raw) ?? { issuer: cert.issuer, subject: cert.subject };
    keys.add(nameKey(names.issuer));
    keys.add(nameKey(names.subject));
  }
  return keys;
}
