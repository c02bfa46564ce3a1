import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/builtins.ts
import { createRequire } from "node:module";
var getBuiltinModule = process.getBuiltinModule?.bind(process) ?? createRequire(import.meta.url);
var nodeCrypto = () => getBuiltinModule("node:crypto");
var nodeNet = () => getBuiltinModule("node:net");
var nodeTls = () => getBuiltinModule("node:tls");
var nodeBuffer = () => getBuiltinModule("node:buffer");

// src/codex/der.ts
var TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
  SEQUENCE: 48,
  SET: 49
};
var contextTag = (n) => 160 | n;
function codexDerItemLength(der) {
  const lengthOctet = der[1];
  if (lengthOctet === void 0) return null;
  if ((lengthOctet & 128) === 0) {
    const length = 2 + lengthOctet;
    return length <= der.length ? length : null;
  }
  const octets = lengthOctet & 127;
  if (octets === 0) return null;
  const lengthEnd = 2 + octets;
  if (lengthEnd > der.length) return null;
  let content = 0;
  for (let i = 2; i < lengthEnd; i++) {
    content = content * 256 + der[i];
    if (content > Number.MAX_SAFE_INTEGER / 256) return null;
  }
  const total = lengthEnd + content;
  return total <= der.length ? total : null;
}
function readTlv(buf, offset, limit = buf.length) {
  if (offset + 2 > limit) return null;
  const tag = buf[offset];
  if ((tag & 31) === 31) return null;
  const first = buf[offset + 1];
  let length;
  let contentStart;
  if ((first & 128) === 0) {
    length = first;
    contentStart = offset + 2;
  } else {
    const octets = first & 127;
    if (octets === 0 || octets > 4) return null;
    contentStart = offset + 2 + octets;
    if (contentStart > limit) return null;
    if (buf[offset + 2] === 0) return null;
    length = 0;
    for (let i = offset + 2; i < contentStart; i++) length = length * 256 + buf[i];
    if (length < 128) return null;
  }
  const end = contentStart + length;
  if (end > limit) return null;
  return { tag, start: offset, contentStart, end };
}
function children(buf, parent) {
  const out = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readTlv(buf, offset, parent.end);
    if (!child) return null;
    out.push(child);
    offset = child.end;
  }
  return out;
}
function decodeOid(buf, tlv) {
  if (tlv.tag !== TAG.OID || tlv.end === tlv.contentStart) return null;
  const arcs = [];
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) {
    const byte = buf[i];
    value = value * 128 + (byte & 127);
    if (value > Number.MAX_SAFE_INTEGER / 128) return null;
    if ((byte & 128) === 0) {
      if (arcs.length === 0) {
        const first = value < 40 ? 0 : value < 80 ? 1 : 2;
        arcs.push(first, value - first * 40);
      } else {
        arcs.push(value);
      }
      value = 0;
    }
  }
  if (buf[tlv.end - 1] & 128) return null;
  return arcs.join(".");
}
function integerBitLength(buf, tlv) {
  let i = tlv.contentStart;
  while (i < tlv.end && buf[i] === 0) i++;
  if (i === tlv.end) return 0;
  return (tlv.end - i - 1) * 8 + (32 - Math.clz32(buf[i]));
}
function smallInteger(buf, tlv) {
  if (tlv.tag !== TAG.INTEGER || tlv.end === tlv.contentStart || tlv.end - tlv.contentStart > 4) return null;
  if (buf[tlv.contentStart] & 128) return null;
  let value = 0;
  for (let i = tlv.contentStart; i < tlv.end; i++) value = value * 256 + buf[i];
  return value;
}
function decodeTime(buf, tlv) {
  const length = tlv.end - tlv.contentStart;
  let at = tlv.contentStart;
  let year;
  if (tlv.tag === TAG.UTC_TIME && length === 13) {
    const yy = digits(buf, at, 2);
    year = yy < 0 ? -1 : yy >= 50 ? 1900 + yy : 2e3 + yy;
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
  if (buf[tlv.end - 1] !== 90 || year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}
function digits(buf, at, count) {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
function encodeOid(dotted) {
  const arcs = dotted.split(".").map(Number);
  const out = [];
  const push = (value) => {
    const bytes = [value & 127];
    for (let v = Math.floor(value / 128); v > 0; v = Math.floor(v / 128)) bytes.unshift(v & 127 | 128);
    out.push(...bytes);
  };
  push(arcs[0] * 40 + arcs[1]);
  for (const arc of arcs.slice(2)) push(arc);
  return Buffer.from(out);
}
var OidTable = class {
  #dotted;
  #byKey;
  constructor(dotted) {
    this.#dotted = [...dotted];
  }
  /** Dotted form, or null when the element is not a well-formed OID. */
  read(buf, tlv) {
    if (tlv.tag !== TAG.OID) return null;
    this.#byKey ??= new Map(this.#dotted.map((oid) => [encodeOid(oid).toString("latin1"), oid]));
    return this.#byKey.get(buf.toString("latin1", tlv.contentStart, tlv.end)) ?? decodeOid(buf, tlv);
  }
};

// src/codex/pem.ts
var KNOWN_LABELS = /* @__PURE__ */ new Set([
  "CERTIFICATE",
  "PUBLIC KEY",
  "RSA PRIVATE KEY",
  "PRIVATE KEY",
  "EC PRIVATE KEY",
  "X509 CRL",
  "CERTIFICATE REQUEST",
  "ECHCONFIG"
]);
function isSecret(kind) {
  switch (kind) {
    case "RSA PRIVATE KEY":
    case "PRIVATE KEY":
    case "EC PRIVATE KEY":
      return true;
    case "CERTIFICATE":
    case "PUBLIC KEY":
    case "X509 CRL":
    case "CERTIFICATE REQUEST":
    case "ECHCONFIG":
      return false;
  }
}
var LF = 10;
var CR = 13;
var DASH = 45;
var BEGIN = "-----BEGIN ";
var TRUSTED = "TRUSTED CERTIFICATE";
function parseCodexPem(bytes, options = {}) {
  const input = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lossyUtf8 = !nodeBuffer().isUtf8(input);
  let work = lossyUtf8 ? Buffer.from(input.toString("utf8"), "utf8") : input;
  const counts = {
    certificates: 0,
    trustedNormalised: 0,
    crls: 0,
    privateKeys: 0,
    publicKeys: 0,
    csrs: 0,
    echConfigs: 0,
    otherLabels: /* @__PURE__ */ Object.create(null),
    ignoredBeginMarkers: 0,
    firstIgnoredBeginLine: null
  };
  const normalisedTrusted = options.normaliseTrusted !== false && work.includes(TRUSTED);
  if (normalisedTrusted) {
    const text2 = work.toString("utf8");
    counts.trustedNormalised = countOccurrences(text2, "BEGIN TRUSTED CERTIFICATE");
    work = Buffer.from(
      text2.replaceAll("BEGIN TRUSTED CERTIFICATE", "BEGIN CERTIFICATE").replaceAll("END TRUSTED CERTIFICATE", "END CERTIFICATE"),
      "utf8"
    );
  }
  const text = work.toString("latin1");
  const certificates = [];
  const lines = new LineCounter(text);
  const fail = (failure, codexDetail) => {
    countIgnoredBegins(text, counts);
    return { ok: false, failure, codexDetail, counts, normalisedTrusted, lossyUtf8 };
  };
  let section = null;
  const ranges = [];
  let rangeStart = -1;
  let rangeEnd = -1;
  let offset = 0;
  let nextLf = text.indexOf("\n", 0);
  let nextCr = text.indexOf("\r", 0);
  for (; ; ) {
    if (section === null) {
      const begin = nextLineStartingWith(text, BEGIN, offset);
      if (begin === -1) break;
      offset = begin;
    } else if (text.charCodeAt(offset) !== DASH) {
      const lastDataEnd = lineEndBeforeDashLine(text, offset, nextCr !== -1);
      if (lastDataEnd !== -1) {
        if (rangeStart === -1) rangeStart = offset;
        rangeEnd = lastDataEnd;
        offset = lastDataEnd + 1;
      } else {
        const lastLineEnd = Math.max(text.lastIndexOf("\n"), text.lastIndexOf("\r"));
        if (lastLineEnd >= offset) offset = lastLineEnd + 1;
      }
    }
    if (nextLf !== -1 && nextLf < offset) nextLf = text.indexOf("\n", offset);
    if (nextCr !== -1 && nextCr < offset) nextCr = text.indexOf("\r", offset);
    let lineEnd = nextLf === -1 ? nextCr : nextCr === -1 ? nextLf : Math.min(nextLf, nextCr);
    if (lineEnd === -1) {
      if (offset < text.length) {
        lineEnd = text.length;
      } else if (section) {
        return fail(
          { kind: "missing-section-end", label: section.label, line: lines.lineAt(section.beginOffset) },
          `failed to parse PEM file: missing section end marker: ${rustDebugBytes(Buffer.from(section.endMarker, "latin1"))}`
        );
      } else {
        break;
      }
    }
    const lineStart = offset;
    offset = lineEnd + 1;
    if (text.startsWith(BEGIN, lineStart)) {
      let trailer = 0;
      let pos = lineEnd;
      for (let i = lineEnd - 1; i >= lineStart; i--) {
        const b = text.charCodeAt(i);
        if (b === DASH) {
          trailer++;
          pos = i;
        } else if (b === LF || b === CR || b === 32) {
          continue;
        } else {
          break;
        }
      }
      if (trailer !== 5) {
        const line = work.subarray(lineStart, lineEnd);
        return fail(
          { kind: "illegal-section-start", line: lines.lineAt(lineStart), text: printable(line) },
          `failed to parse PEM file: illegal section start: ${rustDebugBytes(line)}`
        );
      }
      const labelStart = lineStart + BEGIN.length;
      section = {
        label: work.toString("utf8", labelStart, pos),
        endMarker: `-----END ${text.slice(labelStart, pos)}-----`,
        beginOffset: lineStart
      };
      if (rangeStart !== -1) ranges.push(rangeStart, rangeEnd);
      rangeStart = -1;
      continue;
    }
    if (section && text.startsWith(section.endMarker, lineStart)) {
      const label = section.label;
      const beginLine = lines.lineAt(section.beginOffset);
      const blockStart = work === input && ranges.length === 0 ? section.beginOffset : -1;
      section = null;
      if (rangeStart !== -1) ranges.push(rangeStart, rangeEnd);
      rangeStart = -1;
      let data = "";
      for (let i = 0; i < ranges.length; i += 2) data += text.slice(ranges[i], ranges[i + 1]);
      ranges.length = 0;
      if (!KNOWN_LABELS.has(label)) {
        counts.otherLabels[label] = (counts.otherLabels[label] ?? 0) + 1;
        continue;
      }
      const kind = label;
      const decoded = decodeBase64Text(data);
      if (typeof decoded === "string") {
        return fail(
          { kind: "base64", label: kind, line: beginLine, error: decoded },
          `failed to parse PEM file: base64 decode error: ${decoded}`
        );
      }
      switch (kind) {
        case "CERTIFICATE": {
          counts.certificates++;
          let der = decoded;
          if (normalisedTrusted) {
            const length = codexDerItemLength(decoded);
            if (length === null) {
              return fail(
                { kind: "trusted-der-length", certificate: counts.certificates, line: beginLine },
                "failed to extract certificate data from TRUSTED CERTIFICATE: invalid DER length"
              );
            }
            der = decoded.subarray(0, length);
          }
          const block = blockStart === -1 ? void 0 : { start: blockStart, end: Math.min(offset, text.length) };
          certificates.push({ der, line: beginLine, ...block && { block } });
          break;
        }
        case "X509 CRL":
          counts.crls++;
          break;
        case "RSA PRIVATE KEY":
        case "PRIVATE KEY":
        case "EC PRIVATE KEY":
          counts.privateKeys++;
          break;
        case "PUBLIC KEY":
          counts.publicKeys++;
          break;
        case "CERTIFICATE REQUEST":
          counts.csrs++;
          break;
        case "ECHCONFIG":
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
  if (certificates.length === 0) return fail({ kind: "no-certificates" }, "no certificates found in PEM file");
  countIgnoredBegins(text, counts);
  return { ok: true, certificates, counts, normalisedTrusted, lossyUtf8 };
}
function nextLineStartingWith(text, prefix, from) {
  for (let i = text.indexOf(prefix, from); i !== -1; i = text.indexOf(prefix, i + 1)) {
    if (i === from || isLineEnd(text.charCodeAt(i - 1))) return i;
  }
  return -1;
}
function lineEndBeforeDashLine(text, from, hasCr) {
  const afterLf = text.indexOf("\n-", from);
  const afterCr = hasCr ? text.indexOf("\r-", from) : -1;
  return afterLf === -1 ? afterCr : afterCr === -1 ? afterLf : Math.min(afterLf, afterCr);
}
function isLineEnd(code) {
  return code === LF || code === CR;
}
function countOccurrences(text, needle) {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
function countIgnoredBegins(text, counts) {
  const marker = "-----BEGIN";
  for (let i = text.indexOf(marker); i !== -1; i = text.indexOf(marker, i + marker.length)) {
    if (i !== 0 && !isLineEnd(text.charCodeAt(i - 1))) {
      counts.ignoredBeginMarkers++;
      counts.firstIgnoredBeginLine ??= new LineCounter(text).lineAt(i);
    }
  }
}
function rustDebugBytes(bytes) {
  return `[${Array.from(bytes).join(", ")}]`;
}
function printable(line) {
  const text = line.toString("utf8").replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
var LineCounter = class {
  constructor(text) {
    this.text = text;
  }
  text;
  offset = 0;
  line = 1;
  lineAt(target) {
    if (target < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (let i = this.text.indexOf("\n", this.offset); i !== -1 && i < target; i = this.text.indexOf("\n", i + 1)) this.line++;
    this.offset = target;
    return this.line;
  }
};
var WHITESPACE = 240;
var PAD = 241;
var INVALID = 242;
var TABLE = (() => {
  const table = new Uint8Array(256).fill(INVALID);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  for (const c of [9, 10, 11, 12, 13, 32]) table[c] = WHITESPACE;
  table[61] = PAD;
  return table;
})();
var PLAIN_BASE64 = /^[A-Za-z0-9+/\t\n\v\f\r ]*(?:=[\t\n\v\f\r ]*){0,2}$/;
var WHITESPACE_RUNS = /[\t\n\v\f\r ]+/g;
function decodeBase64Text(text) {
  if (PLAIN_BASE64.test(text)) {
    const compact = text.replace(WHITESPACE_RUNS, "");
    const pads = compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0;
    const n = compact.length;
    if (pads === 0 ? n % 4 !== 1 : n % 4 === 0) return Buffer.from(compact, "base64");
  }
  return decodeBase64Exact(Buffer.from(text, "latin1"));
}
function decodeBase64Exact(input) {
  const out = Buffer.allocUnsafe(Math.ceil(input.length / 4) * 3);
  let outLength = 0;
  const block = new Uint8Array(8);
  let used = 0;
  let padMask = 0;
  for (let i = 0; i < input.length; i++) {
    const byte = input[i];
    const code = TABLE[byte];
    if (code === WHITESPACE) continue;
    if (code === INVALID) return `InvalidCharacter(${byte})`;
    if (used === 8) {
      if (padMask !== 0) return "PrematurePadding";
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
    if ((padMask & 15) !== 0) return "PrematurePadding";
    outLength = emit(block, 0, 3, out, outLength);
    first = 4;
    padMask >>= 4;
    used -= 4;
  }
  let tail;
  if (used === 0 && padMask === 0) tail = 0;
  else if (used === 4 && padMask === 0) tail = 3;
  else if (used === 4 && padMask === 8 || used === 3 && padMask === 0) tail = 2;
  else if (used === 4 && padMask === 12 || used === 2 && padMask === 0) tail = 1;
  else return "InvalidTrailingPadding";
  outLength = emit(block, first, tail, out, outLength);
  return out.subarray(0, outLength);
}
function emit(block, from, count, out, at) {
  if (count === 0) return at;
  const v = (k) => block[from + k];
  const a = v(0) << 18 | v(1) << 12 | v(2) << 6 | v(3);
  out[at++] = a >>> 16;
  if (count > 1) out[at++] = a >>> 8 & 255;
  if (count > 2) out[at++] = a & 255;
  if (count > 3) {
    const b = v(4) << 18 | v(5) << 12 | v(6) << 6 | v(7);
    out[at++] = b >>> 16;
    out[at++] = b >>> 8 & 255;
    out[at++] = b & 255;
  }
  return at;
}
function toPem(der) {
  const lines = Buffer.from(der).toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----
${lines.join("\n")}
-----END CERTIFICATE-----
`;
}

export {
  getBuiltinModule,
  nodeCrypto,
  nodeNet,
  nodeTls,
  TAG,
  contextTag,
  readTlv,
  children,
  integerBitLength,
  smallInteger,
  decodeTime,
  OidTable,
  parseCodexPem,
  toPem
};
