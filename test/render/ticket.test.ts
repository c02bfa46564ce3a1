// The helpdesk ticket, per failing lab scenario: the JSON report's summary, fixFirst and itRequest (present
// exactly when the fix is IT's), and the Markdown body (verdict line, fix first, evidence, size bound).
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNBOOK } from '../../src/checks/index.js';
import type { Report } from '../../src/core/types.js';
import { runScenario } from '../../src/lab/command.js';
import { LAB_OS, startScenario } from '../../src/lab/host.js';
import { loadScenarios, type Scenario } from '../../src/lab/scenario.js';
import { createSession } from '../../src/main.js';
import { renderJson, type JsonReport } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { testHost } from '../helpers/host.js';
import { captureIo, doctorFlags } from '../helpers/io.js';
import { errorOf, expectValidReport } from '../helpers/schema.js';

const scenarios = await loadScenarios();
const failing = scenarios.filter((s) => s.expect.exitCode === 1);

/** The scenarios whose fix only an IT or proxy team can make, and what they must be asked for. */
const IT_TOPICS: Record<string, string> = {
  'auth-block-page': 'allow-host',
  'auth-blocked-at-connect': 'allow-host',
  'websocket-blocked': 'allow-websocket',
  'websocket-refused-426': 'allow-websocket',
  'websocket-upgrade-stripped': 'allow-websocket',
  'proxy-ntlm-only': 'proxy-credentials',
  'missing-intermediate': 'fix-tls-path',
  'fortigate-sha1': 'weak-ca',
  'fortigate-rsa1024': 'weak-ca',
  'cloudflare-challenge': 'allow-host',
  'proxy-bad-gateway': 'proxy-reachability',
  'proxy-closes-connection': 'proxy-reachability',
  'proxy-hangs': 'proxy-reachability',
  'corporate-leaf-expired': 'fix-tls-path',
  'origin-leaf-no-san': 'fix-tls-path',
  'origin-legacy-tls': 'fix-tls-path',
};

/** Any failure's ticket body and JSON report; a typical one (the median) stays under its TYPICAL bound. */
const MARKDOWN_BOUND = 10 * 1024;
const MARKDOWN_TYPICAL_BOUND = 8 * 1024;
const JSON_BOUND = 20 * 1024;
const JSON_TYPICAL_BOUND = 12 * 1024;
const sizes: Array<{ markdown: number; json: number }> = [];
const RUN_TIMEOUT_MS = 30_000;

/** The report a scenario's run holds (what every renderer reads) and its `--json` document, validated. */
async function reportOf(scenario: Scenario): Promise<{ report: Report; json: string; document: JsonReport }> {
  const running = await startScenario(scenario);
  try {
    const flags = doctorFlags({ output: 'json', ...(scenario.timeoutMs !== undefined && { timeoutMs: scenario.timeoutMs }) });
    const report = await createSession(running.host, flags).run();
    const json = renderJson(report);
    const document = JSON.parse(json) as JsonReport;
    expectValidReport(document);
    return { report, json, document };
  } finally {
    await running.stop();
  }
}

/** The first failing check of the scenario's declared diagnosis, in runbook order, and its code. */
function firstFailure(scenario: Scenario): { id: string; code: string | undefined } {
  const id = RUNBOOK.map((c) => c.id).find((checkId) => scenario.expect.checks[checkId]?.status === 'fail')!;
  return { id, code: scenario.expect.checks[id]?.code };
}

describe('the Markdown ticket and the ticket fields of the JSON report', () => {
  it('has failing scenarios, and an IT topic only for failing ones', () => {
    expect(failing.length).toBeGreaterThanOrEqual(10);
    for (const name of Object.keys(IT_TOPICS)) expect(failing.map((s) => s.name)).toContain(name);
  });

  describe.each(failing.map((s) => [s.name, s] as const))('%s', (name, scenario) => {
    it('says what fails, the fix first, asks IT exactly when the fix is theirs, and fits a ticket', { timeout: RUN_TIMEOUT_MS }, async () => {
      const { report, json, document } = await reportOf(scenario);
      const first = firstFailure(scenario);
      const { id } = first;
      // A scenario may declare only the status: the code is then the check's own.
      const code = first.code ?? report.checks.find((c) => c.id === id)?.error?.code;

      // JSON: one sentence naming the failure; the fix of the first failing check.
      expect({ summary: document.summary, fixFirst: document.fixFirst, itRequest: document.itRequest }).toEqual({ summary: report.summary, fixFirst: report.fixFirst, itRequest: report.itRequest });
      expect(report.summary).toContain(code!);
      expect(report.summary!.split('\n')).toHaveLength(1);
      expect(report.fixFirst?.check).toBe(id);
      expect(report.fixFirst?.code).toBe(code);
      expect(report.fixFirst?.hint.text.length).toBeGreaterThan(0);
      expect(report.environment.os).toEqual(LAB_OS);
      if (IT_TOPICS[name]) {
        expect(report.itRequest?.topic).toBe(IT_TOPICS[name]);
        expect(report.itRequest!.hosts.length).toBeGreaterThan(0);
        if (IT_TOPICS[name] === 'allow-websocket') expect(report.itRequest!.hosts.every((h) => h.websocket)).toBe(true);
        else expect(report.itRequest!.hosts.map((h) => h.host)).toEqual(expect.arrayContaining(['auth.openai.com', 'chatgpt.com', 'api.openai.com']));
      } else {
        expect(report.itRequest).toBeUndefined();
      }

      const markdown = renderMarkdown(report);
      const [verdict] = markdown.split('\n');
      expect(verdict).toMatch(/^\*\*codex-doctor verdict: FAIL\.\*\* /);
      expect(verdict).toContain(code!);
      const fixSection = section(markdown, '## Fix first');
      expect(fixSection).toContain(report.fixFirst!.hint.text.slice(0, 60));
      if (report.fixFirst!.hint.command) expect(fixSection).toContain(`\`\`\`sh\n${report.fixFirst!.hint.command}\n\`\`\``);
      // The fix comes before the evidence; the evidence names the machine.
      expect(markdown.indexOf('## Fix first')).toBeLessThan(markdown.indexOf('## Evidence'));
      const evidence = section(markdown, '## Evidence');
      expect(evidence).toContain(`| OS | ${LAB_OS.name} (`);
      expect(evidence).toContain(`| Node.js | ${report.environment.node} |`);
      expect(evidence).toContain(`lab scenario ${name}`);
      if (report.itRequest) expect(section(markdown, '## Request for the IT / proxy team')).toContain(report.itRequest.request);
      else expect(markdown).not.toContain('## Request for the IT / proxy team');
      expect(Buffer.byteLength(markdown)).toBeLessThan(MARKDOWN_BOUND);
      expect(Buffer.byteLength(json)).toBeLessThan(JSON_BOUND);
      sizes.push({ markdown: Buffer.byteLength(markdown), json: Buffer.byteLength(json) });
      expect(fencesBalanced(markdown)).toBe(true);
    });
  });

  it('stays under 8 KB of Markdown and 12 KB of JSON for a typical failure (the median of the failing scenarios)', () => {
    expect(sizes).toHaveLength(failing.length);
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    expect(median(sizes.map((s) => s.markdown))).toBeLessThan(MARKDOWN_TYPICAL_BOUND);
    expect(median(sizes.map((s) => s.json))).toBeLessThan(JSON_TYPICAL_BOUND);
  });
});

describe('evidence a proxy team needs', () => {
  it('keeps the proxy status line, Server and Proxy-Authenticate (realm) of a 407', { timeout: RUN_TIMEOUT_MS }, async () => {
    const scenario = scenarios.find((s) => s.name === 'proxy-auth-required')!;
    const { report, document } = await reportOf(scenario);
    const tls = document.checks.find((c) => c.id === 'tls.auth')!;
    const answer = errorOf(tls)?.cause?.proxyAnswer;
    expect(answer?.statusLine).toBe('HTTP/1.1 407 Proxy Authentication Required');
    expect(answer?.server).toBeTruthy();
    expect(answer?.proxyAuthenticate?.[0]).toMatch(/^Basic realm="/);
    expect(section(renderMarkdown(report), '### The proxy answered')).toContain(`Proxy-Authenticate: ${answer!.proxyAuthenticate![0]}`);
  });

  it('shows what answered inside TLS: the block page in the tunnel, with its status line and Server header', { timeout: RUN_TIMEOUT_MS }, async () => {
    for (const [name, id] of [['auth-block-page', 'oauth.token'], ['websocket-blocked', 'ws.upgrade']] as const) {
      const { report, document } = await reportOf(scenarios.find((s) => s.name === name)!);
      expect(errorOf(document.checks.find((c) => c.id === id))?.cause?.httpAnswer).toEqual({ statusLine: 'HTTP/1.1 403 Forbidden', server: 'Zscaler' });
      expect(section(renderMarkdown(report), '### What answered inside TLS (a block page or the origin)')).toContain(`${id}:\n\n\`\`\`http\nHTTP/1.1 403 Forbidden\nServer: Zscaler\n\`\`\``);
    }
  });

  it.each(['fortigate-sha1', 'fortigate-rsa1024'])('%s: names the weak inspection CA with its fingerprint and hands over its PEM', { timeout: RUN_TIMEOUT_MS }, async (name) => {
    const { report, document } = await reportOf(scenarios.find((s) => s.name === name)!);
    const presented = report.checks.find((c) => c.id === 'tls.auth')!.data!.chain as Array<{ issuer: string }>;
    const bundled = report.checks.find((c) => c.id === 'ca.bundle')!.data!.certificates as Array<{ subject: string; sha256: string }>;
    const ca = document.itRequest?.ca;
    expect(ca?.subject).toBe(presented.at(-1)!.issuer);
    expect(ca?.sha256).toBe(bundled.find((c) => c.subject === presented.at(-1)!.issuer)!.sha256);
    // The PEM is that very CA: the certificate the user's bundle holds and the proxy's chain is signed with.
    const pem = new X509Certificate(ca!.pem!);
    expect(pem.fingerprint256).toBe(ca!.sha256);
    expect(pem.subject.split('\n').join(', ')).toBe(ca!.subject);
    expect(section(renderMarkdown(report), '## Request for the IT / proxy team')).toContain(ca!.pem!.trim());
  });

  it('names the missing CA; the proxy presented the leaf alone, so no certificate to hand over', { timeout: RUN_TIMEOUT_MS }, async () => {
    const { report, document } = await reportOf(scenarios.find((s) => s.name === 'missing-intermediate')!);
    const tls = report.checks.find((c) => c.id === 'tls.auth')!;
    expect(tls.data!.chain).toHaveLength(1);
    // (test/core/ticket.test.ts: a presented CA the missing root signed is handed over in PEM.)
    expect(document.itRequest?.ca).toEqual({ subject: (tls.data!.issuerSearch as { issuer: string }).issuer, note: expect.any(String) });
  });

  it('fills no PEM where IT is not asked for a CA', { timeout: RUN_TIMEOUT_MS }, async () => {
    const { document } = await reportOf(scenarios.find((s) => s.name === 'websocket-blocked')!);
    expect(document.itRequest?.topic).toBe('allow-websocket');
    expect(document.itRequest?.ca).toBeUndefined();
  });
});

describe('--format markdown on the command path', () => {
  it('prints the ticket body alone on stdout', { timeout: RUN_TIMEOUT_MS }, async () => {
    const io = captureIo();
    const code = await runScenario(scenarios.find((s) => s.name === 'websocket-blocked')!, { flags: doctorFlags({ output: 'markdown' }), io });
    expect(code).toBe(1);
    expect(io.out()).toMatch(/^\*\*codex-doctor verdict: FAIL\.\*\* .*WS_UPGRADE_REFUSED/);
    expect(io.out()).toContain('| `chatgpt.com` | 443 |');
    expect(io.err()).toBe('');
  });
});

/** The text of a Markdown section, up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  if (start < 0) return '';
  const level = heading.split(' ')[0]!.length;
  const rest = markdown.slice(start + heading.length + 1);
  const next = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
}

function fencesBalanced(markdown: string): boolean {
  let open: string | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^`{3,}/.exec(line)?.[0];
    if (fence && (open === undefined || fence === open)) open = open === undefined ? fence : undefined;
  }
  return open === undefined;
}

describe('the saved reports (s in the interactive view)', () => {
  it('writes the JSON and the Markdown report, readable only by the user, never over an existing file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cd-save-'));
    try {
      const session = createSession(testHost(), doctorFlags({ only: ['config.codex'] }), dir);
      const report = await session.run();
      const saved = await session.save(report);
      expect(path.dirname(saved.json)).toBe(dir);
      expect(await readFile(saved.json, 'utf8')).toBe(renderJson(report));
      expect(await readFile(saved.markdown, 'utf8')).toBe(renderMarkdown(report));
      for (const file of [saved.json, saved.markdown]) expect((await stat(file)).mode & 0o777).toBe(0o600);
      await expect(session.save(report)).rejects.toThrow(/EEXIST/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
