import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  reasonPhrase
} from "./chunk-X5NR2WUN.mjs";
import {
  asSocketError,
  clientOver
} from "./chunk-X6WYDSF5.mjs";
import {
  abortable,
  headerLists,
  isVerified
} from "./chunk-NJRZQIHL.mjs";
import {
  UpgradeHandshakeError
} from "./chunk-Q546YOJN.mjs";
import "./chunk-JO3HUCP3.mjs";

// src/net/ws-probe.ts
import { createHash, randomBytes } from "node:crypto";
var MAX_BODY_BYTES = 4096;
var MAX_HEAD_BYTES = 64 * 1024;
var WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
var CODEX_EXTENSION_OFFER = "permessage-deflate; client_max_window_bits";
function upgradeWebSocket(request) {
  const { socket, url, headers, signal } = request;
  if (!isVerified(socket)) throw new Error("refusing to upgrade over an unverified TLS connection");
  const handshake = handshakeHeaders(headers);
  const origin = `https://${url.host}`;
  return abortable(signal, (resolve, reject) => {
    const client = clientOver(socket, origin, { allowH2: false, maxHeaderSize: MAX_HEAD_BYTES });
    let answer;
    const answered = () => resolve({ kind: "response", head: answer.head, body: Buffer.concat(answer.chunks).toString("utf8") });
    const judge101 = (head) => {
      const problem = handshakeProblem(head, handshake);
      if (problem) reject(new UpgradeHandshakeError(head, problem));
      else resolve({ kind: "upgraded", head });
    };
    client.dispatch(
      { method: "GET", path: `${url.pathname}${url.search}`, headers: handshake.lines, upgrade: "websocket" },
      {
        onConnect: () => {
        },
        onHeaders: (status, rawHeaders, _resume, reason) => {
          const head = { status, reason: reason ?? "", headers: headerLists(rawHeaders ?? []) };
          if (status === 101) {
            judge101(head);
            return false;
          }
          answer = { head, chunks: [], size: 0 };
          if (status < 200) answered();
          return true;
        },
        onData: (chunk) => {
          if (!answer) return true;
          answer.chunks.push(chunk.subarray(0, Math.max(0, MAX_BODY_BYTES - answer.size)));
          answer.size += chunk.length;
          if (answer.size >= MAX_BODY_BYTES) answered();
          return true;
        },
        onComplete: () => answer && answered(),
        // The connection closed in the middle of a refusal's body: its start is the answer.
        onError: (error) => answer ? answered() : reject(asSocketError(error)),
        // undici does not hand over the reason phrase of an upgrade: the standard one stands in.
        onUpgrade: (status, rawHeaders) => judge101({ status, reason: reasonPhrase(status), headers: headerLists(rawHeaders ?? []) })
      }
    );
    return () => {
      void client.destroy().catch(() => {
      });
      socket.destroy();
    };
  });
}
function handshakeHeaders(headers) {
  const given = (name) => Object.entries(headers).find(([key2]) => key2.toLowerCase() === name)?.[1];
  const key = given("sec-websocket-key") ?? randomBytes(16).toString("base64");
  const subprotocols = given("sec-websocket-protocol")?.split(",").map((p) => p.trim());
  const caller = Object.entries(headers).flatMap(([name, value]) => name.toLowerCase() === "sec-websocket-key" ? [] : [name, value]);
  return {
    lines: ["Sec-WebSocket-Version", "13", "Sec-WebSocket-Key", key, ...caller, "sec-websocket-extensions", CODEX_EXTENSION_OFFER],
    accept: createHash("sha1").update(key + WEBSOCKET_GUID).digest("base64"),
    subprotocols
  };
}
function handshakeProblem(head, handshake) {
  const first = (name) => head.headers[name]?.[0]?.trim();
  if (first("upgrade")?.toLowerCase() !== "websocket") return 'No "Upgrade: websocket" header';
  if (first("connection")?.toLowerCase() !== "upgrade") return 'No "Connection: upgrade" header';
  const accept = first("sec-websocket-accept");
  if (accept === void 0) return "Missing Sec-WebSocket-Accept header";
  if (accept !== handshake.accept) return 'Key mismatch in "Sec-WebSocket-Accept" header';
  const extensions = extensionsProblem(head.headers["sec-websocket-extensions"] ?? []);
  if (extensions) return `Invalid "Sec-WebSocket-Extensions" header: ${extensions}`;
  const protocol = first("sec-websocket-protocol");
  const requested = handshake.subprotocols;
  if (protocol === void 0 && requested) return "SubProtocol error: Server sent no subprotocol";
  if (protocol !== void 0 && !requested) return "SubProtocol error: Server sent a subprotocol but none was requested";
  if (protocol !== void 0 && requested && !requested.includes(protocol)) return "SubProtocol error: Server sent an invalid subprotocol";
  return null;
}
var MAX_SHOWN_NAME = 60;
function extensionsProblem(values) {
  let agreed = false;
  for (const element of values.join(",").split(",")) {
    const [rawName = "", ...params] = element.split(";");
    const name = rawName.trim();
    if (name === "") continue;
    if (name !== "permessage-deflate") {
      const shown = name.replace(/[^\x20-\x7e]/g, ".");
      return `Extension header had invalid extension: ${shown.length > MAX_SHOWN_NAME ? `${shown.slice(0, MAX_SHOWN_NAME)}...` : shown}`;
    }
    if (agreed) return "Extension negotiation response had conflicting extension: permessage-deflate";
    agreed = true;
    const bits = deflateWindowBits(params);
    if (!bits) return "Extension negotiation response had malformed extension: permessage-deflate";
    for (const side of ["server", "client"]) {
      if (bits[side] === 8) return `Extension header had invalid extension: permessage-deflate: Unsupported ${side}_max_window_bits value`;
    }
  }
  return null;
}
function deflateWindowBits(params) {
  const bits = {};
  const seen = /* @__PURE__ */ new Set();
  for (const param of params) {
    if (param.trim() === "") continue;
    const equals = param.indexOf("=");
    const key = (equals === -1 ? param : param.slice(0, equals)).trim();
    const value = equals === -1 ? void 0 : param.slice(equals + 1).trim();
    if (seen.has(key)) return null;
    seen.add(key);
    if (key === "server_no_context_takeover" || key === "client_no_context_takeover") {
      if (value !== void 0) return null;
    } else if (key === "server_max_window_bits" || key === "client_max_window_bits") {
      if (value === void 0 && key === "client_max_window_bits") continue;
      if (value === void 0 || !/^\+?\d+$/.test(value) || Number(value) < 8 || Number(value) > 15) return null;
      bits[key === "server_max_window_bits" ? "server" : "client"] = Number(value);
    } else {
      return null;
    }
  }
  return bits;
}
export {
  upgradeWebSocket
};
