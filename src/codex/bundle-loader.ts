// Loading the selected CA bundle the way Codex does (read -> parse -> register), through the Host, with
// Codex's own message at the stage where it would stop; and loading the native roots rustls-native-certs
// would add. Pure Codex knowledge: no findings, no hints (the check turns outcomes into those).
import type { Host } from '../core/host.js';
import type { RawCause } from '../core/types.js';
import { sniffBundleFormat, type BundleFormat } from './bundle-format.js';
import { isHashFileName, type CaSelection, type NativeRootPlan } from './ca-selection.js';
import { readCertificate, registerVerdict, type CertificateRead, type RegisterVerdict } from './certificate.js';
import { parseCodexPem, type PemCounts, type PemFailure } from './pem.js';

/** The sentence Codex appends to every CA error (custom_ca.rs CA_CERT_HINT). */
export const CODEX_CA_HINT =
  'If you set CODEX_CA_CERTIFICATE or SSL_CERT_FILE, ensure it points to a PEM file containing one or more CERTIFICATE blocks, or unset it to use system roots.';

/**
 * The read bound. A full Mozilla bundle is ~220 KB and 10,000 certificates ~15 MB; anything larger is
 * not a CA bundle (a log, an archive, a disk image) and is reported without being loaded.
 */
export const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

export type VariableSelection = Extract<CaSelection, { kind: 'variable' }>;

export interface LoadedCertificate {
  /** Codex's numbering: position among the CERTIFICATE blocks, from 1. */
  number: number;
  /** Line of the BEGIN marker in the file. */
  line: number;
  read: CertificateRead;
  verdict: RegisterVerdict;
}

/**
 * not-regular-file: a named pipe or a device (`<(cat corp.pem)`, /dev/stdin). It is not opened: opening a
 * pipe blocks until something writes to it, and what it yields can be read only once.
 */
export type ReadProblem = 'not-found' | 'directory' | 'not-regular-file' | 'unreadable' | 'too-large';

export type BundleLoad =
  | {
      status: 'read-failed';
      selection: VariableSelection;
      problem: ReadProblem;
      /**
       * Codex's message; null for too-large and not-regular-file (Codex would read it, and what it then says
       * depends on the content).
       */
      codexMessage: string | null;
      cause: RawCause | null;
      size: number | null;
      /** For too-large: what the first bytes look like. */
      format: BundleFormat | null;
    }
  | {
      status: 'parse-failed';
      selection: VariableSelection;
      size: number;
      failure: PemFailure;
      counts: PemCounts;
      normalisedTrusted: boolean;
      lossyUtf8: boolean;
      format: BundleFormat;
      codexMessage: string;
    }
  | {
      status: 'register-failed' | 'loaded';
      selection: VariableSelection;
      size: number;
      counts: PemCounts;
      normalisedTrusted: boolean;
      lossyUtf8: boolean;
      format: BundleFormat;
      certificates: LoadedCertificate[];
      /** What login/HTTPS reports (null when HTTPS accepts every certificate). */
      httpsMessage: string | null;
      /** What the WebSocket reports (null when rustls accepts every certificate). */
      websocketMessage: string | null;
      /** The first certificate that fails, by transport. */
      httpsFailure: number | null;
      websocketFailure: number | null;
    };

export async function loadCaBundle(host: Host, selection: VariableSelection): Promise<BundleLoad> {
  const { path } = selection;
  const readFailed = (problem: ReadProblem, code: string | null, size: number | null, cause: RawCause | null, format: BundleFormat | null = null): BundleLoad => ({
    status: 'read-failed',
    selection,
    problem,
    codexMessage: code === null ? null : codexReadMessage(selection, rustIoErrorText(code, host.platform, cause?.message)),
    cause,
    size,
    format,
  });

  let stat;
  try {
    stat = await host.fs.stat(path);
  } catch (error) {
    const cause = rawCause(error);
    return readFailed(cause.code === 'ENOENT' ? 'not-found' : 'unreadable', cause.code ?? 'EIO', null, cause);
  }
  if (stat === null) return readFailed('not-found', 'ENOENT', null, { code: 'ENOENT', message: 'no such file or directory' });
  if (stat.kind === 'directory') return readFailed('directory', 'EISDIR', stat.size, { code: 'EISDIR', message: 'is a directory' });
  if (stat.kind === 'other') return readFailed('not-regular-file', null, null, null);

  let bytes: Buffer;
  let size: number;
  try {
    const read = await host.fs.readFile(path, MAX_BUNDLE_BYTES);
    if (read.truncated) return readFailed('too-large', null, read.size, null, sniffBundleFormat(read.bytes.subarray(0, 4096)));
    bytes = read.bytes;
    size = read.size;
  } catch (error) {
    const cause = rawCause(error);
    const problem: ReadProblem = cause.code === 'ENOENT' ? 'not-found' : cause.code === 'EISDIR' ? 'directory' : 'unreadable';
    return readFailed(problem, cause.code ?? 'EIO', stat.size, cause);
  }

  const pem = parseCodexPem(bytes);
  const format = sniffBundleFormat(bytes);
  if (!pem.ok) {
    return {
      status: 'parse-failed',
      selection,
      size,
      failure: pem.failure,
      counts: pem.counts,
      normalisedTrusted: pem.normalisedTrusted,
      lossyUtf8: pem.lossyUtf8,
      format,
      codexMessage: codexParseMessage(selection, pem.codexDetail),
    };
  }

  const certificates = pem.certificates.map((cert, i): LoadedCertificate => {
    const read = readCertificate(cert.der);
    return { number: i + 1, line: cert.line, read, verdict: registerVerdict(read) };
  });
  // reqwest: every certificate is parsed by OpenSSL first (numbered error), the rustls store is filled at build().
  const parseFailure = certificates.find((c) => c.verdict.https?.stage === 'parse-certificate');
  const buildFailure = certificates.find((c) => c.verdict.https?.stage === 'build-client');
  const wsFailure = certificates.find((c) => c.verdict.websocket !== null);
  const httpsMessage = parseFailure
    ? `Failed to parse certificate #${parseFailure.number} from ${selection.raw} selected by ${selection.variable}: ${parseFailure.verdict.https?.error}. ${CODEX_CA_HINT}`
    : buildFailure
      ? `Failed to build HTTP client while using CA bundle from ${selection.variable} (${selection.raw}): ${buildFailure.verdict.https?.error}`
      : null;
  const websocketMessage = wsFailure
    ? `Failed to register certificate #${wsFailure.number} from ${selection.raw} selected by ${selection.variable} in rustls root store: ${wsFailure.verdict.websocket}. ${CODEX_CA_HINT}`
    : null;
  return {
    status: httpsMessage || websocketMessage ? 'register-failed' : 'loaded',
    selection,
    size,
    counts: pem.counts,
    normalisedTrusted: pem.normalisedTrusted,
    lossyUtf8: pem.lossyUtf8,
    format,
    certificates,
    httpsMessage,
    websocketMessage,
    httpsFailure: (parseFailure ?? buildFailure)?.number ?? null,
    websocketFailure: wsFailure?.number ?? null,
  };
}

export function codexReadMessage(selection: VariableSelection, ioError: string): string {
  return `Failed to read CA certificate file ${selection.raw} selected by ${selection.variable}: ${ioError}. ${CODEX_CA_HINT}`;
}

export function codexParseMessage(selection: VariableSelection, detail: string): string {
  return `Failed to load CA certificates from ${selection.raw} selected by ${selection.variable}: ${detail}. ${CODEX_CA_HINT}`;
}

function rawCause(error: unknown): RawCause {
  const e = error as NodeJS.ErrnoException;
  const cause: RawCause = { message: String(e?.message ?? error) };
  if (e?.name) cause.name = e.name;
  if (typeof e?.code === 'string') cause.code = e.code;
  return cause;
}

// Rust's `io::Error` Display for an OS error: strerror text, then ` (os error N)`.
const UNIX_ERRORS: Record<string, [linux: number, darwin: number, text: string]> = {
  EPERM: [1, 1, 'Operation not permitted'],
  ENOENT: [2, 2, 'No such file or directory'],
  EIO: [5, 5, 'Input/output error'],
  ENXIO: [6, 6, 'Device not configured'],
  EACCES: [13, 13, 'Permission denied'],
  ENOTDIR: [20, 20, 'Not a directory'],
  EISDIR: [21, 21, 'Is a directory'],
  EMFILE: [24, 24, 'Too many open files'],
  ENAMETOOLONG: [36, 63, 'File name too long'],
  ELOOP: [40, 62, 'Too many levels of symbolic links'],
};
const WINDOWS_ERRORS: Record<string, string> = {
  ENOENT: 'The system cannot find the file specified. (os error 2)',
  EACCES: 'Access is denied. (os error 5)',
  EPERM: 'Access is denied. (os error 5)',
  EISDIR: 'Access is denied. (os error 5)',
};

/** What Codex prints for an I/O error with this Node error code; Node's own message when unknown. */
export function rustIoErrorText(code: string, platform: NodeJS.Platform, fallback?: string): string {
  if (platform === 'win32') return WINDOWS_ERRORS[code] ?? fallback ?? code;
  const known = UNIX_ERRORS[code];
  if (!known) return fallback ?? code;
  const text = code === 'ENXIO' && platform === 'linux' ? 'No such device or address' : known[2];
  return `${text} (os error ${platform === 'darwin' ? known[1] : known[0]})`;
}

// --- native roots ------------------------------------------------------------------------------------------

export interface NativeRootSource {
  path: string;
  kind: 'file' | 'dir';
  /** Certificates read from it (for a directory: from its hash-named files). */
  certificates: number;
  /** Hash-named files read (directories only). */
  files?: number;
  /** What rustls-native-certs would log as an error for this location, if anything. */
  error: string | null;
}

export interface NativeRootsLoad {
  plan: NativeRootPlan;
  /** Locations actually read (the first existing file, existing dirs, or the env ones). */
  sources: NativeRootSource[];
  /** Distinct certificates (rustls-native-certs sorts and dedups); null when the platform store cannot be read. */
  total: number | null;
  /** Distinct DER certificates, for trust sets. */
  certificates: Buffer[];
}

/** Reads what rustls-native-certs would read. Never throws; unreadable locations become `error`. */
export async function loadNativeRoots(host: Host, plan: NativeRootPlan): Promise<NativeRootsLoad> {
  if (plan.kind === 'platform-store') return { plan, sources: [], total: null, certificates: [] };
  // Distinct DER certificates, first seen first (rustls-native-certs dedups).
  const distinct: Buffer[] = [];
  const seen = new BytesMap<true>();
  const addDistinct = (der: Buffer): void => {
    if (seen.get(der)) return;
    seen.set(der, true);
    distinct.push(der);
  };
  const sources: NativeRootSource[] = [];
  type FileRead = { bytes: Buffer; error: null } | { bytes: null; error: string };
  const readPem = async (path: string): Promise<FileRead> => {
    try {
      const { bytes, truncated } = await host.fs.readFile(path, MAX_BUNDLE_BYTES);
      return truncated ? { bytes: null, error: `file larger than ${MAX_BUNDLE_BYTES} bytes skipped` } : { bytes, error: null };
    } catch (error) {
      return { bytes: null, error: `failed to open file: ${rustIoErrorText(rawCause(error).code ?? 'EIO', host.platform)} in ${path}` };
    }
  };
  // The one-certificate blocks of the files parsed so far (their bytes -> the DER). Where the bundle file is
  // made from the CA directory (Debian and its kin concatenate the hash-named files), most of those files
  // are, byte for byte, one of its blocks: such a file loads that block's certificate alone
  // (PemCertificate.block), so it is not parsed again.
  const blocks = new BytesMap<Buffer>();
  const addPem = (read: FileRead): { certificates: number; error: string | null } => {
    if (read.bytes === null) return { certificates: 0, error: read.error };
    const bytes = read.bytes;
    const known = blocks.get(bytes);
    if (known) {
      addDistinct(known);
      return { certificates: 1, error: null };
    }
    const pem = parseCodexPem(bytes, { normaliseTrusted: false });
    const certs = pem.ok ? pem.certificates : [];
    for (const c of certs) {
      addDistinct(c.der);
      if (c.block) blocks.set(bytes.subarray(c.block.start, c.block.end), c.der);
    }
    const error = pem.ok || pem.failure.kind === 'no-certificates' ? null : pem.codexDetail.replace('failed to parse PEM file: ', 'failed to parse PEM: ');
    return { certificates: certs.length, error };
  };
  const readPemFile = async (path: string): Promise<{ certificates: number; error: string | null }> => addPem(await readPem(path));
  const readDir = async (path: string): Promise<NativeRootSource> => {
    let names: string[];
    try {
      names = await host.fs.readdir(path);
    } catch (error) {
      return { path, kind: 'dir', certificates: 0, files: 0, error: `opening directory: ${rustIoErrorText(rawCause(error).code ?? 'EIO', host.platform)} in ${path}` };
    }
    const hashed = names.filter(isHashFileName).sort();
    // Read concurrently (bounded: a CA directory may hold thousands of links), then parse in name order.
    const reads = await mapBounded(hashed, PARALLEL_READS, (name) => readPem(`${path.endsWith('/') ? path : `${path}/`}${name}`));
    const results = reads.map(addPem);
    return {
      path,
      kind: 'dir',
      certificates: results.reduce((n, r) => n + r.certificates, 0),
      files: hashed.length,
      error: results.find((r) => r.error !== null)?.error ?? null,
    };
  };

  if (plan.kind === 'env') {
    if (plan.file) sources.push({ path: plan.file.raw, kind: 'file', ...(await readPemFile(plan.file.path)) });
    for (const dir of plan.dirs) sources.push(await readDir(dir.path));
  } else {
    for (const candidate of plan.fileCandidates) {
      const stat = await host.fs.stat(candidate).catch(() => null);
      if (stat?.kind === 'file') {
        sources.push({ path: candidate, kind: 'file', ...(await readPemFile(candidate)) });
        break;
      }
    }
    for (const dir of plan.dirs) {
      const stat = await host.fs.stat(dir).catch(() => null);
      if (stat?.kind === 'directory') sources.push(await readDir(dir));
    }
  }
  return { plan, sources, total: distinct.length, certificates: distinct };
}

/**
 * Values by the exact bytes of a buffer, compared within groups of equal length: a map keyed by a string
 * encoding of each buffer would build a string per buffer, which on a cold start costs more than comparing.
 */
class BytesMap<T> {
  readonly #byLength = new Map<number, { bytes: Buffer; value: T }[]>();

  get(bytes: Buffer): T | undefined {
    return this.#byLength.get(bytes.length)?.find((entry) => entry.bytes.equals(bytes))?.value;
  }

  set(bytes: Buffer, value: T): void {
    const sameLength = this.#byLength.get(bytes.length);
    if (sameLength) sameLength.push({ bytes, value });
    else this.#byLength.set(bytes.length, [{ bytes, value }]);
  }
}

/** Files of a CA directory read at the same time. */
const PARALLEL_READS = 32;

/** fn over every item, at most `limit` at a time; results in item order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
