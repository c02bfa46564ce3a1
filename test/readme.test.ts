// The README is part of the product: its catalogue, checks and flags must match the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../src/checks/index.js';
import { CATALOGUE } from '../src/core/codes.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const catalogue = readme.slice(readme.indexOf('<!-- catalogue:start -->'), readme.indexOf('<!-- catalogue:end -->'));

describe('README', () => {
  it('documents every error code with its meaning, and no code that does not exist', () => {
    for (const [code, meaning] of Object.entries(CATALOGUE)) {
      expect(catalogue, code).toContain(`| \`${code}\` | ${meaning.replace(/\|/g, '\\|')} |`);
    }
    const documented = [...catalogue.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.filter((code) => !(code! in CATALOGUE))).toEqual([]);
  });

  it('describes every check of the runbook', () => {
    for (const id of CHECK_IDS) expect(readme).toContain(`| \`${id}\` |`);
  });

  it('gives the two quick-start commands and the test command', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toMatch(/^npm test\b/m);
  });
});
