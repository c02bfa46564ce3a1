// The public web PKI: the Mozilla roots Codex compiles in (webpki-roots). Host.publicRoots stands in for them
// in the lab; otherwise Node's bundled list does (the same Mozilla CCADB set).
import type { AnchorInput } from '../codex/anchors.js';
import { fingerprint256 } from '../codex/certificate.js';
import { buildTableRows } from '../core/build-table.js';
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
    set = new Set(publicRootInputs(host).map((input) => input.fingerprint256 ?? fingerprint256(input.der)));
    fingerprintsOf.set(ders, set);
  }
  return set;
}

const inputsOf = new WeakMap<readonly Buffer[], AnchorInput[]>();

/**
 * The public roots as anchors to index, once per list: with their fingerprint and subject from the build's table
 * (PUBLIC_ROOTS_TABLE) when they are the list of the Node that made it, since indexing Node's ~145 roots (a hash and
 * a subject each) is the slowest step of building the trust sets.
 */
export function publicRootInputs(host: Pick<Host, 'publicRoots'>): readonly AnchorInput[] {
  const ders = publicRootDers(host);
  let inputs = inputsOf.get(ders);
  if (!inputs) {
    const known = host.publicRoots ? null : builtRowsFor(ders);
    inputs = ders.map((der, i) => {
      const row = known?.[i];
      return row ? { der, fingerprint256: row[1], ...(row[2] !== null && { subject: row[2] }) } : { der };
    });
    inputsOf.set(ders, inputs);
  }
  return inputs;
}

/** Written by the build next to the script that reads it (dist/): Node's roots, indexed by that Node. */
export const PUBLIC_ROOTS_TABLE = 'public-roots.json';

/** One root: its DER length (the check that it is the same root), fingerprint and subject (null: unreadable). */
export type PublicRootRow = [length: number, fingerprint256: string, subject: string | null];

/** The build's rows when they describe exactly these roots (the same Node, the same list), else null. */
function builtRowsFor(ders: readonly Buffer[]): PublicRootRow[] | null {
  const rows = buildTableRows(PUBLIC_ROOTS_TABLE);
  if (rows?.length !== ders.length) return null;
  const fits = rows.every((row: unknown, i) => Array.isArray(row) && row[0] === ders[i]!.length && typeof row[1] === 'string' && (typeof row[2] === 'string' || row[2] === null));
  return fits ? (rows as PublicRootRow[]) : null;
}
