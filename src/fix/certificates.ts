// Certificates out of the file shapes Codex cannot read (DER, PKCS#7, UTF-16, a directory of PEM files),
// written back as the PEM bundle it can. Every result is read again with Codex's own PEM rules before use.
import { nodeCrypto } from '../core/builtins.js';
import type { Host } from '../core/host.js';
import type { CertificateSourceFormat } from '../core/types.js';
import { sniffBundleFormat } from '../codex/bundle-format.js';
import { MAX_BUNDLE_BYTES } from '../codex/bundle-loader.js';
import { TAG, children, contextTag, decodeOid, readTlv, slice } from '../codex/der.js';
import { parseCodexPem, toPem } from '../codex/pem.js';

/** A directory of certificates is read file by file, up to these bounds (a trust directory holds a few hundred). */
const MAX_DIRECTORY_ENTRIES = 2000;
const MAX_DIRECTORY_FILE_BYTES = 1024 * 1024;

export type CertificatesRead = { ok: true; certificates: Buffer[] } | { ok: false; reason: string };

/** The certificates in one file, whatever its shape; `expected` (from the action) is checked against it. */
export function certificatesInBytes(bytes: Uint8Array, expected?: CertificateSourceFormat): CertificatesRead {
  const format = sniffBundleFormat(bytes);
  const mismatch = (found: string): CertificatesRead => ({ ok: false, reason: `it holds ${found}, not ${expected}` });
  switch (format.kind) {
    case 'der-certificate':
      if (expected !== undefined && expected !== 'der') return mismatch('a DER certificate');
      return { ok: true, certificates: [Buffer.from(bytes)] };
    case 'pkcs7': {
      if (expected !== undefined && expected !== 'pkcs7') return mismatch('a PKCS#7 container');
      const der = format.encoding === 'der' ? bytes : pemPkcs7Der(bytes);
      const certificates = der ? pkcs7Certificates(der) : null;
      return certificates && certificates.length > 0 ? { ok: true, certificates } : { ok: false, reason: 'its PKCS#7 structure holds no readable certificate' };
    }
    case 'utf16': {
      if (expected !== undefined && expected !== 'utf16') return mismatch('UTF-16 text');
      const body = format.bom ? bytes.subarray(2) : bytes;
      const text = format.endian === 'le' ? Buffer.from(body).toString('utf16le') : Buffer.from(body).swap16().toString('utf16le');
      return pemCertificates(Buffer.from(text, 'utf8'));
    }
    case 'pem':
    case 'utf8-bom':
      if (expected !== undefined && expected !== 'directory' && expected !== format.kind) return mismatch('PEM text');
      return pemCertificates(Buffer.from(bytes));
    case 'base64-der': {
      if (expected !== undefined && expected !== 'base64-der') return mismatch('bare base64');
      return { ok: true, certificates: [Buffer.from(Buffer.from(bytes).toString('latin1').replace(/\s+/g, ''), 'base64')] };
    }
    default:
      return { ok: false, reason: 'it holds no certificate this tool can convert' };
  }
}

function pemCertificates(bytes: Buffer): CertificatesRead {
  // Only the CERTIFICATE blocks, each line without what precedes the dashes, indentation or CR: a BOM, an
  // indented block, a key or a broken CRL next to them never keeps a certificate out (as the shell command does).
  const blocks = [...bytes.toString('latin1').matchAll(/-----BEGIN (?:TRUSTED )?CERTIFICATE-----[\s\S]*?-----END (?:TRUSTED )?CERTIFICATE-----/g)];
  const body = Buffer.from(blocks.map((m) => `${m[0].split(/\r?\n/).map((line) => line.replace(/^[ \t]+|\r$/g, '')).join('\n')}\n`).join(''), 'latin1');
  if (blocks.length === 0) return { ok: false, reason: 'its PEM text holds no CERTIFICATE block' };
  const parsed = parseCodexPem(body);
  if (!parsed.ok) return { ok: false, reason: `its PEM text does not parse (${parsed.codexDetail})` };
  return { ok: true, certificates: parsed.certificates.map((c) => c.der) };
}

function pemPkcs7Der(bytes: Uint8Array): Uint8Array | null {
  const text = Buffer.from(bytes).toString('latin1');
  const match = /-----BEGIN (PKCS7|CMS)-----([\s\S]*?)-----END \1-----/.exec(text);
  return match ? Buffer.from(match[2]!.replace(/\s+/g, ''), 'base64') : null;
}

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

/** ContentInfo { signedData, [0] SignedData { version, digestAlgorithms, encapContentInfo, [0] certificates } }. */
function pkcs7Certificates(der: Uint8Array): Buffer[] | null {
  const top = readTlv(der, 0);
  const info = top && children(der, top);
  if (!info || info[0]?.tag !== TAG.OID || decodeOid(der, info[0]) !== OID_SIGNED_DATA || info[1]?.tag !== contextTag(0)) return null;
  const signedData = children(der, info[1])?.[0];
  const fields = signedData && children(der, signedData);
  const set = fields?.find((f) => f.tag === contextTag(0));
  if (!set) return null;
  return (children(der, set) ?? []).filter((c) => c.tag === TAG.SEQUENCE).map((c) => Buffer.from(slice(der, c)));
}

/** The certificates in a file or in every regular file of a directory (bounded), without duplicates. */
export async function certificatesAt(host: Host, path: string, expected?: CertificateSourceFormat): Promise<CertificatesRead> {
  const stat = await host.fs.stat(path).catch(() => null);
  if (stat === null) return { ok: false, reason: `${path} does not exist or cannot be read` };
  if (stat.kind === 'directory') {
    if (expected !== undefined && expected !== 'directory') return { ok: false, reason: `${path} is a directory, not ${expected}` };
    return certificatesInDirectory(host, path);
  }
  if (stat.kind !== 'file') return { ok: false, reason: `${path} is not a regular file` };
  if (expected === 'directory') return { ok: false, reason: `${path} is a file, not a directory` };
  const read = await host.fs.readFile(path, MAX_BUNDLE_BYTES).catch((error: unknown) => error as Error);
  if (read instanceof Error) return { ok: false, reason: `${path} cannot be read (${read.message})` };
  if (read.truncated) return { ok: false, reason: `${path} is larger than any certificate bundle` };
  const result = certificatesInBytes(read.bytes, expected);
  return result.ok ? result : { ok: false, reason: `${path}: ${result.reason}` };
}

async function certificatesInDirectory(host: Host, dir: string): Promise<CertificatesRead> {
  const names = (await host.fs.readdir(dir).catch(() => [] as string[])).sort().slice(0, MAX_DIRECTORY_ENTRIES);
  const found: Buffer[] = [];
  for (const name of names) {
    const file = `${dir}${dir.endsWith('/') || dir.endsWith('\\') ? '' : '/'}${name}`;
    const stat = await host.fs.stat(file).catch(() => null);
    if (stat?.kind !== 'file' || stat.size > MAX_DIRECTORY_FILE_BYTES) continue;
    const read = await host.fs.readFile(file, MAX_DIRECTORY_FILE_BYTES).catch(() => null);
    const result = read ? certificatesInBytes(read.bytes) : null;
    if (result?.ok) found.push(...result.certificates);
  }
  return found.length > 0 ? { ok: true, certificates: withoutDuplicates(found) } : { ok: false, reason: `${dir} holds no readable certificate file` };
}

export function withoutDuplicates(certificates: readonly Buffer[]): Buffer[] {
  const seen = new Set<string>();
  return certificates.filter((der) => {
    const digest = nodeCrypto().createHash('sha256').update(der).digest('hex');
    if (seen.has(digest)) return false;
    seen.add(digest);
    return true;
  });
}

/** The PEM bundle, checked with Codex's reader: the same certificates, in order, or a reason. */
export function pemBundle(certificates: readonly Buffer[]): { ok: true; bytes: Buffer; subjects: string[] } | { ok: false; reason: string } {
  const bytes = Buffer.from(certificates.map((der) => toPem(der)).join(''), 'utf8');
  const parsed = parseCodexPem(bytes);
  if (!parsed.ok || parsed.certificates.length !== certificates.length) return { ok: false, reason: 'the converted file would not load in Codex' };
  const subjects = certificates.map((der) => {
    try {
      return new (nodeCrypto().X509Certificate)(der).subject.replaceAll('\n', ', ');
    } catch {
      return 'an unreadable certificate';
    }
  });
  return { ok: true, bytes, subjects };
}
