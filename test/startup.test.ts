// What the offline --json run loads: it must start fast, so the TUI (ink, react), the network probes (undici,
// ws), the lab (node-forge), the --help machinery (yargs) and the text renderer (chalk) stay out of it.
// The built binary runs with a module recorder preloaded, the way a user's CI would run it. dist/ is bundled
// (scripts/build.mjs: the core in one script, the rest in ESM chunks): the build's metafile says which source
// files each loaded file holds. The core is compiled with the build's code cache: V8 must take it.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateSubject, fingerprint256 } from '../src/codex/certificate.js';
import { publicRootDers, PUBLIC_ROOTS_TABLE } from '../src/checks/public-roots.js';
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
  const meta = JSON.parse(await readFile(path.join(ROOT, 'dist', 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  for (const [output, { inputs }] of Object.entries(meta.outputs)) bundled.set(output, Object.keys(inputs));
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

  it('sends the WebSocket upgrade with undici: ws.upgrade does not load ws (only the lab does)', async () => {
    const upgrade = await modulesLoadedBy(['--json', '--only', 'ws.upgrade', '--timeout', '2000', '--proxy', 'http://127.0.0.1:9']);
    expect(upgrade.sources).toContain('src/net/ws-probe.ts');
    expect(upgrade.packages).toContain('undici');
    expect(upgrade.packages).not.toContain('ws');
  });
});

describe('the code caches of the core and of the network checks', () => {
  /** Runs the bin in `binDir` with `args` and says whether V8 took the code cache of `script` (null: not loaded). */
  async function offlineRun(binDir: string, args = OFFLINE, script = 'core'): Promise<{ code: number | null; stdout: string; cacheUsed: string }> {
    const probe = [
      `process.argv = [process.execPath, ${JSON.stringify(path.join(binDir, 'cli.js'))}, ...${JSON.stringify(args)}];`,
      `const bin = require(${JSON.stringify(path.join(binDir, 'cli.js'))});`,
      `process.on('exit', () => require('node:fs').writeSync(2, 'cache used: ' + bin.cacheTaken(${JSON.stringify(script)})));`,
    ].join('\n');
    return new Promise((resolve) => {
      execFile(process.execPath, ['-e', probe], { env: cleanEnv({ HOME: dir }), timeout: 30_000, encoding: 'utf8' }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, cacheUsed: /cache used: (\w+)/.exec(stderr)?.[1] ?? stderr });
      });
    });
  }

  it('is taken by V8 on the Node that built it', async () => {
    const run = await offlineRun(path.join(ROOT, 'dist'));
    expect([0, 1]).toContain(run.code);
    expect(run.cacheUsed).toBe('true');
  });

  it("the network checks' script is not loaded offline, and its cache is taken when a network check runs", async () => {
    expect((await offlineRun(path.join(ROOT, 'dist'), OFFLINE, 'net')).cacheUsed).toBe('null');
    const network = await offlineRun(path.join(ROOT, 'dist'), ['--json', '--only', 'oauth.token', '--timeout', '2000', '--proxy', 'http://127.0.0.1:9'], 'net');
    expect(network.cacheUsed).toBe('true');
  });

  it('is not used with a core from another build, which then runs as well without it', async () => {
    const copy = await mkdtemp(path.join(dir, 'dist-'));
    for (const name of ['cli.js', 'core.cjs', 'package.json']) await copyFile(path.join(ROOT, 'dist', name), path.join(copy, name));
    const cache = await readFile(path.join(ROOT, 'dist', 'core.cache'));
    // The same V8 data, labelled with another build's hash.
    await writeFile(path.join(copy, 'core.cache'), Buffer.concat([Buffer.from('0'.repeat(64)), cache.subarray(64)]));
    const stale = await offlineRun(copy);
    expect(stale.cacheUsed).toBe('false');
    const fresh = await offlineRun(path.join(ROOT, 'dist'));
    const verdicts = (stdout: string) => (JSON.parse(stdout) as { checks: Array<{ id: string; status: string; summary: string }> }).checks.map(({ id, status, summary }) => ({ id, status, summary }));
    expect(stale.code).toBe(fresh.code);
    expect(verdicts(stale.stdout)).toEqual(verdicts(fresh.stdout));
  });
});

describe("the build's table of Node's public roots", () => {
  it('holds, for this Node, the fingerprint and subject the doctor computes for each root, in order', async () => {
    const table = JSON.parse(await readFile(path.join(ROOT, 'dist', PUBLIC_ROOTS_TABLE), 'utf8')) as { node: string; rows: unknown[] };
    expect(table.node).toBe(process.version);
    expect(table.rows).toEqual(publicRootDers({}).map((der) => [der.length, fingerprint256(der), certificateSubject(der)]));
  });
});
