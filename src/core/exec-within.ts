// Host.exec with a bound the run can rely on: the answer, or a timeout / abort reported as such, even when the
// child ignores its kill signal (the Host's own timeout only asks it to stop).
import type { ExecResult, Host } from './host.js';

export type ExecOutcome =
  | { kind: 'exited'; result: ExecResult }
  | { kind: 'timeout'; timeoutMs: number }
  /** The signal aborted first (the run's deadline, Ctrl-C). */
  | { kind: 'aborted' }
  /** Host.exec itself threw. */
  | { kind: 'error'; message: string };

export async function execWithin(
  host: Pick<Host, 'exec'>,
  command: string,
  args: string[],
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<ExecOutcome> {
  const { timeoutMs, signal } = options;
  if (signal?.aborted) return { kind: 'aborted' };
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const gaveUp = new Promise<ExecOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout', timeoutMs }), timeoutMs);
    timer.unref?.();
    if (signal) {
      onAbort = () => resolve({ kind: 'aborted' });
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  const run = host.exec(command, args, { timeoutMs }).then(
    (result): ExecOutcome => ({ kind: 'exited', result }),
    (error: unknown): ExecOutcome => ({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
  try {
    return await Promise.race([run, gaveUp]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
