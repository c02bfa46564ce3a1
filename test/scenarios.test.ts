// The scenario suite: every file in scenarios/ runs against its lab, in-process, through the same code path
// as `codex-doctor lab <name> --json`, and its report must match the diagnosis the file declares.
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNBOOK } from '../src/checks/index.js';
import type { JsonReport } from '../src/render/json.js';
import { codexDerItemLength } from '../src/codex/der.js';
import { expectActions } from './helpers/findings.js';
import { runLabCommand, runScenario } from '../src/lab/command.js';
import { startScenario } from '../src/lab/host.js';
import { DEFAULT_SCENARIO, expectationMismatches, loadScenarios, parseScenario, SCENARIOS_DIR, type Scenario } from '../src/lab/scenario.js';
import { cleanEnv, runCli } from './helpers/cli.js';
import { expectValidReport } from './helpers/schema.js';
import { captureIo, doctorFlags } from './helpers/io.js';

const scenarios = await loadScenarios();



describe('scenarios/', () => {
  it('holds at least 16 scenarios, one per file, including the default', async () => {
    const files = (await readdir(SCENARIOS_DIR)).filter((f) => f.endsWith('.toml'));
    expect(scenarios.length).toBe(files.length);
    expect(scenarios.length).toBeGreaterThanOrEqual(16);
    expect(scenarios.map((s) => s.name)).toContain(DEFAULT_SCENARIO);
  });

  it('each scenario declares a diagnosis for every check of the runbook', () => {
    for (const scenario of scenarios) {
      expect(Object.keys(scenario.expect.checks).sort(), scenario.name).toEqual(RUNBOOK.map((c) => c.id).sort());
    }
  });

  it('the README lists every scenario with its title', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Try it without a corporate proxy'));
    for (const scenario of scenarios) expect(section, scenario.name).toContain(`| \`${scenario.name}\` | ${scenario.title} |`);
  });
});

// A run ends within its deadline (10 s, or the scenario's own); the margin is for a loaded machine.
const RUN_TIMEOUT_MS = 30_000;

describe.each(scenarios.map((s) => [s.name, s] as const))('scenario %s', (_name, scenario: Scenario) => {
  it('produces the diagnosis it declares', { timeout: RUN_TIMEOUT_MS }, async () => {
    const io = captureIo();
    const code = await runScenario(scenario, { flags: doctorFlags({ output: 'json' }), io });
    const report = JSON.parse(io.out()) as JsonReport;
    expectValidReport(report);
    expect(report.environment.lab).toBe(scenario.name);
    expect(expectationMismatches(scenario.expect, report), summarise(report)).toEqual([]);
    expect(code).toBe(scenario.expect.exitCode);
    expect(io.err()).toBe('');
    // Every warn and fail carries its fix as an action (what `codex-doctor fix` and the conformance suite apply).
    report.checks.forEach(expectActions);
    // Secrets of the scenario never reach the report.
    const password = scenario.lab.proxy?.auth?.password;
    if (password) expect(JSON.stringify(report)).not.toContain(password);
  });
});

describe('a proxy login where the proxy variable lives', () => {
  it('says to write it into HTTPS_PROXY in ~/.codex/.env when .env sets it (the shell profile would change nothing)', { timeout: RUN_TIMEOUT_MS }, async () => {
    const io = captureIo();
    await runScenario(scenarios.find((s) => s.name === 'dotenv-proxy-auth')!, { flags: doctorFlags({ output: 'json' }), io });
    const report = JSON.parse(io.out()) as JsonReport;
    const first = report.checks.find((c) => c.id === 'tls.auth')!.findings.find((f) => f.level === 'fail')!.hints![0]!;
    expect(first.action).toEqual({ kind: 'manual', topic: 'proxy-login', variable: 'HTTPS_PROXY', target: 'codex-dotenv' });
    expect(first.text).toContain('write them into HTTPS_PROXY in ~/.codex/.env as http://user:password@');
  });
});

/** The report in one line per check, shown when a scenario does not match. */
function summarise(report: JsonReport): string {
  return report.checks.map((c) => `${c.id}: ${c.status} ${c.error?.code ?? ''} [${c.findings.map((f) => `${f.level}:${f.code}`).join(' ')}] ${c.summary}`).join('\n');
}

describe('the lab Host', () => {
  it('holds the scenario env only, with HOME, config and files in the lab directory, and no codex binary', async () => {
    const scenario = parseScenario(
      `name = "host-shape"
title = "t"
description = "d"
config_toml = 'model = "o3"'
[lab.proxy]
mode = "connect"
[env]
HTTPS_PROXY = "\${lab.proxyUrl}"
CODEX_CA_CERTIFICATE = "\${dir}/corp.der"
NODE_EXTRA_CA_CERTS = "\${home}/trusted.pem"
[[files]]
path = "corp.der"
der = "corporate-root"
[[files]]
path = "home/trusted.pem"
content = "\${pem.corporateRootTrusted}\${pem.crl}"
[[files]]
path = "utf16.pem"
content = "\${pem.corporateRoot}"
encoding = "utf-16le"
[expect]
exit = 0
[expect.checks."ca.bundle"]
status = "pass"
`,
      'host-shape.toml',
    );
    const running = await startScenario(scenario);
    const { host, lab } = running;
    try {
      const dir = lab.files.dir;
      expect(host.env).toEqual({
        HOME: path.join(dir, 'home'),
        HTTPS_PROXY: `http://127.0.0.1:${lab.proxy!.port}`,
        CODEX_CA_CERTIFICATE: path.join(dir, 'corp.der'),
        NODE_EXTRA_CA_CERTS: path.join(dir, 'home', 'trusted.pem'),
      });
      expect(host.cwd).toBe(dir);
      expect(host.homeDir).toBe(path.join(dir, 'home'));
      expect(host.lab).toBe('host-shape');
      expect(host.systemStore).toEqual({ files: [lab.files.systemStore], dirs: [] });
      expect(host.dial).toBe(lab.dial);
      expect(host.publicRoots).toEqual([lab.pem.publicRoot]);
      // Only the lab directory exists for a lab run: the developer's /etc/codex/config.toml never leaks in.
      expect(await host.fs.stat(path.join(dir, 'corp.der'))).toMatchObject({ kind: 'file' });
      expect(await host.fs.stat('/etc/passwd')).toBeNull();
      await expect(host.fs.readFile('/etc/passwd', 100)).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(host.fs.readdir(path.dirname(dir))).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await host.exec('codex', ['--version'], { timeoutMs: 1000 })).toEqual({ code: null, stdout: '', stderr: '' });
      expect(await readFile(path.join(dir, 'home', '.codex', 'config.toml'), 'utf8')).toBe('model = "o3"');

      const root = new X509Certificate(lab.pem.corporateRoot);
      expect(new X509Certificate(await readFile(path.join(dir, 'corp.der'))).fingerprint256).toBe(root.fingerprint256);
      const trusted = await readFile(path.join(dir, 'home', 'trusted.pem'), 'utf8');
      expect(trusted).toMatch(/^-----BEGIN TRUSTED CERTIFICATE-----\n/);
      expect(trusted).toContain('-----BEGIN X509 CRL-----');
      const trustedDer = Buffer.from(trusted.split('-----')[2]!.replace(/\s/g, ''), 'base64');
      expect(trustedDer.length).toBeGreaterThan(root.raw.length);
      expect(codexDerItemLength(trustedDer)).toBe(root.raw.length);
      expect(trustedDer.subarray(0, root.raw.length).equals(root.raw)).toBe(true);
      const utf16 = await readFile(path.join(dir, 'utf16.pem'));
      expect([...utf16.subarray(0, 2)]).toEqual([0xff, 0xfe]);
      expect(utf16.subarray(2).toString('utf16le')).toBe(lab.pem.corporateRoot);
    } finally {
      await running.stop();
    }
    expect(await stat(lab.files.dir).catch(() => null)).toBeNull();
  });

  it('refuses a placeholder the lab cannot fill, naming it, and cleans up', async () => {
    const scenario = parseScenario(
      `name = "no-proxy"
title = "t"
description = "d"
[env]
HTTPS_PROXY = "\${lab.proxyUrl}"
[expect]
exit = 0
[expect.checks."ca.bundle"]
status = "pass"
`,
      'no-proxy.toml',
    );
    await expect(startScenario(scenario)).rejects.toThrow('no-proxy.toml: env.HTTPS_PROXY: ${lab.proxyUrl} has no value in this lab');
  });
});

describe('codex-doctor lab (in-process)', { timeout: RUN_TIMEOUT_MS }, () => {
  it('Ctrl-C during a run exits 130 and still stops the lab and removes its directory', async () => {
    const hangs = scenarios.find((s) => s.name === 'proxy-hangs')!;
    const interrupt = new AbortController();
    const io = captureIo();
    // Interrupt as soon as the first check has settled: the network checks are then waiting on the proxy.
    const stdout = io.stdout;
    io.stdout = {
      write: (chunk: string) => {
        stdout.write(chunk);
        if (io.out().includes('ca.bundle')) interrupt.abort(new Error('interrupted'));
        return true;
      },
    };
    const code = await runScenario(hangs, { flags: doctorFlags({ output: 'plain' }), io: { ...io, signal: interrupt.signal } });
    expect(code).toBe(130);
    const dir = /(\/\S*codex-doctor-lab-[^/\s]+)\//.exec(io.out())?.[1];
    expect(dir, io.out()).toBeDefined();
    expect(await stat(dir!).catch(() => null)).toBeNull();
  });

  it('a malformed scenario file is one line on stderr and exit 2, never a stack trace', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'codex-doctor-scenarios-'));
    try {
      await writeFile(path.join(dir, 'broken.toml'), 'name = "broken"\ntitle = "t"\ndescription = "d"\n[lab.proxy]\nmode = "socks"\n');
      for (const parsed of [
        { kind: 'lab' as const, flags: doctorFlags({ output: 'auto' }), list: false, scenario: 'broken' },
        { kind: 'lab' as const, flags: doctorFlags({ output: 'auto' }), list: true },
      ]) {
        const io = captureIo();
        expect(await runLabCommand(parsed, io, dir)).toBe(2);
        expect(io.err()).toBe('codex-doctor lab: broken.toml: lab.proxy.mode: expected one of "inspect", "connect", got "socks"\n');
        expect(io.out()).toBe('');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--list --json lists every scenario with its title and expected exit code', async () => {
    const io = captureIo();
    const code = await runLabCommand({ kind: 'lab', flags: doctorFlags({ output: 'json' }), list: true }, io);
    expect(code).toBe(0);
    expect(JSON.parse(io.out())).toEqual(scenarios.map((s) => ({ name: s.name, title: s.title, description: s.description, exitCode: s.expect.exitCode })));
  });
});

describe('the scenario loader', () => {
  const valid = `name = "bad"
title = "A title"
description = "One paragraph."
[lab.proxy]
mode = "inspect"
[env]
HTTPS_PROXY = "\${lab.proxyUrl}"
[expect]
exit = 1
[expect.checks."tls.auth"]
status = "fail"
code = "TLS_UNKNOWN_ISSUER"
stage = "tls-verify"
`;
  const withFile = valid.replace('[expect]', '[[files]]\npath = "../x.pem"\ncontent = "x"\n[expect]');

  it('reads what the user knows for a change by hand: the config they meant, their own terminal', () => {
    const text = valid.replace('[expect]', '[by_hand]\nconfig_toml = \'model = "o3"\'\n[by_hand.outside_env]\nNO_PROXY = "localhost"\n[expect]');
    expect(parseScenario(text, '/somewhere/bad.toml').byHand).toEqual({ configToml: 'model = "o3"', outsideEnv: { NO_PROXY: 'localhost' } });
    expect(parseScenario(valid, '/somewhere/bad.toml').byHand).toBeUndefined();
  });

  it('reads a valid file', () => {
    const scenario = parseScenario(valid, '/somewhere/bad.toml');
    expect(scenario).toMatchObject({
      name: 'bad',
      lab: { proxy: { mode: 'inspect' } },
      env: { HTTPS_PROXY: '${lab.proxyUrl}' },
      expect: { exitCode: 1, checks: { 'tls.auth': { status: 'fail', code: 'TLS_UNKNOWN_ISSUER', stage: 'tls-verify', findings: [] } } },
    });
  });

  it.each([
    ['a TOML syntax error, with line and column', valid.replace('mode = "inspect"', 'mode = inspect'), 'bad.toml', /^bad\.toml:5:\d+: not valid TOML: /],
    ['a name that is not the file name', valid, 'other.toml', /^other\.toml: name "bad" must match the file name \(other\)$/],
    ['a misspelt key, with the real one', valid.replace('[lab.proxy]', '[lab.proxi]'), 'bad.toml', /^bad\.toml: lab\.proxi: unknown key \(did you mean proxy\?\)/],
    ['a value outside its set', valid.replace('"inspect"', '"mitm"'), 'bad.toml', /^bad\.toml: lab\.proxy\.mode: expected one of "inspect", "connect", got "mitm"$/],
    ['an unknown check id', valid.replace('"tls.auth"', '"tls.auht"'), 'bad.toml', /^bad\.toml: expect\.checks\."tls\.auht": unknown check id \(did you mean tls\.auth\?\)/],
    ['a code missing from the catalogue', valid.replace('TLS_UNKNOWN_ISSUER', 'TLS_UNKNOWN'), 'bad.toml', /^bad\.toml: expect\.checks\."tls\.auth"\.code: TLS_UNKNOWN is not in the error-code catalogue$/],
    ['an unknown placeholder', valid.replace('lab.proxyUrl', 'lab.proxyURL'), 'bad.toml', /^bad\.toml: env\.HTTPS_PROXY: unknown placeholder \$\{lab\.proxyURL\} \(did you mean \$\{lab\.proxyUrl\}\?\)/],
    ['a missing expectation', valid.slice(0, valid.indexOf('[expect]')), 'bad.toml', /^bad\.toml: expect: missing \(a table\)$/],
    ['a code on a passing check', valid.replace('status = "fail"', 'status = "pass"'), 'bad.toml', /^bad\.toml: expect\.checks\."tls\.auth"\.code: code and stage name the failure/],
    ['a config.toml that does not parse by accident', valid.replace('[lab.proxy]', "config_toml = 'model = o3'\n[lab.proxy]"), 'bad.toml', /^bad\.toml: config_toml is not valid TOML \(line 1, column 9: .*\); set config_toml_invalid = true if that is the point$/],
    ['a file escaping the lab directory', withFile, 'bad.toml', /^bad\.toml: files\[0\]\.path: "\.\.\/x\.pem" must stay inside the lab directory/],
    ['a [by_hand] config.toml that does not parse', valid.replace('[expect]', "[by_hand]\nconfig_toml = 'model = o3'\n[expect]"), 'bad.toml', /^bad\.toml: by_hand\.config_toml is not valid TOML \(line 1, column 9: .*\): it is what the user meant to write$/],
    ['a misspelt [by_hand] key', valid.replace('[expect]', '[by_hand.outside_envs]\n[expect]'), 'bad.toml', /^bad\.toml: by_hand\.outside_envs: unknown key \(did you mean outside_env\?\)/],
  ])('rejects %s with one clear sentence', (_what, text, file, message) => {
    expect(() => parseScenario(text, file)).toThrow(message);
  });
});

describe('codex-doctor lab (the built binary)', { timeout: RUN_TIMEOUT_MS }, () => {
  it('--list names every scenario file with its title', async () => {
    const r = await runCli(['lab', '--list'], cleanEnv());
    expect(r.code).toBe(0);
    for (const scenario of scenarios) expect(r.stdout).toMatch(new RegExp(`^  ${scenario.name} +${escape(scenario.title)}$`, 'm'));
  });

  it('runs a scenario with --json: one schema-valid report for that scenario', async () => {
    const r = await runCli(['lab', DEFAULT_SCENARIO, '--json'], cleanEnv());
    const report = JSON.parse(r.stdout) as JsonReport;
    expectValidReport(report);
    expect(report.environment.lab).toBe(DEFAULT_SCENARIO);
    expect(r.code).toBe(report.exitCode);
    expect(r.stderr).toBe('');
  });

  it('runs the default scenario in plain text under a one-line lab banner', async () => {
    const r = await runCli(['lab', '--plain'], cleanEnv());
    expect(r.stdout.split('\n')[0]).toBe(
      `codex-doctor lab: scenario ${DEFAULT_SCENARIO} (${scenarios.find((s) => s.name === DEFAULT_SCENARIO)!.title}). Simulated on 127.0.0.1; nothing leaves this machine.`,
    );
    expect(r.code).toBe(scenarios.find((s) => s.name === DEFAULT_SCENARIO)!.expect.exitCode);
  });

  it('an unknown scenario is a usage error that lists the scenarios', async () => {
    const r = await runCli(['lab', 'no-such-scenario'], cleanEnv());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('codex-doctor lab: unknown scenario "no-such-scenario". The scenarios are:');
    for (const scenario of scenarios) expect(r.stderr).toContain(scenario.name);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
