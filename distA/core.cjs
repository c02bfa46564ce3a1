// codex-doctor core 74fc6965dc8f9a094882fc7ac09a1754c6ddeab3dfae150afb5c1028b68ff94e
(function (exports, require, module, __filename, __dirname, __import) {"use strict";
const __coreUrl = require('node:url').pathToFileURL(__filename).href;
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/core/builtins.ts
var builtins_exports = {};
__export(builtins_exports, {
  getBuiltinModule: () => getBuiltinModule,
  nodeBuffer: () => nodeBuffer,
  nodeCrypto: () => nodeCrypto,
  nodeNet: () => nodeNet,
  nodeTls: () => nodeTls,
  nodeUtil: () => nodeUtil
});
var import_node_module = require("node:module");
var getBuiltinModule = process.getBuiltinModule?.bind(process) ?? (0, import_node_module.createRequire)(__coreUrl);
var nodeCrypto = () => getBuiltinModule("node:crypto");
var nodeNet = () => getBuiltinModule("node:net");
var nodeTls = () => getBuiltinModule("node:tls");
var nodeUtil = () => getBuiltinModule("node:util");
var nodeBuffer = () => getBuiltinModule("node:buffer");

// src/core/exit-codes.ts
var exit_codes_exports = {};
__export(exit_codes_exports, {
  ExitCode: () => ExitCode,
  exitCodeFor: () => exitCodeFor
});
var ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  crashed: 3,
  interrupted: 130
};
function exitCodeFor(records, strict) {
  if (records.some((r) => r.status === "crash")) return ExitCode.crashed;
  if (records.some((r) => r.status === "fail")) return ExitCode.failed;
  if (strict && records.some((r) => r.status === "warn")) return ExitCode.failed;
  return ExitCode.ok;
}

// src/core/redact.ts
var redact_exports = {};
__export(redact_exports, {
  Redactor: () => Redactor,
  redactProxyValue: () => redactProxyValue,
  redactUrl: () => redactUrl,
  userinfoPasswords: () => userinfoPasswords,
  withoutUserinfo: () => withoutUserinfo
});
var SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH)/i;
var PATH_NAME = /^(CODEX_CA_CERTIFICATE|.*_CA.*|.*CERT.*)$/i;
var CONFIG_NOT_SECRET = /^(env_key(_instructions)?|.*_env_var|preferred_auth_method|cli_auth_credentials_store|.*private[-_]key|.*_limit)$/i;
var SECRET_TABLES = /* @__PURE__ */ new Set(["http_headers"]);
var MIN_SECRET_LENGTH = 4;
var MAX_EMBEDDED_DEPTH = 3;
var PATTERNS = [
  // The userinfo of any URL, user name included: user:password@ up to the LAST @ that is followed by a host (a
  // raw / or @ in the password, see userinfoPasswords), or a user name alone. (The placeholder user:password in
  // a hint is not a secret.)
  { pattern: /(\b[a-z][a-z0-9+.-]*:\/\/)(?!user:password@)[^\s:@/]*:\S*@(?=[^\s@/?#]*(?:[\s/?#]|$))/gi, replacement: "$1[redacted]@", literal: "://" },
  { pattern: /(\b[a-z][a-z0-9+.-]*:\/\/)(?!\[redacted\]@|user@)[^\s:@/?#[\]]+@(?=[^\s@/?#]*(?:[\s/?#]|$))/gi, replacement: "$1[redacted]@", literal: "@" },
  // A user name before a password already redacted (no scheme, `alice:pw@proxy:8080`, which Codex reads as
  // http://; or a password whose raw ? or # made the rest of the URL a secret too).
  { pattern: /(^|[\s'"=/])[^\s:@/'"=]+:\[redacted\]/g, replacement: "$1[redacted]", literal: ":[redacted]" },
  // OpenAI-style keys and bearer tokens.
  { pattern: /\bsk-[A-Za-z0-9_-]{8,}/g, replacement: "sk-[redacted]", literal: "sk-" },
  // (Only token-shaped words: "Basic Proxy-Authorization" in a sentence is not a credential.)
  // An English word after it ("Basic credentials", "Basic Authentication") is prose, not base64.
  { pattern: /\bBasic\s+(?![A-Z]?[a-z]+(?![A-Za-z0-9+/=]))[A-Za-z0-9+/]{8,}={0,2}(?![\w-])/g, replacement: "Basic [redacted]", literal: "Basic" },
  { pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*(?![\w-])/g, replacement: "Bearer [redacted]", literal: "Bearer" },
  // JWTs (auth.json id/access tokens).
  { pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, replacement: "[redacted-jwt]", literal: "eyJ" },
  // A private key block found anywhere.
  { pattern: /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g, replacement: "[redacted $1PRIVATE KEY]", literal: "PRIVATE KEY-----" }
];
function replaceRanges(text, ranges) {
  ranges.sort((a, b) => a[0] - b[0]);
  let out = "";
  let from = 0;
  let [start, end] = ranges[0];
  for (let i = 1; i <= ranges.length; i++) {
    const next = ranges[i];
    if (next && next[0] <= end) {
      end = Math.max(end, next[1]);
      continue;
    }
    out += `${text.slice(from, start)}[redacted]`;
    from = end;
    if (next) [start, end] = next;
  }
  return out + text.slice(from);
}
var Redactor = class _Redactor {
  secrets;
  constructor(secrets = []) {
    this.secrets = [...new Set([...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH))].sort(
      (a, b) => b.length - a.length
    );
  }
  /** Collects the values that must never appear in output from an environment. */
  static fromEnv(env) {
    const secrets = [];
    for (const [name, value] of Object.entries(env)) if (value) collectEntry(name, value, secrets, 0);
    return new _Redactor(secrets);
  }
  with(more) {
    return new _Redactor([...this.secrets, ...more]);
  }
  /**
   * Adds the secrets of config.toml: the values of secret-named keys at any depth (as if they were
   * variables: `[shell_environment_policy.set]`, an MCP server's `env` or `bearer_token`), every value of an
   * `http_headers` table, and the password of any URL value. From the parsed tables, and from the files'
   * text, read line by line as `key = value`: a file that does not parse is shown as lines around the error.
   */
  withConfig(tables, sources = []) {
    const secrets = [];
    const value = (name, text, inSecretTable) => {
      if (inSecretTable) pushSecret(text, secrets);
      if (!CONFIG_NOT_SECRET.test(name) && !/^(\/|~\/|\.\/)/.test(text)) collectEntry(name, text, secrets, 0);
      else secrets.push(...userinfoPasswords(text));
    };
    const walk = (node, name, inSecretTable) => {
      if (typeof node === "string") value(name, node, inSecretTable);
      else if (Array.isArray(node)) for (const item of node) walk(item, name, inSecretTable);
      else if (node !== null && typeof node === "object" && !(node instanceof Date)) {
        for (const key in node) {
          const item = node[key];
          if (typeof item === "string" || typeof item === "object" && item !== null) walk(item, key, inSecretTable || SECRET_TABLES.has(key));
        }
      }
    };
    for (const table of tables) walk(table, "", false);
    for (const source of sources) {
      let table = "";
      for (const line of source.split(/\r?\n/)) {
        const header = /^\s*\[+\s*([^\]]*?)\s*\]+/.exec(line);
        if (header) table = header[1];
        const inSecretTable = SECRET_TABLES.has(lastKey(table));
        for (const pair of line.matchAll(TOML_PAIR)) {
          if (/^(true|false|inf|nan|[+-]?[\d_.:TZ+-]+)$/i.test(pair[2])) continue;
          const key = lastKey(pair[1]);
          value(key, unquote(pair[2]), inSecretTable || SECRET_TABLES.has(key) || /\bhttp_headers\s*=\s*\{/.test(line));
        }
      }
    }
    return this.with(secrets);
  }
  text(input) {
    let out = input;
    const ranges = [];
    for (let i = 0; i < this.secrets.length; i++) {
      const secret = this.secrets[i];
      for (let at = out.indexOf(secret); at !== -1; at = out.indexOf(secret, at + 1)) ranges.push([at, at + secret.length]);
    }
    if (ranges.length > 0) out = replaceRanges(out, ranges);
    for (let i = 0; i < PATTERNS.length; i++) {
      const { pattern, replacement, literal } = PATTERNS[i];
      if (out.includes(literal)) out = out.replace(pattern, replacement);
    }
    return out;
  }
  /** Redacts every string in a JSON-like value (keys are kept). */
  deep(value) {
    if (typeof value === "string") return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.deep(v));
    if (value && typeof value === "object") {
      const out = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.deep(v);
      return out;
    }
    return value;
  }
};
var TOML_PAIR = /(?:^|[{,])\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=\s*("(?:[^"\\]|\\.)*"?|'[^']*'?|[^\s,{}#]+)/g;
function lastKey(dotted) {
  const parts = dotted.match(/"[^"]*"|'[^']*'|[^.\s]+/g) ?? [""];
  return unquote(parts[parts.length - 1]);
}
function collectEntry(name, value, out, depth) {
  if (SECRET_NAME.test(name) && !PATH_NAME.test(name)) pushSecret(value, out);
  out.push(...userinfoPasswords(value));
  if (PROXY_NAME.test(name)) out.push(...queryAndFragmentSecrets(value));
  if (depth < MAX_EMBEDDED_DEPTH && /[\r\n]/.test(value)) {
    for (const line of value.split(/\r?\n|\r/)) {
      const embedded = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$/.exec(line);
      if (embedded) collectEntry(embedded[1], unquote(embedded[2].trim()), out, depth + 1);
    }
  }
}
function pushSecret(value, out) {
  out.push(value);
  const bare = unquote(value.trim());
  if (bare !== value) out.push(bare);
}
function unquote(value) {
  return value.replace(/^(["'])([\s\S]*)\1$/, "$2").replace(/^["']|["']$/g, "");
}
function userinfoPasswords(value) {
  const line = value.split(/[\r\n]/, 1)[0];
  const scheme = /^\s*[a-z][a-z0-9+.-]*:\/\//i.exec(line);
  const start = scheme ? scheme[0].length : 0;
  const at = line.lastIndexOf("@");
  const colon = line.indexOf(":", start);
  if (colon === -1 || colon >= at) return [];
  if (!scheme && !/^[^\s:@/]*$/.test(line.slice(0, colon))) return [];
  const password = line.slice(colon + 1, at);
  if (password === "") return [];
  const pieces = password.split("@");
  const readings = pieces.length > 1 ? [password, ...pieces.filter((p) => p.length >= MIN_SECRET_LENGTH)] : [password];
  return readings.flatMap((p) => [p, percentDecode(p), encodeURIComponent(p)]);
}
var PROXY_NAME = /(^|_)proxy$|^--proxy$/i;
function queryStart(value, reading = "after-userinfo") {
  const schemeEnd = value.indexOf("://");
  const authorityStart = schemeEnd === -1 ? 0 : schemeEnd + 3;
  const from = reading === "after-userinfo" ? Math.max(authorityStart, value.lastIndexOf("@") + 1) : authorityStart;
  const offset = value.slice(from).search(/[?#]/);
  return offset === -1 ? -1 : from + offset;
}
function queryAndFragmentSecrets(value) {
  const line = value.split(/[\r\n]/, 1)[0];
  return ["after-userinfo", "after-scheme"].flatMap((reading) => {
    const start = queryStart(line, reading);
    if (start < 0) return [];
    const { query, fragment } = splitQuery(line.slice(start));
    const secrets = query === "" ? [] : query.slice(1).split("&").map((pair) => pair.includes("=") ? pair.slice(pair.indexOf("=") + 1) : pair);
    if (fragment !== null) secrets.push(fragment);
    return secrets.filter((secret) => secret !== "").flatMap((secret) => [secret, percentDecode(secret)]);
  });
}
function splitQuery(rest) {
  const hash = rest.indexOf("#");
  return hash === -1 ? { query: rest, fragment: null } : { query: rest.slice(0, hash), fragment: rest.slice(hash + 1) };
}
function redactProxyValue(value) {
  const start = queryStart(value);
  const head = start < 0 ? value : value.slice(0, start);
  const schemeEnd = head.indexOf("://");
  const authorityStart = schemeEnd === -1 ? 0 : schemeEnd + 3;
  const at = head.lastIndexOf("@");
  const shownHead = at >= authorityStart ? `${head.slice(0, authorityStart)}[redacted]${head.slice(at)}` : head;
  if (start < 0) return shownHead;
  const { query, fragment } = splitQuery(value.slice(start));
  const pairs = query.slice(1).split("&").map((pair) => pair === "" ? "" : pair.includes("=") ? `${pair.slice(0, pair.indexOf("="))}=[redacted]` : "[redacted]");
  return `${shownHead}${query === "" ? "" : `?${pairs.join("&")}`}${fragment === null ? "" : "#[redacted]"}`;
}
function redactUrl(url) {
  const schemeless = !url.includes("://");
  try {
    const parsed = new URL(schemeless ? `http://${url}` : url);
    const userinfo = parsed.username !== "" || parsed.password !== "";
    parsed.password = "";
    parsed.username = userinfo ? "redacted" : "";
    for (const key of [...parsed.searchParams.keys()]) parsed.searchParams.set(key, "redacted");
    let out = parsed.toString().replace("//redacted@", "//[redacted]@").replace(/=redacted/g, "=[redacted]");
    if (schemeless) out = out.slice("http://".length);
    if (!url.endsWith("/") && out.endsWith("/")) out = out.slice(0, -1);
    return new Redactor(userinfoPasswords(url)).text(out);
  } catch {
    return new Redactor(userinfoPasswords(url)).text(url);
  }
}
function withoutUserinfo(url) {
  const bare = new URL(url);
  bare.username = "";
  bare.password = "";
  return bare;
}
function percentDecode(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// src/main.ts
var main_exports = {};
__export(main_exports, {
  createSession: () => createSession,
  main: () => main,
  pickMode: () => pickMode,
  runDoctor: () => runDoctor,
  textStyle: () => textStyle
});

// src/checks/index.ts
var checks_exports = {};
__export(checks_exports, {
  CHECK_IDS: () => CHECK_IDS,
  RUNBOOK: () => RUNBOOK
});

// src/codex/bundle-format.ts
var bundle_format_exports = {};
__export(bundle_format_exports, {
  convertedPath: () => convertedPath,
  describeFormat: () => describeFormat,
  shellQuote: () => shellQuote,
  sniffBundleFormat: () => sniffBundleFormat
});

// src/codex/der.ts
var der_exports = {};
__export(der_exports, {
  OidTable: () => OidTable,
  TAG: () => TAG,
  children: () => children,
  codexDerItemLength: () => codexDerItemLength,
  contextTag: () => contextTag,
  decodeOid: () => decodeOid,
  decodeTime: () => decodeTime,
  encodeOid: () => encodeOid,
  integerBitLength: () => integerBitLength,
  readTlv: () => readTlv,
  slice: () => slice,
  smallInteger: () => smallInteger
});
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
  const day2 = digits(buf, at + 2, 2);
  const hour = digits(buf, at + 4, 2);
  const minute = digits(buf, at + 6, 2);
  const second = digits(buf, at + 8, 2);
  if (buf[tlv.end - 1] !== 90 || year < 0 || month < 1 || month > 12 || day2 < 1 || day2 > 31) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  return new Date(Date.UTC(year, month - 1, day2, hour, minute, second));
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
function slice(buf, tlv) {
  return buf.subarray(tlv.start, tlv.end);
}

// src/codex/bundle-format.ts
function sniffBundleFormat(bytes) {
  if (bytes.length === 0) return { kind: "empty" };
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 255 && b1 === 254) return { kind: "utf16", endian: "le", bom: true };
  if (b0 === 254 && b1 === 255) return { kind: "utf16", endian: "be", bom: true };
  const noBom = utf16WithoutBom(bytes);
  if (noBom) return { kind: "utf16", endian: noBom, bom: false };
  if (b0 === 239 && b1 === 187 && bytes[2] === 191) return { kind: "utf8-bom" };
  if (b0 === TAG.SEQUENCE) {
    const der = derKind(bytes);
    if (der) return der;
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 20)).toString("latin1");
  if (/-----BEGIN (PKCS7|CMS)-----/.test(text)) return { kind: "pkcs7", encoding: "pem" };
  if (/^-----BEGIN [^\r\n]*-----/m.test(text)) return { kind: "pem" };
  const bare = bareBase64Der(text);
  if (bare) return bare;
  return looksBinary(bytes) ? { kind: "binary" } : { kind: "text" };
}
var OID_PKCS7_SIGNED_DATA = "1.2.840.113549.1.7.2";
var OID_PKCS7_DATA = "1.2.840.113549.1.7.1";
function derKind(bytes) {
  const top = readTlv(bytes, 0);
  if (!top || top.tag !== TAG.SEQUENCE) return null;
  const parts = children(bytes, top);
  if (!parts || parts.length === 0) return { kind: "der-other" };
  const [first, second, third] = parts;
  if (first?.tag === TAG.OID && decodeOid(bytes, first) === OID_PKCS7_SIGNED_DATA) return { kind: "pkcs7", encoding: "der" };
  if (first?.tag === TAG.INTEGER && second?.tag === TAG.SEQUENCE && isPkcs12AuthSafe(bytes, first, second)) return { kind: "pkcs12" };
  if (parts.length === 3 && first?.tag === TAG.SEQUENCE && second?.tag === TAG.SEQUENCE && third?.tag === TAG.BIT_STRING) {
    const tbs = children(bytes, first) ?? [];
    const hasTime = tbs.some((t) => t.tag === TAG.UTC_TIME || t.tag === TAG.GENERALIZED_TIME);
    return { kind: hasTime ? "der-crl" : "der-certificate" };
  }
  return { kind: "der-other" };
}
function isPkcs12AuthSafe(bytes, version, authSafe) {
  if (version.end - version.contentStart !== 1 || bytes[version.contentStart] !== 3) return false;
  const oid = children(bytes, authSafe)?.[0];
  const name = oid ? decodeOid(bytes, oid) : null;
  return name === OID_PKCS7_DATA || name === OID_PKCS7_SIGNED_DATA;
}
function utf16WithoutBom(bytes) {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 16) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.9 && evenZero < pairs * 0.1) return "le";
  if (evenZero > pairs * 0.9 && oddZero < pairs * 0.1) return "be";
  return null;
}
function bareBase64Der(text) {
  const compact = text.replace(/\s+/g, "");
  if (compact.length < 64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  const der = Buffer.from(compact, "base64");
  const kind = der[0] === TAG.SEQUENCE ? derKind(der) : null;
  return kind && kind.kind !== "der-other" ? { kind: "base64-der" } : null;
}
function looksBinary(bytes) {
  const n = Math.min(bytes.length, 512);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0 || b < 32 && b !== 9 && b !== 10 && b !== 13) control++;
  }
  return control > n * 0.05;
}
function describeFormat(format) {
  switch (format.kind) {
    case "pem":
      return "PEM text";
    case "empty":
      return "an empty file";
    case "der-certificate":
      return "a binary DER certificate (not PEM text)";
    case "der-crl":
      return "a binary DER certificate revocation list (CRL), not a certificate";
    case "der-other":
      return "binary DER data that is not a certificate";
    case "pkcs7":
      return format.encoding === "der" ? "a binary PKCS#7 (.p7b) certificate container" : "a PEM PKCS#7 (.p7b) certificate container";
    case "pkcs12":
      return "a PKCS#12 (.pfx/.p12) container";
    case "utf16":
      return `UTF-16${format.endian.toUpperCase()} text${format.bom ? " with a byte-order mark" : ""} (typical of PowerShell exports)`;
    case "utf8-bom":
      return "PEM text starting with a UTF-8 byte-order mark";
    case "base64-der":
      return "base64 certificate data without BEGIN/END lines";
    case "binary":
      return "binary data that is not a certificate format";
    case "text":
      return "text without any PEM block";
  }
}
function shellQuote(value) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
function convertedPath(path2) {
  const base = path2.replace(/\.(cer|crt|der|p7b|p7c|p12|pfx|pem|txt)$/i, "");
  const out = `${base}.pem`;
  return out === path2 ? `${base}.converted.pem` : out;
}

// src/codex/bundle-loader.ts
var bundle_loader_exports = {};
__export(bundle_loader_exports, {
  CODEX_CA_HINT: () => CODEX_CA_HINT,
  MAX_BUNDLE_BYTES: () => MAX_BUNDLE_BYTES,
  codexParseMessage: () => codexParseMessage,
  codexReadMessage: () => codexReadMessage,
  loadCaBundle: () => loadCaBundle,
  loadNativeRoots: () => loadNativeRoots,
  rustIoErrorText: () => rustIoErrorText
});

// src/codex/ca-selection.ts
var ca_selection_exports = {};
__export(ca_selection_exports, {
  CA_VARIABLES: () => CA_VARIABLES,
  LINUX_ROOT_DIRS: () => LINUX_ROOT_DIRS,
  LINUX_ROOT_FILES: () => LINUX_ROOT_FILES,
  isHashFileName: () => isHashFileName,
  nativeRootLocations: () => nativeRootLocations,
  resolveAgainst: () => resolveAgainst,
  selectCaBundle: () => selectCaBundle
});
var CA_VARIABLES = ["CODEX_CA_CERTIFICATE", "SSL_CERT_FILE"];
function selectCaBundle(env, cwd, platform = "linux") {
  for (const variable of CA_VARIABLES) {
    const raw = env[variable];
    if (raw !== void 0 && raw !== "") return { kind: "variable", variable, raw, path: resolveAgainst(cwd, raw, platform) };
  }
  return { kind: "system" };
}
function resolveAgainst(cwd, raw, platform = "linux") {
  if (isAbsolutePath(raw, platform)) return raw;
  const sep = platform === "win32" ? "\\" : "/";
  return cwd.endsWith(sep) || cwd.endsWith("/") ? `${cwd}${raw}` : `${cwd}${sep}${raw}`;
}
function isAbsolutePath(value, platform) {
  if (platform === "win32") return /^[A-Za-z]:[\\/]/.test(value) || value.startsWith("\\\\") || value.startsWith("//");
  return value.startsWith("/");
}
var LINUX_ROOT_FILES = [
  "/etc/ssl/certs/ca-certificates.crt",
  "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
  "/etc/pki/tls/certs/ca-bundle.crt",
  "/etc/ssl/ca-bundle.pem",
  "/etc/pki/tls/cacert.pem",
  "/etc/ssl/cert.pem",
  "/opt/etc/ssl/certs/ca-certificates.crt",
  "/etc/ssl/certs/cacert.pem"
];
var LINUX_ROOT_DIRS = ["/etc/ssl/certs", "/etc/pki/tls/certs", "/etc/security/certificates"];
function nativeRootLocations(env, platform, systemStore, cwd = "/") {
  const file = env.SSL_CERT_FILE;
  const dir = env.SSL_CERT_DIR;
  if (file !== void 0 || dir !== void 0) {
    const replacedBy = [];
    if (file !== void 0) replacedBy.push("SSL_CERT_FILE");
    if (dir !== void 0) replacedBy.push("SSL_CERT_DIR");
    const dirParts = dir === void 0 ? [] : dir.split(platform === "win32" ? ";" : ":");
    return {
      kind: "env",
      file: file === void 0 ? null : { raw: file, path: file === "" ? "" : resolveAgainst(cwd, file, platform) },
      dirs: dirParts.map((raw) => ({ raw, path: raw === "" ? "" : resolveAgainst(cwd, raw, platform) })),
      replacedBy
    };
  }
  if (systemStore) return { kind: "files", fileCandidates: [...systemStore.files], dirs: [...systemStore.dirs], overridden: true };
  switch (platform) {
    case "darwin":
      return {
        kind: "platform-store",
        platform,
        description: "macOS keychain trust settings (user, admin and system domains)"
      };
    case "win32":
      return {
        kind: "platform-store",
        platform,
        description: "Windows current user's ROOT certificate store (server-auth, time-valid certificates)"
      };
    default:
      return { kind: "files", fileCandidates: [...LINUX_ROOT_FILES], dirs: [...LINUX_ROOT_DIRS], overridden: false };
  }
}
function isHashFileName(name) {
  return /^[0-9A-Fa-f]{8}\.[0-9]$/.test(name);
}

// src/codex/certificate.ts
var certificate_exports = {};
__export(certificate_exports, {
  MIN_RSA_BITS: () => MIN_RSA_BITS,
  certificateNames: () => certificateNames,
  certificateSubject: () => certificateSubject,
  describeKey: () => describeKey,
  findDuplicates: () => findDuplicates,
  fingerprint256: () => fingerprint256,
  lintCertificate: () => lintCertificate,
  readCertificate: () => readCertificate,
  registerVerdict: () => registerVerdict,
  validityAt: () => validityAt,
  weakRsaKeyBits: () => weakRsaKeyBits,
  weakSignatureHash: () => weakSignatureHash
});
var SIGNATURES = {
  "1.2.840.113549.1.1.2": { name: "md2WithRSAEncryption", hash: "md2" },
  "1.2.840.113549.1.1.4": { name: "md5WithRSAEncryption", hash: "md5" },
  "1.2.840.113549.1.1.5": { name: "sha1WithRSAEncryption", hash: "sha1" },
  "1.3.14.3.2.29": { name: "sha1WithRSA", hash: "sha1" },
  "1.2.840.113549.1.1.14": { name: "sha224WithRSAEncryption", hash: "sha224" },
  "1.2.840.113549.1.1.11": { name: "sha256WithRSAEncryption", hash: "sha256" },
  "1.2.840.113549.1.1.12": { name: "sha384WithRSAEncryption", hash: "sha384" },
  "1.2.840.113549.1.1.13": { name: "sha512WithRSAEncryption", hash: "sha512" },
  "1.2.840.113549.1.1.10": { name: "rsassaPss", hash: null },
  "1.2.840.10045.4.1": { name: "ecdsa-with-SHA1", hash: "sha1" },
  "1.2.840.10045.4.3.1": { name: "ecdsa-with-SHA224", hash: "sha224" },
  "1.2.840.10045.4.3.2": { name: "ecdsa-with-SHA256", hash: "sha256" },
  "1.2.840.10045.4.3.3": { name: "ecdsa-with-SHA384", hash: "sha384" },
  "1.2.840.10045.4.3.4": { name: "ecdsa-with-SHA512", hash: "sha512" },
  "1.2.840.10040.4.3": { name: "dsa_with_SHA1", hash: "sha1" },
  "2.16.840.1.101.3.4.3.2": { name: "dsa_with_SHA256", hash: "sha256" },
  "1.3.101.112": { name: "ED25519", hash: null },
  "1.3.101.113": { name: "ED448", hash: null }
};
var HASHES = {
  "1.3.14.3.2.26": "sha1",
  "2.16.840.1.101.3.4.2.4": "sha224",
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
  "1.2.840.113549.2.5": "md5"
};
var CURVES = {
  "1.2.840.10045.3.1.7": { curve: "P-256", bits: 256, openssl: "prime256v1" },
  "1.3.132.0.34": { curve: "P-384", bits: 384, openssl: "secp384r1" },
  "1.3.132.0.35": { curve: "P-521", bits: 521, openssl: "secp521r1" },
  "1.3.132.0.10": { curve: "secp256k1", bits: 256, openssl: "secp256k1" }
};
var OID = {
  rsaEncryption: "1.2.840.113549.1.1.1",
  rsassaPss: "1.2.840.113549.1.1.10",
  ecPublicKey: "1.2.840.10045.2.1",
  ed25519: "1.3.101.112",
  ed448: "1.3.101.113",
  dsa: "1.2.840.10040.4.1",
  basicConstraints: "2.5.29.19",
  subjectAltName: "2.5.29.17",
  extKeyUsage: "2.5.29.37"
};
var WEBPKI_EXTENSIONS = new Set(["15", "17", "19", "30", "31", "37"].map((n) => `2.5.29.${n}`));
var OIDS = new OidTable([
  ...Object.keys(SIGNATURES),
  ...Object.keys(HASHES),
  ...Object.keys(CURVES),
  ...Object.values(OID),
  ...WEBPKI_EXTENSIONS,
  "2.5.29.14",
  "2.5.29.35",
  "2.5.29.32",
  "1.3.6.1.5.5.7.1.1",
  "1.3.6.1.5.5.7.3.1",
  "1.3.6.1.5.5.7.3.2"
]);
function readCertificate(der) {
  const structure = parseStructure(der);
  if (structure) return { ok: true, facts: { der, fingerprint256: fingerprint256(der), ...structure } };
  let x509;
  try {
    x509 = new (nodeCrypto()).X509Certificate(der);
  } catch (error) {
    return { ok: false, der, reason: error.message };
  }
  return { ok: true, facts: factsFromOpenSsl(der, x509) };
}
function fingerprint256(der) {
  return nodeCrypto().hash("sha256", der, "hex").toUpperCase().replace(/..(?!$)/g, "$&:");
}
function factsFromOpenSsl(der, x509) {
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const type = (() => {
    switch (key.asymmetricKeyType) {
      case "rsa":
      case "rsa-pss":
        return "rsa";
      case "ec":
        return "ec";
      case "ed25519":
        return "ed25519";
      case "ed448":
        return "ed448";
      case "dsa":
        return "dsa";
      default:
        return "unknown";
    }
  })();
  const curve = details.namedCurve ? Object.values(CURVES).find((c) => c.openssl === details.namedCurve) ?? null : null;
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
    signature: { oid: "unknown", name: "unknown", hash: null },
    fingerprint256: x509.fingerprint256,
    hasSubjectAltName: x509.subjectAltName !== void 0,
    extendedKeyUsage: x509.keyUsage ?? null,
    criticalExtensions: [],
    webpkiRejection: "BadEncoding"
  };
}
function oneLine(name) {
  return name.split("\n").filter(Boolean).join(", ");
}
function parseStructure(der) {
  const cert = readTlv(der, 0);
  if (!cert || cert.tag !== TAG.SEQUENCE || cert.end !== der.length) return null;
  const top = children(der, cert);
  if (!top || top.length !== 3) return null;
  const [tbs, outerAlg, signatureValue] = top;
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
  const notBefore = decodeTime(der, times[0]);
  const notAfter = decodeTime(der, times[1]);
  if (!notBefore || !notAfter) return null;
  const issuerName = formatName(der, issuer);
  const subjectName = formatName(der, subject);
  if (issuerName === null || subjectName === null) return null;
  if (rest.length > 1 || rest.length === 1 && (rest[0].tag !== contextTag(3) || version !== 3)) return null;
  const extensions = readExtensions(der, rest[0]);
  if (!extensions) return null;
  const publicKey = readPublicKey(der, spki);
  if (!publicKey) return null;
  let webpkiRejection = null;
  if (version === 2) webpkiRejection = "BadEncoding";
  else if (extensions.duplicate) webpkiRejection = "Other(OtherError(ExtensionValueInvalid))";
  else if (extensions.unsupportedCritical.length > 0) webpkiRejection = "Other(OtherError(UnsupportedCriticalExtension))";
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
    webpkiRejection
  };
}
function certificateNames(der) {
  const names = namesOf(der);
  if (names) return names;
  try {
    const x509 = new (nodeCrypto()).X509Certificate(der);
    return { issuer: oneLine(x509.issuer), subject: oneLine(x509.subject) };
  } catch {
    return null;
  }
}
function certificateSubject(der) {
  const name = nameFieldsOf(der)?.subject;
  return (name && formatName(der, name)) ?? certificateNames(der)?.subject ?? null;
}
function namesOf(der) {
  const fields = nameFieldsOf(der);
  if (!fields) return null;
  const issuerName = formatName(der, fields.issuer);
  const subjectName = formatName(der, fields.subject);
  return issuerName === null || subjectName === null ? null : { issuer: issuerName, subject: subjectName };
}
function nameFieldsOf(der) {
  const cert = readTlv(der, 0);
  const tbs = cert?.tag === TAG.SEQUENCE ? readTlv(der, cert.contentStart, cert.end) : null;
  const fields = tbs?.tag === TAG.SEQUENCE ? children(der, tbs) : null;
  if (!fields) return null;
  const [issuer, , subject] = fields.slice(fields[0]?.tag === contextTag(0) ? 3 : 2);
  return issuer?.tag === TAG.SEQUENCE && subject?.tag === TAG.SEQUENCE ? { issuer, subject } : null;
}
function serialHex(der, serial) {
  let start = serial.contentStart;
  while (start < serial.end - 1 && der[start] === 0) start++;
  return der.toString("hex", start, serial.end).toUpperCase();
}
var NAME_ATTRIBUTES = {
  "2.5.4.3": "CN",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "street",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.5": "serialNumber",
  "2.5.4.4": "SN",
  "2.5.4.42": "GN",
  "2.5.4.12": "title",
  "2.5.4.46": "dnQualifier",
  "2.5.4.65": "pseudonym",
  "2.5.4.97": "organizationIdentifier",
  "1.2.840.113549.1.9.1": "emailAddress",
  "0.9.2342.19200300.100.1.25": "DC",
  "0.9.2342.19200300.100.1.1": "UID"
};
var NAME_OIDS = new OidTable(Object.keys(NAME_ATTRIBUTES));
function formatName(der, name) {
  const rdns = children(der, name);
  if (!rdns) return null;
  const parts = [];
  for (const rdn of rdns) {
    if (rdn.tag !== TAG.SET) return null;
    const attributes = children(der, rdn);
    if (!attributes) return null;
    const values = [];
    for (const attribute of attributes) {
      const [type, value] = children(der, attribute) ?? [];
      const oid = type ? NAME_OIDS.read(der, type) : null;
      if (!oid || !value) return null;
      values.push(`${NAME_ATTRIBUTES[oid] ?? oid}=${escapeNameValue(decodeString(der, value))}`);
    }
    parts.push(values.join(" + "));
  }
  return parts.join(", ");
}
function decodeString(der, value) {
  switch (value.tag) {
    case 30: {
      const bytes = Buffer.from(der.subarray(value.contentStart, value.end - (value.end - value.contentStart) % 2));
      return bytes.swap16().toString("utf16le");
    }
    case 20:
      return der.toString("latin1", value.contentStart, value.end);
    default:
      return der.toString("utf8", value.contentStart, value.end);
  }
}
function escapeNameValue(value) {
  return value.replace(/[\\,+"<>;]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
function readExtensions(der, wrapper) {
  const out = {
    basicConstraints: null,
    hasSubjectAltName: false,
    extendedKeyUsage: null,
    critical: [],
    unsupportedCritical: [],
    duplicate: false
  };
  if (!wrapper) return out;
  const list = readTlv(der, wrapper.contentStart, wrapper.end);
  if (!list || list.tag !== TAG.SEQUENCE) return null;
  const seen = /* @__PURE__ */ new Set();
  const entries = children(der, list);
  if (!entries) return null;
  for (const extension of entries) {
    const parts = children(der, extension);
    if (!parts || parts.length < 2 || parts.length > 3) return null;
    const oid = parts[0] ? OIDS.read(der, parts[0]) : null;
    if (!oid) return null;
    if (parts.length === 3 && (parts[1]?.tag !== TAG.BOOLEAN || parts[1].end - parts[1].contentStart !== 1)) return null;
    const critical = parts.length === 3 && der[parts[1].contentStart] !== 0;
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
          ca: caItem !== void 0 && der[caItem.contentStart] !== 0,
          pathLength: pathItem ? smallInteger(der, pathItem) : null,
          critical
        };
        break;
      }
      case OID.subjectAltName:
        out.hasSubjectAltName = true;
        break;
      case OID.extKeyUsage:
        out.extendedKeyUsage = (inner && inner.tag === TAG.SEQUENCE ? children(der, inner) ?? [] : []).map((t) => OIDS.read(der, t)).filter((o) => o !== null);
        break;
    }
  }
  return out;
}
function readSignatureAlgorithm(der, alg) {
  const [oidTlv, params] = children(der, alg) ?? [];
  const oid = (oidTlv && OIDS.read(der, oidTlv)) ?? "unknown";
  const known = SIGNATURES[oid];
  if (!known) return { oid, name: oid, hash: null };
  if (oid !== OID.rsassaPss) return { oid, ...known };
  let hash = "sha1";
  const first = params && params.tag === TAG.SEQUENCE ? children(der, params)?.[0] : void 0;
  if (first?.tag === contextTag(0)) {
    const hashAlg = readTlv(der, first.contentStart, first.end);
    const hashOid = hashAlg ? children(der, hashAlg)?.[0] : void 0;
    const name = hashOid ? OIDS.read(der, hashOid) : null;
    hash = name ? HASHES[name] ?? null : null;
  }
  return { oid, name: known.name, hash };
}
function readPublicKey(der, spki) {
  const unknown = { type: "unknown", bits: null, curve: null };
  const parts = children(der, spki);
  if (!parts || parts.length !== 2) return null;
  const [alg, bitString] = parts;
  if (alg.tag !== TAG.SEQUENCE || bitString.tag !== TAG.BIT_STRING || bitString.end === bitString.contentStart) return null;
  const [oidTlv, params] = children(der, alg) ?? [];
  const oid = oidTlv ? OIDS.read(der, oidTlv) : null;
  switch (oid) {
    case OID.rsaEncryption:
    case OID.rsassaPss: {
      const key = bitString.tag === TAG.BIT_STRING ? readTlv(der, bitString.contentStart + 1, bitString.end) : null;
      const modulus = key ? children(der, key)?.[0] : void 0;
      return { type: "rsa", bits: modulus ? integerBitLength(der, modulus) : null, curve: null };
    }
    case OID.ecPublicKey: {
      const curveOid = params ? OIDS.read(der, params) : null;
      const curve = curveOid ? CURVES[curveOid] : void 0;
      return { type: "ec", bits: curve?.bits ?? null, curve: curve?.curve ?? curveOid };
    }
    case OID.ed25519:
      return { type: "ed25519", bits: 256, curve: null };
    case OID.ed448:
      return { type: "ed448", bits: 456, curve: null };
    case OID.dsa: {
      const p = params ? children(der, params)?.[0] : void 0;
      return { type: "dsa", bits: p ? integerBitLength(der, p) : null, curve: null };
    }
    default:
      return unknown;
  }
}
function registerVerdict(read) {
  if (!read.ok) {
    return { https: { stage: "parse-certificate", error: "builder error" }, websocket: "invalid peer certificate: BadEncoding" };
  }
  const rejection = read.facts.webpkiRejection;
  if (rejection === null) return { https: null, websocket: null };
  return { https: { stage: "build-client", error: "builder error" }, websocket: `invalid peer certificate: ${rejection}` };
}
function validityAt(facts2, now) {
  if (now.getTime() > facts2.notAfter.getTime()) return "expired";
  if (now.getTime() < facts2.notBefore.getTime()) return "not-yet-valid";
  return "valid";
}
function weakSignatureHash(facts2) {
  const hash = facts2.signature.hash;
  return hash === "md2" || hash === "md5" || hash === "sha1" ? hash : null;
}
var MIN_RSA_BITS = 2048;
function weakRsaKeyBits(facts2) {
  const { type, bits } = facts2.publicKey;
  return type === "rsa" && bits !== null && bits < MIN_RSA_BITS ? bits : null;
}
function lintCertificate(facts2, now, options) {
  const lints = [];
  const validity = validityAt(facts2, now);
  if (validity === "expired") lints.push({ kind: "expired", notAfter: facts2.notAfter });
  if (validity === "not-yet-valid") lints.push({ kind: "not-yet-valid", notBefore: facts2.notBefore });
  const hash = weakSignatureHash(facts2);
  if (hash) lints.push({ kind: "weak-signature", hash });
  const bits = weakRsaKeyBits(facts2);
  if (bits !== null) lints.push({ kind: "weak-rsa-key", bits });
  if (options.expectCa && !facts2.isCa) lints.push({ kind: "not-ca" });
  return lints;
}
function findDuplicates(items) {
  const byFingerprint = /* @__PURE__ */ new Map();
  items.forEach((item, position) => {
    const positions = byFingerprint.get(item.fingerprint256);
    if (positions) positions.push(position);
    else byFingerprint.set(item.fingerprint256, [position]);
  });
  return [...byFingerprint].filter(([, positions]) => positions.length > 1).map(([fingerprint2562, positions]) => ({ fingerprint256: fingerprint2562, positions }));
}
function describeKey(key) {
  switch (key.type) {
    case "rsa":
      return key.bits === null ? "RSA" : `RSA ${key.bits}`;
    case "ec":
      return key.curve ? `EC ${key.curve}` : "EC";
    case "ed25519":
      return "Ed25519";
    case "ed448":
      return "Ed448";
    case "dsa":
      return key.bits === null ? "DSA" : `DSA ${key.bits}`;
    case "unknown":
      return "unknown key type";
  }
}

// src/codex/pem.ts
var pem_exports = {};
__export(pem_exports, {
  decodeBase64: () => decodeBase64,
  decodeBase64Exact: () => decodeBase64Exact,
  parseCodexPem: () => parseCodexPem,
  rustDebugBytes: () => rustDebugBytes,
  toPem: () => toPem
});
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
function decodeBase64(input) {
  return decodeBase64Text(Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString("latin1"));
}
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

// src/codex/bundle-loader.ts
var CODEX_CA_HINT = "If you set CODEX_CA_CERTIFICATE or SSL_CERT_FILE, ensure it points to a PEM file containing one or more CERTIFICATE blocks, or unset it to use system roots.";
var MAX_BUNDLE_BYTES = 16 * 1024 * 1024;
async function loadCaBundle(host, selection) {
  const { path: path2 } = selection;
  const readFailed = (problem, code, size2, cause, format2 = null) => ({
    status: "read-failed",
    selection,
    problem,
    codexMessage: code === null ? null : codexReadMessage(selection, rustIoErrorText(code, host.platform, cause?.message)),
    cause,
    size: size2,
    format: format2
  });
  let stat;
  try {
    stat = await host.fs.stat(path2);
  } catch (error) {
    const cause = rawCause(error);
    return readFailed(cause.code === "ENOENT" ? "not-found" : "unreadable", cause.code ?? "EIO", null, cause);
  }
  if (stat === null) return readFailed("not-found", "ENOENT", null, { code: "ENOENT", message: "no such file or directory" });
  if (stat.kind === "directory") return readFailed("directory", "EISDIR", stat.size, { code: "EISDIR", message: "is a directory" });
  if (stat.kind === "other") return readFailed("not-regular-file", null, null, null);
  let bytes;
  let size;
  try {
    const read = await host.fs.readFile(path2, MAX_BUNDLE_BYTES);
    if (read.truncated) return readFailed("too-large", null, read.size, null, sniffBundleFormat(read.bytes.subarray(0, 4096)));
    bytes = read.bytes;
    size = read.size;
  } catch (error) {
    const cause = rawCause(error);
    const problem = cause.code === "ENOENT" ? "not-found" : cause.code === "EISDIR" ? "directory" : "unreadable";
    return readFailed(problem, cause.code ?? "EIO", stat.size, cause);
  }
  const pem = parseCodexPem(bytes);
  const format = sniffBundleFormat(bytes);
  if (!pem.ok) {
    return {
      status: "parse-failed",
      selection,
      size,
      failure: pem.failure,
      counts: pem.counts,
      normalisedTrusted: pem.normalisedTrusted,
      lossyUtf8: pem.lossyUtf8,
      format,
      codexMessage: codexParseMessage(selection, pem.codexDetail)
    };
  }
  const certificates = pem.certificates.map((cert, i) => {
    const read = readCertificate(cert.der);
    return { number: i + 1, line: cert.line, read, verdict: registerVerdict(read) };
  });
  const parseFailure2 = certificates.find((c) => c.verdict.https?.stage === "parse-certificate");
  const buildFailure = certificates.find((c) => c.verdict.https?.stage === "build-client");
  const wsFailure = certificates.find((c) => c.verdict.websocket !== null);
  const httpsMessage = parseFailure2 ? `Failed to parse certificate #${parseFailure2.number} from ${selection.raw} selected by ${selection.variable}: ${parseFailure2.verdict.https?.error}. ${CODEX_CA_HINT}` : buildFailure ? `Failed to build HTTP client while using CA bundle from ${selection.variable} (${selection.raw}): ${buildFailure.verdict.https?.error}` : null;
  const websocketMessage = wsFailure ? `Failed to register certificate #${wsFailure.number} from ${selection.raw} selected by ${selection.variable} in rustls root store: ${wsFailure.verdict.websocket}. ${CODEX_CA_HINT}` : null;
  return {
    status: httpsMessage || websocketMessage ? "register-failed" : "loaded",
    selection,
    size,
    counts: pem.counts,
    normalisedTrusted: pem.normalisedTrusted,
    lossyUtf8: pem.lossyUtf8,
    format,
    certificates,
    httpsMessage,
    websocketMessage,
    httpsFailure: (parseFailure2 ?? buildFailure)?.number ?? null,
    websocketFailure: wsFailure?.number ?? null
  };
}
function codexReadMessage(selection, ioError) {
  return `Failed to read CA certificate file ${selection.raw} selected by ${selection.variable}: ${ioError}. ${CODEX_CA_HINT}`;
}
function codexParseMessage(selection, detail) {
  return `Failed to load CA certificates from ${selection.raw} selected by ${selection.variable}: ${detail}. ${CODEX_CA_HINT}`;
}
function rawCause(error) {
  const e = error;
  const cause = { message: String(e?.message ?? error) };
  if (e?.name) cause.name = e.name;
  if (typeof e?.code === "string") cause.code = e.code;
  return cause;
}
var UNIX_ERRORS = {
  EPERM: [1, 1, "Operation not permitted"],
  ENOENT: [2, 2, "No such file or directory"],
  EIO: [5, 5, "Input/output error"],
  ENXIO: [6, 6, "Device not configured"],
  EACCES: [13, 13, "Permission denied"],
  ENOTDIR: [20, 20, "Not a directory"],
  EISDIR: [21, 21, "Is a directory"],
  EMFILE: [24, 24, "Too many open files"],
  ENAMETOOLONG: [36, 63, "File name too long"],
  ELOOP: [40, 62, "Too many levels of symbolic links"]
};
var WINDOWS_ERRORS = {
  ENOENT: "The system cannot find the file specified. (os error 2)",
  EACCES: "Access is denied. (os error 5)",
  EPERM: "Access is denied. (os error 5)",
  EISDIR: "Access is denied. (os error 5)"
};
function rustIoErrorText(code, platform, fallback) {
  if (platform === "win32") return WINDOWS_ERRORS[code] ?? fallback ?? code;
  const known = UNIX_ERRORS[code];
  if (!known) return fallback ?? code;
  const text = code === "ENXIO" && platform === "linux" ? "No such device or address" : known[2];
  return `${text} (os error ${platform === "darwin" ? known[1] : known[0]})`;
}
async function loadNativeRoots(host, plan) {
  if (plan.kind === "platform-store") return { plan, sources: [], total: null, certificates: [] };
  const distinct = [];
  const seen = new BytesMap();
  const addDistinct = (der) => {
    if (seen.get(der)) return;
    seen.set(der, true);
    distinct.push(der);
  };
  const sources = [];
  const readPem = async (path2) => {
    try {
      const { bytes, truncated } = await host.fs.readFile(path2, MAX_BUNDLE_BYTES);
      return truncated ? { bytes: null, error: `file larger than ${MAX_BUNDLE_BYTES} bytes skipped` } : { bytes, error: null };
    } catch (error) {
      return { bytes: null, error: `failed to open file: ${rustIoErrorText(rawCause(error).code ?? "EIO", host.platform)} in ${path2}` };
    }
  };
  const blocks = new BytesMap();
  const addPem = (read) => {
    if (read.bytes === null) return { certificates: 0, error: read.error };
    const bytes = read.bytes;
    const known = blocks.get(bytes);
    if (known) {
      addDistinct(known);
      return { certificates: 1, error: null };
    }
    const pem = parseCodexPem(bytes, { normaliseTrusted: false });
    const certs = pem.ok ? pem.certificates : [];
    for (const c of certs) {
      addDistinct(c.der);
      if (c.block) blocks.set(bytes.subarray(c.block.start, c.block.end), c.der);
    }
    const error = pem.ok || pem.failure.kind === "no-certificates" ? null : pem.codexDetail.replace("failed to parse PEM file: ", "failed to parse PEM: ");
    return { certificates: certs.length, error };
  };
  const readPemFile = async (path2) => addPem(await readPem(path2));
  const readDir = async (path2) => {
    let names;
    try {
      names = await host.fs.readdir(path2);
    } catch (error) {
      return { path: path2, kind: "dir", certificates: 0, files: 0, error: `opening directory: ${rustIoErrorText(rawCause(error).code ?? "EIO", host.platform)} in ${path2}` };
    }
    const hashed = names.filter(isHashFileName).sort();
    const reads = await mapBounded(hashed, PARALLEL_READS, (name) => readPem(`${path2.endsWith("/") ? path2 : `${path2}/`}${name}`));
    const results = reads.map(addPem);
    return {
      path: path2,
      kind: "dir",
      certificates: results.reduce((n, r) => n + r.certificates, 0),
      files: hashed.length,
      error: results.find((r) => r.error !== null)?.error ?? null
    };
  };
  if (plan.kind === "env") {
    if (plan.file) sources.push({ path: plan.file.raw, kind: "file", ...await readPemFile(plan.file.path) });
    for (const dir of plan.dirs) sources.push(await readDir(dir.path));
  } else {
    for (const candidate of plan.fileCandidates) {
      const stat = await host.fs.stat(candidate).catch(() => null);
      if (stat?.kind === "file") {
        sources.push({ path: candidate, kind: "file", ...await readPemFile(candidate) });
        break;
      }
    }
    for (const dir of plan.dirs) {
      const stat = await host.fs.stat(dir).catch(() => null);
      if (stat?.kind === "directory") sources.push(await readDir(dir));
    }
  }
  return { plan, sources, total: distinct.length, certificates: distinct };
}
var BytesMap = class {
  #byLength = /* @__PURE__ */ new Map();
  get(bytes) {
    return this.#byLength.get(bytes.length)?.find((entry) => entry.bytes.equals(bytes))?.value;
  }
  set(bytes, value) {
    const sameLength = this.#byLength.get(bytes.length);
    if (sameLength) sameLength.push({ bytes, value });
    else this.#byLength.set(bytes.length, [{ bytes, value }]);
  }
};
var PARALLEL_READS = 32;
async function mapBounded(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// src/core/exec-within.ts
var exec_within_exports = {};
__export(exec_within_exports, {
  execWithin: () => execWithin
});
async function execWithin(host, command, args, options) {
  const { timeoutMs, signal } = options;
  if (signal?.aborted) return { kind: "aborted" };
  let timer;
  let onAbort;
  const gaveUp = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ kind: "timeout", timeoutMs }), timeoutMs);
    timer.unref?.();
    if (signal) {
      onAbort = () => resolve({ kind: "aborted" });
      signal.addEventListener("abort", onAbort, { once: true });
    }
  });
  const run = host.exec(command, args, { timeoutMs }).then(
    (result) => ({ kind: "exited", result }),
    (error) => ({ kind: "error", message: error instanceof Error ? error.message : String(error) })
  );
  try {
    return await Promise.race([run, gaveUp]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}

// src/codex/codex-version.ts
var CODEX_RELEASES = {
  /** CODEX_CA_CERTIFICATE / SSL_CERT_FILE bundles for login, HTTPS and WebSocket. */
  customCa: "0.115.0",
  /** A configured bundle switches HTTPS from the platform TLS library to rustls (+ Mozilla roots). */
  rustlsHttps: "0.129.0",
  /** The OPENAI_BASE_URL variable is ignored from here on; config.toml's openai_base_url replaces it. */
  openaiBaseUrlEnvIgnored: "0.119.0",
  // Checked against the real 0.169.0 binary (\u{a7}11). Where the first release with the behaviour is not
  // pinned down, 0.169.0 is the first one observed: older releases get the older advice.
  /** Unknown config keys are warned about at start ("Codex is ignoring N unrecognized configuration settings"). */
  unknownKeysWarned: "0.169.0",
  /** The browser login callback's redirect_uri names 127.0.0.1 instead of localhost. */
  loopbackLoginCallback: "0.169.0",
  /** Device-code login errors read `Error logging in: {e}`. */
  deviceLoginErrorPrefix: "0.169.0",
  /** After the WebSocket-to-HTTPS fallback, a failing HTTPS transport is retried without end. */
  unboundedRetries: "0.169.0",
  /** `[features] system_proxy_fallback` exists and is on by default. */
  systemProxyFallback: "0.169.0"
};
var ASSUMED_CODEX_RELEASE = "0.169.0";
function releaseForAdvice(version) {
  return version ?? ASSUMED_CODEX_RELEASE;
}
function codexHas(version, release) {
  return versionAtLeast(releaseForAdvice(version), release);
}
var CODEX_VERSION_TIMEOUT_MS = 1500;
function parseCodexVersion(output) {
  return /\b(\d+\.\d+\.\d+)\b/.exec(output)?.[1] ?? null;
}
function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
function versionAtLeast(version, minimum) {
  return compareVersions(version, minimum) >= 0;
}
async function probeCodexVersion(host, timeoutMs = CODEX_VERSION_TIMEOUT_MS) {
  const outcome = await execWithin(host, "codex", ["--version"], { timeoutMs });
  if (outcome.kind !== "exited" || outcome.result.code !== 0) return null;
  return parseCodexVersion(`${outcome.result.stdout}
${outcome.result.stderr}`);
}

// src/codex/env.ts
var env_exports = {};
__export(env_exports, {
  MAX_DOTENV_BYTES: () => MAX_DOTENV_BYTES,
  applyDotenv: () => applyDotenv,
  describeOrigin: () => describeOrigin,
  displayPath: () => displayPath,
  dotenvPath: () => dotenvPath,
  ioMessage: () => ioMessage,
  loadEffectiveEnv: () => loadEffectiveEnv,
  resolveCodexHome: () => resolveCodexHome,
  withoutDotenv: () => withoutDotenv
});

// src/codex/dotenv.ts
var dotenv_exports = {};
__export(dotenv_exports, {
  readDotenv: () => readDotenv
});

// src/codex/rust-str.ts
var rust_str_exports = {};
__export(rust_str_exports, {
  isRustWhitespace: () => isRustWhitespace,
  rustTrim: () => rustTrim,
  rustTrimEnd: () => rustTrimEnd,
  rustTrimStart: () => rustTrimStart,
  trimEndMatches: () => trimEndMatches
});
function isWhitespaceCode(code) {
  return code >= 9 && code <= 13 || code === 32 || code === 133 || code === 160 || code === 5760 || code >= 8192 && code <= 8202 || code === 8232 || code === 8233 || code === 8239 || code === 8287 || code === 12288;
}
function isRustWhitespace(c) {
  return c.length === 1 && isWhitespaceCode(c.charCodeAt(0));
}
function rustTrimStart(s) {
  let start = 0;
  while (start < s.length && isWhitespaceCode(s.charCodeAt(start))) start++;
  return s.slice(start);
}
function rustTrimEnd(s) {
  let end = s.length;
  while (end > 0 && isWhitespaceCode(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end);
}
function rustTrim(s) {
  return rustTrimEnd(rustTrimStart(s));
}
function trimEndMatches(s, chars) {
  let end = s.length;
  while (end > 0 && chars.includes(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

// src/codex/dotenv.ts
function* readDotenv(input, lookup) {
  const substitution = /* @__PURE__ */ new Map();
  for (const logical of quotedLines(input)) {
    if (logical.kind === "error") {
      yield logical;
      continue;
    }
    const parsed = parseLine(logical.text, substitution, lookup);
    if (parsed === null) continue;
    if ("reason" in parsed) yield { kind: "error", line: logical.line, ...parsed.key !== void 0 && { key: parsed.key }, reason: parsed.reason };
    else yield { kind: "entry", key: parsed.key, value: parsed.value, line: logical.line };
  }
}
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function* physicalLines(input) {
  if (typeof input === "string") {
    let start2 = 0;
    while (start2 < input.length) {
      const nl = input.indexOf("\n", start2);
      const end = nl === -1 ? input.length : nl + 1;
      yield input.slice(start2, end);
      start2 = end;
    }
    return;
  }
  let start = 0;
  while (start < input.length) {
    const nl = input.indexOf(10, start);
    const end = nl === -1 ? input.length : nl + 1;
    try {
      yield utf8.decode(input.subarray(start, end));
    } catch {
      yield null;
    }
    start = end;
  }
}
function* quotedLines(input) {
  const lines = physicalLines(input);
  let physical = 0;
  for (; ; ) {
    let buf = "";
    let state = "complete";
    const startLine = physical + 1;
    for (; ; ) {
      const next = lines.next();
      if (next.done) {
        if (state === "complete" || rustTrimStart(buf) === "") return;
        const key = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)/.exec(rustTrimStart(buf))?.[1];
        yield { kind: "error", line: startLine, ...key !== void 0 && { key }, reason: endOfFileReason(state) };
        return;
      }
      physical += 1;
      if (next.value === null) {
        yield { kind: "error", line: physical, reason: "the line is not valid UTF-8" };
        break;
      }
      const bufPos = buf.length;
      buf += next.value;
      if (rustTrimStart(buf).startsWith("#")) {
        break;
      }
      const [curPos, endState] = evalEndState(state, buf.slice(bufPos));
      state = endState;
      if (state === "complete") {
        if (buf.endsWith("\n")) {
          buf = buf.slice(0, -1);
          if (buf.endsWith("\r")) buf = buf.slice(0, -1);
        }
        yield { kind: "line", text: buf, line: startLine };
        break;
      }
      if (state === "comment") {
        yield { kind: "line", text: buf.slice(0, bufPos + curPos), line: startLine };
        break;
      }
    }
  }
}
function endOfFileReason(state) {
  switch (state) {
    case "strong-open":
    case "strong-open-escape":
      return "a single quote is never closed: Codex ignores this line and everything after it";
    case "weak-open":
    case "weak-open-escape":
      return "a double quote is never closed: Codex ignores this line and everything after it";
    case "escape":
      return "the file ends with a backslash";
    case "white-space":
      return "the last line ends with blanks and no newline, which dotenvy rejects";
    case "complete":
    case "comment":
      return "unexpected end of file";
  }
}
function evalEndState(prev, buf) {
  let state = prev;
  let pos = 0;
  for (let i = 0; i < buf.length; ) {
    const c = String.fromCodePoint(buf.codePointAt(i));
    pos = i;
    i += c.length;
    switch (state) {
      case "white-space":
        if (c === "#") return [pos, "comment"];
        state = c === "\\" ? "escape" : c === '"' ? "weak-open" : c === "'" ? "strong-open" : "complete";
        break;
      case "escape":
        state = "complete";
        break;
      case "complete":
        if (isRustWhitespace(c) && c !== "\n" && c !== "\r") state = "white-space";
        else state = c === "\\" ? "escape" : c === '"' ? "weak-open" : c === "'" ? "strong-open" : "complete";
        break;
      case "weak-open":
        state = c === "\\" ? "weak-open-escape" : c === '"' ? "complete" : "weak-open";
        break;
      case "weak-open-escape":
        state = "weak-open";
        break;
      case "strong-open":
        state = c === "\\" ? "strong-open-escape" : c === "'" ? "complete" : "strong-open";
        break;
      case "strong-open-escape":
        state = "strong-open";
        break;
      case "comment":
        throw new Error("unreachable: comments return early");
    }
  }
  return [pos, state];
}
function parseLine(original, substitution, lookup) {
  let line = rustTrimEnd(original);
  const skipWhitespace = () => {
    line = rustTrimStart(line);
  };
  const parseKey = () => {
    const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(line);
    if (!match) return null;
    line = line.slice(match[0].length);
    return match[0];
  };
  const expectEqual = () => {
    if (!line.startsWith("=")) return false;
    line = line.slice(1);
    return true;
  };
  skipWhitespace();
  if (line === "" || line.startsWith("#")) return null;
  let key = parseKey();
  if (key === null) {
    return { reason: line.startsWith("\uFEFF") ? "the file starts with a byte order mark (BOM), which spoils the first key" : "the line does not start with a variable name" };
  }
  skipWhitespace();
  if (key === "export") {
    if (!expectEqual()) {
      key = parseKey();
      if (key === null) return { reason: "no variable name after `export`" };
      skipWhitespace();
      if (!expectEqual()) return { key, reason: "no `=` after the variable name" };
    }
  } else if (!expectEqual()) {
    return { key, reason: "no `=` after the variable name" };
  }
  skipWhitespace();
  if (line === "" || line.startsWith("#")) {
    substitution.set(key, null);
    return { key, value: "" };
  }
  const value = parseValue(line, substitution, lookup);
  if (typeof value !== "string") return { key, reason: value.reason };
  substitution.set(key, value);
  return { key, value };
}
function parseValue(input, data, lookup) {
  let strongQuote = false;
  let weakQuote = false;
  let escaped = false;
  let expectingEnd = false;
  let output = "";
  let mode = "none";
  let name = "";
  const substitute2 = () => {
    output += substitutionValue(name, data, lookup);
    name = "";
  };
  for (const c of input) {
    if (expectingEnd) {
      if (c === " " || c === "	") continue;
      if (c === "#") break;
      return { reason: "an unquoted value contains a blank (quote the value)" };
    } else if (escaped) {
      if (c === "\\" || c === "'" || c === '"' || c === "$" || c === " ") output += c;
      else if (c === "n") output += "\n";
      else return { reason: `unsupported escape \\${c} (write \\\\ for a backslash, or use single quotes)` };
      escaped = false;
    } else if (strongQuote) {
      if (c === "'") strongQuote = false;
      else output += c;
    } else if (mode !== "none") {
      if (isRustAlphanumeric(c)) {
        name += c;
      } else if (mode === "block") {
        if (c === "{" && name === "") {
          mode = "escaped-block";
        } else {
          substitute2();
          if (c === "$") {
            mode = "block";
          } else {
            mode = "none";
            output += c;
          }
        }
      } else if (c === "}") {
        mode = "none";
        substitute2();
      } else {
        name += c;
      }
    } else if (c === "$") {
      mode = "block";
    } else if (weakQuote) {
      if (c === '"') weakQuote = false;
      else if (c === "\\") escaped = true;
      else output += c;
    } else if (c === "'") {
      strongQuote = true;
    } else if (c === '"') {
      weakQuote = true;
    } else if (c === "\\") {
      escaped = true;
    } else if (c === " " || c === "	") {
      expectingEnd = true;
    } else {
      output += c;
    }
  }
  if (mode === "escaped-block") return { reason: "a ${ substitution is never closed" };
  if (strongQuote || weakQuote) {
    const swallowed = weakQuote && /\$[\p{Alphabetic}\p{N}]+"/u.test(input);
    return { reason: swallowed ? 'a quote is never closed: dotenvy swallows the " right after $NAME (write "${NAME}")' : "a quote is never closed" };
  }
  substitute2();
  return output;
}
function substitutionValue(name, data, lookup) {
  const fromEnv = name === "" ? void 0 : lookup(name);
  if (fromEnv !== void 0) return fromEnv;
  return data.get(name) ?? "";
}
function isRustAlphanumeric(c) {
  return /^[\p{Alphabetic}\p{N}]$/u.test(c);
}

// src/codex/env.ts
var MAX_DOTENV_BYTES = 1024 * 1024;
var ILLEGAL_DOTENV_PREFIX = "CODEX_";
function applyDotenv(shellEnv, content, path2) {
  const env = Object.assign(/* @__PURE__ */ Object.create(null), shellEnv);
  const provenance = /* @__PURE__ */ Object.create(null);
  for (const name of Object.keys(shellEnv)) provenance[name] = { source: "shell" };
  const applied = /* @__PURE__ */ new Map();
  const ignored = /* @__PURE__ */ new Map();
  const skipped2 = [];
  for (const item of readDotenv(content, (name) => Object.hasOwn(env, name) ? env[name] : void 0)) {
    if (item.kind === "error") {
      skipped2.push({ line: item.line, ...item.key !== void 0 && { key: item.key }, reason: item.reason });
      continue;
    }
    const shellSet = Object.hasOwn(shellEnv, item.key);
    if (item.key.toUpperCase().startsWith(ILLEGAL_DOTENV_PREFIX)) {
      ignored.delete(item.key);
      ignored.set(item.key, { name: item.key, line: item.line, ...item.key === "CODEX_CA_CERTIFICATE" && { value: item.value } });
      provenance[item.key] = { source: "dotenv-ignored", line: item.line, shellSet };
      continue;
    }
    env[item.key] = item.value;
    applied.delete(item.key);
    applied.set(item.key, { name: item.key, line: item.line, overridesShell: shellSet });
    provenance[item.key] = { source: "dotenv", line: item.line, overridesShell: shellSet };
  }
  return {
    env,
    provenance,
    dotenv: { path: path2, status: "loaded", applied: [...applied.values()], ignored: [...ignored.values()], skipped: skipped2 }
  };
}
function withoutDotenv(shellEnv, path2, status, error) {
  const provenance = {};
  for (const name of Object.keys(shellEnv)) provenance[name] = { source: "shell" };
  return {
    env: { ...shellEnv },
    provenance,
    dotenv: { path: path2, status, ...error !== void 0 && { error }, applied: [], ignored: [], skipped: [] }
  };
}
function dotenvPath(codexHome, platform) {
  return joinPath(codexHome, ".env", platform);
}
async function loadEffectiveEnv(host, codexHome) {
  const path2 = dotenvPath(codexHome, host.platform);
  try {
    const stat = await host.fs.stat(path2);
    if (stat === null) return withoutDotenv(host.env, path2, "absent");
    if (stat.kind !== "file") return withoutDotenv(host.env, path2, "not-a-file", stat.kind === "directory" ? "it is a directory, not a file" : "it is not a regular file");
    const read = await host.fs.readFile(path2, MAX_DOTENV_BYTES);
    return applyDotenv(host.env, read.bytes, path2);
  } catch (error) {
    return withoutDotenv(host.env, path2, "unreadable", ioMessage(error));
  }
}
async function resolveCodexHome(host, override) {
  const fromEnv = host.env.CODEX_HOME;
  const [raw, source, label] = override !== void 0 ? [override, "option", "--codex-home"] : fromEnv !== void 0 && fromEnv !== "" ? [fromEnv, "CODEX_HOME", "CODEX_HOME"] : [null, "default", "CODEX_HOME"];
  if (raw === null) return { path: joinPath(host.homeDir, ".codex", host.platform), source, problem: null };
  const path2 = resolveAgainst(host.cwd, raw, host.platform);
  const quoted = JSON.stringify(raw);
  try {
    const stat = await host.fs.stat(path2);
    if (stat === null) return { path: path2, source, problem: `${label} points to ${quoted}, but that path does not exist` };
    if (stat.kind !== "directory") return { path: path2, source, problem: `${label} points to ${quoted}, but that path is not a directory`, notADirectory: true };
    return { path: path2, source, problem: null };
  } catch (error) {
    return { path: path2, source, problem: `failed to read ${label} ${quoted}: ${ioMessage(error)}` };
  }
}
function displayPath(path2, homeDir) {
  if (homeDir === "" || homeDir === "/") return path2;
  if (path2 === homeDir) return "~";
  for (const sep of ["/", "\\"]) if (path2.startsWith(homeDir + sep)) return `~${path2.slice(homeDir.length)}`;
  return path2;
}
function describeOrigin(name, origin, dotenvPath2) {
  if (origin === void 0) return `${name} is not set`;
  switch (origin.source) {
    case "shell":
      return `${name} comes from the shell environment`;
    case "dotenv":
      return `${name} comes from ${dotenvPath2} (line ${origin.line})${origin.overridesShell ? ", overriding the shell" : ""}`;
    case "dotenv-ignored":
      return `${name} is set in ${dotenvPath2} (line ${origin.line}), where Codex ignores CODEX_* names; ${origin.shellSet ? "the shell value is used" : "so it is not set for Codex"}`;
  }
}
function joinPath(dir, name, platform) {
  const sep = platform === "win32" ? "\\" : "/";
  return dir.endsWith("/") || dir.endsWith("\\") ? `${dir}${name}` : `${dir}${sep}${name}`;
}
function ioMessage(error) {
  if (error instanceof Error) {
    const code = error.code;
    return code !== void 0 && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

// src/codex/trust.ts
var trust_exports = {};
__export(trust_exports, {
  platformTlsOf: () => platformTlsOf,
  trustPlan: () => trustPlan
});
var HTTPS_USES = "HTTPS (login, token exchange, API, MCP over HTTP)";
var WEBSOCKET_USES = "WebSocket (Responses streaming, Realtime)";
function trustPlan(env, platform, options = {}) {
  const cwd = options.cwd ?? "/";
  const codexVersion = options.codexVersion ?? null;
  const selection = selectCaBundle(env, cwd, platform);
  const bundleSupported = codexVersion === null || versionAtLeast(codexVersion, CODEX_RELEASES.customCa);
  const rustlsHttps = codexVersion === null || versionAtLeast(codexVersion, CODEX_RELEASES.rustlsHttps);
  const bundle = bundleSupported && selection.kind === "variable" && options.withoutBundle !== true ? { variable: selection.variable, raw: selection.raw, path: selection.path } : null;
  const plan = nativeRootLocations(env, platform, options.systemStore, cwd);
  const native = plan.kind === "env" ? { kind: "replaced", plan, loadsNothing: (plan.file === null || plan.file.raw === "") && plan.dirs.every((d) => d.raw === "") } : { kind: "platform", plan };
  const platformTls = platformTlsOf(platform);
  let https;
  if (bundle && rustlsHttps) {
    https = {
      verifier: "rustls",
      bundle,
      mozilla: true,
      native,
      sentence: `${HTTPS_USES} verifies with rustls and trusts ${bundleWords(bundle)} + the Mozilla roots built into Codex + ${nativeWords(native)}.`
    };
  } else if (bundle) {
    https = {
      verifier: platformTls,
      bundle,
      mozilla: false,
      native: null,
      sentence: `${HTTPS_USES} verifies with ${libraryName(platformTls)} and trusts ${platformStoreWords(platformTls, env, options.systemStore)} + ${bundleWords(bundle)}; Codex ${codexVersion} adds the bundle to the platform library (from ${CODEX_RELEASES.rustlsHttps} HTTPS uses rustls with the Mozilla roots).`
    };
  } else {
    https = {
      verifier: platformTls,
      bundle: null,
      mozilla: false,
      native: null,
      sentence: `${HTTPS_USES} verifies with ${libraryName(platformTls)} and trusts ${platformStoreWords(platformTls, env, options.systemStore)}.`
    };
  }
  const websocket = {
    verifier: "rustls",
    bundle,
    mozilla: false,
    native,
    sentence: `${WEBSOCKET_USES} verifies with rustls and trusts ${nativeWords(native)}${bundle ? ` + ${bundleWords(bundle)}` : ""}; no Mozilla roots.`
  };
  return { selection, bundleSupported, codexVersion, https, websocket };
}
function platformTlsOf(platform) {
  switch (platform) {
    case "darwin":
      return "security-framework";
    case "win32":
      return "schannel";
    default:
      return "openssl";
  }
}
function libraryName(tls) {
  switch (tls) {
    case "openssl":
      return "OpenSSL";
    case "security-framework":
      return "macOS Security.framework";
    case "schannel":
      return "Windows SChannel";
  }
}
function bundleWords(bundle) {
  const where = bundle.path === bundle.raw ? "" : `, opened as ${bundle.path}`;
  return `${bundle.raw} (from ${bundle.variable}${where})`;
}
function platformStoreWords(tls, env, systemStore) {
  switch (tls) {
    case "openssl": {
      const storeFile = systemStore?.files[0] ?? "/etc/ssl/certs/ca-certificates.crt";
      const set = ["SSL_CERT_FILE", "SSL_CERT_DIR"].filter((name) => env[name] !== void 0 && env[name] !== "");
      const first = set.length > 0 ? `${set.map((name) => `${name}=${env[name]}`).join(" and ")} when it exists, else ` : "";
      return `the system CA file (${first}${storeFile} or the distribution's equivalent)`;
    }
    case "security-framework":
      return "the macOS keychain trust settings";
    case "schannel":
      return "the Windows certificate store";
  }
}
function nativeWords(native) {
  if (native.kind === "replaced") {
    const { plan: plan2 } = native;
    if (native.loadsNothing) {
      return `no OS roots at all (${plan2.replacedBy.map((name) => `${name}=""`).join(" and ")} replaces the OS store with nothing)`;
    }
    const parts = [];
    if (plan2.file && plan2.file.raw !== "") parts.push(`SSL_CERT_FILE=${plan2.file.raw}`);
    for (const dir of plan2.dirs) if (dir.raw !== "") parts.push(`SSL_CERT_DIR=${dir.raw}`);
    return `only ${parts.join(" and ")} in place of the OS store`;
  }
  const { plan } = native;
  switch (plan.kind) {
    case "files":
      return plan.overridden ? plan.fileCandidates.length + plan.dirs.length === 0 ? "an empty system store" : `the system store (${[...plan.fileCandidates, ...plan.dirs].join(", ")})` : `the OS store (${plan.fileCandidates[0] ?? "the system CA file"} or the distribution's equivalent, plus ${plan.dirs.join(", ")})`;
    case "platform-store":
      return `the ${plan.description}`;
  }
}

// src/fix/actions.ts
function envTarget(name, provenance) {
  return !name.startsWith("CODEX_") && provenance[name]?.source === "dotenv" ? "codex-dotenv" : "shell-profile";
}
function setEnv(name, value, provenance) {
  return { kind: "set-env", name, value, target: envTarget(name, provenance) };
}
function copyEnv(name, from, provenance) {
  return { kind: "copy-env", name, from, target: envTarget(name, provenance) };
}
function unsetEnv(name, provenance) {
  const origin = provenance[name];
  if (origin?.source === "dotenv" && !name.startsWith("CODEX_")) {
    const dotenv = { kind: "unset-env", name, target: "codex-dotenv" };
    return origin.overridesShell ? { kind: "sequence", steps: [dotenv, { kind: "unset-env", name, target: "shell-profile" }] } : dotenv;
  }
  return { kind: "unset-env", name, target: "shell-profile" };
}
function pemPathCandidates(from, count = 5) {
  const first = convertedPath(trimEndMatches(from, "/\\"));
  const base = first.replace(/(\.converted)?\.pem$/i, "");
  const numbered = Array.from({ length: count }, (_, i) => `${base}.converted${i === 0 ? "" : `-${i + 1}`}.pem`);
  return [.../* @__PURE__ */ new Set([first, ...numbered])].filter((p) => p !== from);
}
function unsetAll(names, provenance) {
  const steps = names.flatMap((name) => {
    const action = unsetEnv(name, provenance);
    return action.kind === "sequence" ? action.steps : [action];
  });
  return steps.length === 1 ? steps[0] : { kind: "sequence", steps };
}

// src/words/codex-upgrade.ts
function upgradeCodexHints(why = "") {
  return [
    { text: `Upgrade Codex${why}.`, command: "npm install -g @openai/codex@latest", action: { kind: "manual", topic: "upgrade-codex" } },
    { text: "If you installed Codex with Homebrew, upgrade it there instead.", command: "brew upgrade codex", action: { kind: "manual", topic: "upgrade-codex" } }
  ];
}

// src/words/ca-bundle.ts
var NAMED_IN_DETAIL = 3;
function noRootsFromVariables(say, names, values, unset) {
  return {
    level: "warn",
    code: "CA_NO_SYSTEM_ROOTS",
    stage: "read",
    detail: `${names.map((n, i) => `${n}=${JSON.stringify(values[i] ?? "")}`).join(" and ")} replace${names.length > 1 ? "" : "s"} the OS store for Codex's WebSocket TLS and load no certificate from there, so streaming trusts nothing.`,
    hints: [say.fix(`Unset ${names.join(" and ")} so that Codex reads the OS trust store again; use CODEX_CA_CERTIFICATE for a corporate root.`, unset)]
  };
}
function noRootsOnDisk(say, where) {
  const install = { kind: "manual", topic: "install-system-roots" };
  return {
    level: "warn",
    code: "CA_NO_SYSTEM_ROOTS",
    stage: "read",
    detail: `No root certificates were found in ${where ? where.join(", ") : "the system store"}: Codex can verify no server.`,
    hints: [
      say.manual("Install the system CA certificates (Debian, Ubuntu).", install, "sudo apt-get install -y ca-certificates"),
      say.manual("Or on Fedora, RHEL and derivatives.", install, "sudo dnf install -y ca-certificates")
    ]
  };
}
function readFailure(say, load, fixes, cleaned, homeDir) {
  const { selection } = load;
  const { variable } = selection;
  const cause = load.cause ?? void 0;
  const base = { level: "fail", stage: "read", ...cause ? { cause } : {} };
  const unsetHint = say.fix(`Or unset ${variable} to use the system roots.`, fixes.unset);
  switch (load.problem) {
    case "not-found":
      return {
        ...base,
        code: "CA_FILE_NOT_FOUND",
        detail: `${variable} names ${JSON.stringify(selection.raw)}, which does not exist${selection.raw !== selection.path ? ` (resolved against the working directory: ${selection.path})` : ""}.`,
        hints: [
          ...cleaned !== null ? [say.setHint(variable, cleaned, `Set ${variable} without quotes, surrounding spaces or a leading ~: Codex uses the value literally.`)] : [],
          say.setHint(variable, `${homeDir}/corp-root.pem`, `Point ${variable} at the PEM file with your proxy's root certificate, as an absolute path.`),
          variable === "SSL_CERT_FILE" ? say.fix("Or, if another tool left SSL_CERT_FILE behind, unset it (it also replaces the OS store for Codex) and use CODEX_CA_CERTIFICATE for the corporate root.", fixes.unset) : say.fix("Or unset it to use the system roots.", fixes.unset)
        ]
      };
    case "directory":
      return {
        ...base,
        code: "CA_IS_DIRECTORY",
        detail: `${variable} names the directory ${selection.raw}; Codex reads one PEM file and fails with "Is a directory".`,
        hints: [
          say.fix(`Concatenate the certificates of every file in it into one new PEM file, ${say.show(fixes.newPem)}, and point ${variable} at it.`, fixes.convert ?? fixes.rewrite),
          unsetHint
        ]
      };
    case "not-regular-file":
      return {
        ...base,
        code: "CA_NOT_A_REGULAR_FILE",
        detail: `${variable} names ${selection.raw}, a named pipe or a device, not a regular file. The doctor does not read it (reading may block until something writes to it, and a pipe can be read only once), while Codex reads it at every start: a process substitution such as <(cat corp.pem) is gone or already drained by then.`,
        hints: [
          say.manual(
            `Save the PEM to a regular file, ${say.show(fixes.newPem)} (or copy the file that feeds the pipe there).`,
            { kind: "manual", topic: "repair-file", file: selection.path },
            say.commands.copyStream(selection.path, fixes.newPem)
          ),
          say.setHint(variable, fixes.newPem, `Point ${variable} at that file, in the shell profile where it is set now.`)
        ]
      };
    case "unreadable":
      return {
        ...base,
        code: "CA_UNREADABLE",
        detail: `${variable} names ${selection.raw}, which exists but cannot be read (${cause?.code ?? "I/O error"}).`,
        hints: cause?.code === "EACCES" || cause?.code === "EPERM" ? [
          say.manual(
            "Make the file readable by the user who runs Codex (a CA certificate is public).",
            { kind: "manual", topic: "file-permissions", file: selection.path },
            say.commands.makeReadable(selection.path, "644", true)
          ),
          ...say.windows ? [] : [{ text: "Check the owner and the permissions of every directory on the path.", command: `namei -l ${say.commands.quote(selection.path)}` }]
        ] : [say.manual("Check the file and the disk it is on, or copy the bundle somewhere readable and point the variable there.", { kind: "manual", topic: "repair-file", file: selection.path }, say.commands.listFile(selection.path))]
      };
    case "too-large":
      return {
        ...base,
        code: "CA_TOO_LARGE",
        detail: `${variable} names ${selection.raw}, a ${megabytes(load.size ?? 0)} file (over the ${megabytes(MAX_BUNDLE_BYTES)} a CA bundle never reaches); it starts as ${load.format ? describeFormat(load.format) : "unknown data"}.`,
        hints: [say.setHint(variable, `${homeDir}/corp-root.pem`, `Point ${variable} at the PEM file holding your proxy's root certificate.`), unsetHint]
      };
  }
}
function besideBundleHint(say, selected, beside, count) {
  return say.setHint(
    selected.variable,
    beside.path,
    `${beside.variable} names ${say.show(beside.path)}, which Codex loads (${plural(count, "certificate")}), but Codex reads only ${selected.variable} while it is set: point ${selected.variable} at that file.`
  );
}
function parseFailure(say, load, fixes) {
  const { selection, failure } = load;
  const base = { level: "fail", stage: "parse" };
  const repair = { kind: "manual", topic: "repair-file", file: selection.path };
  const reexport = { kind: "it-request", topic: "corporate-root" };
  switch (failure.kind) {
    case "no-certificates":
      return noCertificates(say, load, fixes);
    case "illegal-section-start":
      return {
        ...base,
        code: "CA_PEM_ILLEGAL_SECTION_START",
        detail: `Line ${failure.line} (${JSON.stringify(failure.text)}) starts a PEM block but does not end in exactly five dashes; Codex rejects the whole file.`,
        hints: [say.manual(`Fix line ${failure.line} to read -----BEGIN <LABEL>----- with five dashes on each side, or re-export the certificate.`, repair, say.commands.showLines(selection.path, failure.line))]
      };
    case "missing-section-end":
      return {
        ...base,
        code: "CA_PEM_MISSING_SECTION_END",
        detail: `The ${failure.label} block that begins at line ${failure.line} has no -----END ${failure.label}----- line; Codex rejects the whole file.`,
        hints: [say.manual("Re-export the certificate, or restore the missing END line of that block.", repair, say.commands.showLines(selection.path, failure.line, "$"))]
      };
    case "base64": {
      const isKey = failure.label.endsWith("PRIVATE KEY");
      if (failure.label === "X509 CRL") {
        return {
          ...base,
          code: "CA_PEM_BAD_CRL",
          detail: `The X509 CRL block at line ${failure.line} holds invalid base64 (${failure.error}); Codex ignores CRLs but a malformed one still fails the whole file.`,
          hints: [say.fix(`Copy only the certificates (Codex does not use CRLs) to ${say.show(fixes.newPem)} and point ${selection.variable} at it.`, fixes.rewrite)]
        };
      }
      return {
        ...base,
        code: "CA_PEM_BASE64",
        detail: `The ${isKey ? "private key" : failure.label} block at line ${failure.line} holds invalid base64 (${failure.error}); Codex rejects the whole file.`,
        hints: isKey ? [say.fix(`Remove the private key from the CA bundle: copy only the CERTIFICATE blocks to ${say.show(fixes.newPem)} and point ${selection.variable} at it.`, fixes.rewrite)] : [say.manual(`Re-export the certificate: the block at line ${failure.line} was damaged (copy-paste, line wrapping, stray characters).`, reexport, say.commands.showLines(selection.path, failure.line, "end-marker"))]
      };
    }
    case "trusted-der-length":
      return {
        ...base,
        code: "CA_TRUSTED_DER_LENGTH",
        detail: `TRUSTED CERTIFICATE #${failure.certificate} (line ${failure.line}) has an invalid DER length, so Codex cannot cut it to its certificate; Codex rejects the whole file.`,
        hints: [
          say.manual(
            `Re-export that certificate as a plain CERTIFICATE block (openssl drops the trust settings Codex ignores anyway) and point ${selection.variable} at the result.`,
            reexport,
            `openssl x509 -in ${say.commands.path(selection.path)} -out ${say.commands.path(fixes.newPem)}`
          )
        ]
      };
  }
}
var FORMAT_WORDS = {
  empty: { code: "CA_EMPTY_FILE", says: () => "is empty: Codex finds no certificates." },
  "der-certificate": { code: "CA_FORMAT_DER", says: (what) => `is ${what}; Codex reads PEM text only and finds no certificates.` },
  pkcs7: { code: "CA_FORMAT_PKCS7", says: (what) => `is ${what}; Codex cannot read PKCS#7 and finds no certificates.` },
  pkcs12: { code: "CA_FORMAT_PKCS12", says: (what) => `is ${what}; Codex cannot read PKCS#12 and finds no certificates.` },
  utf16: { code: "CA_FORMAT_UTF16", says: (what) => `is ${what}; Codex reads it as UTF-8 and finds no certificates.` },
  "utf8-bom": { code: "CA_FORMAT_UTF8_BOM", says: () => "starts with a UTF-8 byte-order mark, so Codex does not see the first BEGIN line and finds no certificates." },
  "base64-der": { code: "CA_FORMAT_BASE64_DER", says: (what) => `is ${what}; Codex finds no certificates.` },
  "der-crl": { code: "CA_FORMAT_OTHER", says: (what) => `is ${what}; Codex finds no certificates.` },
  "der-other": { code: "CA_FORMAT_OTHER", says: (what) => `is ${what}; Codex finds no certificates.` },
  binary: { code: "CA_FORMAT_OTHER", says: (what) => `is ${what}; Codex finds no certificates.` }
};
function noCertificates(say, load, fixes) {
  const { selection, counts, format } = load;
  const base = { level: "fail", stage: "parse" };
  const fallback = [
    say.manual(
      `Point ${selection.variable} at a PEM file with -----BEGIN CERTIFICATE----- blocks, or unset it to use the system roots.`,
      { kind: "manual", topic: "repair-file", file: selection.path },
      say.commands.showStart(selection.path)
    ),
    say.fix(`Or unset ${selection.variable} to use the system roots.`, fixes.unset)
  ];
  const convert = conversionHints(say, format, fixes);
  const words = FORMAT_WORDS[format.kind];
  if (words) return { ...base, code: words.code, detail: `${selection.raw} ${words.says(describeFormat(format))}`, hints: convert ?? fallback };
  if (counts.ignoredBeginMarkers > 0) {
    return {
      ...base,
      code: "CA_PEM_IGNORED_BLOCK",
      detail: `The BEGIN marker on line ${counts.firstIgnoredBeginLine} does not start its line (indentation or other text before it), so Codex skips that block and finds no certificates.`,
      hints: [ignoredBlockHint(say, fixes)]
    };
  }
  const held = describeCounts(counts);
  if (counts.privateKeys > 0 && counts.certificates === 0) {
    return { ...base, code: "CA_NO_CERTIFICATES", detail: `${selection.raw} holds ${held} but no CERTIFICATE block: it is a key file, not a CA bundle.`, hints: fallback };
  }
  return {
    ...base,
    code: "CA_NO_CERTIFICATES",
    detail: `${selection.raw} is ${describeFormat(format)}${held ? ` holding ${held}` : ""} but no CERTIFICATE block: Codex finds no certificates.`,
    hints: (counts.otherLabels.PKCS7 || counts.otherLabels.CMS ? conversionHints(say, { kind: "pkcs7", encoding: "pem" }, fixes) : null) ?? fallback
  };
}
function ignoredBlockHint(say, fixes) {
  return say.fix(`Copy the certificates, without whatever precedes the dashes on the BEGIN and END lines, to ${say.show(fixes.newPem)} and point ${fixes.selection.variable} at it.`, fixes.rewrite);
}
function conversionHints(say, format, fixes) {
  const { variable } = fixes.selection;
  const then = `to the new file ${say.show(fixes.newPem)} and point ${variable} at it`;
  if (format.kind === "pkcs12") {
    return [
      say.manual(
        `Extract the certificates (no keys) from the PKCS#12 file as PEM ${then}. With OpenSSL 3, add -legacy if it reports "unsupported" (older RC2/3DES-encrypted files).`,
        { kind: "manual", topic: "repair-file", file: fixes.selection.path },
        `openssl pkcs12 -in ${say.commands.path(fixes.selection.path)} -nokeys -out ${say.commands.path(fixes.newPem)}`
      ),
      say.setHint(variable, fixes.newPem, `Then point ${variable} at ${say.show(fixes.newPem)}.`)
    ];
  }
  if (fixes.convert === null) return null;
  switch (format.kind) {
    case "der-certificate":
      return [say.fix(`Convert the DER certificate to PEM ${then}.`, fixes.convert)];
    case "pkcs7":
      return [say.fix(`Extract the certificates from the PKCS#7 file as PEM ${then}.`, fixes.convert)];
    case "utf16":
      return [say.fix(`Re-encode the file as UTF-8 ${then}.`, fixes.convert)];
    case "utf8-bom":
      return [say.fix(`Remove the 3-byte UTF-8 byte-order mark, writing ${then}.`, fixes.convert)];
    case "base64-der":
      return [say.fix(`Decode the bare base64 and write it as PEM ${then}.`, fixes.convert)];
    default:
      return null;
  }
}
function registerFailure(say, load) {
  const { selection } = load;
  const number = load.httpsFailure ?? load.websocketFailure ?? 0;
  const cert = load.certificates[number - 1];
  const what = cert?.read.ok ? `certificate #${number} (${cert.read.facts.subject}, line ${cert.line}) parses with OpenSSL but webpki refuses it as a root: ${cert.verdict.websocket}` : `certificate #${number} (line ${cert?.line ?? "?"}) is not a readable X.509 certificate${cert && !cert.read.ok ? ` (OpenSSL: ${cert.read.reason})` : ""}`;
  return {
    level: "fail",
    code: cert?.read.ok === false ? "CA_CERT_UNREADABLE" : "CA_REGISTER_FAILED",
    stage: "register",
    detail: `In ${selection.raw}, ${what}; Codex rejects the whole bundle.`,
    hints: [
      say.manual(
        `Remove certificate #${number} (the block at line ${cert?.line ?? "?"}) from the bundle, or replace it with a fresh export from your IT team.`,
        { kind: "manual", topic: "repair-file", file: selection.path },
        say.windows ? say.commands.showLines(selection.path, cert?.line ?? 1, "end-marker") : `${say.commands.showLines(selection.path, cert?.line ?? 1, "end-marker")} | openssl x509 -noout -text`
      )
    ]
  };
}
function formatWarnings(say, format, counts, fixes) {
  if (counts.ignoredBeginMarkers === 0) return [];
  const { selection } = fixes;
  if (format.kind === "utf8-bom" && counts.firstIgnoredBeginLine === 1) {
    return [
      {
        level: "warn",
        code: "CA_FORMAT_UTF8_BOM",
        stage: "parse",
        detail: `${selection.raw} starts with a UTF-8 byte-order mark: Codex does not see the BEGIN line behind it and silently drops the first certificate.`,
        hints: conversionHints(say, format, fixes) ?? [ignoredBlockHint(say, fixes)]
      }
    ];
  }
  return [
    {
      level: "warn",
      code: "CA_PEM_IGNORED_BLOCK",
      stage: "parse",
      detail: `${plural(counts.ignoredBeginMarkers, "BEGIN marker")} in ${selection.raw} (first on line ${counts.firstIgnoredBeginLine}) ${counts.ignoredBeginMarkers > 1 ? "do" : "does"} not start the line; Codex silently skips ${counts.ignoredBeginMarkers > 1 ? "those blocks" : "that block"}.`,
      hints: [ignoredBlockHint(say, fixes)]
    }
  ];
}
var lintInspect = (say, path2, fields) => say.windows ? `certutil -dump ${say.commands.quote(path2)}` : `openssl storeutl -noout -text -certs ${say.commands.path(path2)} | grep -E '${fields}'`;
var LINT_WORDS = {
  expired: {
    code: "CA_CERT_EXPIRED",
    detail: (list, names) => `${plural(list.length, "certificate")} in the bundle ${list.length > 1 ? "have" : "has"} expired: ${names((e) => `, ended ${day(e.cert.notAfter)}`)}. rustls still accepts an expired root as an anchor, but OpenSSL-based tools do not, and what it issued has most likely expired too.`,
    hint: (say, path2) => say.manual("Replace the expired certificates with the current root of your proxy (ask IT, or export it from the OS store).", { kind: "it-request", topic: "corporate-root" }, lintInspect(say, path2, "Subject:|Not After"))
  },
  "not-yet-valid": {
    code: "CA_CERT_NOT_YET_VALID",
    detail: (list, names, now) => `${plural(list.length, "certificate")} in the bundle ${list.length > 1 ? "are" : "is"} not valid yet: ${names((e) => `, starts ${day(e.cert.notBefore)}`)}; the clock here reads ${now.toISOString()}.`,
    hint: (say) => say.manual("Check the system clock and time zone; fix the clock (NTP) if it is wrong.", { kind: "manual", topic: "system-clock" }, say.commands.showClock())
  },
  "not-ca": {
    code: "CA_CERT_NOT_CA",
    detail: (list, names) => `${plural(list.length, "certificate")} in the bundle ${list.length > 1 ? "are" : "is"} not a CA (no basicConstraints CA:TRUE): ${names()}. A server certificate in the bundle does not make Codex trust that server; it needs the root that issued it.`,
    hint: (say) => say.manual(
      "Put your proxy's root CA in the bundle instead: the last certificate the proxy presents.",
      { kind: "it-request", topic: "corporate-root" },
      say.windows ? "openssl s_client -showcerts -connect auth.openai.com:443 -servername auth.openai.com" : "openssl s_client -showcerts -connect auth.openai.com:443 -servername auth.openai.com </dev/null"
    )
  },
  "weak-signature": {
    code: "CA_WEAK_SIGNATURE",
    detail: (list, names) => `${plural(list.length, "certificate")} ${list.length > 1 ? "are" : "is"} signed with ${[...new Set(list.map((e) => e.cert.signature.name))].join(", ")}: ${names()}. rustls never checks a root's own signature, but a CA set up this way usually signs what it issues with the same hash, and rustls rejects those (BadSignature).`,
    hint: (say, path2) => say.manual(
      "Ask IT to reissue the inspection CA with SHA-256 (FortiGate, for example: a new SHA-256 SSL inspection CA) and install the new root.",
      { kind: "it-request", topic: "weak-ca" },
      lintInspect(say, path2, "Subject:|Signature Algorithm")
    )
  },
  "weak-rsa-key": {
    code: "CA_WEAK_RSA_KEY",
    detail: (list, names) => `${plural(list.length, "certificate")} ${list.length > 1 ? "have RSA keys" : "has an RSA key"} under 2048 bits: ${names((e) => `, ${e.cert.publicKey.bits} bits`)}. rustls verifies RSA signatures only with 2048- to 8192-bit keys, so nothing this CA signs will verify.`,
    hint: (say, path2) => say.manual("Ask IT to reissue the inspection CA with an RSA 2048+ or ECDSA P-256 key and install the new root.", { kind: "it-request", topic: "weak-ca" }, lintInspect(say, path2, "Subject:|Public-Key"))
  }
};
function lintFinding(say, kind, list, now, path2) {
  const words = LINT_WORDS[kind];
  const names = (extra = () => "") => list.slice(0, NAMED_IN_DETAIL).map((e) => `#${e.number} (${e.cert.subject}${extra(e)})`).join(", ") + (list.length > NAMED_IN_DETAIL ? ` and ${list.length - NAMED_IN_DETAIL} more` : "");
  return { level: "warn", code: words.code, stage: "register", detail: words.detail(list, names, now), hints: [words.hint(say, path2)] };
}
function duplicateFinding(say, groups, fixes) {
  const shown = groups.slice(0, NAMED_IN_DETAIL).map((numbers) => {
    const first = numbers.slice(0, NAMED_IN_DETAIL).map((n) => `#${n}`).join(" = ");
    return numbers.length > NAMED_IN_DETAIL ? `${first} = ... (${numbers.length} copies)` : first;
  });
  return {
    level: "warn",
    code: "CA_DUPLICATE",
    stage: "register",
    detail: `${plural(groups.length, "certificate")} ${groups.length > 1 ? "appear" : "appears"} more than once (${shown.join("; ")}${groups.length > NAMED_IN_DETAIL ? "; ..." : ""}). Harmless for Codex, but the file was assembled by hand or twice.`,
    hints: [say.fix(`Keep one copy of each certificate: write them to ${say.show(fixes.newPem)} and point ${fixes.selection.variable} at it.`, fixes.rewrite)]
  };
}
function skippedFindings(say, counts, lossyUtf8, fixes) {
  const { selection } = fixes;
  const findings = [];
  if (counts.privateKeys > 0 && counts.certificates > 0) {
    findings.push({
      level: "warn",
      code: "CA_PRIVATE_KEY_SKIPPED",
      stage: "parse",
      detail: `${selection.raw} contains ${plural(counts.privateKeys, "private key")} (not shown). Codex skips ${counts.privateKeys > 1 ? "them" : "it"}, but a private key does not belong in a CA bundle that many tools and users read.`,
      hints: [say.fix(`Keep only the CERTIFICATE blocks, in ${say.show(fixes.newPem)}, and point ${selection.variable} at it; treat the key as exposed if the file was shared.`, fixes.rewrite)]
    });
  }
  if (counts.trustedNormalised > 0) {
    findings.push({
      level: "info",
      code: "CA_TRUSTED_NORMALISED",
      stage: "parse",
      detail: `${plural(counts.trustedNormalised, "TRUSTED CERTIFICATE block")} read as plain certificates; their OpenSSL trust and reject settings are ignored by Codex.`
    });
  }
  if (counts.crls > 0) {
    findings.push({ level: "info", code: "CA_CRL_SKIPPED", stage: "parse", detail: `${plural(counts.crls, "CRL")} skipped (Codex logs one info line and does not check revocation).` });
  }
  const others = counts.csrs + counts.publicKeys + counts.echConfigs + Object.values(counts.otherLabels).reduce((a, b) => a + b, 0);
  if (others > 0) {
    const labels = [
      ...counts.csrs ? [`${counts.csrs} CERTIFICATE REQUEST`] : [],
      ...counts.publicKeys ? [`${counts.publicKeys} PUBLIC KEY`] : [],
      ...counts.echConfigs ? [`${counts.echConfigs} ECHCONFIG`] : [],
      ...Object.entries(counts.otherLabels).map(([label, n]) => `${n} ${label}`)
    ];
    findings.push({ level: "info", code: "CA_OTHER_SKIPPED", stage: "parse", detail: `Skipped without a word by Codex: ${labels.join(", ")}.` });
  }
  if (lossyUtf8) {
    findings.push({
      level: "info",
      code: "CA_NOT_UTF8",
      stage: "parse",
      detail: `${selection.raw} is not valid UTF-8; Codex replaces the invalid bytes (harmless outside PEM blocks, fatal inside one).`
    });
  }
  return findings;
}
function ignoredByCodex(version, selection, installed) {
  return {
    level: "warn",
    code: "CA_IGNORED_BY_CODEX",
    stage: "input",
    detail: `Codex ${version} predates custom CA support (${CODEX_RELEASES.customCa}): it never reads ${selection.variable}=${selection.raw} as a CA bundle (the file is described below as information). ${installed.https.sentence} ${installed.websocket.sentence}`,
    hints: upgradeCodexHints(` to ${CODEX_RELEASES.customCa} or later so that it loads ${selection.variable}`)
  };
}
function describeCounts(counts) {
  const parts = [];
  if (counts.privateKeys) parts.push(plural(counts.privateKeys, "private key"));
  if (counts.publicKeys) parts.push(plural(counts.publicKeys, "public key"));
  if (counts.csrs) parts.push(plural(counts.csrs, "certificate request"));
  if (counts.crls) parts.push(plural(counts.crls, "CRL"));
  for (const [label, n] of Object.entries(counts.otherLabels)) parts.push(`${n} ${label} block${n > 1 ? "s" : ""}`);
  return parts.join(", ");
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function day(date) {
  return date.toISOString().slice(0, 10);
}
function megabytes(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MiB`;
}

// src/words/speaker.ts
var speaker_exports = {};
__export(speaker_exports, {
  Speaker: () => Speaker
});

// src/words/commands.ts
var commands_exports = {};
__export(commands_exports, {
  CommandBuilder: () => CommandBuilder,
  configSnippet: () => configSnippet,
  familyOf: () => familyOf,
  tomlValue: () => tomlValue
});

// src/fix/shell.ts
var shell_exports = {};
__export(shell_exports, {
  commentLine: () => commentLine,
  copyLine: () => copyLine,
  posixQuote: () => posixQuote,
  powershellQuote: () => powershellQuote,
  setLine: () => setLine,
  unsetLine: () => unsetLine,
  userShell: () => userShell
});
function userShell(host) {
  const { env, platform, homeDir } = host;
  const shellName = (env.SHELL ?? "").split(/[\\/]/).pop()?.replace(/\.exe$/i, "") ?? "";
  const posix = (...parts) => [homeDir, ...parts].join(platform === "win32" ? "\\" : "/");
  if (platform === "win32" && shellName === "") {
    const userModules = (env.PSModulePath ?? "").split(";").find((dir) => /[\\/](Windows)?PowerShell[\\/]Modules[\\/]?$/i.test(dir) && dir.toLowerCase().startsWith(homeDir.toLowerCase()));
    if (userModules === void 0) return { kind: "cmd", profile: null };
    const documents = userModules.replace(/[\\/](Windows)?PowerShell[\\/]Modules[\\/]?$/i, "");
    const folder = /WindowsPowerShell/i.test(userModules) ? "WindowsPowerShell" : "PowerShell";
    return { kind: "powershell", profile: `${documents}\\${folder}\\Microsoft.PowerShell_profile.ps1` };
  }
  switch (shellName) {
    case "zsh":
      return { kind: "zsh", profile: env.ZDOTDIR ? `${env.ZDOTDIR}/.zshrc` : posix(".zshrc") };
    case "fish":
      return { kind: "fish", profile: `${env.XDG_CONFIG_HOME || posix(".config")}/fish/config.fish` };
    case "pwsh":
    case "powershell":
      return { kind: "powershell", profile: posix(".config", "powershell", "Microsoft.PowerShell_profile.ps1") };
    default:
      return { kind: "bash", profile: posix(platform === "darwin" ? ".bash_profile" : ".bashrc") };
  }
}
function setLine(shell, name, value) {
  switch (shell) {
    case "bash":
    case "zsh":
      return `export ${name}=${posixQuote(value)}`;
    case "fish":
      return `set -gx ${name} ${fishQuote(value)}`;
    case "powershell":
      return `$env:${name} = ${powershellQuote(value)}`;
    case "cmd":
      return `setx ${name} "${value}"`;
  }
}
function copyLine(shell, name, from) {
  switch (shell) {
    case "bash":
    case "zsh":
      return `export ${name}="$${from}"`;
    case "fish":
      return `set -gx ${name} $${from}`;
    case "powershell":
      return `$env:${name} = $env:${from}`;
    case "cmd":
      return `setx ${name} "%${from}%"`;
  }
}
function unsetLine(shell, name) {
  switch (shell) {
    case "bash":
    case "zsh":
      return `unset ${name}`;
    case "fish":
      return `set -e ${name}`;
    case "powershell":
      return `Remove-Item Env:${name} -ErrorAction SilentlyContinue`;
    case "cmd":
      return `reg delete HKCU\\Environment /v ${name} /f`;
  }
}
function commentLine(text) {
  return `# ${text}`;
}
var posixQuote = shellQuote;
function fishQuote(value) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}
function powershellQuote(value) {
  return `'${value.replaceAll("'", "''")}'`;
}

// src/words/commands.ts
function familyOf(kind) {
  return kind === "bash" || kind === "zsh" ? "posix" : kind;
}
var CommandBuilder = class _CommandBuilder {
  shell;
  user;
  homeDir;
  dotenvPath;
  constructor(options) {
    this.user = options.shell;
    this.shell = familyOf(options.shell.kind);
    this.homeDir = options.homeDir;
    this.dotenvPath = options.dotenvPath;
  }
  static forHost(host, dotenvPath2) {
    return new _CommandBuilder({ shell: userShell(host), homeDir: host.homeDir, dotenvPath: dotenvPath2 });
  }
  /** A value as one argument of this shell. */
  quote(value) {
    switch (this.shell) {
      case "posix":
        return shellQuote(value);
      case "fish":
        return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/[\\']/g, "\\$&")}'`;
      case "powershell":
        return /^[A-Za-z0-9_+=:,./\\-]+$/.test(value) && !/^[-@]/.test(value) ? value : `'${value.replaceAll("'", "''")}'`;
      case "cmd":
        return /^[A-Za-z0-9_+=:,./\\-]+$/.test(value) ? value : `"${value.replaceAll('"', '""')}"`;
    }
  }
  /**
   * A path as an argument: under the home directory in POSIX shells and fish as `~/rest` (the tilde stays
   * outside the quotes, so the shell still expands it), elsewhere absolute.
   */
  path(file) {
    if ((this.shell === "posix" || this.shell === "fish") && this.homeDir !== "/" && file.startsWith(`${this.homeDir}/`)) {
      return `~/${this.quote(file.slice(this.homeDir.length + 1))}`;
    }
    return this.quote(file);
  }
  /** Sets a variable for this shell session (the profile line is the same text, but for cmd's setx). */
  setEnv(name, value) {
    return this.shell === "cmd" ? `set "${name}=${value}"` : setLine(this.user.kind, name, value);
  }
  /** Gives `name` the current value of `from` without ever spelling the value out (it may hold a password). */
  copyEnv(name, from) {
    return this.shell === "cmd" ? `set "${name}=%${from}%"` : copyLine(this.user.kind, name, from);
  }
  unsetEnv(name) {
    return this.shell === "cmd" ? `set ${name}=` : unsetLine(this.user.kind, name);
  }
  /** Where this shell's settings belong, as the user would type it. */
  get profile() {
    return this.user.profile === null ? "the user environment (setx)" : displayHome(this.user.profile, this.homeDir);
  }
  /** Creates a directory and its parents. */
  makeDirectory(dir) {
    return this.shell === "powershell" ? `New-Item -ItemType Directory -Force ${this.quote(dir)}` : this.shell === "cmd" ? `mkdir ${this.quote(dir)}` : `mkdir -p ${this.path(dir)}`;
  }
  /** Makes a file readable (mode for POSIX, with sudo for a file the user does not own; Windows grants the current user read access). */
  makeReadable(file, mode, sudo = false) {
    switch (this.shell) {
      case "posix":
      case "fish":
        return `${sudo ? "sudo " : ""}chmod ${mode} ${this.path(file)}`;
      case "powershell":
        return `icacls ${this.quote(file)} /grant "$env:USERNAME:R"`;
      case "cmd":
        return `icacls ${this.quote(file)} /grant "%USERNAME%:R"`;
    }
  }
  /** Prints line `from`, through line `to`, through the end ('$'), or through the next -----END line. */
  showLines(file, from, to = from) {
    if (this.shell === "posix" || this.shell === "fish") {
      return `sed -n '${to === from ? `${from}p` : to === "end-marker" ? `${from},/-----END/p` : `${from},${to}p`}' ${this.path(file)}`;
    }
    const count = to === "$" ? "" : ` -First ${to === "end-marker" ? 40 : to - from + 1}`;
    return this.powershell(`Get-Content ${this.quote(file)} | Select-Object -Skip ${from - 1}${count}`);
  }
  /** Shows the first bytes of a file (what it really is). */
  showStart(file) {
    return this.shell === "posix" || this.shell === "fish" ? `head -c 200 ${this.path(file)}` : this.powershell(`Format-Hex ${this.quote(file)} | Select-Object -First 12`);
  }
  /** Shows a file's (or a directory's own) size, owner and permissions. */
  listFile(file, directory = false) {
    return this.shell === "posix" || this.shell === "fish" ? `ls -l${directory ? "d" : ""} ${this.path(file)}` : this.powershell(`Get-Item ${this.quote(file)} | Format-List`);
  }
  /** Prints the numbered lines of a TOML file that open a table (`[a.b]`, `[[a]]`). */
  findTableHeaders(file) {
    return this.shell === "posix" || this.shell === "fish" ? `grep -n '^[[:blank:]]*\\[' ${this.path(file)}` : this.powershell(`Select-String -Path ${this.quote(file)} -Pattern '^\\s*\\['`);
  }
  /** Prints the subject of the first certificate in a PEM file. */
  showCertificateSubject(file) {
    return this.shell === "posix" || this.shell === "fish" ? `openssl x509 -in ${this.path(file)} -noout -subject` : this.powershell(`(New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 ${this.quote(file)}).Subject`);
  }
  /** What joins two commands so that the second runs after the first (PowerShell 5 has no `&&`). */
  get and() {
    return this.shell === "powershell" ? "; " : " && ";
  }
  /** Writes the root named `cn` from the macOS System keychain or the Windows ROOT store to `out` as PEM; null elsewhere. */
  exportOsRoot(platform, cn, out) {
    if (platform === "darwin") return this.whenAbsent(out, `security find-certificate -a -p -c ${this.quote(cn)} /Library/Keychains/System.keychain > ${this.path(out)}`);
    if (platform !== "win32") return null;
    const der = out.replace(/\.pem$/i, ".cer");
    return `certutil -user -store Root ${this.quote(cn)} ${this.quote(der)}${this.and}certutil -encode ${this.quote(der)} ${this.quote(out)}`;
  }
  /** Shows whether the macOS System keychain or the Windows ROOT store holds the root named `cn`; null elsewhere. */
  findOsRoot(platform, cn) {
    if (platform === "darwin") return `security find-certificate -a -c ${this.quote(cn)} -p /Library/Keychains/System.keychain`;
    return platform === "win32" ? `certutil -user -store Root ${this.quote(cn)}` : null;
  }
  /** Looks a host name up with the system resolver. */
  resolveName(host) {
    return this.shell === "powershell" ? `Resolve-DnsName ${this.quote(host)}` : `nslookup ${this.quote(host)}`;
  }
  /** Shows the clock in UTC and whether it is synchronised. */
  showClock() {
    return this.shell === "posix" || this.shell === "fish" ? "date -u" : "w32tm /query /status";
  }
  /** Copies whatever a pipe or device yields into a new regular file. */
  copyStream(from, to) {
    const dir = to.replace(/[\\/][^\\/]*$/, "");
    if (this.shell === "posix" || this.shell === "fish") return `mkdir -p ${this.path(dir)} && test ! -e ${this.path(to)} && cat ${this.path(from)} > ${this.path(to)}`;
    return this.powershell(`Get-Content ${this.quote(from)} | Set-Content -Encoding ascii ${this.quote(to)}`);
  }
  /** A PowerShell command line, wrapped for cmd.exe. */
  powershell(command) {
    return this.shell === "cmd" ? `powershell -NoProfile -Command "${command.replaceAll('"', '\\"')}"` : command;
  }
  /** Prints the percent-encoded form of PASSWORD (a placeholder the user replaces). */
  percentEncode() {
    return this.shell === "powershell" || this.shell === "cmd" ? "[uri]::EscapeDataString('PASSWORD')" : `python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' 'PASSWORD'`;
  }
  /** Deletes the lines that set `name` from a NAME=value file ($CODEX_HOME/.env), keeping a .bak copy. */
  deleteDotenvLine(name, file = this.dotenvPath) {
    const f = this.path(file);
    if (this.shell === "powershell" || this.shell === "cmd") {
      const ps = `Copy-Item ${this.quote(file)} ${this.quote(`${file}.bak`)}; (Get-Content ${this.quote(file)}) | Where-Object { $_ -notmatch '^\\s*(export\\s+)?${name}\\s*=' } | Set-Content ${this.quote(file)}`;
      return this.shell === "cmd" ? `powershell -NoProfile -Command "${ps.replaceAll('"', '\\"')}"` : ps;
    }
    return `sed -i.bak -E '/^[[:space:]]*(export[[:space:]]+)?${name}[[:space:]]*=/d' ${f}`;
  }
  /** Appends NAME=value to a NAME=value file after deleting the old lines. */
  setDotenvLine(name, value, file = this.dotenvPath) {
    const line = /^[A-Za-z0-9_@%+=:,./-]*$/.test(value) ? `${name}=${value}` : `${name}='${value}'`;
    if (this.shell === "powershell" || this.shell === "cmd") {
      const ps = `${this.deleteDotenvLine(name, file).replace(/^powershell -NoProfile -Command "|"$/g, "")}; Add-Content ${this.quote(file)} '${line.replaceAll("'", "''")}'`;
      return this.shell === "cmd" ? `powershell -NoProfile -Command "${ps.replaceAll('"', '\\"')}"` : ps;
    }
    return `${this.deleteDotenvLine(name, file)} && printf '%s\\n' ${shellQuote(line)} >> ${this.path(file)}`;
  }
  /** The command for one step; null for a config edit, which is shown as a snippet instead. */
  step(step) {
    switch (step.kind) {
      case "set-env":
        return step.target === "codex-dotenv" ? this.setDotenvLine(step.name, step.value) : this.setEnv(step.name, step.value);
      case "copy-env":
        return this.copyEnv(step.name, step.from);
      case "unset-env":
        return step.target === "codex-dotenv" ? this.deleteDotenvLine(step.name) : this.unsetEnv(step.name);
      case "convert-certificate":
        return this.convert(step);
      case "write-bundle":
        return this.whenAbsent(step.to, this.concatenateCertificates(step.sources, step.to));
      case "edit-config":
        return null;
    }
  }
  /**
   * The whole action as one line for this shell; null when there is nothing to run (a config edit, an IT
   * request). In a sequence the config edits are shown as the snippet, and the command runs the other steps.
   */
  command(action) {
    switch (action.kind) {
      case "sequence": {
        const parts = action.steps.flatMap((s) => s.kind === "edit-config" ? [] : [this.step(s)]);
        if (parts.length === 0 || parts.some((p) => p === null)) return null;
        return parts.join(this.and);
      }
      case "it-request":
      case "manual":
        return null;
      default:
        return this.step(action);
    }
  }
  /** The config.toml change an action makes, as the TOML to write (tables first-class, other keys kept). */
  snippet(action) {
    const edits = action.kind === "sequence" ? action.steps.filter((s) => s.kind === "edit-config") : action.kind === "edit-config" ? [action] : [];
    if (edits.length === 0) return null;
    return edits.map((e) => configSnippet(displayHome(e.file, this.homeDir), e.changes)).join("\n");
  }
  convert(step) {
    const { from, to } = step;
    const windows = this.shell === "powershell" || this.shell === "cmd";
    switch (step.format) {
      case "der":
        return windows ? `certutil -encode ${this.quote(from)} ${this.quote(to)}` : this.whenAbsent(to, `openssl x509 -inform der -in ${this.path(from)} -out ${this.path(to)}`);
      case "base64-der":
        return windows ? `certutil -decode ${this.quote(from)} ${this.quote(`${to}.der`)} && certutil -encode ${this.quote(`${to}.der`)} ${this.quote(to)}` : this.whenAbsent(to, `base64 -d ${this.path(from)} | openssl x509 -inform der -out ${this.path(to)}`);
      case "pkcs7":
        return this.whenAbsent(to, `openssl pkcs7${step.encoding === "der" ? " -inform der" : ""} -print_certs -in ${this.path(from)} -out ${this.path(to)}`);
      case "utf16":
        return windows ? this.whenAbsent(to, `Get-Content ${this.quote(from)} | Set-Content -Encoding ascii ${this.quote(to)}`) : this.whenAbsent(to, `iconv -f UTF-16 -t UTF-8 ${this.path(from)} > ${this.path(to)}`);
      case "utf8-bom":
        return windows ? this.whenAbsent(to, `Get-Content ${this.quote(from)} | Set-Content -Encoding ascii ${this.quote(to)}`) : this.whenAbsent(to, `tail -c +4 ${this.path(from)} > ${this.path(to)}`);
      case "directory":
        return this.whenAbsent(to, this.concatenateCertificates([from], to, true));
    }
  }
  /** The CERTIFICATE blocks of the sources (every file of a directory), in order and once each, into `to`. */
  concatenateCertificates(sources, to, directory = false) {
    if (this.shell === "powershell" || this.shell === "cmd") {
      const inputs2 = directory ? `(Get-ChildItem -File ${this.quote(sources[0])}).FullName` : sources.map((s) => this.quote(s)).join(", ");
      return `Get-Content ${inputs2} | Set-Content -Encoding ascii ${this.quote(to)}`;
    }
    const inputs = directory ? `${this.path(trimEndMatches(sources[0], "/\\"))}/*` : sources.map((s) => this.path(s)).join(" ");
    return `awk '/-----BEGIN (TRUSTED )?CERTIFICATE-----/{sub(/^.*-----BEGIN/, "-----BEGIN"); c=""; p=1} p{sub(/^[ \\t]+/, ""); sub(/\\r$/, ""); c=c $0 "\\n"} /-----END (TRUSTED )?CERTIFICATE-----/{p=0; if(!seen[c]++) printf "%s", c}' ${inputs} > ${this.path(to)}`;
  }
  /** Runs `command` only when `file` does not exist yet: a fix never writes over a file. */
  whenAbsent(file, command) {
    switch (this.shell) {
      case "posix":
      case "fish":
        return `test ! -e ${this.path(file)} && ${command}`;
      case "powershell":
        return `if (-not (Test-Path ${this.quote(file)})) { ${command} }`;
      case "cmd":
        return `if not exist ${this.quote(file)} powershell -NoProfile -Command "${command.replaceAll('"', '\\"')}"`;
    }
  }
};
function displayHome(file, homeDir) {
  return homeDir !== "/" && file.startsWith(`${homeDir}/`) ? `~/${file.slice(homeDir.length + 1)}` : file;
}
function configSnippet(file, changes, note) {
  return `# ${file}${note ? `: ${note}` : ""}
${tomlLines(changes)}`;
}
function tomlLines(changes) {
  const byTable = /* @__PURE__ */ new Map();
  for (const change of changes) {
    const table = change.path.slice(0, -1).map(tomlKey).join(".");
    const key = tomlKey(change.path[change.path.length - 1]);
    const line = change.op === "set" ? `${key} = ${tomlValue(change.value)}` : `# delete the line: ${key} = ...`;
    byTable.set(table, [...byTable.get(table) ?? [], line]);
  }
  const topLevel = byTable.get("");
  const tables = [...byTable].filter(([table]) => table !== "").map(([table, lines]) => [`[${table}]`, ...lines].join("\n"));
  return [...topLevel ?? [], ...tables].join("\n");
}
function tomlKey(key) {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}
function tomlValue(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(", ")}]`;
  return `{ ${Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`).join(", ")} }`;
}

// src/words/speaker.ts
var Speaker = class {
  constructor(world, host, shell) {
    this.world = world;
    this.host = host;
    this.commands = shell ? new CommandBuilder({ shell, homeDir: host.homeDir, dotenvPath: world.dotenv.path }) : CommandBuilder.forHost(host, world.dotenv.path);
    this.dotenv = displayPath(world.dotenv.path, host.homeDir);
  }
  world;
  host;
  commands;
  /** The .env path for sentences (`~/.codex/.env`). */
  dotenv;
  /** The home directory (absolute), for paths written with `~`. */
  get home() {
    return this.host.homeDir;
  }
  get windows() {
    return this.commands.shell === "powershell" || this.commands.shell === "cmd";
  }
  /** A file path as the user would type it (~ for the home directory). */
  show(file) {
    return displayPath(file, this.host.homeDir);
  }
  origin(name) {
    const origin = this.world.provenance[name];
    if (origin?.source === "dotenv") return `from ${this.dotenv} line ${origin.line}`;
    if (name === "--proxy") return "from --proxy";
    return "from the shell";
  }
  /** A hint that applies `action`: the command or snippet is rendered from it, never written by hand. */
  fix(text, action) {
    const command = this.commands.command(action);
    const snippet = this.commands.snippet(action);
    return { text, ...command !== null && { command }, ...snippet !== null && { snippet }, action };
  }
  /** A hint whose only fix is by hand or by IT, with a read-only command that shows what to look at. */
  manual(text, action, look) {
    return { text, ...look !== void 0 && { command: look }, action };
  }
  /** How to get rid of a variable: delete its .env line, or unset it in the shell (the action says which). */
  removeHint(name, words = {}) {
    const origin = this.world.provenance[name];
    const opening = (core) => words.before && !/[.!?:]$/.test(words.before) ? core[0].toLowerCase() + core.slice(1) : core;
    const sentence = (core) => `${words.before ? `${words.before} ` : ""}${opening(core)}${words.after ? ` ${words.after}` : ""}.`;
    const text = origin?.source === "dotenv" && !name.startsWith("CODEX_") ? sentence(`Delete the ${name} line (line ${origin.line}) from ${this.dotenv}${origin.overridesShell ? ` and unset ${name} in the shell as well` : ""}`) : sentence(`Unset ${name} in the shell profile, CI or IDE settings that set it`);
    return this.fix(text, unsetEnv(name, this.world.provenance));
  }
  /** How to give a variable a new value, where it is set now. */
  setHint(name, value, text) {
    if (name === "--proxy") return { text, command: `codex-doctor --proxy ${this.commands.quote(value)}`, action: { kind: "manual", topic: "find-proxy-address" } };
    const origin = this.world.provenance[name];
    const where = origin?.source === "dotenv" && !name.startsWith("CODEX_") ? ` It is set in ${this.dotenv} (line ${origin.line}).` : "";
    return this.fix(`${text}${where}`, setEnv(name, value, this.world.provenance));
  }
  /**
   * Moves a value from one variable to another: sets `to` (where `to` belongs), then removes `from` wherever
   * Codex would see it, as one fix.
   */
  moveHint(from, to, value, text) {
    const origin = this.world.provenance[from];
    const where = origin?.source === "dotenv" && !from.startsWith("CODEX_") ? ` ${from} is set in ${this.dotenv} (line ${origin.line}).` : "";
    const removal = unsetEnv(from, this.world.provenance);
    const steps = removal.kind === "sequence" ? removal.steps : removal.kind === "unset-env" ? [removal] : [];
    return this.fix(`${text}${where}`, { kind: "sequence", steps: [setEnv(to, value, this.world.provenance), ...steps] });
  }
  /**
   * Where the user writes `name` by hand: $CODEX_HOME/.env when it is set there (it overrides the shell), else the
   * shell profile. `action`: the manual action's fields (the target only when it is not the shell profile).
   */
  handWritten(name) {
    const dotenv = envTarget(name, this.world.provenance) === "codex-dotenv";
    return { name, where: dotenv ? ` in ${this.dotenv}` : "", action: { variable: name, ...dotenv && { target: "codex-dotenv" } } };
  }
  /** The action that sets `name` where it is set now (a CODEX_* name always in the shell profile). */
  setting(name, value) {
    return setEnv(name, value, this.world.provenance);
  }
  /** The action that removes `name` everywhere Codex would see it. */
  unsetting(name) {
    return unsetEnv(name, this.world.provenance);
  }
  /** Gives `name` the value `from` has now, where `name` is set (the value is never written out). */
  copyHint(name, from, text) {
    return this.fix(text, copyEnv(name, from, this.world.provenance));
  }
};

// src/checks/public-roots.ts
var public_roots_exports = {};
__export(public_roots_exports, {
  PUBLIC_ROOTS_TABLE: () => PUBLIC_ROOTS_TABLE,
  publicRootDers: () => publicRootDers,
  publicRootFingerprints: () => publicRootFingerprints,
  publicRootInputs: () => publicRootInputs,
  publicRootPems: () => publicRootPems,
  publicRootsLabel: () => publicRootsLabel
});

// src/core/build-table.ts
var import_node_fs = require("node:fs");
function buildTableRows(name) {
  let table;
  try {
    table = JSON.parse((0, import_node_fs.readFileSync)(new URL(name, __coreUrl), "utf8"));
  } catch {
    return null;
  }
  return table.node === process.version && Array.isArray(table.rows) ? table.rows : null;
}

// src/checks/public-roots.ts
function publicRootPems(host) {
  return host.publicRoots ?? nodeTls().rootCertificates;
}
function publicRootsLabel(host) {
  return host.publicRoots ? "public roots (lab stand-in for webpki-roots)" : "Mozilla roots (webpki-roots)";
}
var dersOf = /* @__PURE__ */ new WeakMap();
function publicRootDers(host) {
  const pems = publicRootPems(host);
  let ders = dersOf.get(pems);
  if (!ders) {
    ders = pems.map((pem) => Buffer.from(pem.replace(/-----[^-]*-----|\s+/g, ""), "base64"));
    dersOf.set(pems, ders);
  }
  return ders;
}
var fingerprintsOf = /* @__PURE__ */ new WeakMap();
function publicRootFingerprints(host) {
  const ders = publicRootDers(host);
  let set = fingerprintsOf.get(ders);
  if (!set) {
    set = new Set(publicRootInputs(host).map((input) => input.fingerprint256 ?? fingerprint256(input.der)));
    fingerprintsOf.set(ders, set);
  }
  return set;
}
var inputsOf = /* @__PURE__ */ new WeakMap();
function publicRootInputs(host) {
  const ders = publicRootDers(host);
  let inputs = inputsOf.get(ders);
  if (!inputs) {
    const known = host.publicRoots ? null : buildTable(ders);
    inputs = ders.map((der, i) => {
      const row = known?.[i];
      return row ? { der, fingerprint256: row[1], ...row[2] !== null && { subject: row[2] } } : { der };
    });
    inputsOf.set(ders, inputs);
  }
  return inputs;
}
var PUBLIC_ROOTS_TABLE = "public-roots.json";
function buildTable(ders) {
  const rows = buildTableRows(PUBLIC_ROOTS_TABLE);
  if (rows?.length !== ders.length) return null;
  const fits = rows.every((row, i) => Array.isArray(row) && row[0] === ders[i].length && typeof row[1] === "string" && (typeof row[2] === "string" || row[2] === null));
  return fits ? rows : null;
}

// src/checks/ca-bundle.ts
var EVIDENCE_ROWS = 50;
var RUST_LOG_TIP = "Codex logs its own view with RUST_LOG=codex_http_client::custom_ca=info (codex_client::custom_ca before 2026-07).";
var caBundleCheck = {
  id: "ca.bundle",
  title: "CA bundle",
  needs: [],
  async run(ctx) {
    ctx.stage("input");
    const world = await ctx.world();
    const { host } = ctx;
    const selection = selectCaBundle(world.env, host.cwd, host.platform);
    ctx.stage("read");
    if (selection.kind === "system") return systemRoots(ctx, world, selection);
    const load = await loadCaBundle(host, selection);
    return await bundleResult(ctx, world, load);
  }
};
async function systemRoots(ctx, world, selection) {
  const { host } = ctx;
  const plan = nativeRootLocations(world.env, host.platform, host.systemStore, host.cwd);
  const roots = await loadNativeRoots(host, plan);
  const findings = [];
  const where = rootsWhere(roots);
  const lines = roots.sources.map(
    (s) => s.kind === "file" ? `file ${s.path}: ${s.certificates} certificates${s.error ? ` (error: ${s.error})` : ""}` : `dir ${s.path}: ${s.certificates} certificates in ${s.files ?? 0} hash-named files${s.error ? ` (error: ${s.error})` : ""}`
  );
  let summary;
  if (plan.kind === "platform-store") {
    summary = `No CA variable set: Codex uses the system roots (${plan.description}).`;
    findings.push({
      level: "info",
      code: "CA_SYSTEM_ROOTS",
      stage: "read",
      detail: `No CA variable is set: HTTPS uses the operating system's verifier and WebSocket loads the ${plan.description}, which the doctor does not count.`
    });
  } else if (roots.total === 0) {
    summary = "No CA variable set, and no system root certificates found.";
    findings.push(noRootsFinding(plan, world, new Speaker(world, host)));
  } else {
    summary = `No CA variable set: Codex uses the system roots (${plural(roots.total ?? 0, "certificate")} from ${where}).`;
    findings.push({
      level: "info",
      code: "CA_SYSTEM_ROOTS",
      stage: "read",
      detail: `No CA variable is set (CODEX_CA_CERTIFICATE and SSL_CERT_FILE are unset or empty): Codex uses the system roots; WebSocket TLS loads ${roots.total} native root certificates from ${where}.`
    });
  }
  if (plan.kind === "env" && roots.total !== 0) {
    findings.push({
      level: "info",
      code: "CA_SYSTEM_ROOTS",
      stage: "read",
      detail: `${plan.replacedBy.join(" and ")} ${plan.replacedBy.length > 1 ? "are" : "is"} set, so only ${plan.replacedBy.length > 1 ? "those locations replace" : "that location replaces"} the OS store for WebSocket TLS.`
    });
  }
  const evidence = [
    {
      title: "Native roots (rustls-native-certs)",
      lines: [
        plan.kind === "env" ? `${plan.replacedBy.join(" and ")} set: only these locations are read, the OS store is ignored.` : plan.kind === "files" ? `${plan.overridden ? "Lab system store" : "Linux default locations"}: the first existing file of ${plan.fileCandidates.length}, plus ${plan.dirs.join(", ") || "no directories"}.` : plan.description,
        ...lines.length > 0 ? lines : plan.kind === "platform-store" ? [] : ["nothing found"],
        RUST_LOG_TIP
      ]
    }
  ];
  return {
    summary,
    findings,
    evidence,
    data: {
      selection: selectionData(selection),
      stage: null,
      nativeRoots: { kind: plan.kind, sources: roots.sources, total: roots.total }
    },
    facts: { selection, status: null, certificates: [], nativeRoots: roots, breaks: { https: false, websocket: false } }
  };
}
function rootsWhere(roots) {
  const used = roots.sources.filter((s) => s.certificates > 0).map((s) => s.path);
  return used.length > 0 ? used.join(" and ") : "nowhere";
}
function noRootsFinding(plan, world, say) {
  if (plan.kind !== "env") return noRootsOnDisk(say, plan.kind === "files" ? [...plan.fileCandidates, ...plan.dirs] : null);
  const names = plan.replacedBy;
  return noRootsFromVariables(say, names, names.map((n) => world.env[n] ?? ""), unsetAll(names, world.provenance));
}
async function bundleResult(ctx, world, load) {
  const { host } = ctx;
  const selection = load.selection;
  let publicRoots;
  const isPublicRoot = (fingerprint2562) => (publicRoots ??= publicRootFingerprints(host)).has(fingerprint2562);
  const osStoreRoots = "certificates" in load ? await osStoreRootsToSpare(host, load.certificates, isPublicRoot) : /* @__PURE__ */ new Set();
  const knownRoot = (fingerprint2562) => isPublicRoot(fingerprint2562) ? "PUBLIC ROOT" : osStoreRoots.has(fingerprint2562) ? "OS STORE ROOT" : null;
  const planFor = (codexVersion) => trustPlan(world.env, host.platform, { cwd: host.cwd, codexVersion, ...host.systemStore && { systemStore: host.systemStore } });
  const installed = planFor(world.codexVersion);
  const ignoredBy = installed.bundleSupported ? null : world.codexVersion;
  const trust = ignoredBy === null ? installed : planFor(null);
  const findings = [];
  const evidence = [];
  const named = `${selection.variable}=${selection.raw}`;
  const origin = describeOrigin(selection.variable, world.provenance[selection.variable], displayPath(world.dotenv.path, host.homeDir));
  const selectionLines = [
    ...ignoredBy === null ? [] : [`Codex ${ignoredBy} does not read ${selection.variable} (CA variables arrived in ${CODEX_RELEASES.customCa}); below is what a current Codex makes of the file.`],
    `${selection.variable} wins (${origin}).`,
    selection.raw === selection.path ? `path: ${selection.raw}` : `path: ${selection.raw} (relative: Codex resolves it against its working directory, here ${selection.path})`
  ];
  if (selection.variable === "CODEX_CA_CERTIFICATE" && world.env.SSL_CERT_FILE) selectionLines.push(`SSL_CERT_FILE=${world.env.SSL_CERT_FILE} is not read while CODEX_CA_CERTIFICATE is set.`);
  evidence.push({ title: "Selection", lines: selectionLines });
  const say = new Speaker(world, host);
  const fixes = await bundleFixes(host, world, load);
  let summary;
  let certificates = [];
  switch (load.status) {
    case "read-failed": {
      findings.push(readFailure(say, load, fixes, cleanedValue(selection.raw, host.homeDir), host.homeDir));
      summary = load.problem === "not-regular-file" ? `${named} is ${problemWords(load.problem)}: the doctor does not read it.` : `Codex cannot read ${named}: ${problemWords(load.problem)}.`;
      evidence.push(codexSays(load.codexMessage === null ? [] : [load.codexMessage], load.codexMessage === null));
      break;
    }
    case "parse-failed": {
      findings.push(parseFailure(say, load, fixes));
      summary = `Codex cannot load ${named}: ${load.failure.kind === "no-certificates" ? "no certificates found" : "malformed PEM"}.`;
      evidence.push(codexSays([load.codexMessage], false));
      evidence.push(neverSays(load.counts, load.format, load.lossyUtf8, load.size));
      findings.push(...skippedFindings(say, load.counts, load.lossyUtf8, fixes));
      break;
    }
    case "register-failed":
    case "loaded": {
      certificates = load.certificates.flatMap((c) => c.read.ok ? [c.read.facts] : []);
      if (load.status === "register-failed") findings.push(registerFailure(say, load));
      else {
        findings.push({
          level: "info",
          code: "CA_BUNDLE_OK",
          stage: "register",
          detail: `${named} loads as Codex loads it: ${plural(load.certificates.length, "certificate")}. ${trust.https.sentence} ${trust.websocket.sentence}`
        });
      }
      findings.push(...formatWarnings(say, load.format, load.counts, fixes));
      findings.push(...lintFindings(say, load.certificates, host.now(), fixes, knownRoot));
      findings.push(...skippedFindings(say, load.counts, load.lossyUtf8, fixes));
      const messages = [load.httpsMessage, load.websocketMessage].filter((m) => m !== null);
      evidence.push(
        messages.length > 0 ? codexSays(messages.map((m, i) => messages.length > 1 ? `${i === 0 ? "login/HTTPS" : "WebSocket"}: ${m}` : m), false) : { title: "What Codex says", lines: [`Codex logs (info): loaded certificates from custom CA bundle, certificate_count=${load.certificates.length}.`, RUST_LOG_TIP] }
      );
      evidence.push(neverSays(load.counts, load.format, load.lossyUtf8, load.size));
      evidence.push(certificateTable(load.certificates, host.now(), knownRoot));
      summary = load.status === "loaded" ? `${selection.variable} loads: ${plural(load.certificates.length, "certificate")} from ${selection.raw}.` : `Codex rejects ${named}: certificate #${load.httpsFailure ?? load.websocketFailure} cannot be registered.`;
      break;
    }
  }
  if (ignoredBy === null) {
    const beside = await loadableBeside(host, world, load, isPublicRoot);
    if (beside) addToFailure(findings, besideBundleHint(say, selection, beside.selection, beside.count));
  }
  const stage = load.status === "read-failed" ? "read" : load.status === "parse-failed" ? "parse" : load.status === "register-failed" ? "register" : null;
  const data = bundleData(load, stage, host.now(), knownRoot);
  if (ignoredBy !== null) {
    summary = `Codex ${ignoredBy} ignores ${named}: CA variables arrived in ${CODEX_RELEASES.customCa}.`;
    findings.splice(0, findings.length, ignoredByCodex(ignoredBy, selection, installed), ...findings.map(asUpgradeNote));
    data.ignoredByCodexVersion = ignoredBy;
  }
  return {
    summary,
    findings: ordered(findings),
    evidence,
    data,
    facts: { selection, status: load.status, certificates, nativeRoots: null, breaks: bundleBreaks(load), ...withFix(findings) }
  };
}
async function loadableBeside(host, world, load, isPublicRoot) {
  if (load.selection.variable !== "CODEX_CA_CERTIFICATE" || load.status !== "read-failed" && load.status !== "parse-failed") return null;
  const other = selectCaBundle({ SSL_CERT_FILE: world.env.SSL_CERT_FILE ?? "" }, host.cwd, host.platform);
  if (other.kind !== "variable") return null;
  const loaded3 = await loadCaBundle(host, other);
  if (loaded3.status !== "loaded") return null;
  const ownRoot = loaded3.certificates.some((c) => c.read.ok && !isPublicRoot(c.read.facts.fingerprint256));
  return ownRoot ? { selection: other, count: loaded3.certificates.length } : null;
}
function addToFailure(findings, hint) {
  const index = findings.findIndex((f) => f.level === "fail");
  const failure = findings[index];
  if (!failure || failure.level !== "fail") return;
  const [own, ...rest] = failure.hints;
  const ownFix = own?.action !== void 0 && own.action.kind !== "manual" && own.action.kind !== "it-request";
  findings[index] = { ...failure, hints: own && ownFix ? [own, hint, ...rest] : [hint, ...failure.hints] };
}
function bundleBreaks(load) {
  switch (load.status) {
    case "read-failed":
    case "parse-failed":
      return { https: true, websocket: true };
    case "register-failed":
    case "loaded":
      return { https: load.httpsMessage !== null, websocket: load.websocketMessage !== null };
  }
}
async function bundleFixes(host, world, load) {
  const { selection } = load;
  const { variable, path: path2 } = selection;
  const separator = host.platform === "win32" ? "\\" : "/";
  const inside = (dir) => path2.startsWith(`${trimEndMatches(dir, "/\\")}${separator}`);
  const name = trimEndMatches(path2, "/\\").split(/[\\/]/).pop() ?? "ca-bundle";
  const pipe = load.status === "read-failed" && load.problem === "not-regular-file";
  const base = pipe ? `${world.codexHome}${separator}ca-bundle.pem` : inside(host.homeDir) || inside(host.cwd) ? path2 : `${world.codexHome}${separator}${name}`;
  const candidates = pipe ? [base, ...pemPathCandidates(base)] : pemPathCandidates(base);
  let newPem = candidates[candidates.length - 1];
  for (const candidate of candidates) {
    if (await host.fs.stat(candidate).catch(() => ({ kind: "other" })) === null) {
      newPem = candidate;
      break;
    }
  }
  const point = setEnv(variable, newPem, world.provenance);
  const source = conversionSource(load);
  return {
    selection,
    unset: unsetEnv(variable, world.provenance),
    rewrite: { kind: "sequence", steps: [{ kind: "write-bundle", to: newPem, sources: [path2] }, point] },
    convert: source === null ? null : { kind: "sequence", steps: [{ kind: "convert-certificate", from: path2, to: newPem, ...source }, point] },
    newPem
  };
}
function conversionSource(load) {
  if (load.status === "read-failed") return load.problem === "directory" ? { format: "directory" } : null;
  const format = load.format;
  switch (format.kind) {
    case "der-certificate":
      return { format: "der" };
    case "pkcs7":
      return { format: "pkcs7", encoding: format.encoding };
    case "utf16":
      return { format: "utf16" };
    case "utf8-bom":
      return { format: "utf8-bom" };
    case "base64-der":
      return { format: "base64-der" };
    default:
      return load.status === "parse-failed" && (load.counts.otherLabels.PKCS7 || load.counts.otherLabels.CMS) ? { format: "pkcs7", encoding: "pem" } : null;
  }
}
function cleanedValue(raw, homeDir) {
  let value = raw.trim();
  if (/^(['"]).*\1$/.test(value) && value.length >= 2) value = value.slice(1, -1).trim();
  if (value === "~" || value.startsWith("~/")) value = `${homeDir}${value.slice(1)}`;
  return value === raw ? null : value;
}
function asUpgradeNote(finding) {
  return { ...finding, level: "info", detail: `After a Codex upgrade: ${finding.detail}` };
}
function problemWords(problem) {
  switch (problem) {
    case "not-found":
      return "the file does not exist";
    case "directory":
      return "it is a directory";
    case "not-regular-file":
      return "a named pipe or a device, not a regular file";
    case "unreadable":
      return "the file is unreadable";
    case "too-large":
      return "the file is far too large to be a CA bundle";
  }
}
function codexSays(messages, unknown) {
  return {
    title: "What Codex says",
    lines: [
      ...messages,
      ...unknown ? ["(Codex would read the whole file; what it then reports depends on the content.)"] : [],
      'Login fails hard ("Token exchange failed: ..."); the API client logs a warning and falls back to the system roots; WebSocket fails with "failed to configure websocket TLS: ...".',
      RUST_LOG_TIP
    ]
  };
}
async function osStoreRootsToSpare(host, loaded3, isPublicRoot) {
  const now = host.now();
  const linted = loaded3.flatMap((c) => c.read.ok && lintsOf(c.read.facts, now).length > 0 && !isPublicRoot(c.read.facts.fingerprint256) ? [c.read.facts.fingerprint256] : []);
  if (linted.length === 0) return /* @__PURE__ */ new Set();
  const store = await loadNativeRoots(host, nativeRootLocations({}, host.platform, host.systemStore, host.cwd));
  const inStore = new Set(store.certificates.map((der) => fingerprint256(der)));
  return new Set(linted.filter((fingerprint) => inStore.has(fingerprint)));
}
function lintsOf(facts2, now) {
  return lintCertificate(facts2, now, { expectCa: !(facts2.version === 1 && facts2.selfIssued) });
}
function lintFindings(say, loaded3, now, fixes, knownRoot) {
  const byKind = /* @__PURE__ */ new Map();
  for (const c of loaded3) {
    if (!c.read.ok) continue;
    const facts2 = c.read.facts;
    const lints = lintsOf(facts2, now);
    if (lints.length === 0 || knownRoot(facts2.fingerprint256) !== null) continue;
    for (const lint of lints) byKind.set(lint.kind, [...byKind.get(lint.kind) ?? [], { cert: facts2, number: c.number, lint }]);
  }
  const findings = Object.keys(LINT_WORDS).flatMap((kind) => {
    const list = byKind.get(kind);
    return list ? [lintFinding(say, kind, list, now, fixes.selection.path)] : [];
  });
  const readable = loaded3.flatMap((c) => c.read.ok ? [{ number: c.number, fingerprint256: c.read.facts.fingerprint256 }] : []);
  const duplicates = findDuplicates(readable);
  if (duplicates.length > 0) findings.push(duplicateFinding(say, duplicates.map((d) => d.positions.map((p) => readable[p].number)), fixes));
  return findings;
}
function neverSays(counts, format, lossyUtf8, size) {
  const other = Object.entries(counts.otherLabels).map(([label, n]) => `${label} x${n}`);
  return {
    title: "What Codex never says",
    lines: [
      `file: ${size} bytes, ${describeFormat(format)}${lossyUtf8 ? ", not valid UTF-8" : ""}`,
      `certificates: ${counts.certificates}; TRUSTED CERTIFICATE normalised: ${counts.trustedNormalised}; CRLs skipped: ${counts.crls}`,
      `private keys skipped: ${counts.privateKeys} (never shown); public keys: ${counts.publicKeys}; CSRs: ${counts.csrs}; other blocks: ${other.length > 0 ? other.join(", ") : 0}`,
      ...counts.ignoredBeginMarkers > 0 ? [`BEGIN markers not at a line start (skipped): ${counts.ignoredBeginMarkers}, first on line ${counts.firstIgnoredBeginLine}`] : []
    ]
  };
}
function certificateTable(loaded3, now, knownRoot) {
  const lines = loaded3.slice(0, EVIDENCE_ROWS).map((c) => {
    if (!c.read.ok) return `#${c.number} line ${c.line}: unreadable (${c.read.reason})`;
    const f = c.read.facts;
    const flags = certificateFlags(f, now, knownRoot);
    return `#${c.number} ${f.subject} | issuer: ${f.selfIssued ? "self" : f.issuer} | ${f.isCa ? "CA" : "not CA"} | ${describeKey(f.publicKey)} | ${f.signature.name} | ${day(f.notBefore)} to ${day(f.notAfter)} | SHA-256 ${f.fingerprint256}${flags.length ? ` | ${flags.join(", ")}` : ""}`;
  });
  if (loaded3.length > EVIDENCE_ROWS) lines.push(`... and ${loaded3.length - EVIDENCE_ROWS} more (all of them are in the --json report).`);
  return { title: "Certificates", lines };
}
function certificateFlags(facts2, now, knownRoot) {
  const flags = lintsOf(facts2, now).map((l) => {
    switch (l.kind) {
      case "expired":
        return "EXPIRED";
      case "not-yet-valid":
        return "NOT YET VALID";
      case "weak-signature":
        return `${l.hash.toUpperCase()} SIGNATURE`;
      case "weak-rsa-key":
        return `RSA ${l.bits} TOO SMALL`;
      case "not-ca":
        return "LEAF";
    }
  });
  const known = flags.length > 0 ? knownRoot(facts2.fingerprint256) : null;
  if (known !== null) flags.push(known);
  return flags;
}
function bundleData(load, stage, now, knownRoot) {
  const data = { selection: selectionData(load.selection), stage, status: load.status };
  switch (load.status) {
    case "read-failed":
      data.problem = load.problem;
      data.codex = { https: load.codexMessage, websocket: load.codexMessage };
      data.size = load.size;
      break;
    case "parse-failed":
      data.codex = { https: load.codexMessage, websocket: load.codexMessage };
      data.size = load.size;
      data.format = load.format.kind;
      data.failure = load.failure;
      data.counts = load.counts;
      break;
    case "register-failed":
    case "loaded":
      data.codex = { https: load.httpsMessage, websocket: load.websocketMessage };
      data.size = load.size;
      data.format = load.format.kind;
      data.counts = load.counts;
      data.certificates = load.certificates.map(
        (c) => c.read.ok ? {
          number: c.number,
          line: c.line,
          subject: c.read.facts.subject,
          issuer: c.read.facts.issuer,
          selfIssued: c.read.facts.selfIssued,
          notBefore: c.read.facts.notBefore.toISOString(),
          notAfter: c.read.facts.notAfter.toISOString(),
          ca: c.read.facts.isCa,
          key: describeKey(c.read.facts.publicKey),
          signatureAlgorithm: c.read.facts.signature.name,
          sha256: c.read.facts.fingerprint256,
          flags: certificateFlags(c.read.facts, now, knownRoot)
        } : { number: c.number, line: c.line, unreadable: c.read.reason }
      );
      break;
  }
  return data;
}
function selectionData(selection) {
  return selection.kind === "system" ? { kind: "system" } : { kind: "variable", variable: selection.variable, value: selection.raw, path: selection.path };
}
function ordered(findings) {
  const rank2 = { fail: 0, warn: 1, info: 2 };
  return findings.map((f, i) => ({ f, i })).sort((a, b) => rank2[a.f.level] - rank2[b.f.level] || a.i - b.i).map((x) => x.f);
}
function withFix(findings) {
  const action = findings.find((f) => f.level === "fail")?.hints?.find((h) => h.action !== void 0)?.action;
  return action ? { fix: action } : {};
}

// src/checks/codex-config.ts
var codex_config_exports = {};
__export(codex_config_exports, {
  CONFIG_CHECK_ID: () => CONFIG_CHECK_ID,
  assessCodexConfig: () => assessCodexConfig,
  codexConfigCheck: () => codexConfigCheck,
  endpointProblemFinding: () => endpointProblemFinding,
  fixData: () => fixData,
  sourceWith: () => sourceWith,
  unknownKeyFinding: () => unknownKeyFinding
});

// src/codex/endpoints.ts
var endpoints_exports = {};
__export(endpoints_exports, {
  API_KEY_BASE_URL: () => API_KEY_BASE_URL,
  BUILT_IN_PROVIDER: () => BUILT_IN_PROVIDER,
  BUILT_IN_PROVIDERS: () => BUILT_IN_PROVIDERS,
  CHATGPT_BASE_URL: () => CHATGPT_BASE_URL,
  CLIENT_ID: () => CLIENT_ID,
  ISSUER: () => ISSUER,
  LOGIN_CALLBACK_PORTS: () => LOGIN_CALLBACK_PORTS,
  MODELS_URL: () => MODELS_URL,
  OSS_PROVIDER_PORTS: () => OSS_PROVIDER_PORTS,
  TOKEN_ENDPOINT: () => TOKEN_ENDPOINT,
  WEBSOCKET_BETA_HEADER: () => WEBSOCKET_BETA_HEADER,
  authJsonMode: () => authJsonMode,
  authModeOf: () => authModeOf,
  baseUrlOrigin: () => baseUrlOrigin,
  codexContacts: () => codexContacts,
  codexEndpoints: () => codexEndpoints,
  defaultBaseUrl: () => defaultBaseUrl,
  endpointConfigOf: () => endpointConfigOf,
  honouredOpenAiBaseUrl: () => honouredOpenAiBaseUrl,
  isHttpUrl: () => isHttpUrl,
  isOssProvider: () => isOssProvider,
  loadEndpoints: () => loadEndpoints,
  loginRedirectUri: () => loginRedirectUri,
  readAuthMode: () => readAuthMode,
  sessionAuthMode: () => sessionAuthMode,
  tokenRequestBody: () => tokenRequestBody,
  websocketUrl: () => websocketUrl
});

// src/codex/config-keys.ts
var config_keys_exports = {};
__export(config_keys_exports, {
  MAX_UNKNOWN_KEYS: () => MAX_UNKNOWN_KEYS,
  MISSPELLINGS: () => MISSPELLINGS,
  OTEL_SLOTS: () => OTEL_SLOTS,
  SECTIONS: () => SECTIONS,
  editDistance: () => editDistance,
  findUnknownKeys: () => findUnknownKeys,
  formatKey: () => formatKey,
  isTable: () => isTable,
  nearestKey: () => nearestKey
});
var renames = (patterns, real, area, only) => patterns.map((pattern) => ({ pattern, real, area, ...only && { only } }));
var under = (prefix, names) => names.map((n) => [...prefix, n]);
var SEP = ["shell_environment_policy"];
var SWW = ["sandbox_workspace_write"];
var PROVIDER = ["model_providers", "*"];
var OTEL_TLS = ["otel", "*", "*", "tls"];
var MISSPELLINGS = [
  // sandbox: the blog article's [shell_environment] + [shell_environment.include], and friends
  ...renames(under([], ["shell_environment", "shell_env", "shell_env_policy", "shell_environment_policies", "env_policy", "environment_policy"]), SEP, "sandbox"),
  ...renames(under(SEP, ["include", "includes", "include_list", "allow", "allowlist", "passthrough", "pass_through", "keep"]), [...SEP, "include_only"], "sandbox"),
  ...renames(under(SEP, ["excludes", "deny", "denylist", "remove"]), [...SEP, "exclude"], "sandbox"),
  ...renames(under(SEP, ["env", "vars", "variables", "override", "overrides", "sets"]), [...SEP, "set"], "sandbox"),
  ...renames(under(SWW, ["network", "network_enabled", "allow_network", "networking", "enable_network", "internet"]), [...SWW, "network_access"], "sandbox"),
  ...renames(under([], ["sandbox_workspace", "workspace_write", "sandbox_write", "sandbox-workspace-write", "sandbox_settings"]), SWW, "sandbox", "table"),
  ...renames([["network", "enabled"], ["network", "network_access"], ["sandbox", "network_access"]], [...SWW, "network_access"], "sandbox"),
  ...renames([["sandbox"], ["sandbox_policy"]], ["sandbox_mode"], "sandbox", "value"),
  ...renames([["sandbox", "mode"]], ["sandbox_mode"], "sandbox"),
  // network: features, providers, base URLs
  ...renames(under(["features"], ["respect_system_proxies", "use_system_proxy", "system_proxy", "respect_proxy", "respect_os_proxy"]), ["features", "respect_system_proxy"], "network"),
  ...renames([["respect_system_proxy"], ["respect_system_proxies"]], ["features", "respect_system_proxy"], "network"),
  ...renames([["model_provider"]], ["model_providers"], "network", "table"),
  ...renames(under([], ["providers", "model-providers", "modelProviders", "model_provider_list"]), ["model_providers"], "network"),
  ...renames(under(PROVIDER, ["baseurl", "base-url", "baseUrl", "url", "endpoint", "api_base", "base_uri"]), [...PROVIDER, "base_url"], "network"),
  ...renames(under(PROVIDER, ["headers", "http-headers", "httpHeaders", "extra_headers", "custom_headers"]), [...PROVIDER, "http_headers"], "network"),
  ...renames(under(PROVIDER, ["supports_websocket", "websockets", "websocket", "use_websockets", "supports-websockets"]), [...PROVIDER, "supports_websockets"], "network"),
  ...renames(under(PROVIDER, ["env_var", "api_key_env", "api_key_env_var", "env-key", "key_env"]), [...PROVIDER, "env_key"], "network"),
  ...renames(under([], ["openai_base_uri", "openai_api_base", "openai_base", "openai_api_base_url", "openai_url", "base_url", "api_base_url"]), ["openai_base_url"], "network"),
  ...renames(under([], ["chatgpt_base_uri", "chatgpt_url"]), ["chatgpt_base_url"], "network"),
  // a CA file in config.toml: Codex has no such key, only the environment variable
  ...renames([["ca_certificate"], ["ca_file"], ["ca_bundle"], ["ssl_cert_file"], ["codex_ca_certificate"], ["login", "ca_certificate"], ["tls", "ca_certificate"]], { env: "CODEX_CA_CERTIFICATE" }, "network"),
  // auth
  ...renames([["auth", "cli_auth_credentials_store"], ["credentials_store"], ["auth_credentials_store"]], ["cli_auth_credentials_store"], "auth"),
  // mcp
  ...renames(under([], ["mcp_server", "mcpServers", "mcp-servers", "mcp"]), ["mcp_servers"], "mcp"),
  // otel: tls keys are kebab-case
  ...renames(under(OTEL_TLS, ["ca_certificate", "ca_cert", "ca", "ca_file"]), [...OTEL_TLS, "ca-certificate"], "otel"),
  ...renames(under(OTEL_TLS, ["client_certificate", "client_cert", "cert", "certificate"]), [...OTEL_TLS, "client-certificate"], "otel"),
  ...renames(under(OTEL_TLS, ["client_private_key", "client_key", "private_key", "key", "client-key"]), [...OTEL_TLS, "client-private-key"], "otel"),
  ...renames([["otel", "exporters"]], ["otel", "exporter"], "otel")
];
var OTEL_SLOTS = ["exporter", "trace_exporter", "metrics_exporter"];
var TOP_LEVEL = [
  ["model_provider", "network"],
  ["model_providers", "network"],
  ["openai_base_url", "network"],
  ["chatgpt_base_url", "network"],
  ["features", "network"],
  ["cli_auth_credentials_store", "auth"],
  ["sandbox_mode", "sandbox"],
  ["sandbox_workspace_write", "sandbox"],
  ["shell_environment_policy", "sandbox"],
  ["otel", "otel"],
  ["mcp_servers", "mcp"]
];
var OTHER_TOP_LEVEL = [
  "model",
  "review_model",
  "approval_policy",
  "profile",
  "profiles",
  "projects",
  "notify",
  "history",
  "tui",
  "file_opener",
  "model_reasoning_effort",
  "model_reasoning_summary",
  "model_verbosity",
  "model_context_window",
  "model_auto_compact_token_limit",
  "hide_agent_reasoning",
  "show_raw_agent_reasoning",
  "disable_response_storage",
  "instructions",
  "developer_instructions",
  "model_instructions_file",
  "experimental_instructions_file",
  "forced_login_method",
  "forced_chatgpt_workspace_id",
  "project_doc_max_bytes",
  "project_doc_fallback_filenames",
  "tools",
  "web_search",
  "mcp_oauth_credentials_store",
  "preferred_auth_method",
  "windows_wsl_setup_acknowledged",
  "skills",
  "service_tier",
  "sqlite_home",
  "realtime",
  "tool_output_token_limit",
  "suppress_unstable_features_warning",
  "notice",
  "personality",
  "log_dir",
  "permissions",
  "default_permissions"
];
var SECTIONS = [
  {
    path: [],
    keys: [...TOP_LEVEL.map(([k]) => k), ...OTHER_TOP_LEVEL],
    complete: false,
    area: "network",
    walk: ["shell_environment_policy", "sandbox_workspace_write", "features", "model_providers", "otel", "mcp_servers"]
  },
  { path: SEP, keys: ["inherit", "ignore_default_excludes", "exclude", "set", "include_only", "filters", "experimental_use_profile"], complete: true, area: "sandbox" },
  { path: SWW, keys: ["writable_roots", "network_access", "exclude_tmpdir_env_var", "exclude_slash_tmp"], complete: true, area: "sandbox" },
  { path: ["features"], keys: ["respect_system_proxy", "system_proxy_fallback", "network_proxy", "unbounded_connection_retries"], complete: false, area: "network" },
  { path: ["model_providers"], keys: [], complete: false, area: "network", walk: ["*"] },
  { path: PROVIDER, keys: [
    "name",
    "base_url",
    "env_key",
    "env_key_instructions",
    "wire_api",
    "query_params",
    "http_headers",
    "env_http_headers",
    "request_max_retries",
    "stream_max_retries",
    "stream_idle_timeout_ms",
    "requires_openai_auth",
    "supports_websockets",
    "experimental_bearer_token",
    "websocket_connect_timeout_ms"
  ], complete: false, area: "network" },
  { path: ["otel"], keys: ["environment", "exporter", "trace_exporter", "metrics_exporter", "log_user_prompt"], complete: false, area: "otel", walk: OTEL_SLOTS },
  ...OTEL_SLOTS.map((slot) => ({ path: ["otel", slot], keys: ["otlp-http", "otlp-grpc"], complete: false, area: "otel", walk: ["otlp-http", "otlp-grpc"] })),
  { path: ["otel", "*", "otlp-http"], keys: ["endpoint", "protocol", "headers", "tls"], complete: true, area: "otel", walk: ["tls"] },
  { path: ["otel", "*", "otlp-grpc"], keys: ["endpoint", "headers", "tls"], complete: true, area: "otel", walk: ["tls"] },
  { path: OTEL_TLS, keys: ["ca-certificate", "client-certificate", "client-private-key"], complete: true, area: "otel" },
  { path: ["mcp_servers"], keys: [], complete: false, area: "mcp", walk: ["*"] },
  { path: ["mcp_servers", "*"], keys: [
    "command",
    "args",
    "env",
    "env_vars",
    "cwd",
    "url",
    "bearer_token_env_var",
    "http_headers",
    "env_http_headers",
    "startup_timeout_sec",
    "startup_timeout_ms",
    "tool_timeout_sec",
    "enabled",
    "required",
    "enabled_tools",
    "disabled_tools",
    "scopes",
    "oauth_resource"
  ], complete: false, area: "mcp" }
];
var MAX_UNKNOWN_KEYS = 50;
var MAX_KEYS_COMPARED = 500;
function findUnknownKeys(table) {
  const found = [];
  let compared = 0;
  const visit = (node, path2) => {
    const section = SECTIONS.find((s) => matches(s.path, path2));
    for (const [key, value] of Object.entries(node)) {
      if (found.length >= MAX_UNKNOWN_KEYS || compared >= MAX_KEYS_COMPARED) return;
      const here = [...path2, key];
      const misspelling = MISSPELLINGS.find((m) => matches(m.pattern, here) && (m.only === void 0 || m.only === "table" === isTable(value)));
      if (misspelling) {
        found.push({ path: here, real: "env" in misspelling.real ? { env: misspelling.real.env } : { key: substitute(misspelling.real, here, misspelling.pattern) }, area: misspelling.area });
        continue;
      }
      const holdsMisspelling = MISSPELLINGS.some((m) => m.pattern.length > here.length && matches(m.pattern.slice(0, here.length), here));
      if (holdsMisspelling && isTable(value)) {
        visit(value, here);
        continue;
      }
      if (section && !section.keys.includes(key) && !(section.walk ?? []).includes("*")) {
        compared += 1;
        const near = nearestKey(key, section.keys);
        const area = section.path.length === 0 ? TOP_LEVEL.find(([k]) => k === near)?.[1] ?? section.area : section.area;
        if (near !== void 0 && (section.path.length > 0 || TOP_LEVEL.some(([k]) => k === near))) {
          found.push({ path: here, real: { key: [...path2, near] }, area });
        } else if (section.complete) {
          found.push({ path: here, real: null, area, validKeys: section.keys });
        }
        continue;
      }
      if ((section?.walk?.includes(key) || section?.walk?.includes("*")) && isTable(value)) visit(value, here);
    }
  };
  visit(table, []);
  return found;
}
function isTable(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function matches(pattern, path2) {
  return pattern.length === path2.length && pattern.every((p, i) => p === "*" || p === path2[i]);
}
function substitute(real, path2, pattern) {
  const wild = pattern.flatMap((p, i) => p === "*" ? [path2[i]] : []);
  return real.map((r) => r === "*" ? wild.shift() ?? r : r);
}
function nearestKey(name, candidates) {
  const norm = (s) => s.toLowerCase().replace(/-/g, "_");
  const limit = name.length >= 8 ? 2 : 1;
  let best;
  for (const candidate of candidates) {
    if (Math.abs(name.length - candidate.length) > limit) continue;
    const distance = editDistance(norm(name), norm(candidate));
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best !== void 0 && best.distance <= limit ? best.key : void 0;
}
function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[a.length][b.length];
}
function formatKey(path2) {
  return path2.map((s) => /^[A-Za-z0-9_-]+$/.test(s) ? s : JSON.stringify(s)).join(".");
}

// src/codex/endpoints.ts
var ISSUER = "https://auth.openai.com";
var TOKEN_ENDPOINT = `${ISSUER}/oauth/token`;
var CLIENT_ID = "app_EMoamEEZ73f0CkXaXp7hrann";
var LOGIN_CALLBACK_PORTS = [1455, 1457];
function loginRedirectUri(codexVersion, port = LOGIN_CALLBACK_PORTS[0]) {
  const host = codexHas(codexVersion, CODEX_RELEASES.loopbackLoginCallback) ? "127.0.0.1" : "localhost";
  return `http://${host}:${port}/auth/callback`;
}
var API_KEY_BASE_URL = "https://api.openai.com/v1";
var CHATGPT_BASE_URL = "https://chatgpt.com/backend-api/codex";
var WEBSOCKET_BETA_HEADER = { "OpenAI-Beta": "responses_websockets=2026-02-06" };
var BUILT_IN_PROVIDER = "openai";
var OSS_PROVIDER_PORTS = { ollama: 11434, lmstudio: 1234 };
function isOssProvider(id) {
  return Object.hasOwn(OSS_PROVIDER_PORTS, id);
}
var AUTH_JSON_MAX_BYTES = 1024 * 1024;
async function readAuthMode(host, codexHome) {
  const path2 = `${trimEndMatches(codexHome, "/\\")}${host.platform === "win32" ? "\\" : "/"}auth.json`;
  const assumed = (why) => ({
    mode: "chatgpt",
    source: "assumed",
    note: `${why}; assuming ChatGPT login (the browser login flow), so the API base is ${CHATGPT_BASE_URL}.`
  });
  let text;
  try {
    const stat = await host.fs.stat(path2);
    if (!stat) return assumed(`${path2} does not exist (not logged in yet, or credentials in the keyring)`);
    if (stat.kind !== "file") return assumed(`${path2} is not a file`);
    text = (await host.fs.readFile(path2, AUTH_JSON_MAX_BYTES)).bytes.toString("utf8");
  } catch (error) {
    return assumed(`${path2} cannot be read (${error.code ?? "error"})`);
  }
  const found = authJsonMode(text);
  if (found === void 0) return assumed(`${path2} has no auth_mode`);
  return {
    mode: found.mode,
    source: "auth.json",
    note: found.via === "auth_mode" ? `auth_mode in ${path2} is ${found.mode === "chatgpt" ? "ChatGPT login" : "API key"}.` : `${path2} has no auth_mode but holds an API key (an older API-key login): API key.`
  };
}
function authModeOf(text) {
  return authJsonMode(text)?.mode;
}
function authJsonMode(text) {
  let document;
  try {
    const parsed = JSON.parse(text);
    if (!parsed || typeof parsed !== "object") return void 0;
    document = parsed;
  } catch {
    return void 0;
  }
  const value = document["auth_mode"];
  if (value === void 0 || value === null) {
    const key = document["OPENAI_API_KEY"];
    return typeof key === "string" && key !== "" ? { mode: "apikey", via: "OPENAI_API_KEY" } : void 0;
  }
  if (typeof value !== "string") return void 0;
  const normalised = value.toLowerCase().replace(/[^a-z]/g, "");
  if (normalised === "chatgpt" || normalised === "chatgptauthtokens") return { mode: "chatgpt", via: "auth_mode" };
  if (normalised === "apikey") return { mode: "apikey", via: "auth_mode" };
  return void 0;
}
function honouredOpenAiBaseUrl(env, codexVersion) {
  const value = env.OPENAI_BASE_URL;
  if (value === void 0 || value.trim() === "") return void 0;
  if (codexVersion === null || codexVersion === void 0 || versionAtLeast(codexVersion, CODEX_RELEASES.openaiBaseUrlEnvIgnored)) return void 0;
  return value;
}
function ossBaseUrl(id, env) {
  const url = env.CODEX_OSS_BASE_URL;
  if (url !== void 0 && url.trim() !== "") return { baseUrl: url, source: "CODEX_OSS_BASE_URL" };
  const portText = env.CODEX_OSS_PORT;
  const port = portText !== void 0 && /^\+?\d+$/.test(portText) && Number(portText) <= 65535 ? Number(portText) : null;
  return port === null ? { baseUrl: `http://localhost:${OSS_PROVIDER_PORTS[id]}/v1`, source: "default" } : { baseUrl: `http://localhost:${port}/v1`, source: "CODEX_OSS_PORT" };
}
function codexEndpoints(authMode, config = {}, environment = {}) {
  const problems = [];
  const env = environment.env ?? {};
  const providerId = config.modelProvider ?? BUILT_IN_PROVIDER;
  const providers = config.modelProviders ?? {};
  const entry = providerId === BUILT_IN_PROVIDER || isOssProvider(providerId) || !Object.hasOwn(providers, providerId) ? void 0 : providers[providerId];
  let provider;
  if (entry) {
    const baseUrl = entry.baseUrl ?? defaultBaseUrl(authMode.mode);
    provider = {
      id: providerId,
      builtIn: false,
      local: false,
      baseUrl,
      baseUrlSource: entry.baseUrl ? "model_providers" : "default",
      supportsWebsockets: entry.supportsWebsockets ?? false,
      httpHeaders: entry.httpHeaders ?? {}
    };
  } else if (isOssProvider(providerId)) {
    const { baseUrl, source } = ossBaseUrl(providerId, env);
    provider = { id: providerId, builtIn: true, local: true, baseUrl, baseUrlSource: source, supportsWebsockets: false, httpHeaders: {} };
  } else {
    if (providerId !== BUILT_IN_PROVIDER) {
      problems.push({
        kind: "unknown-provider",
        providerId,
        message: `model_provider = ${JSON.stringify(providerId)} names no [${formatKey(["model_providers", providerId])}] table and no built-in provider (${BUILT_IN_PROVIDERS.join(", ")}); Codex refuses to start ("Model provider \`${providerId}\` not found").`
      });
    }
    const fromEnv = honouredOpenAiBaseUrl(env, environment.codexVersion);
    provider = {
      id: BUILT_IN_PROVIDER,
      builtIn: true,
      local: false,
      baseUrl: fromEnv ?? config.openaiBaseUrl ?? defaultBaseUrl(authMode.mode),
      baseUrlSource: fromEnv !== void 0 ? "OPENAI_BASE_URL" : config.openaiBaseUrl ? "openai_base_url" : "default",
      supportsWebsockets: true,
      httpHeaders: {}
    };
  }
  if (!isHttpUrl(provider.baseUrl)) {
    problems.push({
      kind: "invalid-base-url",
      providerId: provider.id,
      baseUrl: provider.baseUrl,
      source: provider.baseUrlSource,
      message: `The base URL ${JSON.stringify(provider.baseUrl)} (${baseUrlOrigin(provider)}) is not an http:// or https:// URL: Codex cannot send a model request to it.`
    });
  }
  return {
    issuer: ISSUER,
    tokenEndpoint: TOKEN_ENDPOINT,
    authMode,
    provider,
    websocket: websocketPlan(provider),
    problems
  };
}
var BUILT_IN_PROVIDERS = [BUILT_IN_PROVIDER, ...Object.keys(OSS_PROVIDER_PORTS)];
function isHttpUrl(value) {
  return URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol);
}
function baseUrlOrigin(provider) {
  switch (provider.baseUrlSource) {
    case "model_providers":
      return `base_url of [${formatKey(["model_providers", provider.id])}]`;
    case "openai_base_url":
      return "openai_base_url in config.toml";
    case "OPENAI_BASE_URL":
    case "CODEX_OSS_BASE_URL":
    case "CODEX_OSS_PORT":
      return `the ${provider.baseUrlSource} variable`;
    case "default":
      return `Codex's default for ${provider.id}`;
  }
}
function defaultBaseUrl(mode) {
  switch (mode) {
    case "chatgpt":
      return CHATGPT_BASE_URL;
    case "apikey":
      return API_KEY_BASE_URL;
  }
}
function websocketUrl(baseUrl) {
  if (!URL.canParse(baseUrl)) return null;
  const url = new URL(baseUrl);
  if (url.protocol === "https:") url.protocol = "wss:";
  else if (url.protocol === "http:") url.protocol = "ws:";
  else return null;
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/responses`;
  return url.toString();
}
function websocketPlan(provider) {
  const url = websocketUrl(provider.baseUrl);
  if (provider.local) {
    return {
      url,
      enabled: false,
      reason: `model_provider = "${provider.id}" is Codex's built-in local model server at ${provider.baseUrl}: the model API does not go to OpenAI, and Codex opens no WebSocket for it.`
    };
  }
  if (!provider.supportsWebsockets) {
    const why = provider.builtIn ? "supports_websockets is off for this provider" : `[model_providers.${provider.id}] does not set supports_websockets = true (custom providers default to false)`;
    return { url, enabled: false, reason: `${why}: Codex streams over HTTPS only.` };
  }
  if (url === null) return { url, enabled: false, reason: `The base URL ${provider.baseUrl} cannot become a WebSocket URL.` };
  return { url, enabled: true, reason: `Codex streams over ${url} and falls back to HTTPS after 5 failed attempts.` };
}
function tokenRequestBody(code, codeVerifier, codexVersion) {
  return new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: loginRedirectUri(codexVersion),
    client_id: CLIENT_ID,
    code_verifier: codeVerifier
  }).toString();
}
function endpointConfigOf(config) {
  const providers = /* @__PURE__ */ Object.create(null);
  for (const [id, p] of Object.entries(config.modelProviders)) {
    providers[id] = {
      ...p.name !== void 0 && { name: p.name },
      ...p.baseUrl !== void 0 && { baseUrl: p.baseUrl },
      ...p.supportsWebsockets !== void 0 && { supportsWebsockets: p.supportsWebsockets },
      httpHeaders: p.httpHeaders
    };
  }
  return {
    ...config.modelProvider && { modelProvider: config.modelProvider.value },
    ...config.openaiBaseUrl && { openaiBaseUrl: config.openaiBaseUrl.value },
    modelProviders: providers
  };
}
var loaded = /* @__PURE__ */ new WeakMap();
async function sessionAuthMode(host, codexHome, env) {
  const apiKey = (variable, why) => ({
    mode: "apikey",
    source: variable,
    note: `${variable} is set${why}: Codex uses the API key, so the API base is ${API_KEY_BASE_URL}.`
  });
  if (nonBlank(env.CODEX_API_KEY)) return apiKey("CODEX_API_KEY", " (read before auth.json)");
  const fromFile = await readAuthMode(host, codexHome);
  if (fromFile.source === "auth.json" || !nonBlank(env.OPENAI_API_KEY)) return fromFile;
  return apiKey("OPENAI_API_KEY", " and auth.json records no login");
}
function nonBlank(value) {
  return value !== void 0 && value.trim() !== "";
}
function loadEndpoints(host, world) {
  let endpoints = loaded.get(world);
  if (!endpoints) {
    endpoints = sessionAuthMode(host, world.codexHome, world.env).then(
      (mode) => codexEndpoints(mode, endpointConfigOf(world.config), { env: world.env, codexVersion: world.codexVersion })
    );
    loaded.set(world, endpoints);
  }
  return endpoints;
}
var MODELS_URL = `${CHATGPT_BASE_URL}/models`;
function codexContacts(endpoints, config) {
  const contacts = [];
  const add = (client, url, purpose, essential, extra = {}) => {
    if (!URL.canParse(url)) return;
    const parsed = new URL(url);
    const transport = parsed.protocol === "https:" ? "https" : parsed.protocol === "wss:" ? "wss" : null;
    if (transport === null || parsed.hostname === "") return;
    const port = parsed.port === "" ? 443 : Number(parsed.port);
    contacts.push({ client, transport, url: parsed.href, host: parsed.hostname.toLowerCase(), port, purpose, essential, ...extra });
  };
  add("login", endpoints.tokenEndpoint, "login", true);
  const usable = endpoints.problems.length === 0;
  if (usable && !endpoints.provider.local) {
    add("model-api", `${endpoints.provider.baseUrl.replace(/\/+$/, "")}/responses`, "model API", true);
    if (endpoints.provider.builtIn && endpoints.authMode.mode === "apikey") add("model-api", MODELS_URL, "model list", false);
    if (endpoints.websocket.enabled && endpoints.websocket.url !== null) add("websocket", endpoints.websocket.url, "streaming", true);
  }
  for (const server of config.mcpUrlServers) add("mcp", server.url, `MCP server "${server.name}"`, false);
  for (const exporter of config.otelExporters) {
    if (exporter.endpoint === void 0) continue;
    const caFile = exporter.tls.caCertificate?.path;
    add("otel", exporter.endpoint, `OTEL ${exporter.slot} (${exporter.kind})`, false, caFile === void 0 ? {} : { caFile });
  }
  return contacts;
}

// src/codex/toml.ts
var toml_exports = {};
__export(toml_exports, {
  smolToml: () => smolToml
});
var import_node_module2 = require("node:module");
var loaded2;
function smolToml() {
  loaded2 ??= (0, import_node_module2.createRequire)(__coreUrl)("smol-toml");
  return loaded2;
}

// src/codex/toml-table.ts
function mergeInto(target, source, path2, file, provenance) {
  for (const [key, value] of Object.entries(source)) {
    const here = [...path2, key];
    const existing = valueAt(target, [key]);
    if (isTable(value)) {
      const table = isTable(existing) ? existing : {};
      if (table !== existing) setOwn(target, key, table);
      mergeInto(table, value, here, file, provenance);
    } else {
      setOwn(target, key, typeof value === "object" && value !== null ? structuredClone(value) : value);
      const formatted = formatKey(here);
      if (isTable(existing)) {
        const prefix = `${formatted}.`;
        for (const k of [...provenance.keys()]) if (k.startsWith(prefix)) provenance.delete(k);
      }
      provenance.set(formatted, file);
    }
  }
}
function valueAt(table, path2) {
  let node = table;
  for (const segment of path2) {
    if (!isTable(node) || !Object.hasOwn(node, segment)) return void 0;
    node = node[segment];
  }
  return node;
}
function setOwn(table, key, value) {
  Object.defineProperty(table, key, { value, writable: true, enumerable: true, configurable: true });
}
function deleteAt(table, path2) {
  const parent = valueAt(table, path2.slice(0, -1));
  if (isTable(parent)) delete parent[path2[path2.length - 1]];
}
function locateKey(source, path2) {
  if (source === "" || path2.length === 0) return void 0;
  const lines = source.split(/\r?\n/);
  const seg = (s) => `(?:${escapeRe(s)}|"${escapeRe(s)}"|'${escapeRe(s)}')`;
  const header = (p) => new RegExp(`^\\s*\\[\\[?\\s*${p.map(seg).join("\\s*\\.\\s*")}\\s*\\]\\]?\\s*(#.*)?$`);
  const fullHeader = header(path2);
  const full = lines.findIndex((l) => fullHeader.test(l));
  if (full >= 0) return full + 1;
  const below = new RegExp(`^\\s*\\[\\[?\\s*${path2.map(seg).join("\\s*\\.\\s*")}\\s*\\.`);
  const sub = lines.findIndex((l) => below.test(l));
  if (sub >= 0) return sub + 1;
  const parent = path2.slice(0, -1);
  const keyLine = new RegExp(`^\\s*${seg(path2[path2.length - 1])}\\s*=`);
  let start = 0;
  if (parent.length > 0) {
    const parentHeader = header(parent);
    const at = lines.findIndex((l) => parentHeader.test(l));
    if (at < 0) return void 0;
    start = at + 1;
  }
  for (let i = start; i < lines.length; i++) {
    if (/^\s*\[/.test(lines[i])) return void 0;
    if (keyLine.test(lines[i])) return i + 1;
  }
  return void 0;
}
function escapeRe(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/codex/shell-env-policy.ts
var DEFAULT_SHELL_ENVIRONMENT_POLICY = {
  inherit: "all",
  ignoreDefaultExcludes: true,
  exclude: [],
  set: {},
  includeOnly: [],
  filters: {},
  experimentalUseProfile: false
};
var DEFAULT_EXCLUDES = ["*KEY*", "*SECRET*", "*TOKEN*"];
var UNIX_CORE = ["PATH", "SHELL", "TMPDIR", "TEMP", "TMP", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "LOGNAME", "USER"];
var WINDOWS_CORE = [
  "PATH",
  "PATHEXT",
  "SHELL",
  "COMSPEC",
  "SYSTEMROOT",
  "WINDIR",
  "SYSTEMDRIVE",
  "USERNAME",
  "USERDOMAIN",
  "USERPROFILE",
  "HOMEDRIVE",
  "HOMEPATH",
  "PROGRAMFILES",
  "PROGRAMFILES(X86)",
  "PROGRAMW6432",
  "PROGRAMDATA",
  "LOCALAPPDATA",
  "APPDATA",
  "TEMP",
  "TMP",
  "TMPDIR",
  "POWERSHELL",
  "PWSH"
];
var INTERNAL_VARIABLES = ["CODEX_SANDBOX", "CODEX_SANDBOX_NETWORK_DISABLED", "CODEX_THREAD_ID"];
function coreVariables(platform) {
  return platform === "win32" ? WINDOWS_CORE : UNIX_CORE;
}
function globMatches(glob, name) {
  return globRegExp(glob).test(name);
}
var globCache = /* @__PURE__ */ new Map();
function globRegExp(glob) {
  let re = globCache.get(glob);
  if (!re) {
    const body = [...glob].map((c) => c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")).join("");
    re = new RegExp(`^${body}$`, "is");
    globCache.set(glob, re);
  }
  return re;
}
function firstMatch(globs, name) {
  return globs.find((g) => globMatches(g, name));
}
function emulateShellEnvironment(parent, policy, platform) {
  const verdicts = /* @__PURE__ */ new Map();
  const env = /* @__PURE__ */ new Map();
  const drop = (name, step) => {
    env.delete(name);
    verdicts.set(name, { name, reaches: false, decidedBy: step });
  };
  const core = new Set(coreVariables(platform).map((n) => n.toUpperCase()));
  for (const [name, value] of Object.entries(parent)) {
    const inherited = policy.inherit === "all" || policy.inherit === "core" && core.has(name.toUpperCase());
    if (inherited) {
      env.set(name, value);
      verdicts.set(name, { name, reaches: true, decidedBy: "inherit" });
    } else {
      verdicts.set(name, { name, reaches: false, decidedBy: "inherit" });
    }
  }
  if (!policy.ignoreDefaultExcludes) {
    for (const name of [...env.keys()]) if (firstMatch(DEFAULT_EXCLUDES, name)) drop(name, "default-excludes");
  }
  const excludeFilters = Object.keys(policy.filters).filter((g) => policy.filters[g] === "exclude");
  for (const name of [...env.keys()]) {
    const glob = firstMatch(policy.exclude, name);
    if (glob !== void 0) drop(name, `exclude:${glob}`);
    else {
      const filter = firstMatch(excludeFilters, name);
      if (filter !== void 0) drop(name, `filters:${filter}`);
    }
  }
  for (const [name, value] of Object.entries(policy.set)) {
    env.set(name, value);
    verdicts.set(name, { name, reaches: true, decidedBy: "set" });
  }
  const includeFilters = Object.keys(policy.filters).filter((g) => policy.filters[g] === "include");
  for (const name of [...env.keys()]) {
    if (policy.includeOnly.length > 0 && firstMatch(policy.includeOnly, name) === void 0) drop(name, "include_only");
    else if (includeFilters.length > 0 && firstMatch(includeFilters, name) === void 0) drop(name, "filters");
  }
  const internal = new Set(INTERNAL_VARIABLES);
  for (const name of [...env.keys()]) if (internal.has(name.toUpperCase())) drop(name, "internal");
  for (const [name, value] of env) verdicts.set(name, { ...verdicts.get(name), value });
  return { env: Object.fromEntries(env), verdicts };
}
function policyThatPasses(parent, policy, needed, platform) {
  let current = policy;
  const unfixable = /* @__PURE__ */ new Map();
  for (let round = 0; round < 4; round++) {
    const { verdicts } = emulateShellEnvironment(parent, current, platform);
    const blocked = needed.map((n) => verdicts.get(n)).filter((v) => v !== void 0 && !v.reaches && !unfixable.has(v.name));
    if (blocked.length === 0) break;
    current = unblock(parent, current, verdicts, blocked, needed, platform, unfixable);
  }
  return { policy: current, unfixable: [...unfixable.values()] };
}
function unblock(parent, policy, verdicts, blocked, needed, platform, unfixable) {
  let next = { ...policy, exclude: [...policy.exclude], includeOnly: [...policy.includeOnly], filters: { ...policy.filters } };
  const neededSet = new Set(needed);
  const removedBy = (step) => [...verdicts.values()].filter((v) => !v.reaches && v.decidedBy === step && !neededSet.has(v.name)).map((v) => v.name).sort();
  const addIncluded = (names) => {
    if (Object.keys(next.filters).length > 0) {
      for (const n of names) if (!Object.hasOwn(next.filters, n)) next.filters[n] = "include";
    } else {
      next.includeOnly = unique([...next.includeOnly, ...names]);
    }
  };
  if (blocked.some((v) => v.decidedBy === "inherit")) {
    const reachedToday = [...verdicts.values()].filter((v) => v.reaches).map((v) => v.name);
    const core = policy.inherit === "core" ? coreVariables(platform) : [];
    const listed = policy.includeOnly.filter((g) => !/[*?]/.test(g));
    const keep = unique([...core.filter((n) => survivesFilters(n, policy)), ...listed, ...reachedToday, ...blocked.map((v) => v.name)]);
    next = { ...next, inherit: "all" };
    if (Object.keys(next.filters).length > 0) {
      for (const n of keep) next.filters[n] = "include";
    } else {
      next.includeOnly = keep;
    }
    return next;
  }
  for (const v of blocked) {
    const step = v.decidedBy;
    if (step === "include_only" || step === "filters") addIncluded([v.name]);
    else if (step.startsWith("exclude:")) {
      const glob = step.slice("exclude:".length);
      next.exclude = unique([...next.exclude.filter((g) => g !== glob), ...removedBy(step)]);
    } else if (step.startsWith("filters:")) {
      const glob = step.slice("filters:".length);
      delete next.filters[glob];
      for (const n of removedBy(step)) next.filters[n] = "exclude";
    } else unfixable.set(v.name, { name: v.name, decidedBy: step });
  }
  return next;
}
function survivesFilters(name, policy) {
  const probe = emulateShellEnvironment({ [name]: "" }, { ...policy, inherit: "all", set: {} }, "linux");
  return probe.verdicts.get(name)?.reaches === true;
}
function unique(names) {
  return [...new Set(names)];
}

// src/codex/config-read.ts
var TableReader = class {
  constructor(root, where, problems) {
    this.root = root;
    this.where = where;
    this.problems = problems;
  }
  root;
  where;
  problems;
  invalid(path2, message) {
    this.problems.push({ kind: "invalid-value", fatal: true, key: [...path2], ...this.where(path2), message: `${message} in \`${formatKey(path2)}\`` });
  }
  value(path2, kind) {
    const value = valueAt(this.root, path2);
    if (value === void 0) return void 0;
    if (typeof value === kind) return value;
    this.invalid(path2, `invalid type: ${describeValue(value)}, expected ${kind === "string" ? "a string" : "a boolean"}`);
    return void 0;
  }
  sourced(path2, kind) {
    const value = this.value(path2, kind);
    return value === void 0 ? void 0 : { value, file: this.where(path2).file };
  }
  enumValue(path2, variants) {
    const value = this.value(path2, "string");
    if (value === void 0) return void 0;
    if (variants.includes(value)) return value;
    this.invalid(path2, `unknown variant \`${value}\`, expected one of ${variants.map((v) => `\`${v}\``).join(", ")}`);
    return void 0;
  }
  sourcedEnum(path2, variants) {
    const value = this.enumValue(path2, variants);
    return value === void 0 ? void 0 : { value, file: this.where(path2).file };
  }
  strings(path2) {
    const value = valueAt(this.root, path2);
    if (value === void 0) return void 0;
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
    this.invalid(path2, `invalid type: ${describeValue(value)}, expected a sequence of strings`);
    return void 0;
  }
  stringMap(path2) {
    const value = valueAt(this.root, path2);
    if (value === void 0) return void 0;
    if (isTable(value) && Object.values(value).every((v) => typeof v === "string")) return { ...value };
    this.invalid(path2, `invalid type: ${describeValue(value)}, expected a map of strings`);
    return void 0;
  }
};
function describeValue(value) {
  if (typeof value === "string") return `string ${JSON.stringify(value)}`;
  if (typeof value === "boolean") return `boolean \`${value}\``;
  if (typeof value === "number" || typeof value === "bigint") return Number.isInteger(Number(value)) ? `integer \`${value}\`` : `floating point \`${value}\``;
  if (Array.isArray(value)) return "a sequence";
  if (isTable(value)) return "a map";
  return "a date";
}
function readProviders(read, merged) {
  const providers = /* @__PURE__ */ Object.create(null);
  const table = merged.model_providers;
  if (!isTable(table)) return providers;
  for (const id of Object.keys(table)) {
    if (!isTable(table[id])) {
      read.invalid(["model_providers", id], `invalid type: ${describeValue(table[id])}, expected a map`);
      continue;
    }
    const at = (key) => ["model_providers", id, key];
    const name = read.value(at("name"), "string");
    const baseUrl = read.value(at("base_url"), "string");
    const envKey = read.value(at("env_key"), "string");
    const supportsWebsockets = read.value(at("supports_websockets"), "boolean");
    providers[id] = {
      id,
      file: read.where(["model_providers", id]).file,
      ...name !== void 0 && { name },
      ...baseUrl !== void 0 && { baseUrl },
      ...envKey !== void 0 && { envKey },
      httpHeaders: read.stringMap(at("http_headers")) ?? {},
      ...supportsWebsockets !== void 0 && { supportsWebsockets }
    };
  }
  return providers;
}
var SEP2 = "shell_environment_policy";
function readShellPolicy(read, merged, problems) {
  const table = merged[SEP2];
  if (table === void 0) return DEFAULT_SHELL_ENVIRONMENT_POLICY;
  if (!isTable(table)) {
    read.invalid([SEP2], `invalid type: ${describeValue(table)}, expected a map`);
    return DEFAULT_SHELL_ENVIRONMENT_POLICY;
  }
  const d = DEFAULT_SHELL_ENVIRONMENT_POLICY;
  const filters = {};
  for (const [glob, action] of Object.entries(read.stringMap([SEP2, "filters"]) ?? {})) {
    if (action === "include" || action === "exclude") filters[glob] = action;
    else read.invalid([SEP2, "filters", glob], `unknown variant \`${action}\`, expected \`include\` or \`exclude\``);
  }
  const policy = {
    inherit: read.enumValue([SEP2, "inherit"], ["core", "all", "none"]) ?? d.inherit,
    ignoreDefaultExcludes: read.value([SEP2, "ignore_default_excludes"], "boolean") ?? d.ignoreDefaultExcludes,
    exclude: read.strings([SEP2, "exclude"]) ?? d.exclude,
    set: read.stringMap([SEP2, "set"]) ?? d.set,
    includeOnly: read.strings([SEP2, "include_only"]) ?? d.includeOnly,
    filters,
    experimentalUseProfile: read.value([SEP2, "experimental_use_profile"], "boolean") ?? d.experimentalUseProfile
  };
  const mixed = ["exclude", "include_only"].filter((k) => table[k] !== void 0);
  if (Object.keys(filters).length > 0 && mixed.length > 0) {
    problems.push({
      kind: "policy-conflict",
      fatal: true,
      key: [SEP2, "filters"],
      ...read.where([SEP2, "filters"]),
      message: `[shell_environment_policy] \`filters\` cannot be combined with ${mixed.map((k) => `\`${k}\``).join(" or ")}`
    });
  }
  return policy;
}
function parseShellPolicyTable(table) {
  const problems = [];
  const read = new TableReader({ [SEP2]: table }, () => ({ file: "" }), problems);
  return { policy: readShellPolicy(read, { [SEP2]: table }, problems), problems };
}
function readOtel(read, merged, context, provenance, problems, where) {
  const exporters = [];
  const otel = merged.otel;
  if (!isTable(otel)) return exporters;
  for (const slot of OTEL_SLOTS) {
    const value = otel[slot];
    if (value === void 0 || typeof value === "string") continue;
    if (!isTable(value)) {
      read.invalid(["otel", slot], `invalid type: ${describeValue(value)}, expected a string or a map`);
      continue;
    }
    for (const kind of Object.keys(value)) {
      const path2 = ["otel", slot, kind];
      if (kind !== "otlp-http" && kind !== "otlp-grpc") {
        problems.push({
          kind: "otel-exporter-unknown",
          fatal: false,
          key: path2,
          ...where(path2),
          message: `\`[${formatKey(path2)}]\` is not an exporter Codex knows (otlp-http, otlp-grpc)`
        });
        continue;
      }
      const file = provenance.get(formatKey([...path2, "endpoint"])) ?? where(path2).file;
      const endpoint = read.value([...path2, "endpoint"], "string");
      const tlsPath = (key2) => {
        const raw = read.value([...path2, "tls", key2], "string");
        if (raw === void 0) return void 0;
        const from = provenance.get(formatKey([...path2, "tls", key2])) ?? file;
        return { raw, path: configRelativePath(raw, from, context) };
      };
      const ca = tlsPath("ca-certificate");
      const cert = tlsPath("client-certificate");
      const key = tlsPath("client-private-key");
      exporters.push({
        slot,
        kind,
        file,
        ...endpoint !== void 0 && { endpoint },
        tls: { ...ca && { caCertificate: ca }, ...cert && { clientCertificate: cert }, ...key && { clientPrivateKey: key } }
      });
    }
  }
  return exporters;
}
function configRelativePath(raw, configFile, context) {
  if (raw === "~") return context.homeDir;
  if (raw.startsWith("~/") || context.platform === "win32" && raw.startsWith("~\\")) return resolveAgainst(context.homeDir, raw.slice(2), context.platform);
  const cut = Math.max(configFile.lastIndexOf("/"), context.platform === "win32" ? configFile.lastIndexOf("\\") : -1);
  return resolveAgainst(cut > 0 ? configFile.slice(0, cut) : "/", raw, context.platform);
}
function readMcp(read, merged) {
  const servers = merged.mcp_servers;
  if (!isTable(servers)) return [];
  return Object.keys(servers).flatMap((name) => {
    const url = read.value(["mcp_servers", name, "url"], "string");
    return url === void 0 ? [] : [{ name, url, file: read.where(["mcp_servers", name, "url"]).file }];
  });
}
function placeOf(path2, provenance, layers) {
  const key = formatKey(path2);
  let file = provenance.get(key);
  if (file === void 0) {
    for (const [k, f] of provenance) if (k.startsWith(`${key}.`)) file = f;
  }
  const layer = layers.find((l) => l.file === file) ?? layers[layers.length - 1];
  if (!layer) return { file: file ?? "config.toml" };
  const line = locateKey(layer.source, layer.prefix.concat(path2));
  return { file: layer.file, ...line !== void 0 && { line } };
}

// src/codex/sandbox.ts
var sandbox_exports = {};
__export(sandbox_exports, {
  SANDBOX_MODES: () => SANDBOX_MODES,
  SANDBOX_VARIABLES: () => SANDBOX_VARIABLES,
  TOOL_CA_VARIABLES: () => TOOL_CA_VARIABLES,
  sandboxNetwork: () => sandboxNetwork
});
var SANDBOX_MODES = ["read-only", "workspace-write", "danger-full-access"];
var PROXY_READERS = "curl, pip, npm, git and most HTTP clients";
var SANDBOX_VARIABLES = [
  { name: "CODEX_CA_CERTIFICATE", kind: "ca-file", readBy: "codex run inside the sandbox" },
  { name: "SSL_CERT_FILE", kind: "ca-file", readBy: "OpenSSL-based tools (curl, Python ssl, Ruby, git with OpenSSL)" },
  { name: "SSL_CERT_DIR", kind: "ca-dir", readBy: "OpenSSL-based tools" },
  { name: "NODE_EXTRA_CA_CERTS", kind: "ca-file", readBy: "Node.js" },
  { name: "REQUESTS_CA_BUNDLE", kind: "ca-file", readBy: "Python requests" },
  { name: "CURL_CA_BUNDLE", kind: "ca-file", readBy: "curl" },
  { name: "GIT_SSL_CAINFO", kind: "ca-file", readBy: "git" },
  { name: "CARGO_HTTP_CAINFO", kind: "ca-file", readBy: "cargo" },
  { name: "PIP_CERT", kind: "ca-file", readBy: "pip" },
  { name: "NPM_CONFIG_CAFILE", kind: "ca-file", readBy: "npm" },
  ...["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"].flatMap((name) => [
    { name, kind: "proxy", readBy: PROXY_READERS },
    { name: name.toLowerCase(), kind: "proxy", readBy: PROXY_READERS }
  ])
];
var TOOL_CA_VARIABLES = SANDBOX_VARIABLES.filter((v) => v.kind !== "proxy" && v.name !== "CODEX_CA_CERTIFICATE");
function sandboxNetwork(mode, networkAccess) {
  const enabled = (() => {
    switch (mode) {
      case "danger-full-access":
        return true;
      case "workspace-write":
        return networkAccess;
      case "read-only":
      case void 0:
        return false;
    }
  })();
  return { mode, networkAccess, enabled };
}

// src/codex/config.ts
var PROFILE_FILES_SINCE = "0.134.0";
var MAX_CONFIG_BYTES = 1024 * 1024;
var SYSTEM_CONFIG_PATH = "/etc/codex/config.toml";
var LAYER_ORDER = ["system", "user", "project", "profile"];
var PROJECT_FORBIDDEN_KEYS = [
  ["openai_base_url"],
  ["model_provider"],
  ["model_providers"],
  ["otel"],
  ["features", "respect_system_proxy"]
];
function configContext(host, options) {
  const legacy = options.codexVersion !== void 0 && options.codexVersion !== null && !versionAtLeast(options.codexVersion, PROFILE_FILES_SINCE);
  return {
    codexHome: options.codexHome,
    homeDir: host.homeDir,
    platform: host.platform,
    profile: options.profile,
    profileStyle: legacy ? "table" : "file",
    ...options.codexVersion === null && { codexVersionUnknown: true },
    codexVersion: options.codexVersion ?? null
  };
}
async function readConfigLayers(host, codexHome, profile) {
  const join = (dir, name) => resolveAgainst(dir, name, host.platform);
  const paths = [
    // The spec names /etc/codex only; other platforms have no system layer here.
    ...host.platform === "win32" ? [] : [["system", SYSTEM_CONFIG_PATH]],
    ["user", join(codexHome, "config.toml")],
    ["project", join(host.cwd, ".codex/config.toml")],
    ...profile !== void 0 ? [["profile", join(codexHome, `${profile}.config.toml`)]] : []
  ];
  return Promise.all(paths.map(([kind, file]) => readLayer(host, kind, file)));
}
async function readLayer(host, kind, file) {
  const invalid = (problem) => ({
    kind,
    file,
    state: "invalid",
    table: {},
    source: "",
    problem: { ...problem, file, fatal: true }
  });
  try {
    const stat = await host.fs.stat(file);
    if (stat === null) return { kind, file, state: "missing", table: {}, source: "" };
    if (stat.kind !== "file") return invalid({ kind: "not-a-file", message: stat.kind === "directory" ? `${file} is a directory, not a file` : `${file} is not a regular file` });
    const read = await host.fs.readFile(file, MAX_CONFIG_BYTES);
    if (read.truncated) return invalid({ kind: "too-large", message: `${file} is ${read.size} bytes, far larger than any config file` });
    return parseLayer(kind, file, read.bytes);
  } catch (error) {
    return invalid({ kind: "unreadable", message: `failed to read ${file}: ${ioMessage(error)}` });
  }
}
var MAX_TABLE_DEPTH = 128;
function tableDepth(value, limit) {
  let deepest = 0;
  const stack = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop();
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    const children2 = Array.isArray(node) ? node : isTable(node) ? Object.values(node) : [];
    for (const item of children2) if (typeof item === "object" && item !== null) stack.push([item, depth + 1]);
  }
  return deepest;
}
function parseLayer(kind, file, bytes) {
  let source;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { kind, file, state: "invalid", table: {}, source: "", problem: { kind: "not-utf8", fatal: true, file, message: `${file}: stream did not contain valid UTF-8` } };
  }
  try {
    const table = smolToml().parse(source);
    const depth = tableDepth(table, MAX_TABLE_DEPTH);
    if (depth > MAX_TABLE_DEPTH) {
      const message = `${file}: tables nested more than ${MAX_TABLE_DEPTH} levels deep (a [a.b.c...] header or inline tables), far deeper than any Codex setting`;
      return { kind, file, state: "invalid", table: {}, source, problem: { kind: "too-deep", fatal: true, file, message } };
    }
    return { kind, file, state: "loaded", table, source };
  } catch (error) {
    if (!(error instanceof smolToml().TomlError)) throw error;
    const [first = error.message] = error.message.split("\n");
    const problem = {
      kind: "syntax",
      fatal: true,
      file,
      line: error.line,
      column: error.column,
      message: first.replace(/^Invalid TOML document: /, ""),
      excerpt: error.codeblock
    };
    return { kind, file, state: "invalid", table: {}, source, problem };
  }
}
function buildCodexConfig(layers, context) {
  const problems = layers.flatMap((l) => l.problem ? [l.problem] : []);
  const effective = effectiveLayers(layers, context, problems);
  const merged = {};
  const provenance = /* @__PURE__ */ new Map();
  const unknownKeys = [];
  for (const layer of effective) {
    const table = layer.kind === "project" ? withoutForbidden(layer, problems) : layer.table;
    mergeInto(merged, table, [], layer.file, provenance);
    for (const unknown of findUnknownKeys(table)) {
      const line = locateKey(layer.source, layer.prefix.concat(unknown.path));
      unknownKeys.push({ ...unknown, layer: layer.kind, file: layer.file, ...line !== void 0 && { line }, value: valueAt(table, unknown.path) });
    }
  }
  const where = (path2) => placeOf(path2, provenance, effective);
  const read = new TableReader(merged, where, problems);
  const config = {
    context,
    layers: [...layers],
    sources: effective,
    merged,
    provenance,
    problems,
    unknownKeys,
    modelProvider: read.sourced(["model_provider"], "string"),
    modelProviders: readProviders(read, merged),
    openaiBaseUrl: read.sourced(["openai_base_url"], "string"),
    chatgptBaseUrl: read.sourced(["chatgpt_base_url"], "string"),
    respectSystemProxy: read.sourced(["features", "respect_system_proxy"], "boolean"),
    systemProxyFallback: read.sourced(["features", "system_proxy_fallback"], "boolean"),
    networkProxy: read.sourced(["features", "network_proxy"], "boolean"),
    respectSystemProxyMisspelt: unknownKeys.filter((u) => u.real !== null && "key" in u.real && formatKey(u.real.key) === "features.respect_system_proxy"),
    cliAuthCredentialsStore: read.sourced(["cli_auth_credentials_store"], "string"),
    sandboxMode: read.sourcedEnum(["sandbox_mode"], SANDBOX_MODES),
    networkAccess: read.sourced(["sandbox_workspace_write", "network_access"], "boolean"),
    shellEnvironmentPolicy: readShellPolicy(read, merged, problems),
    otelExporters: readOtel(read, merged, context, provenance, problems, where),
    mcpUrlServers: readMcp(read, merged)
  };
  problems.sort((a, b) => Number(b.fatal) - Number(a.fatal));
  return config;
}
function effectiveLayers(layers, context, problems) {
  const out = [];
  const user = layers.find((l) => l.kind === "user");
  for (const kind of LAYER_ORDER) {
    let layer;
    if (kind === "profile") {
      if (context.profile === void 0) continue;
      layer = profileLayer(layers.find((l) => l.kind === "profile"), user, context, problems);
    } else {
      const loaded3 = layers.find((l) => l.kind === kind);
      if (loaded3?.state === "loaded") layer = { kind, file: loaded3.file, table: loaded3.table, source: loaded3.source, prefix: [] };
    }
    if (!layer) continue;
    checkProfileKey(layer, context, problems);
    out.push(layer);
  }
  if (context.profileStyle === "table" && context.profile === void 0) {
    const selected = [...out].reverse().find((l) => typeof l.table.profile === "string")?.table.profile;
    if (typeof selected === "string") {
      const profile = profileLayer(void 0, user, { ...context, profile: selected }, problems);
      if (profile) out.push(profile);
    }
  }
  return out;
}
function checkProfileKey(layer, context, problems) {
  const value = layer.table.profile;
  if (value === void 0) return;
  const name = typeof value === "string" ? value : String(value);
  const line = locateKey(layer.source, [...layer.prefix, "profile"]);
  const place2 = { file: layer.file, key: ["profile"], ...line !== void 0 && { line } };
  if (context.profileStyle === "file" && context.codexVersionUnknown) {
    problems.push({
      ...place2,
      kind: "profile-key-version-unknown",
      fatal: false,
      message: `\`profile = ${JSON.stringify(name)}\` is an error from Codex ${PROFILE_FILES_SINCE} (Codex refuses to start; a profile is now the file ${name}.config.toml in CODEX_HOME, selected with --profile ${name}), while earlier releases use it to select [profiles.${name}]; the installed version is unknown`
    });
  } else if (context.profileStyle === "file") {
    problems.push({
      ...place2,
      kind: "profile-key",
      fatal: true,
      message: `\`profile = ${JSON.stringify(name)}\` is no longer supported: a profile is now the file ${name}.config.toml in CODEX_HOME, selected with --profile ${name}`
    });
  } else {
    problems.push({
      ...place2,
      kind: "profile-key-legacy",
      fatal: false,
      message: `\`profile = ${JSON.stringify(name)}\` selects [profiles.${name}] in this Codex release; from ${PROFILE_FILES_SINCE} it is an error`
    });
  }
}
function profileLayer(layer, user, context, problems) {
  const name = context.profile;
  if (context.profileStyle === "table") {
    const table = user?.state === "loaded" ? valueAt(user.table, ["profiles", name]) : void 0;
    if (isTable(table)) return { kind: "profile", file: user.file, table, source: user.source, prefix: ["profiles", name] };
    problems.push({ kind: "profile-not-found", fatal: true, file: user?.file ?? "config.toml", key: ["profiles", name], message: `config profile \`${name}\` not found` });
    return void 0;
  }
  if (!layer) return void 0;
  if (layer.state === "missing") {
    problems.push({ kind: "profile-not-found", fatal: true, file: layer.file, message: `--profile ${name}: ${layer.file} does not exist` });
    return void 0;
  }
  if (layer.state !== "loaded") return void 0;
  return { kind: "profile", file: layer.file, table: layer.table, source: layer.source, prefix: [] };
}
function withoutForbidden(layer, problems) {
  const table = structuredClone(layer.table);
  for (const key of PROJECT_FORBIDDEN_KEYS) {
    if (valueAt(table, key) === void 0) continue;
    deleteAt(table, key);
    const line = locateKey(layer.source, [...key]);
    problems.push({
      kind: "project-key-ignored",
      fatal: false,
      file: layer.file,
      key: [...key],
      ...line !== void 0 && { line },
      message: `\`${formatKey(key)}\` cannot be set in a project config; Codex ignores it in ${layer.file}`
    });
  }
  return table;
}

// src/codex/config-fix.ts
function fixLocation(config, kind) {
  const source = config.sources.find((s) => s.kind === kind);
  return source && source.prefix.length > 0 ? { target: "user", prefix: source.prefix } : { target: kind, prefix: [] };
}
function snippetFor(path2, value) {
  const root = {};
  let node = root;
  path2.forEach((segment, i) => {
    if (i === path2.length - 1) {
      setOwn(node, segment, value);
      return;
    }
    const child = {};
    setOwn(node, segment, child);
    node = child;
  });
  return smolToml().stringify(root).trim();
}

// src/codex/proxy.ts
var proxy_exports = {};
__export(proxy_exports, {
  PROXY_VARIABLE_PAIRS: () => PROXY_VARIABLE_PAIRS,
  caseConflicts: () => caseConflicts,
  describeProxyDecision: () => describeProxyDecision,
  proxyFor: () => proxyFor,
  proxySetting: () => proxySetting,
  proxySourceName: () => proxySourceName,
  proxyVariableInEffect: () => proxyVariableInEffect,
  proxyVariableToWrite: () => proxyVariableToWrite,
  redactProxyValue: () => redactProxyValue,
  unencodedAtInUserinfo: () => unencodedAtInUserinfo
});

// src/core/bound.ts
var bound_exports = {};
__export(bound_exports, {
  MAX_LIST_LENGTH: () => MAX_LIST_LENGTH,
  MAX_TEXT_LENGTH: () => MAX_TEXT_LENGTH,
  bounded: () => bounded,
  clip: () => clip
});
var MAX_TEXT_LENGTH = 2e3;
var MAX_LIST_LENGTH = 500;
function clip(text, max = MAX_TEXT_LENGTH) {
  return text.length <= max ? text : `${text.slice(0, max)}\u2026 [${text.length - max} more characters]`;
}
function bounded(value) {
  return boundValue(value, "");
}
function boundValue(value, key) {
  if (key === "action") return value;
  if (typeof value === "string") return clip(value);
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_LIST_LENGTH).map((item) => boundValue(item, ""));
    const left = value.length - kept.length;
    if (left > 0 && value.every((item) => typeof item === "string")) kept.push(`\u2026 [${left} more]`);
    return kept;
  }
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = boundValue(v, k);
    return out;
  }
  return value;
}

// src/codex/proxy-uri.ts
var AUTHORITY_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@[\]%]*$/;
function parseUri(value) {
  if (value === "") return { error: "it is empty" };
  if (/[\s"<>\\^`{|}]|[^\x21-\x7e]/.test(value)) {
    return { error: "it contains blanks, quotes or other characters a URL cannot hold (percent-encode them)" };
  }
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(value);
  let scheme = null;
  let authorityText;
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    const rest = value.slice(schemeMatch[0].length);
    const end = rest.search(/[/?#]/);
    authorityText = end === -1 ? rest : rest.slice(0, end);
    if (authorityText === "") return { error: "there is no host in it" };
  } else if (value.startsWith("/")) {
    return { scheme: null, authority: null };
  } else {
    if (/[/?#]/.test(value)) return { error: "without a scheme it must be just host:port" };
    authorityText = value;
  }
  if (!AUTHORITY_CHARS.test(authorityText)) return { error: "its host part holds characters a URL cannot hold" };
  const at = authorityText.lastIndexOf("@");
  const userinfo = at === -1 ? null : authorityText.slice(0, at);
  const hostPort = authorityText.slice(at + 1);
  if (hostPort.includes("%")) return { error: "its host part holds a % sign" };
  let host;
  let portText = null;
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close === -1) return { error: "an IPv6 address is not closed with ]" };
    host = hostPort.slice(0, close + 1);
    const rest = hostPort.slice(close + 1);
    if (rest !== "") {
      if (!rest.startsWith(":")) return { error: "unexpected text after the IPv6 address" };
      portText = rest.slice(1);
    }
  } else {
    const colons = hostPort.split(":").length - 1;
    if (colons > 1) return { error: "it has more than one colon (a password with : / @ must be percent-encoded)" };
    const colon = hostPort.indexOf(":");
    host = colon === -1 ? hostPort : hostPort.slice(0, colon);
    if (colon !== -1) portText = hostPort.slice(colon + 1);
  }
  if (host === "") return { error: "there is no host in it" };
  let port = null;
  if (portText !== null && portText !== "") {
    port = parseU16(portText);
    if (port === null) return { error: "the port is not a number from 0 to 65535 (a password with : / @ # ? must be percent-encoded)" };
  }
  return { scheme, authority: { userinfo, host, port } };
}
function splitUserinfo(userinfo, decode) {
  const colon = userinfo.indexOf(":");
  const username = decode(colon === -1 ? userinfo : userinfo.slice(0, colon));
  const password = colon === -1 ? "" : decode(userinfo.slice(colon + 1));
  if (username === null || password === null) return null;
  return { username, hasPassword: password !== "" };
}
function beforeFirstAt(userinfo) {
  const at = userinfo.indexOf("@");
  return at === -1 ? userinfo : userinfo.slice(0, at);
}
function unencodedAtInUserinfo(value) {
  const uri = parseUri(rustTrim(value));
  if ("error" in uri || uri.authority === null || uri.authority.userinfo === null || !uri.authority.userinfo.includes("@")) return null;
  const { userinfo } = uri.authority;
  return { https: splitUserinfo(beforeFirstAt(userinfo), lossyPercentDecode), websocket: splitUserinfo(userinfo, lossyPercentDecode) };
}
function lossyPercentDecode(text) {
  return Buffer.from(text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))), "latin1").toString("utf8");
}
function strictPercentDecode(text) {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return null;
  const bytes = Buffer.from(text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))), "latin1");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
var MAX_SHOWN_PART = 100;
function proxyUrl(scheme, host, port, credentials) {
  const userinfo = credentials ? "[redacted]@" : "";
  return { scheme, host: stripBrackets(host), port, display: `${scheme}://${userinfo}${clip(host, MAX_SHOWN_PART)}:${port}` };
}
function hostOf(target) {
  return stripBrackets(target.hostname);
}
function stripBrackets(host) {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}
function parseU16(text) {
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n <= 65535 ? n : null;
}

// src/codex/proxy.ts
var PROXY_VARIABLE_PAIRS = [
  ["HTTPS_PROXY", "https_proxy"],
  ["HTTP_PROXY", "http_proxy"],
  ["ALL_PROXY", "all_proxy"],
  ["NO_PROXY", "no_proxy"]
];
function proxyFor(transport, targetUrl, env, override, system) {
  const target = new URL(targetUrl);
  switch (transport) {
    case "https":
      return reqwestDecision(target, env, override, system ?? null);
    case "websocket":
      return tungsteniteDecision(target, env, override);
  }
}
var SOCKS_SCHEMES = ["socks4", "socks4a", "socks5", "socks5h"];
function reqwestDecision(target, env, override, system) {
  const base = { transport: "https", target: target.href, notes: [] };
  const { notes } = base;
  if (env.REQUEST_METHOD !== void 0) {
    return {
      ...base,
      kind: "direct",
      reason: "REQUEST_METHOD is set, so the HTTPS client behaves as a CGI script and ignores every proxy variable"
    };
  }
  const forHttps = target.protocol === "https:" || target.protocol === "wss:";
  const candidates = [];
  if (override !== void 0) {
    candidates.push({ variable: "--proxy", value: override });
  } else {
    const specific = firstSet(env, forHttps ? ["HTTPS_PROXY", "https_proxy"] : ["HTTP_PROXY", "http_proxy"], notes);
    const all = firstSet(env, ["ALL_PROXY", "all_proxy"], notes);
    const fromSystem = forHttps && system?.https && (specific === null || specific.value === "") ? { variable: "system", value: system.https } : null;
    if (fromSystem) candidates.push(fromSystem);
    else if (specific) candidates.push(specific);
    if (all) candidates.push(all);
  }
  let chosen;
  for (const candidate of candidates) {
    if (candidate.value === "") continue;
    const parsed2 = parseReqwestProxy(candidate.value);
    if ("skipped" in parsed2) {
      notes.push({
        kind: parsed2.kind,
        variable: candidate.variable,
        text: `${proxySetting(candidate.variable, redactProxyValue(candidate.value))} is ignored by the HTTPS client: ${parsed2.skipped}`
      });
      continue;
    }
    chosen = { variable: candidate.variable, parsed: parsed2 };
    break;
  }
  if (!chosen) {
    if (forHttps && override === void 0) {
      const http = firstSet(env, ["HTTP_PROXY", "http_proxy"], []);
      if (http && http.value !== "") {
        notes.push({
          kind: "http-proxy-not-for-https",
          variable: http.variable,
          text: `${http.variable} is set, but the HTTPS client uses it only for http:// URLs, never for https://`
        });
      }
    }
    const names = forHttps ? "HTTPS_PROXY or ALL_PROXY" : "HTTP_PROXY or ALL_PROXY";
    const systemToo = forHttps && override === void 0 && system !== null && system.error === null ? ", and the system proxy settings set no HTTPS proxy" : "";
    const hidden = override === void 0 ? hiddenLower(notes, forHttps ? ["HTTPS_PROXY", "ALL_PROXY"] : ["HTTP_PROXY", "ALL_PROXY"]) : null;
    if (hidden) return { ...base, kind: "direct", reason: `${emptyHidesReason(hidden)}${systemToo}`, hiddenBy: hidden };
    return { ...base, kind: "direct", reason: `no usable proxy variable applies to ${target.protocol}// URLs (${names})${systemToo}` };
  }
  const envNoProxy = firstSet(env, ["NO_PROXY", "no_proxy"], notes);
  const noProxy = (envNoProxy === null || envNoProxy.value === "") && system?.noProxy ? { variable: "ProxyOverride", value: system.noProxy } : envNoProxy;
  if (noProxy) {
    const entry = reqwestNoProxyMatch(noProxy.value, hostOf(target));
    if (entry !== null) {
      return { ...base, kind: "bypassed", noProxyEntry: entry, noProxyVariable: noProxy.variable, variable: chosen.variable };
    }
  }
  const { parsed, variable } = chosen;
  if (SOCKS_SCHEMES.includes(parsed.url.scheme)) {
    return {
      ...base,
      kind: "unsupported",
      variable,
      scheme: parsed.url.scheme,
      value: parsed.url.display,
      message: `SOCKS support is not compiled into Codex's HTTPS client: requests fail with "error sending request for url (${target.href})"`
    };
  }
  return { ...base, kind: "proxy", url: parsed.url, variable, ...parsed.credentials && { credentials: parsed.credentials } };
}
function parseReqwestProxy(value) {
  const uri = parseUri(value);
  if ("error" in uri) return { skipped: uri.error, kind: "ignored-invalid" };
  const scheme = uri.scheme ?? "http";
  if (scheme !== "http" && scheme !== "https" && !SOCKS_SCHEMES.includes(scheme)) {
    return { skipped: `${scheme}:// is not a proxy scheme it knows`, kind: "ignored-scheme" };
  }
  if (uri.authority === null) return { skipped: "there is no host in it", kind: "ignored-invalid" };
  const defaultPort = scheme === "http" ? 80 : scheme === "https" ? 443 : 1080;
  const port = uri.authority.port ?? defaultPort;
  const credentials = uri.authority.userinfo === null ? void 0 : splitUserinfo(beforeFirstAt(uri.authority.userinfo), lossyPercentDecode);
  return {
    url: proxyUrl(scheme, uri.authority.host, port, credentials ?? void 0),
    ...credentials && { credentials: { username: credentials.username, hasPassword: credentials.hasPassword } }
  };
}
function reqwestNoProxyMatch(list, host) {
  const entries = list.split(",").map(rustTrim);
  const ipHost = nodeNet().isIP(host);
  for (const entry of entries) {
    if (entry === "") continue;
    const ip = parseIpEntry(entry);
    if (ip !== null) {
      if (ipHost !== 0 && ip.contains(host)) return entry;
      continue;
    }
    if (ipHost !== 0) continue;
    const d = entry.toLowerCase();
    const domain = host.toLowerCase();
    if (d === domain || d.startsWith(".") && d.slice(1) === domain) return entry;
    if (domain.endsWith(d)) {
      if (d.startsWith(".")) return entry;
      if (domain[domain.length - d.length - 1] === ".") return entry;
    } else if (d === "*") {
      return entry;
    }
  }
  return null;
}
function parseIpEntry(entry) {
  const slash = entry.indexOf("/");
  const address = slash === -1 ? entry : entry.slice(0, slash);
  const family = nodeNet().isIP(address);
  if (family === 0) return null;
  const type = family === 4 ? "ipv4" : "ipv6";
  const max = family === 4 ? 32 : 128;
  const list = new (nodeNet()).BlockList();
  if (slash === -1) {
    list.addAddress(address, type);
  } else {
    const prefixText = entry.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
    list.addSubnet(address, Number(prefixText), type);
  }
  return {
    contains: (host) => {
      const hostFamily = nodeNet().isIP(host);
      return hostFamily !== 0 && list.check(host, hostFamily === 4 ? "ipv4" : "ipv6");
    }
  };
}
function tungsteniteDecision(target, env, override) {
  const base = { transport: "websocket", target: target.href, notes: [] };
  const { notes } = base;
  const tls = target.protocol === "wss:" || target.protocol === "https:";
  const port = target.port === "" ? tls ? 443 : 80 : Number(target.port);
  const candidate = override !== void 0 ? override === "" ? null : { variable: "--proxy", value: override } : (tls ? getEnvFirst(env, ["HTTPS_PROXY", "https_proxy"], notes) : null) ?? getEnvFirst(env, ["HTTP_PROXY", "http_proxy"], notes) ?? getEnvFirst(env, ["ALL_PROXY", "all_proxy"], notes);
  const noProxy = getEnvFirst(env, ["NO_PROXY", "no_proxy"], notes);
  if (noProxy) {
    const entry = tungsteniteNoProxyMatch(noProxy.value, hostOf(target), port);
    if (entry !== null) {
      if (!candidate) return { ...base, kind: "direct", reason: `no proxy variable is set (and ${noProxy.variable} lists ${entry})` };
      return { ...base, kind: "bypassed", noProxyEntry: entry, noProxyVariable: noProxy.variable, variable: candidate.variable };
    }
  }
  if (!candidate) {
    const hidden = override === void 0 ? hiddenLower(notes, tls ? ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"] : ["HTTP_PROXY", "ALL_PROXY"]) : null;
    if (hidden) return { ...base, kind: "direct", reason: emptyHidesReason(hidden), hiddenBy: hidden };
    return { ...base, kind: "direct", reason: `no proxy variable is set (${tls ? "HTTPS_PROXY, HTTP_PROXY, ALL_PROXY" : "HTTP_PROXY, ALL_PROXY"})` };
  }
  const { variable } = candidate;
  const value = rustTrim(candidate.value);
  const uri = parseUri(value);
  if ("error" in uri) {
    return { ...base, kind: "invalid", variable, value: redactProxyValue(value), message: `Invalid proxy configuration: ${redactProxyValue(value)}` };
  }
  const scheme = uri.scheme;
  if (scheme !== "http" && scheme !== "socks5" && scheme !== "socks5h") {
    return {
      ...base,
      kind: "unsupported",
      variable,
      scheme: scheme ?? "",
      value: redactProxyValue(value),
      message: "Proxy URL scheme not supported"
    };
  }
  if (uri.authority === null) {
    return { ...base, kind: "invalid", variable, value: redactProxyValue(value), message: `Invalid proxy configuration: ${redactProxyValue(value)}` };
  }
  let credentials = null;
  if (uri.authority.userinfo !== null) {
    credentials = splitUserinfo(uri.authority.userinfo, strictPercentDecode);
    if (credentials === null) {
      return { ...base, kind: "invalid", variable, value: redactProxyValue(value), message: "Invalid proxy configuration: invalid percent-encoding" };
    }
  }
  const url = proxyUrl(scheme, uri.authority.host, uri.authority.port ?? (scheme === "http" ? 80 : 1080), credentials ?? void 0);
  return { ...base, kind: "proxy", url, variable, ...credentials && { credentials } };
}
function tungsteniteNoProxyMatch(list, rawHost, port) {
  const host = stripBrackets(rawHost);
  const trimmed = rustTrim(list);
  if (trimmed === "") return null;
  if (trimmed === "*") return "*";
  for (const raw of trimmed.split(",")) {
    const token = rustTrim(raw);
    if (token === "") continue;
    const [tokenHostRaw, tokenPort] = splitHostPort(token);
    if (tokenPort !== null && tokenPort !== port) continue;
    const tokenHost = stripBrackets(tokenHostRaw);
    if (host === tokenHost) return token;
    if (tokenHost.startsWith(".")) {
      const bare = tokenHost.slice(1);
      if (host === bare || host.endsWith(`.${bare}`)) return token;
    } else if (host.endsWith(`.${tokenHost}`)) {
      return token;
    }
  }
  return null;
}
function splitHostPort(token) {
  if (token.startsWith("[")) {
    const close = token.indexOf("]");
    if (close === -1) return [token, null];
    const rest = token.slice(close + 1);
    return [token.slice(0, close + 1), rest.startsWith(":") ? parseU16(rest.slice(1)) : null];
  }
  if (token.split(":").length === 2) {
    const colon = token.lastIndexOf(":");
    return [token.slice(0, colon), parseU16(token.slice(colon + 1))];
  }
  return [token, null];
}
function firstSet(env, names, notes) {
  const [upper, lower] = names;
  const upperValue = env[upper];
  if (upperValue !== void 0) {
    const lowerValue2 = env[lower];
    if (upperValue === "" && lowerValue2 !== void 0 && lowerValue2 !== "") {
      notes.push({ kind: "empty-hides-lower", variable: upper, text: `${upper} is set but empty, which hides ${lower}; Codex uses neither` });
    }
    return { variable: upper, value: upperValue };
  }
  const lowerValue = env[lower];
  return lowerValue === void 0 ? null : { variable: lower, value: lowerValue };
}
function hiddenLower(notes, uppers) {
  for (const upper of uppers) {
    if (notes.some((n) => n.kind === "empty-hides-lower" && n.variable === upper)) return { upper, lower: upper.toLowerCase() };
  }
  return null;
}
function emptyHidesReason(hidden) {
  return `${hidden.upper} is set but empty, which hides ${hidden.lower}: Codex uses neither`;
}
function getEnvFirst(env, names, notes) {
  const found = firstSet(env, names, notes);
  return found === null || found.value === "" ? null : found;
}
function caseConflicts(env) {
  const conflicts = [];
  for (const [upper, lower] of PROXY_VARIABLE_PAIRS) {
    const u = env[upper];
    const l = env[lower];
    if (u === void 0 || l === void 0 || u === l) continue;
    conflicts.push({ upper, lower, upperValue: redactProxyValue(u), lowerValue: redactProxyValue(l), upperEmpty: u === "" });
  }
  return conflicts;
}
function proxyVariableInEffect(env, pair) {
  return firstSet(env, pair, []);
}
function describeProxyDecision(decision, origin) {
  const where = (variable) => variable === "--proxy" || variable === "system" ? void 0 : origin?.(variable);
  const from = (variable) => {
    const text = where(variable);
    return text ? ` (${text})` : "";
  };
  switch (decision.kind) {
    case "direct":
      return `connects directly (${decision.reason})`;
    case "proxy": {
      const text = where(decision.variable);
      return `goes through ${decision.url.display} (${proxySourceName(decision.variable)}${text ? `, ${text}` : ""})`;
    }
    case "unsupported": {
      const what = decision.scheme === "" ? "a proxy URL without a scheme" : `${/^[aeiouh]/.test(decision.scheme) ? "an" : "a"} ${decision.scheme}:// proxy`;
      return `fails: ${proxySourceName(decision.variable)}${from(decision.variable)} ${decision.variable === "system" ? "give" : "is"} ${what} (${decision.value}): ${decision.message}`;
    }
    case "invalid":
      return `fails: ${decision.variable}${from(decision.variable)} does not parse: ${decision.message}`;
    case "bypassed":
      return `connects directly: ${proxySourceName(decision.noProxyVariable)} entry "${decision.noProxyEntry}" bypasses ${proxySourceName(decision.variable)}${from(decision.variable)}`;
  }
}
function proxyVariableToWrite(source) {
  return source === "--proxy" || source === "system" ? "HTTPS_PROXY" : source;
}
function proxySourceName(variable) {
  switch (variable) {
    case "system":
      return "the system proxy settings";
    case "ProxyOverride":
      return "the system proxy exceptions (ProxyOverride)";
    default:
      return variable;
  }
}
function proxySetting(variable, value) {
  return variable === "system" ? `the system HTTPS proxy setting ${value}` : `${variable}=${value}`;
}

// src/codex/features.ts
function defaultOf(name, codexVersion) {
  switch (name) {
    case "system_proxy_fallback":
      return codexHas(codexVersion, CODEX_RELEASES.systemProxyFallback);
    case "respect_system_proxy":
    case "network_proxy":
      return false;
  }
}
function codexFeatures(config, codexVersion) {
  const table = isTable(config.merged.features) ? config.merged.features : {};
  const state = (name) => {
    const value = table[name];
    const file = config.provenance.get(formatKey(["features", name]));
    if (typeof value === "boolean" && file !== void 0) return { name, enabled: value, source: "config", file };
    return { name, enabled: defaultOf(name, codexVersion), source: "default" };
  };
  return { system_proxy_fallback: state("system_proxy_fallback"), respect_system_proxy: state("respect_system_proxy"), network_proxy: state("network_proxy") };
}
var LOGIN_RETRY_LOG_LINE = "oauth token connection failed; retrying with system proxy";
var CONNECT_CLASS_STAGES = /* @__PURE__ */ new Set(["dns", "tcp", "proxy-connect", "proxy-auth", "tls-handshake", "tls-verify"]);
function isConnectClassStage(stage) {
  return CONNECT_CLASS_STAGES.has(stage);
}
function loginSystemProxyRetry(features, system, first) {
  const feature = features.system_proxy_fallback;
  if (!feature.enabled) return { kind: "off", why: feature.source === "config" ? "config" : "release", ...feature.file !== void 0 && { file: feature.file } };
  if (system === null) return { kind: "nothing-to-retry", why: "platform" };
  if (system.error !== null) return { kind: "unknown", command: system.command };
  if (system.https === null) return { kind: "nothing-to-retry", why: "no-system-proxy" };
  const sameRoute = first.kind === "proxy" && (first.variable === "system" || sameHostPort(first.url.host, first.url.port, system.https));
  return { kind: "retries", via: redactProxyValue(system.https), sameRoute };
}
function sameHostPort(host, port, setting) {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(setting) ? setting : `http://${setting}`;
  if (!URL.canParse(withScheme)) return false;
  const url = new URL(withScheme);
  const settingPort = url.port === "" ? url.protocol === "https:" ? 443 : 80 : Number(url.port);
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase() === host.toLowerCase() && settingPort === port;
}
function respectSystemProxyEffect(features, platform) {
  const feature = features.respect_system_proxy;
  if (!feature.enabled) return { kind: "off" };
  const file = feature.file !== void 0 ? { file: feature.file } : {};
  return platform === "darwin" || platform === "win32" ? { kind: "os-first", ...file } : { kind: "env-fallback", ...file };
}

// src/checks/config-actions.ts
var config_actions_exports = {};
__export(config_actions_exports, {
  configFixAction: () => configFixAction,
  configSpeaker: () => configSpeaker,
  withConfigActions: () => withConfigActions
});
function configSpeaker(config, host) {
  return new Speaker({ provenance: {}, dotenv: { path: dotenvPath(config.context.codexHome, host.platform) } }, host);
}
function fileOf(config, kind) {
  const actual = kind === "profile" && config.context.profileStyle === "table" ? "user" : kind;
  return config.layers.find((l) => l.kind === actual)?.file ?? (actual === "user" ? `${config.context.codexHome}/config.toml` : null);
}
function setsOf(table, prefix = []) {
  const changes = [];
  for (const [key, value] of Object.entries(table)) {
    const path2 = [...prefix, key];
    if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) {
      const inner = setsOf(value, path2);
      if (inner === null || inner.length === 0) return null;
      changes.push(...inner);
    } else {
      if (!isTomlValue(value)) return null;
      changes.push({ op: "set", path: path2, value });
    }
  }
  return changes;
}
function isTomlValue(value) {
  if (typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isTomlValue);
  return value !== null && typeof value === "object" && !(value instanceof Date) && Object.values(value).every(isTomlValue);
}
function configFixAction(config, fix) {
  let parsed;
  try {
    parsed = smolToml().parse(fix.snippet);
  } catch {
    return null;
  }
  const sets = setsOf(parsed);
  const target = fileOf(config, fix.target);
  if (sets === null || target === null) return null;
  const byFile = /* @__PURE__ */ new Map();
  const add = (file, change) => void byFile.set(file, [...byFile.get(file) ?? [], change]);
  for (const { layer, key } of fix.remove) {
    const file = fileOf(config, layer);
    if (file === null) return null;
    add(file, { op: "remove", path: [...key] });
  }
  for (const change of sets) add(target, change);
  const steps = [...byFile].map(([file, changes]) => ({ kind: "edit-config", file, changes }));
  if (steps.length === 0) return null;
  return steps.length === 1 ? steps[0] : { kind: "sequence", steps };
}
var BY_HAND = {
  CONFIG_SYNTAX_ERROR: "repair-file",
  CONFIG_NOT_A_FILE: "repair-file",
  CONFIG_TOO_LARGE: "repair-file",
  CONFIG_TOO_DEEP: "repair-file",
  CONFIG_NOT_UTF8: "repair-file",
  CONFIG_UNREADABLE: "file-permissions",
  SANDBOX_CA_FILE_MISSING: "repair-file",
  SANDBOX_CA_FILE_UNREADABLE: "file-permissions",
  OTEL_TLS_FILE_MISSING: "repair-file",
  OTEL_TLS_FILE_UNREADABLE: "file-permissions",
  OTEL_CA_INVALID: "repair-file",
  OTEL_CLIENT_CERT_INVALID: "repair-file",
  OTEL_CLIENT_KEY_INVALID: "repair-file",
  OTEL_CLIENT_KEY_MISMATCH: "repair-file"
};
function withConfigActions(findings, fixes, config) {
  return findings.map((finding) => {
    if (finding.level === "info" || finding.hints.some((h) => h.action !== void 0)) return finding;
    const hints = finding.hints.map((hint) => {
      const fix = hint.snippet === void 0 ? void 0 : fixes.find((f) => f.snippet === hint.snippet);
      const action = fix && configFixAction(config, fix);
      return action ? { ...hint, action } : hint;
    });
    if (hints.some((h) => h.action !== void 0)) return { ...finding, hints };
    const [first, ...rest] = finding.hints;
    return { ...finding, hints: [{ ...first, action: { kind: "manual", topic: BY_HAND[finding.code] ?? "edit-config-by-hand" } }, ...rest] };
  });
}

// src/codex/codex-messages.ts
var codex_messages_exports = {};
__export(codex_messages_exports, {
  AFTER_WEBSOCKET_FAILURE: () => AFTER_WEBSOCKET_FAILURE,
  APPLICATION_POLICY_TEXTS: () => APPLICATION_POLICY_TEXTS,
  DEVICE_CODE_URL: () => DEVICE_CODE_URL,
  RECONNECTING_FOREVER: () => RECONNECTING_FOREVER,
  WEBSOCKET_FALLBACK_WARNING: () => WEBSOCKET_FALLBACK_WARNING,
  codexPolicyText: () => codexPolicyText,
  deviceLoginFailed: () => deviceLoginFailed,
  sendError: () => sendError,
  tokenExchangeFailed: () => tokenExchangeFailed,
  unboundedRetriesNote: () => unboundedRetriesNote,
  unknownKeyLine: () => unknownKeyLine,
  unknownKeysWarning: () => unknownKeysWarning
});
var DEVICE_CODE_URL = `${ISSUER}/api/accounts/deviceauth/usercode`;
function sendError(url) {
  return `error sending request for url (${url})`;
}
function tokenExchangeFailed(url) {
  return `Token exchange failed: ${sendError(url)}`;
}
function deviceLoginFailed(error, codexVersion) {
  return codexHas(codexVersion, CODEX_RELEASES.deviceLoginErrorPrefix) ? `Error logging in: ${error}` : error;
}
function unknownKeysWarning(count) {
  return `Codex is ignoring ${count} unrecognized configuration setting${count === 1 ? "" : "s"}. Check for typos or deprecated settings.`;
}
function unknownKeyLine(layer, file, key) {
  return `${layer} (${file}): \`${key}\` is ignored.`;
}
var WEBSOCKET_FALLBACK_WARNING = "warning: Falling back from WebSockets to HTTPS transport.";
var RECONNECTING_FOREVER = "Reconnecting... waiting for network";
var AFTER_WEBSOCKET_FAILURE = `Codex retries ("Reconnecting... n/5") and then falls back to HTTPS streaming ("${WEBSOCKET_FALLBACK_WARNING}").`;
function unboundedRetriesNote(codexVersion) {
  if (!codexHas(codexVersion, CODEX_RELEASES.unboundedRetries)) return null;
  return `If model requests over HTTPS fail as well, Codex ${releaseForAdvice(codexVersion)} retries them without end ("${RECONNECTING_FOREVER}"): \`codex exec\` in CI then hangs until the job's timeout instead of exiting with an error, so look for a timed-out step, not a failed one.`;
}
var APPLICATION_POLICY_TEXTS = ["destination denied by application network policy", "application network permission was revoked"];
var MANAGED_PROXY_TEXTS = ["CODEX_NETWORK_POLICY_DECISION", "Codex blocked this request"];
function codexPolicyText(text) {
  const lower = text.toLowerCase();
  for (const quote of APPLICATION_POLICY_TEXTS) if (lower.includes(quote)) return { source: "application-policy", quote };
  for (const quote of MANAGED_PROXY_TEXTS) {
    const at = lower.indexOf(quote.toLowerCase());
    if (at !== -1) return { source: "managed-proxy", quote: firstLineFrom(text, text.indexOf("Codex blocked") !== -1 ? text.indexOf("Codex blocked") : at) };
  }
  return null;
}
function firstLineFrom(text, at) {
  const rest = text.slice(at, at + 200);
  const end = rest.search(/[\r\n]/);
  return end === -1 ? rest : rest.slice(0, end);
}

// src/codex/key-costs.ts
var COSTS = [
  [["features", "respect_system_proxy"], "Codex does not ask the macOS or Windows proxy settings first (PAC included) and routes by the environment"],
  [["features", "system_proxy_fallback"], "the login retry through the system proxy keeps its default (on from 0.169.0)"],
  [["features", "network_proxy"], "Codex's managed network proxy for sandboxed commands stays off"],
  [["model_providers"], "the providers are not defined, so a model_provider naming one of them makes Codex refuse to start"],
  [["model_providers", "*", "base_url"], "the provider has no base URL, so its model requests cannot go where you meant"],
  [["model_providers", "*", "http_headers"], "Codex does not send those headers, and a gateway that needs them refuses the requests"],
  [["model_providers", "*", "supports_websockets"], "the provider keeps the default (a custom provider streams over HTTPS only)"],
  [["model_providers", "*", "env_key"], "Codex does not read the API key from that variable"],
  [["openai_base_url"], "the model API still goes to OpenAI's own base URL"],
  [["chatgpt_base_url"], "ChatGPT requests still go to chatgpt.com"],
  [["cli_auth_credentials_store"], "credentials stay in auth.json instead of the keyring"],
  [["mcp_servers"], "none of these MCP servers is started"],
  [["otel", "exporter"], "no OTEL exporter is configured"],
  [["otel", "*", "*", "tls", "ca-certificate"], "the exporter verifies its collector against the built-in roots, not that CA"],
  [["otel", "*", "*", "tls", "client-certificate"], "the exporter presents no client certificate"],
  [["otel", "*", "*", "tls", "client-private-key"], "the exporter presents no client certificate"],
  [["sandbox_mode"], "the sandbox keeps its default mode (read-only or workspace-write, without network)"],
  [["sandbox_workspace_write"], "workspace-write keeps its defaults (no network for sandboxed commands)"],
  [["sandbox_workspace_write", "network_access"], "sandboxed commands keep no network"],
  [["shell_environment_policy"], 'sandboxed commands get the default environment (inherit "all")'],
  [["shell_environment_policy", "include_only"], "the list filters nothing: sandboxed commands get the whole inherited environment"],
  [["shell_environment_policy", "exclude"], "those variables still reach sandboxed commands"],
  [["shell_environment_policy", "set"], "those values are not set for sandboxed commands"]
];
function costOfIgnoring(realKey) {
  const found = COSTS.find(([pattern]) => pattern.length === realKey.length && pattern.every((p, i) => p === "*" || p === realKey[i]));
  return found?.[1] ?? "the setting has no effect";
}

// src/words/codex-config.ts
function place(at, show) {
  if (at.line !== void 0 && at.column !== void 0) return `${show(at.file)}:${at.line}:${at.column}`;
  return at.line !== void 0 ? `${show(at.file)} (line ${at.line})` : show(at.file);
}
function codexIgnores(unknown, key, show, codexVersion, pronoun = "it") {
  const release = releaseForAdvice(codexVersion);
  if (!codexHas(codexVersion, CODEX_RELEASES.unknownKeysWarned)) return `Codex ${release} ignores ${pronoun} silently (0.169.0 and later warn about ${pronoun})`;
  const warning = unknownKeysWarning("N");
  return isTable(unknown.value) ? `Codex ${release} ignores ${pronoun} and names ${pronoun} in its start-up warning ("${warning}")` : `Codex ${release} ignores ${pronoun} and warns at start ("${warning}", then "${unknownKeyLine(unknown.layer, show(unknown.file), key)}")`;
}
function showUrl(url) {
  const redacted = redactUrl(url);
  return redacted === `${url}/` ? url : redacted;
}
function topLevelNote(snippet) {
  return /^[A-Za-z0-9_"'-]+\s*=/.test(snippet) ? " (top-level keys go above the first [table] of the file)" : "";
}
function deletionHint(words, text, action) {
  const command = words.commands.command(action);
  return { text, ...command !== null && { command }, action };
}
function deleteKeyHint(words, text, action) {
  return action ? deletionHint(words, text, action) : words.manual(text, { kind: "manual", topic: "edit-config-by-hand" });
}
function configSummary(firstFatal, firstEndpoint, read, show) {
  return firstFatal ? `Codex refuses this config: ${place(firstFatal, show)}: ${firstFatal.message}` : firstEndpoint ? firstEndpoint.message : read.length === 0 ? "No config.toml: Codex uses its defaults." : `Read ${read.map((l) => show(l.file)).join(", ")}.`;
}
function configFilesEvidence(layers, show) {
  return { title: "Config files", lines: layers.map((l) => `${l.kind.padEnd(8)} ${show(l.file)}: ${l.state}`) };
}
function syntaxError(problem, show, repair) {
  return {
    level: "fail",
    code: "CONFIG_SYNTAX_ERROR",
    stage: "parse",
    detail: `${place(problem, show)}: ${problem.message}. Codex will not start until this file parses.`,
    hints: [{ text: `Fix the TOML at line ${problem.line}, column ${problem.column} of ${show(problem.file)}, then run the doctor again.`, action: repair }]
  };
}
function syntaxExcerpt(problem, show) {
  return problem.excerpt ? { title: `${show(problem.file)} around line ${problem.line}`, lines: problem.excerpt.split("\n").filter((l) => l !== "") } : void 0;
}
function unusableFile(problem, show, words) {
  const file = show(problem.file);
  switch (problem.kind) {
    case "unreadable":
      return { level: "fail", code: "CONFIG_UNREADABLE", stage: "read", detail: `${problem.message}. Codex will not start while it cannot read its config.`, hints: [{ text: `Make ${file} readable by your user.`, command: words.commands.listFile(problem.file) }] };
    case "not-a-file":
      return { level: "fail", code: "CONFIG_NOT_A_FILE", stage: "read", detail: `${problem.message}. Codex will not start.`, hints: [{ text: `Move ${file} out of the way: it must be a TOML file.`, command: words.commands.listFile(problem.file) }] };
    case "too-large":
      return { level: "fail", code: "CONFIG_TOO_LARGE", stage: "read", detail: `${problem.message}; it was not read.`, hints: [{ text: `Check that ${file} is really your Codex config.`, command: words.commands.listFile(problem.file) }] };
    case "too-deep":
      return { level: "fail", code: "CONFIG_TOO_DEEP", stage: "parse", detail: `${problem.message}; it was not read.`, hints: [{ text: `Look for a table header with a long run of dotted parts in ${file}: no Codex setting is more than five levels deep.`, command: words.commands.findTableHeaders(problem.file) }] };
    case "not-utf8":
      return { level: "fail", code: "CONFIG_NOT_UTF8", stage: "parse", detail: `${problem.message}. Codex will not start.`, hints: [{ text: `Save ${file} as UTF-8 (an editor or PowerShell may have written UTF-16).`, command: words.commands.showStart(problem.file) }] };
  }
}
function invalidValue(problem, show) {
  return { level: "fail", code: "CONFIG_INVALID_VALUE", stage: "parse", detail: `${place(problem, show)}: ${problem.message}. Codex refuses this config.`, hints: [{ text: `Fix \`${formatKey(problem.key ?? [])}\` in ${show(problem.file)}: ${problem.message.replace(/ in `[^`]*`$/, "")}.` }] };
}
function projectKeyIgnored(problem, show, userFile, snippet) {
  return {
    level: "warn",
    code: "CONFIG_PROJECT_KEY_IGNORED",
    stage: "policy",
    detail: `${place(problem, show)}: ${problem.message}.`,
    hints: [{ text: `If you want this setting, move \`${formatKey(problem.key ?? [])}\` from ${show(problem.file)} to ${show(userFile)}${topLevelNote(snippet)}:`, snippet }]
  };
}
function policyConflict(problem, show, key, snippet) {
  return {
    level: "fail",
    code: "CONFIG_POLICY_CONFLICT",
    stage: "parse",
    detail: `${place(problem, show)}: ${problem.message}. Codex refuses this config.`,
    hints: [{ text: `Write the policy with exclude and include_only only (same effect): replace [${formatKey(key)}] with`, snippet }]
  };
}
function otelExporterUnknown(problem, show, written, snippet) {
  return {
    level: "warn",
    code: "OTEL_EXPORTER_UNKNOWN",
    stage: "parse",
    detail: `${place(problem, show)}: ${problem.message}; telemetry is not exported as written.`,
    hints: [{ text: `Name the exporter by its kind: replace [${formatKey(written)}] with`, snippet }]
  };
}
function profileNotFound(problem, show, name, profileStyle, move) {
  const detail = `${problem.message}.`;
  if (move) return { level: "fail", code: "CONFIG_PROFILE_NOT_FOUND", stage: "input", detail, hints: [{ text: `Move [profiles.${name}] out of ${show(move.userFile)} into ${show(problem.file)}:`, snippet: move.snippet }] };
  return {
    level: "fail",
    code: "CONFIG_PROFILE_NOT_FOUND",
    stage: "input",
    detail,
    hints: [{ text: profileStyle === "file" ? `Create ${show(problem.file)}, or run without --profile.` : `Add a [profiles.${name}] table to ${show(problem.file)}, or run without --profile.` }]
  };
}
function profileKeyLegacy(problem, show, { name, profileFile }) {
  const later = { text: `When you upgrade Codex to 0.134.0 or later, move [profiles.${name}] into ${show(profileFile)}, delete \`profile = ${JSON.stringify(name)}\`, and start Codex with --profile ${name}.` };
  return { level: "warn", code: "CONFIG_PROFILE_KEY_LEGACY", stage: "parse", detail: `${place(problem, show)}: ${problem.message}.`, hints: [later] };
}
function profileKeyVersionUnknown(problem, show, { name, profileFile }, hasTable) {
  const check = { text: "Find out which Codex release runs here (the doctor could not run codex).", command: "codex --version" };
  const migrate = {
    text: `With 0.134.0 or later: delete \`profile = ${JSON.stringify(name)}\` from ${show(problem.file)}${hasTable ? `, move [profiles.${name}] into ${show(profileFile)}` : ""}, and start Codex with --profile ${name}. Before 0.134.0 the key is valid and selects [profiles.${name}].`,
    command: `codex --profile ${name}`
  };
  return { level: "warn", code: "CONFIG_PROFILE_KEY_VERSION_UNKNOWN", stage: "parse", detail: `${place(problem, show)}: ${problem.message}.`, hints: [check, migrate] };
}
function profileKeyRemoved(problem, show, { name, profileFile }, moveSnippet) {
  const hints = [{ text: `Delete \`profile = ${JSON.stringify(name)}\` from ${show(problem.file)} and start Codex with the profile instead.`, command: `codex --profile ${name}` }];
  if (moveSnippet !== void 0) hints.push({ text: `Move [profiles.${name}] into ${show(profileFile)}:`, snippet: moveSnippet });
  return { level: "fail", code: "CONFIG_PROFILE_KEY_REMOVED", stage: "parse", detail: `${place(problem, show)}: ${problem.message}.`, hints };
}
function providerNotFound(problem, where, show, words, fixes) {
  const builtIn = deleteKeyHint(words, `To use Codex's built-in OpenAI provider, delete \`${formatKey(where.path)} = ${JSON.stringify(problem.providerId)}\` from ${where.file}.`, fixes.remove);
  const defineHint = { text: `Or define the provider in ${show(fixes.userFile)}, with the URL of its API:`, snippet: fixes.define };
  const { meant } = fixes;
  const hints = meant ? [{ text: `If you meant ${JSON.stringify(meant.id)}, write in ${where.file}${topLevelNote(meant.snippet)}:`, snippet: meant.snippet }, builtIn, defineHint] : [builtIn, defineHint];
  return { level: "fail", code: "CONFIG_PROVIDER_NOT_FOUND", stage: "resolve", detail: `${where.at}: ${problem.message}`, hints };
}
function baseUrlInvalid(problem, at, hints) {
  return { level: "fail", code: "CONFIG_BASE_URL_INVALID", stage: "resolve", detail: `${at}: ${problem.message}`, hints };
}
function writeBaseUrlHint(file, snippet, guessed) {
  return {
    text: guessed ? `Write the full URL, with its scheme, in ${file}${topLevelNote(snippet)}:` : `Write the full https:// URL of the API (yours, not this example) in ${file}${topLevelNote(snippet)}:`,
    snippet
  };
}
function deleteBaseUrlHint(words, where, remove) {
  return deleteKeyHint(words, `Or delete \`${formatKey(where.path)}\` from ${where.file}: Codex then uses OpenAI's own URL.`, remove);
}
function baseUrlVariableHints(words, variable, guess) {
  const hints = [words.fix(`Unset ${variable} (and remove it from your shell profile or $CODEX_HOME/.env): Codex then uses its default URL.`, words.unsetting(variable))];
  if (guess) hints.push(words.fix("Or give the full URL, with its scheme.", words.setting(variable, guess)));
  return hints;
}
function baseUrlBuiltByCodex() {
  return [{ text: "Include this report in a codex-doctor bug report: this base URL is built by Codex itself." }];
}
function unknownKeyWithoutReal(unknown, code, key, show, codexVersion) {
  const valid = (unknown.validKeys ?? []).map((k) => `\`${k}\``).join(", ");
  return { level: "warn", code, stage: "parse", detail: `${place(unknown, show)}: \`${key}\` is not a Codex key; ${codexIgnores(unknown, key, show, codexVersion)}.`, hints: [{ text: `Delete \`${key}\` from ${show(unknown.file)}; the keys of that table are ${valid}.` }] };
}
function caKeyUnsupported(unknown, key, variable, show, words, move) {
  const text = `Delete \`${key}\` from ${show(unknown.file)} and set ${variable} in your shell profile instead.`;
  return {
    level: "warn",
    code: "CONFIG_CA_KEY_UNSUPPORTED",
    stage: "parse",
    detail: `${place(unknown, show)}: \`${key}\` is not a Codex setting; Codex ignores it and reads its CA bundle only from ${variable} or SSL_CERT_FILE.`,
    hints: [move === null ? words.manual(text, { kind: "manual", topic: "edit-config-by-hand", file: unknown.file }) : deletionHint(words, text, move)]
  };
}
function unknownKeyRenamed(unknown, code, key, real, snippet, show, codexVersion) {
  return {
    level: "warn",
    code,
    stage: "parse",
    detail: `${place(unknown, show)}: \`${key}\` is not a Codex key; ${codexIgnores(unknown, key, show, codexVersion)}. The real key is \`${real.written}\`; until it is fixed, ${costOfIgnoring(real.key)}.`,
    hints: [{ text: `In ${show(unknown.file)}, delete \`${key}\` and write instead${topLevelNote(snippet)}:`, snippet }]
  };
}
function configLoaded(loaded3, profile, show) {
  return {
    level: "info",
    code: "CONFIG_LOADED",
    stage: "read",
    detail: loaded3.length === 0 ? "No config.toml found: Codex runs with its defaults." : `Codex reads ${loaded3.map((l) => `${show(l.file)} (${l.kind})`).join(", ")}${profile ? `, profile ${profile}` : ""}.`
  };
}
function providerFacts(config, show) {
  const parts = [];
  const from = (file) => ` (${show(file)})`;
  if (config.modelProvider) {
    const id = config.modelProvider.value;
    const provider = Object.hasOwn(config.modelProviders, id) ? config.modelProviders[id] : void 0;
    parts.push(`model_provider = "${config.modelProvider.value}"${from(config.modelProvider.file)}`);
    if (provider) {
      if (provider.baseUrl) parts.push(`its base_url is ${showUrl(provider.baseUrl)}`);
      parts.push(
        provider.supportsWebsockets === true ? "it streams over WebSocket (supports_websockets = true)" : `it streams over HTTPS only (supports_websockets ${provider.supportsWebsockets === false ? "= false" : "unset: custom providers default to false"})`
      );
      const headers = Object.keys(provider.httpHeaders);
      if (headers.length > 0) parts.push(`it sends the headers ${headers.join(", ")}`);
    }
  } else if (Object.keys(config.modelProviders).length > 0) {
    parts.push(`[model_providers.${Object.keys(config.modelProviders).join("], [model_providers.")}] ${Object.keys(config.modelProviders).length === 1 ? "is" : "are"} defined, but model_provider does not select one: Codex uses its built-in OpenAI provider`);
  }
  if (config.openaiBaseUrl) parts.push(`openai_base_url = ${showUrl(config.openaiBaseUrl.value)}${from(config.openaiBaseUrl.file)}`);
  if (config.chatgptBaseUrl) parts.push(`chatgpt_base_url = ${showUrl(config.chatgptBaseUrl.value)}${from(config.chatgptBaseUrl.file)}`);
  if (config.respectSystemProxy) parts.push(`[features] respect_system_proxy = ${config.respectSystemProxy.value}${from(config.respectSystemProxy.file)}`);
  if (config.cliAuthCredentialsStore) parts.push(`credentials are stored in ${config.cliAuthCredentialsStore.value === "keyring" ? "the OS keyring" : `"${config.cliAuthCredentialsStore.value}"`}`);
  return parts.length > 0 ? { level: "info", code: "CONFIG_PROVIDER", stage: "resolve", detail: `${parts.join("; ")}.` } : void 0;
}
function mcpUrlServer(server, show) {
  let host = server.url;
  try {
    host = new URL(server.url).host;
  } catch {
  }
  return {
    level: "info",
    code: "CONFIG_MCP_URL_SERVER",
    stage: "resolve",
    detail: `MCP server \`${server.name}\` at ${showUrl(server.url)} (${show(server.file)}): Codex connects to ${host} with the same CA bundle (CODEX_CA_CERTIFICATE / SSL_CERT_FILE) and proxy rules (HTTPS_PROXY, NO_PROXY) as to OpenAI.`
  };
}
function otelTable(exporter) {
  return `[otel.${exporter.slot}.${exporter.kind}]`;
}
function otelExporter(exporter, show) {
  const { caCertificate: ca, clientCertificate: cert } = exporter.tls;
  return {
    level: "info",
    code: "OTEL_EXPORTER",
    stage: "resolve",
    detail: `${otelTable(exporter)} exports to ${exporter.endpoint ? showUrl(exporter.endpoint) : "(no endpoint)"} (${show(exporter.file)})${ca ? `, trusting only ${show(ca.path)}` : ""}${cert ? ", with a client certificate" : ""}.`
  };
}
function otelTlsFileMissing(what, file, show, words) {
  return { level: "warn", code: "OTEL_TLS_FILE_MISSING", stage: "read", detail: `The OTEL ${what} ${show(file.path)} does not exist${file.raw !== file.path ? ` (written as "${file.raw}"${file.raw.startsWith("~") ? "" : ", relative to the config file"})` : ""}.`, hints: [{ text: `Point ${what} at an existing PEM file.`, command: words.commands.listFile(file.path) }] };
}
function otelTlsFileUnreadable(what, file, reason, show, words) {
  return { level: "warn", code: "OTEL_TLS_FILE_UNREADABLE", stage: "read", detail: `The OTEL ${what} ${show(file.path)} cannot be read: ${reason}.`, hints: [{ text: `Make ${show(file.path)} a file readable by your user.`, command: words.commands.listFile(file.path) }] };
}
function otelCaInvalid(ca, reason, show) {
  return { level: "warn", code: "OTEL_CA_INVALID", stage: "parse", detail: `The OTEL ca-certificate ${show(ca.path)} holds no usable certificate: ${reason}.`, hints: [{ text: "Point ca-certificate at a PEM file with the CA that issued the collector's (or the inspecting proxy's) certificate." }] };
}
function otelCaReplacesRoots(ca, certificates, show) {
  return {
    level: "info",
    code: "OTEL_CA_REPLACES_ROOTS",
    stage: "tls-verify",
    detail: `${show(ca.path)} (${certificates} certificate${certificates === 1 ? "" : "s"}) REPLACES the built-in roots for OTEL export: the collector's chain, or the inspecting proxy's, must end at one of these (CODEX_CA_CERTIFICATE adds to the roots, this does not).`
  };
}
function otelClientPairIncomplete(exporter, present, missing) {
  return { level: "warn", code: "OTEL_CLIENT_PAIR_INCOMPLETE", stage: "input", detail: `${otelTable(exporter)} tls sets ${present} without ${missing}; mutual TLS needs both.`, hints: [{ text: `Add ${missing} under [otel.${exporter.slot}.${exporter.kind}.tls], or remove the other one.` }] };
}
function otelClientCertInvalid(cert, show, words) {
  return { level: "warn", code: "OTEL_CLIENT_CERT_INVALID", stage: "parse", detail: `The OTEL client-certificate ${show(cert.path)} is not a readable PEM certificate.`, hints: [{ text: "Point client-certificate at the PEM certificate issued for this client.", command: words.commands.showCertificateSubject(cert.path) }] };
}
function otelClientKeyMismatch(key, cert, subject, show) {
  return { level: "warn", code: "OTEL_CLIENT_KEY_MISMATCH", stage: "parse", detail: `The OTEL client-private-key ${show(key.path)} does not belong to the client-certificate ${show(cert.path)} (${subject.replace(/\n/g, ", ")}).`, hints: [{ text: "Point client-private-key at the key the client certificate was issued for." }] };
}
function otelClientKeyInvalid(key, show) {
  return { level: "warn", code: "OTEL_CLIENT_KEY_INVALID", stage: "parse", detail: `The OTEL client-private-key ${show(key.path)} is not a readable, unencrypted PEM private key.`, hints: [{ text: "Point client-private-key at an unencrypted PEM private key (PKCS#8 or PKCS#1)." }] };
}

// src/checks/codex-config.ts
var CONFIG_CHECK_ID = "config.codex";
var MAX_TLS_FILE_BYTES = 1024 * 1024;
var codexConfigCheck = {
  id: CONFIG_CHECK_ID,
  title: "Codex configuration",
  needs: [],
  async run(ctx) {
    ctx.stage("read");
    const world = await ctx.world();
    ctx.stage("parse");
    return assessCodexConfig(world.config, ctx.host, await loadEndpoints(ctx.host, world), new Speaker(world, ctx.host));
  }
};
async function assessCodexConfig(config, host, endpoints, words = configSpeaker(config, host)) {
  const show = (file) => displayPath(file, host.homeDir);
  const findings = [];
  const fixes = [];
  const evidence = [];
  for (const problem of config.problems) {
    const { finding, fix, excerpt } = problemFinding(config, problem, show, words);
    findings.push(finding);
    if (fix) fixes.push({ ...fix, codes: [finding.code] });
    if (excerpt) evidence.push(excerpt);
  }
  for (const unknown of config.unknownKeys) {
    if (unknown.area === "sandbox") continue;
    const { finding, fix } = unknownKeyFinding(unknown, show, fixLocation(config, unknown.layer), config.context.codexVersion ?? null, words);
    findings.push(finding);
    if (fix) fixes.push({ ...fix, codes: [finding.code] });
  }
  for (const problem of endpoints?.problems ?? []) {
    const { finding, fixes: its } = endpointProblemFinding(config, problem, show, words);
    findings.push(finding);
    fixes.push(...its.map((fix) => ({ ...fix, codes: [finding.code] })));
  }
  const fatal = config.problems.some((p) => p.fatal);
  if (!fatal) {
    findings.push(...facts(config, show));
    for (const exporter of config.otelExporters) findings.push(...await otelFindings(exporter, host, show, words));
  }
  evidence.unshift(configFilesEvidence(config.layers, show));
  const read = config.layers.filter((l) => l.state !== "missing");
  return {
    summary: configSummary(config.problems.find((p) => p.fatal), endpoints?.problems[0], read, show),
    findings: withConfigActions(findings, fixes, config),
    evidence,
    data: {
      layers: config.layers.map((l) => ({ kind: l.kind, file: l.file, state: l.state })),
      profile: config.context.profile ?? null,
      modelProvider: config.modelProvider?.value ?? null,
      openaiBaseUrl: config.openaiBaseUrl ? redactUrl(config.openaiBaseUrl.value) : null,
      chatgptBaseUrl: config.chatgptBaseUrl ? redactUrl(config.chatgptBaseUrl.value) : null,
      respectSystemProxy: config.respectSystemProxy?.value ?? null,
      // The network flags as the installed release applies them (defaults included), for scripts and tickets.
      features: Object.fromEntries(
        Object.values(codexFeatures(config, config.context.codexVersion ?? null)).map((f) => [f.name, { enabled: f.enabled, source: f.source }])
      ),
      otelExporters: config.otelExporters.map((e) => ({ slot: e.slot, kind: e.kind, endpoint: e.endpoint ? redactUrl(e.endpoint) : null })),
      mcpUrlServers: config.mcpUrlServers.map((s) => ({ name: s.name, url: redactUrl(s.url) })),
      fixes: fixes.map(fixData)
    }
  };
}
function fixData(fix) {
  return { codes: fix.codes, target: fix.target, remove: fix.remove, snippet: fix.snippet };
}
function sourceWith(config, key) {
  return [...config.sources].reverse().find((s) => valueAt(s.table, key) !== void 0);
}
function layerOf(config, file) {
  return config.layers.find((l) => l.file === file)?.kind ?? "user";
}
function problemFinding(config, problem, show, words) {
  switch (problem.kind) {
    case "syntax": {
      const repair = {
        kind: "manual",
        topic: "repair-file",
        file: problem.file,
        ...problem.line !== void 0 && { line: problem.line },
        ...problem.column !== void 0 && { column: problem.column }
      };
      const excerpt = syntaxExcerpt(problem, show);
      return { finding: syntaxError(problem, show, repair), ...excerpt && { excerpt } };
    }
    case "unreadable":
    case "not-a-file":
    case "too-large":
    case "too-deep":
    case "not-utf8":
      return { finding: unusableFile({ ...problem, kind: problem.kind }, show, words) };
    case "invalid-value":
      return { finding: invalidValue(problem, show) };
    case "profile-not-found":
      return profileNotFound2(config, problem, show);
    case "profile-key":
    case "profile-key-legacy":
    case "profile-key-version-unknown":
      return profileKey(config, problem, show);
    case "policy-conflict":
      return policyConflict2(config, problem, show);
    case "project-key-ignored": {
      const key = problem.key ?? [];
      const value = valueAt(config.layers.find((l) => l.kind === "project")?.table ?? {}, key);
      const user = config.layers.find((l) => l.kind === "user");
      const fix = { target: "user", remove: [{ layer: "project", key }], snippet: snippetFor(key, value) };
      return { finding: projectKeyIgnored(problem, show, user?.file ?? "config.toml", fix.snippet), fix };
    }
    case "otel-exporter-unknown":
      return otelUnknown(config, problem, show);
  }
}
function profileNotFound2(config, problem, show) {
  const name = config.context.profile ?? "";
  const user = config.layers.find((l) => l.kind === "user");
  const legacy = user ? valueAt(user.table, ["profiles", name]) : void 0;
  if (config.context.profileStyle === "file" && isTable(legacy) && user) {
    const fix = { target: "profile", remove: [{ layer: "user", key: ["profiles", name] }], snippet: smolToml().stringify(legacy).trim() };
    return { finding: profileNotFound(problem, show, name, config.context.profileStyle, { userFile: user.file, snippet: fix.snippet }), fix };
  }
  return { finding: profileNotFound(problem, show, name, config.context.profileStyle, null) };
}
function profileKey(config, problem, show) {
  const layer = config.layers.find((l) => l.file === problem.file);
  const name = String(layer?.table.profile ?? "");
  const table = layer ? valueAt(layer.table, ["profiles", name]) : void 0;
  const remove = [{ layer: layerOf(config, problem.file), key: ["profile"] }];
  const key = { name, profileFile: `${config.context.codexHome}/${name}.config.toml` };
  if (problem.kind === "profile-key-legacy") return { finding: profileKeyLegacy(problem, show, key) };
  if (problem.kind === "profile-key-version-unknown") return { finding: profileKeyVersionUnknown(problem, show, key, isTable(table)) };
  let fix;
  if (isTable(table)) fix = { target: "profile", remove: [...remove, { layer: remove[0].layer, key: ["profiles", name] }], snippet: smolToml().stringify(table).trim() };
  return { finding: profileKeyRemoved(problem, show, key, fix?.snippet), ...fix && { fix } };
}
function policyConflict2(config, problem, show) {
  const source = sourceWith(config, ["shell_environment_policy", "filters"]);
  const { target, prefix } = fixLocation(config, source?.kind ?? "user");
  const table = structuredClone(valueAt(source?.table ?? {}, ["shell_environment_policy"]) ?? {});
  const filters = isTable(table.filters) ? table.filters : {};
  const globs = (action) => Object.keys(filters).filter((g) => filters[g] === action);
  const asList = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
  delete table.filters;
  const exclude = [.../* @__PURE__ */ new Set([...asList(table.exclude), ...globs("exclude")])];
  const includeOnly = [.../* @__PURE__ */ new Set([...asList(table.include_only), ...globs("include")])];
  if (exclude.length > 0) table.exclude = exclude;
  if (includeOnly.length > 0) table.include_only = includeOnly;
  const key = [...prefix, "shell_environment_policy"];
  const fix = { target, remove: [{ layer: target, key }], snippet: snippetFor(key, table) };
  return { finding: policyConflict(problem, show, key, fix.snippet), fix };
}
function otelUnknown(config, problem, show) {
  const key = problem.key ?? [];
  const source = sourceWith(config, key);
  const { target, prefix } = fixLocation(config, source?.kind ?? layerOf(config, problem.file));
  const settings = valueAt(source?.table ?? {}, key);
  const table = isTable(settings) ? structuredClone(settings) : {};
  if (table.protocol === void 0) table.protocol = "binary";
  const written = [...prefix, ...key];
  const fix = { target, remove: [{ layer: target, key: written }], snippet: snippetFor([...prefix, ...key.slice(0, -1), "otlp-http"], table) };
  return { finding: otelExporterUnknown(problem, show, written, fix.snippet), fix };
}
function endpointProblemFinding(config, problem, show, words) {
  const locate = (key) => {
    const source = sourceWith(config, key);
    const { target, prefix } = fixLocation(config, source?.kind ?? "user");
    const line = source ? locateKey(source.source, [...source.prefix, ...key]) : void 0;
    const file = source?.file ?? config.layers.find((l) => l.kind === "user")?.file ?? "config.toml";
    return { at: place({ file, ...line !== void 0 && { line } }, show), file: show(file), target, path: [...prefix, ...key] };
  };
  switch (problem.kind) {
    case "unknown-provider": {
      const where = locate(["model_provider"]);
      const id = problem.providerId;
      const define = { target: "user", remove: [], snippet: snippetFor(["model_providers", id], { name: id, base_url: "https://llm.example.com/v1" }) };
      const meant = nearestKey(id, [...Object.keys(config.modelProviders), ...BUILT_IN_PROVIDERS]);
      const select = meant === void 0 ? void 0 : { target: where.target, remove: [], snippet: snippetFor(where.path, meant) };
      const finding = providerNotFound(problem, where, show, words, {
        remove: deletion(config, ["model_provider"]),
        userFile: config.layers.find((l) => l.kind === "user")?.file ?? "config.toml",
        define: define.snippet,
        ...meant !== void 0 && select && { meant: { id: meant, snippet: select.snippet } }
      });
      return { finding, fixes: select ? [select, define] : [define] };
    }
    case "invalid-base-url": {
      const guess = likelyUrl(problem.baseUrl);
      switch (problem.source) {
        case "model_providers":
        case "openai_base_url": {
          const key = problem.source === "openai_base_url" ? ["openai_base_url"] : ["model_providers", problem.providerId, "base_url"];
          const where = locate(key);
          const fix = { target: where.target, remove: [], snippet: snippetFor(where.path, guess ?? "https://llm.example.com/v1") };
          const write = writeBaseUrlHint(where.file, fix.snippet, guess !== void 0);
          const remove = deleteBaseUrlHint(words, where, deletion(config, key));
          const hints = problem.source === "openai_base_url" ? guess ? [write, remove] : [remove, write] : [write];
          return { finding: baseUrlInvalid(problem, where.at, hints), fixes: [fix] };
        }
        case "OPENAI_BASE_URL":
        case "CODEX_OSS_BASE_URL":
          return { finding: baseUrlInvalid(problem, problem.source, baseUrlVariableHints(words, problem.source, guess)), fixes: [] };
        case "CODEX_OSS_PORT":
        case "default":
          return { finding: baseUrlInvalid(problem, problem.source, baseUrlBuiltByCodex()), fixes: [] };
      }
    }
  }
}
function likelyUrl(value) {
  if (!/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(\/\S*)?$/.test(value)) return void 0;
  const url = `https://${value}`;
  return isHttpUrl(url) ? url : void 0;
}
function unknownKeyFinding(unknown, show, location, codexVersion, words) {
  const { target, prefix } = location;
  const key = formatKey([...prefix, ...unknown.path]);
  const code = unknown.area === "sandbox" ? "SANDBOX_UNKNOWN_KEY" : "CONFIG_UNKNOWN_KEY";
  if (unknown.real === null) return { finding: unknownKeyWithoutReal(unknown, code, key, show, codexVersion) };
  if ("env" in unknown.real) {
    const removal = { kind: "edit-config", file: unknown.file, changes: [{ op: "remove", path: [...prefix, ...unknown.path] }] };
    const path2 = typeof unknown.value === "string" ? unknown.value.startsWith("~/") ? `${words.home}/${unknown.value.slice(2)}` : unknown.value : null;
    const move = path2 === null ? null : { kind: "sequence", steps: [removal, { kind: "set-env", name: unknown.real.env, value: path2, target: "shell-profile" }] };
    return { finding: caKeyUnsupported(unknown, key, unknown.real.env, show, words, move) };
  }
  const real = { written: formatKey([...prefix, ...unknown.real.key]), key: unknown.real.key };
  const fix = { target, remove: [{ layer: target, key: [...prefix, ...unknown.path] }], snippet: snippetFor([...prefix, ...unknown.real.key], unknown.value) };
  return { finding: unknownKeyRenamed(unknown, code, key, real, fix.snippet, show, codexVersion), fix };
}
function facts(config, show) {
  const provider = providerFacts(config, show);
  return [
    configLoaded(config.layers.filter((l) => l.state === "loaded"), config.context.profile, show),
    ...provider ? [provider] : [],
    ...config.mcpUrlServers.map((server) => mcpUrlServer(server, show))
  ];
}
async function readTlsFile(host, what, file, show, words) {
  try {
    const stat = await host.fs.stat(file.path);
    if (stat === null) return { ok: false, finding: otelTlsFileMissing(what, file, show, words) };
    if (stat.kind !== "file") throw Object.assign(new Error(`it is a ${stat.kind}`), { code: "EISDIR" });
    const read = await host.fs.readFile(file.path, MAX_TLS_FILE_BYTES);
    return { ok: true, bytes: read.bytes };
  } catch (error) {
    return { ok: false, finding: otelTlsFileUnreadable(what, file, error instanceof Error ? error.message : String(error), show, words) };
  }
}
async function otelFindings(exporter, host, show, words) {
  const out = [otelExporter(exporter, show)];
  const { caCertificate: ca, clientCertificate: cert, clientPrivateKey: key } = exporter.tls;
  if (ca) {
    const read = await readTlsFile(host, "ca-certificate", ca, show, words);
    if (!read.ok) out.push(read.finding);
    else {
      const parsed = parseCodexPem(read.bytes);
      if (!parsed.ok || parsed.certificates.length === 0) out.push(otelCaInvalid(ca, parsed.ok ? "no certificates found in PEM file" : parsed.codexDetail, show));
      else out.push(otelCaReplacesRoots(ca, parsed.certificates.length, show));
    }
  }
  if (cert === void 0 !== (key === void 0)) {
    out.push(otelClientPairIncomplete(exporter, cert ? "client-certificate" : "client-private-key", cert === void 0 ? "client-certificate" : "client-private-key"));
  } else if (cert && key) {
    out.push(...await clientPairFindings(host, cert, key, show, words));
  }
  return out;
}
async function clientPairFindings(host, cert, key, show, words) {
  const [certRead, keyRead] = await Promise.all([readTlsFile(host, "client-certificate", cert, show, words), readTlsFile(host, "client-private-key", key, show, words)]);
  const out = [];
  if (!certRead.ok) out.push(certRead.finding);
  if (!keyRead.ok) out.push(keyRead.finding);
  if (!certRead.ok || !keyRead.ok) return out;
  let certificate;
  try {
    certificate = new (nodeCrypto()).X509Certificate(certRead.bytes);
  } catch {
    return [otelClientCertInvalid(cert, show, words)];
  }
  try {
    const privateKey = nodeCrypto().createPrivateKey(keyRead.bytes);
    if (!certificate.checkPrivateKey(privateKey)) {
      return [otelClientKeyMismatch(key, cert, certificate.subject, show)];
    }
  } catch {
    return [otelClientKeyInvalid(key, show)];
  }
  return out;
}
function deletion(config, key) {
  const source = sourceWith(config, key);
  return source ? { kind: "edit-config", file: source.file, changes: [{ op: "remove", path: [...source.prefix, ...key] }] } : null;
}

// src/codex/managed-network-proxy.ts
var DEFAULT_MANAGED_PROXY_URL = "http://127.0.0.1:3128";
var MANAGED_CA_BUNDLE = "<Codex's managed CA bundle>";
var PROXY_ACTIVE_VARIABLE = "CODEX_NETWORK_PROXY_ACTIVE";
var MANAGED_NO_PROXY = "localhost,127.0.0.1,::1";
var MANAGED_PROXY_VARIABLES = [
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "ALL_PROXY",
  "http_proxy",
  "https_proxy",
  "all_proxy",
  "WS_PROXY",
  "WSS_PROXY",
  "ws_proxy",
  "wss_proxy",
  "YARN_HTTP_PROXY",
  "YARN_HTTPS_PROXY",
  "NPM_CONFIG_HTTP_PROXY",
  "NPM_CONFIG_HTTPS_PROXY",
  "NPM_CONFIG_PROXY",
  "BUNDLE_HTTP_PROXY",
  "BUNDLE_HTTPS_PROXY",
  "PIP_PROXY",
  "DOCKER_HTTP_PROXY",
  "DOCKER_HTTPS_PROXY"
];
var MANAGED_NO_PROXY_VARIABLES = ["NO_PROXY", "no_proxy"];
var MANAGED_CA_VARIABLES = [
  "CODEX_CA_CERTIFICATE",
  "SSL_CERT_FILE",
  "NODE_EXTRA_CA_CERTS",
  "REQUESTS_CA_BUNDLE",
  "CURL_CA_BUNDLE",
  "GIT_SSL_CAINFO",
  "PIP_CERT",
  "NPM_CONFIG_CAFILE",
  "npm_config_cafile",
  "BUNDLE_SSL_CA_CERT"
];
function networkPermissionProfiles(config) {
  const permissions = config.merged.permissions;
  if (!isTable(permissions)) return [];
  const profiles = [];
  for (const [name, profile] of Object.entries(permissions)) {
    const network = isTable(profile) ? profile.network : void 0;
    if (!isTable(network)) continue;
    const file = [...config.provenance].find(([key]) => key.startsWith(`${formatKey(["permissions", name, "network"])}.`))?.[1];
    const domains = Array.isArray(network.domains) ? network.domains.filter((d) => typeof d === "string") : isTable(network.domains) ? Object.keys(network.domains) : null;
    profiles.push({
      name,
      file,
      proxyUrl: typeof network.proxy_url === "string" && network.proxy_url !== "" ? network.proxy_url : DEFAULT_MANAGED_PROXY_URL,
      mitm: network.mitm === true || isTable(network.mitm) && network.mitm.enabled === true,
      domains
    });
  }
  return profiles;
}
function managedNetworkProxy(config, features) {
  const profiles = networkPermissionProfiles(config);
  if (!features.network_proxy.enabled) return { active: false, why: "feature-off", profiles };
  const [first, ...rest] = profiles;
  if (!first) return { active: false, why: "no-profile", profiles };
  return { active: true, featureFile: features.network_proxy.file, profiles: [first, ...rest] };
}
function managedProxyOverrides(proxy) {
  const [profile] = proxy.profiles;
  const overrides = /* @__PURE__ */ new Map();
  for (const name of MANAGED_PROXY_VARIABLES) overrides.set(name, profile.proxyUrl);
  for (const name of MANAGED_NO_PROXY_VARIABLES) overrides.set(name, MANAGED_NO_PROXY);
  if (profile.mitm) for (const name of MANAGED_CA_VARIABLES) overrides.set(name, MANAGED_CA_BUNDLE);
  overrides.set(PROXY_ACTIVE_VARIABLE, "1");
  return overrides;
}

// src/words/env-proxy.ts
function transportName(transport) {
  switch (transport) {
    case "https":
      return "HTTPS (login, API)";
    case "websocket":
      return "WebSocket (streaming)";
  }
}
function transportShort(transport) {
  switch (transport) {
    case "https":
      return "HTTPS";
    case "websocket":
      return "WebSocket";
  }
}
function listWords(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
function hostOf2(url) {
  return new URL(url).host;
}
function osName(platform) {
  return platform === "darwin" ? "macOS" : "Windows";
}
function routesWords(hosts, name, separator) {
  return ["https", "websocket"].flatMap((t) => hosts[t].length > 0 ? [`${name(t)} to ${listWords(hosts[t])}`] : []).join(separator);
}
function proxySelected(say, transport, decisions) {
  const groups = /* @__PURE__ */ new Map();
  for (const d of decisions) {
    const clause = describeProxyDecision(d, (variable) => say.origin(variable));
    groups.set(clause, [...groups.get(clause) ?? [], hostOf2(d.target)]);
  }
  const routes = [...groups].map(([clause, hosts]) => `to ${listWords([...new Set(hosts)])} it ${clause}`).join("; ");
  return { level: "info", code: "ENV_PROXY_SELECTED", stage: "input", detail: `${transportName(transport)}: ${routes}.` };
}
function proxyEmptyUpper(say, conflict, direct) {
  const hidden = `${conflict.upper} is set but empty, which hides ${conflict.lower}=${conflict.lowerValue}: Codex uses neither, for HTTPS and WebSocket alike`;
  const routes = direct === null ? "" : routesWords(direct, transportName, "; ");
  const consequence = direct === null ? ", so no host bypasses the proxy" : routes !== "" ? `, so Codex connects directly, not through ${conflict.lowerValue}: ${routes}` : "";
  return {
    level: "warn",
    code: "ENV_PROXY_EMPTY_UPPER",
    stage: "input",
    detail: `${hidden}${consequence}.`,
    hints: [say.removeHint(conflict.upper, { after: `so that Codex reads ${conflict.lower}` })]
  };
}
function proxyCaseConflict(say, conflict, httpPair) {
  return {
    level: "warn",
    code: "ENV_PROXY_CASE_CONFLICT",
    stage: "input",
    detail: conflict.upperEmpty ? `${conflict.upper} is set but empty, which hides ${conflict.lower}=${conflict.lowerValue}: Codex uses neither, ${httpPair ? "so WebSocket streaming cannot fall back to it (Codex's HTTPS client never uses either for https:// URLs)" : "for HTTPS or WebSocket"}.` : `${conflict.upper}=${conflict.upperValue} and ${conflict.lower}=${conflict.lowerValue} differ: Codex uses ${conflict.upper} (upper case wins) ${httpPair ? "for WebSocket streaming when HTTPS_PROXY is unset (its HTTPS client never uses either for https:// URLs)" : "for both transports"}, while other tools may pick ${conflict.lower}.`,
    // Upper case wins, so the fix is always on the upper-case name: it decides what Codex uses.
    hints: conflict.upperEmpty ? [say.removeHint(conflict.upper)] : [
      say.copyHint(conflict.upper, conflict.lower, `If ${conflict.lower} holds the right proxy, give ${conflict.upper} its value: Codex reads ${conflict.upper}, and both spellings then agree.`),
      say.removeHint(conflict.upper, { before: "Or", after: `so that Codex reads ${conflict.lower}` })
    ]
  };
}
var ENCODE_CREDENTIALS = "percent-encoding any : / @ # ? in the user name or password";
function rewriteProxyHint(say, rewrite) {
  switch (rewrite.kind) {
    case "set":
      return say.setHint(rewrite.variable, rewrite.value, `Write it as ${rewrite.value}, which both of Codex's clients read.`);
    case "with-credentials":
      return say.manual(
        `Write ${rewrite.variable} as ${rewrite.shown} with your password in place of [redacted], ${ENCODE_CREDENTIALS}: both of Codex's clients read that. The doctor never writes a password into a command.`,
        { kind: "manual", topic: "encode-credentials", ...say.handWritten(rewrite.variable).action }
      );
    case "unknown":
      return say.manual(
        `Write ${rewrite.variable} as http://host:port, ${ENCODE_CREDENTIALS}. The doctor cannot tell the proxy's address from this value: your browser's proxy settings or PAC file name it; otherwise ask your network team for the address of the HTTP proxy.`,
        { kind: "manual", topic: "find-proxy-address", ...say.handWritten(rewrite.variable).action }
      );
  }
}
function proxyInvalidForWebsocket(say, decision, hosts, rewrite) {
  return {
    level: "warn",
    code: "ENV_PROXY_INVALID_URL",
    stage: "input",
    detail: `${decision.variable}=${decision.value} is not a valid proxy URL: WebSocket connections to ${listWords(hosts)} fail with "${decision.message}".`,
    hints: [rewriteProxyHint(say, rewrite)]
  };
}
function proxyIgnoredByHttps(say, skipped2, then, rewrite) {
  return {
    level: "warn",
    code: "ENV_PROXY_INVALID_URL",
    stage: "input",
    detail: `${skipped2}; Codex then ${describeProxyDecision(then)}.`,
    hints: [rewriteProxyHint(say, rewrite)]
  };
}
function proxySchemeUnsupported(say, decision, hosts, fixVariable, httpUrl) {
  const useHttp = "Use the proxy's http:// address (most proxies accept plain-HTTP CONNECT; check the port with the network team)";
  const d = decision;
  return {
    level: "warn",
    code: "ENV_PROXY_SCHEME_UNSUPPORTED",
    stage: "input",
    detail: d.transport === "https" ? `${proxySetting(d.variable, d.value)} is a ${d.scheme}:// proxy, but SOCKS is not compiled into Codex's HTTPS client: login and API requests to ${listWords(hosts)} fail ("error sending request for url").` : `${d.variable}=${d.value} ${d.scheme === "" ? "has no scheme" : `is an ${d.scheme}:// proxy`}, which Codex's WebSocket client cannot use: streaming to ${listWords(hosts)} fails with "${d.message}", and Codex falls back to HTTPS after 5 attempts.`,
    // Which HTTP proxy to use is the user's to look up (or IT's to name), never a placeholder written into a profile.
    hints: [
      d.transport === "https" ? say.manual(
        `${d.variable === "system" || d.variable === "--proxy" ? `Set HTTPS_PROXY to an HTTP proxy: Codex then uses it instead of ${proxySourceName(d.variable)}` : `Point ${d.variable}${say.handWritten(d.variable).where} at an HTTP proxy`}, written http://host:port. The doctor cannot know its address: your browser's proxy settings or PAC file name it (most corporate proxies also accept plain-HTTP CONNECT, often on port 8080 or 3128); if there is none, ask your network team for one.`,
        { kind: "manual", topic: "find-proxy-address", ...say.handWritten(proxyVariableToWrite(d.variable)).action }
      ) : httpUrl === null ? say.manual(`${useHttp}, with the same user name and password in front of the host: the doctor never writes a password into a command.`, {
        kind: "manual",
        topic: "encode-credentials"
      }) : say.setHint(fixVariable, httpUrl, `${useHttp}.`)
    ]
  };
}
function proxyUnencodedAt(say, f) {
  return {
    level: "warn",
    code: "ENV_PROXY_UNENCODED_AT",
    stage: "input",
    detail: `${proxySetting(f.variable, f.shown)} has an unencoded @ in its ${f.inUser ? "user name" : "password"}: Codex's HTTPS client (login, API) ends the credentials at the first @ and sends ${f.inUser ? "the user name cut there" : "the user name"} ${f.https.hasPassword ? "with only the part of the password before that @" : "without a password"}, so a proxy that checks them refuses login with 407${f.websocketUser !== null ? ", while WebSocket streaming ends them at the last @ and sends the whole user name and password" : ""}. Write each @ in the user name or password as %40.`,
    hints: [
      say.manual(
        `Percent-encode the ${f.inUser ? "user name and the password" : "password"}: run this with the real value in place of PASSWORD (keep the single quotes); @ becomes %40.`,
        { kind: "manual", topic: "encode-credentials" },
        say.commands.percentEncode()
      ),
      // No command with PASSWORD in it: copied as is, it would set a wrong password.
      say.manual(`Then set ${f.variable === "--proxy" ? "the proxy" : f.fixVariable} to ${f.example}, with your user name in place of USER and the encoded password in place of PASSWORD (each @ in them written %40).`, {
        kind: "manual",
        topic: "encode-credentials"
      })
    ]
  };
}
function proxyHttpOnly(say, variable, shown, websocketUses, fromDotenv) {
  return {
    level: "warn",
    code: "ENV_PROXY_HTTP_ONLY",
    stage: "input",
    detail: `Only ${variable}=${shown} is set: Codex's HTTPS client (login, API) never uses it for https:// URLs and connects directly${websocketUses ? ", while WebSocket streaming does use it" : ""}.`,
    hints: [say.copyHint("HTTPS_PROXY", variable, fromDotenv ? `Add HTTPS_PROXY with the same value as ${variable} to ${say.dotenv}.` : "Set HTTPS_PROXY to the same proxy.")]
  };
}
function noProxyBypass(say, entry, bypassed, stillProxied, fix) {
  return {
    level: "warn",
    code: "ENV_NO_PROXY_BYPASS",
    stage: "input",
    detail: `${proxySourceName(entry.list)} entry "${entry.entry}" makes Codex skip the proxy (${proxySourceName(entry.proxy)}) and connect directly for ${routesWords(bypassed, transportShort, " and ")}${stillProxied.length > 0 ? ` (${stillProxied.map(transportShort).join(", ")} still use${stillProxied.length === 1 ? "s" : ""} the proxy: the two transports match NO_PROXY differently)` : ""}. Where the proxy is the only way out, those connections fail.`,
    hints: [
      fix.kind === "set-no-proxy-over-system" ? say.setHint(
        "NO_PROXY",
        fix.rest,
        `Remove "${entry.entry}" from the exceptions in the Windows proxy settings (Settings > Network & internet > Proxy), or set NO_PROXY, which Codex reads instead of them.`
      ) : fix.kind === "set" ? say.setHint(entry.list, fix.rest, `Remove "${entry.entry}" from ${entry.list}.`) : say.removeHint(entry.list)
    ]
  };
}
function respectSystemProxyPac(say, platform, file, pac, turnOff) {
  return {
    level: "warn",
    code: "ENV_RESPECT_SYSTEM_PROXY_PAC",
    stage: "input",
    detail: `[features] respect_system_proxy = true (${say.show(file)}): on ${osName(platform)} Codex asks the system first, PAC file and automatic discovery (WPAD) included, and a "direct" answer there overrides HTTPS_PROXY. The doctor cannot evaluate PAC: its proxy verdicts follow the environment and the manual system settings, so Codex may route differently${pac ? ` (the system names ${pac})` : ""}.`,
    hints: [
      {
        text: platform === "darwin" ? "See the PAC setting Codex consults (ProxyAutoConfigURLString, ProxyAutoDiscoveryEnable) and ask the network team what it returns for https://auth.openai.com and https://chatgpt.com." : "See the system proxy Codex consults, then ask the network team what the PAC file returns for https://auth.openai.com and https://chatgpt.com.",
        command: platform === "darwin" ? "scutil --proxy" : "netsh winhttp show proxy"
      },
      say.fix("To let the environment decide, as the doctor assumes, turn the feature off.", turnOff)
    ]
  };
}
function systemProxyUnread(say, system, error) {
  return {
    level: "warn",
    code: "ENV_SYSTEM_PROXY_UNREAD",
    stage: "input",
    detail: `The ${osName(system.platform)} proxy settings could not be read (${error}). Codex's HTTPS client uses a proxy set there when HTTPS_PROXY is unset, so the HTTPS verdicts here assume there is none.`,
    hints: [say.manual("Look at the settings yourself: an HTTPS proxy listed there is what Codex uses for login and the API.", { kind: "manual", topic: "system-proxy-settings" }, system.command)]
  };
}
function systemProxySettings(system, shownProxy, httpsUse, pacShown) {
  return {
    level: "info",
    code: "ENV_SYSTEM_PROXY",
    stage: "input",
    detail: `${osName(system.platform)} proxy settings (${system.command}): ${shownProxy === null ? "no HTTPS proxy" : `HTTPS proxy ${shownProxy}`}${system.noProxy !== null ? `, exceptions ${system.noProxy}` : ""}. Codex's HTTPS client uses them where HTTPS_PROXY is unset or empty${httpsUse === "uses" ? " (as here)" : httpsUse === "unset" ? "" : " (here HTTPS_PROXY is set)"}; its WebSocket client never reads them.${system.exceptions.length > 0 ? ` The bypass list (${system.exceptions.join(", ")}) is not applied by Codex.` : ""}${pacShown !== null ? ` The automatic configuration (${pacShown}) is ignored unless [features] respect_system_proxy = true.` : ""}`
  };
}
function systemProxyHttpsOnly(say, platform, shown, direct, httpUrl) {
  return {
    level: "warn",
    code: "ENV_SYSTEM_PROXY_HTTPS_ONLY",
    stage: "input",
    detail: `Login and API requests go through the ${osName(platform)} proxy setting ${shown}, but Codex's WebSocket client does not read the system settings and connects directly to ${listWords(direct)}: where the proxy is the only way out, streaming fails and Codex falls back to HTTPS after 5 attempts.`,
    hints: [say.setHint("HTTPS_PROXY", httpUrl, "Give Codex the same proxy in HTTPS_PROXY: both transports read it.")]
  };
}
function systemProxyPacIgnored(say, platform, pac) {
  return {
    level: "warn",
    code: "ENV_SYSTEM_PROXY_PAC_IGNORED",
    stage: "input",
    detail: `${osName(platform)} gets its proxy from automatic configuration (${pac}), which Codex does not read: with no HTTPS_PROXY and no manual proxy setting, Codex connects directly. Where the PAC file sends browsers through a proxy, Codex's connections fail.`,
    // The doctor does not evaluate PAC: which proxy it names is the user's to look up, never a placeholder to apply.
    hints: [
      say.manual(
        "Find the proxy the PAC file gives for https://chatgpt.com (your browser uses it; the network team knows it) and set it for Codex in HTTPS_PROXY, written http://host:port.",
        { kind: "manual", topic: "find-proxy-address", variable: "HTTPS_PROXY" }
      )
    ]
  };
}
function openAiBaseUrl(say, shown, honoured, version, configFile, move) {
  const redacted = move === null ? ", with the parts shown as [redacted] filled in" : "";
  const text = `Set the base URL in config.toml instead (a top-level key: above the first [table])${redacted}.`;
  const hint = move !== null ? say.fix(text, move) : { text, snippet: `# ${say.show(configFile)}
openai_base_url = ${JSON.stringify(shown)}`, action: { kind: "manual", topic: "repair-file", file: configFile } };
  const since = CODEX_RELEASES.openaiBaseUrlEnvIgnored;
  if (honoured) {
    return {
      level: "info",
      code: "ENV_OPENAI_BASE_URL_USED",
      stage: "input",
      detail: `OPENAI_BASE_URL=${shown} (${say.origin("OPENAI_BASE_URL")}) is the base URL of Codex's built-in provider in Codex ${version}: the model API goes there. Codex ${since} and later ignore the variable.`,
      hints: [{ ...hint, text: `Before upgrading Codex, move it to config.toml (a top-level key: above the first [table])${redacted}.` }]
    };
  }
  return {
    level: "warn",
    code: "ENV_OPENAI_BASE_URL_IGNORED",
    stage: "input",
    detail: `OPENAI_BASE_URL=${shown} is set (${say.origin("OPENAI_BASE_URL")}), but ${version === null ? `Codex ignores it from ${since} on (the installed version is unknown; Codex ${ASSUMED_CODEX_RELEASE} is assumed)` : `Codex ${version} ignores it (since ${since})`}: the built-in provider still sends the model API to OpenAI (api.openai.com or chatgpt.com), not to ${shown}.`,
    hints: [hint]
  };
}

// src/words/env-evidence.ts
function envSummary(trust, decisions, problems) {
  const selected = trust.selection.kind === "variable" && trust.bundleSupported ? `${trust.selection.variable} wins` : "No CA bundle: system roots";
  return `${selected}; ${summariseRoutes(decisions)}${problems > 0 ? `; ${problems} problem${problems === 1 ? "" : "s"}` : ""}.`;
}
function summariseRoutes(decisions) {
  const route = (t) => {
    const words = new Set(
      decisions.filter((d) => d.transport === t).map((d) => d.kind === "proxy" ? `via ${d.url.display}` : d.kind === "unsupported" || d.kind === "invalid" ? "an unusable proxy" : "direct")
    );
    return [...words].join(" or ");
  };
  const https = route("https");
  const websocket = route("websocket");
  return https === websocket ? `HTTPS and WebSocket ${https}` : `HTTPS ${https}, WebSocket ${websocket}`;
}
function envEvidence(say, world, trust, decisions, variables, proxyNames) {
  const lines = [];
  for (const name of variables) {
    const origin = world.provenance[name];
    const value = world.env[name];
    if (value === void 0 && origin?.source !== "dotenv-ignored") continue;
    const shown = value === void 0 ? "(not set)" : proxyNames.has(name) ? redactProxyValue(value) : value;
    lines.push(`${name}=${JSON.stringify(shown)}  <- ${describeOrigin(name, origin, say.dotenv)}`);
  }
  const dotenv = world.dotenv;
  const dotenvLines = [
    `${say.dotenv}: ${dotenv.status}${dotenv.error ? ` (${dotenv.error})` : ""}`,
    ...dotenv.applied.map((a) => `line ${a.line}: ${a.name} applied${a.overridesShell ? " (overrides the shell)" : ""}`),
    ...dotenv.ignored.map((i) => `line ${i.line}: ${i.name} ignored (CODEX_* names are not allowed in .env)`),
    ...dotenv.skipped.map((s) => `line ${s.line}: skipped, ${s.reason}`)
  ];
  return [
    { title: "Variables Codex reads", lines: lines.length > 0 ? lines : ["(none of the CA or proxy variables is set)"] },
    { title: "What each transport trusts", lines: [trust.https.sentence, trust.websocket.sentence] },
    {
      title: "Route to each Codex host",
      lines: decisions.flatMap((d) => [`${transportShort(d.transport)} ${d.target}: ${describeProxyDecision(d)}`, ...d.notes.map((n) => `  note: ${n.text}`)])
    },
    { title: `CODEX_HOME (${world.codexHomeSource})`, lines: [world.codexHome, ...dotenvLines] },
    ...world.systemProxy ? [systemProxyEvidence(world.systemProxy)] : []
  ];
}
function systemProxyEvidence(system) {
  const lines = system.error !== null ? [`not read: ${system.error}`] : [
    `HTTPS proxy (used by Codex HTTPS where HTTPS_PROXY is empty): ${system.https === null ? "none" : redactProxyValue(system.https)}`,
    ...system.noProxy !== null ? [`exceptions (used as NO_PROXY where it is empty): ${system.noProxy}`] : [],
    ...system.exceptions.length > 0 ? [`bypass list (not applied by Codex): ${system.exceptions.join(", ")}`] : [],
    `automatic configuration (ignored unless respect_system_proxy): ${system.pac ?? "none"}`
  ];
  return { title: `System proxy settings (${system.command})`, lines };
}

// src/words/env-precedence.ts
function codexHomeInvalid(say, problem, fix, unset) {
  return {
    level: "fail",
    code: "ENV_CODEX_HOME_INVALID",
    stage: "input",
    detail: `${problem}: Codex refuses to start with it (and reads no .env).`,
    hints: [
      fix.kind === "pass-option" ? { text: "Pass an existing directory to --codex-home.", command: "codex-doctor --codex-home ~/.codex" } : fix.kind === "point-at-directory" ? say.setHint(
        "CODEX_HOME",
        fix.directory,
        `${say.show(fix.file)} is a file, not a directory: point CODEX_HOME at a directory (Codex keeps config.toml, auth.json and .env there).`
      ) : { text: "Create the directory, or unset CODEX_HOME to use ~/.codex.", command: say.commands.makeDirectory(fix.directory) },
      ...unset ? [say.fix("Or use the default ~/.codex.", unset)] : []
    ]
  };
}
function dotenvUnreadable(say, dotenv) {
  const shown = say.dotenv;
  const repair = { kind: "manual", topic: "repair-file", file: dotenv.path };
  return {
    level: "warn",
    code: "ENV_DOTENV_UNREADABLE",
    stage: "read",
    detail: `${shown} exists but cannot be read (${dotenv.error ?? dotenv.status}): Codex silently ignores it, so none of its settings apply.`,
    hints: [
      dotenv.status === "not-a-file" ? say.manual(`Replace ${shown} with a plain file of NAME=value lines.`, repair) : say.manual(`Make ${shown} readable by your user.`, { kind: "manual", topic: "file-permissions", file: dotenv.path }, say.commands.makeReadable(dotenv.path, "600"))
    ]
  };
}
function dotenvLineSkipped(say, file, line) {
  return {
    level: "warn",
    code: "ENV_DOTENV_LINE_SKIPPED",
    stage: "parse",
    detail: `Line ${line.line} of ${say.dotenv}${line.key ? ` (${line.key})` : ""} is skipped by Codex without a word: ${line.reason}.`,
    hints: [
      say.manual(
        `Rewrite line ${line.line} as NAME=value; quote a value with blanks in single quotes (no escapes inside), e.g. ${line.key ?? "NAME"}='value with blanks'.`,
        { kind: "manual", topic: "repair-file", file },
        say.commands.showLines(file, line.line)
      )
    ]
  };
}
function codexVariableInDotenv(say, file, name, line, shellSet, value) {
  return {
    level: "warn",
    code: "ENV_CODEX_VAR_IN_DOTENV",
    stage: "input",
    detail: `${name} is set in ${say.dotenv} (line ${line}), but Codex ignores every CODEX_* name there, ${shellSet ? "so the value from the shell is used instead" : `so ${name} is not set for Codex`}.`,
    hints: [
      value !== null ? say.setHint(name, value, `Set ${name} in your shell profile (${say.commands.profile}) instead of ${say.dotenv}.`) : say.manual(`Move line ${line} (${name}=...) from ${say.dotenv} into your shell profile (${say.commands.profile}) as a variable of the shell: Codex reads ${name} only from there.`, {
        kind: "manual",
        topic: "repair-file",
        file
      })
    ]
  };
}
function dotenvOverrides(say, name, line) {
  return { level: "info", code: "ENV_DOTENV_OVERRIDES", stage: "input", detail: `${name} comes from ${say.dotenv} (line ${line}) and overrides the shell's value for Codex.` };
}
function insideCodexSandbox(say, variable) {
  return {
    level: "warn",
    code: "ENV_INSIDE_CODEX_SANDBOX",
    stage: "input",
    detail: `${variable}=1: codex-doctor runs inside a Codex sandbox behind Codex's managed network proxy, so the proxy and CA variables here are the ones Codex gives sandboxed commands, not the ones Codex itself starts with; a refused destination is Codex's own network policy, not the corporate proxy.`,
    hints: [say.manual("Run codex-doctor in your own terminal, outside Codex, to diagnose how Codex reaches OpenAI.", { kind: "manual", topic: "run-outside-sandbox" })]
  };
}
function caSelected(say, choice, trust) {
  let why;
  switch (choice.kind) {
    case "predates-ca-variables":
      why = `Codex ${choice.version} predates CA variables (${CODEX_RELEASES.customCa}): it reads neither CODEX_CA_CERTIFICATE nor SSL_CERT_FILE as a bundle.`;
      break;
    case "variable": {
      const because = {
        "takes-precedence": " (it takes precedence over SSL_CERT_FILE, which is not read as the bundle)",
        "codex-ca-empty": " because CODEX_CA_CERTIFICATE is set but empty, which counts as unset",
        "codex-ca-ignored-in-dotenv": ` because CODEX_CA_CERTIFICATE is not set (its line in ${say.dotenv} is ignored)`,
        "codex-ca-unset": " because CODEX_CA_CERTIFICATE is not set"
      };
      why = `Codex uses ${choice.variable}=${choice.raw} (${say.origin(choice.variable)})${choice.because ? because[choice.because] : ""}.`;
      break;
    }
    case "system-roots": {
      const { empties } = choice;
      why = `No CA variable is set${empties.length > 0 ? ` (${empties.join(" and ")} ${empties.length === 1 ? "is" : "are"} empty, which counts as unset)` : ""}: Codex adds no bundle and relies on the system roots.`;
      break;
    }
  }
  return [why, trust.https.sentence, trust.websocket.sentence].map((detail) => ({ level: "info", code: "ENV_CA_SELECTED", stage: "input", detail }));
}
function sslCertEmpty(say, empties, bundle, httpsUsesNativeRoots) {
  return {
    level: "warn",
    code: "ENV_SSL_CERT_EMPTY",
    stage: "input",
    detail: `${empties.map((n) => `${n}=""`).join(" and ")}: empty counts as unset when Codex picks a bundle, but rustls-native-certs treats it as set and loads no OS roots, so WebSocket streaming trusts ${bundle ? `only ${bundle}` : "no root at all and cannot verify any server"}${httpsUsesNativeRoots ? ` and HTTPS only ${bundle ?? "the bundle"} + the Mozilla roots` : ""}.`,
    hints: [say.removeHint(empties[0] ?? "SSL_CERT_FILE"), ...empties.slice(1).map((name) => say.removeHint(name))]
  };
}
function pointsAtOsStore(name, value) {
  return {
    level: "info",
    code: "ENV_SSL_CERT_POINTS_AT_OS_STORE",
    stage: "input",
    detail: `${name}=${value} points at the OS store itself: Codex's native roots are the same roots as without it (a root added with update-ca-certificates or update-ca-trust is in there too).`
  };
}
function sslCertFileReplacesOs(say, sslFile, mozilla, moveTo) {
  return {
    level: "warn",
    code: "ENV_SSL_CERT_FILE_REPLACES_OS",
    stage: "input",
    detail: `SSL_CERT_FILE=${sslFile} replaces the OS trust store for Codex: ${moveTo === null ? `even with CODEX_CA_CERTIFICATE selecting the bundle, Codex's native roots are only ${sslFile}, so the OS store is not used by HTTPS or WebSocket` : `HTTPS trusts ${sslFile}${mozilla ? " + the Mozilla roots" : ""}, WebSocket only ${sslFile}`}. A corporate root that is in the OS store but not in that file is not trusted (rustls: invalid peer certificate: UnknownIssuer).`,
    hints: moveTo === null ? [say.removeHint("SSL_CERT_FILE", { after: "if another tool left it behind" })] : [
      say.moveHint(
        "SSL_CERT_FILE",
        "CODEX_CA_CERTIFICATE",
        moveTo,
        "Give the same file to Codex with CODEX_CA_CERTIFICATE and unset SSL_CERT_FILE: Codex keeps trusting it, for login and streaming, and trusts the OS store again."
      ),
      say.removeHint("SSL_CERT_FILE", { before: "Or", after: "if another tool left it behind" })
    ]
  };
}
function sslCertDirReplacesOs(say, sslDir, httpsUsesNativeRoots) {
  return {
    level: "warn",
    code: "ENV_SSL_CERT_DIR_REPLACES_OS",
    stage: "input",
    detail: `SSL_CERT_DIR=${sslDir} replaces the OS trust store as Codex's native roots: ${httpsUsesNativeRoots ? "WebSocket and HTTPS load" : "WebSocket loads"} only the hash-named files (like 5ed36f99.0) in it, not the OS store.`,
    hints: [say.removeHint("SSL_CERT_DIR")]
  };
}
function caVariablesDiffer(say, codexCa, sslFile, version, trust) {
  const base = { level: "warn", code: "ENV_CA_VARS_DIFFER", stage: "input" };
  if (trust.bundleSupported) {
    return {
      ...base,
      detail: `CODEX_CA_CERTIFICATE=${codexCa} and SSL_CERT_FILE=${sslFile} name different files: only CODEX_CA_CERTIFICATE is loaded as the bundle; SSL_CERT_FILE's certificates are trusted only as native roots.`,
      hints: [say.removeHint("SSL_CERT_FILE", { after: "unless you need its roots next to the bundle" })]
    };
  }
  return {
    ...base,
    detail: `CODEX_CA_CERTIFICATE=${codexCa} and SSL_CERT_FILE=${sslFile} name different files, and Codex ${version} (before ${CODEX_RELEASES.customCa}) loads neither as a bundle: it ignores CODEX_CA_CERTIFICATE, while SSL_CERT_FILE replaces the OS store ${trust.https.verifier === "openssl" ? "as OpenSSL's CA file for HTTPS and as the native roots of WebSocket" : "as the native roots of WebSocket"}.`,
    hints: upgradeCodexHints(` to ${CODEX_RELEASES.customCa} or later so that it loads CODEX_CA_CERTIFICATE`)
  };
}
function pathValueFinding(say, facts2) {
  const issueWords = (issue) => {
    switch (issue) {
      case "ENV_VALUE_QUOTED":
        return "contains literal quotes, which Codex keeps as part of the path";
      case "ENV_VALUE_WHITESPACE":
        return "has leading or trailing blanks, which Codex keeps as part of the path";
      case "ENV_VALUE_TILDE":
        return "starts with ~, which Codex does not expand (only a shell does, and not inside quotes)";
      case "ENV_VALUE_RELATIVE":
        return `is relative, so it depends on the directory codex is started from (from ${facts2.relative?.cwd} it opens ${facts2.relative?.opens})`;
    }
  };
  const opened = facts2.opened === null ? "" : ` Codex opens ${JSON.stringify(facts2.opened)}.`;
  return {
    level: "warn",
    code: facts2.issues[0],
    stage: "input",
    detail: `${facts2.name}=${JSON.stringify(facts2.value)} ${facts2.issues.map(issueWords).join("; it also ")}.${opened}`,
    hints: [say.setHint(facts2.name, facts2.fixed, `Set ${facts2.name} to the absolute path, without quotes or blanks.`)]
  };
}
var TOOL_OF_CA_VARIABLE = { NODE_EXTRA_CA_CERTS: "Node.js", REQUESTS_CA_BUNDLE: "Python" };
function otherCaVariableDiffers(say, name, value, bundle, giveCodex) {
  return {
    level: "warn",
    code: "ENV_OTHER_CA_VAR_DIFFERS",
    stage: "input",
    detail: bundle ? `${name}=${value} names a different file than Codex's bundle (${bundle.raw}): tools that Codex runs in its sandbox and MCP servers it starts trust other roots than Codex itself.` : `${name}=${value} does nothing for Codex itself (a native binary, not ${TOOL_OF_CA_VARIABLE[name] ?? name}); only tools Codex runs in its sandbox and MCP servers it starts read it. Codex uses no bundle.`,
    hints: [
      bundle ? say.setHint(name, bundle.path, `Point ${name} at the bundle Codex uses.`) : say.setHint("CODEX_CA_CERTIFICATE", giveCodex, "Give Codex the same file with CODEX_CA_CERTIFICATE.")
    ]
  };
}
var TOOL_OF_INSECURE_SETTING = {
  NODE_TLS_REJECT_UNAUTHORIZED: "Node.js",
  GIT_SSL_NO_VERIFY: "git",
  PYTHONHTTPSVERIFY: "Python",
  CURL_INSECURE: "curl wrappers",
  NPM_CONFIG_STRICT_SSL: "npm",
  npm_config_strict_ssl: "npm"
};
function insecureWorkaround(say, name, value, hasBundle) {
  return {
    level: "warn",
    code: "ENV_INSECURE_WORKAROUND",
    stage: "input",
    detail: `${name}=${value} turns certificate verification off for ${TOOL_OF_INSECURE_SETTING[name] ?? name}. Codex never reads it, so it does not help Codex, and it leaves other tools open to interception.`,
    hints: [
      say.removeHint(name, { after: "and fix trust instead" }),
      // Which file holds the root the doctor cannot know here (tls.auth and ca.bundle look for it): no placeholder path.
      ...hasBundle ? [] : [say.manual("Give Codex the corporate root certificate (PEM) instead: point CODEX_CA_CERTIFICATE at its file (IT can send it; tls.auth names the root the proxy presents).", { kind: "it-request", topic: "corporate-root" })]
    ]
  };
}
function codexVersionFinding(verdict, version) {
  switch (verdict) {
    case "unknown":
      return {
        level: "info",
        code: "ENV_CODEX_VERSION",
        stage: "input",
        detail: `\`codex --version\` did not answer (codex is not on PATH, or it failed): the advice assumes Codex ${ASSUMED_CODEX_RELEASE}, the release it was checked against.`
      };
    case "predates-ca-variables":
      return {
        level: "warn",
        code: "ENV_CODEX_TOO_OLD",
        stage: "input",
        detail: `Codex ${version} predates custom CA support (${CODEX_RELEASES.customCa}): it ignores CODEX_CA_CERTIFICATE, so no bundle can make it trust a corporate root.`,
        hints: upgradeCodexHints()
      };
    case "https-not-rustls":
      return {
        level: "info",
        code: "ENV_CODEX_HTTPS_NOT_RUSTLS",
        stage: "input",
        detail: `Codex ${version} adds the bundle to the platform TLS library for HTTPS (login, API) but verifies WebSocket with rustls, so the two can disagree; ${CODEX_RELEASES.rustlsHttps} and later use rustls for both.`,
        hints: upgradeCodexHints()
      };
    case "current":
      return { level: "info", code: "ENV_CODEX_VERSION", stage: "input", detail: `Codex ${version} is installed.` };
  }
}

// src/checks/env-proxies.ts
var HTTPS_TARGETS = [ISSUER, API_KEY_BASE_URL, CHATGPT_BASE_URL];
var WEBSOCKET_TARGETS = [CHATGPT_BASE_URL, API_KEY_BASE_URL].map(websocketUrl).filter((url) => url !== null);
function proxyDecisions(world, override) {
  return [
    ...HTTPS_TARGETS.map((url) => proxyFor("https", url, world.env, override, world.systemProxy)),
    ...WEBSOCKET_TARGETS.map((url) => proxyFor("websocket", url, world.env, override))
  ];
}
function proxyFindings(decisions, world, say, override) {
  const env = world.env;
  const findings = [];
  for (const transport of ["https", "websocket"]) findings.push(proxySelected(say, transport, decisions.filter((d) => d.transport === transport)));
  for (const conflict of caseConflicts(env)) {
    const httpPair = conflict.upper === "HTTP_PROXY";
    if (conflict.upperEmpty && !httpPair) {
      findings.push(proxyEmptyUpper(say, conflict, conflict.upper === "NO_PROXY" ? null : hiddenDirect(conflict, decisions)));
    } else {
      findings.push(proxyCaseConflict(say, conflict, httpPair));
    }
  }
  const seen = /* @__PURE__ */ new Set();
  for (const d of decisions) {
    if (d.kind !== "unsupported" && d.kind !== "invalid") continue;
    const key = `${d.transport}:${d.variable}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const hosts = decisions.filter((o) => o.transport === d.transport && o.kind === d.kind && o.variable === d.variable).map((o) => hostOf2(o.target));
    findings.push(
      d.kind === "invalid" ? proxyInvalidForWebsocket(say, d, hosts, proxyRewrite(d.variable, rawProxyValue(d.variable, world, override))) : proxySchemeUnsupported(say, d, hosts, fixableVariable(d.variable), d.value.includes("@") ? null : httpVersionOf(d.value))
    );
  }
  const skippedNotes = /* @__PURE__ */ new Map();
  for (const d of decisions) {
    for (const note of d.notes) if (note.kind === "ignored-invalid" || note.kind === "ignored-scheme") skippedNotes.set(note.variable, note.text);
  }
  const httpsRoute = decisions.find((d) => d.transport === "https");
  for (const [variable, text] of skippedNotes) {
    findings.push(proxyIgnoredByHttps(say, text, httpsRoute, proxyRewrite(variable, rawProxyValue(variable, world, override))));
  }
  findings.push(...unencodedAtFindings(decisions, world, say, override));
  if (decisions.some((d) => d.transport === "https" && d.kind === "direct" && d.notes.some((n) => n.kind === "http-proxy-not-for-https"))) {
    const http = proxyVariableInEffect(env, PROXY_VARIABLE_PAIRS[1]);
    const websocketUses = decisions.some((d) => d.transport === "websocket" && (d.kind === "proxy" || d.kind === "unsupported" || d.kind === "invalid") && d.variable === http.variable);
    findings.push(proxyHttpOnly(say, http.variable, redactProxyValue(http.value), websocketUses, world.provenance[http.variable]?.source === "dotenv"));
  }
  findings.push(...noProxyFindings(decisions, world, say));
  return findings;
}
function hiddenDirect(conflict, decisions) {
  const direct = (transport) => [
    ...new Set(decisions.filter((d) => d.transport === transport && d.kind === "direct" && d.hiddenBy?.upper === conflict.upper).map((d) => hostOf2(d.target)))
  ];
  return { https: direct("https"), websocket: direct("websocket") };
}
function noProxyFindings(decisions, world, say) {
  const byEntry = /* @__PURE__ */ new Map();
  for (const d of decisions) {
    if (d.kind !== "bypassed") continue;
    const key = `${d.noProxyVariable}\0${d.noProxyEntry}`;
    byEntry.set(key, [...byEntry.get(key) ?? [], d]);
  }
  return [...byEntry.values()].map((group) => {
    const first = group[0];
    const fromSystem = first.noProxyVariable === "ProxyOverride";
    const list = fromSystem ? world.systemProxy?.noProxy ?? "" : world.env[first.noProxyVariable] ?? "";
    const rest = list.split(",").map((e) => e.trim()).filter((e) => e !== "" && e !== first.noProxyEntry).join(",");
    const bypassed = (transport) => [...new Set(group.filter((d) => d.transport === transport).map((d) => hostOf2(d.target)))];
    const groupHosts = new Set(group.map((g) => hostOf2(g.target)));
    const stillProxied = [...new Set(decisions.filter((d) => !group.includes(d) && d.kind === "proxy" && groupHosts.has(hostOf2(d.target))).map((d) => d.transport))];
    const fix = fromSystem ? (
      // NO_PROXY, once set, replaces the system exceptions for Codex.
      { kind: "set-no-proxy-over-system", rest: rest !== "" ? rest : "localhost,127.0.0.1" }
    ) : rest !== "" ? { kind: "set", rest } : { kind: "unset" };
    return noProxyBypass(say, { list: first.noProxyVariable, entry: first.noProxyEntry, proxy: first.variable }, { https: bypassed("https"), websocket: bypassed("websocket") }, stillProxied, fix);
  });
}
function fixableVariable(variable) {
  return variable === "system" ? "HTTPS_PROXY" : variable;
}
function rawProxyValue(variable, world, override) {
  return variable === "--proxy" ? override : variable === "system" ? world.systemProxy?.https ?? void 0 : world.env[variable];
}
function proxyRewrite(variable, raw) {
  const fixVariable = fixableVariable(variable);
  if (raw === void 0) return { kind: "unknown", variable: fixVariable };
  const unquoted = raw.trim().replace(/^(["'])(.*)\1$/s, "$2").trim();
  const value = unquoted.includes("://") ? unquoted : `http://${unquoted}`;
  const routes = [proxyFor("https", ISSUER, { HTTPS_PROXY: value }), proxyFor("websocket", WEBSOCKET_TARGETS[0], { HTTPS_PROXY: value })];
  const [https] = routes;
  if (!routes.every((r) => r.kind === "proxy" && r.url.scheme === "http") || https?.kind !== "proxy") return { kind: "unknown", variable: fixVariable };
  if (https.credentials?.hasPassword) return { kind: "with-credentials", variable: fixVariable, shown: https.url.display };
  return { kind: "set", variable: fixVariable, value };
}
function httpVersionOf(redacted) {
  const rest = redacted.includes("://") ? redacted.slice(redacted.indexOf("://") + 3) : redacted;
  const hostPort = rest.slice(rest.lastIndexOf("@") + 1).split(/[/?#]/)[0];
  return `http://${hostPort}`;
}
function authority(url) {
  return `${url.host.includes(":") ? `[${url.host}]` : url.host}:${url.port}`;
}
function unencodedAtFindings(decisions, world, say, override) {
  const findings = [];
  const seen = /* @__PURE__ */ new Set();
  for (const d of decisions) {
    if (d.transport !== "https" || d.kind !== "proxy" || d.variable === "system" || seen.has(d.variable)) continue;
    seen.add(d.variable);
    const raw = rawProxyValue(d.variable, world, override);
    const split = raw === void 0 ? null : unencodedAtInUserinfo(raw);
    if (raw === void 0 || split === null) continue;
    const websocketUses = decisions.some((w) => w.transport === "websocket" && w.kind === "proxy" && w.variable === d.variable);
    const example = `${d.url.scheme}://USER${split.websocket.hasPassword ? ":PASSWORD" : ""}@${authority(d.url)}`;
    findings.push(
      proxyUnencodedAt(say, {
        variable: d.variable,
        shown: redactProxyValue(raw),
        inUser: split.websocket.username.includes("@"),
        https: split.https,
        websocketUser: websocketUses ? split.websocket.username : null,
        fixVariable: fixableVariable(d.variable),
        example
      })
    );
  }
  return findings;
}
function systemProxyFindings(decisions, world, say, platform, override) {
  const findings = [];
  const respect = world.config.respectSystemProxy;
  const system = world.systemProxy;
  if (respect?.value === true && (platform === "darwin" || platform === "win32")) {
    const turnOff = { kind: "edit-config", file: respect.file, changes: [{ op: "set", path: ["features", "respect_system_proxy"], value: false }] };
    findings.push(respectSystemProxyPac(say, platform, respect.file, system?.pac ?? null, turnOff));
  }
  if (system === null || override !== void 0) return findings;
  const httpsVariable = proxyVariableInEffect(world.env, PROXY_VARIABLE_PAIRS[0]);
  const httpsUnset = httpsVariable === null || httpsVariable.value === "";
  if (system.error !== null) {
    const noProxy = proxyVariableInEffect(world.env, PROXY_VARIABLE_PAIRS[3]);
    if (httpsUnset || system.platform === "win32" && (noProxy === null || noProxy.value === "")) findings.push(systemProxyUnread(say, system, system.error));
    return findings;
  }
  const viaSystem = decisions.find((d) => d.transport === "https" && d.kind === "proxy" && d.variable === "system");
  const usesSystem = decisions.some((d) => d.transport === "https" && "variable" in d && d.variable === "system");
  const allDirect = decisions.filter((d) => d.transport === "https").every((d) => d.kind === "direct");
  const pacIgnored = system.pac !== null && allDirect && respect?.value !== true;
  if (system.https !== null || system.noProxy !== null || system.exceptions.length > 0 || system.pac !== null && !pacIgnored) {
    const shownProxy = system.https === null ? null : redactProxyValue(system.https);
    findings.push(systemProxySettings(system, shownProxy, usesSystem ? "uses" : httpsUnset ? "unset" : "overridden", system.pac !== null && !pacIgnored ? system.pac : null));
  }
  const websocketDirect = decisions.filter((d) => d.transport === "websocket" && d.kind === "direct").map((d) => hostOf2(d.target));
  if (viaSystem?.kind === "proxy" && websocketDirect.length > 0) {
    findings.push(systemProxyHttpsOnly(say, platform, viaSystem.url.display, [...new Set(websocketDirect)], `http://${authority(viaSystem.url)}`));
  }
  if (pacIgnored && system.pac !== null) findings.push(systemProxyPacIgnored(say, platform, system.pac));
  return findings;
}
function openAiBaseUrlFindings(world, say) {
  const value = world.env.OPENAI_BASE_URL;
  if (value === void 0 || value.trim() === "") return [];
  const shown = redactUrl(value);
  const file = `${world.codexHome}${world.dotenv.path.includes("\\") ? "\\" : "/"}config.toml`;
  const move = shown === value ? { kind: "edit-config", file, changes: [{ op: "set", path: ["openai_base_url"], value }] } : null;
  const honoured = honouredOpenAiBaseUrl(world.env, world.codexVersion) !== void 0;
  if (!honoured && world.config.openaiBaseUrl) return [];
  return [openAiBaseUrl(say, shown, honoured, world.codexVersion, file, move)];
}

// src/checks/login-retry.ts
var login_retry_exports = {};
__export(login_retry_exports, {
  loginFallbackFindings: () => loginFallbackFindings,
  loginRetryAfterFailure: () => loginRetryAfterFailure
});

// src/words/login-retry.ts
function osName2(platform) {
  return platform === "darwin" ? "macOS" : "Windows";
}
function respectSystemProxyEnvFallback(file) {
  return {
    level: "info",
    code: "ENV_RESPECT_SYSTEM_PROXY_ENV_FALLBACK",
    stage: "input",
    detail: `[features] respect_system_proxy = true${file ? ` (${file})` : ""} reads the macOS or Windows proxy settings; on this platform Codex falls back to the environment, so it changes nothing here.`
  };
}
function loginRetriesThroughSystemProxy(firstRoute, retry) {
  return {
    level: "info",
    code: "ENV_LOGIN_SYSTEM_PROXY_RETRY",
    stage: "input",
    detail: `Login ${firstRoute}. If that token exchange fails to connect (a TLS handshake failure counts), Codex ${retry.release} retries it once through the ${osName2(retry.platform)} proxy setting ${retry.via} ([features] system_proxy_fallback, on by default; codex-login.log says "${LOGIN_RETRY_LOG_LINE}"). Login can then succeed while model traffic (API over HTTPS, WebSocket), which never retries that way, still fails: the network checks here test the first route.`
  };
}
function loginRetriesAfterFailure(stage, retry) {
  return {
    level: "info",
    code: "ENV_LOGIN_SYSTEM_PROXY_RETRY",
    stage,
    detail: `A real \`codex login\` does not stop here: Codex ${retry.release} retries the token exchange once through the ${osName2(retry.platform)} proxy setting ${retry.via} ("${LOGIN_RETRY_LOG_LINE}" in codex-login.log), so login may succeed that way while model traffic (API, WebSocket) still takes the route that failed here.`
  };
}

// src/checks/login-retry.ts
var TOKEN_URL = `${ISSUER}/oauth/token`;
function loginFallbackFindings(world, platform, override, show) {
  const features = codexFeatures(world.config, world.codexVersion);
  const findings = [];
  const respect = respectSystemProxyEffect(features, platform);
  if (respect.kind === "env-fallback") findings.push(respectSystemProxyEnvFallback(respect.file ? show(respect.file) : null));
  if (override !== void 0) return findings;
  const first = proxyFor("https", TOKEN_URL, world.env, void 0, world.systemProxy);
  const retry = loginSystemProxyRetry(features, world.systemProxy, first);
  if (retry.kind === "retries" && !retry.sameRoute) {
    findings.push(loginRetriesThroughSystemProxy(describeProxyDecision(first), { release: releaseForAdvice(world.codexVersion), platform, via: retry.via }));
  }
  return findings;
}
function loginRetryAfterFailure(world, stage, platform, override) {
  if (override !== void 0 || !isConnectClassStage(stage)) return [];
  const first = proxyFor("https", TOKEN_URL, world.env, void 0, world.systemProxy);
  const retry = loginSystemProxyRetry(codexFeatures(world.config, world.codexVersion), world.systemProxy, first);
  if (retry.kind !== "retries" || retry.sameRoute) return [];
  return [loginRetriesAfterFailure(stage, { release: releaseForAdvice(world.codexVersion), platform, via: retry.via })];
}

// src/checks/env-precedence.ts
var envPrecedence = {
  id: "env.precedence",
  title: "CA and proxy variables Codex reads",
  needs: [],
  async run(ctx) {
    ctx.stage("input");
    const world = await ctx.world();
    return analyseEnvironment(world, ctx.host, ctx.options.proxy);
  }
};
var OTHER_TOOL_CA_VARIABLES = ["NODE_EXTRA_CA_CERTS", "REQUESTS_CA_BUNDLE"];
var INSECURE_SETTINGS = [
  { name: "NODE_TLS_REJECT_UNAUTHORIZED", insecure: (v) => v === "0" },
  { name: "GIT_SSL_NO_VERIFY", insecure: truthy },
  { name: "PYTHONHTTPSVERIFY", insecure: (v) => v === "0" },
  { name: "CURL_INSECURE", insecure: truthy },
  { name: "NPM_CONFIG_STRICT_SSL", insecure: (v) => v.toLowerCase() === "false" },
  { name: "npm_config_strict_ssl", insecure: (v) => v.toLowerCase() === "false" }
];
function truthy(value) {
  return !["", "0", "false", "no", "off"].includes(value.trim().toLowerCase());
}
function analyseEnvironment(world, host, proxyOverride) {
  const say = new Speaker(world, host);
  const env = world.env;
  const findings = [];
  const trust = trustPlan(env, host.platform, {
    cwd: host.cwd,
    codexVersion: world.codexVersion,
    ...host.systemStore && { systemStore: host.systemStore }
  });
  if (world.codexHomeProblem !== null) {
    const fix = world.codexHomeSource === "option" ? { kind: "pass-option" } : world.codexHomeNotADirectory ? { kind: "point-at-directory", file: world.codexHome, directory: `${host.homeDir}/.codex` } : { kind: "create-directory", directory: world.codexHome };
    findings.push(codexHomeInvalid(say, world.codexHomeProblem, fix, world.codexHomeSource === "CODEX_HOME" ? unsetEnv("CODEX_HOME", world.provenance) : null));
  }
  findings.push(...dotenvFindings(world, say, host));
  if (world.env[PROXY_ACTIVE_VARIABLE] === "1") findings.push(insideCodexSandbox(say, PROXY_ACTIVE_VARIABLE));
  findings.push(...caFindings(world, trust, say, host));
  findings.push(versionFinding(world, trust));
  const decisions = proxyDecisions(world, proxyOverride);
  findings.push(...proxyFindings(decisions, world, say, proxyOverride));
  findings.push(...systemProxyFindings(decisions, world, say, host.platform, proxyOverride));
  findings.push(...loginFallbackFindings(world, host.platform, proxyOverride, (file) => say.show(file)));
  findings.push(...openAiBaseUrlFindings(world, say));
  const problems = findings.filter((f) => f.level !== "info").length;
  return {
    summary: envSummary(trust, decisions, problems),
    findings,
    evidence: envEvidence(say, world, trust, decisions, RELEVANT, PROXY_NAMES),
    data: reportData(world, trust, decisions),
    facts: { trust, proxies: decisions, provenance: world.provenance }
  };
}
function dotenvFindings(world, say, host) {
  const { dotenv } = world;
  const findings = [];
  if (dotenv.status === "unreadable" || dotenv.status === "not-a-file") findings.push(dotenvUnreadable(say, dotenv));
  for (const line of dotenv.skipped) findings.push(dotenvLineSkipped(say, dotenv.path, line));
  for (const ignored of dotenv.ignored) {
    const origin = world.provenance[ignored.name];
    const shellSet = origin?.source === "dotenv-ignored" && origin.shellSet;
    findings.push(codexVariableInDotenv(say, dotenv.path, ignored.name, ignored.line, shellSet, ignored.value !== void 0 ? cleanPath(ignored.value, host) : null));
  }
  for (const applied of dotenv.applied) {
    if (applied.overridesShell && RELEVANT.has(applied.name)) findings.push(dotenvOverrides(say, applied.name, applied.line));
  }
  return findings;
}
function osStoreLocations(host) {
  const plan = nativeRootLocations({}, host.platform, host.systemStore);
  if (plan.kind !== "files") return null;
  return { files: new Set(plan.fileCandidates), dirs: new Set(plan.dirs.map(withoutTrailingSlash)) };
}
function withoutTrailingSlash(path2) {
  return path2.length > 1 ? trimEndMatches(path2, "/\\") : path2;
}
function caChoice(world, trust) {
  const env = world.env;
  if (!trust.bundleSupported) return { kind: "predates-ca-variables", version: world.codexVersion };
  if (trust.selection.kind === "variable") {
    const { variable, raw } = trust.selection;
    const because = variable === "CODEX_CA_CERTIFICATE" ? env.SSL_CERT_FILE !== void 0 && env.SSL_CERT_FILE !== "" ? "takes-precedence" : null : env.CODEX_CA_CERTIFICATE === "" ? "codex-ca-empty" : world.provenance.CODEX_CA_CERTIFICATE?.source === "dotenv-ignored" ? "codex-ca-ignored-in-dotenv" : "codex-ca-unset";
    return { kind: "variable", variable, raw, because };
  }
  return { kind: "system-roots", empties: ["CODEX_CA_CERTIFICATE", "SSL_CERT_FILE"].filter((name) => env[name] === "") };
}
function caFindings(world, trust, say, host) {
  const env = world.env;
  const findings = [];
  const codexCa = env.CODEX_CA_CERTIFICATE;
  const sslFile = env.SSL_CERT_FILE;
  const sslDir = env.SSL_CERT_DIR;
  const resolve = (value) => resolveAgainst(host.cwd, value, host.platform);
  findings.push(...caSelected(say, caChoice(world, trust), trust));
  const osStore = osStoreLocations(host);
  const sslDirParts = sslDir === void 0 ? [] : sslDir.split(host.platform === "win32" ? ";" : ":").filter((p) => p !== "");
  const fileIsOsStore = sslFile !== void 0 && sslFile !== "" && (osStore?.files.has(resolve(sslFile)) ?? false);
  const dirIsOsStore = sslDirParts.length > 0 && sslDirParts.every((p) => osStore?.dirs.has(withoutTrailingSlash(resolve(p))) ?? false);
  const native = trust.websocket.native;
  if (native?.kind === "replaced" && native.loadsNothing) {
    findings.push(sslCertEmpty(say, native.plan.replacedBy, trust.websocket.bundle?.raw ?? null, trust.https.native !== null));
  } else if (native?.kind === "replaced") {
    if (fileIsOsStore && sslFile !== void 0) findings.push(pointsAtOsStore("SSL_CERT_FILE", sslFile));
    if (dirIsOsStore && sslDir !== void 0) findings.push(pointsAtOsStore("SSL_CERT_DIR", sslDir));
    if (sslFile !== void 0 && sslFile !== "" && !fileIsOsStore) {
      const viaCodex = trust.https.bundle?.variable === "CODEX_CA_CERTIFICATE";
      findings.push(sslCertFileReplacesOs(say, sslFile, trust.https.mozilla, viaCodex ? null : cleanPath(sslFile, host)));
    }
    if (sslDir !== void 0 && sslDir !== "" && !dirIsOsStore) findings.push(sslCertDirReplacesOs(say, sslDir, trust.https.native !== null));
  }
  const sslFileHarmless = trust.bundleSupported && fileIsOsStore;
  if (codexCa !== void 0 && codexCa !== "" && sslFile !== void 0 && sslFile !== "" && resolve(codexCa) !== resolve(sslFile) && !sslFileHarmless) {
    findings.push(caVariablesDiffer(say, codexCa, sslFile, world.codexVersion, trust));
  }
  for (const name of ["CODEX_CA_CERTIFICATE", "SSL_CERT_FILE", "SSL_CERT_DIR"]) {
    const value = env[name];
    if (value === void 0 || value === "") continue;
    const finding = pathValueProblem(name, value, say, host);
    if (finding) findings.push(finding);
  }
  const bundle = trust.https.bundle;
  const osStoreFiles = osStore?.files;
  for (const name of OTHER_TOOL_CA_VARIABLES) {
    const value = env[name];
    if (value === void 0 || value === "") continue;
    if (bundle && resolve(value) === bundle.path) continue;
    if (osStoreFiles?.has(resolve(value)) && (!bundle || osStoreFiles.has(bundle.path))) continue;
    findings.push(otherCaVariableDiffers(say, name, value, bundle, cleanPath(value, host)));
  }
  for (const setting of INSECURE_SETTINGS) {
    const value = env[setting.name];
    if (value !== void 0 && setting.insecure(value)) findings.push(insecureWorkaround(say, setting.name, value, bundle !== null));
  }
  return findings;
}
function pathValueProblem(name, value, say, host) {
  const separator = host.platform === "win32" ? ";" : ":";
  const parts = name === "SSL_CERT_DIR" ? value.split(separator) : [value];
  const resolve = (part) => resolveAgainst(host.cwd, part, host.platform);
  const issues = [];
  if (/^["']|["']$/.test(value)) issues.push("ENV_VALUE_QUOTED");
  if (/^\s|\s$/.test(value)) issues.push("ENV_VALUE_WHITESPACE");
  if (parts.some((p) => p.trimStart().replace(/^["']/, "").startsWith("~"))) issues.push("ENV_VALUE_TILDE");
  const relative = parts.filter((p) => p !== "" && resolve(p) !== p);
  if (issues.length === 0 && relative.length > 0) issues.push("ENV_VALUE_RELATIVE");
  const [first, ...rest] = issues;
  if (first === void 0) return null;
  return pathValueFinding(say, {
    name,
    value,
    issues: [first, ...rest],
    relative: relative.length > 0 ? { cwd: host.cwd, opens: resolve(relative[0]) } : null,
    opened: name === "SSL_CERT_DIR" ? null : resolve(value),
    fixed: parts.map((p) => cleanPath(p, host)).join(separator)
  });
}
function versionFinding(world, trust) {
  const version = world.codexVersion;
  if (version === null) return codexVersionFinding("unknown", version);
  if (!versionAtLeast(version, CODEX_RELEASES.customCa)) return codexVersionFinding("predates-ca-variables", version);
  if (!versionAtLeast(version, CODEX_RELEASES.rustlsHttps) && trust.selection.kind === "variable") return codexVersionFinding("https-not-rustls", version);
  return codexVersionFinding("current", version);
}
var RELEVANT = /* @__PURE__ */ new Set([
  "CODEX_CA_CERTIFICATE",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  ...PROXY_VARIABLE_PAIRS.flat(),
  "REQUEST_METHOD",
  ...OTHER_TOOL_CA_VARIABLES,
  ...INSECURE_SETTINGS.map((s) => s.name)
]);
var PROXY_NAMES = new Set(PROXY_VARIABLE_PAIRS.flat());
function reportData(world, trust, decisions) {
  const transport = (t) => ({
    verifier: t.verifier,
    bundle: t.bundle,
    mozillaRoots: t.mozilla,
    nativeRoots: t.native === null ? null : t.native.kind === "replaced" ? { replacedBy: t.native.plan.replacedBy, loadsNothing: t.native.loadsNothing } : "os-store"
  });
  return {
    codexVersion: world.codexVersion,
    codexHome: world.codexHome,
    caSelection: trust.bundleSupported ? trust.selection : { kind: "unsupported-by-version" },
    https: transport(trust.https),
    websocket: transport(trust.websocket),
    proxies: decisions.map((d) => ({
      transport: d.transport,
      target: d.target,
      kind: d.kind,
      ..."variable" in d && { variable: d.variable },
      ...d.kind === "proxy" && { proxy: d.url.display, ...d.credentials && { credentials: true, hasPassword: d.credentials.hasPassword } },
      ...d.kind === "bypassed" && { noProxyEntry: d.noProxyEntry },
      detail: describeProxyDecision(d)
    })),
    dotenv: { path: world.dotenv.path, status: world.dotenv.status, applied: world.dotenv.applied, ignored: world.dotenv.ignored.map(({ name, line }) => ({ name, line })), skipped: world.dotenv.skipped }
  };
}
function cleanPath(value, host) {
  let v = value.trim().replace(/^(["'])(.*)\1$/, "$2").replace(/^["']|["']$/g, "").trim();
  if (v === "~" || v.startsWith("~/") || v.startsWith("~\\")) v = `${host.homeDir}${v.slice(1)}`;
  return v === "" ? v : resolveAgainst(host.cwd, v, host.platform);
}

// src/checks/network-checks.ts
var network_checks_exports = {};
__export(network_checks_exports, {
  OAUTH_TOKEN: () => OAUTH_TOKEN,
  TLS_AUTH: () => TLS_AUTH,
  WS_UPGRADE: () => WS_UPGRADE,
  oauthToken: () => oauthToken,
  tlsAuth: () => tlsAuth,
  wsUpgrade: () => wsUpgrade
});
var TLS_AUTH = { id: "tls.auth", title: "TLS to auth.openai.com and every HTTPS host", needs: ["env.precedence"], softNeeds: ["ca.bundle"] };
var OAUTH_TOKEN = { id: "oauth.token", title: "Token exchange with auth.openai.com", needs: [], softNeeds: ["tls.auth"] };
var WS_UPGRADE = { id: "ws.upgrade", title: "WebSocket upgrade for streaming", needs: ["env.precedence"], softNeeds: ["ca.bundle"] };
function lazyCheck(meta, load) {
  return {
    ...meta,
    async run(ctx) {
      return (await load()).run(ctx);
    }
  };
}
var tlsAuth = lazyCheck(TLS_AUTH, async () => (await __import("codex-doctor-net:src/checks/tls-auth.ts")).tlsAuthCheck);
var oauthToken = lazyCheck(OAUTH_TOKEN, async () => (await __import("codex-doctor-net:src/checks/oauth-token.ts")).oauthTokenCheck);
var wsUpgrade = lazyCheck(WS_UPGRADE, async () => (await __import("codex-doctor-net:src/checks/ws-upgrade.ts")).wsUpgradeCheck);

// src/words/sandbox-env.ts
function policyPlacement(placement, homeDir) {
  const deleted = [...new Set(placement.deleted.flatMap(({ unknown, prefix }) => unknown.path.length === 1 ? tableHeaders(unknown, prefix) : [`\`${formatKey([...prefix, ...unknown.path])}\``]))];
  const file = displayPath(placement.file, homeDir);
  const del = `delete ${listing(deleted)}`;
  const replace = placement.replaces ? `replace [${formatKey(placement.replaces)}] with` : "";
  return deleted.length > 0 && placement.replaces ? `In ${file}, ${del}, and ${replace}` : deleted.length > 0 ? `In ${file}, ${del} and write instead` : placement.replaces ? `In ${file}, ${replace}` : `Add to ${file}`;
}
function policyHint(where, snippet) {
  return { text: `${where}:`, snippet };
}
function policyKeyFinding(unknown, policy, show, adviceHint, codexVersion) {
  const at = place(unknown, show);
  const fallback = { text: `Delete \`${formatKey(unknown.path)}\` from ${show(unknown.file)}.` };
  if (unknown.path.length === 1) {
    const tables = tableHeaders(unknown);
    return {
      level: "warn",
      code: "SANDBOX_SHELL_ENVIRONMENT_TABLE",
      stage: "parse",
      detail: `${at}: ${tables.join(" and ")} ${tables.length > 1 ? "are not Codex tables" : "is not a Codex table"}; ${codexIgnores(unknown, formatKey(unknown.path), show, codexVersion, tables.length > 1 ? "them" : "it")}, so sandboxed commands get ${describePolicy(policy)}. The real table is [shell_environment_policy].`,
      hints: [adviceHint ?? fallback]
    };
  }
  const real = unknown.real !== null && "key" in unknown.real ? formatKey(unknown.real.key) : void 0;
  const addsNothing = real === "shell_environment_policy.include_only" && policy.inherit !== "all" ? ` (include_only only filters what inherit passed: with inherit = "${policy.inherit}" it cannot add variables, so the fix below inherits "all" and lists what to keep)` : "";
  return {
    level: "warn",
    code: "SANDBOX_UNKNOWN_KEY",
    stage: "parse",
    detail: `${at}: \`${formatKey(unknown.path)}\` is not a Codex key; ${codexIgnores(unknown, formatKey(unknown.path), show, codexVersion)}${real ? `. The real key is \`${real}\`; until it is fixed, ${costOfIgnoring(unknown.real !== null && "key" in unknown.real ? unknown.real.key : [])}` : `. The keys of [shell_environment_policy] are ${(unknown.validKeys ?? []).join(", ")}`}${addsNothing}.`,
    hints: [adviceHint ?? fallback]
  };
}
function tableHeaders(unknown, prefix = []) {
  const value = unknown.value;
  const path2 = [...prefix, ...unknown.path];
  const sub = isTable(value) ? Object.keys(value).filter((k) => isTable(value[k])) : [];
  return [`[${formatKey(path2)}]`, ...sub.map((k) => `[${formatKey([...path2, k])}]`)];
}
function listing(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
function variablesRemoved(level, removed, policy, networkEnabled2, advice, unfixable) {
  const list = removed.map((v) => `${v.name} (${describeStep(v.decidedBy, policy)})`).join(", ");
  const moot = networkEnabled2 ? "" : " The sandbox has no network, so this only matters once network access is enabled.";
  const stuck = { text: `Rename or copy ${unfixable.map((u) => u.name).join(", ")}: Codex removes ${unfixable.length === 1 ? "it" : "them"} whatever the policy says (${unfixable.map((u) => u.decidedBy).join(", ")}).` };
  const hints = advice ? [advice, ...unfixable.length > 0 ? [stuck] : []] : [stuck];
  return { level, code: "SANDBOX_VAR_REMOVED", stage: "policy", detail: `Set for Codex but not passed to sandboxed commands: ${list}.${moot}`, hints };
}
function variablesReach(names, policy) {
  return { level: "info", code: "SANDBOX_VARS_REACH", stage: "policy", detail: `Every CA and proxy variable that is set reaches sandboxed commands: ${names.join(", ")}. They get ${describePolicy(policy)}.` };
}
function setOverride(v, codexHasOne) {
  const value = v.kind === "proxy" ? showUrl(v.value) : v.value;
  return { level: "info", code: "SANDBOX_VAR_SET_OVERRIDE", stage: "policy", detail: `[shell_environment_policy] set gives sandboxed commands ${v.name}=${value}${codexHasOne ? ", not the value Codex itself has" : ""}.` };
}
function pathFinding(level, code, v, networkEnabled2, show, words) {
  const path2 = v.path ?? v.value;
  const what = {
    missing: "does not exist",
    unreadable: "cannot be read",
    "not-a-file": "is not a file",
    "not-a-directory": "is not a directory"
  };
  const origin = v.decidedBy === "set" ? " (given by [shell_environment_policy] set)" : "";
  const detail = `${v.name} reaches sandboxed commands, but ${show(path2)}${origin} ${what[v.pathState]}: tools that read it fail there.${networkEnabled2 ? "" : " (The sandbox has no network, so nothing uses it yet.)"}`;
  const hints = [{ text: `Point ${v.name} at ${v.kind === "ca-dir" ? "a readable directory of CA certificates" : "a readable PEM file with your CA certificates"}.`, command: words.commands.listFile(path2, v.kind === "ca-dir") }];
  return { level, code, stage: "read", detail, hints };
}
function toolCaUnset(words, copies) {
  return {
    level: "info",
    code: "SANDBOX_TOOL_CA_UNSET",
    stage: "policy",
    detail: "Codex trusts a custom CA, but the tools it runs read their own variables (Node NODE_EXTRA_CA_CERTS, Python requests REQUESTS_CA_BUNDLE, git GIT_SSL_CAINFO, ...), and none of them is set.",
    hints: [words.fix("If sandboxed npm, pip or git fail with certificate errors, point their variables at the same bundle (in your shell profile):", copies)]
  };
}
function modeWords(settings, show) {
  return settings.sandboxMode ? `sandbox_mode = "${settings.sandboxMode.value}" (${show(settings.sandboxMode.file)})` : "sandbox_mode is not set (Codex picks read-only or workspace-write, neither with network)";
}
function networkEnabled(settings, network, show) {
  return {
    level: "info",
    code: "SANDBOX_NETWORK_ENABLED",
    stage: "policy",
    detail: `Sandboxed commands have network: ${modeWords(settings, show)}${network.mode === "workspace-write" ? ` with network_access = true (${show(settings.networkAccessFile ?? "")})` : ""}. The CA and proxy variables below matter to them.`
  };
}
function networkAccessUnused(settings, show) {
  return { level: "info", code: "SANDBOX_NETWORK_ACCESS_UNUSED", stage: "policy", detail: `network_access = true is set (${show(settings.networkAccessFile ?? "")}), but only sandbox_mode = "workspace-write" reads it: ${modeWords(settings, show)}.` };
}
function networkDisabled(settings, network, show, file, snippet) {
  return {
    level: "info",
    code: "SANDBOX_NETWORK_DISABLED",
    stage: "policy",
    detail: `Sandboxed commands have no network: ${modeWords(settings, show)}${network.mode === "workspace-write" ? " and network_access is false (the default)" : ""}. No CA or proxy setting can matter inside the sandbox: npm install, pip or curl there fail for lack of network, not because of certificates.`,
    hints: [{ text: `If commands in the sandbox need the network, allow it in ${show(file)}${topLevelNote(snippet)}:`, snippet }]
  };
}
function managedProxy(managed, replaced, show) {
  const [profile] = managed.profiles;
  const where = profile.file ? ` (${show(profile.file)})` : "";
  const ca = profile.mitm ? ` and, since it inspects TLS (mitm), Codex's own CA bundle in ${MANAGED_CA_VARIABLES.slice(0, 4).join(", ")} and the other CA variables` : "; their CA variables stay as the policy passes them";
  const domains = profile.domains === null ? "The profile lists no domains" : profile.domains.length === 0 ? "The profile allows no domain" : `Only ${profile.domains.join(", ")} ${profile.domains.length === 1 ? "is" : "are"} allowed`;
  return {
    level: "info",
    code: "SANDBOX_MANAGED_PROXY",
    stage: "policy",
    detail: `Codex's managed network proxy is on ([features] network_proxy, [permissions.${profile.name}.network]${where}): sandboxed commands get its proxy ${redactUrl(profile.proxyUrl)} in HTTPS_PROXY, HTTP_PROXY, ALL_PROXY (both spellings) and the tools' proxy variables, NO_PROXY=${MANAGED_NO_PROXY}, ${PROXY_ACTIVE_VARIABLE}=1${ca}${replaced.length > 0 ? `, instead of your ${replaced.join(", ")}` : ""}. ${domains}; a refused destination reads "destination denied by application network policy" or "Codex blocked this request": that is Codex's policy, not the corporate proxy.`
  };
}
function sandboxSummary(networkOn, removed, reaching, misspelt) {
  const summary = [
    networkOn ? "Sandboxed commands have network" : "Sandboxed commands have no network: CA and proxy settings cannot matter there",
    removed.length > 0 ? `${removed.join(", ")} do${removed.length === 1 ? "es" : ""} not reach them` : reaching > 0 ? `the ${reaching} CA/proxy variable${reaching === 1 ? "" : "s"} that ${reaching === 1 ? "is" : "are"} set reach${reaching === 1 ? "es" : ""} them` : "no CA or proxy variable is set",
    ...misspelt > 0 ? [`${misspelt} sandbox key${misspelt === 1 ? "" : "s"} Codex ignores`] : []
  ].join("; ");
  return `${summary}.`;
}
function policyEvidence(policy, suggested) {
  return { title: "Shell environment policy", lines: [describePolicy(policy), ...suggested !== void 0 ? ["Suggested:", ...suggested.split("\n")] : []] };
}
function variablesEvidence(variables, show) {
  return {
    title: "CA and proxy variables in the sandbox",
    lines: variables.filter((v) => v.state !== "unset").map((v) => variableLine(v, show)).concat(variables.every((v) => v.state === "unset") ? ["none is set"] : [])
  };
}
function describePolicy(policy) {
  const parts = [
    policy.inherit === "all" ? 'the whole environment (inherit = "all")' : policy.inherit === "core" ? 'only the core variables (inherit = "core")' : 'no inherited variables (inherit = "none")'
  ];
  if (!policy.ignoreDefaultExcludes) parts.push("minus *KEY*, *SECRET*, *TOKEN*");
  if (policy.exclude.length > 0) parts.push(`minus ${policy.exclude.join(", ")}`);
  const filters = Object.entries(policy.filters);
  if (filters.length > 0) parts.push(`filtered by ${filters.map(([g, a]) => `${g}=${a}`).join(", ")}`);
  if (Object.keys(policy.set).length > 0) parts.push(`plus set ${Object.keys(policy.set).join(", ")}`);
  if (policy.includeOnly.length > 0) parts.push(`keeping only ${policy.includeOnly.join(", ")}`);
  return parts.join(", ");
}
function describeStep(step, policy) {
  if (step.startsWith("exclude:")) return `removed by exclude "${step.slice(8)}"`;
  if (step.startsWith("filters:")) return `removed by filter "${step.slice(8)}" = "exclude"`;
  switch (step) {
    case "inherit":
      return `inherit = "${policy.inherit}" does not pass it`;
    case "default-excludes":
      return "removed by the default excludes *KEY*, *SECRET*, *TOKEN*";
    case "include_only":
      return "not matched by include_only";
    case "filters":
      return 'matched by no "include" filter';
    case "internal":
      return "always removed by Codex";
    case "set":
      return "set by the policy";
  }
  return step;
}
function variableLine(v, show) {
  const name = v.name.padEnd(22);
  switch (v.state) {
    case "unset":
      return `${name} unset`;
    case "removed":
      return `${name} removed (${v.decidedBy})`;
    case "managed":
      return `${name} set by Codex's managed network proxy: ${v.kind === "proxy" ? showUrl(v.value) : v.value}`;
    case "reaches": {
      const value = v.kind === "proxy" ? showUrl(v.value) : v.path ? show(v.path) : v.value;
      return `${name} reaches (${v.decidedBy}) ${value}${v.pathState && v.pathState !== "readable" ? ` [${v.pathState}]` : ""}`;
    }
  }
}

// src/checks/sandbox-env.ts
var SEP3 = "shell_environment_policy";
var sandboxEnvCheck = {
  id: "sandbox.env",
  title: "Sandbox environment",
  // A config Codex refuses is reported once, by config.codex; emulating it would be guesswork.
  needs: [CONFIG_CHECK_ID],
  async run(ctx) {
    ctx.stage("input");
    const world = await ctx.world();
    ctx.stage("policy");
    return assessSandboxEnv(world.config, world.env, ctx.host, new Speaker(world, ctx.host));
  }
};
var TOOL_CA_FILE_VARIABLES = ["NODE_EXTRA_CA_CERTS", "REQUESTS_CA_BUNDLE", "PIP_CERT", "GIT_SSL_CAINFO", "CARGO_HTTP_CAINFO", "NPM_CONFIG_CAFILE"];
async function assessSandboxEnv(config, env, host, words = configSpeaker(config, host)) {
  const show = (file) => displayPath(file, host.homeDir);
  const platform = host.platform;
  const network = sandboxNetwork(config.sandboxMode?.value, config.networkAccess?.value ?? false);
  const policy = config.shellEnvironmentPolicy;
  const emulated = emulateShellEnvironment(env, policy, platform);
  const managed = managedNetworkProxy(config, codexFeatures(config, config.context.codexVersion ?? null));
  const overrides = managed.active ? managedProxyOverrides(managed) : /* @__PURE__ */ new Map();
  const findings = [];
  const fixes = [];
  const addFix = (fix, code) => {
    const same = fixes.find((f) => f.snippet === fix.snippet && f.target === fix.target);
    if (same) same.codes.push(code);
    else fixes.push({ ...fix, codes: [code] });
  };
  const variables = await Promise.all(
    SANDBOX_VARIABLES.map(async (v) => {
      const managedValue = overrides.get(v.name);
      if (managedValue !== void 0) return { name: v.name, kind: v.kind, state: "managed", value: managedValue };
      const verdict = emulated.verdicts.get(v.name);
      if (!verdict) return { name: v.name, kind: v.kind, state: "unset" };
      if (!verdict.reaches) return { name: v.name, kind: v.kind, state: "removed", decidedBy: verdict.decidedBy };
      const value = verdict.value ?? "";
      if (v.kind === "proxy" || value === "") return { name: v.name, kind: v.kind, state: "reaches", decidedBy: verdict.decidedBy, value };
      const path2 = resolveAgainst(host.cwd, value, platform);
      return { name: v.name, kind: v.kind, state: "reaches", decidedBy: verdict.decidedBy, value, path: path2, pathState: await pathState(host, v.kind, path2) };
    })
  );
  const needed = neededNames(env, policy);
  const advice = shellPolicyAdvice(config, env, platform);
  const adviceHint = advice && policyHint(policyPlacement(advice.placement, config.context.homeDir), advice.fix.snippet);
  for (const unknown of config.unknownKeys.filter((u) => u.area === "sandbox")) {
    if (isPolicyKey(unknown)) {
      const finding = policyKeyFinding(unknown, policy, show, adviceHint, config.context.codexVersion ?? null);
      findings.push(finding);
      if (advice) addFix(advice.fix, finding.code);
    } else {
      const { finding, fix } = unknownKeyFinding(unknown, show, fixLocation(config, unknown.layer), config.context.codexVersion ?? null, words);
      findings.push(finding);
      if (fix) addFix(fix, finding.code);
    }
  }
  const removed = variables.filter((v) => v.state === "removed" && needed.has(v.name));
  if (removed.length > 0) {
    const unfixable = advice?.unfixable ?? [];
    const fixedByAdvice = advice !== void 0 && unfixable.length < removed.length;
    if (fixedByAdvice) addFix(advice.fix, "SANDBOX_VAR_REMOVED");
    findings.push(variablesRemoved(network.enabled ? "warn" : "info", removed, policy, network.enabled, fixedByAdvice ? adviceHint : void 0, unfixable));
  }
  const reaching = variables.filter((v) => v.state === "reaches" && needed.has(v.name));
  if (reaching.length > 0 && removed.length === 0) {
    findings.push(variablesReach(reaching.map((v) => v.name), policy));
  }
  for (const v of reaching) {
    if (v.decidedBy === "set" && env[v.name] !== v.value) findings.push(setOverride(v, env[v.name] !== void 0));
    if (v.pathState === void 0 || v.pathState === "readable") continue;
    findings.push(pathFinding2({ ...v, pathState: v.pathState }, network, show, words));
  }
  findings.push(...networkFindings(config, network, show, addFix));
  if (managed.active) {
    const mitm = managed.profiles[0].mitm;
    const replaced = [...MANAGED_PROXY_VARIABLES, ...MANAGED_NO_PROXY_VARIABLES, ...mitm ? MANAGED_CA_VARIABLES : []].filter((name) => (env[name] ?? "") !== "");
    findings.push(managedProxy(managed, replaced, show));
  }
  const managedCa = managed.active && managed.profiles[0].mitm;
  if (network.enabled && !managedCa && selectCaBundle(env, host.cwd, platform).kind === "variable" && !TOOL_CA_VARIABLES.some((v) => needed.has(v.name))) {
    const from = env.CODEX_CA_CERTIFICATE ? "CODEX_CA_CERTIFICATE" : "SSL_CERT_FILE";
    const copies = TOOL_CA_FILE_VARIABLES.map((name) => ({ kind: "copy-env", name, from, target: "shell-profile" }));
    findings.push(toolCaUnset(words, { kind: "sequence", steps: copies }));
  }
  const misspelt = config.unknownKeys.filter((u) => u.area === "sandbox").length;
  return {
    summary: sandboxSummary(network.enabled, removed.map((v) => v.name), reaching.length, misspelt),
    findings: withConfigActions(findings, fixes, config),
    evidence: [
      policyEvidence(policy, advice?.fix.snippet),
      variablesEvidence(variables, show)
    ],
    data: {
      network: { mode: network.mode ?? null, networkAccess: network.networkAccess, enabled: network.enabled, modeFile: config.sandboxMode?.file ?? null },
      policy: {
        inherit: policy.inherit,
        ignoreDefaultExcludes: policy.ignoreDefaultExcludes,
        exclude: [...policy.exclude],
        includeOnly: [...policy.includeOnly],
        set: Object.keys(policy.set),
        filters: { ...policy.filters }
      },
      variables: variables.map((v) => ({ ...v, ...(v.state === "reaches" || v.state === "managed") && v.kind === "proxy" && { value: redactUrl(v.value) } })),
      managedProxy: managed.active ? { active: true, profiles: managed.profiles.map((p) => ({ name: p.name, proxyUrl: redactUrl(p.proxyUrl), mitm: p.mitm, domains: p.domains })) } : { active: false, why: managed.why },
      fixes: fixes.map(fixData)
    }
  };
}
function neededNames(env, policy) {
  return new Set(SANDBOX_VARIABLES.map((v) => v.name).filter((n) => (env[n] ?? "") !== "" || Object.hasOwn(policy.set, n)));
}
async function pathState(host, kind, path2) {
  try {
    const stat = await host.fs.stat(path2);
    if (stat === null) return "missing";
    if (kind === "ca-dir") {
      if (stat.kind !== "directory") return "not-a-directory";
      await host.fs.readdir(path2);
    } else {
      if (stat.kind !== "file") return "not-a-file";
      await host.fs.readFile(path2, 64);
    }
    return "readable";
  } catch {
    return "unreadable";
  }
}
function pathFinding2(v, network, show, words) {
  const code = v.pathState === "missing" ? "SANDBOX_CA_FILE_MISSING" : "SANDBOX_CA_FILE_UNREADABLE";
  return pathFinding(network.enabled ? "warn" : "info", code, v, network.enabled, show, words);
}
function networkFindings(config, network, show, addFix) {
  const settings = {
    ...config.sandboxMode && { sandboxMode: { value: config.sandboxMode.value, file: config.sandboxMode.file } },
    ...config.networkAccess && { networkAccessFile: config.networkAccess.file }
  };
  if (network.enabled) return [networkEnabled(settings, network, show)];
  const out = [];
  if (network.networkAccess && network.mode !== "workspace-write") out.push(networkAccessUnused(settings, show));
  const { target, prefix } = fixLocation(config, highestLayer(config, [["sandbox_mode"], ["sandbox_workspace_write", "network_access"]]));
  const table = network.mode === "workspace-write" ? {} : { sandbox_mode: "workspace-write" };
  table.sandbox_workspace_write = { network_access: true };
  const fix = { target, remove: [], snippet: prefix.length > 0 ? snippetFor(prefix, table) : topLevelNetworkSnippet(network.mode) };
  addFix(fix, "SANDBOX_NETWORK_DISABLED");
  out.push(networkDisabled(settings, network, show, config.layers.find((l) => l.kind === target)?.file ?? "config.toml", fix.snippet));
  return out;
}
function topLevelNetworkSnippet(mode) {
  const sandboxMode = mode === "workspace-write" ? "" : 'sandbox_mode = "workspace-write"\n\n';
  return `${sandboxMode}[sandbox_workspace_write]
network_access = true`;
}
function isPolicyKey(unknown) {
  return unknown.path[0] === SEP3 || unknown.real !== null && "key" in unknown.real && unknown.real.key[0] === SEP3;
}
function shellPolicyAdvice(config, env, platform) {
  const keys = config.unknownKeys.filter((u) => u.area === "sandbox" && isPolicyKey(u));
  const tables = keys.filter((u) => u.path.length === 1);
  const inPolicy = keys.filter((u) => u.path.length > 1);
  const current = valueAt(config.merged, [SEP3]);
  let table = isTable(current) ? structuredClone(current) : {};
  if (!isTable(current)) {
    for (const t of tables) if (isTable(t.value)) table = translateTable(t.value, platform);
  }
  for (const u of inPolicy) if (u.real !== null && "key" in u.real) mergeKey(table, u.real.key[1], u.value, platform);
  const parsed = parseShellPolicyTable(table);
  const intended = parsed.problems.length === 0 ? parsed.policy : config.shellEnvironmentPolicy;
  const needed = [...neededNames(env, intended)];
  const { policy, unfixable } = policyThatPasses(env, intended, needed, platform);
  if (keys.length === 0 && samePolicy(policy, config.shellEnvironmentPolicy)) return void 0;
  const holder = keys.reduce((hi, k) => rank(k.layer) > rank(hi) ? k.layer : hi, highestLayer(config, [[SEP3]]));
  const { target, prefix } = fixLocation(config, holder);
  const source = config.sources.find((s) => s.kind === holder);
  const replaces = source !== void 0 && valueAt(source.table, [SEP3]) !== void 0;
  const existed = new Set(isTable(current) ? Object.keys(current) : []);
  const remove = [
    ...replaces ? [{ layer: target, key: [...prefix, SEP3] }] : [],
    ...keys.map((k) => {
      const at = fixLocation(config, k.layer);
      return { layer: at.target, key: [...at.prefix, ...k.path] };
    })
  ];
  const snippet = snippetFor([...prefix, SEP3], policyTable(policy, existed));
  const placement = {
    file: config.layers.find((l) => l.kind === target)?.file ?? "config.toml",
    deleted: keys.map((k) => ({ unknown: k, prefix: fixLocation(config, k.layer).prefix })),
    replaces: replaces ? [...prefix, SEP3] : null
  };
  return { fix: { target, remove, snippet }, placement, unfixable };
}
function translateTable(blog, platform) {
  const out = {};
  for (const key of ["inherit", "ignore_default_excludes", "exclude", "set", "include_only", "filters", "experimental_use_profile"]) {
    if (blog[key] !== void 0) out[key] = structuredClone(blog[key]);
  }
  for (const key of ["include", "includes", "include_list", "allow", "allowlist", "passthrough", "pass_through", "keep"]) {
    const include = blog[key];
    if (include === void 0) continue;
    if (isTable(include)) {
      const values = Object.entries(include).filter((e) => typeof e[1] === "string");
      if (values.length > 0) mergeKey(out, "set", Object.fromEntries(values), platform);
    }
    if (out.inherit === "core" || out.inherit === "none") mergeKey(out, "include_only", include, platform);
  }
  return out;
}
function mergeKey(table, real, value, platform) {
  const names = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : isTable(v) ? Object.keys(v).filter((k) => v[k] === true) : [];
  if (real === "include_only" || real === "exclude") {
    const added = names(value);
    if (real === "include_only" && (table.inherit === "core" || table.inherit === "none")) {
      const set = isTable(table.set) ? Object.keys(table.set) : [];
      table.include_only = [.../* @__PURE__ */ new Set([...table.inherit === "core" ? coreVariables(platform) : [], ...names(table.include_only), ...set, ...added])];
      table.inherit = "all";
      return;
    }
    table[real] = [.../* @__PURE__ */ new Set([...names(table[real]), ...added])];
  } else if (real === "set" && isTable(value)) {
    table.set = { ...isTable(table.set) ? table.set : {}, ...value };
  } else if (table[real] === void 0 && value !== void 0) {
    table[real] = structuredClone(value);
  }
}
function policyTable(policy, existed) {
  const t = { inherit: policy.inherit };
  const keep = (key, nonDefault) => nonDefault || existed.has(key);
  if (keep("ignore_default_excludes", !policy.ignoreDefaultExcludes)) t.ignore_default_excludes = policy.ignoreDefaultExcludes;
  if (keep("exclude", policy.exclude.length > 0)) t.exclude = [...policy.exclude];
  if (keep("include_only", policy.includeOnly.length > 0)) t.include_only = [...policy.includeOnly];
  if (keep("experimental_use_profile", policy.experimentalUseProfile)) t.experimental_use_profile = policy.experimentalUseProfile;
  if (keep("set", Object.keys(policy.set).length > 0)) t.set = { ...policy.set };
  if (keep("filters", Object.keys(policy.filters).length > 0)) t.filters = { ...policy.filters };
  return t;
}
function samePolicy(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function rank(kind) {
  return LAYER_ORDER.indexOf(kind);
}
function highestLayer(config, keys) {
  const source = [...config.sources].reverse().find((s) => keys.some((k) => valueAt(s.table, k) !== void 0));
  return source?.kind ?? "user";
}

// src/checks/index.ts
var RUNBOOK = [caBundleCheck, envPrecedence, tlsAuth, oauthToken, wsUpgrade, codexConfigCheck, sandboxEnvCheck];
var CHECK_IDS = ["ca.bundle", "env.precedence", "tls.auth", "oauth.token", "ws.upgrade", "config.codex", "sandbox.env"];

// src/codex/system-proxy.ts
var SYSTEM_PROXY_TIMEOUT_MS = 1500;
var WINDOWS_KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";
function systemProxyCommand(platform) {
  switch (platform) {
    case "darwin":
      return { command: "scutil", args: ["--proxy"], display: "scutil --proxy" };
    case "win32":
      return { command: "reg", args: ["query", WINDOWS_KEY], display: `reg query "${WINDOWS_KEY}"` };
  }
}
async function readSystemProxy(host, timeoutMs = SYSTEM_PROXY_TIMEOUT_MS) {
  const platform = host.platform;
  if (platform !== "darwin" && platform !== "win32") return null;
  const { command, args, display } = systemProxyCommand(platform);
  const failed = (error) => ({ platform, command: display, error, https: null, noProxy: null, exceptions: [], pac: null });
  const outcome = await execWithin(host, command, args, { timeoutMs });
  switch (outcome.kind) {
    case "timeout":
      return failed(`${display} did not answer within ${timeoutMs} ms`);
    case "aborted":
      return failed(`${display} was stopped`);
    case "error":
      return failed(outcome.message);
    case "exited": {
      const { result } = outcome;
      if (result.code !== 0) return failed(result.code === null ? `${command} could not be run` : `${display} exited with ${result.code}`);
      return platform === "darwin" ? parseScutilProxy(result.stdout) : parseWindowsInternetSettings(result.stdout);
    }
  }
}
function parseScutilProxy(text) {
  const values = /* @__PURE__ */ new Map();
  const exceptions = [];
  let inExceptions = false;
  for (const line of text.split(/\r?\n/)) {
    if (inExceptions) {
      if (/^\s*}/.test(line)) inExceptions = false;
      else {
        const item = /^\s*\d+\s*:\s*(.*?)\s*$/.exec(line);
        if (item) exceptions.push(item[1]);
      }
      continue;
    }
    const entry = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!entry) continue;
    if (entry[1] === "ExceptionsList" && entry[2].startsWith("<array>")) inExceptions = true;
    else values.set(entry[1], entry[2]);
  }
  const enabled = (key) => Number(values.get(key)) === 1;
  let https = null;
  const host = values.get("HTTPSProxy");
  if (enabled("HTTPSEnable") && host !== void 0) {
    const port = values.get("HTTPSPort");
    https = port !== void 0 && /^-?\d+$/.test(port) ? `${host}:${port}` : host;
  }
  const pacUrl = values.get("ProxyAutoConfigURLString");
  const pac = enabled("ProxyAutoConfigEnable") && pacUrl ? pacUrl : enabled("ProxyAutoDiscoveryEnable") ? "WPAD (automatic proxy discovery)" : null;
  return { platform: "darwin", command: systemProxyCommand("darwin").display, error: null, https, noProxy: null, exceptions, pac };
}
function parseWindowsInternetSettings(text) {
  const values = /* @__PURE__ */ new Map();
  for (const line of text.split(/\r?\n/)) {
    const entry = /^ {4}(\S(?:.*?\S)?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (entry) values.set(entry[1], { type: entry[2], data: entry[3] ?? "" });
  }
  const string = (name) => {
    const value = values.get(name);
    return value && (value.type === "REG_SZ" || value.type === "REG_EXPAND_SZ") ? value.data : void 0;
  };
  const enable = values.get("ProxyEnable");
  const base = { platform: "win32", command: systemProxyCommand("win32").display, error: null, exceptions: [] };
  const pac = string("AutoConfigURL") || null;
  if (enable?.type !== "REG_DWORD" || !(Number.parseInt(enable.data, 16) > 0)) return { ...base, https: null, noProxy: null, pac };
  const server = string("ProxyServer");
  const override = string("ProxyOverride");
  return {
    ...base,
    https: server === void 0 ? null : windowsHttpsProxy(server),
    noProxy: override === void 0 ? null : normaliseProxyOverride(override),
    pac
  };
}
function windowsHttpsProxy(value) {
  let perScheme = false;
  let https = null;
  let socks = null;
  for (const part of value.split(";").map((p) => p.trim()).filter((p) => p !== "")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const scheme = part.slice(0, eq).trim();
    if (!/^[A-Za-z]+$/.test(scheme)) continue;
    perScheme = true;
    const proxy = part.slice(eq + 1).trim();
    if (proxy === "") continue;
    switch (scheme.toLowerCase()) {
      case "https":
        https = proxy;
        break;
      case "socks": {
        const sep = proxy.indexOf("://");
        socks = sep === -1 ? `socks5://${proxy}` : proxy.slice(0, sep).toLowerCase() === "socks" ? `socks5://${proxy.slice(sep + 3)}` : proxy;
        break;
      }
    }
  }
  if (!perScheme) return value;
  return https ?? socks;
}
function normaliseProxyOverride(value) {
  return value.split(";").map((entry) => {
    const trimmed = entry.trim();
    return ipv4WildcardToCidr(trimmed) ?? trimmed;
  }).join(",").replaceAll("*.", "");
}
function ipv4WildcardToCidr(value) {
  const parts = value.split(".");
  const wildcard = parts.indexOf("*");
  if (wildcard <= 0 || wildcard > 3 || parts.slice(wildcard).some((p) => p !== "*")) return null;
  const octets = [0, 0, 0, 0];
  for (let i = 0; i < wildcard; i += 1) {
    const part = parts[i];
    if (!/^\+?\d+$/.test(part) || Number(part) > 255) return null;
    octets[i] = Number(part);
  }
  return `${octets.join(".")}/${wildcard * 8}`;
}

// src/codex/world.ts
async function loadWorld(host, options) {
  const codexVersion = probeCodexVersion(host);
  const systemProxy = readSystemProxy(host);
  const home = await resolveCodexHome(host, options.codexHome);
  const effective = home.problem === null ? loadEffectiveEnv(host, home.path) : Promise.resolve(withoutDotenv(host.env, dotenvPath(home.path, host.platform), "not-read", home.problem));
  const configLayers = readConfigLayers(host, home.path, options.profile);
  const [envResult, version, layers, system] = await Promise.all([effective, codexVersion, configLayers, systemProxy]);
  return {
    codexHome: home.path,
    codexHomeSource: home.source,
    codexHomeProblem: home.problem,
    ...home.notADirectory && { codexHomeNotADirectory: true },
    env: envResult.env,
    provenance: envResult.provenance,
    dotenv: envResult.dotenv,
    codexVersion: version,
    config: buildCodexConfig(layers, configContext(host, { codexHome: home.path, profile: options.profile, codexVersion: version })),
    systemProxy: system
  };
}

// src/core/real-host.ts
var real_host_exports = {};
__export(real_host_exports, {
  realFs: () => realFs,
  realHost: () => realHost,
  realWriter: () => realWriter
});

// src/core/os-info.ts
var MAX_OS_RELEASE_BYTES = 16 * 1024;
var OS_RELEASE_FILES = ["/etc/os-release", "/usr/lib/os-release"];
var SW_VERS_TIMEOUT_MS = 2e3;
var WINDOWS_11_BUILD = 22e3;
async function readOsInfo(host, release) {
  switch (host.platform) {
    case "linux":
      for (const file of OS_RELEASE_FILES) {
        try {
          const { bytes } = await host.fs.readFile(file, MAX_OS_RELEASE_BYTES);
          const parsed = parseOsRelease(bytes.toString("utf8"));
          if (parsed) return parsed;
        } catch {
        }
      }
      return { name: "Linux", version: release };
    case "darwin": {
      const result = await host.exec("sw_vers", [], { timeoutMs: SW_VERS_TIMEOUT_MS });
      return result.code === 0 && parseSwVers(result.stdout) || { name: "macOS", version: "" };
    }
    case "win32":
      return windowsName(release);
    default:
      return { name: host.platform, version: release };
  }
}
function parseOsRelease(text) {
  const fields = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]] = unquote2(match[2]);
  }
  const name = fields.PRETTY_NAME || fields.NAME;
  return name ? { name: oneLine2(name), version: oneLine2(fields.VERSION_ID ?? "") } : void 0;
}
function parseSwVers(text) {
  const field = (name2) => new RegExp(`^${name2}:\\s*(.+)$`, "m").exec(text)?.[1]?.trim();
  const name = field("ProductName");
  if (!name) return void 0;
  const version = field("ProductVersion") ?? "";
  const build = field("BuildVersion");
  return { name: oneLine2(name), version: oneLine2(build ? `${version} (${build})` : version) };
}
function windowsName(release) {
  const build = Number(release.split(".")[2]);
  const name = Number.isFinite(build) && release.startsWith("10.") ? build >= WINDOWS_11_BUILD ? "Windows 11" : "Windows 10" : "Windows";
  return { name, version: release };
}
function unquote2(value) {
  const match = /^(["'])(.*)\1$/.exec(value);
  return match ? match[2].replace(/\\(["\\$`])/g, "$1") : value;
}
function oneLine2(text) {
  const flat = text.replace(/[\x00-\x1f\x7f]+/g, " ").trim();
  return flat.length > 120 ? flat.slice(0, 120) : flat;
}

// src/core/real-host.ts
var { accessSync, closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, statSync } = getBuiltinModule("node:fs");
var os = getBuiltinModule("node:os");
var path = getBuiltinModule("node:path");
var realFs = {
  async stat(path2) {
    const s = statSync(path2, { throwIfNoEntry: false });
    if (s === void 0) return null;
    return { kind: s.isFile() ? "file" : s.isDirectory() ? "directory" : "other", size: s.size };
  },
  readFile: readBounded,
  async readdir(path2) {
    return readdirSync(path2);
  }
};
function readBounded(path2, maxBytes) {
  let fd;
  try {
    fd = openSync(path2, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return Promise.reject(error);
  }
  let handedOver = false;
  try {
    const stats = fstatSync(fd);
    if (stats.isFile()) {
      const size = stats.size;
      const bytes = Buffer.alloc(Math.min(size, maxBytes));
      let offset = 0;
      while (offset < bytes.length) {
        const bytesRead = readSync(fd, bytes, offset, bytes.length - offset, offset);
        if (bytesRead === 0) return Promise.resolve({ bytes: bytes.subarray(0, offset), truncated: size > maxBytes, size });
        offset += bytesRead;
      }
      return Promise.resolve({ bytes, truncated: size > maxBytes, size });
    }
    if (stats.isFIFO() || stats.isSocket()) {
      handedOver = true;
      return readStream(fd, maxBytes);
    }
    return Promise.resolve(readAvailable(fd, maxBytes));
  } catch (error) {
    return Promise.reject(error);
  } finally {
    if (!handedOver) closeSync(fd);
  }
}
function readAvailable(fd, maxBytes) {
  const chunks = [];
  let size = 0;
  while (size <= maxBytes) {
    const chunk = Buffer.alloc(64 * 1024);
    let bytesRead;
    try {
      bytesRead = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if (error.code === "EAGAIN") break;
      throw error;
    }
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    size += bytesRead;
  }
  return { bytes: Buffer.concat(chunks).subarray(0, maxBytes), truncated: size > maxBytes, size };
}
function readStream(fd, maxBytes) {
  return new Promise((resolve, reject) => {
    const socket = new (nodeNet()).Socket({ fd, readable: true, writable: false });
    const chunks = [];
    let size = 0;
    const done = () => {
      const all = Buffer.concat(chunks);
      resolve({ bytes: all.subarray(0, maxBytes), truncated: size > maxBytes, size });
    };
    socket.on("data", (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBytes) {
        socket.destroy();
        done();
      }
    });
    socket.on("end", done);
    socket.on("error", reject);
  });
}
var realWriter = {
  async writeFile(file, bytes, { exclusive, mode }) {
    const { mkdir, writeFile } = await __import("node:fs/promises");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { flag: exclusive ? "wx" : "w", ...mode !== void 0 && { mode } });
  },
  async removeFile(file) {
    const { rm } = await __import("node:fs/promises");
    await rm(file, { force: true });
  },
  async realPath(file) {
    const { lstat, readlink, realpath } = await __import("node:fs/promises");
    const rest = [];
    for (let current = file, links = 0; ; ) {
      try {
        return path.join(await realpath(current), ...rest);
      } catch (error) {
        if (error.code !== "ENOENT" || path.dirname(current) === current) throw error;
      }
      const link = await lstat(current).then((s) => s.isSymbolicLink(), () => false);
      if (link && links++ < 40) {
        current = path.resolve(path.dirname(current), await readlink(current));
        continue;
      }
      rest.unshift(path.basename(current));
      current = path.dirname(current);
    }
  },
  async writable(file) {
    for (let current = file; ; current = path.dirname(current)) {
      try {
        accessSync(current, constants.W_OK);
        return current === file || statSync(current).isDirectory();
      } catch (error) {
        if (error.code !== "ENOENT" || path.dirname(current) === current) return false;
      }
    }
  }
};
function realHost(options = {}) {
  const env = {};
  for (const [k, v] of Object.entries(options.env ?? process.env)) if (v !== void 0) env[k] = v;
  const host = {
    env,
    platform: process.platform,
    arch: process.arch,
    cwd: process.cwd(),
    homeDir: os.homedir(),
    fs: realFs,
    writer: realWriter,
    now: () => /* @__PURE__ */ new Date(),
    // process.hrtime, not performance.now(): the first use of `performance` loads perf_hooks (~1 ms of a cold start).
    monotonic: () => Number(process.hrtime.bigint()) / 1e6,
    dial: options.dial ?? /* @__PURE__ */ new Map(),
    async exec(command, args, { timeoutMs }) {
      if (!mayBeOnPath(command)) return { code: null, stdout: "", stderr: "" };
      const { execFile } = await __import("node:child_process");
      return new Promise((resolve) => {
        execFile(command, args, { timeout: timeoutMs, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr2) => {
          const code = error ? typeof error.code === "number" ? error.code : null : 0;
          resolve({ code, stdout, stderr: stderr2 });
        });
      });
    },
    osInfo: () => readOsInfo(host, os.release())
  };
  return host;
}
function mayBeOnPath(command) {
  const searchPath = process.env.PATH;
  if (process.platform === "win32" || command.includes("/") || !searchPath) return true;
  return searchPath.split(":").some((dir) => {
    const file = path.join(dir || ".", command);
    if (!existsSync(file)) return false;
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// src/core/report.ts
var REPORTED_VARIABLES = [
  "CODEX_CA_CERTIFICATE",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "NODE_EXTRA_CA_CERTS",
  "REQUESTS_CA_BUNDLE",
  "CURL_CA_BUNDLE",
  "HTTPS_PROXY",
  "https_proxy",
  "HTTP_PROXY",
  "http_proxy",
  "ALL_PROXY",
  "all_proxy",
  "NO_PROXY",
  "no_proxy",
  "CODEX_HOME",
  "NODE_TLS_REJECT_UNAUTHORIZED",
  "OPENAI_API_KEY"
];
var PRESENCE_ONLY = /* @__PURE__ */ new Set(["OPENAI_API_KEY"]);
var PROXY_VALUES = /* @__PURE__ */ new Set(["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"]);
function reportedVariables(env) {
  const out = {};
  for (const name of REPORTED_VARIABLES) {
    const value = env[name];
    if (value === void 0) continue;
    out[name] = PRESENCE_ONLY.has(name) ? "[set]" : clip(PROXY_VALUES.has(name) ? redactProxyValue(value) : value);
  }
  return out;
}
function countStatuses(checks) {
  const counts = { pass: 0, warn: 0, fail: 0, skip: 0, crash: 0 };
  for (const c of checks) counts[c.status] += 1;
  return counts;
}
function buildReport(input) {
  return {
    tool: "codex-doctor",
    generatedAt: input.generatedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    exitCode: input.exitCode,
    counts: countStatuses(input.checks),
    environment: input.environment,
    ...input.ticket,
    checks: input.checks
  };
}

// src/core/ticket.ts
var ticket_exports2 = {};
__export(ticket_exports2, {
  firstFix: () => firstFix,
  itTopicOf: () => itTopicOf,
  ticketFields: () => ticketFields
});

// src/words/ticket.ts
var ticket_exports = {};
__export(ticket_exports, {
  firstSentence: () => firstSentence,
  markdownWords: () => markdownWords,
  ticketWords: () => ticketWords
});
var IMPACT = {
  "ca.bundle": "Codex cannot load its CA bundle",
  "env.precedence": "Codex's environment sends it the wrong way",
  "tls.auth": "Codex cannot log in (TLS to auth.openai.com fails)",
  "oauth.token": "Codex cannot log in (the token request does not reach OpenAI)",
  "ws.upgrade": "Codex cannot stream (the WebSocket to the model fails)",
  "config.codex": "Codex cannot use its configuration",
  "sandbox.env": "Commands Codex runs in its sandbox miss settings"
};
function firstSentence(detail) {
  return /^(.{20,}?[.!?]["')]?)\s+(?=["(A-Z])/s.exec(detail)?.[1] ?? detail;
}
var ticketWords = {
  allPassed: (checks) => `Codex can log in and stream from here: all ${checks} checks passed.`,
  nothingRan: "No check ran.",
  onlyWarnings: (check, finding, warnings) => `Codex should work, with ${warnings === 1 ? "one warning" : `${warnings} warnings`}: ${check.id} ${finding.code}: ${firstSentence(finding.detail)}`,
  failure: (check, code, stage, detail, others) => `${IMPACT[check.id] ?? `${check.title} fails`}: ${code} at ${stage}. ${firstSentence(detail)}${others > 0 ? ` (${others} more check${others === 1 ? "" : "s"} failed too.)` : ""}`,
  crashed: (check) => `The doctor crashed in ${check.id} (a codex-doctor bug, not your network); the other checks are reported as usual.`,
  itRequest: {
    "allow-host": (proxy) => `Allow Codex's hosts below through ${proxy ?? "the proxy"} (CONNECT to port 443 and the HTTPS requests inside), without a block page.`,
    "allow-websocket": (proxy) => `Allow WebSocket upgrades (HTTP/1.1 GET with Upgrade: websocket, answered 101) through ${proxy ?? "the proxy"} on the hosts marked WebSocket below, or exempt those hosts from TLS inspection.`,
    "proxy-credentials": (proxy) => `Let Codex through ${proxy ?? "the proxy"}: it can log into a proxy only with Basic credentials; allow Basic authentication, or unauthenticated access to the hosts below.`,
    "corporate-root": () => "Hand the user the root certificate of the TLS inspection (PEM), the CA named below: no file on this machine holds it, so Codex cannot verify the re-signed connections.",
    "weak-ca": () => "Re-issue the TLS inspection CA with SHA-256 and an RSA key of at least 2048 bits (or ECDSA), or exempt the hosts below from inspection: Codex (rustls) refuses the current one.",
    "proxy-reachability": (proxy) => `Repair ${proxy ?? "the configured proxy"}, or tell the user which proxy to use instead: it takes the connection but does not open tunnels to the hosts below (it hangs, closes the connection, or answers 502/503/504 because it cannot reach them).`,
    "fix-tls-path": (proxy) => `Make TLS to the hosts below work as Codex (rustls) requires through ${proxy ?? "the network path"}: TLS 1.2 or later, a handshake that completes, a chain with the host in its subjectAltName and at most 6 intermediates; the detail names what fails. Exempting the hosts from TLS inspection removes it.`
  },
  itReason: (check, finding) => `${check.id} failed at ${finding.stage} with ${finding.code}: ${finding.detail}`,
  caNote: {
    missing: "The fingerprint is that of the presented CA certificate this root signed; the user needs the root itself.",
    weak: "The CA that signs the re-issued certificates Codex is shown.",
    intermediate: "The intermediate the proxy leaves out of the chain it presents: send it with every certificate, or hand it over in PEM."
  }
};
var markdownWords = {
  verdict: { fail: "FAIL", warn: "WORKS, WITH WARNINGS", pass: "WORKS", crash: "DOCTOR CRASHED", interrupted: "INTERRUPTED" },
  title: "codex-doctor verdict",
  whatFails: "What fails and why",
  nothingFails: "Nothing fails: every check that ran passed.",
  skipped: (id, blockedBy, user) => user ? `${id} was skipped (--skip).` : `${id} did not run: it needs ${blockedBy?.join(", ") ?? "a check"} to pass first.`,
  fixFirst: "Fix first",
  owner: {
    user: "You can apply this yourself.",
    it: "This needs your IT or proxy team: the request for them is below."
  },
  itRequest: "Request for the IT / proxy team",
  itColumns: ["host", "port", "needed for", "WebSocket upgrades"],
  optionalHost: " (optional: update and plugin checks only)",
  proxyLine: (address) => `Proxy: ${address}`,
  authLine: (schemes, realm) => `It asks for: ${schemes.join(", ")}${realm !== void 0 ? ` (realm "${realm}")` : ""}. Codex can only send Basic credentials.`,
  serverLine: (server) => `Its Server header: ${server}`,
  caTitle: "Certificate authority concerned",
  pemTitle: "PEM",
  evidence: "Evidence",
  environment: "Environment",
  envRows: { os: "OS", node: "Node.js", codex: "Codex", shell: "Shell", doctor: "codex-doctor", variables: "Variables" },
  codexUnknown: "not found on PATH (the advice assumes a current release)",
  labNote: (scenario) => `lab scenario ${scenario} (simulated on 127.0.0.1)`,
  noVariables: "none of the CA or proxy variables is set",
  routes: "Route and trust per host",
  endpointColumns: ["host", "transport", "for", "route", "result"],
  chains: "Presented certificate chains",
  chainFor: (check, target) => `${check}: ${target}`,
  sameCertificate: (where) => `the same certificate as ${where}`,
  sameAs: (check) => `the same as ${check}, on this check's host (the JSON report has its own detail).`,
  proxyAnswer: "The proxy answered",
  httpAnswer: "What answered inside TLS (a block page or the origin)",
  details: (id) => `${id}: full evidence`,
  truncated: (lines) => `(${lines} more lines left out; the JSON report has them all)`,
  capped: "The ticket body was cut here to stay small; attach `codex-doctor --json` for everything."
};

// src/core/ticket.ts
function firstFix(checks) {
  for (const level of ["fail", "warn"]) {
    for (const check of checks) {
      const finding = check.findings.find((f) => f.level === level);
      const hint = finding?.hints?.[0];
      if (finding && hint) return { check, finding, hint };
    }
  }
  return void 0;
}
var CA_SETUP_CHECKS = ["ca.bundle", "env.precedence"];
function itTopicOf(check, finding, checks) {
  const requested = finding.hints?.find((h) => h.action?.kind === "it-request")?.action;
  if (requested?.kind === "it-request") return requested.topic;
  if (finding.hints?.some((h) => h.action !== void 0)) return void 0;
  switch (finding.code) {
    case "PROXY_BLOCKED":
    case "OAUTH_BLOCK_PAGE":
    case "OAUTH_PROXY_DENIED":
      return "allow-host";
    case "WS_UPGRADE_REFUSED":
    case "WS_UPGRADE_STRIPPED":
      return "allow-websocket";
    case "PROXY_AUTH_SCHEME_UNSUPPORTED":
      return "proxy-credentials";
    case "TLS_UNKNOWN_ISSUER":
    case "OAUTH_TLS_FAILED": {
      const search = record(check.data?.issuerSearch);
      const caSetupQuiet = checks.every((c) => !CA_SETUP_CHECKS.includes(c.id) || c.findings.every((f) => f.level === "info"));
      return search && Array.isArray(search.found) && search.found.length === 0 && caSetupQuiet ? "corporate-root" : void 0;
    }
    case "TLS_BAD_SIGNATURE":
    case "TLS_WEAK_KEY":
      return intercepted(check) ? "weak-ca" : void 0;
    default:
      return void 0;
  }
}
function ticketFields(input) {
  const { checks } = input;
  const fix = firstFix(checks);
  const failing = fix?.finding.level === "fail" ? fix : void 0;
  const topic = failing ? itTopicOf(failing.check, failing.finding, checks) : void 0;
  const itRequest = failing && topic ? buildItRequest(failing.check, failing.finding, topic, input.hosts, checks) : void 0;
  return {
    summary: summaryOf(checks, fix),
    ...fix && { fixFirst: fixFirstOf(fix, itRequest !== void 0) },
    ...itRequest && { itRequest }
  };
}
function summaryOf(checks, fix) {
  const crashed2 = checks.find((c) => c.status === "crash");
  const failed = checks.filter((c) => c.status === "fail");
  const first = failed[0];
  if (first) {
    const error = first.error ?? first.findings.find((f) => f.level === "fail");
    if (error) return ticketWords.failure(first, error.code, error.stage, error.detail, failed.length - 1);
  }
  if (crashed2) return ticketWords.crashed(crashed2);
  const ran = checks.filter((c) => c.status !== "skip");
  if (ran.length === 0) return ticketWords.nothingRan;
  const warnings = checks.filter((c) => c.status === "warn").length;
  if (fix && warnings > 0) return ticketWords.onlyWarnings(fix.check, fix.finding, warnings);
  return ticketWords.allPassed(ran.length);
}
function fixFirstOf(fix, itOwned) {
  const { action } = fix.hint;
  const owner = action ? action.kind === "it-request" ? "it" : "user" : itOwned && fix.hint.snippet === void 0 ? "it" : "user";
  return { check: fix.check.id, code: fix.finding.code, stage: fix.finding.stage, owner, hint: fix.hint };
}
function buildItRequest(check, finding, topic, allHosts, checks) {
  const answer = finding.cause?.proxyAnswer;
  const proxyAddress = proxyOf(check);
  const schemes = answer?.proxyAuthenticate?.map((c) => c.split(/\s+/)[0] ?? "").filter(Boolean);
  const realm = answer?.proxyAuthenticate?.map((c) => /realm="([^"]*)"/i.exec(c)?.[1]).find((r) => r !== void 0);
  const proxy = proxyAddress || answer ? {
    address: proxyAddress ?? "the proxy",
    ...schemes && schemes.length > 0 && { authSchemes: schemes },
    ...realm !== void 0 && { realm },
    ...answer?.server !== void 0 && { server: answer.server }
  } : void 0;
  const hosts = topic === "allow-websocket" ? allHosts.filter((h) => h.websocket) : allHosts;
  const missingIntermediate = topic === "fix-tls-path" && record(check.data?.issuerSearch) !== void 0;
  const ca = topic === "corporate-root" || topic === "weak-ca" ? caOf(check, topic, checks) : missingIntermediate ? caOf(check, "intermediate", checks) : void 0;
  return {
    topic,
    request: ticketWords.itRequest[topic](proxyAddress),
    reason: ticketWords.itReason(check, finding),
    hosts,
    ...proxy && { proxy },
    ...ca && { ca }
  };
}
function proxyOf(check) {
  const route = typeof check.data?.route === "string" ? check.data.route : void 0;
  return route ? /through (\S+)/.exec(route)?.[1] : void 0;
}
function caOf(check, topic, checks) {
  const chain = certificatesIn(check.data?.chain);
  const top = chain[chain.length - 1];
  const presentedCa = chain.length > 1 ? top : void 0;
  const search = record(check.data?.issuerSearch);
  const named = topic !== "weak-ca" ? search?.issuer : presentedCa ? presentedCa.subject : top?.issuer;
  if (typeof named !== "string") return void 0;
  const anchor = certificatesIn([check.data?.anchor]).find((c) => c.subject === named);
  const bundled = checks.flatMap((c) => certificatesIn(c.data?.certificates)).find((c) => c.subject === named);
  const holder = topic !== "weak-ca" ? presentedCa : presentedCa ?? anchor ?? bundled;
  const sha256 = holder?.fingerprint256 ?? holder?.sha256;
  const pem = typeof holder?.pem === "string" && holder.pem.startsWith("-----BEGIN CERTIFICATE-----") ? holder.pem : void 0;
  return {
    subject: named,
    ...typeof sha256 === "string" && { sha256 },
    ...pem !== void 0 && { pem },
    note: topic === "corporate-root" ? ticketWords.caNote.missing : topic === "intermediate" ? ticketWords.caNote.intermediate : ticketWords.caNote.weak
  };
}
function certificatesIn(value) {
  return Array.isArray(value) ? value.map(record).filter((c) => c !== void 0) : [];
}
function intercepted(check) {
  const interception = record(check.data?.interception);
  return interception !== void 0 && interception.kind !== "not-intercepted";
}
function record(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}

// src/codex/it-hosts.ts
var REALTIME_HOST = "api.openai.com";
function hostsCodexNeeds(endpoints, config) {
  const hosts = [];
  const add = (url, purpose, websocket2 = false, optional2 = false) => {
    const parsed = url === void 0 ? null : safeUrl(url);
    if (!parsed) return;
    const port = parsed.port === "" ? parsed.protocol === "http:" || parsed.protocol === "ws:" ? 80 : 443 : Number(parsed.port);
    const same = hosts.find((h) => h.host === parsed.hostname && h.port === port);
    if (same) {
      if (!same.purpose.split(", ").includes(purpose)) same.purpose += `, ${purpose}`;
      same.websocket ||= websocket2;
      if (!optional2) delete same.optional;
      return;
    }
    hosts.push({ host: parsed.hostname, port, purpose, websocket: websocket2, ...optional2 && { optional: true } });
  };
  add(ISSUER, "login (OAuth token exchange, device code)");
  const { provider, websocket, authMode } = endpoints;
  if (!provider.local) add(provider.baseUrl, provider.builtIn ? "model API" : `model API (provider ${provider.id})`);
  if (websocket.enabled && websocket.url) add(websocket.url, "Responses streaming (WebSocket)", true);
  if (provider.builtIn && !provider.local) {
    add(authMode.mode === "apikey" ? "https://chatgpt.com/backend-api/codex/models" : "https://api.openai.com/v1", authMode.mode === "apikey" ? "model list, plugins" : "API");
    add(`wss://${REALTIME_HOST}/v1/realtime`, "Realtime (WebSocket)", true);
  }
  for (const server of config.mcpUrlServers) add(server.url, `MCP server ${server.name}`);
  for (const exporter of config.otelExporters) add(exporter.endpoint, `telemetry (OTEL ${exporter.slot})`);
  add("https://api.github.com", "update check", false, true);
  add("https://github.com", "plugin list (git ls-remote)", false, true);
  return hosts;
}
function safeUrl(url) {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

// src/core/runner.ts
function planChecks(checks, selection = {}) {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const included = /* @__PURE__ */ new Set();
  const include = (id) => {
    if (included.has(id)) return;
    included.add(id);
    const check = byId.get(id);
    for (const need of [...check?.needs ?? [], ...check?.softNeeds ?? []]) include(need);
  };
  for (const c of checks) if (!selection.only?.length || selection.only.includes(c.id)) include(c.id);
  const plan = /* @__PURE__ */ new Map();
  for (const c of checks) {
    if (!included.has(c.id)) continue;
    plan.set(c.id, selection.skip?.includes(c.id) ? "user-skip" : "run");
  }
  return plan;
}
async function runChecks(input) {
  const { checks, host, options, redactor, extra, onEvent } = input;
  const plan = planChecks(checks, input.selection);
  const planned = checks.filter((c) => plan.has(c.id));
  const deadline = host.monotonic() + options.timeoutMs;
  const controller = new AbortController();
  const onAbort = () => controller.abort(input.signal?.reason);
  input.signal?.addEventListener("abort", onAbort, { once: true });
  let timer;
  const deadlinePassed = new Promise((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error("run deadline passed"));
      resolve("deadline");
    }, options.timeoutMs);
    controller.signal.addEventListener("abort", () => resolve("deadline"), { once: true });
  });
  const records = /* @__PURE__ */ new Map();
  const facts2 = /* @__PURE__ */ new Map();
  const settled = /* @__PURE__ */ new Map();
  const runOne = async (check) => {
    const needs = check.needs.filter((n) => plan.has(n));
    const soft = (check.softNeeds ?? []).filter((n) => plan.has(n));
    const [needRecords, softRecords] = await Promise.all([
      Promise.all(needs.map((n) => settled.get(n))),
      Promise.all(soft.map((n) => settled.get(n)))
    ]);
    const emit2 = (record3) => {
      records.set(check.id, record3);
      onEvent?.({ type: "end", id: check.id, record: record3 });
      return record3;
    };
    if (plan.get(check.id) === "user-skip") {
      return emit2(skipped(check, "user", [], "Skipped (--skip)."));
    }
    const blockedBy = rootCauses([...needRecords, ...softRecords.filter((r) => r.status === "crash")]);
    if (blockedBy.length > 0) {
      return emit2(skipped(check, "blocked", blockedBy, `Not run: needs ${blockedBy.join(", ")}, which did not pass.`));
    }
    let stage = "input";
    const started = host.monotonic();
    onEvent?.({ type: "start", id: check.id, at: started });
    const ctx = {
      ...extra,
      host,
      options,
      redactor,
      signal: controller.signal,
      deadline,
      stage: (next) => {
        stage = next;
        onEvent?.({ type: "stage", id: check.id, stage: next, at: host.monotonic() });
      },
      facts: (id) => {
        if (!check.needs.includes(id) && !check.softNeeds?.includes(id)) throw new Error(`check ${check.id} reads facts of ${id} without declaring it in needs`);
        return facts2.get(id);
      }
    };
    let record2;
    try {
      if (controller.signal.aborted) throw new DeadlineError();
      const outcome = await Promise.race([check.run(ctx), deadlinePassed]);
      if (outcome === "deadline") throw new DeadlineError();
      facts2.set(check.id, outcome.facts);
      record2 = outcome.blockedBy?.length ? skipped(check, "blocked", outcome.blockedBy, redactor.text(outcome.summary)) : fromResult(check, outcome, redactor);
    } catch (error) {
      if (input.signal?.aborted) record2 = skipped(check, "user", [], "Interrupted.");
      else if (error instanceof DeadlineError || controller.signal.aborted) record2 = timedOut(check, stage, options.timeoutMs);
      else record2 = crashed(check, stage, error, redactor);
    }
    record2.durationMs = Math.round(host.monotonic() - started);
    return emit2(record2);
  };
  for (const check of planned) settled.set(check.id, runOne(check));
  try {
    await Promise.all(settled.values());
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener("abort", onAbort);
    controller.abort(new Error("run finished"));
  }
  const ordered2 = planned.map((c) => records.get(c.id));
  onEvent?.({ type: "done", checks: ordered2 });
  return ordered2;
}
var DeadlineError = class extends Error {
};
function statusOf(findings) {
  if (findings.some((f) => f.level === "fail")) return "fail";
  if (findings.some((f) => f.level === "warn")) return "warn";
  return "pass";
}
function fromResult(check, result, redactor) {
  const clean = bounded(
    redactor.deep({
      summary: result.summary,
      findings: result.findings,
      evidence: result.evidence ?? [],
      data: result.data
    })
  );
  clean.findings.forEach(
    (finding, i) => finding.hints?.forEach((hint, j) => {
      const action = result.findings[i]?.hints?.[j]?.action;
      if (action !== void 0) hint.action = action;
    })
  );
  const status = statusOf(clean.findings);
  const firstFail = clean.findings.find((f) => f.level === "fail");
  return {
    id: check.id,
    title: check.title,
    status,
    summary: clean.summary,
    ...firstFail && {
      error: {
        stage: firstFail.stage,
        code: firstFail.code,
        detail: firstFail.detail,
        ...firstFail.cause && { cause: firstFail.cause }
      }
    },
    findings: clean.findings,
    evidence: clean.evidence,
    ...clean.data && { data: clean.data },
    durationMs: 0
  };
}
function skipped(check, reason, blockedBy, summary) {
  return {
    id: check.id,
    title: check.title,
    status: "skip",
    summary,
    findings: [],
    evidence: [],
    skipReason: reason,
    ...blockedBy.length > 0 && { blockedBy },
    durationMs: 0
  };
}
function rootCauses(needs) {
  const causes = /* @__PURE__ */ new Set();
  for (const need of needs) {
    if (need.status === "fail" || need.status === "crash" || need.status === "skip" && need.skipReason === "user") {
      causes.add(need.id);
    } else if (need.status === "skip") {
      for (const cause of need.blockedBy ?? []) causes.add(cause);
    }
  }
  return [...causes];
}
function timedOut(check, stage, timeoutMs) {
  const detail = `Still waiting at stage ${stage} when the ${timeoutMs} ms deadline passed.`;
  return {
    id: check.id,
    title: check.title,
    status: "fail",
    summary: `Timed out at ${stage}.`,
    error: { stage, code: "RUN_DEADLINE", detail },
    findings: [
      {
        level: "fail",
        code: "RUN_DEADLINE",
        stage,
        detail,
        hints: deadlineHints(stage, timeoutMs)
      }
    ],
    evidence: [],
    durationMs: 0
  };
}
var MAX_TIMER_MS = 2 ** 31 - 1;
function deadlineHints(stage, timeoutMs) {
  const rerun = `codex-doctor --timeout ${Math.min(timeoutMs * 3, MAX_TIMER_MS)}`;
  switch (stage) {
    case "input":
    case "read":
    case "parse":
    case "register":
    case "resolve":
    case "policy":
      return [
        {
          text: `Nothing on the network was involved at ${stage}: a local file or program did not answer (a named pipe or device in a CA or proxy variable, a hung network file system, a stuck \`codex --version\`). Check the paths in the CA variables and CODEX_HOME.`,
          command: 'env | grep -E "^(CODEX_CA_CERTIFICATE|SSL_CERT_FILE|SSL_CERT_DIR|CODEX_HOME)="',
          action: { kind: "manual", topic: "repair-file" }
        },
        { text: "If the disk is only slow (a network home directory), rerun with a longer deadline.", command: rerun }
      ];
    case "dns":
    case "tcp":
    case "proxy-connect":
    case "proxy-auth":
    case "tls-handshake":
    case "tls-verify":
    case "http":
    case "ws-upgrade":
      return [
        {
          text: `Something on the path accepted the connection and never answered at ${stage}; if the network is just slow, rerun with a longer deadline.`,
          command: rerun,
          action: { kind: "manual", topic: "retry-later" }
        }
      ];
  }
}
function crashed(check, stage, error, redactor) {
  const err = error instanceof Error ? error : new Error(String(error));
  const message = clip(redactor.text(err.message));
  const detail = `codex-doctor crashed in ${check.id} at stage ${stage}: ${message}`;
  const stack = redactor.text(err.stack ?? "").split("\n").slice(1, 8).map((l) => clip(l.trim()));
  return {
    id: check.id,
    title: check.title,
    status: "crash",
    summary: `The doctor crashed (our bug): ${message}`,
    error: { stage, code: "RUN_CRASH", detail, cause: { name: err.name, message } },
    findings: [
      {
        level: "fail",
        code: "RUN_CRASH",
        stage,
        detail,
        cause: { name: err.name, message },
        hints: [{ text: "This is a codex-doctor bug, not your network: report it with the --json output attached." }]
      }
    ],
    evidence: stack.length > 0 ? [{ title: "Where it crashed", lines: stack }] : [],
    durationMs: 0
  };
}

// src/options.ts
var options_exports = {};
__export(options_exports, {
  DEFAULT_TIMEOUT_MS: () => DEFAULT_TIMEOUT_MS,
  FORMATS: () => FORMATS,
  MAX_TIMEOUT_MS: () => MAX_TIMEOUT_MS,
  parseArgs: () => parseArgs,
  parseCommonArgv: () => parseCommonArgv,
  parseResolve: () => parseResolve,
  parseWithYargs: () => parseWithYargs
});

// src/version.ts
var version_exports = {};
__export(version_exports, {
  VERSION: () => VERSION
});
var VERSION = "0.1.0";

// src/options.ts
var FORMATS = ["json", "markdown", "plain"];
var DEFAULT_TIMEOUT_MS = 1e4;
var MAX_TIMEOUT_MS = 2 ** 31 - 1;
var OPTIONS = {
  json: { type: "boolean", describe: "Print one redacted JSON report on stdout (same as --format json)" },
  plain: { type: "boolean", describe: "Plain text, even in a terminal (same as --format plain)" },
  format: { type: "string", choices: FORMATS, describe: "Output: json, markdown (a helpdesk ticket body) or plain" },
  only: { type: "string", array: true, default: [], describe: "Run only these checks (and what they need)" },
  skip: { type: "string", array: true, default: [], describe: "Skip these checks" },
  timeout: { type: "number", default: DEFAULT_TIMEOUT_MS, describe: "Deadline for the whole run, in ms" },
  strict: { type: "boolean", default: false, describe: "Exit 1 on warnings too" },
  "codex-home": { type: "string", describe: "Use this CODEX_HOME instead of the environment" },
  profile: { type: "string", describe: "Codex profile: reads $CODEX_HOME/NAME.config.toml" },
  proxy: { type: "string", describe: "Use this proxy URL for both transports instead of the environment" },
  resolve: {
    type: "string",
    array: true,
    default: [],
    describe: "host:port:address, like curl: dial address instead of resolving host (repeatable)"
  },
  verbose: { alias: "v", type: "boolean", default: false, describe: "Show the evidence and info findings (with --json: every check's evidence and data too)" }
};
var LAB_COMMAND = "lab";
var SCENARIO = { type: "string", describe: "Scenario name (see --list)" };
var LAB_OPTIONS = {
  list: { type: "boolean", default: false, describe: "List the scenarios" }
};
var FIX_COMMAND = "fix";
var FIX_OPTIONS = {
  yes: { alias: "y", type: "boolean", default: false, describe: "Apply without asking (needed when stdin is not a terminal)" },
  "dry-run": { type: "boolean", default: false, describe: "Show the plan and change nothing" }
};
var EXPLAIN_COMMAND = "explain";
var ERROR_TEXT = { type: "string", describe: "The Codex error text (read from stdin when left out)" };
var ALL_OPTIONS = { ...OPTIONS, ...LAB_OPTIONS, ...FIX_OPTIONS };
var COMMAND_OPTIONS = {
  doctor: [],
  lab: Object.keys(LAB_OPTIONS),
  fix: Object.keys(FIX_OPTIONS),
  explain: []
};
var EPILOG = `Checks, in runbook order: ${CHECK_IDS.join(", ")}.
Exit codes: 0 all passed (warnings allowed), 1 a check failed (or warned, with --strict),
2 usage error, 3 the doctor itself crashed, 130 interrupted, 141 stdout closed early (| head).`;
var COMMANDS = { [LAB_COMMAND]: "lab", [FIX_COMMAND]: "fix", [EXPLAIN_COMMAND]: "explain" };
async function parseArgs(argv, columns = 80) {
  const common = parseCommonArgv(argv);
  return common ? toCommand(common.command, common.args) : parseWithYargs(argv, columns);
}
function parseCommonArgv(argv) {
  const parsed = readPlainArgv(argv);
  if (!parsed) return void 0;
  const command = argv[0] !== void 0 && Object.hasOwn(COMMANDS, argv[0]) && COMMANDS[argv[0]] || "doctor";
  const seen = /* @__PURE__ */ new Set();
  for (const token of parsed.tokens) {
    switch (token.kind) {
      case "positional":
        if (command === "doctor" || token.index > (command === "fix" ? 0 : 1)) return void 0;
        if (command === "explain" && token.index === 1 && !/^[^-\d\s]/.test(token.value)) return void 0;
        break;
      case "option": {
        const spec = ALL_OPTIONS[token.name];
        if (seen.has(token.name) && !spec.array) return void 0;
        if (token.value !== void 0 && !isPlainValue(spec, token.value)) return void 0;
        seen.add(token.name);
        break;
      }
    }
  }
  const foreign = Object.entries(COMMAND_OPTIONS).some(([owner, names]) => owner !== command && names.some((name) => seen.has(name)));
  if (foreign || seen.has("json") && seen.has("plain")) return void 0;
  if (seen.has("format") && (seen.has("json") || seen.has("plain"))) return void 0;
  const values = parsed.values;
  const args = {};
  for (const [name, spec] of Object.entries(ALL_OPTIONS)) {
    const value = values[name];
    args[name] = value === void 0 ? spec.default : spec.type === "number" ? Number(value) : value;
  }
  if (command === "lab") args.scenario = parsed.positionals[1];
  if (command === "explain") args.text = parsed.positionals[1];
  return { command, args };
}
function isPlainValue(spec, value) {
  if (spec.choices && !spec.choices.includes(value)) return false;
  return spec.type === "number" ? /^\d+$/.test(value) : !/^[-"']/.test(value);
}
var BY_ALIAS = new Map(Object.entries(ALL_OPTIONS).flatMap(([name, spec]) => spec.alias === void 0 ? [] : [[spec.alias, name]]));
function readPlainArgv(argv) {
  const values = {};
  const positionals = [];
  const tokens = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      tokens.push({ kind: "positional", index: i, value: arg });
      continue;
    }
    const equals = arg.indexOf("=");
    const long = arg.startsWith("--");
    const name = long ? arg.slice(2, equals === -1 ? void 0 : equals) : arg.length === 2 ? BY_ALIAS.get(arg[1]) : void 0;
    if (name === void 0 || !Object.hasOwn(ALL_OPTIONS, name)) return void 0;
    const spec = ALL_OPTIONS[name];
    let value = long && equals !== -1 ? arg.slice(equals + 1) : void 0;
    if (spec.type === "boolean") {
      if (value !== void 0) return void 0;
      values[name] = true;
    } else {
      if (value === void 0) {
        const next = argv[i + 1];
        if (next === void 0 || next.startsWith("-")) return void 0;
        value = next;
      }
      const previous = values[name];
      values[name] = spec.array ? [...Array.isArray(previous) ? previous : [], value] : value;
    }
    tokens.push({ kind: "option", index: i, name, value });
    if (value !== void 0 && !(long && equals !== -1)) i++;
  }
  return { values, positionals, tokens };
}
function yargsOption(spec) {
  const { default: value, ...rest } = spec;
  return { ...rest, ...value !== void 0 && { default: Array.isArray(value) ? [...value] : value } };
}
async function parseWithYargs(argv, columns = 80) {
  const { default: yargs } = await __import("yargs");
  let command = "doctor";
  const parser = yargs([...argv]).scriptName("codex-doctor").usage("$0 [options]\n\nFinds out why Codex cannot log in or stream behind a TLS-inspecting proxy.").command("$0", "Run the runbook against this machine", () => {
  }, () => {
    command = "doctor";
  }).command(
    `${LAB_COMMAND} [scenario]`,
    "Run the runbook against an embedded corporate-proxy scenario on 127.0.0.1",
    (y) => y.positional("scenario", SCENARIO).options(mapOptions(LAB_OPTIONS)),
    () => {
      command = "lab";
    }
  ).command(
    FIX_COMMAND,
    "Apply the fixes: shows each change, asks once, backs up every file it changes, then reruns the checks",
    (y) => y.options(mapOptions(FIX_OPTIONS)),
    () => {
      command = "fix";
    }
  ).command(
    `${EXPLAIN_COMMAND} [text]`,
    "Explain a pasted Codex error: what it can mean, and which cause applies here",
    (y) => y.positional("text", ERROR_TEXT),
    () => {
      command = "explain";
    }
  ).options(mapOptions(OPTIONS)).conflicts("json", "plain").conflicts("format", ["json", "plain"]).epilog(EPILOG).version(VERSION).help().strict().wrap(Math.min(100, columns)).exitProcess(false);
  let failure;
  let printed;
  let args = {};
  parser.fail((message, error) => {
    failure = message || error?.message || "invalid arguments";
  });
  parser.parse([...argv], {}, (error, parsedArgs, output) => {
    if (error) failure ??= error.message;
    if (output) printed = output;
    args = parsedArgs;
  });
  if (failure) return { kind: "usage-error", message: failure };
  if (printed !== void 0) return { kind: "print", text: printed };
  return toCommand(command, args);
}
function mapOptions(options) {
  return Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, yargsOption(spec)]));
}
function toCommand(command, args) {
  for (const [name, spec] of Object.entries(ALL_OPTIONS)) {
    const value = args[name];
    if (!spec.array && spec.type !== "boolean" && Array.isArray(value)) {
      return { kind: "usage-error", message: `--${name} given more than once: give it once.` };
    }
    const values = spec.array ? value ?? [] : typeof value === "string" ? [value] : [];
    if (values.some((v) => v.split(",").every((part) => part.trim() === ""))) {
      return { kind: "usage-error", message: `--${name} needs a value; it was given an empty one.` };
    }
  }
  const list = (name) => (args[name] ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  const only = list("only");
  const skip = list("skip");
  const unknown = [...only, ...skip].filter((id) => !CHECK_IDS.includes(id));
  if (unknown.length > 0) {
    return { kind: "usage-error", message: `Unknown check id: ${unknown.join(", ")}. Known: ${CHECK_IDS.join(", ")}.` };
  }
  const timeout = args.timeout;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    return { kind: "usage-error", message: "--timeout needs a positive number of milliseconds." };
  }
  if (timeout > MAX_TIMEOUT_MS) {
    return { kind: "usage-error", message: `--timeout ${timeout}: at most ${MAX_TIMEOUT_MS} ms (about 24 days).` };
  }
  const resolve = [];
  for (const entry of list("resolve")) {
    const parsed = parseResolve(entry);
    if (!parsed) return { kind: "usage-error", message: `--resolve ${entry}: expected host:port:address, the address an IP address (e.g. auth.openai.com:443:127.0.0.1).` };
    resolve.push(parsed);
  }
  const proxy = args.proxy;
  if (proxy !== void 0 && !URL.canParse(proxy.includes("://") ? proxy : `http://${proxy}`)) {
    return { kind: "usage-error", message: `--proxy ${proxy}: not a URL (e.g. http://proxy.corp:8080).` };
  }
  const flags = {
    output: args.json ? "json" : args.plain ? "plain" : args.format ?? "auto",
    only,
    skip,
    timeoutMs: timeout,
    strict: Boolean(args.strict),
    verbose: Boolean(args.verbose),
    resolve,
    ...optional("codexHome", args["codex-home"]),
    ...optional("profile", args.profile),
    ...optional("proxy", proxy)
  };
  if (command === "lab") {
    return { kind: "lab", flags, list: Boolean(args.list), ...optional("scenario", args.scenario) };
  }
  if (command === "fix") return { kind: "fix", flags, yes: Boolean(args.yes), dryRun: Boolean(args["dry-run"]) };
  if (command === "explain") {
    const text = args.text === void 0 ? void 0 : String(args.text);
    return { kind: "explain", flags, ...text !== void 0 && text !== "" && { text } };
  }
  return { kind: "doctor", flags };
}
function optional(key, value) {
  return typeof value === "string" && value !== "" ? { [key]: value } : {};
}
function parseResolve(entry) {
  const match = /^([^:\s]+):(\d{1,5}):(?:\[([^\]\s]+)\]|([^\]\s]+))$/.exec(entry);
  if (!match) return void 0;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return void 0;
  const address = match[3] ?? match[4];
  const family = nodeNet().isIP(address);
  if (family === 0 || match[3] !== void 0 && family !== 6) return void 0;
  return { host: match[1].toLowerCase(), port, address };
}

// src/render/json.ts
var json_exports = {};
__export(json_exports, {
  SCHEMA_VERSION: () => SCHEMA_VERSION,
  jsonDocument: () => jsonDocument,
  renderJson: () => renderJson
});
var SCHEMA_VERSION = 2;
function renderJson(report, options = { verbose: false }) {
  return `${layout(jsonDocument(report, options))}
`;
}
function jsonDocument(report, options = { verbose: false }) {
  const { checks, ...rest } = report;
  const shown = /* @__PURE__ */ new Map();
  return { schemaVersion: SCHEMA_VERSION, ...rest, checks: checks.map((check) => jsonCheck(check, options.verbose, shown)) };
}
function jsonCheck(check, verbose, shown) {
  const { error, findings } = check;
  const told = verbose || check.status === "warn" || check.status === "fail" || check.status === "crash";
  const evidence = told ? check.evidence.filter((section) => section.lines.length > 0) : [];
  const { endpoints, ...data } = check.data ?? {};
  return {
    id: check.id,
    title: check.title,
    status: check.status,
    summary: check.summary,
    ...error && { error: jsonError(error, findings) },
    findings: findings.map((finding) => verbose || finding.level !== "info" || finding.hints ? finding : codeOnly(finding)),
    ...evidence.length > 0 && { evidence: evidence.map((section) => onceOnly(section, check.id, shown)) },
    ...Array.isArray(endpoints) && { endpoints },
    ...verbose && Object.keys(data).length > 0 && { data },
    ...check.blockedBy && { blockedBy: check.blockedBy },
    ...check.skipReason && { skipReason: check.skipReason },
    durationMs: check.durationMs
  };
}
function jsonError(error, findings) {
  const finding = findings.findIndex((f) => f.code === error.code && f.stage === error.stage && f.detail === error.detail);
  return finding < 0 ? error : { stage: error.stage, code: error.code, finding };
}
function onceOnly(section, checkId, shown) {
  const key = section.lines.join("\n");
  const earlier = shown.get(key);
  if (earlier !== void 0) return { title: section.title, sameAs: earlier };
  shown.set(key, checkId);
  return section;
}
function codeOnly({ code, stage, cause }) {
  return { level: "info", code, stage, ...cause && { cause } };
}
var LINE_DEPTH = 4;
var LINE_WIDTH = 120;
function layout(value, depth = 0) {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== "object" || depth >= LINE_DEPTH || flat.length + depth <= LINE_WIDTH) return flat;
  const indent = " ".repeat(depth + 1);
  const items = Array.isArray(value) ? value.map((item) => `${indent}${layout(item, depth + 1)}`) : Object.entries(value).filter(([, item]) => item !== void 0).map(([key, item]) => `${indent}${JSON.stringify(key)}: ${layout(item, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return items.length === 0 ? `${open}${close}` : `${open}
${items.join(",\n")}
${" ".repeat(depth)}${close}`;
}

// src/main.ts
async function main(argv, io) {
  let stderrRedactor;
  const { stderr: stderr2, env } = io;
  const redactedStderr = {
    write: (chunk) => stderr2.write((stderrRedactor ??= Redactor.fromEnv({ ...env, ...argumentEntries(argv) })).text(chunk)),
    ...stderr2.isTTY !== void 0 && { isTTY: stderr2.isTTY },
    ...stderr2.columns !== void 0 && { columns: stderr2.columns }
  };
  io = { ...io, stderr: redactedStderr };
  const parsed = await parseArgs(argv, io.stdout.columns ?? 80);
  switch (parsed.kind) {
    case "usage-error":
      io.stderr.write(`codex-doctor: ${parsed.message}
Run codex-doctor --help for the options.
`);
      return ExitCode.usage;
    case "print":
      io.stdout.write(`${parsed.text}
`);
      return ExitCode.ok;
    case "doctor":
      return runDoctor({ host: machineHost(parsed.flags, io), flags: parsed.flags, io });
    case "fix": {
      const host = machineHost(parsed.flags, io);
      const { runFix } = await __import("./fix/command.mjs");
      return runFix({ host, flags: parsed.flags, yes: parsed.yes, dryRun: parsed.dryRun, io });
    }
    case "explain": {
      const { runExplain } = await __import("./explain/command.mjs");
      return runExplain(parsed, io, machineHost(parsed.flags, io));
    }
    case "lab": {
      if (!parsed.list) {
        void __import("./lab/keys.mjs").then(({ labKeys, DEFAULT_KEY_BITS }) => labKeys.prepare([DEFAULT_KEY_BITS])).catch(() => {
        });
      }
      const { runLabCommand } = await __import("./lab/command.mjs");
      return runLabCommand(parsed, io);
    }
  }
}
function machineHost(flags, io) {
  const dial = new Map(flags.resolve.map((r) => [`${r.host}:${r.port}`, { address: r.address, port: r.port }]));
  return realHost({ env: { ...io.env }, dial });
}
function argumentEntries(argv) {
  return Object.fromEntries(argv.map((arg, i) => [`argument ${i}`, arg.replace(/^--?[\w-]+=/, "")]));
}
function createSession(host, flags, saveDir = host.cwd) {
  const options = {
    timeoutMs: flags.timeoutMs,
    verbose: flags.verbose,
    ...flags.codexHome !== void 0 && { codexHome: flags.codexHome },
    ...flags.proxy !== void 0 && { proxy: flags.proxy },
    ...flags.profile !== void 0 && { profile: flags.profile }
  };
  const selection = { only: flags.only, skip: flags.skip };
  const plan = planChecks(RUNBOOK, selection);
  const runUnredacted = async (onEvent, signal) => {
    const started = host.monotonic();
    const generatedAt = host.now();
    const worldPromise = loadWorld(host, options);
    const world = await worldPromise.catch(() => void 0);
    const redactor = Redactor.fromEnv({ ...host.env, ...world?.env, ...options.proxy !== void 0 && { "--proxy": options.proxy } }).withConfig(
      world ? [world.config.merged, ...world.config.layers.map((layer) => layer.table)] : [],
      world?.config.layers.map((layer) => layer.source) ?? []
    );
    const checks = await runChecks({
      checks: RUNBOOK,
      host,
      options,
      redactor,
      extra: { world: () => worldPromise },
      selection,
      ...onEvent && { onEvent },
      ...signal && { signal }
    });
    const interrupted = signal?.aborted === true;
    const hosts = world ? await loadEndpoints(host, world).then((endpoints) => hostsCodexNeeds(endpoints, world.config), () => []) : [];
    const report = buildReport({
      checks,
      ticket: ticketFields({ checks, hosts }),
      environment: await environmentSummary(host, world),
      generatedAt,
      durationMs: host.monotonic() - started,
      exitCode: interrupted ? ExitCode.interrupted : exitCodeFor(checks, flags.strict)
    });
    return { report, redactor };
  };
  return {
    planned: RUNBOOK.filter((c) => plan.has(c.id)).map((c) => ({ id: c.id, title: c.title })),
    strict: flags.strict,
    async run(onEvent, signal) {
      const { report, redactor } = await runUnredacted(onEvent, signal);
      return redactor.deep(report);
    },
    runUnredacted: (signal) => runUnredacted(void 0, signal),
    async save(report) {
      const stamp = report.generatedAt.replace(/[:.]/g, "-");
      const [{ writeFile }, { resolve }, { renderMarkdown }] = await Promise.all([__import("node:fs/promises"), __import("node:path"), __import("./render/markdown.mjs")]);
      const saved = { json: resolve(saveDir, `codex-doctor-report-${stamp}.json`), markdown: resolve(saveDir, `codex-doctor-report-${stamp}.md`) };
      await writeFile(saved.json, renderJson(report, { verbose: flags.verbose }), { mode: 384, flag: "wx" });
      await writeFile(saved.markdown, renderMarkdown(report), { mode: 384, flag: "wx" });
      return saved;
    }
  };
}
async function environmentSummary(host, world) {
  const os2 = await host.osInfo?.().catch(() => void 0);
  const shell = userShell(host).kind;
  return {
    platform: host.platform,
    arch: host.arch,
    node: process.versions.node,
    doctorVersion: VERSION,
    codexVersion: world?.codexVersion ?? null,
    codexHome: world?.codexHome ?? "",
    variables: reportedVariables(world?.env ?? host.env),
    ...host.lab !== void 0 && { lab: host.lab },
    ...os2 && { os: os2 },
    shell
  };
}
function pickMode(flags, io) {
  if (flags.output === "json") return "json";
  if (flags.output === "markdown") return "markdown";
  if (flags.output === "plain") return "text";
  const ci = io.env.CI !== void 0 && io.env.CI !== "" && io.env.CI !== "false";
  return io.stdout.isTTY === true && !ci ? "tui" : "text";
}
async function runDoctor(input) {
  const { host, flags, io } = input;
  const session = createSession(host, flags, io.cwd ?? host.cwd);
  const mode = pickMode(flags, io);
  const banner = input.banner === void 0 ? void 0 : Redactor.fromEnv({ ...io.env, ...host.env }).text(input.banner);
  switch (mode) {
    case "json": {
      const report = await session.run(void 0, io.signal);
      io.stdout.write(renderJson(report, { verbose: flags.verbose }));
      return report.exitCode;
    }
    case "markdown": {
      const report = await session.run(void 0, io.signal);
      const { renderMarkdown } = await __import("./render/markdown.mjs");
      io.stdout.write(renderMarkdown(report));
      return report.exitCode;
    }
    case "tui": {
      const { runTui } = await __import("./render/tui/run-tui.mjs");
      return runTui(session, io, { banner });
    }
    case "text": {
      const { createTextRenderer } = await __import("./render/text.mjs");
      const text = createTextRenderer(io.stdout, textStyle(io), { verbose: flags.verbose, planned: session.planned });
      if (banner) io.stdout.write(`${banner}
`);
      text.header();
      const report = await session.run((e) => text.onEvent(e), io.signal);
      text.footer(report);
      return report.exitCode;
    }
  }
}
function textStyle(io) {
  const env = io.env;
  let color = io.stdout.isTTY && env.TERM !== "dumb" ? 1 : 0;
  if (env.NO_COLOR) color = 0;
  if (env.FORCE_COLOR !== void 0) {
    const force = env.FORCE_COLOR;
    color = force === "" || force === "true" ? 1 : force === "false" ? 0 : Math.min(3, Math.max(0, Number.parseInt(force, 10) || 0));
  }
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  const unicode = /utf-?8/i.test(locale) || Boolean(env.WT_SESSION) || env.TERM_PROGRAM === "vscode";
  return { color, unicode, columns: io.stdout.columns ?? 100 };
}

// src/cli.ts
var CLEANUP_GRACE_MS = 3e3;
var EXIT_GRACE_MS = 500;
var interrupt = new AbortController();
var stoppedWith;
function stop(code) {
  if (stoppedWith !== void 0) return;
  stoppedWith = code;
  interrupt.abort(new Error("interrupted"));
  setTimeout(() => process.exit(code), CLEANUP_GRACE_MS).unref();
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => stoppedWith !== void 0 ? process.exit(ExitCode.interrupted) : stop(ExitCode.interrupted));
}
var BROKEN_PIPE = 141;
var stdoutClosed = false;
function onStdoutError() {
  stdoutClosed = true;
  stop(BROKEN_PIPE);
}
var stderrStream;
var stderr = {
  write(chunk) {
    if (!stderrStream) {
      stderrStream = process.stderr;
      stderrStream.on("error", () => {
      });
    }
    return stderrStream.writable ? stderrStream.write(chunk) : false;
  }
};
var stdoutStream;
function stdoutAsStream() {
  if (!stdoutStream) {
    stdoutStream = process.stdout;
    stdoutStream.on("error", onStdoutError);
  }
  return stdoutStream;
}
main(process.argv.slice(2), {
  stdout: plainStdout() ?? stdoutAsStream(),
  stderr,
  env: process.env,
  signal: interrupt.signal,
  cwd: process.cwd(),
  prompt: {
    interactive: () => getBuiltinModule("node:tty").isatty(0),
    async ask(question) {
      const { createInterface } = await __import("node:readline");
      const lines = createInterface({ input: process.stdin, output: stdoutAsStream() });
      return new Promise((resolve) => {
        lines.once("close", () => resolve(""));
        lines.question(question, (answer) => {
          resolve(answer);
          lines.close();
        });
      });
    }
  },
  readStdin
}).then(
  (code) => exitWhenWritten(stoppedWith ?? code),
  (error) => {
    const redactor = Redactor.fromEnv(process.env);
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(redactor.text(`codex-doctor crashed (a bug, not your network): ${message}
`));
    if (process.env.CODEX_DOCTOR_DEBUG) stderr.write(redactor.text(`${error?.stack ?? ""}
`));
    exitWhenWritten(ExitCode.crashed);
  }
);
async function readStdin(maxBytes) {
  const stdin = process.stdin;
  if (stdin.isTTY) return void 0;
  const chunks = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(bytes);
    size += bytes.length;
    if (size >= maxBytes) break;
  }
  stdin.destroy();
  return Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8");
}
function exitWhenWritten(code) {
  process.exitCode = code;
  const streams = [stdoutClosed ? void 0 : stdoutStream, stderrStream].filter((s) => s !== void 0 && s.writable);
  let pending = streams.length + 1;
  const written = () => {
    if (--pending === 0) setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
  };
  for (const stream of streams) stream.write("", written);
  written();
}
function plainStdout() {
  const { fstatSync: fstatSync2, writeSync } = getBuiltinModule("node:fs");
  try {
    if (fstatSync2(1).isCharacterDevice()) return void 0;
  } catch {
    return void 0;
  }
  let stream;
  return {
    write(chunk) {
      if (stdoutClosed) return false;
      if (stream) return stream.write(chunk);
      let rest = Buffer.from(chunk, "utf8");
      try {
        while (rest.length > 0) rest = rest.subarray(writeSync(1, rest));
      } catch (error) {
        if (error.code === "EPIPE") {
          onStdoutError();
          return false;
        }
        stream = stdoutAsStream();
        stream.write(rest);
      }
      return true;
    }
  };
}

// core-entry.js
globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")] = { "src/checks/codex-config.ts": codex_config_exports, "src/checks/config-actions.ts": config_actions_exports, "src/checks/index.ts": checks_exports, "src/checks/login-retry.ts": login_retry_exports, "src/checks/network-checks.ts": network_checks_exports, "src/checks/public-roots.ts": public_roots_exports, "src/codex/bundle-format.ts": bundle_format_exports, "src/codex/bundle-loader.ts": bundle_loader_exports, "src/codex/ca-selection.ts": ca_selection_exports, "src/codex/certificate.ts": certificate_exports, "src/codex/codex-messages.ts": codex_messages_exports, "src/codex/config-keys.ts": config_keys_exports, "src/codex/der.ts": der_exports, "src/codex/dotenv.ts": dotenv_exports, "src/codex/endpoints.ts": endpoints_exports, "src/codex/env.ts": env_exports, "src/codex/pem.ts": pem_exports, "src/codex/proxy.ts": proxy_exports, "src/codex/rust-str.ts": rust_str_exports, "src/codex/sandbox.ts": sandbox_exports, "src/codex/toml.ts": toml_exports, "src/codex/trust.ts": trust_exports, "src/core/bound.ts": bound_exports, "src/core/builtins.ts": builtins_exports, "src/core/exec-within.ts": exec_within_exports, "src/core/exit-codes.ts": exit_codes_exports, "src/core/real-host.ts": real_host_exports, "src/core/redact.ts": redact_exports, "src/core/ticket.ts": ticket_exports2, "src/fix/shell.ts": shell_exports, "src/main.ts": main_exports, "src/options.ts": options_exports, "src/render/json.ts": json_exports, "src/version.ts": version_exports, "src/words/commands.ts": commands_exports, "src/words/speaker.ts": speaker_exports, "src/words/ticket.ts": ticket_exports };

})
