// The public web PKI: the Mozilla roots Codex compiles in (webpki-roots). Host.publicRoots stands in for them
// in the lab; otherwise Node's bundled list does (the same Mozilla CCADB set).
import { fingerprint256 } from '../codex/certificate.js';
import { nodeTls } from '../core/builtins.js';
import type { Host } from '../core/host.js';

/** The public roots as PEM strings, one certificate each. */
export function publicRootPems(host: Pick<Host, 'publicRoots'>): readonly string[] {
  // node:tls loaded on first use: the offline run reaches here only when a certificate has something to lint.
  return host.publicRoots ?? nodeTls().rootCertificates;
}

/** Where the public roots come from, for evidence lines. */
export function publicRootsLabel(host: Pick<Host, 'publicRoots'>): string {
  return host.publicRoots ? 'public roots (lab stand-in for webpki-roots)' : 'Mozilla roots (webpki-roots)';
}

const dersOf = new WeakMap<readonly string[], Buffer[]>();

/** The public roots as DER, decoded from their PEM body without parsing a certificate, once per list. */
export function publicRootDers(host: Pick<Host, 'publicRoots'>): readonly Buffer[] {
  const pems = publicRootPems(host);
  let ders = dersOf.get(pems);
  if (!ders) {
    ders = pems.map((pem) => Buffer.from(pem.replace(/-----[^-]*-----|\s+/g, ''), 'base64'));
    dersOf.set(pems, ders);
  }
  return ders;
}

const fingerprintsOf = new WeakMap<readonly Buffer[], ReadonlySet<string>>();

/** SHA-256 fingerprints (`AB:CD:...`, as CertificateFacts.fingerprint256) of the public roots, once per list. */
export function publicRootFingerprints(host: Pick<Host, 'publicRoots'>): ReadonlySet<string> {
  const ders = publicRootDers(host);
  let set = fingerprintsOf.get(ders);
  if (!set) {
    set = new Set(ders.map(fingerprint256));
    fingerprintsOf.set(ders, set);
  }
  return set;
}
