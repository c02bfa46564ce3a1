// Which CA file Codex reads, and which "native roots" rustls-native-certs loads next to it.
// Pure functions of an environment snapshot (codex-behavior.md §1-2; codex-rs/http-client/src/custom_ca.rs,
// rustls-native-certs 0.8 + openssl-probe 0.2).

export type CaVariable = 'CODEX_CA_CERTIFICATE' | 'SSL_CERT_FILE';

/** The CA variables in Codex's order of precedence. */
export const CA_VARIABLES = ['CODEX_CA_CERTIFICATE', 'SSL_CERT_FILE'] as const satisfies readonly CaVariable[];

export type CaSelection =
  | {
      kind: 'variable';
      variable: CaVariable;
      /** The value exactly as set: this is what Codex prints in its messages (`path.display()`). */
      raw: string;
      /** Where the OS will look: `raw` when absolute, else `cwd` + `raw` (not normalised: the kernel resolves it). */
      path: string;
    }
  | { kind: 'system' };

/**
 * Codex's choice: CODEX_CA_CERTIFICATE if non-empty, else SSL_CERT_FILE if non-empty, else system roots.
 * No trimming (a trailing space is part of the path), no `~` expansion, relative paths against `cwd`.
 */
export function selectCaBundle(
  env: Readonly<Record<string, string>>,
  cwd: string,
  platform: NodeJS.Platform = 'linux',
): CaSelection {
  for (const variable of CA_VARIABLES) {
    const raw = env[variable];
    if (raw !== undefined && raw !== '') return { kind: 'variable', variable, raw, path: resolveAgainst(cwd, raw, platform) };
  }
  return { kind: 'system' };
}

/** Joins a relative path onto `cwd` without normalising `..` (open(2) resolves it, even through symlinks). */
export function resolveAgainst(cwd: string, raw: string, platform: NodeJS.Platform = 'linux'): string {
  if (isAbsolutePath(raw, platform)) return raw;
  const sep = platform === 'win32' ? '\\' : '/';
  return cwd.endsWith(sep) || cwd.endsWith('/') ? `${cwd}${raw}` : `${cwd}${sep}${raw}`;
}

function isAbsolutePath(value: string, platform: NodeJS.Platform): boolean {
  if (platform === 'win32') return /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\') || value.startsWith('//');
  return value.startsWith('/');
}

// openssl-probe 0.2 (used by rustls-native-certs 0.8 on Linux and other Unixes): the first existing file
// of this list, plus every existing directory of the next one.
export const LINUX_ROOT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/ssl/cert.pem',
  '/opt/etc/ssl/certs/ca-certificates.crt',
  '/etc/ssl/certs/cacert.pem',
] as const;

export const LINUX_ROOT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs', '/etc/security/certificates'] as const;

/**
 * Where rustls-native-certs would load "native roots" from (the WebSocket trust base, and part of HTTPS
 * trust when a bundle is configured). Existence is not checked here: the loader does that via the Host.
 */
export type NativeRootPlan =
  | {
      /** SSL_CERT_FILE and/or SSL_CERT_DIR are SET (even to ""): only they are read, the platform store is ignored. */
      kind: 'env';
      /** SSL_CERT_FILE as set (may be "", which fails to open and loads nothing). */
      file: { raw: string; path: string } | null;
      /** SSL_CERT_DIR split on the path-list separator; only hash-named files (`8 hex . digit`) are read. */
      dirs: { raw: string; path: string }[];
      replacedBy: ('SSL_CERT_FILE' | 'SSL_CERT_DIR')[];
    }
  | {
      /** Linux and other Unixes, or the Host's systemStore: the first existing file, plus each existing directory. */
      kind: 'files';
      fileCandidates: string[];
      dirs: string[];
      /** True when Host.systemStore stood in for the OS defaults (the lab). */
      overridden: boolean;
    }
  | {
      /** macOS keychain trust settings or the Windows ROOT store: not files we can count without the OS. */
      kind: 'platform-store';
      platform: 'darwin' | 'win32';
      description: string;
    };

export function nativeRootLocations(
  env: Readonly<Record<string, string>>,
  platform: NodeJS.Platform,
  systemStore?: { files: string[]; dirs: string[] },
  cwd = '/',
): NativeRootPlan {
  const file = env.SSL_CERT_FILE;
  const dir = env.SSL_CERT_DIR;
  if (file !== undefined || dir !== undefined) {
    const replacedBy: ('SSL_CERT_FILE' | 'SSL_CERT_DIR')[] = [];
    if (file !== undefined) replacedBy.push('SSL_CERT_FILE');
    if (dir !== undefined) replacedBy.push('SSL_CERT_DIR');
    // std::env::split_paths: ':' on Unix, ';' on Windows; an empty value is one empty path.
    const dirParts = dir === undefined ? [] : dir.split(platform === 'win32' ? ';' : ':');
    return {
      kind: 'env',
      file: file === undefined ? null : { raw: file, path: file === '' ? '' : resolveAgainst(cwd, file, platform) },
      dirs: dirParts.map((raw) => ({ raw, path: raw === '' ? '' : resolveAgainst(cwd, raw, platform) })),
      replacedBy,
    };
  }
  if (systemStore) return { kind: 'files', fileCandidates: [...systemStore.files], dirs: [...systemStore.dirs], overridden: true };
  switch (platform) {
    case 'darwin':
      return {
        kind: 'platform-store',
        platform,
        description: 'macOS keychain trust settings (user, admin and system domains)',
      };
    case 'win32':
      return {
        kind: 'platform-store',
        platform,
        description: "Windows current user's ROOT certificate store (server-auth, time-valid certificates)",
      };
    default:
      return { kind: 'files', fileCandidates: [...LINUX_ROOT_FILES], dirs: [...LINUX_ROOT_DIRS], overridden: false };
  }
}

/** OpenSSL c_rehash names (`HHHHHHHH.D`), the only files rustls-native-certs reads from a directory. */
export function isHashFileName(name: string): boolean {
  return /^[0-9A-Fa-f]{8}\.[0-9]$/.test(name);
}
