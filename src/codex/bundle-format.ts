// What a CA file really is when Codex finds no certificate in it (the fix is rendered in src/words).
// Codex itself only says "no certificates found in PEM file" for all of these (lossy UTF-8 + PEM reader).
import { TAG, children, decodeOid, readTlv, type Tlv } from './der.js';

export type BundleFormat =
  | { kind: 'pem' }
  | { kind: 'empty' }
  | { kind: 'der-certificate' }
  | { kind: 'der-crl' }
  | { kind: 'der-other' }
  | { kind: 'pkcs7'; encoding: 'der' | 'pem' }
  | { kind: 'pkcs12' }
  | { kind: 'utf16'; endian: 'le' | 'be'; bom: boolean }
  | { kind: 'utf8-bom' }
  | { kind: 'base64-der' }
  | { kind: 'binary' }
  | { kind: 'text' };

export type BundleFormatKind = BundleFormat['kind'];

/** Reads no more than the bytes given (a bounded prefix is fine). Never throws. */
export function sniffBundleFormat(bytes: Uint8Array): BundleFormat {
  if (bytes.length === 0) return { kind: 'empty' };
  const b0 = bytes[0] as number;
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return { kind: 'utf16', endian: 'le', bom: true };
  if (b0 === 0xfe && b1 === 0xff) return { kind: 'utf16', endian: 'be', bom: true };
  const noBom = utf16WithoutBom(bytes);
  if (noBom) return { kind: 'utf16', endian: noBom, bom: false };
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return { kind: 'utf8-bom' };
  if (b0 === TAG.SEQUENCE) {
    const der = derKind(bytes);
    if (der) return der;
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 20)).toString('latin1');
  if (/-----BEGIN (PKCS7|CMS)-----/.test(text)) return { kind: 'pkcs7', encoding: 'pem' };
  if (/^-----BEGIN [^\r\n]*-----/m.test(text)) return { kind: 'pem' };
  const bare = bareBase64Der(text);
  if (bare) return bare;
  return looksBinary(bytes) ? { kind: 'binary' } : { kind: 'text' };
}

const OID_PKCS7_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_PKCS7_DATA = '1.2.840.113549.1.7.1';

function derKind(bytes: Uint8Array): BundleFormat | null {
  const top = readTlv(bytes, 0);
  if (!top || top.tag !== TAG.SEQUENCE) return null;
  const parts = children(bytes, top);
  if (!parts || parts.length === 0) return { kind: 'der-other' };
  const [first, second, third] = parts;
  // ContentInfo { contentType signedData, [0] content }
  if (first?.tag === TAG.OID && decodeOid(bytes, first) === OID_PKCS7_SIGNED_DATA) return { kind: 'pkcs7', encoding: 'der' };
  // PFX { version 3, authSafe ContentInfo(data | signedData), macData? }
  if (first?.tag === TAG.INTEGER && second?.tag === TAG.SEQUENCE && isPkcs12AuthSafe(bytes, first, second)) return { kind: 'pkcs12' };
  // Certificate / CertificateList { tbs, signatureAlgorithm, signatureValue }
  if (parts.length === 3 && first?.tag === TAG.SEQUENCE && second?.tag === TAG.SEQUENCE && third?.tag === TAG.BIT_STRING) {
    const tbs = children(bytes, first) ?? [];
    // A CRL's tbsCertList carries thisUpdate (a time) directly; a certificate's times sit inside Validity.
    const hasTime = tbs.some((t) => t.tag === TAG.UTC_TIME || t.tag === TAG.GENERALIZED_TIME);
    return { kind: hasTime ? 'der-crl' : 'der-certificate' };
  }
  return { kind: 'der-other' };
}

function isPkcs12AuthSafe(bytes: Uint8Array, version: Tlv, authSafe: Tlv): boolean {
  if (version.end - version.contentStart !== 1 || bytes[version.contentStart] !== 3) return false;
  const oid = children(bytes, authSafe)?.[0];
  const name = oid ? decodeOid(bytes, oid) : null;
  return name === OID_PKCS7_DATA || name === OID_PKCS7_SIGNED_DATA;
}

/** ASCII text stored as UTF-16 without a BOM: every other byte is zero. */
function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 16) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.9 && evenZero < pairs * 0.1) return 'le';
  if (evenZero > pairs * 0.9 && oddZero < pairs * 0.1) return 'be';
  return null;
}

/** A certificate as bare base64 (a .cer saved without its BEGIN/END lines). */
function bareBase64Der(text: string): BundleFormat | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  const der = Buffer.from(compact, 'base64');
  const kind = der[0] === TAG.SEQUENCE ? derKind(der) : null;
  return kind && kind.kind !== 'der-other' ? { kind: 'base64-der' } : null;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) control++;
  }
  return control > n * 0.05;
}

/** One sentence for the user: what the file is. */
export function describeFormat(format: BundleFormat): string {
  switch (format.kind) {
    case 'pem':
      return 'PEM text';
    case 'empty':
      return 'an empty file';
    case 'der-certificate':
      return 'a binary DER certificate (not PEM text)';
    case 'der-crl':
      return 'a binary DER certificate revocation list (CRL), not a certificate';
    case 'der-other':
      return 'binary DER data that is not a certificate';
    case 'pkcs7':
      return format.encoding === 'der' ? 'a binary PKCS#7 (.p7b) certificate container' : 'a PEM PKCS#7 (.p7b) certificate container';
    case 'pkcs12':
      return 'a PKCS#12 (.pfx/.p12) container';
    case 'utf16':
      return `UTF-16${format.endian.toUpperCase()} text${format.bom ? ' with a byte-order mark' : ''} (typical of PowerShell exports)`;
    case 'utf8-bom':
      return 'PEM text starting with a UTF-8 byte-order mark';
    case 'base64-der':
      return 'base64 certificate data without BEGIN/END lines';
    case 'binary':
      return 'binary data that is not a certificate format';
    case 'text':
      return 'text without any PEM block';
  }
}

/** POSIX-shell quoting, only when needed. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `corp.cer` -> `corp.pem`; a name that already ends in .pem gets `.converted.pem`. */
export function convertedPath(path: string): string {
  const base = path.replace(/\.(cer|crt|der|p7b|p7c|p12|pfx|pem|txt)$/i, '');
  const out = `${base}.pem`;
  return out === path ? `${base}.converted.pem` : out;
}
