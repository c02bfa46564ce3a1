// The environment Codex runs with, and where each variable comes from (codex-behavior.md §1, §7).
// At start-up Codex resolves CODEX_HOME, then loads $CODEX_HOME/.env over the inherited environment,
// skipping every name whose upper-cased form starts with CODEX_ (codex-rs/arg0/src/lib.rs: load_dotenv).
import type { Host } from '../core/host.js';
import { resolveAgainst } from './ca-selection.js';
import { readDotenv } from './dotenv.js';

/** Where the value Codex sees for a variable comes from. */
export type VariableOrigin =
  | { source: 'shell' }
  | { source: 'dotenv'; line: number; /** The shell had the variable too (with any value): .env wins. */ overridesShell: boolean }
  | {
      /** A CODEX_* line in .env: Codex ignores it; the value in effect, if any, is the shell's. */
      source: 'dotenv-ignored';
      line: number;
      shellSet: boolean;
    };

export type DotenvStatus = 'loaded' | 'absent' | 'unreadable' | 'not-a-file' | 'not-read';

export interface DotenvReport {
  path: string;
  status: DotenvStatus;
  /** For unreadable: the I/O error, e.g. "EACCES: permission denied". For not-read: why. */
  error?: string;
  /** Entries Codex applies (the last line wins for a repeated name). */
  applied: Array<{ name: string; line: number; overridesShell: boolean }>;
  /**
   * CODEX_* entries Codex ignores. `value` is kept only for CODEX_CA_CERTIFICATE (a path, needed for the
   * fix command); other CODEX_* values may be secrets and are never kept.
   */
  ignored: Array<{ name: string; line: number; value?: string }>;
  /** Lines dotenvy rejects; Codex skips them without a word. */
  skipped: Array<{ line: number; key?: string; reason: string }>;
}

export interface EffectiveEnv {
  env: Record<string, string>;
  /** Every variable of `env`, plus the CODEX_* names that .env tried to set. */
  provenance: Record<string, VariableOrigin>;
  dotenv: DotenvReport;
}

/** A .env larger than this is not a hand-written settings file; the rest is not read. */
export const MAX_DOTENV_BYTES = 1024 * 1024;

const ILLEGAL_DOTENV_PREFIX = 'CODEX_';

/** Applies .env content over the shell environment exactly as Codex's set_filtered does. Pure. */
export function applyDotenv(shellEnv: Readonly<Record<string, string>>, content: Uint8Array | string, path: string): EffectiveEnv {
  // .env names are user input: records without a prototype keep a name like __proto__ an ordinary entry.
  const env: Record<string, string> = Object.assign(Object.create(null), shellEnv);
  const provenance: Record<string, VariableOrigin> = Object.create(null);
  for (const name of Object.keys(shellEnv)) provenance[name] = { source: 'shell' };
  const applied = new Map<string, { name: string; line: number; overridesShell: boolean }>();
  const ignored = new Map<string, { name: string; line: number; value?: string }>();
  const skipped: DotenvReport['skipped'] = [];

  for (const item of readDotenv(content, (name) => (Object.hasOwn(env, name) ? env[name] : undefined))) {
    if (item.kind === 'error') {
      skipped.push({ line: item.line, ...(item.key !== undefined && { key: item.key }), reason: item.reason });
      continue;
    }
    const shellSet = Object.hasOwn(shellEnv, item.key);
    if (item.key.toUpperCase().startsWith(ILLEGAL_DOTENV_PREFIX)) {
      ignored.delete(item.key);
      ignored.set(item.key, { name: item.key, line: item.line, ...(item.key === 'CODEX_CA_CERTIFICATE' && { value: item.value }) });
      provenance[item.key] = { source: 'dotenv-ignored', line: item.line, shellSet };
      continue;
    }
    env[item.key] = item.value;
    applied.delete(item.key);
    applied.set(item.key, { name: item.key, line: item.line, overridesShell: shellSet });
    provenance[item.key] = { source: 'dotenv', line: item.line, overridesShell: shellSet };
  }
  return {
    env,
    provenance,
    dotenv: { path, status: 'loaded', applied: [...applied.values()], ignored: [...ignored.values()], skipped },
  };
}

/** The shell environment unchanged, with the reason no .env was applied. */
export function withoutDotenv(shellEnv: Readonly<Record<string, string>>, path: string, status: Exclude<DotenvStatus, 'loaded'>, error?: string): EffectiveEnv {
  const provenance: Record<string, VariableOrigin> = {};
  for (const name of Object.keys(shellEnv)) provenance[name] = { source: 'shell' };
  return {
    env: { ...shellEnv },
    provenance,
    dotenv: { path, status, ...(error !== undefined && { error }), applied: [], ignored: [], skipped: [] },
  };
}

export function dotenvPath(codexHome: string, platform: NodeJS.Platform): string {
  return joinPath(codexHome, '.env', platform);
}

/** Reads $CODEX_HOME/.env through the Host and applies it. A missing file is normal (most users have none). */
export async function loadEffectiveEnv(host: Host, codexHome: string): Promise<EffectiveEnv> {
  const path = dotenvPath(codexHome, host.platform);
  try {
    const stat = await host.fs.stat(path);
    if (stat === null) return withoutDotenv(host.env, path, 'absent');
    if (stat.kind !== 'file') return withoutDotenv(host.env, path, 'not-a-file', stat.kind === 'directory' ? 'it is a directory, not a file' : 'it is not a regular file');
    const read = await host.fs.readFile(path, MAX_DOTENV_BYTES);
    return applyDotenv(host.env, read.bytes, path);
  } catch (error) {
    return withoutDotenv(host.env, path, 'unreadable', ioMessage(error));
  }
}

// ---------------------------------------------------------------------------------------------------------
// CODEX_HOME (codex-rs/utils/home-dir: find_codex_home)

export interface CodexHome {
  /** Absolute path (a relative CODEX_HOME is resolved against the working directory, as canonicalize does). */
  path: string;
  source: 'option' | 'CODEX_HOME' | 'default';
  /** Codex's own words when the directory is unusable; Codex then refuses to start and reads no .env. */
  problem: string | null;
  /** The path exists but is a file (or a pipe, a device): creating the directory there would fail. */
  notADirectory?: true;
}

/** `--codex-home` wins; else CODEX_HOME if non-empty (must be an existing directory); else ~/.codex. */
export async function resolveCodexHome(host: Host, override?: string): Promise<CodexHome> {
  const fromEnv = host.env.CODEX_HOME;
  const [raw, source, label] =
    override !== undefined
      ? ([override, 'option', '--codex-home'] as const)
      : fromEnv !== undefined && fromEnv !== ''
        ? ([fromEnv, 'CODEX_HOME', 'CODEX_HOME'] as const)
        : ([null, 'default', 'CODEX_HOME'] as const);
  if (raw === null) return { path: joinPath(host.homeDir, '.codex', host.platform), source, problem: null };

  const path = resolveAgainst(host.cwd, raw, host.platform);
  const quoted = JSON.stringify(raw);
  try {
    const stat = await host.fs.stat(path);
    if (stat === null) return { path, source, problem: `${label} points to ${quoted}, but that path does not exist` };
    if (stat.kind !== 'directory') return { path, source, problem: `${label} points to ${quoted}, but that path is not a directory`, notADirectory: true };
    return { path, source, problem: null };
  } catch (error) {
    return { path, source, problem: `failed to read ${label} ${quoted}: ${ioMessage(error)}` };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Words for the checks

/** `/home/ann/.codex/.env` -> `~/.codex/.env`, for messages (commands keep working with `~` in a shell). */
export function displayPath(path: string, homeDir: string): string {
  if (homeDir === '' || homeDir === '/') return path;
  if (path === homeDir) return '~';
  for (const sep of ['/', '\\']) if (path.startsWith(homeDir + sep)) return `~${path.slice(homeDir.length)}`;
  return path;
}

/** "HTTPS_PROXY comes from ~/.codex/.env (line 3), overriding the shell" and the like. */
export function describeOrigin(name: string, origin: VariableOrigin | undefined, dotenvPath: string): string {
  if (origin === undefined) return `${name} is not set`;
  switch (origin.source) {
    case 'shell':
      return `${name} comes from the shell environment`;
    case 'dotenv':
      return `${name} comes from ${dotenvPath} (line ${origin.line})${origin.overridesShell ? ', overriding the shell' : ''}`;
    case 'dotenv-ignored':
      return `${name} is set in ${dotenvPath} (line ${origin.line}), where Codex ignores CODEX_* names; ${origin.shellSet ? 'the shell value is used' : 'so it is not set for Codex'}`;
  }
}

function joinPath(dir: string, name: string, platform: NodeJS.Platform): string {
  const sep = platform === 'win32' ? '\\' : '/';
  return dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${name}` : `${dir}${sep}${name}`;
}

export function ioMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== undefined && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
