// Per-certificate facts (node:crypto X509Certificate for OpenSSL's parse and names, der.ts for what Node 20
// does not expose), what rustls does when Codex registers a certificate as a root, and the lints shared by
// the CA bundle check and the TLS chain lint (src/codex/webpki.ts).
import type { X509Certificate } from 'node:crypto';
import { nodeCrypto } from '../core/builtins.js';
import { OidTable, TAG, children, contextTag, decodeTime, integerBitLength, readTlv, smallInteger, type Tlv } from './der.js';

export type HashName = 'md2' | 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
export type KeyType = 'rsa' | 'ec' | 'ed25519' | 'ed448' | 'dsa' | 'unknown';

export interface SignatureAlgorithm {
  oid: string;
  /** OpenSSL's short name (e.g. sha256WithRSAEncryption), or the OID when unknown. */
  name: string;
  /** The digest, when the algorithm has one we can name (RSASSA-PSS: from its parameters). */
  hash: HashName | null;
}

export interface PublicKeyInfo {
  type: KeyType;
  /** Modulus bits (RSA, DSA), curve size (EC), 256/456 (Ed25519/Ed448); null when unknown. */
  bits: number | null;
  /** NIST name for EC keys (P-256, P-384, P-521), else null. */
  curve: string | null;
}

export interface BasicConstraints {
  ca: boolean;
  pathLength: number | null;
  critical: boolean;
}

export interface CertificateFacts {
  /** The exact DER Codex registers. */
  der: Buffer;
  /** One line, RFC 2253-ish in DER order: `O=Corp, CN=Corp Root`. */
  subject: string;
  issuer: string;
  /** Subject and issuer DER are byte-identical (a root, or a self-issued certificate). */
  selfIssued: boolean;
  notBefore: Date;
  notAfter: Date;
  /** X.509 version, 1..3. */
  version: number;
  serialNumber: string;
  basicConstraints: BasicConstraints | null;
  /** basicConstraints cA is TRUE. */
  isCa: boolean;
  publicKey: PublicKeyInfo;
  signature: SignatureAlgorithm;
  /** SHA-256 of the DER, upper-case hex with colons (as openssl and X509Certificate print it). */
  fingerprint256: string;
  hasSubjectAltName: boolean;
  /** ExtendedKeyUsage OIDs, or null when the extension is absent (= any usage). */
  extendedKeyUsage: string[] | null;
  /** OIDs of extensions marked critical. */
  criticalExtensions: string[];
  /**
   * Why webpki (rustls) refuses this certificate as a trust anchor although OpenSSL parses it, or null.
   * Rendered as rustls shows it after `invalid peer certificate: `.
   */
  webpkiRejection: string | null;
}

export type CertificateRead =
  | { ok: true; facts: CertificateFacts }
  /** OpenSSL (and so Node) cannot parse these bytes as an X.509 certificate. */
  | { ok: false; der: Buffer; reason: string };

const SIGNATURES: Record<string, { name: string; hash: HashName | null }> = {
  '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', hash: 'md2' },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', hash: 'md5' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', hash: 'sha1' },
  '1.3.14.3.2.29': { name: 'sha1WithRSA', hash: 'sha1' },
  '1.2.840.113549.1.1.14': { name: 'sha224WithRSAEncryption', hash: 'sha224' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', hash: 'sha256' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', hash: 'sha384' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', hash: 'sha512' },
  '1.2.840.113549.1.1.10': { name: 'rsassaPss', hash: null },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', hash: 'sha1' },
  '1.2.840.10045.4.3.1': { name: 'ecdsa-with-SHA224', hash: 'sha224' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', hash: 'sha256' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', hash: 'sha384' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', hash: 'sha512' },
  '1.2.840.10040.4.3': { name: 'dsa_with_SHA1', hash: 'sha1' },
  '2.16.840.1.101.3.4.3.2': { name: 'dsa_with_SHA256', hash: 'sha256' },
  '1.3.101.112': { name: 'ED25519', hash: null },
  '1.3.101.113': { name: 'ED448', hash: null },
};

const HASHES: Record<string, HashName> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.2.840.113549.2.5': 'md5',
};

const CURVES: Record<string, { curve: string; bits: number; openssl: string }> = {
  '1.2.840.10045.3.1.7': { curve: 'P-256', bits: 256, openssl: 'prime256v1' },
  '1.3.132.0.34': { curve: 'P-384', bits: 384, openssl: 'secp384r1' },
  '1.3.132.0.35': { curve: 'P-521', bits: 521, openssl: 'secp521r1' },
  '1.3.132.0.10': { curve: 'secp256k1', bits: 256, openssl: 'secp256k1' },
};

const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  dsa: '1.2.840.10040.4.1',
  basicConstraints: '2.5.29.19',
  subjectAltName: '2.5.29.17',
  extKeyUsage: '2.5.29.37',
} as const;

/** id-ce extensions webpki understands (cert.rs `remember_cert_extension`); any other critical one is fatal. */
const WEBPKI_EXTENSIONS: ReadonlySet<string> = new Set(['15', '17', '19', '30', '31', '37'].map((n) => `2.5.29.${n}`));

/** Every OID this module names, so that reading a certificate decodes almost none of them. */
const OIDS = new OidTable([
  ...Object.keys(SIGNATURES), ...Object.keys(HASHES), ...Object.keys(CURVES), ...Object.values(OID), ...WEBPKI_EXTENSIONS,
  '2.5.29.14', '2.5.29.35', '2.5.29.32', '1.3.6.1.5.5.7.1.1', '1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2',
]);

/**
 * Reads one certificate. Never throws.
 *
 * The DER reader does the work (X509Certificate costs ~50 us per certificate, far too much for a
 * 10,000-certificate bundle). It is strict DER like webpki; when it refuses, OpenSSL (X509Certificate)
 * decides: OpenSSL also fails -> unreadable for both transports; OpenSSL parses -> HTTPS takes it but
 * webpki (strict DER) refuses it as a root.
 */
export function readCertificate(der: Buffer): CertificateRead {
  const structure = parseStructure(der);
  if (structure) return { ok: true, facts: { der, fingerprint256: fingerprint256(der), ...structure } };
  let x509: X509Certificate;
  try {
    x509 = new (nodeCrypto().X509Certificate)(der);
  } catch (error) {
    return { ok: false, der, reason: (error as Error).message };
  }
  return { ok: true, facts: factsFromOpenSsl(der, x509) };
}

/** SHA-256 of the DER as OpenSSL and X509Certificate print it: `AB:CD:...`. */
export function fingerprint256(der: Uint8Array): string {
  // The one-shot hash: no Hash object per certificate (a trust set hashes a few hundred).
  return nodeCrypto().hash('sha256', der, 'hex').toUpperCase().replace(/..(?!$)/g, '$&:');
}

/** Best effort when only OpenSSL can read the certificate (BER or other non-DER encodings). */
function factsFromOpenSsl(der: Buffer, x509: X509Certificate): CertificateFacts {
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const type: KeyType = ((): KeyType => {
    switch (key.asymmetricKeyType) {
      case 'rsa':
      case 'rsa-pss':
        return 'rsa';
      case 'ec':
        return 'ec';
      case 'ed25519':
        return 'ed25519';
      case 'ed448':
        return 'ed448';
      case 'dsa':
        return 'dsa';
      default:
        return 'unknown';
    }
  })();
  const curve = details.namedCurve ? (Object.values(CURVES).find((c) => c.openssl === details.namedCurve) ?? null) : null;
  return {
    der,
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    selfIssued: x509.subject === x509.issuer,
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    version: 3,
    serialNumber: x509.serialNumber,
    basicConstraints: x509.ca ? { ca: true, pathLength: null, critical: false } : null,
    isCa: x509.ca,
    publicKey: { type, bits: details.modulusLength ?? curve?.bits ?? null, curve: curve?.curve ?? details.namedCurve ?? null },
    signature: { oid: 'unknown', name: 'unknown', hash: null },
    fingerprint256: x509.fingerprint256,
    hasSubjectAltName: x509.subjectAltName !== undefined,
    extendedKeyUsage: x509.keyUsage ?? null,
    criticalExtensions: [],
    webpkiRejection: 'BadEncoding',
  };
}

/** Node prints one RDN per line; a table row wants one line. */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

type Structure = Omit<CertificateFacts, 'der' | 'fingerprint256'>;

/** The whole certificate as strict DER, or null. */
function parseStructure(der: Buffer): Structure | null {
  const cert = readTlv(der, 0);
  if (!cert || cert.tag !== TAG.SEQUENCE || cert.end !== der.length) return null;
  const top = children(der, cert);
  if (!top || top.length !== 3) return null;
  const [tbs, outerAlg, signatureValue] = top as [Tlv, Tlv, Tlv];
  if (tbs.tag !== TAG.SEQUENCE || outerAlg.tag !== TAG.SEQUENCE || signatureValue.tag !== TAG.BIT_STRING) return null;
  const fields = children(der, tbs);
  if (!fields) return null;
  let i = 0;
  let version = 1;
  if (fields[0]?.tag === contextTag(0)) {
    const inner = readTlv(der, fields[0].contentStart, fields[0].end);
    const v = inner && inner.end === fields[0].end ? smallInteger(der, inner) : null;
    if (v === null || v > 2) return null;
    version = v + 1;
    i = 1;
  }
  const [serial, innerAlg, issuer, validity, subject, spki, ...rest] = fields.slice(i);
  if (!serial || serial.tag !== TAG.INTEGER || serial.end === serial.contentStart) return null;
  if (!innerAlg || innerAlg.tag !== TAG.SEQUENCE || !issuer || issuer.tag !== TAG.SEQUENCE) return null;
  if (!validity || validity.tag !== TAG.SEQUENCE || !subject || subject.tag !== TAG.SEQUENCE || !spki || spki.tag !== TAG.SEQUENCE) return null;
  const times = children(der, validity);
  if (!times || times.length !== 2) return null;
  const notBefore = decodeTime(der, times[0]!);
  const notAfter = decodeTime(der, times[1]!);
  if (!notBefore || !notAfter) return null;
  const issuerName = formatName(der, issuer);
  const subjectName = formatName(der, subject);
  if (issuerName === null || subjectName === null) return null;
  // webpki accepts no issuerUniqueID / subjectUniqueID; extensions only in v3.
  if (rest.length > 1 || (rest.length === 1 && (rest[0]!.tag !== contextTag(3) || version !== 3))) return null;
  const extensions = readExtensions(der, rest[0]);
  if (!extensions) return null;
  const publicKey = readPublicKey(der, spki);
  if (!publicKey) return null;

  let webpkiRejection: string | null = null;
  // webpki parses v3, or v1 through its special v1 anchor parser; v2 fails both (BadDer).
  if (version === 2) webpkiRejection = 'BadEncoding';
  else if (extensions.duplicate) webpkiRejection = 'Other(OtherError(ExtensionValueInvalid))';
  else if (extensions.unsupportedCritical.length > 0) webpkiRejection = 'Other(OtherError(UnsupportedCriticalExtension))';

  return {
    subject: subjectName,
    issuer: issuerName,
    selfIssued: der.subarray(issuer.start, issuer.end).equals(der.subarray(subject.start, subject.end)),
    notBefore,
    notAfter,
    version,
    serialNumber: serialHex(der, serial),
    basicConstraints: extensions.basicConstraints,
    isCa: extensions.basicConstraints?.ca ?? false,
    publicKey,
    signature: readSignatureAlgorithm(der, outerAlg),
    hasSubjectAltName: extensions.hasSubjectAltName,
    extendedKeyUsage: extensions.extendedKeyUsage,
    criticalExtensions: extensions.critical,
    webpkiRejection,
  };
}

/**
 * The issuer and subject of a certificate, formatted as CertificateFacts has them, without reading the rest:
 * what indexing a trust set by name needs. Falls back to OpenSSL's parse when the DER is not strict; null when
 * neither can read it.
 */
export function certificateNames(der: Buffer): { issuer: string; subject: string } | null {
  const names = namesOf(der);
  if (names) return names;
  try {
    const x509 = new (nodeCrypto().X509Certificate)(der);
    return { issuer: oneLine(x509.issuer), subject: oneLine(x509.subject) };
  } catch {
    return null;
  }
}

/**
 * The subject alone, as certificateNames gives it: all a trust set's index needs (half the formatting of a few
 * hundred roots). OpenSSL's parse when the DER is not strict; null when neither can read it.
 */
export function certificateSubject(der: Buffer): string | null {
  const name = nameFieldsOf(der)?.subject;
  return (name && formatName(der, name)) ?? certificateNames(der)?.subject ?? null;
}

function namesOf(der: Buffer): { issuer: string; subject: string } | null {
  const fields = nameFieldsOf(der);
  if (!fields) return null;
  const issuerName = formatName(der, fields.issuer);
  const subjectName = formatName(der, fields.subject);
  return issuerName === null || subjectName === null ? null : { issuer: issuerName, subject: subjectName };
}

function nameFieldsOf(der: Buffer): { issuer: Tlv; subject: Tlv } | null {
  const cert = readTlv(der, 0);
  const tbs = cert?.tag === TAG.SEQUENCE ? readTlv(der, cert.contentStart, cert.end) : null;
  const fields = tbs?.tag === TAG.SEQUENCE ? children(der, tbs) : null;
  if (!fields) return null;
  const [issuer, , subject] = fields.slice(fields[0]?.tag === contextTag(0) ? 3 : 2);
  return issuer?.tag === TAG.SEQUENCE && subject?.tag === TAG.SEQUENCE ? { issuer, subject } : null;
}

/** Upper-case hex without sign padding, as X509Certificate.serialNumber prints it. */
function serialHex(der: Buffer, serial: Tlv): string {
  let start = serial.contentStart;
  while (start < serial.end - 1 && der[start] === 0) start++;
  return der.toString('hex', start, serial.end).toUpperCase();
}

const NAME_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.9': 'street', '2.5.4.10': 'O', '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber', '2.5.4.4': 'SN', '2.5.4.42': 'GN', '2.5.4.12': 'title', '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym', '2.5.4.97': 'organizationIdentifier', '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC', '0.9.2342.19200300.100.1.1': 'UID',
};
const NAME_OIDS = new OidTable(Object.keys(NAME_ATTRIBUTES));

/** `O=Corp, CN=Corp Root` in DER order (as Node's X509Certificate lists it), or null when malformed. */
function formatName(der: Buffer, name: Tlv): string | null {
  const rdns = children(der, name);
  if (!rdns) return null;
  const parts: string[] = [];
  for (const rdn of rdns) {
    if (rdn.tag !== TAG.SET) return null;
    const attributes = children(der, rdn);
    if (!attributes) return null;
    const values: string[] = [];
    for (const attribute of attributes) {
      const [type, value] = children(der, attribute) ?? [];
      const oid = type ? NAME_OIDS.read(der, type) : null;
      if (!oid || !value) return null;
      values.push(`${NAME_ATTRIBUTES[oid] ?? oid}=${escapeNameValue(decodeString(der, value))}`);
    }
    parts.push(values.join(' + '));
  }
  return parts.join(', ');
}

function decodeString(der: Buffer, value: Tlv): string {
  switch (value.tag) {
    case 0x1e: {
      // BMPString: UTF-16BE. An odd length is malformed: the last byte is dropped rather than thrown over.
      const bytes = Buffer.from(der.subarray(value.contentStart, value.end - ((value.end - value.contentStart) % 2)));
      return bytes.swap16().toString('utf16le');
    }
    case 0x14: // TeletexString: latin1 in practice
      return der.toString('latin1', value.contentStart, value.end);
    default: // UTF8String, PrintableString, IA5String, ...
      return der.toString('utf8', value.contentStart, value.end);
  }
}

function escapeNameValue(value: string): string {
  return value
    .replace(/[\\,+"<>;]/g, (c) => `\\${c}`)
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

interface Extensions {
  basicConstraints: BasicConstraints | null;
  hasSubjectAltName: boolean;
  extendedKeyUsage: string[] | null;
  critical: string[];
  unsupportedCritical: string[];
  duplicate: boolean;
}

function readExtensions(der: Buffer, wrapper: Tlv | undefined): Extensions | null {
  const out: Extensions = {
    basicConstraints: null, hasSubjectAltName: false, extendedKeyUsage: null, critical: [], unsupportedCritical: [], duplicate: false,
  };
  if (!wrapper) return out;
  const list = readTlv(der, wrapper.contentStart, wrapper.end);
  if (!list || list.tag !== TAG.SEQUENCE) return null;
  const seen = new Set<string>();
  const entries = children(der, list);
  if (!entries) return null;
  for (const extension of entries) {
    const parts = children(der, extension);
    if (!parts || parts.length < 2 || parts.length > 3) return null;
    const oid = parts[0] ? OIDS.read(der, parts[0]) : null;
    if (!oid) return null;
    if (parts.length === 3 && (parts[1]?.tag !== TAG.BOOLEAN || parts[1].end - parts[1].contentStart !== 1)) return null;
    const critical = parts.length === 3 && der[parts[1]!.contentStart] !== 0;
    const value = parts[parts.length - 1];
    if (!value || value.tag !== TAG.OCTET_STRING) return null;
    if (seen.has(oid)) out.duplicate = true;
    seen.add(oid);
    if (critical) {
      out.critical.push(oid);
      if (!WEBPKI_EXTENSIONS.has(oid)) out.unsupportedCritical.push(oid);
    }
    const inner = readTlv(der, value.contentStart, value.end);
    switch (oid) {
      case OID.basicConstraints: {
        const items = inner && inner.tag === TAG.SEQUENCE ? children(der, inner) ?? [] : [];
        const caItem = items.find((t) => t.tag === TAG.BOOLEAN);
        const pathItem = items.find((t) => t.tag === TAG.INTEGER);
        out.basicConstraints = {
          ca: caItem !== undefined && der[caItem.contentStart] !== 0,
          pathLength: pathItem ? smallInteger(der, pathItem) : null,
          critical,
        };
        break;
      }
      case OID.subjectAltName:
        out.hasSubjectAltName = true;
        break;
      case OID.extKeyUsage:
        out.extendedKeyUsage = (inner && inner.tag === TAG.SEQUENCE ? children(der, inner) ?? [] : [])
          .map((t) => OIDS.read(der, t))
          .filter((o): o is string => o !== null);
        break;
    }
  }
  return out;
}

function readSignatureAlgorithm(der: Buffer, alg: Tlv): SignatureAlgorithm {
  const [oidTlv, params] = children(der, alg) ?? [];
  const oid = (oidTlv && OIDS.read(der, oidTlv)) ?? 'unknown';
  const known = SIGNATURES[oid];
  if (!known) return { oid, name: oid, hash: null };
  if (oid !== OID.rsassaPss) return { oid, ...known };
  // RSASSA-PSS-params: [0] hashAlgorithm, default SHA-1.
  let hash: HashName | null = 'sha1';
  const first = params && params.tag === TAG.SEQUENCE ? children(der, params)?.[0] : undefined;
  if (first?.tag === contextTag(0)) {
    const hashAlg = readTlv(der, first.contentStart, first.end);
    const hashOid = hashAlg ? children(der, hashAlg)?.[0] : undefined;
    const name = hashOid ? OIDS.read(der, hashOid) : null;
    hash = name ? HASHES[name] ?? null : null;
  }
  return { oid, name: known.name, hash };
}

/** Key facts; null when the SubjectPublicKeyInfo is malformed, `unknown` for an algorithm we do not name. */
function readPublicKey(der: Buffer, spki: Tlv): PublicKeyInfo | null {
  const unknown: PublicKeyInfo = { type: 'unknown', bits: null, curve: null };
  const parts = children(der, spki);
  if (!parts || parts.length !== 2) return null;
  const [alg, bitString] = parts as [Tlv, Tlv];
  if (alg.tag !== TAG.SEQUENCE || bitString.tag !== TAG.BIT_STRING || bitString.end === bitString.contentStart) return null;
  const [oidTlv, params] = children(der, alg) ?? [];
  const oid = oidTlv ? OIDS.read(der, oidTlv) : null;
  switch (oid) {
    case OID.rsaEncryption:
    case OID.rsassaPss: {
      // BIT STRING: one unused-bits octet, then RSAPublicKey ::= SEQUENCE { modulus, publicExponent }.
      const key = bitString.tag === TAG.BIT_STRING ? readTlv(der, bitString.contentStart + 1, bitString.end) : null;
      const modulus = key ? children(der, key)?.[0] : undefined;
      return { type: 'rsa', bits: modulus ? integerBitLength(der, modulus) : null, curve: null };
    }
    case OID.ecPublicKey: {
      const curveOid = params ? OIDS.read(der, params) : null;
      const curve = curveOid ? CURVES[curveOid] : undefined;
      return { type: 'ec', bits: curve?.bits ?? null, curve: curve?.curve ?? curveOid };
    }
    case OID.ed25519:
      return { type: 'ed25519', bits: 256, curve: null };
    case OID.ed448:
      return { type: 'ed448', bits: 456, curve: null };
    case OID.dsa: {
      const p = params ? children(der, params)?.[0] : undefined;
      return { type: 'dsa', bits: p ? integerBitLength(der, p) : null, curve: null };
    }
    default:
      return unknown;
  }
}

// --- what Codex does when it registers a bundle certificate --------------------------------------------

export interface RegisterVerdict {
  /** HTTPS (reqwest): `Failed to parse certificate #n ...: {this}` or, at client build, `...: {this}`; null = accepted. */
  https: { stage: 'parse-certificate' | 'build-client'; error: string } | null;
  /** WebSocket (rustls RootCertStore::add): `... in rustls root store: {this}`; null = accepted. */
  websocket: string | null;
}

/**
 * rustls accepts almost any certificate as a trust anchor: webpki's `anchor_from_trusted_cert` keeps only
 * subject, key and name constraints, and never looks at the anchor's dates, signature, key size or CA flag.
 * What fails is what it cannot parse: bytes that are not a certificate, X.509 v2, a duplicated extension,
 * or a critical extension webpki does not know. reqwest (HTTPS) first has OpenSSL parse each certificate
 * (`Certificate::from_der`), then adds them to the rustls store when the client is built.
 */
export function registerVerdict(read: CertificateRead): RegisterVerdict {
  if (!read.ok) {
    return { https: { stage: 'parse-certificate', error: 'builder error' }, websocket: 'invalid peer certificate: BadEncoding' };
  }
  const rejection = read.facts.webpkiRejection;
  if (rejection === null) return { https: null, websocket: null };
  return { https: { stage: 'build-client', error: 'builder error' }, websocket: `invalid peer certificate: ${rejection}` };
}

// --- lints shared with the TLS chain lint ---------------------------------------------------------------

export type Validity = 'valid' | 'expired' | 'not-yet-valid';

export function validityAt(facts: Pick<CertificateFacts, 'notBefore' | 'notAfter'>, now: Date): Validity {
  if (now.getTime() > facts.notAfter.getTime()) return 'expired';
  if (now.getTime() < facts.notBefore.getTime()) return 'not-yet-valid';
  return 'valid';
}

/** SHA-1 / MD5 / MD2: rustls has no verifier for them (BadSignature / UnsupportedSignatureAlgorithm). */
export function weakSignatureHash(facts: Pick<CertificateFacts, 'signature'>): 'md2' | 'md5' | 'sha1' | null {
  const hash = facts.signature.hash;
  return hash === 'md2' || hash === 'md5' || hash === 'sha1' ? hash : null;
}

/** rustls verifies RSA signatures only with 2048- to 8192-bit keys. */
export const MIN_RSA_BITS = 2048;

export function weakRsaKeyBits(facts: Pick<CertificateFacts, 'publicKey'>): number | null {
  const { type, bits } = facts.publicKey;
  return type === 'rsa' && bits !== null && bits < MIN_RSA_BITS ? bits : null;
}

export type CertificateLint =
  | { kind: 'expired'; notAfter: Date }
  | { kind: 'not-yet-valid'; notBefore: Date }
  | { kind: 'weak-signature'; hash: 'md2' | 'md5' | 'sha1' }
  | { kind: 'weak-rsa-key'; bits: number }
  | { kind: 'not-ca' };

/** The lints that apply to any certificate; `expectCa` adds the CA-flag rule (anchors and issuers). */
export function lintCertificate(facts: CertificateFacts, now: Date, options: { expectCa: boolean }): CertificateLint[] {
  const lints: CertificateLint[] = [];
  const validity = validityAt(facts, now);
  if (validity === 'expired') lints.push({ kind: 'expired', notAfter: facts.notAfter });
  if (validity === 'not-yet-valid') lints.push({ kind: 'not-yet-valid', notBefore: facts.notBefore });
  const hash = weakSignatureHash(facts);
  if (hash) lints.push({ kind: 'weak-signature', hash });
  const bits = weakRsaKeyBits(facts);
  if (bits !== null) lints.push({ kind: 'weak-rsa-key', bits });
  if (options.expectCa && !facts.isCa) lints.push({ kind: 'not-ca' });
  return lints;
}

/** Groups of positions (as given) holding the same certificate; one pass, keyed by fingerprint. */
export function findDuplicates<T extends { fingerprint256: string }>(items: readonly T[]): { fingerprint256: string; positions: number[] }[] {
  const byFingerprint = new Map<string, number[]>();
  items.forEach((item, position) => {
    const positions = byFingerprint.get(item.fingerprint256);
    if (positions) positions.push(position);
    else byFingerprint.set(item.fingerprint256, [position]);
  });
  return [...byFingerprint].filter(([, positions]) => positions.length > 1).map(([fingerprint256, positions]) => ({ fingerprint256, positions }));
}

/** `RSA 2048`, `EC P-384`, `Ed25519`. */
export function describeKey(key: PublicKeyInfo): string {
  switch (key.type) {
    case 'rsa':
      return key.bits === null ? 'RSA' : `RSA ${key.bits}`;
    case 'ec':
      return key.curve ? `EC ${key.curve}` : 'EC';
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    case 'dsa':
      return key.bits === null ? 'DSA' : `DSA ${key.bits}`;
    case 'unknown':
      return 'unknown key type';
  }
}
