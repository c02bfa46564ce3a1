import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_checks,
  require_pem
} from "../chunks/chunk-IRZSXH7H.mjs";
import {
  require_exit_codes,
  require_main
} from "../chunks/chunk-V6M5VHGB.mjs";
import {
  __commonJS,
  __toESM
} from "../chunks/chunk-JO3HUCP3.mjs";

// shared-module:/work/wt/lead/src/codex/env.ts
var require_env = __commonJS({
  "shared-module:/work/wt/lead/src/codex/env.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/codex/env.ts"];
  }
});

// shared-module:/work/wt/lead/src/fix/shell.ts
var require_shell = __commonJS({
  "shared-module:/work/wt/lead/src/fix/shell.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/fix/shell.ts"];
  }
});

// shared-module:/work/wt/lead/src/core/builtins.ts
var require_builtins = __commonJS({
  "shared-module:/work/wt/lead/src/core/builtins.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/core/builtins.ts"];
  }
});

// shared-module:/work/wt/lead/src/codex/bundle-format.ts
var require_bundle_format = __commonJS({
  "shared-module:/work/wt/lead/src/codex/bundle-format.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/codex/bundle-format.ts"];
  }
});

// shared-module:/work/wt/lead/src/codex/bundle-loader.ts
var require_bundle_loader = __commonJS({
  "shared-module:/work/wt/lead/src/codex/bundle-loader.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/codex/bundle-loader.ts"];
  }
});

// shared-module:/work/wt/lead/src/codex/der.ts
var require_der = __commonJS({
  "shared-module:/work/wt/lead/src/codex/der.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/codex/der.ts"];
  }
});

// shared-module:/work/wt/lead/src/codex/dotenv.ts
var require_dotenv = __commonJS({
  "shared-module:/work/wt/lead/src/codex/dotenv.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/codex/dotenv.ts"];
  }
});

// shared-module:/work/wt/lead/src/codex/toml.ts
var require_toml = __commonJS({
  "shared-module:/work/wt/lead/src/codex/toml.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/codex/toml.ts"];
  }
});

// shared-module:/work/wt/lead/src/checks/codex-config.ts
var require_codex_config = __commonJS({
  "shared-module:/work/wt/lead/src/checks/codex-config.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/checks/codex-config.ts"];
  }
});

// shared-module:/work/wt/lead/src/checks/network-checks.ts
var require_network_checks = __commonJS({
  "shared-module:/work/wt/lead/src/checks/network-checks.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/checks/network-checks.ts"];
  }
});

// src/fix/command.ts
var import_checks = __toESM(require_checks(), 1);
var import_exit_codes = __toESM(require_exit_codes(), 1);
var import_env2 = __toESM(require_env(), 1);
var import_main = __toESM(require_main(), 1);

// src/fix/apply.ts
var import_shell = __toESM(require_shell(), 1);
function backupPath(file, now) {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `${file}.codex-doctor-${stamp}.bak`;
}
async function applyPlan(host, plan) {
  const writer = host.writer;
  if (!writer) return { ok: false, reason: "this environment does not allow writing files" };
  const now = host.now();
  const applied = [];
  const written = [];
  try {
    for (const change of plan.files) {
      const backup = change.before === null ? null : backupPath(change.path, now);
      if (backup !== null) await writer.writeFile(backup, change.before, { exclusive: true, mode: 384 });
      applied.push({ path: change.path, backup });
    }
    for (const change of plan.files) {
      await writer.writeFile(change.path, change.after, { exclusive: change.before === null, mode: 420 });
      written.push(change);
    }
  } catch (error) {
    for (const change of written.reverse()) {
      await (change.before === null ? writer.removeFile(change.path) : writer.writeFile(change.path, change.before, { exclusive: false })).catch(() => {
      });
    }
    for (const file of applied) if (file.backup !== null) await writer.removeFile(file.backup).catch(() => {
    });
    return { ok: false, reason: `${error.message}; nothing was changed` };
  }
  return { ok: true, files: applied, undo: undoCommands(plan.shell.kind, applied) };
}
function undoCommands(shell, files) {
  return files.map(({ path, backup }) => {
    switch (shell) {
      case "powershell":
        return backup === null ? `Remove-Item ${(0, import_shell.powershellQuote)(path)}` : `Move-Item -Force ${(0, import_shell.powershellQuote)(backup)} ${(0, import_shell.powershellQuote)(path)}`;
      case "cmd":
        return backup === null ? `del "${path}"` : `move /y "${backup}" "${path}"`;
      default:
        return backup === null ? `rm ${(0, import_shell.posixQuote)(path)}` : `mv -f ${(0, import_shell.posixQuote)(backup)} ${(0, import_shell.posixQuote)(path)}`;
    }
  });
}

// src/fix/plan.ts
var import_env = __toESM(require_env(), 1);

// src/fix/certificates.ts
var import_builtins = __toESM(require_builtins(), 1);
var import_bundle_format = __toESM(require_bundle_format(), 1);
var import_bundle_loader = __toESM(require_bundle_loader(), 1);
var import_der = __toESM(require_der(), 1);
var import_pem = __toESM(require_pem(), 1);
var MAX_DIRECTORY_ENTRIES = 2e3;
var MAX_DIRECTORY_FILE_BYTES = 1024 * 1024;
function certificatesInBytes(bytes, expected) {
  const format = (0, import_bundle_format.sniffBundleFormat)(bytes);
  const mismatch = (found) => ({ ok: false, reason: `it holds ${found}, not ${expected}` });
  switch (format.kind) {
    case "der-certificate":
      if (expected !== void 0 && expected !== "der") return mismatch("a DER certificate");
      return { ok: true, certificates: [Buffer.from(bytes)] };
    case "pkcs7": {
      if (expected !== void 0 && expected !== "pkcs7") return mismatch("a PKCS#7 container");
      const der = format.encoding === "der" ? bytes : pemPkcs7Der(bytes);
      const certificates = der ? pkcs7Certificates(der) : null;
      return certificates && certificates.length > 0 ? { ok: true, certificates } : { ok: false, reason: "its PKCS#7 structure holds no readable certificate" };
    }
    case "utf16": {
      if (expected !== void 0 && expected !== "utf16") return mismatch("UTF-16 text");
      const body = format.bom ? bytes.subarray(2) : bytes;
      const text = format.endian === "le" ? Buffer.from(body).toString("utf16le") : Buffer.from(body).swap16().toString("utf16le");
      return pemCertificates(Buffer.from(text, "utf8"));
    }
    case "pem":
    case "utf8-bom":
      if (expected !== void 0 && expected !== "directory" && expected !== format.kind) return mismatch("PEM text");
      return pemCertificates(Buffer.from(bytes));
    case "base64-der": {
      if (expected !== void 0 && expected !== "base64-der") return mismatch("bare base64");
      return { ok: true, certificates: [Buffer.from(Buffer.from(bytes).toString("latin1").replace(/\s+/g, ""), "base64")] };
    }
    default:
      return { ok: false, reason: "it holds no certificate this tool can convert" };
  }
}
function pemCertificates(bytes) {
  const blocks = [...bytes.toString("latin1").matchAll(/-----BEGIN (?:TRUSTED )?CERTIFICATE-----[\s\S]*?-----END (?:TRUSTED )?CERTIFICATE-----/g)];
  const body = Buffer.from(blocks.map((m) => `${m[0].split(/\r?\n/).map((line) => line.replace(/^[ \t]+|\r$/g, "")).join("\n")}
`).join(""), "latin1");
  if (blocks.length === 0) return { ok: false, reason: "its PEM text holds no CERTIFICATE block" };
  const parsed = (0, import_pem.parseCodexPem)(body);
  if (!parsed.ok) return { ok: false, reason: `its PEM text does not parse (${parsed.codexDetail})` };
  return { ok: true, certificates: parsed.certificates.map((c) => c.der) };
}
function pemPkcs7Der(bytes) {
  const text = Buffer.from(bytes).toString("latin1");
  const match = /-----BEGIN (PKCS7|CMS)-----([\s\S]*?)-----END \1-----/.exec(text);
  return match ? Buffer.from(match[2].replace(/\s+/g, ""), "base64") : null;
}
var OID_SIGNED_DATA = "1.2.840.113549.1.7.2";
function pkcs7Certificates(der) {
  const top = (0, import_der.readTlv)(der, 0);
  const info = top && (0, import_der.children)(der, top);
  if (!info || info[0]?.tag !== import_der.TAG.OID || (0, import_der.decodeOid)(der, info[0]) !== OID_SIGNED_DATA || info[1]?.tag !== (0, import_der.contextTag)(0)) return null;
  const signedData = (0, import_der.children)(der, info[1])?.[0];
  const fields = signedData && (0, import_der.children)(der, signedData);
  const set = fields?.find((f) => f.tag === (0, import_der.contextTag)(0));
  if (!set) return null;
  return ((0, import_der.children)(der, set) ?? []).filter((c) => c.tag === import_der.TAG.SEQUENCE).map((c) => Buffer.from((0, import_der.slice)(der, c)));
}
async function certificatesAt(host, path, expected) {
  const stat = await host.fs.stat(path).catch(() => null);
  if (stat === null) return { ok: false, reason: `${path} does not exist or cannot be read` };
  if (stat.kind === "directory") {
    if (expected !== void 0 && expected !== "directory") return { ok: false, reason: `${path} is a directory, not ${expected}` };
    return certificatesInDirectory(host, path);
  }
  if (stat.kind !== "file") return { ok: false, reason: `${path} is not a regular file` };
  if (expected === "directory") return { ok: false, reason: `${path} is a file, not a directory` };
  const read = await host.fs.readFile(path, import_bundle_loader.MAX_BUNDLE_BYTES).catch((error) => error);
  if (read instanceof Error) return { ok: false, reason: `${path} cannot be read (${read.message})` };
  if (read.truncated) return { ok: false, reason: `${path} is larger than any certificate bundle` };
  const result = certificatesInBytes(read.bytes, expected);
  return result.ok ? result : { ok: false, reason: `${path}: ${result.reason}` };
}
async function certificatesInDirectory(host, dir) {
  const names = (await host.fs.readdir(dir).catch(() => [])).sort().slice(0, MAX_DIRECTORY_ENTRIES);
  const found = [];
  for (const name of names) {
    const file = `${dir}${dir.endsWith("/") || dir.endsWith("\\") ? "" : "/"}${name}`;
    const stat = await host.fs.stat(file).catch(() => null);
    if (stat?.kind !== "file" || stat.size > MAX_DIRECTORY_FILE_BYTES) continue;
    const read = await host.fs.readFile(file, MAX_DIRECTORY_FILE_BYTES).catch(() => null);
    const result = read ? certificatesInBytes(read.bytes) : null;
    if (result?.ok) found.push(...result.certificates);
  }
  return found.length > 0 ? { ok: true, certificates: withoutDuplicates(found) } : { ok: false, reason: `${dir} holds no readable certificate file` };
}
function withoutDuplicates(certificates) {
  const seen = /* @__PURE__ */ new Set();
  return certificates.filter((der) => {
    const digest = (0, import_builtins.nodeCrypto)().createHash("sha256").update(der).digest("hex");
    if (seen.has(digest)) return false;
    seen.add(digest);
    return true;
  });
}
function pemBundle(certificates) {
  const bytes = Buffer.from(certificates.map((der) => (0, import_pem.toPem)(der)).join(""), "utf8");
  const parsed = (0, import_pem.parseCodexPem)(bytes);
  if (!parsed.ok || parsed.certificates.length !== certificates.length) return { ok: false, reason: "the converted file would not load in Codex" };
  const subjects = certificates.map((der) => {
    try {
      return new ((0, import_builtins.nodeCrypto)()).X509Certificate(der).subject.replaceAll("\n", ", ");
    } catch {
      return "an unreadable certificate";
    }
  });
  return { ok: true, bytes, subjects };
}

// src/fix/plan.ts
var import_shell2 = __toESM(require_shell(), 1);

// src/fix/text-edits.ts
var import_dotenv = __toESM(require_dotenv(), 1);
var import_toml = __toESM(require_toml(), 1);
function eol(text) {
  return text.includes("\r\n") ? "\r\n" : "\n";
}
function appendLines(text, lines) {
  const nl = eol(text);
  const head = text === "" || text.endsWith("\n") ? text : `${text}${nl}`;
  return `${head}${lines.join(nl)}${nl}`;
}
function dotenvLine(name, value) {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return `${name}=${value}`;
  if (!/['\n\r]/.test(value)) return `${name}='${value}'`;
  return `${name}="${value.replace(/[\\"$]/g, "\\$&").replaceAll("\n", "\\n")}"`;
}
function dotenvEntries(text) {
  const entries = /* @__PURE__ */ new Map();
  for (const item of (0, import_dotenv.readDotenv)(text, () => void 0)) if (item.kind === "entry") entries.set(item.key, item.value);
  return entries;
}
function editDotenv(text, name, value) {
  const nl = eol(text);
  const lines = text === "" ? [] : text.replace(/\r?\n$/, "").split(/\r?\n/);
  const assigns = new RegExp(`^\\s*(export\\s+)?${name.replace(/[.]/g, "\\.")}\\s*=`);
  const at = lines.map((line, i) => assigns.test(line) ? i : -1).filter((i) => i >= 0);
  const changed = at.map((i) => `- ${lines[i]}`);
  const kept = lines.filter((_, i) => !at.includes(i));
  if (value !== null) {
    const line = dotenvLine(name, value);
    const position = at.length > 0 ? at[at.length - 1] - (at.length - 1) : kept.length;
    kept.splice(position, 0, line);
    changed.push(`+ ${line}`);
  }
  const result = kept.length === 0 ? "" : `${kept.join(nl)}${nl}`;
  const expected = dotenvEntries(text);
  expected.delete(name);
  if (value !== null) expected.set(name, value);
  const actual = dotenvEntries(result);
  if (canonical(Object.fromEntries(actual)) !== canonical(Object.fromEntries(expected))) {
    return { ok: false, reason: `a line for ${name} in it spans several lines or is malformed; change it by hand` };
  }
  return { ok: true, text: result, lines: changed };
}
function canonical(value) {
  return JSON.stringify(
    value,
    (_key, v) => v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) : v
  );
}
function tomlValue(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(", ")}]`;
  const entries = Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`);
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}
function tomlKey(key) {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}
function parseToml(text) {
  try {
    return { ok: true, table: (0, import_toml.smolToml)().parse(text) };
  } catch (error) {
    return { ok: false, reason: error.message.split("\n")[0] ?? "not valid TOML" };
  }
}
function editToml(text, changes) {
  const before = parseToml(text);
  if (!before.ok) return { ok: false, reason: `it is not valid TOML (${before.reason}); fix it first (codex-doctor names the line)` };
  const expected = structuredClone(before.table);
  let current = text;
  const changed = [];
  for (const change of changes) {
    const edit = editOnce(current, change);
    if (!edit.ok) return edit;
    current = edit.text;
    changed.push(...edit.lines);
    applyToTable(expected, change);
  }
  const after = parseToml(current);
  if (!after.ok || canonical(withoutEmptyTables(after.table)) !== canonical(withoutEmptyTables(expected))) {
    return { ok: false, reason: "the key is written in a form this tool does not edit (a dotted key, an inline table or a multi-line value); change it by hand" };
  }
  return { ok: true, text: current, lines: changed };
}
function withoutEmptyTables(table) {
  const out = {};
  for (const [key, value] of Object.entries(table)) {
    if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) {
      const inner = withoutEmptyTables(value);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else out[key] = value;
  }
  return out;
}
function applyToTable(table, change) {
  const parents = change.path.slice(0, -1);
  const key = change.path[change.path.length - 1];
  let node = table;
  for (const segment of parents) {
    if (typeof node[segment] !== "object" || node[segment] === null || Array.isArray(node[segment])) {
      if (change.op === "remove") return;
      node[segment] = {};
    }
    node = node[segment];
  }
  if (change.op === "set") node[key] = structuredClone(change.value);
  else delete node[key];
}
var escapeRe = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
var segmentRe = (s) => `(?:${escapeRe(s)}|"${escapeRe(s)}"|'${escapeRe(s)}')`;
function editOnce(text, change) {
  const nl = eol(text);
  const lines = text === "" ? [] : text.replace(/\r?\n$/, "").split(/\r?\n/);
  const parents = change.path.slice(0, -1);
  const key = change.path[change.path.length - 1];
  if (key === void 0) return { ok: false, reason: "the change names no key" };
  const header = new RegExp(`^\\s*\\[\\s*${parents.map(segmentRe).join("\\s*\\.\\s*")}\\s*\\]\\s*(#.*)?$`);
  const anyHeader = /^\s*\[/;
  let start = 0;
  if (parents.length > 0) {
    start = lines.findIndex((l) => header.test(l)) + 1;
    if (start === 0) {
      if (change.op === "remove") return removeTable(text, change.path);
      const headerLine = `[${parents.map(tomlKey).join(".")}]`;
      const keyLine2 = `${tomlKey(key)} = ${tomlValue(change.value)}`;
      const body = text.trim() === "" ? [headerLine, keyLine2] : ["", headerLine, keyLine2];
      return { ok: true, text: appendLines(text, body), lines: body.filter(Boolean).map((l) => `+ ${l}`) };
    }
  }
  let end = lines.findIndex((l, i) => i >= start && anyHeader.test(l));
  if (end < 0) end = lines.length;
  const keyLine = new RegExp(`^\\s*${segmentRe(key)}\\s*=`);
  const found = lines.findIndex((l, i) => i >= start && i < end && keyLine.test(l));
  if (found < 0 && change.op === "remove") return removeTable(text, change.path);
  const out = [...lines];
  const changed = [];
  if (found >= 0) {
    changed.push(`- ${lines[found]}`);
    if (change.op === "set") {
      const indent = /^\s*/.exec(lines[found])?.[0] ?? "";
      out[found] = `${indent}${tomlKey(key)} = ${tomlValue(change.value)}`;
      changed.push(`+ ${out[found]}`);
    } else out.splice(found, 1);
  } else if (change.op === "set") {
    let at = end;
    while (at > start && lines[at - 1].trim() === "") at--;
    const line = `${tomlKey(key)} = ${tomlValue(change.value)}`;
    out.splice(at, 0, line);
    changed.push(`+ ${line}`);
  }
  return { ok: true, text: out.length === 0 ? "" : `${out.join(nl)}${nl}`, lines: changed };
}
function removeTable(text, path) {
  const nl = eol(text);
  const lines = text === "" ? [] : text.replace(/\r?\n$/, "").split(/\r?\n/);
  const own = new RegExp(`^\\s*\\[\\s*${path.map(segmentRe).join("\\s*\\.\\s*")}\\s*(\\]|\\.)`);
  const anyHeader = /^\s*\[/;
  const changed = [];
  let inside = false;
  const kept = lines.filter((line) => {
    if (anyHeader.test(line)) inside = own.test(line);
    if (inside) changed.push(`- ${line}`);
    return !inside;
  });
  return { ok: true, text: kept.length === 0 ? "" : `${kept.join(nl)}${nl}`, lines: changed.filter((l) => l.trim() !== "-") };
}

// src/fix/plan.ts
var MAX_EDITED_FILE_BYTES = 1024 * 1024;
function fixSources(report) {
  const sources = [];
  const unactionable = [];
  const seen = /* @__PURE__ */ new Set();
  const read = [];
  const measured = /* @__PURE__ */ new Set();
  for (const check of report.checks) {
    for (const finding of findingsToFix(check)) {
      const hint = finding.hints.find((h) => h.action !== void 0);
      if (!hint?.action) {
        unactionable.push({ checkId: check.id, code: finding.code, hint: finding.hints[0].text });
        continue;
      }
      const key = JSON.stringify(hint.action);
      if (seen.has(key)) continue;
      seen.add(key);
      const source = { checkId: check.id, code: finding.code, hint: { text: hint.text, ...hint.command !== void 0 && { command: hint.command } }, action: hint.action };
      sources.push(source);
      if (finding.stage === "input") read.push({ source, variables: variablesOf(hint.action) });
      else for (const name of [...variablesOf(hint.action), `ENV_${finding.code}`]) measured.add(name);
    }
  }
  const guessed = new Set(read.filter((r) => [...r.variables, r.source.code].some((name) => measured.has(name))).map((r) => r.source));
  return { sources: sources.filter((s) => !guessed.has(s)), unactionable };
}
function variablesOf(action) {
  const steps = action.kind === "sequence" ? action.steps : [action];
  return steps.flatMap((step) => {
    switch (step.kind) {
      case "set-env":
      case "unset-env":
        return [step.name];
      case "copy-env":
        return [step.name, step.from];
      default:
        return [];
    }
  });
}
function findingsToFix(check) {
  return check.findings.flatMap((f) => f.level === "info" ? [] : [f]);
}
function disablesVerification(step) {
  if (step.kind === "set-env") {
    const { name, value } = step;
    if (name === "NODE_TLS_REJECT_UNAUTHORIZED") return value !== "1";
    if (name === "PYTHONHTTPSVERIFY") return value === "0";
    return ["GIT_SSL_NO_VERIFY", "CURL_INSECURE", "CODEX_INSECURE"].includes(name);
  }
  if (step.kind === "edit-config") {
    return step.changes.some((c) => {
      if (c.op !== "set") return false;
      const key = c.path[c.path.length - 1] ?? "";
      return /insecure|no_verify|skip_verify/i.test(key) && c.value === true || /verify/i.test(key) && !/no_|skip/i.test(key) && c.value === false;
    });
  }
  return false;
}
async function planFix(context, sources, unactionable = []) {
  const { host } = context;
  const shell = (0, import_shell2.userShell)(host);
  const state = /* @__PURE__ */ new Map();
  const env = /* @__PURE__ */ new Map();
  const items = [];
  for (const source of sources) {
    const { action } = source;
    if (action.kind === "it-request") {
      items.push({ kind: "it-request", source, topic: action.topic, hosts: action.hosts ?? [] });
      continue;
    }
    if (action.kind === "manual") {
      items.push({ kind: "manual", source, reason: "only you can make this change, by hand", commands: source.hint.command === void 0 ? [] : [source.hint.command] });
      continue;
    }
    const steps = action.kind === "sequence" ? action.steps : [action];
    if (shell.profile === null && steps.some((s) => (s.kind === "set-env" || s.kind === "unset-env" || s.kind === "copy-env") && targetOf(s) === "shell-profile")) {
      items.push({ kind: "manual", source, reason: "cmd has no profile to write: run these, then open a new window", commands: manualCommands(shell, steps) });
      continue;
    }
    const saved = new Map(state);
    const savedEnv = new Map(env);
    const planned = [];
    let refusal;
    for (const step of steps) {
      const result = disablesVerification(step) ? { ok: false, reason: "it would disable TLS verification, which this tool never does" } : JSON.stringify(step).includes(REDACTED) ? { ok: false, reason: "the action holds a redacted value, which must never be written to a file" } : await planStep(context, shell, state, env, step);
      if (!result.ok) {
        refusal = result.reason;
        break;
      }
      planned.push(result.plan);
    }
    if (refusal !== void 0) {
      state.clear();
      for (const [k, v] of saved) state.set(k, v);
      env.clear();
      for (const [k, v] of savedEnv) env.set(k, v);
      items.push({ kind: "refused", source, reason: refusal });
    } else items.push({ kind: "apply", source, steps: planned });
  }
  const files = [...state].filter(([, c]) => c.before === null || !c.before.equals(c.after)).map(([path, c]) => ({ path, ...c }));
  return { items, files, env: [...env].map(([name, value]) => ({ name, value })), shell, unactionable };
}
function targetOf(step) {
  return step.name.startsWith("CODEX_") ? "shell-profile" : step.target;
}
function manualCommands(shell, steps) {
  return steps.flatMap(
    (s) => s.kind === "set-env" ? [(0, import_shell2.setLine)(shell.kind, s.name, s.value)] : s.kind === "unset-env" ? [(0, import_shell2.unsetLine)(shell.kind, s.name)] : s.kind === "copy-env" ? [(0, import_shell2.copyLine)(shell.kind, s.name, s.from)] : []
  );
}
async function planStep(context, shell, state, env, step) {
  const { host } = context;
  const show = (path) => (0, import_env.displayPath)(path, host.homeDir);
  switch (step.kind) {
    case "set-env":
    case "unset-env":
    case "copy-env": {
      const value = step.kind === "set-env" ? step.value : step.kind === "copy-env" ? host.env[step.from] ?? null : null;
      if (step.kind === "copy-env" && value === null) return { ok: false, reason: `${step.from} is not set, so there is no value to copy` };
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(step.name)) return { ok: false, reason: `"${step.name}" is not a variable name` };
      if (targetOf(step) === "codex-dotenv") {
        const file2 = `${context.codexHome}${host.platform === "win32" ? "\\" : "/"}.env`;
        const current2 = await currentText(context, state, file2);
        if (!current2.ok) return current2;
        const edit = editDotenv(current2.text, step.name, value);
        if (!edit.ok) return { ok: false, reason: `${show(file2)}: ${edit.reason}` };
        state.set(file2, { before: current2.before, after: Buffer.from(edit.text, "utf8") });
        const verb2 = value === null ? `remove ${step.name} from` : `set ${step.name} in`;
        return { ok: true, plan: { step, file: file2, summary: `${verb2} ${show(file2)} (Codex reads it at every start)`, lines: edit.lines } };
      }
      const file = shell.profile;
      const current = await currentText(context, state, file);
      if (!current.ok) return current;
      const line = step.kind === "copy-env" ? (0, import_shell2.copyLine)(shell.kind, step.name, step.from) : value === null ? (0, import_shell2.unsetLine)(shell.kind, step.name) : (0, import_shell2.setLine)(shell.kind, step.name, value);
      const header = current.text.includes(PROFILE_MARK) && state.has(file) ? [] : ["", `${PROFILE_MARK} ${host.now().toISOString().slice(0, 10)}`];
      const lines = [...current.text === "" ? header.slice(1) : header, line];
      state.set(file, { before: current.before, after: Buffer.from(appendLines(current.text, lines), "utf8") });
      env.set(step.name, value);
      const verb = value === null ? `unset ${step.name}` : `set ${step.name}`;
      return { ok: true, plan: { step, file, summary: `${verb} in ${show(file)} (your ${shell.kind} profile; new shells read it)`, lines: lines.filter(Boolean).map((l) => `+ ${l}`) } };
    }
    case "convert-certificate":
    case "write-bundle": {
      const target = await newFile(context, state, step.to);
      if (!target.ok) return target;
      const read = step.kind === "convert-certificate" ? await certificatesAt(host, step.from, step.format) : await readAll(host, step.sources);
      if (!read.ok) return { ok: false, reason: read.reason };
      const bundle = pemBundle(step.kind === "write-bundle" ? withoutDuplicates(read.certificates) : read.certificates);
      if (!bundle.ok) return bundle;
      state.set(step.to, { before: null, after: bundle.bytes });
      const from = step.kind === "convert-certificate" ? `${show(step.from)} (${step.format})` : step.sources.map(show).join(", ");
      return {
        ok: true,
        plan: {
          step,
          file: step.to,
          summary: `write ${show(step.to)}, a new PEM file with ${bundle.subjects.length} certificate(s) from ${from}`,
          lines: bundle.subjects.map((s) => `+ ${s}`)
        }
      };
    }
    case "edit-config": {
      const current = await currentText(context, state, step.file);
      if (!current.ok) return current;
      const edit = editToml(current.text, step.changes);
      if (!edit.ok) return { ok: false, reason: `${show(step.file)}: ${edit.reason}` };
      state.set(step.file, { before: current.before, after: Buffer.from(edit.text, "utf8") });
      return { ok: true, plan: { step, file: step.file, summary: `edit ${show(step.file)} (the rest of the file is kept as it is)`, lines: edit.lines } };
    }
  }
}
var REDACTED = "[redacted]";
var PROFILE_MARK = "# Added by codex-doctor fix on";
async function readAll(host, sources) {
  if (sources.length === 0) return { ok: false, reason: "the bundle has no source file" };
  const certificates = [];
  for (const source of sources) {
    const read = await certificatesAt(host, source);
    if (!read.ok) return read;
    certificates.push(...read.certificates);
  }
  return { ok: true, certificates };
}
async function allowedPath(context, file) {
  const { host } = context;
  const win = host.platform === "win32";
  const sep = win ? "\\" : "/";
  const normal = (p) => win ? p.replaceAll("/", "\\").toLowerCase() : p;
  const absolute = win ? /^[A-Za-z]:\\/.test(normal(file)) || normal(file).startsWith("\\\\") : file.startsWith("/");
  const parts = normal(file).split(sep);
  if (!absolute || parts.includes("..") || parts.includes(".")) return { ok: false, reason: `${file} is not an absolute, plain path` };
  const outside = { ok: false, reason: `${file} is outside your home directory, CODEX_HOME and the working directory, where this tool never writes` };
  const roots = [host.homeDir, context.codexHome, host.cwd].filter((r) => r !== "" && r !== sep);
  const under = (candidate, list) => list.map(normal).some((root) => normal(candidate).startsWith(root.endsWith(sep) ? root : root + sep));
  if (!under(file, roots)) return outside;
  const real = async (p) => host.writer ? host.writer.realPath(p).catch(() => null) : p;
  const [target, ...realRoots] = await Promise.all([real(file), ...roots.map(real)]);
  if (target === null || !under(target, realRoots.filter((r) => r !== null))) {
    return { ok: false, reason: `${file} leads (through a symbolic link) outside your home directory, CODEX_HOME and the working directory, where this tool never writes` };
  }
  return { ok: true };
}
async function currentText(context, state, file) {
  const planned = state.get(file);
  if (planned) return { ok: true, text: planned.after.toString("utf8"), before: planned.before };
  const allowed = await allowedPath(context, file);
  if (!allowed.ok) return allowed;
  const { host } = context;
  const show = (0, import_env.displayPath)(file, host.homeDir);
  const stat = await host.fs.stat(file).catch((error) => error);
  if (stat instanceof Error) return { ok: false, reason: `${show} cannot be read (${stat.message})` };
  if (stat !== null && stat.kind !== "file") return { ok: false, reason: `${show} exists and is not a regular file` };
  if (!await host.writer?.writable(file)) return { ok: false, reason: `${show} cannot be written by you (check its permissions, or its directory's)` };
  if (stat === null) return { ok: true, text: "", before: null };
  const read = await host.fs.readFile(file, MAX_EDITED_FILE_BYTES).catch((error) => error);
  if (read instanceof Error) return { ok: false, reason: `${show} cannot be read (${read.message})` };
  if (read.truncated) return { ok: false, reason: `${show} is larger than ${MAX_EDITED_FILE_BYTES} bytes; this tool does not edit it` };
  const text = read.bytes.toString("utf8");
  if (Buffer.from(text, "utf8").equals(read.bytes) === false) return { ok: false, reason: `${show} is not UTF-8 text; this tool does not edit it` };
  return { ok: true, text, before: read.bytes };
}
async function newFile(context, state, file) {
  const { host } = context;
  const show = (0, import_env.displayPath)(file, host.homeDir);
  const allowed = await allowedPath(context, file);
  if (!allowed.ok) return allowed;
  const stat = await host.fs.stat(file).catch(() => ({ kind: "other", size: 0 }));
  if (stat !== null || state.has(file)) return { ok: false, reason: `${show} already exists; this tool never writes over a file (move it away, or convert by hand)` };
  if (!await host.writer?.writable(file)) return { ok: false, reason: `${show} cannot be created by you (check the directory's permissions)` };
  return { ok: true };
}

// src/fix/rerun.ts
var import_codex_config = __toESM(require_codex_config(), 1);
var import_network_checks = __toESM(require_network_checks(), 1);
function addressedChecks(report, applied) {
  const keys = new Set(applied.map((a) => JSON.stringify(a)));
  const addressed = /* @__PURE__ */ new Set();
  for (const check of report.checks) {
    for (const finding of check.findings) {
      const action = finding.level === "info" ? void 0 : finding.hints.find((h) => h.action !== void 0)?.action;
      if (action !== void 0 && keys.has(JSON.stringify(action))) addressed.add(check.id);
    }
  }
  return addressed;
}
async function rerunAffected(graph, before, addressed, runOnly) {
  const first = new Map(before.map((r) => [r.id, r]));
  const latest = /* @__PURE__ */ new Map();
  let round = graph.filter((c) => first.has(c.id) && (!c.network || addressed.has(c.id))).map((c) => c.id);
  while (round.length > 0) {
    for (const record of await runOnly(round)) latest.set(record.id, record);
    const changed = new Set([...latest.values()].filter((r) => differsForReaders(first.get(r.id), r)).map((r) => r.id));
    round = graph.filter((c) => first.has(c.id) && !latest.has(c.id) && c.inputs.some((id) => changed.has(id))).map((c) => c.id);
  }
  return { checks: before.map((r) => latest.get(r.id) ?? r), rerun: new Set(latest.keys()) };
}
var BLOCKS = /* @__PURE__ */ new Set(["fail", "crash", "skip"]);
function differsForReaders(was, now) {
  if (was === void 0) return true;
  return BLOCKS.has(was.status) !== BLOCKS.has(now.status) || JSON.stringify(was.data ?? null) !== JSON.stringify(now.data ?? null);
}
function runbookGraph(runbook) {
  const network = /* @__PURE__ */ new Set([import_network_checks.TLS_AUTH.id, import_network_checks.OAUTH_TOKEN.id, import_network_checks.WS_UPGRADE.id]);
  return runbook.map((c) => ({
    id: c.id,
    network: network.has(c.id),
    inputs: [...c.needs, ...c.softNeeds ?? [], ...network.has(c.id) ? [import_codex_config.CONFIG_CHECK_ID] : []]
  }));
}

// src/fix/command.ts
function hostAfterProfile(host, env) {
  const next = { ...host.env };
  for (const { name, value } of env) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return { ...host, env: next };
}
async function runFix(input) {
  const { host, flags, io } = input;
  const json = flags.output === "json";
  const out = (text) => io.stdout.write(text);
  if (input.banner && !json) out(`${input.banner}
`);
  if (!json) out("codex-doctor fix: running the checks...\n");
  const before = await (0, import_main.createSession)(host, flags).runUnredacted(io.signal);
  if (io.signal?.aborted) return import_exit_codes.ExitCode.interrupted;
  const { sources, unactionable } = (input.collect ?? fixSources)(before.report);
  const plan = await planFix({ host, codexHome: before.report.environment.codexHome }, sources, unactionable);
  const redactor = before.redactor;
  const show = (text) => redactor.text((0, import_env2.displayPath)(text, host.homeDir));
  const outcome = await decide();
  if (json) {
    out(`${JSON.stringify(redactor.deep(jsonDocument(plan, before.report, outcome, input.dryRun)), null, 2)}
`);
  } else {
    out(outcomeText(outcome, plan, show, before.report));
  }
  return exitCode(outcome, before.report);
  async function decide() {
    if (!json) out(planText(plan, before.report, redactor, host.homeDir));
    if (plan.items.some((i) => i.kind === "refused")) return { kind: "refused" };
    if (plan.files.length === 0) return { kind: "nothing-to-do" };
    if (input.dryRun) return { kind: "dry-run" };
    if (!input.yes) {
      if (!io.prompt?.interactive()) return { kind: "declined", why: "not-a-terminal" };
      const answer = await io.prompt.ask(`Apply these changes to ${plan.files.length} file(s)? [y/N] `);
      if (!/^y(es)?$/i.test(answer.trim())) return { kind: "declined", why: "answer" };
    }
    const result = await applyPlan(host, plan);
    if (!result.ok) return { kind: "apply-failed", reason: result.reason };
    if (!json) out(appliedText(result, plan, show));
    const afterHost = hostAfterProfile(host, plan.env);
    const applied = plan.items.flatMap((item) => item.kind === "apply" ? [item.source] : []);
    const addressed = /* @__PURE__ */ new Set([...applied.map((a) => a.checkId), ...addressedChecks(before.report, applied.map((a) => a.action))]);
    const { checks, rerun } = await rerunAffected(runbookGraph(import_checks.RUNBOOK), before.report.checks, addressed, async (ids) => {
      const { report } = await (0, import_main.createSession)(afterHost, { ...flags, only: [...ids] }).runUnredacted(io.signal);
      return report.checks;
    });
    const exitCode2 = io.signal?.aborted ? import_exit_codes.ExitCode.interrupted : (0, import_exit_codes.exitCodeFor)(checks, flags.strict);
    return { kind: "applied", result, after: { ...before.report, checks, exitCode: exitCode2 }, rerun };
  }
}
function exitCode(outcome, before) {
  switch (outcome.kind) {
    case "applied":
      return outcome.after.exitCode;
    case "refused":
    case "apply-failed":
      return import_exit_codes.ExitCode.failed;
    case "declined":
      return outcome.why === "not-a-terminal" ? import_exit_codes.ExitCode.usage : before.exitCode;
    case "nothing-to-do":
    case "dry-run":
      return before.exitCode;
  }
}
function planText(plan, report, redactor, homeDir) {
  const show = (text) => redactor.text((0, import_env2.displayPath)(text, homeDir));
  const failing = report.checks.filter((c) => c.status === "fail" || c.status === "warn");
  if (failing.length === 0) return "Every check passes: nothing to fix.\n";
  const lines = ["", `The plan (${plan.shell.kind} shell${plan.shell.profile ? `, profile ${show(plan.shell.profile)}` : ""}):`];
  plan.items.forEach((item, index) => lines.push(...itemLines(item, index + 1, show)));
  for (const u of plan.unactionable) lines.push(`  -  ${u.code} (${u.checkId}): no automatic fix. ${redactor.text(u.hint)}`);
  if (plan.items.length === 0 && plan.unactionable.length === 0) lines.push("  Nothing in the report carries a fix.");
  return `${lines.join("\n")}

`;
}
function itemLines(item, n, show) {
  const head = `${String(n).padStart(3)}. ${item.source.code} (${item.source.checkId}): ${show(item.source.hint.text)}`;
  switch (item.kind) {
    case "apply":
      return [head, ...item.steps.flatMap((s) => [`       ${show(s.summary)}`, ...s.lines.map((l) => `         ${show(l)}`)])];
    case "manual":
      return [head, `       Not applied: ${item.reason}:`, ...item.commands.map((c) => `         ${show(c)}`)];
    case "it-request":
      return [head, `       For IT (this tool never applies it): ${item.topic}${item.hosts.length > 0 ? ` for ${item.hosts.join(", ")}` : ""}`];
    case "refused":
      return [head, `       Cannot apply: ${show(item.reason)}`];
  }
}
function appliedText(result, plan, show) {
  const lines = result.files.map((f) => f.backup === null ? `Created ${show(f.path)}` : `Changed ${show(f.path)} (the previous version is in ${show(f.backup)})`);
  lines.push("To undo:", ...result.undo.map((c) => `  ${show(c)}`));
  if (plan.env.length > 0 && plan.shell.profile) {
    lines.push(
      `Open a new shell (or run: ${plan.shell.kind === "powershell" ? `. $PROFILE` : `source ${show(plan.shell.profile)}`}) before you start Codex: this one still has the old environment.`,
      `The checks below rerun with the profile changes applied, as a new ${plan.shell.kind} shell would see them.`
    );
  }
  return `${lines.join("\n")}

`;
}
function outcomeText(outcome, plan, show, before) {
  const itCount = plan.items.filter((i) => i.kind === "it-request").length;
  const forIt = itCount > 0 ? `${itCount} fix(es) above are for IT to make: send them the items marked "For IT".
` : "";
  switch (outcome.kind) {
    case "nothing-to-do":
      return `Nothing for this tool to change.
${forIt}`;
    case "refused":
      return `Nothing was changed: fix what "Cannot apply" says, then run codex-doctor fix again.
`;
    case "dry-run":
      return `Dry run: nothing was changed (${plan.files.length} file(s) would be).
${forIt}`;
    case "declined":
      return outcome.why === "not-a-terminal" ? "Nothing was changed: stdin is not a terminal to answer on. Run codex-doctor fix --yes to apply the plan above.\n" : "Nothing was changed.\n";
    case "apply-failed":
      return `Could not apply the fix: ${show(outcome.reason)}.
`;
    case "applied":
      return `${comparisonText(outcome.after, before, outcome.rerun)}${forIt}`;
  }
}
function comparisonText(after, before, rerun) {
  const width = Math.max(...after.checks.map((c) => c.id.length));
  const lines = ["Before and after:"];
  for (const check of after.checks) {
    const was = before.checks.find((c) => c.id === check.id)?.status ?? "skip";
    const code = check.error?.code ?? check.findings.find((f) => f.level === "warn")?.code;
    const status = `${check.status}${code && check.status !== "pass" ? ` (${code})` : ""}`;
    lines.push(`  ${check.id.padEnd(width)}  ${rerun.has(check.id) ? `${was.padEnd(5)} -> ${status}` : `${status}  (not rerun: the fix touches nothing it reads)`}`);
  }
  const worse = worsened(before, after);
  if (worse.length > 0) lines.push(`Worse than before: ${worse.join(", ")}. Undo the changes with the commands above, and tell us: that fix was wrong.`);
  return `${lines.join("\n")}
`;
}
var RANK = { pass: 0, skip: 0, warn: 1, fail: 2, crash: 2 };
function worsened(before, after) {
  return after.checks.filter((c) => RANK[c.status] > RANK[before.checks.find((b) => b.id === c.id)?.status ?? "pass"]).map((c) => c.id);
}
function statuses(report) {
  return report.checks.map((c) => ({ id: c.id, status: c.status, ...c.error && { code: c.error.code } }));
}
function jsonDocument(plan, before, outcome, dryRun) {
  return {
    schemaVersion: 1,
    tool: "codex-doctor",
    command: "fix",
    dryRun,
    outcome: outcome.kind,
    ...outcome.kind === "apply-failed" && { reason: outcome.reason },
    shell: plan.shell,
    plan: plan.items.map((item) => ({
      kind: item.kind,
      checkId: item.source.checkId,
      code: item.source.code,
      hint: item.source.hint.text,
      action: item.source.action,
      ...item.kind === "apply" && { steps: item.steps.map((s) => ({ file: s.file, summary: s.summary, lines: s.lines })) },
      ...item.kind === "manual" && { reason: item.reason, commands: item.commands },
      ...item.kind === "refused" && { reason: item.reason }
    })),
    unactionable: plan.unactionable,
    files: plan.files.map((f) => ({ path: f.path, change: f.before === null ? "create" : "modify" })),
    env: plan.env,
    ...outcome.kind === "applied" && { applied: outcome.result.files, undo: outcome.result.undo },
    before: { exitCode: before.exitCode, checks: statuses(before) },
    after: outcome.kind === "applied" ? { exitCode: outcome.after.exitCode, checks: statuses(outcome.after), rerun: [...outcome.rerun], worse: worsened(before, outcome.after) } : null
  };
}
export {
  hostAfterProfile,
  runFix,
  worsened
};
