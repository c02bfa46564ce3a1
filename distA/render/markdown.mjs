import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  require_version
} from "../chunks/chunk-SBET7HUB.mjs";
import {
  __commonJS,
  __toESM
} from "../chunks/chunk-JO3HUCP3.mjs";

// shared-module:/work/wt/lead/src/words/ticket.ts
var require_ticket = __commonJS({
  "shared-module:/work/wt/lead/src/words/ticket.ts"(exports, module) {
    module.exports = globalThis[/* @__PURE__ */ Symbol.for("codex-doctor.core-modules")]["src/words/ticket.ts"];
  }
});

// src/render/markdown.ts
var import_version = __toESM(require_version(), 1);
var import_ticket = __toESM(require_ticket(), 1);
var MAX_LINE = 400;
var MAX_SECTION_LINES = 24;
var MAX_MARKDOWN_BYTES = 32 * 1024;
function renderMarkdown(report) {
  const shown = /* @__PURE__ */ new Set();
  const sectionLines = (section) => evidenceSection(section, shown);
  const parts = [
    verdictLine(report),
    "",
    ...whatFails(report),
    ...fixFirst(report),
    ...report.itRequest ? itRequestPart(report.itRequest) : [],
    `## ${import_ticket.markdownWords.evidence}`,
    "",
    ...environmentPart(report),
    ...routesPart(report.checks, sectionLines),
    ...chainsPart(report.checks),
    ...answersPart(report.checks, "proxyAnswer", import_ticket.markdownWords.proxyAnswer),
    ...answersPart(report.checks, "httpAnswer", import_ticket.markdownWords.httpAnswer),
    ...detailsPart(report.checks, sectionLines)
  ];
  return cap(`${parts.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}
`);
}
function verdictLine(report) {
  const { counts } = report;
  const verdict = report.exitCode === 130 ? import_ticket.markdownWords.verdict.interrupted : counts.crash > 0 && counts.fail === 0 ? import_ticket.markdownWords.verdict.crash : counts.fail > 0 ? import_ticket.markdownWords.verdict.fail : counts.warn > 0 ? import_ticket.markdownWords.verdict.warn : import_ticket.markdownWords.verdict.pass;
  return `**${import_ticket.markdownWords.title}: ${verdict}.** ${prose(report.summary ?? "")}`.trimEnd();
}
function whatFails(report) {
  const lines = [`## ${import_ticket.markdownWords.whatFails}`, ""];
  const problems = report.checks.filter((c) => c.status === "fail" || c.status === "warn" || c.status === "crash");
  if (problems.length === 0) lines.push(import_ticket.markdownWords.nothingFails);
  const told = /* @__PURE__ */ new Map();
  for (const check of problems) {
    for (const finding of check.findings.filter((f) => f.level !== "info")) {
      const key = `${finding.level} ${finding.stage} ${finding.code}`;
      const earlier = told.get(key);
      told.set(key, earlier ?? check.id);
      const detail = earlier === void 0 ? prose(finding.detail) : import_ticket.markdownWords.sameAs(earlier);
      lines.push(`- **${check.id}** ${finding.level === "fail" ? "failed" : "warns"} at \`${finding.stage}\`, \`${finding.code}\`: ${detail}`);
    }
    if (check.status === "crash" && check.error) lines.push(`- **${check.id}** crashed at \`${check.error.stage}\`, \`${check.error.code}\`: ${prose(check.error.detail)}`);
  }
  for (const check of report.checks.filter((c) => c.status === "skip")) {
    lines.push(`- ${prose(import_ticket.markdownWords.skipped(check.id, check.blockedBy, check.skipReason === "user"))}`);
  }
  return [...lines, ""];
}
function fixFirst(report) {
  const fix = report.fixFirst;
  if (!fix) return [];
  return [`## ${import_ticket.markdownWords.fixFirst}`, "", `${import_ticket.markdownWords.owner[fix.owner]} (\`${fix.check}\`, \`${fix.code}\`)`, "", ...hintLines(fix.hint), ""];
}
function hintLines(hint) {
  const lines = [prose(hint.text)];
  if (hint.command) lines.push("", ...fenced(hint.command, "sh"));
  if (hint.snippet) lines.push("", ...fenced(hint.snippet, /^\s*(#|\[|\w+\s*=)/.test(hint.snippet) ? "toml" : ""));
  if (hint.docs) lines.push("", `See ${prose(hint.docs)}`);
  return lines;
}
function itRequestPart(request) {
  const lines = [`## ${import_ticket.markdownWords.itRequest}`, "", prose(request.request), ""];
  if (request.hosts.length > 0) {
    lines.push(tableRow(import_ticket.markdownWords.itColumns), tableRow(import_ticket.markdownWords.itColumns.map(() => "---")));
    for (const host of request.hosts) {
      lines.push(tableRow([`\`${host.host}\``, String(host.port), `${host.purpose}${host.optional ? import_ticket.markdownWords.optionalHost : ""}`, host.websocket ? "yes" : "no"]));
    }
    lines.push("");
  }
  if (request.proxy) {
    lines.push(`- ${prose(import_ticket.markdownWords.proxyLine(request.proxy.address))}`);
    if (request.proxy.authSchemes) lines.push(`- ${prose(import_ticket.markdownWords.authLine(request.proxy.authSchemes, request.proxy.realm))}`);
    if (request.proxy.server) lines.push(`- ${prose(import_ticket.markdownWords.serverLine(request.proxy.server))}`);
    lines.push("");
  }
  if (request.ca) {
    lines.push(`**${import_ticket.markdownWords.caTitle}:** ${prose(request.ca.subject)}`, "", prose(request.ca.note));
    if (request.ca.sha256) lines.push("", `SHA-256 \`${request.ca.sha256}\``);
    if (request.ca.pem) lines.push("", ...collapsed(import_ticket.markdownWords.pemTitle, fenced(request.ca.pem, "")));
    lines.push("");
  }
  return lines;
}
function environmentPart(report) {
  const env = report.environment;
  const os = env.os ? `${env.os.name}${env.os.version && !env.os.name.includes(env.os.version) ? ` ${env.os.version}` : ""}` : env.platform;
  const rows = [
    [import_ticket.markdownWords.envRows.os, `${os} (${env.platform} ${env.arch})`],
    [import_ticket.markdownWords.envRows.node, env.node],
    [import_ticket.markdownWords.envRows.codex, env.codexVersion ?? import_ticket.markdownWords.codexUnknown],
    ...env.shell !== void 0 ? [[import_ticket.markdownWords.envRows.shell, env.shell]] : [],
    [import_ticket.markdownWords.envRows.doctor, `${import_version.VERSION}, ${report.generatedAt}${env.lab !== void 0 ? `, ${import_ticket.markdownWords.labNote(env.lab)}` : ""}`]
  ];
  const variables = Object.entries(env.variables);
  const lines = [`### ${import_ticket.markdownWords.environment}`, "", tableRow(["", ""]), tableRow(["---", "---"]), ...rows.map(([k, v]) => tableRow([k, v]))];
  lines.push(tableRow([import_ticket.markdownWords.envRows.variables, variables.length === 0 ? import_ticket.markdownWords.noVariables : variables.map(([k, v]) => `\`${k}=${v}\``).join("<br>")]), "");
  return lines;
}
function routesPart(checks, sectionLines) {
  const endpoints = checks.flatMap((check) => {
    const list = check.data?.endpoints;
    return Array.isArray(list) ? list.map((e) => ({ check, e })) : [];
  });
  const lines = [];
  if (endpoints.length > 0) {
    lines.push(tableRow(import_ticket.markdownWords.endpointColumns), tableRow(import_ticket.markdownWords.endpointColumns.map(() => "---")));
    for (const { check, e } of endpoints) {
      const verdict = `${String(e.status ?? check.status)}${typeof e.code === "string" ? ` \`${e.code}\`` : ""}`;
      lines.push(tableRow([`\`${String(e.host)}:${String(e.port)}\``, String(e.transport ?? ""), String(e.purpose ?? ""), prose(clip(String(e.route ?? ""))), verdict]));
    }
  } else {
    for (const check of checks) {
      const route = check.data?.route;
      if (typeof route === "string") lines.push(`- **${check.id}** (${check.status}): ${prose(clip(route))}`);
    }
  }
  const precedence = checks.find((c) => c.id === "env.precedence");
  const skipped = endpoints.length > 0 ? /^(Variables|Route to each)\b/ : /^Variables\b/;
  const routeSections = precedence?.evidence.filter((s) => !skipped.test(s.title)) ?? [];
  if (lines.length === 0 && routeSections.length === 0) return [];
  return [`### ${import_ticket.markdownWords.routes}`, "", ...lines, ...lines.length > 0 ? [""] : [], ...routeSections.flatMap((s) => sectionLines(s)), ""];
}
function chainsPart(checks) {
  const lines = [];
  const earlier = /* @__PURE__ */ new Map();
  for (const check of checks) {
    const chain = check.data?.chain;
    if (!Array.isArray(chain) || chain.length === 0) continue;
    const target = typeof check.data?.target === "string" ? check.data.target : check.title;
    lines.push(`${prose(import_ticket.markdownWords.chainFor(check.id, target))}`, "");
    for (const [i, entry] of chain.entries()) {
      const cert = entry;
      const fingerprint = String(cert.fingerprint256 ?? "");
      const before = earlier.get(fingerprint);
      if (before !== void 0) {
        lines.push(`- [${i}] ${import_ticket.markdownWords.sameCertificate(before)}`);
        continue;
      }
      earlier.set(fingerprint, `${check.id} [${i}]`);
      lines.push(`- [${i}] ${prose(clip(String(cert.subject ?? "")))}, issued by ${prose(clip(String(cert.issuer ?? "")))}, SHA-256 \`${fingerprint}\``);
    }
    lines.push("");
  }
  return lines.length > 0 ? [`### ${import_ticket.markdownWords.chains}`, "", ...lines] : [];
}
function isChainSection(check, section) {
  return Array.isArray(check.data?.chain) && section.title.startsWith("Chain presented");
}
function answersPart(checks, which, heading) {
  const seen = /* @__PURE__ */ new Set();
  const lines = [];
  for (const check of checks) {
    for (const finding of check.findings) {
      const answer = finding.cause?.[which];
      if (!answer) continue;
      const block = answerLines(answer);
      const key = block.join("\n");
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`${check.id}:`, "", ...fenced(key, "http"), "");
    }
  }
  return lines.length > 0 ? [`### ${heading}`, "", ...lines] : [];
}
function answerLines(answer) {
  return [
    answer.statusLine,
    ...answer.server !== void 0 ? [`Server: ${answer.server}`] : [],
    ...(answer.proxyAuthenticate ?? []).map((c) => `Proxy-Authenticate: ${c}`),
    ...answer.via !== void 0 ? [`Via: ${answer.via}`] : []
  ];
}
function detailsPart(checks, sectionLines) {
  return checks.filter((c) => c.status === "fail" || c.status === "warn" || c.status === "crash").flatMap((check) => {
    const body = check.evidence.filter((section) => !isChainSection(check, section)).flatMap(sectionLines);
    return body.length > 0 ? [...collapsed(import_ticket.markdownWords.details(check.id), body), ""] : [];
  });
}
function evidenceSection(section, seen) {
  const key = section.lines.join("\n");
  if (seen.has(key)) return [];
  seen.add(key);
  const shown = section.lines.slice(0, MAX_SECTION_LINES).map(clip);
  const rest = section.lines.length - shown.length;
  return [`**${prose(section.title)}**`, "", ...fenced([...shown, ...rest > 0 ? [import_ticket.markdownWords.truncated(rest)] : []].join("\n"), ""), ""];
}
function collapsed(summary, body) {
  return ["<details>", `<summary>${escapeHtml(summary)}</summary>`, "", ...body, "", "</details>"];
}
function fenced(text, language) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return [`${fence}${language}`, ...text.split("\n"), fence];
}
function tableRow(cells) {
  return `| ${cells.map((c) => c.replace(/\|/g, "\\|").replace(/\r?\n/g, " ")).join(" | ")} |`;
}
function prose(text) {
  return text.replace(/\r?\n/g, " ").replace(/<(?=[A-Za-z/!?])/g, "&lt;");
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function clip(line) {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}...` : line;
}
function cap(body) {
  if (Buffer.byteLength(body) <= MAX_MARKDOWN_BYTES) return body;
  const lines = [];
  let size = 0;
  for (const line of body.split("\n")) {
    size += Buffer.byteLength(line) + 1;
    if (size > MAX_MARKDOWN_BYTES - 512) break;
    lines.push(line);
  }
  let openFence;
  for (const line of lines) {
    const fence = /^`{3,}/.exec(line)?.[0];
    if (fence && (openFence === void 0 || fence === openFence)) openFence = openFence === void 0 ? fence : void 0;
  }
  const open = lines.filter((l) => l === "<details>").length - lines.filter((l) => l === "</details>").length;
  return `${[...lines, ...openFence !== void 0 ? [openFence] : [], ...Array.from({ length: Math.max(0, open) }, () => "</details>"), "", import_ticket.markdownWords.capped].join("\n")}
`;
}
export {
  MAX_MARKDOWN_BYTES,
  renderMarkdown
};
