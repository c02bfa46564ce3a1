// What the offline --json run loads: it must start fast, so the TUI (ink, react), the network probes (undici,
// ws), the lab (node-forge), the --help machinery (yargs) and the text renderer (chalk) stay out of it.
// The built binary runs with a module recorder preloaded, the way a user's CI would run it.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanEnv } from './helpers/cli.js';

const RECORDER = fileURLToPath(new URL('./helpers/module-recorder.mjs', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const OFFLINE = ['--json', '--skip', 'tls.auth,oauth.token,ws.upgrade'];
const KEPT_OUT = ['ink', 'react', 'undici', 'ws', 'node-forge', 'yargs', 'chalk'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cd-startup-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Loaded {
  code: number | null;
  /** Packages under node_modules, by name. */
  packages: Set<string>;
  /** Files of dist/, relative (e.g. net/tls-probe.js). */
  dist: string[];
}

let runs = 0;
async function modulesLoadedBy(args: string[]): Promise<Loaded> {
  const file = path.join(dir, `loaded-${runs++}.txt`);
  const env = cleanEnv({ HOME: dir, MODULE_RECORDER_FILE: file });
  const code = await new Promise<number | null>((resolve) => {
    execFile(process.execPath, ['--import', RECORDER, CLI, ...args], { env, timeout: 30_000 }, (error) => {
      resolve(error ? (typeof error.code === 'number' ? error.code : null) : 0);
    });
  });
  const paths = (await readFile(file, 'utf8')).split('\n').filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url));
  return {
    code,
    packages: new Set(paths.flatMap((p) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(p)?.[1] ?? [])),
    dist: paths.filter((p) => p.startsWith(DIST)).map((p) => path.relative(DIST, p).split(path.sep).join('/')),
  };
}

describe('start-up of the offline --json run', () => {
  it('loads none of ink, react, undici, ws, node-forge, yargs or chalk, nor the network probes or the lab', async () => {
    const loaded = await modulesLoadedBy(OFFLINE);
    expect([0, 1]).toContain(loaded.code);
    expect(loaded.dist).toContain('checks/ca-bundle.js');
    expect(KEPT_OUT.filter((name) => loaded.packages.has(name))).toEqual([]);
    expect(loaded.dist.filter((file) => /^(net|lab|render\/tui)\/|^render\/text\.js$|^checks\/(tls-auth|oauth-token|ws-upgrade)\.js$/.test(file))).toEqual([]);
  });

  it('sees those packages where they belong, so the recorder cannot miss them', async () => {
    const help = await modulesLoadedBy(['--help']);
    expect(help.code).toBe(0);
    expect(help.packages).toContain('yargs');
    const plain = await modulesLoadedBy(['--plain', '--skip', 'tls.auth,oauth.token,ws.upgrade']);
    expect(plain.packages).toContain('chalk');
    expect(plain.packages).not.toContain('yargs');
  });
});
