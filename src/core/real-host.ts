// The Host for the real machine.
import { close, constants, fstat, open, read } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
    async exec(command, args, { timeoutMs }) {
      // Most machines running the doctor have no `codex` on PATH: say so without forking a process.
      if (!(await mayBeOnPath(command))) return { code: null, stdout: '', stderr: '' };
      const { execFile } = await import('node:child_process');
      return new Promise((resolve) => {
        execFile(command, args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ code, stdout, stderr });
        });
      });
    },
  };
}

/**
 * False only when a bare command name is surely not found by the PATH search the child would do (no
 * executable of that name in any PATH directory); true otherwise, and then spawning decides.
 */
async function mayBeOnPath(command: string): Promise<boolean> {
  const searchPath = process.env.PATH;
  if (process.platform === 'win32' || command.includes('/') || !searchPath) return true;
  // An empty PATH entry means the current directory.
  const candidates = searchPath.split(':').map((dir) => path.join(dir || '.', command));
  const found = await Promise.all(candidates.map((file) => access(file, constants.X_OK).then(() => true, () => false)));
  return found.includes(true);
}
