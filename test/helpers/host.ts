// A Host for tests: in-memory files (or the real fs of a temp dir), a fixed wall clock, a given env.
// Generic on purpose: any check or model function that takes a Host can be driven with it.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ExecResult, FileStat, Host, HostFs, ReadResult } from '../../src/core/host.js';
import { realFs } from '../../src/core/real-host.js';

/** One in-memory entry: file contents, a directory, or a path whose access fails with a Node error code. */
export type MemoryEntry =
  | string
  | Buffer
  | { directory: true }
  /** stat succeeds (as a file of `size`), reading fails: e.g. `{ readError: 'EACCES' }` for a chmod 000 file. */
  | { readError: string; size?: number }
  /** Even stat fails with this code (e.g. ELOOP, ENOTDIR). */
  | { statError: string };

/** An error shaped like Node's fs errors (`code`, `errno`, `syscall`, `path`). */
export function fsError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const messages: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'illegal operation on a directory',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many symbolic links encountered',
    EIO: 'i/o error',
  };
  const error = new Error(`${code}: ${messages[code] ?? 'error'}, ${syscall} '${file}'`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = syscall;
  error.path = file;
  return error;
}

/**
 * An fs over a path -> entry map. Parent directories of every entry exist implicitly; paths are used
 * verbatim (no normalisation, so a value with a trailing space is a different path, as on a real disk).
 */
export function memoryFs(entries: Record<string, MemoryEntry>): HostFs & { entries: Record<string, MemoryEntry> } {
  const isDir = (p: string): boolean => {
    const entry = entries[p];
    if (entry !== undefined) return typeof entry === 'object' && 'directory' in entry;
    const prefix = p.endsWith('/') ? p : `${p}/`;
    return Object.keys(entries).some((k) => k.startsWith(prefix));
  };
  const bytesOf = (entry: string | Buffer): Buffer => (typeof entry === 'string' ? Buffer.from(entry) : entry);
  return {
    entries,
    async stat(p): Promise<FileStat | null> {
      const entry = entries[p];
      if (entry !== undefined && typeof entry === 'object' && 'statError' in entry) throw fsError(entry.statError, 'stat', p);
      if (isDir(p)) return { kind: 'directory', size: 4096 };
      if (entry === undefined) return null;
      if (typeof entry === 'object' && 'readError' in entry) return { kind: 'file', size: entry.size ?? 1 };
      return { kind: 'file', size: bytesOf(entry as string | Buffer).length };
    },
    async readFile(p, maxBytes): Promise<ReadResult> {
      const entry = entries[p];
      if (entry !== undefined && typeof entry === 'object' && 'statError' in entry) throw fsError(entry.statError, 'open', p);
      if (isDir(p)) throw fsError('EISDIR', 'read', p);
      if (entry === undefined) throw fsError('ENOENT', 'open', p);
      if (typeof entry === 'object' && 'readError' in entry) throw fsError(entry.readError, 'open', p);
      const bytes = bytesOf(entry as string | Buffer);
      return { bytes: bytes.subarray(0, maxBytes), truncated: bytes.length > maxBytes, size: bytes.length };
    },
    async readdir(p) {
      if (!isDir(p)) throw fsError(entries[p] === undefined ? 'ENOENT' : 'ENOTDIR', 'scandir', p);
      const prefix = p.endsWith('/') ? p : `${p}/`;
      const names = new Set<string>();
      for (const k of Object.keys(entries)) if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]!);
      return [...names].filter(Boolean).sort();
    },
  };
}

export interface TestHostOptions {
  env?: Record<string, string>;
  /** In-memory files; ignored when `fs` is given. */
  files?: Record<string, MemoryEntry>;
  /** Any HostFs, e.g. `realFs` over a temp dir. */
  fs?: HostFs;
  platform?: NodeJS.Platform;
  cwd?: string;
  homeDir?: string;
  /** Fixed wall clock. Default TEST_NOW. */
  now?: Date | string;
  /** Default: empty (no system roots). null: leave Host.systemStore unset, so the model's OS defaults apply. */
  systemStore?: { files: string[]; dirs: string[] } | null;
  /** Answers `host.exec`; default: the program is not found (code null). */
  exec?: (command: string, args: string[]) => ExecResult | Promise<ExecResult>;
  lab?: string;
}

/** The operating system a test host names. */
export const TEST_OS = { name: 'Debian GNU/Linux 12 (bookworm)', version: '12' } as const;

/** After the notBefore of the static fixtures (minted 2026-11-21); pass it to the lab's PKI as `now` too. */
export const TEST_NOW = new Date('2027-03-01T12:00:00Z');

/**
 * A Host whose every effect is chosen by the test. By default the system store is EMPTY (no files,
 * no dirs) so that nothing on the machine running the tests leaks into a result; pass `systemStore`
 * or `files` for the default Linux locations to model roots.
 */
export function testHost(options: TestHostOptions = {}): Host {
  const now = options.now === undefined ? TEST_NOW : new Date(options.now);
  const host: Host = {
    env: { ...(options.env ?? {}) },
    platform: options.platform ?? 'linux',
    arch: 'x64',
    cwd: options.cwd ?? '/work',
    homeDir: options.homeDir ?? '/home/user',
    fs: options.fs ?? memoryFs(options.files ?? {}),
    now: () => new Date(now),
    monotonic: () => performance.now(),
    dial: new Map(),
    // Tests never leave loopback: a check that reaches for a real host is refused before any DNS lookup.
    loopbackOnly: true,
    exec: async (command, args) => (options.exec ? options.exec(command, args) : { code: null, stdout: '', stderr: '' }),
    osInfo: async () => TEST_OS,
  };
  if (options.systemStore !== null) host.systemStore = options.systemStore ?? { files: [], dirs: [] };
  if (options.lab !== undefined) host.lab = options.lab;
  return host;
}

/** A temp dir under os.tmpdir(), with a real-fs Host rooted at it as cwd. Call `cleanup()` in afterEach/afterAll. */
export async function tempHost(options: Omit<TestHostOptions, 'fs' | 'files' | 'cwd'> = {}): Promise<{
  dir: string;
  host: Host;
  write(name: string, data: string | Uint8Array): Promise<string>;
  mkdir(name: string): Promise<string>;
  cleanup(): Promise<void>;
}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-doctor-test-'));
  return {
    dir,
    host: testHost({ ...options, fs: realFs, cwd: dir }),
    async write(name, data) {
      const file = path.join(dir, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
      return file;
    },
    async mkdir(name) {
      const target = path.join(dir, name);
      await mkdir(target, { recursive: true });
      return target;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
