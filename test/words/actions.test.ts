// Every code env.precedence and ca.bundle can emit is produced by their tests, which check on every warn and
// fail finding they produce that its hints carry the fix as an action (test/helpers/findings.ts): a new code
// without such a test fails here, as network-codes.test.ts does for the network checks.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/core/codes.js';
import { WITHOUT_ACTION } from '../helpers/findings.js';

const PRODUCING_TESTS = ['../checks/env-precedence.test.ts', '../checks/env-proxies.test.ts', '../checks/ca-bundle.test.ts'];
/** Info only: never a warn or a fail, so no fix to carry. */
const INFO_ONLY = new Set(['CA_OTHER_SKIPPED']);

describe('fix actions of the checks whose words live in src/words', () => {
  it('every ENV_ and CA_ code is produced by a test that checks its action', async () => {
    const tested = (await Promise.all(PRODUCING_TESTS.map((file) => readFile(fileURLToPath(new URL(file, import.meta.url)), 'utf8')))).join('\n');
    const codes = Object.keys(CATALOGUE).filter((code) => /^(ENV|CA)_/.test(code) && !INFO_ONLY.has(code));
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((code) => !tested.includes(`'${code}'`))).toEqual([]);
    expect([...WITHOUT_ACTION]).toEqual([]);
  });
});
