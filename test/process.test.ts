// The process around the run, as a user's shell sees it: it ends when the output goes away (`| head -1`),
// on Ctrl-C or a kill, and after the run even if a read is still pending (a FIFO nobody writes to), and it
// leaves no temporary files and no stack trace behind.
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanEnv } from './helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cd-process-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the built binary; `onFirstOutput` runs when stdout first shows something. */
function start(args: string[], env: Record<string, string>, onFirstOutput: (child: ReturnType<typeof spawn>) => void): Promise<Ended> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout!.once('data', () => onFirstOutput(child));
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderr })));
}

/** A CA directory whose one hash-named file is a FIFO nobody writes to: reading it waits forever. */
async function fifoCaDir(name: string): Promise<string> {
  const caDir = path.join(dir, name);
  await mkdir(caDir);
  execFileSync('mkfifo', [path.join(caDir, 'aabbccdd.0')]);
  return caDir;
}

const NO_STACK = /\bat .*\.(c?m?js|ts):\d+|Error: write EPIPE|Unhandled/;

describe('the process', () => {
  it('exits quietly with 141 when stdout is closed early, and the lab removes its temporary files', async () => {
    const tmp = await mkdtemp(path.join(dir, 'tmp-'));
    // Like `codex-doctor lab --plain | head -1`: the reader goes away after the first output.
    const ended = await start(['lab', '--plain'], cleanEnv({ HOME: dir, TMPDIR: tmp }), (child) => child.stdout!.destroy());
    expect(ended).toMatchObject({ code: 141, signal: null });
    expect(ended.stderr).not.toMatch(NO_STACK);
    expect(await readdir(tmp)).toEqual([]);
  }, 30_000);

  it('stops on SIGTERM with 130 even while a read is pending, and does not wait for it', async () => {
    const caDir = await fifoCaDir('ca-term');
    const ended = await start(['--plain', '--only', 'ca.bundle', '--timeout', '600000'], cleanEnv({ HOME: dir, SSL_CERT_DIR: caDir }), (child) => child.kill('SIGTERM'));
    expect(ended).toMatchObject({ code: 130, signal: null });
    expect(ended.stderr).not.toMatch(NO_STACK);
  }, 30_000);

  it('ends after the run although a read is still pending (the deadline passed at read)', async () => {
    const caDir = await fifoCaDir('ca-deadline');
    const output: string[] = [];
    const child = spawn(process.execPath, [CLI, '--plain', '--only', 'ca.bundle', '--timeout', '300'], { env: cleanEnv({ HOME: dir, SSL_CERT_DIR: caDir }) });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    const text = output.join('');
    expect(text).toContain('RUN_DEADLINE [read]');
    expect(text).toContain('Nothing on the network was involved at read');
  }, 30_000);
});
