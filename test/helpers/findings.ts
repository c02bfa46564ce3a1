// Every warn and fail finding the tests produce must carry its fix as an action in one of its hints (checked
// here, on every record the runner helpers and the scenario suite produce); test/words/actions.test.ts makes
// sure every catalogued code that can warn or fail is among them.
import { expect } from 'vitest';
import type { CheckRecord, Finding } from '../../src/core/types.js';

/** Codes only ever reported as information: no fix to carry. The scenario suite checks that they never warn or fail. */
export const INFO_ONLY = new Set<string>([
  'CA_BUNDLE_OK', 'CA_SYSTEM_ROOTS', 'CA_OTHER_SKIPPED', 'CA_CRL_SKIPPED', 'CA_TRUSTED_NORMALISED',
  'ENV_CA_SELECTED', 'ENV_PROXY_SELECTED', 'ENV_CODEX_VERSION', 'ENV_SYSTEM_PROXY', 'ENV_OPENAI_BASE_URL_USED',
  'ENV_LOGIN_SYSTEM_PROXY_RETRY',
  'NET_ROUTE', 'NET_RETRIES_UNBOUNDED', 'TLS_CHAIN_VERIFIED', 'TLS_NOT_INTERCEPTED', 'TLS_INTERCEPTED',
  'OAUTH_PATH_OK', 'WS_UPGRADE_OK', 'WS_DISABLED',
  'CONFIG_LOADED', 'CONFIG_PROVIDER', 'CONFIG_MCP_URL_SERVER',
  'SANDBOX_NETWORK_DISABLED', 'SANDBOX_NETWORK_ENABLED', 'SANDBOX_VARS_REACH', 'SANDBOX_VAR_SET_OVERRIDE', 'SANDBOX_TOOL_CA_UNSET', 'SANDBOX_MANAGED_PROXY',
  'OTEL_EXPORTER', 'OTEL_CA_REPLACES_ROOTS',
]);

/** Asserts that a warn or fail finding carries an action (and an info-only code is information). */
export function expectAction(finding: Finding, where = ''): void {
  if (finding.level === 'info') return;
  expect(INFO_ONLY.has(finding.code), `${where}${finding.code} is listed as info-only but is a ${finding.level}`).toBe(false);
  expect(finding.hints.some((h) => h.action !== undefined), `${where}${finding.code} (${finding.level}) carries no fix action`).toBe(true);
}

/** Every warn and fail of a record (or of a JSON report's check); a crash is the doctor's bug, not a fix for the user. */
export function expectActions(record: Pick<CheckRecord, 'id' | 'status'> & { findings: ReadonlyArray<Finding | { level: 'info' }> }): void {
  if (record.status === 'crash') return;
  for (const finding of record.findings) if (finding.level !== 'info') expectAction(finding as Finding, `${record.id}: `);
}

/** A finding as the words layer speaks it, without the machine-readable `action` of its hints. */
export function withoutActions(finding: Finding): Finding {
  expectAction(finding);
  if (!finding.hints) return finding;
  return { ...finding, hints: finding.hints.map(({ action: _action, ...hint }) => hint) } as Finding;
}
