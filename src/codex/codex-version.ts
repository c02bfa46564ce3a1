// The installed Codex release, which changes what the doctor advises (codex-behavior.md §1, §11).
import { execWithin } from '../core/exec-within.js';
import type { Host } from '../core/host.js';

/** Releases whose behaviour the advice depends on. */
export const CODEX_RELEASES = {
  /** CODEX_CA_CERTIFICATE / SSL_CERT_FILE bundles for login, HTTPS and WebSocket. */
  customCa: '0.115.0',
  /** A configured bundle switches HTTPS from the platform TLS library to rustls (+ Mozilla roots). */
  rustlsHttps: '0.129.0',
  /** The OPENAI_BASE_URL variable is ignored from here on; config.toml's openai_base_url replaces it. */
  openaiBaseUrlEnvIgnored: '0.119.0',
  // Checked against the real 0.169.0 binary (§11). Where the first release with the behaviour is not
  // pinned down, 0.169.0 is the first one observed: older releases get the older advice.
  /** Unknown config keys are warned about at start ("Codex is ignoring N unrecognized configuration settings"). */
  unknownKeysWarned: '0.169.0',
  /** The browser login callback's redirect_uri names 127.0.0.1 instead of localhost. */
  loopbackLoginCallback: '0.169.0',
  /** Device-code login errors read `Error logging in: {e}`. */
  deviceLoginErrorPrefix: '0.169.0',
  /** After the WebSocket-to-HTTPS fallback, a failing HTTPS transport is retried without end. */
  unboundedRetries: '0.169.0',
  /** `[features] system_proxy_fallback` exists and is on by default. */
  systemProxyFallback: '0.169.0',
} as const;

/** The release the advice assumes when `codex --version` does not answer (no codex on PATH). */
export const ASSUMED_CODEX_RELEASE = '0.169.0';

/** The installed release, or the assumed one when it is unknown. */
export function releaseForAdvice(version: string | null): string {
  return version ?? ASSUMED_CODEX_RELEASE;
}

/** Whether the installed Codex (the assumed release when unknown) has a behaviour that came with `release`. */
export function codexHas(version: string | null, release: string): boolean {
  return versionAtLeast(releaseForAdvice(version), release);
}

export const CODEX_VERSION_TIMEOUT_MS = 1500;

/** `codex-cli 0.129.1` -> `0.129.1`; null when no x.y.z is found. */
export function parseCodexVersion(output: string): string | null {
  return /\b(\d+\.\d+\.\d+)\b/.exec(output)?.[1] ?? null;
}

/** Numeric x.y.z comparison: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function versionAtLeast(version: string, minimum: string): boolean {
  return compareVersions(version, minimum) >= 0;
}

/**
 * Runs `codex --version`; null when codex is not on PATH, fails, or has not answered within the timeout
 * (the run never waits longer than that, even if the child ignores its kill signal).
 */
export async function probeCodexVersion(host: Host, timeoutMs = CODEX_VERSION_TIMEOUT_MS): Promise<string | null> {
  const outcome = await execWithin(host, 'codex', ['--version'], { timeoutMs });
  if (outcome.kind !== 'exited' || outcome.result.code !== 0) return null;
  return parseCodexVersion(`${outcome.result.stdout}\n${outcome.result.stderr}`);
}
