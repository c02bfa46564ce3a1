// `codex-doctor fix` through the built binary: its help, and a dry run that prints one JSON document.
import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../helpers/cli.js';

let home: string;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'codex-doctor-fix-cli-'));
  await mkdir(path.join(home, '.codex'));
  const pem = readFileSync(new URL('../../fixtures/bundles/rsa-root.pem', import.meta.url), 'utf8');
  await writeFile(path.join(home, 'corp.cer'), new X509Certificate(pem).raw);
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe('codex-doctor fix (the binary)', () => {
  it('is in the help, with --yes and --dry-run', async () => {
    const top = await runCli(['--help'], cleanEnv());
    expect(top.stdout).toContain('codex-doctor fix');
    const help = await runCli(['fix', '--help'], cleanEnv());
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--yes[\s\S]*--dry-run/);
  });

  it('--dry-run --json prints one document and writes nothing', async () => {
    const env = cleanEnv({ HOME: home, SHELL: '/bin/bash', CODEX_CA_CERTIFICATE: path.join(home, 'corp.cer') });
    const before = await readdir(home, { recursive: true });
    const result = await runCli(['fix', '--dry-run', '--json', '--only', 'ca.bundle'], env, { cwd: home });
    expect(result.stderr).toBe('');
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ command: 'fix', dryRun: true, before: { exitCode: 1, checks: [{ id: 'ca.bundle', status: 'fail', code: 'CA_FORMAT_DER' }] }, after: null });
    expect(result.code).toBe(1);
    expect(await readdir(home, { recursive: true })).toEqual(before);
  });
});
