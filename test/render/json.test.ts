// The --json document says each thing once: what a passing check tells by its summary and codes, what a failing
// check tells in full, an error that names its finding, a section shown once; --verbose keeps everything.
import { describe, expect, it } from 'vitest';
import { countStatuses } from '../../src/core/report.js';
import type { CheckRecord, Report } from '../../src/core/types.js';
import { runDoctor } from '../../src/main.js';
import { jsonDocument, renderJson, type JsonReport } from '../../src/render/json.js';
import { testHost } from '../helpers/host.js';
import { captureIo, doctorFlags } from '../helpers/io.js';
import { errorOf, expectValidReport } from '../helpers/schema.js';

const TRUST = { title: 'What each transport trusts', lines: ['HTTPS trusts /home/user/corp.pem + the Mozilla roots'] };
const ENDPOINT = { host: 'auth.openai.com', port: 443, transport: 'https', purpose: 'login', route: 'direct', status: 'fail', code: 'TLS_UNKNOWN_ISSUER' };
const FAILURE = { level: 'fail', code: 'TLS_UNKNOWN_ISSUER', stage: 'tls-verify', detail: 'No trusted root issued [1] Corp CA.', cause: { name: 'webpki', message: 'invalid peer certificate: UnknownIssuer' } } as const;

const checks: CheckRecord[] = [
  {
    id: 'env.precedence',
    title: 'CA and proxy variables Codex reads',
    status: 'pass',
    summary: 'CODEX_CA_CERTIFICATE wins.',
    findings: [
      { level: 'info', code: 'ENV_CA_SELECTED', stage: 'input', detail: 'Codex uses CODEX_CA_CERTIFICATE=/home/user/corp.pem.' },
      { level: 'info', code: 'SANDBOX_NETWORK_DISABLED', stage: 'policy', detail: 'Sandboxed commands have no network.', hints: [{ text: 'Allow it in config.toml.' }] },
    ],
    evidence: [TRUST, { title: 'Empty', lines: [] }],
    data: { caSelection: { kind: 'variable' }, unset: null },
    durationMs: 3,
  },
  {
    id: 'tls.auth',
    title: 'TLS to auth.openai.com',
    status: 'fail',
    summary: 'auth.openai.com: UnknownIssuer.',
    error: { stage: FAILURE.stage, code: FAILURE.code, detail: FAILURE.detail, cause: FAILURE.cause },
    findings: [{ level: 'info', code: 'NET_ROUTE', stage: 'tcp', detail: 'Login connects directly.' }, { ...FAILURE, hints: [{ text: 'Point CODEX_CA_CERTIFICATE at the root.' }] }],
    evidence: [{ title: 'Chain presented for auth.openai.com', lines: ['[0] auth.openai.com => [1] Corp CA'] }, { title: 'Trust as Codex sets it up', lines: TRUST.lines }],
    data: { chain: [{ subject: 'CN=auth.openai.com' }], endpoints: [ENDPOINT] },
    durationMs: 40,
  },
  {
    id: 'config.codex',
    title: 'Codex configuration',
    status: 'crash',
    summary: 'The doctor crashed (our bug): boom',
    error: { stage: 'parse', code: 'RUN_CRASH', detail: 'codex-doctor crashed in config.codex at stage parse: boom', cause: { name: 'Error', message: 'boom' } },
    findings: [],
    evidence: [],
    durationMs: 1,
  },
  { id: 'oauth.token', title: 'Token exchange', status: 'skip', summary: 'Not run.', findings: [], evidence: [], blockedBy: ['tls.auth'], skipReason: 'blocked', durationMs: 0 },
];

const report: Report = {
  tool: 'codex-doctor',
  generatedAt: '2027-03-01T12:00:00.000Z',
  durationMs: 50,
  exitCode: 1,
  counts: countStatuses(checks),
  environment: { platform: 'linux', arch: 'x64', node: '20', doctorVersion: '0', codexVersion: null, codexHome: '/home/user/.codex', variables: {} },
  summary: 'Codex cannot log in: TLS_UNKNOWN_ISSUER at tls-verify.',
  checks,
};

describe('the --json document', () => {
  const document = jsonDocument(report);
  const [precedence, tls, config, oauth] = document.checks;

  it('is schemaVersion 2 and matches the schema, with and without --verbose', () => {
    expect(document.schemaVersion).toBe(2);
    expectValidReport(JSON.parse(renderJson(report)));
    expectValidReport(JSON.parse(renderJson(report, { verbose: true })));
  });

  it('tells a passing check by its summary and codes: no info sentence, no evidence, no data', () => {
    expect(precedence).toEqual({
      id: 'env.precedence',
      title: 'CA and proxy variables Codex reads',
      status: 'pass',
      summary: 'CODEX_CA_CERTIFICATE wins.',
      // An info finding with advice keeps it.
      findings: [{ level: 'info', code: 'ENV_CA_SELECTED', stage: 'input' }, checks[0]!.findings[1]],
      durationMs: 3,
    });
    expect(oauth).toEqual({ id: 'oauth.token', title: 'Token exchange', status: 'skip', summary: 'Not run.', findings: [], blockedBy: ['tls.auth'], skipReason: 'blocked', durationMs: 0 });
  });

  it('tells a failing check by its failure in full and its evidence; its error names the failing finding', () => {
    expect(tls?.error).toEqual({ stage: 'tls-verify', code: 'TLS_UNKNOWN_ISSUER', finding: 1 });
    expect(errorOf(tls)).toEqual(checks[1]!.error);
    expect(tls?.findings).toEqual([{ level: 'info', code: 'NET_ROUTE', stage: 'tcp' }, checks[1]!.findings[1]]);
    expect(tls?.endpoints).toEqual([ENDPOINT]);
    expect(tls).not.toHaveProperty('data');
    // env.precedence passed, so its trust section was not shown: tls.auth shows it.
    expect(tls?.evidence).toEqual(checks[1]!.evidence);
    // A crash has no finding: its error keeps its detail and cause.
    expect(config?.error).toEqual(checks[2]!.error);
    expect(config).not.toHaveProperty('evidence');
  });

  it('keeps everything under --verbose, each section once', () => {
    const verbose = jsonDocument(report, { verbose: true });
    expect(verbose.checks[0]?.findings).toEqual(checks[0]!.findings);
    expect(verbose.checks[0]?.evidence).toEqual([TRUST]);
    expect(verbose.checks[0]?.data).toEqual(checks[0]!.data);
    expect(verbose.checks[1]?.data).toEqual({ chain: checks[1]!.data!.chain });
    expect(verbose.checks[1]?.endpoints).toEqual([ENDPOINT]);
    expect(verbose.checks[1]?.evidence).toEqual([checks[1]!.evidence[0], { title: 'Trust as Codex sets it up', sameAs: 'env.precedence' }]);
    expect(verbose.checks[1]?.error).toEqual({ stage: 'tls-verify', code: 'TLS_UNKNOWN_ISSUER', finding: 1 });
  });

  it('is laid out one finding, section or endpoint per line, and parses back to the document', () => {
    const text = renderJson(report);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(document)));
    const lines = text.split('\n').map((line) => line.trim().replace(/,$/, ''));
    for (const finding of document.checks.flatMap((c) => c.findings)) expect(lines).toContain(JSON.stringify(finding));
    expect(lines).toContain(JSON.stringify(ENDPOINT));
    for (const section of tls!.evidence!) expect(lines).toContain(JSON.stringify(section));
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('--json on the command path', () => {
  const run = async (verbose: boolean): Promise<JsonReport> => {
    const io = captureIo();
    await runDoctor({ host: testHost(), flags: doctorFlags({ output: 'json', verbose, only: ['config.codex'] }), io });
    const document = JSON.parse(io.out()) as JsonReport;
    expectValidReport(document);
    return document;
  };

  it('writes the short document, and the whole one with --verbose', async () => {
    const [short, whole] = [await run(false), await run(true)];
    const config = (document: JsonReport) => document.checks.find((c) => c.id === 'config.codex')!;
    expect(config(short).status).toBe('pass');
    expect(config(short)).not.toHaveProperty('data');
    expect(config(short)).not.toHaveProperty('evidence');
    expect(config(short).findings.every((f) => f.detail === undefined)).toBe(true);
    expect(config(whole).data).toHaveProperty('layers');
    expect(config(whole).evidence?.length).toBeGreaterThan(0);
    expect(config(whole).findings.every((f) => typeof f.detail === 'string')).toBe(true);
  });
});
