// Table-driven: every fixtures/config/<name>/ holds a real-world config shape and expected.json, the verdict
// per CA/proxy variable and the step that decided it, the findings of config.codex and sandbox.env, and the
// snippets the doctor must print. Every snippet the doctor prints is then applied to the config and the
// checks are run again: the finding it was for must be gone, and no new problem may appear.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { assessCodexConfig, codexConfigCheck, type FixRecord } from '../../src/checks/codex-config.js';
import { assessSandboxEnv, sandboxEnvCheck, topLevelNetworkSnippet } from '../../src/checks/sandbox-env.js';
import type { CodexConfig } from '../../src/codex/config.js';
import { applyConfigFix } from '../../src/codex/config-fix.js';
import { SANDBOX_VARIABLES } from '../../src/codex/sandbox.js';
import { loadWorld } from '../../src/codex/world.js';
import type { RunOptions } from '../../src/core/check.js';
import type { CheckRecord, CheckResult, Finding } from '../../src/core/types.js';
import { KeyStore, mintCorporateCa } from '../../src/lab/pki.js';
import { fsError, memoryFs, testHost, type MemoryEntry } from '../helpers/host.js';
import type { Host, HostWriter } from '../../src/core/host.js';
import { applyPlan } from '../../src/fix/apply.js';
import { hostAfterProfile } from '../../src/fix/command.js';
import { fixSources, planFix } from '../../src/fix/plan.js';
import { runDoctorChecks, TEST_OPTIONS } from '../helpers/run-check.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/config/', import.meta.url));
const CODEX_HOME = '/home/user/.codex';

interface Expected {
  description: string;
  env: Record<string, string>;
  hostFiles?: Record<string, MemoryEntry>;
  configToml?: MemoryEntry;
  mint?: Record<string, 'ca' | 'client-cert' | 'client-key' | 'other-key'>;
  profile?: string;
  codexVersion?: string;
  checks: Record<'config.codex' | 'sandbox.env', { status: string; codes?: string[] }>;
  network?: boolean;
  variables?: Record<string, { reaches: boolean; decidedBy: string; pathState?: string }>;
  details?: Record<string, string>;
  snippets?: Record<string, string>;
  commands?: Record<string, string>;
}

let minted: Record<'ca' | 'client-cert' | 'client-key' | 'other-key', string> | undefined;
function mint(): NonNullable<typeof minted> {
  if (!minted) {
    const ca = mintCorporateCa({ intermediate: null });
    const client = ca.identityFor('otel-client.corp.example.com');
    minted = { ca: ca.root.pem, 'client-cert': client.leaf.pem, 'client-key': client.keyPem, 'other-key': new KeyStore().get(2048).privateKeyPem };
  }
  return minted;
}

function fixture(name: string): { expected: Expected; host: ReturnType<typeof testHost>; options: RunOptions } {
  const dir = path.join(FIXTURES, name);
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
  const files: Record<string, MemoryEntry> = { [CODEX_HOME]: { directory: true }, ...expected.hostFiles };
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    if (file === 'config.toml' || file.endsWith('.config.toml')) files[`${CODEX_HOME}/${file}`] = text;
    else if (file === 'project-config.toml') files['/work/.codex/config.toml'] = text;
    else if (file === 'system-config.toml') files['/etc/codex/config.toml'] = text;
  }
  if (expected.configToml) files[`${CODEX_HOME}/config.toml`] = expected.configToml;
  for (const [file, what] of Object.entries(expected.mint ?? {})) files[file] = mint()[what];
  const version = expected.codexVersion;
  const host = testHost({
    env: expected.env,
    files,
    homeDir: '/home/user',
    cwd: '/work',
    ...(version && { exec: () => ({ code: 0, stdout: `codex-cli ${version}\n`, stderr: '' }) }),
  });
  return { expected, host, options: { ...TEST_OPTIONS, ...(expected.profile && { profile: expected.profile }) } };
}

const names = readdirSync(FIXTURES).filter((n) => existsSync(path.join(FIXTURES, n, 'expected.json')));

describe('fixtures/config', () => {
  it('has the real-world shapes the issue asks for', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'blog-shell-environment', 'inherit-core-include-only', 'filters', 'exclude-patterns', 'set-overrides',
        'profile-file', 'legacy-profile-key', 'syntax-error', 'unreadable', 'otel-tls', 'mcp-url',
      ]),
    );
  });

  describe.each(names)('%s', (name) => {
    it('gives the expected verdict per variable, findings and snippets', async () => {
      const { expected, host, options } = fixture(name);
      const records = await runDoctorChecks([codexConfigCheck, sandboxEnvCheck], host, options);
      const byId = Object.fromEntries(records.map((r) => [r.id, r])) as Record<string, CheckRecord>;

      for (const id of ['config.codex', 'sandbox.env'] as const) {
        const record = byId[id]!;
        const want = expected.checks[id];
        expect(record.status, `${id} status (${record.summary})`).toBe(want.status);
        if (want.codes) expect(record.findings.map((f) => f.code), `${id} codes`).toEqual(want.codes);
        if (want.status === 'skip') expect(record.blockedBy).toEqual(['config.codex']);
      }

      const sandbox = byId['sandbox.env']!;
      if (sandbox.status !== 'skip') {
        const data = sandbox.data as { network: { enabled: boolean }; variables: { name: string; state: string; decidedBy?: string; pathState?: string }[] };
        expect(data.network.enabled).toBe(expected.network);
        const verdicts = Object.fromEntries(
          data.variables
            .filter((v) => v.state !== 'unset')
            .map((v) => [v.name, { reaches: v.state === 'reaches', decidedBy: v.decidedBy, ...(v.pathState && { pathState: v.pathState }) }]),
        );
        expect(verdicts).toEqual(expected.variables ?? {});
        // Every variable the issue lists is reported, set or not.
        expect(data.variables.map((v) => v.name)).toEqual(SANDBOX_VARIABLES.map((v) => v.name));
      }

      const findings = records.flatMap((r) => r.findings);
      const one = (code: string): Finding => {
        const matching = findings.filter((f) => f.code === code);
        expect(matching.length, `exactly one ${code}`).toBe(1);
        return matching[0]!;
      };
      for (const [code, detail] of Object.entries(expected.details ?? {})) expect(one(code).detail).toBe(detail);
      for (const [code, snippet] of Object.entries(expected.snippets ?? {})) expect(one(code).hints?.map((h) => h.snippet)).toContain(snippet);
      for (const [code, command] of Object.entries(expected.commands ?? {})) expect(one(code).hints?.map((h) => h.command)).toContain(command);

      // No secret from the environment leaks into a record.
      const text = JSON.stringify(records);
      for (const [key, value] of Object.entries(expected.env)) if (/KEY|TOKEN|SECRET/.test(key)) expect(text).not.toContain(value);
    });

    it('prints only snippets that, applied to the config, fix what they are for', async () => {
      const { host, options } = fixture(name);
      const world = await loadWorld(host, options);
      const assess = async (config: CodexConfig): Promise<{ config: CheckResult; sandbox: CheckResult | undefined }> => {
        const result = await assessCodexConfig(config, host);
        const fatal = config.problems.some((p) => p.fatal);
        return { config: result, sandbox: fatal ? undefined : await assessSandboxEnv(config, world.env, host) };
      };
      const before = await assess(world.config);
      const all = [...before.config.findings, ...(before.sandbox?.findings ?? [])];
      const fixes = [...fixesOf(before.config), ...(before.sandbox ? fixesOf(before.sandbox) : [])];

      // Every printed snippet is one of the tested fixes, and every fix is printed.
      const printed = all.flatMap((f) => (f.hints ?? []).flatMap((h) => (h.snippet ? [h.snippet] : [])));
      expect(new Set(printed)).toEqual(new Set(fixes.map((f) => f.snippet)));

      for (const fix of fixes) {
        const after = applyConfigFix(world.config, fix);
        const rerun = await assess(after);
        const afterFindings = [...rerun.config.findings, ...(rerun.sandbox?.findings ?? [])];
        const label = `${name}: fix for ${fix.codes.join(', ')}`;
        // The findings it was printed for are gone.
        for (const code of fix.codes) {
          const was = all.filter((f) => f.code === code && f.hints?.some((h) => h.snippet === fix.snippet)).map((f) => f.detail);
          const still = afterFindings.filter((f) => f.code === code).map((f) => f.detail);
          expect(still.filter((d) => was.includes(d)), label).toEqual([]);
        }
        // The snippet parses and Codex accepts it: no new problem with the files.
        const known = new Set(world.config.problems.map((p) => p.message));
        expect(after.problems.filter((p) => !known.has(p.message)), label).toEqual([]);
        // A policy fix makes the emulation pass: every CA and proxy variable that is set reaches the sandbox.
        if (fix.snippet.includes('[shell_environment_policy]') && rerun.sandbox) {
          expect(afterFindings.filter((f) => f.code === 'SANDBOX_VAR_REMOVED'), label).toEqual([]);
          const variables = (rerun.sandbox.data as { variables: { name: string; state: string }[] }).variables;
          for (const v of variables) if (world.env[v.name]) expect(v.state, `${label}: ${v.name}`).toBe('reaches');
        }
        if (fix.codes.includes('SANDBOX_NETWORK_DISABLED')) {
          expect((rerun.sandbox?.data as { network: { enabled: boolean } }).network.enabled, label).toBe(true);
        }
      }
    });
  });
});

describe('fixtures/config: the fix actions, applied to the files as `codex-doctor fix --yes` does', () => {
  describe.each(names)('%s', (name) => {
    it('makes the finding each user-applicable action is for go away, and changes nothing else of the file', async () => {
      const { host, options } = fixture(name);
      const before = await runDoctorChecks([codexConfigCheck, sandboxEnvCheck], host, options);
      const { sources } = fixSources({ checks: before });
      const edits = sources.filter((s) => (s.action.kind === 'sequence' ? s.action.steps : [s.action]).some((step) => step.kind === 'edit-config'));
      for (const source of edits) {
        const world = inMemoryWorld(host);
        const plan = await planFix({ host: world, codexHome: CODEX_HOME }, [source]);
        const label = `${name}: ${source.code} ${JSON.stringify(source.action)}`;
        expect(plan.items.map((i) => i.kind), `${label}: ${JSON.stringify(plan.items)}`).toEqual(['apply']);
        expect((await applyPlan(world, plan)).ok, label).toBe(true);
        const after = await runDoctorChecks([codexConfigCheck, sandboxEnvCheck], hostAfterProfile(world, plan.env), options);
        const count = (records: CheckRecord[]): number => records.flatMap((r) => r.findings).filter((f) => f.level !== 'info' && f.code === source.code).length;
        expect(count(after), label).toBeLessThan(count(before));
        // The files still parse as Codex reads them: no new problem.
        const problems = (records: CheckRecord[]): string[] => records.flatMap((r) => r.findings).filter((f) => f.level === 'fail').map((f) => f.code);
        expect(problems(after).filter((c) => !problems(before).includes(c)), label).toEqual([]);
      }
    });
  });
});

/** A copy of the fixture's in-memory files that `codex-doctor fix` can write to (as a user's disk). */
function inMemoryWorld(host: Host): Host {
  const fs = memoryFs({ ...(host.fs as ReturnType<typeof memoryFs>).entries });
  const writer: HostWriter = {
    async writeFile(file, bytes, { exclusive }) {
      if (exclusive && fs.entries[file] !== undefined) throw fsError('EEXIST', 'open', file);
      fs.entries[file] = Buffer.from(bytes);
    },
    async removeFile(file) {
      delete fs.entries[file];
    },
    writable: async () => true,
    realPath: async (file) => file,
  };
  return { ...host, fs, writer };
}

function fixesOf(result: CheckResult): FixRecord[] {
  return ((result.data as { fixes?: FixRecord[] } | undefined)?.fixes ?? []).map((f) => ({ ...f }));
}

describe('topLevelNetworkSnippet', () => {
  it('is written exactly as smol-toml writes the same table', () => {
    const access = { sandbox_workspace_write: { network_access: true } };
    expect(topLevelNetworkSnippet(undefined)).toBe(stringify({ sandbox_mode: 'workspace-write', ...access }).trim());
    expect(topLevelNetworkSnippet('read-only')).toBe(stringify({ sandbox_mode: 'workspace-write', ...access }).trim());
    expect(topLevelNetworkSnippet('workspace-write')).toBe(stringify(access).trim());
  });
});
