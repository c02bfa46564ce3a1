import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  BUILT_IN_PROVIDERS,
  formatKey,
  isHttpUrl,
  isTable,
  nearestKey
} from "./chunk-ZSNKZDF6.mjs";

// src/codex/toml.ts
import { createRequire } from "node:module";
var loaded;
function smolToml() {
  loaded ??= createRequire(import.meta.url)("smol-toml");
  return loaded;
}

// src/checks/config-actions.ts
function fileOf(config, kind) {
  const actual = kind === "profile" && config.context.profileStyle === "table" ? "user" : kind;
  return config.layers.find((l) => l.kind === actual)?.file ?? (actual === "user" ? `${config.context.codexHome}/config.toml` : null);
}
function setsOf(table, prefix = []) {
  const changes = [];
  for (const [key, value] of Object.entries(table)) {
    const path = [...prefix, key];
    if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) {
      const inner = setsOf(value, path);
      if (inner === null || inner.length === 0) return null;
      changes.push(...inner);
    } else {
      if (!isTomlValue(value)) return null;
      changes.push({ op: "set", path, value });
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

// src/codex/toml-table.ts
function valueAt(table, path) {
  let node = table;
  for (const segment of path) {
    if (!isTable(node) || !Object.hasOwn(node, segment)) return void 0;
    node = node[segment];
  }
  return node;
}
function setOwn(table, key, value) {
  Object.defineProperty(table, key, { value, writable: true, enumerable: true, configurable: true });
}
function locateKey(source, path) {
  if (source === "" || path.length === 0) return void 0;
  const lines = source.split(/\r?\n/);
  const seg = (s) => `(?:${escapeRe(s)}|"${escapeRe(s)}"|'${escapeRe(s)}')`;
  const header = (p) => new RegExp(`^\\s*\\[\\[?\\s*${p.map(seg).join("\\s*\\.\\s*")}\\s*\\]\\]?\\s*(#.*)?$`);
  const fullHeader = header(path);
  const full = lines.findIndex((l) => fullHeader.test(l));
  if (full >= 0) return full + 1;
  const below = new RegExp(`^\\s*\\[\\[?\\s*${path.map(seg).join("\\s*\\.\\s*")}\\s*\\.`);
  const sub = lines.findIndex((l) => below.test(l));
  if (sub >= 0) return sub + 1;
  const parent = path.slice(0, -1);
  const keyLine = new RegExp(`^\\s*${seg(path[path.length - 1])}\\s*=`);
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

// src/codex/config.ts
var MAX_CONFIG_BYTES = 1024 * 1024;

// src/codex/config-fix.ts
function fixLocation(config, kind) {
  const source = config.sources.find((s) => s.kind === kind);
  return source && source.prefix.length > 0 ? { target: "user", prefix: source.prefix } : { target: kind, prefix: [] };
}
function snippetFor(path, value) {
  const root = {};
  let node = root;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      setOwn(node, segment, value);
      return;
    }
    const child = {};
    setOwn(node, segment, child);
    node = child;
  });
  return smolToml().stringify(root).trim();
}

// src/words/codex-config.ts
function place(at, show) {
  if (at.line !== void 0 && at.column !== void 0) return `${show(at.file)}:${at.line}:${at.column}`;
  return at.line !== void 0 ? `${show(at.file)} (line ${at.line})` : show(at.file);
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

// src/checks/codex-config.ts
var MAX_TLS_FILE_BYTES = 1024 * 1024;
function sourceWith(config, key) {
  return [...config.sources].reverse().find((s) => valueAt(s.table, key) !== void 0);
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
function deletion(config, key) {
  const source = sourceWith(config, key);
  return source ? { kind: "edit-config", file: source.file, changes: [{ op: "remove", path: [...source.prefix, ...key] }] } : null;
}

export {
  withConfigActions,
  endpointProblemFinding
};
