// The Host for the real machine.
import { getBuiltinModule, nodeNet } from './builtins.js';
import type { DialOverrides, Host, HostFs, HostWriter, ReadResult } from './host.js';
import { readOsInfo } from './os-info.js';

// Built-ins from getBuiltinModule, not imports: Node's ESM wrapper of node:fs reads every export, and the
// lazy ones (fs.promises, ReadStream, WriteStream...) load fs/promises and the stream machinery, ~1.5 ms of
// a cold start that the offline run does not otherwise pay (see builtins.ts).
const { accessSync, closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, statSync } = getBuiltinModule('node:fs');
const os = getBuiltinModule('node:os');
const path = getBuiltinModule('node:path');

// Metadata calls are synchronous, like the reads of regular files below: a run stats a dozen paths, most of
// which do not exist, and the asynchronous calls cost a thread-pool round trip each, plus a thrown error with
// its stack trace for every missing path, which together cost milliseconds of a cold start. Neither stat nor
// readdir can hang on a FIFO or a device.
export const realFs: HostFs = {
  async stat(path) {
    // Only ENOENT gives undefined; any other failure (ENOTDIR, EACCES) throws, as the Host contract says.
    const s = statSync(path, { throwIfNoEntry: false });
    if (s === undefined) return null;
    return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', size: s.size };
  },
  readFile: readBounded,
  async readdir(path) {
    return readdirSync(path);
  },
};

/**
 * Reads at most maxBytes of a file. A regular file is read synchronously: a run reads a few hundred small
 * files (the hash-named roots in /etc/ssl/certs), and four thread-pool round trips per file (open, fstat,
 * read, close) cost several times more on a cold start than the reads themselves. Nothing here ever waits in
 * a thread-pool call: a thread blocked in open() or read() on a FIFO nobody writes to cannot be cancelled,
 * and it even keeps process.exit() from returning (libuv joins its threads at exit). O_NONBLOCK lets the open
 * return at once whatever the file is; a FIFO or socket is then read on the event loop, where it waits like
 * any socket (the run's deadline and Ctrl-C still work), and a device gives what it has at once.
 */
function readBounded(path: string, maxBytes: number): Promise<ReadResult> {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return Promise.reject(error);
  }
  let handedOver = false;
  try {
    const stats = fstatSync(fd);
    if (stats.isFile()) {
      const size = stats.size;
      const bytes = Buffer.alloc(Math.min(size, maxBytes));
      let offset = 0;
      while (offset < bytes.length) {
        const bytesRead = readSync(fd, bytes, offset, bytes.length - offset, offset);
        // The file shrank while being read: what was there.
        if (bytesRead === 0) return Promise.resolve({ bytes: bytes.subarray(0, offset), truncated: size > maxBytes, size });
        offset += bytesRead;
      }
      return Promise.resolve({ bytes, truncated: size > maxBytes, size });
    }
    if (stats.isFIFO() || stats.isSocket()) {
      handedOver = true;
      return readStream(fd, maxBytes);
    }
    return Promise.resolve(readAvailable(fd, maxBytes));
  } catch (error) {
    return Promise.reject(error);
  } finally {
    if (!handedOver) closeSync(fd);
  }
}

/** A device (or a directory, which fails with EISDIR): what it gives without waiting, up to maxBytes. */
function readAvailable(fd: number, maxBytes: number): ReadResult {
  const chunks: Buffer[] = [];
  let size = 0;
  // Past the bound by one chunk at most, which tells a longer stream from one of exactly maxBytes.
  while (size <= maxBytes) {
    const chunk = Buffer.alloc(64 * 1024);
    let bytesRead: number;
    try {
      bytesRead = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') break;
      throw error;
    }
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    size += bytesRead;
  }
  return { bytes: Buffer.concat(chunks).subarray(0, maxBytes), truncated: size > maxBytes, size };
}

/** A FIFO or a socket, read on the event loop until its writer closes it or maxBytes have come. */
function readStream(fd: number, maxBytes: number): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    // The socket owns the descriptor from here on and closes it.
    const socket = new (nodeNet().Socket)({ fd, readable: true, writable: false });
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (): void => {
      const all = Buffer.concat(chunks);
      resolve({ bytes: all.subarray(0, maxBytes), truncated: size > maxBytes, size });
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBytes) {
        socket.destroy();
        done();
      }
    });
    socket.on('end', done);
    socket.on('error', reject);
  });
}

/** Writes for `codex-doctor fix`, loaded only when a fix is applied. */
export const realWriter: HostWriter = {
  async writeFile(file, bytes, { exclusive, mode }) {
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(path.dirname(file), { recursive: true });
    // 'wx' fails with EEXIST on anything at the path, a dangling symlink included; 'w' truncates in place,
    // so an existing file keeps its mode and owner.
    await writeFile(file, bytes, { flag: exclusive ? 'wx' : 'w', ...(mode !== undefined && { mode }) });
  },
  async removeFile(file) {
    const { rm } = await import('node:fs/promises');
    await rm(file, { force: true });
  },
  async realPath(file) {
    const { lstat, readlink, realpath } = await import('node:fs/promises');
    const rest: string[] = [];
    // A bounded number of links, as the kernel has (ELOOP).
    for (let current = file, links = 0; ; ) {
      try {
        return path.join(await realpath(current), ...rest);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(current) === current) throw error;
      }
      // A dangling link still decides where a write lands: follow it by hand.
      const link = await lstat(current).then((s) => s.isSymbolicLink(), () => false);
      if (link && links++ < 40) {
        current = path.resolve(path.dirname(current), await readlink(current));
        continue;
      }
      rest.unshift(path.basename(current));
      current = path.dirname(current);
    }
  },
  async writable(file) {
    // The file itself when it exists, else the nearest directory above it that does (mkdir -p starts there).
    for (let current = file; ; current = path.dirname(current)) {
      try {
        accessSync(current, constants.W_OK);
        return current === file || statSync(current).isDirectory();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(current) === current) return false;
      }
    }
  },
};

export function realHost(options: { env?: Record<string, string | undefined>; dial?: DialOverrides } = {}): Host {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.env ?? process.env)) if (v !== undefined) env[k] = v;
  const host: Host = {
    env,
    platform: process.platform,
    arch: process.arch,
    cwd: process.cwd(),
    homeDir: os.homedir(),
    fs: realFs,
    writer: realWriter,
    now: () => new Date(),
    // process.hrtime, not performance.now(): the first use of `performance` loads perf_hooks (~1 ms of a cold start).
    monotonic: () => Number(process.hrtime.bigint()) / 1e6,
    dial: options.dial ?? new Map(),
    async exec(command, args, { timeoutMs }) {
      // Most machines running the doctor have no `codex` on PATH: say so without forking a process.
      if (!mayBeOnPath(command)) return { code: null, stdout: '', stderr: '' };
      const { execFile } = await import('node:child_process');
      return new Promise((resolve) => {
        // The keychains / ROOT store as PEM run to a few hundred kB: room above Node's 1 MB default.
        execFile(command, args, { timeout: timeoutMs, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ code, stdout, stderr });
        });
      });
    },
    osInfo: () => readOsInfo(host, os.release()),
  };
  return host;
}

/**
 * False only when a bare command name is surely not found by the PATH search the child would do (no
 * executable of that name in any PATH directory); true otherwise, and then spawning decides.
 */
function mayBeOnPath(command: string): boolean {
  const searchPath = process.env.PATH;
  if (process.platform === 'win32' || command.includes('/') || !searchPath) return true;
  // An empty PATH entry means the current directory. Synchronous, like the Host's other file calls: the
  // Codex version is part of the world every check waits for, and a dozen access() calls cost less than
  // their thread-pool round trips. existsSync first: it does not build an exception for each directory
  // without the command, which is nearly every one.
  return searchPath.split(':').some((dir) => {
    const file = path.join(dir || '.', command);
    if (!existsSync(file)) return false;
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
