// The doctor adapter, the agreement rules and the known-disagreements file's two-way check.
import { describe, expect, it } from 'vitest';
import { compareTransport, efficacy, judge, renderTable, summaryLines, type KnownDisagreement, type Row } from '../../conformance/compare.js';
import { doctorVerdicts } from '../../conformance/doctor-verdict.js';

const check = (id: string, status: string, extra: Record<string, unknown> = {}) => ({ id, status, findings: [], ...extra });

describe('conformance: the doctor adapter', () => {
  it('falls back to tls.auth, oauth.token and ws.upgrade, naming the blocking check for a skip', () => {
    const verdicts = doctorVerdicts({
      checks: [
        check('tls.auth', 'fail', { error: { code: 'TLS_UNKNOWN_ISSUER' } }),
        check('oauth.token', 'skip', { blockedBy: ['tls.auth'] }),
        check('ws.upgrade', 'pass'),
        check('config.codex', 'pass'),
      ],
    });
    expect(verdicts?.login).toMatchObject({ works: false, cause: 'untrusted-chain' });
    expect(verdicts?.login.source).toContain('tls.auth');
    expect(verdicts?.https).toMatchObject({ works: false, cause: 'untrusted-chain' });
    expect(verdicts?.websocket).toMatchObject({ works: true });
  });

  it('prefers the per-host endpoints when the report has them', () => {
    const verdicts = doctorVerdicts({
      checks: [
        check('tls.auth', 'fail', {
          error: { code: 'PROXY_BLOCKED' },
          endpoints: [
            { host: 'auth.openai.com', port: 443, transport: 'https', status: 'fail', code: 'PROXY_BLOCKED' },
            { host: 'api.openai.com', port: 443, transport: 'https', status: 'pass', code: 'TLS_CHAIN_VERIFIED' },
          ],
        }),
        check('ws.upgrade', 'fail', { error: { code: 'WS_UPGRADE_REFUSED' }, data: { endpoints: [{ host: 'api.openai.com', transport: 'wss', status: 'fail', code: 'WS_UPGRADE_REFUSED' }] } }),
      ],
    });
    expect(verdicts?.login).toMatchObject({ works: false, cause: 'blocked-by-policy' });
    expect(verdicts?.https).toMatchObject({ works: true });
    expect(verdicts?.websocket).toMatchObject({ works: false, cause: 'upgrade-refused' });
  });

  it('a refused config fails every transport; no report is no verdict', () => {
    const verdicts = doctorVerdicts({ checks: [check('config.codex', 'fail', { error: { code: 'CONFIG_SYNTAX_ERROR' } }), check('oauth.token', 'pass')] });
    expect(verdicts?.login).toMatchObject({ works: false, cause: 'config' });
    expect(doctorVerdicts({ unparsable: 'x' })).toBeNull();
  });
});

const row = (overrides: Partial<Row>): Row => ({
  scenario: 's',
  release: '0.169.0',
  transport: 'websocket',
  codex: { works: false, cause: 'untrusted-chain', evidence: 'UnknownIssuer' },
  doctor: { works: false, cause: 'untrusted-chain', source: 'ws.upgrade' },
  disagreement: null,
  ...overrides,
});

describe('conformance: agreement', () => {
  it('compares the verdict, and the cause class wherever Codex names one', () => {
    expect(compareTransport({ works: true, evidence: '' }, { works: false, source: '' })).toBe('verdict');
    expect(compareTransport({ works: false, cause: 'proxy-auth', evidence: '' }, { works: false, cause: 'untrusted-chain', source: '' })).toBe('cause');
    expect(compareTransport({ works: false, evidence: '' }, { works: false, cause: 'untrusted-chain', source: '' })).toBeNull();
    expect(compareTransport({ works: true, evidence: '' }, null)).toBe('no-report');
  });

  it('fails on a new disagreement and on a recorded one that no longer happens', () => {
    const known: KnownDisagreement[] = [
      { scenario: 'a', release: '*', transport: 'https', reason: 'r' },
      { scenario: 'b', release: '0.169.0', transport: 'login', reason: 'r' },
    ];
    const rows = [
      row({ scenario: 'a', transport: 'https', disagreement: 'verdict' }),
      row({ scenario: 'b', transport: 'login', disagreement: null }),
      row({ scenario: 'c', transport: 'websocket', disagreement: 'cause' }),
    ];
    const { unexpected, vanished } = judge(rows, known);
    expect(unexpected.map((r) => r.scenario)).toEqual(['c']);
    expect(vanished.map((k) => k.scenario)).toEqual(['b']);
    // A recorded disagreement for a release that did not run is neither new nor gone.
    expect(judge([], known)).toEqual({ unexpected: [], vanished: [], unfixed: [] });
  });

  it('a prescription that does not fix fails unless recorded, and a recorded one that now fixes fails too', () => {
    const known: KnownDisagreement[] = [{ kind: 'fix', scenario: 'a', release: '*', transport: 'login', reason: 'r' }];
    const stillBroken = judge(
      [row({ scenario: 'a', transport: 'login', fix: 'not-fixed' }), row({ scenario: 'b', transport: 'login', fix: 'error' }), row({ scenario: 'c', transport: 'login', fix: 'it-not-fixed' })],
      known,
    );
    // An IT change the doctor asked for that does not make Codex work is the doctor's wrong request.
    expect(stillBroken.unfixed.map((r) => r.scenario)).toEqual(['b', 'c']);
    // So is a change by hand, made as the doctor's action says, that leaves Codex failing.
    expect(judge([row({ scenario: 'h', transport: 'login', fix: 'hand-not-fixed' })], known).unfixed.map((r) => r.scenario)).toEqual(['h']);
    expect(stillBroken.vanished).toEqual([]);
    expect(judge([row({ scenario: 'a', transport: 'login', fix: 'fixed' })], known).vanished).toEqual(known);
  });

  it('the table shows both sides, known disagreements and the fix efficacy', () => {
    const known: KnownDisagreement[] = [
      { scenario: 'a', release: '*', transport: 'https', reason: 'r' },
      { kind: 'fix', scenario: 'f', release: '*', transport: 'websocket', reason: 'r' },
    ];
    const rows = [
      row({ scenario: 'a', transport: 'https', codex: { works: true, evidence: 'reached | origin' }, doctor: { works: false, source: 'tls.auth' }, disagreement: 'verdict' }),
      row({ scenario: 'b', fix: 'fixed' }),
      row({ scenario: 'c', fix: 'not-measured' }),
      row({ scenario: 'd', fix: 'it-fixed' }),
      row({ scenario: 'e', fix: 'it-request' }),
      row({ scenario: 'f', fix: 'it-not-fixed' }),
      row({ scenario: 'g', fix: 'manual', fixNote: 'after fix --yes: works' }),
      row({ scenario: 'h', fix: 'hand-fixed' }),
      row({ scenario: 'i', transport: 'https', fix: 'hand-fixed' }),
    ];
    const table = renderTable(rows, known);
    expect(table).toContain('| a | 0.169.0 | HTTPS | works | fails | KNOWN: verdict |  | reached \\| origin |');
    expect(table).toContain('| b | 0.169.0 | WebSocket | fails (untrusted-chain) | fails (untrusted-chain) | yes | fixed |');
    const summary = summaryLines(rows, known).join('\n');
    expect(table).toContain('| f | 0.169.0 | WebSocket | fails (untrusted-chain) | fails (untrusted-chain) | yes | KNOWN: it-not-fixed |');
    expect(table).toContain('| yes | manual (after fix --yes: works) |');
    expect(summary).toContain('agreement: 8/9; known disagreements: 1; new: 0');
    expect(summary).toContain('user by hand: 2/2 fixed');
    expect(summary).toContain("1/1 fixed by the user's fix (codex-doctor fix --yes");
    expect(summary).toContain("IT-supplied: 1/2 fixed after IT's change");
    expect(summary).toContain('1 not fixed, recorded in known-disagreements.json');
    expect(summary).toContain('1 request(s) to IT the lab does not play');
    expect(summary).toContain('2 failing transport(s) not measured');
    expect(efficacy(rows)).toMatchObject({ handFixed: 2, handMeasured: 2, notMeasured: 2 });
  });
});
