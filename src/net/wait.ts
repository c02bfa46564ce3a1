// Every wait in a probe ends when the run's signal aborts, so a proxy that never answers cannot hold the run.
import { ProbeTimeoutError } from './errors.js';

/**
 * The error a probe rejects with when its signal aborts: a ProbeTimeoutError as is (the probe's own budget),
 * anything else (the run's deadline, Ctrl-C) as an AbortError.
 */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof ProbeTimeoutError) return reason;
  const error = new Error(reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : 'The operation was aborted', {
    cause: reason,
  });
  error.name = 'AbortError';
  return error;
}

/**
 * A promise settled by `start`'s callbacks or rejected when `signal` aborts, whichever comes first.
 * `start` returns a cleanup that runs exactly once, after either outcome (close sockets, drop listeners).
 */
export function abortable<T>(
  signal: AbortSignal,
  start: (resolve: (value: T) => void, reject: (error: unknown) => void) => () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError(signal));
      return;
    }
    let done = false;
    let cleanup: (() => void) | undefined;
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      signal.removeEventListener('abort', onAbort);
      cleanup?.();
      settle();
    };
    const onAbort = (): void => finish(() => reject(abortError(signal)));
    signal.addEventListener('abort', onAbort, { once: true });
    cleanup = start(
      (value) => finish(() => resolve(value)),
      (error) => finish(() => reject(error)),
    );
    // start() may have settled synchronously before cleanup was assigned.
    if (done) cleanup();
  });
}
