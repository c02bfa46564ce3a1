import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CertificateRejectedError,
  ChainRejectedError,
  ProbeTimeoutError
} from "./chunk-Q546YOJN.mjs";

// src/net/wait.ts
function abortError(signal) {
  const reason = signal.reason;
  if (reason instanceof ProbeTimeoutError) return reason;
  const error = new Error(reason instanceof Error ? reason.message : typeof reason === "string" ? reason : "The operation was aborted", {
    cause: reason
  });
  error.name = "AbortError";
  return error;
}
function abortable(signal, start) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError(signal));
      return;
    }
    let done = false;
    let cleanup;
    const finish = (settle) => {
      if (done) return;
      done = true;
      signal.removeEventListener("abort", onAbort);
      cleanup?.();
      settle();
    };
    const onAbort = () => finish(() => reject(abortError(signal)));
    signal.addEventListener("abort", onAbort, { once: true });
    cleanup = start(
      (value) => finish(() => resolve(value)),
      (error) => finish(() => reject(error))
    );
    if (done) cleanup();
  });
}

// src/net/verified-tls.ts
import net2 from "node:net";
import tls2 from "node:tls";

// src/net/tls-probe.ts
import net from "node:net";
import tls from "node:tls";
var PROBE_CIPHERS = "DEFAULT:@SECLEVEL=0";
var contexts = /* @__PURE__ */ new WeakMap();
function rootsContext(ca) {
  let context = contexts.get(ca);
  if (!context) {
    context = tls.createSecureContext({ ca: [...ca], ciphers: PROBE_CIPHERS });
    contexts.set(ca, context);
  }
  return context;
}
function captureTls(request) {
  return captureKeeping(request, () => false).then(({ capture }) => capture);
}
function alpnOffer(alpn) {
  return alpn && alpn.length > 0 ? { ALPNProtocols: [...alpn] } : {};
}
function captureKeeping(request, keep) {
  const { socket, servername, ca, alpn, signal } = request;
  return abortable(signal, (resolve, reject) => {
    let kept = false;
    const tlsSocket = tls.connect({
      socket,
      // SNI never carries an IP address.
      ...net.isIP(servername) === 0 && { servername },
      // checkServerIdentity still runs with rejectUnauthorized false: its result lands in authorizationError.
      host: servername,
      // OpenSSL's verdict with these roots (rustls' stricter rules are applied to the captured chain separately).
      secureContext: rootsContext(ca),
      rejectUnauthorized: false,
      ...alpnOffer(alpn)
    });
    tlsSocket.once("secureConnect", () => {
      const cipher = tlsSocket.getCipher();
      const capture = {
        chain: presentedChain(tlsSocket),
        protocol: tlsSocket.getProtocol(),
        cipher: cipher ? { name: cipher.name, standardName: cipher.standardName, version: cipher.version } : null,
        alpn: typeof tlsSocket.alpnProtocol === "string" ? tlsSocket.alpnProtocol : null,
        node: { authorized: tlsSocket.authorized, error: errorCode(tlsSocket.authorizationError) }
      };
      kept = keep(capture);
      resolve({ capture, socket: kept ? tlsSocket : null });
    });
    tlsSocket.once("error", reject);
    return () => {
      tlsSocket.off("error", reject);
      if (kept) return;
      tlsSocket.on("error", () => {
      });
      tlsSocket.destroy();
      socket.destroy();
    };
  });
}
function presentedChain(socket) {
  const chain = [];
  const seen = /* @__PURE__ */ new Set();
  let cert = socket.getPeerX509Certificate();
  while (cert && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(cert);
    cert = cert.issuerCertificate;
  }
  return chain;
}
function errorCode(error) {
  if (error === null || error === void 0) return null;
  if (typeof error === "string") return error;
  return error.code ?? error.message;
}

// src/net/verified-tls.ts
var verifiedSockets = /* @__PURE__ */ new WeakSet();
var NO_ROOTS = [];
function isVerified(socket) {
  return verifiedSockets.has(socket);
}
function verifiedTls(request) {
  const { socket, servername, verifier, alpn, signal } = request;
  return abortable(signal, (resolve, reject) => {
    let connected = false;
    const tlsSocket = tls2.connect({
      socket,
      ...net2.isIP(servername) === 0 && { servername },
      host: servername,
      // The same OpenSSL rules as the capture in tls-probe (no security-level limits); rustls' rules are the
      // custom verifier's, which needs no roots in OpenSSL.
      // OpenSSL's verdict is read at secureConnect (before any byte is written) rather than enforced by Node,
      // whose error would not keep the chain that was presented.
      secureContext: rootsContext(verifier.kind === "openssl" ? verifier.ca : NO_ROOTS),
      rejectUnauthorized: false,
      ...alpnOffer(alpn ?? ["http/1.1"])
    });
    const onSecure = () => {
      if (verifier.kind === "openssl" && !tlsSocket.authorized) {
        const code = tlsSocket.authorizationError;
        reject(new CertificateRejectedError(typeof code === "string" ? code : code?.code ?? "CERT_REJECTED", presentedChain(tlsSocket)));
        return;
      }
      if (verifier.kind === "custom") {
        const refused = verifier.check(presentedChain(tlsSocket), tlsSocket.getProtocol());
        if (refused) {
          reject(new ChainRejectedError(refused.code, refused.message));
          return;
        }
      }
      connected = true;
      verifiedSockets.add(tlsSocket);
      resolve(tlsSocket);
    };
    tlsSocket.once("secureConnect", onSecure);
    tlsSocket.once("error", reject);
    return () => {
      tlsSocket.off("secureConnect", onSecure);
      tlsSocket.off("error", reject);
      if (!connected) {
        tlsSocket.on("error", () => {
        });
        tlsSocket.destroy();
      }
    };
  });
}
async function captureVerified(request, verifier, keep = true) {
  let accepted = false;
  const result = await captureKeeping(request, (capture) => {
    accepted = verifier.check(capture.chain, capture.protocol) === null;
    return accepted && keep;
  });
  if (result.socket) {
    result.socket.on("error", () => {
    });
    verifiedSockets.add(result.socket);
  }
  return { ...result, accepted };
}

// src/net/header-lists.ts
function headerLists(raw) {
  const headers = /* @__PURE__ */ Object.create(null);
  for (let i = 0; i + 1 < raw.length; i += 2) (headers[raw[i].toString("latin1").toLowerCase()] ??= []).push(raw[i + 1].toString("latin1"));
  return headers;
}
function headerListsOf(headers) {
  const lists = /* @__PURE__ */ Object.create(null);
  for (const [name, value] of Object.entries(headers)) {
    if (value !== void 0) lists[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  return lists;
}

export {
  abortable,
  captureTls,
  isVerified,
  verifiedTls,
  captureVerified,
  headerLists,
  headerListsOf
};
