import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  __commonJS,
  __toESM
} from "./chunk-JO3HUCP3.mjs";

// shared-module:/work/wt/lead/src/core/ticket.ts
var require_ticket = __commonJS({
  "shared-module:/work/wt/lead/src/core/ticket.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/core/ticket.ts"];
  }
});

// src/render/view-model.ts
var import_ticket = __toESM(require_ticket(), 1);
var GLYPHS = {
  unicode: { pass: "\u2714", warn: "\u26A0", fail: "\u2716", skip: "\u2013", crash: "\u203C", running: "\u2026" },
  ascii: { pass: "[ok]", warn: "[warn]", fail: "[FAIL]", skip: "[skip]", crash: "[CRASH]", running: "[..]" }
};
var ORDER = ["pass", "warn", "fail", "skip", "crash"];
var WORDS = {
  pass: ["passed", "passed"],
  warn: ["warning", "warnings"],
  fail: ["failed", "failed"],
  skip: ["skipped", "skipped"],
  crash: ["crashed", "crashed"]
};
function summaryLine(counts) {
  const parts = ORDER.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${WORDS[s][counts[s] === 1 ? 0 : 1]}`);
  return parts.length > 0 ? parts.join(", ") : "no checks ran";
}
function visibleFindings(record, verbose) {
  const rank = { fail: 0, warn: 1, info: 2 };
  return record.findings.filter((f) => verbose || f.level !== "info").sort((a, b) => rank[a.level] - rank[b.level]);
}
function topFix(report) {
  return (0, import_ticket.firstFix)(report.checks);
}
function stageLabel(record) {
  if (record.status === "crash") return `crashed at ${record.error?.stage ?? "input"}`;
  if (record.status === "fail" && record.error) return `failed at ${record.error.stage}`;
  return void 0;
}
function formatDuration(ms) {
  return ms < 1e3 ? `${Math.round(ms)} ms` : `${(ms / 1e3).toFixed(1)} s`;
}
var LEVEL_LABELS = { fail: "error", warn: "warning", info: "info" };
function causeText(cause) {
  return [cause.code, cause.message].filter(Boolean).join(": ");
}
var ENDPOINT_TABLE_TITLE = "Hosts Codex contacts (each by its own route and roots)";
function endpointTable(checks) {
  const rows = checks.flatMap(
    (check) => (Array.isArray(check.data?.endpoints) ? check.data.endpoints : []).map((e) => ({
      check: check.id,
      status: e.status,
      cells: [check.id, `${e.host}:${e.port}`, e.transport, e.purpose, e.route, `${e.status}${e.code ? ` ${e.code}` : ""}`]
    }))
  );
  const header = ["check", "host", "transport", "purpose", "route", "verdict"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i].length)));
  const pad = (cells) => cells.map((cell, i) => i === cells.length - 1 ? cell : cell.padEnd(widths[i])).join("  ");
  return { header: pad(header), lines: rows.map((r) => ({ check: r.check, status: r.status, text: pad(r.cells) })) };
}

export {
  GLYPHS,
  summaryLine,
  visibleFindings,
  topFix,
  stageLabel,
  formatDuration,
  LEVEL_LABELS,
  causeText,
  ENDPOINT_TABLE_TITLE,
  endpointTable
};
