// The lab's certificate authorities, minted per run: a "public" web PKI (root -> intermediate -> leaf) that
// stands in for the real one, and a "corporate" TLS-inspection CA named like a real product that re-signs
// any SNI on the fly. node-forge builds the X.509 structures; keys come from node:crypto (keys.ts: one per
// size, shared by every certificate) and signatures are made natively, because pure-JS RSA 2048 is far too
// slow for tests.

import { toPem } from '../codex/pem.js';
import { createHash, randomBytes, sign as signNative } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';
import { DEFAULT_KEY_BITS, labKeys, type KeyPair, type KeyStore, type RsaKeyBits } from './keys.js';

export { KeyStore, type KeyPair, type RsaKeyBits } from './keys.js';

/** md5 only for the hostile suite's chains: no product mints it any more, but an old one may still present it. */
export type SignatureHash = 'sha256' | 'sha1' | 'md5';
/** `expired`: ended yesterday; `not-yet-valid`: starts in 30 days. */
export type Validity = 'valid' | 'expired' | 'not-yet-valid';

export interface DistinguishedName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
}

/** How a CA (root or intermediate) is minted; the defaults are what a well-run CA does. */
export interface CaOptions {
  subject: DistinguishedName;
  /** Hash of every signature this CA makes, its own self-signature included. Default sha256. */
  signature?: SignatureHash;
  /** Default 2048. */
  keyBits?: RsaKeyBits;
  /** Default valid. */
  validity?: Validity;
  /** false mints a CA certificate without the basicConstraints extension (webpki rejects it as an issuer). */
  basicConstraints?: boolean;
}

/** How a server certificate is minted and what the server sends with it. */
export interface LeafOptions {
  /** Default 2048. */
  keyBits?: RsaKeyBits;
  validity?: Validity;
  /** false mints a leaf with the names only in the subject CN (no subjectAltName). Default true. */
  san?: boolean;
  /** false: the server sends only its leaf, not the intermediate ("missing intermediate"). Default true. */
  sendIntermediate?: boolean;
}

export interface MintedCert {
  pem: string;
  der: Buffer;
  subject: DistinguishedName;
  /** SHA-256 of the DER, upper-case hex with colons (as X509Certificate.fingerprint256 prints it). */
  fingerprint256: string;
}

/** What a TLS server needs: its private key and the chain it presents (leaf first). */
export interface ServerIdentity {
  keyPem: string;
  /** The presented chain as one PEM string, leaf first: pass as tls `cert`. */
  certPem: string;
  /** The presented chain, leaf first. */
  chain: MintedCert[];
  leaf: MintedCert;
}

interface MintContext {
  keys?: KeyStore;
  /** The clock validity is computed from. Default: the real clock. */
  now?: Date;
}

// --- the public web PKI -------------------------------------------------------------------------------

export interface PublicPkiOptions extends MintContext {
  root?: Partial<CaOptions>;
  intermediate?: Partial<CaOptions>;
}

export interface PublicPki {
  root: MintedCert;
  intermediate: MintedCert;
  /** A leaf for these DNS names or IP addresses (first one is the CN) signed by the intermediate; cached per names+options. */
  identityFor(hostnames: readonly string[], leaf?: LeafOptions): ServerIdentity;
}

export const PUBLIC_ROOT_SUBJECT: DistinguishedName = {
  commonName: 'codex-doctor Lab Public Root R1',
  organization: 'codex-doctor lab',
  country: 'US',
};
export const PUBLIC_INTERMEDIATE_SUBJECT: DistinguishedName = {
  commonName: 'codex-doctor Lab Public TLS CA 1',
  organization: 'codex-doctor lab',
  country: 'US',
};

export function mintPublicPki(options: PublicPkiOptions = {}): PublicPki {
  const context = contextOf(options);
  const root = mintCa(context, { subject: PUBLIC_ROOT_SUBJECT, ...options.root }, undefined);
  const intermediate = mintCa(
    context,
    { subject: PUBLIC_INTERMEDIATE_SUBJECT, ...options.intermediate },
    root,
  );
  const cache = new Map<string, ServerIdentity>();
  return {
    root: root.minted,
    intermediate: intermediate.minted,
    identityFor(hostnames, leaf = {}) {
      const id = JSON.stringify([hostnames, leaf]);
      let identity = cache.get(id);
      if (!identity) {
        identity = mintIdentity(context, hostnames, leaf, [intermediate, root]);
        cache.set(id, identity);
      }
      return identity;
    },
  };
}

// --- the corporate inspection CA ----------------------------------------------------------------------

export interface CorporateCaOptions extends MintContext {
  /** The root (subject, signature hash, key size, validity, basicConstraints). Default: Zscaler's names. */
  root?: Partial<CaOptions>;
  /** An intermediate between root and leaves, as Zscaler and most products have; null for none. */
  intermediate?: Partial<CaOptions> | null;
  /** Applied to every leaf minted for an SNI. */
  leaf?: LeafOptions;
}

export interface CorporateCa {
  root: MintedCert;
  intermediate: MintedCert | null;
  /** The re-signed identity for a server name, minted on first use and cached per (lower-cased) name. */
  identityFor(serverName: string): ServerIdentity;
  /** The same CA minting its leaves with these options changed (IT renews the certificates the proxy serves). */
  withLeaf(changes: LeafOptions): CorporateCa;
}

/** Subjects of real inspection products (../shared/interception-products.md), for realistic scenarios. */
export const CORPORATE_PRODUCTS = {
  zscaler: {
    root: { commonName: 'Zscaler Root CA', organization: 'Zscaler Inc.', organizationalUnit: 'Zscaler Inc.', country: 'US' },
    intermediate: {
      commonName: 'Zscaler Intermediate Root CA (zscaler.net)',
      organization: 'Zscaler Inc.',
      organizationalUnit: 'Zscaler Inc.',
      country: 'US',
    },
  },
  netskope: {
    root: { commonName: 'ca.example.goskope.com', organization: 'Netskope Inc', country: 'US' },
    intermediate: { commonName: 'ca.example.goskope.com intermediate', organization: 'Netskope Inc', country: 'US' },
  },
  fortinet: {
    root: { commonName: 'FortiGate CA', organization: 'Fortinet', organizationalUnit: 'Certificate Authority', country: 'US' },
    intermediate: null,
  },
  'palo-alto': {
    root: { commonName: 'Palo Alto Networks Forward Trust CA', organization: 'Palo Alto Networks', country: 'US' },
    intermediate: null,
  },
} as const satisfies Record<string, { root: DistinguishedName; intermediate: DistinguishedName | null }>;

export type CorporateProduct = keyof typeof CORPORATE_PRODUCTS;

export function mintCorporateCa(options: CorporateCaOptions = {}): CorporateCa {
  const context = contextOf(options);
  const product = CORPORATE_PRODUCTS.zscaler;
  const root = mintCa(context, { subject: product.root, ...options.root }, undefined);
  const intermediate =
    options.intermediate === null
      ? null
      : mintCa(
          context,
          // An intermediate inherits the root's hash and key size: a SHA-1 product signs everything with SHA-1.
          { subject: product.intermediate, ...inheritedStrength(options.root), ...options.intermediate },
          root,
        );
  return corporateCaOf(context, intermediate ? [intermediate, root] : [root], options.leaf ?? {});
}

/** A corporate CA of these issuers (the signing one first, the root last) minting leaves with `leaf`. */
function corporateCaOf(context: ResolvedContext, issuers: readonly Issuer[], leaf: LeafOptions): CorporateCa {
  const cache = new Map<string, ServerIdentity>();
  return {
    root: issuers[issuers.length - 1]!.minted,
    intermediate: issuers.length > 1 ? issuers[0]!.minted : null,
    identityFor(serverName) {
      const name = serverName.toLowerCase();
      let identity = cache.get(name);
      if (!identity) {
        identity = mintIdentity(context, [name], leaf, issuers);
        cache.set(name, identity);
      }
      return identity;
    },
    withLeaf: (changes) => corporateCaOf({ ...context, now: new Date() }, issuers, { ...leaf, ...changes }),
  };
}

/** Subjects for a named product, ready for mintCorporateCa. */
export function corporateProductOptions(product: CorporateProduct): Pick<CorporateCaOptions, 'root' | 'intermediate'> {
  const names: { root: DistinguishedName; intermediate: DistinguishedName | null } = CORPORATE_PRODUCTS[product];
  return { root: { subject: names.root }, intermediate: names.intermediate ? { subject: names.intermediate } : null };
}

// --- minting ------------------------------------------------------------------------------------------

interface ResolvedContext {
  keys: KeyStore;
  now: Date;
}

/** A CA that can sign: its forge certificate (for issuer name and key id), key and hash. */
interface Issuer {
  cert: forge.pki.Certificate;
  keyPem: string;
  signature: SignatureHash;
  minted: MintedCert;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function contextOf(options: MintContext): ResolvedContext {
  return { keys: options.keys ?? labKeys, now: options.now ?? new Date() };
}

function inheritedStrength(options: Partial<CaOptions> | undefined): Partial<CaOptions> {
  return {
    ...(options?.signature ? { signature: options.signature } : {}),
    ...(options?.keyBits ? { keyBits: options.keyBits } : {}),
  };
}

function mintCa(context: ResolvedContext, options: CaOptions, issuer: Issuer | undefined): Issuer {
  const keys = context.keys.get(options.keyBits ?? DEFAULT_KEY_BITS);
  const signature = options.signature ?? 'sha256';
  const cert = newCertificate(keys, options.subject, options.validity ?? 'valid', context.now, 20 * 365);
  const extensions: object[] = [
    { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true, digitalSignature: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (options.basicConstraints !== false) {
    extensions.unshift({ name: 'basicConstraints', critical: true, cA: true });
  }
  if (issuer) extensions.push(authorityKeyId(issuer));
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : cert.subject.attributes);
  cert.setExtensions(extensions);
  // A CA signs itself with its own hash; an intermediate is signed with its issuer's.
  const minted = signCertificate(cert, issuer?.keyPem ?? keys.privateKeyPem, issuer?.signature ?? signature, options.subject);
  return { cert, keyPem: keys.privateKeyPem, signature, minted };
}

function mintIdentity(
  context: ResolvedContext,
  hostnames: readonly string[],
  options: LeafOptions,
  issuers: readonly Issuer[],
): ServerIdentity {
  const [issuer] = issuers;
  const [commonName] = hostnames;
  if (!issuer || commonName === undefined) throw new Error('a leaf needs an issuer and at least one hostname');
  const keys = context.keys.get(options.keyBits ?? DEFAULT_KEY_BITS);
  const subject: DistinguishedName = { commonName };
  const cert = newCertificate(keys, subject, options.validity ?? 'valid', context.now, 90);
  const extensions: object[] = [
    { name: 'basicConstraints', critical: true, cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectKeyIdentifier' },
    authorityKeyId(issuer),
  ];
  if (options.san !== false) {
    // type 2 = dNSName, 7 = iPAddress (a proxy reached by address).
    const altNames = hostnames.map((value) => (isIP(value) ? { type: 7, ip: value } : { type: 2, value }));
    extensions.push({ name: 'subjectAltName', altNames });
  }
  cert.setIssuer(issuer.cert.subject.attributes);
  cert.setExtensions(extensions);
  const leaf = signCertificate(cert, issuer.keyPem, issuer.signature, subject);
  // Servers send the leaf and the intermediates, never the root.
  const intermediates = issuers.slice(0, -1).map((ca) => ca.minted);
  const chain = options.sendIntermediate === false ? [leaf] : [leaf, ...intermediates];
  return { keyPem: keys.privateKeyPem, certPem: chain.map((cert) => cert.pem).join(''), chain, leaf };
}

function newCertificate(
  keys: KeyPair,
  subject: DistinguishedName,
  validity: Validity,
  now: Date,
  lifetimeDays: number,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  cert.serialNumber = serialNumber();
  const start = now.getTime();
  const [notBefore, notAfter] = ((): [number, number] => {
    switch (validity) {
      case 'valid':
        return [start - DAY_MS, start + lifetimeDays * DAY_MS];
      case 'expired':
        return [start - (lifetimeDays + 1) * DAY_MS, start - DAY_MS];
      case 'not-yet-valid':
        return [start + 30 * DAY_MS, start + (30 + lifetimeDays) * DAY_MS];
    }
  })();
  // Whole seconds: X.509 times have no fractions, and tests compare them.
  cert.validity.notBefore = new Date(Math.floor(notBefore / 1000) * 1000);
  cert.validity.notAfter = new Date(Math.floor(notAfter / 1000) * 1000);
  cert.setSubject(toAttributes(subject));
  return cert;
}

function toAttributes(name: DistinguishedName): forge.pki.CertificateField[] {
  const attributes: forge.pki.CertificateField[] = [];
  if (name.country !== undefined) attributes.push({ shortName: 'C', value: name.country });
  if (name.organization !== undefined) attributes.push({ shortName: 'O', value: name.organization });
  if (name.organizationalUnit !== undefined) attributes.push({ shortName: 'OU', value: name.organizationalUnit });
  attributes.push({ shortName: 'CN', value: name.commonName });
  return attributes;
}

function authorityKeyId(issuer: Issuer): object {
  return { name: 'authorityKeyIdentifier', keyIdentifier: issuer.cert.generateSubjectKeyIdentifier().getBytes() };
}

/** 16 random bytes, positive and without a leading zero byte (DER INTEGER rules). */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x3f) | 0x40;
  return bytes.toString('hex');
}

const SIGNATURE_OIDS: Record<SignatureHash, string> = {
  sha256: forge.pki.oids['sha256WithRSAEncryption'] ?? '1.2.840.113549.1.1.11',
  sha1: forge.pki.oids['sha1WithRSAEncryption'] ?? '1.2.840.113549.1.1.5',
  md5: forge.pki.oids['md5WithRSAEncryption'] ?? '1.2.840.113549.1.1.4',
};

// Exported by node-forge but missing from its type definitions.
const forgePki = forge.pki as typeof forge.pki & {
  getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1;
};

/** forge's cert.sign with the RSA step done by node:crypto (forge's own RSA is far slower). */
export function signCertificate(
  cert: forge.pki.Certificate,
  issuerKeyPem: string,
  hash: SignatureHash,
  subject: DistinguishedName,
): MintedCert {
  const oid = SIGNATURE_OIDS[hash];
  const mutable = cert as forge.pki.Certificate & { tbsCertificate: forge.asn1.Asn1; signatureOid: string };
  mutable.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  mutable.tbsCertificate = forgePki.getTBSCertificate(cert);
  const tbs = Buffer.from(forge.asn1.toDer(mutable.tbsCertificate).getBytes(), 'binary');
  cert.signature = signNative(hash, tbs, issuerKeyPem).toString('binary');
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { pem: toPem(der), der, subject, fingerprint256: fingerprint(der) };
}

export { toPem };

function fingerprint(der: Buffer): string {
  return (createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g) ?? []).join(':');
}
