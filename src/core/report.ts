// Assembles the one report every renderer reads.
import { clip } from './bound.js';
import { redactProxyValue } from './redact.js';
import type { CheckRecord, EnvironmentSummary, Report, Status } from './types.js';

/** Variables worth showing in a ticket (values are redacted before they get here). */
export const REPORTED_VARIABLES = [
  'CODEX_CA_CERTIFICATE', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'NODE_EXTRA_CA_CERTS', 'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy',
  'NO_PROXY', 'no_proxy', 'CODEX_HOME', 'NODE_TLS_REJECT_UNAUTHORIZED', 'OPENAI_API_KEY',
] as const;

/** Variables whose value is itself a secret: the report says only that they are set. */
const PRESENCE_ONLY = new Set(['OPENAI_API_KEY']);
/** Proxy URLs: shown without password, query values or fragment, as everywhere else. */
const PROXY_VALUES = new Set(['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']);

export function reportedVariables(env: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of REPORTED_VARIABLES) {
    const value = env[name];
    if (value === undefined) continue;
    out[name] = PRESENCE_ONLY.has(name) ? '[set]' : clip(PROXY_VALUES.has(name) ? redactProxyValue(value) : value);
  }
  return out;
}

export function countStatuses(checks: readonly CheckRecord[]): Record<Status, number> {
  const counts: Record<Status, number> = { pass: 0, warn: 0, fail: 0, skip: 0, crash: 0 };
  for (const c of checks) counts[c.status] += 1;
  return counts;
}

export function buildReport(input: {
  checks: CheckRecord[];
  /** summary, fixFirst, itRequest (core/ticket.ts). */
  ticket?: Pick<Report, 'summary' | 'fixFirst' | 'itRequest'>;
  environment: EnvironmentSummary;
  generatedAt: Date;
  durationMs: number;
  exitCode: number;
}): Report {
  return {
    tool: 'codex-doctor',
    generatedAt: input.generatedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    exitCode: input.exitCode,
    counts: countStatuses(input.checks),
    environment: input.environment,
    ...input.ticket,
    checks: input.checks,
  };
}
