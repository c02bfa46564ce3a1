// Every report a test produces is validated against the schema kept in the repo.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { expect } from 'vitest';
import { isErrorCode } from '../../src/core/codes.js';
import type { Report } from '../../src/core/types.js';

const schema = JSON.parse(readFileSync(new URL('../../src/render/report.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

export function expectValidReport(report: unknown): asserts report is Report {
  const ok = validate(report);
  expect(validate.errors ?? [], 'report must match src/render/report.schema.json').toEqual([]);
  expect(ok).toBe(true);
  for (const check of (report as Report).checks) {
    for (const finding of check.findings) expect(isErrorCode(finding.code), `${finding.code} is in the catalogue`).toBe(true);
  }
}
