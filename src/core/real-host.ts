// The Host for the real machine.
import { execFile } from 'node:child_process';
import { close, fstat, open, read } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import type { DialOverrides, Host, HostFs, ReadResult } from './host.js';

export const realFs: HostFs = {
  async stat(path) {
    try {
      const s = await stat(path);
      return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  readFile: readBounded,
  readdir: (path) => readdir(path),
};

/**
 * Reads at most maxBytes of a file. Callback fs, not a FileHandle: a run reads a few hundred small files
 * (the hash-named roots in /etc/ssl/certs), and this is several times cheaper per file on a cold start.
 */
function readBounded(path: string, maxBytes: number): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    open(path, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      const finish = (error: Error | null, result?: ReadResult): void => close(fd, () => (error ? reject(error) : resolve(result!)));
      fstat(fd, (statError, stats) => {
        if (statError) return finish(statError);
        const size = stats.size;
        const bytes = Buffer.alloc(Math.min(size, maxBytes));
        const readFrom = (offset: number): void => {
          if (offset >= bytes.length) return finish(null, { bytes, truncated: size > maxBytes, size });
          read(fd, bytes, offset, bytes.length - offset, offset, (readError, bytesRead) => {
            if (readError) return finish(readError);
            // The file shrank while being read: what was there.
            if (bytesRead === 0) return finish(null, { bytes: bytes.subarray(0, offset), truncated: size > maxBytes, size });
            readFrom(offset + bytesRead);
          });
        };
        readFrom(0);
      });
    });
  });
}

export function realHost(options: { env?: Record<string, string | undefined>; dial?: DialOverrides } = {}): Host {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.env ?? process.env)) if (v !== undefined) env[k] = v;
  return {
    env,
    platform: process.platform,
    arch: process.arch,
    cwd: process.cwd(),
    homeDir: os.homedir(),
    fs: realFs,
    now: () => new Date(),
    monotonic: () => performance.now(),
    dial: options.dial ?? new Map(),
    exec: (command, args, { timeoutMs }) =>
      new Promise((resolve) => {
        execFile(command, args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ code, stdout, stderr });
        });
      }),
  };
}
