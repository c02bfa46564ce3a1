import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ENDPOINT_TABLE_TITLE,
  GLYPHS,
  LEVEL_LABELS,
  causeText,
  endpointTable,
  formatDuration,
  stageLabel,
  summaryLine,
  topFix,
  visibleFindings
} from "../chunks/chunk-PUKLK6KA.mjs";
import {
  require_version
} from "../chunks/chunk-SBET7HUB.mjs";
import {
  __toESM
} from "../chunks/chunk-JO3HUCP3.mjs";

// src/render/text.ts
var import_version = __toESM(require_version(), 1);
import { Chalk } from "chalk";
function createTextRenderer(out, style, options) {
  const c = new Chalk({ level: style.color });
  const glyphs = GLYPHS[style.unicode ? "unicode" : "ascii"];
  const idWidth = Math.max(...options.planned.map((p) => p.id.length), 8);
  const settled = /* @__PURE__ */ new Map();
  let next = 0;
  const paint = {
    pass: c.green,
    warn: c.yellow,
    fail: c.red,
    skip: c.dim,
    crash: c.magenta
  };
  const flush = () => {
    while (next < options.planned.length) {
      const record = settled.get(options.planned[next].id);
      if (!record) return;
      out.write(renderRecord(record, { c, glyphs, paint, idWidth, verbose: options.verbose }));
      next += 1;
    }
  };
  return {
    header() {
      out.write(`${c.bold(`codex-doctor ${import_version.VERSION}`)}: the Codex TLS and proxy runbook

`);
    },
    onEvent(event) {
      if (event.type !== "end") return;
      settled.set(event.id, event.record);
      flush();
    },
    footer(report) {
      for (const record of report.checks) settled.set(record.id, record);
      flush();
      const table = endpointTable(report.checks);
      if (table.lines.length > 0) {
        out.write(`
${c.bold(ENDPOINT_TABLE_TITLE)}
  ${c.dim(table.header)}
`);
        for (const line of table.lines) out.write(`  ${paint[line.status](line.text)}
`);
      }
      out.write(`
${c.bold(summaryLine(report.counts))}
`);
      const fix = topFix(report);
      if (fix) {
        out.write(`${c.bold("Fix first")} (${fix.check.id}, ${fix.finding.code}): ${fix.hint.text}
`);
        out.write(hintBody(fix.hint, "  ", c));
      }
      if (report.exitCode === 130) out.write("Interrupted.\n");
    }
  };
}
function renderRecord(record, s) {
  const { c } = s;
  const glyph = s.paint[record.status](s.glyphs[record.status].padEnd(s.glyphs.crash.length));
  const where = stageLabel(record);
  const summary = where ? `${where}: ${record.summary}` : record.summary;
  const lines = [`${glyph} ${c.bold(record.id.padEnd(s.idWidth))}  ${summary} ${c.dim(`(${formatDuration(record.durationMs)})`)}`];
  for (const finding of visibleFindings(record, s.verbose)) lines.push(...findingLines(finding, c));
  if (s.verbose) {
    for (const section of record.evidence) {
      lines.push(`    ${c.underline(section.title)}`);
      for (const line of section.lines) lines.push(`      ${line}`);
    }
  }
  return `${lines.join("\n")}
`;
}
function findingLines(finding, c) {
  const label = (finding.level === "fail" ? c.red : finding.level === "warn" ? c.yellow : c.dim)(LEVEL_LABELS[finding.level]);
  const lines = [`    ${label} ${c.bold(finding.code)} [${finding.stage}]: ${finding.detail}`];
  if (finding.cause) lines.push(c.dim(`      cause: ${causeText(finding.cause)}`));
  for (const hint of finding.hints ?? []) {
    lines.push(`      ${c.cyan("fix:")} ${hint.text}`);
    const body = hintBody(hint, "        ", c);
    if (body) lines.push(body.trimEnd());
  }
  return lines;
}
function hintBody(hint, indent, c) {
  const lines = [];
  if (hint.command) lines.push(...hint.command.split("\n").map((l) => `${indent}${c.cyan("$")} ${l}`));
  if (hint.snippet) lines.push(...hint.snippet.split("\n").map((l) => `${indent}  ${l}`));
  if (hint.docs) lines.push(`${indent}${c.dim(`see ${hint.docs}`)}`);
  return lines.length > 0 ? `${lines.join("\n")}
` : "";
}
export {
  createTextRenderer
};
