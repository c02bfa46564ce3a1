// Runs env.precedence the way main does, for the tests of its CA half and its proxy half.
import { expect } from 'vitest';
import { envPrecedence, type EnvPrecedenceFacts } from '../../src/checks/env-precedence.js';
import { loadWorld } from '../../src/codex/world.js';
import type { RunOptions } from '../../src/core/check.js';
import type { ErrorCode } from '../../src/core/codes.js';
import { Redactor } from '../../src/core/redact.js';
import { runChecks } from '../../src/core/runner.js';
import type { CheckRecord, Finding } from '../../src/core/types.js';
import { withoutActions } from './findings.js';
import { testHost, type TestHostOptions } from './host.js';

export const DOTENV = '/home/user/.codex/.env';

export interface Run {
  record: CheckRecord;
  facts: EnvPrecedenceFacts;
  /** The findings with this code. */
  all(code: ErrorCode): Finding[];
  /** The one finding with this code. */
  one(code: ErrorCode): Finding;
}

/** Runs env.precedence the way main does: world loaded once, redactor from the effective env, the runner. */
export async function run(
  env: Record<string, string>,
  host: Omit<TestHostOptions, 'env'> & {
    codex?: string | null;
    dotenv?: string;
    proxy?: string;
    /** What `scutil --proxy` / `reg query` print on macOS / Windows; null: the command fails. */
    systemProxy?: string | null;
  } = {},
): Promise<Run> {
  const { codex = '0.130.0', dotenv, proxy, systemProxy = '', ...rest } = host;
  const h = testHost({
    // A Windows user in PowerShell: it puts the user's module directory in PSModulePath (cmd does not).
    env: rest.platform === 'win32' ? { PSModulePath: `${rest.homeDir ?? '/home/user'}/Documents/PowerShell/Modules`, ...env } : env,
    ...rest,
    files: { ...(dotenv !== undefined && { [DOTENV]: dotenv }), ...rest.files },
    exec: (command) => {
      if (command !== 'codex') return systemProxy === null ? { code: 1, stdout: '', stderr: 'failed' } : { code: 0, stdout: systemProxy, stderr: '' };
      return codex === null ? { code: null, stdout: '', stderr: '' } : { code: 0, stdout: `codex-cli ${codex}\n`, stderr: '' };
    },
  });
  const options: RunOptions = { timeoutMs: 5000, verbose: false, ...(proxy !== undefined && { proxy }) };
  const world = loadWorld(h, options);
  const redactor = Redactor.fromEnv({ ...h.env, ...(await world).env });
  let facts: unknown;
  const check = { ...envPrecedence, run: async (ctx: Parameters<typeof envPrecedence.run>[0]) => {
    const result = await envPrecedence.run(ctx);
    facts = result.facts;
    return result;
  } };
  const [record] = await runChecks({ checks: [check], host: h, options, redactor, extra: { world: () => world } });
  // Every warn and fail finding carries its fix as an action (checked by withoutActions), not only the asserted ones.
  record!.findings.forEach(withoutActions);
  const all = (code: ErrorCode): Finding[] => record!.findings.filter((f) => f.code === code).map(withoutActions);
  return {
    record: record!,
    facts: facts as EnvPrecedenceFacts,
    all,
    one(code) {
      const found = all(code);
      expect(found.map((f) => f.code)).toEqual([code]);
      return found[0]!;
    },
  };
}
