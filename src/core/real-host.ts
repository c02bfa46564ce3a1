// The Host for the real machine.
import { execFile } from 'node:child_process';
import { open, readdir, stat } from 'node:fs/promises';
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
  async readFile(path, maxBytes): Promise<ReadResult> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, maxBytes);
      const bytes = Buffer.alloc(length);
      let offset = 0;
      while (offset < length) {
        const { bytesRead } = await handle.read(bytes, offset, length - offset, offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
      }
      return { bytes: bytes.subarray(0, offset), truncated: size > maxBytes, size };
    } finally {
      await handle.close();
    }
  },
  readdir: (path) => readdir(path),
};

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
