// The one seam to the outside world. Production builds it from the real machine (real-host.ts);
// the lab and the tests build it from a scenario. Checks, model, runner and renderers never touch
// `process`, `fs` or the network except through this.
import type { OsInfo } from './types.js';

export interface FileStat {
  kind: 'file' | 'directory' | 'other';
  size: number;
}

export interface ReadResult {
  bytes: Buffer;
  /** True when the file is longer than the bound and only the first bytes were read. */
  truncated: boolean;
  size: number;
}

export interface HostFs {
  /** null when the path does not exist; throws (with a Node error code) on other failures. */
  stat(path: string): Promise<FileStat | null>;
  /** Reads at most `maxBytes` (bounded read: a huge file is never loaded whole). */
  readFile(path: string, maxBytes: number): Promise<ReadResult>;
  /** Names in a directory; throws like fs.readdir. */
  readdir(path: string): Promise<string[]>;
}

/**
 * Writing, for `codex-doctor fix` only (checks never write). Paths are absolute. Kept apart from HostFs so
 * that a read-only Host (most tests) needs none of it.
 */
export interface HostWriter {
  /**
   * Writes `bytes` to `path`, creating missing parent directories. `exclusive`: fail with EEXIST when the
   * path exists (a new file never replaces one); otherwise an existing file is replaced in place, keeping
   * its mode. `mode` applies to a file this call creates.
   */
  writeFile(path: string, bytes: Uint8Array, options: { exclusive: boolean; mode?: number }): Promise<void>;
  /** Removes a file this tool created (undoing a half-applied fix). A missing file is fine. */
  removeFile(path: string): Promise<void>;
  /**
   * Whether this user may replace the existing file, or create it (then the nearest existing directory
   * above it must be writable). Never throws.
   */
  writable(path: string): Promise<boolean>;
  /**
   * The path with every symbolic link resolved (for a path that does not exist yet: its nearest existing
   * directory resolved, the rest appended), so a write through a link is judged by where it lands.
   */
  realPath(path: string): Promise<string>;
}

/** Where to dial instead of DNS: `host:port` -> address and port (curl's --resolve, the lab's routing). */
export type DialOverrides = ReadonlyMap<string, { address: string; port: number }>;

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Host {
  /** The process environment, as Codex would inherit it (before $CODEX_HOME/.env). */
  env: Readonly<Record<string, string>>;
  platform: NodeJS.Platform;
  arch: string;
  cwd: string;
  homeDir: string;
  fs: HostFs;
  /** Wall clock, for certificate validity. */
  now(): Date;
  /** Monotonic milliseconds, for durations and the deadline. */
  monotonic(): number;
  dial: DialOverrides;
  /**
   * Set by the lab: connect only to loopback addresses and the destinations in `dial`. Anything else is refused
   * before any DNS lookup or socket, so a stray proxy URL or host name can never leave the machine.
   */
  loopbackOnly?: boolean;
  /**
   * Where the OS trust store is read from. Undefined: the model's per-platform default locations.
   * The lab points this at its own files so that its public root stands in for the system roots.
   */
  systemStore?: { files: string[]; dirs: string[] };
  /**
   * PEM roots standing in for the public web PKI: the Mozilla roots compiled into Codex (webpki-roots), and
   * what "not intercepted" is judged against. Undefined: Node's bundled `tls.rootCertificates` (the same
   * Mozilla list). The lab sets its public root here.
   */
  publicRoots?: readonly string[];
  /** Runs a program (e.g. `codex --version`); resolves with code null if it could not start. */
  exec(command: string, args: string[], options: { timeoutMs: number }): Promise<ExecResult>;
  /** Set by the lab: the scenario name, shown in the report. */
  lab?: string;
  /** File writes for `codex-doctor fix`; undefined on a Host that must not change anything. */
  writer?: HostWriter;
  /** The OS by name and version (os-release, sw_vers, the Windows build); the lab and test hosts give fixed values. */
  osInfo?(): Promise<OsInfo>;
}
