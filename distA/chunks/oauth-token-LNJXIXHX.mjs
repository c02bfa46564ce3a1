import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  reasonPhrase
} from "./chunk-X5NR2WUN.mjs";
import {
  asSocketError,
  clientOver,
  require_errors,
  require_util
} from "./chunk-X6WYDSF5.mjs";
import {
  header,
  openAiErrorText,
  responseKind
} from "./chunk-BPW7NUPL.mjs";
import {
  Stager,
  chainVerifier,
  classifyFailure,
  describeRoute,
  factsOf,
  networkHints,
  oauthHints,
  pageTitle,
  probeBudget,
  routeEnv,
  throughPath,
  unknownForUnreadStore,
  unreadStoreFinding,
  withEndpointRow
} from "./chunk-YOTZIA4W.mjs";
import {
  DEVICE_CODE_URL,
  OAUTH_TOKEN,
  Speaker,
  deviceLoginFailed,
  loginRedirectUri,
  sendError,
  tokenExchangeFailed,
  tokenRequestBody
} from "./chunk-ZSNKZDF6.mjs";
import "./chunk-QRNDIB45.mjs";
import {
  headerListsOf,
  isVerified,
  verifiedTls
} from "./chunk-NJRZQIHL.mjs";
import {
  httpAnswerCause
} from "./chunk-Q546YOJN.mjs";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-JO3HUCP3.mjs";

// node_modules/undici/lib/api/readable.js
var require_readable = __commonJS({
  "node_modules/undici/lib/api/readable.js"(exports, module) {
    "use strict";
    var assert = __require("node:assert");
    var { Readable } = __require("node:stream");
    var { RequestAbortedError, NotSupportedError, InvalidArgumentError, AbortError } = require_errors();
    var util = require_util();
    var { ReadableStreamFrom } = require_util();
    var kConsume = /* @__PURE__ */ Symbol("kConsume");
    var kReading = /* @__PURE__ */ Symbol("kReading");
    var kBody = /* @__PURE__ */ Symbol("kBody");
    var kAbort = /* @__PURE__ */ Symbol("kAbort");
    var kContentType = /* @__PURE__ */ Symbol("kContentType");
    var kContentLength = /* @__PURE__ */ Symbol("kContentLength");
    var kUsed = /* @__PURE__ */ Symbol("kUsed");
    var kBytesRead = /* @__PURE__ */ Symbol("kBytesRead");
    var noop = () => {
    };
    var BodyReadable = class extends Readable {
      /**
       * @param {object} opts
       * @param {(this: Readable, size: number) => void} opts.resume
       * @param {() => (void | null)} opts.abort
       * @param {string} [opts.contentType = '']
       * @param {number} [opts.contentLength]
       * @param {number} [opts.highWaterMark = 64 * 1024]
       */
      constructor({
        resume,
        abort,
        contentType = "",
        contentLength,
        highWaterMark = 64 * 1024
        // Same as nodejs fs streams.
      }) {
        super({
          autoDestroy: true,
          read: resume,
          highWaterMark
        });
        this._readableState.dataEmitted = false;
        this[kAbort] = abort;
        this[kConsume] = null;
        this[kBytesRead] = 0;
        this[kBody] = null;
        this[kUsed] = false;
        this[kContentType] = contentType;
        this[kContentLength] = Number.isFinite(contentLength) ? contentLength : null;
        this[kReading] = false;
      }
      /**
       * @param {Error|null} err
       * @param {(error:(Error|null)) => void} callback
       * @returns {void}
       */
      _destroy(err, callback) {
        if (!err && !this._readableState.endEmitted) {
          err = new RequestAbortedError();
        }
        if (err) {
          this[kAbort]();
        }
        if (!this[kUsed]) {
          setImmediate(callback, err);
        } else {
          callback(err);
        }
      }
      /**
       * @param {string|symbol} event
       * @param {(...args: any[]) => void} listener
       * @returns {this}
       */
      on(event, listener) {
        if (event === "data" || event === "readable") {
          this[kReading] = true;
          this[kUsed] = true;
        }
        return super.on(event, listener);
      }
      /**
       * @param {string|symbol} event
       * @param {(...args: any[]) => void} listener
       * @returns {this}
       */
      addListener(event, listener) {
        return this.on(event, listener);
      }
      /**
       * @param {string|symbol} event
       * @param {(...args: any[]) => void} listener
       * @returns {this}
       */
      off(event, listener) {
        const ret = super.off(event, listener);
        if (event === "data" || event === "readable") {
          this[kReading] = this.listenerCount("data") > 0 || this.listenerCount("readable") > 0;
        }
        return ret;
      }
      /**
       * @param {string|symbol} event
       * @param {(...args: any[]) => void} listener
       * @returns {this}
       */
      removeListener(event, listener) {
        return this.off(event, listener);
      }
      /**
       * @param {Buffer|null} chunk
       * @returns {boolean}
       */
      push(chunk) {
        if (chunk) {
          this[kBytesRead] += chunk.length;
          if (this[kConsume]) {
            consumePush(this[kConsume], chunk);
            return this[kReading] ? super.push(chunk) : true;
          }
        }
        return super.push(chunk);
      }
      /**
       * Consumes and returns the body as a string.
       *
       * @see https://fetch.spec.whatwg.org/#dom-body-text
       * @returns {Promise<string>}
       */
      text() {
        return consume(this, "text");
      }
      /**
       * Consumes and returns the body as a JavaScript Object.
       *
       * @see https://fetch.spec.whatwg.org/#dom-body-json
       * @returns {Promise<unknown>}
       */
      json() {
        return consume(this, "json");
      }
      /**
       * Consumes and returns the body as a Blob
       *
       * @see https://fetch.spec.whatwg.org/#dom-body-blob
       * @returns {Promise<Blob>}
       */
      blob() {
        return consume(this, "blob");
      }
      /**
       * Consumes and returns the body as an Uint8Array.
       *
       * @see https://fetch.spec.whatwg.org/#dom-body-bytes
       * @returns {Promise<Uint8Array>}
       */
      bytes() {
        return consume(this, "bytes");
      }
      /**
       * Consumes and returns the body as an ArrayBuffer.
       *
       * @see https://fetch.spec.whatwg.org/#dom-body-arraybuffer
       * @returns {Promise<ArrayBuffer>}
       */
      arrayBuffer() {
        return consume(this, "arrayBuffer");
      }
      /**
       * Not implemented
       *
       * @see https://fetch.spec.whatwg.org/#dom-body-formdata
       * @throws {NotSupportedError}
       */
      async formData() {
        throw new NotSupportedError();
      }
      /**
       * Returns true if the body is not null and the body has been consumed.
       * Otherwise, returns false.
       *
       * @see https://fetch.spec.whatwg.org/#dom-body-bodyused
       * @readonly
       * @returns {boolean}
       */
      get bodyUsed() {
        return util.isDisturbed(this);
      }
      /**
       * @see https://fetch.spec.whatwg.org/#dom-body-body
       * @readonly
       * @returns {ReadableStream}
       */
      get body() {
        if (!this[kBody]) {
          this[kBody] = ReadableStreamFrom(this);
          if (this[kConsume]) {
            this[kBody].getReader();
            assert(this[kBody].locked);
          }
        }
        return this[kBody];
      }
      /**
       * Dumps the response body by reading `limit` number of bytes.
       * @param {object} opts
       * @param {number} [opts.limit = 131072] Number of bytes to read.
       * @param {AbortSignal} [opts.signal] An AbortSignal to cancel the dump.
       * @returns {Promise<null>}
       */
      dump(opts) {
        const signal = opts?.signal;
        if (signal != null && (typeof signal !== "object" || !("aborted" in signal))) {
          return Promise.reject(new InvalidArgumentError("signal must be an AbortSignal"));
        }
        const limit = opts?.limit && Number.isFinite(opts.limit) ? opts.limit : 128 * 1024;
        if (signal?.aborted) {
          return Promise.reject(signal.reason ?? new AbortError());
        }
        if (this._readableState.closeEmitted) {
          return Promise.resolve(null);
        }
        return new Promise((resolve, reject) => {
          if (this[kContentLength] && this[kContentLength] > limit || this[kBytesRead] > limit) {
            this.destroy(new AbortError());
          }
          if (signal) {
            const onAbort = () => {
              this.destroy(signal.reason ?? new AbortError());
            };
            signal.addEventListener("abort", onAbort);
            this.on("close", function() {
              signal.removeEventListener("abort", onAbort);
              if (signal.aborted) {
                reject(signal.reason ?? new AbortError());
              } else {
                resolve(null);
              }
            });
          } else {
            this.on("close", resolve);
          }
          this.on("error", noop).on("data", () => {
            if (this[kBytesRead] > limit) {
              this.destroy();
            }
          }).resume();
        });
      }
      /**
       * @param {BufferEncoding} encoding
       * @returns {this}
       */
      setEncoding(encoding) {
        if (Buffer.isEncoding(encoding)) {
          this._readableState.encoding = encoding;
        }
        return this;
      }
    };
    function isLocked(bodyReadable) {
      return bodyReadable[kBody]?.locked === true || bodyReadable[kConsume] !== null;
    }
    function isUnusable(bodyReadable) {
      return util.isDisturbed(bodyReadable) || isLocked(bodyReadable);
    }
    function consume(stream, type) {
      assert(!stream[kConsume]);
      return new Promise((resolve, reject) => {
        if (isUnusable(stream)) {
          const rState = stream._readableState;
          if (rState.destroyed && rState.closeEmitted === false) {
            stream.on("error", reject).on("close", () => {
              reject(new TypeError("unusable"));
            });
          } else {
            reject(rState.errored ?? new TypeError("unusable"));
          }
        } else {
          queueMicrotask(() => {
            stream[kConsume] = {
              type,
              stream,
              resolve,
              reject,
              length: 0,
              body: []
            };
            stream.on("error", function(err) {
              consumeFinish(this[kConsume], err);
            }).on("close", function() {
              if (this[kConsume].body !== null) {
                consumeFinish(this[kConsume], new RequestAbortedError());
              }
            });
            consumeStart(stream[kConsume]);
          });
        }
      });
    }
    function consumeStart(consume2) {
      if (consume2.body === null) {
        return;
      }
      const { _readableState: state } = consume2.stream;
      if (state.bufferIndex) {
        const start = state.bufferIndex;
        const end = state.buffer.length;
        for (let n = start; n < end; n++) {
          consumePush(consume2, state.buffer[n]);
        }
      } else {
        for (const chunk of state.buffer) {
          consumePush(consume2, chunk);
        }
      }
      if (state.endEmitted) {
        consumeEnd(this[kConsume], this._readableState.encoding);
      } else {
        consume2.stream.on("end", function() {
          consumeEnd(this[kConsume], this._readableState.encoding);
        });
      }
      consume2.stream.resume();
      while (consume2.stream.read() != null) {
      }
    }
    function chunksDecode(chunks, length, encoding) {
      if (chunks.length === 0 || length === 0) {
        return "";
      }
      const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
      const bufferLength = buffer.length;
      const start = bufferLength > 2 && buffer[0] === 239 && buffer[1] === 187 && buffer[2] === 191 ? 3 : 0;
      if (!encoding || encoding === "utf8" || encoding === "utf-8") {
        return buffer.utf8Slice(start, bufferLength);
      } else {
        return buffer.subarray(start, bufferLength).toString(encoding);
      }
    }
    function chunksConcat(chunks, length) {
      if (chunks.length === 0 || length === 0) {
        return new Uint8Array(0);
      }
      if (chunks.length === 1) {
        return new Uint8Array(chunks[0]);
      }
      const buffer = new Uint8Array(Buffer.allocUnsafeSlow(length).buffer);
      let offset = 0;
      for (let i = 0; i < chunks.length; ++i) {
        const chunk = chunks[i];
        buffer.set(chunk, offset);
        offset += chunk.length;
      }
      return buffer;
    }
    function consumeEnd(consume2, encoding) {
      const { type, body, resolve, stream, length } = consume2;
      try {
        if (type === "text") {
          resolve(chunksDecode(body, length, encoding));
        } else if (type === "json") {
          resolve(JSON.parse(chunksDecode(body, length, encoding)));
        } else if (type === "arrayBuffer") {
          resolve(chunksConcat(body, length).buffer);
        } else if (type === "blob") {
          resolve(new Blob(body, { type: stream[kContentType] }));
        } else if (type === "bytes") {
          resolve(chunksConcat(body, length));
        }
        consumeFinish(consume2);
      } catch (err) {
        stream.destroy(err);
      }
    }
    function consumePush(consume2, chunk) {
      consume2.length += chunk.length;
      consume2.body.push(chunk);
    }
    function consumeFinish(consume2, err) {
      if (consume2.body === null) {
        return;
      }
      if (err) {
        consume2.reject(err);
      } else {
        consume2.resolve();
      }
      consume2.type = null;
      consume2.stream = null;
      consume2.resolve = null;
      consume2.reject = null;
      consume2.length = 0;
      consume2.body = null;
    }
    module.exports = {
      Readable: BodyReadable,
      chunksDecode
    };
  }
});

// node_modules/undici/lib/api/api-request.js
var require_api_request = __commonJS({
  "node_modules/undici/lib/api/api-request.js"(exports, module) {
    "use strict";
    var assert = __require("node:assert");
    var { AsyncResource } = __require("node:async_hooks");
    var { Readable } = require_readable();
    var { InvalidArgumentError, RequestAbortedError } = require_errors();
    var util = require_util();
    function noop() {
    }
    var RequestHandler = class extends AsyncResource {
      constructor(opts, callback) {
        if (!opts || typeof opts !== "object") {
          throw new InvalidArgumentError("invalid opts");
        }
        const { signal, method, opaque, body, onInfo, responseHeaders, highWaterMark } = opts;
        try {
          if (typeof callback !== "function") {
            throw new InvalidArgumentError("invalid callback");
          }
          if (highWaterMark != null && (!Number.isFinite(highWaterMark) || highWaterMark < 0)) {
            throw new InvalidArgumentError("invalid highWaterMark");
          }
          if (signal && typeof signal.on !== "function" && typeof signal.addEventListener !== "function") {
            throw new InvalidArgumentError("signal must be an EventEmitter or EventTarget");
          }
          if (method === "CONNECT") {
            throw new InvalidArgumentError("invalid method");
          }
          if (onInfo && typeof onInfo !== "function") {
            throw new InvalidArgumentError("invalid onInfo callback");
          }
          super("UNDICI_REQUEST");
        } catch (err) {
          if (util.isStream(body)) {
            util.destroy(body.on("error", noop), err);
          }
          throw err;
        }
        this.method = method;
        this.responseHeaders = responseHeaders || null;
        this.opaque = opaque || null;
        this.callback = callback;
        this.res = null;
        this.abort = null;
        this.body = body;
        this.trailers = {};
        this.context = null;
        this.onInfo = onInfo || null;
        this.highWaterMark = highWaterMark;
        this.reason = null;
        this.removeAbortListener = null;
        if (signal?.aborted) {
          this.reason = signal.reason ?? new RequestAbortedError();
        } else if (signal) {
          this.removeAbortListener = util.addAbortListener(signal, () => {
            this.reason = signal.reason ?? new RequestAbortedError();
            if (this.res) {
              util.destroy(this.res.on("error", noop), this.reason);
            } else if (this.abort) {
              this.abort(this.reason);
            }
          });
        }
      }
      onConnect(abort, context) {
        if (this.reason) {
          abort(this.reason);
          return;
        }
        assert(this.callback);
        this.abort = abort;
        this.context = context;
      }
      onHeaders(statusCode, rawHeaders, resume, statusMessage) {
        const { callback, opaque, abort, context, responseHeaders, highWaterMark } = this;
        const headers = responseHeaders === "raw" ? util.parseRawHeaders(rawHeaders) : util.parseHeaders(rawHeaders);
        if (statusCode < 200) {
          if (this.onInfo) {
            this.onInfo({ statusCode, headers });
          }
          return;
        }
        const parsedHeaders = responseHeaders === "raw" ? util.parseHeaders(rawHeaders) : headers;
        const contentType = parsedHeaders["content-type"];
        const contentLength = parsedHeaders["content-length"];
        const res = new Readable({
          resume,
          abort,
          contentType,
          contentLength: this.method !== "HEAD" && contentLength ? Number(contentLength) : null,
          highWaterMark
        });
        if (this.removeAbortListener) {
          res.on("close", this.removeAbortListener);
          this.removeAbortListener = null;
        }
        this.callback = null;
        this.res = res;
        if (callback !== null) {
          try {
            this.runInAsyncScope(callback, null, null, {
              statusCode,
              statusText: statusMessage,
              headers,
              trailers: this.trailers,
              opaque,
              body: res,
              context
            });
          } catch (err) {
            this.res = null;
            util.destroy(res.on("error", noop), err);
            queueMicrotask(() => {
              throw err;
            });
          }
        }
      }
      onData(chunk) {
        return this.res.push(chunk);
      }
      onComplete(trailers) {
        util.parseHeaders(trailers, this.trailers);
        this.res.push(null);
      }
      onError(err) {
        const { res, callback, body, opaque } = this;
        if (callback) {
          this.callback = null;
          queueMicrotask(() => {
            this.runInAsyncScope(callback, null, err, { opaque });
          });
        }
        if (res) {
          this.res = null;
          queueMicrotask(() => {
            util.destroy(res.on("error", noop), err);
          });
        }
        if (body) {
          this.body = null;
          if (util.isStream(body)) {
            body.on("error", noop);
            util.destroy(body, err);
          }
        }
        if (this.removeAbortListener) {
          this.removeAbortListener();
          this.removeAbortListener = null;
        }
      }
    };
    function request(opts, callback) {
      if (callback === void 0) {
        return new Promise((resolve, reject) => {
          request.call(this, opts, (err, data) => {
            return err ? reject(err) : resolve(data);
          });
        });
      }
      try {
        const handler = new RequestHandler(opts, callback);
        this.dispatch(opts, handler);
      } catch (err) {
        if (typeof callback !== "function") {
          throw err;
        }
        const opaque = opts?.opaque;
        queueMicrotask(() => callback(err, { opaque }));
      }
    }
    module.exports = request;
    module.exports.RequestHandler = RequestHandler;
  }
});

// src/checks/oauth-token.ts
import { randomBytes } from "node:crypto";

// src/net/http-request.ts
var import_api_request = __toESM(require_api_request(), 1);
var MAX_BODY_BYTES = 16 * 1024;
var UnverifiedConnectionError = class extends Error {
  name = "UnverifiedConnectionError";
  constructor() {
    super("refusing to send a request over an unverified TLS connection");
  }
};
async function httpRequest(request) {
  const { socket, method, url, headers, body, signal } = request;
  if (!isVerified(socket)) throw new UnverifiedConnectionError();
  const protocol = socket.alpnProtocol === "h2" ? "h2" : "http/1.1";
  const client = clientOver(socket, url.origin, { allowH2: true });
  try {
    const response = await import_api_request.default.call(client, { method, path: `${url.pathname}${url.search}`, headers, ...body !== void 0 && { body }, signal });
    const chunks = [];
    let size = 0;
    let truncated = false;
    for await (const chunk of response.body) {
      chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size));
      size += chunk.length;
      if (size >= MAX_BODY_BYTES) {
        truncated = size > MAX_BODY_BYTES;
        break;
      }
    }
    return {
      status: response.statusCode,
      // HTTP/2 carries no reason phrase and undici does not surface HTTP/1.1's: the standard one stands in.
      reason: reasonPhrase(response.statusCode),
      headers: headerListsOf(response.headers),
      body: Buffer.concat(chunks).toString("utf8"),
      truncated,
      protocol
    };
  } catch (error) {
    throw asSocketError(error);
  } finally {
    await client.destroy().catch(() => {
    });
    socket.destroy();
  }
}

// src/checks/oauth-token.ts
var oauthTokenCheck = {
  ...OAUTH_TOKEN,
  async run(ctx) {
    ctx.stage("input");
    const facts = factsOf(ctx, "tls.auth");
    if (!facts?.loginPassed) return { summary: "Not run: the TLS connection for login failed (tls.auth).", findings: [], blockedBy: ["tls.auth"] };
    return withEndpointRow(await tokenExchange(ctx, facts), facts.login);
  }
};
async function tokenExchange(ctx, facts) {
  const { endpoints, target, route, trust } = facts;
  const url = new URL(endpoints.tokenEndpoint);
  const world = await ctx.world();
  const hintContext = { target, route, transport: "https", platform: ctx.host.platform, words: new Speaker(world, ctx.host), intercepted: facts.interception.kind !== "not-intercepted", env: routeEnv(world, ctx.host) };
  if (unknownForUnreadStore(facts.verdicts.https)) {
    return {
      summary: `POST ${url.href}: not sent (the OS store could not be read to verify the connection).`,
      findings: [
        unreadStoreFinding(facts.verdicts.https, trust, facts.issuerSearch, networkHints("TLS_UNKNOWN_ISSUER", hintContext), " The token request was not sent.")
      ],
      data: { url: url.href, route: describeRoute(route, target), sent: false }
    };
  }
  const { codexVersion } = world;
  const body = tokenRequestBody(`codex-doctor-invalid-${randomBytes(8).toString("hex")}`, randomBytes(48).toString("base64url"), codexVersion);
  const stager = new Stager(ctx);
  const budget = probeBudget(ctx);
  let response;
  try {
    const pathInput = { target, route, dialing: ctx.host, signal: budget.signal, proxyCa: () => trust.https.pems };
    const post = (socket) => stager.step(
      "http",
      () => httpRequest({
        socket,
        method: "POST",
        url,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json"
        },
        body,
        signal: budget.signal
      })
    );
    const kept = facts.connection?.take();
    response = kept ? await post(kept) : await throughPath(
      stager,
      pathInput,
      async (opened) => post(
        await stager.step(
          "tls-handshake",
          () => verifiedTls({ socket: opened.socket, servername: target.host, verifier: chainVerifier(trust.https, target.host, ctx.host.now(), facts.chain), alpn: trust.https.alpn, signal: budget.signal })
        )
      )
    );
  } catch (error) {
    const failure = classifyFailure(error, stager, { proxied: route.kind === "proxy", probe: "oauth" });
    const codexSays = `Codex would show: "${tokenExchangeFailed(url.href)}" (with \`codex login --device-auth\`: "${deviceLoginFailed(sendError(DEVICE_CODE_URL), codexVersion)}").`;
    return {
      summary: `POST ${url.href}: failed at ${failure.stage} (${failure.code}).`,
      findings: [
        {
          level: "fail",
          code: failure.code,
          stage: failure.stage,
          detail: `${failure.detail} ${codexSays}`,
          cause: failure.cause,
          hints: oauthHints(failure.code, hintContext, url) ?? networkHints(failure.code, hintContext)
        }
      ],
      data: { url: url.href, route: describeRoute(route, target), stage: failure.stage }
    };
  } finally {
    budget.dispose();
  }
  const kind = responseKind(response, response.body);
  const finding = judgeTokenResponse(response, kind, url, hintContext);
  const evidence = [
    {
      title: `POST ${url.href}`,
      lines: [
        `Body (form-encoded, as Codex sends it): grant_type=authorization_code, code=<deliberately invalid>, redirect_uri=${loginRedirectUri(codexVersion)} (the browser login's callback; 1457 when 1455 is taken), client_id, code_verifier=<random>`,
        `Answer (${response.protocol === "h2" ? "HTTP/2" : "HTTP/1.1"}, as ALPN picked): ${response.status} ${response.reason}; ${header(response, "content-type") ?? "no content type"}; ${header(response, "server") ? `server ${header(response, "server")}` : "no server header"}`,
        `Body starts: ${response.body.replace(/\s+/g, " ").slice(0, 200)}`
      ]
    }
  ];
  return {
    summary: `POST ${url.pathname} -> ${response.status} (${kind}): ${finding.level === "info" ? "the token exchange path works" : finding.code}.`,
    findings: [finding],
    evidence,
    data: { url: url.href, route: describeRoute(route, target), protocol: response.protocol, status: response.status, kind, contentType: header(response, "content-type") ?? null },
    facts: { status: response.status, kind }
  };
}
function judgeTokenResponse(response, kind, url, context) {
  const status = `${response.status}${response.reason ? ` ${response.reason}` : ""}`;
  const fail = (code, detail) => ({
    level: "fail",
    code,
    stage: "http",
    detail,
    cause: httpAnswerCause(response, response.protocol),
    hints: oauthHints(code, context, url, response) ?? networkHints(code, context)
  });
  const codexSays = `Codex would show: "token endpoint returned status ${response.status}: ..."`;
  switch (kind) {
    case "openai-json":
      if (response.status >= 400 && response.status < 500) {
        return {
          level: "info",
          code: "OAUTH_PATH_OK",
          stage: "http",
          detail: `The token endpoint answered ${status} with OpenAI's JSON error (${openAiErrorText(response.body) ?? "error"}) to the deliberately invalid code: a real login gets this far.`
        };
      }
      if (response.status >= 500) return fail("OAUTH_SERVER_ERROR", `OpenAI answered ${status} with a JSON error (${openAiErrorText(response.body) ?? "error"}). ${codexSays}`);
      return fail("OAUTH_UNEXPECTED_RESPONSE", `The token endpoint answered ${status} to an invalid code, which OpenAI never does. ${codexSays}`);
    case "cloudflare-challenge":
      return fail("OAUTH_CLOUDFLARE_CHALLENGE", `Cloudflare answered ${status} with a bot challenge ("${pageTitle(response.body) ?? "challenge"}") instead of passing the request to OpenAI. ${codexSays}`);
    case "html":
      if (response.status === 407) return fail("OAUTH_PROXY_AUTH", `The inspecting proxy answered ${status} to the token request itself. ${codexSays}`);
      if (response.status >= 500) return fail("OAUTH_SERVER_ERROR", `${status} came back as an HTML page ("${pageTitle(response.body) ?? "no title"}"), not from OpenAI. ${codexSays}`);
      return fail("OAUTH_BLOCK_PAGE", `${status} came back as an HTML page ("${pageTitle(response.body) ?? "no title"}") instead of OpenAI's JSON: something on the path blocks or rewrites the request. ${codexSays}`);
    case "other-json":
    case "other":
      if (response.status === 407) return fail("OAUTH_PROXY_AUTH", `The inspecting proxy answered ${status} to the token request itself. ${codexSays}`);
      if (response.status === 403) return fail("OAUTH_PROXY_DENIED", `The token request got ${status} from something that is not OpenAI (no OpenAI JSON error). ${codexSays}`);
      if (response.status >= 500) return fail("OAUTH_SERVER_ERROR", `The token request got ${status}, not from OpenAI's API. ${codexSays}`);
      return fail("OAUTH_UNEXPECTED_RESPONSE", `The token request got ${status} with a body that is not OpenAI's JSON error. ${codexSays}`);
  }
}
export {
  judgeTokenResponse,
  oauthTokenCheck
};
