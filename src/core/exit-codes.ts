import type { CheckRecord } from './types.js';

export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  crashed: 3,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** 0 all pass (warnings allowed), 1 any fail (or warn with --strict), 3 the doctor crashed. */
export function exitCodeFor(records: readonly CheckRecord[], strict: boolean): ExitCode {
  if (records.some((r) => r.status === 'crash')) return ExitCode.crashed;
  if (records.some((r) => r.status === 'fail')) return ExitCode.failed;
  if (strict && records.some((r) => r.status === 'warn')) return ExitCode.failed;
  return ExitCode.ok;
}
