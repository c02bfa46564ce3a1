// --json: exactly one versioned document (see report.schema.json), nothing else on stdout.
//
// The document says each thing once, at the level of detail of the plain text: info findings by their code, a
// check that passes by its summary, one that warns, fails or crashes by its warnings and failures in full (hints
// and actions) and its evidence; every network check by its endpoints. Under --verbose every info sentence,
// every evidence section and the checks' structured `data` are kept too. A failed check's `error` names its
// failing finding instead of repeating it; an evidence section an earlier check showed is named, not repeated.
import type { EndpointRow } from '../checks/network-plan.js';
import type { CheckRecord, EvidenceSection, Finding, Report, StagedError } from '../core/types.js';

export const SCHEMA_VERSION = 2;

/** A check's staged error: the finding that carries its detail, or (a crash, a deadline) the detail itself. */
export type JsonError = Pick<StagedError, 'stage' | 'code'> & ({ finding: number } | Pick<StagedError, 'detail' | 'cause'>);

/** An info finding without hints is its code and stage unless --verbose; warnings and failures are whole. */
export type JsonFinding = Finding | (Pick<Finding, 'code' | 'stage' | 'cause'> & { level: 'info'; detail?: never; hints?: never });

/** An evidence section, or one whose lines an earlier check showed already (named by `sameAs`, not repeated). */
export type JsonEvidence = EvidenceSection | { title: string; sameAs: string };

export interface JsonCheck extends Pick<CheckRecord, 'id' | 'title' | 'status' | 'summary' | 'blockedBy' | 'skipReason' | 'durationMs'> {
  error?: JsonError;
  findings: JsonFinding[];
  evidence?: JsonEvidence[];
  /** The hosts a network check probed, each with its route and verdict (the check's `data.endpoints`). */
  endpoints?: EndpointRow[];
  /** Under --verbose: the check's structured data, but its endpoints. */
  data?: Record<string, unknown>;
}

export interface JsonReport extends Omit<Report, 'checks'> {
  schemaVersion: typeof SCHEMA_VERSION;
  checks: JsonCheck[];
}

export interface JsonOptions {
  /** Keep every info sentence, every evidence section and the full `data` of every check. */
  verbose: boolean;
}

export function renderJson(report: Report, options: JsonOptions = { verbose: false }): string {
  return `${layout(jsonDocument(report, options))}\n`;
}

export function jsonDocument(report: Report, options: JsonOptions = { verbose: false }): JsonReport {
  const { checks, ...rest } = report;
  // The lines of each evidence section shown so far, and the check that showed them.
  const shown = new Map<string, string>();
  return { schemaVersion: SCHEMA_VERSION, ...rest, checks: checks.map((check) => jsonCheck(check, options.verbose, shown)) };
}

function jsonCheck(check: CheckRecord, verbose: boolean, shown: Map<string, string>): JsonCheck {
  const { error, findings } = check;
  const told = verbose || check.status === 'warn' || check.status === 'fail' || check.status === 'crash';
  const evidence = told ? check.evidence.filter((section) => section.lines.length > 0) : [];
  const { endpoints, ...data } = check.data ?? {};
  return {
    id: check.id,
    title: check.title,
    status: check.status,
    summary: check.summary,
    ...(error && { error: jsonError(error, findings) }),
    findings: findings.map((finding) => (verbose || finding.level !== 'info' || finding.hints ? finding : codeOnly(finding))),
    ...(evidence.length > 0 && { evidence: evidence.map((section) => onceOnly(section, check.id, shown)) }),
    ...(Array.isArray(endpoints) && { endpoints: endpoints as EndpointRow[] }),
    ...(verbose && Object.keys(data).length > 0 && { data }),
    ...(check.blockedBy && { blockedBy: check.blockedBy }),
    ...(check.skipReason && { skipReason: check.skipReason }),
    durationMs: check.durationMs,
  };
}

function jsonError(error: StagedError, findings: readonly Finding[]): JsonError {
  const finding = findings.findIndex((f) => f.code === error.code && f.stage === error.stage && f.detail === error.detail);
  return finding < 0 ? error : { stage: error.stage, code: error.code, finding };
}

function onceOnly(section: EvidenceSection, checkId: string, shown: Map<string, string>): JsonEvidence {
  const key = section.lines.join('\n');
  const earlier = shown.get(key);
  if (earlier !== undefined) return { title: section.title, sameAs: earlier };
  shown.set(key, checkId);
  return section;
}

function codeOnly({ code, stage, cause }: Finding): JsonFinding {
  return { level: 'info', code, stage, ...(cause && { cause }) };
}

/** Lines of a container at most this deep; below it, each item (a finding, a section, an endpoint) is one line. */
const LINE_DEPTH = 4;
/** A container that fits in this many characters stays on one line at any depth. */
const LINE_WIDTH = 120;

/** JSON over lines down to the items of the report's lists, each item on one line: readable without the indentation of every leaf. */
function layout(value: unknown, depth = 0): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || depth >= LINE_DEPTH || flat.length + depth <= LINE_WIDTH) return flat;
  const indent = ' '.repeat(depth + 1);
  const items = Array.isArray(value)
    ? value.map((item) => `${indent}${layout(item, depth + 1)}`)
    : Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => `${indent}${JSON.stringify(key)}: ${layout(item, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return items.length === 0 ? `${open}${close}` : `${open}\n${items.join(',\n')}\n${' '.repeat(depth)}${close}`;
}
