// Every report a test produces is validated against the schema kept in the repo.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { expect } from 'vitest';
import { isErrorCode } from '../../src/core/codes.js';
import type { StagedError } from '../../src/core/types.js';
import type { JsonCheck, JsonReport } from '../../src/render/json.js';

const schema = JSON.parse(readFileSync(new URL('../../src/render/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

export function expectValidReport(report: unknown): asserts report is JsonReport {
  const ok = validate(report);
  expect(validate.errors ?? [], 'report must match src/render/report.schema.json').toEqual([]);
  expect(ok).toBe(true);
  for (const check of (report as JsonReport).checks) {
    for (const finding of check.findings) expect(isErrorCode(finding.code), `${finding.code} is in the catalogue`).toBe(true);
  }
}

/** A check's staged error in a JSON report, whole again: the detail and cause of the finding it names. */
export function errorOf(check: JsonCheck | undefined): StagedError | undefined {
  const error = check?.error;
  if (!error) return undefined;
  if (!('finding' in error)) return error;
  const finding = check.findings[error.finding];
  if (!finding || !('detail' in finding)) throw new Error(`${check.id}: error names finding ${error.finding}, which has no detail`);
  return { stage: error.stage, code: error.code, detail: finding.detail, ...(finding.cause && { cause: finding.cause }) };
}
