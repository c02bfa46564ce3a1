import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CHATGPT_BASE_URL,
  Speaker,
  TOOL_CA_VARIABLES,
  certificateNames,
  certificateSubject,
  clip,
  codexContacts,
  codexPolicyText,
  configSnippet,
  describeKey,
  displayPath,
  execWithin,
  fingerprint256,
  isErrorCode,
  lintCertificate,
  loadEndpoints,
  loadNativeRoots,
  nativeRootLocations,
  proxyFor,
  proxySourceName,
  proxyVariableToWrite,
  publicRootInputs,
  publicRootsLabel,
  readCertificate,
  shellQuote,
  trimEndMatches,
  trustPlan,
  validityAt,
  weakRsaKeyBits
} from "./chunk-ZSNKZDF6.mjs";
import {
  getBuiltinModule,
  nodeCrypto,
  parseCodexPem,
  toPem
} from "./chunk-QRNDIB45.mjs";
import {
  abortable,
  captureTls,
  captureVerified,
  headerLists,
  isVerified,
  verifiedTls
} from "./chunk-NJRZQIHL.mjs";
import {
  CertificateRejectedError,
  ChainRejectedError,
  ConnectionGoneError,
  ProbeTimeoutError,
  ProxyCertificateError,
  ProxyClosedError,
  ProxyHeadTooLargeError,
  ProxyProtocolError,
  ProxyResponseError,
  ProxySchemeError,
  UpgradeHandshakeError,
  proxyAnswerOf
} from "./chunk-Q546YOJN.mjs";

// src/codex/webpki.ts
var MAX_INTERMEDIATES = 6;
var SERVER_AUTH_EKU = "1.3.6.1.5.5.7.3.1";
var ANY_EKU = "2.5.29.37.0";
function verifyWebpki(input) {
  const { chain, anchors, hostname, now } = input;
  const problems = [];
  const leaf = chain[0];
  if (!leaf) {
    return { verifier: "webpki", ok: false, path: null, anchor: null, problems: [problem("BadEncoding", 0, "The server presented no certificate.")], missingIssuer: null };
  }
  if (input.protocol && /^(SSLv|TLSv1(\.[01])?$)/.test(input.protocol)) {
    problems.push(problem("UnsupportedProtocolVersion", null, `The connection negotiated ${input.protocol}; rustls speaks TLS 1.2 and 1.3 only.`));
  }
  const facts = chain.map((cert) => factsOf(cert));
  const leafFacts = facts[0];
  if (leafFacts) {
    problems.push(...timeProblems(leafFacts, now, 0));
    if (leafFacts.isCa) problems.push(problem("CaUsedAsEndEntity", 0, `[0] ${subjectOf(leaf)} is a CA certificate (basicConstraints CA:TRUE) presented as the server certificate.`));
    if (!allowsServerAuth(leafFacts)) problems.push(problem("InvalidPurpose", 0, `[0] ${subjectOf(leaf)} has an extended key usage without serverAuth.`));
  }
  const built = buildPath(chain, anchors);
  for (const cert of built.path.slice(1)) {
    const index = chain.indexOf(cert);
    const certFacts = facts[index];
    if (!certFacts) continue;
    const lints = lintCertificate(certFacts, now, { expectCa: true });
    problems.push(...timeProblems(certFacts, now, index));
    if (lints.some((l) => l.kind === "not-ca")) {
      problems.push(problem("EndEntityUsedAsCa", index, `[${index}] ${subjectOf(cert)} issues certificates but lacks basicConstraints CA:TRUE.`));
    }
    if (!allowsServerAuth(certFacts)) problems.push(problem("InvalidPurpose", index, `[${index}] ${subjectOf(cert)} has an extended key usage without serverAuth.`));
  }
  if (built.tooDeep) {
    const { intermediates, anchor } = built.tooDeep;
    const where = anchor ? `before its root "${subjectOf(anchor)}"` : "without reaching a trusted root";
    problems.push(
      problem(
        "MaximumPathDepthExceeded",
        null,
        `The chain runs through ${intermediates} intermediate certificates ${where}; webpki (rustls) follows at most ${MAX_INTERMEDIATES} and gives up (MaximumPathDepthExceeded)${anchor ? ", although the root is trusted" : ""}.`
      )
    );
  } else if (built.anchor === null) {
    const last = built.path[built.path.length - 1] ?? leaf;
    const index = chain.indexOf(last);
    problems.push(
      problem(
        "UnknownIssuer",
        index,
        `No trusted root issued [${index}] ${subjectOf(last)}: its issuer "${oneLine(last.issuer)}" is not in this trust set.`
      )
    );
  }
  const signers = built.anchor ? [...built.path.slice(1), built.anchor] : built.path.slice(1);
  built.path.forEach((cert, position) => {
    const index = chain.indexOf(cert);
    const certFacts = facts[index];
    const hash = certFacts ? lintCertificate(certFacts, now, { expectCa: false }).find((l) => l.kind === "weak-signature") : void 0;
    if (hash?.kind === "weak-signature") {
      problems.push(problem("BadSignature", index, `[${index}] ${subjectOf(cert)} is signed with ${hash.hash.toUpperCase()}, which rustls does not accept.`));
    }
    const signer = signers[position];
    const signerFacts = signer ? factsOf(signer) : null;
    const bits = signerFacts ? weakRsaKeyBits(signerFacts) : null;
    if (signer && bits !== null) {
      const who = signer === built.anchor ? `the root ${subjectOf(signer)}` : `[${chain.indexOf(signer)}] ${subjectOf(signer)}`;
      problems.push(problem("BadSignature", index, `[${index}] ${subjectOf(cert)} is signed by ${who} with an RSA-${bits} key; rustls needs at least 2048 bits.`));
    }
  });
  const leafBits = leafFacts ? weakRsaKeyBits(leafFacts) : null;
  if (leafBits !== null) problems.push(problem("BadSignature", 0, `[0] ${subjectOf(leaf)} has an RSA-${leafBits} key; rustls needs at least 2048 bits.`));
  if (!validForName(leafFacts, leaf, hostname)) {
    const detail = leafFacts?.hasSubjectAltName ? `[0] ${subjectOf(leaf)} has no subjectAltName for ${hostname}.` : `[0] ${subjectOf(leaf)} has no subjectAltName at all; rustls does not fall back to the Common Name.`;
    problems.push(problem("NotValidForName", 0, detail));
  }
  const missingIssuer = built.anchor === null && !built.tooDeep ? (() => {
    const last = built.path[built.path.length - 1] ?? leaf;
    return { index: chain.indexOf(last), issuer: oneLine(last.issuer) };
  })() : null;
  return { verifier: "webpki", ok: problems.length === 0, path: built.anchor ? [...built.path, built.anchor] : null, anchor: built.anchor, problems: dedupe(problems), missingIssuer };
}
function issuedBy(child, issuer) {
  try {
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}
function buildPath(chain, anchors) {
  const leaf = chain[0];
  if (!leaf) return { path: [], anchor: null, tooDeep: null };
  const walked = walkChain(chain, anchors);
  if (walked.path.length - 1 <= MAX_INTERMEDIATES) {
    return { path: walked.anchor ? stripTrustedRoot(walked.path, walked.anchor) : walked.path, anchor: walked.anchor, tooDeep: null };
  }
  const intermediates = (walked.anchor ? stripTrustedRoot(walked.path, walked.anchor) : walked.path).length - 1;
  return { path: walked.path.slice(0, MAX_INTERMEDIATES + 1), anchor: null, tooDeep: { intermediates, anchor: walked.anchor } };
}
function walkChain(chain, anchors) {
  const path = [chain[0]];
  let current = path[0];
  for (; ; ) {
    const anchor = anchors.find((candidate) => issuedBy(current, candidate));
    if (anchor) return { path, anchor };
    const next = chain.find((candidate) => !path.includes(candidate) && issuedBy(current, candidate));
    if (!next) return { path, anchor: null };
    path.push(next);
    current = next;
  }
}
function stripTrustedRoot(path, anchor) {
  const last = path[path.length - 1];
  if (path.length > 1 && last && last.fingerprint256 === anchor.fingerprint256) return path.slice(0, -1);
  return path;
}
function rustlsMessage(name) {
  switch (name) {
    case "CaUsedAsEndEntity":
    case "EndEntityUsedAsCa":
    case "MaximumPathDepthExceeded":
      return `invalid peer certificate: Other(OtherError(${name}))`;
    case "UnsupportedProtocolVersion":
      return "peer is incompatible: ServerDoesNotSupportTls12Or13";
    default:
      return `invalid peer certificate: ${name}`;
  }
}
var CODES = {
  UnknownIssuer: "TLS_UNKNOWN_ISSUER",
  BadSignature: "TLS_BAD_SIGNATURE",
  NotValidForName: "TLS_NOT_VALID_FOR_NAME",
  Expired: "TLS_EXPIRED",
  NotValidYet: "TLS_NOT_YET_VALID",
  CaUsedAsEndEntity: "TLS_CA_AS_END_ENTITY",
  EndEntityUsedAsCa: "TLS_ISSUER_NOT_CA",
  InvalidPurpose: "TLS_EKU_NO_SERVER_AUTH",
  UnsupportedProtocolVersion: "TLS_PROTOCOL_TOO_OLD",
  MaximumPathDepthExceeded: "TLS_PATH_TOO_LONG",
  BadEncoding: "TLS_HANDSHAKE_FAILED"
};
function problem(name, index, detail) {
  const code = name === "BadSignature" && /RSA-\d+ key/.test(detail) ? "TLS_WEAK_KEY" : CODES[name];
  return { name, code, rustls: rustlsMessage(name), index, detail };
}
function timeProblems(facts, now, index) {
  return lintCertificate(facts, now, { expectCa: false }).flatMap((lint) => {
    switch (lint.kind) {
      case "expired":
        return [problem("Expired", index, `[${index}] ${facts.subject} expired on ${lint.notAfter.toISOString()}.`)];
      case "not-yet-valid":
        return [problem("NotValidYet", index, `[${index}] ${facts.subject} is not valid before ${lint.notBefore.toISOString()}.`)];
      default:
        return [];
    }
  });
}
function allowsServerAuth(facts) {
  const eku = facts.extendedKeyUsage;
  return eku === null || eku.includes(SERVER_AUTH_EKU) || eku.includes(ANY_EKU);
}
function validForName(facts, leaf, hostname) {
  if (!facts?.hasSubjectAltName) return false;
  const host = hostname.toLowerCase().replace(/\.$/, "");
  const entries = (leaf.subjectAltName ?? "").split(/,\s*/);
  for (const entry of entries) {
    const colon = entry.indexOf(":");
    const kind = entry.slice(0, colon);
    const value = entry.slice(colon + 1).toLowerCase().replace(/\.$/, "");
    if (kind === "DNS" && dnsNameMatches(value, host)) return true;
    if (kind === "IP Address" && value === host) return true;
  }
  return false;
}
function dnsNameMatches(pattern, host) {
  if (pattern === host) return true;
  if (!pattern.startsWith("*.")) return false;
  const suffix = pattern.slice(1);
  const first = host.indexOf(".");
  return first > 0 && host.slice(first) === suffix;
}
var factsCache = /* @__PURE__ */ new WeakMap();
function factsOf(cert) {
  if (factsCache.has(cert)) return factsCache.get(cert) ?? null;
  const read = readCertificate(cert.raw);
  const facts = read.ok ? read.facts : null;
  factsCache.set(cert, facts);
  return facts;
}
function subjectOf(cert) {
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
  return cn ?? oneLine(cert.subject);
}
function oneLine(name) {
  return name.split("\n").filter(Boolean).join(", ");
}
function dedupe(problems) {
  const seen = /* @__PURE__ */ new Set();
  return problems.filter((p) => {
    const key = `${p.name}|${p.index}|${p.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/net/dial.ts
import net from "node:net";
function bareHost(host) {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}
function dialKey(target) {
  return `${bareHost(target.host).toLowerCase()}:${target.port}`;
}
var DialRefusedError = class extends Error {
  constructor(destination) {
    super(`refused to connect to ${destination}: not a loopback address, and not routed by this host`);
    this.destination = destination;
  }
  destination;
  name = "DialRefusedError";
};
var InvalidHostNameError = class extends Error {
  constructor(length, why) {
    super(`${length} characters, ${why}`);
    this.length = length;
  }
  length;
  name = "InvalidHostNameError";
};
var MAX_NAME_LENGTH = 253;
var MAX_LABEL_LENGTH = 63;
function checkHostName(host) {
  if (host.length > MAX_NAME_LENGTH) throw new InvalidHostNameError(host.length, `longer than the ${MAX_NAME_LENGTH} DNS allows`);
  if (host.split(".").some((label) => label.length > MAX_LABEL_LENGTH)) throw new InvalidHostNameError(host.length, `with a part longer than the ${MAX_LABEL_LENGTH} DNS allows`);
}
async function resolveTarget(target, rules, signal) {
  const override = rules.dial.get(dialKey(target));
  if (override) return { address: override.address, port: override.port, source: "override" };
  const host = bareHost(target.host);
  if (net.isIP(host) === 0) checkHostName(host);
  if (rules.loopbackOnly && !isLoopbackAddress(host)) throw new DialRefusedError(`${target.host}:${target.port}`);
  if (net.isIP(host) !== 0) return { address: host, port: target.port, source: "literal" };
  const { lookup } = getBuiltinModule("node:dns/promises");
  const { address: address2 } = await abortable(signal, (resolve, reject) => {
    lookup(host).then(resolve, reject);
    return () => {
    };
  });
  return { address: address2, port: target.port, source: "dns" };
}
var loopback;
function isLoopbackAddress(host) {
  const family = net.isIP(host);
  if (family === 0) return false;
  if (!loopback) {
    loopback = new net.BlockList();
    loopback.addSubnet("127.0.0.0", 8, "ipv4");
    loopback.addAddress("::1", "ipv6");
  }
  return loopback.check(host, family === 4 ? "ipv4" : "ipv6");
}
function connectTcp(resolved, signal) {
  return abortable(signal, (resolve, reject) => {
    const socket = net.connect({ host: resolved.address, port: resolved.port });
    let connected = false;
    const onConnect = () => {
      connected = true;
      socket.on("error", () => {
      });
      resolve(socket);
    };
    socket.once("connect", onConnect);
    socket.once("error", reject);
    return () => {
      socket.off("connect", onConnect);
      socket.off("error", reject);
      if (!connected) socket.destroy();
    };
  });
}

// src/net/socks.ts
import net2 from "node:net";
var SocksError = class extends Error {
  constructor(phase, reply, credentialsSent, message) {
    super(message);
    this.phase = phase;
    this.reply = reply;
    this.credentialsSent = credentialsSent;
  }
  phase;
  reply;
  credentialsSent;
  name = "SocksError";
};
var REPLIES = {
  1: "general SOCKS server failure",
  2: "connection not allowed by ruleset",
  3: "network unreachable",
  4: "host unreachable",
  5: "connection refused",
  6: "TTL expired",
  7: "command not supported",
  8: "address type not supported"
};
async function socks5Connect(request) {
  const { socket, target, credentials, signal } = request;
  const reader = new ByteReader(socket, signal);
  try {
    const methods = credentials ? [0, 2] : [0];
    socket.write(Buffer.from([5, methods.length, ...methods]));
    const [version, method] = await reader.read(2);
    if (version !== 5) throw new SocksError("greeting", null, credentials !== void 0, "the proxy did not answer as a SOCKS5 proxy");
    if (method === 255 || method !== 0 && method !== 2) {
      throw new SocksError("greeting", method ?? null, credentials !== void 0, "the SOCKS proxy accepts none of the offered authentication methods");
    }
    if (method === 2) {
      if (!credentials) throw new SocksError("greeting", method, false, "the SOCKS proxy requires a user name and password");
      const user = Buffer.from(credentials.username, "utf8");
      const pass = Buffer.from(credentials.password, "utf8");
      socket.write(Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([pass.length]), pass]));
      const [, status] = await reader.read(2);
      if (status !== 0) throw new SocksError("auth", status ?? null, true, "the SOCKS proxy refused the user name and password");
    }
    socket.write(Buffer.concat([Buffer.from([5, 1, 0]), address(target.host), Buffer.from([target.port >> 8, target.port & 255])]));
    const [v, rep, , atyp] = await reader.read(4);
    if (v !== 5) throw new SocksError("connect", null, credentials !== void 0, "the proxy did not answer as a SOCKS5 proxy");
    if (rep !== 0) {
      throw new SocksError("connect", rep ?? null, credentials !== void 0, `the SOCKS proxy refused CONNECT: ${REPLIES[rep ?? 1] ?? `reply ${rep}`}`);
    }
    const addressLength = atyp === 1 ? 4 : atyp === 4 ? 16 : (await reader.read(1))[0] ?? 0;
    await reader.read(addressLength + 2);
    reader.release();
    return socket;
  } catch (error) {
    reader.release();
    socket.destroy();
    throw error;
  }
}
function address(host) {
  const bare = bareHost(host);
  switch (net2.isIP(bare)) {
    case 4:
      return Buffer.from([1, ...bare.split(".").map(Number)]);
    case 6: {
      const words = expandIpv6(bare);
      return Buffer.from([4, ...words.flatMap((w) => [w >> 8, w & 255])]);
    }
    default: {
      const name = Buffer.from(bare, "utf8");
      return Buffer.concat([Buffer.from([3, name.length]), name]);
    }
  }
}
function expandIpv6(address2) {
  const [head = "", tail = ""] = address2.split("::");
  const parse = (part) => part === "" ? [] : part.split(":").map((w) => Number.parseInt(w, 16));
  const h = parse(head);
  const t = address2.includes("::") ? parse(tail) : [];
  return [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
}
var ByteReader = class {
  constructor(socket, signal) {
    this.socket = socket;
    this.signal = signal;
    socket.on("data", this.onData);
    socket.on("end", this.onEnd);
    socket.on("close", this.onEnd);
    socket.on("error", this.onError);
  }
  socket;
  signal;
  buffered = Buffer.alloc(0);
  waiting = null;
  ended = null;
  onData = (chunk) => {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    this.pump();
  };
  onEnd = () => {
    this.ended = Object.assign(new Error("the SOCKS proxy closed the connection"), { code: "ECONNRESET" });
    this.pump();
  };
  onError = (error) => {
    this.ended = error;
    this.pump();
  };
  read(n) {
    return abortable(this.signal, (resolve, reject) => {
      this.waiting = { n, resolve, reject };
      this.pump();
      return () => {
        this.waiting = null;
      };
    });
  }
  release() {
    this.socket.off("data", this.onData);
    this.socket.off("end", this.onEnd);
    this.socket.off("close", this.onEnd);
    this.socket.off("error", this.onError);
    this.socket.pause();
    if (this.buffered.length > 0) this.socket.unshift(this.buffered);
    this.buffered = Buffer.alloc(0);
  }
  pump() {
    const waiting = this.waiting;
    if (!waiting) return;
    if (this.buffered.length >= waiting.n) {
      const out = this.buffered.subarray(0, waiting.n);
      this.buffered = this.buffered.subarray(waiting.n);
      waiting.resolve(out);
    } else if (this.ended) {
      waiting.reject(this.ended);
    }
  }
};

// src/net/classify.ts
var CERTIFICATE_CODES = {
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "TLS_UNKNOWN_ISSUER",
  UNABLE_TO_GET_ISSUER_CERT: "TLS_UNKNOWN_ISSUER",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS_UNKNOWN_ISSUER",
  SELF_SIGNED_CERT_IN_CHAIN: "TLS_UNKNOWN_ISSUER",
  DEPTH_ZERO_SELF_SIGNED_CERT: "TLS_UNKNOWN_ISSUER",
  CERT_HAS_EXPIRED: "TLS_EXPIRED",
  CERT_NOT_YET_VALID: "TLS_NOT_YET_VALID",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS_NOT_VALID_FOR_NAME",
  HOSTNAME_MISMATCH: "TLS_NOT_VALID_FOR_NAME",
  CA_MD_TOO_WEAK: "TLS_BAD_SIGNATURE",
  CERT_SIGNATURE_FAILURE: "TLS_BAD_SIGNATURE",
  CA_KEY_TOO_SMALL: "TLS_WEAK_KEY",
  EE_KEY_TOO_SMALL: "TLS_WEAK_KEY",
  INVALID_CA: "TLS_ISSUER_NOT_CA",
  INVALID_PURPOSE: "TLS_EKU_NO_SERVER_AUTH",
  CERT_REJECTED: "TLS_VERIFY_FAILED",
  CERT_UNTRUSTED: "TLS_UNKNOWN_ISSUER"
};
function certificateCode(nodeCode) {
  return CERTIFICATE_CODES[nodeCode] ?? "TLS_VERIFY_FAILED";
}
function isCertificateError(raw) {
  const code = codeOf(raw);
  return code !== void 0 && Object.hasOwn(CERTIFICATE_CODES, code);
}
var TLS_STAGES = ["tls-handshake", "tls-verify"];
var PROBE_ERRORS = [
  ProxyResponseError,
  ProxyCertificateError,
  CertificateRejectedError,
  ProxyClosedError,
  ProxyHeadTooLargeError,
  ProxyProtocolError,
  ProxySchemeError,
  ProbeTimeoutError,
  UpgradeHandshakeError,
  ChainRejectedError,
  SocksError,
  DialRefusedError,
  InvalidHostNameError
];
var PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError];
function isNetworkError(raw) {
  if (typeof raw === "string") return true;
  if (!(raw instanceof Error)) return false;
  if (PROBE_ERRORS.some((type) => raw instanceof type) || isAbort(raw)) return true;
  if (PROGRAMMING_ERRORS.some((type) => raw instanceof type)) return false;
  return codeOf(raw) !== void 0 || classifyTlsError(raw, "", "tls-handshake") !== void 0;
}
function classify(raw, stage, context = {}) {
  if (!isNetworkError(raw)) throw raw;
  const cause = causeOf(raw);
  const result = (code2, detail, at = stage) => ({ code: code2, stage: at, detail, cause });
  if (raw instanceof ProxyResponseError) return classifyProxyAnswer(raw, cause);
  if (raw instanceof SocksError) return classifySocks(raw, cause);
  if (raw instanceof ProxyClosedError) return result("PROXY_CLOSED", `The proxy ${raw.message.replace(/^proxy /, "")}.`, "proxy-connect");
  if (raw instanceof ProxyProtocolError) {
    return result("PROXY_NOT_HTTP", `The proxy answered CONNECT with bytes that are not HTTP (${raw.firstBytes}).`, "proxy-connect");
  }
  if (raw instanceof ProxyCertificateError) return result("PROXY_TLS_UNTRUSTED", proxyCertificateDetail(raw), "proxy-connect");
  if (raw instanceof ProxyHeadTooLargeError) {
    return result(
      "PROXY_HEADERS_TOO_LARGE",
      `The proxy answered CONNECT with "${raw.statusLine}" and then more than ${raw.limit / 1024} KB of headers without an end; the doctor stopped reading.`,
      "proxy-connect"
    );
  }
  if (raw instanceof InvalidHostNameError) {
    const what = context.proxied && stage === "dns" ? "The proxy host name" : "The host name";
    return result(context.proxied && stage === "dns" ? "PROXY_UNREACHABLE" : "NET_DNS_NOT_FOUND", `${what} is not a valid host name (${raw.message}): it cannot be looked up.`, "dns");
  }
  if (raw instanceof ProxySchemeError) {
    return result("PROXY_SCHEME_UNSUPPORTED", `${raw.message} (the ${raw.transport === "https" ? "HTTPS" : "WebSocket"} transport cannot use a ${raw.scheme} proxy).`, "proxy-connect");
  }
  if (raw instanceof UpgradeHandshakeError) {
    const { status, reason } = raw.head;
    return result(
      "WS_HANDSHAKE_INVALID",
      `The upgrade got ${status}${reason ? ` ${reason}` : ""} but not a valid WebSocket handshake (${raw.message}): something on the path answered in the server's place, and Codex drops such a connection.`,
      "ws-upgrade"
    );
  }
  if (raw instanceof ChainRejectedError) {
    const code2 = isErrorCode(raw.catalogueCode) ? raw.catalogueCode : "TLS_VERIFY_FAILED";
    if (context.probe === "oauth") return result("OAUTH_TLS_FAILED", `The chain on the token request connection was refused: ${raw.message}`, "tls-verify");
    return result(code2, raw.message, "tls-verify");
  }
  if (raw instanceof ProbeTimeoutError) return classifyTimeout(stage, context, cause, raw.afterMs);
  if (raw instanceof DialRefusedError) {
    return result("LAB_ROUTE_REFUSED", `The lab refused to connect to ${raw.destination}${context.proxied && stage === "dns" ? " (the proxy)" : ""}: a lab run reaches only 127.0.0.1 and the hosts the lab routes, never DNS or the network.`, "dns");
  }
  if (isAbort(raw)) return result("RUN_DEADLINE", `Still waiting at stage ${stage} when the run was stopped.`);
  const code = codeOf(raw) ?? "";
  if (isCertificateError(raw)) {
    const mapped = certificateCode(code);
    if (context.probe === "oauth") return result("OAUTH_TLS_FAILED", `TLS verification failed on the token request connection (${code}).`, "tls-verify");
    return result(mapped, `Node/OpenSSL rejected the certificate chain (${code}).`, "tls-verify");
  }
  const tlsResult = classifyTlsError(raw, code, stage);
  if (tlsResult) {
    if (context.probe === "oauth") {
      return result("OAUTH_TLS_FAILED", `TLS failed on the token request connection: ${tlsResult.detail}`, tlsResult.stage);
    }
    return result(tlsResult.code, tlsResult.detail, tlsResult.stage);
  }
  const beforeTunnel = stage === "dns" || stage === "tcp";
  const peer = context.proxied && beforeTunnel ? "the proxy" : "the host";
  switch (code) {
    case "ENOTFOUND":
      if (context.proxied && beforeTunnel) return result("PROXY_UNREACHABLE", "The proxy host name does not resolve (ENOTFOUND).");
      return result("NET_DNS_NOT_FOUND", "The host name does not resolve (ENOTFOUND).");
    case "EAI_AGAIN":
    case "EAI_FAIL":
    case "ESERVFAIL":
    case "ENODATA":
    case "ETIMEOUT":
      if (context.proxied && beforeTunnel) return result("PROXY_UNREACHABLE", `The DNS lookup of the proxy host failed (${code}).`);
      return result("NET_DNS_FAILED", `The DNS lookup failed (${code}).`);
    case "ECONNREFUSED":
      if (context.proxied && beforeTunnel) return result("PROXY_UNREACHABLE", "The proxy refused the connection (ECONNREFUSED): nothing listens at that address and port.");
      return result("NET_CONNECTION_REFUSED", "The host refused the connection (ECONNREFUSED).");
    case "ENETUNREACH":
    case "EHOSTUNREACH":
    case "EADDRNOTAVAIL":
      if (context.proxied && beforeTunnel) return result("PROXY_UNREACHABLE", `There is no route to the proxy (${code}).`);
      return result("NET_UNREACHABLE", `There is no route to the host (${code}).`);
    case "ETIMEDOUT":
      return result("NET_TIMEOUT", `The connection to ${peer} timed out (ETIMEDOUT).`);
    case "ECONNRESET":
    case "EPIPE":
    case "ECONNABORTED":
    case "ERR_STREAM_PREMATURE_CLOSE":
      return classifyReset(stage, code, cause);
    default:
      return result("NET_ERROR", `The connection failed: ${cause.message}.`);
  }
}
function classifyProxyAnswer(raw, cause) {
  const { status, reason } = raw.head;
  const answer = `${status}${reason ? ` ${reason}` : ""}`;
  const page = pageTitle(raw.body);
  const pageNote = page ? ` Its page says "${page}".` : "";
  if (status === 407) {
    const schemes = raw.authSchemes;
    const offered = schemes.length > 0 ? schemes.join(", ") : "no scheme";
    const basicOffered = schemes.some((s) => s.toLowerCase() === "basic");
    const detail2 = `The proxy answered CONNECT with ${answer} and offers ${offered}.`;
    if (!basicOffered && schemes.length > 0) return { code: "PROXY_AUTH_SCHEME_UNSUPPORTED", stage: "proxy-auth", detail: detail2, cause };
    if (raw.credentialsSent) {
      return { code: "PROXY_AUTH_REJECTED", stage: "proxy-auth", detail: `${detail2} The credentials in the proxy URL were refused.`, cause };
    }
    return { code: "PROXY_AUTH_REQUIRED", stage: "proxy-auth", detail: `${detail2} No credentials were sent.`, cause };
  }
  const detail = `The proxy answered CONNECT with ${answer}.${pageNote}`;
  const codexPolicy = status === 403 ? codexPolicyText(raw.body) : null;
  if (codexPolicy) {
    return { code: "NET_CODEX_POLICY_DENIED", stage: "policy", detail: `Codex's own network policy refused the connection (its managed proxy answered ${answer}: "${codexPolicy.quote}"); the corporate proxy was not asked.`, cause };
  }
  if (status === 403 || status === 451) return { code: "PROXY_BLOCKED", stage: "proxy-connect", detail, cause };
  if (status === 502 || status === 503 || status === 504) return { code: "PROXY_UPSTREAM_FAILED", stage: "proxy-connect", detail, cause };
  return { code: "PROXY_CONNECT_REJECTED", stage: "proxy-connect", detail, cause };
}
function proxyCertificateDetail(raw) {
  const { chain, code } = raw.rejected;
  const last = chain[chain.length - 1];
  const selfSigned = last !== void 0 && last.subject === last.issuer;
  const shown = chain.slice(0, 6).map((cert, i) => `[${i}] ${subjectOf(cert)}`);
  if (last && !selfSigned) shown.push(`${issuerName(last)} (not trusted)`);
  else if (last) shown[shown.length - 1] += " (self-signed, not trusted)";
  const needs = last ? ` Its certificate needs the CA "${selfSigned ? oneLine(last.subject) : oneLine(last.issuer)}" among those roots; nothing was sent through the proxy.` : " Nothing was sent through the proxy.";
  return `The https:// proxy ${raw.proxy} presented a certificate that does not verify against the roots Codex trusts for HTTPS (${code}).${shown.length > 0 ? ` Its chain: ${shown.join(" => ")}.` : ""}${needs}`;
}
function issuerName(cert) {
  return /(?:^|\n)CN=([^\n]*)/.exec(cert.issuer)?.[1] ?? oneLine(cert.issuer);
}
function classifySocks(raw, cause) {
  const of = (code, stage) => ({ code, stage, detail: `The SOCKS proxy: ${raw.message}.`, cause });
  if (raw.reply === null) return of("PROXY_NOT_HTTP", "proxy-connect");
  switch (raw.phase) {
    case "greeting":
      return of(raw.credentialsSent ? "PROXY_AUTH_SCHEME_UNSUPPORTED" : "PROXY_AUTH_REQUIRED", "proxy-auth");
    case "auth":
      return of("PROXY_AUTH_REJECTED", "proxy-auth");
    case "connect":
      if (raw.reply === 2) return of("PROXY_BLOCKED", "proxy-connect");
      if (raw.reply >= 3 && raw.reply <= 6) return of("PROXY_UPSTREAM_FAILED", "proxy-connect");
      return of("PROXY_CONNECT_REJECTED", "proxy-connect");
  }
}
function classifyTimeout(stage, context, cause, afterMs) {
  const after = `after ${afterMs} ms`;
  const of = (code, detail) => ({ code, stage, detail, cause });
  switch (stage) {
    case "proxy-connect":
    case "proxy-auth":
      return of("PROXY_NO_RESPONSE", `The proxy accepted the connection but did not answer CONNECT ${after}.`);
    case "tls-handshake":
    case "tls-verify":
      return of("TLS_HANDSHAKE_TIMEOUT", `The TLS handshake did not complete ${after}.`);
    case "http":
      return of("OAUTH_TIMEOUT", `The token request got no answer ${after}.`);
    case "ws-upgrade":
      return of("WS_TIMEOUT", `The WebSocket upgrade got no answer ${after}.`);
    default:
      return of("NET_TIMEOUT", `No answer from ${context.proxied ? "the proxy" : "the host"} at stage ${stage} ${after}.`);
  }
}
function classifyReset(stage, code, cause) {
  const of = (c, detail) => ({ code: c, stage, detail, cause });
  switch (stage) {
    case "proxy-connect":
    case "proxy-auth":
      return of("PROXY_CLOSED", `The proxy closed the connection without answering CONNECT (${code}).`);
    case "tls-handshake":
    case "tls-verify":
      return of("TLS_HANDSHAKE_RESET", `The connection was closed during the TLS handshake (${code}).`);
    case "ws-upgrade":
      return of("WS_CLOSED", `The connection was closed after the upgrade request, without an answer (${code}).`);
    default:
      return of("NET_CONNECTION_RESET", `The connection was reset (${code}).`);
  }
}
function classifyTlsError(raw, code, stage) {
  const message = raw instanceof Error ? raw.message : String(raw);
  const isTls = code.startsWith("ERR_SSL_") || /SSL routines|alert|wrong version number/i.test(message);
  const closedInHandshake = TLS_STAGES.includes(stage) && (code === "ECONNRESET" || /before secure TLS connection was established/.test(message));
  if (closedInHandshake) return { code: "TLS_HANDSHAKE_RESET", detail: `The connection was closed during the TLS handshake (${code || message}).`, stage: "tls-handshake" };
  if (!isTls) return void 0;
  const at = "tls-handshake";
  const upper = `${code} ${message}`.toUpperCase();
  if (/WRONG_VERSION_NUMBER|WRONG VERSION NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|RECORD_LAYER_FAILURE/.test(upper)) {
    return { code: "TLS_NOT_TLS", detail: `The other end did not answer in TLS (${code || message}).`, stage: at };
  }
  if (/UNSUPPORTED_PROTOCOL|ALERT_PROTOCOL_VERSION|NO_PROTOCOLS_AVAILABLE|VERSION_TOO_LOW|UNSUPPORTED PROTOCOL/.test(upper)) {
    return { code: "TLS_PROTOCOL_TOO_OLD", detail: `No TLS version both sides accept: the server offers only TLS below 1.2 (${code || message}).`, stage: at };
  }
  if (/ALERT/.test(upper)) return { code: "TLS_ALERT", detail: `The other end aborted the TLS handshake with an alert (${code || message}).`, stage: at };
  return { code: "TLS_HANDSHAKE_FAILED", detail: `The TLS handshake failed (${code || message}).`, stage: at };
}
function isAbort(raw) {
  return raw instanceof Error && (raw.name === "AbortError" || raw.code === "ABORT_ERR");
}
function codeOf(raw) {
  if (typeof raw === "string") return raw;
  if (raw && typeof raw === "object" && "code" in raw && typeof raw.code === "string") return raw.code;
  return void 0;
}
function causeOf(raw) {
  if (typeof raw === "string") return { code: raw, message: raw };
  if (raw instanceof Error) {
    const code = codeOf(raw);
    const answer = raw instanceof ProxyResponseError ? proxyAnswerOf(raw.head) : void 0;
    return { name: raw.name, ...code !== void 0 && { code }, message: raw.message, ...answer && { proxyAnswer: answer } };
  }
  return { message: String(raw) };
}
function pageTitle(body) {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const text = (title ?? body.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
  return text === "" ? void 0 : text.slice(0, 120);
}

// src/codex/alpn.ts
var BUNDLE_HTTPS_ALPN = ["h2", "http/1.1"];
var WEBSOCKET_ALPN = [];
var DEFAULT_HTTPS_ALPN = [];
function codexAlpn(transport, withBundle) {
  if (transport === "websocket") return WEBSOCKET_ALPN;
  return withBundle ? BUNDLE_HTTPS_ALPN : DEFAULT_HTTPS_ALPN;
}

// src/codex/anchors.ts
function cachedAnchorParser(parse = parseX509) {
  const parsed = /* @__PURE__ */ new WeakMap();
  return (der) => {
    let cert = parsed.get(der);
    if (cert === void 0) {
      cert = parse(der);
      parsed.set(der, cert);
    }
    return cert;
  };
}
function parseX509(der) {
  try {
    return new (nodeCrypto()).X509Certificate(der);
  } catch {
    return null;
  }
}
function nameKey(name) {
  return name.toLowerCase().replace(/\s+/g, " ").trim();
}
var AnchorIndex = class {
  constructor(inputs, parse = cachedAnchorParser(), subjects = /* @__PURE__ */ new Map()) {
    this.parse = parse;
    for (const input of inputs) {
      const fingerprint = input.fingerprint256 ?? fingerprint256(input.der);
      if (this.anchors.has(fingerprint)) continue;
      const known = input.subject ?? subjects.get(fingerprint);
      const subject = known === void 0 ? certificateSubject(input.der) : known;
      if (!subjects.has(fingerprint)) subjects.set(fingerprint, subject);
      if (subject === null) continue;
      const anchor = { der: input.der, fingerprint256: fingerprint };
      this.anchors.set(fingerprint, anchor);
      const key = nameKey(subject);
      const list = this.bySubject.get(key);
      if (list) list.push(anchor);
      else this.bySubject.set(key, [anchor]);
    }
    this.size = this.anchors.size;
  }
  parse;
  size;
  bySubject = /* @__PURE__ */ new Map();
  /** By fingerprint, in the order first given. */
  anchors = /* @__PURE__ */ new Map();
  matching(chain) {
    return this.parsed(this.candidates(nameKeysOf(chain)));
  }
  pems() {
    return [...this.anchors.values()].map((a) => toPem(a.der));
  }
  fingerprints() {
    return new Set(this.anchors.keys());
  }
  /** The anchors filed under these name keys. */
  candidates(keys) {
    return [...keys].flatMap((key) => this.bySubject.get(key) ?? []);
  }
  parsed(anchors) {
    return anchors.map((a) => this.parse(a.der)).filter((c) => c !== null);
  }
  /** Several sources as one set, without copying them: a 30,000-certificate bundle is indexed once per run. */
  static union(parts) {
    const holders = (fingerprint) => parts.find((p) => p.anchors.has(fingerprint));
    let size;
    return {
      get size() {
        return size ??= parts.reduce((n, part) => n + [...part.anchors.keys()].filter((fp) => holders(fp) === part).length, 0);
      },
      // Each anchor from the first part that holds it.
      matching: (chain) => {
        const keys = nameKeysOf(chain);
        return parts.flatMap((part) => part.parsed(part.candidates(keys).filter((a) => holders(a.fingerprint256) === part)));
      },
      pems: () => parts.flatMap((part) => [...part.anchors.values()].filter((a) => holders(a.fingerprint256) === part).map((a) => toPem(a.der))),
      fingerprints: () => new Set(parts.flatMap((part) => [...part.anchors.keys()]))
    };
  }
};
function nameKeysOf(chain) {
  const keys = /* @__PURE__ */ new Set();
  for (const cert of chain) {
    const names = certificateNames(cert.raw) ?? { issuer: cert.issuer, subject: cert.subject };
    keys.add(nameKey(names.issuer));
    keys.add(nameKey(names.subject));
  }
  return keys;
}

// src/codex/platform-store.ts
var PLATFORM_STORE_TIMEOUT_MS = 8e3;
function platformStoreName(platform) {
  switch (platform) {
    case "darwin":
      return "the macOS keychains (System, SystemRootCertificates, login)";
    case "win32":
      return "the Windows ROOT store (Cert:\\CurrentUser\\Root)";
  }
}
function platformStoreCaveat(platform) {
  switch (platform) {
    case "darwin":
      return "Approximation: every certificate in these keychains counts as a trusted root; Security.framework and rustls-native-certs also honour per-certificate trust settings (`security dump-trust-settings -d` lists the admin ones).";
    case "win32":
      return "Approximation: SChannel is emulated with OpenSSL over the certificates of this store (which includes the LocalMachine roots); for WebSocket only time-valid roots whose key usage allows server authentication count, as rustls-native-certs filters them.";
  }
}
function storePlatformOf(platform) {
  return platform === "darwin" || platform === "win32" ? platform : null;
}
var SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
var ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
async function readPlatformStore(host, platform, options) {
  const queries = await storeQueries(host, platform);
  const reads = await Promise.all(queries.map((query) => readPart(host, query, options)));
  const sources = reads.map((r) => r.source);
  const failed = sources.find((s) => s.error !== null);
  if (failed) return { status: "unread", platform, sources, reason: `${failed.name}: ${failed.error}` };
  const distinct = /* @__PURE__ */ new Map();
  for (const der of reads.flatMap((r) => r.certificates)) distinct.set(der.toString("base64"), der);
  const certificates = [...distinct.values()];
  return { status: "read", platform, sources, certificates, nativeRoots: platform === "win32" ? certificates.filter((der) => usableNativeRoot(der, host.now())) : certificates };
}
async function storeQueries(host, platform) {
  switch (platform) {
    case "darwin": {
      const keychains = ["/Library/Keychains/System.keychain", "/System/Library/Keychains/SystemRootCertificates.keychain"];
      const login = `${host.homeDir.replace(/\/+$/, "")}/Library/Keychains/login.keychain-db`;
      if ((await host.fs.stat(login).catch(() => null))?.kind === "file") keychains.push(login);
      return keychains.map((keychain) => ({
        name: keychain,
        command: `security find-certificate -a -p ${shellQuote(keychain)}`,
        program: "security",
        args: ["find-certificate", "-a", "-p", keychain],
        empty: (code, stderr) => code === 44 && /could not be found/i.test(stderr)
      }));
    }
    case "win32":
      return [
        {
          name: "Cert:\\CurrentUser\\Root",
          command: "Get-ChildItem Cert:\\CurrentUser\\Root",
          program: "powershell",
          args: [
            "-NoProfile",
            "-NonInteractive",
            "-Command",
            "Get-ChildItem -Path Cert:\\CurrentUser\\Root | ForEach-Object { '-----BEGIN CERTIFICATE-----'; [Convert]::ToBase64String($_.RawData); '-----END CERTIFICATE-----' }"
          ]
        }
      ];
  }
}
async function readPart(host, query, options) {
  const outcome = await execWithin(host, query.program, query.args, options);
  const failed = (error) => ({ source: { name: query.name, command: query.command, certificates: 0, error }, certificates: [] });
  switch (outcome.kind) {
    case "timeout":
      return failed(`${query.program} did not answer within ${outcome.timeoutMs} ms`);
    case "aborted":
      return failed(`the run ended before ${query.program} answered`);
    case "error":
      return failed(`${query.program} could not be run (${outcome.message})`);
    case "exited":
      break;
  }
  const { code, stdout, stderr } = outcome.result;
  if (code === null) return failed(`${query.program} could not be run or was stopped`);
  if (code !== 0) {
    if (query.empty?.(code, stderr)) return { source: { name: query.name, command: query.command, certificates: 0, error: null }, certificates: [] };
    const said = stderr.trim().split(/\r?\n/)[0]?.replace(/\.$/, "");
    return failed(`${query.program} exited with code ${code}${said ? `: ${said}` : ""}`);
  }
  const pem = parseCodexPem(Buffer.from(stdout, "utf8"), { normaliseTrusted: false });
  if (!pem.ok && !(pem.failure.kind === "no-certificates" && stdout.trim() === "")) {
    return failed(`${query.program} printed something that is not a list of PEM certificates (${pem.codexDetail})`);
  }
  const certificates = pem.ok ? pem.certificates.map((c) => c.der) : [];
  return { source: { name: query.name, command: query.command, certificates: certificates.length, error: null }, certificates };
}
function usableNativeRoot(der, now) {
  const read = readCertificate(der);
  if (!read.ok) return false;
  const usages = read.facts.extendedKeyUsage;
  const serverAuth = usages === null || usages.includes(SERVER_AUTH) || usages.includes(ANY_EXTENDED_KEY_USAGE);
  return serverAuth && validityAt(read.facts, now) === "valid";
}

// src/checks/trust-sets.ts
var MAX_LIKELY_ANCHORS = 16;
var MAX_WHOLE_SET_GUESS = 300;
var MAX_WHOLE_SET_PEM_CHARS = 1024 * 1024;
var NO_GUESS = { pems: [], fingerprints: /* @__PURE__ */ new Set() };
var cache = /* @__PURE__ */ new WeakMap();
var platformStores = /* @__PURE__ */ new WeakMap();
function trustSetsFor(host, world, plan, bundle, bound) {
  let byPlan = cache.get(world);
  if (!byPlan) {
    byPlan = /* @__PURE__ */ new Map();
    cache.set(world, byPlan);
  }
  let sets = byPlan.get(plan);
  if (!sets) {
    sets = loadTrustSets(host, world, plan, bundle, bound);
    byPlan.set(plan, sets);
  }
  return sets;
}
function platformStoreFor(host, world, bound) {
  const platform = storePlatformOf(host.platform);
  if (platform === null || host.systemStore !== void 0) return null;
  let load = platformStores.get(world);
  if (!load) {
    const timeoutMs = Math.max(0, Math.min(PLATFORM_STORE_TIMEOUT_MS, bound.deadline - host.monotonic()));
    load = readPlatformStore(host, platform, { timeoutMs, signal: bound.signal });
    platformStores.set(world, load);
  }
  return load;
}
async function loadTrustSets(host, world, plan, bundle, bound) {
  const nativePlan = plan.websocket.native?.plan ?? null;
  const platformTls = plan.https.verifier === "security-framework" || plan.https.verifier === "schannel";
  const storeLoad = platformTls || nativePlan?.kind === "platform-store" ? platformStoreFor(host, world, bound) : null;
  const parse = cachedAnchorParser();
  const subjects = /* @__PURE__ */ new Map();
  const indexes = /* @__PURE__ */ new Map();
  const indexOf = (group) => {
    let index = indexes.get(group.certs);
    if (!index) {
      index = new AnchorIndex(group.certs, parse, subjects);
      indexes.set(group.certs, index);
    }
    return index;
  };
  const publicGroup = {
    label: publicRootsLabel(host),
    certs: publicRootInputs(host)
  };
  const bundleGroup = bundleRoots(plan, bundle);
  const native = nativePlan ? await nativeLoad(host, nativePlan, bundle) : null;
  const store = await storeLoad;
  const storeRoots = (which) => store?.status === "read" ? { label: `${platformStoreName(store.platform)}, read with ${store.platform === "darwin" ? "security" : "PowerShell"}`, certs: derInputs(store[which]) } : null;
  const unreadStandIn = { ...publicGroup, label: `public roots standing in for ${store ? platformStoreName(store.platform) : "the OS store"} (could not be read)` };
  const nativeGroup = native ? native.plan.kind === "platform-store" ? storeRoots("nativeRoots") ?? { label: `${platformStoreName(native.plan.platform)} (could not be read)`, certs: [] } : nativeRootGroup(native) : null;
  const nativeStore = native?.plan.kind === "platform-store" ? store : null;
  let likely;
  const likelyAnchors = () => likely ??= bundleGroup ? likelyAnchorsOf(indexOf(bundleGroup), () => indexOf(publicGroup)) : NO_GUESS;
  const build = (transport, trust, groups, platformStore) => {
    let anchors;
    let pems;
    let whole2;
    return {
      transport,
      verifier: trust.verifier,
      alpn: codexAlpn(transport, trust.bundle !== null),
      get anchors() {
        return anchors ??= AnchorIndex.union(groups.map(indexOf));
      },
      get likelyAnchors() {
        const guess = likelyAnchors();
        if (guess !== NO_GUESS) return guess;
        return whole2 ??= this.anchors.size <= MAX_WHOLE_SET_GUESS && this.pems.reduce((n, pem) => n + pem.length, 0) <= MAX_WHOLE_SET_PEM_CHARS ? { pems: this.pems, fingerprints: this.anchors.fingerprints() } : NO_GUESS;
      },
      get pems() {
        return pems ??= this.anchors.pems();
      },
      get sources() {
        return groups.map((g) => `${g.label} (${indexOf(g).size})`);
      },
      sentence: trust.sentence,
      approximate: platformStore !== null,
      platformStore
    };
  };
  let https;
  if (plan.https.verifier === "rustls") {
    const groups = [bundleGroup, publicGroup, nativeGroup].filter((g) => g !== null);
    https = build("https", plan.https, groups, nativeStore);
  } else if (plan.https.verifier === "openssl") {
    const opensslRoots = await opensslStore(host, world);
    https = build("https", plan.https, [opensslRoots, ...bundleGroup ? [bundleGroup] : []], null);
  } else {
    https = build("https", plan.https, [storeRoots("certificates") ?? unreadStandIn, ...bundleGroup ? [bundleGroup] : []], store);
  }
  const wsNative = nativeGroup && (native?.plan.kind !== "platform-store" || store?.status === "read") ? nativeGroup : null;
  const websocket = build("websocket", plan.websocket, [wsNative ?? unreadStandIn, ...bundleGroup ? [bundleGroup] : []], nativeStore);
  return {
    plan,
    https,
    websocket,
    platformStore: store,
    get publicRoots() {
      return indexOf(publicGroup);
    },
    nativeRootFiles: [.../* @__PURE__ */ new Set([...osStoreFiles(host), ...native?.sources.filter((s) => s.kind === "file" && s.certificates > 0).map((s) => s.path) ?? []])]
  };
}
function likelyAnchorsOf(index, publicRoots) {
  let anchors = [...index.anchors.values()];
  if (anchors.length > MAX_LIKELY_ANCHORS && publicRoots) {
    const known = publicRoots().anchors;
    anchors = anchors.filter((a) => !known.has(a.fingerprint256));
  }
  if (anchors.length > MAX_LIKELY_ANCHORS) return NO_GUESS;
  return { pems: anchors.map((a) => toPem(a.der)), fingerprints: new Set(anchors.map((a) => a.fingerprint256)) };
}
function bundleRoots(plan, bundle) {
  const ref = plan.websocket.bundle ?? plan.https.bundle;
  if (!ref) return null;
  return { label: `${ref.variable} ${ref.raw}`, certs: bundle?.certificates ?? [] };
}
var derInputsOf = /* @__PURE__ */ new WeakMap();
function derInputs(ders) {
  let inputs = derInputsOf.get(ders);
  if (!inputs) {
    inputs = ders.map((der) => ({ der }));
    derInputsOf.set(ders, inputs);
  }
  return inputs;
}
async function nativeLoad(host, plan, bundle) {
  if (bundle?.nativeRoots && sameLocations(bundle.nativeRoots.plan, plan)) return bundle.nativeRoots;
  return loadNativeRoots(host, plan);
}
function sameLocations(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function nativeRootGroup(load) {
  const where = load.sources.filter((s) => s.certificates > 0).map((s) => s.path);
  const label = load.plan.kind === "env" ? `native roots from ${load.plan.replacedBy.join(" and ")} only${where.length > 0 ? `: ${where.join(", ")}` : " (nothing loaded)"}` : `native roots${where.length > 0 ? `: ${where.join(", ")}` : " (nothing found)"}`;
  return { label, certs: derInputs(load.certificates) };
}
async function opensslStore(host, world) {
  const env = world.env;
  const exists = async (path, kind) => path !== void 0 && path !== "" && (await host.fs.stat(path).catch(() => null))?.kind === kind;
  const defaults = nativeRootLocations({}, host.platform, host.systemStore, host.cwd);
  if (defaults.kind !== "files") return { label: "platform store (not readable here)", certs: [] };
  const file = await exists(env.SSL_CERT_FILE, "file") ? env.SSL_CERT_FILE : void 0;
  const dir = await exists(env.SSL_CERT_DIR, "directory") ? env.SSL_CERT_DIR : void 0;
  const plan = {
    ...defaults,
    fileCandidates: file ? [file] : defaults.fileCandidates,
    dirs: dir ? [dir] : defaults.dirs
  };
  const load = await loadNativeRoots(host, plan);
  const where = load.sources.filter((s) => s.certificates > 0).map((s) => s.path);
  return {
    label: `OpenSSL store${where.length > 0 ? `: ${where.join(", ")}` : " (nothing found)"}`,
    certs: derInputs(load.certificates)
  };
}
function osStoreFiles(host) {
  const defaults = nativeRootLocations({}, host.platform, host.systemStore, host.cwd);
  return defaults.kind === "files" ? defaults.fileCandidates : [];
}
function anchorsFor(set, chain) {
  return set.anchors.matching(chain);
}

// src/net/tunnel.ts
import { TLSSocket } from "node:tls";
var MAX_HEAD_BYTES = 64 * 1024;
var MAX_STATUS_LINE = 8 * 1024;
var MAX_BODY_BYTES = 4096;
function proxyCredentials(rawProxyValue, split = "last-at") {
  const afterScheme = rawProxyValue.includes("://") ? rawProxyValue.slice(rawProxyValue.indexOf("://") + 3) : rawProxyValue;
  const authorityEnd = afterScheme.search(/[/?#]/);
  const authority = authorityEnd === -1 ? afterScheme : afterScheme.slice(0, authorityEnd);
  const at = split === "first-at" ? authority.indexOf("@") : authority.lastIndexOf("@");
  if (at === -1) return void 0;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(":");
  return {
    username: percentDecode(colon === -1 ? userinfo : userinfo.slice(0, colon)),
    password: colon === -1 ? "" : percentDecode(userinfo.slice(colon + 1))
  };
}
function basicAuthorization(credentials) {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, "utf8").toString("base64")}`;
}
async function openTunnel(request) {
  const { socket, target, authorization, signal } = request;
  if (socket instanceof TLSSocket && !isVerified(socket)) throw new Error("refusing to send CONNECT over an unverified TLS connection");
  const authority = authorityOf(target);
  const { clientOver } = await import("./undici-socket-J6RI7KRV.mjs");
  return abortable(signal, (resolve, reject) => {
    let granted = false;
    const client = clientOver(socket, `http://${authority}`, { allowH2: false, maxHeaderSize: MAX_HEAD_BYTES });
    const answer = new AnswerStart();
    const tap = (chunk) => {
      answer.add(chunk);
      if (answer.statusLineTooLong()) reject(new ProxyHeadTooLargeError(answer.firstLine(), MAX_HEAD_BYTES));
    };
    client.once("connect", () => socket.on("data", tap));
    client.dispatch(
      {
        method: "CONNECT",
        path: authority,
        headers: { host: authority, ...authorization && { "proxy-authorization": authorization } }
      },
      {
        onConnect: () => {
        },
        onHeaders: () => true,
        onData: () => true,
        onComplete: () => {
        },
        onError: (error) => reject(proxyError(error, answer)),
        // undici hands any answer to CONNECT over here, the socket with the bytes after the head unshifted.
        onUpgrade: (status, rawHeaders, tunnel) => {
          socket.off("data", tap);
          const head = { status, ...answer.statusLine(), headers: headerLists(rawHeaders ?? []) };
          if (status >= 200 && status < 300) {
            granted = true;
            tunnel.pause();
            resolve({ socket: tunnel, head });
            return;
          }
          refusalBody(tunnel, head).then((body) => reject(new ProxyResponseError(head, body, authorization !== void 0)), reject);
        }
      }
    );
    return () => {
      socket.off("data", tap);
      void client.destroy().catch(() => {
      });
      if (!granted) socket.destroy();
    };
  });
}
var AnswerStart = class {
  bytes = Buffer.alloc(0);
  received = 0;
  add(chunk) {
    this.received += chunk.length;
    if (this.bytes.length < MAX_STATUS_LINE) this.bytes = Buffer.concat([this.bytes, chunk.subarray(0, MAX_STATUS_LINE - this.bytes.length)]);
  }
  statusLineTooLong() {
    return this.bytes.length >= MAX_STATUS_LINE && !this.bytes.includes("\r\n");
  }
  /** Version and reason phrase from the status line; undici has already checked that it is one. */
  statusLine() {
    const line = this.bytes.subarray(0, Math.max(0, this.bytes.indexOf("\r\n"))).toString("latin1");
    const match = /^HTTP\/(\d(?:\.\d)?) \d{3}(?: (.*))?$/.exec(line);
    return { reason: match?.[2] ?? "", ...match && { version: match[1] } };
  }
  /** The first line, printable and bounded: it is all a user needs to recognise the answer. */
  firstLine() {
    const end = this.bytes.indexOf("\r\n");
    return printable(this.bytes.subarray(0, Math.min(end === -1 ? this.bytes.length : end, 80)));
  }
  firstBytes() {
    return printable(this.bytes.subarray(0, 16));
  }
};
function proxyError(error, answer) {
  const code = error.code ?? "";
  if (code === "UND_ERR_HEADERS_OVERFLOW") return new ProxyHeadTooLargeError(answer.firstLine(), MAX_HEAD_BYTES);
  if (error.name === "HTTPParserError" || code === "UND_ERR_SOCKET" && /^bad (response|upgrade)$/.test(error.message)) return new ProxyProtocolError(answer.firstBytes());
  if (code === "UND_ERR_SOCKET" || error instanceof ConnectionGoneError) return new ProxyClosedError(answer.received);
  return error;
}
function refusalBody(tunnel, head) {
  return new Promise((resolve, reject) => {
    let body = Buffer.alloc(0);
    const finish = () => {
      tunnel.off("data", onData);
      tunnel.off("end", finish);
      tunnel.off("close", finish);
      tunnel.off("error", reject);
      resolve(bodyText(head, body));
    };
    const onData = (chunk) => {
      body = Buffer.concat([body, chunk.subarray(0, MAX_BODY_BYTES - body.length)]);
      if (bodyComplete(head, body)) finish();
    };
    tunnel.on("data", onData);
    tunnel.once("end", finish);
    tunnel.once("close", finish);
    tunnel.once("error", reject);
    if (bodyComplete(head, body)) finish();
  });
}
function authorityOf(target) {
  const host = bareHost(target.host);
  return host.includes(":") ? `[${host}]:${target.port}` : `${host}:${target.port}`;
}
function bodyComplete(head, body) {
  if (body.length >= MAX_BODY_BYTES) return true;
  const length = Number(head.headers["content-length"]?.[0]);
  if (Number.isFinite(length)) return body.length >= length;
  if (isChunked(head)) return body.includes("\r\n0\r\n\r\n") || body.subarray(0, 5).toString("latin1") === "0\r\n\r\n";
  return false;
}
function bodyText(head, body) {
  const capped = body.subarray(0, MAX_BODY_BYTES);
  return (isChunked(head) ? dechunk(capped) : capped).toString("utf8");
}
function isChunked(head) {
  return (head.headers["transfer-encoding"] ?? []).some((value) => /chunked/i.test(value));
}
function dechunk(body) {
  const parts = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf("\r\n", offset);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.subarray(offset, lineEnd).toString("latin1"), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, Math.min(lineEnd + 2 + size, body.length)));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
function printable(bytes) {
  return bytes.toString("latin1").replace(/[^\x20-\x7e]/g, ".");
}
function percentDecode(value) {
  return Buffer.from(value.replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))), "latin1").toString("utf8");
}

// src/checks/network.ts
function routeFrom(decision, env, override) {
  switch (decision.kind) {
    case "direct":
      return { kind: "direct", note: decision.reason, ...decision.hiddenBy && { hiddenBy: decision.hiddenBy } };
    case "bypassed":
      return {
        kind: "direct",
        note: `${proxySourceName(decision.noProxyVariable)} entry "${decision.noProxyEntry}" bypasses ${proxySourceName(decision.variable)}`,
        bypass: { entry: decision.noProxyEntry, noProxyVariable: decision.noProxyVariable, proxyVariable: decision.variable }
      };
    case "unsupported":
    case "invalid":
      return { kind: "unusable", decision };
    case "proxy": {
      const raw = decision.variable === "--proxy" ? override : decision.variable === "system" ? void 0 : env[decision.variable];
      const credentials = raw === void 0 ? void 0 : proxyCredentials(raw.trim(), decision.transport === "https" ? "first-at" : "last-at");
      return { kind: "proxy", proxy: decision.url, variable: decision.variable, ...credentials && { credentials } };
    }
  }
}
function describeRoute(route, target) {
  const to = `${target.host}:${target.port}`;
  switch (route.kind) {
    case "direct":
      return `${to} directly (${route.note})`;
    case "proxy":
      return `${to} through ${route.proxy.display} (${proxySourceName(route.variable)}${route.credentials ? ", with a user name and password" : ""})`;
    case "unusable":
      return `${to}: ${proxySourceName(route.decision.variable)} cannot be used (${route.decision.message})`;
  }
}
var StageFailure = class extends Error {
  constructor(stage, raw, aboutTarget = false) {
    super(`failed at ${stage}`);
    this.stage = stage;
    this.raw = raw;
    this.aboutTarget = aboutTarget;
  }
  stage;
  raw;
  aboutTarget;
};
var Stager = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  current = "input";
  async step(stage, run) {
    this.current = stage;
    this.ctx.stage(stage);
    try {
      return await run();
    } catch (error) {
      throw error instanceof StageFailure || !isNetworkError(error) ? error : new StageFailure(stage, error);
    }
  }
};
function classifyFailure(error, stager, context) {
  if (error instanceof StageFailure) return classify(error.raw, error.stage, error.aboutTarget ? { ...context, proxied: false } : context);
  return classify(error, stager.current, context);
}
function probeBudget(ctx) {
  const margin = Math.min(1e3, Math.max(50, ctx.options.timeoutMs * 0.1));
  const remaining = Math.max(0, ctx.deadline - ctx.host.monotonic() - margin);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new ProbeTimeoutError(Math.round(ctx.options.timeoutMs - margin))), remaining);
  timer.unref?.();
  return { signal: AbortSignal.any([ctx.signal, controller.signal]), dispose: () => clearTimeout(timer) };
}
async function throughPath(stager, input, use) {
  const opened = await openPath(stager, input);
  try {
    return await use(opened);
  } catch (error) {
    opened.socket.destroy();
    throw error;
  }
}
async function openPath(stager, input) {
  const { target, route, dialing, signal } = input;
  if (route.kind === "unusable") {
    const { decision } = route;
    const scheme = decision.kind === "unsupported" ? decision.scheme : "invalid";
    throw new StageFailure("proxy-connect", new ProxySchemeError(scheme || "scheme-less", decision.transport, decision.message));
  }
  const hop = route.kind === "proxy" ? { host: route.proxy.host, port: route.proxy.port } : target;
  const dialed = await stager.step("dns", () => resolveTarget(hop, dialing, signal));
  const tcp = await stager.step("tcp", () => connectTcp(dialed, signal));
  if (route.kind === "direct") return { socket: tcp, dialed, connect: null };
  try {
    return await throughProxy(stager, input, route, tcp, dialed);
  } catch (error) {
    tcp.destroy();
    throw error;
  }
}
async function throughProxy(stager, input, route, tcp, dialed) {
  const { target, dialing, signal } = input;
  if (route.proxy.scheme === "socks5" || route.proxy.scheme === "socks5h") {
    const destination = route.proxy.scheme === "socks5" ? await stager.step("dns", () => resolveTarget(target, dialing, signal).catch((raw) => Promise.reject(new StageFailure("dns", raw, true)))) : null;
    const socket = await stager.step(
      "proxy-connect",
      () => socks5Connect({
        socket: tcp,
        target: destination ? { host: destination.address, port: destination.port } : target,
        ...route.credentials && { credentials: route.credentials },
        signal
      })
    );
    return { socket, dialed, connect: null };
  }
  return stager.step("proxy-connect", async () => {
    const toProxy = route.proxy.scheme === "https" ? await verifiedTls({ socket: tcp, servername: route.proxy.host, verifier: { kind: "openssl", ca: input.proxyCa() }, signal }).catch(
      (error) => (
        // The proxy's own certificate, not the target's: said as such, with the proxy's chain.
        Promise.reject(error instanceof CertificateRejectedError ? new ProxyCertificateError(`${route.proxy.host}:${route.proxy.port}`, error) : error)
      )
    ) : tcp;
    const authorization = route.credentials ? basicAuthorization(route.credentials) : void 0;
    const tunnel = await openTunnel({ socket: toProxy, target, ...authorization && { authorization }, signal });
    return { socket: tunnel.socket, dialed, connect: tunnel.head };
  });
}
var NO_ROOTS = { pems: [], fingerprints: /* @__PURE__ */ new Set() };
async function captureChain(stager, input, request) {
  const rustls = request.verifier?.kind === "custom" ? request.verifier : void 0;
  const handshake = (ca, verifier) => throughPath(stager, input, async (opened) => {
    const tls = { socket: opened.socket, servername: request.servername, ca, alpn: request.alpn, signal: input.signal };
    const { capture, socket, accepted } = await stager.step(
      "tls-handshake",
      () => verifier ? captureVerified(tls, verifier, request.keep === true) : captureTls(tls).then((c) => ({ capture: c, socket: null, accepted: false }))
    );
    return { capture, connect: opened.connect, socket, accepted };
  });
  if (request.judge === false) return handshake(NO_ROOTS.pems, rustls);
  const likely = request.set.likelyAnchors;
  if (rustls && request.set.verifier === "rustls") {
    const first2 = await handshake(NO_ROOTS.pems, rustls);
    if (first2.accepted) return { ...first2, capture: { ...first2.capture, node: null } };
    const anchors2 = anchorsFor(request.set, first2.capture.chain);
    const judged2 = await handshake(anchors2.length > 0 ? anchors2.map((c) => c.toString()) : likely.pems);
    return { ...first2, capture: { ...first2.capture, node: judged2.capture.node } };
  }
  const first = await handshake(likely.pems, rustls);
  const anchors = anchorsFor(request.set, first.capture.chain);
  if (anchors.every((anchor) => likely.fingerprints.has(anchor.fingerprint256))) return first;
  const judged = await handshake(anchors.map((c) => c.toString()));
  return { ...first, capture: { ...first.capture, node: judged.capture.node } };
}
var KeptConnection = class {
  socket;
  constructor(socket, runSignal) {
    this.socket = socket;
    socket.unref();
    runSignal.addEventListener("abort", () => this.close(), { once: true });
  }
  /** The connection while it is still open (a proxy may close an idle one), else null: the caller opens its own. */
  take() {
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.destroyed || !socket.readable || !socket.writable) {
      socket?.destroy();
      return null;
    }
    socket.ref();
    return socket;
  }
  close() {
    this.socket?.destroy();
    this.socket = null;
  }
};
function chainLine(chain, anchor) {
  const parts = chain.map((cert, i) => `[${i}] ${commonName(cert)}`);
  const last = chain[chain.length - 1];
  if (anchor && last?.fingerprint256 !== anchor.fingerprint256) parts.push(`${commonName(anchor)} (trust anchor)`);
  else if (!anchor && last) parts.push(`${issuerCommonName(last)} (not trusted)`);
  return parts.join(" => ");
}
function certificateLines(chain) {
  return chain.map((cert, i) => {
    const read = readCertificate(cert.raw);
    const facts = read.ok ? read.facts : null;
    const details = facts ? `${describeKey(facts.publicKey)}, ${facts.signature.name}, ${facts.isCa ? "CA, " : ""}${facts.hasSubjectAltName ? `SAN ${cert.subjectAltName ?? ""}, ` : "no SAN, "}valid ${facts.notBefore.toISOString().slice(0, 10)}..${facts.notAfter.toISOString().slice(0, 10)}` : "unreadable";
    return `[${i}] ${oneLine(cert.subject)} | issuer ${oneLine(cert.issuer)} | ${details} | SHA-256 ${cert.fingerprint256}`;
  });
}
var commonName = subjectOf;
function issuerCommonName(cert) {
  return /(?:^|\n)CN=([^\n]*)/.exec(cert.issuer)?.[1] ?? oneLine(cert.issuer);
}

// src/intel/corporate-roots.ts
import { X509Certificate } from "node:crypto";
var MAX_FILE_BYTES = 4 * 1024 * 1024;
var MAX_FILES_PER_DIR = 200;
var UNIX = ["linux", "freebsd", "openbsd", "sunos", "aix"];
var CORPORATE_ROOT_LOCATIONS = [
  { path: "/usr/local/share/ca-certificates", kind: "dir", platforms: UNIX, note: "Debian/Ubuntu local CAs (update-ca-certificates)" },
  { path: "/etc/pki/ca-trust/source/anchors", kind: "dir", platforms: UNIX, note: "RHEL/Fedora anchors (update-ca-trust)" },
  { path: "/usr/local/share/ca-certificates/zscaler-root.crt", kind: "file", platforms: UNIX, note: "Zscaler root as installed by IT" },
  { path: "/Library/Application Support/Netskope/STAgent/data/nscacert.pem", kind: "file", platforms: ["darwin"], note: "Netskope client" },
  { path: "/Library/Application Support/Netskope/STAgent/data/nscacert_combined.pem", kind: "file", platforms: ["darwin"], note: "Netskope client (combined bundle)" },
  { path: "~/.mitmproxy/mitmproxy-ca-cert.pem", kind: "file", platforms: "all", note: "mitmproxy" }
];
var SAVED_BY_USER = ["~/Downloads", "~/Desktop", "~/Documents", "~"];
var CERTIFICATE_FILE = /\.(pem|crt|cer|der|cert)$/i;
async function findIssuerOnDisk(host, input) {
  const targets = [];
  for (const file of input.nativeRootFiles) targets.push({ path: file, kind: "file", source: { kind: "native-roots" } });
  for (const location of CORPORATE_ROOT_LOCATIONS) {
    if (location.platforms !== "all" && !location.platforms.includes(host.platform)) continue;
    targets.push({ path: expandHome(location.path, host.homeDir), kind: location.kind, source: { kind: "corporate-location", note: location.note } });
  }
  for (const variable of ["CODEX_CA_CERTIFICATE", ...TOOL_CA_VARIABLES.filter((v) => v.kind === "ca-file").map((v) => v.name)]) {
    const value = input.env[variable];
    if (value) targets.push({ path: value, kind: "file", source: { kind: "variable", variable } });
  }
  for (const { path, variable } of input.ignoredNames ?? []) targets.push({ path, kind: "file", source: { kind: "variable", variable } });
  for (const folder of SAVED_BY_USER) targets.push({ path: expandHome(folder, host.homeDir), kind: "dir", source: { kind: "saved-by-user" }, certificateNamesOnly: true });
  const seen = /* @__PURE__ */ new Set();
  const found = [];
  const consider = async (path, source) => {
    if (seen.has(path)) return;
    seen.add(path);
    const candidate = await issuerIn(host, path, input.orphan);
    if (candidate) found.push({ ...candidate, path, source });
  };
  for (const target of targets) {
    if (target.kind === "file") {
      await consider(target.path, target.source);
      continue;
    }
    const listed = await host.fs.readdir(target.path).catch(() => []);
    const names = target.certificateNamesOnly ? listed.filter((name) => CERTIFICATE_FILE.test(name)) : listed;
    for (const name of names.sort().slice(0, MAX_FILES_PER_DIR)) {
      await consider(`${target.path.replace(/\/+$/, "")}/${name}`, target.source);
    }
  }
  return found;
}
async function issuerIn(host, path, orphan) {
  let bytes;
  try {
    const stat = await host.fs.stat(path);
    if (stat?.kind !== "file" || stat.size > MAX_FILE_BYTES) return null;
    bytes = (await host.fs.readFile(path, MAX_FILE_BYTES)).bytes;
  } catch {
    return null;
  }
  const pem = parseCodexPem(bytes);
  const certs = [];
  if (pem.ok) {
    for (const { der } of pem.certificates) {
      const cert = x509(der);
      if (cert) certs.push({ cert, format: "pem" });
    }
  } else {
    const cert = x509(bytes);
    if (cert) certs.push({ cert, format: "der" });
  }
  const match = certs.find(({ cert }) => issuedBy(orphan, cert));
  return match ? { format: match.format, subject: oneLine(match.cert.subject) } : null;
}
function x509(der) {
  try {
    return new X509Certificate(der);
  } catch {
    return null;
  }
}
function expandHome(path, homeDir) {
  if (path === "~") return homeDir;
  return path.startsWith("~/") ? `${homeDir.replace(/\/+$/, "")}/${path.slice(2)}` : path;
}
async function relatedCaIn(host, file, issuer) {
  if (issuer.organisation === null) return null;
  try {
    const stat = await host.fs.stat(file);
    if (stat?.kind !== "file" || stat.size > MAX_FILE_BYTES) return null;
    const pem = parseCodexPem((await host.fs.readFile(file, MAX_FILE_BYTES)).bytes);
    if (!pem.ok) return null;
    for (const { der } of pem.certificates) {
      const cert = x509(der);
      if (cert?.ca && organisationOf(cert.subject) === issuer.organisation && oneLine(cert.subject) !== issuer.name) return oneLine(cert.subject);
    }
  } catch {
    return null;
  }
  return null;
}
function organisationOf(subject) {
  return /(?:^|\n)O=([^\n]*)/.exec(subject)?.[1] ?? null;
}
function defaultFixPaths(codexHome, platform) {
  return { combined: joinPath(codexHome, "ca-bundle.pem", platform), converted: joinPath(codexHome, "corporate-root.pem", platform) };
}
function fixForMissingIssuer(input) {
  const { candidates, issuer, currentBundle, words } = input;
  const { combined, converted } = input.paths ?? defaultFixPaths(input.codexHome, input.platform);
  const ranked = [...candidates].sort((a, b) => SOURCE_RANK[a.source.kind] - SOURCE_RANK[b.source.kind]);
  const pem = ranked.find((c) => c.format === "pem");
  const der = ranked.find((c) => c.format === "der");
  const hints = [];
  const pointAt = (path) => ({ kind: "set-env", name: "CODEX_CA_CERTIFICATE", value: path, target: "shell-profile" });
  if (pem) {
    if (currentBundle?.variable === "CODEX_CA_CERTIFICATE" && currentBundle.path !== pem.path) {
      hints.push(
        words.fix(
          `${describe(pem)} holds the issuer "${issuer}", but Codex reads ${currentBundle.path} (${currentBundle.variable}). Combine both into one bundle and point CODEX_CA_CERTIFICATE at it (it adds to the public and OS roots).`,
          { kind: "sequence", steps: [{ kind: "write-bundle", to: combined, sources: [currentBundle.path, pem.path] }, pointAt(combined)] }
        )
      );
    } else {
      hints.push(words.fix(`${describe(pem)} holds the issuer "${issuer}". Point CODEX_CA_CERTIFICATE at it: Codex adds it to the public and OS roots, for login and for streaming.`, pointAt(pem.path)));
    }
  } else if (der) {
    hints.push(
      words.fix(
        `${describe(der)} holds the issuer "${issuer}" in binary DER form, which Codex cannot read. Convert it to PEM and point CODEX_CA_CERTIFICATE at the copy.`,
        { kind: "sequence", steps: [{ kind: "convert-certificate", from: der.path, to: converted, format: "der" }, pointAt(converted)] }
      )
    );
  } else if (input.relatedCa !== void 0 && currentBundle) {
    hints.push(missingIntermediate(input, input.relatedCa, currentBundle.path));
  } else {
    hints.push(input.platformStore === void 0 ? exportFromStore(input, converted) : rootFromIt(input, converted));
  }
  if (input.platformStore === "unread") {
    const check = checkStoreHint(input);
    if (check) hints.unshift(check);
  }
  if (currentBundle?.variable === "SSL_CERT_FILE") {
    hints.push(
      words.fix(
        "SSL_CERT_FILE also replaces the OS store for Codex's WebSocket and is read by other tools: prefer CODEX_CA_CERTIFICATE and unset SSL_CERT_FILE unless another tool needs it.",
        words.unsetting("SSL_CERT_FILE")
      )
    );
  }
  return hints;
}
var SOURCE_RANK = { "corporate-location": 0, variable: 1, "saved-by-user": 2, "native-roots": 3 };
function exportFromStore(input, out) {
  const cn = input.issuerCn ?? input.issuer;
  const { words } = input;
  const export_ = words.commands.exportOsRoot(input.platform, cn, out);
  if (export_ !== null) {
    const where = input.platform === "darwin" ? "the System keychain as PEM" : "your Windows ROOT store, convert it to Base-64 (PEM)";
    return words.manual(
      `No file on disk holds the issuer "${input.issuer}"${searchedWords(input)}. Export it from ${where} and point CODEX_CA_CERTIFICATE at it.`,
      { kind: "manual", topic: "export-os-root" },
      `${export_}${words.commands.and}${words.commands.setEnv("CODEX_CA_CERTIFICATE", out)}`
    );
  }
  return askIt(
    `No file on disk holds the issuer "${input.issuer}"${searchedWords(input)}. Ask your IT team for that root certificate in PEM form (or install it under /usr/local/share/ca-certificates and run update-ca-certificates), save it as ${words.show(out)}, and point CODEX_CA_CERTIFICATE at it.`
  );
}
function rootFromIt(input, out) {
  const where = input.platformStore === "read" ? `is in no file on disk${searchedWords(input)} and not in the ${input.platform === "win32" ? "Windows ROOT store" : "macOS keychains"} the doctor read` : `is in no file on disk${searchedWords(input)}; if the command above does not find it either, it is missing`;
  return askIt(
    `The issuer "${input.issuer}" ${where}. Get that root certificate in PEM form from your IT team (the inspection product's admin console exports it), save it as ${input.words.show(out)} and point CODEX_CA_CERTIFICATE at it: Codex adds it to the public and OS roots, for login and for streaming.`
  );
}
function missingIntermediate(input, relatedCa, bundle) {
  const shown = input.words.show(bundle);
  return {
    text: `${shown} holds "${relatedCa}" but not the issuer "${input.issuer}" of the same organisation: that is most likely an intermediate certificate the proxy does not send (browsers fetch it themselves, Codex never does). Ask your network team to make the proxy send its intermediate with every certificate it presents, or for that intermediate in PEM to add to ${shown}.`,
    action: { kind: "it-request", topic: "fix-tls-path" }
  };
}
function askIt(text) {
  return { text, action: { kind: "it-request", topic: "corporate-root" } };
}
function searchedWords(input) {
  return input.saySearched ? ` (searched: ${SAVED_BY_USER.join(", ")} for certificate files, the inspection products' own locations and the OS trust store)` : "";
}
function checkStoreHint(input) {
  const cn = input.issuerCn ?? input.issuer;
  const look = input.words.commands.findOsRoot(input.platform, cn);
  if (look === null) return null;
  const text = input.platform === "darwin" ? `The doctor could not read the macOS keychains. Check that the issuer "${cn}" is in the System keychain: the command prints it as PEM, or says it could not be found (then Codex fails with UnknownIssuer).` : `The doctor could not read your Windows ROOT store. Check that the issuer "${cn}" is there: certutil lists it, or finds nothing (then Codex fails with UnknownIssuer).`;
  return input.words.manual(text, { kind: "manual", topic: "export-os-root" }, look);
}
function describe(candidate) {
  switch (candidate.source.kind) {
    case "native-roots":
      return `The OS trust store file ${candidate.path}`;
    case "corporate-location":
      return `${candidate.path} (${candidate.source.note})`;
    case "saved-by-user":
      return `${candidate.path} (a file you saved)`;
    case "variable":
      return `${candidate.path} (named by ${candidate.source.variable})`;
  }
}
function joinPath(dir, name, platform) {
  const sep = platform === "win32" ? "\\" : "/";
  return `${trimEndMatches(dir, "/\\")}${sep}${name}`;
}

// src/intel/products.ts
var PRODUCTS = [
  { name: "Zscaler", kind: "inspection", rules: [{ o: "Zscaler Inc\\." }], notes: 'root "Zscaler Root CA"' },
  {
    name: "Netskope",
    kind: "inspection",
    rules: [{ cn: "(.*\\.)?caadmin\\.netskope\\.com" }, { cn: "ca\\..+\\.goskope\\.com" }, { o: ".*Netskope.*" }],
    notes: "client files nscacert.pem / nscacert_combined.pem"
  },
  { name: "Cisco Umbrella", kind: "inspection", rules: [{ cn: "Cisco Umbrella (Root CA|Primary SubCA)", o: "Cisco" }] },
  {
    name: "Fortinet FortiGate / FortiProxy",
    kind: "inspection",
    rules: [{ cn: "FortiGate CA", o: "Fortinet" }, { cn: "FG[A-Z0-9]+.*", o: "Fortinet( Ltd\\.)?" }],
    notes: "older devices sign with SHA-1 / RSA-1024, which rustls rejects (openai/codex issue 24167)"
  },
  { name: "Palo Alto Networks", kind: "inspection", heuristic: true, rules: [{ o: ".*Palo Alto.*" }, { cn: ".*Palo Alto.*" }] },
  { name: "Forcepoint", kind: "inspection", rules: [{ cn: "Forcepoint Cloud CA", o: "Forcepoint LLC" }] },
  {
    name: "Sophos",
    kind: "inspection",
    rules: [
      { cn: "Sophos SSL CA_[A-Z0-9-]+" },
      { cn: "Sophos_CA_[A-Z0-9]+" },
      { cn: "sophosutm Proxy CA", o: "sophosutm" },
      { cn: "Sophos Web Appliance", o: "Sophos Plc" }
    ]
  },
  { name: "Blue Coat / Symantec ProxySG", kind: "inspection", rules: [{ o: "Blue Coat.*" }] },
  { name: "McAfee / Skyhigh Web Gateway", kind: "inspection", rules: [{ cn: "McAfee Web Gateway" }] },
  { name: "Trend Micro IWSS", kind: "inspection", rules: [{ cn: ".*IWSS\\.TREND.*" }] },
  { name: "ContentKeeper", kind: "inspection", rules: [{ cn: "ContentKeeper Appliance CA.*", o: "ContentKeeper Technologies" }] },
  { name: "Cyberoam", kind: "inspection", rules: [{ o: "Cyberoam Certificate Authority" }] },
  { name: "SonicWall", kind: "inspection", rules: [{ o: "HTTPS Management Certificate for SonicWALL.*" }] },
  { name: "Smoothwall", kind: "inspection", rules: [{ cn: "Smoothwall-default-root-certificate-authority" }] },
  {
    name: "Cloudflare Zero Trust (Gateway / WARP)",
    kind: "inspection",
    rules: [{ cn: "Cloudflare for Teams .*" }, { cn: "Gateway CA - Cloudflare Managed .*" }]
  },
  { name: "mitmproxy", kind: "developer-tool", rules: [{ cn: "mitmproxy", o: "mitmproxy" }], notes: "CA file ~/.mitmproxy/mitmproxy-ca-cert.pem" },
  { name: "Charles Proxy", kind: "developer-tool", rules: [{ cn: "Charles Proxy CA.*" }, { o: "XK72 Ltd" }] },
  { name: "Fiddler", kind: "developer-tool", rules: [{ cn: "DO_NOT_TRUST_Fiddler.*" }] },
  { name: "Burp Suite", kind: "developer-tool", rules: [{ cn: "PortSwigger CA" }] },
  { name: "Avast HTTPS scanning", kind: "antivirus", rules: [{ cn: "avast! Web/Mail Shield Root" }] },
  { name: "Bitdefender HTTPS scanning", kind: "antivirus", rules: [{ cn: "Bitdefender Personal CA.*" }] },
  { name: "Kaspersky HTTPS scanning", kind: "antivirus", rules: [{ cn: "Kaspersky Anti-Virus Personal Root Certificate" }] },
  { name: "ESET SSL filter", kind: "antivirus", rules: [{ cn: "ESET SSL Filter CA" }] },
  { name: "Superfish", kind: "known-bad", rules: [{ cn: "Superfish, Inc\\." }] },
  { name: "eDellRoot", kind: "known-bad", rules: [{ cn: "eDellRoot" }] },
  { name: "DSDTestProvider", kind: "known-bad", rules: [{ cn: "DSDTestProvider" }] }
];
function parseName(name) {
  const lines = name.split("\n").filter(Boolean);
  const value = (key) => {
    const line = [...lines].reverse().find((l) => l.startsWith(`${key}=`));
    return line === void 0 ? null : line.slice(key.length + 1);
  };
  return { cn: value("CN"), o: value("O"), text: lines.join(", ") };
}
var compiled = /* @__PURE__ */ new Map();
function whole(source) {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(`^(?:${source})$`);
    compiled.set(source, re);
  }
  return re;
}
function ruleMatches(rule, name) {
  if (rule.cn === void 0 && rule.o === void 0) return false;
  if (rule.cn !== void 0 && (name.cn === null || !whole(rule.cn).test(name.cn))) return false;
  if (rule.o !== void 0 && (name.o === null || !whole(rule.o).test(name.o))) return false;
  return true;
}
function productForIssuer(name) {
  const ordered = [...PRODUCTS.filter((p) => p.kind === "known-bad"), ...PRODUCTS.filter((p) => p.kind !== "known-bad")];
  return ordered.find((product) => product.rules.some((rule) => ruleMatches(rule, name))) ?? null;
}
function identifyInterception(chain, verifiesAgainstPublicRoots) {
  if (verifiesAgainstPublicRoots) return { kind: "not-intercepted" };
  for (const [index, cert] of chain.entries()) {
    const issuer = parseName(cert.issuer);
    const product = productForIssuer(issuer);
    if (product) return product.kind === "known-bad" ? { kind: "known-bad", product, issuer, index } : { kind: "product", product, issuer, index };
  }
  return { kind: "unidentified", issuer: parseName(chain[0]?.issuer ?? "") };
}
function describeInterception(interception) {
  switch (interception.kind) {
    case "not-intercepted":
      return "Not intercepted: the chain verifies against the public roots, so nothing on the path re-signs this connection.";
    case "known-bad":
      return `The chain is issued by ${interception.issuer.text}, a known-compromised root (${interception.product.name}).`;
    case "product": {
      const { product, issuer } = interception;
      const what = product.kind === "developer-tool" ? `${product.name} (a developer tool) is intercepting this connection` : product.kind === "antivirus" ? `${product.name} (antivirus) is inspecting this connection` : `${product.heuristic ? "Probably " : ""}${product.name} is inspecting this connection (corporate TLS inspection)`;
      return `${what}; the issuer is "${issuer.cn ?? issuer.text}".`;
    }
    case "unidentified":
      return `Corporate TLS inspection by an unidentified product (issuer: ${interception.issuer.text}), or a server that sends an incomplete chain.`;
  }
}

// src/checks/chain-verdict.ts
var TRANSPORT_WORDS = {
  https: "HTTPS (login, token exchange, API)",
  websocket: "WebSocket (Responses streaming)"
};
function transportWords(transport) {
  return TRANSPORT_WORDS[transport];
}
function verifierName(verifier) {
  switch (verifier) {
    case "rustls":
      return "rustls (webpki rules, emulated by the doctor)";
    case "openssl":
      return "OpenSSL (checked through Node, without security-level limits)";
    case "security-framework":
      return "macOS Security.framework (approximated with OpenSSL through Node)";
    case "schannel":
      return "Windows SChannel (approximated with OpenSSL through Node)";
  }
}
function transportVerdict(set, capture, hostname, now, nodeApplies) {
  const webpki = verifyWebpki({ chain: capture.chain, anchors: anchorsFor(set, capture.chain), hostname, now, protocol: capture.protocol });
  const node = nodeApplies ? capture.node : null;
  const nodeWords = node ? node.authorized ? "Node/OpenSSL accepts the same chain" : `Node/OpenSSL rejects it too (${node.error ?? "unknown"})` : null;
  let failure = null;
  let ok;
  if (set.verifier === "rustls" || !node) {
    ok = webpki.ok;
    const first = webpki.problems[0];
    if (first) {
      failure = {
        code: first.code,
        detail: `${TRANSPORT_WORDS[set.transport]} verifies with rustls, which fails: "${first.rustls}". ${first.detail}${nodeWords ? ` (${nodeWords}${node?.authorized ? ", but Codex uses rustls here" : ""}.)` : ""}`,
        cause: { name: "webpki", code: first.name, message: first.rustls }
      };
    }
  } else {
    ok = node.authorized;
    if (!ok) {
      const error = node.error ?? "UNSPECIFIED";
      failure = {
        code: certificateCode(error),
        detail: `${TRANSPORT_WORDS[set.transport]} verifies with ${verifierName(set.verifier)}, which rejects the chain (${error}).${webpki.problems[0] ? ` webpki would say: "${webpki.problems[0].rustls}".` : ""}`,
        cause: { name: "openssl", code: error, message: "certificate verify failed" }
      };
    }
  }
  const platformStore = set.platformStore ? { status: set.platformStore.status, platform: set.platformStore.platform } : null;
  return { transport: set.transport, verifier: set.verifier, ok, webpki, node, failure, approximate: set.approximate, platformStore };
}
function unknownForUnreadStore(verdict) {
  return !verdict.ok && verdict.failure?.code === "TLS_UNKNOWN_ISSUER" && verdict.platformStore?.status === "unread";
}
function unreadStoreFinding(verdict, sets, search, fallback, also = "") {
  const store = sets.platformStore;
  const storeName = verdict.platformStore ? platformStoreName(verdict.platformStore.platform) : "the OS store";
  const why = store?.status === "unread" ? ` (${store.reason})` : "";
  const issuer = search ? `"${search.issuer}"` : "its issuer";
  return {
    level: "warn",
    code: "TLS_PLATFORM_STORE_UNREAD",
    stage: "tls-verify",
    detail: `${TRANSPORT_WORDS[verdict.transport]}: the chain does not lead to a public root, and the doctor could not read ${storeName}${why}, where Codex would also look for ${issuer}. Not a verdict: Codex works if that root is there, and fails with UnknownIssuer if not.${also}`,
    cause: verdict.failure?.cause ?? { message: "UnknownIssuer" },
    hints: search?.hints ?? fallback
  };
}
function chainVerifier(set, hostname, now, expected) {
  if (set.verifier !== "rustls") return { kind: "openssl", ca: expected.length === 0 ? [] : anchorsFor(set, expected).map((c) => c.toString()) };
  return {
    kind: "custom",
    check: (chain, protocol) => {
      const first = verifyWebpki({ chain, anchors: anchorsFor(set, chain), hostname, now, protocol }).problems[0];
      return first ? { code: first.code, message: `"${first.rustls}": ${first.detail}` } : null;
    }
  };
}
function interceptionOf(chain, sets) {
  return identifyInterception(chain, buildPath(chain, sets.publicRoots.matching(chain)).anchor !== null);
}
function interceptionFinding(interception, stage) {
  const detail = describeInterception(interception);
  switch (interception.kind) {
    case "not-intercepted":
      return { level: "info", code: "TLS_NOT_INTERCEPTED", stage, detail };
    case "known-bad":
      return {
        level: "fail",
        code: "TLS_KNOWN_BAD_ROOT",
        stage,
        detail,
        hints: [
          {
            text: `Remove the root "${interception.issuer.cn ?? interception.issuer.text}" from your trust stores (and the software that installed it); its private key is public, so anyone can impersonate any site to this machine.`,
            action: { kind: "manual", topic: "remove-root" }
          },
          { text: "Tell your IT or security team: this is a known-compromised root, not a sanctioned inspection product." }
        ]
      };
    case "product":
    case "unidentified":
      return { level: "info", code: "TLS_INTERCEPTED", stage, detail };
  }
}
async function searchMissingIssuer(host, world, sets, chain, verdicts) {
  const unknown = verdicts.find((v) => v.failure?.code === "TLS_UNKNOWN_ISSUER" && v.webpki.missingIssuer);
  const missing = unknown?.webpki.missingIssuer;
  const orphan = missing ? chain[missing.index] : void 0;
  if (!missing || !orphan) return null;
  const ignoredNames = world.dotenv.ignored.flatMap((e) => e.value ? [{ path: e.value, variable: `${e.name} in ${displayPath(world.dotenv.path, host.homeDir)}, where Codex ignores it` }] : []);
  const candidates = await findIssuerOnDisk(host, { orphan, env: world.env, nativeRootFiles: sets.nativeRootFiles, ignoredNames });
  const selection = sets.plan.selection;
  const store = unknown.platformStore?.status;
  const bundle = selection.kind === "variable" ? selection.path : null;
  const relatedCa = candidates.length === 0 && bundle !== null ? await relatedCaIn(host, bundle, { organisation: parseName(orphan.issuer).o, name: missing.issuer }) : null;
  const defaults = defaultFixPaths(world.codexHome, host.platform);
  const hints = fixForMissingIssuer({
    candidates,
    issuer: missing.issuer,
    issuerCn: parseName(orphan.issuer).cn,
    currentBundle: selection.kind === "variable" ? { variable: selection.variable, path: selection.path } : null,
    codexHome: world.codexHome,
    platform: host.platform,
    words: new Speaker(world, host),
    paths: { combined: await freePath(host, defaults.combined), converted: await freePath(host, defaults.converted) },
    ...store && { platformStore: store },
    ...relatedCa !== null && { relatedCa },
    saySearched: true
  });
  return { issuer: missing.issuer, candidates, hints };
}
async function freePath(host, file) {
  for (let n = 1; n <= 5; n++) {
    const candidate = n === 1 ? file : file.replace(/\.pem$/, `-${n}.pem`);
    if (await host.fs.stat(candidate).catch(() => void 0) === null) return candidate;
  }
  return file;
}
function verdictHints(verdict, search, fallback) {
  const code = verdict.failure?.code;
  if (code === "TLS_UNKNOWN_ISSUER" && search) return search.hints;
  return fallback(code ?? "TLS_VERIFY_FAILED");
}
function chainEvidence(capture, anchor, hostname) {
  return [
    { title: `Chain presented for ${hostname}`, lines: [chainLine(capture.chain, anchor), ...certificateLines(capture.chain)] },
    {
      title: "TLS session",
      lines: [
        `protocol ${capture.protocol ?? "unknown"}, cipher ${capture.cipher?.standardName ?? capture.cipher?.name ?? "unknown"}, ALPN ${capture.alpn ?? "none"}`,
        "Captured without rejecting the chain so that it can be shown; no application data was sent on that connection."
      ]
    }
  ];
}
function verdictEvidence(verdicts, sets) {
  const lines = [];
  for (const v of verdicts) {
    const set = sets[v.transport];
    lines.push(`${TRANSPORT_WORDS[v.transport]}: ${unknownForUnreadStore(v) ? "not established" : v.ok ? "trusted" : "NOT trusted"} by ${verifierName(v.verifier)}${platformStoreNote(v)}`);
    lines.push(`  roots: ${set.anchors.size} distinct, from ${set.sources.join(" + ")}`);
    lines.push(`  webpki: ${v.webpki.ok ? "accepts" : v.webpki.problems.map((p) => `${p.name} (${p.detail})`).join("; ")}`);
    if (v.node) lines.push(`  Node/OpenSSL: ${v.node.authorized ? "accepts" : `rejects (${v.node.error ?? "unknown"})`}`);
  }
  return { title: "Verdicts per Codex transport", lines };
}
function platformStoreNote(v) {
  switch (v.platformStore?.status) {
    case void 0:
      return "";
    case "read":
      return `, with the roots read from ${platformStoreName(v.platformStore.platform)}`;
    case "unread":
      return `, with the public roots standing in for ${platformStoreName(v.platformStore.platform)}, which could not be read`;
  }
}
function platformStoreEvidence(sets) {
  const store = sets.platformStore;
  if (!store) return [];
  return [{
    title: `OS trust store: ${platformStoreName(store.platform)}`,
    lines: [
      ...store.sources.map((s) => `${s.command}: ${s.error === null ? `${s.certificates} certificates` : `not read (${s.error})`}`),
      store.status === "read" ? platformStoreCaveat(store.platform) : `Not read: ${store.reason}. The public roots stood in for it, so an issuer that is only in the OS store cannot be judged here.`
    ]
  }];
}
function verdictData(v) {
  return {
    verifier: v.verifier,
    ok: v.ok,
    approximate: v.approximate,
    platformStore: v.platformStore?.status ?? null,
    code: v.failure?.code ?? null,
    webpki: { ok: v.webpki.ok, problems: v.webpki.problems.map((p) => ({ name: p.name, code: p.code, index: p.index, detail: p.detail })) },
    node: v.node
  };
}
var MAX_PEM_DER_BYTES = 8 * 1024;
function chainData(chain) {
  return chain.map((cert, i) => certificateData(cert, i > 0));
}
function certificateData(cert, withPem) {
  return {
    subject: cert.subject.split("\n").filter(Boolean).join(", "),
    issuer: cert.issuer.split("\n").filter(Boolean).join(", "),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    fingerprint256: cert.fingerprint256,
    ...withPem && cert.raw.length <= MAX_PEM_DER_BYTES && { pem: cert.toString() }
  };
}
function interceptionData(interception) {
  switch (interception.kind) {
    case "not-intercepted":
      return { kind: interception.kind };
    case "known-bad":
    case "product":
      return { kind: interception.kind, product: interception.product.name, issuer: interception.issuer.text, heuristic: interception.product.heuristic ?? false };
    case "unidentified":
      return { kind: interception.kind, issuer: interception.issuer.text };
  }
}

// src/words/network-hints.ts
var CLOCKS_AGREE_MS = 5 * 60 * 1e3;
function clockOf(answer, now) {
  const header = answer?.headers.date?.[0]?.slice(0, 64).trim();
  const at = header === void 0 ? NaN : Date.parse(header);
  return Number.isNaN(at) ? {} : { clock: { date: new Date(at).toUTCString(), skewMs: now.getTime() - at } };
}
function routeEnv(world, host) {
  return { codex: world.env, shell: host.env, provenance: world.provenance };
}
var OPENAI_HOSTS_FOR_IT = "auth.openai.com, chatgpt.com and api.openai.com";
function askIt2(text, topic, hosts) {
  return { text, action: { kind: "it-request", topic, hosts: [...hosts] } };
}
function byHand(words, text, topic, look, variable) {
  return words.manual(text, { kind: "manual", topic, ...variable?.action }, look);
}
function networkHints(code, context) {
  const hints = codeHints(code, context);
  const repair = ROUTE_FAILURES.has(code) ? routeRepair(code, context) : null;
  return repair ? [repair, ...hints] : hints;
}
var ROUTE_FAILURES = /* @__PURE__ */ new Set([
  "NET_DNS_NOT_FOUND",
  "NET_DNS_FAILED",
  "NET_CONNECTION_REFUSED",
  "NET_UNREACHABLE",
  "NET_TIMEOUT",
  "NET_CONNECTION_RESET",
  "NET_ERROR",
  "PROXY_UNREACHABLE",
  "PROXY_CLOSED",
  "PROXY_NOT_HTTP",
  "PROXY_NO_RESPONSE"
]);
function routeRepair(code, context) {
  const { route, words, env } = context;
  if (!env) return null;
  const host = context.target.host;
  if (route.kind === "direct" && route.bypass && route.bypass.noProxyVariable !== "ProxyOverride") {
    const { entry, noProxyVariable: list, proxyVariable } = route.bypass;
    const rest = (env.codex[list] ?? "").split(",").map((e) => e.trim()).filter((e) => e !== "" && e !== entry);
    const text = `The NO_PROXY entry "${clip(entry, 120)}" sends Codex to ${host} directly, which fails here (${code}), instead of through ${proxySourceName(proxyVariable)}. Remove that entry from ${list}.`;
    return words.fix(text, rest.length > 0 ? words.setting(list, rest.join(",")) : words.unsetting(list));
  }
  if (route.kind !== "proxy" || route.variable === "--proxy" || route.variable === "system") return null;
  const used = route.variable;
  const twin = used === used.toUpperCase() ? used.toLowerCase() : used.toUpperCase();
  const twinValue = env.codex[twin]?.trim();
  if (twinValue && twinValue !== env.codex[used]?.trim()) {
    return words.copyHint(
      used,
      twin,
      `${used}, which Codex uses, names a proxy that fails (${code}), while ${twin} names another one. If ${twin} holds the right proxy, give ${used} its value (both spellings then agree).`
    );
  }
  const origin = env.provenance[used];
  const shellValue = env.shell[used]?.trim();
  if (origin?.source === "dotenv" && origin.overridesShell && shellValue && shellValue !== env.codex[used]?.trim()) {
    return words.fix(
      `${used} on line ${origin.line} of ${words.dotenv} replaces the shell's ${used} for Codex, and that proxy fails (${code}). Delete the line so that Codex uses the shell's proxy.`,
      { kind: "unset-env", name: used, target: "codex-dotenv" }
    );
  }
  return null;
}
function codeHints(code, context) {
  const { words } = context;
  const host = context.target.host;
  const proxy = context.route.kind === "proxy" ? context.route.proxy : null;
  const unusable = context.route.kind === "unusable" ? context.route.decision.value : null;
  const proxyName = clip(proxy ? `${proxy.host}:${proxy.port}` : unusable ? unusable.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split("/")[0] : "the proxy", 120);
  const source = context.route.kind === "proxy" ? context.route.variable : context.route.kind === "unusable" ? context.route.decision.variable : "HTTPS_PROXY";
  const variable = proxySourceName(source);
  const exportVariable = proxyVariableToWrite(source);
  const withCredentials = context.route.kind === "proxy" && context.route.credentials !== void 0 || unusable !== null && proxyName.includes("@");
  const setProxy = (text, value) => words.fix(text, words.setting(exportVariable, value));
  const written = words.handWritten(exportVariable);
  const findProxy = (text, look) => byHand(words, text, "find-proxy-address", look, written);
  const repairProxy = (text) => askIt2(text, "proxy-reachability", hosts);
  const hosts = [host];
  const proxyHosts = proxy ? [`${proxy.host}:${proxy.port}`] : hosts;
  const exemptInspection = askIt2(
    `Ask your network team to exempt ${OPENAI_HOSTS_FOR_IT} from TLS inspection, or to re-issue the inspection CA with SHA-256 and an RSA key of at least 2048 bits (or ECDSA).`,
    "weak-ca",
    hosts
  );
  switch (code) {
    case "NET_DNS_NOT_FOUND":
    case "NET_DNS_FAILED":
      if (proxy?.scheme === "socks5") {
        const text = `${host} does not resolve here, and a socks5:// proxy makes the client resolve it. Use socks5h:// so that the proxy resolves the name`;
        return [withCredentials ? byHand(words, `${text}: change the scheme in ${variable} by hand, keeping the user name and password.`, "edit-proxy-url") : setProxy(`${text}.`, `socks5h://${proxyName}`)];
      }
      return [
        findProxy(
          `${host} does not resolve from here. If your network only reaches the internet through a proxy, find its address (your browser's proxy settings, or your network team) and set it in ${variable}.`,
          words.commands.resolveName(host)
        )
      ];
    case "NET_CONNECTION_REFUSED":
    case "NET_UNREACHABLE":
    case "NET_TIMEOUT":
    case "NET_CONNECTION_RESET":
    case "NET_ERROR":
      if (context.route.kind === "direct" && context.route.hiddenBy) return [unhideHint(context.route.hiddenBy, host, words)];
      return context.route.kind === "proxy" ? [
        findProxy(`The connection through ${proxyName} broke (${code}). Check that ${variable} names the proxy your browser uses.`),
        { text: `Ask your network team whether ${proxyName} blocks ${host}.` }
      ] : [
        findProxy(`A direct connection to ${host}:${context.target.port} fails (${code}): most corporate networks need a proxy. Set the one your browser uses (its proxy settings, or your network team, name it) in ${variable}.`),
        { text: `Ask your network team whether outbound HTTPS to ${host} is allowed.` }
      ];
    case "PROXY_CLOSED":
      return [
        repairProxy(`Ask your network team why ${proxyName} (${variable}) accepts connections and closes them without answering CONNECT ${host}:${context.target.port}: the proxy is down or overloaded, or this is not the proxy's address (then which one is).`),
        findProxy(`Check ${variable}: ${proxyName} is not answering as an HTTP proxy (${code}). Use the proxy host and port your browser or PAC file uses, with http://.`)
      ];
    case "PROXY_UNREACHABLE":
    case "PROXY_NOT_HTTP":
      return [findProxy(`Check ${variable}: ${proxyName} is not answering as an HTTP proxy (${code}). Use the proxy host and port your browser or PAC file uses, with http://.`)];
    case "PROXY_TLS_UNTRUSTED":
      return [
        askIt2(`Ask your network team for the CA certificate that issued the certificate of the proxy ${proxyName}, then add it to the bundle Codex reads (CODEX_CA_CERTIFICATE).`, "corporate-root", proxyHosts),
        { text: `Or use the proxy's plain-HTTP (http://) port, if it has one: the tunnel to OpenAI stays encrypted end to end.` }
      ];
    case "PROXY_HEADERS_TOO_LARGE":
      return [
        findProxy(`Check ${variable}: ${proxyName} answered CONNECT with endless headers, which no client reads to the end. Make sure it names the proxy port itself.`),
        { text: `Ask your network team why ${proxyName} answers CONNECT ${host}:${context.target.port} with more than 64 KB of headers.` }
      ];
    case "PROXY_NO_RESPONSE":
      return [
        repairProxy(`Ask your network team why ${proxyName} (${variable}) accepts connections but never answers CONNECT ${host}:${context.target.port}: a proxy that stalls (a dead upstream, a full connection table, a destination it holds instead of refusing), or not the proxy's address (then which one is).`),
        findProxy(`Check that ${variable} points at the proxy port itself (not a PAC server or admin page).`)
      ];
    case "PROXY_AUTH_REQUIRED":
      return [
        byHand(
          words,
          `${proxyName} wants a user name and password. Get the ones it accepts (usually your own network account; your network team knows), and write them into ${exportVariable}${written.where} as http://user:password@${proxyName}, with @ : / % in them percent-encoded; Codex sends them as Basic credentials.`,
          "proxy-login",
          void 0,
          written
        )
      ];
    case "PROXY_AUTH_REJECTED":
      return [
        byHand(
          words,
          `${proxyName} refused the credentials in ${variable}. Check the user name and password with your network team, and write the right ones into ${exportVariable}${written.where} as http://user:password@${proxyName}, with @ : / % in them percent-encoded (for example @ as %40).`,
          "proxy-login",
          void 0,
          written
        )
      ];
    case "PROXY_AUTH_SCHEME_UNSUPPORTED":
      return [
        askIt2(`Ask your network team to allow Basic authentication, or unauthenticated access to ${OPENAI_HOSTS_FOR_IT}, on ${proxyName}: it accepts only Windows/Kerberos login (Negotiate or NTLM), which Codex cannot do.`, "proxy-credentials", hosts),
        { text: `Or run a local proxy that logs in for you (for example px or cntlm) and point ${variable} at the address it listens on.` }
      ];
    case "NET_CODEX_POLICY_DENIED":
      return [
        byHand(words, `This is Codex's own network policy, not your company's proxy: the doctor runs inside a Codex sandbox, whose managed proxy lets through only the domains its permissions allow. Run codex-doctor in a terminal outside Codex.`, "run-outside-sandbox"),
        { text: `If sandboxed commands need ${host}, add it to \`domains\` of the [permissions.<name>.network] profile in $CODEX_HOME/config.toml.` }
      ];
    case "PROXY_BLOCKED":
      return [askIt2(`Ask your network team to allow ${OPENAI_HOSTS_FOR_IT} through ${proxyName} for Codex (the proxy's policy refuses ${host}).`, "allow-host", hosts)];
    case "PROXY_UPSTREAM_FAILED":
      return [
        repairProxy(`Ask your network team to repair ${proxyName}: it answers CONNECT ${host}:${context.target.port} with a 502/503/504 because it cannot reach ${host} itself (its own DNS or upstream route is broken).`),
        { text: "A passing upstream fault clears by itself: retry in a moment before you ask." }
      ];
    case "PROXY_CONNECT_REJECTED":
      return [askIt2(`Ask your network team why ${proxyName} refuses CONNECT to ${host}:${context.target.port}.`, "allow-host", hosts)];
    case "PROXY_SCHEME_UNSUPPORTED":
      if (context.transport === "websocket") {
        const httpText = `Codex's WebSocket client accepts only http://, socks5:// and socks5h:// proxy URLs. If the proxy also takes plain HTTP (most do, for CONNECT), write it with http://: the tunnel to OpenAI stays encrypted end to end`;
        return [
          unusable === null || proxyName === "the proxy" ? findProxy(`${httpText}.`) : withCredentials ? byHand(words, `${httpText}; change the scheme in ${variable} by hand, keeping the user name and password.`, "edit-proxy-url") : setProxy(`${httpText}.`, `http://${proxyName}`),
          // ws.upgrade offers streaming over HTTPS as the fix itself when the HTTPS client gets through this proxy.
          { text: "Otherwise, once login works through this proxy, make Codex stream over HTTPS only: set supports_websockets = false for the provider." }
        ];
      }
      return [findProxy("Codex's HTTPS client has no SOCKS support: find the HTTP proxy's address (your browser's proxy settings, or your network team) and use it for HTTPS_PROXY / ALL_PROXY.")];
    case "TLS_HANDSHAKE_RESET":
      if (context.route.kind === "direct" && context.route.hiddenBy) return [unhideHint(context.route.hiddenBy, host, words)];
      return context.route.kind === "direct" ? [
        { text: `Something on the path closes TLS connections for ${host} (often a firewall filtering on the server name).` },
        findProxy(
          context.platform === "darwin" || context.platform === "win32" ? "If your network requires a proxy, set it: Codex's HTTPS client reads only the manual system proxy settings (no PAC file or automatic discovery), and its WebSocket client reads none." : "If your network requires a proxy, set it: Codex does not read the system proxy settings on this platform."
        )
      ] : [
        { text: `Something on the path closes TLS connections for ${host} (often a firewall filtering on the server name).` },
        askIt2(`Ask your network team whether ${proxyName} or a firewall blocks ${host}.`, "allow-host", hosts)
      ];
    case "TLS_NOT_TLS":
      if (proxy?.scheme === "https") {
        const text = `${proxyName} does not speak TLS: the https:// in ${variable} makes Codex open TLS to the proxy itself. Write the same proxy with http://${withCredentials ? ", keeping the user name and password in front of the host" : ""} (CONNECT still carries TLS to ${host} end to end).`;
        return [withCredentials ? byHand(words, text, "edit-proxy-url") : setProxy(text, `http://${proxyName}`)];
      }
      return [findProxy(`The other end of the tunnel does not speak TLS. Check the proxy URL in ${variable} (scheme and port) and any --resolve override for ${host}.`)];
    case "TLS_ALERT":
    case "TLS_HANDSHAKE_FAILED":
      return [askIt2(`Ask your network team why the TLS handshake with ${host} is refused (the raw cause names the alert); include this report.`, "fix-tls-path", hosts)];
    case "TLS_HANDSHAKE_TIMEOUT":
      return [askIt2(`Ask your network team why TLS to ${host} stalls after the tunnel opens (an inspection engine that hangs).`, "fix-tls-path", hosts)];
    case "TLS_PROTOCOL_TOO_OLD":
      return [askIt2(`Ask your network team to enable TLS 1.2 or 1.3 on the path to ${host}: Codex (rustls) refuses TLS 1.0 and 1.1.`, "fix-tls-path", hosts)];
    case "TLS_BAD_SIGNATURE":
    case "TLS_WEAK_KEY":
      return context.intercepted === false ? [askIt2(`Ask your network team why ${host} presents a chain signed with weak algorithms.`, "fix-tls-path", hosts)] : [exemptInspection];
    case "TLS_NOT_VALID_FOR_NAME":
      return context.intercepted === false ? [askIt2(`The certificate does not name ${host}: ask your network team why DNS sends ${host} to another server (check any --resolve override of yours first).`, "fix-tls-path", hosts)] : [askIt2(`Ask your network team to make the inspection proxy put ${host} in the subjectAltName of the certificates it mints (rustls ignores the Common Name), or to exempt ${OPENAI_HOSTS_FOR_IT} from inspection.`, "fix-tls-path", hosts)];
    case "TLS_EXPIRED":
    case "TLS_NOT_YET_VALID": {
      const checkClock = byHand(words, "Check the system clock and time zone first.", "system-clock", words.commands.showClock());
      const renew = `Ask your network team to renew the certificate that is out of its validity period (named in the detail)${context.intercepted ? ": the inspection proxy mints it" : ""}.`;
      if (context.clock && Math.abs(context.clock.skewMs) <= CLOCKS_AGREE_MS) {
        return [askIt2(`The clock here agrees with ${proxyName}'s (its answer is dated ${context.clock.date}), so the clock is not the cause. ${renew}`, "fix-tls-path", hosts), checkClock];
      }
      return [checkClock, askIt2(renew, "fix-tls-path", hosts)];
    }
    case "TLS_CA_AS_END_ENTITY":
    case "TLS_ISSUER_NOT_CA":
    case "TLS_EKU_NO_SERVER_AUTH":
      return [askIt2(`Ask your network team to fix the certificates the inspection proxy presents (webpki refuses them: ${code}), or to exempt ${OPENAI_HOSTS_FOR_IT} from inspection.`, "fix-tls-path", hosts)];
    case "TLS_PATH_TOO_LONG":
      return [askIt2(`Ask your network team to serve a shorter chain for ${host}: Codex (rustls/webpki) follows at most 6 intermediate certificates between the server certificate and the root.`, "fix-tls-path", hosts)];
    case "TLS_VERIFY_FAILED":
      return [askIt2(`Ask your network team why the chain for ${host} fails verification (the raw cause names the reason); include this report.`, "fix-tls-path", hosts)];
    case "TLS_UNKNOWN_ISSUER":
      return [askIt2(`Ask your network team for the root certificate (PEM) that issued the chain ${host} presents, then point CODEX_CA_CERTIFICATE at it.`, "corporate-root", hosts)];
    case "WS_HANDSHAKE_INVALID":
      return [
        askIt2(
          `Ask your network team which device on the path${proxy ? ` (${proxyName} or behind it)` : ""} answers WebSocket upgrades to ${host} with a 101 that is not a WebSocket handshake, and to let the upgrade through to ${host}.`,
          "allow-websocket",
          hosts
        )
      ];
    case "LAB_ROUTE_REFUSED":
      return [byHand(words, `The lab has no route for ${host}: add it to the scenario, or run the doctor outside the lab.`, "repair-file")];
    default:
      return [askIt2(`See the detail and raw cause; include this report when you ask your network team about ${host}.`, "allow-host", hosts)];
  }
}
function oauthHints(code, context, url, response) {
  const { route, words } = context;
  const proxy = route.kind === "proxy" ? `${route.proxy.host}:${route.proxy.port}` : "the network";
  const allowPost = `to allow POST ${url.href} (and ${OPENAI_HOSTS_FOR_IT}) through ${proxy}`;
  const hosts = [url.hostname];
  switch (code) {
    case "OAUTH_BLOCK_PAGE":
      return [askIt2(`Ask your network team ${allowPost}: a filter answers it with its own page${response ? ` ("${pageTitle(response.body) ?? "untitled"}")` : ""}.`, "allow-host", hosts)];
    case "OAUTH_PROXY_DENIED":
      return [askIt2(`Ask your network team ${allowPost}: the proxy refuses the request after opening the tunnel.`, "allow-host", hosts)];
    case "OAUTH_PROXY_AUTH": {
      const login = context.words.handWritten(route.kind === "proxy" ? proxyVariableToWrite(route.variable) : "HTTPS_PROXY");
      return [
        byHand(
          words,
          `The proxy wants credentials on each request it inspects. Get the user name and password it accepts (usually your own network account; your network team knows) and write them into ${login.name}${login.where} as http://user:password@${proxy === "the network" ? "host:port" : proxy}, with @ : / % in them percent-encoded.`,
          "proxy-login",
          void 0,
          login
        )
      ];
    }
    case "OAUTH_CLOUDFLARE_CHALLENGE":
      return [
        route.kind === "proxy" ? askIt2(`Ask your network team to exempt ${OPENAI_HOSTS_FOR_IT} from TLS inspection: Cloudflare challenges the proxy's connections (its egress IP or TLS fingerprint), and a command-line login cannot solve a challenge.`, "fix-tls-path", hosts) : askIt2(`Cloudflare challenges this network's connections (its egress IP or reputation), and a command-line login cannot solve a challenge: ask your network team whether traffic to ${OPENAI_HOSTS_FOR_IT} leaves through a flagged address or VPN.`, "allow-host", hosts),
        { text: "Confirm from another network (for example a phone hotspot): if login works there, the challenge is caused by this network." }
      ];
    case "OAUTH_TIMEOUT":
      return [
        askIt2(`Ask your network team whether an inspection or DLP engine holds POST requests to ${url.host} (the request was sent, no answer came).`, "allow-host", hosts),
        { text: "If the network is just slow, rerun with a longer deadline.", command: "codex-doctor --timeout 30000" }
      ];
    case "OAUTH_TLS_FAILED":
      return [
        askIt2(
          `TLS failed on the request connection although tls.auth passed: the path presents different certificates on different connections (several proxies or inspection nodes). Rerun to see whether it alternates, and include this report when you ask your network team.`,
          "fix-tls-path",
          hosts
        )
      ];
    case "OAUTH_SERVER_ERROR":
      return [byHand(words, "Retry in a few minutes and check https://status.openai.com; if the page came from your proxy, ask your network team.", "retry-later")];
    case "OAUTH_UNEXPECTED_RESPONSE":
      return [askIt2(`Include this report when you ask your network team what answers POST ${url.href} in OpenAI's place.`, "allow-host", hosts)];
    default:
      return void 0;
  }
}
function websocketOffHint(context, text) {
  const { provider, configFile } = context;
  if (provider === void 0 || configFile === void 0) return { text, snippet: websocketOffSnippet(provider) };
  return context.words.fix(text, websocketOffAction(provider, configFile));
}
function unhideHint(hidden, host, words) {
  return words.fix(
    `Codex connected to ${host} directly because ${hidden.upper} is set but empty, which hides ${hidden.lower}. Unset ${hidden.upper} so that Codex uses the proxy in ${hidden.lower}.`,
    words.unsetting(hidden.upper)
  );
}
function websocketOffAction(provider, file) {
  if (!provider.builtIn) return { kind: "edit-config", file, changes: [{ op: "set", path: ["model_providers", provider.id, "supports_websockets"], value: false }] };
  const table = ["model_providers", "openai-https"];
  return {
    kind: "edit-config",
    file,
    changes: [
      { op: "set", path: ["model_provider"], value: "openai-https" },
      { op: "set", path: [...table, "name"], value: "OpenAI (HTTPS only)" },
      { op: "set", path: [...table, "base_url"], value: provider.baseUrl },
      { op: "set", path: [...table, "wire_api"], value: "responses" },
      { op: "set", path: [...table, "requires_openai_auth"], value: true },
      { op: "set", path: [...table, "supports_websockets"], value: false }
    ]
  };
}
function websocketOffSnippet(provider) {
  const switched = provider ?? { id: "openai", builtIn: true, baseUrl: CHATGPT_BASE_URL };
  const edit = websocketOffAction(switched, "$CODEX_HOME/config.toml");
  return configSnippet(edit.file, edit.changes, switched.builtIn ? "the built-in provider, over HTTPS only" : void 0);
}

// src/checks/context.ts
function factsOf2(ctx, id) {
  return ctx.facts(id);
}

// src/checks/network-plan.ts
async function networkPlan(ctx) {
  const { host } = ctx;
  const world = await ctx.world();
  const caFacts = factsOf2(ctx, "ca.bundle");
  const planFor = (withoutBundle) => trustPlan(world.env, host.platform, {
    cwd: host.cwd,
    codexVersion: world.codexVersion,
    ...host.systemStore && { systemStore: host.systemStore },
    ...withoutBundle && { withoutBundle }
  });
  const plan = factsOf2(ctx, "env.precedence")?.trust ?? planFor(false);
  const sets = await trustSetsFor(host, world, plan, caFacts, ctx);
  const endpoints = await loadEndpoints(host, world);
  const contacts = codexContacts(endpoints, world.config);
  const breaks = caFacts?.breaks ?? { https: false, websocket: false };
  const bundle = plan.https.bundle ?? plan.websocket.bundle;
  const named = bundle ? `${bundle.variable}=${bundle.raw}` : "";
  const httpsBroken = breaks.https && plan.https.bundle !== null;
  const websocketBroken = breaks.websocket && plan.websocket.bundle !== null;
  let fallback;
  const fallbackSet = () => fallback ??= trustSetsFor(host, world, planFor(true), void 0, ctx).then((s) => s.https);
  const trustOf = async (contact) => {
    switch (contact.client) {
      case "login":
        return httpsBroken ? { kind: "unusable", detail: `Codex's login cannot build its HTTPS client: ${named} does not load (see ca.bundle), and login fails hard ("Token exchange failed").` } : { kind: "set", set: sets.https, fallback: false };
      case "mcp":
        return httpsBroken ? { kind: "unusable", detail: `Codex's HTTP client for this MCP server cannot be built: ${named} does not load (see ca.bundle).` } : { kind: "set", set: sets.https, fallback: false };
      case "model-api":
        return httpsBroken ? { kind: "set", set: await fallbackSet(), fallback: true } : { kind: "set", set: sets.https, fallback: false };
      case "websocket":
        return websocketBroken ? { kind: "unusable", detail: `Codex cannot configure the WebSocket's TLS: ${named} does not load (see ca.bundle); it reports "failed to configure websocket TLS".` } : { kind: "set", set: sets.websocket, fallback: false };
      case "otel":
        return contact.caFile === void 0 ? { kind: "set", set: sets.https, fallback: false } : otelTrust(ctx, contact.caFile);
    }
  };
  const byKey = /* @__PURE__ */ new Map();
  const trustIds = /* @__PURE__ */ new Map();
  const idOf = (trust) => {
    if (trust.kind === "unusable") return `unusable:${trust.detail}`;
    if (!trustIds.has(trust.set)) trustIds.set(trust.set, trustIds.size);
    return `set:${trustIds.get(trust.set)}`;
  };
  const trusts = await Promise.all(contacts.map(trustOf));
  for (const [i, contact] of contacts.entries()) {
    const trust = trusts[i];
    const transport = contact.transport === "wss" ? "websocket" : "https";
    const decision = proxyFor(transport, contact.url, world.env, ctx.options.proxy, transport === "https" ? world.systemProxy : null);
    const route = routeFrom(decision, world.env, ctx.options.proxy);
    const key = [contact.transport, `${contact.host}:${contact.port}`, routeKey(route), idOf(trust)].join("|");
    const existing = byKey.get(key);
    if (existing) {
      existing.contacts.push(contact);
      if (!existing.purpose.split(", ").includes(contact.purpose)) existing.purpose += `, ${contact.purpose}`;
      existing.essential ||= contact.essential;
      continue;
    }
    byKey.set(key, {
      contacts: [contact],
      transport: contact.transport,
      target: { host: contact.host, port: contact.port },
      route,
      trust,
      purpose: contact.purpose,
      essential: contact.essential
    });
  }
  return { world, endpoints, plan, sets, planned: [...byKey.values()], ...caFacts?.fix && { bundleFix: caFacts.fix } };
}
function routeKey(route) {
  switch (route.kind) {
    case "direct":
      return "direct";
    case "proxy":
      return `proxy:${route.variable}:${route.proxy.display}`;
    case "unusable":
      return `unusable:${route.decision.variable}:${route.decision.message}`;
  }
}
function routeLabel(route) {
  switch (route.kind) {
    case "direct":
      return "direct";
    case "proxy":
      return `proxy ${route.proxy.display} (${proxySourceName(route.variable)})`;
    case "unusable":
      return `unusable (${proxySourceName(route.decision.variable)})`;
  }
}
function endpointRow(endpoint, status, code) {
  return {
    host: endpoint.target.host,
    port: endpoint.target.port,
    transport: endpoint.transport,
    purpose: endpoint.purpose,
    route: routeLabel(endpoint.route),
    status,
    code
  };
}
function withEndpointRow(result, endpoint) {
  const first = result.findings.find((f) => f.level === "fail") ?? result.findings.find((f) => f.level === "warn");
  const status = first ? first.level === "fail" ? "fail" : "warn" : "pass";
  return { ...result, data: { ...result.data, endpoints: [endpointRow(endpoint, status, first?.code ?? null)] } };
}
var OTEL_CA_MAX_BYTES = 1024 * 1024;
async function otelTrust(ctx, path) {
  const unusable = (why) => ({ kind: "unusable", detail: `The OTEL exporter's ca-certificate ${path} ${why} (see config.codex).` });
  let bytes;
  try {
    const read = await ctx.host.fs.readFile(path, OTEL_CA_MAX_BYTES);
    if (read.truncated) return unusable("is far larger than a certificate bundle");
    bytes = read.bytes;
  } catch {
    return unusable("cannot be read");
  }
  const pem = parseCodexPem(bytes);
  const anchors = new AnchorIndex(pem.ok ? pem.certificates.map((c) => ({ der: c.der })) : []);
  if (anchors.size === 0) return unusable("holds no certificate");
  const set = {
    transport: "https",
    verifier: "rustls",
    // A client built with its own CA file, as the HTTPS client with a bundle (not checked against the binary).
    alpn: codexAlpn("https", true),
    anchors,
    likelyAnchors: likelyAnchorsOf(anchors),
    pems: anchors.pems(),
    sources: [`OTEL tls.ca-certificate ${path} (${anchors.size})`],
    sentence: `The OTEL exporter trusts only its ca-certificate ${path}.`,
    approximate: false,
    platformStore: null
  };
  return { kind: "set", set, fallback: false };
}

export {
  pageTitle,
  WEBSOCKET_ALPN,
  describeRoute,
  Stager,
  classifyFailure,
  probeBudget,
  throughPath,
  captureChain,
  KeptConnection,
  chainLine,
  transportWords,
  verifierName,
  transportVerdict,
  unknownForUnreadStore,
  unreadStoreFinding,
  chainVerifier,
  interceptionOf,
  interceptionFinding,
  searchMissingIssuer,
  verdictHints,
  chainEvidence,
  verdictEvidence,
  platformStoreNote,
  platformStoreEvidence,
  verdictData,
  chainData,
  certificateData,
  interceptionData,
  clockOf,
  routeEnv,
  askIt2 as askIt,
  networkHints,
  oauthHints,
  websocketOffHint,
  websocketOffAction,
  factsOf2 as factsOf,
  networkPlan,
  routeLabel,
  endpointRow,
  withEndpointRow
};
