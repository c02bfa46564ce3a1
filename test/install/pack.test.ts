// The install line IT scripts: the packed tarball installs with `npm install -g <tarball>` (here into a
// temporary prefix) and runs. Its dependencies travel inside it (bundleDependencies), so the install needs
// no registry: it runs offline, as it must behind the very proxy the doctor is diagnosing. One pack, one
// install; dist/ is the one `npm test` just built (`npm pack` runs prepack, which builds it the same way).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { cleanEnv } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NPM_TIMEOUT_MS = 240_000;

function run(command: string, args: string[], options: { cwd: string; env: Record<string, string> }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { ...options, timeout: NPM_TIMEOUT_MS, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

let dir: string;
let env: Record<string, string>;
let bin: string;
let installed: { code: number | null; stdout: string; stderr: string };
let tarball: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cd-pack-'));
  // Its own npm cache and config: nothing of the developer's npm setup, and no registry (--offline).
  env = cleanEnv({ HOME: dir, npm_config_cache: path.join(dir, 'cache'), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' });
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, env });
  expect(packed.code, packed.stderr).toBe(0);
  tarball = path.join(dir, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
  installed = await run('npm', ['install', '--global', '--prefix', path.join(dir, 'prefix'), '--offline', tarball], { cwd: dir, env });
  bin = path.join(dir, 'prefix', ...(process.platform === 'win32' ? ['codex-doctor.cmd'] : ['bin', 'codex-doctor']));
}, NPM_TIMEOUT_MS * 2);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm pack, then npm install -g of the tarball', () => {
  it('installs offline into a fresh prefix, with its dependencies inside the tarball', async () => {
    expect(installed.code, installed.stderr).toBe(0);
    const modules = await readdir(path.join(dir, 'prefix', 'lib', 'node_modules', 'codex-doctor', 'node_modules'));
    for (const dependency of Object.keys(JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).dependencies as Record<string, string>)) {
      expect(modules, dependency).toContain(dependency);
    }
    // The build tools stay out: the tarball carries the built dist/.
    expect(modules).not.toContain('typescript');
    expect(modules).not.toContain('esbuild');
  });

  it('runs: --version, and a lab scenario on loopback with the Markdown ticket', async () => {
    const version = await run(bin, ['--version'], { cwd: dir, env });
    expect(version.stdout.trim()).toBe(VERSION);
    const lab = await run(bin, ['lab', 'proxy-auth-required', '--format', 'markdown'], { cwd: dir, env });
    expect(lab.code).toBe(1);
    expect(lab.stdout).toMatch(/^\*\*codex-doctor verdict: FAIL\.\*\* .*PROXY_AUTH_REQUIRED/);
  });

  it('builds dist/ before packing, and a clone builds it on npm install', async () => {
    const scripts = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.prepack).toBe('npm run build');
    expect(scripts.prepare).toBe('node scripts/prepare.mjs');
  });
});
