// Plain text: rows in runbook order as they settle, no cursor tricks. Also what gets pasted into a ticket.
import { Chalk, type ChalkInstance } from 'chalk';
import type { CheckRecord, Finding, Hint, Report, RunEvent, Status } from '../core/types.js';
import { VERSION } from '../version.js';
import { ENDPOINT_TABLE_TITLE, GLYPHS, LEVEL_LABELS, causeText, endpointTable, formatDuration, stageLabel, summaryLine, topFix, visibleFindings } from './view-model.js';

export interface TextStyle {
  /** chalk level: 0 none, 1 basic, 2 256, 3 truecolor. */
  color: 0 | 1 | 2 | 3;
  unicode: boolean;
  columns: number;
}

interface Writer {
  write(chunk: string): unknown;
}

export function createTextRenderer(
  out: Writer,
  style: TextStyle,
  options: { verbose: boolean; planned: ReadonlyArray<{ id: string }> },
) {
  const c = new Chalk({ level: style.color });
  const glyphs = GLYPHS[style.unicode ? 'unicode' : 'ascii'];
  const idWidth = Math.max(...options.planned.map((p) => p.id.length), 8);
  const settled = new Map<string, CheckRecord>();
  let next = 0;

  const paint: Record<Status, (s: string) => string> = {
    pass: c.green,
    warn: c.yellow,
    fail: c.red,
    skip: c.dim,
    crash: c.magenta,
  };

  const flush = (): void => {
    while (next < options.planned.length) {
      const record = settled.get(options.planned[next]!.id);
      if (!record) return;
      out.write(renderRecord(record, { c, glyphs, paint, idWidth, verbose: options.verbose }));
      next += 1;
    }
  };

  return {
    header(): void {
      out.write(`${c.bold(`codex-doctor ${VERSION}`)}: the Codex TLS and proxy runbook\n\n`);
    },
    onEvent(event: RunEvent): void {
      if (event.type !== 'end') return;
      settled.set(event.id, event.record);
      flush();
    },
    footer(report: Report): void {
      for (const record of report.checks) settled.set(record.id, record);
      flush();
      const table = endpointTable(report.checks);
      if (table.lines.length > 0) {
        out.write(`\n${c.bold(ENDPOINT_TABLE_TITLE)}\n  ${c.dim(table.header)}\n`);
        for (const line of table.lines) out.write(`  ${paint[line.status](line.text)}\n`);
      }
      out.write(`\n${c.bold(summaryLine(report.counts))}\n`);
      const fix = topFix(report);
      if (fix) {
        out.write(`${c.bold('Fix first')} (${fix.check.id}, ${fix.finding.code}): ${fix.hint.text}\n`);
        out.write(hintBody(fix.hint, '  ', c));
      }
      if (report.exitCode === 130) out.write('Interrupted.\n');
    },
  };
}

interface RowStyle {
  c: ChalkInstance;
  glyphs: Record<Status | 'running', string>;
  paint: Record<Status, (s: string) => string>;
  idWidth: number;
  verbose: boolean;
}

function renderRecord(record: CheckRecord, s: RowStyle): string {
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
  return `${lines.join('\n')}\n`;
}

function findingLines(finding: Finding, c: ChalkInstance): string[] {
  const label = (finding.level === 'fail' ? c.red : finding.level === 'warn' ? c.yellow : c.dim)(LEVEL_LABELS[finding.level]);
  const lines = [`    ${label} ${c.bold(finding.code)} [${finding.stage}]: ${finding.detail}`];
  if (finding.cause) lines.push(c.dim(`      cause: ${causeText(finding.cause)}`));
  for (const hint of finding.hints ?? []) {
    lines.push(`      ${c.cyan('fix:')} ${hint.text}`);
    const body = hintBody(hint, '        ', c);
    if (body) lines.push(body.trimEnd());
  }
  return lines;
}

function hintBody(hint: Hint, indent: string, c: ChalkInstance): string {
  const lines: string[] = [];
  if (hint.command) lines.push(...hint.command.split('\n').map((l) => `${indent}${c.cyan('$')} ${l}`));
  if (hint.snippet) lines.push(...hint.snippet.split('\n').map((l) => `${indent}  ${l}`));
  if (hint.docs) lines.push(`${indent}${c.dim(`see ${hint.docs}`)}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
