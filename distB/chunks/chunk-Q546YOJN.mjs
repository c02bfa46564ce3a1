import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/net/errors.ts
var MAX_EVIDENCE_HEADER = 200;
var MAX_CHALLENGES = 4;
function proxyAnswerOf(head) {
  const one = (value) => {
    const flat = value.replace(/[\x00-\x1f\x7f]+/g, " ").trim();
    return flat.length > MAX_EVIDENCE_HEADER ? `${flat.slice(0, MAX_EVIDENCE_HEADER)}...` : flat;
  };
  const first = (name) => {
    const value = head.headers[name]?.[0];
    return value === void 0 ? void 0 : one(value);
  };
  const challenges = (head.headers["proxy-authenticate"] ?? []).slice(0, MAX_CHALLENGES).map(one);
  const server = first("server");
  const via = first("via");
  return {
    statusLine: one(`HTTP/${head.version ?? "1.1"} ${head.status} ${head.reason}`),
    ...server !== void 0 && { server },
    ...challenges.length > 0 && { proxyAuthenticate: challenges },
    ...via !== void 0 && { via }
  };
}
function httpAnswerCause(head, protocol = "http/1.1") {
  const httpAnswer = proxyAnswerOf({ ...head, version: head.version ?? (protocol === "h2" ? "2" : "1.1") });
  return { name: "HttpAnswer", message: httpAnswer.statusLine, httpAnswer };
}
var MAX_SCHEMES = 8;
var MAX_SCHEME_LENGTH = 40;
var ProxyResponseError = class extends Error {
  constructor(head, body, credentialsSent) {
    super(`proxy answered CONNECT with ${head.status} ${head.reason}`.trim());
    this.head = head;
    this.body = body;
    this.credentialsSent = credentialsSent;
  }
  head;
  body;
  credentialsSent;
  name = "ProxyResponseError";
  /** The distinct schemes offered in Proxy-Authenticate, e.g. ['Basic', 'Negotiate'] (a few, each bounded). */
  get authSchemes() {
    const schemes = /* @__PURE__ */ new Map();
    for (const value of this.head.headers["proxy-authenticate"] ?? []) {
      const scheme = (value.trim().split(/\s+/)[0] ?? "").slice(0, MAX_SCHEME_LENGTH);
      if (scheme !== "" && !schemes.has(scheme.toLowerCase())) schemes.set(scheme.toLowerCase(), scheme);
      if (schemes.size === MAX_SCHEMES) break;
    }
    return [...schemes.values()];
  }
};
var ProxyClosedError = class extends Error {
  constructor(received) {
    super(received === 0 ? "proxy closed the connection without answering CONNECT" : "proxy closed the connection in the middle of its answer");
    this.received = received;
  }
  received;
  name = "ProxyClosedError";
};
var ConnectionGoneError = class extends Error {
  name = "ConnectionGoneError";
  constructor() {
    super("the connection closed before the request was answered");
  }
};
var ProxyHeadTooLargeError = class extends Error {
  constructor(statusLine, limit) {
    super(`proxy answered CONNECT with more than ${limit} bytes of headers`);
    this.statusLine = statusLine;
    this.limit = limit;
  }
  statusLine;
  limit;
  name = "ProxyHeadTooLargeError";
};
var ProxyProtocolError = class extends Error {
  constructor(firstBytes) {
    super(`proxy answered CONNECT with something that is not HTTP: ${JSON.stringify(firstBytes)}`);
    this.firstBytes = firstBytes;
  }
  firstBytes;
  name = "ProxyProtocolError";
};
var ProxySchemeError = class extends Error {
  constructor(scheme, transport, message) {
    super(message);
    this.scheme = scheme;
    this.transport = transport;
  }
  scheme;
  transport;
  name = "ProxySchemeError";
};
var ProbeTimeoutError = class extends Error {
  constructor(afterMs) {
    super(`no answer within ${afterMs} ms`);
    this.afterMs = afterMs;
  }
  afterMs;
  name = "ProbeTimeoutError";
};
var UpgradeHandshakeError = class extends Error {
  constructor(head, message) {
    super(message);
    this.head = head;
  }
  head;
  name = "UpgradeHandshakeError";
};
var ChainRejectedError = class extends Error {
  constructor(catalogueCode, message) {
    super(message);
    this.catalogueCode = catalogueCode;
  }
  catalogueCode;
  name = "ChainRejectedError";
};
var CertificateRejectedError = class extends Error {
  constructor(code, chain) {
    super(`certificate verification failed (${code})`);
    this.code = code;
    this.chain = chain;
  }
  code;
  chain;
  name = "CertificateRejectedError";
};
var ProxyCertificateError = class extends Error {
  constructor(proxy, rejected) {
    super(`the https:// proxy ${proxy} presented a certificate that does not verify (${rejected.code})`);
    this.proxy = proxy;
    this.rejected = rejected;
  }
  proxy;
  rejected;
  name = "ProxyCertificateError";
};

export {
  proxyAnswerOf,
  httpAnswerCause,
  ProxyResponseError,
  ProxyClosedError,
  ConnectionGoneError,
  ProxyHeadTooLargeError,
  ProxyProtocolError,
  ProxySchemeError,
  ProbeTimeoutError,
  UpgradeHandshakeError,
  ChainRejectedError,
  CertificateRejectedError,
  ProxyCertificateError
};
