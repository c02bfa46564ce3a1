import { describe, expect, it } from 'vitest';
import { alpnMismatches, alpnSummary } from '../../conformance/alpn.js';

const H2 = ['h2', 'http/1.1'];

describe("the ALPN Codex offers against the doctor's, both seen by the lab origin", () => {
  it('names every run where the offers differ, comparing the HTTPS column with the doctor token POST', () => {
    const observations = [
      { scenario: 'direct-no-inspection', release: '0.169.0', codex: { login: null, websocket: null, https: null }, doctor: { login: null, websocket: null } },
      { scenario: 'custom-ca-direct', release: '0.169.0', codex: { login: H2, websocket: null, https: H2 }, doctor: { login: null, websocket: ['http/1.1'] } },
    ];
    expect(alpnMismatches(observations)).toEqual([
      'custom-ca-direct @ 0.169.0 login: Codex offered ALPN h2, http/1.1, the doctor none',
      'custom-ca-direct @ 0.169.0 websocket: Codex offered ALPN none, the doctor http/1.1',
      'custom-ca-direct @ 0.169.0 https: Codex offered ALPN h2, http/1.1, the doctor none',
    ]);
    expect(alpnSummary(observations)).toEqual([
      'ALPN login: the doctor offered what Codex offered ("none" or "h2, http/1.1") in 1 of 2 runs (0.169.0)',
      'ALPN websocket: the doctor offered what Codex offered ("none") in 1 of 2 runs (0.169.0)',
      'ALPN https: the doctor offered what Codex offered ("none" or "h2, http/1.1") in 1 of 2 runs (0.169.0)',
    ]);
  });

  it('compares only where both sides were seen, and says when a transport never was', () => {
    const inspected = [{ scenario: 'zscaler-healthy', release: '0.169.0', codex: {}, doctor: {} }];
    const codexOnly = [{ scenario: 'auth-blocked-at-connect', release: '0.169.0', codex: { https: null }, doctor: {} }];
    expect(alpnMismatches([...inspected, ...codexOnly])).toEqual([]);
    expect(alpnSummary([...inspected, ...codexOnly])[2]).toMatch(/^ALPN https: not compared/);
  });
});
