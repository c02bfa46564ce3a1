// An in-memory Io for running main/runDoctor/the lab in-process, and flags as the CLI would parse them.
import type { Io } from '../../src/main.js';
import { DEFAULT_TIMEOUT_MS, type DoctorFlags } from '../../src/options.js';

export function captureIo(): Io & { out(): string; err(): string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    env: {},
    out: () => out,
    err: () => err,
  };
}

export function doctorFlags(extra: Partial<DoctorFlags> = {}): DoctorFlags {
  return { output: 'json', only: [], skip: [], timeoutMs: DEFAULT_TIMEOUT_MS, strict: false, verbose: false, resolve: [], ...extra };
}
