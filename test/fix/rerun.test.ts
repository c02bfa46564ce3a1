// Which checks `codex-doctor fix` reruns after applying: the local ones always, a network check only when a fix
// addresses it or a check it reads came out different.
import { describe, expect, it } from 'vitest';
import { RUNBOOK } from '../../src/checks/index.js';
import type { CheckRecord, Status } from '../../src/core/types.js';
import { addressedChecks, rerunAffected, runbookGraph, type RerunNode } from '../../src/fix/rerun.js';

const record = (id: string, status: Status, data: unknown = {}): CheckRecord => ({ id, status, data, findings: [] }) as unknown as CheckRecord;

/** local -> net1 -> net2, and net3 reading only local. */
const graph: RerunNode[] = [
  { id: 'local', inputs: [], network: false },
  { id: 'net1', inputs: ['local'], network: true },
  { id: 'net2', inputs: ['net1'], network: true },
  { id: 'net3', inputs: ['local'], network: true },
];
const before = [record('local', 'warn', { route: 'a' }), record('net1', 'pass', { x: 1 }), record('net2', 'pass'), record('net3', 'fail')];

/** A fake runner: the records `after` holds for the ids asked, and the rounds it was asked for. */
function runner(after: Record<string, CheckRecord>) {
  const rounds: string[][] = [];
  return {
    rounds,
    runOnly: async (ids: readonly string[]) => {
      rounds.push([...ids]);
      return ids.map((id) => after[id]!);
    },
  };
}

describe('rerunAffected', () => {
  it('reruns the local checks only, when they come out with the same data and nothing addresses a network check', async () => {
    const { runOnly, rounds } = runner({ local: record('local', 'pass', { route: 'a' }) });
    const result = await rerunAffected(graph, before, new Set(['local']), runOnly);
    expect(rounds).toEqual([['local']]);
    expect([...result.rerun]).toEqual(['local']);
    expect(result.checks.map((c) => `${c.id}:${c.status}`)).toEqual(['local:pass', 'net1:pass', 'net2:pass', 'net3:fail']);
  });

  it('follows changed data down the graph, and stops where a rerun check came out the same', async () => {
    const { runOnly, rounds } = runner({ local: record('local', 'pass', { route: 'b' }), net1: record('net1', 'pass', { x: 1 }), net3: record('net3', 'pass') });
    const result = await rerunAffected(graph, before, new Set(), runOnly);
    expect(rounds).toEqual([['local'], ['net1', 'net3']]);
    expect(result.rerun.has('net2')).toBe(false);
    expect(result.checks.find((c) => c.id === 'net3')?.status).toBe('pass');
  });

  it('reruns what a check that now blocks (or no longer blocks) its readers feeds, and an addressed network check', async () => {
    const { runOnly, rounds } = runner({ local: record('local', 'fail', { route: 'a' }), net1: record('net1', 'skip'), net2: record('net2', 'skip'), net3: record('net3', 'skip') });
    await rerunAffected(graph, before, new Set(['net2']), runOnly);
    expect(rounds).toEqual([['local', 'net2'], ['net1', 'net3']]);
  });
});

describe('the runbook as the rerun sees it', () => {
  it('marks the network checks, which read config.toml and what they need', () => {
    const nodes = runbookGraph(RUNBOOK);
    expect(nodes.filter((n) => n.network).map((n) => n.id)).toEqual(['tls.auth', 'oauth.token', 'ws.upgrade']);
    expect(nodes.find((n) => n.id === 'tls.auth')?.inputs).toEqual(['env.precedence', 'ca.bundle', 'config.codex']);
  });

  it('finds the checks whose fix was applied', () => {
    const unset = { kind: 'unset-env', name: 'NO_PROXY', target: 'shell-profile' } as const;
    const report = {
      checks: [
        { id: 'env.precedence', findings: [{ level: 'warn', code: 'ENV_NO_PROXY_BYPASS', stage: 'input', detail: 'd', hints: [{ text: 't', action: unset }] }] },
        { id: 'tls.auth', findings: [{ level: 'info', code: 'TLS_CHAIN_VERIFIED', stage: 'verify', detail: 'd', hints: [{ text: 't', action: unset }] }] },
      ],
    } as unknown as Parameters<typeof addressedChecks>[0];
    expect([...addressedChecks(report, [unset])]).toEqual(['env.precedence']);
  });
});
