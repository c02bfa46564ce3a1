import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_codes
} from "../chunks/chunk-2KIEUFJF.mjs";
import {
  require_exit_codes,
  require_main
} from "../chunks/chunk-V6M5VHGB.mjs";
import {
  summaryLine
} from "../chunks/chunk-PUKLK6KA.mjs";
import {
  __commonJS,
  __toESM
} from "../chunks/chunk-JO3HUCP3.mjs";

// shared-module:/work/wt/lead/src/render/json.ts
var require_json = __commonJS({
  "shared-module:/work/wt/lead/src/render/json.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/render/json.ts"];
  }
});

// shared-module:/work/wt/lead/src/core/redact.ts
var require_redact = __commonJS({
  "shared-module:/work/wt/lead/src/core/redact.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/core/redact.ts"];
  }
});

// src/explain/command.ts
var import_exit_codes = __toESM(require_exit_codes(), 1);

// src/render/explain.ts
var import_codes = __toESM(require_codes(), 1);

// src/words/explain.ts
var explainWords = {
  pasted: "You pasted",
  notRecognised: "Not a Codex network error I know. Here is the full runbook on this machine instead; if the error came from Codex, please attach both to the ticket.",
  canMean: "It can mean:",
  moreCauses: (n) => `... and ${n} more (--verbose lists them all)`,
  checksRun: "Checks run to tell these apart",
  answer: "What applies here",
  otherProblem: "None of those causes shows up here now, but this fails:",
  pathWorks: "None of those causes shows up here now: these checks pass from this machine. The error came from another network or proxy, a host the doctor does not probe, or it was transient; run Codex again from here and paste the new error if it persists.",
  codexPolicy: "The network checks are not the place to look: see the note above.",
  runbook: "The full runbook",
  fix: "Fix"
};

// src/render/explain.ts
var import_json = __toESM(require_json(), 1);
function renderExplainText(result, options) {
  const lines = [`${explainWords.pasted}: "${result.quoted}"`, ""];
  if (result.recognised.length === 0) {
    lines.push(explainWords.notRecognised, "");
  } else {
    for (const r of result.recognised) {
      lines.push(r.context);
      if (r.causes.length > 0) {
        lines.push(explainWords.canMean);
        const shown = options.verbose ? r.causes : r.causes.slice(0, MAX_CAUSES_SHOWN);
        for (const cause of shown) lines.push(`  - ${cause.code}: ${cause.meaning}`);
        if (shown.length < r.causes.length) lines.push(`  ${explainWords.moreCauses(r.causes.length - shown.length)}`);
      }
      if (r.note) lines.push(r.note);
      lines.push("");
    }
    lines.push(`${explainWords.checksRun}: ${result.checks.join(", ")}`, "");
  }
  const { answer } = result;
  switch (result.verdict) {
    case "cause-found":
      lines.push(`${explainWords.answer}: ${answer.code} (${answer.check}, ${answer.level === "fail" ? "failed" : "warns"} at ${answer.stage}).`, `  ${answer.detail}`);
      break;
    case "other-problem":
      lines.push(explainWords.otherProblem, `  ${answer.code} (${answer.check}, at ${answer.stage}): ${answer.detail}`);
      break;
    case "path-works":
      lines.push(explainWords.pathWorks);
      break;
    case "codex-policy":
      lines.push(explainWords.codexPolicy);
      break;
    case "not-recognised": {
      const report = result.report;
      lines.push(`${explainWords.runbook}: ${summaryLine(report.counts)}.`);
      if (report.summary) lines.push(report.summary);
      for (const check of report.checks) {
        const first = check.error ?? check.findings.find((f) => f.level === "warn");
        lines.push(`  ${check.status.padEnd(5)} ${check.id.padEnd(15)} ${first ? `${first.code}: ` : ""}${check.summary}`);
      }
      break;
    }
  }
  const hint = answer?.hint ?? (result.verdict === "not-recognised" ? result.report.fixFirst?.hint : void 0);
  if (hint) {
    lines.push("", `${explainWords.fix}: ${hint.text}`);
    if (hint.command) lines.push(...hint.command.split("\n").map((l) => `  $ ${l}`));
    if (hint.snippet) lines.push(...hint.snippet.split("\n").map((l) => `    ${l}`));
  }
  return `${lines.join("\n")}
`;
}
var MAX_CAUSES_SHOWN = 6;
function renderExplainJson(result) {
  const document = {
    // 2 since the report inside is a schemaVersion 2 report.
    schemaVersion: 2,
    tool: "codex-doctor",
    command: "explain",
    text: result.quoted,
    recognised: result.recognised,
    checks: result.checks,
    verdict: result.verdict,
    answer: result.answer ?? null,
    ...result.answer && { meaning: import_codes.CATALOGUE[result.answer.code] },
    report: (0, import_json.jsonDocument)(result.report)
  };
  return `${JSON.stringify(document, null, 2)}
`;
}

// src/explain/explain.ts
var import_codes2 = __toESM(require_codes(), 1);
var import_redact = __toESM(require_redact(), 1);
var import_main = __toESM(require_main(), 1);

// src/explain/recognisers.ts
var HTTPS_TRANSPORT_CAUSES = [
  "TLS_UNKNOWN_ISSUER",
  "TLS_BAD_SIGNATURE",
  "TLS_WEAK_KEY",
  "TLS_NOT_VALID_FOR_NAME",
  "TLS_EXPIRED",
  "TLS_NOT_YET_VALID",
  "TLS_ISSUER_NOT_CA",
  "TLS_CA_AS_END_ENTITY",
  "TLS_EKU_NO_SERVER_AUTH",
  "TLS_VERIFY_FAILED",
  "TLS_HANDSHAKE_RESET",
  "TLS_NOT_TLS",
  "TLS_PROTOCOL_TOO_OLD",
  "TLS_HANDSHAKE_FAILED",
  "TLS_ALERT",
  "TLS_HANDSHAKE_TIMEOUT",
  "PROXY_AUTH_REQUIRED",
  "PROXY_AUTH_REJECTED",
  "PROXY_AUTH_SCHEME_UNSUPPORTED",
  "PROXY_BLOCKED",
  "PROXY_UNREACHABLE",
  "PROXY_NO_RESPONSE",
  "PROXY_CLOSED",
  "PROXY_NOT_HTTP",
  "PROXY_UPSTREAM_FAILED",
  "PROXY_CONNECT_REJECTED",
  "PROXY_SCHEME_UNSUPPORTED",
  "NET_DNS_NOT_FOUND",
  "NET_DNS_FAILED",
  "NET_CONNECTION_REFUSED",
  "NET_UNREACHABLE",
  "NET_TIMEOUT",
  "NET_CONNECTION_RESET",
  "NET_ERROR"
];
var CA_LOAD_CAUSES = [
  "CA_FILE_NOT_FOUND",
  "CA_IS_DIRECTORY",
  "CA_UNREADABLE",
  "CA_NOT_A_REGULAR_FILE",
  "CA_EMPTY_FILE",
  "CA_TOO_LARGE",
  "CA_NO_CERTIFICATES",
  "CA_FORMAT_DER",
  "CA_FORMAT_PKCS7",
  "CA_FORMAT_PKCS12",
  "CA_FORMAT_UTF16",
  "CA_PEM_ILLEGAL_SECTION_START",
  "CA_PEM_MISSING_SECTION_END",
  "CA_PEM_BASE64",
  "CA_PEM_BAD_CRL",
  "CA_TRUSTED_DER_LENGTH",
  "CA_REGISTER_FAILED"
];
var TOKEN_RESPONSE_CAUSES = [
  "OAUTH_BLOCK_PAGE",
  "OAUTH_CLOUDFLARE_CHALLENGE",
  "OAUTH_PROXY_DENIED",
  "OAUTH_PROXY_AUTH",
  "OAUTH_SERVER_ERROR",
  "OAUTH_UNEXPECTED_RESPONSE"
];
var WEBSOCKET_CAUSES = [
  "WS_UPGRADE_REFUSED",
  "WS_UPGRADE_STRIPPED",
  "WS_CLOSED",
  "WS_TIMEOUT",
  "WS_UNEXPECTED_RESPONSE",
  "PROXY_SCHEME_UNSUPPORTED",
  ...HTTPS_TRANSPORT_CAUSES.filter((code) => code !== "PROXY_SCHEME_UNSUPPORTED")
];
var LOGIN_CHECKS = ["ca.bundle", "env.precedence", "tls.auth", "oauth.token"];
var STREAM_CHECKS = ["ca.bundle", "env.precedence", "ws.upgrade"];
var CA_CHECKS = ["ca.bundle", "env.precedence"];
var PATH_CHECKS = ["ca.bundle", "env.precedence", "tls.auth", "ws.upgrade"];
var RECOGNISERS = [
  // --- the CA bundle, stage by stage (custom_ca.rs) ---
  {
    id: "ca-read",
    context: "Codex could not read the CA file named by CODEX_CA_CERTIFICATE or SSL_CERT_FILE (stage read).",
    patterns: [/Failed to read CA certificate file/i],
    causes: ["CA_FILE_NOT_FOUND", "CA_IS_DIRECTORY", "CA_UNREADABLE", "CA_NOT_A_REGULAR_FILE", "ENV_VALUE_QUOTED", "ENV_VALUE_WHITESPACE", "ENV_VALUE_TILDE", "ENV_VALUE_RELATIVE"],
    checks: CA_CHECKS
  },
  {
    id: "ca-parse",
    context: "Codex read the CA file but found no usable PEM certificates in it (stage parse).",
    patterns: [/Failed to load CA certificates from/i, /no certificates found in PEM file/i, /failed to extract certificate data from TRUSTED CERTIFICATE/i],
    causes: ["CA_NO_CERTIFICATES", "CA_FORMAT_DER", "CA_FORMAT_PKCS7", "CA_FORMAT_PKCS12", "CA_FORMAT_UTF16", "CA_EMPTY_FILE", "CA_PEM_ILLEGAL_SECTION_START", "CA_PEM_MISSING_SECTION_END", "CA_PEM_BASE64", "CA_PEM_BAD_CRL", "CA_TRUSTED_DER_LENGTH"],
    checks: ["ca.bundle"]
  },
  {
    id: "ca-register",
    context: "Codex parsed the CA file, but the TLS library refused one of its certificates (stage register).",
    patterns: [
      /Failed to parse certificate #\d+ from/i,
      /Failed to register certificate #\d+ from .* in rustls root store/i,
      /Failed to build HTTP client while using CA bundle/i,
      /failed to build client after loading custom CA bundle/i
    ],
    causes: ["CA_REGISTER_FAILED", "CA_CERT_UNREADABLE"],
    checks: ["ca.bundle"]
  },
  {
    id: "websocket-tls-config",
    context: "Codex could not set up TLS for its WebSocket: the CA bundle failed to load for it.",
    patterns: [/failed to configure websocket TLS/i],
    causes: CA_LOAD_CAUSES,
    checks: ["ca.bundle"]
  },
  // --- what only the WebSocket path names ---
  {
    id: "proxy-scheme",
    context: "Codex's WebSocket client cannot use the proxy URL: it takes only http://, socks5:// and socks5h://.",
    patterns: [/Proxy URL scheme not supported/i],
    causes: ["PROXY_SCHEME_UNSUPPORTED", "ENV_PROXY_SCHEME_UNSUPPORTED"],
    checks: ["env.precedence", "ws.upgrade"]
  },
  {
    id: "connect-407",
    context: "The proxy answered CONNECT with 407: it wants credentials Codex did not send, or refused them.",
    patterns: [/HTTP CONNECT failed with status 407/i, /\bstatus 407\b/i, /\b407 Proxy Authentication Required\b/i, /proxy authentication required/i],
    causes: ["PROXY_AUTH_REQUIRED", "PROXY_AUTH_REJECTED", "PROXY_AUTH_SCHEME_UNSUPPORTED", "OAUTH_PROXY_AUTH"],
    checks: ["env.precedence", "tls.auth", "oauth.token", "ws.upgrade"]
  },
  {
    id: "connect-refused-status",
    context: "The proxy refused to open the tunnel (CONNECT answered with an error status).",
    patterns: [/HTTP CONNECT failed with status (?!407)\d{3}/i],
    causes: ["PROXY_BLOCKED", "PROXY_UPSTREAM_FAILED", "PROXY_CONNECT_REJECTED"],
    checks: ["env.precedence", "tls.auth", "ws.upgrade"]
  },
  {
    id: "upgrade-403",
    context: "The WebSocket upgrade to the model came back 403: a proxy or filter refuses it, or a proxy policy blocks the host.",
    patterns: [/unexpected status 403\b/i, /\b403 Forbidden\b/i],
    causes: ["WS_UPGRADE_REFUSED", "PROXY_BLOCKED", "WS_UNEXPECTED_RESPONSE"],
    checks: ["env.precedence", "tls.auth", "ws.upgrade"]
  },
  {
    id: "upgrade-426",
    context: "The WebSocket upgrade came back 426 Upgrade Required: something on the path does not pass WebSocket upgrades.",
    patterns: [/unexpected status 426\b/i, /\b426 Upgrade Required\b/i],
    causes: ["WS_UPGRADE_REFUSED", "WS_UPGRADE_STRIPPED"],
    checks: STREAM_CHECKS
  },
  {
    id: "rustls-unknown-issuer",
    context: "rustls did not find the issuer of the presented chain among the roots Codex trusts: usually a TLS-inspecting proxy whose root Codex is not given.",
    patterns: [/invalid peer certificate: UnknownIssuer/i, /\bUnknownIssuer\b/],
    causes: ["TLS_UNKNOWN_ISSUER", "ENV_SSL_CERT_FILE_REPLACES_OS", "ENV_OTHER_CA_VAR_DIFFERS"],
    checks: PATH_CHECKS
  },
  {
    id: "rustls-bad-signature",
    context: "rustls refused a signature in the chain: SHA-1 or MD5, or a key it does not accept (an old inspection CA).",
    patterns: [/invalid peer certificate: (BadSignature|UnsupportedSignatureAlgorithm\w*)/i, /\b(BadSignature|UnsupportedSignatureAlgorithm)\b/],
    causes: ["TLS_BAD_SIGNATURE", "TLS_WEAK_KEY", "CA_WEAK_SIGNATURE", "CA_WEAK_RSA_KEY"],
    checks: PATH_CHECKS
  },
  {
    id: "rustls-expired",
    context: "rustls found a certificate in the chain out of its validity period (or the clock is wrong).",
    patterns: [/invalid peer certificate: (Expired|NotValidYet)\w*/i],
    causes: ["TLS_EXPIRED", "TLS_NOT_YET_VALID"],
    checks: PATH_CHECKS
  },
  {
    id: "rustls-name",
    context: "rustls found no subjectAltName for the host in the presented certificate (it ignores the Common Name).",
    patterns: [/invalid peer certificate: NotValidForName\w*/i, /\bNotValidForName\b/],
    causes: ["TLS_NOT_VALID_FOR_NAME"],
    checks: PATH_CHECKS
  },
  {
    id: "rustls-other",
    context: "rustls refused the presented chain for another webpki rule.",
    patterns: [
      /invalid peer certificate: (?!UnknownIssuer|BadSignature|UnsupportedSignatureAlgorithm|Expired|NotValidYet|NotValidForName)/i,
      /\b(CaUsedAsEndEntity|EndEntityUsedAsCa|InvalidPurpose)\b/
    ],
    causes: ["TLS_CA_AS_END_ENTITY", "TLS_ISSUER_NOT_CA", "TLS_EKU_NO_SERVER_AUTH", "TLS_VERIFY_FAILED"],
    checks: PATH_CHECKS
  },
  {
    id: "connection-refused",
    context: "Nothing accepted the TCP connection: usually the proxy named in the environment is wrong or down.",
    patterns: [/Connection refused \(os error 111\)/i, /\bconnection refused\b/i, /\bECONNREFUSED\b/],
    causes: ["PROXY_UNREACHABLE", "NET_CONNECTION_REFUSED", "ENV_PROXY_CASE_CONFLICT"],
    checks: ["env.precedence", "tls.auth", "ws.upgrade"]
  },
  // --- the login ---
  {
    id: "token-endpoint-status",
    context: "The token request reached something that answered with an error status; OpenAI answers it with JSON, a filter with its own page.",
    patterns: [/token endpoint returned status \d{3}/i],
    causes: TOKEN_RESPONSE_CAUSES,
    checks: ["env.precedence", "tls.auth", "oauth.token"]
  },
  {
    id: "token-exchange",
    context: "Login (browser flow): the POST to https://auth.openai.com/oauth/token never got an HTTP answer. On HTTPS Codex names no cause: a certificate, a proxy login, a refused or wrong proxy all read the same.",
    patterns: [/Token exchange failed/i, /oauth token connection failed/i],
    causes: [...CA_LOAD_CAUSES.slice(0, 3), ...HTTPS_TRANSPORT_CAUSES],
    checks: LOGIN_CHECKS
  },
  {
    id: "device-flow",
    context: 'Login with --device-auth: the device-code requests to auth.openai.com failed (0.169.0 prefixes them "Error logging in:").',
    patterns: [/Error logging in:/i, /deviceauth/i],
    causes: [...HTTPS_TRANSPORT_CAUSES, ...TOKEN_RESPONSE_CAUSES],
    checks: LOGIN_CHECKS
  },
  // --- streaming and the model API ---
  {
    id: "websocket-fallback",
    context: "The WebSocket to the model failed (Codex retried, then fell back to HTTPS streaming).",
    patterns: [/Falling back from WebSockets to HTTPS transport/i, /Reconnecting\.\.\.\s*\d+\/\d+/i],
    causes: WEBSOCKET_CAUSES,
    checks: STREAM_CHECKS
  },
  {
    id: "waiting-for-network",
    context: "Both the WebSocket and the HTTPS fallback fail; 0.169.0 then retries without end instead of exiting.",
    patterns: [/Reconnecting\.\.\.\s*waiting for network/i],
    causes: WEBSOCKET_CAUSES,
    checks: ["ca.bundle", "env.precedence", "tls.auth", "ws.upgrade"]
  },
  {
    id: "model-api-request",
    context: "A model API request over HTTPS never got an HTTP answer; like the login, HTTPS names no cause.",
    // The token URL's own text is the login's (token-exchange above).
    patterns: [/Connection failed: error sending request/i, /error sending request for url \((?!https:\/\/auth\.openai\.com)/i],
    causes: HTTPS_TRANSPORT_CAUSES,
    checks: PATH_CHECKS
  },
  // --- Codex's own `codex doctor` row classes ---
  {
    id: "codex-doctor-tls",
    context: "Codex's own `codex doctor` could not complete TLS to the provider.",
    patterns: [/TLS handshake or certificate validation failed/i],
    causes: HTTPS_TRANSPORT_CAUSES.filter((code) => code.startsWith("TLS_")),
    checks: PATH_CHECKS
  },
  {
    id: "codex-doctor-timeout",
    context: "A request (in Codex's own `codex doctor`, or Codex itself) got no answer in time.",
    patterns: [/request timed out/i, /\btimed out\b/i],
    causes: ["PROXY_NO_RESPONSE", "NET_TIMEOUT", "TLS_HANDSHAKE_TIMEOUT", "WS_TIMEOUT", "OAUTH_TIMEOUT"],
    checks: ["env.precedence", "tls.auth", "oauth.token", "ws.upgrade"]
  },
  {
    id: "codex-doctor-connect",
    context: "Codex's own `codex doctor` could not connect to the provider.",
    patterns: [/\bconnect failed\b/i],
    causes: ["PROXY_UNREACHABLE", "NET_CONNECTION_REFUSED", "NET_UNREACHABLE", "NET_DNS_NOT_FOUND", "PROXY_BLOCKED"],
    checks: ["env.precedence", "tls.auth", "ws.upgrade"]
  },
  // --- not the corporate network ---
  {
    id: "application-network-policy",
    context: "Codex's own network policy for sandboxed commands ([permissions.<name>.network], the managed network proxy) refused the destination.",
    patterns: [/destination denied by application network policy/i, /application network permission was revoked/i],
    causes: ["NET_CODEX_POLICY_DENIED"],
    checks: ["env.precedence", "tls.auth", "ws.upgrade", "config.codex", "sandbox.env"],
    note: "This comes from Codex itself, not from the corporate proxy or a certificate: allow the domain in the network permissions of the Codex profile in use, or ask whoever manages your Codex configuration."
  },
  {
    id: "config-unknown-keys",
    context: "Codex 0.169.0 warns at start about config.toml keys it does not know (older releases ignored them silently).",
    patterns: [/Codex is ignoring \d+ unrecognized configuration settings?/i, /` is ignored\./],
    causes: ["CONFIG_UNKNOWN_KEY", "SANDBOX_SHELL_ENVIRONMENT_TABLE", "SANDBOX_UNKNOWN_KEY", "CONFIG_CA_KEY_UNSUPPORTED"],
    checks: ["config.codex", "sandbox.env"]
  },
  {
    id: "provider-not-found",
    context: "model_provider names a provider Codex does not have; Codex refuses to start.",
    patterns: [/Model provider `[^`]*` not found/i],
    causes: ["CONFIG_PROVIDER_NOT_FOUND"],
    checks: ["config.codex"]
  }
];
function recognise(text) {
  return RECOGNISERS.filter((r) => r.patterns.some((pattern) => pattern.test(text)));
}

// src/explain/explain.ts
var MAX_EXPLAIN_BYTES = 64 * 1024;
var QUOTED_CHARS = 300;
async function explain(input) {
  const { host, flags } = input;
  const text = input.text.slice(0, MAX_EXPLAIN_BYTES);
  const matched = recognise(text);
  const checks = [...new Set(matched.flatMap((r) => r.checks))];
  const only = matched.length === 0 ? flags.only : flags.only.length > 0 ? checks.filter((c) => flags.only.includes(c)) : checks;
  const report = await (0, import_main.createSession)(host, { ...flags, only: only.length > 0 ? only : checks }).run(void 0, input.signal);
  const redactor = import_redact.Redactor.fromEnv(host.env);
  const quoted = redactor.text(text.trim().replace(/\s+/g, " ").slice(0, QUOTED_CHARS));
  const recognised = matched.map(describe);
  if (matched.length === 0) return { quoted, recognised, checks: report.checks.map((c) => c.id), verdict: "not-recognised", report };
  const candidates = new Set(matched.flatMap((r) => r.causes));
  const found = findingWith(report, (code) => candidates.has(code));
  if (found) return { quoted, recognised, checks, verdict: "cause-found", answer: found, report };
  if (matched.some((r) => r.note !== void 0)) return { quoted, recognised, checks, verdict: "codex-policy", report };
  const other = findingWith(report, () => true);
  return other ? { quoted, recognised, checks, verdict: "other-problem", answer: other, report } : { quoted, recognised, checks, verdict: "path-works", report };
}
function findingWith(report, accept) {
  for (const level of ["fail", "warn"]) {
    for (const check of report.checks) {
      const finding = check.findings.find((f) => f.level === level && accept(f.code));
      if (finding) {
        const hint = finding.hints?.[0];
        return { check: check.id, code: finding.code, stage: finding.stage, level, detail: finding.detail, meaning: import_codes2.CATALOGUE[finding.code], ...hint && { hint } };
      }
    }
  }
  return void 0;
}
function describe(r) {
  return { id: r.id, context: r.context, causes: r.causes.map((code) => ({ code, meaning: import_codes2.CATALOGUE[code] })), ...r.note !== void 0 && { note: r.note } };
}

// src/explain/command.ts
async function runExplain(parsed, io, host) {
  const text = parsed.text ?? await io.readStdin?.(MAX_EXPLAIN_BYTES);
  if (text === void 0 || text.trim() === "") {
    io.stderr.write('codex-doctor: explain needs the error text: codex-doctor explain "<error text>", or pipe it in.\nRun codex-doctor --help for the options.\n');
    return import_exit_codes.ExitCode.usage;
  }
  const result = await explain({ host, flags: parsed.flags, text, ...io.signal && { signal: io.signal } });
  if (parsed.flags.output === "json") {
    io.stdout.write(renderExplainJson(result));
  } else {
    io.stdout.write(renderExplainText(result, { verbose: parsed.flags.verbose }));
    if (parsed.flags.output === "markdown") {
      const { renderMarkdown } = await import("../render/markdown.mjs");
      io.stdout.write(`
${renderMarkdown(result.report)}`);
    }
  }
  return result.report.exitCode;
}
export {
  runExplain
};
