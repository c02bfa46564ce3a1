// The real machine's file reads: a FIFO or a device must never park a thread-pool thread. A thread blocked in
// open() or read() cannot be cancelled, starves the pool (4 threads) and even keeps process.exit() from
// returning: `CODEX_CA_CERTIFICATE=/tmp/fifo` used to hang the doctor for good.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realFs } from '../../src/core/real-host.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cd-real-host-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('realFs.readFile', () => {
  it('a regular file: bounded, with its size', async () => {
    const file = path.join(dir, 'a.pem');
    await writeFile(file, 'x'.repeat(100));
    expect(await realFs.readFile(file, 10)).toEqual({ bytes: Buffer.from('x'.repeat(10)), truncated: true, size: 100 });
  });

  it('FIFOs nobody writes to wait on the event loop, not on the thread pool', async () => {
    const fifos = [0, 1, 2, 3, 4].map((i) => path.join(dir, `fifo-${i}`));
    for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
    // More waiting reads than the pool has threads: thread-pool work still gets done.
    const reads = fifos.map((fifo) => realFs.readFile(fifo, 1024));
    await expect(stat(dir)).resolves.toBeDefined();
    // A writer that opens and closes ends each read, empty.
    for (const fifo of fifos) closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    for (const read of await Promise.all(reads)) expect(read).toEqual({ bytes: Buffer.alloc(0), truncated: false, size: 0 });
  });

  it('a FIFO with a writer: what it writes, bounded', async () => {
    const fifo = path.join(dir, 'fifo-written');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `printf 'hello pipe' > '${fifo}'`]);
    expect(await realFs.readFile(fifo, 1024)).toEqual({ bytes: Buffer.from('hello pipe'), truncated: false, size: 10 });
    await new Promise((resolve) => writer.once('exit', resolve));
  });

  it('a device gives what it has at once: /dev/null is empty, /dev/zero is cut at the bound', async () => {
    expect(await realFs.readFile('/dev/null', 1024)).toEqual({ bytes: Buffer.alloc(0), truncated: false, size: 0 });
    const zero = await realFs.readFile('/dev/zero', 1000);
    expect(zero.bytes).toEqual(Buffer.alloc(1000));
    expect(zero.truncated).toBe(true);
  });

  it('a directory fails as it did (EISDIR)', async () => {
    await expect(realFs.readFile(dir, 1024)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
