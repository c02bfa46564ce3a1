// What the offline --json run loads: it must start fast, so the TUI (ink, react), the network probes (undici,
// ws), the lab (node-forge), the --help machinery (yargs) and the text renderer (chalk) stay out of it.
// The built binary runs with a module recorder preloaded, the way a user's CI would run it. dist/ is bundled
// (esbuild, split into chunks): the build's metafiles say which source files each loaded file holds.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanEnv } from './helpers/cli.js';

const RECORDER = fileURLToPath(new URL('./helpers/module-recorder.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OFFLINE = ['--json', '--skip', 'tls.auth,oauth.token,ws.upgrade'];
const KEPT_OUT = ['ink', 'react', 'undici', 'ws', 'node-forge', 'yargs', 'chalk'];

let dir: string;
/** Output file of the build (`dist/chunks/chunk-X.js`) -> the source files bundled into it (`src/core/runner.ts`). */
let bundled: Map<string, string[]>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cd-startup-'));
  bundled = new Map();
  // The ESM bundle, and the CommonJS bin that loads it.
  for (const name of ['meta.json', 'bin.meta.json']) {
    const meta = JSON.parse(await readFile(path.join(ROOT, 'dist', name), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    for (const [output, { inputs }] of Object.entries(meta.outputs)) bundled.set(output, Object.keys(inputs));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Loaded {
  code: number | null;
  /** Packages under node_modules, by name. */
  packages: Set<string>;
  /** The source files whose code was loaded, from the root (e.g. src/net/tls-probe.ts). */
  sources: string[];
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
  const outputs = paths.map((p) => path.relative(ROOT, p).split(path.sep).join('/')).filter((p) => p.startsWith('dist/'));
  const sources = outputs.flatMap((output) => {
    const inputs = bundled.get(output);
    if (!inputs) throw new Error(`${output} is in no metafile of dist/: dist/ is stale, run npm run build`);
    return inputs;
  });
  // A package is loaded from node_modules, or bundled into dist/ (undici and ws are: see package.json "build").
  const packageOf = (file: string): string[] => {
    const name = /(?:^|[\\/])node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file)?.[1];
    return name === undefined ? [] : [name];
  };
  return {
    code,
    packages: new Set([...paths.flatMap(packageOf), ...sources.flatMap(packageOf)]),
    sources: sources.filter((file) => packageOf(file).length === 0),
  };
}

describe('start-up of the offline --json run', () => {
  it('loads none of ink, react, undici, ws, node-forge, yargs or chalk, nor the network probes or the lab', async () => {
    const loaded = await modulesLoadedBy(OFFLINE);
    expect([0, 1]).toContain(loaded.code);
    expect(loaded.sources).toContain('src/checks/ca-bundle.ts');
    expect(KEPT_OUT.filter((name) => loaded.packages.has(name))).toEqual([]);
    expect(loaded.sources.filter((file) => /^src\/(net|lab|render\/tui)\/|^src\/render\/text\.ts$|^src\/checks\/(tls-auth|oauth-token|ws-upgrade)\.ts$/.test(file))).toEqual([]);
  });

  it('--format markdown loads no more than --json: the ticket body starts as fast', async () => {
    const loaded = await modulesLoadedBy(['--format', 'markdown', '--skip', 'tls.auth,oauth.token,ws.upgrade']);
    expect([0, 1]).toContain(loaded.code);
    expect(loaded.sources).toContain('src/render/markdown.ts');
    expect(KEPT_OUT.filter((name) => loaded.packages.has(name))).toEqual([]);
    expect(loaded.sources.filter((file) => /^src\/(net|lab|render\/tui)\/|^src\/render\/text\.ts$/.test(file))).toEqual([]);
  });

  it('sees those packages where they belong, so the recorder cannot miss them', async () => {
    // Bundled into dist/ (undici, ws) or loaded from node_modules (yargs, chalk): both are seen.
    const network = await modulesLoadedBy(['--json', '--only', 'oauth.token', '--timeout', '2000', '--proxy', 'http://127.0.0.1:9']);
    expect(network.packages).toContain('undici');
    const help = await modulesLoadedBy(['--help']);
    expect(help.code).toBe(0);
    expect(help.packages).toContain('yargs');
    const plain = await modulesLoadedBy(['--plain', '--skip', 'tls.auth,oauth.token,ws.upgrade']);
    expect(plain.packages).toContain('chalk');
    expect(plain.packages).not.toContain('yargs');
  });
});
