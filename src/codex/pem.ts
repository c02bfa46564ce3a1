// Codex's PEM reading, rule for rule (codex-behavior.md §3; custom_ca.rs `parse_certificates` on top of
// rustls-pki-types' `pem::from_slice`): lossy UTF-8, TRUSTED CERTIFICATE normalisation, the section reader
// and its exact error texts. It also counts what Codex never shows. Private key bytes are decoded only to
// reproduce Codex's base64 verdict, then wiped; nothing about a key leaves this module except a count.
import { nodeBuffer } from '../core/builtins.js';
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
    }
  | { kind: 'base64'; label: PemSectionKind; line: number; error: string }
  | { kind: 'trusted-der-length'; certificate: number; line: number }
  | { kind: 'no-certificates' };

export interface PemCertificate {
  /** DER as Codex registers it (cut to the first element when the file had TRUSTED CERTIFICATE labels). */
  der: Buffer;
  /** Line of the BEGIN marker, 1-based. */
  line: number;
  /**
   * The block's bytes in the input, from the start of its BEGIN line to past its END line's line end, when
   * they alone hold this certificate: then a file of exactly these bytes parses to it and nothing else. Not
   * set when the reader worked on a converted copy (lossy UTF-8, TRUSTED CERTIFICATE), nor when base64 from
   * before a repeated BEGIN line belongs to the certificate.
   */
  block?: { start: number; end: number };
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
const DASH = 0x2d;
const BEGIN = '-----BEGIN ';
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
  const lossyUtf8 = !nodeBuffer().isUtf8(input);
  // String::from_utf8_lossy: invalid sequences become U+FFFD; valid UTF-8 round-trips byte for byte.
  let work: Buffer = lossyUtf8 ? Buffer.from(input.toString('utf8'), 'utf8') : input;
  const counts: PemCounts = {
    certificates: 0, trustedNormalised: 0, crls: 0, privateKeys: 0, publicKeys: 0, csrs: 0, echConfigs: 0,
    otherLabels: Object.create(null), ignoredBeginMarkers: 0, firstIgnoredBeginLine: null,
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
  // The reader works on bytes; it scans them as a latin1 string (one character per byte, same offsets),
  // whose built-in searches are far cheaper per call than Buffer's, which matters on a cold start.
  const text = work.toString('latin1');

  const certificates: PemCertificate[] = [];
  const lines = new LineCounter(text);
  const fail = (failure: PemFailure, codexDetail: string): PemParseResult => {
    countIgnoredBegins(text, counts);
    return { ok: false, failure, codexDetail, counts, normalisedTrusted, lossyUtf8 };
  };

  // State of rustls-pki-types' `from_slice`: one call per returned item, each with a fresh base64 buffer.
  // The base64 buffer is kept as ranges of the text (line ends included: both decoders skip them as
  // whitespace), which spares a copy per line on a 10,000-certificate bundle.
  let section: { label: string; endMarker: string; beginOffset: number } | null = null;
  const ranges: number[] = [];
  let rangeStart = -1;
  let rangeEnd = -1;
  let offset = 0;
  let nextLf = text.indexOf('\n', 0);
  let nextCr = text.indexOf('\r', 0);

  for (;;) {
    // Lines are read one by one, as Rust does, but lines that cannot change anything are skipped in one
    // search: outside a section only a BEGIN line matters, and inside one only a line starting with '-'
    // (the END, or a BEGIN that restarts the section); every other line there is base64 data.
    if (section === null) {
      const begin = nextLineStartingWith(text, BEGIN, offset);
      if (begin === -1) break; // no BEGIN line left: the rest is text Codex reads past
      offset = begin;
    } else if (text.charCodeAt(offset) !== DASH) {
      const lastDataEnd = lineEndBeforeDashLine(text, offset, nextCr !== -1);
      if (lastDataEnd !== -1) {
        if (rangeStart === -1) rangeStart = offset;
        rangeEnd = lastDataEnd;
        offset = lastDataEnd + 1;
      } else {
        // Only data lines are left: the section never ends (the lines themselves do not matter then).
        const lastLineEnd = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
        if (lastLineEnd >= offset) offset = lastLineEnd + 1;
      }
    }

    if (nextLf !== -1 && nextLf < offset) nextLf = text.indexOf('\n', offset);
    if (nextCr !== -1 && nextCr < offset) nextCr = text.indexOf('\r', offset);
    let lineEnd = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
    if (lineEnd === -1) {
      if (offset < text.length) {
        // Bytes after the last line end are a last line too: rustls-pki-types reads it since 1.10.1
        // (pki-types PR #66; Codex pins 1.14), so an END line without a newline after it still ends its block.
        lineEnd = text.length;
      } else if (section) {
        return fail(
          { kind: 'missing-section-end', label: section.label, line: lines.lineAt(section.beginOffset) },
          `failed to parse PEM file: missing section end marker: ${rustDebugBytes(Buffer.from(section.endMarker, 'latin1'))}`,
        );
      } else {
        break;
      }
    }
    const lineStart = offset;
    offset = lineEnd + 1;

    // No marker contains a line end, so a match at lineStart lies within the line.
    if (text.startsWith(BEGIN, lineStart)) {
      let trailer = 0;
      let pos = lineEnd;
      for (let i = lineEnd - 1; i >= lineStart; i--) {
        const b = text.charCodeAt(i);
        if (b === DASH) {
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
      const labelStart = lineStart + BEGIN.length;
      section = {
        label: work.toString('utf8', labelStart, pos),
        endMarker: `-----END ${text.slice(labelStart, pos)}-----`,
        beginOffset: lineStart,
      };
      // A BEGIN inside a section restarts it, but Rust keeps the base64 gathered so far.
      if (rangeStart !== -1) ranges.push(rangeStart, rangeEnd);
      rangeStart = -1;
      continue;
    }

    if (section && text.startsWith(section.endMarker, lineStart)) {
      const label = section.label;
      const beginLine = lines.lineAt(section.beginOffset);
      // The block alone holds its item unless the reader works on a converted copy, or base64 from before a
      // repeated BEGIN line was carried over (all that `ranges` holds at this point).
      const blockStart = work === input && ranges.length === 0 ? section.beginOffset : -1;
      section = null;
      if (rangeStart !== -1) ranges.push(rangeStart, rangeEnd);
      rangeStart = -1;
      let data = '';
      for (let i = 0; i < ranges.length; i += 2) data += text.slice(ranges[i], ranges[i + 1]);
      ranges.length = 0;
      if (!KNOWN_LABELS.has(label)) {
        counts.otherLabels[label] = (counts.otherLabels[label] ?? 0) + 1;
        continue;
      }
      const kind = label as PemSectionKind;
      const decoded = decodeBase64Text(data);
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
          const block = blockStart === -1 ? undefined : { start: blockStart, end: Math.min(offset, text.length) };
          certificates.push({ der, line: beginLine, ...(block && { block }) });
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
      if (isSecret(kind)) decoded.fill(0);
      continue;
    }

    if (section) {
      if (rangeStart === -1) rangeStart = lineStart;
      rangeEnd = lineEnd;
    }
  }

  if (certificates.length === 0) return fail({ kind: 'no-certificates' }, 'no certificates found in PEM file');
  countIgnoredBegins(text, counts);
  return { ok: true, certificates, counts, normalisedTrusted, lossyUtf8 };
}

/** The first line start at or after `from` (a line start) where the line begins with `prefix`; -1 if none. */
function nextLineStartingWith(text: string, prefix: string, from: number): number {
  for (let i = text.indexOf(prefix, from); i !== -1; i = text.indexOf(prefix, i + 1)) {
    if (i === from || isLineEnd(text.charCodeAt(i - 1))) return i;
  }
  return -1;
}

/**
 * From a line start, the end of the last line before the next line that starts with '-' (so every line in
 * between is base64 data); -1 when no line after `from` starts with '-'.
 */
function lineEndBeforeDashLine(text: string, from: number, hasCr: boolean): number {
  const afterLf = text.indexOf('\n-', from);
  const afterCr = hasCr ? text.indexOf('\r-', from) : -1;
  return afterLf === -1 ? afterCr : afterCr === -1 ? afterLf : Math.min(afterLf, afterCr);
}

function isLineEnd(code: number): boolean {
  return code === LF || code === CR;
}

function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** `-----BEGIN` not at a line start: the reader only sees BEGIN lines, so these blocks vanish silently. */
function countIgnoredBegins(text: string, counts: PemCounts): void {
  const marker = '-----BEGIN';
  for (let i = text.indexOf(marker); i !== -1; i = text.indexOf(marker, i + marker.length)) {
    if (i !== 0 && !isLineEnd(text.charCodeAt(i - 1))) {
      counts.ignoredBeginMarkers++;
      counts.firstIgnoredBeginLine ??= new LineCounter(text).lineAt(i);
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
  constructor(private readonly text: string) {}
  lineAt(target: number): number {
    if (target < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (let i = this.text.indexOf('\n', this.offset); i !== -1 && i < target; i = this.text.indexOf('\n', i + 1)) this.line++;
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
const WHITESPACE_RUNS = /[\t\n\v\f\r ]+/g;

/** Decoded bytes, or the Rust Debug text of the error (`InvalidCharacter(33)`, `PrematurePadding`, ...). */
export function decodeBase64(input: Uint8Array): Buffer | string {
  return decodeBase64Text(Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1'));
}

/** decodeBase64 of bytes held as a latin1 string (one character per byte). */
function decodeBase64Text(text: string): Buffer | string {
  // Fast path (native decoder) for the well-formed case, which is nearly every block of a real bundle.
  if (PLAIN_BASE64.test(text)) {
    // What is left without whitespace is the symbols, then the (at most two) `=` the pattern allows.
    const compact = text.replace(WHITESPACE_RUNS, '');
    const pads = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
    const n = compact.length;
    if (pads === 0 ? n % 4 !== 1 : n % 4 === 0) return Buffer.from(compact, 'base64');
  }
  return decodeBase64Exact(Buffer.from(text, 'latin1'));
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

/** A DER certificate as one PEM block, 64 base64 characters a line. */
export function toPem(der: Uint8Array): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
