// A minimal DER reader: enough to cut a TRUSTED CERTIFICATE to its first element (as Codex does) and to
// read what Node 20's X509Certificate does not expose (signature OID, basicConstraints, EKU, SAN, critical
// extensions). Every function is bounds-checked and returns null on malformed input; none throws.

/** One tag-length-value element inside `buf`. */
export interface Tlv {
  /** The first identifier octet (class, constructed bit and low tag number). */
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** `[n]` EXPLICIT / constructed context tag. */
export const contextTag = (n: number): number => 0xa0 | n;

/**
 * Codex's `der_item_length` (custom_ca.rs), byte for byte: the length of the first top-level element,
 * reading only the outer length field (the tag byte is not interpreted, indefinite length rejected),
 * or null when it would run past the input.
 */
export function codexDerItemLength(der: Uint8Array): number | null {
  const lengthOctet = der[1];
  if (lengthOctet === undefined) return null;
  if ((lengthOctet & 0x80) === 0) {
    const length = 2 + lengthOctet;
    return length <= der.length ? length : null;
  }
  const octets = lengthOctet & 0x7f;
  if (octets === 0) return null;
  const lengthEnd = 2 + octets;
  if (lengthEnd > der.length) return null;
  let content = 0;
  for (let i = 2; i < lengthEnd; i++) {
    content = content * 256 + (der[i] as number);
    // usize overflow in Rust; anything past the input is rejected anyway.
    if (content > Number.MAX_SAFE_INTEGER / 256) return null;
  }
  const total = lengthEnd + content;
  return total <= der.length ? total : null;
}

/** Reads one DER element at `offset`, not past `limit`: low tag numbers only, minimal lengths only. */
export function readTlv(buf: Uint8Array, offset: number, limit = buf.length): Tlv | null {
  if (offset + 2 > limit) return null;
  const tag = buf[offset] as number;
  if ((tag & 0x1f) === 0x1f) return null;
  const first = buf[offset + 1] as number;
  let length: number;
  let contentStart: number;
  if ((first & 0x80) === 0) {
    length = first;
    contentStart = offset + 2;
  } else {
    const octets = first & 0x7f;
    if (octets === 0 || octets > 4) return null;
    contentStart = offset + 2 + octets;
    if (contentStart > limit) return null;
    // DER: the long form only when needed, without leading zero octets (webpki refuses anything else).
    if (buf[offset + 2] === 0) return null;
    length = 0;
    for (let i = offset + 2; i < contentStart; i++) length = length * 256 + (buf[i] as number);
    if (length < 0x80) return null;
  }
  const end = contentStart + length;
  if (end > limit) return null;
  return { tag, start: offset, contentStart, end };
}

/** The elements inside a constructed element, or null if they do not tile its content exactly. */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] | null {
  const out: Tlv[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readTlv(buf, offset, parent.end);
    if (!child) return null;
    out.push(child);
    offset = child.end;
  }
  return out;
}

/** Dotted form of an OBJECT IDENTIFIER's content, or null when malformed. */
export function decodeOid(buf: Uint8Array, tlv: Tlv): string | null {
  if (tlv.tag !== TAG.OID || tlv.end === tlv.contentStart) return null;
  const arcs: number[] = [];
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) {
    const byte = buf[i] as number;
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) return null;
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = value < 40 ? 0 : value < 80 ? 1 : 2;
        arcs.push(first, value - first * 40);
      } else {
        arcs.push(value);
      }
      value = 0;
    }
  }
  if ((buf[tlv.end - 1] as number) & 0x80) return null;
  return arcs.join('.');
}

/** Unsigned big-endian INTEGER content without leading zero octets (for key sizes). */
export function integerBitLength(buf: Uint8Array, tlv: Tlv): number {
  let i = tlv.contentStart;
  while (i < tlv.end && buf[i] === 0) i++;
  if (i === tlv.end) return 0;
  return (tlv.end - i - 1) * 8 + (32 - Math.clz32(buf[i] as number));
}

/** Small non-negative INTEGER (pathLenConstraint, version), or null if too large or negative. */
export function smallInteger(buf: Uint8Array, tlv: Tlv): number | null {
  if (tlv.tag !== TAG.INTEGER || tlv.end === tlv.contentStart || tlv.end - tlv.contentStart > 4) return null;
  if ((buf[tlv.contentStart] as number) & 0x80) return null;
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) value = value * 256 + (buf[i] as number);
  return value;
}

/** UTCTime (YYMMDDHHMMSSZ) / GeneralizedTime (YYYYMMDDHHMMSSZ), the only DER forms RFC 5280 allows; else null. */
export function decodeTime(buf: Uint8Array, tlv: Tlv): Date | null {
  const length = tlv.end - tlv.contentStart;
  let at = tlv.contentStart;
  let year: number;
  if (tlv.tag === TAG.UTC_TIME && length === 13) {
    const yy = digits(buf, at, 2);
    year = yy < 0 ? -1 : yy >= 50 ? 1900 + yy : 2000 + yy;
    at += 2;
  } else if (tlv.tag === TAG.GENERALIZED_TIME && length === 15) {
    year = digits(buf, at, 4);
    at += 4;
  } else {
    return null;
  }
  const month = digits(buf, at, 2);
  const day = digits(buf, at + 2, 2);
  const hour = digits(buf, at + 4, 2);
  const minute = digits(buf, at + 6, 2);
  const second = digits(buf, at + 8, 2);
  if (buf[tlv.end - 1] !== 0x5a /* Z */ || year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

/** `count` ASCII digits at `at` as a number, or -1. */
function digits(buf: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = (buf[i] as number) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** DER content octets of a dotted OID (for matching known OIDs without decoding every one). */
export function encodeOid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [];
  const push = (value: number): void => {
    const bytes = [value & 0x7f];
    for (let v = Math.floor(value / 128); v > 0; v = Math.floor(v / 128)) bytes.unshift((v & 0x7f) | 0x80);
    out.push(...bytes);
  };
  push((arcs[0] as number) * 40 + (arcs[1] as number));
  for (const arc of arcs.slice(2)) push(arc);
  return Buffer.from(out);
}

/** Looks OIDs up by their content octets; decodes (and remembers nothing) only the unknown ones. */
export class OidTable {
  readonly #dotted: readonly string[];
  #byKey: Map<string, string> | undefined;
  constructor(dotted: Iterable<string>) {
    this.#dotted = [...dotted];
  }
  /** Dotted form, or null when the element is not a well-formed OID. */
  read(buf: Buffer, tlv: Tlv): string | null {
    if (tlv.tag !== TAG.OID) return null;
    // Encoded on first use, not when the module loads: runs that read no certificate never pay for it.
    this.#byKey ??= new Map(this.#dotted.map((oid) => [encodeOid(oid).toString('latin1'), oid]));
    return this.#byKey.get(buf.toString('latin1', tlv.contentStart, tlv.end)) ?? decodeOid(buf, tlv);
  }
}

/** Bytes of an element (header included), sharing memory with `buf`. */
export function slice(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.start, tlv.end);
}
