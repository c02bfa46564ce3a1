// Runs the whole runbook in-process, as main() does, in every output mode a user or CI picks (JSON,
// plain text, plain text with -v), on a test Host that never leaves loopback. The hostile suite asserts on
// what all three printed, how long the run took, and what the hostile servers received.
import type { Host } from '../../src/core/host.js';
import type { JsonReport } from '../../src/render/json.js';
import { runDoctor } from '../../src/main.js';
import { expectActions } from '../helpers/findings.js';
import { captureIo, doctorFlags } from '../helpers/io.js';
import { testHost, type TestHostOptions } from '../helpers/host.js';

export interface EveryMode {
  report: JsonReport;
  /** What each mode printed (stdout and stderr together): json, plain, verbose. */
  outputs: { json: string; plain: string; verbose: string };
  exitCodes: { json: number; plain: number; verbose: number };
  /** The slowest of the three runs, in ms. */
  elapsed: number;
}

/** A loopback-only Host with an empty $HOME/.codex, as a fresh user has it. */
export function hostileHost(options: TestHostOptions = {}): Host {
  return testHost({ now: new Date(), ...options, files: { '/home/user/.codex': { directory: true }, ...options.files } });
}

/**
 * Runs the three modes at once (a hostile server makes them wait, not work), or one after the other for cases
 * whose cost is the doctor's own CPU, so that each run's time is its own.
 */
export async function inEveryMode(host: Host, timeoutMs: number, extra: { proxy?: string; sequential?: boolean } = {}): Promise<EveryMode> {
  const run = async (output: 'json' | 'plain', verbose: boolean): Promise<{ code: number; text: string; elapsed: number }> => {
    const io = captureIo();
    const started = performance.now();
    const code = await runDoctor({
      host,
      flags: doctorFlags({ output, verbose, timeoutMs, ...(extra.proxy !== undefined && { proxy: extra.proxy }) }),
      io: { ...io, env: { LANG: 'C.UTF-8' } },
    });
    return { code, text: io.out() + io.err(), elapsed: performance.now() - started };
  };
  const [json, plain, verbose] = extra.sequential
    ? [await run('json', false), await run('plain', false), await run('plain', true)]
    : await Promise.all([run('json', false), run('plain', false), run('plain', true)]);
  const report = JSON.parse(json.text) as JsonReport;
  // Whatever the hostile input, every warn and fail still carries its fix as an action.
  report.checks.forEach(expectActions);
  return {
    report,
    outputs: { json: json.text, plain: plain.text, verbose: verbose.text },
    exitCodes: { json: json.code, plain: plain.code, verbose: verbose.code },
    elapsed: Math.max(json.elapsed, plain.elapsed, verbose.elapsed),
  };
}

/** The first failing finding of a check, as `stage/CODE`. */
export function failureOf(report: JsonReport, id: string): string | undefined {
  const error = report.checks.find((c) => c.id === id)?.error;
  return error && `${error.stage}/${error.code}`;
}

/** A stack frame as Node prints it. */
export const STACK_FRAME = /\n\s+at .+[(/].+:\d+:\d+/;
