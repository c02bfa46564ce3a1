// The answer of `codex-doctor explain`, as text and as one JSON document.
import { CATALOGUE } from '../core/codes.js';
import type { ExplainResult } from '../explain/explain.js';
import { explainWords as w } from '../words/explain.js';
import { jsonDocument } from './json.js';
import { summaryLine } from './view-model.js';

export function renderExplainText(result: ExplainResult, options: { verbose: boolean }): string {
  const lines = [`${w.pasted}: "${result.quoted}"`, ''];
  if (result.recognised.length === 0) {
    lines.push(w.notRecognised, '');
  } else {
    for (const r of result.recognised) {
      lines.push(r.context);
      if (r.causes.length > 0) {
        lines.push(w.canMean);
        const shown = options.verbose ? r.causes : r.causes.slice(0, MAX_CAUSES_SHOWN);
        for (const cause of shown) lines.push(`  - ${cause.code}: ${cause.meaning}`);
        if (shown.length < r.causes.length) lines.push(`  ${w.moreCauses(r.causes.length - shown.length)}`);
      }
      if (r.note) lines.push(r.note);
      lines.push('');
    }
    lines.push(`${w.checksRun}: ${result.checks.join(', ')}`, '');
  }
  const { answer } = result;
  switch (result.verdict) {
    case 'cause-found':
      lines.push(`${w.answer}: ${answer!.code} (${answer!.check}, ${answer!.level === 'fail' ? 'failed' : 'warns'} at ${answer!.stage}).`, `  ${answer!.detail}`);
      break;
    case 'other-problem':
      lines.push(w.otherProblem, `  ${answer!.code} (${answer!.check}, at ${answer!.stage}): ${answer!.detail}`);
      break;
    case 'path-works':
      lines.push(w.pathWorks);
      break;
    case 'codex-policy':
      lines.push(w.codexPolicy);
      break;
    case 'not-recognised': {
      const report = result.report;
      lines.push(`${w.runbook}: ${summaryLine(report.counts)}.`);
      if (report.summary) lines.push(report.summary);
      for (const check of report.checks) {
        const first = check.error ?? check.findings.find((f) => f.level === 'warn');
        lines.push(`  ${check.status.padEnd(5)} ${check.id.padEnd(15)} ${first ? `${first.code}: ` : ''}${check.summary}`);
      }
      break;
    }
  }
  const hint = answer?.hint ?? (result.verdict === 'not-recognised' ? result.report.fixFirst?.hint : undefined);
  if (hint) {
    lines.push('', `${w.fix}: ${hint.text}`);
    if (hint.command) lines.push(...hint.command.split('\n').map((l) => `  $ ${l}`));
    if (hint.snippet) lines.push(...hint.snippet.split('\n').map((l) => `    ${l}`));
  }
  return `${lines.join('\n')}\n`;
}

const MAX_CAUSES_SHOWN = 6;

export function renderExplainJson(result: ExplainResult): string {
  const document = {
    // 2 since the report inside is a schemaVersion 2 report.
    schemaVersion: 2,
    tool: 'codex-doctor',
    command: 'explain',
    text: result.quoted,
    recognised: result.recognised,
    checks: result.checks,
    verdict: result.verdict,
    answer: result.answer ?? null,
    ...(result.answer && { meaning: CATALOGUE[result.answer.code] }),
    report: jsonDocument(result.report),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
