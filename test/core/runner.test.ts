import { describe, expect, it, vi } from 'vitest';
import type { Check } from '../../src/core/check.js';
import { exitCodeFor } from '../../src/core/exit-codes.js';
import { realHost } from '../../src/core/real-host.js';
import { Redactor } from '../../src/core/redact.js';
import { planChecks, runChecks } from '../../src/core/runner.js';
import type { CheckResult, RunEvent } from '../../src/core/types.js';
import { expectActions } from '../helpers/findings.js';

const host = realHost({ env: {} });
const pass = (summary = 'ok'): CheckResult => ({ summary, findings: [] });
const fail = (): CheckResult => ({
  summary: 'broken',
  findings: [{ level: 'fail', code: 'CA_EMPTY_FILE', stage: 'read', detail: 'empty', hints: [{ text: 'Fill it.' }] }],
});
const check = (id: string, needs: string[], run: Check['run']): Check => ({ id, title: id, needs, run });

function run(checks: Check[], extra: Partial<Parameters<typeof runChecks>[0]> = {}) {
  const events: RunEvent[] = [];
  const result = runChecks({
    checks,
    host,
    options: { timeoutMs: 5000, verbose: false },
    redactor: new Redactor(),
    extra: {},
    onEvent: (e) => events.push(e),
    ...extra,
  });
  return { result, events };
}

describe('runner', () => {
  it('reports in runbook order and hands facts to dependents', async () => {
    const { result } = run([
      check('a.first', [], async () => ({ ...pass(), facts: 41 })),
      check('b.second', ['a.first'], async (ctx) => pass(`got ${(ctx.facts('a.first') as number) + 1}`)),
    ]);
    const records = await result;
    expect(records.map((r) => [r.id, r.status, r.summary])).toEqual([
      ['a.first', 'pass', 'ok'],
      ['b.second', 'pass', 'got 42'],
    ]);
  });

  it('skips a check whose need failed, naming the root cause once', async () => {
    const records = await run([
      check('a.root', [], async () => fail()),
      check('b.mid', ['a.root'], async () => pass()),
      check('c.leaf', ['b.mid'], async () => pass()),
    ]).result;
    expect(records.map((r) => [r.id, r.status, r.blockedBy])).toEqual([
      ['a.root', 'fail', undefined],
      ['b.mid', 'skip', ['a.root']],
      ['c.leaf', 'skip', ['a.root']],
    ]);
    expect(records[0]!.error).toEqual({ stage: 'read', code: 'CA_EMPTY_FILE', detail: 'empty' });
    expect(exitCodeFor(records, false)).toBe(1);
  });

  it('turns a thrown exception into crash (exit 3), never a failure of the user', async () => {
    const records = await run([
      check('a.boom', [], async (ctx) => {
        ctx.stage('parse');
        throw new TypeError('undefined is not a function');
      }),
    ]).result;
    expect(records[0]).toMatchObject({
      status: 'crash',
      error: { stage: 'parse', code: 'RUN_CRASH', cause: { name: 'TypeError', message: 'undefined is not a function' } },
    });
    expect(exitCodeFor(records, false)).toBe(3);
  });

  it('blocks what needs a crashed check: its dependents are skipped, named after it, and never run', async () => {
    const dependent = vi.fn(async () => pass());
    const records = await run([
      check('a.boom', [], async () => {
        throw new TypeError('boom');
      }),
      check('b.needs', ['a.boom'], dependent),
    ]).result;
    expect(records.map((r) => [r.id, r.status, r.blockedBy])).toEqual([
      ['a.boom', 'crash', undefined],
      ['b.needs', 'skip', ['a.boom']],
    ]);
    expect(dependent).not.toHaveBeenCalled();
  });

  it('exits 3 when a check crashed, even if another failed (in either order): the doctor is at fault first', async () => {
    const boom = check('a.boom', [], async () => {
      throw new Error('boom');
    });
    const failing = check('b.fails', [], async () => fail());
    expect(exitCodeFor(await run([boom, failing]).result, false)).toBe(3);
    expect(exitCodeFor(await run([failing, { ...boom, id: 'c.boom' }]).result, true)).toBe(3);
  });

  it('ends a check stuck past the deadline with the stage it was in', async () => {
    const started = performance.now();
    const records = await run(
      [
        check('a.hang', [], async (ctx) => {
          ctx.stage('proxy-connect');
          return new Promise<CheckResult>(() => {});
        }),
        check('b.quick', [], async () => pass()),
      ],
      { options: { timeoutMs: 200, verbose: false } },
    ).result;
    expect(performance.now() - started).toBeLessThan(1200);
    expect(records[0]).toMatchObject({ status: 'fail', error: { stage: 'proxy-connect', code: 'RUN_DEADLINE' } });
    expect(records[1]!.status).toBe('pass');
    // The fix is the user's by hand (a longer deadline, or the path that hangs): shown, never applied.
    expectActions(records[0]!);
  });

  it('a deadline at a local stage does not blame the network; the suggested deadline stays a valid timer', async () => {
    const hang = (id: string, stage: 'read' | 'tls-handshake'): Check =>
      check(id, [], async (ctx) => {
        ctx.stage(stage);
        return new Promise<CheckResult>(() => {});
      });
    const records = await run([hang('a.read', 'read'), hang('b.tls', 'tls-handshake')], { options: { timeoutMs: 100, verbose: false } }).result;
    const hints = records.map((r) => r.findings[0]?.hints ?? []);
    expect(hints[0]![0]!.text).toBe(
      'Nothing on the network was involved at read: a local file or program did not answer (a named pipe or device in a CA or proxy variable, a hung network file system, a stuck `codex --version`). Check the paths in the CA variables and CODEX_HOME.',
    );
    expect(hints[0]!.map((h) => h.text).join(' ')).not.toMatch(/network is|connection/);
    expect(hints[0]![1]!.command).toBe('codex-doctor --timeout 300');
    expect(hints[1]![0]!.text).toBe('Something on the path accepted the connection and never answered at tls-handshake; if the network is just slow, rerun with a longer deadline.');
  });

  it('never suggests a deadline longer than a Node timer takes (2^31-1 ms)', async () => {
    // The suggestion is three times the deadline: near the limit it would overflow, and Node fires an
    // overflowing timer after 1 ms. (Fake timers: the deadline passes without waiting 24 days.)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { result } = run([check('a.read', [], async (ctx) => (ctx.stage('read'), new Promise<CheckResult>(() => {})))], {
        options: { timeoutMs: 2 ** 31 - 1, verbose: false },
      });
      await vi.advanceTimersByTimeAsync(2 ** 31 - 1);
      const [record] = await result;
      expect(record!.error?.code).toBe('RUN_DEADLINE');
      expect(record!.findings[0]?.hints?.[1]?.command).toBe('codex-doctor --timeout 2147483647');
    } finally {
      vi.useRealTimers();
    }
  });

  it('aborts the shared signal at the deadline so probes can let go', async () => {
    let aborted = false;
    await run(
      [
        check('a.waits', [], (ctx) => new Promise<CheckResult>((resolve) => {
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            resolve(pass());
          });
        })),
      ],
      { options: { timeoutMs: 50, verbose: false } },
    ).result;
    expect(aborted).toBe(true);
  });

  it('emits start, stage, end and done events', async () => {
    const { result, events } = run([check('a.one', [], async (ctx) => (ctx.stage('tcp'), pass()))]);
    await result;
    expect(events.map((e) => e.type)).toEqual(['start', 'stage', 'end', 'done']);
  });

  it('derives warn from findings and fails only under --strict', async () => {
    const records = await run([
      check('a.warn', [], async () => ({
        summary: 'meh',
        findings: [{ level: 'warn', code: 'CA_DUPLICATE', stage: 'parse', detail: 'twice', hints: [{ text: 'Remove one.' }] }],
      })),
    ]).result;
    expect(records[0]!.status).toBe('warn');
    expect(exitCodeFor(records, false)).toBe(0);
    expect(exitCodeFor(records, true)).toBe(1);
  });

  it('refuses to hand out facts of a check not declared in needs', async () => {
    const records = await run([
      check('a.one', [], async () => ({ ...pass(), facts: 1 })),
      check('b.two', [], async (ctx) => pass(String(ctx.facts('a.one')))),
    ]).result;
    expect(records[1]!.status).toBe('crash');
  });

  it('--only pulls in needs; --skip keeps the row and blocks dependents', () => {
    const checks = [check('a.x', [], async () => pass()), check('b.y', ['a.x'], async () => pass()), check('c.z', [], async () => pass())];
    expect([...planChecks(checks, { only: ['b.y'] })]).toEqual([['a.x', 'run'], ['b.y', 'run']]);
    expect([...planChecks(checks, { skip: ['a.x'] })]).toEqual([['a.x', 'user-skip'], ['b.y', 'run'], ['c.z', 'run']]);
  });

  it('redacts every string a check returns', async () => {
    const records = await run(
      [check('a.leak', [], async () => ({ summary: 'proxy http://bob:hunter22@proxy:8080', findings: [], data: { key: 'sk-abcdefghijklmnop' } }))],
      { redactor: Redactor.fromEnv({ HTTPS_PROXY: 'http://bob:hunter22@proxy:8080' }) },
    ).result;
    expect(JSON.stringify(records)).not.toContain('hunter22');
    expect(JSON.stringify(records)).not.toContain('abcdefghijklmnop');
  });
});
