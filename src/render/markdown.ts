// --format markdown: a ticket body that pastes into Jira, ServiceNow or a GitHub issue. The verdict line,
// what fails and why, the fix first (and the request for IT when the fix is theirs), then the evidence;
// long evidence collapsed in <details>. It reads the same (redacted) report as the other renderers, and is
// bounded: every line, every section and the whole body have a size limit.
import type { CheckRecord, EvidenceSection, Hint, ItRequest, ProxyAnswer, Report } from '../core/types.js';
import { VERSION } from '../version.js';
import { markdownWords as w } from '../words/ticket.js';

/** One line of evidence: certificates and routes fit; a hostile value does not grow the ticket. */
const MAX_LINE = 400;
/** Lines shown per evidence section before the rest is left to the JSON report. */
const MAX_SECTION_LINES = 24;
/** The whole body: far above a typical failure (under 8 KB), a hard stop for the pathological one. */
export const MAX_MARKDOWN_BYTES = 32 * 1024;

export function renderMarkdown(report: Report): string {
  // An evidence body shown once: the checks repeat what each transport trusts, and env.precedence's own
  // sections are already under the routes.
  const shown = new Set<string>();
  const sectionLines = (section: EvidenceSection): string[] => evidenceSection(section, shown);
  const parts = [
    verdictLine(report),
    '',
    ...whatFails(report),
    ...fixFirst(report),
    ...(report.itRequest ? itRequestPart(report.itRequest) : []),
    `## ${w.evidence}`,
    '',
    ...environmentPart(report),
    ...routesPart(report.checks, sectionLines),
    ...chainsPart(report.checks),
    ...answersPart(report.checks, 'proxyAnswer', w.proxyAnswer),
    ...answersPart(report.checks, 'httpAnswer', w.httpAnswer),
    ...detailsPart(report.checks, sectionLines),
  ];
  return cap(`${parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`);
}

function verdictLine(report: Report): string {
  const { counts } = report;
  const verdict =
    report.exitCode === 130 ? w.verdict.interrupted
    : counts.crash > 0 && counts.fail === 0 ? w.verdict.crash
    : counts.fail > 0 ? w.verdict.fail
    : counts.warn > 0 ? w.verdict.warn
    : w.verdict.pass;
  return `**${w.title}: ${verdict}.** ${prose(report.summary ?? '')}`.trimEnd();
}

function whatFails(report: Report): string[] {
  const lines = [`## ${w.whatFails}`, ''];
  const problems = report.checks.filter((c) => c.status === 'fail' || c.status === 'warn' || c.status === 'crash');
  if (problems.length === 0) lines.push(w.nothingFails);
  // The same failure on a second host (login and streaming through one proxy) is named, not retold.
  const told = new Map<string, string>();
  for (const check of problems) {
    for (const finding of check.findings.filter((f) => f.level !== 'info')) {
      const key = `${finding.level} ${finding.stage} ${finding.code}`;
      const earlier = told.get(key);
      told.set(key, earlier ?? check.id);
      const detail = earlier === undefined ? prose(finding.detail) : w.sameAs(earlier);
      lines.push(`- **${check.id}** ${finding.level === 'fail' ? 'failed' : 'warns'} at \`${finding.stage}\`, \`${finding.code}\`: ${detail}`);
    }
    if (check.status === 'crash' && check.error) lines.push(`- **${check.id}** crashed at \`${check.error.stage}\`, \`${check.error.code}\`: ${prose(check.error.detail)}`);
  }
  for (const check of report.checks.filter((c) => c.status === 'skip')) {
    lines.push(`- ${prose(w.skipped(check.id, check.blockedBy, check.skipReason === 'user'))}`);
  }
  return [...lines, ''];
}

function fixFirst(report: Report): string[] {
  const fix = report.fixFirst;
  if (!fix) return [];
  return [`## ${w.fixFirst}`, '', `${w.owner[fix.owner]} (\`${fix.check}\`, \`${fix.code}\`)`, '', ...hintLines(fix.hint), ''];
}

function hintLines(hint: Hint): string[] {
  const lines = [prose(hint.text)];
  if (hint.command) lines.push('', ...fenced(hint.command, 'sh'));
  if (hint.snippet) lines.push('', ...fenced(hint.snippet, /^\s*(#|\[|\w+\s*=)/.test(hint.snippet) ? 'toml' : ''));
  if (hint.docs) lines.push('', `See ${prose(hint.docs)}`);
  return lines;
}

function itRequestPart(request: ItRequest): string[] {
  // The reason is "What fails and why" above; the JSON report carries it for machines.
  const lines = [`## ${w.itRequest}`, '', prose(request.request), ''];
  if (request.hosts.length > 0) {
    lines.push(tableRow(w.itColumns), tableRow(w.itColumns.map(() => '---')));
    for (const host of request.hosts) {
      lines.push(tableRow([`\`${host.host}\``, String(host.port), `${host.purpose}${host.optional ? w.optionalHost : ''}`, host.websocket ? 'yes' : 'no']));
    }
    lines.push('');
  }
  if (request.proxy) {
    lines.push(`- ${prose(w.proxyLine(request.proxy.address))}`);
    if (request.proxy.authSchemes) lines.push(`- ${prose(w.authLine(request.proxy.authSchemes, request.proxy.realm))}`);
    if (request.proxy.server) lines.push(`- ${prose(w.serverLine(request.proxy.server))}`);
    lines.push('');
  }
  if (request.ca) {
    lines.push(`**${w.caTitle}:** ${prose(request.ca.subject)}`, '', prose(request.ca.note));
    if (request.ca.sha256) lines.push('', `SHA-256 \`${request.ca.sha256}\``);
    if (request.ca.pem) lines.push('', ...collapsed(w.pemTitle, fenced(request.ca.pem, '')));
    lines.push('');
  }
  return lines;
}

function environmentPart(report: Report): string[] {
  const env = report.environment;
  const os = env.os ? `${env.os.name}${env.os.version && !env.os.name.includes(env.os.version) ? ` ${env.os.version}` : ''}` : env.platform;
  const rows: Array<[string, string]> = [
    [w.envRows.os, `${os} (${env.platform} ${env.arch})`],
    [w.envRows.node, env.node],
    [w.envRows.codex, env.codexVersion ?? w.codexUnknown],
    ...(env.shell !== undefined ? [[w.envRows.shell, env.shell] as [string, string]] : []),
    [w.envRows.doctor, `${VERSION}, ${report.generatedAt}${env.lab !== undefined ? `, ${w.labNote(env.lab)}` : ''}`],
  ];
  const variables = Object.entries(env.variables);
  const lines = [`### ${w.environment}`, '', tableRow(['', '']), tableRow(['---', '---']), ...rows.map(([k, v]) => tableRow([k, v]))];
  lines.push(tableRow([w.envRows.variables, variables.length === 0 ? w.noVariables : variables.map(([k, v]) => `\`${k}=${v}\``).join('<br>')]), '');
  return lines;
}

type SectionRenderer = (section: EvidenceSection) => string[];

/**
 * The route and verdict per host Codex contacts (the network checks' endpoints; before those, each check's
 * route), then what each transport trusts (env.precedence).
 */
function routesPart(checks: readonly CheckRecord[], sectionLines: SectionRenderer): string[] {
  const endpoints = checks.flatMap((check) => {
    const list: unknown = check.data?.endpoints;
    return Array.isArray(list) ? list.map((e) => ({ check, e: e as Record<string, unknown> })) : [];
  });
  const lines: string[] = [];
  if (endpoints.length > 0) {
    lines.push(tableRow(w.endpointColumns), tableRow(w.endpointColumns.map(() => '---')));
    for (const { check, e } of endpoints) {
      const verdict = `${String(e.status ?? check.status)}${typeof e.code === 'string' ? ` \`${e.code}\`` : ''}`;
      lines.push(tableRow([`\`${String(e.host)}:${String(e.port)}\``, String(e.transport ?? ''), String(e.purpose ?? ''), prose(clip(String(e.route ?? ''))), verdict]));
    }
  } else {
    for (const check of checks) {
      const route = check.data?.route;
      if (typeof route === 'string') lines.push(`- **${check.id}** (${check.status}): ${prose(clip(route))}`);
    }
  }
  const precedence = checks.find((c) => c.id === 'env.precedence');
  // Its variables are in the environment table; with endpoints, the route per host is in the table above.
  const skipped = endpoints.length > 0 ? /^(Variables|Route to each)\b/ : /^Variables\b/;
  const routeSections = precedence?.evidence.filter((s) => !skipped.test(s.title)) ?? [];
  if (lines.length === 0 && routeSections.length === 0) return [];
  return [`### ${w.routes}`, '', ...lines, ...(lines.length > 0 ? [''] : []), ...routeSections.flatMap((s) => sectionLines(s)), ''];
}

/** Each presented chain with fingerprints; a certificate seen in an earlier chain is named, not repeated. */
function chainsPart(checks: readonly CheckRecord[]): string[] {
  const lines: string[] = [];
  const earlier = new Map<string, string>();
  for (const check of checks) {
    const chain = check.data?.chain;
    if (!Array.isArray(chain) || chain.length === 0) continue;
    const target = typeof check.data?.target === 'string' ? check.data.target : check.title;
    lines.push(`${prose(w.chainFor(check.id, target))}`, '');
    for (const [i, entry] of chain.entries()) {
      const cert = entry as Record<string, unknown>;
      const fingerprint = String(cert.fingerprint256 ?? '');
      const before = earlier.get(fingerprint);
      if (before !== undefined) {
        lines.push(`- [${i}] ${w.sameCertificate(before)}`);
        continue;
      }
      earlier.set(fingerprint, `${check.id} [${i}]`);
      lines.push(`- [${i}] ${prose(clip(String(cert.subject ?? '')))}, issued by ${prose(clip(String(cert.issuer ?? '')))}, SHA-256 \`${fingerprint}\``);
    }
    lines.push('');
  }
  return lines.length > 0 ? [`### ${w.chains}`, '', ...lines] : [];
}

/** A check's own rendering of the chain it was shown, which chainsPart already lists with fingerprints. */
function isChainSection(check: CheckRecord, section: EvidenceSection): boolean {
  return Array.isArray(check.data?.chain) && section.title.startsWith('Chain presented');
}

/** The answers of a proxy to CONNECT, or of whatever answered inside TLS, each distinct one once. */
function answersPart(checks: readonly CheckRecord[], which: 'proxyAnswer' | 'httpAnswer', heading: string): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const check of checks) {
    for (const finding of check.findings) {
      const answer = finding.cause?.[which];
      if (!answer) continue;
      const block = answerLines(answer);
      const key = block.join('\n');
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`${check.id}:`, '', ...fenced(key, 'http'), '');
    }
  }
  return lines.length > 0 ? [`### ${heading}`, '', ...lines] : [];
}

function answerLines(answer: ProxyAnswer): string[] {
  return [
    answer.statusLine,
    ...(answer.server !== undefined ? [`Server: ${answer.server}`] : []),
    ...(answer.proxyAuthenticate ?? []).map((c) => `Proxy-Authenticate: ${c}`),
    ...(answer.via !== undefined ? [`Via: ${answer.via}`] : []),
  ];
}

/** Every failing or warning check's own evidence, collapsed. */
function detailsPart(checks: readonly CheckRecord[], sectionLines: SectionRenderer): string[] {
  return checks
    .filter((c) => c.status === 'fail' || c.status === 'warn' || c.status === 'crash')
    .flatMap((check) => {
      const body = check.evidence.filter((section) => !isChainSection(check, section)).flatMap(sectionLines);
      return body.length > 0 ? [...collapsed(w.details(check.id), body), ''] : [];
    });
}

/** A titled code block of evidence lines, bounded; nothing when the same lines were shown already. */
function evidenceSection(section: EvidenceSection, seen: Set<string>): string[] {
  const key = section.lines.join('\n');
  if (seen.has(key)) return [];
  seen.add(key);
  const shown = section.lines.slice(0, MAX_SECTION_LINES).map(clip);
  const rest = section.lines.length - shown.length;
  return [`**${prose(section.title)}**`, '', ...fenced([...shown, ...(rest > 0 ? [w.truncated(rest)] : [])].join('\n'), ''), ''];
}

function collapsed(summary: string, body: string[]): string[] {
  return ['<details>', `<summary>${escapeHtml(summary)}</summary>`, '', ...body, '', '</details>'];
}

/** A code block whose fence no line of the content can close. */
function fenced(text: string, language: string): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${language}`, ...text.split('\n'), fence];
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join(' | ')} |`;
}

/** Text outside code: one line, and nothing that reads as an HTML tag. */
function prose(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(line: string): string {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}...` : line;
}

/** The hard bound: cut at a line boundary, close an open code block and an open <details>, say so. */
function cap(body: string): string {
  if (Buffer.byteLength(body) <= MAX_MARKDOWN_BYTES) return body;
  const lines: string[] = [];
  let size = 0;
  for (const line of body.split('\n')) {
    size += Buffer.byteLength(line) + 1;
    if (size > MAX_MARKDOWN_BYTES - 512) break;
    lines.push(line);
  }
  let openFence: string | undefined;
  for (const line of lines) {
    const fence = /^`{3,}/.exec(line)?.[0];
    if (fence && (openFence === undefined || fence === openFence)) openFence = openFence === undefined ? fence : undefined;
  }
  const open = lines.filter((l) => l === '<details>').length - lines.filter((l) => l === '</details>').length;
  return `${[...lines, ...(openFence !== undefined ? [openFence] : []), ...Array.from({ length: Math.max(0, open) }, () => '</details>'), '', w.capped].join('\n')}\n`;
}
