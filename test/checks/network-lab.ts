// Runs the network checks against the embedded lab: a real-fs Host rooted in the lab's temp dir, whose
// "system store" is the lab's file, whose public roots are the lab's public root, and whose DNS is the
// lab's routing table (nothing is ever resolved or dialled but 127.0.0.1).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { caBundleCheck } from '../../src/checks/ca-bundle.js';
import type { DoctorCheck } from '../../src/checks/context.js';
import { envPrecedence } from '../../src/checks/env-precedence.js';
import type { RunOptions } from '../../src/core/check.js';
import type { Host } from '../../src/core/host.js';
import { realFs } from '../../src/core/real-host.js';
import type { CheckRecord } from '../../src/core/types.js';
import { startLab, type Lab, type LabSpec } from '../../src/lab/world.js';
import { testHost } from '../helpers/host.js';
import { runDoctorChecks, TEST_OPTIONS } from '../helpers/run-check.js';

export interface LabHost {
  lab: Lab;
  host: Host;
  codexHome: string;
  stop(): Promise<void>;
}

export async function labHost(spec: LabSpec, env: (lab: Lab) => Record<string, string> = () => ({})): Promise<LabHost> {
  const lab = await startLab(spec);
  const homeDir = path.join(lab.files.dir, 'home');
  const codexHome = path.join(homeDir, '.codex');
  await mkdir(codexHome, { recursive: true });
  const host = testHost({
    env: env(lab),
    fs: realFs,
    cwd: lab.files.dir,
    homeDir,
    // The lab mints its certificates against the real clock.
    now: new Date(),
    systemStore: { files: [lab.files.systemStore], dirs: [] },
  });
  host.dial = lab.dial;
  host.loopbackOnly = true;
  host.publicRoots = [lab.pem.publicRoot];
  return { lab, host, codexHome, stop: () => lab.stop() };
}

/** The offline checks the network checks need, then `checks`, through the real runner. */
export async function runWithNeeds(checks: readonly DoctorCheck[], host: Host, options: Partial<RunOptions> = {}): Promise<Map<string, CheckRecord>> {
  const records = await runDoctorChecks([caBundleCheck, envPrecedence, ...checks] as DoctorCheck[], host, { ...TEST_OPTIONS, ...options });
  return new Map(records.map((r) => [r.id, r]));
}

/** The proxy variable Codex reads for both transports. */
export function viaProxy(url: string | null): Record<string, string> {
  if (url === null) throw new Error('the lab has no proxy');
  return { HTTPS_PROXY: url };
}
