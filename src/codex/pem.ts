// Codex's PEM reading, rule for rule (codex-behavior.md §3; custom_ca.rs `parse_certificates` on top of
// rustls-pki-types' `pem::from_slice`): lossy UTF-8, TRUSTED CERTIFICATE normalisation, the section reader
// and its exact error texts. It also counts what Codex never shows. Private key bytes are decoded only to
// reproduce Codex's base64 verdict, then wiped; nothing about a key leaves this module except a count.
import { isUtf8 } from 'node:buffer';
import { codexDerItemLength } from './der.js';

/** The labels rustls-pki-types decodes; any other label is skipped without decoding. */
export type PemSectionKind =
  | 'CERTIFICATE'
  | 'PUBLIC KEY'
  | 'RSA PRIVATE KEY'
  | 'PRIVATE KEY'
  | 'EC PRIVATE KEY'
  | 'X509 CRL'
  | 'CERTIFICATE REQUEST'
  | 'ECHCONFIG';

const KNOWN_LABELS: ReadonlySet<string> = new Set<PemSectionKind>([
  'CERTIFICATE', 'PUBLIC KEY', 'RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'X509 CRL', 'CERTIFICATE REQUEST', 'ECHCONFIG',
]);

function isSecret(kind: PemSectionKind): boolean {
  switch (kind) {
    case 'RSA PRIVATE KEY':
    case 'PRIVATE KEY':
    case 'EC PRIVATE KEY':
      return true;
    case 'CERTIFICATE':
    case 'PUBLIC KEY':
    case 'X509 CRL':
    case 'CERTIFICATE REQUEST':
    case 'ECHCONFIG':
      return false;
  }
}

/** What Codex reads past without a word (or with one info log line, for CRLs). */
export interface PemCounts {
  /** CERTIFICATE sections decoded (before a failure, if any). */
  certificates: number;
  /** `BEGIN TRUSTED CERTIFICATE` lines renamed to CERTIFICATE. */
  trustedNormalised: number;
  crls: number;
  /** PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY sections (contents never kept). */
  privateKeys: number;
  publicKeys: number;
  csrs: number;
  echConfigs: number;
  /** Sections with a label the reader does not know (ENCRYPTED PRIVATE KEY, PKCS7, ...), by label. */
  otherLabels: Record<string, number>;
  /** `-----BEGIN` text that is not at the start of a line (indented, after a BOM): Codex ignores those blocks. */
  ignoredBeginMarkers: number;
  /** First line (1-based) holding such an ignored marker. */
  firstIgnoredBeginLine: number | null;
}

export type PemFailure =
  | { kind: 'illegal-section-start'; line: number; text: string }
  | {
      kind: 'missing-section-end';
      label: string;
      /** Line of the BEGIN that never ended. */
      line: number;
      /** The END marker is there but is the file's last line without a newline after it. */
      endWithoutNewline: boolean;
    }
  | { kind: 'base64'; label: PemSectionKind; line: number; error: string }
  | { kind: 'trusted-der-length'; certificate: number; line: number }
  | { kind: 'no-certificates' };

export interface PemCertificate {
  /** DER as Codex registers it (cut to the first element when the file had TRUSTED CERTIFICATE labels). */
  der: Buffer;
  /** Line of the BEGIN marker, 1-based. */
  line: number;
}

export type PemParseResult =
  | { ok: true; certificates: PemCertificate[]; counts: PemCounts; normalisedTrusted: boolean; lossyUtf8: boolean }
  | {
      ok: false;
      failure: PemFailure;
      /** Codex's `{detail}` text for the parse-stage message. */
      codexDetail: string;
      counts: PemCounts;
      normalisedTrusted: boolean;
      lossyUtf8: boolean;
    };

const LF = 0x0a;
const CR = 0x0d;
const BEGIN = Buffer.from('-----BEGIN ');
const END_PREFIX = Buffer.from('-----END ');
const DASHES = Buffer.from('-----');
const TRUSTED = 'TRUSTED CERTIFICATE';

export interface PemParseOptions {
  /**
   * Codex's TRUSTED CERTIFICATE shim (default true). rustls-native-certs has none: for native roots pass
   * false, and TRUSTED CERTIFICATE blocks are skipped like any unknown label.
   */
  normaliseTrusted?: boolean;
}

/** Parses a CA file's bytes exactly as Codex does. Never throws. */
export function parseCodexPem(bytes: Uint8Array, options: PemParseOptions = {}): PemParseResult {
  const input = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lossyUtf8 = !isUtf8(input);
  // String::from_utf8_lossy: invalid sequences become U+FFFD; valid UTF-8 round-trips byte for byte.
  let work: Buffer = lossyUtf8 ? Buffer.from(input.toString('utf8'), 'utf8') : input;
  const counts: PemCounts = {
    certificates: 0, trustedNormalised: 0, crls: 0, privateKeys: 0, publicKeys: 0, csrs: 0, echConfigs: 0,
    otherLabels: {}, ignoredBeginMarkers: 0, firstIgnoredBeginLine: null,
  };
  const normalisedTrusted = options.normaliseTrusted !== false && work.includes(TRUSTED);
  if (normalisedTrusted) {
    const text = work.toString('utf8');
    counts.trustedNormalised = countOccurrences(text, 'BEGIN TRUSTED CERTIFICATE');
    work = Buffer.from(
      text.replaceAll('BEGIN TRUSTED CERTIFICATE', 'BEGIN CERTIFICATE').replaceAll('END TRUSTED CERTIFICATE', 'END CERTIFICATE'),
      'utf8',
    );
  }

  const certificates: PemCertificate[] = [];
  const lines = new LineCounter(work);
  const fail = (failure: PemFailure, codexDetail: string): PemParseResult => {
    countIgnoredBegins(work, counts);
    return { ok: false, failure, codexDetail, counts, normalisedTrusted, lossyUtf8 };
  };

  // State of rustls-pki-types' `from_slice`: one call per returned item, each with a fresh base64 buffer.
  // The base64 buffer is kept as byte ranges of `work` (line ends included: both decoders skip them as
  // whitespace), which spares a Buffer per line on a 10,000-certificate bundle.
  let section: { label: string; endMarker: Buffer; beginOffset: number } | null = null;
  const ranges: number[] = [];
  let rangeStart = -1;
  let rangeEnd = -1;
  let offset = 0;
  let nextLf = work.indexOf(LF, 0);
  let nextCr = work.indexOf(CR, 0);

  for (;;) {
    if (nextLf !== -1 && nextLf < offset) nextLf = work.indexOf(LF, offset);
    if (nextCr !== -1 && nextCr < offset) nextCr = work.indexOf(CR, offset);
    const lineEnd = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
    if (lineEnd === -1) {
      // EOF: bytes after the last newline are never looked at (an END line needs a newline after it).
      if (section) {
        const endWithoutNewline = startsWithAt(work, offset, work.length, section.endMarker);
        return fail(
          { kind: 'missing-section-end', label: section.label, line: lines.lineAt(section.beginOffset), endWithoutNewline },
          `failed to parse PEM file: missing section end marker: ${rustDebugBytes(section.endMarker)}`,
        );
      }
      break;
    }
    const lineStart = offset;
    offset = lineEnd + 1;

    if (startsWithAt(work, lineStart, lineEnd, BEGIN)) {
      let trailer = 0;
      let pos = lineEnd;
      for (let i = lineEnd - 1; i >= lineStart; i--) {
        const b = work[i] as number;
        if (b === 0x2d) {
          trailer++;
          pos = i;
        } else if (b === LF || b === CR || b === 0x20) {
          continue;
        } else {
          break;
        }
      }
      if (trailer !== 5) {
        const line = work.subarray(lineStart, lineEnd);
        return fail(
          { kind: 'illegal-section-start', line: lines.lineAt(lineStart), text: printable(line) },
          `failed to parse PEM file: illegal section start: ${rustDebugBytes(line)}`,
        );
      }
      const label = work.subarray(lineStart + 11, pos);
      section = {
        label: label.toString('utf8'),
        endMarker: Buffer.concat([END_PREFIX, label, DASHES]),
        beginOffset: lineStart,
      };
      // A BEGIN inside a section restarts it, but Rust keeps the base64 gathered so far.
      if (rangeStart !== -1) ranges.push(rangeStart, rangeEnd);
      rangeStart = -1;
      continue;
    }

    if (section && startsWithAt(work, lineStart, lineEnd, section.endMarker)) {
      const label = section.label;
      const beginLine = lines.lineAt(section.beginOffset);
      section = null;
      if (rangeStart !== -1) ranges.push(rangeStart, rangeEnd);
      rangeStart = -1;
      // One range is a view into the file; several are a fresh copy (which we may wipe).
      const dataIsCopy = ranges.length > 2;
      const data =
        ranges.length === 0
          ? Buffer.alloc(0)
          : dataIsCopy
            ? Buffer.concat(rangePairs(ranges).map(([a, b]) => work.subarray(a, b)))
            : work.subarray(ranges[0], ranges[1]);
      ranges.length = 0;
      if (!KNOWN_LABELS.has(label)) {
        counts.otherLabels[label] = (counts.otherLabels[label] ?? 0) + 1;
        continue;
      }
      const kind = label as PemSectionKind;
      const decoded = decodeBase64(data);
      if (typeof decoded === 'string') {
        return fail(
          { kind: 'base64', label: kind, line: beginLine, error: decoded },
          `failed to parse PEM file: base64 decode error: ${decoded}`,
        );
      }
      switch (kind) {
        case 'CERTIFICATE': {
          counts.certificates++;
          let der = decoded;
          if (normalisedTrusted) {
            const length = codexDerItemLength(decoded);
            if (length === null) {
              return fail(
                { kind: 'trusted-der-length', certificate: counts.certificates, line: beginLine },
                'failed to extract certificate data from TRUSTED CERTIFICATE: invalid DER length',
              );
            }
            der = decoded.subarray(0, length);
          }
          certificates.push({ der, line: beginLine });
          break;
        }
        case 'X509 CRL':
          counts.crls++;
          break;
        case 'RSA PRIVATE KEY':
        case 'PRIVATE KEY':
        case 'EC PRIVATE KEY':
          counts.privateKeys++;
          break;
        case 'PUBLIC KEY':
          counts.publicKeys++;
          break;
        case 'CERTIFICATE REQUEST':
          counts.csrs++;
          break;
        case 'ECHCONFIG':
          counts.echConfigs++;
          break;
      }
      if (isSecret(kind)) {
        decoded.fill(0);
        if (dataIsCopy) data.fill(0);
      }
      continue;
    }

    if (section) {
      if (rangeStart === -1) rangeStart = lineStart;
      rangeEnd = lineEnd;
    }
  }

  if (certificates.length === 0) return fail({ kind: 'no-certificates' }, 'no certificates found in PEM file');
  countIgnoredBegins(work, counts);
  return { ok: true, certificates, counts, normalisedTrusted, lossyUtf8 };
}

/** Does the line `buf[start, end)` begin with `prefix`? (No Buffer allocated: this runs for every line.) */
function startsWithAt(buf: Buffer, start: number, end: number, prefix: Buffer): boolean {
  return end - start >= prefix.length && buf.compare(prefix, 0, prefix.length, start, start + prefix.length) === 0;
}

function rangePairs(ranges: number[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i] as number, ranges[i + 1] as number]);
  return pairs;
}

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** `-----BEGIN` not at a line start: the reader only sees BEGIN lines, so these blocks vanish silently. */
function countIgnoredBegins(work: Buffer, counts: PemCounts): void {
  const marker = '-----BEGIN';
  for (let i = work.indexOf(marker); i !== -1; i = work.indexOf(marker, i + marker.length)) {
    const before = i === 0 ? LF : (work[i - 1] as number);
    if (before !== LF && before !== CR) {
      counts.ignoredBeginMarkers++;
      counts.firstIgnoredBeginLine ??= new LineCounter(work).lineAt(i);
    }
  }
}

/** Rust's `{:?}` of a `Vec<u8>`: `[45, 45, 45]`. */
export function rustDebugBytes(bytes: Uint8Array): string {
  return `[${Array.from(bytes).join(', ')}]`;
}

/** A BEGIN line made safe to show: control characters escaped, length capped. */
function printable(line: Buffer): string {
  const text = line.toString('utf8').replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Line numbers (1-based, `\n` lines) computed only when a finding needs one. */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly buf: Buffer) {}
  lineAt(target: number): number {
    if (target < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (let i = this.buf.indexOf(LF, this.offset); i !== -1 && i < target; i = this.buf.indexOf(LF, i + 1)) this.line++;
    this.offset = target;
    return this.line;
  }
}

// rustls-pki-types' base64 decoder, with its error semantics: whitespace (\t \n \v \f \r and space) is
// skipped anywhere, padding is checked per block of 8 code points, and the error is Rust's `{:?}`.
const WHITESPACE = 0xf0;
const PAD = 0xf1;
const INVALID = 0xf2;
const TABLE = (() => {
  const table = new Uint8Array(256).fill(INVALID);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) table[c] = WHITESPACE;
  table[0x3d] = PAD;
  return table;
})();

/** Base64 that rustls-pki-types and Node decode identically: alphabet and whitespace, then at most two `=`. */
const PLAIN_BASE64 = /^[A-Za-z0-9+/\t\n\v\f\r ]*(?:=[\t\n\v\f\r ]*){0,2}$/;

/** Decoded bytes, or the Rust Debug text of the error (`InvalidCharacter(33)`, `PrematurePadding`, ...). */
export function decodeBase64(input: Uint8Array): Buffer | string {
  // Fast path (native decoder) for the well-formed case, which is nearly every block of a real bundle.
  const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  if (PLAIN_BASE64.test(text)) {
    let symbols = 0;
    let pads = 0;
    for (let i = 0; i < input.length; i++) {
      const code = TABLE[input[i] as number];
      if (code === PAD) pads++;
      else if (code !== WHITESPACE) symbols++;
    }
    const n = symbols + pads;
    if (pads === 0 ? n % 4 !== 1 : n % 4 === 0) return Buffer.from(text, 'base64');
  }
  return decodeBase64Exact(input);
}

/** The decoder itself, port of rustls-pki-types base64.rs (also the reference for the fast path's test). */
export function decodeBase64Exact(input: Uint8Array): Buffer | string {
  const out = Buffer.allocUnsafe(Math.ceil(input.length / 4) * 3);
  let outLength = 0;
  // The 8 code points of the current block (Rust keeps them in a u64).
  const block = new Uint8Array(8);
  let used = 0;
  let padMask = 0;
  for (let i = 0; i < input.length; i++) {
    const byte = input[i] as number;
    const code = TABLE[byte] as number;
    if (code === WHITESPACE) continue;
    if (code === INVALID) return `InvalidCharacter(${byte})`;
    if (used === 8) {
      if (padMask !== 0) return 'PrematurePadding';
      outLength = emit(block, 0, 6, out, outLength);
      used = 0;
      padMask = 0;
    }
    const isPad = code === PAD ? 1 : 0;
    block[used] = isPad ? 0 : code;
    padMask |= isPad << used;
    used++;
  }
  let first = 0;
  if (used > 4) {
    if ((padMask & 0b1111) !== 0) return 'PrematurePadding';
    outLength = emit(block, 0, 3, out, outLength);
    first = 4;
    padMask >>= 4;
    used -= 4;
  }
  let tail: number;
  if (used === 0 && padMask === 0) tail = 0;
  else if (used === 4 && padMask === 0) tail = 3;
  else if ((used === 4 && padMask === 0b1000) || (used === 3 && padMask === 0)) tail = 2;
  else if ((used === 4 && padMask === 0b1100) || (used === 2 && padMask === 0)) tail = 1;
  else return 'InvalidTrailingPadding';
  outLength = emit(block, first, tail, out, outLength);
  return out.subarray(0, outLength);
}

/** Writes `count` bytes taken from the 6-bit values starting at block[from]. */
function emit(block: Uint8Array, from: number, count: number, out: Buffer, at: number): number {
  if (count === 0) return at;
  const v = (k: number): number => block[from + k] as number;
  const a = (v(0) << 18) | (v(1) << 12) | (v(2) << 6) | v(3);
  out[at++] = a >>> 16;
  if (count > 1) out[at++] = (a >>> 8) & 0xff;
  if (count > 2) out[at++] = a & 0xff;
  if (count > 3) {
    const b = (v(4) << 18) | (v(5) << 12) | (v(6) << 6) | v(7);
    out[at++] = b >>> 16;
    out[at++] = (b >>> 8) & 0xff;
    out[at++] = b & 0xff;
  }
  return at;
}
