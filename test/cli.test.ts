import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { cleanEnv, runCli } from './helpers/cli.js';
import { expectValidReport } from './helpers/schema.js';

let home: string;
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'cd-cli-'));
});

describe('command line', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
    const r = await runCli(['--version'], cleanEnv());
    expect(r).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it('--help lists every flag and the exit codes', async () => {
    const r = await runCli(['--help'], cleanEnv());
    expect(r.code).toBe(0);
    for (const flag of ['--json', '--plain', '--only', '--skip', '--timeout', '--strict', '--codex-home', '--verbose', '--resolve', '--proxy', '--profile']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toContain('130 interrupted');
  });

  it.each([
    [['--frobnicate'], 'Unknown argument: frobnicate'],
    [['--only', 'tls.nope'], 'Unknown check id: tls.nope'],
    [['--skip', 'ca.bundle,bogus'], 'Unknown check id: bogus'],
    [['--json', '--plain'], 'mutually exclusive'],
    [['--timeout', '-5'], '--timeout needs a positive number'],
    [['--resolve', 'auth.openai.com:127.0.0.1'], 'expected host:port:address'],
  ])('%j is a usage error: exit 2 and a clear message on stderr', async (args, message) => {
    const r = await runCli(args, cleanEnv());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('--json prints exactly one schema-valid document on stdout', async () => {
    const r = await runCli(['--json', '--only', 'ca.bundle,env.precedence'], cleanEnv({ HOME: home }));
    const report = JSON.parse(r.stdout);
    expectValidReport(report);
    expect(report.exitCode).toBe(r.code);
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual(['ca.bundle', 'env.precedence'].filter((id) => report.checks.some((c: { id: string }) => c.id === id)));
  });
});
