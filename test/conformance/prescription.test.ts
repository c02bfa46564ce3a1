// The prescription step's pure parts: the fix behind a verdict is found in the report, its owner named, the
// real `codex-doctor fix --json` output read, and the outcome turned into the table's fix column.
import { describe, expect, it } from 'vitest';
import { doctorVerdicts } from '../../conformance/doctor-verdict.js';
import { firstFixOf, fixActionFor, fixRanCleanly, fixResult, hasUserAction, manualNote, readFixRun } from '../../conformance/prescription.js';

const report = {
  checks: [
    { id: 'env.precedence', status: 'warn', findings: [{ level: 'warn', code: 'ENV_PROXY_EMPTY_UPPER', hints: [{ text: 'x', action: { kind: 'unset-env', name: 'HTTPS_PROXY', target: 'shell-profile' } }] }] },
    { id: 'tls.auth', status: 'fail', error: { code: 'NET_CONNECTION_REFUSED' }, findings: [{ level: 'fail', code: 'NET_CONNECTION_REFUSED', hints: [{ text: 'y', action: { kind: 'it-request', topic: 'proxy-reachability' } }] }] },
    { id: 'oauth.token', status: 'skip', blockedBy: ['tls.auth'], findings: [] },
    { id: 'ws.upgrade', status: 'fail', error: { code: 'WS_UPGRADE_REFUSED' }, findings: [{ level: 'fail', code: 'WS_UPGRADE_REFUSED', hints: [{ text: 'z' }] }] },
  ],
};

describe('conformance: prescription', () => {
  it('takes the first action of the finding behind each verdict, following a skip to its blocker, and names its owner', () => {
    const verdicts = doctorVerdicts(report)!;
    expect(verdicts.login.decidedBy).toEqual({ checkId: 'tls.auth', code: 'NET_CONNECTION_REFUSED' });
    expect(firstFixOf(fixActionFor(report, verdicts.login.decidedBy))).toEqual({ owner: 'it', topic: 'proxy-reachability' });
    expect(firstFixOf(fixActionFor(report, verdicts.websocket.decidedBy))).toEqual({ owner: 'none' });
    expect(firstFixOf(fixActionFor(report, { checkId: 'env.precedence', code: 'ENV_PROXY_EMPTY_UPPER' }))).toMatchObject({ owner: 'user', action: { kind: 'unset-env' } });
    expect(firstFixOf({ kind: 'manual', topic: 'upgrade-codex' })).toMatchObject({ owner: 'manual' });
    // The env.precedence warning's unset-env is a fix `codex-doctor fix` applies; IT's request and a bare hint are not.
    expect(hasUserAction(report)).toBe(true);
    expect(hasUserAction({ checks: report.checks.slice(1) })).toBe(false);
  });

  it('reads what codex-doctor fix --yes --json says it did, and a run that printed no JSON', () => {
    const applied = readFixRun(
      JSON.stringify({
        outcome: 'applied',
        plan: [
          { kind: 'apply', checkId: 'env.precedence', code: 'ENV_PROXY_EMPTY_UPPER' },
          { kind: 'it-request', checkId: 'tls.auth', code: 'NET_CONNECTION_REFUSED' },
        ],
      }),
      '',
      0,
    );
    expect(applied).toEqual({ outcome: 'applied', plan: ['apply ENV_PROXY_EMPTY_UPPER (env.precedence)', 'it-request NET_CONNECTION_REFUSED (tls.auth)'], exitCode: 0 });
    expect(fixRanCleanly(applied)).toBe(true);
    const refused = readFixRun(JSON.stringify({ outcome: 'refused', plan: [{ kind: 'refused', checkId: 'ca.bundle', code: 'CA_X', reason: 'the target exists' }] }), '', 1);
    expect(refused.plan).toEqual(['refused CA_X (ca.bundle): the target exists']);
    expect(fixRanCleanly(refused)).toBe(false);
    expect(readFixRun('', 'line 1\nTypeError: boom\n', 70)).toEqual({ outcome: 'no-output', plan: [], exitCode: 70, error: 'TypeError: boom' });
  });

  it('turns the reruns into the fix column: the user fix, IT change, or not measured', () => {
    const works = { works: true, evidence: 'upgrade reached the origin' };
    const fails = { works: false, evidence: 'Reconnecting...' };
    expect(fixResult({ first: 'user', afterUser: works })).toBe('fixed');
    expect(fixResult({ first: 'user', afterUser: fails })).toBe('not-fixed');
    expect(fixResult({ first: 'user', afterUser: fails, fixError: 'refused' })).toBe('error');
    expect(fixResult({ first: 'it', topic: 'allow-websocket', itSupplied: 'allowed', afterIt: works })).toBe('it-fixed');
    expect(fixResult({ first: 'it', topic: 'allow-websocket', itSupplied: 'allowed', afterIt: fails })).toBe('it-not-fixed');
    expect(fixResult({ first: 'it', topic: 'weak-ca', itSupplied: null })).toBe('it-request');
    // The user's fix of another finding already fixed it before IT was asked.
    expect(fixResult({ first: 'it', topic: 'corporate-root', afterUser: works })).toBe('it-fixed');
    expect(fixResult({ first: 'manual' })).toBe('manual');
    // A change by hand the lab played: Codex after it decides; one the action could not say enough for is not fixed.
    expect(fixResult({ first: 'manual', byHand: 'the user wrote the proxy login into HTTPS_PROXY', afterHand: works })).toBe('hand-fixed');
    expect(fixResult({ first: 'manual', byHand: 'the user wrote the proxy login into HTTPS_PROXY', afterHand: fails })).toBe('hand-not-fixed');
    expect(fixResult({ first: 'manual', byHand: 'the action names no file to repair', byHandVague: true })).toBe('hand-not-fixed');
    expect(fixResult({ first: 'manual', byHand: null })).toBe('manual');
    expect(manualNote({ first: 'manual' })).toBeUndefined();
    expect(manualNote({ first: 'manual', afterUser: works })).toBe('after fix --yes: works');
    expect(manualNote({ first: 'user', afterUser: works })).toBeUndefined();
    expect(fixResult({ first: 'none' })).toBe('not-measured');
  });
});
