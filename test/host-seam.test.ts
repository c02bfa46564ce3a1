// The Host seam (ARCHITECTURE.md): the model, the checks, the probes and the renderers reach the machine only
// through the Host they are given. A direct `process.*`, `console.*` or `node:fs` there would make a check
// depend on the machine running the tests, and a renderer write where the caller did not ask.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const BEHIND_THE_SEAM = ['codex', 'checks', 'net', 'render'];
const FORBIDDEN: Array<[string, RegExp]> = [
  ['process.*', /\bprocess\s*\.\s*\w/],
  ['console.*', /\bconsole\s*\.\s*\w/],
  ['node:fs', /['"](?:node:)?fs(?:\/promises)?['"]/],
];

async function sourcesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => path.join(e.parentPath, e.name));
}

/** The code without comments (a comment may well name process.stdin), strings kept. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('the Host seam', () => {
  it.each(BEHIND_THE_SEAM)('src/%s uses no process.*, console.* or node:fs', async (dir) => {
    const offences: string[] = [];
    for (const file of await sourcesUnder(path.join(SRC, dir))) {
      const code = withoutComments(await readFile(file, 'utf8'));
      code.split('\n').forEach((line, i) => {
        for (const [what, pattern] of FORBIDDEN) if (pattern.test(line)) offences.push(`${path.relative(SRC, file)}:${i + 1} ${what}: ${line.trim()}`);
      });
    }
    expect(offences).toEqual([]);
  });

  it('catches what it looks for (a scan that finds nothing must be able to find something)', () => {
    const sample = withoutComments(`// process.stdin in a comment\nconst a = process.env.X;\nconsole.log(a);\nimport { readFile } from 'node:fs/promises';\n`);
    expect(FORBIDDEN.filter(([, pattern]) => pattern.test(sample)).map(([what]) => what)).toEqual(['process.*', 'console.*', 'node:fs']);
    expect(FORBIDDEN.some(([, pattern]) => pattern.test(withoutComments('// process.stdin only here\n')))).toBe(false);
  });
});
