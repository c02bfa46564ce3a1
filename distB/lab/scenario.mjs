import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CORPORATE_PRODUCTS
} from "../chunks/chunk-BGTIPJF2.mjs";
import "../chunks/chunk-QHAEARCA.mjs";
import "../chunks/chunk-RRXYZSD5.mjs";
import "../chunks/chunk-NMJGY7J4.mjs";
import {
  API_KEY_BASE_URL,
  CHATGPT_BASE_URL,
  PROXY_VARIABLE_PAIRS,
  isErrorCode,
  nearestKey,
  websocketUrl
} from "../chunks/chunk-ZSNKZDF6.mjs";
import "../chunks/chunk-QRNDIB45.mjs";
import "../chunks/chunk-JO3HUCP3.mjs";

// src/lab/scenario.ts
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse, TomlError } from "smol-toml";

// src/checks/env-proxies.ts
var WEBSOCKET_TARGETS = [CHATGPT_BASE_URL, API_KEY_BASE_URL].map(websocketUrl).filter((url) => url !== null);

// src/checks/env-precedence.ts
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

// src/checks/index.ts
var CHECK_IDS = ["ca.bundle", "env.precedence", "tls.auth", "oauth.token", "ws.upgrade", "config.codex", "sandbox.env"];

// src/core/types.ts
var STAGES = [
  "input",
  "read",
  "parse",
  "register",
  "resolve",
  "dns",
  "tcp",
  "proxy-connect",
  "proxy-auth",
  "tls-handshake",
  "tls-verify",
  "http",
  "ws-upgrade",
  "policy"
];

// src/lab/scenario-fields.ts
var ScenarioError = class extends Error {
  name = "ScenarioError";
};
var Fields = class _Fields {
  #table;
  #label;
  #prefix;
  #used = /* @__PURE__ */ new Set();
  constructor(table, label, prefix) {
    this.#table = table;
    this.#label = label;
    this.#prefix = prefix;
  }
  /** `file: key.path` for messages. */
  where(key) {
    return `${this.#label}: ${this.#prefix}${formatKeySegment(key)}`;
  }
  keys() {
    return Object.keys(this.#table);
  }
  #get(key, expected, options) {
    this.#used.add(key);
    const value = this.#table[key];
    if (value === void 0 && options.required) throw new ScenarioError(`${this.where(key)}: missing (${expected})`);
    return value;
  }
  #wrong(key, expected, value) {
    return new ScenarioError(`${this.where(key)}: expected ${expected}, got ${describe(value)}`);
  }
  string(key, options = {}) {
    const value = this.#get(key, "a string", options);
    if (value === void 0) return void 0;
    if (typeof value !== "string") throw this.#wrong(key, "a string", value);
    return value;
  }
  boolean(key, options = {}) {
    const value = this.#get(key, "true or false", options);
    if (value === void 0) return void 0;
    if (typeof value !== "boolean") throw this.#wrong(key, "true or false", value);
    return value;
  }
  integer(key, options) {
    const expected = `an integer from ${options.min} to ${options.max}`;
    const value = this.#get(key, expected, options);
    if (value === void 0) return void 0;
    if (typeof value !== "number" || !Number.isInteger(value) || value < options.min || value > options.max) throw this.#wrong(key, expected, value);
    return value;
  }
  oneOf(key, values, options = {}) {
    const expected = `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
    const value = this.#get(key, expected, options);
    if (value === void 0) return void 0;
    if (!values.includes(value)) throw this.#wrong(key, expected, value);
    return value;
  }
  code(key) {
    const value = this.string(key);
    if (value !== void 0 && !isErrorCode(value)) throw new ScenarioError(`${this.where(key)}: ${value} is not in the error-code catalogue`);
    return value;
  }
  stringList(key, options = {}) {
    const value = this.#get(key, "a list of strings", options);
    if (value === void 0) return void 0;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw this.#wrong(key, "a list of strings", value);
    return value;
  }
  list(key, values, options = {}) {
    const expected = `a list of ${values.map((v) => JSON.stringify(v)).join(", ")}`;
    const value = this.#get(key, expected, options);
    if (value === void 0) return void 0;
    if (!Array.isArray(value) || value.some((v) => !values.includes(v))) throw this.#wrong(key, expected, value);
    return value;
  }
  stringMap(key) {
    const table = this.table(key);
    if (!table) return {};
    const map = {};
    for (const name of table.keys()) map[name] = table.string(name);
    table.done();
    return map;
  }
  table(key, options = {}) {
    const value = this.#get(key, "a table", options);
    if (value === void 0) return void 0;
    if (!isTable2(value)) throw this.#wrong(key, "a table", value);
    return new _Fields(value, this.#label, `${this.#prefix}${formatKeySegment(key)}.`);
  }
  /** An array of tables (`[[files]]`); absent is empty. */
  array(key) {
    const value = this.#get(key, "an array of tables", {});
    if (value === void 0) return [];
    if (!Array.isArray(value) || !value.every(isTable2)) throw this.#wrong(key, `an array of tables ([[${key}]])`, value);
    return value.map((entry, i) => new _Fields(entry, this.#label, `${this.#prefix}${key}[${i}].`));
  }
  /** Every key must have been read: a misspelt key is an error, with the nearest real key. */
  done() {
    for (const key of Object.keys(this.#table)) {
      if (this.#used.has(key)) continue;
      const near = nearestKey(key, [...this.#used]);
      throw new ScenarioError(`${this.where(key)}: unknown key${near ? ` (did you mean ${near}?)` : ""}; known here: ${[...this.#used].join(", ")}`);
    }
  }
};
function isTable2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
function formatKeySegment(key) {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}
function describe(value) {
  if (Array.isArray(value)) return "a list";
  if (isTable2(value)) return "a table";
  return JSON.stringify(value) ?? String(value);
}

// src/lab/scenario.ts
var SCENARIOS_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));
var FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/", import.meta.url));
var DEFAULT_SCENARIO = "zscaler-healthy";
var DER_SOURCES = ["corporate-root", "public-root"];
var TEXT_ENCODINGS = ["utf-8", "utf-16le"];
var PLACEHOLDERS = {
  "lab.proxyUrl": "the proxy URL, `http://127.0.0.1:PORT` (`https://` for a TLS proxy)",
  "lab.proxyUrlWithCredentials": "the proxy URL with the user:password the proxy wants",
  "lab.proxyHostPort": "the proxy as `127.0.0.1:PORT`, without a scheme",
  "lab.corporateRoot": "the corporate root, PEM file",
  "lab.corporateRootDer": "the corporate root, DER file",
  "lab.publicRoot": "the lab's public root, PEM file",
  "lab.systemStore": "the file standing in for the OS trust store",
  dir: "the lab directory (the working directory)",
  home: "HOME",
  codexHome: "$HOME/.codex, where config.toml is written",
  "pem.corporateRoot": "the corporate root as PEM text",
  "pem.corporateRootTrusted": "the corporate root as an OpenSSL TRUSTED CERTIFICATE block (with a trust trailer)",
  "pem.corporateIntermediate": "the corporate intermediate as PEM text",
  "pem.publicRoot": "the lab's public root as PEM text",
  "pem.crl": "a well-formed X509 CRL block"
};
var PLACEHOLDER = /\$\{([^}]*)\}/g;
function isPlaceholder(name) {
  return Object.hasOwn(PLACEHOLDERS, name);
}
function fillPlaceholders(text, values, where) {
  return text.replace(PLACEHOLDER, (_match, name) => {
    if (!isPlaceholder(name)) throw new ScenarioError(`${where}: unknown placeholder \${${name}}`);
    const value = values[name];
    if (value === null) throw new ScenarioError(`${where}: \${${name}} has no value in this lab (${PLACEHOLDERS[name]})`);
    return value;
  });
}
function checkPlaceholders(text, where) {
  for (const [, name = ""] of text.matchAll(PLACEHOLDER)) {
    if (!isPlaceholder(name)) {
      const near = nearestKey(name, Object.keys(PLACEHOLDERS));
      throw new ScenarioError(
        `${where}: unknown placeholder \${${name}}${near ? ` (did you mean \${${near}}?)` : ""}; known: ${Object.keys(PLACEHOLDERS).join(", ")}`
      );
    }
  }
}
async function loadScenarios(dir = SCENARIOS_DIR) {
  let names;
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new ScenarioError(`cannot read the scenario directory ${dir}: ${error.message}`);
  }
  const files = names.filter((n) => n.endsWith(".toml")).sort();
  const scenarios = await Promise.all(files.map((f) => loadScenario(path.join(dir, f))));
  return scenarios.sort((a, b) => a.name.localeCompare(b.name));
}
async function loadScenario(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ScenarioError(`cannot read ${file}: ${error.message}`);
  }
  return parseScenario(text, file);
}
function parseScenario(text, file) {
  const label = path.basename(file);
  let table;
  try {
    table = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const [first = error.message] = error.message.split("\n");
      throw new ScenarioError(`${label}:${error.line}:${error.column}: not valid TOML: ${first.replace(/^Invalid TOML document: /, "")}`);
    }
    throw error;
  }
  const top = new Fields(table, label, "");
  const name = top.string("name", { required: true });
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new ScenarioError(`${label}: name "${name}" must be kebab-case (a-z, 0-9, -)`);
  const expectedName = label.replace(/\.toml$/, "");
  if (name !== expectedName) throw new ScenarioError(`${label}: name "${name}" must match the file name (${expectedName})`);
  const title = top.string("title", { required: true });
  const description = top.string("description", { required: true }).trim().replace(/\s+/g, " ");
  const timeoutMs = top.integer("timeout_ms", { min: 100, max: 12e4 });
  const lab = labSpec(top.table("lab"));
  const env = top.stringMap("env");
  for (const [key, value] of Object.entries(env)) checkPlaceholders(value, `${label}: env.${key}`);
  const files = top.array("files").map((entry, i) => scenarioFile(entry, `${label}: files[${i}]`));
  const configToml = top.string("config_toml");
  const configInvalid = top.boolean("config_toml_invalid") ?? false;
  if (configToml !== void 0) {
    checkPlaceholders(configToml, `${label}: config_toml`);
    const problem = tomlProblem(configToml);
    if (problem !== null && !configInvalid) {
      throw new ScenarioError(`${label}: config_toml is not valid TOML (${problem}); set config_toml_invalid = true if that is the point`);
    }
    if (problem === null && configInvalid) throw new ScenarioError(`${label}: config_toml_invalid = true, but config_toml parses`);
  } else if (configInvalid) {
    throw new ScenarioError(`${label}: config_toml_invalid = true without a config_toml`);
  }
  const byHand = byHandFields(top.table("by_hand"), label);
  const expect = expectation(top.table("expect", { required: true }));
  top.done();
  return {
    name,
    title,
    description,
    file,
    ...timeoutMs === void 0 ? {} : { timeoutMs },
    lab,
    env,
    files,
    ...configToml === void 0 ? {} : { configToml },
    ...byHand && { byHand },
    expect
  };
}
function byHandFields(fields, label) {
  if (!fields) return void 0;
  const configToml = fields.string("config_toml");
  if (configToml !== void 0) {
    checkPlaceholders(configToml, `${label}: by_hand.config_toml`);
    const problem = tomlProblem(configToml);
    if (problem !== null) throw new ScenarioError(`${label}: by_hand.config_toml is not valid TOML (${problem}): it is what the user meant to write`);
  }
  const outsideEnv = fields.table("outside_env") ? fields.stringMap("outside_env") : void 0;
  for (const [key, value] of Object.entries(outsideEnv ?? {})) checkPlaceholders(value, `${label}: by_hand.outside_env.${key}`);
  fields.done();
  return { ...configToml !== void 0 && { configToml }, ...outsideEnv && { outsideEnv } };
}
function tomlProblem(text) {
  try {
    parse(text);
    return null;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    return `line ${error.line}, column ${error.column}: ${(error.message.split("\n")[0] ?? "").replace(/^Invalid TOML document: /, "")}`;
  }
}
function scenarioFile(entry, where) {
  const filePath = entry.string("path", { required: true });
  checkPlaceholders(filePath, `${where}.path`);
  if (path.isAbsolute(filePath) || filePath.split(/[\\/]/).includes("..")) {
    throw new ScenarioError(`${where}.path: "${filePath}" must stay inside the lab directory (relative, no ..)`);
  }
  const content = entry.string("content");
  const der = entry.oneOf("der", DER_SOURCES);
  const fixture = entry.string("fixture");
  const encoding = entry.oneOf("encoding", TEXT_ENCODINGS);
  entry.done();
  const given = [content, der, fixture].filter((v) => v !== void 0).length;
  if (given !== 1) throw new ScenarioError(`${where}: give exactly one of content, der, fixture`);
  if (encoding !== void 0 && content === void 0) throw new ScenarioError(`${where}: encoding applies to content only`);
  if (content !== void 0) {
    checkPlaceholders(content, `${where}.content`);
    return { path: filePath, source: { kind: "content", text: content, encoding: encoding ?? "utf-8" } };
  }
  if (der !== void 0) return { path: filePath, source: { kind: "der", of: der } };
  if (fixture.split(/[\\/]/).includes("..") || path.isAbsolute(fixture)) {
    throw new ScenarioError(`${where}.fixture: "${fixture}" must be a path inside fixtures/`);
  }
  return { path: filePath, source: { kind: "fixture", path: fixture } };
}
var HOST_FAULTS = ["block-page", "cloudflare-challenge"];
var TLS_VERSIONS = ["modern", "legacy-only"];
var WEBSOCKET_MODES = ["accept", "unauthorized"];
var SIGNATURES = ["sha256", "sha1"];
var KEY_BITS = [1024, 2048];
var VALIDITIES = ["valid", "expired", "not-yet-valid"];
var PRODUCTS = Object.keys(CORPORATE_PRODUCTS);
var PROXY_MODES = ["inspect", "connect"];
var AUTH_SCHEMES = ["Basic", "Negotiate", "NTLM"];
var WS_REFUSALS = [400, 403, 405, 426, "close", "strip-upgrade"];
var BLOCK_AT = ["connect", "request"];
var FAILURES = ["hang", "close", "bad-gateway", "codex-policy"];
var STORE_ROOTS = ["public", "corporate"];
var DIRECT_ACCESS = ["open", "refused"];
var OPENAI_HOST_NAMES = ["auth.openai.com", "api.openai.com", "chatgpt.com"];
function labSpec(fields) {
  if (!fields) return {};
  const origin = fields.table("origin");
  const corporateCa = fields.table("corporateCa");
  const proxy = fields.table("proxy");
  const systemStore = fields.list("systemStore", STORE_ROOTS);
  const direct = fields.oneOf("direct", DIRECT_ACCESS);
  fields.done();
  return {
    ...direct ? { direct } : {},
    ...origin ? { origin: originSpec(origin) } : {},
    ...corporateCa ? { corporateCa: corporateCaSpec(corporateCa) } : {},
    ...proxy ? { proxy: proxySpec(proxy) } : {},
    ...systemStore ? { systemStore } : {}
  };
}
function originSpec(fields) {
  const faults = fields.table("hostFaults");
  const hostFaults = {};
  if (faults) {
    for (const host of faults.keys()) {
      if (!OPENAI_HOST_NAMES.includes(host)) {
        throw new ScenarioError(`${faults.where(host)}: the lab serves ${OPENAI_HOST_NAMES.join(", ")}, not ${host}`);
      }
      hostFaults[host] = faults.oneOf(host, HOST_FAULTS);
    }
    faults.done();
  }
  const tlsVersions = fields.oneOf("tlsVersions", TLS_VERSIONS);
  const webSocket = fields.oneOf("webSocket", WEBSOCKET_MODES);
  const leaf = fields.table("leaf");
  fields.done();
  return {
    ...faults ? { hostFaults } : {},
    ...tlsVersions ? { tlsVersions } : {},
    ...webSocket ? { webSocket } : {},
    ...leaf ? { leaf: leafSpec(leaf) } : {}
  };
}
function leafSpec(fields) {
  const keyBits = fields.oneOf("keyBits", KEY_BITS);
  const validity = fields.oneOf("validity", VALIDITIES);
  const san = fields.boolean("san");
  const sendIntermediate = fields.boolean("sendIntermediate");
  fields.done();
  return {
    ...keyBits ? { keyBits } : {},
    ...validity ? { validity } : {},
    ...san === void 0 ? {} : { san },
    ...sendIntermediate === void 0 ? {} : { sendIntermediate }
  };
}
function corporateCaSpec(fields) {
  const product = fields.oneOf("product", PRODUCTS);
  const subjectFields = fields.table("subject");
  let subject;
  if (subjectFields) {
    const organization = subjectFields.string("organization");
    const organizationalUnit = subjectFields.string("organizationalUnit");
    const country = subjectFields.string("country");
    subject = {
      commonName: subjectFields.string("commonName", { required: true }),
      ...organization === void 0 ? {} : { organization },
      ...organizationalUnit === void 0 ? {} : { organizationalUnit },
      ...country === void 0 ? {} : { country }
    };
    subjectFields.done();
  }
  const signature = fields.oneOf("signature", SIGNATURES);
  const keyBits = fields.oneOf("keyBits", KEY_BITS);
  const validity = fields.oneOf("validity", VALIDITIES);
  const basicConstraints = fields.boolean("basicConstraints");
  const intermediate = fields.boolean("intermediate");
  const leaf = fields.table("leaf");
  fields.done();
  return {
    ...product ? { product } : {},
    ...subject ? { subject } : {},
    ...signature ? { signature } : {},
    ...keyBits ? { keyBits } : {},
    ...validity ? { validity } : {},
    ...basicConstraints === void 0 ? {} : { basicConstraints },
    ...intermediate === void 0 ? {} : { intermediate },
    ...leaf ? { leaf: leafSpec(leaf) } : {}
  };
}
function proxySpec(fields) {
  const mode = fields.oneOf("mode", PROXY_MODES, { required: true });
  const authFields = fields.table("auth");
  let auth;
  if (authFields) {
    const realm = authFields.string("realm");
    const schemes = authFields.list("schemes", AUTH_SCHEMES);
    auth = {
      username: authFields.string("username", { required: true }),
      password: authFields.string("password", { required: true }),
      ...realm === void 0 ? {} : { realm },
      ...schemes ? { schemes } : {}
    };
    authFields.done();
  }
  const refuseWebSocket = fields.oneOf("refuseWebSocket", WS_REFUSALS);
  const blockFields = fields.table("blockPage");
  let blockPage;
  if (blockFields) {
    blockPage = { hosts: blockFields.list("hosts", OPENAI_HOST_NAMES, { required: true }), at: blockFields.oneOf("at", BLOCK_AT, { required: true }) };
    blockFields.done();
    if (mode === "connect" && blockPage.at === "request") {
      throw new ScenarioError(`${fields.where("blockPage")}: a CONNECT-only proxy cannot see requests; use at = "connect"`);
    }
  }
  const failure = fields.oneOf("failure", FAILURES);
  const tls = fields.boolean("tls");
  fields.done();
  return {
    mode,
    ...auth ? { auth } : {},
    ...refuseWebSocket === void 0 ? {} : { refuseWebSocket },
    ...blockPage ? { blockPage } : {},
    ...failure ? { failure } : {},
    ...tls === void 0 ? {} : { tls }
  };
}
var STATUSES = ["pass", "warn", "fail", "skip", "crash"];
var EXIT_CODES = [0, 1, 3, 130];
function expectation(fields) {
  const exitCode = fields.oneOf("exit", EXIT_CODES, { required: true });
  const checkTables = fields.table("checks", { required: true });
  const checks = {};
  for (const id of checkTables.keys()) {
    if (!CHECK_IDS.includes(id)) {
      const near = nearestKey(id, CHECK_IDS);
      throw new ScenarioError(`${checkTables.where(id)}: unknown check id${near ? ` (did you mean ${near}?)` : ""}; known: ${CHECK_IDS.join(", ")}`);
    }
    checks[id] = checkExpectation(checkTables.table(id));
  }
  checkTables.done();
  const endpoints = fields.array("endpoints").map(endpointExpectation);
  fields.done();
  return { exitCode, checks, endpoints };
}
function endpointExpectation(fields) {
  const host = fields.string("host", { required: true });
  const transport = fields.oneOf("transport", ["https", "wss"], { required: true });
  const status = fields.oneOf("status", STATUSES, { required: true });
  const code = fields.code("code");
  const route = fields.oneOf("route", ["direct", "proxy", "unusable"]);
  fields.done();
  return { host, transport, status, ...code === void 0 ? {} : { code }, ...route === void 0 ? {} : { route } };
}
function checkExpectation(fields) {
  const status = fields.oneOf("status", STATUSES, { required: true });
  const code = fields.code("code");
  const stage = fields.oneOf("stage", STAGES);
  const findings = (fields.stringList("findings") ?? []).map((c, i) => {
    if (!isErrorCode(c)) throw new ScenarioError(`${fields.where(`findings[${i}]`)}: ${c} is not in the error-code catalogue`);
    return c;
  });
  const blockedBy = fields.stringList("blocked_by");
  fields.done();
  if ((code !== void 0 || stage !== void 0) && (status === "pass" || status === "skip")) {
    throw new ScenarioError(`${fields.where("code")}: code and stage name the failure or first warning; a ${status} has none (use findings)`);
  }
  if (blockedBy !== void 0 && status !== "skip") throw new ScenarioError(`${fields.where("blocked_by")}: only a skip is blocked`);
  return {
    status,
    ...code === void 0 ? {} : { code },
    ...stage === void 0 ? {} : { stage },
    findings,
    ...blockedBy === void 0 ? {} : { blockedBy }
  };
}
function expectationMismatches(expected, report) {
  const problems = [];
  if (report.exitCode !== expected.exitCode) problems.push(`exit code ${report.exitCode}, expected ${expected.exitCode}`);
  for (const record of report.checks) {
    const want = expected.checks[record.id];
    if (!want) {
      problems.push(`${record.id}: ${record.status} (${primary(record) ?? "no code"}), but the scenario expects nothing for it`);
      continue;
    }
    const got = `${record.status}${primary(record) ? ` ${primary(record)}` : ""}: ${record.summary}`;
    if (record.status !== want.status) problems.push(`${record.id}: expected ${want.status}, got ${got}`);
    const first = record.error ?? record.findings.find((f) => f.level === "warn");
    if (want.code !== void 0 && first?.code !== want.code) problems.push(`${record.id}: expected code ${want.code}, got ${got}`);
    if (want.stage !== void 0 && first?.stage !== want.stage) {
      problems.push(`${record.id}: expected stage ${want.stage}, got ${first?.stage ?? "none"} (${got})`);
    }
    const codes = new Set(record.findings.map((f) => f.code));
    for (const code of want.findings) {
      if (!codes.has(code)) problems.push(`${record.id}: expected a ${code} finding, got [${[...codes].join(", ")}]`);
    }
    if (want.blockedBy !== void 0 && [...record.blockedBy ?? []].sort().join() !== [...want.blockedBy].sort().join()) {
      problems.push(`${record.id}: expected blocked by ${want.blockedBy.join(", ")}, got ${record.blockedBy?.join(", ") ?? "nothing"}`);
    }
  }
  for (const id of Object.keys(expected.checks)) {
    if (!report.checks.some((c) => c.id === id)) problems.push(`${id}: expected in the report, but it is not there`);
  }
  const rows = report.checks.flatMap((c) => (c.endpoints ?? []).map((row) => ({ ...row, check: c.id })));
  for (const want of expected.endpoints) {
    const name = `${want.host} ${want.transport}`;
    const got = rows.filter((r) => r.host === want.host && r.transport === want.transport);
    if (got.length === 0) problems.push(`endpoint ${name}: expected, but no network check reports it`);
    for (const row of got) {
      const seen = `${row.status}${row.code ? ` ${row.code}` : ""} (${row.check}, ${row.route})`;
      if (row.status !== want.status) problems.push(`endpoint ${name}: expected ${want.status}, got ${seen}`);
      if (want.code !== void 0 && row.code !== want.code) problems.push(`endpoint ${name}: expected code ${want.code}, got ${seen}`);
      if (want.route !== void 0 && row.route.split(" ")[0] !== want.route) problems.push(`endpoint ${name}: expected route ${want.route}, got ${seen}`);
    }
  }
  return problems;
}
function primary(record) {
  return record.error?.code ?? record.findings.find((f) => f.level === "warn")?.code;
}
export {
  DEFAULT_SCENARIO,
  FIXTURES_DIR,
  PLACEHOLDERS,
  SCENARIOS_DIR,
  ScenarioError,
  expectationMismatches,
  fillPlaceholders,
  loadScenario,
  loadScenarios,
  parseScenario
};
