// The macOS keychains and the Windows ROOT store, read through the OS's own tools (codex-behavior.md §2):
// what Security.framework / SChannel trust for HTTPS without a bundle, and what rustls-native-certs loads as
// "native roots" (WebSocket, and HTTPS next to a bundle). The output is read by Codex's PEM reader without
// the TRUSTED CERTIFICATE shim, as rustls-native-certs reads certificates.
import { execWithin } from '../core/exec-within.js';
import type { Host } from '../core/host.js';
import { shellQuote } from './bundle-format.js';
import { readCertificate, validityAt } from './certificate.js';
import { parseCodexPem } from './pem.js';

/** PowerShell can take seconds to start on a managed laptop (antivirus scans it). */
export const PLATFORM_STORE_TIMEOUT_MS = 8000;

export type StorePlatform = 'darwin' | 'win32';

export interface PlatformStoreSource {
  /** `/Library/Keychains/System.keychain`, `Cert:\CurrentUser\Root`. */
  name: string;
  /** What a user types to list the same certificates. */
  command: string;
  certificates: number;
  /** Why this part could not be read; null when it was. */
  error: string | null;
}

export type PlatformStoreLoad =
  | {
      status: 'read';
      platform: StorePlatform;
      sources: PlatformStoreSource[];
      /** Distinct DER certificates: what the platform verifier (HTTPS without a bundle) searches. */
      certificates: Buffer[];
      /** What rustls-native-certs keeps of them (Windows: time-valid, server-auth only). */
      nativeRoots: Buffer[];
    }
  | {
      status: 'unread';
      platform: StorePlatform;
      sources: PlatformStoreSource[];
      /** One sentence: which part failed and how. */
      reason: string;
    };

/** The store's name in sentences: `the macOS keychains`, `the Windows ROOT store (Cert:\CurrentUser\Root)`. */
export function platformStoreName(platform: StorePlatform): string {
  switch (platform) {
    case 'darwin':
      return 'the macOS keychains (System, SystemRootCertificates, login)';
    case 'win32':
      return 'the Windows ROOT store (Cert:\\CurrentUser\\Root)';
  }
}

/** Why a store that was read is still an approximation of what Codex trusts. */
export function platformStoreCaveat(platform: StorePlatform): string {
  switch (platform) {
    case 'darwin':
      return 'Approximation: every certificate in these keychains counts as a trusted root; Security.framework and rustls-native-certs also honour per-certificate trust settings (`security dump-trust-settings -d` lists the admin ones).';
    case 'win32':
      return 'Approximation: SChannel is emulated with OpenSSL over the certificates of this store (which includes the LocalMachine roots); for WebSocket only time-valid roots whose key usage allows server authentication count, as rustls-native-certs filters them.';
  }
}

/** The platforms whose OS store is not a file: null elsewhere (Linux reads files, see ca-selection.ts). */
export function storePlatformOf(platform: NodeJS.Platform): StorePlatform | null {
  return platform === 'darwin' || platform === 'win32' ? platform : null;
}

interface StoreQuery {
  name: string;
  command: string;
  program: string;
  args: string[];
  /** Exit status and stderr of an empty store (`security` exits 44 when a keychain holds no certificate). */
  empty?: (code: number, stderr: string) => boolean;
}

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';

/**
 * Reads the store with `security` (macOS) or PowerShell (Windows), all parts at once. Never throws: a part that
 * cannot be read (no tool, an error, the timeout, `signal`) makes the whole load `unread`, because a missing
 * part may be exactly where the corporate root is.
 */
export async function readPlatformStore(
  host: Host,
  platform: StorePlatform,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<PlatformStoreLoad> {
  const queries = await storeQueries(host, platform);
  const reads = await Promise.all(queries.map((query) => readPart(host, query, options)));
  const sources = reads.map((r) => r.source);
  const failed = sources.find((s) => s.error !== null);
  if (failed) return { status: 'unread', platform, sources, reason: `${failed.name}: ${failed.error}` };
  const distinct = new Map<string, Buffer>();
  for (const der of reads.flatMap((r) => r.certificates)) distinct.set(der.toString('base64'), der);
  const certificates = [...distinct.values()];
  return { status: 'read', platform, sources, certificates, nativeRoots: platform === 'win32' ? certificates.filter((der) => usableNativeRoot(der, host.now())) : certificates };
}

async function storeQueries(host: Host, platform: StorePlatform): Promise<StoreQuery[]> {
  switch (platform) {
    case 'darwin': {
      // The system domain (Apple's roots), the admin domain (where MDM and IT install corporate roots), the
      // user's login keychain when there is one.
      const keychains = ['/Library/Keychains/System.keychain', '/System/Library/Keychains/SystemRootCertificates.keychain'];
      const login = `${host.homeDir.replace(/\/+$/, '')}/Library/Keychains/login.keychain-db`;
      if ((await host.fs.stat(login).catch(() => null))?.kind === 'file') keychains.push(login);
      return keychains.map((keychain) => ({
        name: keychain,
        command: `security find-certificate -a -p ${shellQuote(keychain)}`,
        program: 'security',
        args: ['find-certificate', '-a', '-p', keychain],
        empty: (code, stderr) => code === 44 && /could not be found/i.test(stderr),
      }));
    }
    case 'win32':
      // CurrentUser\Root is what rustls-native-certs opens; it includes the LocalMachine and Group Policy roots.
      return [
        {
          name: 'Cert:\\CurrentUser\\Root',
          command: 'Get-ChildItem Cert:\\CurrentUser\\Root',
          program: 'powershell',
          args: [
            '-NoProfile',
            '-NonInteractive',
            '-Command',
            "Get-ChildItem -Path Cert:\\CurrentUser\\Root | ForEach-Object { '-----BEGIN CERTIFICATE-----'; [Convert]::ToBase64String($_.RawData); '-----END CERTIFICATE-----' }",
          ],
        },
      ];
  }
}

async function readPart(
  host: Host,
  query: StoreQuery,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<{ source: PlatformStoreSource; certificates: Buffer[] }> {
  const outcome = await execWithin(host, query.program, query.args, options);
  const failed = (error: string) => ({ source: { name: query.name, command: query.command, certificates: 0, error }, certificates: [] });
  switch (outcome.kind) {
    case 'timeout':
      return failed(`${query.program} did not answer within ${outcome.timeoutMs} ms`);
    case 'aborted':
      return failed(`the run ended before ${query.program} answered`);
    case 'error':
      return failed(`${query.program} could not be run (${outcome.message})`);
    case 'exited':
      break;
  }
  const { code, stdout, stderr } = outcome.result;
  if (code === null) return failed(`${query.program} could not be run or was stopped`);
  if (code !== 0) {
    if (query.empty?.(code, stderr)) return { source: { name: query.name, command: query.command, certificates: 0, error: null }, certificates: [] };
    const said = stderr.trim().split(/\r?\n/)[0]?.replace(/\.$/, '');
    return failed(`${query.program} exited with code ${code}${said ? `: ${said}` : ''}`);
  }
  const pem = parseCodexPem(Buffer.from(stdout, 'utf8'), { normaliseTrusted: false });
  if (!pem.ok && !(pem.failure.kind === 'no-certificates' && stdout.trim() === '')) {
    return failed(`${query.program} printed something that is not a list of PEM certificates (${pem.codexDetail})`);
  }
  const certificates = pem.ok ? pem.certificates.map((c) => c.der) : [];
  return { source: { name: query.name, command: query.command, certificates: certificates.length, error: null }, certificates };
}

/** rustls-native-certs on Windows keeps time-valid certificates whose usages allow server authentication. */
function usableNativeRoot(der: Buffer, now: Date): boolean {
  const read = readCertificate(der);
  if (!read.ok) return false;
  const usages = read.facts.extendedKeyUsage;
  const serverAuth = usages === null || usages.includes(SERVER_AUTH) || usages.includes(ANY_EXTENDED_KEY_USAGE);
  return serverAuth && validityAt(read.facts, now) === 'valid';
}
