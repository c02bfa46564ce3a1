// `codex-doctor fix` on lab worlds: every action kind applied to a real scenario's files, then the doctor run
// again, which must pass the check the action was for; a dry run and every refusal change no file.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../src/core/host.js';
import type { FixAction, Report } from '../../src/core/types.js';
import { hostAfterProfile, runFix } from '../../src/fix/command.js';
import { applyPlan } from '../../src/fix/apply.js';
import { fixSources, planFix, type FixSource } from '../../src/fix/plan.js';
import { startScenario, type RunningScenario } from '../../src/lab/host.js';
import { loadScenarios } from '../../src/lab/scenario.js';
import { createSession } from '../../src/main.js';
import { captureIo, doctorFlags } from '../helpers/io.js';

const scenarios = new Map((await loadScenarios()).map((s) => [s.name, s]));
const running: RunningScenario[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

async function lab(name: string, env: Record<string, string> = { SHELL: '/bin/bash' }): Promise<RunningScenario & { home: string }> {
  const scenario = scenarios.get(name);
  if (!scenario) throw new Error(`no scenario ${name}`);
  const started = await startScenario({ ...scenario, timeoutMs: scenario.timeoutMs ?? 10_000 });
  running.push(started);
  started.host = { ...started.host, env: { ...started.host.env, ...env } };
  return { ...started, home: started.host.homeDir };
}

const flags = doctorFlags({ output: 'json' });

async function doctor(host: Host): Promise<Report> {
  return createSession(host, flags).run();
}

const source = (action: FixAction, code = 'CA_FORMAT_DER' as FixSource['code']): FixSource => ({ checkId: 'ca.bundle', code, hint: { text: 'hand-made' }, action });

/** Plans and applies hand-made actions the way `fix --yes` does, and returns the doctor's report afterwards. */
async function applyAndRerun(host: Host, actions: FixAction[]): Promise<{ report: Report; host: Host }> {
  const plan = await planFix({ host, codexHome: path.join(host.homeDir, '.codex') }, actions.map((a) => source(a)));
  expect(plan.items.filter((i) => i.kind !== 'apply'), JSON.stringify(plan.items)).toEqual([]);
  const applied = await applyPlan(host, plan);
  expect(applied.ok, JSON.stringify(applied)).toBe(true);
  const after = hostAfterProfile(host, plan.env);
  return { report: await doctor(after), host: after };
}

const statusOf = (report: Report, id: string): string | undefined => report.checks.find((c) => c.id === id)?.status;

/** sha256 of every file under dir: a dry run or a refusal must leave them all as they were. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, entry);
    if ((await stat(file)).isFile()) out[entry] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return out;
}

describe('each action kind, applied to a lab world, makes its check pass', () => {
  it('convert-certificate (DER) then set-env in the bash profile: der-file', async () => {
    const { host, home } = await lab('der-file');
    expect((await doctor(host)).exitCode).toBe(1);
    const der = path.join(home, 'Downloads', 'ZscalerRootCertificate.cer');
    const pem = path.join(home, 'Downloads', 'ZscalerRootCertificate.pem');
    const { report } = await applyAndRerun(host, [
      { kind: 'sequence', steps: [{ kind: 'convert-certificate', from: der, to: pem, format: 'der' }, { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: pem, target: 'shell-profile' }] },
    ]);
    expect(statusOf(report, 'ca.bundle')).toBe('pass');
    expect(report.exitCode).toBe(0);
    const profile = await readFile(path.join(home, '.bashrc'), 'utf8');
    expect(profile).toContain(`export CODEX_CA_CERTIFICATE=${pem}`);
  });

  it('convert-certificate (UTF-16): utf16-bundle', async () => {
    const { host, home } = await lab('utf16-bundle');
    const from = path.join(home, 'certs', 'zscaler-root.pem');
    const to = path.join(home, 'certs', 'zscaler-root.utf8.pem');
    const { report } = await applyAndRerun(host, [
      { kind: 'sequence', steps: [{ kind: 'convert-certificate', from, to, format: 'utf16' }, { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: to, target: 'shell-profile' }] },
    ]);
    expect(statusOf(report, 'ca.bundle')).toBe('pass');
    expect(report.exitCode).toBe(0);
  });

  it('unset-env in the zsh profile: stale-ssl-cert-file', async () => {
    const { host, home } = await lab('stale-ssl-cert-file', { SHELL: '/usr/bin/zsh' });
    const { report } = await applyAndRerun(host, [{ kind: 'unset-env', name: 'SSL_CERT_FILE', target: 'shell-profile' }]);
    expect(statusOf(report, 'tls.auth')).toBe('pass');
    expect(report.exitCode).toBe(0);
    expect(await readFile(path.join(home, '.zshrc'), 'utf8')).toMatch(/\nunset SSL_CERT_FILE\n$/);
  });

  it('set-env in $CODEX_HOME/.env, which the rerun reads itself: proxy-case-conflict', async () => {
    const { host, home } = await lab('proxy-case-conflict');
    const good = host.env.https_proxy!;
    const plan = await planFix({ host, codexHome: path.join(home, '.codex') }, [source({ kind: 'set-env', name: 'HTTPS_PROXY', value: good, target: 'codex-dotenv' })]);
    expect(plan.env).toEqual([]);
    expect((await applyPlan(host, plan)).ok).toBe(true);
    // No environment change for the rerun: Codex reads .env at every start, and so does the doctor.
    const report = await doctor(host);
    expect(statusOf(report, 'tls.auth')).toBe('pass');
    expect(await readFile(path.join(home, '.codex', '.env'), 'utf8')).toBe(`HTTPS_PROXY=${good}\n`);
  });

  it('write-bundle from two files, then set-env in the fish profile: root-missing', async () => {
    const { host, home } = await lab('root-missing', { SHELL: '/usr/bin/fish' });
    const corporate = host.env.NODE_EXTRA_CA_CERTS!;
    const system = host.systemStore!.files[0]!;
    const bundle = path.join(home, '.codex', 'ca-bundle.pem');
    const { report } = await applyAndRerun(host, [
      { kind: 'sequence', steps: [{ kind: 'write-bundle', to: bundle, sources: [system, corporate] }, { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: bundle, target: 'shell-profile' }] },
    ]);
    expect(statusOf(report, 'tls.auth')).toBe('pass');
    expect(statusOf(report, 'ws.upgrade')).toBe('pass');
    expect(await readFile(path.join(home, '.config', 'fish', 'config.fish'), 'utf8')).toContain(`set -gx CODEX_CA_CERTIFICATE ${bundle}`);
  });

  it('edit-config keeps the rest of config.toml: sandbox-strips-ca', async () => {
    const { host, home } = await lab('sandbox-strips-ca');
    const file = path.join(home, '.codex', 'config.toml');
    const before = await readFile(file, 'utf8');
    const { report } = await applyAndRerun(host, [
      { kind: 'edit-config', file, changes: [{ op: 'set', path: ['shell_environment_policy', 'inherit'], value: 'all' }] },
    ]);
    expect(statusOf(report, 'sandbox.env')).toBe('pass');
    expect(await readFile(file, 'utf8')).toBe(before.replace('inherit = "core"', 'inherit = "all"'));
  });
});

describe('a CODEX_CA_CERTIFICATE that does not load beside an SSL_CERT_FILE that does', () => {
  const firstAction = (report: Report, id: string): FixAction | undefined =>
    report.checks.find((c) => c.id === id)?.findings.find((f) => f.level === 'fail')?.hints?.find((h) => h.action)?.action;

  it.each(['bad-bundle-beside-ssl-cert-file', 'bad-bundle-beside-good-ssl-cert-file'])('%s: the first fix points CODEX_CA_CERTIFICATE at that file, and login and the WebSocket then pass', async (name) => {
    const { host } = await lab(name);
    const before = await doctor(host);
    const good = host.env.SSL_CERT_FILE!;
    const point = { kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: good, target: 'shell-profile' };
    for (const id of ['ca.bundle', 'tls.auth', 'ws.upgrade']) expect(firstAction(before, id), id).toEqual(point);
    const { report } = await applyAndRerun(host, [point as FixAction]);
    expect(statusOf(report, 'ca.bundle')).toBe('pass');
    expect(statusOf(report, 'tls.auth')).toBe('pass');
    expect(statusOf(report, 'ws.upgrade')).toBe('pass');
  });

  it('keeps the repair first when SSL_CERT_FILE does not load either', async () => {
    const { host } = await lab('bad-bundle-beside-ssl-cert-file');
    const broken = { ...host, env: { ...host.env, SSL_CERT_FILE: host.env.CODEX_CA_CERTIFICATE! } };
    expect(firstAction(await doctor(broken), 'ca.bundle')).toMatchObject({ kind: 'manual', topic: 'repair-file' });
  });
});

describe('codex-doctor fix, end to end on a lab world', () => {
  // Until every hint carries its action, the report's fixes are given by hand here.
  const unsetStale = () => ({ sources: [source({ kind: 'unset-env', name: 'SSL_CERT_FILE', target: 'shell-profile' }, 'ENV_SSL_CERT_FILE_REPLACES_OS')], unactionable: [] });

  it('--yes applies, backs up, prints the undo and reruns: before and after', async () => {
    const { host, home } = await lab('stale-ssl-cert-file');
    const profile = path.join(home, '.bashrc');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(profile, '# my profile\nalias ll="ls -l"\n');
    const io = captureIo();
    const code = await runFix({ host, flags: doctorFlags({ output: 'plain' }), yes: true, dryRun: false, io, collect: unsetStale });
    expect(code).toBe(0);
    const text = io.out();
    expect(text).toContain('unset SSL_CERT_FILE in ~/.bashrc');
    expect(text).toMatch(/tls\.auth\s+fail\s+-> pass/);
    expect(text).toContain('as a new bash shell would see them');
    // The undo line, run as printed, puts the profile back.
    const undo = /^  (mv -f .*)$/m.exec(text)?.[1];
    expect(undo).toBeDefined();
    const { execFileSync } = await import('node:child_process');
    execFileSync('sh', ['-c', undo!]);
    expect(await readFile(profile, 'utf8')).toBe('# my profile\nalias ll="ls -l"\n');
  });

  it('--json prints the plan, the files and before and after as one document', async () => {
    const { host } = await lab('stale-ssl-cert-file');
    const io = captureIo();
    await runFix({ host, flags: doctorFlags({ output: 'json' }), yes: true, dryRun: false, io, collect: unsetStale });
    const doc = JSON.parse(io.out());
    expect(doc).toMatchObject({ command: 'fix', outcome: 'applied', plan: [{ kind: 'apply', code: 'ENV_SSL_CERT_FILE_REPLACES_OS' }], before: { exitCode: 1 }, after: { exitCode: 0 } });
  });

  it('--dry-run shows the plan and changes no file', async () => {
    const { host, lab: world } = await lab('stale-ssl-cert-file');
    const io = captureIo();
    const before = await snapshot(world.files.dir);
    const code = await runFix({ host, flags: doctorFlags({ output: 'plain' }), yes: true, dryRun: true, io, collect: unsetStale });
    expect(await snapshot(world.files.dir)).toEqual(before);
    expect(code).toBe(1);
    expect(io.out()).toContain('Dry run: nothing was changed');
  });

  it('refuses to apply without --yes when stdin is not a terminal, and changes nothing', async () => {
    const { host, lab: world } = await lab('der-file');
    const io = { ...captureIo(), prompt: { interactive: () => false, ask: async () => 'y' } };
    const before = await snapshot(world.files.dir);
    const code = await runFix({ host, flags: doctorFlags({ output: 'plain' }), yes: false, dryRun: false, io, collect: unsetStale });
    expect(await snapshot(world.files.dir)).toEqual(before);
    expect(code).toBe(2);
    expect(io.out()).toContain('Run codex-doctor fix --yes');
  });
});

describe('the rerun after applying repeats only the checks the change touches', () => {
  it('a fix for env.precedence alone reruns the local checks: no connection reaches the proxy after the change', async () => {
    const { host, lab: world } = await lab('zscaler-healthy', { SHELL: '/bin/bash', NODE_TLS_REJECT_UNAUTHORIZED: '0' });
    const io = captureIo();
    // What the loopback proxy sees, before and after the fix was applied ("To undo:" is printed right after).
    const connections = { before: 0, after: 0 };
    world.proxy!.events.on('connection', () => void (io.out().includes('To undo:') ? connections.after++ : connections.before++));
    const code = await runFix({ host, flags: doctorFlags({ output: 'plain' }), yes: true, dryRun: false, io });
    const text = io.out();
    expect(text).toContain('ENV_INSECURE_WORKAROUND (env.precedence)');
    expect(connections.before).toBeGreaterThan(0);
    expect(connections.after).toBe(0);
    expect(text).toMatch(/env\.precedence\s+warn\s+-> pass\n/);
    expect(text).toMatch(/tls\.auth\s+pass\s+\(not rerun: the fix touches nothing it reads\)\n/);
    expect(code).toBe(0);
  });

  it('says in JSON which checks ran again', async () => {
    const { host } = await lab('zscaler-healthy', { SHELL: '/bin/bash', NODE_TLS_REJECT_UNAUTHORIZED: '0' });
    const io = captureIo();
    await runFix({ host, flags: doctorFlags({ output: 'json' }), yes: true, dryRun: false, io });
    const doc = JSON.parse(io.out());
    expect(doc.after.rerun).toEqual(['ca.bundle', 'env.precedence', 'config.codex', 'sandbox.env']);
    expect(doc.after.exitCode).toBe(0);
  });
});

describe('a bad state gets a clear message and changes nothing', () => {
  it('a conversion target that exists', async () => {
    const { host, home, lab: world } = await lab('der-file');
    const der = path.join(home, 'Downloads', 'ZscalerRootCertificate.cer');
    const before = await snapshot(world.files.dir);
    const plan = await planFix({ host, codexHome: path.join(home, '.codex') }, [
      source({ kind: 'sequence', steps: [{ kind: 'set-env', name: 'CODEX_CA_CERTIFICATE', value: der, target: 'shell-profile' }, { kind: 'convert-certificate', from: der, to: der, format: 'der' }] }),
    ]);
    expect(plan.items).toMatchObject([{ kind: 'refused', reason: expect.stringContaining('already exists') }]);
    // The earlier step of the refused action is not planned either.
    expect(plan.files).toEqual([]);
    expect(plan.env).toEqual([]);
    expect(await snapshot(world.files.dir)).toEqual(before);
  });

  it('a config.toml that is not valid TOML', async () => {
    const { host, home } = await lab('config-syntax-error');
    const file = path.join(home, '.codex', 'config.toml');
    const plan = await planFix({ host, codexHome: path.join(home, '.codex') }, [
      source({ kind: 'edit-config', file, changes: [{ op: 'set', path: ['model'], value: 'o3' }] }),
    ]);
    expect(plan.items).toMatchObject([{ kind: 'refused', reason: expect.stringContaining('not valid TOML') }]);
  });

  it('an unwritable profile', async () => {
    const { host, home } = await lab('stale-ssl-cert-file');
    const readOnly: Host = { ...host, writer: { ...host.writer!, writable: async () => false } };
    const plan = await planFix({ host: readOnly, codexHome: path.join(home, '.codex') }, [source({ kind: 'unset-env', name: 'SSL_CERT_FILE', target: 'shell-profile' })]);
    expect(plan.items).toMatchObject([{ kind: 'refused', reason: expect.stringContaining('cannot be written') }]);
  });

  it('a file outside the home directory, CODEX_HOME and the working directory', async () => {
    const { host, home } = await lab('der-file');
    const der = path.join(home, 'Downloads', 'ZscalerRootCertificate.cer');
    const plan = await planFix({ host, codexHome: path.join(home, '.codex') }, [source({ kind: 'convert-certificate', from: der, to: '/etc/ssl/certs/corp.pem', format: 'der' })]);
    expect(plan.items).toMatchObject([{ kind: 'refused', reason: expect.stringContaining('outside your home directory') }]);
  });

  it('an action that would disable verification', async () => {
    const { host, home } = await lab('der-file');
    const plan = await planFix({ host, codexHome: path.join(home, '.codex') }, [source({ kind: 'set-env', name: 'NODE_TLS_REJECT_UNAUTHORIZED', value: '0', target: 'shell-profile' })]);
    expect(plan.items).toMatchObject([{ kind: 'refused', reason: expect.stringContaining('disable TLS verification') }]);
  });
});

describe('a symbolic link never takes a write outside the allowed places', () => {
  it('refuses a profile that links outside the home directory', async () => {
    const { host, home, lab: world } = await lab('stale-ssl-cert-file');
    const { mkdir, symlink } = await import('node:fs/promises');
    // Outside the Host's home, CODEX_HOME and working directory, but inside the lab directory.
    const outside = path.join(world.files.dir, 'elsewhere');
    await mkdir(outside);
    await symlink(path.join(outside, 'bashrc'), path.join(home, '.bashrc'));
    const inHome: Host = { ...host, cwd: home };
    const plan = await planFix({ host: inHome, codexHome: path.join(home, '.codex') }, [source({ kind: 'unset-env', name: 'SSL_CERT_FILE', target: 'shell-profile' })]);
    expect(plan.items).toMatchObject([{ kind: 'refused', reason: expect.stringContaining('symbolic link') }]);
  });
});

describe('a fix that makes things worse', () => {
  it('is named as such after the rerun, with the undo right above', async () => {
    const { host } = await lab('zscaler-healthy');
    const io = captureIo();
    const unsetRoot = () => ({ sources: [source({ kind: 'unset-env', name: 'CODEX_CA_CERTIFICATE', target: 'shell-profile' })], unactionable: [] });
    const code = await runFix({ host, flags: doctorFlags({ output: 'plain' }), yes: true, dryRun: false, io, collect: unsetRoot });
    expect(code).toBe(1);
    expect(io.out()).toMatch(/To undo:\n {2}rm [^\n]*\.bashrc\n/);
    expect(io.out()).toMatch(/Worse than before: [^\n]*tls\.auth/);
  });
});

describe('which fixes a report yields', () => {
  const finding = (code: string, stage: string, action: FixAction) => ({ level: 'warn', code, stage, detail: 'd', hints: [{ text: code, action }] });
  const report = (checks: Array<{ id: string; findings: ReturnType<typeof finding>[] }>) => ({ checks }) as unknown as Pick<Report, 'checks'>;

  it('drops a fix guessed from reading a variable when a connection measured that variable and carries its own fix', () => {
    const { sources } = fixSources(
      report([
        {
          id: 'env.precedence',
          findings: [
            finding('ENV_PROXY_HTTP_ONLY', 'input', { kind: 'copy-env', name: 'HTTPS_PROXY', from: 'HTTP_PROXY', target: 'shell-profile' }),
            finding('ENV_NO_PROXY_BYPASS', 'input', { kind: 'unset-env', name: 'NO_PROXY', target: 'shell-profile' }),
          ],
        },
        { id: 'ws.upgrade', findings: [finding('PROXY_UNREACHABLE', 'tcp', { kind: 'unset-env', name: 'HTTP_PROXY', target: 'shell-profile' })] },
      ]),
    );
    expect(sources.map((s) => s.code)).toEqual(['ENV_NO_PROXY_BYPASS', 'PROXY_UNREACHABLE']);
  });

  it('drops the input guess for the same problem (ENV_X beside a measured X that carries its own fix)', () => {
    const websocketOff: FixAction = { kind: 'edit-config', file: '/h/.codex/config.toml', changes: [{ op: 'set', path: ['model_provider'], value: 'openai-https' }] };
    const { sources } = fixSources(
      report([
        { id: 'env.precedence', findings: [finding('ENV_PROXY_SCHEME_UNSUPPORTED', 'input', { kind: 'set-env', name: 'HTTPS_PROXY', value: 'http://127.0.0.1:3128', target: 'shell-profile' })] },
        { id: 'ws.upgrade', findings: [finding('PROXY_SCHEME_UNSUPPORTED', 'proxy-connect', websocketOff)] },
      ]),
    );
    expect(sources.map((s) => s.code)).toEqual(['PROXY_SCHEME_UNSUPPORTED']);
  });

  it('keeps two input fixes on the same variable (neither was measured), once each', () => {
    const unset = { kind: 'unset-env', name: 'SSL_CERT_FILE', target: 'shell-profile' } as const;
    const { sources } = fixSources(
      report([
        { id: 'ca.bundle', findings: [finding('CA_FORMAT_DER', 'input', { kind: 'set-env', name: 'SSL_CERT_FILE', value: '/x.pem', target: 'shell-profile' })] },
        { id: 'env.precedence', findings: [finding('ENV_SSL_CERT_FILE_REPLACES_OS', 'input', unset), finding('ENV_SSL_CERT_EMPTY', 'input', unset)] },
      ]),
    );
    expect(sources.map((s) => s.code)).toEqual(['CA_FORMAT_DER', 'ENV_SSL_CERT_FILE_REPLACES_OS']);
  });
});
